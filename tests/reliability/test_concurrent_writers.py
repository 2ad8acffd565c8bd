"""N processes change one session or one bookmarks file at once: every change is kept, every process exits 0."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from assistant.corpus.store import load_corpus
from assistant.indexing import ensure_index, index_status
from tests.reliability.conftest import TALLY, all_ok, dla, fault, finish, new_session, spawn

WRITERS = 8


def test_concurrent_checklist_track_keeps_every_change() -> None:
    store, findings = new_session("team")
    # Half the writers change different items, half change different fields of one item.
    changes = [[findings[i], "--owner", f"owner-{i}"] for i in range(WRITERS // 2)]
    changes += [
        [findings[WRITERS], "--status", "done"],
        [findings[WRITERS], "--owner", "legal"],
        [findings[WRITERS], "--due", "2027-01-31"],
        [findings[WRITERS], "--notes", "ask the DPO"],
    ]
    processes = [spawn(["-m", "assistant", "checklist", "track", "team", *change]) for change in changes]
    results = finish(processes)
    assert all_ok(results), results
    session = store.load("team")
    for i in range(WRITERS // 2):
        assert session.tracking[findings[i]].owner == f"owner-{i}"
    shared = session.tracking[findings[WRITERS]]
    assert (shared.status, shared.owner, shared.due, shared.notes) == ("done", "legal", "2027-01-31", "ask the DPO")
    assert session.revision == 1 + len(changes)
    TALLY["changes checked"] += len(changes)


_WRITER = """
import sys
from pathlib import Path
from assistant.checklist.sessions import SessionStore
store = SessionStore(Path(sys.argv[1]))
worker, rounds, findings = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
for round_ in range(rounds):
    finding = findings[(worker * rounds + round_) % len(findings)]
    if round_ % 2:
        store.update("load", lambda s: s.track(finding, notes=f"w{worker} r{round_}"))
    else:  # the way the TUI saves: a copy read earlier, changed, then saved (merged, never overwriting)
        session = store.load("load")
        session.answer(f"q_{worker}_{round_}", True)
        store.save(session)
"""


def test_many_writers_mixing_locked_updates_and_stale_copies_lose_nothing() -> None:
    store, findings = new_session("load")
    rounds = 6
    processes = [
        spawn(["-c", _WRITER, str(store.folder), str(worker), str(rounds), *findings[: WRITERS * rounds]])
        for worker in range(WRITERS)
    ]
    results = finish(processes)
    assert all_ok(results), results
    session = store.load("load")
    for worker in range(WRITERS):
        for round_ in range(rounds):
            if round_ % 2:
                finding = findings[(worker * rounds + round_) % len(findings)]
                assert session.tracking[finding].notes == f"w{worker} r{round_}"
            else:
                assert session.answers[f"q_{worker}_{round_}"] is True
    assert session.revision == 1 + WRITERS * rounds
    TALLY["changes checked"] += WRITERS * rounds


def test_concurrent_checklist_run_with_session_keeps_every_answer(tmp_path: Path) -> None:
    store, _ = new_session("runs")
    questions = ["operates_in_shenzhen", "is_public_institution", "processes_personal_data", "processes_important_data"]
    processes = []
    for question in questions:
        answers = tmp_path / f"{question}.yaml"
        answers.write_text(f"{question}: true\n", encoding="utf-8")
        processes.append(
            spawn(
                [
                    "-m",
                    "assistant",
                    "checklist",
                    "run",
                    "--session",
                    "runs",
                    "--answers",
                    str(answers),
                    "--format",
                    "json",
                ]
            )
        )
    results = finish(processes)
    assert all_ok(results), results
    assert store.load("runs").answers == dict.fromkeys(questions, True)
    TALLY["changes checked"] += len(questions)


_BOOKMARKER = """
import sys
from pathlib import Path
from assistant.bookmarks import BookmarkStore
store = BookmarkStore(Path(sys.argv[1]))
for citation in sys.argv[2:]:
    store.add(citation)
"""


def test_concurrent_bookmark_writers_keep_every_bookmark(tmp_path: Path) -> None:
    per_writer = 5
    processes = [
        spawn(["-c", _BOOKMARKER, str(tmp_path), *(f"dsl:{w * per_writer + i + 1}" for i in range(per_writer))])
        for w in range(WRITERS)
    ]
    results = finish(processes)
    assert all_ok(results), results
    saved = json.loads((tmp_path / "bookmarks.json").read_text(encoding="utf-8"))["bookmarks"]
    assert sorted(entry["id"] for entry in saved) == sorted(f"dsl:{n}" for n in range(1, WRITERS * per_writer + 1))
    TALLY["changes checked"] += WRITERS * per_writer


def test_concurrent_exports_to_one_file_leave_one_complete_version(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("operates_in_shenzhen: true\nprocesses_personal_data: true\n", encoding="utf-8")
    out = tmp_path / "export.md"
    code, expected, err = dla("checklist", "run", "--answers", str(answers), "--date", "2026-01-01")
    assert code == 0, err
    processes = [
        spawn(
            [
                "-m",
                "assistant",
                "checklist",
                "run",
                "--answers",
                str(answers),
                "--date",
                "2026-01-01",
                "--out",
                str(out),
            ]
        )
        for _ in range(WRITERS)
    ]
    assert all_ok(finish(processes))
    assert out.read_text(encoding="utf-8") == expected
    assert sorted(os.listdir(tmp_path)) == ["answers.yaml", "export.md"]  # no temp file left


def test_two_index_builds_at_once_both_succeed_and_one_build_remains(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mini_corpus: Path
) -> None:
    # The mini corpus: the lock and the reuse of a finished build are the same for any corpus.
    root = tmp_path / "index"
    monkeypatch.setenv("DLA_INDEX_DIR", str(root))
    monkeypatch.setenv("DLA_CORPUS", str(mini_corpus))
    fault("concurrent index build")
    results = finish([spawn(["-m", "assistant", "index", "build"]) for _ in range(3)], timeout=120)
    assert all_ok(results), results
    assert len(list(root.glob("dla-build-*"))) == 1  # the others waited, then reused the first's result
    assert index_status(mini_corpus, root) == "ok"
    corpus = load_corpus(mini_corpus)
    with ensure_index(corpus, root).whoosh_index.searcher() as searcher:  # and it holds every article
        assert searcher.doc_count() == sum(1 for _ in corpus.all_articles())
