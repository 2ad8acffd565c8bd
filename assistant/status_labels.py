"""What each text status means to a reader, in one place for the CLI, TUI and exports."""

from __future__ import annotations

STATUS_WARNINGS = {
    "cross-checked": None,
    "partly-cross-checked": "part of this wording was seen in only one published copy",
    "single-copy": "wording seen in one published copy only; not cross-checked",
    "unverified": "UNVERIFIED wording: no published copy was available; check against the official release",
}


# The short label used when a note already says what is unverified and what to check it against.
STATUS_LABELS = {
    "partly-cross-checked": "Partly cross-checked wording",
    "single-copy": "Single-copy wording",
    "unverified": "UNVERIFIED wording",
}


def status_warning(status: str, note: str | None = None) -> str | None:
    """The warning to show next to an article's text, or None when it is cross-checked."""
    warning = STATUS_WARNINGS.get(status, f"text status {status}")
    if warning and note:
        return f"{STATUS_LABELS.get(status, warning)}: {note}"
    return warning
