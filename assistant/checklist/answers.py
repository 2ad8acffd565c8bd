"""Answers files: question id -> value, checked against the checklist with file, line and what was expected."""

from __future__ import annotations

import difflib
from pathlib import Path

from assistant.checklist.conditions import AnswerValue
from assistant.checklist.model import Checklist
from assistant.datafile import DataFileError, LineDict, load_user_yaml, parse_user_yaml


def _validate(data: object, checklist: Checklist, path: Path) -> dict[str, AnswerValue]:
    if data is None:
        return {}
    if not isinstance(data, LineDict):
        raise DataFileError(path, getattr(data, "line", 1), "an answers file maps question ids to answers (id: true)")
    answers: dict[str, AnswerValue] = {}
    for key, value in data.items():
        question = checklist.question(str(key))
        if question is None:
            raise DataFileError(
                path,
                data.line_of(key),
                f"unknown question id {key!r} for checklist {checklist.id}"
                + did_you_mean(str(key), [q.id for q in checklist.questions]),
            )
        if not question.accepts(value):
            raise DataFileError(path, data.line_of(key), f"{key}: got {value!r}, expected {question.expected()}")
        answers[question.id] = value
    return answers


def did_you_mean(name: str, known: list[str]) -> str:
    """A "; did you mean …?" suffix naming the closest known ids (empty when nothing is close)."""
    close = difflib.get_close_matches(name, known, n=3, cutoff=0.6)
    return f"; did you mean {' or '.join(close)}?" if close else "; `dla checklist questions` lists the ids"


def load_answers(path: Path, checklist: Checklist) -> dict[str, AnswerValue]:
    """Read an answers file; unknown ids (with did-you-mean) and wrong types are DataFileErrors naming the line."""
    return _validate(load_user_yaml(path, "answers file"), checklist, path)


def parse_answers(text: str, checklist: Checklist, path: Path) -> dict[str, AnswerValue]:
    """Answers from YAML text (e.g. standard input)."""
    return _validate(parse_user_yaml(text, path), checklist, path)
