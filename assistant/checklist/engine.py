"""Running a checklist: which questions apply, which answers are assumed, and the obligations that result."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.checklist.conditions import AnswerValue, evaluate
from assistant.checklist.model import Checklist, Finding, Question
from assistant.corpus.store import Corpus
from assistant.errors import DlaError
from assistant.models import ArticleRef

ITEM_STATUSES = ("todo", "in progress", "done", "not applicable")


class MissingAnswersError(DlaError, ValueError):
    """Questions that must be answered and were not."""

    def __init__(self, questions: list[Question]) -> None:
        self.questions = questions
        names = ", ".join(f"{q.id} ({q.expected()})" for q in questions)
        super().__init__(f"unanswered: {names}")


@dataclass
class Tracking:
    """What a team records against one item across runs."""

    status: str = "todo"
    owner: str = ""
    due: str = ""
    notes: str = ""

    def to_dict(self) -> dict[str, str]:
        """Plain data for sessions and exports."""
        return {"status": self.status, "owner": self.owner, "due": self.due, "notes": self.notes}


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
    """A finding that applies, with its quotes and tracking."""

    finding: Finding
    quotes: list[Quote]
    penalties: list[tuple[str, str, str]]  # (id, zh rendering, en rendering)
    tracking: Tracking
    law: str


@dataclass
class ChecklistResult:
    """Everything an export needs."""

    checklist: Checklist
    answers: dict[str, AnswerValue]
    assumed: list[Question]
    items: list[ResultItem]
    corpus_hash: str
    laws: dict[str, dict[str, str]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The `--format json` machine contract."""
        return {
            "checklist": {"id": self.checklist.id, "version": self.checklist.version, "title_zh": self.checklist.title_zh,
                          "title_en": self.checklist.title_en},
            "corpus": {"hash": self.corpus_hash, "laws": self.laws},
            "answers": dict(self.answers),
            "assumed": [{"question": q.id, "assumed": False, "text_en": q.text_en, "text_zh": q.text_zh} for q in self.assumed],
            "items": [
                {
                    "id": item.finding.id,
                    "topic": item.finding.topic,
                    "law": item.law,
                    "actor_zh": item.finding.actor_zh,
                    "actor_en": item.finding.actor_en,
                    "modality": item.finding.modality,
                    "severity": item.finding.severity,
                    "obligation_zh": item.finding.obligation_zh,
                    "obligation_en": item.finding.obligation_en,
                    "citations": list(item.finding.citations),
                    "quotes": [
                        {"citation": q.citation, "citation_zh": q.citation_zh, "citation_en": q.citation_en, "text_zh": q.text_zh,
                         "text_en": q.text_en, "text_status": q.text_status}
                        for q in item.quotes
                    ],
                    "penalties": [p[0] for p in item.penalties],
                    **item.tracking.to_dict(),
                }
                for item in self.items
            ],
            "not_covered": [{"text_zh": n.text_zh, "text_en": n.text_en} for n in self.checklist.not_covered],
            "notice": "Legal information, not legal advice. English is an unofficial translation; the Chinese text is authoritative.",
        }  # fmt: skip


def resolve_answers(
    checklist: Checklist, answers: dict[str, AnswerValue], strict: bool = False
) -> tuple[dict[str, AnswerValue], list[Question]]:
    """Fill unanswered shown yes/no questions with "no" (listing them as assumed); choice questions must be answered."""
    resolved = dict(checklist.effective_answers(answers))
    assumed: list[Question] = []
    missing: list[Question] = []
    for question in checklist.questions:
        if not evaluate(question.when, resolved) or question.id in resolved:
            continue
        if question.type == "yes_no" and not strict:
            resolved[question.id] = False
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
) -> ChecklistResult:
    """The obligations that apply to these answers, ordered by instrument, then topic, then checklist order."""
    resolved, assumed = resolve_answers(checklist, answers, strict)
    law_order = list(corpus.laws)
    topic_order = [t.id for t in checklist.topics]
    items: list[ResultItem] = []
    for finding in checklist.findings:
        if not evaluate(finding.when, resolved):
            continue
        law = ArticleRef.parse(finding.citations[0]).law
        items.append(
            ResultItem(
                finding=finding,
                quotes=[_quote(corpus, c) for c in finding.citations],
                penalties=[(p, corpus.cite_zh(p), corpus.cite_en(p)) for p in finding.penalties],
                tracking=(tracking or {}).get(finding.id, Tracking()),
                law=law,
            )
        )
    position = {finding.id: index for index, finding in enumerate(checklist.findings)}
    items.sort(key=lambda i: (law_order.index(i.law), topic_order.index(i.finding.topic), position[i.finding.id]))
    laws = {
        law_id: {"title_zh": law.info.title_zh, "title_en": law.info.title_en} for law_id, law in corpus.laws.items()
    }
    answered = {k: v for k, v in resolved.items() if k not in {q.id for q in assumed}}
    return ChecklistResult(checklist, answered, assumed, items, corpus.content_hash, laws)
