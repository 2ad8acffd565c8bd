"""Checklist data read from `corpus/checklists/*.yaml`: topics, questions, findings, what is not covered."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant.checklist.conditions import NOT_SURE, AnswerValue, Condition, questions_named, truth
from assistant.datafile import DataFileError, LineDict, check_keys, load_yaml, require_mapping
from assistant.models import ArticleRef, CitationError

MODALITIES = ("must", "must_not", "may")
SEVERITIES = ("high", "medium", "low")
QUESTION_TYPES = ("yes_no", "choice")


@dataclass(frozen=True)
class Option:
    """One answer of a choice question."""

    value: str
    label_zh: str
    label_en: str


@dataclass(frozen=True)
class Question:
    """A question with its help, the articles it rests on, and when it is asked."""

    id: str
    type: str
    text_zh: str
    text_en: str
    help_zh: str
    help_en: str
    cites: tuple[str, ...]
    when: Condition | None
    options: tuple[Option, ...] = ()
    line: int = 0

    def accepts(self, value: object) -> bool:
        """Whether a value is a valid answer ("not sure" is valid for every question)."""
        if value == NOT_SURE:
            return True
        if self.type == "yes_no":
            return isinstance(value, bool)
        return isinstance(value, str) and value in {o.value for o in self.options}

    def expected(self) -> str:
        """What a valid answer looks like, for error messages."""
        if self.type == "yes_no":
            return f"true, false or {NOT_SURE}"
        return "one of " + ", ".join(o.value for o in self.options) + f" or {NOT_SURE}"


@dataclass(frozen=True)
class Topic:
    """A heading findings are grouped under."""

    id: str
    title_zh: str
    title_en: str


@dataclass(frozen=True)
class Finding:
    """One obligation that applies when its condition holds."""

    id: str
    topic: str
    when: Condition | None
    actor_zh: str
    actor_en: str
    modality: str
    severity: str
    obligation_zh: str
    obligation_en: str
    citations: tuple[str, ...]
    penalties: tuple[str, ...]
    line: int = 0
    penalty_note_zh: str = ""
    penalty_note_en: str = ""


@dataclass(frozen=True)
class NotCovered:
    """Something the checklist deliberately leaves out."""

    text_zh: str
    text_en: str


@dataclass(frozen=True)
class Checklist:
    """A whole questionnaire."""

    id: str
    version: int
    title_zh: str
    title_en: str
    topics: tuple[Topic, ...]
    questions: tuple[Question, ...]
    findings: tuple[Finding, ...]
    not_covered: tuple[NotCovered, ...]
    path: Path

    def question(self, question_id: str) -> Question | None:
        """A question by id."""
        return next((q for q in self.questions if q.id == question_id), None)

    def visible_questions(self, answers: dict[str, AnswerValue]) -> list[Question]:
        """The one visibility rule, used by the CLI, the TUI and the exports.

        In checklist order, a question shows unless its condition is certainly false, judged only on
        the answers to questions shown before it (a condition names only earlier questions). An
        answer to a hidden question never counts; "not sure" keeps the follow-up questions shown.
        """
        shown: list[Question] = []
        counted: dict[str, AnswerValue] = {}
        for question in self.questions:
            if truth(question.when, counted) is False:
                continue
            shown.append(question)
            if question.id in answers:
                counted[question.id] = answers[question.id]
        return shown

    def pending_questions(self, answers: dict[str, AnswerValue]) -> list[Question]:
        """Shown questions not answered yet, in order."""
        return [q for q in self.visible_questions(answers) if q.id not in answers]

    def finding(self, finding_id: str) -> Finding | None:
        """A finding by id."""
        return next((f for f in self.findings if f.id == finding_id), None)

    def effective_answers(self, answers: dict[str, AnswerValue]) -> dict[str, AnswerValue]:
        """Answers to questions that are still shown; answers to hidden questions do not count."""
        visible = {q.id for q in self.visible_questions(answers)}
        return {k: v for k, v in answers.items() if k in visible}


_TOP_KEYS = {"id", "version", "title_zh", "title_en", "topics", "questions", "findings", "not_covered"}
_QUESTION_KEYS = {"id", "type", "text_zh", "text_en", "help_zh", "help_en", "cites", "when", "options"}
_FINDING_KEYS = {
    "id",
    "topic",
    "when",
    "actor_zh",
    "actor_en",
    "modality",
    "severity",
    "obligation_zh",
    "obligation_en",
    "citations",
    "penalties",
    "penalty_note_zh",
    "penalty_note_en",
}


def _citations(entry: LineDict, key: str, path: Path) -> tuple[str, ...]:
    values = entry.get(key) or []
    if not isinstance(values, list):
        raise DataFileError(path, entry.line_of(key), f"{key} must be a list of citations")
    for value in values:
        try:
            ArticleRef.parse(str(value))
        except CitationError as exc:
            raise DataFileError(path, entry.line_of(key), str(exc)) from exc
    return tuple(str(v) for v in values)


def load_checklist(path: Path) -> Checklist:
    """Read and validate one checklist file (grammar, ids, references between its parts)."""
    from assistant.checklist.conditions import parse_condition

    data = require_mapping(load_yaml(path), path, "checklist")
    check_keys(data, path, _TOP_KEYS, _TOP_KEYS - {"not_covered"}, "checklist")
    topics = []
    for entry in data["topics"]:
        entry = require_mapping(entry, path, "topic")
        check_keys(entry, path, {"id", "title_zh", "title_en"}, {"id", "title_zh", "title_en"}, "topic")
        topics.append(Topic(str(entry["id"]), str(entry["title_zh"]), str(entry["title_en"])))
    topic_ids = {t.id for t in topics}
    questions: list[Question] = []
    for entry in data["questions"]:
        entry = require_mapping(entry, path, "question")
        check_keys(entry, path, _QUESTION_KEYS, _QUESTION_KEYS - {"when", "options", "cites"}, "question")
        if entry["type"] not in QUESTION_TYPES:
            raise DataFileError(
                path, entry.line_of("type"), f"question type must be one of {', '.join(QUESTION_TYPES)}"
            )
        when = parse_condition(entry["when"], path, entry.line_of("when")) if "when" in entry else None
        known = {q.id for q in questions}
        for name in questions_named(when):
            if name not in known:
                raise DataFileError(
                    path,
                    entry.line_of("when"),
                    f"condition names {name!r}, which is not a question asked before this one",
                )
        options = []
        for option in entry.get("options") or []:
            option = require_mapping(option, path, "option")
            check_keys(option, path, {"value", "label_zh", "label_en"}, {"value", "label_zh", "label_en"}, "option")
            options.append(Option(str(option["value"]), str(option["label_zh"]), str(option["label_en"])))
        if entry["type"] == "choice" and not options:
            raise DataFileError(path, entry.line, "a choice question needs options")
        if any(q.id == entry["id"] for q in questions):
            raise DataFileError(path, entry.line_of("id"), f"question id {entry['id']!r} is used twice")
        questions.append(
            Question(
                id=str(entry["id"]),
                type=str(entry["type"]),
                text_zh=str(entry["text_zh"]),
                text_en=str(entry["text_en"]),
                help_zh=str(entry["help_zh"]),
                help_en=str(entry["help_en"]),
                cites=_citations(entry, "cites", path),
                when=when,
                options=tuple(options),
                line=entry.line,
            )
        )
    question_ids = {q.id: q for q in questions}
    findings: list[Finding] = []
    for entry in data["findings"]:
        entry = require_mapping(entry, path, "finding")
        check_keys(
            entry, path, _FINDING_KEYS, _FINDING_KEYS - {"penalties", "penalty_note_zh", "penalty_note_en"}, "finding"
        )
        when = parse_condition(entry["when"], path, entry.line_of("when"))
        for name in questions_named(when):
            if name not in question_ids:
                raise DataFileError(path, entry.line_of("when"), f"condition names unknown question {name!r}")
        if entry["topic"] not in topic_ids:
            raise DataFileError(path, entry.line_of("topic"), f"unknown topic {entry['topic']!r}")
        if entry["modality"] not in MODALITIES:
            raise DataFileError(path, entry.line_of("modality"), f"modality must be one of {', '.join(MODALITIES)}")
        if entry["severity"] not in SEVERITIES:
            raise DataFileError(path, entry.line_of("severity"), f"severity must be one of {', '.join(SEVERITIES)}")
        if any(f.id == entry["id"] for f in findings):
            raise DataFileError(path, entry.line_of("id"), f"finding id {entry['id']!r} is used twice")
        citations = _citations(entry, "citations", path)
        if not citations:
            raise DataFileError(path, entry.line_of("citations"), "a finding must cite at least one provision")
        findings.append(
            Finding(
                id=str(entry["id"]),
                topic=str(entry["topic"]),
                when=when,
                actor_zh=str(entry["actor_zh"]),
                actor_en=str(entry["actor_en"]),
                modality=str(entry["modality"]),
                severity=str(entry["severity"]),
                obligation_zh=str(entry["obligation_zh"]),
                obligation_en=str(entry["obligation_en"]),
                citations=citations,
                penalties=_citations(entry, "penalties", path),
                line=entry.line,
                penalty_note_zh=str(entry.get("penalty_note_zh") or ""),
                penalty_note_en=str(entry.get("penalty_note_en") or ""),
            )
        )
    not_covered = []
    for entry in data.get("not_covered") or []:
        entry = require_mapping(entry, path, "not_covered entry")
        check_keys(entry, path, {"text_zh", "text_en"}, {"text_zh", "text_en"}, "not_covered entry")
        not_covered.append(NotCovered(str(entry["text_zh"]), str(entry["text_en"])))
    return Checklist(
        id=str(data["id"]),
        version=int(data["version"]),
        title_zh=str(data["title_zh"]),
        title_en=str(data["title_en"]),
        topics=tuple(topics),
        questions=tuple(questions),
        findings=tuple(findings),
        not_covered=tuple(not_covered),
        path=path,
    )


def load_checklists(corpus_root: Path) -> dict[str, Checklist]:
    """Every checklist under `corpus/checklists/`, by id."""
    folder = corpus_root / "checklists"
    checklists: dict[str, Checklist] = {}
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        checklist = load_checklist(path)
        if checklist.id in checklists:
            raise DataFileError(
                path, None, f"checklist id {checklist.id!r} is used by {checklists[checklist.id].path} too"
            )
        checklists[checklist.id] = checklist
    return checklists
