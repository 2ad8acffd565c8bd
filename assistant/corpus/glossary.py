"""The bilingual glossary: one English rendering per statutory term, and the words users type for it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from assistant.datafile import DataFileError, check_keys, load_yaml, require_mapping
from assistant.models import ArticleRef, CitationError
from assistant.wording import word_pattern

GLOSSARY_FILE = "glossary.yaml"
_TERM_KEYS = {"zh", "en", "en_forms", "defined_in", "synonyms_zh", "synonyms_en"}


@dataclass(frozen=True)
class Term:
    """One glossary entry."""

    zh: str
    en: str
    en_forms: tuple[str, ...] = ()
    defined_in: tuple[str, ...] = ()
    synonyms_zh: tuple[str, ...] = ()
    synonyms_en: tuple[str, ...] = ()

    @cached_property
    def english_pattern(self) -> re.Pattern[str]:
        """Matches the rendering or any listed form, whole words, plural -s/-es allowed."""
        return word_pattern((self.en, *self.en_forms), plural=True)

    def english_matches(self, english: str) -> bool:
        """True when an English text uses this term's rendering."""
        return bool(self.english_pattern.search(english.lower()))


@dataclass(frozen=True)
class Glossary:
    """All terms, longest Chinese first (so nested terms are matched by the longest one)."""

    terms: tuple[Term, ...]

    def terms_in(self, chinese: str) -> list[Term]:
        """Terms that occur in a Chinese text in their own right, not only inside a longer term."""
        found: list[Term] = []
        masked = chinese
        for term in self.terms:
            if term.zh in masked:
                found.append(term)
                # Mask so 数据处理 inside 数据处理者 is not counted again.
                masked = masked.replace(term.zh, "\u0000" * len(term.zh))
        return found

    def by_zh(self, zh: str) -> Term | None:
        """The entry for a Chinese term."""
        return next((t for t in self.terms if t.zh == zh), None)


def _strings(value: object, path: Path, line: int, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataFileError(path, line, f"{key} must be a list of strings")
    return tuple(value)


def load_glossary(corpus_root: Path) -> Glossary:
    """Read `corpus/glossary.yaml`, rejecting unknown keys and malformed citations."""
    path = corpus_root / GLOSSARY_FILE
    data = require_mapping(load_yaml(path), path, "glossary")
    check_keys(data, path, {"terms"}, {"terms"}, "glossary")
    terms: list[Term] = []
    seen: set[str] = set()
    for entry in data["terms"]:
        entry = require_mapping(entry, path, "term")
        check_keys(entry, path, _TERM_KEYS, {"zh", "en"}, "term")
        if entry["zh"] in seen:
            raise DataFileError(path, entry.line, f"term {entry['zh']} is listed twice")
        seen.add(entry["zh"])
        defined_in = _strings(entry.get("defined_in"), path, entry.line_of("defined_in"), "defined_in")
        for citation in defined_in:
            try:
                ArticleRef.parse(citation)
            except CitationError as exc:
                raise DataFileError(path, entry.line_of("defined_in"), str(exc)) from exc
        terms.append(
            Term(
                zh=str(entry["zh"]),
                en=str(entry["en"]),
                en_forms=_strings(entry.get("en_forms"), path, entry.line_of("en_forms"), "en_forms"),
                defined_in=defined_in,
                synonyms_zh=_strings(entry.get("synonyms_zh"), path, entry.line_of("synonyms_zh"), "synonyms_zh"),
                synonyms_en=_strings(entry.get("synonyms_en"), path, entry.line_of("synonyms_en"), "synonyms_en"),
            )
        )
    terms.sort(key=lambda t: len(t.zh), reverse=True)
    return Glossary(tuple(terms))
