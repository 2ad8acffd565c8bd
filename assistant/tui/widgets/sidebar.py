"""The side panel beside the reader: results, contents or bookmarks, one at a time, under a one-line tab bar.

A Static tab bar over a ContentSwitcher, instead of Textual's TabbedContent: the same choice of panes for a
fraction of the start-up cost (TabbedContent builds tabs, an animated underline and panes; this is one line).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Static


class Sidebar(Vertical):
    """Panes named by id; `active` is the id of the pane shown, and a click on a tab shows its pane."""

    DEFAULT_CSS = """
    Sidebar { height: 1fr; }
    Sidebar #sidebar-tabs { height: 1; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis; color: $text-muted; }
    Sidebar ContentSwitcher { height: 1fr; }
    Sidebar ContentSwitcher > Vertical { height: 1fr; }
    """

    def __init__(
        self, panes: dict[str, tuple[str, str, Widget | None]], initial: str, *, id: str | None = None
    ) -> None:
        """`panes`: pane id -> (tab title, the screen action a click runs, the pane's widget, or None when the
        screen mounts it into the pane, `#<pane id>`, the first time it is needed)."""
        super().__init__(id=id)
        self.panes = panes
        self._initial = initial

    def compose(self) -> ComposeResult:
        yield Static(self._tab_line(self._initial), id="sidebar-tabs")
        with ContentSwitcher(initial=self._initial):
            for pane_id, (_, _, widget) in self.panes.items():
                with Vertical(id=pane_id):
                    if widget is not None:
                        yield widget

    def _tab_line(self, active: str) -> Content:
        """The tab titles, the active one reversed; each title runs its action when clicked."""
        tabs = []
        for pane_id, (title, action, _) in self.panes.items():
            style = "bold reverse" if pane_id == active else "underline"
            tabs.append(f"[{style} @click={action}] {Content(title).markup} [/]")
        return Content.from_markup("".join(tabs))

    @property
    def active(self) -> str:
        """The id of the pane shown."""
        return self.query_one(ContentSwitcher).current or self._initial

    @active.setter
    def active(self, pane_id: str) -> None:
        switcher = self.query_one(ContentSwitcher)
        if switcher.current != pane_id:
            switcher.current = pane_id
            self.query_one("#sidebar-tabs", Static).update(self._tab_line(pane_id))
