"""The checklist's item list at 80x24: owner and due columns, ellipses where text is cut, no English word cut."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.cells import cell_len
from textual.pilot import Pilot
from textual.widgets import Input, Static

from assistant.checklist.sessions import ChecklistSession, SessionStore
from assistant.service import AssistantService
from assistant.tui.app import DataLawApp, create_app
from assistant.tui.checklist_rows import ELLIPSIS, ChecklistRow, fit_words, header_row, item_row
from assistant.tui.screens.checklist import ChecklistScreen
from assistant.tui.widgets.checklist_items import ChecklistItems
from tests.conftest import CORPUS
from tests.tui.conftest import settle

NARROW = (80, 24)
OWNER = "Data protection officer"  # longer than the owner column: cut after a whole word
DUE = "2026-12-31"
# A Shenzhen company that processes personal data and profiles users: a list longer than one screen.
ANSWERS = {
    "processes_data_only_outside_china": False,
    "operates_in_shenzhen": True,
    "processes_personal_data": True,
    "does_user_profiling": True,
}


def save_session() -> None:
    """The answers above, saved as the default session the checklist screen resumes."""
    store = SessionStore(Path(os.environ["DLA_DATA_DIR"]) / "sessions")
    session = ChecklistSession("default", "data-compliance", 1)
    for question_id, value in ANSWERS.items():
        session.answer(question_id, value)
    store.save(session)


def cut_cleanly(shown: str, full: str) -> bool:
    """True when `shown` is `full`, or a prefix of it ending before a word (English) with an ellipsis."""
    shown, full = shown.strip(), " ".join(full.split())
    if shown == full:
        return True
    if not shown.endswith(ELLIPSIS):
        return False
    head = shown[: -len(ELLIPSIS)]
    if not full.startswith(head):
        return False
    following = full[len(head) : len(head) + 1]
    mid_word = head[-1:].isascii() and head[-1:].isalnum() and following.isascii() and following.isalnum()
    return not mid_word


async def open_items(pilot: Pilot[None]) -> ChecklistScreen:
    app = pilot.app
    await app.switch_mode("checklist")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, ChecklistScreen) and screen.session is not None
    screen.action_show_result()
    await settle(pilot)
    return screen


async def test_at_80_by_24_the_items_show_owner_and_due_and_cut_only_between_words(
    make_app: Callable[[], DataLawApp],
) -> None:
    save_session()
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = await open_items(pilot)
        # Owner and due date set from the keyboard on the first item.
        await pilot.press("o")
        await pilot.pause()
        app.screen.query_one(Input).value = OWNER
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("d")
        await pilot.pause()
        app.screen.query_one(Input).value = DUE
        await pilot.press("enter")
        await settle(pilot)

        assert screen.has_class("-narrow")  # the item's text is below the table, not beside it
        table = screen.query_one(ChecklistItems)
        assert table.region.width >= 76
        header = str(table.query_one("#items-header", Static).content)
        assert "Owner" in header and "Due" in header

        item_list = table.item_list
        assert item_list.option_count == len(screen.listed_items()) > 10
        width = table.row_width()
        header_cells = header_row(width).plain
        owner_at, due_at = header_cells.index("Owner"), header_cells.index("Due")
        obligation_at = header_cells.index("Obligation")
        for index, item in enumerate(screen.listed_items()):
            line = item_list.get_option_at_index(index).prompt.plain  # type: ignore[union-attr]
            assert cell_len(line) <= width and "\n" not in line  # one line, never wrapped
            assert cut_cleanly(line[obligation_at : owner_at - 1], item.finding.obligation_en), line
            owner_cell = line[owner_at : due_at - 1]
            assert cut_cleanly(owner_cell, item.tracking.owner or "—"), owner_cell
            assert line[due_at:].strip() == (item.tracking.due or "—")

        first = item_list.get_option_at_index(0).prompt.plain  # type: ignore[union-attr]
        assert first[owner_at:].startswith("Data…") and first[due_at:].strip() == DUE
        assert any(ELLIPSIS in item_list.get_option_at_index(i).prompt.plain for i in range(item_list.option_count))  # type: ignore[union-attr]


def test_fit_words_keeps_whole_english_words_and_cuts_chinese_anywhere() -> None:
    assert fit_words("Appoint a data security officer", 40) == "Appoint a data security officer"
    assert fit_words("Appoint a data security officer", 20) == "Appoint a data…"
    assert fit_words("Supercalifragilistic owner", 8) == "Superca…"  # one word longer than the room
    assert fit_words("建立健全全流程数据安全管理制度", 9) == "建立健全…"  # 2 cells a character
    assert fit_words("real-name verification", 12) == "real-name…"
    assert all(cell_len(fit_words("组织开展数据安全教育培训 training", n)) <= n for n in range(1, 30))


def test_rows_line_up_under_the_header_at_every_width() -> None:
    row = ChecklistRow("in progress", "high", "Shenzhen Art. 82(1)", "Report outbound transfers", "法务部 张三", DUE)
    for width in (60, 78, 98, 130):
        header, line = header_row(width).plain, item_row(row, width).plain
        assert cell_len(line) <= width
        for title, text in (("Provision", "Shenzhen"), ("Obligation", "Report"), ("Owner", "法务部"), ("Due", DUE)):
            # the column starts at the same cell in the header and in the row (cells, not characters)
            assert cell_len(header[: header.index(title)]) == cell_len(line[: line.index(text)]), (width, title)
        assert line.rstrip().endswith(DUE)
        assert ("in progress" in line) is (width >= 110)  # the status word where there is room; the marker always
        assert line.startswith("[~]")


def test_snapshot_checklist_items_at_80_by_24(snap_compare: Callable[..., bool], built_index_dir: Path) -> None:
    """The item table at 80x24: owner and due columns, ellipses, the selected item's text below."""
    save_session()

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        screen = await open_items(pilot)
        assert screen.session is not None
        first = screen.listed_items()[0].finding.id
        screen.session.track(first, owner=OWNER, due=DUE)
        screen.action_show_result()
        await settle(pilot)

    app = create_app(service=AssistantService(CORPUS, built_index_dir))
    assert snap_compare(app, terminal_size=NARROW, run_before=run_before)
