"""Frozen records of the obligation and link store: obligations, penalties, penalty links, relations, definitions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from assistant.modality import Modality

PenaltyKind = Literal["fine", "referral", "disciplinary", "civil", "criminal"]
PENALTY_KINDS: tuple[PenaltyKind, ...] = ("fine", "referral", "disciplinary", "civil", "criminal")
Basis = Literal["number", "scope"]
RELATION_TYPES = ("implements", "same subject", "stricter local rule", "refers to")


@dataclass(frozen=True)
class Obligation:
    """One duty, prohibition or permission as the text states it, with the penalties that punish its breach."""

    id: str  # citation of the paragraph or item holding it
    article_id: str
    law: str
    actor: str
    actor_en: str
    modality: Modality
    marker: str  # the modal word as written ("" for a regime duty)
    text_zh: str  # verbatim span
    span: tuple[int, int]  # offsets in the paragraph's (or item's) own text
    text_en: str | None
    condition: str | None = None
    time_limits: tuple[str, ...] = ()
    amounts: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    penalties: tuple[str, ...] = ()  # liability paragraphs, in corpus order
    text_status: str = "cross-checked"
    regime: bool = False  # a clause with no modal that subjects the actor to a punished regime

    def to_dict(self) -> dict[str, Any]:
        """Plain data, for the store and `--json` output."""
        return {
            "id": self.id,
            "article_id": self.article_id,
            "law": self.law,
            "actor": self.actor,
            "actor_en": self.actor_en,
            "modality": self.modality,
            "marker": self.marker,
            "text_zh": self.text_zh,
            "span": list(self.span),
            "text_en": self.text_en,
            "condition": self.condition,
            "time_limits": list(self.time_limits),
            "amounts": list(self.amounts),
            "references": list(self.references),
            "penalties": list(self.penalties),
            "text_status": self.text_status,
            "regime": self.regime,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Obligation:
        """The record back from its stored form."""
        return cls(
            id=str(data["id"]),
            article_id=str(data["article_id"]),
            law=str(data["law"]),
            actor=str(data["actor"]),
            actor_en=str(data["actor_en"]),
            modality=data["modality"],
            marker=str(data["marker"]),
            text_zh=str(data["text_zh"]),
            span=(int(data["span"][0]), int(data["span"][1])),
            text_en=data["text_en"],
            condition=data.get("condition"),
            time_limits=tuple(data.get("time_limits", ())),
            amounts=tuple(data.get("amounts", ())),
            references=tuple(data.get("references", ())),
            penalties=tuple(data.get("penalties", ())),
            text_status=str(data.get("text_status", "cross-checked")),
            regime=bool(data.get("regime", False)),
        )


@dataclass(frozen=True)
class Penalty:
    """A liability paragraph: what kind of sanction it sets, its amounts, and the law it refers to."""

    ref: str  # paragraph citation, e.g. dsl:45.1
    kinds: tuple[PenaltyKind, ...]
    amounts: tuple[str, ...] = ()
    refers_to: tuple[str, ...] = ()  # the clause's own words for the law or regime referred to
    refers_to_en: tuple[str, ...] = ()  # the project's English for each, where reviewed
    note: str = ""  # the reviewer's note (corpus/links/penalty_kinds.yaml)

    @property
    def kind(self) -> PenaltyKind | None:
        """The leading kind (a fine before a referral before discipline …), None when it sets no sanction."""
        return self.kinds[0] if self.kinds else None

    def to_dict(self) -> dict[str, Any]:
        """Plain data, for the store and `--json` output."""
        return {
            "ref": self.ref,
            "kinds": list(self.kinds),
            "amounts": list(self.amounts),
            "refers_to": list(self.refers_to),
            "refers_to_en": list(self.refers_to_en),
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Penalty:
        """The record back from its stored form."""
        return cls(
            str(data["ref"]),
            tuple(data["kinds"]),
            tuple(data["amounts"]),
            tuple(data["refers_to"]),
            tuple(data.get("refers_to_en", ())),
            str(data.get("note", "")),
        )


@dataclass(frozen=True)
class PenaltyLink:
    """A duty (clause and actor) linked to a liability paragraph that punishes its breach, and why."""

    duty: str  # citation of the obligation's paragraph or item
    actor: str
    penalty: str  # liability paragraph citation
    basis: Basis  # "number": the liability clause cites the duty; "scope": a reviewed scope rule covers it
    rule: str | None = None  # the scope rule's reason, for a scope link
    cited: str | None = (
        None  # for a number link: the provision as the liability clause cites it (dsl:27, blockchain:11.1)
    )

    def to_dict(self) -> dict[str, Any]:
        """Plain data, for the store and `--json` output."""
        return {
            "duty": self.duty,
            "actor": self.actor,
            "penalty": self.penalty,
            "basis": self.basis,
            "rule": self.rule,
            "cited": self.cited,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PenaltyLink:
        """The record back from its stored form."""
        return cls(
            str(data["duty"]),
            str(data["actor"]),
            str(data["penalty"]),
            data["basis"],
            data.get("rule"),
            data.get("cited"),
        )


@dataclass(frozen=True)
class Relation:
    """Two related provisions (关联法条), reviewed by hand, with the kind of relation and why."""

    source: str
    target: str
    type: str  # one of RELATION_TYPES
    note: str = ""
    inverse: bool = False  # seen from the other end: the target implements / restates the source

    def to_dict(self) -> dict[str, Any]:
        """Plain data, for `dla show --json`."""
        return {
            "source": self.source,
            "target": self.target,
            "type": self.type,
            "note": self.note,
            "inverse": self.inverse,
        }


@dataclass(frozen=True)
class Definition:
    """A statutory definition: the term, where the text defines it, and that text (taken from the corpus)."""

    term: str
    citation: str
    text_zh: str
    text_en: str | None
    term_en: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain data, for `dla define --json`."""
        return {
            "term": self.term,
            "term_en": self.term_en,
            "citation": self.citation,
            "text_zh": self.text_zh,
            "text_en": self.text_en,
        }
