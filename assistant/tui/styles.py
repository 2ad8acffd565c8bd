"""Rich styles shared by the results list and the reader: highlights, links and text-status badges."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

HIGHLIGHT = Style(bold=True, color="black", bgcolor="yellow")
LINK = Style(underline=True, color="cyan")
SELECTED_LINK = Style(bold=True, reverse=True, color="cyan")
OTHER_LAW = Style(color="magenta")  # not italic: terminals draw italic Chinese badly
DIM = Style(dim=True)

# Anything short of cross-checked carries a badge; unverified wording must be impossible to miss.
_BADGES = {
    "partly-cross-checked": ("partly cross-checked", Style(color="black", bgcolor="yellow")),
    "single-copy": ("single copy", Style(color="black", bgcolor="yellow")),
    "unverified": ("⚠ UNVERIFIED", Style(bold=True, color="white", bgcolor="red")),
}


def status_badge(status: str) -> Text:
    """A short coloured badge for a text status; empty for cross-checked text."""
    if status == "cross-checked":
        return Text("")
    label, style = _BADGES.get(status, (status, Style(color="black", bgcolor="yellow")))
    return Text(f" {label} ", style=style)


def click_action(action: str) -> Style:
    """A style that runs `action` on the widget when clicked (Textual reads `@click` from the style meta)."""
    return Style.from_meta({"@click": action})
