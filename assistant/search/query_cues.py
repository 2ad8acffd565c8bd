"""Question cues from `corpus/query_cues.yaml`: everyday phrasings mapped to the wording provisions use."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from assistant.datafile import DataFileError, check_keys, load_yaml, require_mapping
from assistant.search.inflected_phrases import InflectedPhrases
from assistant.wording import word_pattern

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

    @cached_property
    def inflected_when_en(self) -> InflectedPhrases:
        """The multi-word English signal phrases in any inflection ("what happened if" for "what happens if")."""
        return InflectedPhrases.of(self.when_en)

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


def without_cue_words(text: str, cue: Cue) -> str:
    """The text with the words that signal the cue taken out ("fine for not reporting a breach" -> "for not
    reporting a breach" for the penalty cue): what the question asks about besides the cue."""
    covered = [False] * len(text)
    for word in (word for word in cue.when_zh if word):
        start = text.find(word)
        while start >= 0:  # every occurrence of every word: overlapping ones (会被罚, 罚款) both go
            covered[start : start + len(word)] = [True] * len(word)
            start = text.find(word, start + 1)
    text = "".join(" " if gone else char for char, gone in zip(text, covered, strict=True))
    latin = [word for word in cue.when_en if word]
    return word_pattern(tuple(latin)).sub(" ", text.lower()) if latin else text


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
