"""Errors as notifications: handlers that call the core catch what they can and say so, never a traceback."""

from __future__ import annotations

from textual.dom import DOMNode

from assistant.errors import known_failure


def describe(exc: BaseException) -> str:
    """A one-line description of an error for a notification: the CLI's wording (with the hint on what to do) for
    any error whose cause is known, else the exception's first line."""
    known = known_failure(exc)
    text = (known.user_message() if known is not None else str(exc)).strip() or type(exc).__name__
    return text.splitlines()[0]


def notify_error(node: DOMNode, doing: str, exc: BaseException) -> None:
    """Log the error and show it as an error notification; the app keeps running."""
    node.app.log.error(f"error while {doing}: {exc!r}")
    node.app.notify(f"Error while {doing}: {describe(exc)}", severity="error", timeout=8)
