"""A reading list in Markdown: articles (the bookmarks, or the open one) with validity, Chinese and English."""

from __future__ import annotations

from assistant.corpus.validity import validity_lines
from assistant.models import ArticleRef
from assistant.tui.reading import ReadingData

UNOFFICIAL = "English (unofficial translation; the Chinese text is authoritative)"


def reading_list_markdown(reading: ReadingData, citations: list[str], title: str = "Reading list") -> str:
    """One section per citation: heading with both citations, validity, the Chinese quoted, then the English."""
    corpus = reading.corpus
    lines = [f"# {title}", ""]
    for citation in citations:
        ref = ArticleRef.parse(citation)
        info = corpus.law(ref.law).info
        lines += [f"## {corpus.cite_zh(ref)} / {corpus.cite_en(ref)}", ""]
        lines += [f"{info.title_zh} — {info.title_en}  ", *(f"{line}  " for line in validity_lines(info)), ""]
        lines += [f"> {paragraph}" if paragraph else ">" for paragraph in (corpus.text_of(ref, "zh") or "").split("\n")]
        english = corpus.text_of(ref, "en")
        if english:
            lines += ["", f"*{UNOFFICIAL}:*", ""]
            lines += english.split("\n")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
