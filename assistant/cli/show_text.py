"""Plain-text rendering of `dla show`: citation, place in the instrument, status, both languages."""

from __future__ import annotations

from typing import Any

from assistant import LEGAL_NOTICE_EN
from assistant.status_labels import status_warning


def format_show(data: dict[str, Any], lang: str) -> str:
    """The text `dla show` prints for an article (or a paragraph or item of it)."""
    lines = [f"{data['citation_zh']}  {data['citation_en']}", f"{data['law_title_zh']} / {data['law_title_en']}"]
    info = data.get("law_info")
    if info:
        number = f" · {info['document_number']}" if info.get("document_number") else ""
        promulgated = f" · promulgated {info['promulgated']}" if info.get("promulgated") else ""
        lines.append(
            f"{info['status_zh']} {info['status_en']} · {info['level_zh']} {info['level_en']}"
            f" · effective {info['effective']}{promulgated}"
        )
        lines.append(f"{info['issuing_body_zh']}{number} ({info['issuing_body_en']})")
    place = " / ".join(part for part in (data.get("chapter"), data.get("section")) if part)
    if place:
        place_en = " / ".join(part for part in (data.get("chapter_en"), data.get("section_en")) if part)
        lines.append(place + (f"  ({place_en})" if place_en else ""))
    warning = status_warning(data["text_status"], data.get("status_note"))
    # Unverified wording is shouted, as the TUI's badge does: a reader must not miss it.
    status = "UNVERIFIED" if data["text_status"] == "unverified" else data["text_status"]
    lines.append(f"Text status: {status}" + (f" — {warning}" if warning else ""))
    if data.get("status_note_zh") and lang in ("zh", "both"):
        lines.append(f"文本状态说明：{data['status_note_zh']}")
    lines.append("")
    narrowed = "text_zh" in data
    if lang in ("zh", "both"):
        lines.append("[中文 · authoritative]")
        lines.append(data["text_zh"] if narrowed else "\n".join(data["paragraphs_zh"]))
        lines.append("")
    if lang in ("en", "both"):
        english = data["text_en"] if narrowed else "\n".join(data["paragraphs_en"])
        lines.append("[English · unofficial translation]")
        lines.append(english or "(no English translation yet)")
        lines.append("")
    lines += _related_lines(data.get("related") or [])
    lines += _defined_term_lines(data.get("defined_terms") or [])
    lines.append(LEGAL_NOTICE_EN)
    return "\n".join(lines) + "\n"


def _related_lines(related: list[dict[str, Any]]) -> list[str]:
    """Related provisions (关联法条): how each relates, its citation and its first words."""
    if not related:
        return []
    lines = ["Related provisions (关联法条):"]
    for entry in related:
        label = entry.get("label") or entry["type"]
        lines.append(
            f"  {label}: {entry.get('target_citation_zh', entry['target'])}"
            f"  {entry.get('target_citation_en', '')}".rstrip()
        )
        if entry.get("target_first_words_zh"):
            lines.append(f"    {entry['target_first_words_zh']}")
        if entry.get("note"):
            lines.append(f"    ({entry['note']})")
    return [*lines, ""]


def _defined_term_lines(terms: list[dict[str, Any]]) -> list[str]:
    """Terms the text uses that the instrument defines, with where (`dla define TERM` prints the definition)."""
    if not terms:
        return []
    lines = ["Defined terms (dla define TERM):"]
    for term in terms:
        english = f" ({term['term_en']})" if term.get("term_en") else ""
        lines.append(f"  {term['term']}{english}: {term['citation_zh']}  {term['citation_en']}")
    return [*lines, ""]
