"""The Markdown reading list: articles (the bookmarks, or the open one) with validity, text status and both texts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant import LEGAL_NOTICE_EN, LEGAL_NOTICE_ZH
from assistant.corpus.validity import validity_lines
from assistant.export.markdown import escape
from assistant.models import ArticleRef
from assistant.status_labels import status_warning

if TYPE_CHECKING:
    from assistant.corpus.store import Corpus

UNOFFICIAL = "English (unofficial translation; the Chinese text is authoritative)"


def reading_list_markdown(corpus: Corpus, citations: list[str], title: str = "Reading list") -> str:
    """The notice, then one section per citation: both citations, validity, text status, the Chinese quoted, the English.

    Statute text is quoted line by line and escaped (the escapes render as the same characters), so nothing in
    it can become Markdown formatting; an article whose wording is not cross-checked says so above its text.
    """
    lines = [f"# {escape(title)}", "", f"> Notice: {escape(LEGAL_NOTICE_EN)}", ">", f"> {escape(LEGAL_NOTICE_ZH)}", ""]
    for citation in citations:
        ref = ArticleRef.parse(citation)
        info = corpus.law(ref.law).info
        article = corpus.article(ref)
        lines += [f"## {escape(corpus.cite_zh(ref))} / {escape(corpus.cite_en(ref))}", ""]
        lines += [f"{escape(info.title_zh)} — {escape(info.title_en)}  "]
        lines += [*(f"{escape(line)}  " for line in validity_lines(info)), ""]
        warning = status_warning(article.text_status, article.status_note)
        if warning:
            lines += [f"Text status: {escape(article.text_status)}. {escape(warning)}", ""]
        chinese = corpus.text_of(ref, "zh") or ""
        lines += [f"> {escape(paragraph)}" if paragraph else ">" for paragraph in chinese.split("\n")]
        english = corpus.text_of(ref, "en")
        if english:
            lines += ["", f"*{UNOFFICIAL}:*", ""]
            for paragraph in (line for line in english.split("\n") if line):
                lines += [escape(paragraph), ""]  # a blank line between: each paragraph stays its own
            lines.pop()
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
