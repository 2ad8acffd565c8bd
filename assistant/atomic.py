"""Atomic file writes: write a temp file beside the real target, fsync, then rename over it.

The target is resolved first: a symlink is written through (the link stays, its target changes),
an existing file keeps its permission bits, and a target that is not a regular file (a device,
a FIFO) is written directly, never replaced by a regular file.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

NEW_FILE_MODE = 0o666  # before the umask, as for any file a program creates


def write_text_atomic(path: str | Path, text: str, new_mode: int = NEW_FILE_MODE) -> None:
    """Replace `path` with `text` so readers see the old or the new file, never half of one."""
    write_bytes_atomic(path, text.encode("utf-8"), new_mode)


def write_bytes_atomic(path: str | Path, data: bytes, new_mode: int = NEW_FILE_MODE) -> None:
    """Replace `path` with `data` atomically; on failure the old file is untouched and no temp is left.

    `new_mode` (less the umask) applies only when the file does not exist yet; an existing file keeps its mode.
    """
    requested = Path(path)
    try:
        status: os.stat_result | None = os.stat(requested)  # follows symlinks: what the path names
    except FileNotFoundError:
        status = None
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(21, "is a directory", str(requested))
    if status is not None and not stat.S_ISREG(status.st_mode):
        _write_in_place(requested, data, status)
        return
    target = Path(os.path.realpath(requested)) if requested.is_symlink() else requested
    mode = stat.S_IMODE(status.st_mode) if status is not None else new_mode
    temp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if status is not None:
            os.chmod(temp, mode)  # exactly the old mode, whatever the umask
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


def _write_in_place(path: Path, data: bytes, status: os.stat_result) -> None:
    """A device or FIFO: write to it as it is (a FIFO without a reader is an error, not a hang)."""
    flags = os.O_WRONLY | (os.O_NONBLOCK if stat.S_ISFIFO(status.st_mode) else 0)
    descriptor = os.open(path, flags)
    try:
        os.set_blocking(descriptor, True)
        view = memoryview(data)
        while view:
            written = os.write(descriptor, view)
            view = view[written:]
    finally:
        os.close(descriptor)
