"""Obligation extraction, cross-references, duty-penalty links and `dla ask` (measured against gold data)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from assistant.corpus.store import Corpus
from assistant.obligations.crossrefs import find_references
from assistant.service import AssistantService
from benchmarks.evaluate_obligations import ASK_FILES
from tests.conftest import PROJECT

ASK_SETS = [PROJECT / "tests" / "eval" / name for name in ASK_FILES]


def test_cross_references_resolve_with_exact_offsets(corpus: Corpus) -> None:
    article = corpus.article("blockchain:19")
    references = find_references(article)
    listing = next(r for r in references if r.kind == "article")
    assert listing.targets == ("blockchain:5", "blockchain:6", "blockchain:7", "blockchain:9", "blockchain:11.2",
                               "blockchain:13", "blockchain:15", "blockchain:17", "blockchain:18")  # fmt: skip
    assert article.paragraphs[0].zh[listing.start : listing.end] == listing.text
    assert listing.text.startswith("本规定第五条")
    other = [r for r in find_references(corpus.article("blockchain:8")) if r.kind == "other-law"]
    assert other and other[0].other_law == "中华人民共和国网络安全法" and other[0].targets == ()


def test_preceding_paragraph_references(corpus: Corpus) -> None:
    for article in corpus.all_articles():
        for reference in find_references(article):
            for target in reference.targets:
                assert corpus.exists(target), f"{reference.source}: {reference.text} -> {target}"
    preceding = [r for a in corpus.all_articles() for r in find_references(a) if r.kind == "preceding"]
    assert preceding
    for reference in preceding:
        source_paragraph = int(reference.source.split(":")[1].split(".")[1])
        assert all(int(t.split(".")[1]) < source_paragraph for t in reference.targets)


def test_duty_penalty_links_both_ways_at_clause_level(service: AssistantService) -> None:
    assert {link.duty for link in service.enforced_by("dsl:45.1")} >= {"dsl:27.1", "dsl:27.2", "dsl:29.1", "dsl:30.1"}
    assert [(link.penalty, link.basis) for link in service.penalties_for("dsl:27.2")] == [("dsl:45.1", "number")]
    assert [link.penalty for link in service.penalties_for("blockchain:11.1")] == ["blockchain:22.1"]
    assert [link.penalty for link in service.penalties_for("blockchain:11.2")] == ["blockchain:19.1"]
    assert service.penalties_for("blockchain:11.3") == []
    assert "shenzhen:95.1" in {link.penalty for link in service.penalties_for("shenzhen:69.1")}


def test_search_orders_penalty_questions_by_the_same_links(built_index_dir: Path) -> None:
    """The search artefact's duty -> penalty map is read from the obligation store (its numbered links)."""
    from assistant.indexing import artefacts

    folder = built_index_dir / (built_index_dir / "CURRENT").read_text(encoding="utf-8").strip()
    by_duty = artefacts.penalty_links(folder / artefacts.OBLIGATIONS)
    assert by_duty["dsl:27"][0] == "dsl:45"
    assert sorted(by_duty["blockchain:11"]) == ["blockchain:19", "blockchain:22"]
    assert "shenzhen:92" not in by_duty.get("shenzhen:10", [])  # a scope link, left to the readers
    assert all(duty not in penalties for duty, penalties in by_duty.items())


@pytest.mark.slow
def test_extraction_meets_the_targets_on_the_gold_file() -> None:
    from benchmarks.evaluate_obligations import evaluate_extraction

    result = evaluate_extraction()
    print(result)
    assert result["precision"] >= 0.9 and result["recall"] >= 0.9
    assert result["links_precision"] == 1.0 and result["links_recall"] == 1.0


def test_every_obligation_quotes_its_source_verbatim(service: AssistantService) -> None:
    data = service.obligations_data()
    assert len(data["obligations"]) > 150
    for obligation in data["obligations"]:
        source = service.corpus.text_of(obligation["id"], "zh")
        start, end = obligation["span"]
        assert source is not None and source[start:end] == obligation["text_zh"]
        assert obligation["modality"] in ("must", "must_not", "may")
        assert all(service.corpus.exists(p) for p in obligation["penalties"])


def test_time_limits_and_amounts_are_kept(service: AssistantService) -> None:
    by_id = {(o["id"], o["modality"]): o for o in service.obligations_data()["obligations"]}
    assert "不少于六个月" in by_id[("blockchain:17.1", "must")]["time_limits"]
    assert any("十个工作日内" in t for t in by_id[("blockchain:11.1", "must")]["time_limits"])


def test_ask_answers_with_the_blockchain_identity_duty(service: AssistantService) -> None:
    answer = service.ask("what must a blockchain service provider do about user identity?")
    first = answer.obligations[0]
    assert answer.actors == ["区块链信息服务提供者"]
    assert first["id"].startswith("blockchain:8") and first["modality"] in ("must", "must_not")
    assert first["text_zh"] in service.corpus.text_of(first["id"], "zh")  # type: ignore[operator]
    assert first["penalties"] == ["blockchain:20.1"]  # paragraph-precise since issue 14


def test_ask_json_contract(
    capsys: pytest.CaptureFixture[str], built_index_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.cli import main

    monkeypatch.setenv("DLA_INDEX_DIR", str(built_index_dir))
    assert main(["ask", "数据交易中介机构要做什么", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"question", "obligations", "articles"} <= data.keys()
    first = data["obligations"][0]
    assert {"id", "actor", "modality", "text_zh", "text_en", "penalties"} <= first.keys()
    assert first["id"].startswith("dsl:33") and first["penalties"] == ["dsl:47.1"]  # paragraph-precise since issue 14


def test_obligation_matrix_by_actor(
    capsys: pytest.CaptureFixture[str], built_index_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.cli import main

    monkeypatch.setenv("DLA_INDEX_DIR", str(built_index_dir))
    assert main(["obligations", "--actor", "blockchain information service provider", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["obligations"]
    assert rows and all(r["actor"] == "区块链信息服务提供者" for r in rows)
    assert {"blockchain:11.1", "blockchain:8.1", "blockchain:17.1"} <= {r["id"] for r in rows}
    assert main(["obligations", "--actor", "nobody at all"]) == 2


@pytest.mark.parametrize("ask_set", ASK_SETS, ids=[p.stem for p in ASK_SETS])
def test_ask_quality_on_the_question_set(service: AssistantService, ask_set: Path) -> None:
    questions = yaml.safe_load(ask_set.read_text(encoding="utf-8"))["questions"]
    assert len(questions) >= 20
    hits = 0
    for question in questions:
        top = service.ask(question["question"]).obligations[:3]
        if any(o["article_id"] in question["gold"] for o in top):
            hits += 1
    print(f"ask: gold article among the first three obligations for {hits}/{len(questions)}")
    assert hits / len(questions) >= 0.85


def test_a_quoted_duty_keeps_the_exception_that_follows_it(service: AssistantService) -> None:
    # Quoted without its 但是…的除外, a prohibition reads wider than the law.
    rows = {(o.id, o.modality): o.text_zh for o in service.obligation_store().obligations}
    assert rows[("shenzhen:30.1", "must_not")].endswith("但是，为了维护其合法权益并征得其监护人明示同意的除外。")
    assert rows[("pipl:16.1", "must_not")].endswith("处理个人信息属于提供产品或者服务所必需的除外。")
    # An exception that belongs to a later clause with its own marker stays with that clause.
    assert rows[("pipl:26.1", "must")].endswith("并设置显著的提示标识。")
    storage = [o.text_zh for o in service.obligation_store().obligations if o.id == "shenzhen:11.1.4"]
    assert storage[0].endswith("最短时间，") and storage[1].endswith("经自然人同意的除外；")
