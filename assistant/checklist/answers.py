"""Answers files: question id -> value, checked against the checklist with file, line and what was expected."""

from __future__ import annotations

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
            raise DataFileError(path, data.line_of(key), f"unknown question id {key!r} for checklist {checklist.id}")
        if not question.accepts(value):
            raise DataFileError(path, data.line_of(key), f"{key}: got {value!r}, expected {question.expected()}")
        answers[question.id] = value
    return answers


def load_answers(path: Path, checklist: Checklist) -> dict[str, AnswerValue]:
    """Read an answers file; unknown ids and wrong types are DataFileErrors naming the line."""
    return _validate(load_user_yaml(path, "answers file"), checklist, path)


def parse_answers(text: str, checklist: Checklist, path: Path) -> dict[str, AnswerValue]:
    """Answers from YAML text (e.g. standard input)."""
    return _validate(parse_user_yaml(text, path), checklist, path)
