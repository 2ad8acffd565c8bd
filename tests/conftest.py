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


# The instruments of the small corpus: one with chapters, duties and fines (the DSL), one without chapters.
SMALL_CORPUS_LAWS = ("dsl", "blockchain")


def _copy_small_corpus(target: Path) -> Path:
    """Copy corpus/ to `target` with only SMALL_CORPUS_LAWS under laws/."""
    laws = CORPUS / "laws"

    def other_laws(folder: str, names: list[str]) -> list[str]:
        if Path(folder) != laws:
            return []
        return [name for name in names if (laws / name).is_dir() and name not in SMALL_CORPUS_LAWS]

    shutil.copytree(CORPUS, target, ignore=other_laws)
    return target


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus with two of its instruments, for tests of how an index is built, checked and repaired.

    A build over it takes a fraction of the real one's time. It is made from corpus/ at the start of
    the run, so it holds no second copy of statute text and cannot drift from the real format; its
    cross-instrument links name laws it lacks, so `corpus verify` is not meant for it.
    """
    return _copy_small_corpus(tmp_path_factory.mktemp("small") / "corpus")


@pytest.fixture(scope="session")
def small_index_dir(tmp_path_factory: pytest.TempPathFactory, small_corpus: Path) -> Path:
    """An index built once per session from the small corpus (copy it before damaging it)."""
    from assistant.indexing import ensure_index

    directory = tmp_path_factory.mktemp("small-index")
    ensure_index(load_corpus(small_corpus), directory)
    return directory


@pytest.fixture()
def small_corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the small corpus."""
    return _copy_small_corpus(tmp_path / "small-corpus")


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
