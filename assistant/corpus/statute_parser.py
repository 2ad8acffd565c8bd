"""Parse a Chinese statute in plain-text layout into chapters, sections, articles, paragraphs and items.

Layout (as in the official source files): a title line, optional promulgation lines, then
第X章 / 第X节 headings and articles that start their line with 第X条; each later non-empty line
of an article is a paragraph (款), or an item (项) when it starts with （一）.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.errors import DlaError
from assistant.numerals import NUMBER, chinese_to_int

ARTICLE_LINE = re.compile(rf"^第({NUMBER})条(?:[\s\u3000]+|$)(.*)$")
HEADING_LINE = re.compile(rf"^第({NUMBER})([章节])[\s\u3000]+(\S.*)$")
UNKNOWN_HEADING_LINE = re.compile(rf"^第({NUMBER})(编|分编|部分|目|款|项|章|节)(?:[\s\u3000]|$)")
ITEM_LINE = re.compile(rf"^（({NUMBER})）")
ARTICLE_LIKE = re.compile(rf"^第{NUMBER}条")


class StatuteFormatError(DlaError, ValueError):
    """Malformed statute text: says the line and what is wrong."""

    def __init__(self, line: int, message: str, source: str = "<text>") -> None:
        self.line = line
        self.source = source
        super().__init__(f"{source}:{line}: {message}")


@dataclass
class ParsedItem:
    """An item line."""

    number: int
    text: str
    line: int


@dataclass
class ParsedParagraph:
    """A paragraph line and the items that follow it."""

    text: str
    line: int
    items: list[ParsedItem] = field(default_factory=list)


@dataclass
class ParsedArticle:
    """An article with the chapter and section it stands in."""

    number: int
    line: int
    chapter: int | None
    section: int | None
    paragraphs: list[ParsedParagraph] = field(default_factory=list)


@dataclass
class ParsedHeading:
    """A chapter or section heading line."""

    kind: str
    number: int
    title: str
    line: int
    chapter: int | None = None


@dataclass
class ParsedStatute:
    """The whole instrument as parsed."""

    title: str
    preamble: list[str]
    headings: list[ParsedHeading]
    articles: list[ParsedArticle]


def _numeral(text: str, line: int, source: str) -> int:
    try:
        return chinese_to_int(text)
    except ValueError as exc:
        raise StatuteFormatError(line, f"malformed Chinese numeral {text!r}", source) from exc


def parse_statute(text: str, source: str = "<text>") -> ParsedStatute:
    """Parse statute text; raise StatuteFormatError for gaps, repeats, stray text or unknown headings."""
    title: str | None = None
    preamble: list[str] = []
    headings: list[ParsedHeading] = []
    articles: list[ParsedArticle] = []
    chapter: int | None = None
    section: int | None = None
    after_heading = False

    for index, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip().lstrip("\ufeff")
        if not line:
            continue
        if title is None:
            if ARTICLE_LIKE.match(line) or HEADING_LINE.match(line):
                raise StatuteFormatError(index, "the first line must be the instrument's title", source)
            title = line
            continue

        heading = HEADING_LINE.match(line)
        if heading:
            number = _numeral(heading.group(1), index, source)
            kind = "chapter" if heading.group(2) == "章" else "section"
            if kind == "chapter":
                expected = (chapter or 0) + 1
                if number != expected:
                    raise StatuteFormatError(index, f"chapter {number} where chapter {expected} was expected", source)
                chapter, section = number, None
            else:
                if chapter is None:
                    raise StatuteFormatError(index, "a section heading before any chapter", source)
                expected = (section or 0) + 1
                if number != expected:
                    raise StatuteFormatError(index, f"section {number} where section {expected} was expected", source)
                section = number
            headings.append(
                ParsedHeading(kind, number, heading.group(3).strip(), index, chapter if kind == "section" else None)
            )
            after_heading = True
            continue

        article_match = ARTICLE_LINE.match(line)
        if article_match:
            number = _numeral(article_match.group(1), index, source)
            expected = len(articles) + 1
            if number != expected:
                problem = "repeated" if any(a.number == number for a in articles) else "out of sequence"
                raise StatuteFormatError(
                    index, f"article {number} is {problem}: article {expected} was expected", source
                )
            body = article_match.group(2).strip()
            if not body:
                raise StatuteFormatError(index, f"article {number} has no text on its line", source)
            if ITEM_LINE.match(body):
                raise StatuteFormatError(index, f"article {number} opens with an item", source)
            articles.append(ParsedArticle(number, index, chapter, section, [ParsedParagraph(body, index)]))
            after_heading = False
            continue

        if UNKNOWN_HEADING_LINE.match(line):
            raise StatuteFormatError(index, f"unknown heading: {line[:40]!r}", source)
        if ARTICLE_LIKE.match(line):
            raise StatuteFormatError(index, f"malformed article line: {line[:40]!r}", source)

        item_match = ITEM_LINE.match(line)
        if not articles and not headings:
            if item_match:
                raise StatuteFormatError(index, "an item before any article", source)
            preamble.append(line)
            continue
        if after_heading or not articles:
            raise StatuteFormatError(index, f"stray text outside any article: {line[:40]!r}", source)

        current = articles[-1]
        if item_match:
            number = _numeral(item_match.group(1), index, source)
            paragraph = current.paragraphs[-1]
            expected = len(paragraph.items) + 1
            if number != expected:
                raise StatuteFormatError(
                    index, f"item ({number}) where item ({expected}) was expected in article {current.number}", source
                )
            paragraph.items.append(ParsedItem(number, line, index))
        else:
            current.paragraphs.append(ParsedParagraph(line, index))

    if title is None:
        raise StatuteFormatError(1, "empty text: no title and no articles", source)
    if not articles:
        raise StatuteFormatError(1, "no article found (articles start a line with 第一条)", source)
    for heading_index, parsed_heading in enumerate(headings):
        next_line = headings[heading_index + 1].line if heading_index + 1 < len(headings) else 10**9
        if parsed_heading.kind == "chapter" and next_line != 10**9 and headings[heading_index + 1].kind == "section":
            continue
        if not any(parsed_heading.line < a.line < next_line for a in articles):
            raise StatuteFormatError(parsed_heading.line, "a heading with no article under it", source)
    return ParsedStatute(title, preamble, headings, articles)
