"""How the screens look, pinned as SVG snapshots (update with --snapshot-update after reading the diff)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from assistant.service import AssistantService
from assistant.tui.app import create_app
from tests.conftest import CORPUS
from tests.tui.conftest import open_typed, search_screen, settle, type_query

SNAPSHOT_SIZE = (100, 30)
SnapCompare = Callable[..., bool]


async def ready(pilot: Pilot[Any]) -> None:
    """Everything loaded, and the text cursor frozen so the picture does not depend on timing."""
    await settle(pilot)
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False


def test_search_screen_with_results(snap_compare: SnapCompare, built_index_dir: Path) -> None:
    """Results for "important data": citations in both renderings, badges, highlighted snippets."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await ready(pilot)
        await type_query(pilot, "important data")

    app = create_app(service=AssistantService(CORPUS, built_index_dir))
    assert snap_compare(app, terminal_size=SNAPSHOT_SIZE, run_before=run_before)


def test_reader_both_languages_on_an_unverified_article(snap_compare: SnapCompare, built_index_dir: Path) -> None:
    """blockchain:8 side by side (reader zoomed to the full width) with the UNVERIFIED warning on top."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await ready(pilot)
        await open_typed(pilot, "blockchain:8")
        screen = search_screen(pilot)
        assert screen.reader.language == "both"
        await pilot.press("z")
        await settle(pilot)

    app = create_app(service=AssistantService(CORPUS, built_index_dir))
    assert snap_compare(app, terminal_size=SNAPSHOT_SIZE, run_before=run_before)


def test_help_screen(snap_compare: SnapCompare, built_index_dir: Path) -> None:
    """F1: the full legal notice, then every key."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await ready(pilot)
        await pilot.press("f1")
        await pilot.pause()

    app = create_app(service=AssistantService(CORPUS, built_index_dir))
    assert snap_compare(app, terminal_size=SNAPSHOT_SIZE, run_before=run_before)


def test_ask_screen_with_an_answer(snap_compare: SnapCompare, built_index_dir: Path) -> None:
    """Obligations grouped by actor, the first one quoted in full with its penalty."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await ready(pilot)
        await pilot.app.switch_mode("ask")
        await ready(pilot)
        box = pilot.app.screen.query_one("#question", Input)
        box.value = "what must a blockchain service provider do about user identity?"
        box.focus()
        await pilot.press("enter")
        await ready(pilot)

    app = create_app(service=AssistantService(CORPUS, built_index_dir))
    assert snap_compare(app, terminal_size=SNAPSHOT_SIZE, run_before=run_before)


def test_checklist_first_question(snap_compare: SnapCompare, built_index_dir: Path) -> None:
    """The first step of the questionnaire, with its help text shown (by default)."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await ready(pilot)
        await pilot.app.switch_mode("checklist")
        await ready(pilot)  # help is shown by default since issue 15 (h hides it)

    app = create_app(service=AssistantService(CORPUS, built_index_dir))
    assert snap_compare(app, terminal_size=SNAPSHOT_SIZE, run_before=run_before)


def test_reader_at_80_by_24(snap_compare: SnapCompare, built_index_dir: Path) -> None:
    """The smallest supported terminal: search box, results, reader with its validity header, one notice line, footer."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await ready(pilot)
        await open_typed(pilot, "dsl:27")

    app = create_app(service=AssistantService(CORPUS, built_index_dir))
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_compare_a_duty_and_its_penalty(snap_compare: SnapCompare, built_index_dir: Path) -> None:
    """dsl:27 (the duty) beside dsl:45 (its penalty), Chinese."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await ready(pilot)
        assert await search_screen(pilot).compare("dsl:27", "dsl:45")
        await settle(pilot)

    app = create_app(service=AssistantService(CORPUS, built_index_dir))
    assert snap_compare(app, terminal_size=SNAPSHOT_SIZE, run_before=run_before)


def test_reader_with_related_provisions(snap_compare: SnapCompare, built_index_dir: Path) -> None:
    """dsl:45 on a wide terminal: results, the reader with its validity header, and the related panel
    (provisions the text names and the duties it enforces, each with its first words)."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await ready(pilot)
        await open_typed(pilot, "dsl:45")

    app = create_app(service=AssistantService(CORPUS, built_index_dir))
    assert snap_compare(app, terminal_size=(160, 40), run_before=run_before)
