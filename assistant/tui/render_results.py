"""A search hit as a list entry: citation in both renderings, text-status badge, highlighted snippet."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from assistant.search.engine import SearchHit
from assistant.tui.cells import fit_cells, fold_cells, spread
from assistant.tui.styles import DIM, HIGHLIGHT, status_badge

SNIPPET_LINES = 2
_MEASURE = Console(width=200, color_system=None, legacy_windows=False)  # only used to wrap text, never prints


def highlighted(text: str, spans: tuple[tuple[int, int], ...] | list[tuple[int, int]]) -> Text:
    """`text` with each [start, end) span styled as a search match."""
    rich_text = Text(text)
    for start, end in spans:
        rich_text.stylize(HIGHLIGHT, start, end)
    return rich_text


def clip_lines(text: Text, width: int, lines: int, *, fold: bool = False) -> Text:
    """`text` wrapped to `width` cells (`fold`: at any character, for Chinese) and cut to `lines` lines."""
    wrapped = fold_cells(text, width) if fold else list(text.wrap(_MEASURE, max(1, width)))
    if len(wrapped) <= lines:
        return Text("\n").join(wrapped)
    kept = list(wrapped[:lines])
    last = kept[-1]
    last.rstrip()
    if last.cell_len + 1 > width:
        kept[-1] = fit_cells(last, width)  # cut, and the cut already ends in an ellipsis
    else:
        last.append("…")
    return Text("\n").join(kept)


def hit_prompt(hit: SearchHit, width: int) -> Text:
    """Three lines for one hit, laid out in terminal cells (`width` is the list's content width)."""
    badge = status_badge(hit.text_status)
    citation = Text.assemble((hit.citation_en, "bold"), "  ", (hit.citation_zh, ""))
    if hit.ref:
        citation.append(f"  → {hit.ref}", style=DIM)
    snippet = highlighted(hit.snippet, hit.highlights)
    snippet.rstrip()
    if badge.plain and cell_len(hit.citation_en) + 1 + badge.cell_len > width:
        # Too narrow for both on one line: the badge leads the snippet rather than being cut off.
        header = fit_cells(Text(hit.citation_en, style="bold"), width)
        snippet = Text.assemble(badge, " ", snippet)
    else:
        header = spread(citation, badge, width)
    fold = hit.snippet_lang == "zh"  # Chinese has no spaces to wrap at
    return Text("\n").join([header, clip_lines(snippet, width, SNIPPET_LINES, fold=fold)])
