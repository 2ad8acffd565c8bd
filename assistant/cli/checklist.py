"""`dla checklist`: list questionnaires, run one from an answers file or interactively, track items, export."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path
from typing import Any

from assistant.checklist.conditions import NOT_SURE, AnswerValue
from assistant.checklist.engine import ITEM_STATUSES, MissingAnswersError
from assistant.checklist.model import Checklist
from assistant.cli.support import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, CliError, print_json, write_output
from assistant.service import AssistantService


def _checklist(service: AssistantService, checklist_id: str | None) -> Checklist:
    try:
        return service.checklist(checklist_id)
    except KeyError as exc:
        raise CliError(str(exc.args[0]), EXIT_USAGE) from exc


def cmd_list(args: argparse.Namespace, service: AssistantService) -> int:
    """Print each checklist with its size."""
    for checklist in service.checklists.values():
        print(
            f"{checklist.id}  v{checklist.version}  {checklist.title_en} / {checklist.title_zh}  "
            f"({len(checklist.questions)} questions, {len(checklist.findings)} findings)"
        )
    return EXIT_OK


def _wrap(text: str, width: int = 78) -> str:
    """Wrap by words (Chinese, which has no spaces, by characters at half the width: two cells each)."""
    import textwrap

    wide = sum(ord(ch) > 0x2E80 for ch in text) > len(text) // 3
    if wide:
        return "\n".join(textwrap.wrap(text, width // 2, break_long_words=True, break_on_hyphens=False))
    return "\n".join(textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False))


def _ask_interactively(checklist: Checklist, answers: dict[str, AnswerValue]) -> dict[str, AnswerValue]:
    """Ask each shown, unanswered question in turn: "question n of N", help shown, b goes back, ? repeats the help."""
    print(_wrap(f"{checklist.title_en} / {checklist.title_zh}"))
    print("Answer y, n or s (not sure), or an option number. b back, ? more help, q stop.")
    asked: list[str] = []
    while True:
        pending = checklist.pending_questions(answers)
        if not pending:
            return answers
        question = pending[0]
        visible = checklist.visible_questions(answers)
        number = [q.id for q in visible].index(question.id) + 1
        print(f"\nQuestion {number} of {len(visible)} ({question.id})")
        print(_wrap(question.text_en))
        print(_wrap(question.text_zh))
        print(_wrap("Help: " + question.help_en))
        for option_number, option in enumerate(question.options, start=1):
            print(f"  {option_number}. {option.label_en} / {option.label_zh}")
        while True:
            reply = input("> ").strip().lower()
            if reply == "q":
                raise CliError("stopped before the end; nothing was written", EXIT_USAGE)
            if reply == "?":
                print(_wrap(question.help_zh))
                print(_wrap(f"Rests on: {', '.join(question.cites)}"))
                continue
            if reply == "b":
                if not asked:
                    print("this is the first question")
                    continue
                answers.pop(asked.pop(), None)
                break
            if reply in ("s", "not sure", "不确定", "?s"):
                answers[question.id] = NOT_SURE
            elif question.type == "yes_no" and reply in ("y", "yes", "n", "no", "是", "否"):
                answers[question.id] = reply in ("y", "yes", "是")
            elif question.type == "choice" and reply.isdigit() and 1 <= int(reply) <= len(question.options):
                answers[question.id] = question.options[int(reply) - 1].value
            else:
                print("please answer y, n or s" if question.type == "yes_no" else "please give an option number or s")
                continue
            asked.append(question.id)
            break


def cmd_run(args: argparse.Namespace, service: AssistantService) -> int:
    """Run a checklist and print or write the export."""
    from assistant.checklist.answers import load_answers, parse_answers
    from assistant.checklist.sessions import ChecklistSession, SessionError

    checklist = _checklist(service, args.checklist)
    store = service.session_store()
    session: ChecklistSession | None = None
    answers: dict[str, AnswerValue] = {}
    if args.session:
        try:
            session = (
                store.load(args.session)
                if args.session in store.list()
                else ChecklistSession(args.session, checklist.id, checklist.version)
            )
        except SessionError as exc:
            raise CliError(str(exc), EXIT_USAGE) from exc
        answers.update(session.answers)
    if args.answers == "-":
        from assistant.datafile import MAX_USER_FILE_BYTES, decode_bounded

        stdin = Path("<stdin>")
        reader = getattr(sys.stdin, "buffer", None)
        raw = reader.read(MAX_USER_FILE_BYTES + 1) if reader else sys.stdin.read(MAX_USER_FILE_BYTES + 1).encode()
        text = decode_bounded(raw, stdin, what="answers on standard input")
        answers.update(parse_answers(text, checklist, stdin))
    elif args.answers:
        answers.update(load_answers(Path(args.answers), checklist))
    elif session is None or not session.answers:
        if not sys.stdin.isatty():
            raise CliError(
                "give --answers FILE (or - for standard input), or run in a terminal to be asked", EXIT_USAGE
            )
        answers = _ask_interactively(checklist, answers)
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        if session is None:
            session = ChecklistSession(f"{checklist.id}-{stamp}", checklist.id, checklist.version)
        if not args.out:
            args.out = f"{session.name}.{args.format}"
    try:
        result = service.run_checklist(checklist, answers, session.tracking if session else None, strict=args.strict)
    except MissingAnswersError as exc:
        where = args.answers or "the answers"
        raise CliError(f"{where}: {exc} (--strict needs every shown question answered)", EXIT_USAGE) from exc
    date = args.date or datetime.date.today().isoformat()
    if session is not None:
        for question_id, value in answers.items():
            session.answer(question_id, value)
        saved = store.save(session)  # merged with any change saved meanwhile; a clash is refused, never overwritten
        print(f"session {session.name!r} saved ({saved})", file=sys.stderr)
    if args.out:
        try:
            service.export_checklist(result, Path(args.out), args.format, date, args.quotes)
        except OSError as exc:
            raise CliError(
                f"cannot write {args.out}: {exc.strerror or exc}; nothing was written", EXIT_PROBLEM
            ) from exc
        print(
            f"wrote {args.out}: {len(result.items)} obligations, {len(result.to_confirm)} to confirm, "
            f"{len(result.assumed)} assumed answers",
            file=sys.stderr,
        )
    else:
        sys.stdout.write(service.render_checklist(result, args.format, date, args.quotes))
    return EXIT_OK


def cmd_track(args: argparse.Namespace, service: AssistantService) -> int:
    """Record status, owner, due date or notes for one item of a saved session."""
    from assistant.checklist.engine import Tracking
    from assistant.checklist.sessions import ChecklistSession

    store = service.session_store()

    def change(session: ChecklistSession) -> Tracking:
        checklist = _checklist(service, session.checklist_id)
        if checklist.finding(args.item) is None:
            from assistant.checklist.answers import did_you_mean

            hint = did_you_mean(args.item, [f.id for f in checklist.findings]).replace(
                "checklist questions", "checklist findings"
            )
            raise CliError(f"unknown item {args.item!r} in checklist {checklist.id}{hint}", EXIT_USAGE)
        return session.track(
            args.item, args.status, args.owner, args.due, args.notes, args.reviewer, args.reviewed, args.evidence
        )

    # Load, change and save under the session's lock: concurrent `track` runs never lose each other's change.
    item = store.update(args.session, change)
    review = f"; reviewed by {item.reviewer or '—'} on {item.reviewed or '—'}" if item.reviewer or item.reviewed else ""
    print(f"{args.item}: {item.status}; owner {item.owner or '—'}; due {item.due or '—'}{review}")
    return EXIT_OK


def cmd_findings(args: argparse.Namespace, service: AssistantService) -> int:
    """Every finding with its id, citations, condition, severity and penalties."""
    from assistant.checklist.describe import findings_list

    findings = findings_list(_checklist(service, args.checklist), service.checklist_penalties())
    if args.json:
        print_json(findings)
        return EXIT_OK
    for finding in findings:
        print(
            f"{finding['id']}  [{finding['severity']}]  {', '.join(finding['citations'])}"
            f"  penalties: {', '.join(finding['penalties']) or '—'}\n    when {finding['condition']}"
        )
    return EXIT_OK


def cmd_questions(args: argparse.Namespace, service: AssistantService) -> int:
    """Every question id, what it accepts and its English text."""
    from assistant.checklist.describe import questions_list

    questions = questions_list(_checklist(service, args.checklist))
    if args.json:
        print_json(questions)
        return EXIT_OK
    for question in questions:
        print(f"{question['id']}  ({question['answers']})\n    {question['text_en']}")
    return EXIT_OK


def cmd_template(args: argparse.Namespace, service: AssistantService) -> int:
    """An answers YAML with every question, its help and citations as comments."""
    from assistant.checklist.describe import answers_template

    write_output(answers_template(_checklist(service, args.checklist)) + "\n", args.out)
    return EXIT_OK


def cmd_coverage(args: argparse.Namespace, service: AssistantService) -> int:
    """Each duty-bearing article with the findings citing it, or its reasoned exclusion."""
    coverage = service.checklist_coverage(_checklist(service, args.checklist))
    if args.json:
        print_json(coverage)
        return EXIT_OK
    summary = coverage["summary"]
    print(
        f"{summary['articles']} duty-bearing articles: {summary['covered']} covered, {summary['partly covered']} partly, "
        f"{summary['excluded']} excluded, {summary['missing']} missing ({summary['accounted_percent']}% accounted for)"
    )
    for row in coverage["articles"]:
        detail = ", ".join(row["findings"]) or (row["exclusion"]["reason_en"] if row["exclusion"] else "NO FINDING")
        uncited = f" (uncited: {', '.join(row['uncited_clauses'])})" if row["uncited_clauses"] else ""
        print(f"{row['article']:<16} {row['state']:<15} {detail}{uncited}")
    return EXIT_OK if summary["missing"] == 0 else EXIT_PROBLEM


def _export_of(source: str, service: AssistantService) -> dict[str, Any]:
    """A JSON export, a session file, or a saved session's name, as export data."""
    import json

    from assistant.checklist.sessions import SessionError

    path = Path(source)
    if path.is_file():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CliError(f"{source}: not a JSON export or session file ({exc})", EXIT_USAGE) from exc
        if isinstance(data, dict) and "items" in data:
            return data
        if not (isinstance(data, dict) and "answers" in data and "checklist" in data):
            raise CliError(f"{source}: not a JSON export or session file", EXIT_USAGE)
        from assistant.checklist.engine import Tracking

        checklist = _checklist(service, str(data["checklist"]["id"]))
        tracking = {str(k): Tracking.from_dict(v) for k, v in (data.get("tracking") or {}).items()}
        answers = checklist.effective_answers(dict(data.get("answers") or {}))
    else:
        try:
            session = service.session_store().load(source)
        except SessionError as exc:
            raise CliError(f"{source}: no such file, and {exc}", EXIT_USAGE) from exc
        checklist = _checklist(service, session.checklist_id)
        tracking, answers = session.tracking, checklist.effective_answers(session.answers)
    today = datetime.date.today().isoformat()
    return service.run_checklist(checklist, answers, tracking).to_dict(today)


def cmd_diff(args: argparse.Namespace, service: AssistantService) -> int:
    """What changed between two sessions or two JSON exports."""
    from assistant.checklist.diff import diff_exports, render_diff_markdown
    from assistant.export.markdown import escape

    diff = diff_exports(_export_of(args.old, service), _export_of(args.new, service))
    if args.format == "json":
        print_json(diff)
    else:
        sys.stdout.write(render_diff_markdown(diff, escape))
    return EXIT_OK


def cmd_sessions(args: argparse.Namespace, service: AssistantService) -> int:
    """List saved sessions."""
    for name in service.session_store().list():
        print(name)
    return EXIT_OK


def _date(text: str) -> str:
    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError("use YYYY-MM-DD") from None


def register(commands: Any) -> None:
    """Add `checklist` to the parser."""
    checklist = commands.add_parser("checklist", help="guided compliance checklist and Markdown export")
    actions = checklist.add_subparsers(dest="checklist_command", metavar="ACTION", required=True)
    list_parser = actions.add_parser("list", help="the available checklists")
    list_parser.set_defaults(handler=cmd_list)
    run = actions.add_parser("run", help="answer a checklist and export the obligations that apply")
    _checklist_option(run)
    run.add_argument("--answers", help="YAML answers file (question id: value); - reads standard input")
    run.add_argument("--out", help="write the export here (atomically) instead of standard output")
    run.add_argument("--format", choices=["md", "json"], default="md")
    run.add_argument("--strict", action="store_true", help="every shown question must be answered")
    run.add_argument("--session", help="save answers under this name and apply its item tracking")
    run.add_argument("--date", type=_date, help="date printed in the export (default: today), for reproducible files")
    run.add_argument("--quotes", action="store_true", help="quote each cited article in the Markdown export")
    run.set_defaults(handler=cmd_run)
    track = actions.add_parser("track", help="set status, owner, due date or notes of one item in a session")
    track.add_argument("session")
    track.add_argument("item", help="finding id")
    track.add_argument("--status", choices=ITEM_STATUSES)
    track.add_argument("--owner")
    track.add_argument("--due", help="YYYY-MM-DD (a real date)")
    track.add_argument("--notes")
    track.add_argument("--reviewer", help="name of the reviewer signing the item off")
    track.add_argument("--reviewed", help="date of the sign-off, YYYY-MM-DD")
    track.add_argument("--evidence", action="append", help="a link or file path showing the work (repeatable)")
    track.set_defaults(handler=cmd_track)
    for name, handler, help_text in (
        ("findings", cmd_findings, "every finding: id, citations, condition, severity, penalties"),
        ("questions", cmd_questions, "every question id and the answers it accepts"),
    ):
        listing = actions.add_parser(name, help=help_text)
        _checklist_option(listing)
        listing.add_argument("--json", action="store_true")
        listing.set_defaults(handler=handler)
    template = actions.add_parser("template", help="an answers YAML with every question, its help and citations")
    _checklist_option(template)
    template.add_argument("--out", help="write it here instead of standard output")
    template.set_defaults(handler=cmd_template)
    coverage = actions.add_parser("coverage", help="duty-bearing articles and the findings citing them")
    _checklist_option(coverage)
    coverage.add_argument("--json", action="store_true")
    coverage.set_defaults(handler=cmd_coverage)
    diff = actions.add_parser("diff", help="what changed between two sessions or two JSON exports")
    diff.add_argument("old", help="session name, session file or JSON export")
    diff.add_argument("new", help="session name, session file or JSON export")
    diff.add_argument("--format", choices=["md", "json"], default="md")
    diff.set_defaults(handler=cmd_diff)
    sessions = actions.add_parser("sessions", help="saved sessions")
    sessions.set_defaults(handler=cmd_sessions)


def _checklist_option(parser: argparse.ArgumentParser) -> None:
    """`--checklist ID`, which every checklist command takes."""
    parser.add_argument("--checklist", help="checklist id (default: the only one)")
