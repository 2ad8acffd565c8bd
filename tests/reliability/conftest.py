"""Fault-injection suite: every test is marked `reliability`; scenarios, processes and faults are counted and printed."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from assistant.checklist.sessions import ChecklistSession, SessionStore
from assistant.service import AssistantService
from tests.conftest import CORPUS, PROJECT, RELIABILITY_SHARE

# What this process's tests counted (processes, faults, changes); under pytest-xdist each worker has its own.
TALLY: Counter[str] = Counter()
HERE = Path(__file__).resolve().parent
# Each test's share travels with its report (user_properties), so workers' counts reach the summary that
# tests/conftest.py prints in the controlling process (which, under pytest-xdist, never loads this file).
_SHARE = RELIABILITY_SHARE


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test in this folder, so `pytest -m reliability` runs the suite alone."""
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.reliability)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Record what this test added to the tally, so the report carries it to the process that prints the summary."""
    before = Counter(TALLY)
    yield
    item.user_properties.append((_SHARE, dict(TALLY - before)))


def fault(kind: str, amount: int = 1) -> None:
    """Count injected faults (by kind, and in total)."""
    TALLY["faults injected"] += amount
    TALLY[f"fault: {kind}"] += amount


def spawn(args: Sequence[str], capture: bool = False) -> subprocess.Popen[str]:
    """Start a Python child in the project (counted); stderr is captured, stdout only with `capture`."""
    TALLY["processes"] += 1
    stdout = subprocess.PIPE if capture else subprocess.DEVNULL
    return subprocess.Popen([sys.executable, *args], cwd=PROJECT, stdout=stdout, stderr=subprocess.PIPE, text=True)


def finish(processes: Sequence[subprocess.Popen[str]], timeout: float = 60) -> list[tuple[int, str, str]]:
    """Wait for every child, reading its pipes; (code, stdout, stderr) each."""
    results = []
    for process in processes:
        out, err = process.communicate(timeout=timeout)
        results.append((process.returncode, out or "", err or ""))
    return results


def all_ok(results: Sequence[tuple[int, str, str]]) -> bool:
    """Every child exited 0 with no traceback."""
    return all(code == 0 and no_traceback(err) for code, _, err in results)


def dla(*args: str, stdin: str | None = None, timeout: float = 60) -> tuple[int, str, str]:
    """Run `python -m assistant ARGS` as a child (the real CLI, the test's environment); (code, stdout, stderr)."""
    TALLY["processes"] += 1
    done = subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        cwd=PROJECT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=os.environ.copy(),
    )
    return done.returncode, done.stdout, done.stderr


def no_traceback(stderr: str) -> bool:
    """Neither a Python traceback nor the catch-all message reached the user."""
    return "Traceback" not in stderr and "unexpected error" not in stderr


def new_session(name: str) -> tuple[SessionStore, list[str]]:
    """A saved, empty checklist session in the test's data directory, and the checklist's finding ids."""
    service = AssistantService(CORPUS)
    checklist = service.checklist()
    store = service.session_store()
    store.save(ChecklistSession(name, checklist.id, checklist.version))
    return store, [finding.id for finding in checklist.findings]
