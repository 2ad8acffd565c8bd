"""The article reader: one or both languages, links to click or step through with the keyboard."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from assistant.tui.errors import notify_error
from assistant.tui.keys import READER_KEYS, bindings
from assistant.tui.languages import LANGUAGE_NAMES, SIDE_BY_SIDE_MIN_WIDTH, Language
from assistant.tui.type_ahead import HoldsKeysTypedAhead

if TYPE_CHECKING:  # rendering is imported when the first article is shown, not on the path to the first frame
    from assistant.tui.links import Link
    from assistant.tui.render_article import ArticleDisplay, RenderedArticle

# Every key named here works while the cursor is in the search box, where it is on the first screen.
EMPTY_HINT = (
    "Type in the search box and press Enter to open the first result,\n"
    "or browse the table of contents (F3) or your bookmarks (F4).\n\n"
    "Press F1 for every key."
)


class ReaderBlock(Static):
    """One block of the reader; a click on a link in it asks the reader to follow that link."""

    class Follow(Message):
        """A link in this block was clicked."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def action_follow(self, index: int) -> None:
        """Run by the `@click` meta on link text."""
        self.post_message(self.Follow(index))


class ArticleReader(HoldsKeysTypedAhead, VerticalScroll, can_focus=True):
    """Shows one article; `n`/`p` select a link, Enter follows it, a click follows it at once."""

    BINDINGS = bindings(READER_KEYS)

    language: reactive[Language] = reactive("both")

    class LinkActivated(Message):
        """The user chose a link to follow."""

        def __init__(self, link: Link) -> None:
            super().__init__()
            self.link = link

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.display_data: ArticleDisplay | None = None
        self.rendered: RenderedArticle | None = None
        self.selected_link: int | None = None
        self._side_by_side = True
        # Opening, re-highlighting and selecting can overlap; one rebuild at a time keeps the blocks whole.
        self._rebuilding = asyncio.Lock()

    def compose(self) -> ComposeResult:
        yield ReaderBlock(EMPTY_HINT, classes="hint")

    @property
    def article_id(self) -> str | None:
        """The id of the article shown, if any."""
        return self.display_data.article.id if self.display_data else None

    async def show(self, display: ArticleDisplay, *, keep_selection: bool = False) -> None:
        """Show an article (scrolled to its focused paragraph, if any)."""
        same_article = self.display_data is not None and self.display_data.article.id == display.article.id
        self.display_data = display
        if not (keep_selection and same_article):
            self.selected_link = None
        await self._rebuild()
        self._update_title()
        if not (keep_selection and same_article):
            self.call_after_refresh(self._scroll_to_focus)

    async def _rebuild(self) -> None:
        """Render the article and replace the blocks (in place when only styles changed)."""
        async with self._rebuilding:
            await self._rebuild_now()

    async def _rebuild_now(self) -> None:
        if self.display_data is None:
            return
        from assistant.tui.render_article import render_article  # with the first article, not for the first frame

        width = self.scrollable_content_region.width or self.size.width or 80
        self._side_by_side = width >= SIDE_BY_SIDE_MIN_WIDTH
        try:
            self.rendered = render_article(self.display_data, self.language, width, self.selected_link)
        except Exception as exc:  # show the error, keep what was on screen
            notify_error(self, f"showing {self.display_data.article.id}", exc)
            return
        existing = list(self.query_children(ReaderBlock))
        blocks = self.rendered.blocks
        if len(existing) == len(blocks) and all("hint" not in w.classes for w in existing):
            for widget, block in zip(existing, blocks, strict=True):
                widget.set_classes(f"block-{block.kind} {block.classes}".strip())
                widget.update(block.renderable)
            return
        await self.remove_children()
        await self.mount_all(
            ReaderBlock(block.renderable, classes=f"block-{block.kind} {block.classes}".strip()) for block in blocks
        )

    def _update_title(self) -> None:
        self.border_title = LANGUAGE_NAMES[self.language]
        self.border_subtitle = "n/p: select link · Enter: follow" if self.rendered and self.rendered.links else ""

    def _scroll_to_focus(self) -> None:
        target = next(iter(self.query(".focused")), None)
        if target is not None:
            self.scroll_to_widget(target, top=True, animate=False)
        else:
            self.scroll_home(animate=False)

    async def watch_language(self) -> None:
        """Re-render in the new language, keeping the place."""
        self.selected_link = None
        await self._rebuild()
        self._update_title()

    async def on_resize(self, event: events.Resize) -> None:
        """Side-by-side needs room: switch layout when the width crosses the threshold."""
        width = self.scrollable_content_region.width
        if (
            self.display_data is not None
            and self.language == "both"
            and (width >= SIDE_BY_SIDE_MIN_WIDTH) != self._side_by_side
        ):
            await self._rebuild()

    # -- links -------------------------------------------------------------------------------

    async def _select(self, index: int | None) -> None:
        self.selected_link = index
        await self._rebuild()
        if index is not None and self.rendered is not None:
            position = self.rendered.block_of_link(index)
            blocks = list(self.query_children(ReaderBlock))
            if position is not None and position < len(blocks):
                self.scroll_to_widget(blocks[position], animate=False)

    async def action_next_link(self) -> None:
        """Select the next link (wrapping round)."""
        if self.rendered and self.rendered.links:
            count = len(self.rendered.links)
            await self._select(0 if self.selected_link is None else (self.selected_link + 1) % count)

    async def action_previous_link(self) -> None:
        """Select the previous link (wrapping round)."""
        if self.rendered and self.rendered.links:
            count = len(self.rendered.links)
            await self._select(count - 1 if self.selected_link is None else (self.selected_link - 1) % count)

    def action_follow_selected(self) -> None:
        """Follow the selected link."""
        if self.rendered and self.selected_link is not None and self.selected_link < len(self.rendered.links):
            self.post_message(self.LinkActivated(self.rendered.links[self.selected_link]))

    @on(ReaderBlock.Follow)
    def _follow_clicked(self, event: ReaderBlock.Follow) -> None:
        event.stop()
        if self.rendered and 0 <= event.index < len(self.rendered.links):
            self.post_message(self.LinkActivated(self.rendered.links[event.index]))
