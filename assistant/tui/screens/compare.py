"""Two provisions side by side (a duty and its penalty, or the same rule in two instruments)."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from assistant.tui.keys import OVER_READER_BINDINGS
from assistant.tui.languages import LANGUAGE_NAMES, Language, next_language
from assistant.tui.render_article import ArticleDisplay, render_article


class CompareColumn(VerticalScroll):
    """One provision, rendered for the column's width (both languages stack in a column)."""

    DEFAULT_CSS = """
    CompareColumn {
        width: 1fr;
        height: 1fr;
        border: round $primary 50%;
        border-title-align: left;
        padding: 0 1;
    }
    CompareColumn:focus { border: round $primary; }
    CompareColumn > Static { margin-bottom: 1; }
    """

    def __init__(self, display: ArticleDisplay, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.display_data = display
        self.language: Language = "zh"
        self._width = 0

    async def render_for(self, language: Language) -> None:
        """Re-render in `language` at the column's current width."""
        self.language = language
        width = self.scrollable_content_region.width or 40
        self._width = width
        rendered = render_article(self.display_data, language, width)
        await self.remove_children()
        await self.mount_all(Static(block.renderable, markup=False) for block in rendered.blocks)
        self.border_title = f"{self.display_data.citation_en} · {LANGUAGE_NAMES[language]}"

    async def on_resize(self, event: events.Resize) -> None:
        """Lines are laid out for a width: re-render when it changes."""
        if self.scrollable_content_region.width != self._width:
            await self.render_for(self.language)


class CompareScreen(ModalScreen[None]):
    """Left and right provisions; Tab moves between them, l changes the language, Esc closes."""

    BINDINGS: ClassVar[list[BindingType]] = [*OVER_READER_BINDINGS, Binding("s", "swap", "Swap")]
    DEFAULT_CSS = """
    CompareScreen { background: $background; }
    CompareScreen > Horizontal { height: 1fr; }
    """

    def __init__(self, left: ArticleDisplay, right: ArticleDisplay) -> None:
        super().__init__()
        self.left, self.right = left, right
        self.language: Language = "zh"

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield CompareColumn(self.left, id="compare-left")
            yield CompareColumn(self.right, id="compare-right")
        yield Footer(compact=True, show_command_palette=False)

    async def on_mount(self) -> None:
        await self._render_columns()
        self.query_one("#compare-left", CompareColumn).focus()

    async def _render_columns(self) -> None:
        for column in self.query(CompareColumn):
            await column.render_for(self.language)

    @property
    def shown(self) -> tuple[str, str]:
        """The ids of the provisions shown, left then right."""
        left = self.query_one("#compare-left", CompareColumn).display_data.article.id
        right = self.query_one("#compare-right", CompareColumn).display_data.article.id
        return left, right

    async def action_cycle_language(self) -> None:
        """Chinese → English → both (stacked) → Chinese, in both columns."""
        self.language = next_language(self.language)
        await self._render_columns()

    async def action_swap(self) -> None:
        """Exchange the two columns."""
        left = self.query_one("#compare-left", CompareColumn)
        right = self.query_one("#compare-right", CompareColumn)
        left.display_data, right.display_data = right.display_data, left.display_data
        await self._render_columns()

    def action_close(self) -> None:
        """Back to the reader."""
        if self.is_current:
            self.dismiss(None)
