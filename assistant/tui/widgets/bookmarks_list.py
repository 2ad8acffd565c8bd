"""The bookmarks list: citations in both renderings; Enter opens one, x or Delete removes it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.message import Message
from textual.widgets.option_list import Option

from assistant.tui.keys import BOOKMARK_KEYS, bindings
from assistant.tui.widgets.option_list import HoldingOptionList

if TYPE_CHECKING:  # the bookmarks and the corpus arrive from the loading worker, after the first frame
    from assistant.bookmarks import Bookmark
    from assistant.corpus.store import Corpus

EMPTY = "No bookmarks yet: open an article and press m."


class BookmarksList(HoldingOptionList):
    """Bookmarks as options whose id is the citation id."""

    BINDINGS = bindings(BOOKMARK_KEYS)

    DEFAULT_CSS = """
    BookmarksList {
        height: 1fr;
    }
    """

    class RemoveRequested(Message):
        """The user asked to remove the highlighted bookmark."""

        def __init__(self, citation: str) -> None:
            super().__init__()
            self.citation = citation

    def show_bookmarks(self, bookmarks: list[Bookmark], corpus: Corpus) -> None:
        """List the bookmarks, newest first; ones the corpus no longer has are shown, marked, not dropped."""
        highlighted = self.highlighted
        options: list[Option] = []
        for bookmark in reversed(bookmarks):
            if corpus.exists(bookmark.id):
                prompt = Text.assemble((corpus.cite_en(bookmark.id), "bold"), "  ", corpus.cite_zh(bookmark.id))
            else:
                prompt = Text.assemble((bookmark.id, "bold"), ("  (no longer in the corpus)", "italic red"))
            options.append(Option(prompt, id=bookmark.id))
        if not options:
            options.append(Option(Text(EMPTY, style="dim italic"), id="", disabled=True))
        self.set_options(options)
        if options and not options[0].disabled:
            self.highlighted = min(highlighted or 0, len(options) - 1)

    def action_remove_bookmark(self) -> None:
        """Ask the screen to remove the highlighted bookmark."""
        option = self.highlighted_option
        if option is not None and option.id:
            self.post_message(self.RemoveRequested(option.id))
