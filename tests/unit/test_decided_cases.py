"""The decided cases of tests/eval/OBLIGATION_SPEC.md (2026-12-01 late night; 10-26: 2026-12-02), one test each, on
the real corpus."""

from __future__ import annotations

from pathlib import Path

from assistant.obligations.store import ObligationStore
from assistant.service import AssistantService
from tests.conftest import verify_after_edit


def _rows(store: ObligationStore, ref: str) -> list[tuple[str, str, bool, tuple[str, ...]]]:
    return [(o.actor, o.modality, o.regime, o.penalties) for o in store.obligations if o.id == ref]


def _links(service: AssistantService, duty: str, actor: str | None = None) -> set[tuple[str, str]]:
    return {(link.penalty, link.basis) for link in service.penalties_for(duty, actor)}


def test_case_1_an_activity_with_no_named_actor_is_borne_by_its_role_noun(service: AssistantService) -> None:
    store = service.obligation_store()
    for ref in ("dsl:8.1", "dsl:28.1", "dsl:29.1", "dsl:53.1", "dsl:53.2"):
        assert {actor for actor, *_ in _rows(store, ref)} == {"数据处理者"}, ref  # 开展…数据处理活动, whatever the data
    assert {actor for actor, *_ in _rows(store, "dsl:15.1")} == {"智能化公共服务提供者"}  # 提供智能化公共服务
    assert {actor for actor, *_ in _rows(store, "blockchain:23.1")} == {"区块链信息服务提供者"}
    assert {actor for actor, *_ in _rows(store, "ndsr:63.3")} == {"网络数据处理者"}
    # No actor is ever the description of an activity (开展数据处理活动的组织、个人).
    assert not [o.actor for o in store.obligations if "活动" in o.actor or o.actor.startswith(("开展", "在"))]


def test_case_2_a_data_class_regime_is_an_entry_only_where_a_liability_clause_punishes_it(
    service: AssistantService,
) -> None:
    store = service.obligation_store()
    assert _rows(store, "dsl:21.2") == [("国家核心数据的处理者", "must", True, ("dsl:45.2",))]
    # 实行公共数据分类管理制度 (no liability paragraph punishes breach of it) stays a policy statement.
    assert _rows(store, "shenzhen:35.1") == [] and _rows(store, "shenzhen:36.1") == []


def test_case_3_a_responsibility_assigned_with_you_is_a_regime_duty_rule_making_is_not(
    service: AssistantService,
) -> None:
    store = service.obligation_store()
    # …由变更后的数据处理者继续落实数据安全管理责任: the successor's data-security duty, punished under 96.
    assert _rows(store, "shenzhen:72.2") == [("数据处理者", "must", True, ("shenzhen:96.1",))]
    # 由X（另行）制定… only says who makes the rules.
    for ref in ("dsl:54.1", "shenzhen:19.3", "shenzhen:42.2"):
        assert _rows(store, ref) == [], ref


def test_case_10_rules_to_be_made_for_a_named_party_are_its_regime_punished_by_number(
    service: AssistantService,
) -> None:
    rows = _rows(service.obligation_store(), "dsl:31.1")
    assert sorted(rows) == [
        ("关键信息基础设施的运营者", "must", True, ("dsl:46.1",)),
        ("数据处理者", "must", True, ("dsl:46.1",)),  # 其他数据处理者…的出境安全管理办法，由国家网信部门…制定
    ]


def test_case_11_public_data_are_processed_by_the_public_bodies_that_hold_them(service: AssistantService) -> None:
    assert _rows(service.obligation_store(), "shenzhen:5.1") == [
        ("公共管理和服务机构", "must", False, ("shenzhen:93.1", "shenzhen:97.1"))
    ]


def test_case_12_work_and_supervisory_remits_assigned_without_a_marker_are_duties(service: AssistantService) -> None:
    store = service.obligation_store()
    # 日常工作由…承担 (shenzhen:7.1), 具体工作由…统筹 (shenzhen:44.1): the department's duty, as a public body.
    for ref in ("shenzhen:7.1", "shenzhen:44.1"):
        assert ("市政务服务数据管理部门", "must", True, ("shenzhen:93.1", "shenzhen:97.1")) in _rows(store, ref), ref
    # …等主管部门承担…数据安全监管职责 (dsl:6.2, 6.3): supervisory remits, whose neglect dsl:50 disciplines.
    assert _rows(store, "dsl:6.2") == [("有关主管部门", "must", True, ("dsl:50.1",))]
    assert _rows(store, "dsl:6.3") == [("公安机关、国家安全机关", "must", True, ("dsl:50.1",))]
    quoted = next(o for o in store.obligations if o.id == "dsl:6.3")
    assert quoted.text_zh.endswith("在各自职责范围内承担数据安全监管职责。")  # the whole remit, not its first clause
    assert [actor for actor, *_ in _rows(store, "ndsr:47.2")] == ["公安机关、国家安全机关"]
    # A remit governed by a marker in the same sentence is that marker's one row (…职责，应当明确…).
    assert len(_rows(store, "ndsr:48.1")) == 1
    # Found missing by gold v6: coordination (统筹协调), functions (履行…职能), checks (实行定期查验), foreign
    # requests (处理…请求) and day-to-day work (承担…日常工作) given to a named body are its duties too.
    assert ("国家数据安全工作协调机制", "must", True, ()) in _rows(store, "dsl:22.1")  # no dsl:50: case 22
    assert ("中华人民共和国主管机关", "must", True, ()) in _rows(store, "dsl:36.1")  # no dsl:50: case 18
    assert ("互联网信息办公室", "must", True, ()) in _rows(store, "blockchain:14.1")
    eighth = _rows(store, "shenzhen:8.3")
    assert len(eighth) == 1 and eighth[0][1:] == ("must", True, ("shenzhen:93.1", "shenzhen:97.1"))
    assert len(_rows(store, "shenzhen:32.2")) == 2  # 承担…日常工作, and 并负责统筹… (a marker's own row)
    assert ("国家网信部门", "must", True, ("pipl:68.2",)) in _rows(store, "pipl:62.1")
    # Who makes a rule or a list is still no duty (由国家网信部门…制定, dsl:31).
    assert all(actor != "国家网信部门" for actor, *_ in _rows(store, "dsl:31.1"))


def test_case_13_a_platform_duty_that_includes_protecting_personal_data_takes_both_scope_links(
    service: AssistantService,
) -> None:
    assert _links(service, "shenzhen:66.1") == {("shenzhen:92.1", "scope"), ("shenzhen:96.1", "scope")}
    # Art. 10's lead-in includes 确保个人数据安全 (item 5): both links; item 2 (no processing beyond the purpose)
    # is a personal-data duty only (gold v5 and v6).
    store = service.obligation_store()
    assert _rows(store, "shenzhen:10.1") == [("数据处理者", "must", False, ("shenzhen:92.1", "shenzhen:96.1"))]
    assert _rows(store, "shenzhen:10.1.2") == [("数据处理者", "must_not", False, ("shenzhen:92.1",))]


def test_case_14_a_procuratorial_recommendation_is_no_sanction_and_no_duty(service: AssistantService) -> None:
    store = service.obligation_store()
    assert store.penalties["shenzhen:98.3"].kinds == ()
    # The civil public-interest suits of 98(1)-(2) and pipl:70 set no sanction either (gold v6 read them so).
    for ref in ("shenzhen:98.1", "shenzhen:98.2", "pipl:70.1"):
        assert store.penalties[ref].kinds == (), ref
    assert not service.enforced_by("shenzhen:98.3")
    assert not [o for o in store.obligations if o.article_id == "shenzhen:98"]


def test_case_4_a_cited_permission_with_exceptions_gives_a_must_not_for_the_exceptions(
    service: AssistantService,
) -> None:
    store = service.obligation_store()
    rows = _rows(store, "shenzhen:67.1")
    assert ("市场主体", "may", False, ()) in rows
    excepted = [row for row in rows if row[1] == "must_not"]
    assert excepted == [("市场主体", "must_not", True, ("shenzhen:92.1", "shenzhen:94.1"))]
    # The number link of the citing paragraph, and a scope link by subject matter: item 1 is about 个人数据.
    assert _links(service, "shenzhen:67.1", "市场主体") == {("shenzhen:94.1", "number"), ("shenzhen:92.1", "scope")}
    # A permission no liability paragraph cites gives no must_not (pipl:27's exception is not of this shape).
    assert all(modality != "must_not" for _, modality, regime, _ in _rows(store, "pipl:27.1") if regime)


def test_case_5_a_scope_clause_reaches_only_the_actors_it_names(service: AssistantService) -> None:
    store = service.obligation_store()
    # dsl:49 and pipl:68(1) name state organs: the organisations that arts. 43 and 37 put under their chapters are
    # not reached. (dsl:51 names no actor and reaches art. 43's regime through 38(1)'s collection limit: case 19.)
    assert _rows(store, "dsl:43.1") == [("法律、法规授权的具有管理公共事务职能的组织", "must", True, ("dsl:51.1",))]
    assert _rows(store, "pipl:37.1") == [("法律、法规授权的具有管理公共事务职能的组织", "must", True, ())]
    # State organs by any name (the competent departments of 12(2) too), never the authorised organisation of 43.
    assert {link.actor for link in service.enforced_by("dsl:49")} == {"国家机关", "各地区、各部门", "有关主管部门"}
    assert {link.actor for link in service.enforced_by("pipl:68.1")} == {"国家机关"}
    # shenzhen:93 names 公共管理和服务机构, which shenzhen:2.1.9 defines to include the city's state organs.
    assert ("shenzhen:93.1", "scope") in _links(service, "shenzhen:8.1", "市网信部门")


def test_case_6_a_liability_paragraph_that_cites_by_number_reaches_nothing_by_scope(
    service: AssistantService,
) -> None:
    store = service.obligation_store()
    assert _rows(store, "blockchain:23.1") == [("区块链信息服务提供者", "must", False, ())]
    assert _links(service, "ndsr:28.1") == {("ndsr:58.1", "scope")}  # the residual clause, not ndsr:57
    citing = {link.penalty for link in store.links if link.basis == "number"}
    assert not [link for link in store.links if link.basis == "scope" and link.penalty in citing]


def test_case_6_corpus_verify_reports_a_scope_rule_on_a_citing_paragraph(corpus_copy: Path) -> None:
    problems = verify_after_edit(corpus_copy, "links/penalty_scope.yaml", "penalty: dsl:50.1", "penalty: dsl:45.1")
    assert any("dsl:45.1 cites provisions by number" in problem for problem in problems)


def test_case_7_both_disciplinary_clauses_reach_a_state_organs_supervisory_data_duty(
    service: AssistantService,
) -> None:
    assert _links(service, "dsl:21.3", "各地区、各部门") == {("dsl:49.1", "scope"), ("dsl:50.1", "scope")}
    # A state organ's own data duty is not supervision: 49 only.
    assert {penalty for penalty, _ in _links(service, "dsl:39.1")} == {"dsl:49.1"}


def test_case_8_collecting_beyond_the_scope_set_by_law_is_obtaining_data_unlawfully(service: AssistantService) -> None:
    assert _links(service, "dsl:32.2", "任何组织、个人") == {("dsl:51.1", "scope")}
    assert {penalty for penalty, _ in _links(service, "dsl:32.1")} == {"dsl:51.1"}
    # A state organ collecting beyond its statutory scope obtains data unlawfully too: 51 names no actor, so it
    # reaches state organs (case 5), beside 49 (gold v5 and v6, independently). Its confidentiality duties do not.
    rows = [(o.text_zh, o.penalties) for o in service.obligation_store().obligations if o.id == "dsl:38.1"]
    assert [penalties for text, penalties in rows if "收集、使用数据" in text] == [("dsl:49.1", "dsl:51.1")]
    assert all(penalties == ("dsl:49.1",) for text, penalties in rows if "收集、使用数据" not in text)


def test_case_9_kinds_of_referrals_and_the_liability_paragraph_outside_the_liability_chapter(
    service: AssistantService,
) -> None:
    store = service.obligation_store()
    abroad = store.penalties["dsl:2.2"]
    assert abroad.kinds == ("referral",) and "dsl:2.2" in store.catch_all["dsl"]
    assert store.penalties["ndsr:2.3"].kinds == ("referral",) and "ndsr:2.3" in store.catch_all["ndsr"]
    assert _rows(store, "dsl:2.2") == [] and not service.enforced_by("dsl:2.2")
    assert store.penalties["dsl:52.2"].kinds == ("referral", "criminal")  # 治安管理处罚 is a referral
    assert store.penalties["pipl:67.1"].kinds == ("referral",)  # credit records under other laws
    assert store.penalties["pipl:66.2"].kinds == ("fine",)  # 通报有关主管部门吊销… adds no kind


def test_ask_shows_each_duty_only_the_penalties_linked_to_that_clause_and_actor(service: AssistantService) -> None:
    links = {(link.duty, link.actor, link.penalty) for link in service.obligation_store().links}
    for question in (
        "深圳数据处理者合并以后数据安全责任由谁承担",
        "深圳第十二条 数据处理者能不能因为用户不同意就拒绝服务",
        "收集数据超出法律规定的范围有什么后果",
        "各部门重要数据目录没有制定怎么处理",
        "区块链信息服务提供者备案",
    ):
        for row in service.ask(question).obligations:
            assert all((row["id"], row["actor"], penalty) in links for penalty in row["penalties"]), (question, row)


def test_case_15_a_joint_subject_is_split_where_liability_clauses_tell_its_parties_apart(
    service: AssistantService,
) -> None:
    store = service.obligation_store()
    # blockchain:21(1) fines providers, 21(2) refers users: each 不得 of art. 10 is one row per party.
    rows = _rows(store, "blockchain:10.1")
    assert sorted(actor for actor, *_ in rows) == sorted(["区块链信息服务提供者", "区块链信息服务使用者"] * 2)
    assert {(actor, penalties) for actor, _, _, penalties in rows if penalties} == {
        ("区块链信息服务提供者", ("blockchain:21.1",)),
        ("区块链信息服务使用者", ("blockchain:21.2",)),
    }
    # Where no liability clause tells them apart, the joint subject stays one row (dsl:35's police and state security).
    assert _rows(store, "dsl:35.1")[0][0] == "公安机关、国家安全机关"


def test_case_16_an_implicit_actor_is_the_class_the_clause_presupposes(service: AssistantService) -> None:
    # 使用、传输、受委托处理其他市场主体的数据产品和服务… : 其他市场主体 makes the bearer a market entity.
    assert _rows(service.obligation_store(), "shenzhen:60.1") == [("市场主体", "must", False, ("shenzhen:92.1",))]


def test_case_15_staff_named_beside_their_department_are_their_own_row(service: AssistantService) -> None:
    # 市网信部门以及其他数据监督管理部门及其工作人员 (shenzhen:91): 93 reaches public bodies, not their staff.
    rows = _rows(service.obligation_store(), "shenzhen:91.1")
    assert sorted((actor, penalties) for actor, _, _, penalties in rows) == sorted(
        [("数据监督管理部门", ("shenzhen:92.1", "shenzhen:93.1", "shenzhen:97.1"))] * 2
        + [("数据监督管理部门工作人员", ("shenzhen:92.1", "shenzhen:97.1"))] * 2
    )


def test_case_16_an_entrusted_party_is_not_thereby_a_data_processor(service: AssistantService) -> None:
    # 96 punishes 数据处理者…未履行数据安全保护责任; the entrusted party's duty to destroy data (81(2)) is not its.
    assert _rows(service.obligation_store(), "shenzhen:81.2") == [("受托方", "must", False, ())]


def test_case_17_self_regulation_under_a_charter_is_no_duty(service: AssistantService) -> None:
    # 相关行业组织按照章程，依法制定…规范…，加强行业自律 (dsl:10): hortatory, unlike a remit the law gives a state organ.
    assert _rows(service.obligation_store(), "dsl:10.1") == []


def test_case_18_a_supervisory_clause_reaches_an_organ_only_in_its_supervisory_capacity(
    service: AssistantService,
) -> None:
    store = service.obligation_store()
    # Foreign requests (judicial assistance) and the police's data retrieval are no data-security supervision.
    for ref, actor in (("dsl:36.1", "中华人民共和国主管机关"), ("dsl:35.1", "公安机关、国家安全机关")):
        assert all("dsl:50.1" not in penalties for who, _, _, penalties in _rows(store, ref) if who == actor), ref
    assert ("有关主管部门", "must", True, ("dsl:50.1",)) in _rows(store, "dsl:6.2")  # a supervisory remit is


def test_case_19_a_regime_of_applied_rules_takes_every_scope_link_of_those_rules(service: AssistantService) -> None:
    # 按照处理敏感个人数据的有关规定执行 (shenzhen:20(1)): the sensitive-data rules include ch. 5's security duties.
    rows = _rows(service.obligation_store(), "shenzhen:20.1")
    assert ("数据处理者", "must", True, ("shenzhen:92.1", "shenzhen:96.1")) in rows
    assert ("数据处理者", "must", False, ("shenzhen:92.1",)) in rows  # the guardian's consent: personal data only


def test_case_20_an_act_only_a_competent_authority_can_perform_is_that_authority_s(service: AssistantService) -> None:
    # …；对于可以通过数据比对作出审批决定的事项，可以开展无人干预智能审批 (shenzhen:53(2)): the approving bodies may.
    rows = _rows(service.obligation_store(), "shenzhen:53.2")
    assert ("公共管理和服务机构", "may", False, ()) in rows
    assert all(actor == "市政务服务数据管理部门" for actor, modality, *_ in rows if modality == "must")


def test_case_21_and_22_discipline_follows_the_function_the_instrument_allocates(service: AssistantService) -> None:
    store = service.obligation_store()
    # Incident response is regulator work: dsl:50 (supervision), not dsl:49 (an organ's own data).
    assert _rows(store, "dsl:23.1") == [("有关主管部门", "must", False, ("dsl:50.1",))]
    # The coordination mechanism is outside dsl:6's allocation of supervisory duties: no discipline clause.
    for ref in ("dsl:21.1", "dsl:22.1"):
        assert ("国家数据安全工作协调机制", "must", True, ()) in _rows(store, ref), ref
    # The CAC's coordination of supervision (dsl:6(4); pipl:60, 62) is within it.
    assert _rows(store, "dsl:6.4") == [("国家网信部门", "must", False, ("dsl:50.1",))]
    assert ("国家网信部门", "must", True, ("pipl:68.2",)) in _rows(store, "pipl:62.1")


def test_case_23_deliberative_committees_answer_through_the_department_that_does_their_work(
    service: AssistantService,
) -> None:
    store = service.obligation_store()
    # 负责研究、协调…重大事项 (shenzhen:7(1), 32(1)) and the evaluation of 39(3): no public body, no department.
    for ref, committee in (
        ("shenzhen:7.1", "市数据工作委员会"),
        ("shenzhen:32.1", "公共数据专业委员会"),
        ("shenzhen:39.3", "市公共数据专业委员会"),
    ):
        assert (committee, "must", False, ()) in _rows(store, ref), ref
    # The department that carries their daily work keeps its links.
    assert ("市政务服务数据管理部门", "must", True, ("shenzhen:93.1", "shenzhen:97.1")) in _rows(store, "shenzhen:7.1")


def test_case_24_setting_a_body_up_is_no_entry_of_the_body_that_sets_it_up(service: AssistantService) -> None:
    store = service.obligation_store()
    assert "市人民政府" not in {actor for actor, *_ in _rows(store, "shenzhen:7.1")}
    assert {actor for actor, *_ in _rows(store, "shenzhen:32.1")} == {"公共数据专业委员会"}
    assert ("市数据工作委员会", "may", False, ()) in _rows(store, "shenzhen:7.2")  # 可以设立: a marker makes it one


def test_case_25_and_28_a_security_measure_is_a_data_security_duty_wherever_it_is_placed(
    service: AssistantService,
) -> None:
    store = service.obligation_store()
    # De-identifying before providing, anonymising where law or agreement requires (shenzhen:26(1)).
    assert _rows(store, "shenzhen:26.1") == [("数据处理者", "must", False, ("shenzhen:92.1", "shenzhen:96.1"))] * 2
    # The act decides, not the article's purpose (case 28): anonymising, one alternative when the storage period ends,
    # is a security measure; the storage period itself is a limit only.
    assert _rows(store, "shenzhen:11.1.4") == [
        ("数据处理者", "must", False, ("shenzhen:92.1",)),
        ("数据处理者", "must", False, ("shenzhen:92.1", "shenzhen:96.1")),
    ]
    assert all(
        penalties == ("shenzhen:92.1",)
        for ref in ("shenzhen:11.1.1", "shenzhen:11.1.2", "shenzhen:11.1.3")
        for *_, penalties in _rows(store, ref)
    )


def test_case_26_collecting_from_natural_persons_is_processing_personal_data(service: AssistantService) -> None:
    store = service.obligation_store()
    assert _rows(store, "shenzhen:37.2") == [
        ("公共管理和服务机构", "must_not", False, ("shenzhen:92.1", "shenzhen:93.1", "shenzhen:97.1"))
    ]
    # Data described by holder or purpose only (37(1)) are not thereby personal data.
    assert all("shenzhen:92.1" not in penalties for *_, penalties in _rows(store, "shenzhen:37.1"))


def test_verify_reports_an_excepted_actor_the_instrument_never_names(corpus_copy: Path) -> None:
    problems = verify_after_edit(
        corpus_copy, "links/penalty_scope.yaml", "except_actors: [市数据工作委员会,", "except_actors: [市数据委员会,"
    )
    assert any("excepts 市数据委员会" in problem for problem in problems)


def test_case_27_an_extension_of_rules_takes_the_links_of_clauses_that_name_no_actor(service: AssistantService) -> None:
    store = service.obligation_store()
    # 适用本章规定 (dsl:43.1): dsl:51 names no actor and reaches ch. 5's collection limit; dsl:49 names 国家机关.
    assert _rows(store, "dsl:43.1") == [("法律、法规授权的具有管理公共事务职能的组织", "must", True, ("dsl:51.1",))]
    # pipl:37 applies the state organs' rules, which no actor-neutral clause reaches (pipl:68(1) is theirs).
    assert _rows(store, "pipl:37.1") == [("法律、法规授权的具有管理公共事务职能的组织", "must", True, ())]
