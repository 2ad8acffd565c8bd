"""Defined terms: the reviewed list of statutory definitions, with the defining text read from the corpus."""

from __future__ import annotations

from pathlib import Path

from assistant.corpus.glossary import load_glossary
from assistant.corpus.store import Corpus
from assistant.obligations.link_data import load_definitions
from assistant.obligations.records import Definition


def load_defined_terms(corpus: Corpus, corpus_root: Path) -> list[Definition]:
    """Every definition in `corpus/links/definitions.yaml`, quoting its provision exactly."""
    return [
        Definition(
            entry.term,
            entry.citation,
            corpus.text_of(entry.citation) or "",
            corpus.text_of(entry.citation, "en"),
            entry.term_en,
        )
        for entry in load_definitions(corpus_root)
    ]


def find_definitions(definitions: tuple[Definition, ...], term: str, corpus_root: Path) -> list[Definition]:
    """Definitions of a term written in Chinese or English (English through its own name or the glossary)."""
    wanted = term.strip()
    names = {wanted, wanted.lower()}
    for glossary_term in load_glossary(corpus_root).terms:
        english = {glossary_term.en.lower(), *(f.lower() for f in glossary_term.en_forms)}
        english |= {s.lower() for s in glossary_term.synonyms_en}
        if wanted.lower() in english or wanted in glossary_term.synonyms_zh:
            names.add(glossary_term.zh)
    return [d for d in definitions if d.term in names or (d.term_en or "").lower() in names]


def mark_defined_terms(
    definitions: tuple[Definition, ...], text: str, law: str | None
) -> list[tuple[int, int, Definition]]:
    """Where terms defined in `law` (any law when None) occur in a text: longest first, never overlapping."""
    candidates = [d for d in definitions if law is None or d.citation.startswith(f"{law}:")]
    marks: list[tuple[int, int, Definition]] = []
    for definition in sorted(candidates, key=lambda d: -len(d.term)):
        start = text.find(definition.term)
        while start != -1:
            end = start + len(definition.term)
            if not any(start < e and s < end for s, e, _ in marks):
                marks.append((start, end, definition))
            start = text.find(definition.term, end)
    return sorted(marks, key=lambda mark: mark[0])
