"""Reviewed liability data under `corpus/links/`: the kinds of every liability paragraph and the catch-all clauses."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.datafile import DataFileError, check_keys, data_entries, load_yaml, require_mapping
from assistant.obligations.records import PENALTY_KINDS, Penalty, PenaltyKind

if TYPE_CHECKING:
    from assistant.corpus.store import Corpus

KINDS_FILE = Path("links") / "penalty_kinds.yaml"
CATCH_ALL_FILE = Path("links") / "catch_all.yaml"


@dataclass(frozen=True)
class PenaltyReview:
    """A liability paragraph's kinds and referrals as a reviewer read them; `override` wins over the rule."""

    ref: str
    kinds: tuple[PenaltyKind, ...]
    refers_to: tuple[str, ...] = ()
    note: str = ""
    override: str | None = None  # why the rule's classification is not used


@dataclass(frozen=True)
class LiabilityReview:
    """Every reviewed liability paragraph, and English names of the laws they refer to."""

    penalties: dict[str, PenaltyReview]
    referrals_en: dict[str, str]


@dataclass(frozen=True)
class CatchAll:
    """An instrument's catch-all liability clauses: they reach a breach of any of its provisions."""

    law: str
    provisions: tuple[str, ...]
    reason: str


def _string_list(value: object, path: Path, line: int | None, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataFileError(path, line, f"{what} must be a list of strings")
    return tuple(value)


def load_liability_review(corpus_root: Path) -> LiabilityReview:
    """`corpus/links/penalty_kinds.yaml` (empty when absent)."""
    path = corpus_root / KINDS_FILE
    if not path.is_file():
        return LiabilityReview({}, {})
    data = require_mapping(load_yaml(path), path, "penalty kinds")
    check_keys(data, path, {"penalties", "referrals_en"}, {"penalties"}, "penalty kinds")
    reviews: dict[str, PenaltyReview] = {}
    for entry in data["penalties"]:
        entry = require_mapping(entry, path, "penalty")
        check_keys(entry, path, {"ref", "kinds", "refers_to", "note", "override"}, {"ref", "kinds"}, "penalty")
        kinds = _string_list(entry["kinds"], path, entry.line, "kinds")
        unknown = [k for k in kinds if k not in PENALTY_KINDS]
        if unknown:
            raise DataFileError(path, entry.line, f"unknown kind {unknown[0]!r} (known: {', '.join(PENALTY_KINDS)})")
        ref = str(entry["ref"])
        if ref in reviews:
            raise DataFileError(path, entry.line, f"{ref} is reviewed twice")
        override = entry.get("override")
        reviews[ref] = PenaltyReview(
            ref,
            tuple(k for k in PENALTY_KINDS if k in kinds),
            _string_list(entry.get("refers_to"), path, entry.line, "refers_to"),
            str(entry.get("note") or ""),
            str(override) if override else None,
        )
    names = data.get("referrals_en") or {}
    if not isinstance(names, dict):
        raise DataFileError(path, data.line_of("referrals_en"), "referrals_en must map Chinese to English")
    return LiabilityReview(reviews, {str(k): str(v) for k, v in names.items()})


def load_catch_all(corpus_root: Path) -> list[CatchAll]:
    """`corpus/links/catch_all.yaml` (none when absent)."""
    path = corpus_root / CATCH_ALL_FILE
    found = []
    keys = {"law", "provisions", "reason"}
    for entry in data_entries(path, "catch_all", "catch-all clauses", "catch-all entry", keys, keys):
        provisions = _string_list(entry["provisions"], path, entry.line, "provisions")
        law = str(entry["law"])
        if any(not p.startswith(f"{law}:") for p in provisions):
            raise DataFileError(path, entry.line, f"catch-all clauses of {law} must be provisions of {law}")
        found.append(CatchAll(law, provisions, str(entry["reason"])))
    return found


def liability_data_problems(corpus: Corpus) -> list[str]:
    """What `dla corpus verify` reports about the reviewed liability data: missing or mis-cited paragraphs, a
    review the rule contradicts without saying `override`, a catch-all clause that a scope rule links to duties, a scope
    rule on a paragraph that cites provisions by number."""
    from assistant.obligations.liability import classify_penalty, is_liability_paragraph
    from assistant.obligations.link_data import SCOPE_FILE, load_scope_rules
    from assistant.obligations.linking import cited_by_number

    problems: list[str] = []
    review = load_liability_review(corpus.root)
    sanctions = {
        f"{a.id}.{p.number}": p.zh
        for a in corpus.all_articles()
        for p in a.paragraphs
        if is_liability_paragraph(a, p.zh)
    }
    if review.penalties:
        for ref in sanctions:
            if ref not in review.penalties:
                problems.append(f"corpus/{KINDS_FILE}: liability paragraph {ref} has no reviewed kinds")
    for ref, reviewed in review.penalties.items():
        if ref not in sanctions:
            problems.append(f"corpus/{KINDS_FILE}: {ref} is not a liability paragraph that sets a sanction")
            continue
        missing = [phrase for phrase in reviewed.refers_to if phrase not in sanctions[ref]]
        if missing:
            problems.append(f"corpus/{KINDS_FILE}: {ref} does not contain {missing[0]}")
        ruled = classify_penalty(ref, sanctions[ref])
        if not reviewed.override and (ruled.kinds, ruled.refers_to) != (reviewed.kinds, reviewed.refers_to):
            problems.append(
                f"corpus/{KINDS_FILE}: {ref} is reviewed as {list(reviewed.kinds)} {list(reviewed.refers_to)}, the rule"
                f" gives {list(ruled.kinds)} {list(ruled.refers_to)}; fix the rule or say why in `override`"
            )
        names = [phrase for phrase in reviewed.refers_to if phrase not in review.referrals_en]
        if names:
            problems.append(f"corpus/{KINDS_FILE}: no English in referrals_en for {names[0]}")
    scoped = {rule.penalty for rule in load_scope_rules(corpus.root)}
    citing = {penalty for penalty, targets in cited_by_number(corpus).items() if targets}
    for ref in [r for r in sanctions if r in scoped and r in citing]:
        problems.append(
            f"corpus/{SCOPE_FILE}: {ref} cites provisions by number, so it reaches no other provision by scope"
            " (OBLIGATION_SPEC decided case 6)"
        )
    for entry in load_catch_all(corpus.root):
        for ref in entry.provisions:
            if ref not in sanctions:
                problems.append(f"corpus/{CATCH_ALL_FILE}: {ref} is not a liability paragraph that sets a sanction")
            if ref in scoped:
                problems.append(f"corpus/{CATCH_ALL_FILE}: {ref} is a catch-all clause, yet a scope rule links it")
    return problems


def catch_all_penalties(corpus: Corpus, laws: Iterable[str] | None = None) -> list[Penalty]:
    """The catch-all liability paragraphs of the instruments named (all when None), classified, in data order.

    Read straight from the reviewed data and the text (no index needed), so the checklist export can name them.
    """
    wanted = set(laws) if laws is not None else None
    entries = [e for e in load_catch_all(corpus.root) if wanted is None or e.law in wanted]
    if not entries:
        return []
    penalties = classified_penalties(corpus)
    order = {law: index for index, law in enumerate(corpus.laws)}
    entries.sort(key=lambda e: order.get(e.law, len(order)))
    return [penalties[ref] for entry in entries for ref in entry.provisions if ref in penalties]


def classified_penalties(corpus: Corpus) -> dict[str, Penalty]:
    """Every liability paragraph classified as the store classifies it (rule, reviewed overrides, English names),
    read from the text and the reviewed data without an index (the checklist uses it)."""
    from assistant.obligations.linking import liability_paragraphs

    return liability_paragraphs(corpus, load_liability_review(corpus.root))
