"""Chapters and sections as places to go: each with its label, words to match as you type, and its articles."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.tui.reading import ReadingData


@dataclass(frozen=True)
class ChapterEntry:
    """A chapter (or a section of one) of an instrument, and the ids of its articles in order."""

    key: str  # law:chapter[.section], unique
    law_short: str
    label_zh: str
    label_en: str
    article_ids: tuple[str, ...]

    @property
    def law(self) -> str:
        """The instrument's id (`dsl` of `dsl:4.1`)."""
        return self.key.partition(":")[0]

    @property
    def chapter(self) -> str:
        """The chapter number as the search filter takes it (`4` of `dsl:4.1`)."""
        return self.key.partition(":")[2].partition(".")[0]

    @property
    def scope(self) -> str:
        """The chapter (`4`) or section of a chapter (`4.2`), as the search's chapter limit reads it."""
        return self.key.partition(":")[2]

    @property
    def section(self) -> str | None:
        """The section number (`2` of `dsl:4.2`), or None for a whole chapter."""
        return self.scope.partition(".")[2] or None

    @property
    def is_section(self) -> bool:
        """True for a section inside a chapter."""
        return "." in self.key.partition(":")[2]

    @property
    def is_whole_law(self) -> bool:
        """True for a whole instrument (its key is the law id alone)."""
        return ":" not in self.key

    @property
    def searchable(self) -> str:
        """What type-ahead matches: law names, both labels, "chapter N" (or "whole") and the article span."""
        place = "whole law 全文" if self.is_whole_law else f"chapter {self.chapter}"
        return f"{self.law_short} {self.law} {self.label_zh} {self.label_en} {place} {self.span}".lower()

    @property
    def span(self) -> str:
        """`Arts. 21-26`."""
        first, last = (article_id.split(":")[1] for article_id in (self.article_ids[0], self.article_ids[-1]))
        return f"Art. {first}" if first == last else f"Arts. {first}-{last}"


def chapter_entries(reading: ReadingData) -> list[ChapterEntry]:
    """Every chapter, and every section inside one, in corpus order."""
    entries: dict[str, list[str]] = {}
    labels: dict[str, tuple[str, str, str]] = {}
    for article in reading.corpus.all_articles():
        if article.chapter is None:
            continue
        short = reading.corpus.law(article.law).info.short_en
        chapter_key = f"{article.law}:{article.chapter.number}"
        entries.setdefault(chapter_key, []).append(article.id)
        labels[chapter_key] = (short, article.chapter.label_zh, article.chapter.title_en or "")
        if article.section is not None:
            section_key = f"{chapter_key}.{article.section.number}"
            entries.setdefault(section_key, []).append(article.id)
            english = f"{article.chapter.title_en or ''} › {article.section.title_en or ''}".strip(" ›")
            labels[section_key] = (short, f"{article.chapter.label_zh} › {article.section.label_zh}", english)
    return [ChapterEntry(key, *labels[key], tuple(ids)) for key, ids in entries.items()]


def reading_entries(reading: ReadingData) -> list[ChapterEntry]:
    """What "go to" offers: every chapter and section, then each instrument as a whole (with or without chapters)."""
    whole = [
        ChapterEntry(
            law.id,
            law.info.short_en,
            f"{law.info.title_zh}（全文）",
            "whole text",
            tuple(article.id for article in law.articles),
        )
        for law in reading.corpus.laws.values()
        if law.articles
    ]
    return [*chapter_entries(reading), *whole]


# The picker's "no chapter filter" choice: not a chapter, never matched by typing.
NO_CHAPTER = ChapterEntry("", "", "", "", ())


def chapter_filter_entries(reading: ReadingData, law: str | None) -> list[ChapterEntry]:
    """The chapters, and sections of chapters, the search can be limited to: of one law, or of every law."""
    return [entry for entry in chapter_entries(reading) if law is None or entry.law == law]


def matching(entries: list[ChapterEntry], typed: str) -> list[ChapterEntry]:
    """Entries whose text holds every word typed (any order, any case)."""
    words = typed.lower().split()
    return [entry for entry in entries if all(word in entry.searchable for word in words)]
