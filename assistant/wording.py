"""Whole-word matching of English phrases, written once: glossary terms, query cues, law names."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

WORD_BEFORE = r"(?<![a-z0-9])"  # a whole word starts here: no letter or digit before it
WORD_AFTER = r"(?![a-z0-9])"  # and ends here
# A run of the characters a word is made of, for the boundaries above: a phrase matches lowercased text as whole
# words only if the text has the phrase's first run as one of its own.
ENGLISH_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=8192)
def word_pattern(phrases: tuple[str, ...], plural: bool = False) -> re.Pattern[str]:
    """A pattern matching any of the phrases as whole words in lowercased text (spaces match any run of
    whitespace); with `plural`, a trailing -s/-es is allowed. Compiled once per phrase set."""
    forms = sorted({p.lower() for p in phrases if p.strip()}, key=len, reverse=True)
    alternatives = "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in forms) or r"(?!x)x"
    suffix = "(?:s|es)?" if plural else ""
    return re.compile(rf"{WORD_BEFORE}(?:{alternatives}){suffix}{WORD_AFTER}")


def contains_words(text: str, phrases: Iterable[str], plural: bool = False) -> bool:
    """True when the text (any case) contains one of the phrases as whole words."""
    lowered = text.lower()
    phrases = tuple(phrases)
    if not any(p.lower().split(" ")[0] in lowered for p in phrases):
        return False  # cheap test first: most phrases are nowhere in a short query
    return word_pattern(phrases, plural).search(lowered) is not None


@lru_cache(maxsize=8192)
def _lowered(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(phrase.lower() for phrase in phrases)


def first_words(text: str, phrases: Iterable[str]) -> str | None:
    """The first of the phrases (in the given order) that the text contains as whole words."""
    lowered = text.lower()
    phrases = tuple(phrases)
    # Every query is read against every glossary entry and cue: the lowered phrases are made once per phrase set.
    for phrase, lowered_phrase in zip(phrases, _lowered(phrases), strict=True):
        if lowered_phrase in lowered and word_pattern((phrase,)).search(lowered):
            return phrase
    return None
