"""The built-in questionnaire: required ids, every citation resolves, every condition names a known question."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.checklist.conditions import questions_named
from assistant.checklist.model import load_checklist, load_checklists
from assistant.corpus.store import Corpus
from assistant.datafile import DataFileError
from tests.conftest import CORPUS

REQUIRED_IDS = [
    "provides_blockchain_service",
    "launches_new_blockchain_feature",
    "changes_blockchain_service_details",
    "terminates_blockchain_service",
    "operates_in_shenzhen",
    "processes_personal_data",
    "processes_sensitive_personal_data",
    "processes_biometric_data",
    "processes_minors_data",
    "does_user_profiling",
    "processes_important_data",
    "is_ciio",
    "transfers_data_abroad",
    "receives_foreign_judicial_request",
    "acts_as_data_trading_intermediary",
    "operates_data_trading_platform",
    "trades_data_products",
    "entrusts_processing",
    "shares_or_opens_data",
    "is_public_institution",
]


def test_required_question_ids_are_stable() -> None:
    checklist = load_checklists(CORPUS)["data-compliance"]
    assert set(REQUIRED_IDS) <= {q.id for q in checklist.questions}


def test_every_citation_and_penalty_resolves(corpus: Corpus) -> None:
    for checklist in load_checklists(CORPUS).values():
        for question in checklist.questions:
            assert all(corpus.exists(c) for c in question.cites), question.id
        for finding in checklist.findings:
            for citation in (*finding.citations, *finding.penalties):
                assert corpus.exists(citation), f"{finding.id}: {citation}"


def test_every_condition_names_a_known_question() -> None:
    for checklist in load_checklists(CORPUS).values():
        ids = {q.id for q in checklist.questions}
        for item in (*checklist.questions, *checklist.findings):
            assert questions_named(item.when) <= ids, item.id


def test_penalties_are_liability_articles(corpus: Corpus) -> None:
    from assistant.obligations.liability import is_liability_article

    for finding in load_checklists(CORPUS)["data-compliance"].findings:
        for penalty in finding.penalties:
            assert is_liability_article(corpus.article(penalty)), (
                f"{finding.id}: {penalty} is not a liability provision"
            )


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    return path


MINIMAL = """id: t
version: 1
title_zh: 测试
title_en: Test
topics: [{id: a, title_zh: 甲, title_en: A}]
questions:
  - {id: q1, type: yes_no, text_zh: 问, text_en: Q, help_zh: 帮, help_en: H, cites: [dsl:1]}
findings:
  - {id: f1, topic: a, when: q1, actor_zh: 甲, actor_en: A, modality: must, severity: low,
     obligation_zh: 义务, obligation_en: Duty, citations: [dsl:27.1], penalties: [dsl:45]}
"""


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("when: q1", "when: {xor: [q1]}"), "unknown condition 'xor'"),
        (("when: q1", "when: q9"), "unknown question 'q9'"),
        (("severity: low", "severity: dire"), "severity must be one of"),
        (("topic: a, when", "topic: zz, when"), "unknown topic"),
        (("citations: [dsl:27.1]", "citations: [dsl27]"), "not a citation id"),
        (("type: yes_no", "type: yes_no, colour: red"), "unknown key 'colour'"),
    ],
)
def test_malformed_checklists_are_rejected_with_file_and_line(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    path = _write(tmp_path, MINIMAL.replace(*change))
    with pytest.raises(DataFileError) as caught:
        load_checklist(path)
    assert message in str(caught.value) and str(caught.value).startswith(f"{path}:")


def test_minimal_checklist_loads(tmp_path: Path) -> None:
    checklist = load_checklist(_write(tmp_path, MINIMAL))
    assert [f.id for f in checklist.findings] == ["f1"]
