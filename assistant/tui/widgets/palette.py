"""Textual's command palette, with page keys that are safe before its list has been laid out."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.command import CommandList
from textual.command import CommandPalette as TextualCommandPalette
from textual.widgets import Button, Input, OptionList

from assistant.tui.widgets.option_list import can_page


class CommandPalette(TextualCommandPalette):
    """Textual's palette, safe against keys that arrive together (a fast hand, a paste, a stuck key).

    Textual 8 crashed on Ctrl+P then PageUp before its list was laid out (KeyError), and on a second
    Enter that arrived while the first was closing the palette (it popped the last screen).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown", "page('page_down')", "Next page", show=False),
        Binding("pageup", "page('page_up')", "Previous page", show=False),
    ]

    @on(Input.Submitted)
    @on(Button.Pressed)
    @on(OptionList.OptionSelected)
    def _ignore_once_closed(self, event: Input.Submitted | Button.Pressed | OptionList.OptionSelected) -> None:
        # An Enter queued behind the one that closed the palette: Textual's own handlers (in the base class)
        # would close it again (popping the last screen) and run the command twice.
        if self.app.screen is not self:
            event.prevent_default()
            event.stop()

    def action_page(self, direction: str) -> None:
        """One page up or down the command list, once it has been laid out."""
        commands = self.query_one(CommandList)
        if can_page(commands):
            getattr(commands, f"action_{direction}")()
