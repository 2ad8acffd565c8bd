"""Shared fixtures: the real corpus (read-only), temp index and data dirs, a service over them."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.corpus.store import Corpus, load_corpus
from assistant.service import AssistantService

PROJECT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT / "corpus"
SOURCES = Path(os.environ.get("DLA_SOURCES") or PROJECT.parent / "shared" / "sources")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test reads or writes the real user data directory or the real indexes/.

    DLA_INDEX_DIR is the test's own copy of the session's index, so a test that runs the CLI or opens a
    service does not rebuild the whole index; a test marked `empty_index` starts with no index at all.
    """
    monkeypatch.setenv("DLA_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))
    index_dir = tmp_path_factory.mktemp("indexes")
    if request.node.get_closest_marker("empty_index") is None:
        shutil.copytree(request.getfixturevalue("built_index_dir"), index_dir, dirs_exist_ok=True)
    monkeypatch.setenv("DLA_INDEX_DIR", str(index_dir))


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    """The project's corpus, loaded once."""
    return load_corpus(CORPUS)


@pytest.fixture()
def corpus_copy(tmp_path: Path) -> Iterator[Path]:
    """A writable copy of the corpus folder."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    yield target


@pytest.fixture(scope="session")
def built_index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index built once per session from the corpus, in a temp dir."""
    from assistant.indexing import ensure_index

    directory = tmp_path_factory.mktemp("session-index")
    ensure_index(load_corpus(CORPUS), directory)
    return directory


@pytest.fixture()
def service(built_index_dir: Path) -> AssistantService:
    """The core service over the corpus and the session's index."""
    return AssistantService(CORPUS, built_index_dir)


def sources_available() -> bool:
    """True where the official source texts are beside the project."""
    return (SOURCES / "SOURCES.md").exists() and os.access(SOURCES, os.R_OK)
