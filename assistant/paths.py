"""Where the corpus, the generated indexes, the official sources and user data live."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def corpus_dir() -> Path:
    """The corpus: `DLA_CORPUS` or the repository's `corpus/`."""
    return Path(os.environ.get("DLA_CORPUS") or PROJECT_ROOT / "corpus")


def index_dir() -> Path:
    """Generated indexes: `DLA_INDEX_DIR` or the repository's `indexes/`."""
    return Path(os.environ.get("DLA_INDEX_DIR") or PROJECT_ROOT / "indexes")


def sources_dir() -> Path | None:
    """The official source texts (`DLA_SOURCES` or `../shared/sources`), if present on this machine."""
    configured = os.environ.get("DLA_SOURCES")
    candidate = Path(configured) if configured else PROJECT_ROOT.parent / "shared" / "sources"
    return candidate if candidate.is_dir() else None


def user_data_dir() -> Path:
    """Bookmarks and checklist sessions: `DLA_DATA_DIR` or the platform's user data directory."""
    configured = os.environ.get("DLA_DATA_DIR")
    if configured:
        return Path(configured)
    from platformdirs import user_data_path  # deferred: only the commands that save need it

    return user_data_path("dla", appauthor=False)
