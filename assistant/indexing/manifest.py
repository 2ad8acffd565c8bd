"""The build manifest: what the project wrote (every file, its size and sha256), read back and verified on open."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.errors import EXIT_PROBLEM, DlaError

SCHEMA_VERSION = 17  # 17: work and supervisory remits assigned without a marker are duty rows (decided case 12); 16: a section field and filter column (the section filter in the engine); 15: a quoted duty keeps the exception that follows it (…的除外); 14: obligation rows and links per the spec's decided cases (liability paragraphs outside the liability chapter, 由…落实责任 rows, scope limits); 13: obligation rows per OBLIGATION_SPEC (per-row penalties, residual clause, regime rows); 12: search orders penalty questions by the obligation store's links; 11: related provisions in the search query data (see also); 10: reviewed penalty kinds and catch-all clauses in the obligation store
PRODUCER = "dla"
MANIFEST_FILE = "manifest.json"
MAX_MANIFEST_BYTES = 1 << 20
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_RELATIVE = re.compile(r"^[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*$")


class ArtefactDamagedError(DlaError):
    """A build file that is missing or differs from the manifest: the build is rebuilt, never served."""

    exit_code = EXIT_PROBLEM


@dataclass(frozen=True)
class FileRecord:
    """One written file: its size and sha256."""

    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    """A finished build: schema, corpus hash, article count and each artefact's files (by path in the build)."""

    schema_version: int
    corpus_hash: str
    articles: int
    built_at: str
    artefacts: dict[str, dict[str, FileRecord]]

    def to_dict(self) -> dict[str, Any]:
        """The JSON written as `manifest.json`."""
        return {
            "producer": PRODUCER,
            "schema_version": self.schema_version,
            "corpus_hash": self.corpus_hash,
            "articles": self.articles,
            "built_at": self.built_at,
            "artefacts": {
                name: {path: {"size": r.size, "sha256": r.sha256} for path, r in sorted(files.items())}
                for name, files in self.artefacts.items()
            },
        }

    def files(self) -> list[str]:
        """Every file path the build wrote, relative to the build folder."""
        return [path for files in self.artefacts.values() for path in files]


def sha256_file(path: Path) -> str:
    """The file's sha256, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def record_folder(build: Path, artefact: str) -> dict[str, FileRecord]:
    """Checksum every file an artefact's writer left in `build/<artefact>/`."""
    folder = build / artefact
    return {
        path.relative_to(build).as_posix(): FileRecord(path.stat().st_size, sha256_file(path))
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def read_manifest(build: Path) -> Manifest:
    """Read and check the manifest's shape; ArtefactDamagedError for anything else."""
    try:
        raw = (build / MANIFEST_FILE).read_bytes()
        if len(raw) > MAX_MANIFEST_BYTES:
            raise ValueError("too large")
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, RecursionError) as exc:
        raise ArtefactDamagedError(f"manifest unreadable ({type(exc).__name__})") from exc
    try:
        if data["producer"] != PRODUCER:
            raise ValueError("producer")
        artefacts: dict[str, dict[str, FileRecord]] = {}
        for name, files in data["artefacts"].items():
            records = {}
            for path, record in files.items():
                if not (_RELATIVE.match(path) and path.startswith(f"{name}/") and ".." not in path.split("/")):
                    raise ValueError(f"path {path!r}")
                if not (isinstance(record["size"], int) and _SHA256.match(record["sha256"])):
                    raise ValueError(f"record of {path!r}")
                records[path] = FileRecord(record["size"], record["sha256"])
            if not records:
                raise ValueError(f"artefact {name!r} lists no files")
            artefacts[str(name)] = records
        return Manifest(
            int(data["schema_version"]),
            str(data["corpus_hash"]),
            int(data["articles"]),
            str(data["built_at"]),
            artefacts,
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ArtefactDamagedError(f"manifest malformed ({exc})") from exc


def verify_artefact(build: Path, manifest: Manifest, artefact: str) -> None:
    """Every file of one artefact has the size and sha256 the manifest records; ArtefactDamagedError otherwise."""
    files = manifest.artefacts.get(artefact)
    if not files:
        raise ArtefactDamagedError(f"{artefact}: not in the manifest")
    for path, record in files.items():
        try:
            if (build / path).stat().st_size != record.size or sha256_file(build / path) != record.sha256:
                raise ArtefactDamagedError(f"{artefact}: {path} differs from the manifest")
        except OSError as exc:
            raise ArtefactDamagedError(f"{artefact}: {path} unreadable ({exc.strerror or exc})") from exc


def read_verified(build: Path, manifest: Manifest, path: str) -> bytes:
    """A build file's bytes, only when they match the manifest (read once, then checked: nothing unverified is served)."""
    record = next((files[path] for files in manifest.artefacts.values() if path in files), None)
    if record is None:
        raise ArtefactDamagedError(f"{path}: not in the manifest")
    try:
        data = (build / path).read_bytes()
    except OSError as exc:
        raise ArtefactDamagedError(f"{path} unreadable ({exc.strerror or exc})") from exc
    if len(data) != record.size or hashlib.sha256(data).hexdigest() != record.sha256:
        raise ArtefactDamagedError(f"{path} differs from the manifest")
    return data
