"""The side panel beside the reader: related provisions with their first words; Enter or a click opens one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from textual.widgets.option_list import Option

from assistant.tui.linebreak import ChineseText
from assistant.tui.styles import DIM
from assistant.tui.widgets.option_list import PagingOptionList

if TYPE_CHECKING:  # the entries come with the first article: the panel itself is part of the first frame
    from assistant.tui.related import RelatedEntry

EMPTY = "Nothing related is recorded for this article."


class EntryPrompt:
    """An entry's two parts: the citation, then the first words wrapped by the Chinese line-breaking rules."""

    def __init__(self, citation: str, first_words: str) -> None:
        self.citation, self.first_words = citation, first_words

    def __str__(self) -> str:
        return f"{self.citation}\n{self.first_words}"

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text(self.citation, style="cyan")
        yield ChineseText(Text(self.first_words, style=DIM))


class RelatedPanel(PagingOptionList):
    """Groups of entries (a dim heading, then one option per provision, its id the citation id)."""

    DEFAULT_CSS = """
    RelatedPanel {
        width: 34;
        height: 1fr;
        border: round $primary 50%;
        border-title-align: left;
    }
    RelatedPanel:focus { border: round $primary; }
    """

    def on_mount(self) -> None:
        self.border_title = "Related"

    @staticmethod
    def target_of(option_id: str | None) -> str | None:
        """The citation id an option opens."""
        return option_id.split("|", 1)[1] if option_id and "|" in option_id else None

    def show_entries(self, entries: list[RelatedEntry]) -> None:
        """Replace the list with `entries`."""
        options: list[Option | None] = []
        group = ""
        for position, entry in enumerate(entries):
            if entry.group != group:
                group = entry.group
                options.append(Option(Text(group, style="bold"), disabled=True))
            # The Chinese first words wrap by the line-breaking rules (no line starts with 、 or ，).
            prompt = EntryPrompt(entry.citation, entry.first_words)
            options.append(Option(prompt, id=f"{position}|{entry.target}"))  # one target may be in two groups
        if not entries:
            options.append(Option(Text(EMPTY, style="dim italic"), disabled=True))
        self.set_options(options)
