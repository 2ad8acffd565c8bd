"""What the app has loaded from the core so far, published to screens as it changes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Stage = Literal["loading", "corpus", "building", "ready", "failed"]


@dataclass(frozen=True)
class CoreStatus:
    """Where loading stands: corpus read, index being built, ready to search, or failed (with why)."""

    stage: Stage
    message: str = ""

    @property
    def corpus_ready(self) -> bool:
        """True once articles, contents and bookmarks can be shown."""
        return self.stage in ("corpus", "building", "ready")

    @property
    def search_ready(self) -> bool:
        """True once queries can run."""
        return self.stage == "ready"
