"""Cross-references in statute text resolved to citation ids: 本法第X条, 本规定第X条第X款, 前款, 本章, other laws.

Offsets are kept so readers can turn each reference into a link over the exact characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.models import Article, ArticleRef
from assistant.numerals import NUMERAL_CHARS, chinese_to_int

_N = f"[{NUMERAL_CHARS}]+"
# 本法/本规定/本条例 followed by one or more 第X条[第X款][第X项], joined by 、 or 和/或者/至.
_SELF = r"(?:本法|本规定|本条例|本办法)"
_ONE = rf"第({_N})条(?:第({_N})款)?(?:第({_N})项)?"
_LIST = re.compile(rf"{_SELF}((?:{_ONE})(?:(?:、|和|或者|以及|，)?{_ONE})*)")
_ONE_RE = re.compile(_ONE)
_RANGE = re.compile(rf"{_SELF}第({_N})条至第({_N})条")
_SAME_ARTICLE = re.compile(rf"本条第({_N})款(?:第({_N})项)?")
_PRECEDING = re.compile(r"前([两二三四])?款")
_THIS_CHAPTER = re.compile(r"本章")
_OTHER_LAW = re.compile(r"《([^《》]{2,40})》")
_COUNT = {"两": 2, "二": 2, "三": 3, "四": 4}


@dataclass(frozen=True)
class CrossReference:
    """A reference found in one paragraph (or item) of an article."""

    source: str  # citation id of the paragraph or item holding it
    start: int  # character offsets in that paragraph's (or item's) own text
    end: int
    text: str
    targets: tuple[str, ...]  # citation ids it resolves to; empty for other laws
    kind: str  # "article" | "preceding" | "chapter" | "other-law"
    other_law: str | None = None


def _int(text: str | None) -> int | None:
    return chinese_to_int(text) if text else None


def find_references(article: Article, chapter_articles: list[int] | None = None) -> list[CrossReference]:
    """Every cross-reference in an article, resolved against its own law."""
    found: list[CrossReference] = []
    for paragraph in article.paragraphs:
        pieces = [(f"{article.id}.{paragraph.number}", paragraph.zh)]
        pieces += [(f"{article.id}.{paragraph.number}.{item.number}", item.zh) for item in paragraph.items]
        for source, text in pieces:
            found.extend(_scan(article, paragraph.number, source, text, chapter_articles))
    return found


def _scan(
    article: Article, paragraph: int, source: str, text: str, chapter_articles: list[int] | None
) -> list[CrossReference]:
    refs: list[CrossReference] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, targets: list[str], kind: str, other: str | None = None) -> None:
        if any(start < e and s < end for s, e in taken):
            return
        taken.append((start, end))
        refs.append(CrossReference(source, start, end, text[start:end], tuple(targets), kind, other))

    for match in _RANGE.finditer(text):
        first, last = chinese_to_int(match.group(1)), chinese_to_int(match.group(2))
        add(match.start(), match.end(), [ArticleRef(article.law, n).id for n in range(first, last + 1)], "article")
    for match in _LIST.finditer(text):
        targets = []
        for one in _ONE_RE.finditer(match.group(1)):
            number, para, item = (_int(g) for g in one.groups())
            assert number is not None
            targets.append(ArticleRef(article.law, number, para, item if para else None).id)
        add(match.start(), match.end(), targets, "article")
    for match in _SAME_ARTICLE.finditer(text):
        para, item = _int(match.group(1)), _int(match.group(2))
        add(match.start(), match.end(), [ArticleRef(article.law, article.number, para, item).id], "article")
    for match in _PRECEDING.finditer(text):
        count = _COUNT.get(match.group(1) or "", 1)
        targets = [ArticleRef(article.law, article.number, p).id for p in range(max(1, paragraph - count), paragraph)]
        if targets:
            add(match.start(), match.end(), targets, "preceding")
    if chapter_articles:
        for match in _THIS_CHAPTER.finditer(text):
            add(match.start(), match.end(), [ArticleRef(article.law, n).id for n in chapter_articles], "chapter")
    for match in _OTHER_LAW.finditer(text):
        add(match.start(), match.end(), [], "other-law", match.group(1))
    return sorted(refs, key=lambda r: r.start)
