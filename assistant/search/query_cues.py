"""Question cues from `corpus/query_cues.yaml`: everyday phrasings mapped to the wording provisions use."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from assistant.datafile import DataFileError, check_keys, load_yaml, require_mapping

CUES_FILE = "query_cues.yaml"
_WEIGHTED = ("zh", "en", "heading_zh", "heading_en")
_CUE_KEYS = {"id", "when_zh", "when_en", *_WEIGHTED}


@dataclass(frozen=True)
class Cue:
    """A kind of question (penalty, deadline, abroad …): the words that signal it and the statutory wording
    (phrase -> weight) it adds, for text and for headings, in each language."""

    id: str
    when_zh: tuple[str, ...] = ()
    when_en: tuple[str, ...] = ()
    zh: tuple[tuple[str, float], ...] = ()
    en: tuple[tuple[str, float], ...] = ()
    heading_zh: tuple[tuple[str, float], ...] = ()
    heading_en: tuple[tuple[str, float], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """As stored in the index's query data."""
        data = asdict(self)
        return {**data, **{key: dict(getattr(self, key)) for key in _WEIGHTED}}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Cue:
        """Read back from the index's query data."""
        return cls(
            id=str(data["id"]),
            when_zh=tuple(data.get("when_zh") or ()),
            when_en=tuple(data.get("when_en") or ()),
            **{key: tuple((str(k), float(v)) for k, v in (data.get(key) or {}).items()) for key in _WEIGHTED},
        )


def load_query_cues(corpus_root: Path) -> list[Cue]:
    """The cues of the corpus; none when the file is absent."""
    path = corpus_root / CUES_FILE
    if not path.exists():
        return []
    data = require_mapping(load_yaml(path), path, "query cues")
    check_keys(data, path, {"cues"}, {"cues"}, "query cues")
    cues = []
    for entry in data["cues"]:
        entry = require_mapping(entry, path, "cue")
        check_keys(entry, path, _CUE_KEYS, {"id"}, "cue")
        for key in _WEIGHTED:
            weights = entry.get(key) or {}
            if not isinstance(weights, dict) or not all(isinstance(v, int | float) for v in weights.values()):
                raise DataFileError(path, entry.line_of(key), f"{key} must map phrases to weights")
        cues.append(
            Cue.from_dict(
                {
                    "id": entry["id"],
                    "when_zh": [str(w) for w in entry.get("when_zh") or []],
                    "when_en": [str(w).lower() for w in entry.get("when_en") or []],
                    **{key: entry.get(key) or {} for key in _WEIGHTED},
                }
            )
        )
    return cues
