"""The highlighter type the reader uses, and the one for no query (spans come from `service.highlighter`)."""

from __future__ import annotations

from collections.abc import Callable

Spans = list[tuple[int, int]]
Highlighter = Callable[[str, str], Spans]  # (text, "zh" | "en") -> character spans


def no_highlight(text: str, lang: str) -> Spans:
    """The highlighter for no query."""
    return []
