"""`dla show` and `dla corpus export|verify|add`: the contracts other tools rely on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.corpus.reconstruct import rebuild_source_text
from assistant.datafile import load_yaml
from tests.conftest import SOURCES, sources_available


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_export_has_every_article_with_the_contract_fields(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "corpus", "export", "--jsonl")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 317
    dsl27 = next(r for r in records if r["id"] == "dsl:27")
    assert dsl27["law"] == "dsl" and dsl27["article"] == 27
    assert dsl27["chapter"] == "第四章 数据安全保护义务" and dsl27["section"] is None
    assert len(dsl27["paragraphs_zh"]) == 2 and len(dsl27["paragraphs_en"]) == 2
    assert dsl27["text_status"] == "cross-checked"
    shenzhen_60 = next(r for r in records if r["id"] == "shenzhen:60")
    assert shenzhen_60["section"] == "第一节 一般规定" and shenzhen_60["chapter"] == "第四章 数据要素市场"
    assert sum(r["text_status"] == "unverified" for r in records if r["law"] == "blockchain") == 10


def test_show_both_languages_with_status_and_notice(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "show", "blockchain:8", "--lang", "both")
    assert code == 0
    assert "《区块链信息服务管理规定》第八条" in out and "Blockchain Provisions Art. 8" in out
    assert "UNVERIFIED" in out
    assert "unofficial translation" in out and "not legal advice" in out


def test_show_json_narrows_to_a_paragraph(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "show", "dsl:27.2", "--json")
    data = json.loads(out)
    assert code == 0 and data["id"] == "dsl:27.2" and data["citation_en"] == "DSL Art. 27(2)"
    assert data["text_zh"] == data["paragraphs_zh"][1]


@pytest.mark.parametrize("bad", ["dsl:72", "dsl:27.9", "gdpr:1", "nonsense", "dsl:27.2.1", "csl:1"])
def test_unknown_ids_exit_2_with_suggestions(capsys: pytest.CaptureFixture[str], bad: str) -> None:
    code, out, err = run_cli(capsys, "show", bad)
    assert code == 2 and out == ""
    assert err.startswith("dla: ") and "Traceback" not in err


def test_unknown_article_names_the_closest_valid_ids(capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = run_cli(capsys, "show", "dsl:72")
    assert "Did you mean: dsl:" in err


def test_verify_passes_on_the_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["corpus", "verify"] + (["--sources", str(SOURCES)] if sources_available() else [])
    code, out, err = run_cli(capsys, *args)
    assert code == 0, err
    assert out.startswith("corpus verify OK: 317 articles") and out.count("\n") == 1


def test_verify_fails_on_a_tampered_corpus(
    capsys: pytest.CaptureFixture[str], corpus_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = corpus_copy / "laws" / "dsl" / "text.zh.yaml"
    text.write_text(text.read_text(encoding="utf-8").replace("应当", "可以", 1), encoding="utf-8")
    monkeypatch.setenv("DLA_CORPUS", str(corpus_copy))
    code, out, err = run_cli(capsys, "corpus", "verify")
    assert code == 1 and "FAILED" in out and "dsl" in err


def test_verify_fails_when_english_is_missing(
    capsys: pytest.CaptureFixture[str], corpus_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (corpus_copy / "laws" / "blockchain" / "translation.en.yaml").unlink()
    monkeypatch.setenv("DLA_CORPUS", str(corpus_copy))
    code, _, err = run_cli(capsys, "corpus", "verify")
    assert code == 1 and "blockchain:1.1: no English" in err


def test_add_an_instrument_from_a_text_file(
    capsys: pytest.CaptureFixture[str], corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The official layout, rebuilt from the corpus, stands in for a user's file (works without ../shared).
    source = tmp_path / "shenzhen-copy.zh.txt"
    source.write_text(
        rebuild_source_text(load_yaml(corpus_copy / "laws" / "shenzhen" / "text.zh.yaml")), encoding="utf-8"
    )
    monkeypatch.setenv("DLA_CORPUS", str(corpus_copy))
    code, out, err = run_cli(capsys, "corpus", "add", str(source), "--id", "szcopy")
    assert code == 0 and "100 articles, 20 headings" in out and "review and complete it" in err
    code, out, _ = run_cli(capsys, "show", "szcopy:10.1.3", "--json", "--lang", "zh")
    data = json.loads(out)
    assert code == 0 and data["text_zh"].startswith("（三）")
    assert data["text_status"] == "unverified"  # a user's copy is never claimed to be checked
    assert data["section"] == "第一节 一般规定"


def test_add_rejects_malformed_text_with_file_and_line(
    capsys: pytest.CaptureFixture[str], corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DLA_CORPUS", str(corpus_copy))
    bad = tmp_path / "bad.txt"
    bad.write_text("某规定\n\n第一条 文字。\n\n第三条 文字。\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "corpus", "add", str(bad), "--id", "bad")
    assert code == 2 and f"{bad}:5: article 3 is out of sequence" in err
    assert not (corpus_copy / "laws" / "bad" / "text.zh.yaml").exists()
