"""The obligation matrix: every duty of an actor across the instruments, one row per clause, with penalties."""

from __future__ import annotations

from typing import Any

from assistant.obligations.ask import obligation_row
from assistant.obligations.store import ObligationStore


def _actor_names(store: ObligationStore, text: str) -> set[str]:
    wanted = text.strip().lower()
    names = set()
    for actor in store.actors:
        all_names = [actor.canonical, actor.en, *actor.names_zh, *actor.names_en]
        if any(n and (wanted == n.lower() or wanted in n.lower()) for n in all_names):
            names.add(actor.canonical)
    return names


def select_obligations(store: ObligationStore, actor: str | None, law: str | None) -> list[dict[str, Any]]:
    """Obligations filtered by actor and law, every clause its own row, in corpus order."""
    actors = _actor_names(store, actor) if actor else None
    return [
        obligation_row(store, obligation)
        for obligation in store.obligations
        if (actors is None or obligation.actor in actors) and (not law or obligation.law == law)
    ]
