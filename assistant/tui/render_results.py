"""A search hit as a list entry: citation in both renderings, text-status badge, highlighted snippet."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from assistant.tui.cells import fit_cells, fold_cells, spread
from assistant.tui.styles import DIM, HIGHLIGHT, status_badge

if TYPE_CHECKING:  # the engine imports Whoosh: keep it off the path to the first frame
    from assistant.search.results import SearchHit

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
        last.truncate(width - 1)  # cell-aware: never splits a double-width character
    last.append("…")
    return Text("\n").join(kept)


def window_on_match(
    snippet: str, spans: tuple[tuple[int, int], ...] | list[tuple[int, int]], room: int, *, chinese: bool
) -> tuple[str, list[tuple[int, int]]]:
    """The snippet started shortly before its first match when that match would fall past `room` characters,
    so the lines the list shows always show the match; an ellipsis marks the cut."""
    if not spans:
        return snippet, list(spans)
    first = min(start for start, _ in spans)
    if first < room * 2 // 3:
        return snippet, list(spans)
    cut = max(0, first - room // 4)
    if not chinese:  # start at a word
        space = snippet.rfind(" ", 0, cut + 1)
        cut = space + 1 if space > 0 else cut
    shifted = [(start - cut + 1, end - cut + 1) for start, end in spans if start >= cut]
    return "…" + snippet[cut:], shifted


def hit_prompt(hit: SearchHit, width: int) -> Text:
    """Three lines for one hit, laid out in terminal cells (`width` is the list's content width).

    The article number leads, so narrow lists cut the law's name or the Chinese citation, never the number.
    """
    badge = status_badge(hit.text_status)
    law_name = hit.citation_en.rsplit(" Art. ", 1)[0]
    citation = Text.assemble((f"Art. {hit.article}", "bold"), " ", (law_name, "bold"), "  ", (hit.citation_zh, DIM))
    if hit.ref:
        citation.append(f"  → {hit.ref}", style=DIM)
    chinese = hit.snippet_lang == "zh"
    room = (width // 2 if chinese else width) * SNIPPET_LINES  # characters the shown lines hold, roughly
    text, spans = window_on_match(hit.snippet, hit.highlights, room, chinese=chinese)
    snippet = highlighted(text, spans)
    snippet.rstrip()
    essential = cell_len(f"Art. {hit.article} {law_name}")
    if badge.plain and essential + 1 + badge.cell_len > width:
        # Short of room: the badge leads the snippet rather than squeezing the citation to nothing.
        header = fit_cells(citation, width)
        snippet = Text.assemble(badge, " ", snippet)
    else:
        header = spread(citation, badge, width)
    fold = hit.snippet_lang == "zh"  # Chinese has no spaces to wrap at
    return Text("\n").join([header, clip_lines(snippet, width, SNIPPET_LINES, fold=fold)])
