"""What each text status means to a reader, in one place for the CLI, TUI and exports."""

from __future__ import annotations

STATUS_WARNINGS = {
    "cross-checked": None,
    "partly-cross-checked": "part of this wording was seen in only one published copy",
    "single-copy": "wording seen in one published copy only; not cross-checked",
    "unverified": "UNVERIFIED wording: no published copy was available; check against the official release",
}


# The lead-in when a note already says what is unverified and what to check it against (every front end
# shows the status itself beside it, so the label does not repeat it).
STATUS_LABELS = {
    "partly-cross-checked": "Check part of the wording",
    "single-copy": "Check the wording",
    "unverified": "Check the wording",
}


def status_warning(status: str, note: str | None = None) -> str | None:
    """The warning to show next to an article's text, or None when it is cross-checked."""
    warning = STATUS_WARNINGS.get(status, f"text status {status}")
    if warning and note:
        return f"{STATUS_LABELS.get(status, warning)}: {note}"
    return warning
