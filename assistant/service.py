"""The one facade the CLI and the TUI both call: corpus, search, obligations, checklists."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant import paths
from assistant.corpus.add_instrument import AddResult, add_instrument
from assistant.corpus.serialize import article_to_dict, ref_to_dict
from assistant.corpus.store import Corpus, load_corpus
from assistant.corpus.verify import VerifyReport, verify_corpus
from assistant.models import ArticleRef

if TYPE_CHECKING:
    from assistant.checklist.conditions import AnswerValue
    from assistant.checklist.engine import ChecklistResult, Tracking
    from assistant.checklist.model import Checklist
    from assistant.checklist.sessions import SessionStore
    from assistant.obligations.ask import Answer
    from assistant.search.engine import SearchEngine, SearchResults
    from assistant.search.index_store import IndexHandle, Notify


class AssistantService:
    """Everything the front ends can ask of the core; heavy parts load on first use."""

    def __init__(self, corpus_root: Path | None = None, index_root: Path | None = None) -> None:
        self.corpus_root = corpus_root or paths.corpus_dir()
        self.index_root = index_root or paths.index_dir()

    @cached_property
    def corpus(self) -> Corpus:
        """The loaded corpus (read once per process)."""
        return load_corpus(self.corpus_root)

    def reload_corpus(self) -> None:
        """Forget the loaded corpus, e.g. after `dla corpus add`."""
        self.__dict__.pop("corpus", None)

    def show(self, citation: str) -> dict[str, Any]:
        """What a citation id names, as the `dla show --json` dict; CitationError when it names nothing."""
        return ref_to_dict(self.corpus, ArticleRef.parse(citation))

    def export_articles(self) -> Iterator[dict[str, Any]]:
        """Every article as a `dla corpus export --jsonl` record."""
        for article in self.corpus.all_articles():
            yield article_to_dict(self.corpus, article)

    def verify(self, sources: Path | None) -> VerifyReport:
        """Verify the corpus, against the official sources where given."""
        return verify_corpus(self.corpus, sources)

    def add_instrument(
        self,
        source: Path,
        law_id: str,
        provenance: Path | None = None,
        metadata: Path | None = None,
        translation: Path | None = None,
    ) -> AddResult:
        """Add an instrument from a plain-text file, with its facts and English where given."""
        result = add_instrument(self.corpus_root, source, law_id, provenance, metadata, translation)
        self.reload_corpus()
        return result

    # -- search ------------------------------------------------------------------------------

    def index(self, notify: Notify | None = None, force: bool = False) -> IndexHandle:
        """The search index, built first when missing, stale or corrupt (or when forced)."""
        from assistant.search.index_store import build_index, ensure_index

        if force:
            build_index(self.corpus, self.index_root)
        return ensure_index(None, self.index_root, notify, lambda: self.corpus, self.corpus_root)

    def index_status(self) -> str:
        """'ok' or why the index would be rebuilt."""
        from assistant.search.index_store import index_status

        return index_status(self.corpus_root, self.index_root)

    def search_engine(self, notify: Notify | None = None) -> SearchEngine:
        """The engine over the current index (opened once per service)."""
        engine = self.__dict__.get("_engine")
        if engine is None:
            from assistant.search.engine import SearchEngine

            engine = SearchEngine(self.index(notify))
            self.__dict__["_engine"] = engine
        return engine

    def search(
        self,
        query: str,
        law: str | None = None,
        chapter: str | None = None,
        status: str | None = None,
        limit: int = 10,
        syntax: bool | None = None,
        notify: Notify | None = None,
    ) -> SearchResults:
        """Ranked articles for a query in any form; never raises for any query text."""
        engine = self.search_engine(notify)
        results = engine.search(query, law=law, chapter=chapter, status=status, limit=limit, syntax=syntax)
        if engine.damage is not None:
            # The answer above is right (Whoosh scored it) but slow; a damaged index repairs itself.
            if notify:
                notify(f"search index damaged ({engine.damage}): rebuilding it")
            self.index(notify, force=True)
            engine.close()
            self.__dict__.pop("_engine", None)
        return results

    def highlighter(self, query: str, notify: Notify | None = None) -> Callable[[str, str], list[tuple[int, int]]]:
        """Spans to highlight in an article's text ("zh" or "en") for a query: what its search matched."""
        return self.search_engine(notify).highlighter(query)

    # -- obligations ---------------------------------------------------------------------------

    def obligations_data(self, notify: Notify | None = None) -> dict[str, Any]:
        """Obligations, penalty links and the actor lexicon, as extracted at index-build time."""
        data = self.__dict__.get("_obligations")
        if data is None:
            from assistant.obligations.store import read_obligations

            data = read_obligations(self.search_engine(notify).handle.folder)
            self.__dict__["_obligations"] = data
        return data

    def ask(self, question: str, limit: int = 10, notify: Notify | None = None) -> Answer:
        """Obligations that answer a question, grouped by actor, each quoting its provision."""
        from assistant.obligations.ask import answer_question

        results = self.search(question, limit=10, notify=notify)
        return answer_question(question, results, self.obligations_data(notify), limit)

    def obligation_matrix(self, actor: str | None = None, law: str | None = None) -> list[dict[str, Any]]:
        """Every extracted duty, optionally of one actor (any of its names) and one law."""
        from assistant.obligations.matrix import select_obligations

        return select_obligations(self.obligations_data(), actor, law)

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
        """The obligations that apply to a set of answers."""
        from assistant.checklist.engine import run_checklist

        return run_checklist(checklist, self.corpus, answers, tracking, strict)

    def session_store(self) -> SessionStore:
        """Saved checklist sessions in the user data directory."""
        from assistant.checklist.sessions import SessionStore

        return SessionStore(paths.user_data_dir() / "sessions")

    def render_checklist(self, result: ChecklistResult, output_format: str, date: str) -> str:
        """The export text: Markdown (the document) or JSON (the same content for machines)."""
        if output_format == "json":
            import json

            return json.dumps({"date": date, **result.to_dict()}, ensure_ascii=False, indent=2) + "\n"
        from assistant.export.markdown import render_markdown

        return render_markdown(result, date)

    def export_checklist(self, result: ChecklistResult, path: Path, output_format: str, date: str) -> None:
        """Write an export atomically; OSError when the path cannot be written (nothing is lost)."""
        from assistant.atomic import write_text_atomic

        write_text_atomic(path, self.render_checklist(result, output_format, date))
