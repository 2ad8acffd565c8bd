"""Instruments users cite that are not in the corpus (`corpus/outside_instruments.yaml`): named, never answered."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from assistant.datafile import DataFileError, check_keys, load_yaml, require_mapping

OUTSIDE_FILE = "outside_instruments.yaml"
_KEYS = {"id", "title_zh", "title_en", "aliases"}


@dataclass(frozen=True)
class OutsideInstrument:
    """A law the corpus does not hold: its id, titles and the names users cite it by."""

    id: str
    title_zh: str
    title_en: str
    aliases: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """Every name it is cited by."""
        return (self.title_zh, self.title_en, *self.aliases)


def _key(name: str) -> str:
    return " ".join(name.lower().split())


def load_outside_instruments(corpus_root: Path, corpus_names: Mapping[str, Iterable[str]]) -> list[OutsideInstrument]:
    """The outside list minus any instrument the corpus holds (by id or by any name in `corpus_names`,
    law id -> names); [] when the file is absent."""
    path = corpus_root / OUTSIDE_FILE
    if not path.exists():
        return []
    data = require_mapping(load_yaml(path), path, "outside instruments")
    check_keys(data, path, {"instruments"}, {"instruments"}, "outside instruments")
    taken = {_key(name) for law, names in corpus_names.items() for name in (law, *names)}
    found: list[OutsideInstrument] = []
    for entry in data["instruments"]:
        entry = require_mapping(entry, path, "instrument")
        check_keys(entry, path, _KEYS, _KEYS, "instrument")
        aliases = entry["aliases"]
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise DataFileError(path, entry.line_of("aliases"), "aliases must be a list of names")
        instrument = OutsideInstrument(str(entry["id"]), str(entry["title_zh"]), str(entry["title_en"]), tuple(aliases))
        if _key(instrument.id) in taken or any(_key(name) in taken for name in instrument.names):
            continue  # now in the corpus: its citations resolve there
        found.append(instrument)
    return found
