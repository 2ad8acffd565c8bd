"""The one error base every user-facing failure derives from, with the README's exit codes."""

from __future__ import annotations

EXIT_OK = 0
EXIT_PROBLEM = 1  # the command ran and found a problem (verify failed, unwritable export path)
EXIT_USAGE = 2  # bad usage or input (unknown citation, malformed or oversized file)
EXIT_INTERRUPTED = 130


class DlaError(Exception):
    """A message for the user, the exit code that goes with it, and an optional hint on what to do.

    Subclasses keep their domain meaning (a malformed file, an unknown citation); the CLI maps
    every one of them to stderr and its exit code in one place (`assistant.cli.main`).
    """

    exit_code: int = EXIT_USAGE

    def __init__(self, message: str, exit_code: int | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code
        self.hint = hint

    def user_message(self) -> str:
        """The message and, when there is one, the hint, as one line for stderr or a notification."""
        text = str(self)
        return f"{text}. {self.hint}" if self.hint else text
