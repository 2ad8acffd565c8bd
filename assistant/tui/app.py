"""The Textual application and the factory the `dla` command and the tests both use."""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.console import RenderableType
from textual import events, work
from textual.app import App, SystemCommand
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.signal import Signal

from assistant import paths
from assistant.service import AssistantService
from assistant.tui.core_state import CoreStatus
from assistant.tui.crash import crash_message, write_crash_log
from assistant.tui.errors import describe
from assistant.tui.keys import APP_KEYS, bindings
from assistant.tui.markup import plain_markup
from assistant.tui.screens.base import DlaScreen
from assistant.tui.screens.search import SearchScreen
from assistant.tui.state import ReaderState, load_state, save_state

if TYPE_CHECKING:  # loaded by the loading worker or on first use, not on the path to the first frame
    from assistant.bookmarks import BookmarkStore
    from assistant.tui.reading import ReadingData


# Each mode is one screen with its own navigation; adding a screen is one line here.
def _ask_screen() -> Screen[Any]:
    from assistant.tui.screens.ask import AskScreen  # imported on first use: not on the path to the first frame

    return AskScreen()


def _checklist_screen() -> Screen[Any]:
    from assistant.tui.screens.checklist import ChecklistScreen  # imported on first use, as above

    return ChecklistScreen()


FIRST_MODE = "search"
# After the first frame, loading waits this long while the app finishes starting (the footer's keys, the
# terminal's replies, the first layout), unless something needs the core first: a key, a click, a paste or a
# query starts it at once, so no one who types waits for it. What it delays is only what shows by itself: the
# remembered article, the contents and bookmarks, a quarter of a second later. (`make bench` times the first
# frame until the process is idle: loading at once would be counted in it.)
LOAD_PAUSE_SECONDS = 0.25
TYPE_AHEAD_WAIT_REFRESHES = 10  # keys typed after a key that opened nothing by then go back where they were typed
MODE_SCREENS: dict[str, tuple[str, Callable[[], Screen[Any]]]] = {
    "search": ("Search & read", SearchScreen),
    "ask": ("Ask a question", _ask_screen),
    "checklist": ("Compliance checklist", _checklist_screen),
}


class DataLawApp(App[None]):
    """Data Law Assistant: loads the core in the background and hands it to each mode's screen."""

    TITLE = "Data Law Assistant"
    SUB_TITLE = "中国数据法 · Chinese data law"
    CSS_PATH = "app.tcss"
    # The first mode's screen is the default screen: Textual starts a mode listed in MODES by re-parsing every
    # stylesheet and restyling the whole app (about 20 ms, a tenth of the first frame); the default screen is
    # styled once. `on_mount` lists the mode afterwards, so F5 and `switch_mode` find it as before.
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {
        name: screen for name, (_, screen) in MODE_SCREENS.items() if name != FIRST_MODE
    }
    DEFAULT_MODE = FIRST_MODE
    BINDINGS = bindings(APP_KEYS)

    def __init__(
        self,
        service: AssistantService | None = None,
        data_dir: Path | None = None,
        load_pause: float = LOAD_PAUSE_SECONDS,
    ) -> None:
        super().__init__()
        self.load_pause = load_pause
        self.service = service or AssistantService()  # light: the corpus and the engine load on first use
        self.data_dir = data_dir
        self.reading: ReadingData | None = None
        self.bookmarks: BookmarkStore | None = None
        self.core_status = CoreStatus("loading", "Loading the corpus…")
        self.core_changed: Signal[CoreStatus] = Signal(self, "core-changed")
        self.crash_report: str | None = None  # the one line to print after an unhandled error
        self.reader_state = ReaderState()  # language, last article, search history: loaded with the corpus
        self._load_now = threading.Event()  # set when the user needs the core: loading stops waiting
        self._leaving = False  # set by exit(): a loading thread stops at its next step
        self._typed_ahead: deque[events.Key] = deque()  # keys waiting for a screen that opens to take the focus

    # -- errors ------------------------------------------------------------------------------------

    def _handle_exception(self, error: Exception) -> None:
        """An unhandled error: log the traceback to a file, keep one line for the terminal, exit non-zero.

        Textual would print a full traceback with local variables over the screen; the override keeps
        its exit path (terminal restored, return code 1) and replaces only what is printed.
        """
        if self.crash_report is None:
            self.crash_report = crash_message(error, write_crash_log(error))
        super()._handle_exception(error)
        self._exit_renderables.clear()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notifications are plain text: a citation, a path or a key hint in brackets is never markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def get_default_screen(self) -> Screen[Any]:
        """The first mode's screen, made once at start-up (see MODES)."""
        return MODE_SCREENS[FIRST_MODE][1]()

    def on_mount(self) -> None:
        self.add_mode(FIRST_MODE, MODE_SCREENS[FIRST_MODE][1])  # its stack exists already: switching back finds it
        # Paint first: the loading thread starts after the first frame (it would compete for the GIL while
        # the screen is laid out) and waits LOAD_PAUSE_SECONDS or until `need_core`; reading the corpus and
        # opening (or building) the index happen there, and screens show progress as `core_changed` reports it.
        self.call_after_refresh(self.load_core)

    def type_ahead(self, key: events.Key, held_by: Screen[Any], release: Callable[[], None]) -> None:
        """A key typed in the same burst after one that opens a screen (a dialog, another mode): kept until that
        screen is on top and has the focus, then delivered there in typing order. When no screen opens (the key
        did something else), `release` lets the widget that held the keys take them back as typed."""
        self._typed_ahead.append(events.Key(key.key, key.character))
        if len(self._typed_ahead) == 1:
            self._deliver_typed_ahead(held_by, release, 0)

    def _deliver_typed_ahead(self, held_by: Screen[Any], release: Callable[[], None], waited: int) -> None:
        opened = self.screen is not held_by and self.screen.focused is not None
        if not opened and waited < TYPE_AHEAD_WAIT_REFRESHES:
            self.call_after_refresh(self._deliver_typed_ahead, held_by, release, waited + 1)
            return
        release()
        while self._typed_ahead:
            self.post_message(self._typed_ahead.popleft())  # handled as if typed now: bindings, then the focus

    def exit(self, result: None = None, return_code: int = 0, message: RenderableType | None = None) -> None:
        """Leave the app; a loading thread that has not started its next step stops instead (quitting waits for it)."""
        self._leaving = True
        self._load_now.set()
        super().exit(result, return_code, message)

    def need_core(self) -> None:
        """The user wants the core now (a key, a click, a query): loading starts at once if it was waiting."""
        self._load_now.set()

    async def on_event(self, event: events.Event) -> None:
        await super().on_event(event)
        # After the event is handled, not before: a key bound to quitting has by then set `_leaving`, and the
        # loading thread, woken by `need_core`, would otherwise race `exit()` and load for nothing.
        if isinstance(event, (events.Key, events.MouseDown, events.Paste)) and not self._leaving:
            self.need_core()

    # -- loading the core ------------------------------------------------------------------------

    @work(thread=True, group="core", exit_on_error=False)
    def load_core(self) -> None:
        """Corpus, duty/penalty links and bookmarks first (to read and browse), then the search index."""
        self._load_now.wait(self.load_pause)
        if self._leaving:  # quit during the pause (Ctrl+Q is a key, and keys start loading)
            return
        # Imported here, in the worker: YAML, file locks and the corpus model are not needed to paint.
        from assistant.tui.reading import ReadingData

        try:
            corpus = self.service.corpus
            reading = ReadingData(corpus, self.service)
        except Exception as exc:
            self._from_thread(self._core_failed, f"could not load the corpus: {describe(exc)}")
            return
        self.reader_state = load_state(self.user_dir)
        store: BookmarkStore | None = None
        try:
            store = self.service.bookmarks(self.user_dir)
        except Exception as exc:  # RecursionError too (deep nesting): a damaged file costs the bookmarks, not the app
            self._from_thread(self._bookmarks_failed, exc)
        self._from_thread(self._corpus_loaded, reading, store)
        if self._leaving:
            return
        try:
            self.service.search_engine(notify=lambda message: self._from_thread(self._index_building, message))
        except Exception as exc:
            self._from_thread(self._core_failed, f"could not open the search index: {describe(exc)}")
            return
        self._from_thread(self._set_status, CoreStatus("ready"))

    @property
    def user_dir(self) -> Path:
        """Where bookmarks and the reader's remembered state live."""
        return self.data_dir or paths.user_data_dir()

    def remember(self, **changes: Any) -> None:
        """Update the remembered reader state and write it (atomically; a failed write is only logged)."""
        self.reader_state = replace(self.reader_state, **changes)
        if not save_state(self.user_dir, self.reader_state):
            self.log.warning(f"could not save the reader state in {self.user_dir}")

    def remember_query(self, query: str) -> None:
        """Add a query to the search history (Up in the search box walks back through it)."""
        self.reader_state = self.reader_state.with_query(query)
        save_state(self.user_dir, self.reader_state)

    def _from_thread(self, callback: Callable[..., object], *args: object) -> None:
        """Run `callback` on the UI thread; quietly nothing when the app has already closed."""
        with contextlib.suppress(RuntimeError):  # the app exited while the worker was still loading
            self.call_from_thread(callback, *args)

    def _set_status(self, status: CoreStatus) -> None:
        self.core_status = status
        self.core_changed.publish(status)

    def _bookmarks_failed(self, exc: BaseException) -> None:
        self.notify(
            f"Bookmarks are unavailable this session: {describe(exc)}. The file was left as it is.",
            title="Bookmarks",
            severity="error",
            timeout=15,
        )

    def _corpus_loaded(self, reading: ReadingData, store: BookmarkStore | None) -> None:
        self.reading, self.bookmarks = reading, store
        if store is not None and store.load_problem:
            self.notify(store.load_problem, title="Bookmarks", severity="error", timeout=15)
        self._set_status(CoreStatus("corpus", "Opening the search index…"))

    def _index_building(self, message: str) -> None:
        reason = message.split(":", 1)[0]  # "search index missing: building it now" -> "search index missing"
        self._set_status(CoreStatus("building", f"Building search index… ({reason})"))

    def _core_failed(self, message: str) -> None:
        self._set_status(CoreStatus("failed", message))
        self.notify(message, title="Data Law Assistant", severity="error", timeout=15)

    # -- for every screen ------------------------------------------------------------------------

    async def open_in_reader(self, citation: str) -> bool:
        """Switch to the search & read screen and open a citation there (for the Ask and Checklist screens)."""
        await self.switch_mode("search")
        screen = self.screen_stack[0]
        return isinstance(screen, SearchScreen) and await screen.open_article(citation)

    # -- help and the command palette -------------------------------------------------------------

    def action_help(self) -> None:
        """Show every key of the current screen (F1 again closes it)."""
        from assistant.tui.screens.help import HelpScreen  # imported on first use: not on the path to the first frame

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        screen = self.screen
        sections = screen.help_sections() if isinstance(screen, DlaScreen) else [("Everywhere", APP_KEYS)]
        extra = screen.help_extra() if isinstance(screen, DlaScreen) else []
        self.push_screen(HelpScreen(sections, extra))

    def action_command_palette(self) -> None:
        """Open the command palette (the project's, whose page keys cannot crash it)."""
        from assistant.tui.widgets.palette import CommandPalette  # on first use: not on the path to the first frame

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(CommandPalette(id="--command-palette"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every command, its title and help escaped: the palette reads both as markup, and key hints are `[F1]`."""
        for command in self._system_commands(screen):
            yield command._replace(title=plain_markup(command.title), help=plain_markup(command.help))

    def _system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own commands, a "Go to" per mode, then every action of the current screen."""
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help", "Every key, the legal notice and what text statuses mean [F1]", self.action_help)
        for name, (title, _) in MODE_SCREENS.items():
            if name != self.current_mode:
                yield SystemCommand(
                    f"Go to {title}", f"Switch to the {title} screen", lambda name=name: self.switch_mode(name)
                )
        if isinstance(screen, DlaScreen):
            yield from screen.palette_commands()


def create_app(
    *, service: AssistantService | None = None, data_dir: Path | None = None, load_pause: float = LOAD_PAUSE_SECONDS
) -> DataLawApp:
    """Build the app as the `dla` command does; tests pass a service over a temp index and a data dir (and may
    pass `load_pause=0` to load at once after the first frame)."""
    return DataLawApp(service=service, data_dir=data_dir, load_pause=load_pause)
