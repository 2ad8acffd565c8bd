"""Frozen value types shared by every part of the core: citations, laws, articles, hits."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from assistant.errors import DlaError
from assistant.numerals import int_to_chinese

TEXT_STATUSES: tuple[str, ...] = ("cross-checked", "partly-cross-checked", "single-copy", "unverified")

_REF_PATTERN = re.compile(r"^([a-z][a-z0-9_-]*):(\d{1,4})(?:\.(\d{1,2})(?:\.(\d{1,2}))?)?$")


def within(ref: str, scope: str) -> bool:
    """True when the citation `ref` is `scope` or lies inside it (dsl:27.2 and dsl:27.2.1 are within dsl:27)."""
    return ref == scope or ref.startswith(f"{scope}.")


class CitationError(DlaError, ValueError):
    """A citation id that is malformed or names nothing in the corpus."""

    def __init__(self, message: str, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(message, hint=f"Did you mean: {', '.join(suggestions)}?" if suggestions else None)
        self.suggestions = suggestions


@dataclass(frozen=True, order=True)
class ArticleRef:
    """A citation `law:article[.paragraph[.item]]`, parsed and formatted only here."""

    law: str
    article: int
    paragraph: int | None = None
    item: int | None = None

    @classmethod
    def parse(cls, text: str) -> ArticleRef:
        """Parse `dsl:27.2`; raise CitationError when the form is wrong."""
        match = _REF_PATTERN.match(text.strip())
        if not match:
            raise CitationError(f"not a citation id: {text!r} (expected law:article[.paragraph[.item]], e.g. dsl:27.2)")
        law, article, paragraph, item = match.groups()
        ref = cls(law, int(article), int(paragraph) if paragraph else None, int(item) if item else None)
        if (
            ref.article < 1
            or (ref.paragraph is not None and ref.paragraph < 1)
            or (ref.item is not None and ref.item < 1)
        ):
            raise CitationError(f"citation numbers start at 1: {text!r}")
        return ref

    @property
    def id(self) -> str:
        """The canonical id string, e.g. `dsl:27.2`."""
        parts = [str(self.article)]
        if self.paragraph is not None:
            parts.append(str(self.paragraph))
            if self.item is not None:
                parts.append(str(self.item))
        return f"{self.law}:{'.'.join(parts)}"

    @property
    def article_id(self) -> str:
        """The id of the whole article this ref points into."""
        return f"{self.law}:{self.article}"

    def zh(self, citation_title: str, *, single_paragraph: bool = False) -> str:
        """Chinese rendering: 《数据安全法》第二十七条第二款; 款 is left out of an item ref in a one-paragraph article."""
        text = f"《{citation_title}》第{int_to_chinese(self.article)}条"
        if self.paragraph is not None and not (single_paragraph and self.item is not None):
            text += f"第{int_to_chinese(self.paragraph)}款"
        if self.item is not None:
            text += f"第{int_to_chinese(self.item)}项"
        return text

    def en(self, short_title: str, *, single_paragraph: bool = False) -> str:
        """English rendering: DSL Art. 27(2); an item as Art. 27(2), item (3), or Art. 10, item (3) in a one-paragraph article."""
        text = f"{short_title} Art. {self.article}"
        if self.paragraph is not None and not (single_paragraph and self.item is not None):
            text += f"({self.paragraph})"
        if self.item is not None:
            text += f", item ({self.item})"
        return text

    def __str__(self) -> str:
        return self.id


@dataclass(frozen=True)
class Item:
    """A numbered item (项) of a paragraph, e.g. （一）…."""

    number: int
    zh: str
    en: str | None = None


@dataclass(frozen=True)
class Paragraph:
    """A paragraph (款): its lead text and any numbered items under it."""

    number: int
    zh: str
    en: str | None = None
    items: tuple[Item, ...] = ()

    @property
    def full_zh(self) -> str:
        """Lead text and items, one per line, as the source lays them out."""
        return "\n".join([self.zh, *(item.zh for item in self.items)])

    @property
    def full_en(self) -> str | None:
        """English lead text and items, one per line; None while any part lacks English."""
        if self.en is None or any(item.en is None for item in self.items):
            return None
        return "\n".join([self.en, *(item.en or "" for item in self.items)])


@dataclass(frozen=True)
class Heading:
    """A chapter (章) or section (节) heading."""

    kind: Literal["chapter", "section"]
    number: int
    title_zh: str
    title_en: str | None = None

    @property
    def label_zh(self) -> str:
        """The heading as printed: 第四章 数据安全制度."""
        return f"第{int_to_chinese(self.number)}{'章' if self.kind == 'chapter' else '节'} {self.title_zh}"


@dataclass(frozen=True)
class Article:
    """One article (条) with its place in the instrument, text status and both languages."""

    law: str
    number: int
    paragraphs: tuple[Paragraph, ...]
    chapter: Heading | None = None
    section: Heading | None = None
    text_status: str = "cross-checked"
    # What a reader should know about non-cross-checked wording (English; `status_note_zh` in
    # Chinese): from the law's status_notes.yaml, else the provenance record's note.
    status_note: str | None = None
    status_note_zh: str | None = None
    provenance_note: str | None = None

    @property
    def ref(self) -> ArticleRef:
        """The article's citation."""
        return ArticleRef(self.law, self.number)

    @property
    def id(self) -> str:
        """The article's citation id, e.g. `dsl:27`."""
        return self.ref.id

    @property
    def text_zh(self) -> str:
        """The whole Chinese text, paragraphs and items one per line."""
        return "\n".join(p.full_zh for p in self.paragraphs)

    @property
    def text_en(self) -> str | None:
        """The whole English text, or None while untranslated."""
        parts = [p.full_en for p in self.paragraphs]
        if any(part is None for part in parts):
            return None
        return "\n".join(part or "" for part in parts)

    @property
    def has_english(self) -> bool:
        """True when every paragraph and item has English."""
        return self.text_en is not None


@dataclass(frozen=True)
class LawInfo:
    """An instrument's metadata from `law.yaml`."""

    id: str
    title_zh: str
    title_en: str
    citation_title_zh: str
    short_en: str
    aliases: tuple[str, ...]
    issuing_body_zh: str
    issuing_body_en: str
    document_number: str | None
    adopted: str | None
    promulgated: str | None
    effective: str
    status: str
    level: str
    jurisdiction: str
    official_source: str
    source_file: str
    source_sha256: str
    preamble_zh: tuple[str, ...] = ()


@dataclass(frozen=True)
class LawShape:
    """How many articles, paragraphs and items an instrument has: the one check that a citation exists."""

    short_en: str
    items_per_paragraph: tuple[tuple[int, ...], ...]  # per article, per paragraph: its number of items

    def problem(self, ref: ArticleRef) -> str | None:
        """None when the ref names an existing article, paragraph or item; else why not."""
        articles = self.items_per_paragraph
        if not 1 <= ref.article <= len(articles):
            return f"{self.short_en} has articles 1-{len(articles)}"
        paragraphs = articles[ref.article - 1]
        if ref.paragraph is None:
            return None
        if ref.paragraph > len(paragraphs):
            return f"{self.short_en} Art. {ref.article} has {len(paragraphs)} paragraph(s)"
        if ref.item is not None and ref.item > paragraphs[ref.paragraph - 1]:
            return f"{self.short_en} Art. {ref.article}({ref.paragraph}) has {paragraphs[ref.paragraph - 1]} item(s)"
        return None


@dataclass(frozen=True)
class Law:
    """An instrument: metadata, headings and articles in order."""

    info: LawInfo
    articles: tuple[Article, ...]
    headings: tuple[Heading, ...] = field(default=())

    @property
    def id(self) -> str:
        """The law id used in citations."""
        return self.info.id

    @cached_property
    def shape(self) -> LawShape:
        """Its articles, paragraphs and items counted, for checking citations."""
        return LawShape(self.info.short_en, tuple(tuple(len(p.items) for p in a.paragraphs) for a in self.articles))
