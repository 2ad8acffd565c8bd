"""A law the question names is a soft boost: it may not take the whole first page from the other instruments.

Naming one instrument ("our blockchain app", 深圳) boosts its articles (`scoring.LAW_MENTION_BOOST`), so
they tend to fill the first page even when the question also asks what another instrument says (the
police want the logs: dsl:35 beside the blockchain log rule). At most `NAMED_LAW_PLACES` of the first
`PAGE` places go to the named law while other instruments' articles match the question; its further
articles follow right after the page. A question that names no law, or several, is left as ranked.

Measured on the dev sets only: with the English names taken out of the search words (see
`CitationResolver.name_words`), 6 places found one more cross-instrument answer (5 and 7 the same),
with R@5 and MRR unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.search.score_table import ScoreTable

Ranked = list[tuple[float, int]]

PAGE = 10
NAMED_LAW_PLACES = 6  # of the first PAGE places, the most a single named law may take while others match


def share_with_others(ranked: Ranked, table: ScoreTable, mentioned: tuple[str, ...]) -> Ranked:
    """`ranked` with the named law's hits beyond `NAMED_LAW_PLACES` on the first page moved just after it."""
    if len(mentioned) != 1:
        return ranked
    prefix = mentioned[0] + ":"
    page: Ranked = []
    held: Ranked = []
    named = 0
    for pair in ranked:
        own = table.ids[pair[1]].startswith(prefix)
        if own and named >= NAMED_LAW_PLACES and len(page) < PAGE:
            held.append(pair)
            continue
        named += own
        page.append(pair)
    return page[:PAGE] + held + page[PAGE:]
