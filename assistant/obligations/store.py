"""The obligation and link store: written once at build (spaCy loads only then), read into frozen records."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.atomic import write_text_atomic
from assistant.models import ArticleRef, within
from assistant.obligations.records import Obligation, Penalty, PenaltyLink

if TYPE_CHECKING:
    from assistant.corpus.store import Corpus

OBLIGATIONS_FILE = "obligations.json"
STORE_SCHEMA = 3  # 3: reviewed penalty kinds (English referrals, notes) and catch-all clauses


@dataclass(frozen=True)
class ActorNames:
    """An actor and every name a question may use for it."""

    canonical: str
    en: str
    names_zh: tuple[str, ...]
    names_en: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain data, for the store."""
        return {
            "canonical": self.canonical,
            "en": self.en,
            "names_zh": list(self.names_zh),
            "names_en": list(self.names_en),
        }


@dataclass(frozen=True)
class ObligationStore:
    """Obligations, penalty links and classified penalties, as extracted and linked at build time."""

    obligations: tuple[Obligation, ...]
    links: tuple[PenaltyLink, ...]
    penalties: dict[str, Penalty]
    actors: tuple[ActorNames, ...]
    citations: dict[str, tuple[str, str]] = field(default_factory=dict)
    catch_all: dict[str, tuple[str, ...]] = field(default_factory=dict)  # law -> its catch-all liability paragraphs

    def penalties_for(self, citation: str, actor: str | None = None) -> list[PenaltyLink]:
        """Links that punish the duties at a citation (article, paragraph or item), optionally of one actor.

        An item inherits the links of its paragraph's duty (the lead-in carries the modal), and an article
        or paragraph gathers those of every duty inside it.
        """
        return [
            link
            for link in self.links
            if (within(link.duty, citation) or within(citation, link.duty)) and (actor is None or link.actor == actor)
        ]

    def enforced_by(self, penalty: str) -> list[PenaltyLink]:
        """Links from a liability provision (article or paragraph) to the duties it punishes."""
        return [link for link in self.links if within(link.penalty, penalty)]

    def catch_all_for(self, law: str) -> list[Penalty]:
        """The catch-all liability paragraphs of an instrument: they reach a breach of any of its duties."""
        return [self.penalties[ref] for ref in self.catch_all.get(law, ()) if ref in self.penalties]

    def catch_all_data(self, laws: Iterable[str]) -> list[dict[str, Any]]:
        """The catch-all clauses of each instrument named, once per instrument, as `--json` carries them."""
        found = []
        for law in dict.fromkeys(laws):
            for penalty in self.catch_all_for(law):
                zh, en = self.cite(penalty.ref)
                fields = penalty.to_dict()
                fields["penalty"] = fields.pop("ref")
                found.append({"law": law, **fields, "citation_zh": zh, "citation_en": en})
        return found

    def cite(self, citation: str) -> tuple[str, str]:
        """The Chinese and English renderings of a stored citation (the id itself when unknown)."""
        return self.citations.get(citation, (citation, citation))

    def as_data(self) -> dict[str, Any]:
        """The legacy dict view (`service.obligations_data()`): obligations as dicts, actors, citations, links."""
        return {
            "obligations": [o.to_dict() for o in self.obligations],
            "links": [link.to_dict() for link in self.links],
            "penalty_kinds": {ref: p.to_dict() for ref, p in self.penalties.items()},
            "actors": [a.to_dict() for a in self.actors],
            "citations": {ref: list(pair) for ref, pair in self.citations.items()},
            "catch_all": {law: list(refs) for law, refs in self.catch_all.items()},
        }


def build_obligation_store(corpus: Corpus) -> ObligationStore:
    """Extract every obligation and link it to its penalties (spaCy and jieba load here)."""
    from assistant.corpus.glossary import load_glossary
    from assistant.obligations.extractor import ObligationExtractor
    from assistant.obligations.liability_data import load_catch_all, load_liability_review
    from assistant.obligations.link_data import load_number_limits, load_scope_rules
    from assistant.obligations.linking import liability_paragraphs, link_obligations

    extractor = ObligationExtractor(corpus)
    obligations, links = link_obligations(
        corpus,
        extractor.extract_all(),
        extractor.actors,
        load_scope_rules(corpus.root),
        load_number_limits(corpus.root),
    )
    glossary = load_glossary(corpus.root)
    actors = []
    for actor in extractor.actors:
        term = glossary.by_zh(actor.canonical)
        names_zh = {*actor.forms, *actor.synonyms_zh, *(term.synonyms_zh if term else ())}
        names_en = {actor.en, *actor.synonyms_en, *((term.en, *term.en_forms, *term.synonyms_en) if term else ())}
        actors.append(ActorNames(actor.canonical, actor.en, tuple(sorted(names_zh)), tuple(sorted(names_en))))
    known = {a.canonical for a in actors}
    english = {o.actor: o.actor_en for o in obligations}
    actors += [
        ActorNames(name, english[name], (name,), (english[name],) if english[name] else ())
        for name in english
        if name not in known
    ]
    penalties = liability_paragraphs(corpus, load_liability_review(corpus.root))
    catch_all: dict[str, tuple[str, ...]] = {}
    for entry in load_catch_all(corpus.root):
        catch_all[entry.law] = (*catch_all.get(entry.law, ()), *entry.provisions)
    cited = {o.id for o in obligations} | {link.penalty for link in links} | set(penalties)
    cited |= {ArticleRef.parse(ref).article_id for ref in cited}
    citations = {ref: (corpus.cite_zh(ref), corpus.cite_en(ref)) for ref in sorted(cited)}
    return ObligationStore(tuple(obligations), tuple(links), penalties, tuple(actors), citations, catch_all)


def write_obligation_store(corpus: Corpus, folder: Path) -> None:
    """Build the store and write it atomically into `folder` (one build step; the reader is `read_obligation_store`)."""
    store = build_obligation_store(corpus)
    data = {"schema": STORE_SCHEMA, **store.as_data()}
    write_text_atomic(folder / OBLIGATIONS_FILE, json.dumps(data, ensure_ascii=False))


def read_obligation_store(folder: Path) -> ObligationStore:
    """The stored obligations and links as frozen records; ValueError when the file is of another schema."""
    data: dict[str, Any] = json.loads((folder / OBLIGATIONS_FILE).read_text(encoding="utf-8"))
    if data.get("schema") != STORE_SCHEMA:
        raise ValueError(f"{OBLIGATIONS_FILE} has schema {data.get('schema')!r}, expected {STORE_SCHEMA}")
    return ObligationStore(
        obligations=tuple(Obligation.from_dict(o) for o in data["obligations"]),
        links=tuple(PenaltyLink.from_dict(link) for link in data["links"]),
        penalties={ref: Penalty.from_dict(p) for ref, p in data["penalty_kinds"].items()},
        actors=tuple(
            ActorNames(a["canonical"], a["en"], tuple(a["names_zh"]), tuple(a["names_en"])) for a in data["actors"]
        ),
        citations={ref: (pair[0], pair[1]) for ref, pair in data["citations"].items()},
        catch_all={law: tuple(refs) for law, refs in data.get("catch_all", {}).items()},
    )
