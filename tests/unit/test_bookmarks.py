"""Bookmarks: validated against the corpus, persisted atomically, corrupt files moved aside and reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.bookmarks import BOOKMARKS_FILE, BookmarkStore, parse_bookmarks
from assistant.corpus.store import Corpus
from assistant.models import CitationError


def test_added_bookmarks_are_listed_in_order_and_survive_a_new_store(tmp_path: Path, corpus: Corpus) -> None:
    store = BookmarkStore(tmp_path, corpus)
    store.add("dsl:27")
    store.add("blockchain:8")
    store.add("shenzhen:10.1.3")

    reopened = BookmarkStore(tmp_path, corpus)

    assert reopened.ids() == ["dsl:27", "blockchain:8", "shenzhen:10.1.3"]
    assert reopened.load_problem is None
    assert "dsl:27" in reopened and "dsl:28" not in reopened


def test_adding_a_bookmark_twice_keeps_one(tmp_path: Path, corpus: Corpus) -> None:
    store = BookmarkStore(tmp_path, corpus)
    first = store.add("dsl:27")
    again = store.add(" dsl:27 ")

    assert again == first
    assert store.ids() == ["dsl:27"]


def test_removing_a_bookmark_persists_and_reports_whether_it_existed(tmp_path: Path, corpus: Corpus) -> None:
    store = BookmarkStore(tmp_path, corpus)
    store.add("dsl:27")
    store.add("dsl:45")

    assert store.remove("dsl:27") is True
    assert store.remove("dsl:27") is False
    assert store.remove("not a citation") is False
    assert BookmarkStore(tmp_path, corpus).ids() == ["dsl:45"]


def test_toggle_adds_then_removes(tmp_path: Path, corpus: Corpus) -> None:
    store = BookmarkStore(tmp_path, corpus)

    assert store.toggle("dsl:27") is True
    assert store.toggle("dsl:27") is False
    assert store.ids() == []


@pytest.mark.parametrize("citation", ["dsl:999", "nolaw:1", "dsl:27.9", "27", "dsl:0"])
def test_a_citation_that_names_nothing_is_refused_and_nothing_is_written(
    tmp_path: Path, corpus: Corpus, citation: str
) -> None:
    store = BookmarkStore(tmp_path, corpus)

    with pytest.raises(CitationError):
        store.add(citation)
    assert not (tmp_path / BOOKMARKS_FILE).exists()


def test_the_file_is_versioned_json_readable_by_people(tmp_path: Path, corpus: Corpus) -> None:
    BookmarkStore(tmp_path, corpus).add("dsl:27")

    data = json.loads((tmp_path / BOOKMARKS_FILE).read_text(encoding="utf-8"))

    assert data["version"] == 1
    assert [entry["id"] for entry in data["bookmarks"]] == ["dsl:27"]
    assert data["bookmarks"][0]["added"].endswith("+00:00")


def test_a_missing_data_directory_is_created_on_first_save(tmp_path: Path, corpus: Corpus) -> None:
    store = BookmarkStore(tmp_path / "deeper" / "dla", corpus)
    store.add("dsl:27")

    assert (tmp_path / "deeper" / "dla" / BOOKMARKS_FILE).exists()


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "[]",
        '{"version": 1}',
        '{"version": 99, "bookmarks": []}',
        '{"version": 1, "bookmarks": [{"id": "not a citation"}]}',
        '{"version": 1, "bookmarks": [42]}',
    ],
)
def test_a_corrupt_file_is_moved_aside_with_a_clear_message(tmp_path: Path, corpus: Corpus, content: str) -> None:
    (tmp_path / BOOKMARKS_FILE).write_text(content, encoding="utf-8")

    store = BookmarkStore(tmp_path, corpus)

    assert store.ids() == []
    assert store.load_problem is not None
    assert "unreadable" in store.load_problem and "moved to" in store.load_problem
    moved = list(tmp_path.glob(f"{BOOKMARKS_FILE}.corrupt-*"))
    assert len(moved) == 1
    assert moved[0].read_text(encoding="utf-8") == content  # kept byte for byte, not lost
    assert not (tmp_path / BOOKMARKS_FILE).exists()


def test_after_a_corrupt_file_new_bookmarks_are_saved_normally(tmp_path: Path, corpus: Corpus) -> None:
    (tmp_path / BOOKMARKS_FILE).write_text("garbage", encoding="utf-8")
    store = BookmarkStore(tmp_path, corpus)
    store.add("dsl:27")

    reopened = BookmarkStore(tmp_path, corpus)

    assert reopened.ids() == ["dsl:27"]
    assert reopened.load_problem is None


def test_a_bookmark_whose_article_left_the_corpus_is_kept(tmp_path: Path, corpus: Corpus) -> None:
    (tmp_path / BOOKMARKS_FILE).write_text(
        '{"version": 1, "bookmarks": [{"id": "dsl:999", "added": ""}]}', encoding="utf-8"
    )

    store = BookmarkStore(tmp_path, corpus)

    assert store.ids() == ["dsl:999"]  # shown as missing by the front ends, never dropped silently
    assert store.load_problem is None


def test_a_failed_write_leaves_the_old_file_and_the_store_unchanged(
    tmp_path: Path, corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = BookmarkStore(tmp_path, corpus)
    store.add("dsl:27")
    before = (tmp_path / BOOKMARKS_FILE).read_text(encoding="utf-8")

    def failing_replace(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("assistant.atomic.os.replace", failing_replace)
    with pytest.raises(OSError):
        store.add("dsl:45")

    assert store.ids() == ["dsl:27"]
    assert (tmp_path / BOOKMARKS_FILE).read_text(encoding="utf-8") == before
    # no temp file left behind (the lock file `.bookmarks.json.lock` is the locking library's, kept on purpose)
    assert [p.name for p in tmp_path.iterdir() if p.name != ".bookmarks.json.lock"] == [BOOKMARKS_FILE]


def test_parse_bookmarks_canonicalises_ids() -> None:
    bookmarks = parse_bookmarks('{"version": 1, "bookmarks": [{"id": " dsl:27.2 ", "added": "x"}]}')

    assert [b.id for b in bookmarks] == ["dsl:27.2"]


def test_two_open_stores_keep_each_others_bookmarks(tmp_path: Path, corpus: Corpus) -> None:
    first, second = BookmarkStore(tmp_path, corpus), BookmarkStore(tmp_path, corpus)
    first.add("dsl:27")
    second.add("blockchain:8")  # second never saw dsl:27 in memory: it must not write it away
    first.add("shenzhen:82")

    assert BookmarkStore(tmp_path, corpus).ids() == ["dsl:27", "blockchain:8", "shenzhen:82"]
    assert second.ids() == ["dsl:27", "blockchain:8", "shenzhen:82"]  # picks up the other's changes

    second.remove("dsl:27")
    assert first.ids() == ["blockchain:8", "shenzhen:82"]
    assert "dsl:27" not in first


def test_a_file_corrupted_while_open_is_moved_aside_and_the_open_bookmarks_kept(tmp_path: Path, corpus: Corpus) -> None:
    store = BookmarkStore(tmp_path, corpus)
    store.add("dsl:27")
    (tmp_path / BOOKMARKS_FILE).write_text("{garbage", encoding="utf-8")

    store.add("dsl:30")

    assert store.load_problem is not None and "keeping the bookmarks already open" in store.load_problem
    assert BookmarkStore(tmp_path, corpus).ids() == ["dsl:27", "dsl:30"]
    assert [p.read_text(encoding="utf-8") for p in tmp_path.glob(f"{BOOKMARKS_FILE}.corrupt-*")] == ["{garbage"]
