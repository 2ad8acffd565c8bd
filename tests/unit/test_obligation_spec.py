"""The extractor and the penalty links follow tests/eval/OBLIGATION_SPEC.md, case by case on the real corpus."""

from __future__ import annotations

from assistant.obligations.link_data import is_authority
from assistant.obligations.store import ObligationStore
from assistant.service import AssistantService


def _rows(store: ObligationStore, ref: str) -> list[tuple[str, str, bool, tuple[str, ...]]]:
    return [(o.actor, o.modality, o.regime, o.penalties) for o in store.obligations if o.id == ref]


def test_rights_of_individuals_are_not_entries(service: AssistantService) -> None:
    store = service.obligation_store()
    for ref in ("pipl:15.1", "pipl:44.1", "pipl:45.1", "pipl:47.1", "pipl:49.1", "pipl:50.2", "pipl:65.1"):
        assert not [row for row in _rows(store, ref) if row[1] == "may"], ref
    # The processor's duty beside the individual's right stays.
    assert ("个人信息处理者", "must", False, ("pipl:66.1", "pipl:66.2")) in _rows(store, "pipl:15.1")
    # Duties of anyone are still duties.
    assert any(row[1] == "must_not" for row in _rows(store, "ndsr:8.1"))


def test_fuze_gives_a_task_to_the_body_the_duty_sets_up(service: AssistantService) -> None:
    store = service.obligation_store()
    assert {(actor, modality) for actor, modality, _, _ in _rows(store, "pipl:52.1")} == {
        ("处理个人信息达到国家网信部门规定数量的个人信息处理者", "must"),
        ("个人信息保护负责人", "must"),
    }
    assert ("专门机构或者指定代表", "must") in {(a, m) for a, m, _, _ in _rows(store, "pipl:53.1")}
    # 负责 inside a noun phrase (直接负责的主管人员) is never a marker: liability paragraphs have no rows.
    assert _rows(store, "dsl:45.1") == []


def test_regime_rows_subject_an_actor_to_named_rules(service: AssistantService) -> None:
    store = service.obligation_store()
    # A regime row: dsl:49 (国家机关) does not reach the organisations art. 43 subjects to ch. 5 (decided case 5);
    # dsl:51, which names no actor, does, through the collection limit of 38(1) (decided cases 8 and 19).
    assert ("法律、法规授权的具有管理公共事务职能的组织", "must", True, ("dsl:51.1",)) in _rows(store, "dsl:43.1")
    assert ("数据处理者", "must", True, ("shenzhen:92.1", "shenzhen:96.1")) in _rows(store, "shenzhen:20.1")  # case 19
    assert any(regime for _, _, regime, _ in _rows(store, "ndsr:63.3"))
    # Not the instrument's own scope (适用本法) nor a general priority rule (另有规定的，从其规定).
    assert _rows(store, "pipl:3.1") == [] and _rows(store, "dsl:2.1") == []
    # A specific deferral is: written consent where other laws require it.
    assert ("网络数据处理者", "must", True, ("ndsr:55.1",)) in _rows(store, "ndsr:22.2")


def test_permission_rows_carry_no_penalty_and_each_row_only_its_own(service: AssistantService) -> None:
    store = service.obligation_store()
    assert all(not o.penalties for o in store.obligations if o.modality == "may")
    # dsl:51 punishes harming others' rights (8(1)'s second ban), not the duty to obey the law.
    rows = _rows(store, "dsl:8.1")
    assert [p for _, m, _, p in rows if m == "must"] == [()]
    assert sorted(p for _, m, _, p in rows if m == "must_not") == [(), ("dsl:51.1",)]
    # blockchain:21 punishes art. 10's content limb, not its activity limb.
    provider = [p for a, _, _, p in _rows(store, "blockchain:10.1") if a == "区块链信息服务提供者"]
    assert sorted(provider) == [(), ("blockchain:21.1",)]


def test_a_plain_citation_reaches_every_duty_of_the_paragraph_a_described_breach_only_its_party(
    service: AssistantService,
) -> None:
    def penalties(duty: str, actor: str) -> set[str]:
        return {link.penalty for link in service.penalties_for(duty, actor)}

    assert "ndsr:57.1" in penalties("ndsr:29.2", "相关地区、部门")  # 违反本条例第二十九条第二款…规定的
    assert penalties("dsl:35.1", "公安机关、国家安全机关") == set()  # …规定，拒不配合数据调取的


def test_the_residual_clause_reaches_every_duty_no_liability_clause_cites(service: AssistantService) -> None:
    def penalties(duty: str) -> set[str]:
        return {link.penalty for link in service.penalties_for(duty)}

    assert penalties("ndsr:29.1") == {"ndsr:58.1", "ndsr:60.1"}
    assert "ndsr:58.1" in penalties("ndsr:51.1")  # an authority's duty too
    assert "ndsr:58.1" not in penalties("ndsr:12.1") | penalties("ndsr:29.2") | penalties("ndsr:40.1")
    assert penalties("ndsr:40.3") == set()  # 应当依法承担相应责任 states a liability; nothing punishes it


def test_catch_all_clauses_are_never_attached(service: AssistantService) -> None:
    store = service.obligation_store()
    catch_all = {ref for refs in store.catch_all.values() for ref in refs}
    assert catch_all >= {"dsl:52.1", "shenzhen:99.1", "pipl:71.1", "ndsr:61.1"}
    assert not [link for link in store.links if link.penalty in catch_all]


def test_an_authority_is_known_by_the_head_of_its_phrase() -> None:
    assert is_authority("有关主管部门及其工作人员") and is_authority("各地区、各部门")
    assert not is_authority("处理个人信息达到国家网信部门规定数量的个人信息处理者")
    assert not is_authority("为国家机关提供服务的信息系统")
