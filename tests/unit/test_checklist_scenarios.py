"""Scenario tests as data: each realistic company gets what applies to it and nothing that does not."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.service import AssistantService
from tests.conftest import CORPUS

SCENARIOS = sorted((Path(__file__).resolve().parent.parent / "scenarios").glob("*.yaml"))


def test_there_are_at_least_twelve_scenarios_including_the_named_kinds() -> None:
    assert len(SCENARIOS) >= 12
    names = " ".join(yaml.safe_load(p.read_text(encoding="utf-8"))["name"].lower() for p in SCENARIOS)
    for kind in ("government", "public hospital", "data exchange", "public data", "foreign-owned"):
        assert kind in names, kind


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_scenario(path: Path) -> None:
    scenario = yaml.safe_load(path.read_text(encoding="utf-8"))
    service = AssistantService(CORPUS)
    checklist = service.checklist(scenario["checklist"])
    for question_id in scenario["answers"]:
        assert checklist.question(question_id), f"{path.name}: unknown question {question_id}"
    result = service.run_checklist(checklist, scenario["answers"])
    cited = {citation for item in result.items for citation in item.finding.citations}
    missing = [c for c in scenario["expected"] if c not in cited]
    wrongly_included = [c for c in scenario["excluded"] if c in cited]
    assert not missing, f"{scenario['name']}: expected but absent: {missing}"
    assert not wrongly_included, f"{scenario['name']}: excluded but present: {wrongly_included}"
    found = {item.finding.id for item in result.items}
    confirm = {item.finding.id for item in result.to_confirm}
    assert set(scenario.get("expected_findings", [])) <= found, found
    assert not set(scenario.get("excluded_findings", [])) & (found | confirm)
    assert set(scenario.get("to_confirm", [])) <= confirm, confirm
