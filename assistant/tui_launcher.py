"""Starts the Textual app; kept outside `assistant/tui` so the CLI can import it without Textual."""

from __future__ import annotations


def launch_tui() -> int:
    """Run the TUI until the user quits; 0 on a normal exit."""
    from assistant.tui.app import create_app  # deferred: Textual is only for the TUI

    create_app().run()
    return 0
