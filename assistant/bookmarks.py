"""Bookmarked citations, kept as a small JSON file in the user data directory and written atomically."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.atomic import write_text_atomic
from assistant.datafile import MAX_USER_FILE_BYTES, DataFileError, read_bounded
from assistant.errors import EXIT_PROBLEM, DlaError
from assistant.locking import locked
from assistant.models import ArticleRef, CitationError

if TYPE_CHECKING:
    from assistant.corpus.store import Corpus

BOOKMARKS_FILE = "bookmarks.json"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Bookmark:
    """One bookmarked citation id and when it was added (ISO 8601, UTC)."""

    id: str
    added: str


class BookmarkFileError(DlaError, ValueError):
    """A bookmarks file that cannot be read as this format."""


class BookmarksUnreadableError(DlaError, OSError):
    """A bookmarks file that exists but cannot be read (permissions, too large): it is never overwritten.

    Also an OSError, so front ends that report failed file operations report this one too.
    """

    exit_code = EXIT_PROBLEM


class BookmarkStore:
    """Add, remove and list bookmarks; every change is written to disk at once.

    A bookmarks file that is not valid is never overwritten: it is renamed aside
    (`bookmarks.json.corrupt-<time>`) and `load_problem` says so, so nothing is lost silently.
    One that cannot be read at all (permissions, oversized) is left alone, and changes are refused
    with BookmarksUnreadableError until it can be read: a permission error is not a missing file.
    Two running instances share the file safely: each change re-reads it under a lock and applies
    only itself, and queries pick up the other instance's changes when the file has changed.
    """

    def __init__(self, directory: Path, corpus: Corpus | None = None) -> None:
        self.directory = directory
        self.path = directory / BOOKMARKS_FILE
        self.corpus = corpus
        self.load_problem: str | None = None
        self._stamp = self._file_stamp()
        self._bookmarks: list[Bookmark] = self._read_disk(fallback=[])

    def _file_stamp(self) -> tuple[int, int] | None:
        try:
            status = self.path.stat()
        except OSError:
            return None
        return (status.st_mtime_ns, status.st_size)

    def _refresh(self) -> None:
        """Re-read the file when another instance has changed it since we last read or wrote it."""
        stamp = self._file_stamp()
        if stamp != self._stamp:
            self._stamp = stamp
            self._bookmarks = self._read_disk(fallback=self._bookmarks)

    # -- reading -----------------------------------------------------------------------------

    def _read_disk(self, fallback: list[Bookmark]) -> list[Bookmark]:
        """The bookmarks in the file; `fallback` when it cannot be used (and `load_problem` says why)."""
        try:
            return parse_bookmarks(self._read_text())
        except FileNotFoundError:
            return []
        except BookmarksUnreadableError as exc:
            # Unreadable (permissions, a directory in the way, oversized): report it, keep the file as it is.
            self.load_problem = exc.message
            return list(fallback)
        except BookmarkFileError as exc:
            moved = self._move_aside()
            where = f"it was moved to {moved}" if moved else "it could not be moved aside and was left in place"
            kept = "keeping the bookmarks already open" if fallback else "starting with no bookmarks"
            self.load_problem = f"bookmarks file {self.path} was unreadable ({exc}); {where}; {kept}"
            self._stamp = self._file_stamp()
            return list(fallback)

    def _read_text(self) -> str:
        """The file's text (bounded); FileNotFoundError when absent, BookmarksUnreadableError when unreadable."""
        try:
            return read_bounded(self.path, MAX_USER_FILE_BYTES, "bookmarks file")
        except DataFileError as exc:
            if isinstance(exc.__cause__, FileNotFoundError):
                raise exc.__cause__ from None
            if isinstance(exc.__cause__, OSError) or "larger than" in exc.message:
                raise BookmarksUnreadableError(
                    f"could not read bookmarks file {self.path}: {exc.message}",
                    hint="fix its permissions (or move it away); it was left as it is and no bookmark was changed",
                ) from exc
            raise BookmarkFileError(exc.message) from exc  # not UTF-8: corrupt, moved aside like any other

    def _move_aside(self) -> Path | None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        counter = 1
        while target.exists():
            target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{counter}")
            counter += 1
        try:
            self.path.rename(target)
        except OSError:
            return None
        return target

    # -- queries -----------------------------------------------------------------------------

    def entries(self) -> list[Bookmark]:
        """Every bookmark, oldest first."""
        self._refresh()
        return list(self._bookmarks)

    def ids(self) -> list[str]:
        """Every bookmarked citation id, oldest first."""
        return [bookmark.id for bookmark in self.entries()]

    def __contains__(self, citation: object) -> bool:
        if not isinstance(citation, str):
            return False
        try:
            canonical = ArticleRef.parse(citation).id
        except CitationError:
            return False
        return canonical in self.ids()

    def __len__(self) -> int:
        return len(self.entries())

    # -- changes -----------------------------------------------------------------------------

    def add(self, citation: str) -> Bookmark:
        """Bookmark a citation id (checked against the corpus); adding one twice keeps the first."""
        canonical = self._validate(citation)
        with self._locked():
            current = self._current()
            for bookmark in current:
                if bookmark.id == canonical:
                    self._bookmarks = current
                    return bookmark
            bookmark = Bookmark(canonical, datetime.now(UTC).isoformat(timespec="seconds"))
            self._save([*current, bookmark])
        return bookmark

    def remove(self, citation: str) -> bool:
        """Forget a bookmark; False when it was not bookmarked."""
        try:
            canonical = ArticleRef.parse(citation).id
        except CitationError:
            return False
        with self._locked():
            current = self._current()
            kept = [bookmark for bookmark in current if bookmark.id != canonical]
            if len(kept) == len(current):
                self._bookmarks = current
                return False
            self._save(kept)
        return True

    def _locked(self) -> Any:
        """Serialise changes between instances and processes: the one file lock (`assistant.locking`)."""
        return locked(self.path)

    def _current(self) -> list[Bookmark]:
        """The bookmarks on disk now (another instance may have changed them), or ours when it is corrupt.

        A file that exists but cannot be read raises BookmarksUnreadableError: the change is refused.
        """
        try:
            self._read_text()
        except FileNotFoundError:
            pass
        except BookmarkFileError:
            pass  # corrupt: _read_disk moves it aside and says so
        if self._file_stamp() == self._stamp:
            return list(self._bookmarks)
        return self._read_disk(fallback=self._bookmarks)

    def toggle(self, citation: str) -> bool:
        """Add the bookmark when missing, remove it when present; True when it is now bookmarked."""
        if citation in self:
            self.remove(citation)
            return False
        self.add(citation)
        return True

    def _validate(self, citation: str) -> str:
        ref = ArticleRef.parse(citation)  # CitationError for a malformed id
        if self.corpus is not None:
            self.corpus.article(ref)  # CitationError (with suggestions) when it names nothing
        return ref.id

    def _save(self, bookmarks: list[Bookmark]) -> None:
        """Write first, then adopt: a failed write leaves the store as it was (and raises OSError)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        write_text_atomic(self.path, format_bookmarks(bookmarks))
        self._bookmarks = bookmarks
        self._stamp = self._file_stamp()


def format_bookmarks(bookmarks: list[Bookmark]) -> str:
    """The file's text: a versioned JSON object, one entry per bookmark."""
    data = {"version": FORMAT_VERSION, "bookmarks": [{"id": b.id, "added": b.added} for b in bookmarks]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def parse_bookmarks(text: str) -> list[Bookmark]:
    """Read the file's text; BookmarkFileError for anything but a well-formed file of valid citation ids."""
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BookmarkFileError(f"not JSON: {exc.msg} at line {exc.lineno}") from None
    except RecursionError:
        raise BookmarkFileError("nested too deeply to be a bookmarks file") from None
    if not isinstance(data, dict) or not isinstance(data.get("bookmarks"), list):
        raise BookmarkFileError("expected an object with a 'bookmarks' list")
    if data.get("version") != FORMAT_VERSION:
        raise BookmarkFileError(f"unknown format version {data.get('version')!r}")
    bookmarks: list[Bookmark] = []
    for position, entry in enumerate(data["bookmarks"], start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise BookmarkFileError(f"entry {position} has no citation id")
        try:
            canonical = ArticleRef.parse(entry["id"]).id
        except CitationError as exc:
            raise BookmarkFileError(f"entry {position}: {exc}") from None
        bookmarks.append(Bookmark(canonical, str(entry.get("added", ""))))
    return bookmarks
