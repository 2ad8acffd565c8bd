"""The search & read screen: search as you type, read articles, follow links, bookmark, browse the contents."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.widgets import Input, OptionList, Static, Tree
from textual.worker import get_current_worker

from assistant.errors import DlaError
from assistant.tui.core_state import CoreStatus
from assistant.tui.errors import describe, notify_error
from assistant.tui.highlight import Highlighter, no_highlight
from assistant.tui.history import History, Place
from assistant.tui.keys import (
    APP_KEYS,
    BOOKMARK_KEYS,
    LAW_DIGITS,
    READER_KEYS,
    SEARCH_BOX_KEYS,
    SEARCH_KEYS,
    KeyAction,
    bindings,
)
from assistant.tui.screens.base import DlaScreen
from assistant.tui.widgets.bookmarks_list import BookmarksList
from assistant.tui.widgets.law_filter import LawFilter
from assistant.tui.widgets.reader import ArticleReader
from assistant.tui.widgets.related_panel import RelatedPanel
from assistant.tui.widgets.results import ResultsList
from assistant.tui.widgets.search_bar import QueryInput, SearchBar
from assistant.tui.widgets.sidebar import Sidebar
from assistant.tui.widgets.toc import ContentsTree

# Paint first: what only an open article, a dialog or another screen needs is imported where it is first used
# (rendering, related provisions, chapters, compare, copy, export), not on the path to the first frame.
if TYPE_CHECKING:  # the engine imports Whoosh: keep it off the path to the first frame
    from assistant.search.results import SearchResults
    from assistant.tui.chapters import ChapterEntry
    from assistant.tui.links import Link
    from assistant.tui.render_article import ArticleDisplay

PaneWidget = TypeVar("PaneWidget", ContentsTree, BookmarksList, RelatedPanel)
SEARCH_LIMIT = 30
MORE_LIMIT = 200
RELATED_WIDE = 150  # screen width from which the related panel fits beside results and reader
RELATED_ZOOMED = 100  # the same, with the results hidden (z)
TABS = {"results": "results-tab", "contents": "contents-tab", "bookmarks": "bookmarks-tab"}
EMPTY_QUERY_HINT = "Type a citation (dsl:27, 数安法第27条), words (重要数据) or a question in English or Chinese."


def chapter_and_section(scope: str | None) -> tuple[str | None, str | None]:
    """The core's chapter and section filters for a scope: `4` is a chapter, `4.2` a section of it."""
    chapter, _, section = (scope or "").partition(".")
    return chapter or None, section or None


class SearchScreen(DlaScreen):
    """Search box and law filter on top; results, contents and bookmarks beside the reader."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings(SEARCH_KEYS),
        *(Binding(digit, f"filter_law_number({digit})", show=False) for digit in LAW_DIGITS),
    ]
    AUTO_FOCUS = "#query"

    def __init__(self) -> None:
        super().__init__()
        self.history = History()
        self.highlight: Highlighter = no_highlight
        self.related_choice: bool | None = None  # None: the panel follows the room there is
        self._history_position: int | None = None  # where Up has got to in the search history
        self.search_limit = SEARCH_LIMIT  # + raises it to MORE_LIMIT for the query in the box
        self._state_applied = False
        self._corpus_shown = False  # contents, law names and bookmarks filled in from the loaded corpus
        self.chapter_filter: ChapterEntry | None = None  # the chapter or section searched (F8), within its law

    def compose_body(self) -> ComposeResult:
        yield SearchBar(id="search-bar")
        yield Static(EMPTY_QUERY_HINT, id="search-status", markup=False)
        with Horizontal(id="workspace"):
            yield Sidebar(
                {
                    TABS["results"]: ("Results", "screen.show_tab('results')", ResultsList(id="results")),
                    # Hidden at first: mounted when first needed (see `_pane_widget`), not for the first frame.
                    TABS["contents"]: ("Contents", "screen.show_tab('contents')", None),
                    TABS["bookmarks"]: ("Bookmarks", "screen.show_tab('bookmarks')", None),
                },
                initial=TABS["results"],
                id="sidebar",
            )
            yield ArticleReader(id="reader")
            # The related panel (hidden below RELATED_WIDE columns) is mounted with the first article.

    def on_mount(self) -> None:
        self.dla.core_changed.subscribe(self, self._core_changed)
        self._core_changed(self.dla.core_status)  # catch up with whatever loaded before this screen existed

    # -- widgets ---------------------------------------------------------------------------------

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one(SearchBar)

    @property
    def results(self) -> ResultsList:
        return self.query_one(ResultsList)

    @property
    def reader(self) -> ArticleReader:
        return self.query_one(ArticleReader)

    @property
    def toc(self) -> ContentsTree:
        return self._pane_widget(ContentsTree, "toc", TABS["contents"])

    @property
    def bookmarks_list(self) -> BookmarksList:
        return self._pane_widget(BookmarksList, "bookmarks", TABS["bookmarks"])

    @property
    def related_panel(self) -> RelatedPanel:
        return self._pane_widget(RelatedPanel, "related", "workspace")

    def _pane_widget(self, widget_type: type[PaneWidget], widget_id: str, parent_id: str) -> PaneWidget:
        """A widget the first frame does not show, mounted in its place the first time it is needed."""
        try:
            return self.query_one(f"#{widget_id}", widget_type)
        except NoMatches:
            widget = widget_type(id=widget_id)
            self.query_one(f"#{parent_id}").mount(widget)
            return widget

    def _set_status(self, text: str) -> None:
        scope = self.chapter_filter
        if scope is not None:  # the limit stays in sight whatever the line says
            text = f"Only {scope.law_short} {scope.label_zh} (F8: change) · {text}"
        self.query_one("#search-status", Static).update(text)

    @property
    def chapter(self) -> str | None:
        """The chapter (`4`) or section of a chapter (`4.2`) the search is limited to (within the law filter)."""
        return self.chapter_filter.scope if self.chapter_filter is not None else None

    # -- loading -----------------------------------------------------------------------------------

    def _core_changed(self, status: CoreStatus) -> None:
        """Show loading progress; fill the contents, filter and bookmarks once the corpus is in."""
        # The spinner only for a build (seconds); opening an index takes a moment, and the status line says so.
        self.results.loading = status.stage == "building"
        if status.stage == "failed":
            self._set_status(f"Search is unavailable: {status.message}")
        elif not status.search_ready:
            self._set_status(status.message)
        reading = self.dla.reading
        if status.corpus_ready and reading is not None and not self._state_applied:
            self._state_applied = True
            self.run_worker(self._apply_remembered_state(), group="state")
        if status.corpus_ready and reading is not None and not self._corpus_shown:
            self._corpus_shown = True
            self.toc.set_corpus(reading.corpus)  # built when the Contents tab is first shown
            if self.query_one(Sidebar).active == TABS["contents"]:
                self.toc.ensure_populated()
            self.search_bar.set_laws(
                [(f"{n}  {law.info.short_en}", law.id) for n, law in enumerate(reading.corpus.laws.values(), start=1)]
            )
            self._refresh_bookmarks()
        if status.search_ready:
            self._search()  # a query typed while the index was loading runs now

    async def _apply_remembered_state(self) -> None:
        """The reader language and the last article from the previous run (when nothing is open yet)."""
        state = self.dla.reader_state
        self.reader.language = state.language  # type: ignore[assignment]
        reading = self.dla.reading
        last = state.last_article
        if last and self.reader.article_id is None and reading is not None and reading.corpus.exists(last):
            await self.open_article(last)

    def action_history_previous(self) -> None:
        """Up in the search box: the previous search from the history."""
        history = self.dla.reader_state.history
        if not history:
            self.app.bell()
            return
        position = len(history) - 1 if self._history_position is None else max(0, self._history_position - 1)
        self._history_position = position
        box = self.query_one(QueryInput)
        box.value = history[position]
        box.cursor_position = len(box.value)

    # -- searching ---------------------------------------------------------------------------------

    @on(Input.Changed, "#query")
    def _query_changed(self) -> None:
        self.query_one(Sidebar).active = TABS["results"]
        self.search_limit = SEARCH_LIMIT
        self._search()

    def action_more_results(self) -> None:
        """List up to MORE_LIMIT results for the query in the box."""
        self.search_limit = MORE_LIMIT
        self._search()

    @on(LawFilter.Changed, "#law-filter")
    def _law_changed(self) -> None:
        law = self.search_bar.law
        if self.chapter_filter is not None and self.chapter_filter.law != law:
            self.chapter_filter = None  # a chapter belongs to its law: another law (or all) lifts it
        self.toc.expand_law(law)
        self._search()

    def _search(self) -> None:
        query, law = self.search_bar.query_text.strip(), self.search_bar.law
        if not query:
            self.workers.cancel_group(self, "search")
            self.results.show_hits([])
            self._set_status(EMPTY_QUERY_HINT)
            self._set_highlight(no_highlight)
            return
        if not self.dla.core_status.search_ready:
            self.dla.need_core()  # a query typed (or pasted, or set) while loading waits: start it now
            if self.dla.core_status.stage != "failed":
                self._set_status(f"{self.dla.core_status.message} — the search runs as soon as it is ready")
            return
        self.run_search(query, law, self.chapter)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, query: str, law: str | None, chapter: str | None = None) -> None:
        """Search in a thread (the core applies the law, chapter and section filters); stale results are dropped."""
        worker = get_current_worker()
        service = self.dla.service
        try:
            # One more than shown: "more than N".
            number, section = chapter_and_section(chapter)
            results = service.search(query, law=law, chapter=number, section=section, limit=self.search_limit + 1)
            highlighter = service.highlighter(query)
        except Exception as exc:  # the core promises not to raise for any query; the UI survives if it does
            if not worker.is_cancelled:
                self.app.call_from_thread(self._search_failed, exc)
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self.show_results, query, law, results, highlighter, chapter)

    def show_results(
        self,
        query: str,
        law: str | None,
        results: SearchResults,
        highlighter: Highlighter,
        chapter: str | None = None,
    ) -> None:
        """Show a search's results, unless they answer a query, law or chapter no longer on screen (a search that
        finished late): the one place results reach the list, from the search worker and from a cached answer."""
        if (query, law, chapter) != (self.search_bar.query_text.strip(), self.search_bar.law, self.chapter):
            return  # stale: the user has typed on (or changed a filter) since this search started
        limit = self.search_limit
        self.results.show_hits(results.hits[:limit], (query, law, chapter))
        count = len(results.hits)
        if count > limit:
            total = max(results.total, count)
            more = "+ in the list shows up to 200" if limit < MORE_LIMIT else "narrow the search to see the rest"
            parts = [f"the best {limit} of {total} matching articles ({more})"]
        else:
            parts = [f"{count} article{'s' if count != 1 else ''}"]
        if results.expanded:
            parts.append("also searched: " + "; ".join(results.expanded))
        parts.extend(results.messages)
        self._set_status(" · ".join(parts))
        self._set_highlight(highlighter)

    def _search_failed(self, exc: Exception) -> None:
        self._set_status("The search failed; see the notification.")
        self.notify(f"Search failed: {describe(exc)}", severity="error", timeout=8)

    def _set_highlight(self, highlighter: Highlighter) -> None:
        """Use new query terms in the reader, re-rendering the open article in place."""
        if highlighter is self.highlight:
            return
        self.highlight = highlighter
        if self.reader.article_id is not None:
            self.run_worker(self._reshow(), group="reshow", exclusive=True)

    async def _reshow(self) -> None:
        place = self.history.current
        if place is not None:
            await self.open_article(place.article_id, focus=place.focus, record=False, keep_selection=True)

    # -- opening articles --------------------------------------------------------------------------

    async def open_article(
        self, citation: str, *, focus: str | None = None, record: bool = True, keep_selection: bool = False
    ) -> bool:
        """Show the article a citation points into, scrolled to its paragraph; False when it names nothing."""
        from assistant.models import ArticleRef, CitationError
        from assistant.tui.render_article import ArticleDisplay

        reading = self.dla.reading
        if reading is None:
            self.notify("The corpus is still loading.", severity="warning")
            return False
        try:
            ref = ArticleRef.parse(citation)
            if focus is None and ref.paragraph is not None:
                focus = ref.id
            display = ArticleDisplay.build(
                reading,
                ref.article_id,
                highlight=self.highlight,
                bookmarked=self._is_bookmarked(ref.article_id),
                focus=focus,
            )
        except CitationError as exc:
            hint = f" Did you mean: {', '.join(exc.suggestions)}?" if exc.suggestions else ""
            self.notify(f"{exc}.{hint}", severity="error")
            return False
        except Exception as exc:  # a corpus or reference problem must not take the app down
            notify_error(self, f"opening {citation}", exc)
            return False
        if record:
            # Before the first await: a re-highlight that starts meanwhile (`_reshow`) must see this article
            # as the current one, or it would put the previous article back over it.
            self.history.visit(Place(ref.article_id, focus))
        await self.reader.show(display, keep_selection=keep_selection)
        self.sub_title = f"{display.citation_en} · {display.citation_zh}"
        self.toc.reveal(ref.article_id)
        self._show_related(display)
        if self.dla.reader_state.last_article != ref.article_id:
            self.dla.remember(last_article=ref.article_id)
        return True

    def _show_related(self, display: ArticleDisplay) -> None:
        """Fill the side panel; the core's related provisions join in where the service offers them."""
        from assistant.tui.related import related_entries

        reading = self.dla.reading
        if reading is None:
            return
        try:
            entries = related_entries(reading, display)
        except Exception as exc:  # related data is a help, never a reason the article cannot be read
            notify_error(self, "listing related provisions", exc)
            entries = related_entries(reading, display, with_links=False)
        self.related_panel.show_entries(entries)

    @on(OptionList.OptionSelected, "#related")
    async def _related_chosen(self, event: OptionList.OptionSelected) -> None:
        target = RelatedPanel.target_of(event.option_id)
        if target:
            await self.open_article(target)

    def on_resize(self) -> None:
        """The related panel shows itself when there is room beside the reader (or when asked with R)."""
        self._lay_out_related()

    def _lay_out_related(self) -> None:
        room = self.size.width >= (RELATED_WIDE if not self.has_class("-zoomed") else RELATED_ZOOMED)
        self.set_class(room if self.related_choice is None else self.related_choice, "-related")

    def action_toggle_related(self) -> None:
        """Show or hide the related-provisions panel beside the reader."""
        self.related_choice = not self.has_class("-related")
        self._lay_out_related()

    @on(OptionList.OptionSelected, "#results")
    async def _result_chosen(self, event: OptionList.OptionSelected) -> None:
        hit = self.results.hit(event.option_id)
        if hit is not None:
            await self.open_article(hit.id, focus=hit.ref)

    @on(Tree.NodeSelected, "#toc")
    async def _contents_chosen(self, event: Tree.NodeSelected[str]) -> None:
        if self.toc.is_article(event.node) and event.node.data:
            await self.open_article(event.node.data)

    @on(OptionList.OptionSelected, "#bookmarks")
    async def _bookmark_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option_id:
            await self.open_article(event.option_id)

    @on(ArticleReader.LinkActivated)
    async def _link_activated(self, event: ArticleReader.LinkActivated) -> None:
        await self.follow(event.link)

    async def follow(self, link: Link) -> None:
        """Open a link's target, asking which one when it names several."""
        from assistant.tui.screens.choose_target import ChooseTargetScreen

        if len(link.targets) == 1:
            await self.open_article(link.targets[0])
            return
        reading = self.dla.reading
        labels = [
            (target, f"{reading.corpus.cite_en(target)}  {reading.corpus.cite_zh(target)}")
            for target in link.targets
            if reading is not None and reading.corpus.exists(target)
        ]
        if not labels:
            self.notify(f"{link.label}: none of its provisions is in the corpus.", severity="warning")
            return

        async def chosen(target: str | None) -> None:
            if target:
                await self.open_article(target)

        self.app.push_screen(ChooseTargetScreen(link.label, labels), chosen)

    # -- actions -----------------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.query_one(QueryInput).focus()

    def action_focus_results(self) -> None:
        """Move into the results list."""
        self.query_one(Sidebar).active = TABS["results"]
        self.results.focus()

    async def action_open_highlighted(self) -> None:
        """Enter in the search box: open what the text in the box finds *now*, then move to the reader.

        When the list already answers that text, its highlighted entry opens (↓ may have moved it).
        Otherwise (a fast typist, a paste: the search for the last keys has not finished) the text
        is searched here and now, and its top hit opens; never the answer to an earlier text.
        """
        query, law, chapter = self.search_bar.text_at_enter().strip(), self.search_bar.law, self.chapter
        if not query:
            self.app.bell()
            return
        if self.results.shown_for == (query, law, chapter):
            option = self.results.highlighted_option
            if option is None or option.id is None:
                self.notify(f"Nothing found for {query!r}: try other words, or a citation such as dsl:27.", timeout=4)
                return
            hit = self.results.hit(option.id)
            target, focus = option.id, hit.ref if hit else None
        else:
            found = await self._search_now(query, law, chapter)
            if found is None:
                return
            if not found.hits:
                self.notify(f"Nothing found for {query!r}: try other words, or a citation such as dsl:27.", timeout=4)
                return
            target, focus = found.hits[0].id, found.hits[0].ref
        self.dla.remember_query(query)
        self._history_position = None
        if await self.open_article(target, focus=focus):
            self.reader.focus()

    async def _search_now(self, query: str, law: str | None, chapter: str | None = None) -> SearchResults | None:
        """Search `query` at once (off the UI thread, awaited) and show the results if it is still in the box."""
        status = self.dla.core_status
        if not status.search_ready:
            message = status.message if status.stage == "failed" else "The search index is still loading"
            self.notify(f"{message}; press Enter again when it is ready.", severity="warning", timeout=4)
            return None
        if query == self.search_bar.query_text.strip():  # keys typed after Enter keep their own search
            self.workers.cancel_group(self, "search")
        service, (number, section) = self.dla.service, chapter_and_section(chapter)
        try:
            results = await asyncio.to_thread(
                service.search, query, law=law, chapter=number, section=section, limit=self.search_limit + 1
            )
            highlighter = await asyncio.to_thread(service.highlighter, query)
        except Exception as exc:  # the core promises not to raise for any query; the UI survives if it does
            self._search_failed(exc)
            return None
        self.show_results(query, law, results, highlighter, chapter)
        return results

    def action_cycle_language(self) -> None:
        """Chinese → English → both → Chinese."""
        from assistant.tui.languages import LANGUAGE_NAMES, next_language

        reader = self.reader
        reader.language = next_language(reader.language)
        self.dla.remember(language=reader.language)
        self.notify(f"Reader: {LANGUAGE_NAMES[reader.language]}", timeout=2)

    async def action_back(self) -> None:
        """Back to the article shown before."""
        place = self.history.back()
        if place is None:
            self.notify("Nothing to go back to.", timeout=2)
            return
        await self.open_article(place.article_id, focus=place.focus, record=False)

    async def action_forward(self) -> None:
        """Forward again after going back."""
        place = self.history.forward()
        if place is None:
            self.notify("Nothing to go forward to.", timeout=2)
            return
        await self.open_article(place.article_id, focus=place.focus, record=False)

    async def _step_article(self, step: int) -> None:
        reading, current = self.dla.reading, self.reader.article_id
        if reading is None or current is None:
            return
        neighbour = reading.neighbour(current, step)
        if neighbour is None:
            self.notify("No further article in this instrument.", timeout=2)
            return
        await self.open_article(neighbour)

    async def action_next_article(self) -> None:
        """The next article of the same instrument."""
        await self._step_article(1)

    async def action_previous_article(self) -> None:
        """The previous article of the same instrument."""
        await self._step_article(-1)

    def _reading_ref(self) -> str | None:
        """The provision being read: the paragraph or item the reader was sent to, else the article."""
        display = self.reader.display_data
        if display is None:
            self.notify("Open an article first.", severity="warning", timeout=3)
            return None
        return display.focus or display.article.id

    def _copy(self, text: str, what: str) -> None:
        try:
            self.app.copy_to_clipboard(text)
        except Exception as exc:  # a terminal that refuses the clipboard escape
            notify_error(self, f"copying the {what}", exc)
            return
        first_line = text.splitlines()[0] if text else ""
        self.notify(f"Copied {what}: {first_line}", timeout=3)

    def action_copy_citation(self, full_title: bool = False) -> None:
        """Copy the citation at the reading level (第二十七条第二款 / Art. 27(2)); the full title on request."""
        from assistant.tui.copying import citation_text

        ref, reading = self._reading_ref(), self.dla.reading
        if ref is None or reading is None:
            return
        self._copy(citation_text(reading, ref, full_title=full_title), "citation")

    def action_copy_text(self) -> None:
        """Copy the provision's text in the reader's language, under its citation."""
        from assistant.tui.copying import provision_text

        ref, reading = self._reading_ref(), self.dla.reading
        if ref is None or reading is None:
            return
        self._copy(provision_text(reading, ref, self.reader.language), "text")

    async def action_compare(self) -> None:
        """Ask for a second provision (a penalty of the open duty is offered) and show both side by side."""
        from assistant.tui.screens.citation_dialog import CitationDialog

        display = self.reader.display_data
        if display is None:
            self.notify("Open an article first.", severity="warning", timeout=3)
            return
        offered = next((link.targets[0] for link in (*display.penalties, *display.enforces)), "")

        async def chosen(text: str | None) -> None:
            if text:
                await self.compare(display.article.id, text)

        self.app.push_screen(
            CitationDialog(f"Compare {display.citation_en} with (any citation form):", offered), chosen
        )

    async def compare(self, left: str, right: str) -> bool:
        """Show two provisions side by side; a citation that names nothing is a notification."""
        from assistant.models import CitationError
        from assistant.tui.render_article import ArticleDisplay
        from assistant.tui.screens.compare import CompareScreen

        reading = self.dla.reading
        if reading is None:
            self.notify("The corpus is still loading.", severity="warning")
            return False
        try:
            refs = [self.dla.service.resolve_citation(text) for text in (left, right)]
            displays = [
                ArticleDisplay.build(reading, ref.article_id, bookmarked=self._is_bookmarked(ref.article_id))
                for ref in refs
            ]
        except CitationError as exc:
            self.notify(exc.user_message(), severity="error")
            return False
        except Exception as exc:
            notify_error(self, "comparing provisions", exc)
            return False
        await self.app.push_screen(CompareScreen(*displays))
        return True

    async def action_toggle_bookmark(self) -> None:
        """Bookmark the open article, or remove its bookmark."""
        store, article_id = self.dla.bookmarks, self.reader.article_id
        if store is None or article_id is None:
            self.notify("Open an article first.", severity="warning", timeout=3)
            return
        try:
            added = store.toggle(article_id)
        except Exception as exc:  # unwritable, or a bookmarks file changed on disk into something unreadable
            self.notify(f"Could not save bookmarks: {describe(exc)}", severity="error", timeout=8)
            return
        self._refresh_bookmarks()
        self.notify(f"{'Bookmarked' if added else 'Removed bookmark'}: {article_id}", timeout=3)
        await self._reshow()  # the reader's ★ follows the change

    @on(BookmarksList.RemoveRequested)
    async def _remove_bookmark(self, event: BookmarksList.RemoveRequested) -> None:
        store = self.dla.bookmarks
        if store is None:
            return
        try:
            store.remove(event.citation)
        except Exception as exc:  # unwritable, or a bookmarks file changed on disk into something unreadable
            self.notify(f"Could not save bookmarks: {describe(exc)}", severity="error", timeout=8)
            return
        self._refresh_bookmarks()
        self.notify(f"Removed bookmark: {event.citation}", timeout=3)
        if self.reader.article_id == event.citation:
            await self._reshow()

    def _is_bookmarked(self, article_id: str) -> bool:
        """Whether the article is bookmarked; False when the bookmarks cannot be read (the reader still opens)."""
        store = self.dla.bookmarks
        try:
            return store is not None and article_id in store
        except Exception:  # reported by _refresh_bookmarks; reading the article matters more than its ★
            return False

    def _refresh_bookmarks(self) -> None:
        store, reading = self.dla.bookmarks, self.dla.reading
        if store is None or reading is None:
            return
        try:
            entries = store.entries()
        except Exception as exc:  # the file changed on disk into something unreadable (or absurdly nested)
            self.notify(f"Could not read bookmarks: {describe(exc)}", severity="error", timeout=8)
            return
        self.bookmarks_list.show_bookmarks(entries, reading.corpus)

    def action_show_tab(self, name: str) -> None:
        """Show the results, contents or bookmarks in the side panel and move there."""
        if name == "contents":
            self.toc.ensure_populated()
        self.query_one(Sidebar).active = TABS[name]
        widget = {"results": self.results, "contents": self.toc, "bookmarks": self.bookmarks_list}[name]
        widget.focus()

    def action_filter_law(self, law: str) -> None:
        """Limit the search to one law ('' for all)."""
        self._choose_law(law or None)

    def _choose_law(self, law: str | None) -> None:
        """A law (or all laws) chosen by key: the whole law, so a chapter limit is lifted too."""
        if self.chapter_filter is not None and self.search_bar.law == law:
            self.chapter_filter = None
            self._search()  # the law filter does not change, so it will not run the search
        self.search_bar.set_law(law)

    def action_filter_law_number(self, number: int) -> None:
        """Limit the search to the n-th instrument in corpus order."""
        reading = self.dla.reading
        if reading is None:
            return
        laws = list(reading.corpus.laws)
        if 1 <= number <= len(laws):
            self._choose_law(laws[number - 1])

    def action_export_reading_list(self, only_open: bool = False) -> None:
        """Ask for a file and write the bookmarks (or the open article) there as a Markdown reading list."""
        from assistant.tui.screens.citation_dialog import CitationDialog

        reading, store = self.dla.reading, self.dla.bookmarks
        if reading is None:
            return
        try:
            citations = [self.reader.article_id] if only_open else (store.ids() if store is not None else [])
        except Exception as exc:  # an unreadable bookmarks file
            notify_error(self, "reading the bookmarks", exc)
            return
        citations = [citation for citation in citations if citation]
        if not citations:
            self.notify("Nothing to export: open an article or bookmark some (m).", severity="warning")
            return

        def chosen(path: str | None) -> None:
            if path:
                self.write_reading_list(path, citations)

        self.app.push_screen(CitationDialog("Write the reading list to (Markdown file):", "reading-list.md"), chosen)

    def write_reading_list(self, path_text: str, citations: list[str]) -> bool:
        """Write the Markdown atomically; an unusable path is a notification and nothing is written."""
        from assistant.atomic import write_text_atomic

        if self.dla.reading is None:
            return False
        try:
            path = Path(path_text).expanduser()
            write_text_atomic(path, self.dla.service.reading_list(citations))
        except (OSError, RuntimeError, DlaError) as exc:  # RuntimeError: ~nosuchuser; DlaError: a citation gone
            self.notify(f"Cannot write {path_text}: {describe(exc)}. Nothing was written.", severity="error")
            return False
        self.notify(f"Wrote {len(citations)} article(s) to {path}")
        return True

    def action_go_to_chapter(self) -> None:
        """Pick a chapter, a section or a whole instrument by typing part of its name; read it as continuous text."""
        from assistant.tui.chapters import reading_entries
        from assistant.tui.screens.chapters import ChapterPicker

        reading = self.dla.reading
        if reading is None:
            self.notify("The corpus is still loading.", severity="warning")
            return

        async def chosen(entry: ChapterEntry | None) -> None:
            if entry is not None:
                await self.read_chapter(entry)

        self.app.push_screen(ChapterPicker(reading_entries(reading)), chosen)

    def action_filter_chapter(self) -> None:
        """Limit the search to one chapter or section (of the law filtered on, or of any law): type-ahead, Enter."""
        from assistant.tui.chapters import NO_CHAPTER, chapter_filter_entries
        from assistant.tui.screens.chapters import ChapterPicker

        reading = self.dla.reading
        if reading is None:
            self.notify("The corpus is still loading.", severity="warning")
            return
        law = self.search_bar.law
        entries = chapter_filter_entries(reading, law)
        if not entries:
            self.notify("This instrument has no chapters: the law filter is the narrowest limit.", timeout=4)
            return
        current = self.chapter_filter
        clear = f"All chapters of {current.law_short} (lift the chapter limit)" if current is not None else None

        def chosen(entry: ChapterEntry | None) -> None:
            if entry is None:
                return  # Esc: the filter stays as it was
            self.set_chapter_filter(None if entry is NO_CHAPTER else entry)

        self.app.push_screen(
            ChapterPicker(
                entries,
                placeholder="Limit the search to a chapter or section: type words of its name, 第四章 第二节 …",
                clear_label=clear,
            ),
            chosen,
        )

    def set_chapter_filter(self, entry: ChapterEntry | None) -> None:
        """Limit the search to a chapter or section (its law becomes the law filter), or lift the limit with None."""
        self.chapter_filter = entry
        self.query_one(Sidebar).active = TABS["results"]
        if entry is not None and self.search_bar.law != entry.law:
            self.search_bar.set_law(entry.law)  # the law filter's change runs the search
            return
        self._search()

    async def read_chapter(self, entry: ChapterEntry) -> None:
        """Every article of a chapter or section, one after another; o there opens one in the reader."""
        from assistant.tui.render_article import ArticleDisplay
        from assistant.tui.screens.chapters import ChapterScreen

        reading = self.dla.reading
        if reading is None:
            return
        try:
            displays = [ArticleDisplay.build(reading, article_id) for article_id in entry.article_ids]
        except Exception as exc:
            notify_error(self, f"reading {entry.label_zh}", exc)
            return

        async def closed(article_id: str | None) -> None:
            if article_id:
                await self.open_article(article_id)

        language = "zh" if self.reader.language == "both" else self.reader.language
        await self.app.push_screen(ChapterScreen(entry, displays, language), closed)

    def action_toggle_zoom(self) -> None:
        """Hide or show the side panel."""
        self.toggle_class("-zoomed")
        self._lay_out_related()

    # -- help and command palette ----------------------------------------------------------------

    def help_sections(self) -> list[tuple[str, tuple[KeyAction, ...]]]:
        return [
            ("Everywhere", APP_KEYS),
            ("Search & read", SEARCH_KEYS),
            ("In the search box", SEARCH_BOX_KEYS),
            ("In the reader", READER_KEYS),
            ("In lists", BOOKMARK_KEYS),
        ]

    def help_extra(self) -> list[tuple[str, str]]:
        """The digit keys, naming each instrument."""
        reading = self.dla.reading
        if reading is None:
            return [("1 … 9", "Search only the n-th instrument")]
        return [
            (str(n), f"Search only {law.info.short_en} ({law.info.title_zh})")
            for n, law in enumerate(reading.corpus.laws.values(), start=1)
        ]

    def palette_commands(self) -> Iterator[SystemCommand]:
        for action in SEARCH_KEYS:
            if action.palette:
                yield SystemCommand(
                    action.label, f"{action.help} [{action.display}]", partial(self.run_action, action.action)
                )
        for action in READER_KEYS:
            if action.palette:
                yield SystemCommand(
                    action.label, f"{action.help} [{action.display}]", partial(self.reader.run_action, action.action)
                )
        yield SystemCommand(
            "Export bookmarks as a reading list",
            "Every bookmarked article to a Markdown file: citations, validity, Chinese and English",
            self.action_export_reading_list,
        )
        yield SystemCommand(
            "Export this article to Markdown",
            "The open article as a one-item reading list",
            partial(self.action_export_reading_list, only_open=True),
        )
        yield SystemCommand(
            "Copy citation with full title",
            "The citation at the reading level with the instrument's full title, Chinese and English",
            partial(self.action_copy_citation, full_title=True),
        )
        reading = self.dla.reading
        if reading is not None:
            for n, law in enumerate(reading.corpus.laws.values(), start=1):
                yield SystemCommand(
                    f"Only {law.info.short_en}",
                    f"Search only {law.info.title_zh} [{n}]",
                    partial(self.run_action, f"filter_law_number({n})"),
                )
