"""A small dialog asking which provision to open when a reference names several (本章, 第X条至第Y条), or which law
to search."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from assistant.tui.widgets.option_list import PagingOptionList


class ChooseTargetScreen(ModalScreen[str | None]):
    """Lists (citation id, label) choices; dismisses with the chosen id, or None on Esc."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    DEFAULT_CSS = """
    ChooseTargetScreen {
        align: center middle;
    }
    ChooseTargetScreen > Vertical {
        width: 60;
        max-width: 95%;
        height: auto;
        max-height: 80%;
        border: thick $primary;
        background: $surface;
    }
    ChooseTargetScreen OptionList {
        height: auto;
        max-height: 20;
    }
    """

    def __init__(
        self, title: str, choices: list[tuple[str, str]], *, question: str = "which provision?", current: str = ""
    ) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.question = question
        self.current = current  # the choice highlighted at first

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(f"{self.title_text} — {self.question}", markup=False)
            yield PagingOptionList(*(Option(Text(label), id=target) for target, label in self.choices))

    def on_mount(self) -> None:
        ids = [target for target, _ in self.choices]
        if self.current in ids:
            self.query_one(PagingOptionList).highlighted = ids.index(self.current)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if self.is_current:  # Enter twice: the second arrives after the dialog has gone
            self.dismiss(event.option_id)

    def action_cancel(self) -> None:
        """Close without choosing."""
        if self.is_current:
            self.dismiss(None)
