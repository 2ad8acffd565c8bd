"""A penalty question is about a duty: its best duties come first, each followed by the articles that penalise it.

After them the page alternates the next duties (ranked without the penalty words) with the rest of the
penalty ranking, so the liability articles of every instrument do not crowd out the conduct the question
is about ("what's the fine if our app keeps asking for consent after users said no" wants the consent
duties beside the fines). A question with little besides its penalty words ("what's the max fine?"),
whose best duty scores under `DUTY_SHARE` of the best hit, keeps the penalty ranking.

Every instrument has its own liability articles, and a question rarely says which instrument's fine
it means: among the first `PENALTY_SPREAD` hits of the penalty ranking, each instrument's best comes
first (dev sets: 3 more cross-instrument answers, none lost; the first 10 or 20 lost one).

Measured on the dev sets only: alternating (with the penalty words taken out of the duty query) found
6 more cross-instrument answers and lost 2, with R@5 and MRR unchanged; keeping only the duties' own
instruments' liability articles, or giving the penalty ranking two places for each duty, did worse.
"""

from __future__ import annotations

from itertools import zip_longest
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.search.score_table import ScoreTable

PENALTY_LINK_DEPTH = 3  # how many top duty hits pull in their penalty articles
DUTY_DEPTH = 10  # how many duty hits a penalty question ranks (the first PENALTY_LINK_DEPTH bring their penalties)
PENALTY_SPREAD = 6  # among the first hits of the penalty ranking, each instrument's best liability article comes first
DUTY_SHARE = 0.2  # the best duty must score this share of the best hit for duties to alternate with penalties

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
    rest = [number for _, number in ranked if number not in placed]
    rest = _each_instrument_first(rest[:PENALTY_SPREAD], table) + rest[PENALTY_SPREAD:]
    if duty_hits and duty_hits[0][0] >= DUTY_SHARE * top_score:
        rest = _alternate([number for _, number in duty_hits if number not in placed], rest)
    floor = out[-1][0] if out else top_score + 1.0
    return out + [(floor - (position + 1) * 0.01, number) for position, number in enumerate(rest)]


def _each_instrument_first(rows: list[int], table: ScoreTable) -> list[int]:
    """The rows with each instrument's best first (in their order), then the others (in their order)."""
    firsts: list[int] = []
    others: list[int] = []
    laws: set[str] = set()
    for number in rows:
        law = table.ids[number].split(":")[0]
        (others if law in laws else firsts).append(number)
        laws.add(law)
    return firsts + others


def _alternate(first: list[int], second: list[int]) -> list[int]:
    """One from each list in turn, each row once, until both are used up."""
    merged: list[int] = []
    seen: set[int] = set()
    for pair in zip_longest(first, second):
        for number in pair:
            if number is not None and number not in seen:
                merged.append(number)
                seen.add(number)
    return merged
