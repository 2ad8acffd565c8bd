"""Issue 15: one visibility rule. Answers flip back and forth; the core, the TUI and the CLI export agree each time."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from assistant.checklist.conditions import NOT_SURE
from assistant.checklist.sessions import ChecklistSession, SessionStore
from assistant.cli import main
from assistant.tui.app import DataLawApp
from assistant.tui.screens.checklist import ChecklistScreen
from tests.tui.conftest import SIZE, review_and_change, reviewed_questions, settle


def _cli_export_answers(out: Path) -> set[str]:
    """What `dla checklist run --session default` records (written to a file: the app holds standard output)."""
    assert main(["checklist", "run", "--session", "default", "--format", "json", "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    return set(data["answers"]) | {a["question"] for a in data["assumed"]}


async def test_core_tui_and_cli_agree_on_shown_questions(make_app: Callable[[], DataLawApp], tmp_path: Path) -> None:
    store = SessionStore(Path(os.environ["DLA_DATA_DIR"]) / "sessions")
    session = ChecklistSession("default", "data-compliance", 1)
    for question_id, value in {
        "processes_data_only_outside_china": False,
        "operates_in_shenzhen": True,
        "processes_personal_data": True,
        "does_user_profiling": True,
    }.items():
        session.answer(question_id, value)
    store.save(session)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await app.switch_mode("checklist")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ChecklistScreen) and screen.checklist is not None and screen.session is not None
        assert screen.show_help  # help is visible by default
        for key, expected_shown in (("n", False), ("y", True), ("u", True), ("n", False), ("y", True)):
            await review_and_change(pilot, "processes_personal_data")
            await pilot.press(key)
            await settle(pilot)
            answers = dict(screen.session.answers)
            core = [q.id for q in screen.checklist.visible_questions(answers)]
            await pilot.press("v")  # what the user is shown: the review lists the shown questions
            await settle(pilot)
            tui = reviewed_questions(pilot)
            assert tui == core
            assert ("does_user_profiling" in tui) is expected_shown
            assert answers["does_user_profiling"] is True  # kept while hidden
            exported = _cli_export_answers(tmp_path / "export.json")
            assert exported <= set(core)
            assert ("does_user_profiling" in exported) is expected_shown
            assert screen.session.answers["processes_personal_data"] == {"n": False, "y": True, "u": NOT_SURE}[key]
