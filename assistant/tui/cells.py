"""Terminal cell widths: CJK characters take two cells, so layout uses rich's `cell_len`, never `len()`."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text


def pad_cells(text: str, width: int) -> str:
    """`text` padded with spaces to `width` terminal cells (unchanged when already as wide or wider)."""
    return text + " " * max(0, width - cell_len(text))


def fit_cells(text: Text, width: int) -> Text:
    """A copy of `text` cut to at most `width` cells, ending in an ellipsis when cut; styles are kept."""
    fitted = text.copy()
    if width <= 0:
        return Text("")
    if fitted.cell_len > width:
        fitted.truncate(width, overflow="ellipsis")
    return fitted


def spread(left: Text, right: Text, width: int) -> Text:
    """`left` and `right` on one line of `width` cells, `right` flush right; `left` is cut first when short of room."""
    if not right.plain:
        return fit_cells(left, width)
    room = width - right.cell_len - 1
    if room < 4:  # too narrow to share: the right part goes after the left with one space
        return Text.assemble(fit_cells(left, width), " ", right)
    fitted = fit_cells(left, room)
    gap = width - fitted.cell_len - right.cell_len
    return Text.assemble(fitted, " " * max(1, gap), right)


def fold_cells(text: Text, width: int) -> list[Text]:
    """`text` cut into lines of at most `width` cells at any character (for Chinese, which has no spaces)."""
    width = max(2, width)  # a double-width character needs two cells
    offsets: list[int] = []
    used = 0
    for index, character in enumerate(text.plain):
        cells = cell_len(character)
        if used + cells > width:
            offsets.append(index)
            used = 0
        used += cells
    return list(text.divide(offsets))
