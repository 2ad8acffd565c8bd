"""Multi-word English phrases matched in any inflection ("shutting down" for "shut down", "refused to" for "refuse to").

The first word of a listed phrase stands for its regular forms (plural, -s, -ed, -ing), the others for their
plurals, all made from the words as listed: the question's own words are never reduced, so "us" is not taken
for "use", nor "information" for "inform", as a stemmer would. Single words are left to the lists themselves,
which name their forms ("fine, fines, fined"): a lone -ing word is as often a noun of its own ("profiling",
"processing") as a verb's form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.wording import ENGLISH_WORD, WORD_AFTER, WORD_BEFORE

_SHORTEST_BASE = 3  # shorter "bases" (us, go) are words of their own, not forms of a longer one


def _bases(word: str) -> set[str]:
    """The words `word` may be a regular form of, with itself: closing -> close, clos; shuts -> shut; ties -> tie, ty."""
    bases = {word}
    if word.endswith("ies"):
        bases |= {word[:-3] + "y", word[:-1]}
    elif word.endswith("es"):
        bases |= {word[:-2], word[:-1]}
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        bases.add(word[:-1])
    for suffix in ("ing", "ed"):
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            bases |= {stem, stem + "e"} | ({stem[:-1]} if len(stem) > 1 and stem[-1] == stem[-2] else set())
            if suffix == "ed" and stem.endswith("i"):
                bases.add(stem[:-1] + "y")
    return {base for base in bases if base == word or len(base) >= _SHORTEST_BASE}


@lru_cache(maxsize=4096)
def word_forms(word: str, verb: bool = True) -> frozenset[str]:
    """Every regular form of every base of `word`, only plurals unless `verb` (over-generation is harmless:
    made-up forms match nothing)."""
    forms = set()
    for base in _bases(word):
        if len(base) < _SHORTEST_BASE:
            forms.add(base)  # "us" stands for itself, not for "used" or "using"
            continue
        forms |= {base, base + "s", base + "es"}
        if base.endswith("y") and len(base) > 1 and base[-2] not in "aeiou":
            forms.add(base[:-1] + "ies")
        if not verb:
            continue
        forms |= {base + "ed", base + "ing"}
        if base.endswith("e"):
            forms |= {base + "d", base[:-1] + "ing"}
        if base.endswith("y") and len(base) > 1 and base[-2] not in "aeiou":
            forms |= {base[:-1] + "ies", base[:-1] + "ied"}
        if len(base) >= 3 and base[-1] not in "aeiouwxy" and base[-2] in "aeiou" and base[-3] not in "aeiou":
            forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}  # shut -> shutting, stop -> stopped
    return frozenset(forms)


@dataclass(frozen=True)
class InflectedPhrases:
    """The multi-word phrases of a list in their given order, each as a pattern over its words' forms; `firsts`
    holds every form of their first words (a question without one of them cannot contain any phrase)."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    firsts: frozenset[str]

    @classmethod
    def of(cls, phrases: tuple[str, ...]) -> InflectedPhrases:
        """Compile every multi-word phrase once (the glossary and cues are read for every query)."""
        patterns, firsts = [], set()
        for phrase in phrases:
            words = ENGLISH_WORD.findall(phrase.lower())
            if len(words) < 2 or len(words) != len(phrase.split()):
                continue  # one word, or punctuation inside the phrase ("real-name"): the literal match reads it
            # A phrase's verb comes first ("shut down", "refuse to provide"); the words after it take only their
            # plurals, so "app store" is not found in "app storing", nor "data breach" in "data breached".
            alternatives = [sorted(word_forms(word, i == 0), key=len, reverse=True) for i, word in enumerate(words)]
            body = r"\s+".join("(?:" + "|".join(forms) + ")" for forms in alternatives)
            patterns.append((phrase, re.compile(rf"{WORD_BEFORE}{body}{WORD_AFTER}")))
            firsts |= set(alternatives[0])
        return cls(tuple(patterns), frozenset(firsts))

    def first_in(self, lowered: str, words: frozenset[str]) -> str | None:
        """The first phrase found in the lowercased question, given the set of its `ENGLISH_WORD`s."""
        if self.firsts.isdisjoint(words):
            return None  # no phrase can start anywhere in the question: most entries end here
        return next((phrase for phrase, pattern in self.patterns if pattern.search(lowered)), None)
