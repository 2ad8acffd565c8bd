"""Registers the subcommands beyond `show` and `corpus`: search, index, ask, obligations, checklist."""

from __future__ import annotations

from typing import Any


def register_commands(commands: Any) -> None:
    """Add each feature's subcommands to the `dla` parser."""
    from assistant import checklist_cli, obligations_cli, search_cli

    for register in (search_cli.register, obligations_cli.register, checklist_cli.register):
        register(commands)
