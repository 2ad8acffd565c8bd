"""The search results list: one entry per article, laid out for the list's width in terminal cells."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import events
from textual.widgets.option_list import Option

from assistant.tui.widgets.option_list import HoldingOptionList

if TYPE_CHECKING:  # the engine imports Whoosh: keep it off the path to the first frame
    from assistant.search.results import SearchHit


class ResultsList(HoldingOptionList):
    """Hits as options whose id is the article id; the screen opens the selected one."""

    DEFAULT_CSS = """
    ResultsList {
        height: 1fr;
        scrollbar-gutter: stable;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.hits: list[SearchHit] = []
        self.shown_for: tuple[str, str | None, str | None] | None = None  # the (query, law, chapter) answered
        self._laid_out_width = 0

    def show_hits(self, hits: Sequence[SearchHit], shown_for: tuple[str, str | None, str | None] | None = None) -> None:
        """Replace the entries with `hits` (the answer to `shown_for`), the first one highlighted."""
        self.hits = list(hits)
        self.shown_for = shown_for
        self._lay_out()
        self.highlighted = 0 if self.hits else None

    def hit(self, article_id: str | None) -> SearchHit | None:
        """The hit for an article id, if listed."""
        return next((hit for hit in self.hits if hit.id == article_id), None)

    def _entry_width(self) -> int:
        # What OptionList gives each option; a stable scrollbar gutter keeps it steady as results come and go.
        padding = self.get_component_styles("option-list--option").padding
        return max(20, self.scrollable_content_region.width - padding.width)

    def _lay_out(self) -> None:
        width = self._entry_width()
        if self.hits:
            from assistant.tui.render_results import hit_prompt  # with the first results, not for the first frame

        self._laid_out_width = width
        highlighted = self.highlighted
        options: list[Option | None] = []
        for position, hit in enumerate(self.hits):
            if position:
                options.append(None)  # a separator line between entries
            options.append(Option(hit_prompt(hit, width), id=hit.id))
        self.set_options(options)
        if highlighted is not None and highlighted < self.option_count:
            self.highlighted = highlighted

    def on_resize(self, event: events.Resize) -> None:
        """Re-lay out the entries when the list's width changes (cells, not characters, decide the fit)."""
        if self.hits and self._entry_width() != self._laid_out_width:
            self._lay_out()
