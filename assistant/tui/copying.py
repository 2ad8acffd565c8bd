"""What the copy keys put on the clipboard: a citation at the reading level, or the provision's text."""

from __future__ import annotations

from assistant.models import ArticleRef
from assistant.tui.reading import ReadingData

UNOFFICIAL = "(English: unofficial translation; the Chinese text is authoritative)"


def citation_text(reading: ReadingData, ref_id: str, *, full_title: bool = False) -> str:
    """`《数据安全法》第二十七条第二款 / DSL Art. 27(2)`; with `full_title`, the instrument's full titles."""
    corpus = reading.corpus
    ref = ArticleRef.parse(ref_id)
    zh, en = corpus.cite_zh(ref), corpus.cite_en(ref)
    if full_title:
        info = corpus.law(ref.law).info
        zh = zh.replace(f"《{info.citation_title_zh}》", f"《{info.title_zh}》", 1)
        en = f"{en.removeprefix(info.short_en + ' ')}, {info.title_en}"
    return f"{zh} / {en}"


def provision_text(reading: ReadingData, ref_id: str, language: str) -> str:
    """The citation line, then the Chinese, the English (marked unofficial) or both."""
    corpus = reading.corpus
    lines = [citation_text(reading, ref_id)]
    if language in ("zh", "both"):
        lines.append(corpus.text_of(ref_id, "zh") or "")
    if language in ("en", "both"):
        english = corpus.text_of(ref_id, "en")
        lines.append(f"{english}\n{UNOFFICIAL}" if english else "(no English translation yet)")
    return "\n\n".join(lines)
