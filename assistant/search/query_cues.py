"""Question cues from `corpus/query_cues.yaml`: everyday phrasings mapped to the wording provisions use."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant.datafile import DataFileError, check_keys, load_yaml, require_mapping

CUES_FILE = "query_cues.yaml"
_CUE_KEYS = {"id", "when_zh", "when_en", "zh", "en", "heading_zh", "heading_en"}


def load_query_cues(corpus_root: Path) -> list[dict[str, Any]]:
    """The cues as plain dicts (stored in the index's query data); none when the file is absent."""
    path = corpus_root / CUES_FILE
    if not path.exists():
        return []
    data = require_mapping(load_yaml(path), path, "query cues")
    check_keys(data, path, {"cues"}, {"cues"}, "query cues")
    cues = []
    for entry in data["cues"]:
        entry = require_mapping(entry, path, "cue")
        check_keys(entry, path, _CUE_KEYS, {"id"}, "cue")
        for key in ("zh", "en", "heading_zh", "heading_en"):
            weights = entry.get(key) or {}
            if not isinstance(weights, dict) or not all(isinstance(v, int | float) for v in weights.values()):
                raise DataFileError(path, entry.line_of(key), f"{key} must map phrases to weights")
        cues.append(
            {
                "id": str(entry["id"]),
                "when_zh": [str(w) for w in entry.get("when_zh") or []],
                "when_en": [str(w).lower() for w in entry.get("when_en") or []],
                **{
                    key: {str(k): float(v) for k, v in (entry.get(key) or {}).items()}
                    for key in ("zh", "en", "heading_zh", "heading_en")
                },
            }
        )
    return cues
