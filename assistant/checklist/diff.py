"""Re-assessment: what changed between two runs (answers, items added, removed or changed, tracking carried over)."""

from __future__ import annotations

from typing import Any

from assistant import LEGAL_NOTICE_EN, LEGAL_NOTICE_ZH


def diff_exports(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Compare two JSON exports (`ChecklistResult.to_dict`) and say what changed."""
    old_answers, new_answers = old.get("answers") or {}, new.get("answers") or {}
    answers = [
        {"question": key, "old": old_answers.get(key), "new": new_answers.get(key)}
        for key in sorted(set(old_answers) | set(new_answers))
        if old_answers.get(key) != new_answers.get(key)
    ]

    def items(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
        found = {i["id"]: {**i, "state": "applies"} for i in data.get("items") or []}
        found |= {i["id"]: {**i, "state": "to confirm"} for i in data.get("to_confirm") or []}
        return found

    before, after = items(old), items(new)
    compared = ("state", "severity", "citations", "penalties", "obligation_en")
    changed = []
    for key in sorted(set(before) & set(after)):
        fields = {
            f: {"old": before[key].get(f), "new": after[key].get(f)}
            for f in compared
            if before[key].get(f) != after[key].get(f)
        }
        if fields:
            changed.append({"id": key, "changes": fields})
    tracked = ("status", "owner", "due", "reviewer", "reviewed", "evidence", "notes")
    carried = [
        {"id": key, **{f: after[key].get(f) for f in tracked}}
        for key in sorted(set(before) & set(after))
        if any(after[key].get(f) for f in tracked if f != "status") or after[key].get("status", "todo") != "todo"
    ]
    return {
        "answers_changed": answers,
        "items_added": [
            {"id": k, "severity": after[k].get("severity"), "state": after[k]["state"]}
            for k in sorted(set(after) - set(before))
        ],
        "items_removed": [
            {"id": k, "severity": before[k].get("severity"), "status": before[k].get("status")}
            for k in sorted(set(before) - set(after))
        ],
        "items_changed": changed,
        "tracking_carried_over": carried,
    }


def _value(value: Any) -> str:
    return "—" if value is None else ("yes" if value is True else "no" if value is False else str(value))


def render_diff_markdown(diff: dict[str, Any], escape: Any) -> str:
    """The diff as Markdown (`escape` is the export's inline escaper)."""
    out = ["# Checklist re-assessment", ""]
    out += ["## Answers changed", ""]
    out += [
        f"- `{a['question']}`: {escape(_value(a['old']))} → {escape(_value(a['new']))}" for a in diff["answers_changed"]
    ] or ["- None"]
    out += ["", "## Items added", ""]
    out += [f"- `{i['id']}` ({i['severity']}, {i['state']})" for i in diff["items_added"]] or ["- None"]
    out += ["", "## Items removed", ""]
    out += [f"- `{i['id']}` ({i['severity']}; was {escape(_value(i['status']))})" for i in diff["items_removed"]] or [
        "- None"
    ]
    out += ["", "## Items changed", ""]
    for item in diff["items_changed"]:
        parts = "; ".join(
            f"{name}: {escape(_value(c['old']))} → {escape(_value(c['new']))}" for name, c in item["changes"].items()
        )
        out.append(f"- `{item['id']}`: {parts}")
    if not diff["items_changed"]:
        out.append("- None")
    out += ["", "## Tracking carried over", ""]
    out += [
        f"- `{t['id']}`: {escape(_value(t['status']))}; owner {escape(_value(t['owner'] or None))}; due {escape(_value(t['due'] or None))}"
        for t in diff["tracking_carried_over"]
    ] or ["- None"]
    out += ["", escape(LEGAL_NOTICE_EN), "", escape(LEGAL_NOTICE_ZH), ""]
    return "\n".join(out)
