"""Registers the subcommands beyond `show` and `corpus`: search, index, ask, obligations, checklist."""

from __future__ import annotations

import argparse
from typing import Any


def register_commands(commands: Any) -> None:
    """Add each feature's subcommands to the `dla` parser."""
    registrars: list[Any] = []
    for registrar in registrars:
        registrar(commands)


__all__ = ["argparse", "register_commands"]
