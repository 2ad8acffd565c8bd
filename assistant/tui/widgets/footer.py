"""The footer, redrawn once per refresh however many binding changes arrive together (as at start-up)."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer


class DlaFooter(Footer):
    """Textual's footer, but key changes that arrive together (mount, focus, screen) cause one recompose, and
    a change that leaves the keys shown as they are causes none.

    Textual's Footer recomposes on every bindings signal; at start-up three arrive within a frame and each
    rebuilt all the keys, and the rebuild itself signals once more. The recompose reads the bindings when it
    runs, so one per refresh, and only when the keys differ, shows the same keys.
    """

    _recompose_pending = False
    _composed_keys: tuple[Any, ...] | None = None  # the keys (binding, enabled, tooltip) the footer shows

    def bindings_changed(self, screen: Screen) -> None:
        """Schedule one recompose after the next refresh, unless one is already waiting."""
        self._bindings_ready = True  # Footer's own flag: compose yields keys only once bindings are known
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if not self._recompose_pending:
            self._recompose_pending = True
            self.call_after_refresh(self._recompose_once)

    def _shown_keys(self) -> tuple[Any, ...]:
        """What `compose` lays out: every shown binding, whether it is enabled, and its tooltip."""
        return tuple(
            (binding, enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )

    def key_edges(self) -> dict[str, int]:
        """Each key shown, with the screen column just past its label (what fits a narrow terminal)."""
        # Textual's key widget is not exported: found by its type name, its `key` read as an attribute.
        return {str(getattr(key, "key", "")): key.region.right for key in self.query("FooterKey")}

    async def _recompose_once(self) -> None:
        self._recompose_pending = False
        keys = self._shown_keys()
        if keys == self._composed_keys:
            return
        self._composed_keys = keys
        await self.recompose()
