"""`dla search` and `dla index`: ranked articles with highlighted snippets; index build and status."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from assistant.cli.support import EXIT_OK, EXIT_USAGE, CliError, print_json
from assistant.models import TEXT_STATUSES
from assistant.service import AssistantService

HIGHLIGHT_ON, HIGHLIGHT_OFF = "\x1b[1;33m", "\x1b[0m"


def _notify(message: str) -> None:
    print(f"dla: {message}", file=sys.stderr)


def _highlighted(snippet: str, spans: list[list[int]], tty: bool) -> str:
    start_mark, end_mark = (HIGHLIGHT_ON, HIGHLIGHT_OFF) if tty else ("[", "]")
    out, last = [], 0
    for start, end in spans:
        out.append(snippet[last:start] + start_mark + snippet[start:end] + end_mark)
        last = end
    out.append(snippet[last:])
    return "".join(out)


def _print_text(result: dict[str, Any]) -> None:
    tty = sys.stdout.isatty()
    for message in result["messages"]:
        print(f"note: {message}")
    if result["expanded"]:
        print("understood: " + "; ".join(result["expanded"]))
    if not result["hits"]:
        print("no matching article")
    for rank, hit in enumerate(result["hits"], start=1):
        status = "" if hit["text_status"] == "cross-checked" else f"  [{hit['text_status']}]"
        print(f"{rank:>2}. {hit['ref'] or hit['id']}  {hit['citation_zh']}  {hit['citation_en']}{status}")
        print(f"    {_highlighted(hit['snippet'], hit['highlights'], tty)}")


def _search_args(args: argparse.Namespace) -> dict[str, Any]:
    if args.limit < 1 or args.limit > 200:
        raise CliError("--limit must be between 1 and 200", EXIT_USAGE)
    if args.section and not args.chapter:
        raise CliError("--section needs --chapter (a section is numbered within its chapter)", EXIT_USAGE)
    return {
        "law": args.law,
        "chapter": args.chapter,
        "section": args.section,
        "status": args.status,
        "limit": args.limit,
        "syntax": True if args.syntax else None,
        "notify": _notify,
    }


def cmd_search(args: argparse.Namespace, service: AssistantService) -> int:
    """Run one query, or every line of a queries file."""
    options = _search_args(args)
    if args.law and args.law not in service.corpus.laws:
        raise CliError(f"unknown law {args.law!r}; known: {', '.join(service.corpus.laws)}", EXIT_USAGE)
    if args.queries:
        if args.query:
            raise CliError("give either QUERY or --queries FILE, not both", EXIT_USAGE)
        from assistant.datafile import read_bounded

        lines = read_bounded(Path(args.queries), what="queries file").splitlines()  # bounded: never /dev/zero forever
        for line in lines:
            result = service.search(line, **options).to_dict()
            if args.json:
                sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
            else:
                print(f"== {line}")
                _print_text(result)
        return EXIT_OK
    if args.query is None:
        raise CliError("give a QUERY (or --queries FILE)", EXIT_USAGE)
    result = service.search(args.query, **options).to_dict()
    if args.json:
        print_json(result)
    else:
        _print_text(result)
    if not result["hits"]:
        problem = service.unresolved_citation_query(args.query)
        if problem:  # `dla search dsl:99` fails as `dla show dsl:99` does (README: 2 for bad input)
            raise CliError(problem, EXIT_USAGE)
    return EXIT_OK


def cmd_index_build(args: argparse.Namespace, service: AssistantService) -> int:
    """Build the index (always, or only when missing or stale)."""
    if args.if_stale:
        reason = service.index_status()
        if reason == "ok":
            print("index up to date")
            return EXIT_OK
        service.index(_notify)
    else:
        service.index(_notify, force=True)
    print(f"index built in {service.index_root}")
    return EXIT_OK


def cmd_index_status(args: argparse.Namespace, service: AssistantService) -> int:
    """Say whether the index is usable."""
    print(f"index {service.index_status()} ({service.index_root})")
    return EXIT_OK


def register(commands: Any) -> None:
    """Add `search` and `index` to the parser."""
    search = commands.add_parser("search", help="search articles by citation, phrase or question (zh or en)")
    search.add_argument("query", nargs="?", help="a citation (dsl:27, 数安法27条, DSL Art. 36), phrase or question")
    search.add_argument("--queries", metavar="FILE", help="one query per line; one JSON line out per query")
    search.add_argument("--law", help="only this law: its id (dsl, pipl, shenzhen, …; `dla corpus export` lists them)")
    search.add_argument("--chapter", help="only this chapter number")
    search.add_argument("--section", help="only this section number of the chapter (第一节 …; with --chapter)")
    search.add_argument("--status", choices=TEXT_STATUSES, help="only articles with this text status")
    search.add_argument("--limit", type=int, default=10)
    search.add_argument("--syntax", action="store_true", help="read the query as Whoosh query syntax")
    search.add_argument("--json", action="store_true")
    search.set_defaults(handler=cmd_search)

    index = commands.add_parser("index", help="build or check the search index")
    index_commands = index.add_subparsers(dest="index_command", metavar="ACTION", required=True)
    build = index_commands.add_parser("build", help="build the index")
    build.add_argument("--if-stale", action="store_true", help="only when missing, stale or corrupt")
    build.set_defaults(handler=cmd_index_build)
    status = index_commands.add_parser("status", help="is the index usable?")
    status.set_defaults(handler=cmd_index_status)
