"""Running a checklist: which questions apply, which answers are assumed, and the obligations that result."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from assistant import NOTICE_FIELDS
from assistant.checklist.conditions import NOT_SURE, AnswerValue, questions_named, truth
from assistant.checklist.model import SEVERITIES, Checklist, Finding, Question
from assistant.checklist.penalties import PenaltySource, ReviewedPenalties, finding_penalties
from assistant.checklist.risk import RISK_RULE_EN, RISK_RULE_ZH, item_risk, overall_risk
from assistant.corpus.store import Corpus
from assistant.errors import DlaError
from assistant.models import ArticleRef
from assistant.obligations.describe import summarise
from assistant.obligations.liability_data import catch_all_penalties, classified_penalties
from assistant.obligations.records import Penalty

ITEM_STATUSES = ("todo", "in progress", "done", "not applicable")
DUE_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class MissingAnswersError(DlaError, ValueError):
    """Questions that must be answered and were not."""

    def __init__(self, questions: list[Question]) -> None:
        self.questions = questions
        names = ", ".join(f"{q.id} ({q.expected()})" for q in questions)
        super().__init__(f"unanswered: {names}")


def valid_date(text: str) -> bool:
    """True for a real calendar date written YYYY-MM-DD (2026-13-45 is not one)."""
    if not DUE_DATE.match(text):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


@dataclass
class Tracking:
    """What a team records against one item across runs: status, owner, due date, review and evidence."""

    status: str = "todo"
    owner: str = ""
    due: str = ""
    notes: str = ""
    reviewer: str = ""
    reviewed: str = ""
    evidence: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for sessions and exports."""
        return {
            "status": self.status,
            "owner": self.owner,
            "due": self.due,
            "notes": self.notes,
            "reviewer": self.reviewer,
            "reviewed": self.reviewed,
            "evidence": list(self.evidence),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Tracking:
        """Read what `to_dict` wrote (older sessions lack the review fields)."""
        evidence = data.get("evidence") or []
        return cls(
            str(data.get("status", "todo")),
            str(data.get("owner", "")),
            str(data.get("due", "")),
            str(data.get("notes", "")),
            str(data.get("reviewer", "")),
            str(data.get("reviewed", "")),
            [str(e) for e in evidence] if isinstance(evidence, list) else [str(evidence)],
        )


@dataclass(frozen=True)
class Quote:
    """A cited provision's exact words."""

    citation: str
    citation_zh: str
    citation_en: str
    text_zh: str
    text_en: str | None
    text_status: str
    status_note: str | None


@dataclass
class ResultItem:
    """A finding that applies (or is to confirm), with its quotes, penalties and tracking."""

    finding: Finding
    quotes: list[Quote]
    penalties: list[tuple[str, str, str]]  # (id, zh rendering, en rendering)
    tracking: Tracking
    law: str
    settle_by: list[Question] = field(default_factory=list)  # the "not sure" answers it turns on

    @property
    def to_confirm(self) -> bool:
        """True when the item applies only if a "not sure" answer turns out yes."""
        return bool(self.settle_by)

    def risk(self, today: str) -> str:
        """Risk under the stated rule (see `assistant.checklist.risk`)."""
        return item_risk(self.finding.severity, self.tracking.status, self.tracking.due, today)


@dataclass
class ChecklistResult:
    """Everything an export needs."""

    checklist: Checklist
    answers: dict[str, AnswerValue]
    assumed: list[Question]
    items: list[ResultItem]
    corpus_hash: str
    laws: dict[str, dict[str, str]] = field(default_factory=dict)
    to_confirm: list[ResultItem] = field(default_factory=list)
    # The catch-all liability clauses of the instruments the items come from: (id, zh, en, what they set, kinds).
    catch_all: list[tuple[str, str, str, str, tuple[str, ...]]] = field(default_factory=list)
    # Every penalty the items cite, once, in corpus order: (id, zh, en, what it sets, kinds).
    penalty_kinds: list[tuple[str, str, str, str, tuple[str, ...]]] = field(default_factory=list)

    def by_severity(self) -> list[ResultItem]:
        """Items that apply, high severity first (ties keep instrument, topic and checklist order)."""
        return sorted(self.items, key=lambda i: SEVERITIES.index(i.finding.severity))

    def overall_risk(self, today: str) -> str:
        """The highest item risk, items to confirm included."""
        return overall_risk([i.risk(today) for i in (*self.items, *self.to_confirm)])

    def to_dict(self, today: str = "") -> dict[str, Any]:
        """The `--format json` machine contract."""

        def item_dict(item: ResultItem) -> dict[str, Any]:
            return {
                "id": item.finding.id,
                "topic": item.finding.topic,
                "law": item.law,
                "actor_zh": item.finding.actor_zh,
                "actor_en": item.finding.actor_en,
                "modality": item.finding.modality,
                "severity": item.finding.severity,
                "risk": item.risk(today),
                "obligation_zh": item.finding.obligation_zh,
                "obligation_en": item.finding.obligation_en,
                "citations": list(item.finding.citations),
                "quotes": [
                    {
                        "citation": q.citation,
                        "citation_zh": q.citation_zh,
                        "citation_en": q.citation_en,
                        "text_zh": q.text_zh,
                        "text_en": q.text_en,
                        "text_status": q.text_status,
                    }
                    for q in item.quotes
                ],
                "penalties": [p[0] for p in item.penalties],
                "penalty_note_zh": item.finding.penalty_note_zh,
                "penalty_note_en": item.finding.penalty_note_en,
                **item.tracking.to_dict(),
            }

        return {
            "checklist": {
                "id": self.checklist.id,
                "version": self.checklist.version,
                "title_zh": self.checklist.title_zh,
                "title_en": self.checklist.title_en,
            },
            "corpus": {"hash": self.corpus_hash, "laws": self.laws},
            "answers": dict(self.answers),
            "assumed": [
                {
                    "question": q.id,
                    "assumed": False if q.type == "yes_no" else NOT_SURE,
                    "text_en": q.text_en,
                    "text_zh": q.text_zh,
                }
                for q in self.assumed
            ],
            "risk": {"overall": self.overall_risk(today), "rule_en": RISK_RULE_EN, "rule_zh": RISK_RULE_ZH},
            "items": [item_dict(item) for item in self.by_severity()],
            "to_confirm": [
                {
                    **item_dict(item),
                    "status": "to confirm",
                    "settle_by": [
                        {"question": q.id, "text_en": q.text_en, "text_zh": q.text_zh} for q in item.settle_by
                    ],
                }
                for item in self.to_confirm
            ],
            "penalty_kinds": [
                {"penalty": ref, "citation_zh": zh, "citation_en": en, "kinds": list(kinds), "summary": summary}
                for ref, zh, en, summary, kinds in self.penalty_kinds
            ],
            "catch_all": [
                {"penalty": ref, "citation_zh": zh, "citation_en": en, "kinds": list(kinds), "summary": summary}
                for ref, zh, en, summary, kinds in self.catch_all
            ],
            "not_covered": [{"text_zh": n.text_zh, "text_en": n.text_en} for n in self.checklist.not_covered],
            **NOTICE_FIELDS,
        }


def resolve_answers(
    checklist: Checklist, answers: dict[str, AnswerValue], strict: bool = False
) -> tuple[dict[str, AnswerValue], list[Question]]:
    """Fill unanswered shown questions (yes/no as "no", choice as "not sure"), listing them as assumed; strict refuses.

    Visibility is `Checklist.visible_questions` (the one rule), re-applied as assumed answers are added.
    """
    resolved = dict(checklist.effective_answers(answers))
    assumed: list[Question] = []
    missing: list[Question] = []
    while True:
        pending = [q for q in checklist.pending_questions(resolved) if q not in missing]
        if not pending:
            break
        question = pending[0]
        if not strict:
            # yes/no: taken as no (as before); a choice has no "no": taken as not sure, so what turns on it is to confirm
            resolved[question.id] = False if question.type == "yes_no" else NOT_SURE
            assumed.append(question)
        else:
            missing.append(question)
    if missing:
        raise MissingAnswersError(missing)
    return resolved, assumed


def _quote(corpus: Corpus, citation: str) -> Quote:
    ref = ArticleRef.parse(citation)
    article = corpus.article(ref)
    return Quote(
        citation=citation,
        citation_zh=corpus.cite_zh(ref),
        citation_en=corpus.cite_en(ref),
        text_zh=corpus.text_of(ref, "zh") or "",
        text_en=corpus.text_of(ref, "en"),
        text_status=article.text_status,
        status_note=article.status_note,
    )


def run_checklist(
    checklist: Checklist,
    corpus: Corpus,
    answers: dict[str, AnswerValue],
    tracking: dict[str, Tracking] | None = None,
    strict: bool = False,
    penalties: PenaltySource | None = None,
) -> ChecklistResult:
    """The obligations that apply (and those to confirm), ordered by instrument, then topic, then checklist order."""
    resolved, assumed = resolve_answers(checklist, answers, strict)
    source = penalties or ReviewedPenalties(checklist.findings)
    law_order = list(corpus.laws)
    topic_order = [t.id for t in checklist.topics]
    items: list[ResultItem] = []
    to_confirm: list[ResultItem] = []
    for finding in checklist.findings:
        holds = truth(finding.when, resolved)
        if holds is False:
            continue
        settle_by = []
        if holds is None:
            unsure = {name for name in questions_named(finding.when) if resolved.get(name) == NOT_SURE}
            settle_by = [q for q in checklist.questions if q.id in unsure]
        item = ResultItem(
            finding=finding,
            quotes=[_quote(corpus, c) for c in finding.citations],
            penalties=[(p, corpus.cite_zh(p), corpus.cite_en(p)) for p in finding_penalties(finding, source)],
            tracking=(tracking or {}).get(finding.id, Tracking()),
            law=ArticleRef.parse(finding.citations[0]).law,
            settle_by=settle_by,
        )
        (to_confirm if settle_by else items).append(item)
    position = {finding.id: index for index, finding in enumerate(checklist.findings)}

    def order(item: ResultItem) -> tuple[int, int, int]:
        return law_order.index(item.law), topic_order.index(item.finding.topic), position[item.finding.id]

    items.sort(key=order)
    to_confirm.sort(key=order)
    laws = {
        law_id: {"title_zh": law.info.title_zh, "title_en": law.info.title_en} for law_id, law in corpus.laws.items()
    }
    answered = {k: v for k, v in resolved.items() if k not in {q.id for q in assumed}}
    catch_all = [
        _described(corpus, p) for p in catch_all_penalties(corpus, {item.law for item in (*items, *to_confirm)})
    ]
    classified = classified_penalties(corpus)
    cited = dict.fromkeys(p[0] for item in (*items, *to_confirm) for p in item.penalties)
    penalty_kinds = [_described(corpus, penalty) for ref, penalty in classified.items() if ref in cited]
    return ChecklistResult(
        checklist, answered, assumed, items, corpus.content_hash, laws, to_confirm, catch_all, penalty_kinds
    )


def _described(corpus: Corpus, penalty: Penalty) -> tuple[str, str, str, str, tuple[str, ...]]:
    """A penalty as the export lists it: id, citations, what it sets, its kinds."""
    ref = penalty.ref
    return ref, corpus.cite_zh(ref), corpus.cite_en(ref), summarise(penalty), tuple(str(k) for k in penalty.kinds)
