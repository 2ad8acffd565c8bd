"""The Ask screen: a question in, obligations out, grouped by actor, each citing and quoting its article."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.containers import Horizontal
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from assistant.modality import MODALITY_BADGES
from assistant.status_labels import status_warning
from assistant.tui.keys import KeyAction, bindings
from assistant.tui.screens.base import DlaScreen
from assistant.tui.type_ahead import HoldingInput
from assistant.tui.widgets.option_list import FKeyHoldingOptionList, FKeyHoldingScroll

NOTHING_FOUND = (
    "No obligation answers that question. Try naming who must act (数据处理者, blockchain service provider), "
    "a duty word (备案, 报告, security assessment, 实名), or search the text itself on the Search screen (F5)."
)
ASK_KEYS: tuple[KeyAction, ...] = (
    KeyAction("slash,escape", "focus_question", "Question box", "Put the cursor in the question box"),
    KeyAction(
        "o", "open_selected", "Open article", "Open the selected obligation's article in the reader", footer=True
    ),
)


class AskScreen(DlaScreen):
    """Ask what must be done; the answer is extracted obligations, never invented text."""

    DEFAULT_CSS = """
    AskScreen #ask-body { height: 1fr; }
    AskScreen #answers { width: 1fr; min-width: 30; }
    AskScreen #obligation { width: 1fr; padding: 0 1; border-left: solid $primary; }
    AskScreen #ask-status { height: 1; color: $text-muted; padding: 0 1; }
    """
    BINDINGS = bindings(ASK_KEYS)

    def __init__(self) -> None:
        super().__init__()
        self.obligations: dict[str, dict[str, Any]] = {}
        self.current_question = ""

    def compose_body(self) -> ComposeResult:
        yield HoldingInput(
            placeholder="Ask: what must a blockchain service provider do about user identity? / 数据处理者应当…",
            id="question",
        )
        yield Static("Type a question and press Enter.", id="ask-status", markup=False)
        with Horizontal(id="ask-body"):
            yield FKeyHoldingOptionList(id="answers")
            with FKeyHoldingScroll(id="obligation"):
                yield Static("", id="obligation-text", markup=False)

    def on_mount(self) -> None:
        self.query_one("#question", Input).focus()

    @on(Input.Submitted, "#question")
    def _asked(self, event: Input.Submitted) -> None:
        question = event.value.strip()
        if not question:
            return
        self.current_question = question
        self.query_one("#ask-status", Static).update("Looking for obligations…")
        self.answer(question)

    @work(thread=True, exclusive=True, group="ask", exit_on_error=False)
    def answer(self, question: str) -> None:
        """Retrieve and rank obligations off the UI thread; a stale answer is dropped."""
        try:
            answer = self.dla.service.ask(question)
        except Exception as exc:
            self.app.call_from_thread(self.notify, f"Could not answer: {exc}", severity="error")
            return
        if question == self.current_question:
            self.app.call_from_thread(self._show, answer.to_dict(), answer.grouped())

    def _show(self, data: dict[str, Any], grouped: list[tuple[str, list[dict[str, Any]]]]) -> None:
        answers = self.query_one("#answers", OptionList)
        answers.clear_options()
        self.obligations.clear()
        for actor, obligations in grouped:
            answers.add_option(Option(Text(f"{actor} · {obligations[0]['actor_en']}", style="bold"), disabled=True))
            for index, obligation in enumerate(obligations):
                key = f"{obligation['id']}|{obligation['actor']}|{obligation['modality']}|{index}"
                self.obligations[key] = obligation
                label = Text.assemble(
                    (
                        f" {MODALITY_BADGES[obligation['modality']]:<8}",
                        "bold red" if obligation["modality"] == "must_not" else "bold",
                    ),
                    f" {obligation['citation_en']}  ",
                    (obligation["text_zh"][:60], "dim"),
                )
                answers.add_option(Option(label, id=key))
        notes = "; ".join(data["messages"])
        count = len(self.obligations)
        self.query_one("#ask-status", Static).update(
            f"{count} obligation(s) from {len(data['articles'])} article(s)" + (f" — {notes}" if notes else "")
        )
        if count:
            answers.highlighted = 1
            answers.focus()
        else:
            self.query_one("#obligation-text", Static).update(Text(NOTHING_FOUND))

    @on(OptionList.OptionHighlighted, "#answers")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        obligation = self.obligations.get(event.option.id or "")
        if obligation is not None:
            provision = self.dla.service.corpus.text_of(obligation["id"], "zh") if self.dla.reading else None
            self.query_one("#obligation-text", Static).update(obligation_detail(obligation, provision))

    @on(OptionList.OptionSelected, "#answers")
    async def _selected(self, event: OptionList.OptionSelected) -> None:
        await self.open_in_reader(event.option.id or "")

    async def open_in_reader(self, key: str) -> None:
        """Switch to the reader and open the obligation's provision."""
        obligation = self.obligations.get(key)
        if obligation is None:
            return
        await self.dla.open_in_reader(obligation["id"])

    def action_focus_question(self) -> None:
        self.query_one("#question", Input).focus()

    async def action_open_selected(self) -> None:
        answers = self.query_one("#answers", OptionList)
        if answers.highlighted is not None:
            await self.open_in_reader(answers.get_option_at_index(answers.highlighted).id or "")

    def help_sections(self) -> list[tuple[str, tuple[KeyAction, ...]]]:
        return [("Ask", ASK_KEYS)]

    def palette_commands(self) -> Iterator[SystemCommand]:
        yield SystemCommand("Ask: question box", "Put the cursor in the question box", self.action_focus_question)
        yield SystemCommand("Ask: open article", "Open the selected obligation's article", self.action_open_selected)


def obligation_detail(obligation: dict[str, Any], provision_zh: str | None = None) -> Text:
    """The full obligation: citation, verbatim Chinese, unofficial English, conditions, limits, penalties;
    then the whole provision it comes from (`provision_zh`), the duty's clause highlighted in it, so the
    clause is never read cut short."""
    text = Text()
    text.append(f"{obligation['citation_zh']}\n", style="bold")
    text.append(f"{obligation['citation_en']}\n\n", style="bold")
    text.append(f"{obligation['actor']} ({obligation['actor_en']}) — {MODALITY_BADGES[obligation['modality']]}\n\n")
    warning = status_warning(obligation.get("text_status", "cross-checked"))
    if warning:
        text.append(f"⚠ {warning}\n\n", style="bold yellow")
    text.append("中文 (authoritative)\n", style="dim")
    text.append(f"{obligation['text_zh']}\n\n")
    if obligation.get("text_en"):
        text.append("English (unofficial translation)\n", style="dim")
        text.append(f"{obligation['text_en']}\n\n")
    if obligation.get("condition"):
        text.append(f"When: {obligation['condition']}\n")
    if obligation.get("time_limits"):
        text.append(f"Time limit: {', '.join(obligation['time_limits'])}\n")
    if obligation.get("amounts"):
        text.append(f"Amounts: {', '.join(obligation['amounts'])}\n")
    penalties = obligation.get("penalty_citations") or []
    text.append(
        "Penalties: " + ("; ".join(f"{zh} / {en}" for zh, en in penalties) if penalties else "none linked") + "\n"
    )
    if provision_zh and provision_zh != obligation["text_zh"]:
        text.append("\nThe whole provision (中文)\n", style="dim")
        whole = Text(provision_zh)
        start = provision_zh.find(obligation["text_zh"])
        if start >= 0:
            whole.stylize("bold", start, start + len(obligation["text_zh"]))
        text.append_text(whole)
        text.append("\n")
    return text
