"""`dla ask`: find the actor and topic in a question, retrieve articles, answer with their obligations.

Extractive: every answer is an obligation extracted from the text, quoted verbatim with its
citation; the question only chooses and orders them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from assistant import NOTICE_FIELDS
from assistant.obligations.records import Obligation
from assistant.obligations.store import ActorNames, ObligationStore
from assistant.search.results import SearchResults
from assistant.wording import ENGLISH_WORD, contains_words

MODALITY_CUES = {
    "must_not": re.compile(
        r"不得|禁止|不能|不可以|不准|严禁|must not|mustn't|shall not|cannot|can't|prohibit|forbid|not allowed", re.I
    ),
    "may": re.compile(r"可以|能否|能不能|有权|\bmay\b|\bcan\b|allowed|permitted|entitled", re.I),
    "must": re.compile(
        r"应当|必须|要不要|需要|义务|\bmust\b|\bshall\b|have to|has to|need to|required|obligat|dut(y|ies)", re.I
    ),
}
ACTOR_MATCH_BONUS = 0.3
MODALITY_MATCH_BONUS = 0.2


@dataclass
class Answer:
    """Obligations that answer a question, most relevant first, and the articles they came from."""

    question: str
    actors: list[str]
    modality: str | None
    obligations: list[dict[str, Any]] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    catch_all: list[dict[str, Any]] = field(default_factory=list)  # each instrument's catch-all clauses, once

    def to_dict(self) -> dict[str, Any]:
        """The `dla ask --json` contract."""
        return {
            "question": self.question,
            "actors": self.actors,
            "modality": self.modality,
            "obligations": self.obligations,
            "articles": self.articles,
            "messages": self.messages,
            "catch_all": self.catch_all,
            **NOTICE_FIELDS,
        }

    def grouped(self) -> list[tuple[str, list[dict[str, Any]]]]:
        """Obligations grouped by actor, groups in order of their best obligation."""
        groups: dict[str, list[dict[str, Any]]] = {}
        for obligation in self.obligations:
            groups.setdefault(obligation["actor"], []).append(obligation)
        return list(groups.items())


def _contains(text: str, name: str) -> bool:
    """An English name as whole words (any case); a Chinese one anywhere, as Chinese has no spaces."""
    return contains_words(text, (name,)) if ENGLISH_WORD.search(name.lower()) else name in text


def detect_actors(question: str, actors: tuple[ActorNames, ...]) -> list[str]:
    """Actors the question names, by their statutory names, English names or everyday synonyms (longest first)."""
    found: list[tuple[int, str]] = []
    for actor in actors:
        names = [*actor.names_zh, *actor.names_en]
        matched = [n for n in names if len(n) >= 2 and _contains(question, n)]
        if matched:
            found.append((max(len(n) for n in matched), actor.canonical))
    found.sort(reverse=True)
    # The longest, most specific name wins (区块链信息服务提供者 over 服务提供者, a named actor over 用户).
    return [found[0][1]] if found else []


def detect_modality(question: str) -> str | None:
    """must, must_not or may, when the question asks for one."""
    for modality, pattern in MODALITY_CUES.items():
        if pattern.search(question):
            return modality
    return None


def obligation_row(store: ObligationStore, obligation: Obligation) -> dict[str, Any]:
    """An obligation as the `--json` contracts give it: its fields, citations, and each penalty with its basis and kind."""
    links = {link.penalty: link for link in store.penalties_for(obligation.id, obligation.actor)}
    penalty_links = []
    for ref in obligation.penalties:
        penalty = store.penalties.get(ref)
        link = links.get(ref)
        penalty_links.append(
            {
                "penalty": ref,
                "basis": link.basis if link else None,
                "rule": link.rule if link else None,
                "kinds": list(penalty.kinds) if penalty else [],
                "amounts": list(penalty.amounts) if penalty else [],
                "refers_to": list(penalty.refers_to) if penalty else [],
                "refers_to_en": list(penalty.refers_to_en) if penalty else [],
            }
        )
    citation_zh, citation_en = store.cite(obligation.id)
    return {
        **obligation.to_dict(),
        "citation_zh": citation_zh,
        "citation_en": citation_en,
        "penalty_citations": [list(store.cite(p)) for p in obligation.penalties],
        "penalty_links": penalty_links,
    }


def answer_question(question: str, results: SearchResults, store: ObligationStore, limit: int = 10) -> Answer:
    """Rank the obligations of the retrieved articles for the question."""
    actors = detect_actors(question, store.actors)
    modality = detect_modality(question)
    answer = Answer(question=question, actors=actors, modality=modality)
    answer.articles = [hit.id for hit in results.hits]
    answer.messages = list(results.messages)
    rank_of = {article: rank for rank, article in enumerate(answer.articles)}
    candidates = [o for o in store.obligations if o.article_id in rank_of]

    def score(obligation: Obligation) -> float:
        # Retrieval rank leads; the actor and modality the question names break ties within reach.
        value = 1.0 / (1 + rank_of[obligation.article_id])
        value += ACTOR_MATCH_BONUS if obligation.actor in actors else 0.0
        value += MODALITY_MATCH_BONUS if modality and obligation.modality == modality else 0.0
        return value

    merged: dict[tuple[str, str, str, tuple[str, ...]], dict[str, Any]] = {}
    for obligation in sorted(candidates, key=lambda o: (-score(o), o.id, o.span[0])):
        key = (obligation.id, obligation.actor, obligation.modality, obligation.penalties)
        if key in merged:
            continue  # one entry per provision, actor, modality and penalties (each row shows only its own)
        merged[key] = {**obligation_row(store, obligation), "score": round(score(obligation), 4)}
    # The best obligation of each retrieved article first, so one long article cannot crowd out the next.
    ranked = list(merged.values())
    firsts: dict[str, dict[str, Any]] = {}
    for item in ranked:
        firsts.setdefault(item["article_id"], item)
    leaders = sorted(firsts.values(), key=lambda o: -o["score"])
    ranked = leaders + [o for o in ranked if firsts[o["article_id"]] is not o]
    answer.obligations = ranked[:limit]
    answer.catch_all = store.catch_all_data(o["law"] for o in answer.obligations)
    if not answer.obligations:
        answer.messages.append("no obligation found in the articles that match the question")
    return answer
