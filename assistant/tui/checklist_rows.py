"""Checklist items as table rows for a given width: severity, provision, obligation, owner and due columns.

Text that does not fit ends in an ellipsis, cut at a word boundary in English (Chinese may be cut between
any two characters); widths are terminal cells, so Chinese owners and titles line up too.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text

from assistant.tui.cells import pad_cells

ELLIPSIS = "…"
MARKERS = {"todo": " ", "in progress": "~", "done": "x", "not applicable": "-", "to confirm": "?"}
SEVERITY_CELLS = 6  # "medium"
PROVISION_CELLS = 16
OWNER_CELLS = 10
DUE_CELLS = 10  # 2026-12-31
STATUS_CELLS = 14  # "not applicable"
STATUS_FROM = 110  # from this width the status is spelled out beside its marker
MIN_OBLIGATION_CELLS = 12  # below this, the provision column gives up cells first
MIN_PROVISION_CELLS = 10


def _is_word_character(character: str) -> bool:
    """Letters and digits of alphabetic scripts: cutting between two of them cuts a word (CJK is not one)."""
    return character.isalnum() and cell_len(character) == 1


def fit_words(text: str, width: int) -> str:
    """`text` in at most `width` cells: whole when it fits, else cut before a word and ended with an ellipsis.

    An English word is never split unless it is the first word and longer than the room (then it is cut and
    the ellipsis shows it); Chinese, which has no spaces, is cut between characters.
    """
    text = " ".join(text.split())
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return ELLIPSIS[:width]
    room = width - cell_len(ELLIPSIS)
    kept, used = [], 0
    for character in text:
        used += cell_len(character)
        if used > room:
            break
        kept.append(character)
    head = "".join(kept)
    following = text[len(head)] if len(head) < len(text) else ""
    if head and following and _is_word_character(head[-1]) and _is_word_character(following):
        boundary = max(head.rfind(" "), head.rfind("-"), head.rfind("/"))
        if boundary > 0:  # back to the end of the last whole word
            head = head[: boundary + 1] if head[boundary] != " " else head[:boundary]
    return head.rstrip(" ,;:(") + ELLIPSIS


@dataclass(frozen=True)
class ChecklistRow:
    """What one line of the list shows for an item."""

    status: str  # todo, in progress, done, not applicable, to confirm
    severity: str
    provision: str  # DSL Art. 27(1)
    obligation: str
    owner: str
    due: str
    provision_id: str = ""  # dsl:27.1: shown when the English citation does not fit its column


@dataclass(frozen=True)
class Columns:
    """Cell widths of the columns for a list `width` cells wide (0: the column is not shown)."""

    status: int
    provision: int
    obligation: int

    @classmethod
    def for_width(cls, width: int) -> Columns:
        """Fixed columns first; the obligation takes the rest, and the status word only where there is room."""
        status = STATUS_CELLS if width >= STATUS_FROM else 0
        # marker, then each column and the space after it (the due date ends the line)
        fixed = 4 + (status + 1 if status else 0) + SEVERITY_CELLS + 1 + OWNER_CELLS + 1 + DUE_CELLS + 1 + 1
        spare = width - fixed - PROVISION_CELLS
        provision = PROVISION_CELLS
        if spare < MIN_OBLIGATION_CELLS:
            provision = max(MIN_PROVISION_CELLS, PROVISION_CELLS - (MIN_OBLIGATION_CELLS - spare))
        return cls(status, provision, max(4, width - fixed - provision))


def _cells(text: str, width: int) -> str:
    return pad_cells(fit_words(text, width), width)


def header_row(width: int) -> Text:
    """Column titles, aligned with `item_row` for the same width."""
    columns = Columns.for_width(width)
    parts = ["    "]
    if columns.status:
        parts.append(_cells("Status", columns.status) + " ")
    parts += [
        _cells("Sev.", SEVERITY_CELLS) + " ",
        _cells("Provision", columns.provision) + " ",
        _cells("Obligation", columns.obligation) + " ",
        _cells("Owner", OWNER_CELLS) + " ",
        "Due",
    ]
    return Text("".join(parts), style="bold")


def item_row(row: ChecklistRow, width: int) -> Text:
    """One item on one line of `width` cells: marker, [status,] severity, provision, obligation, owner, due."""
    columns = Columns.for_width(width)
    line = Text(f"[{MARKERS.get(row.status, ' ')}] ")
    if columns.status:
        line.append(_cells(row.status, columns.status) + " ", style="dim")
    line.append(_cells(row.severity, SEVERITY_CELLS) + " ", style="bold" if row.severity == "high" else "")
    provision = row.provision
    if cell_len(provision) > columns.provision and row.provision_id:
        provision = row.provision_id  # "shenzhen:82.1" says more in 16 cells than "Shenzhen Data…"
    line.append(_cells(provision, columns.provision) + " ", style="cyan")
    line.append(_cells(row.obligation, columns.obligation) + " ")
    line.append(_cells(row.owner or "—", OWNER_CELLS) + " ", style="" if row.owner else "dim")
    line.append(_cells(row.due or "—", DUE_CELLS), style="" if row.due else "dim")
    return line
