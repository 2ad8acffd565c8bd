"""The not-legal-advice notice shown on every screen."""

from __future__ import annotations

from textual.widgets import Static

from assistant import LEGAL_NOTICE_EN, LEGAL_NOTICE_ZH


def first_sentence(text: str) -> str:
    """The first sentence of a notice (Chinese 。 or English '. '), the whole text when there is one sentence."""
    for stop in ("。", ". "):
        head, found, _ = text.partition(stop)
        if found:
            return head + stop.strip()
    return text


class LegalNotice(Static):
    """One line that is always visible: "legal information, not legal advice", in both languages.

    The full notice (that the English is an unofficial translation) is in the tooltip and the help screen,
    and the reader labels every English text as unofficial, so one line is enough here even at 80x24.
    """

    DEFAULT_CSS = """
    LegalNotice {
        height: 1;
        width: 1fr;
        padding: 0 1;
        background: $warning 20%;
        color: $text;
        text-overflow: ellipsis;
        text-wrap: nowrap;
    }
    """

    def __init__(self) -> None:
        super().__init__(f"⚖ {first_sentence(LEGAL_NOTICE_ZH)} {first_sentence(LEGAL_NOTICE_EN)}", id="notice")
        self.tooltip = f"{LEGAL_NOTICE_ZH}\n{LEGAL_NOTICE_EN}"
