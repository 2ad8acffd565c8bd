"""Hostile and broken inputs: bombs, nesting, oversized and odd files, bad paths; each gets a clear message and code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli.main import main
from assistant.corpus.statute_parser import parse_statute
from assistant.numerals import int_to_chinese
from tests.reliability.conftest import TALLY, dla, fault, no_traceback

# Speed is for `make bench`; here a bomb, an endless input or a huge query must not hang: a test that runs
# this long has failed (pytest-timeout), while a slow machine or a busy CI runner stays far inside it.
HANG_GUARD_SECONDS = 120

ALIAS_BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{','.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)
)


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """The CLI in this process (fast); (exit code, stderr)."""
    TALLY["cli runs in process"] += 1
    code = main(list(args))
    return code, capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("brackets.yaml", "[" * 50_000, "deep.*:1: nested deeper than"),
        ("nested-map.yaml", "".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "x", ":4\\d: nested"),
        ("alias-bomb.yaml", ALIAS_BOMB, "alias-bomb.yaml:\\d: expands to more than"),
        ("big.yaml", "# padding\n" * 200_000, "larger than 1024 KiB"),
        ("latin1.yaml", "operates_in_shenzhen: true\n# caf\xe9\n", "latin1.yaml:2: answers file is not UTF-8"),
        ("tags.yaml", "x: !!python/object/apply:os.system ['true']\n", "tags.yaml:1: not valid YAML"),
    ],
)
@pytest.mark.timeout(HANG_GUARD_SECONDS)
def test_hostile_answers_files_are_refused_fast_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str, expected: str
) -> None:
    path = tmp_path / name.replace("brackets", "deep")
    path.write_bytes(content.encode("latin-1") if name.startswith("latin1") else content.encode("utf-8"))
    fault(f"hostile answers: {name}")
    code, err = _cli(capsys, "checklist", "run", "--answers", str(path))
    assert code == 2 and no_traceback(err)
    import re

    assert re.search(expected, err), err


@pytest.mark.timeout(HANG_GUARD_SECONDS)
def test_answers_from_dev_zero_and_an_endless_stdin_are_bounded() -> None:
    fault("endless input", 2)
    code, _, err = dla("checklist", "run", "--answers", "/dev/zero")
    assert code == 2 and "larger than" in err and no_traceback(err)
    with open("/dev/zero", "rb") as zeros:
        import subprocess
        import sys

        from tests.conftest import PROJECT

        TALLY["processes"] += 1
        done = subprocess.run(
            [sys.executable, "-m", "assistant", "checklist", "run", "--answers", "-"],
            stdin=zeros,
            capture_output=True,
            text=True,
            cwd=PROJECT,
            timeout=30,
        )
    assert done.returncode == 2 and "larger than" in done.stderr


@pytest.mark.parametrize(
    "content",
    ["[" * 100_000, json.dumps({"version": 1, "bookmarks": []}) + " " * (2 << 20), "\xff\xfe not utf-8"],
    ids=["deep", "oversized", "not-utf8"],
)
def test_hostile_bookmarks_files_never_crash_and_never_lose_the_file(tmp_path: Path, content: str) -> None:
    from assistant.bookmarks import BookmarkStore, BookmarksUnreadableError

    path = tmp_path / "bookmarks.json"
    path.write_bytes(content.encode("latin-1"))
    fault("hostile bookmarks")
    store = BookmarkStore(tmp_path)
    assert store.load_problem is not None
    try:
        store.add("dsl:1")
    except BookmarksUnreadableError:
        assert path.read_bytes() == content.encode("latin-1")  # oversized: refused, left as it is
    else:
        kept = list(tmp_path.glob("bookmarks.json.corrupt-*"))  # corrupt: moved aside, then the change saved
        assert len(kept) == 1 and kept[0].read_bytes() == content.encode("latin-1")


@pytest.mark.parametrize(
    "content", ["[" * 100_000, "{}" + " " * (2 << 20), "\xff\xfe", "null"], ids=["deep", "oversized", "latin1", "null"]
)
def test_hostile_session_files_are_refused_with_exit_2(
    capsys: pytest.CaptureFixture[str], content: str, tmp_path: Path
) -> None:
    from assistant.paths import user_data_dir

    folder = user_data_dir() / "sessions"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "evil.json").write_bytes(content.encode("latin-1"))
    fault("hostile session")
    code, err = _cli(capsys, "checklist", "track", "evil", "x", "--status", "done")
    assert code == 2 and "evil.json" in err and no_traceback(err)
    assert (folder / "evil.json").read_bytes() == content.encode("latin-1")


def _known_causes(tmp: Path) -> list[tuple[str, list[str], dict[str, str], int, str]]:
    """(name, argv, environment, expected exit code, expected words): causes that once reached the catch-all."""
    a_file = tmp / "a-file"
    a_file.write_text("x", encoding="utf-8")
    deep_json = tmp / "deep.json"
    deep_json.write_text("[" * 100_000, encoding="utf-8")
    answers = tmp / "answers.yaml"
    answers.write_text("operates_in_shenzhen: true\n", encoding="utf-8")
    source = tmp / "law.txt"
    source.write_text("某法\n\n第一条 条文。\n", encoding="utf-8")
    latin = tmp / "latin.txt"
    latin.write_bytes("某法\n".encode("gbk"))
    return [
        ("answers is a folder", ["checklist", "run", "--answers", str(tmp)], {}, 2, "Is a directory"),
        ("answers missing", ["checklist", "run", "--answers", str(tmp / "none")], {}, 2, "No such file"),
        (
            "export into a file",
            ["checklist", "run", "--answers", str(answers), "--out", f"{a_file}/x.md"],
            {},
            1,
            "Not a directory",
        ),
        ("export to a folder", ["checklist", "run", "--answers", str(answers), "--out", str(tmp)], {}, 1, "directory"),
        ("data dir is a file", ["checklist", "track", "s", "x"], {"DLA_DATA_DIR": str(a_file)}, 1, "cannot lock"),
        (
            "data dir under a file",
            ["checklist", "run", "--answers", str(answers), "--session", "s"],
            {"DLA_DATA_DIR": f"{a_file}/sub"},
            1,
            "Not a directory",
        ),
        ("index dir is a file", ["search", "data"], {"DLA_INDEX_DIR": str(a_file)}, 2, "a-file"),
        ("corpus missing", ["show", "dsl:1"], {"DLA_CORPUS": str(tmp / "none")}, 2, "no laws/ folder"),
        ("corpus is a file", ["show", "dsl:1"], {"DLA_CORPUS": str(a_file)}, 2, "a-file"),
        (
            "provenance nested",
            ["corpus", "add", str(source), "--id", "x1", "--provenance", str(deep_json)],
            {},
            2,
            "deep.json",
        ),
        (
            "provenance is a folder",
            ["corpus", "add", str(source), "--id", "x2", "--provenance", str(tmp)],
            {},
            2,
            "cannot read",
        ),
        ("statute not UTF-8", ["corpus", "add", str(latin), "--id", "x3"], {}, 2, "not UTF-8"),
        ("statute is a folder", ["corpus", "add", str(tmp), "--id", "x4"], {}, 2, "Is a directory"),
        ("queries endless", ["search", "--queries", "/dev/zero"], {}, 2, "larger than"),
        ("queries is a folder", ["search", "--queries", str(tmp)], {}, 2, "Is a directory"),
        ("queries not UTF-8", ["search", "--queries", str(latin)], {}, 2, "not UTF-8"),
        ("sources is a file", ["corpus", "verify", "--sources", str(a_file)], {}, 2, "not found"),
        (
            "unknown checklist",
            ["checklist", "run", "--checklist", "nope", "--answers", str(answers)],
            {},
            2,
            "unknown checklist",
        ),
        ("unknown session", ["checklist", "track", "nobody", "x", "--status", "done"], {}, 2, "no session"),
        ("bad session name", ["checklist", "track", "../etc/passwd", "x"], {}, 2, "session name"),
        ("bad citation", ["show", "dsl:" + "9" * 30], {}, 2, "not a citation"),
        ("bad law id", ["corpus", "add", str(source), "--id", "../x"], {}, 2, "law id"),
    ]


def test_each_known_cause_has_its_own_message_and_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, corpus_copy: Path
) -> None:
    monkeypatch.setenv("DLA_CORPUS", str(corpus_copy))  # `corpus add` cases write into a copy
    causes = _known_causes(tmp_path)
    for name, argv, environment, expected_code, words in causes:
        with monkeypatch.context() as patch:
            for key, value in environment.items():
                patch.setenv(key, value)
            fault(f"known cause: {name}")
            code, err = _cli(capsys, *argv)
        assert no_traceback(err), (name, err)
        assert (code, words in err) == (expected_code, True), (name, code, err)
    TALLY["known causes checked"] += len(causes)


def test_a_statute_with_more_than_999_articles_keeps_every_article() -> None:
    text = "某某法典\n\n" + "\n\n".join(f"第{int_to_chinese(n)}条 第{n}条的内容。" for n in range(1, 1262))
    parsed = parse_statute(text, "code.txt")
    assert [a.number for a in parsed.articles] == list(range(1, 1262))
    assert parsed.articles[999].paragraphs[0].text == "第1000条的内容。"


@pytest.mark.timeout(HANG_GUARD_SECONDS)
def test_a_megabyte_query_is_shortened_answered_fast_and_said(service: object) -> None:
    from assistant.service import AssistantService

    assert isinstance(service, AssistantService)
    service.search("数据")  # open the index first: only the query is timed
    fault("1 MB query")
    results = service.search("个人信息处理者 " * 130_000)
    assert any("shortened" in message for message in results.messages)
