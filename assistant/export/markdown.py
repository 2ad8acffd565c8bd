"""The Markdown export of a checklist result: a contract, byte-identical for the same input.

Rules that keep it valid CommonMark wherever it is pasted: emphasis only around ASCII text with
spaces on both sides (`**bold**` glued to Chinese may not render), every user-entered string
escaped, quotes as block quotes line by line, one blank line between blocks.
"""

from __future__ import annotations

import re

from assistant import LEGAL_NOTICE_EN, LEGAL_NOTICE_ZH
from assistant.checklist.engine import ChecklistResult, ResultItem
from assistant.status_labels import status_warning

# Characters that can open inline constructs (emphasis, code, links, HTML, tables, strikethrough, entities).
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
# What makes a block of its own at the start of a line (lists, headings, rules, quotes).
_BLOCK_START = re.compile(r"^(\d+)([.)])|^([-+#=>])")
MODALITY_LABELS = {"must": "must", "must_not": "must not", "may": "may"}


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
    return escape(str(value))


def _quote_lines(text: str) -> list[str]:
    return [f"> {escape(line)}" if line.strip() else ">" for line in text.splitlines()]


def _item(item: ResultItem) -> list[str]:
    finding = item.finding
    done = item.tracking.status in ("done", "not applicable")
    lines = [f"- [{'x' if done else ' '}] {escape(finding.obligation_en)} — {escape(finding.obligation_zh)}"]
    detail = "  "
    citations = "; ".join(f"{escape(q.citation_zh)} / {escape(q.citation_en)}" for q in item.quotes)
    lines.append(f"{detail}- Citation: {citations}")
    lines.append(
        f"{detail}- Actor: {escape(finding.actor_en)} ({escape(finding.actor_zh)}); "
        f"{MODALITY_LABELS[finding.modality]}; severity {finding.severity}"
    )
    if item.penalties:
        lines.append(
            f"{detail}- Penalties: " + "; ".join(f"{escape(zh)} / {escape(en)}" for _, zh, en in item.penalties)
        )
    else:
        lines.append(f"{detail}- Penalties: none linked in these instruments")
    for quote in item.quotes:
        warning = status_warning(quote.text_status, quote.status_note)
        if warning:
            lines.append(
                f"{detail}- Text status of {escape(quote.citation_en)}: {escape(quote.text_status)} — {escape(warning)}"
            )
    tracking = item.tracking
    lines.append(
        f"{detail}- Status: {tracking.status}; owner: {escape(tracking.owner) or '—'}; due: {escape(tracking.due) or '—'}"
    )
    if tracking.notes.strip():
        lines.append(f"{detail}- Notes: {escape(tracking.notes)}")
    for quote in item.quotes:
        lines.append("")
        lines.append(f"{detail}> {escape(quote.citation_zh)}")
        lines.append(f"{detail}>")
        lines.extend(detail + line for line in _quote_lines(quote.text_zh))
        if quote.text_en:
            lines.append(f"{detail}>")
            lines.append(f"{detail}> Unofficial translation:")
            lines.append(f"{detail}>")
            lines.extend(detail + line for line in _quote_lines(quote.text_en))
    lines.append("")
    return lines


def render_markdown(result: ChecklistResult, date: str) -> str:
    """The whole document."""
    checklist = result.checklist
    out = [f"# {escape(checklist.title_en)} — {escape(checklist.title_zh)}", ""]
    out += [f"> Notice: {escape(LEGAL_NOTICE_EN)}", ">", f"> {escape(LEGAL_NOTICE_ZH)}", ""]
    out += ["| Field | Value |", "| --- | --- |"]
    out.append(f"| Date | {escape(date)} |")
    out.append(f"| Checklist | {escape(checklist.id)} version {checklist.version} |")
    out.append(f"| Corpus version | sha256 {result.corpus_hash[:16]} |")
    out.append(f"| Obligations | {len(result.items)} |")
    out.append("")
    out += ["## Answers given", ""]
    if result.answers:
        for question in checklist.questions:
            if question.id in result.answers:
                out.append(
                    f"- {escape(question.text_en)} ({_code(question.id)}): {_answer_label(result.answers[question.id])}"
                )
    else:
        out.append("- None")
    out.append("")
    if result.assumed:
        out += ["### Assumed answers", "", "These questions were not answered and were taken as no:", ""]
        out += [f"- {escape(q.text_en)} ({_code(q.id)}): no" for q in result.assumed]
        out.append("")
    out += ["## Obligations", ""]
    if not result.items:
        out += ["No obligation in these instruments applies to the answers given.", ""]
    topics = {t.id: t for t in checklist.topics}
    current_law, current_topic = None, None
    for item in result.items:
        if item.law != current_law:
            current_law, current_topic = item.law, None
            law = result.laws[item.law]
            out += [f"### {escape(law['title_en'])} — {escape(law['title_zh'])}", ""]
        if item.finding.topic != current_topic:
            current_topic = item.finding.topic
            topic = topics[current_topic]
            out += [f"#### {escape(topic.title_en)} — {escape(topic.title_zh)}", ""]
        out += _item(item)
    out += ["## Not covered by this checklist", ""]
    out += [f"- {escape(n.text_en)} — {escape(n.text_zh)}" for n in checklist.not_covered] or ["- Nothing listed"]
    out += ["", "## Notice", "", escape(LEGAL_NOTICE_EN), "", escape(LEGAL_NOTICE_ZH), ""]
    return "\n".join(out)
