"""`dla ask` and `dla obligations`: extracted duties, quoted with their citations and penalties."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from assistant import LEGAL_NOTICE_EN, LEGAL_NOTICE_ZH, NOTICE_FIELDS
from assistant.cli.support import EXIT_OK, EXIT_USAGE, CliError, print_json
from assistant.export.markdown import escape
from assistant.modality import MODALITY_BADGES, MODALITY_WORDS
from assistant.obligations.describe import penalty_summary
from assistant.service import AssistantService
from assistant.status_labels import status_warning


def _notify(message: str) -> None:
    print(f"dla: {message}", file=sys.stderr)


def _penalty_note(link: dict[str, Any]) -> str:
    """What a penalty is and why it is linked: (fine 五万元以上五十万元以下; by scope)."""
    summary = penalty_summary(
        link.get("kinds") or [], link.get("amounts") or [], link.get("refers_to") or [], link.get("refers_to_en") or []
    )
    parts = [summary]
    if link.get("basis") == "scope":
        parts.append("general clause, by scope")
    return f" ({', '.join(parts)})"


def _print_catch_all(entries: list[dict[str, Any]], titles: dict[str, str]) -> None:
    """Once per instrument: the catch-all clauses that reach a breach of any of its duties shown above."""
    by_law: dict[str, list[dict[str, Any]]] = {}
    for entry in entries:
        by_law.setdefault(entry["law"], []).append(entry)
    for law, clauses in by_law.items():
        print(f"Also for a breach of any duty of {titles.get(law, law)} (catch-all clauses):")
        for clause in clauses:
            print(f"  {clause['citation_zh']} / {clause['citation_en']}{_penalty_note(clause)}")
    if by_law:
        print()


def _markdown_catch_all(entries: list[dict[str, Any]], titles: dict[str, str]) -> list[str]:
    if not entries:
        return []
    lines = [
        "## Catch-all liability clauses",
        "",
        "They reach a breach of any duty of their instrument, so no row above repeats them.",
        "",
    ]
    for entry in entries:
        lines.append(
            f"- {escape(titles.get(entry['law'], entry['law']))}: {escape(entry['citation_zh'])} "
            f"{escape(entry['citation_en'])}{escape(_penalty_note(entry))}"
        )
    return [*lines, ""]


def _print_obligation(obligation: dict[str, Any]) -> None:
    print(f"  [{MODALITY_BADGES[obligation['modality']]}] {obligation['citation_zh']}  {obligation['citation_en']}")
    print(f"    {obligation['text_zh']}")
    if obligation.get("text_en"):
        print(f"    (unofficial) {obligation['text_en']}")
    extras = []
    if obligation.get("condition"):
        extras.append(f"when: {obligation['condition']}")
    if obligation.get("time_limits"):
        extras.append("time limit: " + ", ".join(obligation["time_limits"]))
    if obligation.get("amounts"):
        extras.append("amounts: " + ", ".join(obligation["amounts"]))
    if obligation.get("penalty_citations"):
        described = [
            f"{zh} / {en}{_penalty_note(link)}"
            for (zh, en), link in zip(
                obligation["penalty_citations"], obligation.get("penalty_links") or [], strict=False
            )
        ]
        extras.append("penalties: " + "; ".join(described))
    warning = status_warning(obligation.get("text_status", "cross-checked"))
    if warning:
        extras.append(f"text status: {warning}")
    for extra in extras:
        print(f"    {extra}")


def cmd_ask(args: argparse.Namespace, service: AssistantService) -> int:
    """Answer an obligation question from the text."""
    if not args.question.strip():
        raise CliError(
            'ask needs a question, e.g. dla ask "what must a blockchain service provider do about user identity?"',
            EXIT_USAGE,
        )
    answer = service.ask(args.question, limit=args.limit, notify=_notify)
    if args.json:
        print_json(answer.to_dict())
        return EXIT_OK
    for message in answer.messages:
        print(f"note: {message}")
    for actor, obligations in answer.grouped():
        print(f"{actor} ({obligations[0]['actor_en']})")
        for obligation in obligations:
            _print_obligation(obligation)
        print()
    _print_catch_all(answer.catch_all, _titles(service))
    print(LEGAL_NOTICE_EN)
    return EXIT_OK


def _titles(service: AssistantService) -> dict[str, str]:
    return {law_id: law.info.title_en for law_id, law in service.corpus.laws.items()}


def _markdown_matrix(rows: list[dict[str, Any]], catch_all: list[dict[str, Any]], titles: dict[str, str]) -> str:
    lines = ["# Obligation matrix", "", f"> Notice: {escape(LEGAL_NOTICE_EN)}", ">", f"> {escape(LEGAL_NOTICE_ZH)}", ""]
    current = None
    for row in rows:
        if row["actor"] != current:
            current = row["actor"]
            lines += [
                f"## {escape(row['actor_en'])} — {escape(row['actor'])}",
                "",
                "| Provision | Modality | Text | Penalties |",
                "| --- | --- | --- | --- |",
            ]
        penalties = "; ".join(escape(en) for _, en in row["penalty_citations"]) or "—"
        lines.append(
            f"| {escape(row['citation_zh'])} {escape(row['citation_en'])} | {MODALITY_WORDS[row['modality']]} | "
            f"{escape(row['text_zh'])} | {penalties} |"
        )
        if rows.index(row) + 1 == len(rows) or rows[rows.index(row) + 1]["actor"] != current:
            lines.append("")
    lines += _markdown_catch_all(catch_all, titles)
    return "\n".join(lines) + "\n"


def cmd_obligations(args: argparse.Namespace, service: AssistantService) -> int:
    """Print every duty of an actor (or all), with penalties."""
    if args.law and args.law not in service.corpus.laws:
        raise CliError(f"unknown law {args.law!r}; known: {', '.join(service.corpus.laws)}", EXIT_USAGE)
    service.search_engine(_notify)
    rows = service.obligation_matrix(args.actor, args.law)
    rows.sort(key=lambda r: (r["actor"], list(service.corpus.laws).index(r["law"])))
    if args.actor and not rows:
        raise CliError(f"no obligations of an actor matching {args.actor!r}", EXIT_USAGE)
    catch_all = service.catch_all_data(row["law"] for row in rows)
    if args.json:
        print_json({"actor": args.actor, "law": args.law, "obligations": rows, "catch_all": catch_all, **NOTICE_FIELDS})
    elif args.md:
        sys.stdout.write(_markdown_matrix(rows, catch_all, _titles(service)))
    else:
        current = None
        for row in rows:
            if row["actor"] != current:
                current = row["actor"]
                print(f"\n{row['actor']} ({row['actor_en']})")
            _print_obligation(row)
        print()
        _print_catch_all(catch_all, _titles(service))
        print(LEGAL_NOTICE_EN)
    return EXIT_OK


def cmd_define(args: argparse.Namespace, service: AssistantService) -> int:
    """Print the statutory definitions of a term (Chinese or English), quoted from the text."""
    definitions = service.define(args.term)
    if not definitions:
        raise CliError(f"no statutory definition of {args.term!r}", EXIT_USAGE)
    if args.json:
        print_json({"term": args.term, "definitions": [d.to_dict() for d in definitions], **NOTICE_FIELDS})
        return EXIT_OK
    for definition in definitions:
        label = f"{definition.term} ({definition.term_en})" if definition.term_en else definition.term
        print(f"{label}  {service.corpus.cite_zh(definition.citation)}  {service.corpus.cite_en(definition.citation)}")
        print(f"    {definition.text_zh}")
        if definition.text_en:
            print(f"    (unofficial) {definition.text_en}")
    print(f"\n{LEGAL_NOTICE_EN}")
    return EXIT_OK


def register(commands: Any) -> None:
    """Add `ask`, `obligations` and `define` to the parser."""
    ask = commands.add_parser("ask", help="answer an obligation question with quoted, cited duties")
    ask.add_argument("question")
    ask.add_argument("--limit", type=int, default=10)
    ask.add_argument("--json", action="store_true")
    ask.set_defaults(handler=cmd_ask)
    obligations = commands.add_parser("obligations", help="the obligation matrix: duties by actor, with penalties")
    obligations.add_argument("--actor", help="actor name in Chinese or English (part of it is enough)")
    obligations.add_argument("--law", help="only this law")
    output = obligations.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true")
    output.add_argument("--md", action="store_true")
    obligations.set_defaults(handler=cmd_obligations)
    define = commands.add_parser("define", help="the statutory definition of a term (Chinese or English)")
    define.add_argument("term")
    define.add_argument("--json", action="store_true")
    define.set_defaults(handler=cmd_define)
