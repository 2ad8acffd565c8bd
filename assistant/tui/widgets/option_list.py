"""An OptionList whose page keys are safe before it has been laid out (hidden, zero-sized, just refilled)."""

from __future__ import annotations

from textual.widgets import OptionList


class PagingOptionList(OptionList):
    """OptionList, but PageUp/PageDown do nothing until it has a size (Textual 8 raises KeyError there)."""

    def _has_room(self) -> bool:
        # Textual lays out options only once the list has a content region; paging needs that layout.
        return bool(self.scrollable_content_region) and self.option_count > 0

    def action_page_up(self) -> None:
        """Up one page, when there is a page to move by."""
        if self._has_room():
            super().action_page_up()

    def action_page_down(self) -> None:
        """Down one page, when there is a page to move by."""
        if self._has_room():
            super().action_page_down()
