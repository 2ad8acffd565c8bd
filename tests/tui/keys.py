"""Typing as people do: keys delivered in one burst, before the app has handled the first of them."""

from __future__ import annotations

import unicodedata

from textual import events
from textual.app import App
from textual.pilot import Pilot

# Key names whose character Unicode names differently (Textual's own key names).
_CHARACTERS = {"space": " ", "colon": ":", "full_stop": ".", "slash": "/", "question_mark": "?"}


def key_event(key: str) -> events.Key:
    """The event a terminal sends for `key` (a character or a Textual key name such as `enter`, `ctrl+p`)."""
    if len(key) == 1:
        return events.Key(key, key)
    character = _CHARACTERS.get(key)
    if character is None and "+" not in key:
        try:
            character = unicodedata.lookup(key.replace("_", " ").upper())
        except KeyError:
            character = None
    return events.Key(key, character if character and character.isprintable() else None)


def keys_for(text: str) -> list[str]:
    """Key names that type `text` (ASCII)."""
    return [
        {" ": "space", ":": "colon", ".": "full_stop", "?": "question_mark", "/": "slash"}.get(ch, ch) for ch in text
    ]


async def burst(pilot: Pilot[None], *keys: str) -> None:
    """Send every key at once, as a paste, a macro or a fast typist does, then let the app catch up once.

    Pilot's `press` waits for the app to go idle after each key, which no person does.
    """
    app: App[None] = pilot.app
    for key in keys:
        app.post_message(key_event(key))
    await pilot.pause()
