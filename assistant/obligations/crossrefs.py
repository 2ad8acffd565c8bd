"""Cross-references in statute text resolved to citation ids: 本法第X条, 本规定第X条第X款, 前款, 本章, other laws.

Offsets are kept so readers can turn each reference into a link over the exact characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.models import Article, ArticleRef
from assistant.numerals import NUMBER, chinese_to_int

# 本法/本规定/本条例 followed by a list of provisions: 第X条[第Y款][第Z项], joined by 、 和 或者 以及 ，; a range
# 第X条至第Y条; a further paragraph or item of the article just named (第四十条第一款和第二款).
_SELF = r"(?:本法|本规定|本条例|本办法)"
_JOIN = r"(?:、|和|或者|以及|及|，)"
_PART = rf"第{NUMBER}(?:条|款|项)"
_LIST = re.compile(rf"{_SELF}(第{NUMBER}条(?:(?:{_JOIN}|至)?{_PART})*)")
_PARTS = re.compile(rf"(至)?第({NUMBER})(条|款|项)")
_SAME_ARTICLE = re.compile(rf"本条第({NUMBER})款(?:第({NUMBER})项)?")
_PRECEDING = re.compile(r"前([两二三四])?款")
_THIS_CHAPTER = re.compile(r"本章")
OTHER_LAW_TITLE = re.compile(r"《([^《》]{2,40})》")  # a title in 《》: another instrument, named
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


def citation_list(text: str) -> list[tuple[int, ...]]:
    """The provisions a citation list names, as (article[, paragraph[, item]]) in text order.

    第十二条、第十六条至第二十条 → 12, 16, 17 … 20; 第四十条第一款和第二款 → 40(1), 40(2); 第十一条第二款 →
    11(2). An item is kept only under a paragraph (第十条第二项 cites article 10).
    """
    found: list[tuple[int, ...]] = []
    article: int | None = None
    paragraph: int | None = None
    for match in _PARTS.finditer(text):
        through, number, unit = match.group(1), chinese_to_int(match.group(2)), match.group(3)
        if unit == "条":
            if through and article is not None:
                found += [(n,) for n in range(article + 1, number + 1)]
            else:
                found.append((number,))
            article, paragraph = number, None
        elif unit == "款" and article is not None:
            if found and found[-1] == (article,):
                found.pop()  # 第四十条第一款: the paragraph, not the whole article
            found.append((article, number))
            paragraph = number
        elif unit == "项" and article is not None and paragraph is not None:
            if found and found[-1] == (article, paragraph):
                found.pop()
            found.append((article, paragraph, number))
    return found


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

    for match in _LIST.finditer(text):
        targets = [ArticleRef(article.law, *numbers).id for numbers in citation_list(match.group(1))]
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
    for match in OTHER_LAW_TITLE.finditer(text):
        add(match.start(), match.end(), [], "other-law", match.group(1))
    return sorted(refs, key=lambda r: r.start)
