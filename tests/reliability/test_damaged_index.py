"""Damaged builds: every kind of damage is detected on open and repairs itself; nothing unverified is served."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest

from assistant.corpus.store import load_corpus
from assistant.indexing import build_index, ensure_build, index_status
from assistant.indexing.build import CURRENT_FILE
from assistant.indexing.manifest import MANIFEST_FILE
from assistant.service import AssistantService
from tests.reliability.conftest import TALLY, fault


@pytest.fixture()
def index_root(mini_index_dir: Path, tmp_path: Path) -> Path:
    """A copy of the session's build of the mini corpus, to damage (repairs rebuild the mini corpus)."""
    root = tmp_path / "index"
    shutil.copytree(mini_index_dir, root, symlinks=True)
    return root


def _build_folder(root: Path) -> Path:
    return root / (root / CURRENT_FILE).read_text(encoding="utf-8").strip()


def _every_file(root: Path) -> list[str]:
    manifest = json.loads((_build_folder(root) / MANIFEST_FILE).read_text(encoding="utf-8"))
    return sorted(path for files in manifest["artefacts"].values() for path in files)


def test_every_truncated_or_bit_flipped_file_is_detected(mini_corpus: Path, index_root: Path) -> None:
    folder = _build_folder(index_root)
    rng = random.Random(16)
    for path in _every_file(index_root):
        original = (folder / path).read_bytes()
        damaged = {
            "truncated": original[: len(original) // 2],
            "bit flipped": _flip(original, rng),
            "emptied": b"",
        }
        for kind, data in damaged.items():
            if data == original:
                continue
            (folder / path).write_bytes(data)
            fault(f"artefact {kind}")
            assert index_status(mini_corpus, index_root).startswith("corrupt"), (path, kind)
        (folder / path).unlink()
        fault("artefact deleted")
        assert index_status(mini_corpus, index_root).startswith("corrupt"), path
        (folder / path).write_bytes(original)
    assert index_status(mini_corpus, index_root) == "ok"
    TALLY["artefact files checked"] += len(_every_file(index_root))


def _flip(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return b"\x01"
    position = rng.randrange(len(data))
    return data[:position] + bytes([data[position] ^ (1 << rng.randrange(8))]) + data[position + 1 :]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("non-UTF-8", b"\xff\xfe\x00garbage"),
        ("empty", b""),
        ("path escape", b"../../../etc\n"),
        ("absolute path", b"/etc\n"),
        ("missing folder", b"dla-build-000000000000-v8-1-1\n"),
        ("huge", b"dla-build-" + b"0" * 10_000_000),
    ],
)
def test_a_damaged_current_file_is_never_followed(
    mini_corpus: Path, index_root: Path, name: str, content: bytes
) -> None:
    (index_root / CURRENT_FILE).write_bytes(content)
    fault(f"CURRENT {name}")
    assert index_status(mini_corpus, index_root).startswith(("unreadable", "missing"))


def test_a_non_utf8_current_file_repairs_itself(mini_corpus: Path, index_root: Path) -> None:
    (index_root / CURRENT_FILE).write_bytes(b"\xff\xfe\x00garbage")
    fault("CURRENT non-UTF-8, repaired")
    messages: list[str] = []
    service = AssistantService(mini_corpus, index_root)
    assert service.search("数据安全", notify=messages.append).hits
    assert messages and "building it now" in messages[0]
    assert index_status(mini_corpus, index_root) == "ok"


@pytest.mark.parametrize(
    "damage",
    ["not json", "deep json", "wrong producer", "escaping path", "bad checksum format", "missing"],
)
def test_a_damaged_manifest_repairs_itself(mini_corpus: Path, index_root: Path, damage: str) -> None:
    manifest_path = _build_folder(index_root) / MANIFEST_FILE
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    first = next(iter(manifest["artefacts"]["search"]))
    if damage == "not json":
        manifest_path.write_text("{", encoding="utf-8")
    elif damage == "deep json":
        manifest_path.write_text("[" * 100_000, encoding="utf-8")
    elif damage == "wrong producer":
        manifest_path.write_text(json.dumps({**manifest, "producer": "someone"}), encoding="utf-8")
    elif damage == "escaping path":
        manifest["artefacts"]["search"]["../../../etc/passwd"] = manifest["artefacts"]["search"].pop(first)
        manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    elif damage == "bad checksum format":
        manifest["artefacts"]["search"][first]["sha256"] = "zz"
        manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    else:
        manifest_path.unlink()
    fault(f"manifest {damage}")
    assert index_status(mini_corpus, index_root).startswith("unreadable")
    if damage == "escaping path":  # one repair stands for all: every damage above takes the same path
        assert (
            ensure_build(None, index_root, None, lambda: load_corpus(mini_corpus), mini_corpus).folder
            != manifest_path.parent
        )


def test_a_tampered_obligation_store_is_never_served(mini_corpus: Path, index_root: Path) -> None:
    service = AssistantService(mini_corpus, index_root)
    service.search("数据")  # the engine is open, as in a running TUI
    store = _build_folder(index_root) / "obligations" / "obligations.json"
    data = json.loads(store.read_text(encoding="utf-8"))
    genuine = data["obligations"][0]
    forged = {**genuine, **{k: "FORGED: no duty at all" for k in genuine if k.startswith("text")}}
    data["obligations"][0] = forged
    store.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")  # valid JSON, wrong content
    fault("tampered obligations")
    assert index_status(mini_corpus, index_root).startswith("corrupt (obligations")
    served = service.obligations_data()
    assert "FORGED" not in json.dumps(served, ensure_ascii=False)
    assert index_status(mini_corpus, index_root) == "ok"


def test_a_corrupt_segment_repairs_itself_without_a_manual_build(mini_corpus: Path, index_root: Path) -> None:
    folder = _build_folder(index_root) / "search"
    for segment in folder.glob("*.seg"):
        segment.write_bytes(segment.read_bytes()[:-64] + b"\x00" * 64)  # same size: only the checksum can tell
        fault("corrupt segment")
    messages: list[str] = []
    assert AssistantService(mini_corpus, index_root).search("个人信息", notify=messages.append).hits
    assert messages and messages[0].startswith("search index corrupt (search:")


def test_rebuilds_delete_only_what_the_project_wrote(mini_corpus: Path, index_root: Path) -> None:
    users = index_root / "search-engine-project"
    users.mkdir()
    (users / "notes.txt").write_text("mine", encoding="utf-8")
    lookalike = index_root / "dla-build-0123456789ab-v8-1-1"  # a build's name, but not written by a build
    lookalike.mkdir()
    (lookalike / "thesis.tex").write_text("mine too", encoding="utf-8")
    old = _build_folder(index_root)
    (old / "search" / "my-extra-file").write_text("left in an old build", encoding="utf-8")
    build_index(load_corpus(mini_corpus), index_root)
    fault("user files beside builds", 3)
    assert (users / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (lookalike / "thesis.tex").read_text(encoding="utf-8") == "mine too"
    assert (old / "search" / "my-extra-file").exists()  # the old build's own files went; the user's file stayed
    assert not (old / MANIFEST_FILE).exists()


def test_a_build_whose_obligations_misquote_the_law_is_never_switched_in(
    mini_corpus: Path, index_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.indexing import artefacts
    from assistant.search.index_store import IndexBuildError

    genuine_writer = artefacts.write_obligations
    live = _build_folder(index_root)

    def misquoting_writer(corpus: object, folder: Path) -> None:
        genuine_writer(corpus, folder)
        store = folder / "obligations.json"
        data = json.loads(store.read_text(encoding="utf-8"))
        victim = next(o for o in data["obligations"] if "应当" in o["text_zh"])
        victim["text_zh"] = victim["text_zh"].replace("应当", "可以", 1)
        store.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    monkeypatch.setattr(artefacts, "write_obligations", misquoting_writer)
    fault("misquoted obligation")
    with pytest.raises(IndexBuildError, match="not the provision's wording"):
        build_index(load_corpus(mini_corpus), index_root)
    assert _build_folder(index_root) == live and index_status(mini_corpus, index_root) == "ok"
    assert len(list(index_root.glob("dla-build-*"))) == 1  # the refused build was removed
