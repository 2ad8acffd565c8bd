"""Checks that tie a checklist to the corpus: every citation, penalty and question reference resolves."""

from __future__ import annotations

from assistant.checklist.model import Checklist
from assistant.corpus.store import Corpus
from assistant.datafile import DataFileError


def check_citations(checklist: Checklist, corpus: Corpus) -> None:
    """Raise DataFileError (file and line) for any citation that names nothing in the corpus."""
    for question in checklist.questions:
        for citation in question.cites:
            if not corpus.exists(citation):
                raise DataFileError(checklist.path, question.line, f"question {question.id}: {citation} does not exist")
    for finding in checklist.findings:
        for citation in (*finding.citations, *finding.penalties):
            if not corpus.exists(citation):
                raise DataFileError(checklist.path, finding.line, f"finding {finding.id}: {citation} does not exist")
