"""Add (or regenerate) an instrument in the corpus from a plain-text statute file."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from assistant.atomic import write_text_atomic
from assistant.corpus.provenance import ArticleStatus, read_statuses
from assistant.corpus.reconstruct import rebuilt_sha256
from assistant.corpus.statute_parser import parse_statute
from assistant.corpus.store import LAW_FILE, LAW_KEYS, TEXT_FILE, TRANSLATION_FILE
from assistant.corpus.text_file import statute_to_data, write_text_file
from assistant.datafile import MAX_DATA_FILE_BYTES, DataFileError, load_yaml, read_bounded
from assistant.errors import EXIT_PROBLEM, DlaError

LAW_ID_PATTERN = re.compile(r"^[a-z][a-z0-9_-]{1,30}$")


class AddInstrumentError(DlaError, ValueError):
    """Why an instrument could not be added."""


@dataclass(frozen=True)
class AddResult:
    """What `dla corpus add` wrote."""

    law_id: str
    articles: int
    headings: int
    text_path: Path
    law_path: Path
    created_metadata: bool


# law.yaml fields the tool computes itself from the source: a metadata file may not set them.
COMPUTED_KEYS = {"id", "source_file", "source_sha256"}


def _read_mapping(path: Path, what: str) -> dict[str, object]:
    """A YAML mapping from a user-supplied file, or AddInstrumentError naming the file."""
    from assistant.datafile import load_user_yaml, require_mapping

    try:
        # Bounded in size, depth and aliases like every file a user hands the program.
        return dict(require_mapping(load_user_yaml(path, what), path, what))
    except OSError as exc:
        raise AddInstrumentError(f"cannot read {path}: {exc}") from exc


def _metadata(path: Path) -> dict[str, object]:
    """The instrument's facts (titles, issuing body, document number, dates, status, level, aliases)."""
    data = _read_mapping(path, "metadata file")
    unknown = sorted(set(data) - (LAW_KEYS - COMPUTED_KEYS))
    if unknown:
        raise AddInstrumentError(
            f"{path}: unknown or computed metadata keys {', '.join(unknown)}",
            hint=f"allowed: {', '.join(sorted(LAW_KEYS - COMPUTED_KEYS))}",
        )
    return data


def _translation_text(path: Path, law_id: str) -> str:
    """An unofficial English translation's text, after checking it is one for this law."""
    data = _read_mapping(path, "translation file")
    if data.get("law") != law_id or not isinstance(data.get("articles"), dict):
        raise AddInstrumentError(f"{path}: not a translation of {law_id!r} (needs `law: {law_id}` and `articles:`)")
    return path.read_text(encoding="utf-8")


def _verified_source(directory: Path) -> str | None:
    """The sha256 an existing instrument's text is proven against, when it is (checked by the project, rebuilds exactly)."""
    try:
        data = load_yaml(directory / TEXT_FILE)
        recorded = data["source"]["sha256"]
        checked = any(a.get("text_status") != "unverified" for a in data["articles"])
        return str(recorded) if checked and rebuilt_sha256(data) == recorded else None
    except (DataFileError, KeyError, TypeError, AttributeError, ValueError):
        return None  # damaged: not proven, so it may be regenerated


def _guard_existing(directory: Path, law_id: str, source_sha256: str, replace: bool) -> None:
    """Refuse to replace an existing instrument without `replace`, and a verified one from another source ever."""
    if not (directory / TEXT_FILE).exists():
        return
    if not replace:
        raise AddInstrumentError(
            f"law id {law_id!r} already exists ({directory}); nothing was written",
            hint="choose another --id, or give --replace to regenerate it from this file",
        )
    verified = _verified_source(directory)
    if verified is not None and verified != source_sha256:
        raise AddInstrumentError(
            f"{law_id!r} is verified against its official source (sha256 {verified[:12]}…) and this file differs; "
            "it cannot be replaced",
            EXIT_PROBLEM,
            hint="add the file under another --id",
        )


def add_instrument(
    corpus_root: Path,
    source: Path,
    law_id: str,
    provenance: Path | None = None,
    replace: bool = False,
    metadata: Path | None = None,
    translation: Path | None = None,
) -> AddResult:
    """Parse `source` and write `corpus/laws/<law_id>/text.zh.yaml` (and law.yaml, translation.en.yaml).

    Without a provenance file every article is marked `unverified`: the tool cannot know how the
    user's copy was checked, and must not claim more than it knows. An existing id is replaced
    only with `replace`, and never when its text is verified against a different source file. An
    existing law.yaml is kept unless a metadata file is given; without one, a skeleton is written.
    """
    # Every user-supplied file is checked before anything is written: a bad one changes nothing.
    facts = _metadata(metadata) if metadata is not None else None
    english = _translation_text(translation, law_id) if translation is not None else None
    if not LAW_ID_PATTERN.match(law_id):
        raise AddInstrumentError(f"law id {law_id!r} must be 2-31 lowercase letters, digits, '-' or '_'")
    try:
        text = read_bounded(source, MAX_DATA_FILE_BYTES, "statute file")
    except DataFileError as exc:
        raise AddInstrumentError(str(exc)) from exc
    directory = corpus_root / "laws" / law_id
    _guard_existing(directory, law_id, hashlib.sha256(text.encode("utf-8")).hexdigest(), replace)
    parsed = parse_statute(text, str(source))
    numbers = [a.number for a in parsed.articles]
    if provenance is not None:
        statuses = read_statuses(provenance, source.name, numbers)
    else:
        statuses = {
            n: ArticleStatus("unverified", "Added by the user; wording not checked by the project.") for n in numbers
        }
    directory.mkdir(parents=True, exist_ok=True)
    text_path = write_text_file(directory, statute_to_data(parsed, law_id, statuses, source.name, text))
    law_path = directory / LAW_FILE
    created = False
    if english is not None:
        write_text_atomic(directory / TRANSLATION_FILE, english)
    if not law_path.exists() or facts is not None:
        skeleton: dict[str, object] = {
            "id": law_id,
            "title_zh": parsed.title,
            "title_en": law_id,
            "citation_title_zh": parsed.title.removeprefix("中华人民共和国"),
            "short_en": law_id.upper(),
            "aliases": [parsed.title, law_id],
            "issuing_body_zh": "未记录",
            "issuing_body_en": "not recorded",
            "document_number": None,
            "adopted": None,
            "promulgated": None,
            "effective": "unknown",
            "status": "unknown",
            "level": "unknown",
            "jurisdiction": "unknown",
            "official_source": f"user file {source.name}",
            "source_file": source.name,
            "source_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        }
        header = "# Metadata written by `dla corpus add`: review and complete it by hand.\n"
        if facts is not None:
            skeleton |= facts
            header = f"# Metadata of {parsed.title}, written by `dla corpus add` from a reviewed metadata file.\n"
        write_text_atomic(law_path, header + yaml.safe_dump(skeleton, allow_unicode=True, sort_keys=False))
        created = facts is None
    return AddResult(law_id, len(parsed.articles), len(parsed.headings), text_path, law_path, created)
