"""The checklist reads its penalties from the one penalty model, as ask, obligations and the reader do."""

from __future__ import annotations

from assistant.checklist.penalties import ModelPenalties, finding_penalties
from assistant.models import ArticleRef
from assistant.service import AssistantService


def test_every_reviewed_penalty_is_a_link_of_the_model(service: AssistantService) -> None:
    checklist = service.checklist()
    model = service.checklist_penalties()
    disagreements = []
    for finding in checklist.findings:
        if model.unmodelled(finding):
            continue  # no duty-bearer extracted in these provisions: the reviewed penalty stands, visibly
        linked = {ArticleRef.parse(p).article_id for c in finding.citations for p in model.penalties_for(c)}
        for penalty in finding.penalties:
            if ArticleRef.parse(penalty).article_id not in linked:
                disagreements.append(f"{finding.id}: reviewed {penalty}, model {sorted(linked)}")
    assert disagreements == []


def test_checklist_and_ask_show_the_same_penalty_for_a_duty(service: AssistantService) -> None:
    checklist = service.checklist()
    outbound = next(f for f in checklist.findings if f.id == "sz-outbound-security-assessment")
    shown = finding_penalties(outbound, service.checklist_penalties())
    model = [link.penalty for link in service.penalties_for("shenzhen:82.1")]
    # Personal data sent abroad is punished under shenzhen:92, as the model links it; never a penalty it lacks.
    assert shown and set(shown) <= set(model)
    assert all(ArticleRef.parse(p).article_id == "shenzhen:92" for p in shown)


def test_a_review_narrows_but_never_adds() -> None:
    from assistant.checklist.model import Finding

    finding = Finding(
        id="x",
        topic="t",
        when=None,
        actor_zh="",
        actor_en="",
        modality="must",
        severity="high",
        obligation_zh="",
        obligation_en="",
        citations=("dsl:40.1",),
        penalties=("dsl:45",),
    )
    source = ModelPenalties(lambda citation: ["dsl:49.1"])
    assert finding_penalties(finding, source) == []  # dsl:45 is not a link of the model: never shown
    unmodelled = ModelPenalties(lambda citation: [])
    assert unmodelled.unmodelled(finding) and finding_penalties(finding, unmodelled) == ["dsl:45"]
