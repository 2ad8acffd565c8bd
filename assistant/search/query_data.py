"""What answering a query needs besides the index (laws, glossary, cues, outside instruments, penalty links,
related provisions), read from the index's JSON into frozen records once, when the engine opens."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from assistant.corpus.outside import OutsideInstrument
from assistant.models import LawShape
from assistant.search.inflected_phrases import InflectedPhrases
from assistant.search.query_cues import Cue
from assistant.wording import ENGLISH_WORD

if TYPE_CHECKING:
    from assistant.search.glossary_index import GlossaryIndex


@dataclass(frozen=True)
class LawFacts:
    """A corpus law as search sees it: the names it is cited by and its shape."""

    id: str
    aliases: tuple[str, ...]
    citation_title_zh: str
    shape: LawShape


@dataclass(frozen=True)
class GlossaryEntry:
    """A glossary term as query expansion uses it."""

    zh: str
    en: str
    en_forms: tuple[str, ...] = ()
    synonyms_zh: tuple[str, ...] = ()
    synonyms_en: tuple[str, ...] = ()

    @cached_property
    def english_names(self) -> tuple[str, ...]:
        """The English rendering and its forms, longest first (a question is read by the longest it contains)."""
        return _longest_first([self.en, *self.en_forms])

    @cached_property
    def english_first_words(self) -> frozenset[str] | None:
        """The first word of each English name and synonym (lowercased letters and digits): a question can contain
        one of them as whole words only if it has that word. None when a phrase starts otherwise (always read)."""
        firsts = [ENGLISH_WORD.match(phrase.lower()) for phrase in (*self.english_names, *self.synonyms_en)]
        return frozenset(first.group(0) for first in firsts if first) if all(firsts) else None

    def may_match_english(self, words: frozenset[str]) -> bool:
        """Whether a question with these English words (`ENGLISH_WORD` runs) may contain a name or synonym."""
        firsts = self.english_first_words
        return firsts is None or not firsts.isdisjoint(words)

    @cached_property
    def inflected_names(self) -> InflectedPhrases:
        """The multi-word English names in any inflection ("shutting down" for "shut down")."""
        return InflectedPhrases.of(self.english_names)

    @cached_property
    def inflected_synonyms(self) -> InflectedPhrases:
        """The multi-word English synonyms in any inflection (see `inflected_names`)."""
        return InflectedPhrases.of(self.synonyms_en)


def _longest_first(synonyms: list[str]) -> tuple[str, ...]:
    """Synonyms longest first, so a question is read by the longest synonym it contains ("government agency",
    not "government", which a longer phrase of another entry may cover)."""
    return tuple(sorted(synonyms, key=len, reverse=True))


@dataclass(frozen=True)
class QueryData:
    """Everything besides the index that a query needs."""

    laws: dict[str, LawFacts]
    glossary: tuple[GlossaryEntry, ...]
    cues: tuple[Cue, ...]
    outside: tuple[OutsideInstrument, ...]
    penalized_by: dict[str, tuple[str, ...]]
    related: dict[str, tuple[str, ...]]  # article -> its reviewed related provisions in other instruments

    @cached_property
    def glossary_index(self) -> GlossaryIndex:
        """The glossary indexed by first character and word, made once: every query reads through it."""
        from assistant.search.glossary_index import GlossaryIndex  # it imports GlossaryEntry from here

        return GlossaryIndex.of(self.glossary)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> QueryData:
        """From the JSON written at build time (see index_store.query_data_for)."""
        laws = {
            law_id: LawFacts(
                law_id,
                tuple(facts["aliases"]),
                facts["citation_title_zh"],
                LawShape(facts["short_en"], tuple(tuple(article) for article in facts["structure"])),
            )
            for law_id, facts in data["laws"].items()
        }
        glossary = tuple(
            GlossaryEntry(
                entry["zh"],
                entry["en"],
                tuple(entry.get("en_forms", ())),
                _longest_first(entry.get("synonyms_zh", ())),
                _longest_first(entry.get("synonyms_en", ())),
            )
            for entry in data["glossary"]
        )
        return cls(
            laws=laws,
            glossary=glossary,
            cues=tuple(Cue.from_dict(cue) for cue in data.get("cues", [])),
            outside=tuple(
                OutsideInstrument(o["id"], o["title_zh"], o["title_en"], tuple(o["aliases"]))
                for o in data.get("outside", [])
            ),
            penalized_by={duty: tuple(p) for duty, p in data.get("penalized_by", {}).items()},
            related={article: tuple(others) for article, others in data.get("related", {}).items()},
        )
