"""Liability paragraphs: the kind of every penalty (fine, referral, disciplinary, civil, criminal) and the catch-all
clauses each instrument names once wherever a duty's penalties are shown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.corpus.store import Corpus
from assistant.obligations.liability import classify_penalty
from assistant.obligations.liability_data import catch_all_penalties, liability_data_problems, load_catch_all
from assistant.service import AssistantService
from tests.conftest import CORPUS, verify_after_edit


@pytest.mark.parametrize(
    ("ref", "kinds", "refers_to"),
    [
        ("dsl:45.1", ("fine",), ()),
        ("dsl:45.2", ("fine", "criminal"), ()),
        ("dsl:50.1", ("disciplinary",), ()),
        ("dsl:51.1", ("referral",), ("有关法律、行政法规",)),
        ("dsl:52.2", ("referral", "criminal"), ("治安管理处罚",)),
        ("blockchain:19.1", ("fine", "criminal"), ()),
        ("blockchain:20.1", ("referral",), ("中华人民共和国网络安全法",)),
        # A public body: an order to correct, liability under whatever law applies, compensation. No fine.
        ("shenzhen:93.1", ("referral", "civil"), ("依法追究法律责任",)),
        # Fines, plus the other administrative penalties of laws and administrative regulations.
        ("shenzhen:94.1", ("fine", "referral"), ("法律、行政法规",)),
        ("shenzhen:95.1", ("fine", "referral"), ("法律、行政法规",)),
        ("shenzhen:95.2", ("referral",), ("反不正当竞争或者反垄断有关法律、法规",)),
        ("shenzhen:97.1", ("disciplinary", "criminal"), ()),
        # Public-interest litigation others may bring sets no sanction (OBLIGATION_SPEC decided case 14).
        ("shenzhen:98.1", (), ()),
        ("shenzhen:98.2", (), ()),
        ("shenzhen:99.1", ("referral", "civil", "criminal"), ("治安管理处罚",)),
        ("pipl:67.1", ("referral",), ("有关法律、行政法规",)),
        ("pipl:68.2", ("disciplinary",), ()),
        ("pipl:69.1", ("civil",), ()),
        ("pipl:70.1", (), ()),
        (
            "ndsr:58.1",
            ("referral",),
            ("中华人民共和国网络安全法", "中华人民共和国数据安全法", "中华人民共和国个人信息保护法"),
        ),
        ("ndsr:61.1", ("referral", "civil", "criminal"), ("治安管理处罚",)),
    ],
)
def test_the_kind_of_a_liability_clause_follows_its_wording(
    corpus: Corpus, ref: str, kinds: tuple[str, ...], refers_to: tuple[str, ...]
) -> None:
    penalty = classify_penalty(ref, corpus.text_of(ref) or "")
    assert (penalty.kinds, penalty.refers_to) == (kinds, refers_to)


def test_fines_carry_their_amounts(corpus: Corpus) -> None:
    assert classify_penalty("shenzhen:95.1", corpus.text_of("shenzhen:95.1") or "").amounts == (
        "五万元以上五十万元以下",
        "上一年度营业额百分之五以下",
        "最高不超过五千万元",
    )
    assert "二百万元以上一千万元以下" in classify_penalty("dsl:45.2", corpus.text_of("dsl:45.2") or "").amounts


def test_every_liability_paragraph_is_reviewed_and_the_rule_agrees(corpus: Corpus) -> None:
    assert liability_data_problems(corpus) == []


def test_remedy_clauses_are_liability_paragraphs_not_duties(service: AssistantService) -> None:
    store = service.obligation_store()
    articles = {o.article_id for o in store.obligations}
    assert not articles & {"pipl:69", "pipl:70", "shenzhen:98"}
    assert {"pipl:69.1", "pipl:70.1", "shenzhen:98.3"} <= set(store.penalties)
    assert store.penalties["shenzhen:96.1"].refers_to_en == ("the laws and regulations on data security",)


def test_catch_all_clauses_are_linked_to_no_duty_but_named_once(service: AssistantService) -> None:
    store = service.obligation_store()
    catch_all = {ref for entry in load_catch_all(CORPUS) for ref in entry.provisions}
    assert {"dsl:52.1", "shenzhen:99.1", "pipl:71.1", "ndsr:61.1"} <= catch_all
    assert not {link.penalty for link in store.links} & catch_all
    # dsl:2(2) (processing abroad …的，依法追究法律责任) is a catch-all clause too (decided case 9).
    assert [p.ref for p in service.catch_all("dsl")] == ["dsl:2.2", "dsl:52.1", "dsl:52.2"]
    assert service.catch_all("blockchain") == []


def test_ask_names_the_catch_all_clauses_of_the_instruments_it_shows(
    service: AssistantService, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DLA_INDEX_DIR", str(service.index_root))
    assert main(["ask", "数据处理者应当建立数据安全管理制度吗", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    laws = {o["law"] for o in answer["obligations"]}
    named = [entry["penalty"] for entry in answer["catch_all"]]
    assert len(named) == len(set(named))  # once each
    assert {entry["law"] for entry in answer["catch_all"]} == laws - {"blockchain"}
    assert main(["ask", "数据处理者应当建立数据安全管理制度吗"]) == 0
    assert "catch-all clauses" in capsys.readouterr().out


def test_obligations_text_and_json_name_the_catch_all_clauses_once(
    service: AssistantService, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DLA_INDEX_DIR", str(service.index_root))
    assert main(["obligations", "--law", "pipl", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [e["penalty"] for e in data["catch_all"]] == [
        "pipl:67.1",
        "pipl:69.1",
        "pipl:69.2",
        "pipl:70.1",
        "pipl:71.1",
    ]
    assert main(["obligations", "--law", "dsl"]) == 0
    out = capsys.readouterr().out
    assert out.count("catch-all clauses") == 1 and "DSL Art. 52(2)" in out and "criminal" in out
    assert main(["obligations", "--law", "ndsr", "--md"]) == 0
    markdown = capsys.readouterr().out
    assert markdown.count("## Catch-all liability clauses") == 1 and "NDSR Art. 61(1)" in markdown


def test_the_checklist_export_names_the_catch_all_clauses(corpus: Corpus) -> None:
    refs = [p.ref for p in catch_all_penalties(corpus, {"shenzhen"})]
    assert refs == ["shenzhen:98.1", "shenzhen:98.2", "shenzhen:99.1"]


def test_the_checklist_export_says_what_each_cited_penalty_sets() -> None:
    service = AssistantService(CORPUS)
    checklist = service.checklist("data-compliance")
    result = service.run_checklist(checklist, {"operates_in_shenzhen": True, "processes_personal_data": True})
    described = {ref: summary for ref, _, _, summary, _ in result.penalty_kinds}
    cited = {p[0] for item in result.items for p in item.penalties}
    assert set(described) == cited
    assert described["shenzhen:92.1"].startswith("referral to 个人信息保护有关法律、法规")
    assert described["pipl:66.2"].startswith("fine 五千万元以下")
    text = service.render_checklist(result, "md", "2026-11-29")
    assert text.count("## What the penalties set") == 1 and text.count("## Catch-all liability clauses") == 1


def test_corpus_verify_reports_a_review_the_rule_contradicts(corpus_copy: Path) -> None:
    problems = verify_after_edit(
        corpus_copy, "links/penalty_kinds.yaml", "{ref: dsl:46.1, kinds: [fine]}", "{ref: dsl:46.1, kinds: [civil]}"
    )
    assert any("dsl:46.1 is reviewed as ['civil']" in problem for problem in problems)


def test_corpus_verify_reports_a_catch_all_clause_a_scope_rule_links(corpus_copy: Path) -> None:
    problems = verify_after_edit(corpus_copy, "links/penalty_scope.yaml", "penalty: dsl:49.1", "penalty: dsl:52.1")
    assert any("dsl:52.1 is a catch-all clause" in problem for problem in problems)


def test_every_modal_clause_has_a_bearer_or_is_reviewed_as_no_duty(corpus: Corpus) -> None:
    from assistant.obligations.extractor import ObligationExtractor

    extractor = ObligationExtractor(corpus)
    rows = extractor.extract_all()
    assert {ref for ref, _, _ in extractor.unassigned} <= extractor.not_duties
    bearers = {(o.id, o.actor, o.regime) for o in rows}
    assert ("shenzhen:47.1", "公共管理和服务机构", False) in bearers
    assert ("dsl:21.2", "国家核心数据的处理者", True) in bearers
    assert ("pipl:19.1", "个人信息处理者", False) in bearers
    # A condition (…设立专门机构或者指定代表的，) is not a body set up to bear the duty.
    assert ("ndsr:26.1", "中华人民共和国境外网络数据处理者", False) in bearers


def test_every_actor_shown_has_an_english_name(service: AssistantService) -> None:
    store = service.obligation_store()
    assert [o.actor for o in store.obligations if not o.actor_en] == []
    assert all(actor.en for actor in store.actors)


def test_officials_answer_in_discipline_for_the_regulators_duties(service: AssistantService) -> None:
    assert "dsl:50.1" in {link.penalty for link in service.penalties_for("dsl:12.2", "有关主管部门")}
    assert "pipl:68.2" in {link.penalty for link in service.penalties_for("pipl:65.2")}
    # Not for the police's data retrieval (criminal procedure), nor for a processor's duty.
    assert "dsl:50.1" not in {link.penalty for link in service.penalties_for("dsl:35.1")}
    assert "pipl:68.2" not in {link.penalty for link in service.penalties_for("pipl:64.1")}


def test_show_prints_related_provisions_and_defined_terms() -> None:
    from assistant.cli.show_text import format_show

    service = AssistantService(CORPUS)
    data = service.show("shenzhen:82")
    dsl = next(entry for entry in data["related"] if entry["target"] == "dsl:31")
    assert dsl["label"] == "implements" and dsl["target_citation_en"] == "DSL Art. 31"
    assert dsl["target_first_words_zh"].startswith("关键信息基础设施的运营者")
    assert "个人数据" in {term["term"] for term in data["defined_terms"]}
    text = format_show(data, "en")
    assert "Related provisions" in text and "implements: 《数据安全法》第三十一条  DSL Art. 31" in text
    assert "个人数据 (personal data): 《深圳经济特区数据条例》第二条第二项" in text
    seen_from_dsl = {entry["target"]: entry["label"] for entry in service.show("dsl:31")["related"]}
    assert seen_from_dsl["shenzhen:82"] == "implemented by"
    assert [entry["penalty"] for entry in service.show("dsl:31")["catch_all"]] == ["dsl:2.2", "dsl:52.1", "dsl:52.2"]
    assert service.show("dsl:52")["catch_all"] == [] and service.show("blockchain:11")["catch_all"] == []
    # dsl:2(2) is itself a catch-all clause: beside its own article it would repeat the text shown above it.
    assert [entry["penalty"] for entry in service.show("dsl:2")["catch_all"]] == ["dsl:52.1", "dsl:52.2"]


def test_each_row_quotes_its_own_clause(service: AssistantService) -> None:
    rows = {(o.id, o.actor, o.text_zh) for o in service.obligation_store().obligations}
    assert ("dsl:35.1", "有关组织、个人", "有关组织、个人应当予以配合。") in rows
    assert ("dsl:29.1", "数据处理者", "发现数据安全缺陷、漏洞等风险时，应当立即采取补救措施；") in rows
    assert ("dsl:32.1", "任何组织、个人", "不得窃取或者以其他非法方式获取数据。") in rows
    # A topic clause (对于…，) goes with the duty it introduces.
    provider = "区块链信息服务提供者"
    assert (
        "blockchain:6.1",
        provider,
        "对于法律、行政法规禁止的信息内容，应当具备对其发布、记录、存储、传播的即时和应急处置能力，",
    ) in rows
    for obligation in service.obligation_store().obligations:
        text = service.corpus.text_of(obligation.id) or ""
        assert text[obligation.span[0] : obligation.span[1]] == obligation.text_zh


def test_a_measure_named_with_jinzhi_is_no_ban_and_reviewed_bearers_beat_carried_ones(
    service: AssistantService,
) -> None:
    rows = {(o.id, o.actor, o.modality) for o in service.obligation_store().obligations}
    # 列入限制或者禁止个人信息提供清单: the CAC may list; nobody is banned by the word.
    assert not {row for row in rows if row[0] == "pipl:42.1" and row[2] == "must_not"}
    # 风险评估报告应当包括…: the processor's report, not the department named last in 33(1).
    assert ("ndsr:33.2", "重要数据的处理者", "must") in rows
    assert ("ndsr:33.2", "有关主管部门", "must") not in rows
    # The department receiving complaints is named by the text's own phrase in both laws.
    assert ("dsl:12.1", "收到投诉、举报的部门", "must") in rows
