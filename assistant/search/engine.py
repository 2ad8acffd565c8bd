"""The search engine: citations straight to their article, questions ranked with BM25F over both languages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from whoosh import query as wq
from whoosh.qparser import MultifieldParser, OrGroup

from assistant.models import ArticleRef
from assistant.search.analysis import chinese_analyzer, cjk_bigrams, english_stems
from assistant.search.citation_query import CitationRecognizer
from assistant.search.index_store import IndexHandle
from assistant.search.query_terms import QueryTerms, clean_query, extract_terms
from assistant.search.snippets import Snippet, make_snippet

LAW_MENTION_BOOST = 1.6
PENALTY_LINK_DEPTH = 3
COMMON_TERM_SHARE = 0.4  # a single term in more than this share of articles is too common to help ranking  # how many top duty hits pull in their penalty articles
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
        self._law_mentions = {
            law: sorted({a.lower() for a in [law, *data["aliases"]] if len(a) >= 2}, key=len, reverse=True)
            for law, data in self.laws.items()
        }

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
                    results.messages.append(f"no such provision {ref.id}: {problem}")
            refs.extend(r for r in valid if r not in refs)
        return refs, self.recognizer.remainder(query, matches)

    # -- text search ---------------------------------------------------------------------------

    def _phrase(self, fieldname: str, text: str, boost: float) -> wq.Query:
        tokens = [token.text for token in self._zh_analyzer(text)] if fieldname.endswith("_zh") else english_stems(text)
        if not tokens:
            return wq.NullQuery
        if len(tokens) == 1:
            return wq.Term(fieldname, tokens[0], boost=boost)
        return wq.Phrase(fieldname, tokens, boost=boost)

    def _terms_query(self, terms: QueryTerms, searcher: Any) -> wq.Query:
        """OR of the query's bigrams and stems, plus weighted glossary and cue phrases.

        Single terms found in most articles (数据, "data") are dropped when others remain: their
        BM25 weight is near zero, yet their posting lists are the longest, and they dominate the cost
        as the corpus grows.
        """
        reader = searcher.reader()
        common_limit = COMMON_TERM_SHARE * max(1, searcher.doc_count())
        single: dict[tuple[str, str], None] = {}
        for chunk in terms.zh_chunks:
            for bigram, _ in cjk_bigrams(chunk):
                single[("text_zh", bigram)] = None
        for stem in terms.en_stems:
            single[("text_en", stem)] = None
        rare = [key for key in single if reader.doc_frequency(*key) <= common_limit]
        parts: list[wq.Query] = [wq.Term(fieldname, text) for fieldname, text in (rare or list(single))]
        for phrase, weight in terms.zh_phrases.items():
            parts.append(self._phrase("text_zh", phrase, weight))
        for phrase, weight in terms.en_phrases.items():
            parts.append(self._phrase("text_en", phrase, weight))
        for phrase, weight in terms.heading_zh.items():
            parts.append(self._phrase("heading_zh", phrase, weight))
        for phrase, weight in terms.heading_en.items():
            parts.append(self._phrase("heading_en", phrase, weight))
        parts = [p for p in parts if p is not wq.NullQuery]
        return wq.Or(parts) if parts else wq.NullQuery

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
        with self.index.searcher() as searcher:
            for rank, ref in enumerate(cited):
                doc = searcher.document(id=ref.article_id)
                if doc is None or ref.article_id in seen or len(results.hits) >= limit:
                    continue
                seen.add(ref.article_id)
                results.hits.append(self._hit(doc, 1000.0 - rank, QueryTerms(), "citation", ref, query))
            terms = extract_terms(remainder, self.glossary, self.cues) if remainder else QueryTerms()
            results.expanded = terms.expanded
            use_syntax = syntax if syntax is not None else bool(_SYNTAX_HINT.search(remainder))
            whoosh_query: wq.Query | None = None
            if remainder and use_syntax:
                whoosh_query = self._syntax_query(remainder)
                if whoosh_query is None:
                    results.messages.append("query syntax not understood: searched the plain terms instead")
            if whoosh_query is None and not terms.empty:
                whoosh_query = self._terms_query(terms, searcher)
            if whoosh_query is None or whoosh_query is wq.NullQuery:
                if not cited and not results.messages:
                    results.messages.append("nothing searchable in the query")
                return results
            mentioned = [] if cited else self.mentioned_laws(query)
            found = searcher.search(whoosh_query, filter=self._filter(law, chapter, status), limit=max(limit * 3, 30))
            ranked = sorted(
                ((hit.score * (LAW_MENTION_BOOST if hit["law"] in mentioned else 1.0), hit.fields()) for hit in found),
                key=lambda pair: -pair[0],
            )
            if "penalty" in terms.cues and not use_syntax:
                ranked = self._duties_then_penalties(remainder, ranked, searcher, law, chapter, status, mentioned)
            for score, doc in ranked:
                if len(results.hits) >= limit:
                    break
                if doc["id"] in seen:
                    continue
                seen.add(doc["id"])
                results.hits.append(self._hit(doc, score, terms, "text", None, query))
        if not results.hits:
            results.messages.append("no article matches the query")
        return results

    def _duties_then_penalties(
        self, remainder: str, ranked: list[tuple[float, dict[str, Any]]], searcher: Any,
        law: str | None, chapter: str | None, status: str | None, mentioned: list[str],
    ) -> list[tuple[float, dict[str, Any]]]:  # fmt: skip
        """A penalty question is about a duty: its best duties come first, each followed by its penalty articles."""
        topic = extract_terms(remainder, self.glossary, self.cues, skip_cues=("penalty",))
        if topic.empty:
            return ranked
        topic_hits = searcher.search(
            self._terms_query(topic, searcher), filter=self._filter(law, chapter, status), limit=PENALTY_LINK_DEPTH
        )
        top_score = ranked[0][0] if ranked else 1.0
        out: list[tuple[float, dict[str, Any]]] = []
        placed: set[str] = set()
        for hit in topic_hits:
            penalties = [p for p in self.penalized_by.get(hit["id"], []) if not law or p.startswith(law + ":")]
            if not penalties or (mentioned and hit["law"] not in mentioned):
                continue
            for doc_id in [hit["id"], *penalties]:
                doc = searcher.document(id=doc_id)
                if doc is not None and doc_id not in placed:
                    out.append((top_score + 1.0 - len(out) * 0.01, doc))
                    placed.add(doc_id)
        return out + [(score, doc) for score, doc in ranked if doc["id"] not in placed]

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
