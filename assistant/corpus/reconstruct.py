"""Rebuild an instrument's source text from the corpus, to prove it by the source file's sha256.

The official files lay out blocks separated by blank lines (title, promulgation lines, headings,
article lines, paragraphs, items); rebuilding that layout from `text.zh.yaml` must give back the
exact bytes, so the recorded hash proves every character even where the sources are absent.
"""

from __future__ import annotations

import hashlib
from typing import Any

from assistant.numerals import int_to_chinese


def rebuild_source_text(text_data: dict[str, Any]) -> str:
    """The source file's text as the corpus implies it."""
    titles = {(h["kind"], h["number"], h.get("chapter")): h["title"] for h in text_data.get("headings") or []}
    blocks: list[str] = [text_data["title_zh"], *(text_data.get("preamble") or [])]
    previous: tuple[int | None, int | None] = (None, None)
    for article in text_data["articles"]:
        chapter, section = article.get("chapter"), article.get("section")
        if chapter and chapter != previous[0]:
            blocks.append(f"第{int_to_chinese(chapter)}章 {titles[('chapter', chapter, None)]}")
        if section and (chapter, section) != previous:
            blocks.append(f"第{int_to_chinese(section)}节 {titles[('section', section, chapter)]}")
        previous = (chapter, section)
        for index, paragraph in enumerate(article["paragraphs"]):
            lead = f"第{int_to_chinese(article['number'])}条 {paragraph['text']}" if index == 0 else paragraph["text"]
            blocks.extend([lead, *(paragraph.get("items") or [])])
    return "\n\n".join(blocks) + "\n"


def rebuilt_sha256(text_data: dict[str, Any]) -> str:
    """sha256 of the rebuilt source text."""
    return hashlib.sha256(rebuild_source_text(text_data).encode("utf-8")).hexdigest()
