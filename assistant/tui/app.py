"""The Textual application and the factory the `dla` command and the tests both use."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

from assistant import LEGAL_NOTICE_EN


class DataLawApp(App[None]):
    """Data Law Assistant."""

    TITLE = "Data Law Assistant"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(LEGAL_NOTICE_EN, id="notice")
        yield Footer()


def create_app() -> DataLawApp:
    """Build the app as the command does."""
    return DataLawApp()
