"""Saved checklist sessions: answers and per-item tracking, written atomically under the user data directory."""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.atomic import write_text_atomic
from assistant.checklist.conditions import AnswerValue
from assistant.checklist.engine import ITEM_STATUSES, Tracking, valid_date
from assistant.errors import DlaError

SESSION_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


class SessionError(DlaError, ValueError):
    """A session that cannot be read, or a change to it that is not valid."""


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

    def answer(self, question_id: str, value: AnswerValue) -> None:
        """Set or change an answer; every other answer is kept (those that no longer apply are simply not used)."""
        if self.answers.get(question_id) != value:
            self.history.append({"question": question_id, "from": self.answers.get(question_id), "to": value,
                                 "at": time.strftime("%Y-%m-%dT%H:%M:%S%z")})  # fmt: skip
        self.answers[question_id] = value

    def track(self, finding_id: str, status: str | None = None, owner: str | None = None,
              due: str | None = None, notes: str | None = None, reviewer: str | None = None,
              reviewed: str | None = None, evidence: list[str] | None = None) -> Tracking:  # fmt: skip
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
        }


class SessionStore:
    """Sessions as JSON files in one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, name: str) -> Path:
        """Where a session lives; rejects names that are not safe file names."""
        if not SESSION_NAME.match(name):
            raise SessionError(f"session name {name!r}: use letters, digits, '.', '_' or '-' (up to 64)")
        return self.folder / f"{name}.json"

    def save(self, session: ChecklistSession) -> Path:
        """Write atomically: an interrupted save leaves the previous version intact."""
        path = self.path(session.name)
        self.folder.mkdir(parents=True, exist_ok=True)
        session.updated = time.strftime("%Y-%m-%dT%H:%M:%S%z")
        write_text_atomic(path, json.dumps(session.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return path

    def load(self, name: str) -> ChecklistSession:
        """Read a session; a corrupt file is a SessionError that says where it is (it is left untouched)."""
        path = self.path(name)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise SessionError(f"no session named {name!r} (in {self.folder})") from None
        except (OSError, ValueError) as exc:
            raise SessionError(f"session file {path} is unreadable ({exc}); it was left as it is") from exc
        try:
            tracking = {str(k): Tracking.from_dict(v) for k, v in (data.get("tracking") or {}).items()}
            return ChecklistSession(
                name=str(data["name"]),
                checklist_id=str(data["checklist"]["id"]),
                checklist_version=int(data["checklist"]["version"]),
                answers=dict(data.get("answers") or {}),
                tracking=tracking,
                updated=str(data.get("updated", "")),
                history=list(data.get("history") or []),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise SessionError(f"session file {path} is not a valid session ({exc}); it was left as it is") from exc

    def list(self) -> list[str]:
        """Saved session names."""
        return sorted(p.stem for p in self.folder.glob("*.json")) if self.folder.is_dir() else []
