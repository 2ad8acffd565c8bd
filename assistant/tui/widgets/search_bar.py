"""The search box and the law filter, on one line above the results."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Select

from assistant.tui.keys import SEARCH_BOX_KEYS, bindings

ALL_LAWS = "all"
PLACEHOLDER = "Search: dsl:27 · 重要数据 · who must appoint a data security officer?"


class QueryInput(Input):
    """The search box: ↓ moves into the results, Enter opens the highlighted one."""

    BINDINGS = bindings(SEARCH_BOX_KEYS)


class SearchBar(Horizontal):
    """Query input and law filter; the screen reads `query` and `law` when either changes."""

    DEFAULT_CSS = """
    SearchBar {
        height: auto;
        QueryInput { width: 1fr; }
        Select { width: 26; }
    }
    """

    def compose(self) -> ComposeResult:
        yield QueryInput(placeholder=PLACEHOLDER, id="query")
        yield Select([("All laws", ALL_LAWS)], allow_blank=False, value=ALL_LAWS, id="law-filter")

    @property
    def query_text(self) -> str:
        """The text in the search box."""
        return self.query_one(QueryInput).value

    @property
    def law(self) -> str | None:
        """The law id the search is limited to, or None for all."""
        value = self.query_one(Select).value
        return None if value in (ALL_LAWS, Select.NULL) else str(value)

    def set_laws(self, laws: list[tuple[str, str]]) -> None:
        """Offer these (label, law id) choices besides all laws, keeping the current choice."""
        select: Select[str] = self.query_one(Select)
        current = select.value
        select.set_options([("All laws", ALL_LAWS), *laws])
        select.value = current if current in {ALL_LAWS, *(law for _, law in laws)} else ALL_LAWS

    def set_law(self, law: str | None) -> None:
        """Limit the search to one law (None: all)."""
        self.query_one(Select).value = law or ALL_LAWS
