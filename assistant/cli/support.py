"""Output helpers and the CLI's own error type, shared by every subcommand."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from assistant.errors import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, DlaError

__all__ = ["EXIT_OK", "EXIT_PROBLEM", "EXIT_USAGE", "CliError", "print_json", "write_output"]


class CliError(DlaError):
    """A usage problem found by the CLI itself (a missing file, a bad option value)."""


def print_json(data: Any) -> None:
    """Pretty JSON, UTF-8 as is (Chinese stays readable)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def write_output(text: str, out: str | None) -> None:
    """`text` to the file `out` (atomically, saying so on stderr), or to standard output when there is none.

    A path that cannot be written is a CliError; nothing is written and any file already there is kept.
    """
    if not out:
        sys.stdout.write(text)
        return
    from assistant.atomic import write_text_atomic

    try:
        write_text_atomic(Path(out).expanduser(), text)
    except (OSError, RuntimeError) as exc:  # RuntimeError: ~nosuchuser
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise CliError(f"cannot write {out}: {reason}; nothing was written", EXIT_PROBLEM) from exc
    print(f"wrote {out}", file=sys.stderr)
