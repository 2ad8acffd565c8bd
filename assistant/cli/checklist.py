"""`dla checklist`: list questionnaires, run one from an answers file or interactively, track items, export."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path
from typing import Any

from assistant.checklist.conditions import AnswerValue, evaluate
from assistant.checklist.engine import ITEM_STATUSES, MissingAnswersError
from assistant.checklist.model import Checklist
from assistant.cli.support import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, CliError
from assistant.service import AssistantService


def _checklist(service: AssistantService, checklist_id: str | None) -> Checklist:
    try:
        return service.checklist(checklist_id)
    except KeyError as exc:
        raise CliError(str(exc.args[0]), EXIT_USAGE) from exc


def cmd_list(args: argparse.Namespace, service: AssistantService) -> int:
    """Print each checklist with its size."""
    for checklist in service.checklists.values():
        print(f"{checklist.id}  v{checklist.version}  {checklist.title_en} / {checklist.title_zh}  "
              f"({len(checklist.questions)} questions, {len(checklist.findings)} findings)")  # fmt: skip
    return EXIT_OK


def _ask_interactively(checklist: Checklist, answers: dict[str, AnswerValue]) -> dict[str, AnswerValue]:
    """Ask each shown, unanswered question in turn on the terminal."""
    print(f"{checklist.title_en} / {checklist.title_zh} — answer y/n (or the option number); ? for help; q to stop.")
    while True:
        pending = [q for q in checklist.questions if evaluate(q.when, answers) and q.id not in answers]
        if not pending:
            return answers
        question = pending[0]
        print(f"\n{question.text_en}\n{question.text_zh}")
        for number, option in enumerate(question.options, start=1):
            print(f"  {number}. {option.label_en} / {option.label_zh}")
        while True:
            reply = input("> ").strip().lower()
            if reply == "q":
                raise CliError("stopped before the end; nothing was written", EXIT_USAGE)
            if reply == "?":
                print(f"{question.help_en}\n{question.help_zh}\nRests on: {', '.join(question.cites)}")
                continue
            if question.type == "yes_no" and reply in ("y", "yes", "n", "no", "是", "否"):
                answers[question.id] = reply in ("y", "yes", "是")
                break
            if question.type == "choice" and reply.isdigit() and 1 <= int(reply) <= len(question.options):
                answers[question.id] = question.options[int(reply) - 1].value
                break
            print("please answer y or n" if question.type == "yes_no" else "please give an option number")


def cmd_run(args: argparse.Namespace, service: AssistantService) -> int:
    """Run a checklist and print or write the export."""
    from assistant.checklist.answers import load_answers, parse_answers
    from assistant.checklist.sessions import ChecklistSession, SessionError
    from assistant.datafile import MAX_USER_FILE_BYTES, decode_bounded

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
    try:
        result = service.run_checklist(checklist, answers, session.tracking if session else None, strict=args.strict)
    except MissingAnswersError as exc:
        where = args.answers or "the answers"
        raise CliError(f"{where}: {exc} (--strict needs every shown question answered)", EXIT_USAGE) from exc
    date = args.date or datetime.date.today().isoformat()
    if session is not None:
        session.answers = answers
        store.save(session)  # merged with any change saved meanwhile; a clash is refused, never overwritten
    if args.out:
        try:
            service.export_checklist(result, Path(args.out), args.format, date)
        except OSError as exc:
            raise CliError(
                f"cannot write {args.out}: {exc.strerror or exc}; nothing was written", EXIT_PROBLEM
            ) from exc
        print(
            f"wrote {args.out}: {len(result.items)} obligations, {len(result.assumed)} assumed answers", file=sys.stderr
        )
    else:
        sys.stdout.write(service.render_checklist(result, args.format, date))
    return EXIT_OK


def cmd_track(args: argparse.Namespace, service: AssistantService) -> int:
    """Record status, owner, due date or notes for one item of a saved session."""
    from assistant.checklist.engine import Tracking
    from assistant.checklist.sessions import ChecklistSession

    store = service.session_store()

    def change(session: ChecklistSession) -> Tracking:
        checklist = _checklist(service, session.checklist_id)
        if not any(f.id == args.item for f in checklist.findings):
            raise CliError(f"unknown item {args.item!r} in checklist {checklist.id}", EXIT_USAGE)
        return session.track(args.item, args.status, args.owner, args.due, args.notes)

    # Load, change and save under the session's lock: concurrent `track` runs never lose each other's change.
    item = store.update(args.session, change)
    print(f"{args.item}: {item.status}; owner {item.owner or '—'}; due {item.due or '—'}")
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
    run.add_argument("--checklist", help="checklist id (default: the only one)")
    run.add_argument("--answers", help="YAML answers file (question id: value); - reads standard input")
    run.add_argument("--out", help="write the export here (atomically) instead of standard output")
    run.add_argument("--format", choices=["md", "json"], default="md")
    run.add_argument("--strict", action="store_true", help="every shown question must be answered")
    run.add_argument("--session", help="save answers under this name and apply its item tracking")
    run.add_argument("--date", type=_date, help="date printed in the export (default: today), for reproducible files")
    run.set_defaults(handler=cmd_run)
    track = actions.add_parser("track", help="set status, owner, due date or notes of one item in a session")
    track.add_argument("session")
    track.add_argument("item", help="finding id")
    track.add_argument("--status", choices=ITEM_STATUSES)
    track.add_argument("--owner")
    track.add_argument("--due", help="YYYY-MM-DD")
    track.add_argument("--notes")
    track.set_defaults(handler=cmd_track)
    sessions = actions.add_parser("sessions", help="saved sessions")
    sessions.set_defaults(handler=cmd_sessions)
