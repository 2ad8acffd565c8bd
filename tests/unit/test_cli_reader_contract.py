"""`dla show` and `dla corpus export` carry validity and dates; show takes every citation form search takes;
exit codes follow the README; an unknown law id gets a close suggestion."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli.main import main
from assistant.errors import EXIT_OK, EXIT_USAGE

LAW_INFO_KEYS = {
    "status",
    "status_zh",
    "status_en",
    "level",
    "level_zh",
    "effective",
    "promulgated",
    "issuing_body_zh",
    "issuing_body_en",
    "document_number",
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_show_prints_validity_dates_issuer_and_number(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "dsl:27", "--lang", "zh")
    assert code == EXIT_OK
    assert "现行有效 in force" in out and "法律 law" in out
    assert "effective 2021-09-01" in out and "promulgated 2021-06-10" in out
    assert "全国人民代表大会常务委员会 · 中华人民共和国主席令第八十四号" in out


def test_show_json_has_a_law_info_object(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "shenzhen:1", "--json")
    data = json.loads(out)
    assert code == EXIT_OK and data["law"] == "shenzhen"  # the id stays a string: scripts read it
    info = data["law_info"]
    assert set(info) >= LAW_INFO_KEYS
    assert info["status_zh"] == "现行有效" and info["level_zh"] == "经济特区法规"
    assert info["effective"] == "2022-01-01" and info["document_number"] is None


def test_corpus_export_carries_the_law_info_on_every_record(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "corpus", "export", "--jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == EXIT_OK and records
    assert all(set(record["law_info"]) >= LAW_INFO_KEYS for record in records)
    assert {record["law_info"]["level"] for record in records} >= {"law", "departmental rule"}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("数据安全法第三十六条", "dsl:36"),
        ("数安法27条", "dsl:27"),
        ("DSL Art. 27(2)", "dsl:27.2"),
        ("《深圳经济特区数据条例》第十条第一款第三项", "shenzhen:10.1.3"),
        ("dsl:27.2", "dsl:27.2"),
    ],
)
def test_show_accepts_every_citation_form_search_accepts(
    capsys: pytest.CaptureFixture[str], typed: str, expected: str
) -> None:
    code, out, _ = run(capsys, "show", typed, "--json")
    assert code == EXIT_OK
    assert json.loads(out)["id"] == expected


def test_an_unknown_law_id_suggests_the_closest_law(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", "dls:27")
    assert code == EXIT_USAGE
    assert "Did you mean: dsl:27?" in err
    assert "blockchain:1" not in err


def test_an_article_that_does_not_exist_exits_2_for_show_and_for_search(
    capsys: pytest.CaptureFixture[str], built_index_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DLA_INDEX_DIR", str(built_index_dir))
    show_code, _, show_err = run(capsys, "show", "dsl:99")
    search_code, _, search_err = run(capsys, "search", "dsl:99")
    assert show_code == search_code == EXIT_USAGE
    assert "DSL has articles 1-55" in show_err and "DSL has articles 1-55" in search_err
    words_code, _, _ = run(capsys, "search", "重要数据")
    fallback_code, out, _ = run(capsys, "search", "dsl:27.9")  # a missing paragraph falls back to its article
    assert words_code == fallback_code == EXIT_OK and "dsl:27" in out
