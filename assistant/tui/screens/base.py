"""The frame every mode's screen shares: header, the legal notice, footer, and access to the app's core."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Header

from assistant.tui.widgets.footer import DlaFooter
from assistant.tui.widgets.notice import LegalNotice

if TYPE_CHECKING:
    from assistant.tui.app import DataLawApp
    from assistant.tui.keys import KeyAction


class DlaScreen(Screen[None]):
    """A mode's screen: subclasses fill `compose_body` and list their keys for help and the palette."""

    # F1 is bound here as well as on the app so the footer lists it first (a screen's keys come before the app's),
    # where 80 columns still show it.
    BINDINGS: ClassVar[list[BindingType]] = [Binding("f1", "app.help", "Help")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield from self.compose_body()
        yield LegalNotice()
        # No "^p palette" corner: at 80 columns it covers the last keys; Ctrl+P works and F1 lists it.
        yield DlaFooter(compact=True, show_command_palette=False)

    def compose_body(self) -> ComposeResult:
        """The screen's own widgets, between the header and the notice."""
        yield from ()

    @property
    def dla(self) -> DataLawApp:
        """The app, typed, for its service and loaded core state."""
        return cast("DataLawApp", self.app)

    def help_sections(self) -> list[tuple[str, tuple[KeyAction, ...]]]:
        """(title, keys) groups for the help screen."""
        return []

    def help_extra(self) -> list[tuple[str, str]]:
        """(keys, meaning) rows only known at run time, e.g. which digit picks which law."""
        return []

    def palette_commands(self) -> Iterator[SystemCommand]:
        """Command palette entries for this screen's actions."""
        yield from ()
