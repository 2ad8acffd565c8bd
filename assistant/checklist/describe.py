"""Plain descriptions of a checklist for people and tools: findings, question ids, an answers template."""

from __future__ import annotations

import textwrap
from typing import Any

from assistant import LEGAL_NOTICE_EN
from assistant.checklist.conditions import NOT_SURE, describe
from assistant.checklist.model import Checklist
from assistant.checklist.penalties import PenaltySource, ReviewedPenalties, finding_penalties


def findings_list(checklist: Checklist, penalties: PenaltySource | None = None) -> list[dict[str, Any]]:
    """Every finding with its id, citations, condition, severity and penalties (`dla checklist findings`)."""
    source = penalties or ReviewedPenalties(checklist.findings)
    return [
        {
            "id": f.id,
            "topic": f.topic,
            "severity": f.severity,
            "modality": f.modality,
            "condition": describe(f.when),
            "citations": list(f.citations),
            "penalties": finding_penalties(f, source),
            "obligation_en": f.obligation_en,
            "obligation_zh": f.obligation_zh,
        }
        for f in checklist.findings
    ]


def questions_list(checklist: Checklist) -> list[dict[str, Any]]:
    """Every question id with its type, accepted answers and when it is asked (`dla checklist questions`)."""
    return [
        {
            "id": q.id,
            "type": q.type,
            "answers": q.expected(),
            "asked_when": describe(q.when),
            "text_en": q.text_en,
            "text_zh": q.text_zh,
            "cites": list(q.cites),
        }
        for q in checklist.questions
    ]


def _comment(text: str, width: int = 96) -> list[str]:
    return ["# " + line for line in textwrap.wrap(text, width - 2, break_long_words=False)] or ["#"]


def answers_template(checklist: Checklist) -> str:
    """An answers YAML with every question, its help and its citations as comments; every answer left blank."""
    out = [
        f"# Answers for checklist {checklist.id} (version {checklist.version}): {checklist.title_en} / {checklist.title_zh}",
        f"# Answer true, false or {NOT_SURE!r} (choice questions: one of the values listed). A blank answer is",
        "# taken as no, except with --strict. A question whose condition is false is not asked: its answer",
        "# is ignored.",
        *_comment(LEGAL_NOTICE_EN),
        "",
    ]
    for question in checklist.questions:
        out += _comment(question.text_en)
        out += _comment(question.text_zh, 60)
        out += _comment("Help: " + question.help_en)
        out += _comment("说明：" + question.help_zh, 60)
        if question.cites:
            out.append("# Rests on: " + ", ".join(question.cites))
        if question.when is not None:
            out.append("# Asked when: " + describe(question.when))
        out.append("# Answer: " + question.expected())
        for option in question.options:
            out.append(f"#   {option.value}: {option.label_en} / {option.label_zh}")
        out.append(f"{question.id}:")
        out.append("")
    return "\n".join(out)
