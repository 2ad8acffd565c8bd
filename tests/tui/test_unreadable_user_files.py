"""The TUI with a bookmarks file it cannot read: it says so, refuses to change it, and keeps running."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.bookmarks import BOOKMARKS_FILE
from assistant.tui.app import DataLawApp
from tests.tui.conftest import SIZE, open_typed, settle
from tests.tui.test_browse_and_bookmarks import Notes

pytestmark = pytest.mark.reliability


async def test_an_oversized_bookmarks_file_is_never_overwritten_by_a_bookmark(
    make_app: Callable[[], DataLawApp],
) -> None:
    path = Path(os.environ["DLA_DATA_DIR"]) / BOOKMARKS_FILE
    content = b'{"version": 1, "bookmarks": []}' + b" " * (2 << 20)
    path.write_bytes(content)
    app = make_app()
    notes = Notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_typed(pilot, "dsl:27")
        await pilot.press("m")  # bookmark the open article: refused, said, no crash
        await settle(pilot)
        assert any("bookmarks" in message for message in notes.errors())
    assert path.read_bytes() == content
