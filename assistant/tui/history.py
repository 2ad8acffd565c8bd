"""Back/forward history of the places the reader has shown, like a browser's."""

from __future__ import annotations

from dataclasses import dataclass

MAX_ENTRIES = 200  # enough for a long session; older places drop off the back


@dataclass(frozen=True)
class Place:
    """An article id, and the paragraph or item the reader was sent to (if any)."""

    article_id: str
    focus: str | None = None


class History:
    """A list of places with a cursor; visiting a new place drops any forward entries."""

    def __init__(self) -> None:
        self._places: list[Place] = []
        self._index = -1

    @property
    def current(self) -> Place | None:
        """The place shown now, if any."""
        return self._places[self._index] if self._index >= 0 else None

    @property
    def can_go_back(self) -> bool:
        """True when there is an earlier place."""
        return self._index > 0

    @property
    def can_go_forward(self) -> bool:
        """True when `back` was used and a later place remains."""
        return self._index < len(self._places) - 1

    def visit(self, place: Place) -> None:
        """Record a newly shown place (re-showing the current one records nothing)."""
        if self.current == place:
            return
        del self._places[self._index + 1 :]
        self._places.append(place)
        if len(self._places) > MAX_ENTRIES:
            del self._places[0]
        self._index = len(self._places) - 1

    def back(self) -> Place | None:
        """Step back; the place to show, or None at the start."""
        if not self.can_go_back:
            return None
        self._index -= 1
        return self.current

    def forward(self) -> Place | None:
        """Step forward; the place to show, or None at the end."""
        if not self.can_go_forward:
            return None
        self._index += 1
        return self.current
