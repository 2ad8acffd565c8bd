"""Load the corpus directory into `Law` objects and resolve citations against it."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from assistant.corpus.fingerprint import corpus_fingerprint
from assistant.datafile import DataFileError, LineDict, check_keys, load_yaml, require_mapping
from assistant.models import (
    TEXT_STATUSES,
    Article,
    ArticleRef,
    CitationError,
    Heading,
    Item,
    Law,
    LawInfo,
    Paragraph,
)

LAW_FILE = "law.yaml"
TEXT_FILE = "text.zh.yaml"
TRANSLATION_FILE = "translation.en.yaml"
STATUS_NOTES_FILE = "status_notes.yaml"

LAW_KEYS = {
    "id",
    "title_zh",
    "title_en",
    "citation_title_zh",
    "short_en",
    "aliases",
    "issuing_body_zh",
    "issuing_body_en",
    "document_number",
    "adopted",
    "promulgated",
    "effective",
    "status",
    "level",
    "jurisdiction",
    "official_source",
    "source_file",
    "source_sha256",
}
_LAW_REQUIRED = LAW_KEYS - {"document_number", "adopted", "promulgated"}


@dataclass(frozen=True)
class TranslationIssue:
    """An article whose English does not line up with its Chinese."""

    article_id: str
    message: str


@dataclass
class Corpus:
    """All instruments under a corpus directory, with lookups by citation."""

    root: Path
    laws: dict[str, Law]
    translation_issues: list[TranslationIssue] = field(default_factory=list)

    def all_articles(self, law: str | None = None) -> Iterator[Article]:
        """Every article in corpus order, optionally of one law."""
        for law_id, instrument in self.laws.items():
            if law is None or law == law_id:
                yield from instrument.articles

    def law(self, law_id: str) -> Law:
        """One law by id; CitationError naming the known ids otherwise."""
        try:
            return self.laws[law_id]
        except KeyError:
            raise CitationError(
                f"unknown law {law_id!r}; known laws: {', '.join(self.laws)}", tuple(f"{k}:1" for k in self.laws)
            ) from None

    def article(self, ref: ArticleRef | str) -> Article:
        """The article a citation points into (checking paragraph and item exist)."""
        ref = ArticleRef.parse(ref) if isinstance(ref, str) else ref
        law = self.law(ref.law)
        problem = law.shape.problem(ref)
        if problem is not None:
            raise CitationError(f"{ref.id}: {problem}", self.suggest(ref.id))
        return law.articles[ref.article - 1]

    def exists(self, ref: ArticleRef | str) -> bool:
        """True when the citation names an existing article, paragraph or item."""
        try:
            self.article(ref)
        except CitationError:
            return False
        return True

    def all_ids(self) -> list[str]:
        """Every citable id: articles, paragraphs and items."""
        ids: list[str] = []
        for article in self.all_articles():
            ids.append(article.id)
            for paragraph in article.paragraphs:
                ids.append(f"{article.id}.{paragraph.number}")
                ids.extend(f"{article.id}.{paragraph.number}.{item.number}" for item in paragraph.items)
        return ids

    def suggest(self, text: str, limit: int = 3) -> tuple[str, ...]:
        """The closest valid ids to a mistyped one."""
        candidates = self.all_ids()
        law_prefix = text.split(":", 1)[0]
        if law_prefix in self.laws:
            candidates = [c for c in candidates if c.startswith(law_prefix + ":")]
        return tuple(difflib.get_close_matches(text, candidates, n=limit, cutoff=0.5))

    def text_of(self, ref: ArticleRef | str, lang: str = "zh") -> str | None:
        """The text of exactly what a citation names (article, paragraph or item)."""
        ref = ArticleRef.parse(ref) if isinstance(ref, str) else ref
        article = self.article(ref)
        if ref.paragraph is None:
            return article.text_zh if lang == "zh" else article.text_en
        paragraph = article.paragraphs[ref.paragraph - 1]
        if ref.item is None:
            return paragraph.full_zh if lang == "zh" else paragraph.full_en
        item = paragraph.items[ref.item - 1]
        return item.zh if lang == "zh" else item.en

    def cite_zh(self, ref: ArticleRef | str) -> str:
        """《数据安全法》第二十七条第二款 for a resolvable citation."""
        ref = ArticleRef.parse(ref) if isinstance(ref, str) else ref
        article = self.article(ref)
        return ref.zh(self.law(ref.law).info.citation_title_zh, single_paragraph=len(article.paragraphs) == 1)

    def cite_en(self, ref: ArticleRef | str) -> str:
        """DSL Art. 27(2) for a resolvable citation."""
        ref = ArticleRef.parse(ref) if isinstance(ref, str) else ref
        article = self.article(ref)
        return ref.en(self.law(ref.law).info.short_en, single_paragraph=len(article.paragraphs) == 1)

    @cached_property
    def content_hash(self) -> str:
        """sha256 over every corpus file, to tell when indexes and exports are stale."""
        return corpus_fingerprint(self.root)


def _heading_key(kind: str, number: int, chapter: int | None) -> tuple[str, int, int | None]:
    return (kind, number, chapter)


def _load_law_info(path: Path, preamble: tuple[str, ...]) -> LawInfo:
    data = require_mapping(load_yaml(path), path, "law.yaml")
    check_keys(data, path, LAW_KEYS, _LAW_REQUIRED, "law.yaml")
    aliases = data["aliases"]
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise DataFileError(path, data.line_of("aliases"), "aliases must be a list of strings")
    return LawInfo(
        id=str(data["id"]),
        title_zh=str(data["title_zh"]),
        title_en=str(data["title_en"]),
        citation_title_zh=str(data["citation_title_zh"]),
        short_en=str(data["short_en"]),
        aliases=tuple(aliases),
        issuing_body_zh=str(data["issuing_body_zh"]),
        issuing_body_en=str(data["issuing_body_en"]),
        document_number=data.get("document_number"),
        adopted=data.get("adopted"),
        promulgated=data.get("promulgated"),
        effective=str(data["effective"]),
        status=str(data["status"]),
        level=str(data["level"]),
        jurisdiction=str(data["jurisdiction"]),
        official_source=str(data["official_source"]),
        source_file=str(data["source_file"]),
        source_sha256=str(data["source_sha256"]),
        preamble_zh=preamble,
    )


def _english_lines(translation: LineDict | None, number: int) -> list[str] | None:
    if translation is None:
        return None
    articles = translation.get("articles") or {}
    lines = articles.get(number, articles.get(str(number)))
    if not isinstance(lines, list):
        return None
    return [str(line) for line in lines]


def _build_article(
    law_id: str,
    entry: LineDict,
    path: Path,
    headings: dict[tuple[str, int, int | None], Heading],
    english: list[str] | None,
    issues: list[TranslationIssue],
    user_note: tuple[str, str] | None = None,
) -> Article:
    check_keys(
        entry,
        path,
        {"number", "chapter", "section", "text_status", "status_note", "paragraphs"},
        {"number", "text_status", "paragraphs"},
        "article",
    )
    number = int(entry["number"])
    status = entry["text_status"]
    if status not in TEXT_STATUSES:
        raise DataFileError(path, entry.line_of("text_status"), f"unknown text_status {status!r}")
    zh_lines: list[tuple[int, int | None, str]] = []  # (paragraph, item, text)
    for p_index, paragraph in enumerate(entry["paragraphs"], start=1):
        check_keys(paragraph, path, {"text", "items"}, {"text"}, "paragraph")
        zh_lines.append((p_index, None, str(paragraph["text"])))
        for i_index, item in enumerate(paragraph.get("items") or [], start=1):
            zh_lines.append((p_index, i_index, str(item)))
    en_by_position: dict[tuple[int, int | None], str] = {}
    if english is not None:
        if len(english) == len(zh_lines):
            en_by_position = {(p, i): en for (p, i, _), en in zip(zh_lines, english, strict=True)}
        else:
            issues.append(
                TranslationIssue(
                    f"{law_id}:{number}", f"{len(zh_lines)} Chinese lines but {len(english)} English lines"
                )
            )
    paragraphs = []
    for p_index, paragraph in enumerate(entry["paragraphs"], start=1):
        items = tuple(
            Item(i_index, str(item), en_by_position.get((p_index, i_index)))
            for i_index, item in enumerate(paragraph.get("items") or [], start=1)
        )
        paragraphs.append(Paragraph(p_index, str(paragraph["text"]), en_by_position.get((p_index, None)), items))
    chapter_number = entry.get("chapter")
    section_number = entry.get("section")
    return Article(
        law=law_id,
        number=number,
        paragraphs=tuple(paragraphs),
        chapter=headings.get(_heading_key("chapter", chapter_number, None)) if chapter_number else None,
        section=headings.get(_heading_key("section", section_number, chapter_number)) if section_number else None,
        text_status=status,
        status_note=user_note[0] if user_note else entry.get("status_note"),
        status_note_zh=user_note[1] if user_note else None,
        provenance_note=entry.get("status_note"),
    )


def _status_notes(directory: Path, law_id: str) -> dict[int, tuple[str, str]]:
    """The reader-facing (en, zh) note of each article whose wording is not cross-checked; {} without a file."""
    path = directory / STATUS_NOTES_FILE
    if not path.exists():
        return {}
    data = require_mapping(load_yaml(path), path, STATUS_NOTES_FILE)
    check_keys(data, path, {"law", "articles"}, {"law", "articles"}, STATUS_NOTES_FILE)
    if data["law"] != law_id:
        raise DataFileError(path, data.line_of("law"), f"law is {data['law']!r}, expected {law_id!r}")
    articles = require_mapping(data["articles"], path, "articles", data.line_of("articles"))
    notes: dict[int, tuple[str, str]] = {}
    for number, entry in articles.items():
        entry = require_mapping(entry, path, f"article {number}", articles.line_of(number))
        check_keys(entry, path, {"en", "zh"}, {"en", "zh"}, f"article {number}")
        if not isinstance(number, int) or not all(isinstance(entry[k], str) and entry[k].strip() for k in ("en", "zh")):
            raise DataFileError(path, articles.line_of(number), f"article {number!r}: en and zh must be sentences")
        notes[number] = (entry["en"].strip(), entry["zh"].strip())
    return notes


def load_law(directory: Path) -> tuple[Law, list[TranslationIssue]]:
    """Load one law directory: metadata, Chinese text and (where present) English."""
    text_path = directory / TEXT_FILE
    text = require_mapping(load_yaml(text_path), text_path, TEXT_FILE)
    check_keys(
        text,
        text_path,
        {"law", "title_zh", "source", "preamble", "headings", "articles"},
        {"law", "articles"},
        TEXT_FILE,
    )
    info = _load_law_info(directory / LAW_FILE, tuple(text.get("preamble") or ()))
    translation_path = directory / TRANSLATION_FILE
    translation = (
        require_mapping(load_yaml(translation_path), translation_path, TRANSLATION_FILE)
        if translation_path.exists()
        else None
    )
    if translation is not None:
        check_keys(
            translation, translation_path, {"law", "headings", "articles"}, {"law", "articles"}, TRANSLATION_FILE
        )
    heading_titles_en: dict[str, str] = dict(translation.get("headings") or {}) if translation is not None else {}
    headings: dict[tuple[str, int, int | None], Heading] = {}
    for entry in text.get("headings") or []:
        check_keys(entry, text_path, {"kind", "number", "title", "chapter"}, {"kind", "number", "title"}, "heading")
        heading = Heading(entry["kind"], int(entry["number"]), str(entry["title"]))
        heading = Heading(heading.kind, heading.number, heading.title_zh, heading_titles_en.get(heading.label_zh))
        headings[_heading_key(heading.kind, heading.number, entry.get("chapter"))] = heading
    issues: list[TranslationIssue] = []
    notes = _status_notes(directory, info.id)
    articles = tuple(
        _build_article(
            info.id,
            entry,
            text_path,
            headings,
            _english_lines(translation, int(entry["number"])),
            issues,
            notes.get(int(entry["number"])),
        )
        for entry in text["articles"]
    )
    for index, article in enumerate(articles, start=1):
        if article.number != index:
            raise DataFileError(text_path, None, f"article {article.number} stands where article {index} belongs")
    if notes:
        # A user must be told what to check for every article whose wording is not cross-checked,
        # and a note must never hang on an article that does not exist or needs none.
        noted = {a.number for a in articles if a.text_status != "cross-checked"}
        if set(notes) != noted:
            missing, extra = sorted(noted - set(notes)), sorted(set(notes) - noted)
            raise DataFileError(
                directory / STATUS_NOTES_FILE,
                None,
                f"notes must cover exactly the non-cross-checked articles; missing {missing}, not needed {extra}",
            )
    return Law(info, articles, tuple(headings.values())), issues


def load_corpus(root: Path) -> Corpus:
    """Load every `corpus/laws/<id>/` directory, in a stable order."""
    laws: dict[str, Law] = {}
    issues: list[TranslationIssue] = []
    laws_dir = root / "laws"
    if not laws_dir.is_dir():
        raise DataFileError(laws_dir, None, "corpus directory has no laws/ folder")
    order = _law_order(root)
    for directory in sorted((d for d in laws_dir.iterdir() if (d / TEXT_FILE).exists()), key=lambda d: order(d.name)):
        law, law_issues = load_law(directory)
        if law.id != directory.name:
            raise DataFileError(directory / LAW_FILE, None, f"id {law.id!r} differs from its folder {directory.name!r}")
        laws[law.id] = law
        issues.extend(law_issues)
    return Corpus(root, laws, issues)


def _law_order(root: Path) -> Any:
    """Order laws as `corpus/laws/order.txt` lists them, others after in name order."""
    order_file = root / "laws" / "order.txt"
    listed = order_file.read_text(encoding="utf-8").split() if order_file.exists() else []
    return lambda name: (listed.index(name) if name in listed else len(listed), name)
