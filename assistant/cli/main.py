"""The `dla` command line: results to stdout, diagnostics to stderr, documented exit codes.

Exit codes: 0 success; 1 the command ran and found a problem (verify failed, data error);
2 bad usage or input (unknown citation, malformed file); 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from assistant import LEGAL_NOTICE_EN, __version__, paths
from assistant.cli.support import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, CliError, print_json
from assistant.errors import EXIT_INTERRUPTED, DlaError, known_failure
from assistant.service import AssistantService

Handler = Callable[[argparse.Namespace, AssistantService], int]


def _cmd_show(args: argparse.Namespace, service: AssistantService) -> int:
    from assistant.cli.show_text import format_show

    data = service.show(args.id)
    if args.json:
        print_json(data)
    else:
        sys.stdout.write(format_show(data, args.lang))
    return EXIT_OK


def _cmd_corpus_export(args: argparse.Namespace, service: AssistantService) -> int:
    out = sys.stdout
    for record in service.export_articles():
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return EXIT_OK


def _cmd_corpus_verify(args: argparse.Namespace, service: AssistantService) -> int:
    sources = Path(args.sources) if args.sources else paths.sources_dir()
    if args.sources and not sources.is_dir():  # type: ignore[union-attr]
        raise CliError(f"sources folder not found: {args.sources}", EXIT_USAGE)
    report = service.verify(sources)
    for problem in report.problems:
        print(f"problem: {problem}", file=sys.stderr)
    print(report.summary(service.corpus))
    return EXIT_OK if report.ok else EXIT_PROBLEM


def _cmd_corpus_add(args: argparse.Namespace, service: AssistantService) -> int:
    result = service.add_instrument(
        Path(args.file),
        args.id,
        Path(args.provenance) if args.provenance else None,
        replace=args.replace,
        metadata=Path(args.metadata) if args.metadata else None,
        translation=Path(args.translation) if args.translation else None,
    )
    print(f"added {result.law_id}: {result.articles} articles, {result.headings} headings -> {result.text_path}")
    if result.created_metadata:
        print(f"wrote metadata skeleton {result.law_path}: review and complete it", file=sys.stderr)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="dla",
        description="Data Law Assistant: Chinese data law, offline. With no command, opens the TUI.",
        epilog=LEGAL_NOTICE_EN,
    )
    parser.add_argument("--version", action="version", version=f"dla {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    show = commands.add_parser("show", help="show one article, paragraph or item by citation id (e.g. dsl:27.2)")
    show.add_argument("id", help="citation id law:article[.paragraph[.item]]")
    show.add_argument("--lang", choices=["zh", "en", "both"], default="both")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=_cmd_show)

    corpus = commands.add_parser("corpus", help="export, verify or extend the corpus")
    corpus_commands = corpus.add_subparsers(dest="corpus_command", metavar="ACTION", required=True)
    export = corpus_commands.add_parser("export", help="every article as JSON lines")
    export.add_argument("--jsonl", action="store_true", required=True, help="JSON lines (the only format)")
    export.set_defaults(handler=_cmd_corpus_export)
    verify = corpus_commands.add_parser("verify", help="check numbering, structure, wording, statuses, English")
    verify.add_argument("--sources", help="folder of official source texts (default: ../shared/sources if present)")
    verify.set_defaults(handler=_cmd_corpus_verify)
    add = corpus_commands.add_parser("add", help="add an instrument from a plain-text statute file")
    add.add_argument("file")
    add.add_argument("--id", required=True, help="law id for citations, e.g. pipl")
    add.add_argument("--provenance", help="provenance.json giving each article's text status")
    add.add_argument("--metadata", help="YAML of the instrument's facts (titles, issuing body, number, dates, status)")
    add.add_argument("--translation", help="unofficial English translation YAML (one string per source line)")
    add.add_argument(
        "--replace", action="store_true", help="regenerate an existing id (never one verified against another source)"
    )
    add.set_defaults(handler=_cmd_corpus_add)

    from assistant.cli import bookmarks, checklist, obligations, search

    for register in (search.register, obligations.register, checklist.register, bookmarks.register):
        register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; never lets a traceback reach the user."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from assistant.cli.tui_launcher import launch_tui

        return launch_tui()
    service = AssistantService()
    handler: Handler = args.handler
    try:
        return handler(args, service)
    except DlaError as exc:
        # Every known failure derives from DlaError: its message, hint and exit code, in one place.
        print(f"dla: {exc.user_message()}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("dla: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:
        known = known_failure(exc)  # a known cause (permissions, a full disk, ...) gets its own message and code
        if known is not None:
            print(f"dla: {known.user_message()}", file=sys.stderr)
            return known.exit_code
        print(f"dla: unexpected error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_PROBLEM


def run() -> Any:
    """Console-script entry point."""
    sys.exit(main())
