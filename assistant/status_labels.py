"""What each text status means to a reader, in one place for the CLI, TUI and exports."""

from __future__ import annotations

STATUS_WARNINGS = {
    "cross-checked": None,
    "partly-cross-checked": "part of this wording was seen in only one published copy",
    "single-copy": "wording seen in one published copy only; not cross-checked",
    "unverified": "UNVERIFIED wording: no published copy was available; check against the official release",
}


def status_warning(status: str, note: str | None = None) -> str | None:
    """The warning to show next to an article's text, or None when it is cross-checked."""
    warning = STATUS_WARNINGS.get(status, f"text status {status}")
    if warning and note:
        return f"{warning} ({note})"
    return warning
