"""The one error base every user-facing failure derives from, with the README's exit codes."""

from __future__ import annotations

EXIT_OK = 0
EXIT_PROBLEM = 1  # the command ran and found a problem (verify failed, unwritable export path)
EXIT_USAGE = 2  # bad usage or input (unknown citation, malformed or oversized file)
EXIT_INTERRUPTED = 130


class DlaError(Exception):
    """A message for the user, the exit code that goes with it, and an optional hint on what to do.

    Subclasses keep their domain meaning (a malformed file, an unknown citation); the CLI maps
    every one of them to stderr and its exit code in one place (`assistant.cli.main`).
    """

    exit_code: int = EXIT_USAGE

    def __init__(self, message: str, exit_code: int | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code
        self.hint = hint

    def user_message(self) -> str:
        """The message and, when there is one, the hint, as one line for stderr or a notification."""
        text = str(self)
        return f"{text}. {self.hint}" if self.hint else text


def known_failure(exc: BaseException) -> DlaError | None:
    """A clear message and exit code for a failure that is not a DlaError but has a known cause; None otherwise.

    Files named in the message are the ones the operating system named; every message says what to do.
    """
    import errno

    if isinstance(exc, DlaError):
        return exc
    if isinstance(exc, OSError):
        where = " ".join(str(name) for name in (exc.filename, exc.filename2) if name) or "a file"
        reason = exc.strerror or str(exc)
        permissions = ("check its permissions (or choose another path)", EXIT_PROBLEM)
        disk_full = ("free some disk space and try again; nothing was replaced", EXIT_PROBLEM)
        by_errno = {
            errno.EACCES: permissions,
            errno.EPERM: permissions,
            errno.ENOSPC: disk_full,
            errno.EDQUOT: disk_full,
            errno.EROFS: ("the file system is read-only: choose a writable place (e.g. DLA_DATA_DIR)", EXIT_PROBLEM),
            errno.ENOENT: ("check the path (and DLA_CORPUS, DLA_INDEX_DIR, DLA_DATA_DIR)", EXIT_USAGE),
            errno.ENOTDIR: ("a file stands where a folder is needed: check the path", EXIT_USAGE),
            errno.EISDIR: ("give a file, not a folder", EXIT_USAGE),
            errno.EEXIST: ("a file stands where a folder is needed: move it or choose another path", EXIT_USAGE),
            errno.ENAMETOOLONG: ("use a shorter path", EXIT_USAGE),
            errno.ELOOP: ("the path is a loop of symbolic links", EXIT_USAGE),
            errno.EMFILE: ("too many open files: close other programs or raise the limit (ulimit -n)", EXIT_PROBLEM),
            errno.EIO: ("the disk reported an input/output error", EXIT_PROBLEM),
        }
        hint, code = by_errno.get(exc.errno or 0, ("check the path and try again", EXIT_PROBLEM))
        return DlaError(f"{where}: {reason}", code, hint)
    if isinstance(exc, UnicodeEncodeError):
        return DlaError(
            "the terminal cannot show this text (it is not UTF-8)",
            EXIT_PROBLEM,
            "set a UTF-8 locale, e.g. LANG=C.UTF-8",
        )
    if isinstance(exc, UnicodeDecodeError):
        return DlaError("a file is not UTF-8 text", EXIT_USAGE, "save it as UTF-8 and try again")
    if isinstance(exc, RecursionError):
        return DlaError("the input is nested too deeply", EXIT_USAGE, "flatten it (at most 40 levels)")
    if isinstance(exc, MemoryError):
        return DlaError("out of memory", EXIT_PROBLEM, "the input is probably too large: give a smaller one")
    return None
