"""Pilot tests for the Ask and Checklist screens: ask → open cited article; branching, changing an answer, export."""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.checklist.sessions import SessionStore
from assistant.cli import main
from assistant.tui.app import DataLawApp
from assistant.tui.screens.ask import AskScreen
from assistant.tui.screens.checklist import ChecklistScreen
from tests.tui.conftest import SIZE, Notes, review_and_change, settle


async def test_ask_then_open_the_cited_article(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await app.switch_mode("ask")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AskScreen)
        screen.query_one("#question").value = "what must a blockchain service provider do about user identity?"  # type: ignore[attr-defined]
        screen.query_one("#question").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert screen.obligations, "no obligations shown"
        first = next(iter(screen.obligations.values()))
        assert first["id"].startswith("blockchain:8")
        await pilot.press("o")
        await settle(pilot)
        assert app.current_mode == "search"
        assert "Art. 8" in app.screen.sub_title


def _checklist(app: DataLawApp) -> ChecklistScreen:
    screen = app.screen
    assert isinstance(screen, ChecklistScreen)
    return screen


async def test_checklist_branches_keeps_answers_and_exports_like_the_cli(
    make_app: Callable[[], DataLawApp], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await app.switch_mode("checklist")
        await settle(pilot)
        screen = _checklist(app)
        assert screen.current is not None
        # Answer until the Shenzhen question, say yes; the personal-data follow-ups then appear.
        for _ in range(40):
            current = screen.current
            assert current is not None
            if current.id in ("operates_in_shenzhen", "processes_personal_data", "does_user_profiling"):
                await pilot.press("y")
            elif current.type == "yes_no":
                await pilot.press("n")
            else:
                await pilot.press("1")
            await settle(pilot)
            if app.screen.query_one("ContentSwitcher").current == "result-view":  # type: ignore[attr-defined]
                break
        assert screen.session is not None
        assert screen.session.answers["does_user_profiling"] is True
        # Change an earlier answer through the review: later answers that still apply are kept.
        await review_and_change(pilot, "operates_in_shenzhen")
        assert screen.current is not None and screen.current.id == "operates_in_shenzhen"
        await pilot.press("n")
        await settle(pilot)
        assert screen.session.answers["does_user_profiling"] is True  # kept, though hidden now
        await review_and_change(pilot, "operates_in_shenzhen")
        await pilot.press("y")
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        assert screen.result is not None
        assert any(c.startswith("shenzhen:29") for item in screen.result.items for c in item.finding.citations)
        # Track the first item, export, and compare with the CLI's bytes for the same session.
        await pilot.press("s")
        await settle(pilot)
        out = tmp_path / "tui.md"
        screen.export_to(out)
        await settle(pilot)
    assert out.exists()
    assert (
        main(
            [
                "checklist",
                "run",
                "--session",
                "default",
                "--out",
                str(tmp_path / "cli.md"),
                "--date",
                datetime.date.today().isoformat(),
            ]
        )
        == 0
    )
    assert out.read_bytes() == (tmp_path / "cli.md").read_bytes()
    session = SessionStore(Path(os.environ["DLA_DATA_DIR"]) / "sessions").load("default")
    assert any(t.status == "in progress" for t in session.tracking.values())


async def test_checklist_resumes_a_saved_session(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await app.switch_mode("checklist")
        await settle(pilot)
        first_question = _checklist(app).current
        await pilot.press("n")
        await settle(pilot)
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await again.switch_mode("checklist")
        await settle(pilot)
        screen = _checklist(again)
        assert screen.session is not None and first_question is not None
        assert screen.session.answers[first_question.id] is False
        assert screen.current is not None and screen.current.id != first_question.id


async def test_export_to_an_unwritable_path_is_a_notification(
    make_app: Callable[[], DataLawApp], tmp_path: Path
) -> None:
    app = make_app()
    notes = Notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await app.switch_mode("checklist")
        await settle(pilot)
        blocker = tmp_path / "file"
        blocker.write_text("x", encoding="utf-8")
        _checklist(app).export_to(blocker / "out.md")
        await settle(pilot)
        assert any("Nothing was written" in note for note in notes.errors())
