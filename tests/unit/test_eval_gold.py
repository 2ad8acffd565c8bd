"""The obligation gold files are well formed: every provision they name exists in the corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.corpus.store import Corpus
from assistant.models import ArticleRef

EVAL = Path(__file__).resolve().parents[1] / "eval"
GOLD_FILES = sorted(path.name for path in EVAL.glob("obligations_gold_v*_*.yaml"))


def _refs(data: dict[str, Any]) -> list[str]:
    refs: list[str] = []
    for entry in data.get("obligations") or []:
        refs.append(entry["ref"])
        refs.extend(penalty["ref"] for penalty in entry.get("penalties") or [])
    for entry in data.get("liability") or []:
        refs.append(entry["ref"])
    return refs


def test_the_gold_files_are_found() -> None:
    assert len(GOLD_FILES) >= 3


@pytest.mark.parametrize("name", GOLD_FILES)
def test_every_provision_a_gold_file_names_exists(corpus: Corpus, name: str) -> None:
    data = yaml.safe_load((EVAL / name).read_text(encoding="utf-8"))
    refs = _refs(data)
    assert refs and data["scope"]
    missing = [ref for ref in refs if not corpus.exists(ArticleRef.parse(ref))]
    assert not missing, f"{name}: {missing}"
    for entry in data["obligations"]:
        assert entry["modality"] in {"must", "must_not", "may"}, entry
        if entry["modality"] == "may":
            assert not entry.get("penalties"), entry  # the spec: permissions carry no penalty
