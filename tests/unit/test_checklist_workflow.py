"""Issue 15: not sure, one visibility rule, findings as the law scopes them, review and evidence, template, diff, size."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest
import yaml

from assistant.checklist.conditions import NOT_SURE
from assistant.checklist.engine import MissingAnswersError, Tracking
from assistant.checklist.sessions import ChecklistSession, SessionError
from assistant.cli import main
from assistant.service import AssistantService
from tests.conftest import CORPUS

DATE = "2026-11-29"


@pytest.fixture(scope="module")
def service() -> AssistantService:
    return AssistantService(CORPUS)


def _run(service: AssistantService, answers: dict[str, object], **kwargs: object):  # type: ignore[no-untyped-def]
    return service.run_checklist(service.checklist(), answers, **kwargs)  # type: ignore[arg-type]


def _ids(result) -> set[str]:  # type: ignore[no-untyped-def]
    return {item.finding.id for item in result.items}


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


SHENZHEN_PD = {"operates_in_shenzhen": True, "processes_personal_data": True}


# ------------------------------------------------------------------ not sure


def test_not_sure_keeps_dependent_findings_to_confirm_with_what_settles_them(service: AssistantService) -> None:
    result = _run(service, {**SHENZHEN_PD, "processes_important_data": NOT_SURE})
    to_confirm = {item.finding.id: item for item in result.to_confirm}
    assert "dsl-important-data-risk-assessment" in to_confirm
    assert "dsl-important-data-risk-assessment" not in _ids(result)
    assert [q.id for q in to_confirm["dsl-important-data-risk-assessment"].settle_by] == ["processes_important_data"]
    data = json.loads(service.render_checklist(result, "json", DATE))
    entry = next(e for e in data["to_confirm"] if e["id"] == "dsl-important-data-risk-assessment")
    assert entry["status"] == "to confirm" and entry["settle_by"][0]["question"] == "processes_important_data"
    text = service.render_checklist(result, "md", DATE)
    assert "## To confirm" in text and "To settle, answer:" in text and "\\[?\\] to confirm" in text
    # The follow-up question stays shown while the parent is not sure.
    assert service.checklist().question("has_core_data") in service.checklist().visible_questions(
        {"processes_important_data": NOT_SURE}
    )


def test_not_sure_in_an_answers_file_and_strict_still_refuses_unanswered(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("operates_in_shenzhen: true\nprocesses_important_data: not sure\n", encoding="utf-8")
    code, out, _ = _cli(capsys, "checklist", "run", "--answers", str(answers), "--format", "json", "--date", DATE)
    assert code == 0 and json.loads(out)["to_confirm"]
    code, _, err = _cli(capsys, "checklist", "run", "--answers", str(answers), "--strict", "--date", DATE)
    assert code == 2 and "unanswered" in err


def test_strict_refuses_an_unanswered_choice_and_lenient_takes_it_as_not_sure(service: AssistantService) -> None:
    answers = {**SHENZHEN_PD, "transfers_data_abroad": True}
    with pytest.raises(MissingAnswersError):
        _run(service, {q.id: False for q in service.checklist().questions if q.type == "yes_no"} | answers, strict=True)
    result = _run(service, answers)
    assert "sz-outbound-security-assessment" in {i.finding.id for i in result.to_confirm}


# ------------------------------------------------------------------ findings follow each article's scope


def test_outbound_personal_data_follows_volume_and_ties_to_the_personal_data_penalty(service: AssistantService) -> None:
    base = {**SHENZHEN_PD, "transfers_data_abroad": True}
    high = _run(service, {**base, "outbound_personal_data_volume": "assessment_level"})
    low = _run(service, {**base, "outbound_personal_data_volume": "below_thresholds"})
    assert "sz-outbound-security-assessment" in _ids(high)
    assert "sz-outbound-security-assessment" not in _ids(low) and "sz-outbound-volume-monitoring" in _ids(low)
    item = next(i for i in high.items if i.finding.id == "sz-outbound-security-assessment")
    assert [p[0] for p in item.penalties] == ["shenzhen:92.1"]
    assert "Hong Kong, Macao and Taiwan" in item.finding.obligation_en
    question = service.checklist().question("transfers_data_abroad")
    assert question is not None and "香港、澳门、台湾" in question.text_zh
    important = _run(
        service, {**base, "outbound_personal_data_volume": "below_thresholds", "processes_important_data": True}
    )
    item = next(i for i in important.items if i.finding.id == "sz-outbound-important-data-assessment")
    assert [p[0] for p in item.penalties] == ["shenzhen:96.1"]


def test_a_ciio_with_personal_data_abroad_needs_the_assessment_whatever_the_volume(service: AssistantService) -> None:
    answers = {
        **SHENZHEN_PD,
        "transfers_data_abroad": True,
        "is_ciio": True,
        "outbound_personal_data_volume": "below_thresholds",
    }
    assert "sz-outbound-security-assessment" in _ids(_run(service, answers))


def test_ciio_status_is_asked_of_every_organisation_in_china(service: AssistantService) -> None:
    checklist = service.checklist()
    hospital = {"operates_in_shenzhen": True, "is_public_institution": True, "processes_important_data": False,
                "transfers_data_abroad": False}  # fmt: skip
    assert checklist.question("is_ciio") in checklist.visible_questions(hospital)
    assert checklist.question("is_ciio") not in checklist.visible_questions({"processes_data_only_outside_china": True})


def test_market_entity_duties_are_not_shown_to_public_bodies(service: AssistantService) -> None:
    market_only = {"sz-market-entity-data-governance", "sz-no-anticompetitive-conduct", "sz-personal-data-agreements"}
    public = {**SHENZHEN_PD, "is_public_institution": True, "shares_or_opens_data": True}
    assert not market_only & _ids(_run(service, {**public, "is_state_organ": True}))
    assert not market_only & _ids(_run(service, {**public, "also_market_entity": False}))
    assert market_only <= _ids(_run(service, {**public, "also_market_entity": True}))
    assert market_only <= _ids(_run(service, {**SHENZHEN_PD, "shares_or_opens_data": True}))


def test_trading_platform_penalty_says_which_part_each_article_reaches(service: AssistantService) -> None:
    finding = service.checklist().finding("sz-trading-platform-duties")
    assert finding is not None and finding.penalties == ("shenzhen:96", "shenzhen:92")
    assert "data security part" in finding.penalty_note_en
    result = _run(service, {"operates_in_shenzhen": True, "operates_data_trading_platform": True})
    assert "Penalty scope:" in service.render_checklist(result, "md", DATE)


def test_new_findings_cover_public_data_opening_and_quality_certification(service: AssistantService) -> None:
    public = _run(service, {"operates_in_shenzhen": True, "is_public_institution": True})
    assert "sz-public-data-opening" in _ids(public)
    certifier = _run(service, {"operates_in_shenzhen": True, "certifies_data_quality": True})
    assert "sz-data-quality-certification-impartiality" in _ids(certifier)
    cited = {c.split(".")[0] for f in service.checklist().findings for c in f.citations}
    assert {"shenzhen:15", "shenzhen:46", "shenzhen:48", "shenzhen:50", "shenzhen:62"} <= cited


# ------------------------------------------------------------------ one visibility rule


def test_hidden_answers_never_count_and_reappear_when_shown_again(service: AssistantService) -> None:
    checklist = service.checklist()
    answers: dict[str, object] = {**SHENZHEN_PD, "does_user_profiling": True}
    for personal_data in (True, False, True, NOT_SURE, False):
        answers["processes_personal_data"] = personal_data
        shown = {q.id for q in checklist.visible_questions(answers)}  # type: ignore[arg-type]
        result = _run(service, answers)
        recorded = set(result.answers) | {q.id for q in result.assumed}
        assert recorded <= shown
        assert ("does_user_profiling" in shown) == (personal_data is not False)
        assert ("does_user_profiling" in result.answers) == (personal_data is not False)


# ------------------------------------------------------------------ review, evidence, due dates, history


def test_due_dates_must_be_real_dates_and_review_and_evidence_are_kept() -> None:
    session = ChecklistSession("s", "data-compliance", 1)
    with pytest.raises(SessionError):
        session.track("sz-pd-notice", due="2026-13-45")
    with pytest.raises(SessionError):
        session.track("sz-pd-notice", due="2026-02-30")
    with pytest.raises(SessionError):
        session.track("sz-pd-notice", reviewed="tomorrow")
    item = session.track("sz-pd-notice", due="2026-12-31", reviewer="王律师", reviewed="2026-11-30",
                         evidence=["https://wiki/x", "https://wiki/x", "docs/notice.pdf"])  # fmt: skip
    assert item.evidence == ["https://wiki/x", "docs/notice.pdf"]
    session.answer("operates_in_shenzhen", True)
    session.answer("operates_in_shenzhen", False)
    data = session.to_dict()
    assert [h["to"] for h in data["history"]] == [True, False]
    assert Tracking.from_dict(data["tracking"]["sz-pd-notice"]) == item


def test_review_and_evidence_reach_the_export(service: AssistantService, capsys: pytest.CaptureFixture[str]) -> None:
    tracking = {
        "sz-pd-notice": Tracking("done", "Li", "2026-12-31", "", "王律师", "2026-11-30", ["https://wiki/notice"])
    }
    result = _run(service, SHENZHEN_PD, tracking=tracking)
    text = service.render_checklist(result, "md", DATE)
    assert "Reviewed by: 王律师 on 2026-11-30" in text and "Evidence: https://wiki/notice" in text
    item = next(
        i for i in json.loads(service.render_checklist(result, "json", DATE))["items"] if i["id"] == "sz-pd-notice"
    )
    assert item["reviewer"] == "王律师" and item["evidence"] == ["https://wiki/notice"] and item["risk"] == "none"


def test_risk_rule_is_stated_and_overdue_items_go_up(service: AssistantService) -> None:
    tracking = {"sz-data-destruction": Tracking("todo", "", "2026-01-01")}
    result = _run(service, SHENZHEN_PD, tracking=tracking)
    item = next(i for i in result.items if i.finding.id == "sz-data-destruction")
    assert item.finding.severity == "low" and item.risk(DATE) == "medium"
    assert result.overall_risk(DATE) == "high"
    assert "Risk rule:" in service.render_checklist(result, "md", DATE)


def test_track_rejects_a_bad_due_date_and_suggests_ids(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("operates_in_shenzhen: true\n", encoding="utf-8")
    assert _cli(capsys, "checklist", "run", "--answers", str(answers), "--session", "t", "--date", DATE)[0] == 0
    code, _, err = _cli(capsys, "checklist", "track", "t", "sz-pd-notise")
    assert code == 2 and "did you mean sz-pd-notice" in err
    code, _, err = _cli(capsys, "checklist", "track", "t", "sz-pd-notice", "--due", "2026-13-45")
    assert code == 2 and "not a real date" in err
    track = "checklist track t sz-pd-notice --reviewer Wang --reviewed 2026-11-30 --evidence https://x"
    code, out, _ = _cli(capsys, *shlex.split(track))
    assert code == 0 and "reviewed by Wang on 2026-11-30" in out


def test_unknown_question_ids_get_did_you_mean(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("operates_in_shenzen: true\n", encoding="utf-8")
    code, _, err = _cli(capsys, "checklist", "run", "--answers", str(answers))
    assert code == 2 and "a.yaml:1" in err and "did you mean operates_in_shenzhen" in err


# ------------------------------------------------------------------ listings and the template


def test_template_lists_every_question_with_help_and_citations_and_parses(
    service: AssistantService, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _cli(capsys, "checklist", "template")
    assert code == 0
    data = yaml.safe_load(out)
    checklist = service.checklist()
    assert list(data) == [q.id for q in checklist.questions] and all(v is None for v in data.values())
    assert "# Help: " in out and "# Rests on: shenzhen:82" in out and "not sure" in out


def test_questions_and_findings_listings(service: AssistantService, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _cli(capsys, "checklist", "questions")
    assert code == 0 and all(q.id in out for q in service.checklist().questions)
    code, out, _ = _cli(capsys, "checklist", "findings", "--json")
    findings = json.loads(out)
    assert code == 0 and len(findings) == len(service.checklist().findings)
    outbound = next(f for f in findings if f["id"] == "sz-outbound-security-assessment")
    assert outbound["penalties"] == ["shenzhen:92.1"] and "outbound_personal_data_volume" in outbound["condition"]
    assert {"id", "citations", "condition", "severity", "penalties"} <= outbound.keys()


# ------------------------------------------------------------------ diff


def test_diff_shows_answers_items_and_tracking_carried_over(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text("operates_in_shenzhen: true\nprocesses_personal_data: true\n", encoding="utf-8")
    new.write_text(
        "operates_in_shenzhen: true\nprocesses_personal_data: true\nprocesses_biometric_data: true\n", encoding="utf-8"
    )
    _cli(capsys, "checklist", "run", "--answers", str(old), "--session", "d", "--date", DATE)
    _cli(capsys, "checklist", "track", "d", "sz-pd-notice", "--status", "done", "--owner", "Li")
    export = f"checklist run --session d --format json --date {DATE} --out"
    _cli(capsys, *shlex.split(f"{export} {tmp_path / 'old.json'}"))
    _cli(capsys, *shlex.split(f"{export} {tmp_path / 'new.json'} --answers {new}"))
    code, out, _ = _cli(
        capsys, "checklist", "diff", str(tmp_path / "old.json"), str(tmp_path / "new.json"), "--format", "json"
    )
    diff = json.loads(out)
    assert code == 0
    assert {"question": "processes_biometric_data", "old": None, "new": True} in diff["answers_changed"]
    assert "sz-biometric-alternative-option" in {i["id"] for i in diff["items_added"]}
    assert any(t["id"] == "sz-pd-notice" and t["status"] == "done" for t in diff["tracking_carried_over"])
    code, out, _ = _cli(capsys, "checklist", "diff", str(tmp_path / "old.json"), "d")
    assert code == 0 and "## Items added" in out and "`sz-biometric-alternative-option`" in out


# ------------------------------------------------------------------ size


def test_a_typical_company_export_fits_an_issue_body(service: AssistantService) -> None:
    answers = {**SHENZHEN_PD, "processes_sensitive_personal_data": True, "does_user_profiling": True,
               "shares_or_opens_data": True, "entrusts_processing": True, "transfers_data_abroad": True,
               "outbound_personal_data_volume": "contract_level", "uses_automated_collection": True,
               "trades_data_products": True, "processes_data_for_clients": True, "processes_biometric_data": True,
               "differentiates_prices_by_data": True, "processes_minors_data": True}  # fmt: skip
    result = _run(service, answers)
    # Issue 17 added the PIPL and the NDSR: the same company now owes 69 duties (was 40). The export
    # must still fit a GitHub issue body (65,536 characters), with margin.
    assert 64 <= len(result.items) <= 74
    text = service.render_checklist(result, "md", DATE)
    assert len(text) <= 60_000, len(text)
    assert "Legal information, not legal advice" in text
    assert len(service.render_checklist(result, "md", DATE, quotes=True)) > len(text)


# ------------------------------------------------------------------ interactive run


def test_interactive_run_counts_goes_back_wraps_saves_and_names_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    # no (outside China) · yes (Shenzhen) · back · yes again · ? help · then "n" to the rest, "s" to choices
    replies = iter(["n", "y", "b", "y", "?", "maybe", "n"])

    def reply(prompt: str = "") -> str:
        return next(replies, "n")

    monkeypatch.setattr("builtins.input", reply)
    code, out, err = _cli(capsys, "checklist", "run", "--date", DATE)
    assert code == 0
    assert "Question 1 of " in out and "Question 2 of " in out and "please answer y, n or s" in out
    assert out.count("(operates_in_shenzhen)") == 2  # asked again after going back
    assert all(len(line) <= 80 for line in out.splitlines() if line.isascii())
    assert "Rests on:" in out
    written = sorted(tmp_path.glob("data-compliance-*.md"))
    assert len(written) == 1 and written[0].name in err
    assert "saved" in err
    text = written[0].read_text(encoding="utf-8")
    assert "## Summary" in text and "Legal information, not legal advice" in text
