"""Keys typed ahead: in one burst, the keys after one that opens a screen (F8, g, Ctrl+P, F6 …) reach the widget
that had the focus before that key's binding has run; they belong to the screen it opens, and wait for it."""

from __future__ import annotations

from functools import cached_property
from typing import ClassVar

from textual import events
from textual.widget import Widget
from textual.widgets import Input

# Keys that open another screen: help, the palette, a mode, the chapter filter (F8 in the search box, where
# letters are text); outside it also `?`, `g` (go to chapter), `G` (chapter filter) and `k` (compare).
OPENS_FROM_THE_SEARCH_BOX = frozenset({"f1", "f5", "f6", "f7", "f8", "ctrl+p"})
# On the Ask and Checklist screens letters are answers and commands of their own (g shows the checklist there):
# only the F-keys, the palette and help open another screen.
OPENS_FROM_ANY_SCREEN = OPENS_FROM_THE_SEARCH_BOX | {"question_mark"}
OPENS_ELSEWHERE = OPENS_FROM_THE_SEARCH_BOX | {"question_mark", "g", "G", "k"}


class KeyHold:
    """One focusable widget's hold: after a key that opens a screen, the keys behind it wait for that screen."""

    def __init__(self, opens: frozenset[str]) -> None:
        self.opens = opens
        self.holding = False

    def take(self, widget: Widget, event: events.Key) -> bool:
        """True when the key was held (stopped here, handed to the app to deliver once the new screen is ready)."""
        if self.holding:
            event.prevent_default()
            event.stop()
            type_ahead = getattr(widget.app, "type_ahead", None)
            if callable(type_ahead):
                type_ahead(event, widget.screen, self.release)
            return True
        if event.key in self.opens:
            # Its binding runs once it has bubbled up to the app, after the keys behind it have reached this widget.
            self.holding = True
        return False

    def release(self) -> None:
        """The screen opened, or none will (the key did something else): keys are the widget's again."""
        self.holding = False


class HoldsKeysTypedAhead:
    """Mixin (before the widget class) for a focusable widget outside the search box: the keys typed after g, k,
    F8 … in the same burst are the keys of the screen that key opens, and wait for it."""

    OPENS_A_SCREEN: ClassVar[frozenset[str]] = OPENS_ELSEWHERE

    @cached_property
    def _key_hold(self) -> KeyHold:
        return KeyHold(self.OPENS_A_SCREEN)

    async def _on_key(self, event: events.Key) -> None:
        assert isinstance(self, Widget)
        self._key_hold.take(self, event)

    def on_focus(self) -> None:
        """Focused again (a dialog closed): keys are this widget's."""
        self._key_hold.release()


class HoldingInput(Input):
    """A text box whose keys typed after F5-F8, F1 or Ctrl+P in the same burst wait for the screen that key opens,
    instead of being typed into this box (the search box, the question box)."""

    OPENS_A_SCREEN: ClassVar[frozenset[str]] = OPENS_FROM_THE_SEARCH_BOX

    @cached_property
    def _key_hold(self) -> KeyHold:
        return KeyHold(self.OPENS_A_SCREEN)

    def on_focus(self) -> None:
        """Back in the box (a dialog closed): what is typed now is the box's."""
        self._key_hold.release()

    async def _on_key(self, event: events.Key) -> None:
        if self._key_hold.take(self, event):  # typed after F6, Ctrl+P ... in the same burst: the text of what it opens
            return
        self.before_typing(event)
        await super()._on_key(event)

    def before_typing(self, event: events.Key) -> None:
        """Called with each key that is the box's own, before the box handles it."""
