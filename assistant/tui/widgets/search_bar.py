"""The search box and the law filter, on one line above the results."""

from __future__ import annotations

import time
from collections import deque
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal

from assistant.service import MAX_QUERY_CHARS
from assistant.tui.keys import SEARCH_BOX_KEYS, bindings
from assistant.tui.type_ahead import HoldingInput
from assistant.tui.widgets.law_filter import ALL_LAWS, LawFilter

PLACEHOLDER = "Search: dsl:27 · 重要数据 · who must appoint a data security officer?"


# How long the text of an Enter waits for Enter's binding: a burst is handled in milliseconds.
ENTER_MEMORY_SECONDS = 2.0


class QueryInput(HoldingInput):
    """The search box: ↓ moves into the results, Enter opens the highlighted one; at most MAX_QUERY_CHARS."""

    BINDINGS = bindings(SEARCH_BOX_KEYS)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_length=MAX_QUERY_CHARS, **kwargs)
        self._entered: deque[tuple[float, str]] = deque(maxlen=8)

    def before_typing(self, event: events.Key) -> None:
        """Remember the text an Enter was pressed on."""
        if event.key == "enter":
            # Enter's binding runs once the key has bubbled up to the app; keys that came in the same
            # burst (a paste, a macro, a fast typist) reach the box first. Remember the text Enter was
            # pressed on, so Enter acts on that and not on what followed it.
            self._entered.append((time.monotonic(), self.value))

    def text_at_enter(self) -> str:
        """The text the Enter being handled was pressed on; the text now when no Enter is pending."""
        now = time.monotonic()
        while self._entered:
            pressed_at, text = self._entered.popleft()
            if now - pressed_at < ENTER_MEMORY_SECONDS:  # an Enter no binding took (a dialog opened) is dropped
                return text
        return self.value

    def _on_paste(self, event: events.Paste) -> None:
        """A paste longer than the room left is cut to fit (Input would drop it whole), and the user is told."""
        line = (event.text.splitlines() or [""])[0]
        start, end = sorted(self.selection)
        room = max(MAX_QUERY_CHARS - len(self.value) + (end - start), 0)
        if len(line) > room:
            event.prevent_default()  # Input's own paste would refuse the whole text
            event.stop()
            self.replace(line[:room], start, end)
            self.notify(
                f"A search is at most {MAX_QUERY_CHARS} characters: the paste was cut to fit.",
                severity="warning",
                timeout=5,
            )


class SearchBar(Horizontal):
    """Query input and law filter; the screen reads `query` and `law` when either changes."""

    DEFAULT_CSS = """
    SearchBar {
        height: auto;
        QueryInput { width: 1fr; }
    }
    """

    def compose(self) -> ComposeResult:
        yield QueryInput(placeholder=PLACEHOLDER, id="query")
        yield LawFilter(id="law-filter")

    @property
    def query_text(self) -> str:
        """The text in the search box."""
        return self.query_one(QueryInput).value

    def text_at_enter(self) -> str:
        """The text in the search box when the Enter being handled was pressed."""
        return self.query_one(QueryInput).text_at_enter()

    @property
    def law(self) -> str | None:
        """The law id the search is limited to, or None for all."""
        value = self.query_one(LawFilter).value
        return None if value == ALL_LAWS else value

    def set_laws(self, laws: list[tuple[str, str]]) -> None:
        """Offer these (label, law id) choices besides all laws, keeping the current choice."""
        self.query_one(LawFilter).set_options([("All laws", ALL_LAWS), *laws])

    def set_law(self, law: str | None) -> None:
        """Limit the search to one law (None: all)."""
        self.query_one(LawFilter).value = law or ALL_LAWS
