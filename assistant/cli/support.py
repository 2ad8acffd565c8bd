"""Output helpers and the CLI's own error type, shared by every subcommand."""

from __future__ import annotations

import json
import sys
from typing import Any

from assistant.errors import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, DlaError

__all__ = ["EXIT_OK", "EXIT_PROBLEM", "EXIT_USAGE", "CliError", "print_json"]


class CliError(DlaError):
    """A usage problem found by the CLI itself (a missing file, a bad option value)."""


def print_json(data: Any) -> None:
    """Pretty JSON, UTF-8 as is (Chinese stays readable)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
