"""Text that Textual would read as markup, made literal: key hints like `[/, Esc]` must never be parsed."""

from __future__ import annotations


def plain_markup(text: str) -> str:
    """`text` escaped for a place Textual parses as content markup, so it shows exactly as written.

    Escaping every `[` (not only what looks like a tag, as `rich.markup.escape` does) keeps `[F1]` too.
    """
    return text.replace("\\[", "\\\\[").replace("[", "\\[")
