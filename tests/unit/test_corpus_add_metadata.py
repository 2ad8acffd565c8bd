"""`dla corpus add` takes an instrument's facts and its English, so a new law arrives complete."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.corpus.reconstruct import rebuild_source_text
from assistant.datafile import load_yaml


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _source(corpus: Path, law: str, tmp_path: Path) -> Path:
    source = tmp_path / f"{law}-copy.zh.txt"
    source.write_text(rebuild_source_text(load_yaml(corpus / "laws" / law / "text.zh.yaml")), encoding="utf-8")
    return source


def test_metadata_and_translation_arrive_with_the_text(
    capsys: pytest.CaptureFixture[str], corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DLA_CORPUS", str(corpus_copy))
    meta = tmp_path / "meta.yaml"
    meta.write_text(
        "title_zh: 中华人民共和国个人信息保护法\ntitle_en: PIPL copy\ncitation_title_zh: 个保法副本\nshort_en: PIPLC\n"
        "aliases: [个保法副本]\nissuing_body_zh: 全国人民代表大会常务委员会\nissuing_body_en: NPCSC\n"
        "document_number: 中华人民共和国主席令第九十一号\nadopted: '2021-08-20'\npromulgated: '2021-08-20'\n"
        "effective: '2021-11-01'\nstatus: in force\nlevel: law\njurisdiction: national\nofficial_source: test\n",
        encoding="utf-8",
    )
    english = (corpus_copy / "laws" / "pipl" / "translation.en.yaml").read_text(encoding="utf-8")
    translation = tmp_path / "en.yaml"
    translation.write_text(english.replace("law: pipl", "law: piplcopy"), encoding="utf-8")
    source = _source(corpus_copy, "pipl", tmp_path)
    code, out, err = _run(
        capsys,
        "corpus",
        "add",
        str(source),
        "--id",
        "piplcopy",
        "--metadata",
        str(meta),
        "--translation",
        str(translation),
    )
    assert code == 0 and "74 articles" in out and "review and complete" not in err
    law = load_yaml(corpus_copy / "laws" / "piplcopy" / "law.yaml")
    assert law["document_number"] == "中华人民共和国主席令第九十一号" and law["effective"] == "2021-11-01"
    assert law["source_file"] == source.name  # computed by the tool, never taken from the metadata file
    code, out, _ = _run(capsys, "show", "piplcopy:13", "--json")
    data = json.loads(out)
    assert code == 0 and data["paragraphs_en"] and data["english"] == "unofficial translation"


@pytest.mark.parametrize(
    ("meta", "message"),
    [("source_sha256: abc\n", "unknown or computed metadata keys source_sha256"), ("colour: red\n", "colour")],
)
def test_metadata_may_not_set_computed_or_unknown_fields(
    capsys: pytest.CaptureFixture[str],
    corpus_copy: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    meta: str,
    message: str,
) -> None:
    monkeypatch.setenv("DLA_CORPUS", str(corpus_copy))
    path = tmp_path / "meta.yaml"
    path.write_text(meta, encoding="utf-8")
    code, _, err = _run(
        capsys, "corpus", "add", str(_source(corpus_copy, "ndsr", tmp_path)), "--id", "x2", "--metadata", str(path)
    )
    assert code == 2 and message in err
    assert not (corpus_copy / "laws" / "x2").exists()


def test_a_translation_of_another_law_is_refused(
    capsys: pytest.CaptureFixture[str], corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DLA_CORPUS", str(corpus_copy))
    other = corpus_copy / "laws" / "dsl" / "translation.en.yaml"
    code, _, err = _run(
        capsys, "corpus", "add", str(_source(corpus_copy, "ndsr", tmp_path)), "--id", "x3", "--translation", str(other)
    )
    assert code == 2 and "not a translation of 'x3'" in err
    assert not (corpus_copy / "laws" / "x3").exists()


def test_a_service_that_adds_an_instrument_then_searches_and_cites_it(mini_corpus_copy: Path, tmp_path: Path) -> None:
    # Everything the service read or built from the corpus before the addition is read again after it.
    from assistant.service import AssistantService

    service = AssistantService(mini_corpus_copy, tmp_path / "index")
    assert service.search("beta:1").hits[0].id == "beta:1"  # the index, the engine and the recogniser are open
    assert service.show("beta:2")["id"] == "beta:2"
    before = {question.id for question in service.checklist("data-compliance").questions}
    service.add_instrument(_source(mini_corpus_copy, "beta", tmp_path), "gamma")
    assert [hit.id for hit in service.search("gamma:3").hits] == ["gamma:3"]
    assert service.show("gamma:2")["id"] == "gamma:2"
    assert {question.id for question in service.checklist("data-compliance").questions} == before
