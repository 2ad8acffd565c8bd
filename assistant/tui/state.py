"""What the reader remembers between runs: its language, the last article, and the search history."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

STATE_FILE = "tui-state.json"
FORMAT_VERSION = 1
MAX_HISTORY = 50
MAX_STATE_BYTES = 256 * 1024  # a state file is a few kilobytes; anything larger is not ours
LANGUAGES = ("zh", "en", "both")


@dataclass(frozen=True)
class ReaderState:
    """The reader language, the last article read, and past queries (oldest first)."""

    language: str = "both"
    last_article: str | None = None
    history: tuple[str, ...] = field(default=())

    def with_query(self, query: str) -> ReaderState:
        """The state with `query` as the most recent search (moved to the end if already there)."""
        query = query.strip()
        if not query:
            return self
        kept = [old for old in self.history if old != query][-(MAX_HISTORY - 1) :]
        return replace(self, history=(*kept, query))


def state_path(directory: Path) -> Path:
    """The state file in the user data directory."""
    return directory / STATE_FILE


def load_state(directory: Path) -> ReaderState:
    """The saved state; defaults when the file is missing, too large or not this format (it is then left as is)."""
    import json  # read in the loading worker: the first frame needs only the defaults

    path = state_path(directory)
    try:
        if path.stat().st_size > MAX_STATE_BYTES:
            return ReaderState()
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return ReaderState()
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
        return ReaderState()
    language = data.get("language")
    last = data.get("last_article")
    history = data.get("history")
    return ReaderState(
        language=language if language in LANGUAGES else "both",
        last_article=last if isinstance(last, str) else None,
        history=tuple(q for q in history if isinstance(q, str))[-MAX_HISTORY:] if isinstance(history, list) else (),
    )


def save_state(directory: Path, state: ReaderState) -> bool:
    """Write the state atomically; False when it cannot be written (the reader works on without it)."""
    import json

    from assistant.atomic import write_text_atomic

    data = {
        "version": FORMAT_VERSION,
        "language": state.language,
        "last_article": state.last_article,
        "history": list(state.history),
    }
    with contextlib.suppress(OSError):
        directory.mkdir(parents=True, exist_ok=True)
        write_text_atomic(state_path(directory), json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return True
    return False
