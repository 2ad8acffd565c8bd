"""Shared fixtures: the real corpus (read-only), temp index and data dirs, a service over them."""

from __future__ import annotations

import os
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.corpus.store import Corpus, load_corpus
from assistant.service import AssistantService

PROJECT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT / "corpus"
SOURCES = Path(os.environ.get("DLA_SOURCES") or PROJECT.parent / "shared" / "sources")
MINI_CORPUS = PROJECT / "tests" / "data" / "mini_corpus"
MINI_SOURCES = PROJECT / "tests" / "data" / "mini_sources"


# The reliability suite's counts (tests/reliability/conftest.py adds each test's share to its report). The
# summary lives here because under pytest-xdist the controlling process loads only this conftest.
RELIABILITY_SHARE = "reliability-tally"
RELIABILITY_SUMMARY: Counter[str] = Counter()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Count each reliability scenario (test case) that ran, and add its share of processes and faults."""
    if report.when == "call" and "tests/reliability/" in report.nodeid:
        RELIABILITY_SUMMARY["scenarios"] += 1
        RELIABILITY_SUMMARY["scenarios passed" if report.passed else "scenarios failed"] += 1
        for name, share in report.user_properties:
            if name == RELIABILITY_SHARE:
                RELIABILITY_SUMMARY.update(share)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The reliability suite's counts, which the closing note reports."""
    summary = RELIABILITY_SUMMARY
    if summary["scenarios"]:
        main = [name for name in sorted(summary) if not name.startswith("fault: ")]
        kinds = [name for name in sorted(summary) if name.startswith("fault: ")]
        terminalreporter.write_line("reliability suite: " + ", ".join(f"{n} {summary[n]}" for n in main))
        if kinds:
            listed = ", ".join(f"{n[7:]} {summary[n]}" for n in kinds)
            terminalreporter.write_line(f"  {len(kinds)} kinds of fault: {listed}")


def _link_or_copy(source: str, target: str) -> None:
    """Hard-link a file (no bytes copied); copy it where links cannot be made (another file system)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _file_states(root: Path) -> dict[str, tuple[int, int, int]]:
    """Each file under `root` with its inode, size and modification time: what any write in place changes."""
    states = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            stat = path.stat()
            states[str(path.relative_to(root))] = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
    return states


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """No test reads or writes the real user data directory or the real indexes/.

    DLA_INDEX_DIR is the test's own tree of the session's index, so a test that runs the CLI or opens a
    service does not rebuild the whole index; a test marked `empty_index` starts with no index at all.
    The tree's files are hard links to the session's (a copy per test cost 7 MB and a thirtieth of a
    second, a thousand times): the program replaces index files (temp file + rename) and never writes
    into one, and the check after the test fails any test that did, since that would damage every
    other test's index. A test that damages files in place marks itself `private_index` for a copy.
    """
    monkeypatch.setenv("DLA_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))
    index_dir = tmp_path_factory.mktemp("indexes")
    shared: Path | None = None
    if request.node.get_closest_marker("empty_index") is None:
        shared = request.getfixturevalue("built_index_dir")
        private = request.node.get_closest_marker("private_index") is not None
        shutil.copytree(shared, index_dir, dirs_exist_ok=True, copy_function=shutil.copy2 if private else _link_or_copy)
    monkeypatch.setenv("DLA_INDEX_DIR", str(index_dir))
    before = _file_states(shared) if shared is not None else {}
    yield
    if shared is not None:
        assert _file_states(shared) == before, "the test wrote into the shared index; mark it `private_index`"


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
def mini_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of tests/data/mini_corpus: two short fictional instruments, for tests of how an index is built,
    checked and repaired (a build takes a fifth of a second once spaCy is loaded; the real corpus, five).

    Its texts are invented (see tests/data/mini_sources/SOURCES.md); it has the real corpus's format and
    passes `dla corpus verify` against tests/data/mini_sources. Copied so that no test can change the original.
    """
    return Path(shutil.copytree(MINI_CORPUS, tmp_path_factory.mktemp("mini") / "corpus"))


@pytest.fixture(scope="session")
def mini_index_dir(tmp_path_factory: pytest.TempPathFactory, mini_corpus: Path) -> Path:
    """An index built once per session from the mini corpus (copy it before damaging it)."""
    from assistant.indexing import ensure_index

    directory = tmp_path_factory.mktemp("mini-index")
    ensure_index(load_corpus(mini_corpus), directory)
    return directory


@pytest.fixture()
def mini_corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the mini corpus."""
    return Path(shutil.copytree(MINI_CORPUS, tmp_path / "mini-corpus"))


@pytest.fixture(scope="session")
def built_index_dir(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """An index built once per run from the corpus, in a temp dir that every xdist worker shares.

    Under pytest-xdist each worker is its own session; the run's temp root (the parent of each worker's
    base temp) is common to them, and `ensure_index` holds the build lock, so one worker builds the index
    and the others wait for it and reuse it instead of each building its own.
    """
    from assistant.indexing import ensure_index

    base = tmp_path_factory.getbasetemp()
    directory = (base.parent if worker_id != "master" else base) / "session-index"
    directory.mkdir(exist_ok=True)
    ensure_index(load_corpus(CORPUS), directory)
    return directory


@pytest.fixture(scope="session")
def service(built_index_dir: Path) -> AssistantService:
    """The core service over the corpus and the session's index, opened once per worker.

    Opening a service and its search engine costs a third of a second; most tests only read through it, and no
    test changes it (a test that damages or rebuilds an index makes its own service over its own copy).
    """
    return AssistantService(CORPUS, built_index_dir)


def sources_available() -> bool:
    """True where the official source texts are beside the project."""
    return (SOURCES / "SOURCES.md").exists() and os.access(SOURCES, os.R_OK)


def verify_after_edit(corpus_root: Path, relative: str, old: str, new: str) -> list[str]:
    """`dla corpus verify`'s problems after replacing `old` by `new` in one file of a corpus copy."""
    path = corpus_root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {relative}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return AssistantService(corpus_root).verify(None).problems
