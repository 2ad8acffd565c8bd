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
    lines.append(LEGAL_NOTICE_EN)
    return "\n".join(lines) + "\n"
