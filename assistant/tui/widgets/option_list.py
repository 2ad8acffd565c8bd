"""An OptionList whose page keys are safe before it has been laid out (hidden, zero-sized, just refilled)."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import OptionList

from assistant.tui.type_ahead import OPENS_FROM_ANY_SCREEN, HoldsKeysTypedAhead


def can_page(option_list: OptionList) -> bool:
    """Whether PageUp/PageDown can move: Textual lays options out only once the list has a content region."""
    return bool(option_list.scrollable_content_region) and option_list.option_count > 0


class PagingOptionList(OptionList):
    """OptionList, but PageUp/PageDown do nothing until it has a size (Textual 8 raises KeyError there)."""

    def action_page_up(self) -> None:
        """Up one page, when there is a page to move by."""
        if can_page(self):
            super().action_page_up()

    def action_page_down(self) -> None:
        """Down one page, when there is a page to move by."""
        if can_page(self):
            super().action_page_down()


class HoldingOptionList(HoldsKeysTypedAhead, PagingOptionList):
    """A list on the search screen: the keys typed after g, k, F8 … in the same burst wait for what that key opens."""


class FKeyHoldingOptionList(HoldsKeysTypedAhead, PagingOptionList):
    """A list on the Ask or Checklist screen, where letters are answers and commands: the keys typed after an
    F-key, Ctrl+P or ? in the same burst wait for the screen that key opens."""

    OPENS_A_SCREEN = OPENS_FROM_ANY_SCREEN


class FKeyHoldingScroll(HoldsKeysTypedAhead, VerticalScroll):
    """A scrolling text pane on the Ask or Checklist screen, holding keys as FKeyHoldingOptionList does."""

    OPENS_A_SCREEN = OPENS_FROM_ANY_SCREEN
