"""Search filters (law, chapter, status, section): one value, read by the score table and by Whoosh alike."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.search.score_table import ScoreTable

# The filtered fields, in the order of `Filters.as_tuple` (the index and the score table store each).
FILTER_NAMES = ("law", "chapter", "status", "section")
FilterValues = tuple[str | None, str | None, str | None, str | None]


@dataclass(frozen=True)
class Filters:
    """What the user restricted the search to; None means any."""

    law: str | None = None
    chapter: str | None = None
    status: str | None = None
    section: str | None = None  # a section's number within its chapter (第二节 → "2"): given with `chapter`

    def as_tuple(self) -> FilterValues:
        """(law, chapter, status, section), as the score table's mask takes them."""
        return self.law, self.chapter, self.status, self.section

    def admits(self, table: ScoreTable, row: int) -> bool:
        """True when the article in `row` passes every filter."""
        mask = table.mask(*self.as_tuple())
        return mask is None or bool(mask[row])

    def whoosh_query(self) -> Any:
        """The same filters as a Whoosh query (None when there are none), for what Whoosh matches."""
        from whoosh import query as wq

        clauses = [wq.Term(name, value) for name, value in zip(FILTER_NAMES, self.as_tuple(), strict=True) if value]
        return wq.And(clauses) if clauses else None
