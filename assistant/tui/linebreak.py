"""Chinese line breaking (禁则): no line starts with closing punctuation or ends with an opening bracket."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

# A line may not start with these (they close or end something) ...
NO_LINE_START = frozenset("、，。；：）》！？」』】〕…’”%·,.;:!?)]")
# ... and may not end with these (they open something).
NO_LINE_END = frozenset("（《「『【〔‘“([")


def break_offsets(text: str, width: int) -> list[int]:
    """Where to start each new line so every line fits `width` cells and obeys the rules above.

    A character that may not start a line takes the character before it along to the next line; a line
    that would end in an opening bracket gives the bracket to the next line. Explicit newlines always break.
    """
    width = max(4, width)  # room for two double-width characters, so a pulled-down pair always fits
    offsets: list[int] = []
    start = used = 0
    for index, character in enumerate(text):
        if character == "\n":
            offsets.append(index + 1)
            start, used = index + 1, 0
            continue
        cells = cell_len(character)
        if used + cells <= width:
            used += cells
            continue
        cut = index
        while cut - 1 > start and (text[cut] in NO_LINE_START or text[cut - 1] in NO_LINE_END):
            cut -= 1
        offsets.append(cut)
        start, used = cut, cell_len(text[cut : index + 1])
    return [offset for offset in offsets if 0 < offset < len(text)]


class ChineseText:
    """A Text that wraps at any character, as Chinese does, following the line-breaking rules; styles are kept."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines = self.text.divide(break_offsets(self.text.plain, options.max_width))
        for line in lines:
            line.end = "\n"
            line.no_wrap = True
            line.overflow = "crop"
            yield line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        longest = max((cell_len(line) for line in self.text.plain.split("\n")), default=0)
        return Measurement(min(4, longest), longest)
