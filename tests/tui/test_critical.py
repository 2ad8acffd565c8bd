"""The critical reader faults: Ctrl+P, unhandled errors, Enter after a burst of keys, the first screen's advice,
no terminal, and the TUI crashes found by the reliability attack (dialogs, export paths, bookmarks, pastes)."""

from __future__ import annotations

import io
import os
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.command import CommandPalette
from textual.content import Content
from textual.widgets import Input

from assistant.bookmarks import BOOKMARKS_FILE
from assistant.cli import tui_launcher
from assistant.errors import EXIT_PROBLEM, EXIT_USAGE
from assistant.service import MAX_QUERY_CHARS
from assistant.tui.app import DataLawApp
from assistant.tui.crash import crash_log_path
from assistant.tui.keys import SEARCH_KEYS, key_name
from assistant.tui.screens.checklist import ChecklistScreen, TextDialog
from assistant.tui.screens.help import HelpScreen
from assistant.tui.widgets.bookmarks_list import BookmarksList
from assistant.tui.widgets.reader import EMPTY_HINT
from assistant.tui.widgets.search_bar import QueryInput
from assistant.tui.widgets.sidebar import Sidebar
from assistant.tui.widgets.toc import ContentsTree
from tests.tui.conftest import SIZE, search_screen, settle, type_query
from tests.tui.keys import burst, keys_for
from tests.tui.test_browse_and_bookmarks import Notes

# -- Ctrl+P and markup -------------------------------------------------------------------------------


async def test_ctrl_p_opens_the_palette_on_the_first_screen_and_after_f5(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape")
        await pilot.press("f6")
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*keys_for("search box"))
        await pilot.pause(0.3)
        await pilot.press("escape")
        await settle(pilot)
        assert app.is_running and app.crash_report is None


async def test_palette_keys_in_one_burst_neither_crash_it_nor_run_a_command_twice(
    make_app: Callable[[], DataLawApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await burst(pilot, "ctrl+p", "pageup", "pagedown")  # page keys before the palette's list is laid out
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette) and app.crash_report is None
        await burst(pilot, *keys_for("help"))
        await settle(pilot)
        await burst(pilot, "enter", "enter", "enter")  # Enters queued behind the one that runs the command
        await settle(pilot)
        assert app.crash_report is None and app.is_running
        assert isinstance(app.screen, HelpScreen)  # run once: a second run would have closed it again


async def test_every_palette_command_shows_its_key_hint_literally(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for mode in ("search", "ask", "checklist"):
            await app.switch_mode(mode)
            await settle(pilot)
            for command in app.get_system_commands(app.screen):
                shown = Content.from_markup(command.help).plain
                assert "\\[" not in shown
                if "[" in command.help:
                    assert shown.endswith("]"), shown  # "[/, Esc]" and "[F1]" are shown, not parsed
        await app.switch_mode("search")
        await settle(pilot)
        help_texts = [Content.from_markup(c.help).plain for c in app.get_system_commands(app.screen)]
        assert any(text.endswith("[/, Esc]") for text in help_texts)
        assert any(text.endswith("[F1]") for text in help_texts)


async def test_notifications_and_statuses_are_plain_text(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.notify("closing tag [/, Esc] and [b]not bold[/b]")
        await type_query(pilot, "[/] [b")
        await pilot.pause()
        assert app.is_running and app.crash_report is None


# -- unhandled errors ----------------------------------------------------------------------------------


async def test_an_unhandled_error_logs_the_traceback_prints_one_line_and_exits_non_zero(
    make_app: Callable[[], DataLawApp],
) -> None:
    app = make_app()

    def explode() -> None:
        raise ValueError("a bug nobody caught")

    search_screen_type = type(app)
    assert search_screen_type is DataLawApp
    with pytest.raises(ValueError):  # run_test re-raises for the test; `dla` itself prints one line
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            app.call_later(explode)
            await pilot.pause(0.2)
    assert app.return_code == 1
    assert app.crash_report is not None
    assert "ValueError: a bug nobody caught" in app.crash_report
    log = crash_log_path()
    assert str(log) in app.crash_report
    assert log.is_relative_to(Path(os.environ["DLA_DATA_DIR"]))
    text = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "a bug nobody caught" in text
    assert app._exit_renderables == []  # no traceback with local variables over the terminal


def test_the_launcher_prints_the_crash_line_and_returns_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class FakeApp:
        crash_report = "dla: the app stopped on an unexpected error (ValueError: x); the details are in /x.log."
        return_code = 1

        def run(self) -> None:
            return None

    import assistant.tui.app as app_module

    monkeypatch.setattr(tui_launcher, "has_terminal", lambda: True)
    monkeypatch.setattr(app_module, "create_app", lambda: FakeApp())
    assert tui_launcher.launch_tui() == EXIT_PROBLEM
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unexpected error" in err


def test_without_a_terminal_dla_says_so_and_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    monkeypatch.setattr("sys.stdout", io.StringIO())
    assert tui_launcher.launch_tui() == EXIT_USAGE
    err = capsys.readouterr().err
    assert "needs a terminal" in err and "dla search" in err
    assert "\x1b" not in err


# -- Enter acts on the text in the box ---------------------------------------------------------------------


def slow_search(app: DataLawApp, seconds: float = 0.05) -> None:
    """Make every search take a little while, as on a busy machine: Pilot otherwise waits it out between keys."""
    real_search = app.service.search

    def search(*args: object, **kwargs: object) -> object:
        time.sleep(seconds)
        return real_search(*args, **kwargs)  # type: ignore[arg-type]

    app.service.search = search  # type: ignore[method-assign]


async def test_enter_after_a_burst_of_keys_opens_the_typed_article_every_time(
    make_app: Callable[[], DataLawApp],
) -> None:
    app = make_app()
    wanted = ["dsl:27", "dsl:2", "shenzhen:10", "dsl:21", "blockchain:8", "dsl:3", "shenzhen:1", "dsl:45"]
    slow_search(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = search_screen(pilot)
        box = screen.query_one(QueryInput)
        for earlier_query in ("数据安全", "important data"):  # each citation after a Chinese and an English list
            for citation in wanted:
                await type_query(pilot, earlier_query)  # another query's results are showing first
                box.focus()
                box.value = ""
                await burst(pilot, *keys_for(citation), "enter")  # one burst: Enter before any search finishes
                await settle(pilot)
                assert screen.reader.article_id == citation, (earlier_query, citation)
                await pilot.press("slash")


async def test_enter_then_m_bookmarks_the_typed_article(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    slow_search(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_query(pilot, "dsl:2")  # results for a prefix of what comes next
        box = search_screen(pilot).query_one(QueryInput)
        box.focus()
        await pilot.press("7", "enter", "m")
        await settle(pilot)
        assert app.bookmarks is not None and app.bookmarks.ids() == ["dsl:27"]


async def test_enter_then_m_in_one_burst_opens_the_typed_article_and_touches_no_other_bookmark(
    make_app: Callable[[], DataLawApp],
) -> None:
    app = make_app()
    slow_search(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_query(pilot, "dsl:2")
        assert app.bookmarks is not None
        app.bookmarks.toggle("dsl:2")  # the article of the prefix is bookmarked: a wrong `m` would remove it
        box = search_screen(pilot).query_one(QueryInput)
        box.focus()
        await burst(pilot, "7", "enter", "m")  # keys that arrive before Enter is handled stay with the box
        await settle(pilot)
        assert search_screen(pilot).reader.article_id == "dsl:27"
        assert set(app.bookmarks.ids()) - {"dsl:27"} == {"dsl:2"}


# -- the first screen's advice ------------------------------------------------------------------------------


async def test_the_first_screens_advice_works_from_the_search_box(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = search_screen(pilot)
        assert isinstance(app.focused, QueryInput)
        advised = re.findall(r"\((F\d+)\)", EMPTY_HINT)
        assert advised == ["F3", "F4"]
        await pilot.press("f3")
        await pilot.pause()
        assert screen.query_one(Sidebar).active == "contents-tab"
        assert isinstance(app.focused, ContentsTree)
        await pilot.press("slash", "f4")
        await pilot.pause()
        assert screen.query_one(Sidebar).active == "bookmarks-tab"
        assert isinstance(app.focused, BookmarksList)
        assert screen.query_one(QueryInput).value == ""  # no key became a query
        footer_keys = {key_name(a.keys.split(",")[0]) for a in SEARCH_KEYS if a.footer}
        assert {"F3", "F4"} <= footer_keys


# -- crashes from the reliability attack -------------------------------------------------------------------


async def test_enter_twice_in_a_checklist_dialog_does_not_crash(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await app.switch_mode("checklist")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ChecklistScreen)
        screen.action_switch_session()
        await pilot.pause()
        assert isinstance(app.screen, TextDialog)
        await pilot.press(*keys_for("other"), "enter", "enter", "enter")
        await settle(pilot)
        assert app.is_running and app.crash_report is None
        assert not isinstance(app.screen, TextDialog)


async def test_an_export_path_naming_an_unknown_user_is_a_notification(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    notes = Notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await app.switch_mode("checklist")
        await settle(pilot)
        await pilot.press("x")
        await pilot.pause()
        box = app.screen.query_one(Input)
        box.value = "~nosuchuser-dla/x.md"
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running
        assert any("Nothing was written" in message for message in notes.errors())


async def test_a_deeply_nested_bookmarks_file_costs_the_bookmarks_not_the_app(
    make_app: Callable[[], DataLawApp],
) -> None:
    data_dir = Path(os.environ["DLA_DATA_DIR"])
    (data_dir / BOOKMARKS_FILE).write_text("[" * 100_000, encoding="utf-8")
    app = make_app()
    notes = Notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.reading is not None  # the corpus loaded: reading and searching work
        assert any("ookmark" in message for message in notes.errors())
        await type_query(pilot, "dsl:27")
        await pilot.press("enter", "m", "f4")
        await settle(pilot)
        assert search_screen(pilot).reader.article_id == "dsl:27"
        assert app.is_running and app.crash_report is None


async def test_a_megabyte_paste_is_cut_to_the_query_limit_and_says_so(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    notes = Notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        box = search_screen(pilot).query_one(QueryInput)
        box.post_message(events.Paste("数据" * 500_000))
        await settle(pilot)
        assert len(box.value) == MAX_QUERY_CHARS
        assert any(f"at most {MAX_QUERY_CHARS}" in message for message, _ in notes.seen)
        assert search_screen(pilot).results.hits  # the search ran on what fits


def test_the_service_searches_only_the_first_characters_of_a_huge_query(service: object) -> None:
    from assistant.service import AssistantService

    assert isinstance(service, AssistantService)
    from assistant.search import query_terms

    results = service.search("数据" * 500_000, limit=5)
    assert [m for m in results.messages if "shortened" in m] == [
        f"query shortened to its first {MAX_QUERY_CHARS} characters"
    ]
    assert MAX_QUERY_CHARS == query_terms.MAX_QUERY_CHARS  # one limit, said once


def test_a_notification_says_what_to_do_as_the_command_line_does(tmp_path: Path) -> None:
    from assistant.errors import DlaError, known_failure
    from assistant.tui.errors import describe

    locked = DlaError("the session is being changed by another dla", 1, "try again in a moment")
    assert (
        describe(locked)
        == locked.user_message()
        == "the session is being changed by another dla. try again in a moment"
    )
    with pytest.raises(OSError) as caught:
        (tmp_path / "missing" / "out.md").write_text("x", encoding="utf-8")
    known = known_failure(caught.value)
    assert known is not None and known.hint and describe(caught.value) == known.user_message()
    assert describe(ValueError("first line\nsecond line")) == "first line"  # an unknown error: its first line only
