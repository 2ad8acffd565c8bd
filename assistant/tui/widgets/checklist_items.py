"""The checklist's items as a table: a header line of column titles over a list, both laid out for their width."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static
from textual.widgets.option_list import Option

from assistant.tui.checklist_rows import ChecklistRow, header_row, item_row
from assistant.tui.widgets.option_list import FKeyHoldingOptionList, PagingOptionList


class ChecklistItems(Vertical):
    """Column titles and one line per item (its option id the finding id); rows are re-cut when the width changes."""

    DEFAULT_CSS = """
    ChecklistItems { width: 1fr; min-width: 30; height: 1fr; }
    ChecklistItems #items-header { height: 1; padding: 0 1; text-wrap: nowrap; color: $text-muted; }
    ChecklistItems PagingOptionList { height: 1fr; scrollbar-gutter: stable; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[tuple[str, ChecklistRow]] = []  # (finding id, row)
        self._laid_out_width = 0

    def compose(self) -> ComposeResult:
        yield Static("", id="items-header", markup=False)
        yield FKeyHoldingOptionList(id="items")

    @property
    def item_list(self) -> PagingOptionList:
        """The list itself (focus, highlight)."""
        return self.query_one("#items", PagingOptionList)

    def row_width(self) -> int:
        """The cells one item line may take: the list's width less the option padding (never under 30)."""
        item_list = self.item_list
        padding = item_list.get_component_styles("option-list--option").padding
        return max(30, item_list.scrollable_content_region.width - padding.width)

    def show_rows(self, rows: list[tuple[str, ChecklistRow]]) -> None:
        """Replace the lines with `rows`, keeping the highlighted position where it still exists."""
        self.rows = rows
        self._lay_out()

    def _lay_out(self) -> None:
        width = self.row_width()
        self._laid_out_width = width
        item_list = self.item_list
        highlighted = item_list.highlighted
        self.query_one("#items-header", Static).update(header_row(width) if self.rows else Text(""))
        item_list.set_options([Option(item_row(row, width), id=finding_id) for finding_id, row in self.rows])
        if highlighted is not None and highlighted < item_list.option_count:
            item_list.highlighted = highlighted

    def on_resize(self, event: events.Resize) -> None:
        """Cut the rows again for the new width (cells, not characters, decide the fit)."""
        if self.rows and self.row_width() != self._laid_out_width:
            self._lay_out()
