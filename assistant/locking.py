"""One locking discipline for every user file and the index build: an exclusive `filelock` beside the file.

Read-modify-write of a shared file happens entirely inside `locked(path)`; the write itself is
atomic (`assistant.atomic`). Readers that only read need no lock.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from assistant.errors import EXIT_PROBLEM, DlaError

LOCK_TIMEOUT_SECONDS = 60.0


class LockError(DlaError, OSError):
    """A lock that could not be taken: another process holds it too long, or its folder is not writable.

    Also an OSError, so front ends that report failed file operations report this one too.
    """

    exit_code = EXIT_PROBLEM


def lock_path(path: Path) -> Path:
    """The lock file that guards `path`: a hidden sibling."""
    return path.with_name(f".{path.name}.lock")


@contextlib.contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the exclusive lock for `path` (creating its folder) for the whole block."""
    guard = lock_path(path)
    try:
        guard.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(guard, timeout=timeout)  # one descriptor per call: threads and processes both wait
        lock.acquire()
    except Timeout as exc:
        raise LockError(
            f"{path} is locked by another dla process (waited {timeout:.0f} s)",
            hint=f"wait for it to finish; if none is running, delete {guard}",
        ) from exc
    except OSError as exc:
        raise LockError(
            f"cannot lock {path}: {exc.strerror or exc}", hint=f"check that {guard.parent} exists and is writable"
        ) from exc
    try:
        yield
    finally:
        lock.release()
