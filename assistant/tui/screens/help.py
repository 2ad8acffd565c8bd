"""The help screen: every key of the screen beneath, the legal notice in full, and what text statuses mean."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from assistant import LEGAL_NOTICE_EN, LEGAL_NOTICE_ZH
from assistant.status_labels import STATUS_WARNINGS
from assistant.tui.keys import KEY_RULE, KeyAction
from assistant.tui.styles import status_badge


def keys_table(title: str, actions: tuple[KeyAction, ...]) -> Table:
    """One group of keys as a three-column table: keys, what they do, where they work."""
    table = Table(title=title, title_justify="left", title_style="bold", expand=True, box=None, padding=(0, 1))
    table.add_column("Key", style="bold cyan", no_wrap=True, width=16)
    table.add_column("Does", ratio=4)
    table.add_column("Where", style="dim", ratio=1)
    for action in actions:
        table.add_row(action.display, action.help, action.scope)
    return table


def statuses_table() -> Table:
    """What each text status badge means."""
    table = Table(title="Text status", title_justify="left", title_style="bold", expand=True, box=None)
    table.add_column("Badge", no_wrap=True, width=24)
    table.add_column("Meaning", ratio=1)
    for status, warning in STATUS_WARNINGS.items():
        badge = status_badge(status) if warning else Text("cross-checked (no badge)", style="dim")
        table.add_row(badge, warning or "wording checked against more than one published copy")
    return table


class HelpScreen(ModalScreen[None]):
    """Keys, notice and statuses; Esc, F1, ? or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f1,question_mark,q", "dismiss", "Close help")]

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > VerticalScroll {
        width: 96%;
        max-width: 110;
        height: 92%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    HelpScreen Static {
        margin-bottom: 1;
    }
    """

    def __init__(self, sections: list[tuple[str, tuple[KeyAction, ...]]], extra: list[tuple[str, str]]) -> None:
        super().__init__()
        self.sections = sections
        self.extra = extra  # (keys, meaning) lines computed by the screen, e.g. digit keys naming each law

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "Help — Esc to close"
            yield Static(Text(f"{LEGAL_NOTICE_ZH}\n{LEGAL_NOTICE_EN}", style="bold"), id="help-notice")
            yield Static(Text(KEY_RULE, style="italic"))
            for title, actions in self.sections:
                yield Static(keys_table(title, actions))
            if self.extra:
                extra = Table(box=None, expand=True, padding=(0, 1), show_header=False)
                extra.add_column(style="bold cyan", no_wrap=True, width=16)
                extra.add_column(ratio=1)
                for keys, meaning in self.extra:
                    extra.add_row(keys, meaning)
                yield Static(extra)
            yield Static(statuses_table())

    async def action_dismiss(self, result: None = None) -> None:
        """Close the help screen."""
        self.dismiss(result)
