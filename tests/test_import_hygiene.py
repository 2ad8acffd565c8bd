"""The core never imports Textual, and search never pays for spaCy or jieba."""

from __future__ import annotations

import json
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


# One fresh interpreter imports every core module in turn and names the first after whose import Textual is
# loaded: the same finding as one interpreter per module, for one start instead of ninety.
PROBE = """
import importlib, json, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
    if any(m == "textual" or m.startswith("textual.") for m in sys.modules):
        print(json.dumps(name))
        break
else:
    print(json.dumps(None))
"""


def test_no_core_module_imports_textual() -> None:
    assert len(CORE_MODULES) > 50  # the walk found the package
    result = subprocess.run([sys.executable, "-c", PROBE, *CORE_MODULES], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) is None, f"{json.loads(result.stdout)} pulled in textual"


def test_the_probe_names_a_module_that_pulls_in_textual() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "assistant.errors", "assistant.tui.app", "assistant.models"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout) == "assistant.tui.app"


@pytest.mark.parametrize(
    ("statement", "heavy"),
    [
        # The CLI's start: parsing the arguments loads no library the command may not need.
        ("from assistant.cli import build_parser; build_parser()", ("textual", "spacy", "jieba", "whoosh")),
        # Results and answers are plain records: reading or rendering them (the TUI, `dla ask`) needs no index.
        (
            "import assistant.search.results, assistant.obligations.ask, assistant.tui.render_results",
            ("whoosh", "spacy", "jieba"),
        ),
    ],
    ids=["cli start", "results and answers"],
)
def test_loads_no_heavy_library(statement: str, heavy: tuple[str, ...]) -> None:
    code = f"import sys; {statement}; print([m for m in {heavy!r} if m in sys.modules])"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
