"""The footer, redrawn once per refresh however many binding changes arrive together (as at start-up)."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class DlaFooter(Footer):
    """Textual's footer, but key changes that arrive together (mount, focus, screen) cause one recompose.

    Textual's Footer recomposes on every bindings signal; at start-up three arrive within a frame and each
    rebuilt all the keys. The recompose reads the bindings when it runs, so one per refresh shows the same keys.
    """

    _recompose_pending = False

    def bindings_changed(self, screen: Screen) -> None:
        """Schedule one recompose after the next refresh, unless one is already waiting."""
        self._bindings_ready = True  # Footer's own flag: compose yields keys only once bindings are known
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if not self._recompose_pending:
            self._recompose_pending = True
            self.call_after_refresh(self._recompose_once)

    async def _recompose_once(self) -> None:
        self._recompose_pending = False
        await self.recompose()
