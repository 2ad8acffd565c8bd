"""An instrument's validity and dates from its `law.yaml`: status, level, issuing body, number, dates."""

from __future__ import annotations

from typing import Any

from assistant.models import LawInfo

# How each `status` and `level` value of law.yaml reads in Chinese and English (an unknown value reads as written).
STATUS_LABELS: dict[str, tuple[str, str]] = {
    "in force": ("现行有效", "in force"),
    "not yet in force": ("尚未生效", "not yet in force"),
    "amended": ("已被修改", "amended"),
    "repealed": ("已废止", "repealed"),
}
LEVEL_LABELS: dict[str, tuple[str, str]] = {
    "law": ("法律", "law"),
    "administrative regulation": ("行政法规", "administrative regulation"),
    "departmental rule": ("部门规章", "departmental rule"),
    "local regulation": ("地方性法规", "local regulation"),
    "SEZ regulation": ("经济特区法规", "special economic zone regulation"),
}


def status_labels(status: str) -> tuple[str, str]:
    """(Chinese, English) for a law.yaml status."""
    return STATUS_LABELS.get(status, (status, status))


def level_labels(level: str) -> tuple[str, str]:
    """(Chinese, English) for a law.yaml level."""
    return LEVEL_LABELS.get(level, (level, level))


def law_metadata(info: LawInfo) -> dict[str, Any]:
    """The `law_info` object of `dla show --json` and `dla corpus export`: who issued it, when, and whether in force."""
    status_zh, status_en = status_labels(info.status)
    level_zh, level_en = level_labels(info.level)
    return {
        "id": info.id,
        "title_zh": info.title_zh,
        "title_en": info.title_en,
        "status": info.status,
        "status_zh": status_zh,
        "status_en": status_en,
        "level": info.level,
        "level_zh": level_zh,
        "level_en": level_en,
        "issuing_body_zh": info.issuing_body_zh,
        "issuing_body_en": info.issuing_body_en,
        "document_number": info.document_number,
        "adopted": info.adopted,
        "promulgated": info.promulgated,
        "effective": info.effective,
        "jurisdiction": info.jurisdiction,
        "official_source": info.official_source,
    }


def validity_lines(info: LawInfo) -> list[str]:
    """Two short lines for a header: status, level and dates; then issuing body and document number (Chinese)."""
    status_zh, status_en = status_labels(info.status)
    level_zh, _ = level_labels(info.level)
    dates = [f"promulgated {info.promulgated}"] if info.promulgated else []
    dates.append(f"effective {info.effective}")
    first = f"{status_zh} {status_en} · {level_zh} · " + " · ".join(dates)
    second = info.issuing_body_zh + (f" · {info.document_number}" if info.document_number else "")
    return [first, second]
