"""The Markdown export of a checklist result: a contract, byte-identical for the same input.

Rules that keep it valid CommonMark wherever it is pasted: emphasis only around ASCII text with
spaces on both sides (`**bold**` glued to Chinese may not render), every user-entered string
escaped, quotes as block quotes line by line, one blank line between blocks.
"""

from __future__ import annotations

import re

from assistant import LEGAL_NOTICE_EN, LEGAL_NOTICE_ZH
from assistant.checklist.conditions import NOT_SURE
from assistant.checklist.engine import ChecklistResult, ResultItem
from assistant.checklist.risk import RISK_RULE_EN, RISK_RULE_ZH
from assistant.modality import MODALITY_WORDS
from assistant.status_labels import status_warning

# Characters that can open inline constructs (emphasis, code, links, HTML, tables, strikethrough, entities).
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
# What makes a block of its own at the start of a line (lists, headings, rules, quotes).
_BLOCK_START = re.compile(r"^(\d+)([.)])|^([-+#=>])")


def escape(text: str) -> str:
    """Escape user or data text for inline Markdown: no formatting, links, HTML or line breaks can get in."""
    single_line = " ".join(text.split())
    escaped = _SPECIAL.sub(r"\\\1", single_line)
    return _BLOCK_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}", escaped)


def _code(identifier: str) -> str:
    """An identifier as a code span (ids are validated as [a-z0-9_-], so no backtick can occur)."""
    return f"`{identifier}`" if re.fullmatch(r"[A-Za-z0-9_.-]+", identifier) else escape(identifier)


def _answer_label(value: object) -> str:
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if value == NOT_SURE:
        return "not sure"
    return escape(str(value))


STATUS_LABELS = {
    "todo": "[ ] todo",
    "in progress": "[~] in progress",
    "done": "[x] done",
    "not applicable": "[-] not applicable (decided by the team)",
}
TO_CONFIRM_LABEL = "[?] to confirm"
SEVERITY_HEADINGS = {"high": "High severity", "medium": "Medium severity", "low": "Low severity"}
SUMMARY_WIDTH = 50


def _quote_lines(text: str) -> list[str]:
    return [f"> {escape(line)}" if line.strip() else ">" for line in text.splitlines()]


def _compact(renderings: list[str], marker: str) -> str:
    """Citations of one instrument in a row name it once: 《条例》第三条第二款、第十条第一项 / Regs Art. 3(2), Art. 10."""
    parts: list[str] = []
    previous = None
    for text in renderings:
        cut = text.find(marker)
        prefix, rest = (text[: cut + len(marker)], text[cut + len(marker) :]) if cut >= 0 else ("", text)
        parts.append(rest.strip() if prefix and prefix == previous else text)
        previous = prefix
    return ("、" if marker == "》" else "; ").join(parts)


def _citations(pairs: list[tuple[str, str]]) -> str:
    zh = _compact([p[0] for p in pairs], "》")
    en = _compact([p[1] for p in pairs], " Art.")
    return f"{escape(zh)} / {escape(en)}"


def _status(item: ResultItem) -> str:
    return TO_CONFIRM_LABEL if item.to_confirm else STATUS_LABELS.get(item.tracking.status, item.tracking.status)


def _short(text: str) -> str:
    """The obligation cut at a word boundary for the summary table (the item below has it in full)."""
    if len(text) <= SUMMARY_WIDTH:
        return text
    cut = text[:SUMMARY_WIDTH].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + " …"


def _summary_row(item: ResultItem, today: str) -> str:
    tracking = item.tracking
    cells = [
        _code(item.finding.id),
        escape(_short(item.finding.obligation_en)),
        item.finding.severity,
        item.risk(today),
        escape(_status(item)),
        escape(tracking.owner) or "—",
        escape(tracking.due) or "—",
    ]
    return "| " + " | ".join(cells) + " |"


def _item(item: ResultItem, today: str, quotes: bool) -> list[str]:
    finding = item.finding
    tracking = item.tracking
    detail = "- "
    lines = [f"#### {_code(finding.id)} {escape(finding.obligation_en)}", ""]
    lines.append(
        f"{detail}Status: {escape(_status(item))}; risk: {item.risk(today)}; {MODALITY_WORDS[finding.modality]}; "
        f"owner: {escape(tracking.owner) or '—'}; due: {escape(tracking.due) or '—'}"
    )
    if item.settle_by:
        lines.append(
            f"{detail}To settle, answer: " + "; ".join(f"{escape(q.text_en)} ({_code(q.id)})" for q in item.settle_by)
        )
    lines.append(f"{detail}义务：{escape(finding.obligation_zh)}")
    lines.append(f"{detail}Citation: {_citations([(q.citation_zh, q.citation_en) for q in item.quotes])}")
    if item.penalties:
        lines.append(f"{detail}Penalty: {_citations([(zh, en) for _, zh, en in item.penalties])}")
    else:
        lines.append(f"{detail}Penalty: none linked")
    if finding.penalty_note_en:
        lines.append(f"{detail}Penalty scope: {escape(finding.penalty_note_en)} {escape(finding.penalty_note_zh)}")
    flagged = [q for q in item.quotes if status_warning(q.text_status, q.status_note)]
    if flagged:
        lines.append(
            f"{detail}Text status (see the end): "
            + "; ".join(f"{escape(q.citation_en)} {escape(q.text_status)}" for q in flagged)
        )
    if tracking.reviewer or tracking.reviewed:
        lines.append(f"{detail}Reviewed by: {escape(tracking.reviewer) or '—'} on {escape(tracking.reviewed) or '—'}")
    if tracking.evidence:
        lines.append(f"{detail}Evidence: " + "; ".join(escape(link) for link in tracking.evidence))
    if tracking.notes.strip():
        lines.append(f"{detail}Notes: {escape(tracking.notes)}")
    if quotes:
        for quote in item.quotes:
            warning = status_warning(quote.text_status, quote.status_note)
            if warning:
                lines.append(f"{detail}Text status of {escape(quote.citation_en)}: {escape(warning)}")
        for quote in item.quotes:
            lines.append("")
            lines.append(f"> {escape(quote.citation_zh)}")
            lines.append(">")
            lines.extend(_quote_lines(quote.text_zh))
            if quote.text_en:
                lines.append(">")
                lines.append("> Unofficial translation:")
                lines.append(">")
                lines.extend(_quote_lines(quote.text_en))
    lines.append("")
    return lines


def render_markdown(result: ChecklistResult, date: str, quotes: bool = False) -> str:
    """The whole document: summary table, then items by severity; article quotes only when asked for."""
    checklist = result.checklist
    out = [f"# {escape(checklist.title_en)} — {escape(checklist.title_zh)}", ""]
    out += [f"> Notice: {escape(LEGAL_NOTICE_EN)}", ">", f"> {escape(LEGAL_NOTICE_ZH)}", ""]
    out += ["| Field | Value |", "| --- | --- |"]
    out.append(f"| Date | {escape(date)} |")
    out.append(f"| Checklist | {escape(checklist.id)} version {checklist.version} |")
    out.append(f"| Corpus version | sha256 {result.corpus_hash[:16]} |")
    out.append(f"| Obligations | {len(result.items)} |")
    out.append(f"| To confirm | {len(result.to_confirm)} |")
    out.append(f"| Overall risk | {result.overall_risk(date)} |")
    out.append("")
    out += [escape(RISK_RULE_EN), "", escape(RISK_RULE_ZH), ""]
    out += ["## Summary", ""]
    ordered = result.by_severity()
    if ordered or result.to_confirm:
        out += [
            "| ID | Obligation | Severity | Risk | Status | Owner | Due |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        out += [_summary_row(item, date) for item in (*ordered, *result.to_confirm)]
    else:
        out.append("No obligation in these instruments applies to the answers given.")
    out.append("")
    out += ["## Answers given", ""]
    if result.answers:
        for question in checklist.questions:
            if question.id in result.answers:
                out.append(f"- {_code(question.id)}: {_answer_label(result.answers[question.id])}")
    else:
        out.append("- None")
    out.append("")
    if result.assumed:
        out += [
            "### Assumed answers",
            "",
            "These questions were not answered; yes/no questions were taken as no, choice questions as not sure:",
            "",
        ]
        out += [f"- {_code(q.id)}: {'no' if q.type == 'yes_no' else 'not sure'}" for q in result.assumed]
        out.append("")
    out += ["## Obligations", ""]
    if not ordered:
        out += ["No obligation in these instruments applies to the answers given.", ""]
    current = None
    for item in ordered:
        if item.finding.severity != current:
            current = item.finding.severity
            out += [f"### {SEVERITY_HEADINGS[current]}", ""]
        out += _item(item, date, quotes)
    if result.to_confirm:
        out += ["## To confirm", ""]
        out += [
            'These obligations apply only if a "not sure" answer turns out to be yes (or the option named). '
            "Each says which answer settles it.",
            "",
        ]
        for item in result.to_confirm:
            out += _item(item, date, quotes)
    if result.penalty_kinds:
        out += ["## What the penalties set", ""]
        out += [f"- {_citations([(zh, en)])}: {escape(summary)}" for _, zh, en, summary, _kinds in result.penalty_kinds]
        out.append("")
    if result.catch_all:
        out += ["## Catch-all liability clauses", ""]
        out += [
            "These reach a breach of any duty of their instrument, so no item above repeats them.",
            "",
        ]
        out += [f"- {_citations([(zh, en)])}: {escape(summary)}" for _, zh, en, summary, _kinds in result.catch_all]
        out.append("")
    warnings: dict[str, str] = {}
    for item in (*ordered, *result.to_confirm):
        for quote in item.quotes:
            if status_warning(quote.text_status, quote.status_note):
                warnings.setdefault(quote.text_status, status_warning(quote.text_status, None) or "")
    if warnings:
        out += ["## Text status", ""]
        out += [f"- {escape(key)}: {escape(text)}" for key, text in sorted(warnings.items())]
        out += ["", "Run the export with --quotes for each article's own note.", ""]
        out.append("")
    out += ["## Not covered by this checklist", ""]
    out += ["Listed in English here; the JSON export carries the Chinese too.", ""]
    out += [f"- {escape(n.text_en)}" for n in checklist.not_covered] or ["- Nothing listed"]
    out += ["", "## Notice", "", escape(LEGAL_NOTICE_EN), "", escape(LEGAL_NOTICE_ZH), ""]
    return "\n".join(out)
