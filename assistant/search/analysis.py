"""Text analysis for the index: overlapping CJK character bigrams, and English stemming with no stop list.

Bigrams rather than a word segmenter: measured here, bigrams found exactly the right articles on
a Chinese test set where jieba missed some, jieba costs ~1 s to load, and its Whoosh analyzer
stores character offsets as positions, which breaks phrase search (see ../shared/STYLE.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from whoosh.analysis import LowercaseFilter, Token, Tokenizer
from whoosh.analysis.analyzers import Analyzer, StemmingAnalyzer

# CJK ideographs (with extension A and compatibility ideographs); Latin words and numbers apart.
CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
WORD = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[A-Za-z0-9]+(?:[.'’-][A-Za-z0-9]+)*")


def cjk_bigrams(run: str) -> list[tuple[str, int]]:
    """Overlapping bigrams of a run of CJK characters with their offsets; a lone character stays."""
    if len(run) == 1:
        return [(run, 0)]
    return [(run[i : i + 2], i) for i in range(len(run) - 1)]


class CjkBigramTokenizer(Tokenizer):  # type: ignore[misc]
    """Emits bigrams for CJK runs and whole words for Latin text, with true character offsets."""

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            token.original = token.text = value
            token.boost = 1.0
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar, token.endchar = start_char, start_char + len(value)
            yield token
            return
        position = start_pos
        for match in WORD.finditer(value):
            text = match.group(0)
            pieces = cjk_bigrams(text) if CJK_RUN.fullmatch(text) else [(text, 0)]
            for piece, offset in pieces:
                token.text = piece
                token.boost = 1.0
                token.stopped = False
                if keeporiginal:
                    token.original = piece
                if positions:
                    token.pos = position
                if chars:
                    token.startchar = start_char + match.start() + offset
                    token.endchar = token.startchar + len(piece)
                position += 1
                yield token


def chinese_analyzer() -> Analyzer:
    """Bigram analyzer for Chinese text (Latin words inside it are lowercased)."""
    return CjkBigramTokenizer() | LowercaseFilter()


def english_analyzer() -> Analyzer:
    """Stemming analyzer that keeps every word: legal search needs shall / not / may."""
    return StemmingAnalyzer(stoplist=None, minsize=1)


def english_stems(text: str) -> list[str]:
    """The stems the English analyzer produces, for building queries and highlights alike."""
    return list(_stems(text))


@lru_cache(maxsize=8192)
def _stems(text: str) -> tuple[str, ...]:
    # Cached: glossary phrases and query words are stemmed again for every query and snippet.
    return tuple(token.text for token in _ENGLISH(text))


_ENGLISH = english_analyzer()


__all__ = ["CjkBigramTokenizer", "chinese_analyzer", "cjk_bigrams", "english_analyzer", "english_stems"]
