"""Saved checklist sessions: answers and per-item tracking, under the user data directory.

Every save is a read-modify-write under the session file's lock, written atomically. Each file
carries a revision: a save from a copy read at an older revision is merged change by change
into what is on disk (a change to the same answer or field on both sides is refused, never
overwritten). The file a session was read from is the file it is saved to. Files are read with
a size limit and validated against the session schema before anything is trusted.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from assistant.atomic import write_text_atomic
from assistant.checklist.conditions import AnswerValue
from assistant.checklist.engine import ITEM_STATUSES, Tracking, valid_date
from assistant.datafile import DataFileError, read_bounded
from assistant.errors import EXIT_PROBLEM, DlaError
from assistant.locking import locked

SESSION_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


SESSION_FILE_MODE = 0o600  # a team's answers are theirs: new session files are private
TRACKING_FIELDS = ("status", "owner", "due", "notes", "reviewer", "reviewed", "evidence")
HISTORY_LIMIT = 10_000  # answer changes kept per session file (a bounded file stays bounded)
Result = TypeVar("Result")


class SessionError(DlaError, ValueError):
    """A session that cannot be read, or a change to it that is not valid."""


class StaleSessionError(SessionError):
    """A save that would overwrite changes made elsewhere since the session was read (nothing was written)."""

    exit_code = EXIT_PROBLEM


@dataclass
class ChecklistSession:
    """One team's run of a checklist, kept between runs."""

    name: str
    checklist_id: str
    checklist_version: int
    answers: dict[str, AnswerValue] = field(default_factory=dict)
    tracking: dict[str, Tracking] = field(default_factory=dict)
    updated: str = ""
    history: list[dict[str, Any]] = field(default_factory=list)  # answer changes: question, from, to, at
    revision: int = 0  # the file's revision this copy was read at (0: never saved)
    source: Path | None = field(default=None, compare=False, repr=False)  # the file it was read from
    loaded_state: dict[tuple[str, ...], Any] | None = field(default=None, compare=False, repr=False)

    def answer(self, question_id: str, value: AnswerValue) -> None:
        """Set or change an answer; every other answer is kept (those that no longer apply are simply not used)."""
        if self.answers.get(question_id) != value:
            self.history.append(
                {
                    "question": question_id,
                    "from": self.answers.get(question_id),
                    "to": value,
                    "at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                }
            )
            del self.history[:-HISTORY_LIMIT]
        self.answers[question_id] = value

    def track(
        self,
        finding_id: str,
        status: str | None = None,
        owner: str | None = None,
        due: str | None = None,
        notes: str | None = None,
        reviewer: str | None = None,
        reviewed: str | None = None,
        evidence: list[str] | None = None,
    ) -> Tracking:
        """Update an item's status, owner, due date, notes, reviewer sign-off (name, date) or evidence links."""
        item = self.tracking.setdefault(finding_id, Tracking())
        if status is not None:
            if status not in ITEM_STATUSES:
                raise SessionError(f"status must be one of: {', '.join(ITEM_STATUSES)}")
            item.status = status
        if owner is not None:
            item.owner = owner.strip()
        if due is not None:
            if due and not valid_date(due):
                raise SessionError(f"due date {due!r} is not a real date written YYYY-MM-DD")
            item.due = due
        if notes is not None:
            item.notes = notes
        if reviewed is not None and reviewed and not valid_date(reviewed):
            raise SessionError(f"review date {reviewed!r} is not a real date written YYYY-MM-DD")
        if reviewer is not None:
            item.reviewer = reviewer.strip()
        if reviewed is not None:
            item.reviewed = reviewed
        if evidence is not None:
            item.evidence.extend(e.strip() for e in evidence if e.strip() and e.strip() not in item.evidence)
        return item

    def to_dict(self) -> dict[str, Any]:
        """Plain data for the session file."""
        return {
            "format": 1,
            "name": self.name,
            "checklist": {"id": self.checklist_id, "version": self.checklist_version},
            "answers": self.answers,
            "tracking": {k: v.to_dict() for k, v in sorted(self.tracking.items())},
            "updated": self.updated,
            "history": list(self.history),
            "revision": self.revision,
        }

    def flat(self) -> dict[tuple[str, ...], Any]:
        """Answers and tracking fields as one flat map, the unit a merge works on."""
        state: dict[tuple[str, ...], Any] = {("answers", k): v for k, v in self.answers.items()}
        for finding_id, item in self.tracking.items():
            state |= {("tracking", finding_id, name): value for name, value in item.to_dict().items()}
        return state

    def adopt(self, state: dict[tuple[str, ...], Any]) -> None:
        """Replace answers and tracking with a flat map's content."""
        self.answers = {key[1]: value for key, value in state.items() if key[0] == "answers"}
        tracking: dict[str, Tracking] = {}
        for key, value in sorted(state.items()):
            if key[0] == "tracking":
                setattr(tracking.setdefault(key[1], Tracking()), key[2], value)
        self.tracking = tracking


class SessionStore:
    """Sessions as JSON files in one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, name: str) -> Path:
        """Where a session lives; rejects names that are not safe file names."""
        if not SESSION_NAME.match(name):
            raise SessionError(f"session name {name!r}: use letters, digits, '.', '_' or '-' (up to 64)")
        return self.folder / f"{name}.json"

    def save(self, session: ChecklistSession, expected_revision: int | None = None) -> Path:
        """Write the session to the file it was read from (or its name's), under the file's lock.

        With `expected_revision`, the file must still be at that revision (StaleSessionError otherwise).
        Without it, changes made on disk since this copy was read are kept: this copy's own changes are
        merged into them, and a change to the same answer or field on both sides is a StaleSessionError.
        The in-memory session ends up equal to what was written.
        """
        path = session.source or self.path(session.name)
        with locked(path):
            self._save_locked(session, path, expected_revision)
        return path

    def _save_locked(self, session: ChecklistSession, path: Path, expected_revision: int | None) -> None:
        disk = self._read(path)
        disk_revision = disk.revision if disk is not None else 0
        if expected_revision is not None and disk_revision != expected_revision:
            raise StaleSessionError(
                f"session {session.name!r} ({path}) changed since it was read "
                f"(revision {expected_revision}, now {disk_revision}); nothing was written",
                hint="reload it and make the change again",
            )
        if disk is not None and (session.loaded_state is None or disk_revision != session.revision):
            session.adopt(_merge(session.loaded_state or {}, session.flat(), disk.flat(), session.name, path))
        session.revision = disk_revision + 1
        session.updated = time.strftime("%Y-%m-%dT%H:%M:%S%z")
        text = json.dumps(session.to_dict(), ensure_ascii=False, indent=2) + "\n"
        write_text_atomic(path, text, new_mode=SESSION_FILE_MODE)
        session.source = path
        session.loaded_state = session.flat()

    def update(self, name: str, change: Callable[[ChecklistSession], Result]) -> Result:
        """Load, change and save one session under its lock, so concurrent changes never lose each other."""
        path = self.path(name)
        with locked(path):
            session = self.load(name)
            outcome = change(session)
            self._save_locked(session, path, session.revision)
        return outcome

    def load(self, name: str) -> ChecklistSession:
        """Read a session; a missing, oversized, corrupt or invalid file is a SessionError naming it (left untouched)."""
        session = self._read(self.path(name))
        if session is None:
            raise SessionError(f"no session named {name!r} (in {self.folder})")
        return session

    def reload(self, session: ChecklistSession) -> ChecklistSession:
        """A fresh copy of what is saved for `session` (from the file it was read from), e.g. after a StaleSessionError."""
        fresh = self._read(session.source or self.path(session.name))
        return fresh if fresh is not None else session

    def _read(self, path: Path) -> ChecklistSession | None:
        """The session in `path`, None when there is no such file; SessionError when it cannot be trusted."""
        try:
            text = read_bounded(path, what="session file")
        except DataFileError as exc:
            if isinstance(exc.__cause__, FileNotFoundError):
                return None
            raise SessionError(f"{exc}; it was left as it is") from exc
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as exc:
            where = f"{path}:{exc.lineno}" if isinstance(exc, json.JSONDecodeError) else str(path)
            raise SessionError(f"session file {where} is unreadable (not valid JSON); it was left as it is") from exc
        session = session_from_dict(data, path)
        session.source = path
        session.loaded_state = session.flat()
        return session

    def list(self) -> list[str]:
        """Saved session names."""
        if not self.folder.is_dir():
            return []
        return sorted(p.stem for p in self.folder.glob("*.json") if SESSION_NAME.match(p.stem))


def _merge(
    base: dict[tuple[str, ...], Any],
    ours: dict[tuple[str, ...], Any],
    theirs: dict[tuple[str, ...], Any],
    name: str,
    path: Path,
) -> dict[tuple[str, ...], Any]:
    """Apply our changes (ours against base) to theirs; the same key changed differently on both sides is refused."""
    missing = object()
    merged = dict(theirs)
    conflicts = []
    for key in sorted(set(base) | set(ours)):
        mine, original, current = ours.get(key, missing), base.get(key, missing), theirs.get(key, missing)
        if mine in (original, current):
            continue
        if current != original:
            conflicts.append(".".join(key))
            continue
        if mine is missing:
            merged.pop(key, None)
        else:
            merged[key] = mine
    if conflicts:
        raise StaleSessionError(
            f"session {name!r} ({path}) was changed elsewhere in the same place(s): {', '.join(conflicts[:5])}; "
            "nothing was written",
            hint="reload the session and make the change again",
        )
    return merged


_TOP_KEYS = {"format", "name", "checklist", "answers", "tracking", "updated", "history", "revision"}


def session_from_dict(data: Any, path: Path) -> ChecklistSession:
    """Validate a session file's data against the schema; SessionError naming the file and the first problem."""

    def invalid(problem: str) -> SessionError:
        return SessionError(f"session file {path} is not a valid session: {problem}; it was left as it is")

    if not isinstance(data, dict):
        raise invalid("expected a JSON object")
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise invalid(f"unknown key {sorted(unknown)[0]!r}")
    if data.get("format", 1) != 1:
        raise invalid(f"unknown format {data.get('format')!r}")
    checklist = data.get("checklist")
    if not (isinstance(checklist, dict) and isinstance(checklist.get("id"), str)):
        raise invalid("'checklist' must be an object with an 'id'")
    version = checklist.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise invalid("'checklist.version' must be a whole number")
    answers = data.get("answers") or {}
    if not isinstance(answers, dict):
        raise invalid("'answers' must be an object")
    for key, value in answers.items():
        if not isinstance(value, bool | str) or len(str(value)) > 1000:
            raise invalid(f"answer {key!r} must be true, false or a short text")
    tracking_data = data.get("tracking") or {}
    if not isinstance(tracking_data, dict):
        raise invalid("'tracking' must be an object")
    tracking: dict[str, Tracking] = {}
    for finding_id, item in tracking_data.items():
        if not isinstance(item, dict) or set(item) - set(TRACKING_FIELDS):
            raise invalid(f"tracking of {finding_id!r} must be an object with {', '.join(TRACKING_FIELDS)}")
        evidence = item.get("evidence", [])
        texts = [value for name, value in item.items() if name != "evidence"]
        if not all(isinstance(value, str) for value in texts) or not (
            isinstance(evidence, list) and all(isinstance(e, str) for e in evidence)
        ):
            raise invalid(f"tracking of {finding_id!r}: every field is text (evidence: a list of links)")
        entry = Tracking.from_dict(item)
        if entry.status not in ITEM_STATUSES:
            raise invalid(
                f"tracking of {finding_id!r}: status {entry.status!r} is not one of {', '.join(ITEM_STATUSES)}"
            )
        for label, value in (("due date", entry.due), ("review date", entry.reviewed)):
            if value and not valid_date(value):
                raise invalid(f"tracking of {finding_id!r}: {label} {value!r} is not a real date written YYYY-MM-DD")
        tracking[str(finding_id)] = entry
    history = data.get("history") or []
    if not isinstance(history, list) or not all(isinstance(h, dict) for h in history) or len(history) > HISTORY_LIMIT:
        raise invalid(f"'history' must be a list of answer changes (at most {HISTORY_LIMIT})")
    revision = data.get("revision", 0)
    if not isinstance(revision, int) or isinstance(revision, bool) or revision < 0:
        raise invalid("'revision' must be a whole number")
    return ChecklistSession(
        name=path.stem,  # the file read decides the session's name, and so where it is saved
        checklist_id=checklist["id"],
        checklist_version=version,
        answers=dict(answers),
        tracking=tracking,
        updated=str(data.get("updated", "")),
        history=list(history),
        revision=revision,
    )
