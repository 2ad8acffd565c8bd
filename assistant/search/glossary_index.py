"""The glossary entries a question may contain, found by their first character or word instead of reading all."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assistant.search.query_data import GlossaryEntry


@dataclass(frozen=True)
class GlossaryIndex:
    """Entries by the first character of their Chinese phrases and every first word of their English ones.

    A phrase can occur in a question only if the question has its first character (Chinese) or first word
    (English, in any form the inflection matching reads), so the entries looked up are all that can match:
    reading only them gives the same terms as reading every entry, in the same order.
    """

    entries: tuple[GlossaryEntry, ...]
    by_character: dict[str, tuple[int, ...]]
    by_word: dict[str, tuple[int, ...]]
    always: tuple[int, ...]  # entries with an English phrase that starts with no word: always read
    broader: dict[str, tuple[int, ...]]  # a term -> the entries that list it as an everyday word (病历 -> 医疗健康)

    @classmethod
    def of(cls, glossary: Sequence[GlossaryEntry]) -> GlossaryIndex:
        """Index every entry once (the glossary is read for every query)."""
        by_character: dict[str, set[int]] = {}
        by_word: dict[str, set[int]] = {}
        always = []
        broader: dict[str, list[int]] = {}
        for index, entry in enumerate(glossary):
            for synonym in dict.fromkeys(entry.synonyms_zh):
                if synonym != entry.zh:
                    broader.setdefault(synonym, []).append(index)
            for phrase in (entry.zh, *entry.synonyms_zh):
                if phrase:
                    by_character.setdefault(phrase[0], set()).add(index)
            firsts = entry.english_first_words
            if firsts is None:
                always.append(index)
                continue
            for word in firsts | entry.inflected_names.firsts | entry.inflected_synonyms.firsts:
                by_word.setdefault(word, set()).add(index)
        return cls(
            tuple(glossary),
            {key: tuple(sorted(found)) for key, found in by_character.items()},
            {key: tuple(sorted(found)) for key, found in by_word.items()},
            tuple(always),
            {term: tuple(found) for term, found in broader.items()},
        )

    def candidates(self, chinese_part: str, words: frozenset[str]) -> list[GlossaryEntry]:
        """The entries that may occur in a question with these CJK runs and English words, in glossary order."""
        found = set(self.always)
        for character in set(chinese_part):
            found.update(self.by_character.get(character, ()))
        for word in words:
            found.update(self.by_word.get(word, ()))
        return [self.entries[index] for index in sorted(found)]

    def broader_terms(self, term: str) -> list[GlossaryEntry]:
        """The entries that list `term` as one of their everyday words, in glossary order."""
        return [self.entries[index] for index in self.broader.get(term, ())]
