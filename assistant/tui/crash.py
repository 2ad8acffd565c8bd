"""The last line of defence: an unhandled error is written to a log file and reported in one line."""

from __future__ import annotations

import datetime
import os
import traceback
from pathlib import Path

from assistant import __version__, paths

CRASH_LOG = "tui-crash.log"


def crash_log_path() -> Path:
    """Where the traceback goes: `logs/tui-crash.log` in the user data directory."""
    return paths.user_data_dir() / "logs" / CRASH_LOG


def write_crash_log(error: BaseException) -> Path | None:
    """Append the error's full traceback to the crash log; its path, or None when it cannot be written."""
    path = crash_log_path()
    stamp = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
    text = "".join(traceback.format_exception(error))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as log:
            log.write(f"--- {stamp} dla {__version__} pid {os.getpid()}\n{text}\n")
    except OSError:
        return None
    return path


def crash_message(error: BaseException, log: Path | None) -> str:
    """The one line a user sees after the app has stopped on an unexpected error."""
    what = (str(error).strip().splitlines() or [""])[0]
    summary = f"{type(error).__name__}: {what}" if what else type(error).__name__
    where = f"the details are in {log}" if log else "the details could not be written to a log file"
    return f"dla: the app stopped on an unexpected error ({summary}); {where}. Please report it."
