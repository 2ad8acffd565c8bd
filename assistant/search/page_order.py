"""The first page's order: among the articles already on it, those that answer more of the question come first.

A score is a sum: an article that repeats one of the question's words in its text, topics and question
bank (consent, 境外) can outscore the article that matches everything the question asks about (a state
organ collecting personal data without consent). Once the first page is chosen, each of its articles is
weighed by the share of the question's terms it contains (`coverage`, each term weighted by its boost,
matched in any field), and the page is put in order of `score x coverage ** COVERAGE_EXPONENT`.

Only the order within the page changes: which articles are on it (and so every see-also, named-law and
cross-instrument answer) stays as ranked. A penalty question keeps its order (each duty followed by the
articles that penalise it, see `penalty_order.py`).

The terms are the question's own single terms (CJK bigrams, English stems) and the one-token phrases its
expansions reached; a longer phrase is a specific match already counted by its score. Measured with a
leave-one-set-out split of the dev sets (tuned on search_questions, dev_cross, held-out 1, 3 and 6;
confirmed on dev_cross_2, held-out 2, 4, 5 and PIPL/NDSR): R@5 0.945 -> 0.950 and MRR 0.850 -> 0.871 on
the tuning half, R@5 0.951 -> 0.963 and MRR 0.859 -> 0.878 on the other half, cross-instrument unchanged
by construction. Coverage over the whole ranking, not only the page, gained more R@5 but lost
cross-instrument answers (second instruments word the same conduct differently and match fewer terms);
coverage over the text fields only lost both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from assistant.search.score_table import QueryPart, ScoreTable

Ranked = list[tuple[float, int]]

PAGE = 10  # the first page: its articles are put in order; the rest keeps its rank
COVERAGE_EXPONENT = 0.5  # how much the share of the question's terms counts against the summed score


def coverage(table: ScoreTable, parts: list[QueryPart], rows: list[int]) -> np.ndarray:
    """For each row, the weighted share of the question's single terms it contains in any field (0..1)."""
    import numpy as np

    weight: dict[tuple[str, ...], float] = {}
    fields: dict[tuple[str, ...], dict[str, QueryPart]] = {}
    for part in parts:
        if len(part.tokens) == 1:
            weight[part.tokens] = max(weight.get(part.tokens, 0.0), part.boost)
            fields.setdefault(part.tokens, {}).setdefault(part.field, part)
    total = sum(weight.values())
    if not total:
        return np.ones(len(rows))
    asked = np.asarray(rows, dtype=np.int64)
    share = np.zeros(len(rows))
    for tokens, by_field in fields.items():
        found = np.zeros(len(rows), dtype=bool)
        for part in by_field.values():  # text first (parts list it first), then the aids for the rows still missing
            found |= table.contains(part, asked)
            if found.all():
                break
        share += found * weight[tokens]
    return share / total


def by_coverage(ranked: Ranked, scores: np.ndarray, table: ScoreTable, parts: list[QueryPart]) -> Ranked:
    """`ranked` with its first `PAGE` articles in order of score x coverage ** COVERAGE_EXPONENT (each keeps its
    place on the page; ties keep their rank); the rest unchanged."""
    page = ranked[:PAGE]
    if len(page) < 2 or not parts:
        return ranked
    rows = [row for _, row in page]
    shares = coverage(table, parts, rows)
    weighed = [
        (float(scores[row]) * float(share) ** COVERAGE_EXPONENT, position)
        for position, (row, share) in enumerate(zip(rows, shares, strict=True))
    ]
    order = sorted(weighed, key=lambda pair: (-pair[0], pair[1]))
    return [page[position] for _, position in order] + ranked[PAGE:]
