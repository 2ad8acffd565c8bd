"""Obligations and duty-penalty links stored beside the index (built once), read without spaCy."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

OBLIGATIONS_FILE = "obligations.json"


def write_obligations(corpus: Any, folder: Path) -> None:
    """Extract every obligation and write them with the penalty links (an index-build step)."""
    from assistant.corpus.glossary import load_glossary
    from assistant.obligations.extractor import ObligationExtractor

    extractor = ObligationExtractor(corpus)
    obligations = [o.to_dict() for o in extractor.extract_all()]
    links = extractor.penalty_links
    glossary = load_glossary(corpus.root)
    actors = []
    for actor in extractor.actors:
        term = glossary.by_zh(actor.canonical)
        names_zh = {*actor.forms, *actor.synonyms_zh, *(term.synonyms_zh if term else ())}
        names_en = {actor.en, *actor.synonyms_en, *((term.en, *term.en_forms, *term.synonyms_en) if term else ())}
        actors.append(
            {"canonical": actor.canonical, "en": actor.en, "names_zh": sorted(names_zh), "names_en": sorted(names_en)}
        )
    citations = {o["id"]: [corpus.cite_zh(o["id"]), corpus.cite_en(o["id"])] for o in obligations}
    citations |= {p: [corpus.cite_zh(p), corpus.cite_en(p)] for p in links.enforces}
    data = {
        "obligations": obligations, "enforces": links.enforces, "penalized_by": links.penalized_by,
        "actors": actors, "citations": citations,
    }  # fmt: skip
    (folder / OBLIGATIONS_FILE).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def read_obligations(folder: Path) -> dict[str, Any]:
    """The stored obligations and links."""
    data: dict[str, Any] = json.loads((folder / OBLIGATIONS_FILE).read_text(encoding="utf-8"))
    return data
