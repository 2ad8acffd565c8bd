"""Asks for a citation in any form (dsl:27, 数安法第33条, DSL Art. 33); Enter confirms, Esc cancels."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class CitationDialog(ModalScreen[str | None]):
    """One line for a citation; dismisses with the text, or None on Esc."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    CitationDialog { align: center middle; }
    CitationDialog > Vertical {
        width: 70; max-width: 95%; height: auto; border: thick $primary; padding: 1 2; background: $surface;
    }
    """

    def __init__(self, prompt: str, value: str = "") -> None:
        super().__init__()
        self.prompt, self.value = prompt, value

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.prompt, markup=False)
            yield Input(value=self.value, placeholder="dsl:33 · 数安法第33条 · DSL Art. 33", id="citation-input")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if self.is_current:  # Enter twice must not dismiss twice
            self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        """Close without a citation."""
        if self.is_current:
            self.dismiss(None)
