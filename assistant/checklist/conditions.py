"""The closed condition grammar of checklists: a question id, `not`, `all`, `any`, `equals`. Never Python in data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.datafile import DataFileError, LineDict

AnswerValue = bool | str
NOT_SURE = "not sure"  # an answer any question accepts: the facts it asks about are not known yet


@dataclass(frozen=True)
class IsYes:
    """True when a yes/no question was answered yes."""

    question: str


@dataclass(frozen=True)
class Not:
    """Negation."""

    condition: Condition


@dataclass(frozen=True)
class All:
    """Every sub-condition holds."""

    conditions: tuple[Condition, ...]


@dataclass(frozen=True)
class AnyOf:
    """At least one sub-condition holds."""

    conditions: tuple[Condition, ...]


@dataclass(frozen=True)
class Equals:
    """A choice question has a given value."""

    question: str
    value: AnswerValue


Condition = IsYes | Not | All | AnyOf | Equals


def parse_condition(value: Any, path: Path, line: int) -> Condition:
    """Parse a condition from YAML data; anything outside the grammar is an error with its line."""
    if isinstance(value, str):
        return IsYes(value)
    if not isinstance(value, dict) or len(value) != 1:
        raise DataFileError(
            path,
            line,
            "a condition is a question id or one of {not: C}, {all: [...]}, {any: [...]}, {equals: {question, value}}",
        )
    line = value.line if isinstance(value, LineDict) else line
    ((key, inner),) = value.items()
    if key == "not":
        return Not(parse_condition(inner, path, line))
    if key in ("all", "any"):
        if not isinstance(inner, list) or not inner:
            raise DataFileError(path, line, f"{key} takes a non-empty list of conditions")
        parts = tuple(parse_condition(part, path, line) for part in inner)
        return All(parts) if key == "all" else AnyOf(parts)
    if key == "equals":
        if not isinstance(inner, dict) or set(inner) != {"question", "value"}:
            raise DataFileError(path, line, "equals takes {question: ID, value: V}")
        return Equals(str(inner["question"]), inner["value"])
    raise DataFileError(path, line, f"unknown condition {key!r} (allowed: not, all, any, equals, or a question id)")


def evaluate(condition: Condition | None, answers: Mapping[str, AnswerValue]) -> bool:
    """Whether a condition holds for the answers (an unanswered yes/no question counts as no)."""
    if condition is None:
        return True
    if isinstance(condition, IsYes):
        return answers.get(condition.question) is True
    if isinstance(condition, Not):
        return not evaluate(condition.condition, answers)
    if isinstance(condition, All):
        return all(evaluate(c, answers) for c in condition.conditions)
    if isinstance(condition, AnyOf):
        return any(evaluate(c, answers) for c in condition.conditions)
    return answers.get(condition.question) == condition.value


def truth(condition: Condition | None, answers: Mapping[str, AnswerValue]) -> bool | None:
    """Three-valued evaluation: True, False, or None when it turns on a "not sure" answer (Kleene logic)."""
    if condition is None:
        return True
    if isinstance(condition, IsYes | Equals):
        value = answers.get(condition.question)
        if value == NOT_SURE:
            return None
        return value is True if isinstance(condition, IsYes) else value == condition.value
    if isinstance(condition, Not):
        inner = truth(condition.condition, answers)
        return None if inner is None else not inner
    values = [truth(c, answers) for c in condition.conditions]
    if isinstance(condition, All):
        return False if False in values else (None if None in values else True)
    return True if True in values else (None if None in values else False)


def questions_named(condition: Condition | None) -> set[str]:
    """Every question id a condition depends on."""
    if condition is None:
        return set()
    if isinstance(condition, IsYes | Equals):
        return {condition.question}
    if isinstance(condition, Not):
        return questions_named(condition.condition)
    return set().union(*(questions_named(c) for c in condition.conditions))


def describe(condition: Condition | None) -> str:
    """A readable form, for reviews and error messages."""
    if condition is None:
        return "always"
    if isinstance(condition, IsYes):
        return condition.question
    if isinstance(condition, Not):
        return f"not ({describe(condition.condition)})"
    if isinstance(condition, Equals):
        return f"{condition.question} = {condition.value}"
    joiner = " and " if isinstance(condition, All) else " or "
    return "(" + joiner.join(describe(c) for c in condition.conditions) + ")"
