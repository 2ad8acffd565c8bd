"""The obligation matrix: every duty of an actor across the instruments, with penalties."""

from __future__ import annotations

from typing import Any


def _actor_names(data: dict[str, Any], text: str) -> set[str]:
    wanted = text.strip().lower()
    names = set()
    for actor in data["actors"]:
        all_names = [actor["canonical"], actor["en"], *actor["names_zh"], *actor["names_en"]]
        if any(wanted == n.lower() or wanted in n.lower() for n in all_names):
            names.add(actor["canonical"])
    return names


def select_obligations(data: dict[str, Any], actor: str | None, law: str | None) -> list[dict[str, Any]]:
    """Obligations filtered by actor and law, one per (provision, actor, modality), in corpus order."""
    actors = _actor_names(data, actor) if actor else None
    seen: set[tuple[str, str, str]] = set()
    rows = []
    for obligation in data["obligations"]:
        if actors is not None and obligation["actor"] not in actors:
            continue
        if law and obligation["law"] != law:
            continue
        key = (obligation["id"], obligation["actor"], obligation["modality"])
        if key in seen:
            continue
        seen.add(key)
        citation_zh, citation_en = data["citations"].get(obligation["id"], [obligation["id"]] * 2)
        rows.append({**obligation, "citation_zh": citation_zh, "citation_en": citation_en,
                     "penalty_citations": [data["citations"].get(p, [p, p]) for p in obligation["penalties"]]})  # fmt: skip
    return rows
