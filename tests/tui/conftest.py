"""TUI fixtures: the app built by the `dla` factory over the real corpus and the session's temp index."""

from __future__ import annotations

import asyncio
import contextlib
import copy
import inspect
import io
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Static

from assistant.service import AssistantService
from assistant.tui.app import DataLawApp, create_app
from assistant.tui.screens.chapters import ChapterPicker
from assistant.tui.screens.search import SearchScreen
from assistant.tui.widgets.reader import ArticleReader
from assistant.tui.widgets.search_bar import QueryInput
from tests.tui.keys import burst, keys_for

SIZE = (120, 40)


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests on a fresh event loop: no async plugin is a project dependency."""
    test = pyfuncitem.obj
    if not inspect.iscoroutinefunction(test):
        return None
    arguments = {name: pyfuncitem.funcargs[name] for name in inspect.signature(test).parameters}
    asyncio.run(test(**arguments))
    return True


@pytest.fixture(scope="session")
def warm_service(service: AssistantService) -> AssistantService:
    """The worker's service with everything an app loads already loaded (corpus, links, search engine)."""
    service.search_engine()
    service.obligation_store()
    _ = service.relations, service.definitions, service.checklists  # cached properties, loaded now
    return service


@pytest.fixture()
def make_app(warm_service: AssistantService) -> Callable[[], DataLawApp]:
    """A new app each call, as `dla` builds it; DLA_DATA_DIR (set per test) keeps bookmarks between calls.

    The app loads its core at once after the first frame (`load_pause=0`): the pause `dla` takes before
    loading is covered by tests/tui/test_start_up.py, and here it would only add a quarter second of
    idle waiting to every app a test starts. Each app gets its own service object over the worker's loaded
    core (a shallow copy: a test that replaces a method, e.g. a slow or broken search, changes its app's only);
    the core holds no state of the user's (bookmarks, sessions and history are files under DLA_DATA_DIR), and a
    cold start is covered by test_start_up.py.
    """

    def factory() -> DataLawApp:
        return create_app(service=copy.copy(warm_service), load_pause=0)

    return factory


async def settle(pilot: Pilot[None]) -> None:
    """Wait until every worker (loading, searching, re-rendering) has finished and the screen has caught up."""
    app = pilot.app
    for _ in range(10):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not any(worker.is_running for worker in app.workers):
            return


def search_screen(pilot: Pilot[None]) -> SearchScreen:
    """The search & read screen (the app's first mode)."""
    screen = pilot.app.screen_stack[0]  # the mode's base screen, even under a dialog
    assert isinstance(screen, SearchScreen)
    return screen


async def type_query(pilot: Pilot[None], text: str, *, keys: bool = False) -> None:
    """Put `text` in the search box as one paste (fast), or key by key with `keys=True` (ASCII only)."""
    box = pilot.app.screen.query_one(QueryInput)
    box.focus()
    box.value = ""
    if keys:
        await pilot.press(*keys_for(text))
    else:
        box.insert_text_at_cursor(text)
    await settle(pilot)


@contextlib.asynccontextmanager
async def searching(app: DataLawApp, query: str) -> AsyncIterator[tuple[Pilot[None], SearchScreen]]:
    """The app running at SIZE, settled, with `query` in the search box and its results shown."""
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_query(pilot, query)
        yield pilot, search_screen(pilot)


async def open_typed(pilot: Pilot[None], text: str) -> None:
    """Put `text` in the search box, press Enter (open its top hit) and wait for the reader."""
    await type_query(pilot, text)
    await pilot.press("enter")
    await settle(pilot)


def reader_text(reader: ArticleReader, width: int = 100) -> str:
    """The reader's blocks as plain text, as drawn at `width` cells."""
    assert reader.rendered is not None
    console = Console(width=width, record=True, file=io.StringIO())
    for block in reader.rendered.blocks:
        console.print(block.renderable)
    return console.export_text()


def search_status(app: DataLawApp) -> str:
    """The search screen's status line (the screen under any dialog)."""
    return str(app.screen_stack[0].query_one("#search-status", Static).content)


async def pick_in_f8(pilot: Pilot[None], typed: str) -> None:
    """F8, then the type-ahead and Enter in one burst, as a fast typist (or a paste and Enter) does."""
    await pilot.press("f8")  # an F-key: works with the cursor in the search box
    await pilot.pause()
    assert isinstance(pilot.app.screen, ChapterPicker)
    await burst(pilot, *keys_for(typed), "enter")
    await settle(pilot)


async def review_and_change(pilot: Pilot[None], question_id: str) -> None:
    """In the checklist: `v` (review), move to the question's line, Enter: the question is asked again."""
    from textual.widgets import OptionList

    await pilot.press("v")
    await settle(pilot)
    review = pilot.app.screen.query_one("#review", OptionList)
    await pilot.press("home")  # the first line highlighted, whatever was before
    await pilot.press(*["down"] * review.get_option_index(question_id), "enter")
    await settle(pilot)


def reviewed_questions(pilot: Pilot[None]) -> list[str]:
    """The question ids the review list shows, in order (what the user can see and change)."""
    from textual.widgets import OptionList

    review = pilot.app.screen.query_one("#review", OptionList)
    return [review.get_option_at_index(index).id or "" for index in range(review.option_count)]


class Notes:
    """Records every notification the app raises (through its public `notify`, which still shows each one)."""

    def __init__(self, app: DataLawApp) -> None:
        self.seen: list[tuple[str, str]] = []
        original = app.notify

        def notify(message: str, **kwargs: Any) -> None:
            self.seen.append((message, str(kwargs.get("severity", "information"))))
            original(message, **kwargs)

        app.notify = notify  # type: ignore[method-assign]

    def messages(self) -> list[str]:
        """Every notification's text, in order."""
        return [message for message, _ in self.seen]

    def errors(self) -> list[str]:
        """The notifications raised as errors."""
        return [message for message, severity in self.seen if severity == "error"]
