"""The Markdown export is a contract: golden files, valid CommonMark, escaped notes, atomic writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from assistant.checklist.engine import Tracking
from assistant.cli import main
from assistant.service import AssistantService
from tests.conftest import CORPUS

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
SCENARIO = Path(__file__).resolve().parent.parent / "scenarios" / "shenzhen-kids-education-app.yaml"
DATE = "2026-11-29"
HOSTILE_NOTES = "Ask **legal** <script>alert(1)</script> [x](http://evil) | col\n# heading\n- [x] fake item ~~s~~"


def _result(service: AssistantService, tracking: dict[str, Tracking] | None = None) -> object:
    """The checklist's result for the scenario's answers, with `tracking`."""
    answers = yaml.safe_load(SCENARIO.read_text(encoding="utf-8"))["answers"]
    return service.run_checklist(service.checklist("data-compliance"), answers, tracking)


def _tracked(service: AssistantService) -> dict[str, Tracking]:
    result = _result(service)
    first, second = result.items[0].finding.id, result.items[1].finding.id  # type: ignore[attr-defined]
    return {
        first: Tracking("done", "Li Wei", "2026-12-31", HOSTILE_NOTES),
        second: Tracking("in progress", "法务部", "", ""),
    }


@pytest.mark.parametrize("output_format", ["md", "json"])
def test_export_matches_the_golden_file(output_format: str, service: AssistantService) -> None:
    result = _result(service, _tracked(service))
    rendered = service.render_checklist(result, output_format, DATE)  # type: ignore[arg-type]
    golden = GOLDEN / f"kids-education-app.{output_format}"
    # The corpus hash moves with any corpus edit; everything else is pinned byte for byte.
    rendered = rendered.replace(result.corpus_hash, "CORPUS-HASH").replace(result.corpus_hash[:16], "CORPUS-HASH")  # type: ignore[attr-defined]
    assert rendered == golden.read_text(encoding="utf-8"), (
        f"export differs from {golden}: read the diff, then update the golden file"
    )


def test_same_answers_give_byte_identical_output(service: AssistantService) -> None:
    first = _result(service, _tracked(service))
    fresh = AssistantService(CORPUS)  # another instance: nothing rides on one service's state
    second = _result(fresh, _tracked(fresh))
    assert service.render_checklist(first, "md", DATE) == service.render_checklist(second, "md", DATE)  # type: ignore[arg-type]


def test_markdown_parses_into_the_intended_structure(service: AssistantService) -> None:
    result = _result(service, _tracked(service))
    text = service.render_checklist(result, "md", DATE)  # type: ignore[arg-type]
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[0].startswith("Data compliance checklist")
    assert {"Summary", "Obligations", "Not covered by this checklist", "Notice"} <= set(headings)
    assert "High severity" in headings
    inline = [t.content for t in tokens if t.type == "inline"]
    # Issue 15: one status line per item, and "done" is the only item shown as [x] (not applicable differs).
    status_lines = [_render_text(c) for c in inline if c.startswith("Status: ")]
    assert len(status_lines) == len(result.items)  # type: ignore[attr-defined]
    assert sum(line.startswith("Status: [x] done") for line in status_lines) == 1
    assert any(t.type == "table_open" for t in tokens)
    assert any(t.type == "blockquote_open" for t in tokens)
    # Hostile notes stay text: no HTML, no link, no emphasis, no extra heading or list item.
    assert not any(t.type in ("html_block", "html_inline", "link_open", "strong_open", "s_open") for t in _all(tokens))
    notes = next(c for c in inline if "Notes:" in c)
    assert "<script>" in _render_text(notes) and "# heading" in _render_text(notes)


def _all(tokens: list) -> list:  # type: ignore[type-arg]
    out = []
    for token in tokens:
        out.append(token)
        out.extend(_all(token.children or []))
    return out


def _render_text(inline_source: str) -> str:
    tokens = MarkdownIt("commonmark").parseInline(inline_source)
    return "".join(
        child.content for token in tokens for child in (token.children or []) if child.type in ("text", "text_special")
    )


def test_every_quote_is_the_verbatim_article_text(service: AssistantService) -> None:
    result = _result(service)
    text = service.render_checklist(result, "md", DATE, quotes=True)  # type: ignore[arg-type]
    for item in result.items:  # type: ignore[attr-defined]
        for quote in item.quotes:
            assert quote.text_zh == service.corpus.text_of(quote.citation, "zh")
            for line in quote.text_zh.splitlines():
                assert line.replace("*", "\\*") in text


def test_json_carries_the_machine_contract(service: AssistantService) -> None:
    result = _result(service, _tracked(service))
    data = json.loads(service.render_checklist(result, "json", DATE))  # type: ignore[arg-type]
    assert set(data) >= {"checklist", "corpus", "answers", "assumed", "items", "not_covered"}
    assert data["checklist"] == {
        "id": "data-compliance",
        "version": 1,
        "title_zh": "数据合规自查清单",
        "title_en": "Data compliance checklist",
    }
    first = result.items[0].finding.id  # type: ignore[attr-defined]
    item = next(i for i in data["items"] if i["id"] == first)  # items are sorted by severity since issue 15
    assert {
        "id",
        "obligation_zh",
        "obligation_en",
        "citations",
        "penalties",
        "status",
        "owner",
        "due",
        "notes",
    } <= item.keys()
    assert item["status"] == "done" and item["owner"] == "Li Wei"


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_run_writes_the_file_atomically(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "checklist.md"
    code, _, err = _cli(
        capsys,
        "checklist",
        "run",
        "--answers",
        str(SCENARIO.with_name("small-bakery-chengdu.yaml")),
        "--out",
        str(out),
        "--date",
        DATE,
    )
    assert code == 2 and "unknown question id" in err  # a scenario file is not an answers file
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        yaml.safe_dump(yaml.safe_load(SCENARIO.read_text(encoding="utf-8"))["answers"]), encoding="utf-8"
    )
    code, _, err = _cli(capsys, "checklist", "run", "--answers", str(answers), "--out", str(out), "--date", DATE)
    assert code == 0 and out.read_text(encoding="utf-8").startswith("# Data compliance checklist")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp file left behind


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "processes_personal_data: maybe\n",
            "answers.yaml:1: processes_personal_data: got 'maybe', expected true, false or not sure",
        ),
        (
            "operates_in_shenzhen: true\nno_such_question: true\n",
            "answers.yaml:2: unknown question id 'no_such_question'",
        ),
        ("operates_in_shenzhen: [true\n", "answers.yaml:"),
        ("- just\n- a list\n", "maps question ids to answers"),
    ],
)
def test_bad_answers_files_exit_2_with_file_and_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, message: str
) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(content, encoding="utf-8")
    code, out, err = _cli(capsys, "checklist", "run", "--answers", str(answers))
    assert code == 2 and out == "" and message in err and "Traceback" not in err


def test_strict_mode_requires_every_shown_question(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("operates_in_shenzhen: true\n", encoding="utf-8")
    code, _, err = _cli(capsys, "checklist", "run", "--answers", str(answers), "--strict")
    assert code == 2 and "unanswered:" in err
    code, out, _ = _cli(capsys, "checklist", "run", "--answers", str(answers), "--date", DATE)
    assert code == 0 and "### Assumed answers" in out


def test_unwritable_export_path_is_a_clear_error_and_loses_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("processes_personal_data: true\n", encoding="utf-8")
    existing = tmp_path / "locked" / "checklist.md"
    existing.parent.mkdir()
    existing.write_text("previous export", encoding="utf-8")
    existing.parent.chmod(0o500)
    try:
        code, _, err = _cli(capsys, "checklist", "run", "--answers", str(answers), "--out", str(existing))
        if code == 0:  # root ignores directory permissions; use a path under a file instead
            code, _, err = _cli(capsys, "checklist", "run", "--answers", str(answers), "--out", str(answers / "x.md"))
    finally:
        existing.parent.chmod(0o700)
    assert code == 1 and "cannot write" in err and "nothing was written" in err
    assert existing.read_text(encoding="utf-8") in ("previous export",) or existing.exists()


def test_sessions_keep_answers_and_tracking_across_runs(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("operates_in_shenzhen: true\nprocesses_personal_data: true\n", encoding="utf-8")
    code, out, _ = _cli(
        capsys, "checklist", "run", "--answers", str(answers), "--session", "acme", "--format", "json", "--date", DATE
    )
    assert code == 0
    item_id = json.loads(out)["items"][0]["id"]
    code, out, _ = _cli(
        capsys,
        "checklist",
        "track",
        "acme",
        item_id,
        "--status",
        "done",
        "--owner",
        "Ana",
        "--due",
        "2027-01-15",
        "--notes",
        "see ticket 12",
    )
    assert code == 0 and "done" in out
    code, out, _ = _cli(capsys, "checklist", "run", "--session", "acme", "--format", "json", "--date", DATE)
    data = json.loads(out)
    assert data["answers"]["operates_in_shenzhen"] is True
    tracked = next(i for i in data["items"] if i["id"] == item_id)
    assert (tracked["status"], tracked["owner"], tracked["due"], tracked["notes"]) == (
        "done",
        "Ana",
        "2027-01-15",
        "see ticket 12",
    )
    code, _, err = _cli(capsys, "checklist", "track", "acme", item_id, "--due", "next week")
    assert code == 2 and "YYYY-MM-DD" in err


def test_changing_an_earlier_answer_keeps_later_answers_that_still_apply() -> None:
    from assistant.checklist.sessions import ChecklistSession

    service = AssistantService(CORPUS)
    checklist = service.checklist("data-compliance")
    session = ChecklistSession("s", checklist.id, checklist.version)
    session.answer("operates_in_shenzhen", True)
    session.answer("processes_personal_data", True)
    session.answer("processes_biometric_data", True)
    session.answer("operates_in_shenzhen", False)  # biometric follow-up is now hidden, not forgotten
    assert "processes_biometric_data" not in checklist.effective_answers(session.answers)
    session.answer("operates_in_shenzhen", True)
    assert checklist.effective_answers(session.answers)["processes_biometric_data"] is True
    assert session.answers["processes_personal_data"] is True


def test_corrupt_session_file_is_a_clear_error_and_left_alone(capsys: pytest.CaptureFixture[str]) -> None:
    store = AssistantService(CORPUS).session_store()
    store.folder.mkdir(parents=True, exist_ok=True)
    (store.folder / "broken.json").write_text("{not json", encoding="utf-8")
    code, _, err = _cli(capsys, "checklist", "run", "--session", "broken")
    assert code == 2 and "unreadable" in err
    assert (store.folder / "broken.json").read_text(encoding="utf-8") == "{not json"


def test_without_answers_and_without_a_terminal_it_says_what_to_do(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _, err = _cli(capsys, "checklist", "run")
    assert code == 2 and "--answers" in err
