"""A penalty question is about a duty: its best duties come first, each followed by the articles that penalise it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.search.score_table import ScoreTable

PENALTY_LINK_DEPTH = 3  # how many top duty hits pull in their penalty articles

Ranked = list[tuple[float, int]]


def duties_then_penalties(
    ranked: Ranked,
    duty_hits: Ranked,
    table: ScoreTable,
    penalized_by: dict[str, tuple[str, ...]],
    law_filter: str | None,
    mentioned: tuple[str, ...],
) -> Ranked:
    """`ranked` reordered: each of the top `duty_hits` (ranked without the penalty words) that some article
    penalises, followed by those articles; then the rest of `ranked`."""
    top_score = ranked[0][0] if ranked else 1.0
    out: Ranked = []
    placed: set[int] = set()
    for _, row in duty_hits[:PENALTY_LINK_DEPTH]:
        duty = table.ids[row]
        penalties = [p for p in penalized_by.get(duty, ()) if not law_filter or p.startswith(law_filter + ":")]
        if not penalties or (mentioned and duty.split(":")[0] not in mentioned):
            continue
        for article_id in [duty, *penalties]:
            number = table.row_of.get(article_id)
            if number is not None and number not in placed:
                out.append((top_score + 1.0 - len(out) * 0.01, number))
                placed.add(number)
    return out + [(score, number) for score, number in ranked if number not in placed]
