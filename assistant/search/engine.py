"""The search engine: citations straight to their article, questions ranked with BM25F over both languages."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from whoosh import query as wq
from whoosh.qparser import MultifieldParser, OrGroup

from assistant.models import ArticleRef
from assistant.search.analysis import chinese_analyzer, cjk_bigrams, english_stems
from assistant.search.citation_query import CitationRecognizer
from assistant.search.index_store import IndexHandle
from assistant.search.query_terms import QueryTerms, clean_query, extract_terms
from assistant.search.score_table import QueryPart, ScoreTable, ScoreTableError, load_score_table
from assistant.search.snippets import Snippet, make_snippet, match_spans

LAW_MENTION_BOOST = 1.6
PENALTY_LINK_DEPTH = 3  # how many top duty hits pull in their penalty articles
TOPIC_WEIGHT = 0.75  # topic keywords are the project's words, not the law's: they count, but less
TOPIC_FIELDS = {"text_zh": "topics_zh", "text_en": "topics_en"}
COMMON_TERM_SHARE = 0.4  # a single term in more than this share of articles is too common to help ranking
_SYNTAX_HINT = re.compile(
    r'"|\b(?:AND|OR|NOT)\b|\b(?:text_zh|text_en|law|chapter|status|heading_zh|heading_en):|[*?]\S'
)


@dataclass(frozen=True)
class SearchHit:
    """One ranked article, with a highlighted snippet."""

    id: str
    law: str
    article: int
    score: float
    snippet: str
    highlights: tuple[tuple[int, int], ...]
    snippet_lang: str
    citation_zh: str
    citation_en: str
    text_status: str
    chapter: str
    matched: str
    ref: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The `dla search --json` hit contract."""
        return {
            "id": self.id,
            "law": self.law,
            "article": self.article,
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "highlights": [list(span) for span in self.highlights],
            "snippet_lang": self.snippet_lang,
            "citation_zh": self.citation_zh,
            "citation_en": self.citation_en,
            "text_status": self.text_status,
            "chapter": self.chapter,
            "matched": self.matched,
            "ref": self.ref,
        }


@dataclass
class SearchResults:
    """Hits for a query, what the query was understood as, and any notes for the user."""

    query: str
    hits: list[SearchHit] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)
    expanded: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The `dla search --json` result contract."""
        return {
            "query": self.query,
            "hits": [hit.to_dict() for hit in self.hits],
            "citations": self.citations,
            "expanded": self.expanded,
            "messages": self.messages,
        }


class SearchEngine:
    """Answers queries from an opened index; cheap to query many times."""

    def __init__(self, handle: IndexHandle) -> None:
        self.handle = handle
        self.index = handle.whoosh_index
        self.laws: dict[str, dict[str, Any]] = handle.query_data["laws"]
        self.glossary: list[dict[str, Any]] = handle.query_data["glossary"]
        self.cues: list[dict[str, Any]] = handle.query_data.get("cues", [])
        self.penalized_by: dict[str, list[str]] = handle.query_data.get("penalized_by", {})
        self.recognizer = CitationRecognizer({law: data["aliases"] for law, data in self.laws.items()})
        self._zh_analyzer = chinese_analyzer()
        self._table: ScoreTable | None = None
        self._table_loaded = False
        self.damage: str | None = None  # why the score table could not be used, when it could not
        self._searcher: Any = None
        self._lock = threading.Lock()
        self._law_mentions = {
            law: sorted({a.lower() for a in [law, *data["aliases"]] if len(a) >= 2}, key=len, reverse=True)
            for law, data in self.laws.items()
        }

    def highlighter(self, query: str) -> Callable[[str, str], list[tuple[int, int]]]:
        """A function giving the character spans of a text (in "zh" or "en") that match the query's terms.

        The spans come from the same analyzers and expansion as the search, so a reader highlights
        exactly what was matched; citations in the query are left out (they are not words to mark).
        """
        cleaned, _ = clean_query(query)
        matches = self.recognizer.find(cleaned)
        remainder = self.recognizer.remainder(cleaned, matches) if matches else cleaned
        terms = extract_terms(remainder, self.glossary, self.cues)

        def spans(text: str, lang: str) -> list[tuple[int, int]]:
            return match_spans(text, terms, lang) if text and not terms.empty else []

        return spans

    # -- citations ---------------------------------------------------------------------------

    def _ref_exists(self, ref: ArticleRef) -> str | None:
        """None when the ref exists, else why not."""
        law = self.laws.get(ref.law)
        if law is None:
            return f"unknown law {ref.law!r}"
        structure = law["structure"]
        if ref.article > len(structure):
            return f"{law['short_en']} has articles 1-{len(structure)}"
        if ref.paragraph is not None and ref.paragraph > len(structure[ref.article - 1]):
            return f"{law['short_en']} Art. {ref.article} has {len(structure[ref.article - 1])} paragraph(s)"
        if ref.item is not None and ref.paragraph is not None:
            items = structure[ref.article - 1][ref.paragraph - 1]
            if ref.item > items:
                return f"{law['short_en']} Art. {ref.article}({ref.paragraph}) has {items} item(s)"
        return None

    def _nearest_provision(self, ref: ArticleRef, bracketed: bool) -> ArticleRef | None:
        """For a cited paragraph or item that does not exist in an existing article: what the user most likely meant.

        "Art. 21(3)" of an article with one paragraph and items means its item 3 (the usual English
        rendering of 第二十一条第（三）项); anything else falls back to the article itself, never to
        another article. None when the article itself does not exist.
        """
        structure = self.laws[ref.law]["structure"]
        if ref.paragraph is None or ref.article > len(structure):
            return None
        paragraphs = structure[ref.article - 1]
        if bracketed and ref.item is None and len(paragraphs) == 1 and ref.paragraph <= paragraphs[0]:
            return ArticleRef(ref.law, ref.article, 1, ref.paragraph)
        return ArticleRef(ref.law, ref.article)

    def mentioned_laws(self, text: str) -> list[str]:
        """Laws the query names anywhere (by id or alias)."""
        lowered = text.lower()
        found = []
        for law, names in self._law_mentions.items():
            for name in names:
                if re.search(r"[a-z]", name):
                    if re.search(rf"(?<![a-z0-9]){re.escape(name)}(?![a-z0-9])", lowered):
                        found.append(law)
                        break
                elif name in lowered:
                    found.append(law)
                    break
        return found

    def _citation_refs(
        self, query: str, law_filter: str | None, results: SearchResults
    ) -> tuple[list[ArticleRef], str]:
        matches = self.recognizer.find(query)
        if not matches:
            return [], query
        mentioned = self.mentioned_laws(query)
        refs: list[ArticleRef] = []
        for match in matches:
            law = match.law or (mentioned[0] if len(mentioned) == 1 else None) or law_filter
            candidates = [ArticleRef(law, match.article, match.paragraph, match.item)] if law else [
                ArticleRef(name, match.article, match.paragraph, match.item) for name in self.laws
            ]  # fmt: skip
            valid = []
            for ref in candidates:
                if law_filter and ref.law != law_filter:
                    continue
                problem = self._ref_exists(ref)
                if problem is None:
                    valid.append(ref)
                elif law:
                    nearest = self._nearest_provision(ref, match.bracketed)
                    if nearest is None:
                        results.messages.append(f"no such provision {ref.id}: {problem}")
                    elif nearest.item is not None and ref.item is None:
                        results.messages.append(
                            f"{ref.id} does not exist ({problem}): read as item {nearest.item}, {nearest.id}"
                        )
                        valid.append(nearest)
                    else:
                        results.messages.append(f"no such provision {ref.id}: {problem}; showing {nearest.id}")
                        valid.append(nearest)
            refs.extend(r for r in valid if r not in refs)
        return refs, self.recognizer.remainder(query, matches)

    # -- text search ---------------------------------------------------------------------------

    def _tokens(self, fieldname: str, text: str) -> tuple[str, ...]:
        if fieldname.endswith("_zh"):
            return tuple(token.text for token in self._zh_analyzer(text))
        return tuple(english_stems(text))

    def _plain_parts(self, terms: QueryTerms, table: ScoreTable | None, searcher: Any) -> list[QueryPart]:
        """The clauses of a plain query: its bigrams and stems, plus weighted glossary and cue phrases.

        Single terms found in most articles (数据, "data") are dropped when others remain: their
        BM25 weight is near zero, yet their posting lists are the longest, and they dominate the cost
        as the corpus grows.
        """
        frequency = table.document_frequency if table is not None else searcher.reader().doc_frequency
        size = table.size if table is not None else searcher.doc_count()
        common_limit = COMMON_TERM_SHARE * max(1, size)
        single: dict[tuple[str, str], None] = {}
        for chunk in terms.zh_chunks:
            for bigram, _ in cjk_bigrams(chunk):
                single[("text_zh", bigram)] = None
        for stem in terms.en_stems:
            single[("text_en", stem)] = None
        rare = [key for key in single if frequency(*key) <= common_limit]
        parts = [QueryPart(fieldname, (text,)) for fieldname, text in (rare or list(single))]
        # The same words against the articles' everyday topic keywords, weighted below the text itself.
        topic_terms = [(TOPIC_FIELDS[fieldname], text) for fieldname, text in single]
        topic_rare = [key for key in topic_terms if frequency(*key) <= common_limit]
        parts += [QueryPart(fieldname, (text,), TOPIC_WEIGHT) for fieldname, text in topic_rare]
        for fieldname, phrases, factor in (
            ("text_zh", terms.zh_phrases, 1.0),
            ("text_en", terms.en_phrases, 1.0),
            ("heading_zh", terms.heading_zh, 1.0),
            ("heading_en", terms.heading_en, 1.0),
            ("topics_zh", terms.zh_phrases, TOPIC_WEIGHT),
            ("topics_en", terms.en_phrases, TOPIC_WEIGHT),
        ):
            for phrase, weight in phrases.items():
                tokens = self._tokens(fieldname, phrase)
                if tokens:
                    parts.append(QueryPart(fieldname, tokens, weight * factor))
        return parts

    @staticmethod
    def _whoosh_query(parts: list[QueryPart]) -> wq.Query:
        """The same clauses as a Whoosh query: the reference the score table reproduces, and its fallback."""
        clauses: list[wq.Query] = [
            wq.Term(part.field, part.tokens[0], boost=part.boost)
            if len(part.tokens) == 1
            else wq.Phrase(part.field, list(part.tokens), boost=part.boost)
            for part in parts
        ]
        return wq.Or(clauses) if clauses else wq.NullQuery

    def _open_searcher(self) -> Any:
        if self._searcher is None:
            self._searcher = self.index.searcher()
        return self._searcher

    def close(self) -> None:
        """Release the index files (a later search opens them again)."""
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None

    def score_table(self) -> ScoreTable | None:
        """The index's score table, loaded on first use; None (and `damage` set) when it cannot be read."""
        if not self._table_loaded:
            self._table_loaded = True
            try:
                self._table = load_score_table(self.handle.folder)
            except ScoreTableError as error:
                self.damage = str(error)
        return self._table

    def _rank(
        self,
        parts: list[QueryPart],
        searcher: Any,
        filters: tuple[str | None, str | None, str | None],
        mentioned: list[str],
        limit: int,
        use_table: bool = True,
    ) -> list[tuple[float, int]]:
        """(score, docnum) best first: from the score table when it can answer exactly, else from Whoosh."""
        table = self.score_table() if use_table else None
        if table is not None and all(table.knows(part) for part in parts):
            return table.rank(parts, filters, mentioned, LAW_MENTION_BOOST, limit)
        return self._rank_whoosh(self._whoosh_query(parts), searcher, filters, mentioned, limit)

    def _rank_whoosh(
        self,
        query: wq.Query,
        searcher: Any,
        filters: tuple[str | None, str | None, str | None],
        mentioned: list[str],
        limit: int,
    ) -> list[tuple[float, int]]:
        found = searcher.search(query, filter=self._filter(*filters), limit=limit)
        boosted = [
            (hit.score * (LAW_MENTION_BOOST if mentioned and hit["law"] in mentioned else 1.0), hit.docnum)
            for hit in found
        ]
        return sorted(boosted, key=lambda pair: (-pair[0], pair[1]))

    def _fields(self, searcher: Any, docnum: int) -> dict[str, Any]:
        return dict(searcher.stored_fields(docnum))

    def _syntax_query(self, text: str) -> wq.Query | None:
        """Whoosh query syntax for power users; None when it does not parse into something usable."""
        parser = MultifieldParser(["text_zh", "text_en"], schema=self.index.schema, group=OrGroup)
        try:
            parsed = parser.parse(text)
        except Exception:
            return None
        if parsed is wq.NullQuery or any("Error" in type(q).__name__ for q in [parsed, *parsed.leaves()]):
            return None
        return parsed

    @staticmethod
    def _filter(law: str | None, chapter: str | None, status: str | None) -> wq.Query | None:
        clauses: list[wq.Query] = []
        if law:
            clauses.append(wq.Term("law", law))
        if chapter:
            clauses.append(wq.Term("chapter", chapter))
        if status:
            clauses.append(wq.Term("status", status))
        return wq.And(clauses) if clauses else None

    def search(
        self,
        text: str,
        law: str | None = None,
        chapter: str | None = None,
        status: str | None = None,
        limit: int = 10,
        syntax: bool | None = None,
    ) -> SearchResults:
        """Rank articles for a query; never raises for any input text."""
        query, note = clean_query(text)
        results = SearchResults(query=query)
        if note:
            results.messages.append(note)
        if not query:
            results.messages.append("empty query: type a citation (dsl:27), a phrase or a question")
            return results
        if law and law not in self.laws:
            results.messages.append(f"unknown law {law!r}; known: {', '.join(self.laws)}")
            return results
        cited, remainder = self._citation_refs(query, law, results)
        results.citations = [ref.id for ref in cited]
        seen: set[str] = set()
        # One searcher for the engine's life: opening one reads the stored-field offsets, which grows
        # with the corpus; the lock keeps threads (TUI workers) from sharing its file positions at once.
        with self._lock:
            searcher = self._open_searcher()
            for rank, ref in enumerate(cited):
                doc = searcher.document(id=ref.article_id)
                if doc is None or ref.article_id in seen or len(results.hits) >= limit:
                    continue
                seen.add(ref.article_id)
                results.hits.append(self._hit(doc, 1000.0 - rank, QueryTerms(), "citation", ref, query))
            terms = extract_terms(remainder, self.glossary, self.cues) if remainder else QueryTerms()
            results.expanded = terms.expanded
            use_syntax = syntax if syntax is not None else bool(_SYNTAX_HINT.search(remainder))
            syntax_query: wq.Query | None = None
            if remainder and use_syntax:
                syntax_query = self._syntax_query(remainder)
                if syntax_query is None:
                    results.messages.append("query syntax not understood: searched the plain terms instead")
            # A citation alone needs no scoring: the table (and numpy) loads only for text to rank.
            plain = syntax_query is None and not terms.empty
            parts = self._plain_parts(terms, self.score_table(), searcher) if plain else []
            if syntax_query is None and not parts:
                if not cited and not results.messages:
                    results.messages.append("nothing searchable in the query")
                return results
            mentioned = [] if cited else self.mentioned_laws(query)
            filters = (law, chapter, status)
            depth = max(limit * 3, 30)
            if syntax_query is not None:
                ranked = self._rank_whoosh(syntax_query, searcher, filters, mentioned, depth)
            else:
                ranked = self._rank(parts, searcher, filters, mentioned, depth)
                if "penalty" in terms.cues:
                    ranked = self._duties_then_penalties(remainder, ranked, searcher, filters, mentioned)
            for score, docnum in ranked:
                if len(results.hits) >= limit:
                    break
                doc = self._fields(searcher, docnum)
                if doc["id"] in seen:
                    continue
                seen.add(doc["id"])
                results.hits.append(self._hit(doc, score, terms, "text", None, query))
        if not results.hits:
            results.messages.append("no article matches the query")
        return results

    def _duties_then_penalties(
        self, remainder: str, ranked: list[tuple[float, int]], searcher: Any,
        filters: tuple[str | None, str | None, str | None], mentioned: list[str],
    ) -> list[tuple[float, int]]:  # fmt: skip
        """A penalty question is about a duty: its best duties come first, each followed by its penalty articles."""
        topic = extract_terms(remainder, self.glossary, self.cues, skip_cues=("penalty",))
        if topic.empty:
            return ranked
        topic_parts = self._plain_parts(topic, self.score_table(), searcher)
        topic_hits = self._rank(topic_parts, searcher, filters, [], PENALTY_LINK_DEPTH)
        law = filters[0]
        top_score = ranked[0][0] if ranked else 1.0
        out: list[tuple[float, int]] = []
        placed: set[int] = set()
        for _, docnum in topic_hits:
            duty = self._fields(searcher, docnum)
            penalties = [p for p in self.penalized_by.get(duty["id"], []) if not law or p.startswith(law + ":")]
            if not penalties or (mentioned and duty["law"] not in mentioned):
                continue
            for doc_id in [duty["id"], *penalties]:
                number = searcher.document_number(id=doc_id)
                if number is not None and number not in placed:
                    out.append((top_score + 1.0 - len(out) * 0.01, number))
                    placed.add(number)
        return out + [(score, number) for score, number in ranked if number not in placed]

    def _hit(
        self, doc: dict[str, Any], score: float, terms: QueryTerms, matched: str, ref: ArticleRef | None, query: str
    ) -> SearchHit:
        prefer_zh = terms.is_chinese if not terms.empty else bool(re.search(r"[\u4e00-\u9fff]", query))
        snippet: Snippet = make_snippet(doc["text_zh"], doc["text_en"], terms, prefer_zh)
        return SearchHit(
            id=doc["id"],
            law=doc["law"],
            article=doc["article"],
            score=score,
            snippet=snippet.text,
            highlights=snippet.highlights,
            snippet_lang=snippet.lang,
            citation_zh=doc["citation_zh"],
            citation_en=doc["citation_en"],
            text_status=doc["status"],
            chapter=doc["chapter_label"],
            matched=matched,
            ref=ref.id if ref is not None and ref.paragraph is not None else None,
        )
