"""The build is atomic, verified on open, rebuilt when missing, stale or damaged (concurrent builds: reliability)."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.corpus.store import load_corpus
from assistant.indexing import ensure_build, ensure_index, index_status
from assistant.indexing.manifest import MANIFEST_FILE
from tests.conftest import CORPUS


def test_missing_index_is_built_with_a_message(tmp_path: Path, mini_corpus: Path) -> None:
    corpus = load_corpus(mini_corpus)
    messages: list[str] = []
    handle = ensure_index(corpus, tmp_path, messages.append)
    assert messages == ["search index missing: building it now"]
    assert handle.manifest["articles"] == sum(1 for _ in corpus.all_articles()) > 0
    assert index_status(mini_corpus, tmp_path) == "ok"


def test_the_session_index_holds_every_article_of_the_real_corpus(built_index_dir: Path) -> None:
    # The one full build of the run (shared by every test) is itself checked against the real corpus.
    assert index_status(CORPUS, built_index_dir) == "ok"
    corpus = load_corpus(CORPUS)
    messages: list[str] = []
    handle = ensure_index(corpus, built_index_dir, messages.append)
    assert messages == []  # fresh: opened, not rebuilt
    assert handle.manifest["articles"] == sum(1 for _ in corpus.all_articles()) == 317


def test_every_artefact_file_is_checksummed_in_the_manifest(tmp_path: Path, mini_corpus: Path) -> None:
    build = ensure_build(load_corpus(mini_corpus), tmp_path)
    manifest = json.loads((build.folder / MANIFEST_FILE).read_text(encoding="utf-8"))
    assert set(manifest["artefacts"]) == {"search", "obligations"}
    written = {p.relative_to(build.folder).as_posix() for p in build.folder.rglob("*") if p.is_file()}
    listed = {path for files in manifest["artefacts"].values() for path in files}
    assert written - listed == {MANIFEST_FILE, ".dla-build"}
    assert "obligations/obligations.json" in listed


def test_corrupt_index_is_detected_and_rebuilt(tmp_path: Path, mini_corpus: Path) -> None:
    handle = ensure_index(load_corpus(mini_corpus), tmp_path)
    for segment in handle.folder.glob("*.seg"):
        segment.write_bytes(b"garbage")
    for toc in handle.folder.glob("_MAIN_*.toc"):
        toc.write_bytes(b"\x00" * 10)
    assert index_status(mini_corpus, tmp_path).startswith("corrupt")
    messages: list[str] = []
    rebuilt = ensure_index(load_corpus(mini_corpus), tmp_path, messages.append)
    assert messages and "corrupt" in messages[0]
    with rebuilt.whoosh_index.searcher() as searcher:
        assert searcher.doc_count() == sum(1 for _ in load_corpus(mini_corpus).all_articles())


def test_half_written_build_is_never_used(tmp_path: Path, mini_corpus: Path) -> None:
    build = ensure_build(load_corpus(mini_corpus), tmp_path)
    (build.folder / MANIFEST_FILE).unlink()  # as if the build stopped before its last step
    assert index_status(mini_corpus, tmp_path).startswith("unreadable (manifest unreadable")
    assert ensure_build(load_corpus(mini_corpus), tmp_path).folder != build.folder


def test_stale_index_is_rebuilt_after_a_corpus_change(tmp_path: Path, mini_corpus_copy: Path) -> None:
    corpus_copy = mini_corpus_copy
    index_dir = tmp_path / "idx"
    ensure_index(load_corpus(corpus_copy), index_dir)
    glossary = corpus_copy / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert index_status(corpus_copy, index_dir) == "stale (corpus changed)"
    ensure_index(load_corpus(corpus_copy), index_dir)
    assert index_status(corpus_copy, index_dir) == "ok"
    assert len(list(index_dir.glob("dla-build-*"))) == 1  # the old build is cleaned up
