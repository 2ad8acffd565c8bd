"""Build, open and check the index: one lock, one manifest, and "corrupt means rebuild".

Layout under the index root: `CURRENT` names the live build folder (`dla-build-…`), which holds
`manifest.json` and one folder per artefact. A build is written to a fresh folder and `CURRENT`
is replaced atomically, so readers never see half a build; builders take one lock, and a second
builder waits, then reuses what the first built. Opening verifies every file against the
manifest's sha256; anything that differs, is missing or cannot be decoded is rebuilt. Old builds
are removed file by file from their manifests: nothing the project did not write is deleted.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.atomic import write_text_atomic
from assistant.corpus.fingerprint import corpus_fingerprint
from assistant.indexing import artefacts
from assistant.indexing.manifest import (
    MANIFEST_FILE,
    SCHEMA_VERSION,
    ArtefactDamagedError,
    Manifest,
    read_manifest,
    record_folder,
    verify_artefact,
)
from assistant.locking import locked
from assistant.search.index_store import IndexBuildError, IndexHandle, Notify, open_search_files

if TYPE_CHECKING:
    from assistant.corpus.store import Corpus
    from assistant.obligations.store import ObligationStore

CURRENT_FILE = "CURRENT"
LOCK_TARGET = "build"  # the lock file is `.build.lock`
BUILD_MARKER = ".dla-build"  # written first into every build folder: "this folder is the project's"
BUILD_NAME = re.compile(r"^dla-build-[0-9a-f]{12}-v\d+-\d+-\d+$")
LEGACY_BUILD_NAME = re.compile(r"^search-[0-9a-f]{12}-v\d+-\d+-\d+$")  # schema 7 and before
BUILD_LOCK_TIMEOUT = 900.0  # a build takes tens of seconds; a second builder waits for it


@dataclass(frozen=True)
class IndexBuild:
    """An opened, verified build: its folder, manifest and the search artefact opened."""

    folder: Path
    manifest: Manifest
    search: IndexHandle

    def artefact_folder(self, name: str) -> Path:
        """Where one artefact's files are."""
        return self.folder / name

    def obligations(self) -> ObligationStore:
        """The obligation store, re-verified against the manifest as it is read."""
        verify_artefact(self.folder, self.manifest, artefacts.OBLIGATIONS)
        return artefacts.read_obligations(self.artefact_folder(artefacts.OBLIGATIONS))


def _current_name(index_root: Path) -> str | None:
    """The build `CURRENT` names; None when missing; ArtefactDamagedError when it is not a build name."""
    try:
        raw = (index_root / CURRENT_FILE).read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ArtefactDamagedError(f"{CURRENT_FILE} unreadable ({exc.strerror or exc})") from exc
    try:
        name = raw[:200].decode("utf-8").strip()
    except UnicodeDecodeError as exc:
        raise ArtefactDamagedError(f"{CURRENT_FILE} is not UTF-8") from exc
    if not BUILD_NAME.match(name):
        raise ArtefactDamagedError(f"{CURRENT_FILE} does not name a build")
    return name


def _current_name_or_none(index_root: Path) -> str | None:
    try:
        return _current_name(index_root)
    except ArtefactDamagedError:
        return None


def _try_open(index_root: Path, fingerprint: str) -> tuple[IndexBuild | None, str]:
    """Open the live build if it is complete, current and verified; otherwise say why not."""
    try:
        name = _current_name(index_root)
        if name is None:
            return None, "missing"
        folder = index_root / name
        manifest = read_manifest(folder)
    except ArtefactDamagedError as exc:
        return None, f"unreadable ({exc.message})"
    if manifest.schema_version != SCHEMA_VERSION:
        return None, "stale (schema version changed)"
    if manifest.corpus_hash != fingerprint:
        return None, "stale (corpus changed)"
    try:
        for artefact in artefacts.ARTEFACTS:
            verify_artefact(folder, manifest, artefact)
        search = open_search_files(folder / artefacts.SEARCH, manifest.to_dict())
    except (ArtefactDamagedError, IndexBuildError) as exc:
        return None, f"corrupt ({exc.message})"
    return IndexBuild(folder, manifest, search), "ok"


def _build_locked(corpus: Corpus, index_root: Path, fingerprint: str) -> Path:
    """Write a complete build in a new folder and switch `CURRENT` to it (the caller holds the lock)."""
    folder = index_root / f"dla-build-{fingerprint[:12]}-v{SCHEMA_VERSION}-{os.getpid()}-{int(time.time() * 1000)}"
    folder.mkdir()
    try:
        (folder / BUILD_MARKER).write_text("written by dla index build\n", encoding="utf-8")
        for artefact in artefacts.ARTEFACTS:
            (folder / artefact).mkdir()
        # Obligations first: search's penalty order reads the links the obligation store holds (one model).
        artefacts.write_obligations(corpus, folder / artefacts.OBLIGATIONS)
        artefacts.check_obligation_quotes(corpus, folder / artefacts.OBLIGATIONS)
        artefacts.write_search(
            corpus,
            folder / artefacts.SEARCH,
            artefacts.penalty_links(folder / artefacts.OBLIGATIONS),
            artefacts.related_articles(corpus),
        )
        manifest = Manifest(
            schema_version=SCHEMA_VERSION,
            corpus_hash=fingerprint,
            articles=sum(len(law.articles) for law in corpus.laws.values()),
            built_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            artefacts={name: record_folder(folder, name) for name in artefacts.ARTEFACTS},
        )
        # The manifest is written last: a folder without one is an unfinished build.
        write_text_atomic(folder / MANIFEST_FILE, json.dumps(manifest.to_dict(), indent=2))
        write_text_atomic(index_root / CURRENT_FILE, folder.name + "\n")
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    _remove_old_builds(index_root, keep=folder.name)
    return folder


def _remove_old_builds(index_root: Path, keep: str) -> None:
    """Delete earlier builds, only files their manifest lists (or, unfinished, folders the project marked)."""
    for old in index_root.iterdir():
        if old.name == keep or old.is_symlink() or not old.is_dir():
            continue
        if BUILD_NAME.match(old.name):
            _remove_build(old)
        elif LEGACY_BUILD_NAME.match(old.name) and (old / MANIFEST_FILE).is_file():
            with contextlib.suppress(OSError, ValueError):
                legacy = json.loads((old / MANIFEST_FILE).read_text(encoding="utf-8"))
                if isinstance(legacy, dict) and "corpus_hash" in legacy and "schema_version" in legacy:
                    shutil.rmtree(old, ignore_errors=True)


def _remove_build(folder: Path) -> None:
    try:
        manifest: Manifest | None = read_manifest(folder)
    except ArtefactDamagedError:
        manifest = None
    if manifest is None:
        if (folder / BUILD_MARKER).is_file():  # an unfinished build of ours (killed mid-way)
            shutil.rmtree(folder, ignore_errors=True)
        return
    for path in manifest.files():
        with contextlib.suppress(OSError):
            (folder / path).unlink()
    for name in [*manifest.artefacts, MANIFEST_FILE, BUILD_MARKER]:
        with contextlib.suppress(OSError):
            target = folder / name
            target.rmdir() if target.is_dir() else target.unlink()
    with contextlib.suppress(OSError):
        folder.rmdir()  # fails, and keeps the folder, if anything not ours is left in it


def _lock(index_root: Path) -> contextlib.AbstractContextManager[None]:
    index_root.mkdir(parents=True, exist_ok=True)
    return locked(index_root / LOCK_TARGET, timeout=BUILD_LOCK_TIMEOUT)


def build_index(corpus: Corpus, index_root: Path) -> Path:
    """Build now (e.g. `dla index build`); a build finished by another process while this one waited is reused."""
    fingerprint = corpus_fingerprint(corpus.root)
    index_root.mkdir(parents=True, exist_ok=True)
    before = _current_name_or_none(index_root)
    with _lock(index_root):
        after = _current_name_or_none(index_root)
        if after is not None and after != before:
            opened, _ = _try_open(index_root, fingerprint)
            if opened is not None:
                return opened.folder
        return _build_locked(corpus, index_root, fingerprint)


def ensure_build(
    corpus: Corpus | None,
    index_root: Path,
    notify: Notify | None = None,
    load_corpus: Callable[[], Corpus] | None = None,
    corpus_root: Path | None = None,
) -> IndexBuild:
    """Open the build, (re)building it first when missing, stale, damaged in any way.

    `corpus` may be None with `load_corpus` and `corpus_root` given: the corpus is then parsed
    only if a build is needed (the search path never pays for reading the YAML).
    """
    if corpus_root is None:
        if corpus is None:
            raise ValueError("ensure_build needs a corpus or the corpus root")  # a caller's mistake, not a user's
        corpus_root = corpus.root
    fingerprint = corpus_fingerprint(corpus_root)
    opened, reason = _try_open(index_root, fingerprint)
    if opened is not None:
        return opened
    with _lock(index_root):
        opened, reason = _try_open(index_root, fingerprint)  # another process may have built it meanwhile
        if opened is not None:
            return opened
        if notify:
            notify(f"search index {reason}: building it now")
        if corpus is None:
            assert load_corpus is not None
            corpus = load_corpus()
        _build_locked(corpus, index_root, fingerprint)
        opened, reason = _try_open(index_root, fingerprint)
    if opened is None:
        raise IndexBuildError(f"the index in {index_root} could not be built: {reason}")
    return opened


def ensure_index(
    corpus: Corpus | None,
    index_root: Path,
    notify: Notify | None = None,
    load_corpus: Callable[[], Corpus] | None = None,
    corpus_root: Path | None = None,
) -> IndexHandle:
    """The search artefact of `ensure_build`."""
    return ensure_build(corpus, index_root, notify, load_corpus, corpus_root).search


def index_status(corpus_root: Path, index_root: Path) -> str:
    """'ok', or why the index would be rebuilt (every file is checked against the manifest)."""
    _, reason = _try_open(index_root, corpus_fingerprint(corpus_root))
    return reason
