"""`dla bookmarks`: list, add and remove bookmarks (the TUI's, one file), and export them as a reading list."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from assistant.cli.support import EXIT_OK, EXIT_PROBLEM, CliError, print_json, write_output
from assistant.service import AssistantService

if TYPE_CHECKING:
    from assistant.bookmarks import BookmarkStore


def _store(service: AssistantService) -> BookmarkStore:
    """The user's bookmarks; a file that could not be used is reported (it was kept or moved aside, never lost)."""
    store = service.bookmarks()
    if store.load_problem:
        print(f"dla: {store.load_problem}", file=sys.stderr)
    return store


def cmd_list(args: argparse.Namespace, service: AssistantService) -> int:
    """Every bookmark, oldest first, with both citations; one the corpus no longer holds is listed as such."""
    corpus = service.corpus
    rows = []
    for bookmark in _store(service).entries():
        held = corpus.exists(bookmark.id)
        rows.append(
            {
                "id": bookmark.id,
                "added": bookmark.added,
                "exists": held,
                "citation_zh": corpus.cite_zh(bookmark.id) if held else None,
                "citation_en": corpus.cite_en(bookmark.id) if held else None,
            }
        )
    if args.json:
        print_json(rows)
        return EXIT_OK
    if not rows:
        print("No bookmarks. Add one with `dla bookmarks add dsl:27` (or m in the reader).")
    for row in rows:
        named = f"{row['citation_zh']} / {row['citation_en']}" if row["exists"] else "(no longer in the corpus)"
        print(f"{row['id']:<16} {named}  (added {row['added']})")
    return EXIT_OK


def cmd_add(args: argparse.Namespace, service: AssistantService) -> int:
    """Bookmark citations (each checked against the corpus first: one that does not exist changes nothing)."""
    refs = [service.resolve_citation(citation).id for citation in args.ids]  # CitationError before any change
    store = _store(service)
    for ref in refs:
        store.add(ref)
        print(f"bookmarked {ref}")
    return EXIT_OK


def cmd_remove(args: argparse.Namespace, service: AssistantService) -> int:
    """Forget bookmarks, named in any citation form; one that was not bookmarked is reported and the exit code says so.

    A citation the corpus no longer holds can still be removed by its id (it is listed as such).
    """
    store = _store(service)
    held = set(store.ids())
    refs = [citation if citation in held else service.resolve_citation(citation).id for citation in args.ids]
    missing = [ref for ref in refs if not store.remove(ref)]
    for ref in refs:
        print(f"{'not bookmarked' if ref in missing else 'removed'}: {ref}")
    if missing:
        raise CliError(f"not bookmarked: {', '.join(missing)}", EXIT_PROBLEM, hint="`dla bookmarks list` shows them")
    return EXIT_OK


def cmd_export(args: argparse.Namespace, service: AssistantService) -> int:
    """The bookmarks as a Markdown reading list (notice, validity, text status, Chinese and English)."""
    ids = [citation for citation in _store(service).ids() if service.corpus.exists(citation)]
    if not ids:
        raise CliError("no bookmarks to export", EXIT_PROBLEM, hint="add one with `dla bookmarks add dsl:27`")
    write_output(service.reading_list(ids, args.title), args.out)
    return EXIT_OK


def register(commands: Any) -> None:
    """Add `bookmarks` and its actions to the parser."""
    bookmarks = commands.add_parser("bookmarks", help="list, add, remove or export bookmarks (shared with the TUI)")
    actions = bookmarks.add_subparsers(dest="bookmarks_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every bookmark, oldest first")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_list)
    add = actions.add_parser("add", help="bookmark citations (dsl:27, 数据安全法第二十七条, DSL Art. 27(2))")
    add.add_argument("ids", nargs="+", metavar="CITATION")
    add.set_defaults(handler=cmd_add)
    remove = actions.add_parser("remove", help="forget bookmarks")
    remove.add_argument("ids", nargs="+", metavar="CITATION")
    remove.set_defaults(handler=cmd_remove)
    export = actions.add_parser("export", help="the bookmarks as a Markdown reading list")
    export.add_argument("--out", help="write it here (atomically) instead of standard output")
    export.add_argument("--title", default="Reading list", help="the list's heading")
    export.set_defaults(handler=cmd_export)
