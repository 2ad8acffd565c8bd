"""The law filter beside the search box: one line naming the law searched; Enter, space or a click picks another.

A focusable Static instead of Textual's Select: the same choice for less start-up work (a Select builds its
overlay list and current-value widgets for the first frame). The digits 1-9 and 0 set it from the keyboard.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Static

from assistant.tui.type_ahead import HoldsKeysTypedAhead

ALL_LAWS = "all"


class LawFilter(HoldsKeysTypedAhead, Static, can_focus=True):
    """`value` is ALL_LAWS or a law id; a change, by the user or by code, posts `LawFilter.Changed`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space,down", "pick", "Choose law", show=False),
    ]
    DEFAULT_CSS = """
    LawFilter {
        width: 26;
        height: 3;
        padding: 0 1;
        border: tall $border-blurred;
        background: $surface;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    LawFilter:focus { border: tall $border; }
    """

    class Changed(Message):
        """The law filter now has `value`."""

        def __init__(self, law_filter: LawFilter, value: str) -> None:
            super().__init__()
            self.law_filter = law_filter
            self.value = value

        @property
        def control(self) -> LawFilter:
            """The filter that changed (for `@on(..., selector)`)."""
            return self.law_filter

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("▾ All laws", id=id, markup=False)
        self.options: list[tuple[str, str]] = [("All laws", ALL_LAWS)]
        self._value = ALL_LAWS

    @property
    def value(self) -> str:
        """ALL_LAWS or the law id searched."""
        return self._value

    @value.setter
    def value(self, value: str) -> None:
        if value not in {option for _, option in self.options}:
            value = ALL_LAWS
        if value != self._value:
            self._value = value
            self._show()
            self.post_message(self.Changed(self, value))

    def set_options(self, options: list[tuple[str, str]]) -> None:
        """The (label, value) choices, all laws first; the current value is kept when it is still offered."""
        self.options = options
        if self._value not in {value for _, value in options}:
            self.value = ALL_LAWS
        self._show()

    def _show(self) -> None:
        label = next((label for label, value in self.options if value == self._value), "All laws")
        self.update(f"▾ {label}")

    def action_pick(self) -> None:
        """Ask which law to search."""
        from assistant.tui.screens.choose_target import ChooseTargetScreen  # a dialog: not for the first frame

        def chosen(value: str | None) -> None:
            if value is not None:
                self.value = value

        choices = [(value, label) for label, value in self.options]
        self.app.push_screen(ChooseTargetScreen("Search", choices, question="which law?", current=self._value), chosen)

    def on_click(self, event: events.Click) -> None:
        """A click opens the choice, as Enter does."""
        self.focus()
        self.action_pick()
