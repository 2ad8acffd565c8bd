"""The checklist for a processor outside China: the PIPL reaches it through art. 3(2), and the NDSR through art. 2(2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.service import AssistantService
from benchmarks.evaluate_checklist import CASES, evaluate_file

OFFSHORE = {"processes_data_only_outside_china": True, "offshore_targets_people_in_china": True}


def _cited(service: AssistantService, answers: dict[str, object]) -> set[str]:
    result = service.run_checklist(service.checklist("data-compliance"), answers)  # type: ignore[arg-type]
    return {c for item in result.items for c in item.finding.citations}


def test_an_offshore_processor_serving_people_in_china_has_the_pipl_processing_duties(
    service: AssistantService,
) -> None:
    cited = _cited(service, OFFSHORE)
    for duty in ("pipl:53", "ndsr:26", "pipl:13.1", "pipl:17.1", "pipl:51", "pipl:45.2", "pipl:47.1", "ndsr:22.1.1"):
        assert duty in cited, duty
    # Only what reaches it abroad: not the DSL (dsl:2(2) punishes harm, it sets no duties abroad), not the
    # territorial instruments, not the rules on providing data from China to abroad.
    assert not {c for c in cited if c.startswith(("dsl:", "shenzhen:", "blockchain:"))}
    assert not {c for c in cited if c.split(".")[0] in ("pipl:38", "pipl:39", "pipl:40", "pipl:41")}


def test_its_answers_about_its_processing_bring_their_duties(service: AssistantService) -> None:
    questions = [q.id for q in service.checklist("data-compliance").visible_questions(OFFSHORE)]
    assert {"processes_minors_data", "does_user_profiling", "transfers_data_in_restructuring"} <= set(questions)
    assert "operates_in_shenzhen" not in questions and "transfers_data_abroad" not in questions
    cited = _cited(service, {**OFFSHORE, "processes_minors_data": True, "transfers_data_in_restructuring": True})
    assert {"pipl:31.1", "pipl:22"} <= cited


def test_an_offshore_processor_that_does_not_target_people_in_china_has_no_item(
    service: AssistantService,
) -> None:
    assert _cited(service, {**OFFSHORE, "offshore_targets_people_in_china": False}) == set()


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_every_company_case_gets_what_binds_it_and_nothing_that_plainly_does_not(
    service: AssistantService, path: Path
) -> None:
    for result in evaluate_file(path, service):
        assert not result.missed and not result.wrongly_cited, result
