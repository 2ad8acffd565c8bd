"""User files are never lost: stale copies merge or are refused, copies save to themselves, odd targets are respected."""

from __future__ import annotations

import contextlib
import json
import os
import stat
import threading
from pathlib import Path

import pytest

from assistant import datafile
from assistant.bookmarks import BookmarkStore, BookmarksUnreadableError
from assistant.checklist.sessions import StaleSessionError
from assistant.corpus.store import Corpus
from assistant.service import AssistantService
from tests.reliability.conftest import dla, fault, new_session, no_traceback


def test_a_stale_in_memory_session_never_wipes_changes_made_meanwhile() -> None:
    store, findings = new_session("tui")
    in_tui = store.load("tui")  # the TUI's copy, read when its screen opened
    code, _, err = dla("checklist", "track", "tui", findings[0], "--status", "done")  # meanwhile, the CLI
    assert code == 0, err
    fault("stale copy")
    in_tui.track(findings[1], owner="me")
    store.save(in_tui)  # merged: both changes are kept, and the TUI's copy now shows the CLI's
    on_disk = store.load("tui")
    assert on_disk.tracking[findings[0]].status == "done" and on_disk.tracking[findings[1]].owner == "me"
    assert in_tui.tracking[findings[0]].status == "done"


def test_a_stale_save_with_an_expected_revision_is_refused_and_writes_nothing() -> None:
    store, findings = new_session("strict")
    copy = store.load("strict")
    store.update("strict", lambda s: s.track(findings[0], status="done"))
    before = (store.folder / "strict.json").read_bytes()
    copy.track(findings[2], status="done")
    with pytest.raises(StaleSessionError, match="changed since it was read"):
        store.save(copy, expected_revision=copy.revision)
    assert (store.folder / "strict.json").read_bytes() == before


def test_the_same_field_changed_on_both_sides_is_refused_not_overwritten() -> None:
    store, findings = new_session("clash")
    copy = store.load("clash")
    store.update("clash", lambda s: s.track(findings[0], owner="alice"))
    copy.track(findings[0], owner="bob")
    with pytest.raises(StaleSessionError, match="same place"):
        store.save(copy)
    assert store.load("clash").tracking[findings[0]].owner == "alice"
    assert store.reload(copy).tracking[findings[0]].owner == "alice"  # what the TUI shows after the refusal


def test_a_copied_session_file_is_saved_to_itself_not_to_the_original() -> None:
    store, findings = new_session("original")
    original = (store.folder / "original.json").read_bytes()
    (store.folder / "copy.json").write_bytes(original)  # the JSON inside still says "original"
    code, _, err = dla("checklist", "track", "copy", findings[0], "--status", "done")
    assert code == 0, err
    assert (store.folder / "original.json").read_bytes() == original
    assert store.load("copy").tracking[findings[0]].status == "done"


def test_an_unreadable_bookmarks_file_is_never_overwritten(
    tmp_path: Path, corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = BookmarkStore(tmp_path, corpus)
    for number in range(1, 6):
        store.add(f"dsl:{number}")
    saved = (tmp_path / "bookmarks.json").read_bytes()
    real_open = open

    def denied(path: object, *args: object, **kwargs: object) -> object:
        if str(path).endswith("bookmarks.json"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(datafile, "open", denied, raising=False)  # as chmod 000 does (tests may run as root)
    fault("permission denied")
    fresh = BookmarkStore(tmp_path, corpus)
    assert fresh.load_problem and "Permission denied" in fresh.load_problem
    with pytest.raises(BookmarksUnreadableError):
        fresh.add("dsl:27")
    with pytest.raises(BookmarksUnreadableError):
        store.add("dsl:27")  # an instance opened before the permissions changed refuses too
    monkeypatch.undo()
    assert (tmp_path / "bookmarks.json").read_bytes() == saved


def _answers(tmp_path: Path) -> Path:
    answers = tmp_path / "answers.yaml"
    answers.write_text("operates_in_shenzhen: true\n", encoding="utf-8")
    return answers


def test_out_through_a_symlink_writes_its_target_and_keeps_the_link_and_mode(tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(target)
    fault("symlink target")
    code, _, err = dla("checklist", "run", "--answers", str(_answers(tmp_path)), "--out", str(link))
    assert code == 0, err
    assert link.is_symlink() and link.resolve() == target
    assert target.read_text(encoding="utf-8").startswith("#")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_out_keeps_an_existing_files_mode(tmp_path: Path) -> None:
    out = tmp_path / "shared.md"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o664)
    code, _, err = dla("checklist", "run", "--answers", str(_answers(tmp_path)), "--out", str(out))
    assert code == 0, err
    assert stat.S_IMODE(out.stat().st_mode) == 0o664


def test_out_to_a_fifo_writes_into_it_and_leaves_it_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "to-pipe"
    link.symlink_to(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    fault("device path")
    try:
        code, _, err = dla("checklist", "run", "--answers", str(_answers(tmp_path)), "--out", str(link))
    finally:
        if stat.S_ISFIFO(fifo.stat().st_mode):  # a reader left waiting (the export went elsewhere) is released
            with contextlib.suppress(OSError):
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    reader.join(timeout=30)
    assert code == 0, err
    assert stat.S_ISFIFO(fifo.stat().st_mode) and link.is_symlink()
    assert received and received[0].startswith(b"#")


def test_out_to_a_folder_or_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    for out, expected in ((tmp_path, "directory"), (tmp_path / "no" / "such" / "x.md", "No such file")):
        fault("bad export path")
        code, _, err = dla("checklist", "run", "--answers", str(_answers(tmp_path)), "--out", str(out))
        assert code == 1 and expected in err and no_traceback(err)


def test_corpus_add_never_silently_replaces_an_instrument(
    tmp_path: Path, corpus_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "fake.zh.txt"
    source.write_text("假数据法\n\n第一条 这是一条假的条文。\n", encoding="utf-8")
    monkeypatch.setenv("DLA_CORPUS", str(corpus_copy))
    before = (corpus_copy / "laws" / "dsl" / "text.zh.yaml").read_bytes()
    code, _, err = dla("corpus", "add", str(source), "--id", "dsl")
    assert code == 2 and "already exists" in err and "--replace" in err
    code, _, err = dla("corpus", "add", str(source), "--id", "dsl", "--replace")
    assert code == 1 and "verified against its official source" in err
    assert (corpus_copy / "laws" / "dsl" / "text.zh.yaml").read_bytes() == before
    assert dla("corpus", "add", str(source), "--id", "mine")[0] == 0
    source.write_text("假数据法\n\n第一条 这是一条改过的假条文。\n", encoding="utf-8")
    assert dla("corpus", "add", str(source), "--id", "mine")[0] == 2
    code, _, err = dla("corpus", "add", str(source), "--id", "mine", "--replace")  # unverified: may be replaced
    assert code == 0, err


def test_a_session_file_that_breaks_the_schema_is_refused_with_its_name(capsys: pytest.CaptureFixture[str]) -> None:
    from assistant.cli.main import main

    store, findings = new_session("valid")
    good = json.loads((store.folder / "valid.json").read_text(encoding="utf-8"))
    broken = {
        "status": {**good, "tracking": {findings[0]: {"status": "finished"}}},
        "due": {**good, "tracking": {findings[0]: {"due": "tomorrow"}}},
        "answers": {**good, "answers": {"q": {"nested": True}}},
        "unknown key": {**good, "evil": 1},
        "version": {**good, "checklist": {"id": "data-compliance", "version": "1; rm -rf"}},
        "not an object": [1, 2, 3],
    }
    for case, data in broken.items():
        (store.folder / "bad.json").write_text(json.dumps(data), encoding="utf-8")
        fault("invalid session")
        code = main(["checklist", "track", "bad", findings[0], "--status", "done"])
        err = capsys.readouterr().err
        assert code == 2 and "bad.json" in err and "not a valid session" in err and no_traceback(err), case


def test_a_read_only_file_system_is_a_clear_error_and_loses_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from assistant import atomic
    from assistant.cli.main import main

    store, findings = new_session("ro")
    before = (store.folder / "ro.json").read_bytes()
    AssistantService().index_build()  # the index exists already; only the user's files are on the read-only mount
    real_open = os.open

    def read_only(path: object, flags: int, *args: object) -> int:
        if flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic.os, "open", read_only)  # as a read-only mount does (tests may run as root)
    fault("read-only file system", 2)
    code = main(["checklist", "track", "ro", findings[0], "--status", "done"])
    err = capsys.readouterr().err
    assert code == 1 and "Read-only file system" in err and "writable" in err and no_traceback(err)
    out = tmp_path / "export.md"
    code = main(["checklist", "run", "--answers", str(_answers(tmp_path)), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1 and "export.md" in err and no_traceback(err)
    monkeypatch.undo()
    assert (store.folder / "ro.json").read_bytes() == before and not out.exists()


def test_missing_data_and_index_folders_are_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.bookmarks import BookmarkStore

    data = tmp_path / "not" / "yet" / "there"
    monkeypatch.setenv("DLA_DATA_DIR", str(data))
    fault("missing folder")
    new_session("first")
    assert (data / "sessions" / "first.json").is_file()
    BookmarkStore(data).add("dsl:1")
    assert (data / "bookmarks.json").is_file()
