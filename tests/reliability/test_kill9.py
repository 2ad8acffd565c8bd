"""`kill -9` in loops, mid-write: files stay whole (old or new version), locks never stay stuck, builds recover."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import time
from pathlib import Path

from assistant.checklist.sessions import ChecklistSession, SessionStore
from assistant.corpus.store import load_corpus
from assistant.indexing import ensure_build, index_status
from assistant.indexing.build import LOCK_TARGET
from assistant.locking import locked
from tests.conftest import CORPUS
from tests.reliability.conftest import TALLY, fault, spawn

LOOPS = 5

_SESSION_WRITER = """
import sys
from pathlib import Path
from assistant.checklist.sessions import SessionStore
store = SessionStore(Path(sys.argv[1]))
n = 0
while True:
    n += 1
    store.update("victim", lambda s: s.track("item", notes="x" * (n % 5000)))
    if n == 1:
        print("ready", flush=True)
"""

_FILE_WRITER = """
import sys
from assistant.atomic import write_text_atomic
print("ready", flush=True)
n = 0
while True:
    n += 1
    write_text_atomic(sys.argv[1], (sys.argv[2] if n % 2 else sys.argv[3]) * 200_000)
"""


def _wait_ready(process: object) -> None:
    assert process.stdout is not None  # type: ignore[attr-defined]
    assert process.stdout.readline().strip() == "ready"  # type: ignore[attr-defined]


def _kill(process: object, rng: random.Random) -> None:
    time.sleep(rng.uniform(0.05, 0.3))
    os.kill(process.pid, signal.SIGKILL)  # type: ignore[attr-defined]
    process.wait(timeout=30)  # type: ignore[attr-defined]
    fault("kill -9")


def test_killing_session_writers_never_leaves_a_broken_or_locked_session(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    store.save(ChecklistSession("victim", "data-compliance", 1))
    rng = random.Random(9)
    last_revision = 0
    for _ in range(LOOPS):
        writer = spawn(["-c", _SESSION_WRITER, str(tmp_path)], capture=True)
        _wait_ready(writer)
        _kill(writer, rng)
        session = store.load("victim")  # whole and valid
        assert session.revision > last_revision
        last_revision = session.revision
        store.update("victim", lambda s: s.track("item", owner="after the kill"))  # the lock was released by the kill
    TALLY["session revisions written under kill -9"] += last_revision


def test_killing_an_exporter_leaves_one_whole_version(tmp_path: Path) -> None:
    out = tmp_path / "export.md"
    rng = random.Random(6)
    for _ in range(LOOPS):
        writer = spawn(["-c", _FILE_WRITER, str(out), "A", "B"], capture=True)
        _wait_ready(writer)
        _kill(writer, rng)
        if out.exists():
            assert out.read_text(encoding="utf-8") in ("A" * 200_000, "B" * 200_000)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "export.md"]
    assert all(name.startswith(".export.md.") and name.endswith(".tmp") for name in leftovers)  # hidden temps only


_BUILDER = """
import sys
from pathlib import Path
from assistant.corpus.store import load_corpus
from assistant.indexing import build_index
corpus = load_corpus(Path(sys.argv[1]))
print("ready", flush=True)
build_index(corpus, Path(sys.argv[2]))
"""


def test_killing_a_build_mid_way_leaves_the_old_build_serving_and_no_stuck_lock(
    built_index_dir: Path, tmp_path: Path
) -> None:
    root = tmp_path / "index"
    shutil.copytree(built_index_dir, root)
    rng = random.Random(12)
    for _ in range(2):
        builder = spawn(["-c", _BUILDER, str(CORPUS), str(root)], capture=True)
        _wait_ready(builder)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and len(list(root.glob("dla-build-*"))) < 2:
            time.sleep(0.02)  # wait until the new build folder is being written
        _kill(builder, rng)
        assert index_status(CORPUS, root) == "ok"  # CURRENT still names the old, whole build
    with locked(root / LOCK_TARGET, timeout=0):  # one try, no wait: the dead builder's lock is gone
        pass
    build = ensure_build(load_corpus(CORPUS), root)
    manifest = json.loads((build.folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["articles"] == sum(len(law.articles) for law in load_corpus(CORPUS).laws.values())
