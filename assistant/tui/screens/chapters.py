"""Go to a chapter with type-ahead (to read it, or to limit the search to it), and read a chapter as continuous text."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from assistant.tui.chapters import NO_CHAPTER, ChapterEntry, matching
from assistant.tui.keys import OVER_READER_BINDINGS
from assistant.tui.languages import LANGUAGE_NAMES, Language, next_language
from assistant.tui.render_article import ArticleDisplay, render_article
from assistant.tui.styles import DIM
from assistant.tui.widgets.option_list import PagingOptionList

GO_TO_PLACEHOLDER = "Go to a chapter, a section or a whole law: type words of its name (zh or en), 第四章, 全文 …"
CLEAR_ID = "-no-chapter-"


class ChapterPicker(ModalScreen[ChapterEntry | None]):
    """Type part of a chapter's name (数据安全, security, DSL 第四章); Enter opens the highlighted one.

    With `clear_label`, an empty box offers that label first: choosing it returns NO_CHAPTER (the search filter
    uses it to lift the chapter limit). Esc returns None.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("down", "to_list", "List", show=False),
    ]
    DEFAULT_CSS = """
    ChapterPicker { align: center middle; }
    ChapterPicker > Vertical {
        width: 90; max-width: 95%; height: 80%; border: thick $primary; background: $surface; padding: 0 1;
    }
    ChapterPicker PagingOptionList { height: 1fr; }
    """

    def __init__(
        self, entries: list[ChapterEntry], *, placeholder: str = GO_TO_PLACEHOLDER, clear_label: str | None = None
    ) -> None:
        super().__init__()
        self.entries = entries
        self.placeholder = placeholder
        self.clear_label = clear_label
        self.shown: list[ChapterEntry] = list(entries)  # the chapters listed, in order (after the clear option)
        self._choices: list[ChapterEntry] = []  # what each option of the list stands for, clear option included
        self._shown_for: str | None = None  # the text the list was made for

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Input(placeholder=self.placeholder, id="chapter-filter")
            yield PagingOptionList(id="chapter-list")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one(Input).focus()

    def _fill(self, typed: str) -> None:
        self.shown = matching(self.entries, typed)
        self._shown_for = typed
        offer_clear = self.clear_label is not None and not typed.strip()
        self._choices = [NO_CHAPTER, *self.shown] if offer_clear else list(self.shown)
        options = [Option(Text(self.clear_label or "", style="italic"), id=CLEAR_ID)] if offer_clear else []
        options += [
            Option(
                Text.assemble(
                    (f"{entry.law_short}  ", "bold"),
                    entry.label_zh,
                    ("  " + entry.label_en, DIM),
                    (f"  {entry.span}", DIM),
                ),
                id=entry.key,
            )
            for entry in self.shown
        ]
        chapter_list = self.query_one(PagingOptionList)
        chapter_list.set_options(options)
        chapter_list.highlighted = 0 if options else None

    @on(Input.Changed, "#chapter-filter")
    def _typed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#chapter-filter")
    def _submitted(self) -> None:
        """Enter in the box: the highlighted entry of the list made for the text in the box *now*."""
        typed = self.query_one("#chapter-filter", Input).value
        if typed != self._shown_for:  # a paste or a fast typist: the list is behind the box
            self._fill(typed)
        chapter_list = self.query_one(PagingOptionList)
        if chapter_list.highlighted is not None and chapter_list.highlighted < len(self._choices):
            self._choose(self._choices[chapter_list.highlighted])
        else:
            self.app.bell()

    @on(OptionList.OptionSelected, "#chapter-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_id == CLEAR_ID:
            self._choose(NO_CHAPTER)
            return
        entry = next((entry for entry in self.shown if entry.key == event.option_id), None)
        if entry is not None:
            self._choose(entry)

    def _choose(self, entry: ChapterEntry) -> None:
        if self.is_current:
            self.dismiss(entry)

    def action_to_list(self) -> None:
        """Down from the box into the list."""
        self.query_one(PagingOptionList).focus()

    def action_cancel(self) -> None:
        """Close without going anywhere."""
        if self.is_current:
            self.dismiss(None)


class ChapterScreen(ModalScreen[str | None]):
    """Every article of a chapter one after another; Esc closes, o opens the article at the top in the reader."""

    BINDINGS: ClassVar[list[BindingType]] = [*OVER_READER_BINDINGS, Binding("o", "open_current", "Open article")]
    DEFAULT_CSS = """
    ChapterScreen { background: $background; }
    ChapterScreen VerticalScroll { height: 1fr; border: round $primary; padding: 0 1; border-title-align: left; }
    ChapterScreen Static { margin-bottom: 1; }
    ChapterScreen Static.article-start { border-top: solid $primary 40%; }
    """

    def __init__(self, entry: ChapterEntry, displays: list[ArticleDisplay], language: Language = "zh") -> None:
        super().__init__()
        self.entry, self.displays, self.language = entry, displays, language
        self._width = 0
        self._starts: list[tuple[Static, str]] = []

    def compose(self) -> ComposeResult:
        yield VerticalScroll(id="chapter-text")
        yield Footer(compact=True, show_command_palette=False)

    async def on_mount(self) -> None:
        await self._lay_out_text()
        self.query_one(VerticalScroll).focus()

    async def _lay_out_text(self) -> None:
        scroll = self.query_one(VerticalScroll)
        width = scroll.scrollable_content_region.width or 80
        self._width = width
        widgets: list[Static] = []
        self._starts = []
        for display in self.displays:
            for position, block in enumerate(render_article(display, self.language, width).blocks):
                widget = Static(block.renderable, markup=False, classes="article-start" if position == 0 else "")
                widgets.append(widget)
                if position == 0:
                    self._starts.append((widget, display.article.id))
        await scroll.remove_children()
        await scroll.mount_all(widgets)
        scroll.border_title = (
            f"{self.entry.law_short} · {self.entry.label_zh} · {self.entry.span} · {LANGUAGE_NAMES[self.language]}"
        )

    async def on_resize(self, event: events.Resize) -> None:
        """Text is laid out for a width: lay it out again when that changes."""
        scroll = self.query_one(VerticalScroll)
        if scroll.scrollable_content_region.width != self._width:
            await self._lay_out_text()

    @property
    def article_ids(self) -> list[str]:
        """The articles shown, in order."""
        return [display.article.id for display in self.displays]

    def current_article(self) -> str | None:
        """The article whose start is at or above the top of the view."""
        scroll = self.query_one(VerticalScroll)
        top = scroll.scroll_offset.y
        current = None
        for widget, article_id in self._starts:
            if widget.virtual_region.y <= top + 1:
                current = article_id
        return current or (self._starts[0][1] if self._starts else None)

    async def action_cycle_language(self) -> None:
        """Chinese → English → both → Chinese."""
        self.language = next_language(self.language)
        await self._lay_out_text()

    def action_open_current(self) -> None:
        """Close and open the article at the top of the view in the reader."""
        if self.is_current:
            self.dismiss(self.current_article())

    def action_close(self) -> None:
        """Back to the reader."""
        if self.is_current:
            self.dismiss(None)
