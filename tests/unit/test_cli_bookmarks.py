"""`dla bookmarks` and the reading list: the TUI's bookmarks from the command line, through the one service."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from assistant.bookmarks import BookmarkStore
from assistant.corpus.store import Corpus
from assistant.status_labels import status_warning
from tests.unit.test_cli_corpus import run_cli


def _data_dir() -> Path:
    return Path(os.environ["DLA_DATA_DIR"])


def test_add_list_and_remove_share_the_tui_s_file(capsys: pytest.CaptureFixture[str], corpus: Corpus) -> None:
    code, out, _ = run_cli(
        capsys, "bookmarks", "add", "dsl:27", "数据安全法第二十一条", "Shenzhen Data Regulations Art. 10"
    )
    assert code == 0 and out.splitlines() == ["bookmarked dsl:27", "bookmarked dsl:21", "bookmarked shenzhen:10"]
    assert BookmarkStore(_data_dir(), corpus).ids() == ["dsl:27", "dsl:21", "shenzhen:10"]  # what the TUI reads
    code, out, _ = run_cli(capsys, "bookmarks", "list", "--json")
    listed = json.loads(out)
    assert [row["id"] for row in listed] == ["dsl:27", "dsl:21", "shenzhen:10"]
    assert listed[0]["citation_zh"] == "《数据安全法》第二十七条" and listed[0]["citation_en"] == "DSL Art. 27"
    code, out, err = run_cli(capsys, "bookmarks", "remove", "数据安全法第二十一条", "dsl:3")
    assert code != 0 and "removed: dsl:21" in out and "not bookmarked: dsl:3" in err
    code, out, _ = run_cli(capsys, "bookmarks", "list")
    assert code == 0 and [line.split()[0] for line in out.splitlines()] == ["dsl:27", "shenzhen:10"]


def test_a_citation_that_does_not_exist_changes_nothing(capsys: pytest.CaptureFixture[str], corpus: Corpus) -> None:
    run_cli(capsys, "bookmarks", "add", "dsl:27")
    code, out, err = run_cli(capsys, "bookmarks", "add", "dsl:21", "dsl:99")
    assert code != 0 and "dsl:99" in err and "Traceback" not in err and not out
    assert BookmarkStore(_data_dir(), corpus).ids() == ["dsl:27"]  # dsl:21 was not added either


def test_a_corrupt_bookmarks_file_is_reported_and_kept_aside(capsys: pytest.CaptureFixture[str]) -> None:
    _data_dir().mkdir(parents=True, exist_ok=True)
    (_data_dir() / "bookmarks.json").write_text("{not json", encoding="utf-8")
    code, out, err = run_cli(capsys, "bookmarks", "list")
    assert code == 0 and "unreadable" in err and "No bookmarks" in out
    assert [p.name for p in _data_dir().iterdir() if p.name.startswith("bookmarks.json.corrupt-")]


def test_export_is_a_reading_list_with_the_notice_the_text_status_and_the_exact_wording(
    capsys: pytest.CaptureFixture[str], corpus: Corpus, tmp_path: Path
) -> None:
    unverified = next(a for a in corpus.all_articles() if a.text_status != "cross-checked")
    run_cli(capsys, "bookmarks", "add", "dsl:27", unverified.id)
    out_file = tmp_path / "list.md"
    code, _, err = run_cli(capsys, "bookmarks", "export", "--out", str(out_file), "--title", "Due diligence")
    assert code == 0 and "wrote" in err
    text = out_file.read_text(encoding="utf-8")
    tokens = MarkdownIt().parse(text)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == [
        "Due diligence",
        "《数据安全法》第二十七条 / DSL Art. 27",
        f"{corpus.cite_zh(unverified.id)} / {corpus.cite_en(unverified.id)}",
    ]
    assert "Legal information, not legal advice." in text and "不构成法律意见" in text
    # Every paragraph of the Chinese is quoted as it stands (Markdown renders the escapes as the same text).
    rendered = MarkdownIt().render(text)
    for paragraph in corpus.text_of("dsl:27", "zh").split("\n"):  # type: ignore[union-attr]
        assert paragraph in rendered
    warning = status_warning(unverified.text_status, unverified.status_note)
    assert warning and f"Text status: {unverified.text_status}" in text
    assert "Text status" not in text.split("## 《数据安全法》第二十七条")[1].split("\n## ")[0]  # cross-checked: none


def test_an_unwritable_export_path_writes_nothing_and_keeps_what_is_there(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run_cli(capsys, "bookmarks", "add", "dsl:27")
    code, _, err = run_cli(capsys, "bookmarks", "export", "--out", str(tmp_path / "no" / "such" / "dir" / "x.md"))
    assert code != 0 and "nothing was written" in err and "Traceback" not in err
    folder = tmp_path / "a-folder"
    folder.mkdir()
    code, _, err = run_cli(capsys, "bookmarks", "export", "--out", str(folder))
    assert code != 0 and folder.is_dir() and "Traceback" not in err


def test_export_with_no_bookmarks_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "bookmarks", "export")
    assert code != 0 and "no bookmarks" in err and not out


def test_a_bookmark_the_corpus_no_longer_holds_is_listed_as_such_and_can_be_removed(
    capsys: pytest.CaptureFixture[str], corpus: Corpus
) -> None:
    _data_dir().mkdir(parents=True, exist_ok=True)
    stale = {
        "version": 1,
        "bookmarks": [
            {"id": "dsl:27", "added": "2026-01-01T00:00:00+00:00"},
            {"id": "dsl:56", "added": "2026-01-02T00:00:00+00:00"},
        ],
    }
    (_data_dir() / "bookmarks.json").write_text(json.dumps(stale), encoding="utf-8")
    code, out, _ = run_cli(capsys, "bookmarks", "list")
    assert code == 0 and "dsl:56" in out and "no longer in the corpus" in out
    listed = json.loads(run_cli(capsys, "bookmarks", "list", "--json")[1])
    assert [(row["id"], row["exists"]) for row in listed] == [("dsl:27", True), ("dsl:56", False)]
    code, out, _ = run_cli(capsys, "bookmarks", "remove", "dsl:56")
    assert code == 0 and BookmarkStore(_data_dir(), None).ids() == ["dsl:27"]
