"""Per-article text status from a `provenance.json` beside the official sources."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import DlaError
from assistant.models import TEXT_STATUSES


class ProvenanceError(DlaError, ValueError):
    """A provenance file that cannot be read or gives an unknown status."""


@dataclass(frozen=True)
class ArticleStatus:
    """An article's text status and the note that goes with it."""

    status: str
    note: str | None = None


def read_statuses(provenance_path: Path, source_file: str, article_numbers: list[int]) -> dict[int, ArticleStatus]:
    """The status of each article of one source file; a missing entry is an error, never a guess."""
    from assistant.datafile import MAX_USER_FILE_BYTES, DataFileError, read_bounded

    try:
        data = json.loads(read_bounded(provenance_path, MAX_USER_FILE_BYTES, "provenance file"))
    except DataFileError as exc:
        raise ProvenanceError(str(exc)) from exc
    except (ValueError, RecursionError) as exc:
        raise ProvenanceError(f"{provenance_path}: not valid JSON ({type(exc).__name__})") from exc
    if not isinstance(data, dict):
        raise ProvenanceError(f"{provenance_path}: expected a JSON object")
    entry = data.get(source_file)
    if not isinstance(entry, dict):
        raise ProvenanceError(f"{provenance_path}: no entry for {source_file}")
    per_article = entry.get("articles") or {}
    notes = entry.get("notes") or {}
    default = entry.get("default")
    statuses: dict[int, ArticleStatus] = {}
    for number in article_numbers:
        status = per_article.get(str(number), default)
        if status not in TEXT_STATUSES:
            raise ProvenanceError(f"{provenance_path}: {source_file} article {number}: unknown status {status!r}")
        statuses[number] = ArticleStatus(status, notes.get(str(number)))
    return statuses
