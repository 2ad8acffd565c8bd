"""The one facade the CLI and the TUI both call: corpus, search, obligations, checklists."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import Any

from assistant import paths
from assistant.corpus.add_instrument import AddResult, add_instrument
from assistant.corpus.serialize import article_to_dict, ref_to_dict
from assistant.corpus.store import Corpus, load_corpus
from assistant.corpus.verify import VerifyReport, verify_corpus
from assistant.models import ArticleRef


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

    def add_instrument(self, source: Path, law_id: str, provenance: Path | None = None) -> AddResult:
        """Add an instrument from a plain-text file."""
        result = add_instrument(self.corpus_root, source, law_id, provenance)
        self.reload_corpus()
        return result
