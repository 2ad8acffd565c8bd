"""Every export and every JSON answer says, in both languages, that this is legal information, not legal advice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant import LEGAL_NOTICE_EN, LEGAL_NOTICE_ZH
from assistant.cli.main import main
from assistant.service import AssistantService
from tests.unit.test_checklist_export import DATE, _result


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


def _has_notice(text: str) -> bool:
    # Markdown escapes render as the same characters: compare with the backslashes taken out.
    plain = text.replace("\\", "")
    return LEGAL_NOTICE_EN in plain and LEGAL_NOTICE_ZH in plain


@pytest.mark.parametrize("output_format", ["md", "json"])
def test_checklist_exports(output_format: str, service: AssistantService) -> None:
    result = _result(service)
    assert _has_notice(service.render_checklist(result, output_format, DATE))  # type: ignore[arg-type]


def test_a_diff_of_two_exports(capsys: pytest.CaptureFixture[str], tmp_path: Path, service: AssistantService) -> None:
    result = _result(service)
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(service.render_checklist(result, "json", DATE), encoding="utf-8")
    new.write_text(service.render_checklist(result, "json", "2027-01-01"), encoding="utf-8")
    assert _has_notice(_cli(capsys, "checklist", "diff", str(old), str(new)))


def test_the_answers_template_names_the_notice(capsys: pytest.CaptureFixture[str]) -> None:
    text = _cli(capsys, "checklist", "template")
    comments = " ".join(line.removeprefix("#").strip() for line in text.splitlines() if line.startswith("#"))
    assert LEGAL_NOTICE_EN in comments


def test_the_obligation_matrix_and_the_json_answers(capsys: pytest.CaptureFixture[str]) -> None:
    assert _has_notice(_cli(capsys, "obligations", "--law", "blockchain", "--md"))
    for args in (
        ("obligations", "--law", "blockchain", "--json"),
        ("ask", "blockchain user identity", "--json"),
        ("define", "数据处理", "--json"),
    ):
        data = json.loads(_cli(capsys, *args))
        assert (data["notice"], data["notice_zh"]) == (LEGAL_NOTICE_EN, LEGAL_NOTICE_ZH), args


def test_the_reading_list(service: AssistantService) -> None:
    assert _has_notice(service.reading_list(["dsl:27"]))
