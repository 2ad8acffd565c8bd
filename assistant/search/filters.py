"""Search filters (law, chapter, status): one value, read by the score table and by Whoosh alike."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.search.score_table import ScoreTable


@dataclass(frozen=True)
class Filters:
    """What the user restricted the search to; None means any."""

    law: str | None = None
    chapter: str | None = None
    status: str | None = None

    def as_tuple(self) -> tuple[str | None, str | None, str | None]:
        """(law, chapter, status), as the score table's mask takes them."""
        return self.law, self.chapter, self.status

    def admits(self, table: ScoreTable, row: int) -> bool:
        """True when the article in `row` passes every filter."""
        mask = table.mask(*self.as_tuple())
        return mask is None or bool(mask[row])

    def whoosh_query(self) -> Any:
        """The same filters as a Whoosh query (None when there are none), for what Whoosh matches."""
        from whoosh import query as wq

        clauses = [
            wq.Term(name, value)
            for name, value in zip(("law", "chapter", "status"), self.as_tuple(), strict=True)
            if value
        ]
        return wq.And(clauses) if clauses else None
