"""Risk per item and overall: one stated rule, from severity, the facts given and the item's tracking."""

from __future__ import annotations

import datetime

RISK_LEVELS = ("none", "low", "medium", "high")
CLOSED_STATUSES = ("done", "not applicable")
RISK_RULE_EN = (
    "Risk rule: an open item (todo or in progress) carries the risk of its severity (high, medium, low); "
    'an open item past its due date goes up one level; an item to confirm (it turns on a "not sure" answer) '
    "carries its severity too, until the facts are settled; a done or not-applicable item carries none. "
    "Overall risk is the highest item risk."
)
RISK_RULE_ZH = (
    "风险规则：未完成事项（待办或进行中）的风险等于其严重程度（高、中、低）；逾期未完成的提高一级；"
    "待确认事项（取决于“不确定”的回答）在事实查清前按其严重程度计；已完成或不适用的事项无风险。"
    "总体风险取各事项风险的最高者。"
)


def item_risk(severity: str, status: str, due: str, today: str) -> str:
    """The risk level of one item under the stated rule (`today` is the export date, YYYY-MM-DD)."""
    if status in CLOSED_STATUSES:
        return "none"
    level = RISK_LEVELS.index(severity)
    if due and today and _date(due) and _date(today) and _date(due) < _date(today):  # type: ignore[operator]
        level = min(level + 1, len(RISK_LEVELS) - 1)
    return RISK_LEVELS[level]


def overall_risk(levels: list[str]) -> str:
    """The highest of the item risks ("none" when there are no open items)."""
    return max(levels, key=RISK_LEVELS.index, default="none")


def _date(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None
