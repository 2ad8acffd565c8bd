"""The core never imports Textual, and search never pays for spaCy or jieba."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import assistant

CORE_MODULES = sorted(
    name
    for _, name, _ in pkgutil.walk_packages(assistant.__path__, "assistant.")
    if not name.startswith("assistant.tui")
)


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_imports_without_textual(module: str) -> None:
    code = f"import sys, {module}; sys.exit(1 if any(m == 'textual' or m.startswith('textual.') for m in sys.modules) else 0)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{module} pulled in textual: {result.stderr}"


def test_cli_start_loads_no_heavy_library() -> None:
    code = (
        "import sys; from assistant.cli import build_parser; build_parser();"
        "heavy = [m for m in ('textual', 'spacy', 'jieba', 'whoosh') if m in sys.modules]; print(heavy)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
