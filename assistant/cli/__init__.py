"""The `dla` command line: one subcommand module per feature, errors mapped to exit codes in `main`."""

from assistant.cli.main import build_parser, main, run

__all__ = ["build_parser", "main", "run"]
