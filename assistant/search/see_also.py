"""See also: the reviewed counterparts of the first page's hits in other instruments rank higher.

Much conduct is governed by several instruments at once: a Shenzhen company sending personal
information abroad reads pipl:38, ndsr:35 and shenzhen:82; a breach is handled under dsl:29,
ndsr:11 and pipl:57. A lawyer who finds one of them wants its counterparts on the same page. The
counterparts are the related provisions of `corpus/links/related.yaml` (reviewed by hand; the
build hands them to search as article -> related articles of other instruments).

For each of the first `SOURCE_DEPTH` hits, each counterpart the question itself matches (score
above 0) gains `COUNTERPART_SHARE` of the score of the best hit it is related to, and never rises
above that hit: a counterpart follows its source, so the best direct match keeps its rank. A
counterpart the question does not match at all is never brought in, and filters and required
phrases still exclude (an excluded article scores 0).

Then the page as a whole: the best hit's counterparts that the question matches at all (at most
`PAGE_PLACES`) take the last places of the first page when they are not on it already. A question
that touches several instruments is usually answered first by one of them; the reviewed links say
where the others answer the same conduct, and the question's own words confirm it (score above 0).
The first places are never moved, so a single-instrument question keeps its top hits.

Measured on the dev sets only (every set `make eval-dev` prints, 198 cross-instrument questions):
placing the best hit's counterparts raised every-gold@10 from 0.712 to 0.747 with R@5 and MRR
unchanged; taking counterparts of the first 2-5 hits, or placing 3, gained less. Summing the gain
over every related hit found 3 more cross-instrument answers but lost 5 top-5 answers (a
counterpart of many hits is a hub); diversity rules that discount an instrument's second and
later hits (0.5-0.95 per hit already shown) or give every matching instrument a place lost
cross-instrument answers and top-5 answers alike: the missing gold article is most often the
third or later hit of an instrument already on the page, not an instrument missing from it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from assistant.search.score_table import ScoreTable

Ranked = list[tuple[float, int]]

SOURCE_DEPTH = 10  # the first page: its hits bring in their counterparts
COUNTERPART_SHARE = 0.3  # what a counterpart gains, as a share of the score of the best hit it is related to
BELOW_SOURCE = 0.999  # a counterpart rises at most to just below the best hit that brought it in
PAGE_PLACES = 2  # the best hit's counterparts that get a place on the first page, if not on it already


def with_counterparts(
    ranked: Ranked, scores: np.ndarray, table: ScoreTable, related: dict[str, tuple[str, ...]]
) -> Ranked:
    """`ranked` (best first) with the first hits' counterparts raised; re-sorted best first, ties by row."""
    gain: dict[int, float] = {}
    ceiling: dict[int, float] = {}
    for score, row in ranked[:SOURCE_DEPTH]:
        for article_id in related.get(table.ids[row], ()):
            other = table.row_of.get(article_id)
            if other is None or scores[other] <= 0:
                continue
            gain[other] = max(gain.get(other, 0.0), COUNTERPART_SHARE * score)
            ceiling[other] = max(ceiling.get(other, 0.0), BELOW_SOURCE * score)
    if not gain:
        return ranked
    current = {row: score for score, row in ranked}
    for row, extra in gain.items():
        own = current.get(row, float(scores[row]))
        current[row] = max(own, min(own + extra, ceiling[row]))
    return sorted(((score, row) for row, score in current.items()), key=lambda pair: (-pair[0], pair[1]))


def with_best_counterparts(
    ranked: Ranked, scores: np.ndarray, table: ScoreTable, related: dict[str, tuple[str, ...]]
) -> Ranked:
    """`ranked` with the best hit's counterparts that the question matches (at most `PAGE_PLACES`) placed at
    the end of the first page, when they are not on it already; the rest keeps its order."""
    if not ranked:
        return ranked
    first = {row for _, row in ranked[:SOURCE_DEPTH]}
    counterparts = (table.row_of.get(article_id) for article_id in related.get(table.ids[ranked[0][1]], ()))
    wanted = [row for row in counterparts if row is not None and row not in first and scores[row] > 0]
    wanted = wanted[:PAGE_PLACES]
    if not wanted:
        return ranked
    keep = min(max(SOURCE_DEPTH - len(wanted), 1), len(ranked))
    placed = [(float(scores[row]), row) for row in wanted]  # each shows its own score: it is placed, not rescored
    return ranked[:keep] + placed + [pair for pair in ranked[keep:] if pair[1] not in wanted]
