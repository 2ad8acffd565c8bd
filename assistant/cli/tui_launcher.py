"""Starts the Textual app; kept outside `assistant/tui` so the CLI can import it without Textual."""

from __future__ import annotations

import importlib
import sys

from assistant.errors import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE

NO_TERMINAL = (
    "dla: the interactive app needs a terminal (stdin and stdout must both be one); "
    "in scripts use a command, e.g. `dla search QUERY` or `dla show dsl:27` (see `dla --help`)"
)


def has_terminal() -> bool:
    """True when both stdin and stdout are terminals, as the full-screen app needs."""
    return all(stream is not None and stream.isatty() for stream in (sys.stdin, sys.stdout))


def launch_tui() -> int:
    """Run the TUI until the user quits: 0 on a normal exit, 1 after an unexpected error, 2 without a terminal."""
    if not has_terminal():
        print(NO_TERMINAL, file=sys.stderr)
        return EXIT_USAGE
    # Imported by name at call time: the core's import graph must stay free of Textual (the
    # import-linter contract), and only `dla` with no command pays for loading it.
    crash = importlib.import_module("assistant.tui.crash")
    try:
        app_module = importlib.import_module("assistant.tui.app")
        app = app_module.create_app()
        app.run()
    except Exception as exc:  # an error outside the app's loop (start-up, driver): same one line and log
        print(crash.crash_message(exc, crash.write_crash_log(exc)), file=sys.stderr)
        return EXIT_PROBLEM
    if app.crash_report:
        print(app.crash_report, file=sys.stderr)
        return EXIT_PROBLEM
    return EXIT_OK if not app.return_code else app.return_code
