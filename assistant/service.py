"""The one facade the CLI and the TUI both call: corpus, search, obligations, checklists."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant import paths

# Longer text is not a query (a pasted document): the search reads only this many characters. The same
# limit as the engine's own (assistant.search.query_terms), applied here before any work on the text and
# importable by the TUI without loading the engine.
MAX_QUERY_CHARS = 500


def bounded_query(query: str) -> tuple[str, str | None]:
    """The query cut to MAX_QUERY_CHARS, and a note for the user when it was cut."""
    if len(query) <= MAX_QUERY_CHARS:
        return query, None
    return query[:MAX_QUERY_CHARS], f"query shortened to its first {MAX_QUERY_CHARS} characters"


if TYPE_CHECKING:  # imported where used: the TUI's first frame should not wait for YAML, the corpus or the engine
    from assistant.bookmarks import BookmarkStore
    from assistant.checklist.conditions import AnswerValue
    from assistant.checklist.engine import ChecklistResult, Tracking
    from assistant.checklist.model import Checklist
    from assistant.checklist.penalties import ModelPenalties
    from assistant.checklist.sessions import SessionStore
    from assistant.corpus.add_instrument import AddResult
    from assistant.corpus.store import Corpus
    from assistant.corpus.verify import VerifyReport
    from assistant.indexing import IndexBuild
    from assistant.models import ArticleRef
    from assistant.obligations.ask import Answer
    from assistant.obligations.crossrefs import CrossReference
    from assistant.obligations.records import Definition, Penalty, PenaltyLink, Relation
    from assistant.obligations.store import ObligationStore
    from assistant.search.citation_query import CitationRecognizer
    from assistant.search.engine import SearchEngine
    from assistant.search.index_store import IndexHandle, Notify
    from assistant.search.results import SearchResults


FIRST_WORDS = 30  # characters of a related provision's text shown beside its citation
INVERSE_RELATIONS = {
    "implements": "implemented by",
    "refers to": "referred to by",
    "stricter local rule": "made stricter locally by",
    "same subject": "same subject",
}


def relation_label(relation_type: str, inverse: bool) -> str:
    """How a relation reads from the article shown: "implements", or "implemented by" from the other end."""
    return INVERSE_RELATIONS.get(relation_type, relation_type) if inverse else relation_type


class AssistantService:
    """Everything the front ends can ask of the core; heavy parts load on first use."""

    def __init__(self, corpus_root: Path | None = None, index_root: Path | None = None) -> None:
        self.corpus_root = corpus_root or paths.corpus_dir()
        self.index_root = index_root or paths.index_dir()
        self._obligation_store: ObligationStore | None = None

    @cached_property
    def corpus(self) -> Corpus:
        """The loaded corpus (read once per process)."""
        from assistant.corpus.store import load_corpus  # YAML: read in the TUI's loading worker, not before painting

        return load_corpus(self.corpus_root)

    def reload_corpus(self) -> None:
        """Forget everything read from the corpus, e.g. after `dla corpus add`: the next use reads it again.

        Every cached property of the service is read from the corpus, so all are cleared (a new one cannot be
        forgotten here), then the opened index and the stores it served."""
        for klass in type(self).__mro__:
            for name, attribute in vars(klass).items():
                if isinstance(attribute, cached_property):
                    self.__dict__.pop(name, None)
        self._drop_engine()
        self._build = None
        self._obligation_store = None

    def show(self, citation: str) -> dict[str, Any]:
        """What a citation names, in any form search accepts, as the `dla show --json` dict; CitationError otherwise."""
        from assistant.corpus.serialize import ref_to_dict

        ref = self.resolve_citation(citation)
        data = ref_to_dict(self.corpus, ref)
        data["related"] = [self._related_entry(relation) for relation in self.related(ref.id)]
        text = data.get("text_zh") or "\n".join(data.get("paragraphs_zh") or [])
        terms: dict[str, dict[str, Any]] = {}
        for _, _, definition in self.defined_terms_in(text, ref.law):
            terms.setdefault(
                definition.term,
                {
                    "term": definition.term,
                    "term_en": definition.term_en,
                    "citation": definition.citation,
                    "citation_zh": self.corpus.cite_zh(definition.citation),
                    "citation_en": self.corpus.cite_en(definition.citation),
                },
            )
        data["defined_terms"] = list(terms.values())
        data["catch_all"] = self._catch_all_for_reader(ref)
        return data

    def _catch_all_for_reader(self, ref: ArticleRef) -> list[dict[str, Any]]:
        """The instrument's catch-all liability clauses beside any article that is not itself a liability article
        (read from the reviewed data and the text: `dla show` needs no index)."""
        from assistant.obligations.describe import summarise
        from assistant.obligations.liability import is_liability_article
        from assistant.obligations.liability_data import catch_all_penalties

        if is_liability_article(self.corpus.article(ref.article_id)):
            return []
        return [
            {
                "penalty": p.ref,
                "citation_zh": self.corpus.cite_zh(p.ref),
                "citation_en": self.corpus.cite_en(p.ref),
                "kinds": list(p.kinds),
                "summary": summarise(p),
            }
            for p in catch_all_penalties(self.corpus, [ref.law])
            if p.ref.split(".")[0] != ref.article_id  # dsl:2(2) is in the text already, not a clause beside it
        ]

    def _related_entry(self, relation: Relation) -> dict[str, Any]:
        """A related provision as `dla show --json` gives it: the relation, the target's citations and first words."""
        target = relation.target
        words = (self.corpus.text_of(target) or "").split("\n")[0]
        return {
            **relation.to_dict(),
            "label": relation_label(relation.type, relation.inverse),
            "target_citation_zh": self.corpus.cite_zh(target),
            "target_citation_en": self.corpus.cite_en(target),
            "target_first_words_zh": words[:FIRST_WORDS] + ("…" if len(words) > FIRST_WORDS else ""),
        }

    @cached_property
    def _recognizer(self) -> CitationRecognizer:
        """The citation recogniser over this corpus."""
        from assistant.corpus.resolve import recognizer_for

        return recognizer_for(self.corpus)

    def resolve_citation(self, text: str) -> ArticleRef:
        """A citation in any form search accepts as a ref to an existing provision; CitationError with suggestions."""
        from assistant.corpus.resolve import resolve_citation

        return resolve_citation(self.corpus, self._recognizer, text)

    def unresolved_citation_query(self, query: str) -> str | None:
        """For a query that is nothing but one citation naming no provision (`dsl:99`): why; else None."""
        from assistant.models import CitationError

        matches = self._recognizer.find(query)
        if len(matches) != 1 or self._recognizer.remainder(query, matches):
            return None
        try:
            self.resolve_citation(query)
        except CitationError as exc:
            return exc.user_message()
        return None

    def export_articles(self) -> Iterator[dict[str, Any]]:
        """Every article as a `dla corpus export --jsonl` record."""
        from assistant.corpus.serialize import article_to_dict

        for article in self.corpus.all_articles():
            yield article_to_dict(self.corpus, article)

    def verify(self, sources: Path | None) -> VerifyReport:
        """Verify the corpus, against the official sources where given."""
        from assistant.corpus.verify import verify_corpus

        return verify_corpus(self.corpus, sources)

    def add_instrument(
        self,
        source: Path,
        law_id: str,
        provenance: Path | None = None,
        replace: bool = False,
        metadata: Path | None = None,
        translation: Path | None = None,
    ) -> AddResult:
        """Add an instrument from a plain-text file (an existing id only with `replace`), with its facts and English."""
        from assistant.corpus.add_instrument import add_instrument

        result = add_instrument(self.corpus_root, source, law_id, provenance, replace, metadata, translation)
        self.reload_corpus()
        return result

    # -- search ------------------------------------------------------------------------------

    _build: IndexBuild | None = None  # the verified build last opened by index_build()

    def index(self, notify: Notify | None = None, force: bool = False) -> IndexHandle:
        """The search index, built first when missing, stale or corrupt (or when forced)."""
        return self.index_build(notify, force).search

    def index_build(self, notify: Notify | None = None, force: bool = False) -> IndexBuild:
        """The verified build (search index and obligation store), built first when missing, stale or damaged."""
        from assistant.indexing import build_index, ensure_build

        if force:
            build_index(self.corpus, self.index_root)
        self._build = ensure_build(None, self.index_root, notify, lambda: self.corpus, self.corpus_root)
        return self._build

    def index_status(self) -> str:
        """'ok' or why the index would be rebuilt."""
        from assistant.indexing import index_status

        return index_status(self.corpus_root, self.index_root)

    _engine: SearchEngine | None = None  # opened on first use by search_engine(), dropped after a rebuild

    def search_engine(self, notify: Notify | None = None) -> SearchEngine:
        """The engine over the current index (opened once per service)."""
        if self._engine is None:
            from assistant.search.engine import SearchEngine

            self._engine = SearchEngine(self.index(notify))
        return self._engine

    def search(
        self,
        query: str,
        law: str | None = None,
        chapter: str | None = None,
        status: str | None = None,
        limit: int = 10,
        syntax: bool | None = None,
        notify: Notify | None = None,
        section: str | None = None,
    ) -> SearchResults:
        """Ranked articles for a query in any form (the first MAX_QUERY_CHARS of it); never raises for any text.

        `section` (a section number, with `chapter`) narrows a chapter filter to one of its sections (第一节 …).
        """
        from dataclasses import replace

        from assistant.search.score_table import ScoreTableError

        query, cut = bounded_query(query)

        def run() -> SearchResults:
            engine = self.search_engine(notify)
            results = engine.search(
                query, law=law, chapter=chapter, status=status, limit=limit, syntax=syntax, section=section
            )
            return replace(results, messages=(*results.messages, cut)) if cut else results

        try:
            return run()
        except ScoreTableError as damage:
            self._rebuild_after_damage(f"search index damaged ({damage})", notify)
            return run()  # the answer comes from the new index

    def highlighter(self, query: str, notify: Notify | None = None) -> Callable[[str, str], list[tuple[int, int]]]:
        """Spans to highlight in an article's text ("zh" or "en") for a query: what its search matched."""
        return self.search_engine(notify).highlighter(bounded_query(query)[0])

    # -- obligations ---------------------------------------------------------------------------

    def obligation_store(self, notify: Notify | None = None) -> ObligationStore:
        """The obligation and link store written at build time (read once; a damaged one means rebuild)."""
        if self._obligation_store is None:
            from assistant.indexing import ArtefactDamagedError

            build = self._build or self.index_build(notify)
            try:
                self._obligation_store = build.obligations()  # verified against the manifest as it is read
            except (ArtefactDamagedError, ValueError, KeyError) as exc:  # damaged or of another schema
                self._obligation_store = self._rebuild_after_damage(f"obligation store damaged ({exc})", notify)
        return self._obligation_store

    def _rebuild_after_damage(self, problem: str, notify: Notify | None) -> ObligationStore:
        """A damaged artefact is never served: say so, close what was open, build the whole index again.

        Returns the new build's obligation store (the caller that needs the search index reopens the engine)."""
        if notify:
            notify(f"{problem}: rebuilding the index")
        self._drop_engine()
        self._obligation_store = None
        return self.index_build(notify, force=True).obligations()

    def _drop_engine(self) -> None:
        if self._engine is not None:
            self._engine.close()
            self._engine = None

    def links_ready(self) -> bool:
        """True when penalty links can be read without building anything (the store is loaded or the index current)."""
        return self._obligation_store is not None or self.index_status() == "ok"

    def obligations_data(self, notify: Notify | None = None) -> dict[str, Any]:
        """The store as plain data (obligations, links, penalty kinds, actors, citations); prefer `obligation_store`."""
        return self.obligation_store(notify).as_data()

    def penalties_for(self, citation: str, actor: str | None = None) -> list[PenaltyLink]:
        """Links to the liability paragraphs that punish the duties at a citation (of one actor, if given)."""
        from assistant.models import ArticleRef

        return self.obligation_store().penalties_for(ArticleRef.parse(citation).id, actor)

    def enforced_by(self, penalty: str) -> list[PenaltyLink]:
        """Links from a liability provision to the duties (clause and actor) it punishes."""
        from assistant.models import ArticleRef

        return self.obligation_store().enforced_by(ArticleRef.parse(penalty).id)

    def penalty(self, ref: str) -> Penalty | None:
        """What a liability paragraph sets: kinds (fine, referral, disciplinary, civil, criminal), amounts, law."""
        return self.obligation_store().penalties.get(ref)

    def catch_all(self, law: str) -> list[Penalty]:
        """The instrument's catch-all liability clauses (civil, public-security, criminal …): never linked to a duty,
        they reach a breach of any of its duties, so wherever a duty's penalties are shown they are named once."""
        return self.obligation_store().catch_all_for(law)

    def catch_all_data(self, laws: Iterable[str]) -> list[dict[str, Any]]:
        """The catch-all clauses of each instrument named, once each, with citations and kinds (`--json` form)."""
        return self.obligation_store().catch_all_data(laws)

    @cached_property
    def relations(self) -> tuple[Relation, ...]:
        """Reviewed related provisions (关联法条) from `corpus/links/related.yaml`."""
        from assistant.obligations.link_data import load_relations

        return tuple(load_relations(self.corpus_root))

    def related(self, article_id: str) -> list[Relation]:
        """Provisions related to an article (either direction), each with its type; the article is always `source`,
        and `inverse` says the relation reads from the other end (dsl:31 is implemented by shenzhen:82)."""
        from assistant.models import ArticleRef
        from assistant.obligations.records import Relation

        wanted = ArticleRef.parse(article_id).article_id
        found = []
        for relation in self.relations:
            if ArticleRef.parse(relation.source).article_id == wanted:
                found.append(relation)
            elif ArticleRef.parse(relation.target).article_id == wanted:
                found.append(Relation(relation.target, relation.source, relation.type, relation.note, inverse=True))
        return found

    @cached_property
    def definitions(self) -> tuple[Definition, ...]:
        """Every statutory definition, its text taken from the corpus by citation."""
        from assistant.obligations.definitions import load_defined_terms

        return tuple(load_defined_terms(self.corpus, self.corpus_root))

    def define(self, term: str) -> list[Definition]:
        """Definitions of a term given in Chinese or English (the glossary maps English to Chinese)."""
        from assistant.obligations.definitions import find_definitions

        return find_definitions(self.definitions, term, self.corpus_root)

    def defined_terms_in(self, text: str, law: str | None = None) -> list[tuple[int, int, Definition]]:
        """Spans of a text that are terms defined in `law` (any law when None), for the reader to mark."""
        from assistant.obligations.definitions import mark_defined_terms

        return mark_defined_terms(self.definitions, text, law)

    def references(self, article_id: str) -> list[CrossReference]:
        """Inline references in an article (本法第X条, 前款, 本条例第X条第X款 …) resolved to citation ids."""
        from assistant.models import ArticleRef
        from assistant.obligations.crossrefs import find_references

        article = self.corpus.article(ArticleRef.parse(article_id).article_id)
        members = None
        if article.chapter is not None:
            members = [a.number for a in self.corpus.all_articles(article.law) if a.chapter == article.chapter]
        return find_references(article, members)

    def ask(self, question: str, limit: int = 10, notify: Notify | None = None) -> Answer:
        """Obligations that answer a question, grouped by actor, each quoting its provision."""
        from assistant.obligations.ask import answer_question

        results = self.search(question, limit=10, notify=notify)
        return answer_question(question, results, self.obligation_store(notify), limit)

    def obligation_matrix(self, actor: str | None = None, law: str | None = None) -> list[dict[str, Any]]:
        """Every extracted duty, optionally of one actor (any of its names) and one law."""
        from assistant.obligations.matrix import select_obligations

        return select_obligations(self.obligation_store(), actor, law)

    # -- checklists ----------------------------------------------------------------------------

    @cached_property
    def checklists(self) -> dict[str, Checklist]:
        """Every questionnaire under `corpus/checklists/`, validated against the corpus."""
        from assistant.checklist.model import load_checklists
        from assistant.checklist.validation import check_citations

        checklists = load_checklists(self.corpus_root)
        for checklist in checklists.values():
            check_citations(checklist, self.corpus)
        return checklists

    def checklist(self, checklist_id: str | None = None) -> Checklist:
        """One checklist by id (the only one when there is one); KeyError naming the known ids otherwise."""
        if checklist_id is None and len(self.checklists) == 1:
            return next(iter(self.checklists.values()))
        if checklist_id is None or checklist_id not in self.checklists:
            raise KeyError(f"unknown checklist {checklist_id!r}; known: {', '.join(self.checklists) or 'none'}")
        return self.checklists[checklist_id]

    def run_checklist(
        self,
        checklist: Checklist,
        answers: dict[str, AnswerValue],
        tracking: dict[str, Tracking] | None = None,
        strict: bool = False,
    ) -> ChecklistResult:
        """The obligations that apply to a set of answers, each with its penalties from the one penalty model."""
        from assistant.checklist.engine import run_checklist

        return run_checklist(checklist, self.corpus, answers, tracking, strict, penalties=self.checklist_penalties())

    def checklist_penalties(self) -> ModelPenalties:
        """The checklist's view of the penalty model (the same links `ask`, `obligations` and the reader show)."""
        from assistant.checklist.penalties import ModelPenalties

        return ModelPenalties(lambda citation: [link.penalty for link in self.penalties_for(citation)])

    def checklist_coverage(self, checklist: Checklist, notify: Notify | None = None) -> dict[str, Any]:
        """Which duty-bearing articles (from the obligation data) each finding cites, and the reasoned exclusions."""
        from assistant.checklist.coverage import checklist_coverage, coverage_to_dict, load_exclusions

        rows = checklist_coverage(
            checklist, self.obligation_store(notify).obligations, load_exclusions(self.corpus_root)
        )
        return coverage_to_dict(rows)

    def bookmarks(self, directory: Path | None = None) -> BookmarkStore:
        """The user's bookmarks (in `directory`, by default the user data directory), checked against the corpus."""
        from assistant.bookmarks import BookmarkStore

        return BookmarkStore(directory or paths.user_data_dir(), self.corpus)

    def reading_list(self, citations: list[str], title: str = "Reading list") -> str:
        """A Markdown reading list of these citations (the notice, validity, text status, both texts)."""
        from assistant.export.reading_list import reading_list_markdown

        for citation in citations:
            self.corpus.article(citation)  # CitationError names a citation that does not exist, before any output
        return reading_list_markdown(self.corpus, citations, title)

    def session_store(self) -> SessionStore:
        """Saved checklist sessions in the user data directory."""
        from assistant.checklist.sessions import SessionStore

        return SessionStore(paths.user_data_dir() / "sessions")

    def render_checklist(self, result: ChecklistResult, output_format: str, date: str, quotes: bool = False) -> str:
        """The export text: Markdown (the ticket-ready document; article quotes only when asked) or JSON."""
        if output_format == "json":
            import json

            return json.dumps({"date": date, **result.to_dict(date)}, ensure_ascii=False, indent=2) + "\n"
        from assistant.export.markdown import render_markdown

        return render_markdown(result, date, quotes)

    def export_checklist(
        self, result: ChecklistResult, path: Path, output_format: str, date: str, quotes: bool = False
    ) -> None:
        """Write an export atomically; OSError when the path cannot be written (nothing is lost)."""
        from assistant.atomic import write_text_atomic

        write_text_atomic(path, self.render_checklist(result, output_format, date, quotes))
