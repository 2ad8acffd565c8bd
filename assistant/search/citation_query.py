"""Recognise citations in every form users type: dsl:27, 数安法27条, DSL Art. 36, Article 82 of the Shenzhen …,
and the bare forms DSL 27, DSL 27(2), 数安法27.2, blockchain 17."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.numerals import NUMERAL_CHARS, chinese_to_int

# Up to four digits where the text marks an article (第1035条, Art. 1035): other codes than the corpus laws have
# over a thousand articles, and a cut number (1035 read as 103) would name another article.
_NUMBER = rf"(?:\d{{1,4}}(?!\d)|[{NUMERAL_CHARS}]{{1,6}})"
_CANONICAL = re.compile(r"\b([a-z][a-z0-9_-]*):(\d{1,3})(?:\.(\d{1,2}))?(?:\.(\d{1,2}))?\b")
# 第二百五十三条之一 is an article of its own (inserted after 253): the 之一 stays in the citation's span.
_ZH_TAIL = (
    rf"第?\s*({_NUMBER})\s*条(?:之[一二三四五六七八九十])?(?:\s*第?\s*({_NUMBER})\s*款)?(?:\s*第?\s*({_NUMBER})\s*项)?"
)
# The item after a paragraph may be a small roman numeral, as English citations write it: Art. 13(1)(ii).
ROMAN_ITEM = r"(?:x|ix|iv|v?i{1,3}|v)"
_EN_NUMBERS = rf"\s*(\d{{1,4}})(?!\d)(?:\s*\(\s*(\d{{1,2}})\s*\))?(?:\s*\(\s*(\d{{1,2}}|{ROMAN_ITEM})\s*\))?"
_ROMAN_VALUES = {
    numeral: value
    for value, numeral in enumerate(["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"], start=1)
}


_EN_ARTICLE = rf"(?:art(?:icle)?s?\.?|§){_EN_NUMBERS}"
# After a law's name, "s. 75" and "sec. 75" also cite an article (common-law style); alone, "s. 5" is too
# easily something else (U.S. 5 million) to read as a citation.
_EN_ARTICLE_AFTER_NAME = rf"(?:art(?:icle)?s?\.?|§|s\.|sec\.){_EN_NUMBERS}"
# A law's name then its number: "DSL 27", "DSL 27(2)", "数安法27.2"; not "深圳 3个", "DSL 2021", "27.5%".
_BARE_NUMBERS = r"\s*(\d{1,3})(?:\s*\(\s*(\d{1,2})\s*\)|\.(\d{1,2}))?(?:\s*\(\s*(\d{1,2})\s*\)|\.(\d{1,2}))?"
_BARE_END = r"(?![\d.]*\d|\s*[%个家年月日天岁万元名次条款项人])(?![A-Za-z])"
_EN_PARAGRAPH = r"(?:,?\s*(?:para(?:graph)?\.?|par\.)\s*(\d{1,2}))?(?:,?\s*item\s*\(?(\d{1,2})\)?)?"


@dataclass(frozen=True)
class CitationMatch:
    """A citation found in a query: the law (None when not named), the numbers, and where it stood."""

    law: str | None
    article: int
    paragraph: int | None
    item: int | None
    span: tuple[int, int]
    bracketed: bool = False  # "Art. 21(3)": the (3) may be a paragraph, or an item of a one-paragraph article


def numeral_value(text: str | None) -> int | None:
    """The value of a cited number as written: digits, Chinese numerals, or an item's small roman numeral."""
    if not text:
        return None
    text = text.strip()
    if text.isdigit():
        return int(text)
    if re.fullmatch(ROMAN_ITEM, text, re.IGNORECASE):
        return _ROMAN_VALUES[text.lower()]
    try:
        return chinese_to_int(text)
    except ValueError:
        return None


class CitationRecognizer:
    """Finds citations using each law's id and aliases."""

    def __init__(self, aliases: dict[str, list[str]]) -> None:
        self.laws = list(aliases)
        self.alias_to_law: dict[str, str] = {}
        for law, names in aliases.items():
            for name in [law, *names]:
                self.alias_to_law[self._key(name)] = law
        alternatives = "|".join(re.escape(a) for a in sorted(self.alias_to_law, key=len, reverse=True))
        alias = rf"(?:the\s+)?({alternatives})"
        self._zh = re.compile(rf"(?:《\s*{alias}\s*》|{alias})?\s*{_ZH_TAIL}", re.IGNORECASE)
        self._en_alias_first = re.compile(rf"\b{alias}\s*,?\s*{_EN_ARTICLE_AFTER_NAME}{_EN_PARAGRAPH}", re.IGNORECASE)
        self._bare = re.compile(rf"(?<![A-Za-z0-9]){alias}{_BARE_NUMBERS}{_BARE_END}", re.IGNORECASE)
        self._en_article_first = re.compile(
            rf"(?:\b|(?<!\w)(?=§)){_EN_ARTICLE}{_EN_PARAGRAPH}(?:\s*(?:of|in)?\s*{alias})?", re.IGNORECASE
        )

    @staticmethod
    def _key(name: str) -> str:
        return re.sub(r"\s+", " ", name.strip().lower())

    def _law(self, name: str | None) -> str | None:
        return self.alias_to_law.get(self._key(name)) if name else None

    def find(self, query: str) -> list[CitationMatch]:
        """Every citation in the query, left to right, without overlaps."""
        found: list[CitationMatch] = []

        def add(
            law: str | None, numbers: tuple[str | None, ...], span: tuple[int, int], bracketed: bool = False
        ) -> None:
            article, paragraph, item = (numeral_value(n) for n in numbers)
            if article is None or article < 1 or any(span[0] < f.span[1] and f.span[0] < span[1] for f in found):
                return
            found.append(CitationMatch(law, article, paragraph, item if paragraph or item else None, span, bracketed))

        for match in _CANONICAL.finditer(query):
            if match.group(1) in self.laws:
                add(match.group(1), match.group(2, 3, 4), match.span())
        for match in self._en_alias_first.finditer(query):
            paragraph = match.group(3) or match.group(5)
            item = match.group(4) or match.group(6)
            bracketed = bool(match.group(3)) and not match.group(4)
            add(self._law(match.group(1)), (match.group(2), paragraph, item), match.span(), bracketed)
        for match in self._en_article_first.finditer(query):
            paragraph = match.group(2) or match.group(4)
            item = match.group(3) or match.group(5)
            bracketed = bool(match.group(2)) and not match.group(3)
            add(self._law(match.group(6)), (match.group(1), paragraph, item), match.span(), bracketed)
        for match in self._zh.finditer(query):
            law = self._law(match.group(1) or match.group(2))
            has_di = "第" in match.group(0)
            if law is None and not has_di:
                continue  # a bare "3条" is a count, not a citation
            add(law, match.group(3, 4, 5), match.span())
        for match in self._bare.finditer(query):
            paragraph = match.group(3) or match.group(4)
            item = match.group(5) or match.group(6)
            add(
                self._law(match.group(1)),
                (match.group(2), paragraph, item),
                match.span(),
                bool(match.group(3)) and not item,
            )
        return sorted(found, key=lambda f: f.span)

    def remainder(self, query: str, matches: list[CitationMatch]) -> str:
        """The query with its citations cut out."""
        pieces, last = [], 0
        for match in matches:
            pieces.append(query[last : match.span[0]])
            last = match.span[1]
        pieces.append(query[last:])
        return " ".join(piece.strip() for piece in pieces if piece.strip())
