"""The search engine, an orchestrator: plan the query, resolve citations, score, then make hits.

Each job has its own module: `query_plan` (one meaning for every query), `citations` (what a query
cites), `scoring` (the one scoring path, over `score_table`), `see_also` (related provisions of
other instruments), `index_reader` (Whoosh: stored fields, phrases, explicit syntax), `filters`,
`penalty_order`, `named_law` (a named law leaves room for the others), `page_order` (the first page's
order) and `snippets`.
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.search.citations import CitationResolver
from assistant.search.filters import Filters
from assistant.search.index_reader import IndexReader, phrase_query
from assistant.search.index_store import IndexHandle
from assistant.search.named_law import share_with_others
from assistant.search.page_order import by_coverage
from assistant.search.penalty_order import DUTY_DEPTH, duties_then_penalties
from assistant.search.query_cues import without_cue_words
from assistant.search.query_plan import QueryPlan, plan_query
from assistant.search.query_terms import QueryTerms, clean_query, extract_terms
from assistant.search.results import SearchHit, SearchResults
from assistant.search.score_table import ScoreTable, load_score_table
from assistant.search.scoring import article_scores, query_parts, rank
from assistant.search.see_also import with_best_counterparts, with_counterparts
from assistant.search.snippets import make_hit, match_spans

__all__ = ["SearchEngine", "SearchHit", "SearchResults"]
Ranked = list[tuple[float, int]]
EMPTY_QUERY = "empty query: type a citation (dsl:27), a phrase or a question"
NAMED_ONLY = "a law's name and nothing else to search for: its articles from the first (add words to search within it)"


class SearchEngine:
    """Answers queries from an opened index; cheap to query many times."""

    def __init__(self, handle: IndexHandle) -> None:
        self.handle = handle
        self.data = handle.query_data
        self.citations = CitationResolver(self.data.laws, self.data.outside)
        self.reader = IndexReader(handle.whoosh_index)
        self._table: ScoreTable | None = None

    def score_table(self) -> ScoreTable:
        """The index's score table, loaded on first use; ScoreTableError when damaged (the index is rebuilt)."""
        if self._table is None:
            self._table = load_score_table(self.handle.folder)
        return self._table

    def close(self) -> None:
        """Release the index files (a later search opens them again)."""
        self.reader.close()

    def search(
        self,
        text: str,
        law: str | None = None,
        chapter: str | None = None,
        status: str | None = None,
        limit: int = 10,
        syntax: bool | None = None,
        section: str | None = None,
    ) -> SearchResults:
        """Rank articles for a query; never raises for any input text (a damaged table raises ScoreTableError).

        `section` (a section's number, with `chapter`) limits a chapter filter to one of its sections (第二节)."""
        query, note = clean_query(text)
        messages = [note] if note else []
        if not query:
            return SearchResults(query, messages=(*messages, EMPTY_QUERY))
        if law and law not in self.data.laws:
            return SearchResults(
                query, messages=(*messages, f"unknown law {law!r}; known: {', '.join(self.data.laws)}")
            )
        plan = plan_query(query, self.data, self.citations, law, syntax)
        messages += plan.citations.messages
        hits: list[SearchHit] = []
        cited: set[str] = set()
        with self.reader.session() as reader:
            for ref in plan.citations.refs:
                number = reader.docnum(ref.article_id)
                if number is not None:
                    cited.add(ref.article_id)
                if number is not None and len(hits) < limit and all(hit.id != ref.article_id for hit in hits):
                    hits.append(
                        make_hit(reader.stored(number), 1000.0 - len(hits), QueryTerms(), "citation", ref, query)
                    )
            searchable = not plan.terms.empty or plan.syntax is not None
            filters = Filters(law, chapter, status, section if chapter else None)
            ranked, total = self._rank(plan, filters, messages, max(limit * 3, 30), cited) if searchable else ([], 0)
            for score, number in ranked:
                if len(hits) >= limit:
                    break
                doc = reader.stored(number)
                if all(hit.id != doc["id"] for hit in hits):
                    hits.append(make_hit(doc, score, plan.terms, "text", None, query))
            if not searchable and not plan.citations.refs and not plan.citations.messages and plan.mentioned:
                # Only a law's name (数据安全法, "Shenzhen Data Regulations"): read it from its first article. Not
                # after a citation that named nothing (DSL art. 99): Enter would open an article not typed.
                rows = self._named_laws_in_order(plan.mentioned, filters, limit)
                hits += [make_hit(reader.stored(row), 0.0, QueryTerms(), "law", None, query) for row in rows]
                messages.append(NAMED_ONLY)
        if not hits and not messages:
            messages.append("no article matches the query" if searchable else "nothing searchable in the query")
        citations = tuple(ref.id for ref in plan.citations.refs)
        total = total if searchable else len(cited) or len(hits)
        return SearchResults(query, tuple(hits), citations, tuple(plan.terms.expanded), tuple(messages), total)

    def _rank(
        self, plan: QueryPlan, filters: Filters, messages: list[str], depth: int, cited: set[str]
    ) -> tuple[Ranked, int]:
        """The best `depth` (score, row) pairs, and how many articles match: scored above zero, or cited."""
        table = self.score_table()
        allowed = self._required(plan, filters, messages)
        parts = query_parts(plan.terms, table) if not plan.terms.empty else []
        if not parts:
            everything = rank(table, parts, filters, list(plan.mentioned), len(table.ids), allowed)
            matched = {table.ids[row] for score, row in everything if score > 0}
            return everything[:depth], len(matched | cited)
        scores = article_scores(table, parts, filters, list(plan.mentioned), allowed)
        unscored_citations = sum(1 for article in cited if scores[table.row_of.get(article, -1)] <= 0)
        total = int((scores > 0).sum()) + unscored_citations
        ranked = table.top(scores, depth)
        penalty_question = "penalty" in plan.terms.cues
        if penalty_question:
            duty_words = self._duty_words(plan.words)
            duty = extract_terms(
                duty_words, self.data.glossary_index, self.data.cues, ("penalty",), self.citations.name_words
            )
            if not duty.empty:
                duty_hits = rank(table, query_parts(duty, table), filters, [], DUTY_DEPTH, allowed)
                ranked = duties_then_penalties(
                    ranked, duty_hits, table, self.data.penalized_by, filters.law, plan.mentioned
                )
        ranked = with_counterparts(ranked, scores, table, self.data.related)
        ranked = with_best_counterparts(ranked, scores, table, self.data.related)
        ranked = share_with_others(ranked, table, plan.mentioned)
        # The page is chosen; its order favours the articles that answer more of the question (not a penalty
        # question's, which pairs each duty with its penalties).
        return (ranked if penalty_question else by_coverage(ranked, scores, table, parts)), total

    def _named_laws_in_order(self, laws: tuple[str, ...], filters: Filters, limit: int) -> list[int]:
        """The first articles of each named law, in the law's order and within the filters, sharing `limit`."""
        table = self.score_table()
        mask = table.mask(*filters.as_tuple())
        share = max(limit // len(laws), 1)
        rows: list[int] = []
        for law in laws:
            in_law = [row for row, doc_id in enumerate(table.ids) if doc_id.startswith(f"{law}:")]
            rows += [row for row in in_law if mask is None or mask[row]][:share]
        return rows[:limit]

    def _duty_words(self, words: str) -> str:
        """A penalty question's words without the penalty words: what the duty is."""
        for cue in self.data.cues:
            if cue.id == "penalty":
                words = without_cue_words(words, cue)
        return words

    def _required(self, plan: QueryPlan, filters: Filters, messages: list[str]) -> set[int] | None:
        """The articles that explicit syntax or quoted phrases allow (None: any), from Whoosh."""
        allowed: set[int] | None = None
        if plan.syntax is not None:
            parsed = self.reader.syntax_query(plan.syntax)
            if parsed is None:
                messages.append("query syntax not understood: searched the plain terms instead")
            else:
                allowed = self.reader.matching(parsed, filters)
        for phrase, literal in zip(plan.phrases, plan.quoted, strict=True):
            found = self.reader.matching(phrase_query(phrase, literal), filters)
            if not found:
                messages.append(f'no article contains "{literal}": showing articles that match its words')
                continue
            allowed = found if allowed is None else allowed & found
        return allowed

    def highlighter(self, query: str) -> Callable[[str, str], list[tuple[int, int]]]:
        """A function giving the character spans of a text (in "zh" or "en") that match the query's terms.

        The spans come from the same analyzers and expansion as the search, so a reader highlights
        exactly what was matched; citations in the query are left out (they are not words to mark).
        """
        cleaned, _ = clean_query(query)
        terms = plan_query(cleaned, self.data, self.citations, None, None).terms if cleaned else QueryTerms()

        def spans(text: str, lang: str) -> list[tuple[int, int]]:
            return match_spans(text, terms, lang) if text and not terms.empty else []

        return spans
