"""Starts the Textual app; kept outside `assistant/tui` so the CLI can import it without Textual."""

from __future__ import annotations

import importlib


def launch_tui() -> int:
    """Run the TUI until the user quits; 0 on a normal exit."""
    # Imported by name at call time: the core's import graph must stay free of Textual (the
    # import-linter contract), and only `dla` with no command pays for loading it.
    app_module = importlib.import_module("assistant.tui.app")
    app_module.create_app().run()
    return 0
