"""The Checklist screen: one question per step, a review to change answers, then the obligations to track and export."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import ContentSwitcher, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from assistant.checklist.conditions import NOT_SURE
from assistant.checklist.engine import ITEM_STATUSES, ChecklistResult
from assistant.checklist.model import Checklist, Question
from assistant.checklist.sessions import ChecklistSession, SessionError, SessionStore, StaleSessionError
from assistant.errors import DlaError
from assistant.status_labels import status_warning
from assistant.tui.checklist_rows import ChecklistRow
from assistant.tui.keys import KeyAction, bindings
from assistant.tui.screens.base import DlaScreen
from assistant.tui.widgets.checklist_items import ChecklistItems
from assistant.tui.widgets.option_list import FKeyHoldingOptionList, FKeyHoldingScroll

DEFAULT_SESSION = "default"
CHECKLIST_KEYS: tuple[KeyAction, ...] = (
    KeyAction("y", "answer_yes", "Yes", "Answer yes to the question shown", footer=True),
    KeyAction("n", "answer_no", "No", "Answer no to the question shown", footer=True),
    KeyAction(
        "u",
        "answer_not_sure",
        "Not sure",
        "Answer not sure: what turns on it is listed to confirm",
        footer=True,
        short="Unsure",
    ),
    KeyAction(
        "1", "answer_option(1)", "Option", "Pick an option of a choice question (1-9)", palette=False, bind=False
    ),
    KeyAction("h", "toggle_help", "Help text", "Show or hide the question's help text"),
    KeyAction("a", "show_cited", "Cited articles", "Show the articles the question rests on"),
    KeyAction("left,b", "previous_question", "Back", "Back to the previous question (answers are kept)", footer=True),
    # Review stays off the footer (F1 and the palette list it) so that 80 columns keep F5-F7.
    KeyAction("v", "review", "Review", "All answers so far; Enter on one to change it"),
    KeyAction(
        "g", "show_result", "Checklist", "The obligations that apply to the answers so far", footer=True, short="Items"
    ),
    KeyAction(
        "s", "cycle_status", "Status", "Next status of the selected item: todo, in progress, done, not applicable"
    ),
    KeyAction("o", "edit_owner", "Owner", "Set the selected item's owner"),
    KeyAction("d", "edit_due", "Due date", "Set the selected item's due date (YYYY-MM-DD)"),
    KeyAction("e", "edit_notes", "Notes", "Set the selected item's notes"),
    KeyAction("R", "sign_off", "Sign off", "Record the reviewer's sign-off of the selected item (name, date)"),
    KeyAction("L", "add_evidence", "Evidence", "Add an evidence link or file path to the selected item"),
    KeyAction(
        "x", "export", "Export", "Export the checklist to Markdown (same bytes as dla checklist run)", footer=True
    ),
    KeyAction("S", "switch_session", "Session", "Resume a saved session or start one by name"),
)
# Digits pick options of a choice question; the help screen lists them once, as "1".
DIGIT_KEYS: tuple[KeyAction, ...] = tuple(
    KeyAction(str(n), f"answer_option({n})", f"Option {n}", f"Pick option {n}", palette=False) for n in range(1, 10)
)


class TextDialog(ModalScreen[str | None]):
    """Asks for one line of text; Enter confirms, Escape cancels."""

    DEFAULT_CSS = """
    TextDialog { align: center middle; }
    TextDialog > Vertical, TextDialog #dialog { width: 70; height: auto; border: thick $primary; padding: 1 2; background: $surface; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, prompt: str, value: str = "") -> None:
        super().__init__()
        self.prompt, self.value = prompt, value

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog"):
            yield Label(self.prompt, markup=False)
            yield Input(value=self.value, id="dialog-input")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if self.is_current:  # a second Enter before the dialog has closed must not dismiss it twice
            self.dismiss(event.value)

    def action_cancel(self) -> None:
        if self.is_current:
            self.dismiss(None)


class ChecklistScreen(DlaScreen):
    """Runs the built-in questionnaire as a saved session."""

    DEFAULT_CSS = """
    ChecklistScreen #checklist-status { height: 1; padding: 0 1; color: $text-muted; }
    ChecklistScreen #question-view, ChecklistScreen #review-view { padding: 1 2; }
    ChecklistScreen #result-view { height: 1fr; }
    ChecklistScreen #item-table { width: 3fr; }
    ChecklistScreen #item-detail { width: 2fr; padding: 0 1; border-left: solid $primary; }
    ChecklistScreen ContentSwitcher { height: 1fr; }
    /* Narrow terminals (80x24): the item table takes the whole width, the selected item's text goes below. */
    ChecklistScreen.-narrow #result-view { layout: vertical; }
    ChecklistScreen.-narrow #item-table { width: 1fr; height: 3fr; }
    ChecklistScreen.-narrow #item-detail { width: 1fr; height: 2fr; border-left: none; border-top: solid $primary; }
    """
    NARROW = 120  # below this width the table and the item's text are stacked, not side by side
    BINDINGS = bindings(CHECKLIST_KEYS + DIGIT_KEYS)

    def __init__(self) -> None:
        super().__init__()
        self.checklist: Checklist | None = None
        self.session: ChecklistSession | None = None
        self.store: SessionStore | None = None
        self.current: Question | None = None
        self.result: ChecklistResult | None = None
        self.show_help = True  # issue 15: help is where the question is, shown by default
        self.show_cites = False

    def compose_body(self) -> ComposeResult:
        yield Static("Loading the checklist…", id="checklist-status", markup=False)
        with ContentSwitcher(initial="question-view"):
            with FKeyHoldingScroll(id="question-view"):
                yield Static("", id="question-text", markup=False)
            with VerticalScroll(id="review-view"):
                yield FKeyHoldingOptionList(id="review")
            with Horizontal(id="result-view"):
                yield ChecklistItems(id="item-table")
                with FKeyHoldingScroll(id="item-detail"):
                    yield Static("", id="item-text", markup=False)

    def on_mount(self) -> None:
        self.load()

    def on_resize(self) -> None:
        """Stack the item table over the item's text when the screen is narrow."""
        self.set_class(self.size.width < self.NARROW, "-narrow")

    @work(thread=True, exclusive=True, group="checklist", exit_on_error=False)
    def load(self, session_name: str = DEFAULT_SESSION) -> None:
        """Read the questionnaire (validated against the corpus) and the saved session, off the UI thread."""
        try:
            checklist = self.dla.service.checklist()
            store = self.dla.service.session_store()
            session = (
                store.load(session_name)
                if session_name in store.list()
                else ChecklistSession(session_name, checklist.id, checklist.version)
            )
        except (KeyError, SessionError, OSError, ValueError) as exc:
            self.app.call_from_thread(self.notify, f"Checklist: {exc}", severity="error", timeout=15)
            return
        self.app.call_from_thread(self._loaded, checklist, store, session)

    def _loaded(self, checklist: Checklist, store: SessionStore, session: ChecklistSession) -> None:
        self.checklist, self.store, self.session = checklist, store, session
        pending = self._pending()
        if pending:
            self._ask(pending[0])
        else:
            self.action_show_result()

    # -- state ---------------------------------------------------------------------------------

    def visible_questions(self) -> list[Question]:
        """The core's one visibility rule (the CLI and the exports use the same)."""
        assert self.checklist is not None and self.session is not None
        return self.checklist.visible_questions(self.session.answers)

    def _pending(self) -> list[Question]:
        assert self.checklist is not None and self.session is not None
        return self.checklist.pending_questions(self.session.answers)

    def _save(self) -> None:
        assert self.store is not None and self.session is not None
        try:
            self.store.save(self.session)  # merged with changes saved meanwhile (e.g. by `dla checklist track`)
        except StaleSessionError as exc:  # the same field changed elsewhere: nothing written; show what is saved
            self.session = self.store.reload(self.session)
            self.notify(f"{exc.user_message()}. Reloaded the saved session.", severity="warning")
        except (OSError, DlaError) as exc:
            self.notify(f"Could not save the session: {exc}", severity="error")

    def _status(self) -> None:
        if self.checklist is None or self.session is None:
            return
        visible = self.visible_questions()
        answered = sum(1 for q in visible if q.id in self.session.answers)
        self.query_one("#checklist-status", Static).update(
            f"{self.checklist.title_en} · session '{self.session.name}' · {answered} of {len(visible)} shown questions answered"
        )

    # -- questions -------------------------------------------------------------------------------

    def _ask(self, question: Question) -> None:
        self.current = question
        self.query_one(ContentSwitcher).current = "question-view"
        self._render_question()
        self._status()

    def _render_question(self) -> None:
        question = self.current
        if question is None or self.session is None:
            return
        visible = self.visible_questions()
        number = next((i for i, q in enumerate(visible, start=1) if q.id == question.id), 0)
        text = Text()
        text.append(f"Question {number} of {len(visible)}\n\n", style="dim")
        text.append(f"{question.text_en}\n", style="bold")
        text.append(f"{question.text_zh}\n\n")
        if question.type == "yes_no":
            text.append("y = yes   n = no   u = not sure\n", style="bold")
        else:
            for index, option in enumerate(question.options, start=1):
                text.append(f"{index}. {option.label_en} / {option.label_zh}\n", style="bold")
            text.append("u = not sure\n", style="bold")
        if question.id in self.session.answers:
            text.append(
                f"\nCurrent answer: {self._label(question, self.session.answers[question.id])}\n", style="green"
            )
        text.append("\nh hide/show help · a cited articles · b back · v review · g checklist\n", style="dim")
        if self.show_help:
            text.append(f"\n{question.help_en}\n{question.help_zh}\n")
        if self.show_cites:
            corpus = self.dla.service.corpus
            for citation in question.cites:
                text.append(f"\n{corpus.cite_zh(citation)} / {corpus.cite_en(citation)}\n", style="bold")
                text.append(f"{corpus.text_of(citation, 'zh')}\n")
        self.query_one("#question-text", Static).update(text)

    @staticmethod
    def _label(question: Question, value: Any) -> str:
        if value == NOT_SURE:
            return "not sure"
        if question.type == "yes_no":
            return "yes" if value else "no"
        return next((f"{o.label_en} / {o.label_zh}" for o in question.options if o.value == value), str(value))

    def _answer(self, value: Any) -> None:
        if self.current is None or self.session is None:
            return
        if not self.current.accepts(value):
            self.notify("That is not an answer to this question.", severity="warning")
            return
        self.session.answer(self.current.id, value)
        self._save()
        visible = self.visible_questions()
        position = next((i for i, q in enumerate(visible) if q.id == self.current.id), -1)
        following = [q for q in visible[position + 1 :] if q.id not in self.session.answers]
        if following:
            self._ask(following[0])
        elif self._pending():
            self._ask(self._pending()[0])
        else:
            self.action_show_result()

    def _on_question(self) -> bool:
        return self.query_one(ContentSwitcher).current == "question-view" and self.current is not None

    def action_answer_yes(self) -> None:
        if self._on_question():
            self._answer(True)

    def action_answer_no(self) -> None:
        if self._on_question():
            self._answer(False)

    def action_answer_not_sure(self) -> None:
        if self._on_question():
            self._answer(NOT_SURE)

    def action_answer_option(self, number: int) -> None:
        current = self.current
        if (
            self._on_question()
            and current is not None
            and current.type == "choice"
            and 1 <= number <= len(current.options)
        ):
            self._answer(current.options[number - 1].value)

    def action_toggle_help(self) -> None:
        self.show_help = not self.show_help
        self._render_question()

    def action_show_cited(self) -> None:
        self.show_cites = not self.show_cites
        self._render_question()

    def action_previous_question(self) -> None:
        if self.current is None:
            return
        visible = self.visible_questions()
        position = next((i for i, q in enumerate(visible) if q.id == self.current.id), len(visible))
        if self.query_one(ContentSwitcher).current != "question-view":
            position = len(visible)
        if position > 0:
            self._ask(visible[position - 1])

    # -- review ----------------------------------------------------------------------------------

    def action_review(self) -> None:
        if self.session is None:
            return
        review = self.query_one("#review", OptionList)
        review.clear_options()
        for question in self.visible_questions():
            answer = (
                self._label(question, self.session.answers[question.id])
                if question.id in self.session.answers
                else "— (not answered: no; a choice: not sure)"
            )
            review.add_option(Option(Text.assemble((f"{answer:<12}", "bold"), f" {question.text_en}"), id=question.id))
        self.query_one(ContentSwitcher).current = "review-view"
        review.focus()

    @on(OptionList.OptionSelected, "#review")
    def _review_chosen(self, event: OptionList.OptionSelected) -> None:
        question = self.checklist.question(event.option.id or "") if self.checklist else None
        if question is not None:
            self._ask(question)

    # -- result ----------------------------------------------------------------------------------

    def action_show_result(self) -> None:
        if self.checklist is None or self.session is None:
            return
        try:
            self.result = self.dla.service.run_checklist(self.checklist, self.session.answers, self.session.tracking)
        except Exception as exc:
            self.notify(f"Could not build the checklist: {exc}", severity="error")
            return
        items = self.query_one("#items", OptionList)
        highlighted = items.highlighted
        self.query_one(ChecklistItems).show_rows(
            [
                (
                    item.finding.id,
                    ChecklistRow(
                        status="to confirm" if item.to_confirm else item.tracking.status,
                        severity=item.finding.severity,
                        provision=item.quotes[0].citation_en,
                        provision_id=item.quotes[0].citation,
                        obligation=item.finding.obligation_en,
                        owner=item.tracking.owner or "",
                        due=item.tracking.due or "",
                    ),
                )
                for item in self.listed_items()
            ]
        )
        self.query_one(ContentSwitcher).current = "result-view"
        self._status()
        if self.listed_items():
            items.highlighted = min(highlighted or 0, len(self.listed_items()) - 1)
            items.focus()
        else:
            self.query_one("#item-text", Static).update(
                "No obligation in these instruments applies to the answers given."
            )

    def listed_items(self) -> list[Any]:
        """Items as the export orders them: by severity, then those to confirm."""
        if self.result is None:
            return []
        return [*self.result.by_severity(), *self.result.to_confirm]

    def _selected_item(self) -> Any:
        if self.result is None or self.query_one(ContentSwitcher).current != "result-view":
            return None
        items = self.query_one("#items", OptionList)
        listed = self.listed_items()
        if items.highlighted is None or items.highlighted >= len(listed):
            return None
        return listed[items.highlighted]

    @on(OptionList.OptionHighlighted, "#items")
    def _item_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        item = self._selected_item()
        if item is None:
            return
        text = Text()
        text.append(f"{item.finding.obligation_en}\n{item.finding.obligation_zh}\n\n", style="bold")
        text.append(
            f"{item.finding.actor_en} ({item.finding.actor_zh}) · {item.finding.modality} · severity {item.finding.severity}\n"
        )
        tracking = item.tracking
        today = datetime.date.today().isoformat()
        status = "to confirm" if item.to_confirm else tracking.status
        text.append(
            f"Status {status} · risk {item.risk(today)} · owner {tracking.owner or '—'} · due {tracking.due or '—'}\n"
        )
        if item.settle_by:
            text.append("To settle, answer: " + "; ".join(q.text_en for q in item.settle_by) + "\n", style="yellow")
        if tracking.reviewer or tracking.reviewed:
            text.append(f"Reviewed by {tracking.reviewer or '—'} on {tracking.reviewed or '—'}\n")
        if tracking.evidence:
            text.append("Evidence: " + "; ".join(tracking.evidence) + "\n")
        if tracking.notes:
            text.append(f"Notes: {tracking.notes}\n")
        if item.penalties:
            text.append("Penalties: " + "; ".join(f"{zh} / {en}" for _, zh, en in item.penalties) + "\n")
        for quote in item.quotes:
            text.append(f"\n{quote.citation_zh} / {quote.citation_en}\n", style="bold")
            warning = status_warning(quote.text_status, quote.status_note)
            if warning:
                text.append(f"⚠ {warning}\n", style="bold yellow")
            text.append(f"{quote.text_zh}\n")
            if quote.text_en:
                text.append("English (unofficial translation)\n", style="dim")
                text.append(f"{quote.text_en}\n")
        self.query_one("#item-text", Static).update(text)

    def _track(self, **changes: Any) -> None:
        item = self._selected_item()
        if item is None or self.session is None:
            self.notify("Select an item of the checklist first (g).", severity="warning")
            return
        try:
            self.session.track(item.finding.id, **changes)
        except SessionError as exc:
            self.notify(str(exc), severity="error")
            return
        self._save()
        self.action_show_result()

    def action_cycle_status(self) -> None:
        item = self._selected_item()
        if item is not None:
            following = ITEM_STATUSES[(ITEM_STATUSES.index(item.tracking.status) + 1) % len(ITEM_STATUSES)]
            self._track(status=following)

    def _edit(self, field: str, prompt: str) -> None:
        item = self._selected_item()
        if item is None:
            self.notify("Select an item of the checklist first (g).", severity="warning")
            return

        def done(value: str | None) -> None:
            if value is not None:
                self._track(**{field: value})

        self.app.push_screen(TextDialog(prompt, getattr(item.tracking, field)), done)

    def action_edit_owner(self) -> None:
        self._edit("owner", "Owner of this item")

    def action_edit_due(self) -> None:
        self._edit("due", "Due date (YYYY-MM-DD, empty for none)")

    def action_edit_notes(self) -> None:
        self._edit("notes", "Notes (plain text; exported safely)")

    def action_sign_off(self) -> None:
        item = self._selected_item()
        if item is None:
            self.notify("Select an item of the checklist first (g).", severity="warning")
            return

        def done(value: str | None) -> None:
            if value is None:
                return
            name, _, date = value.partition(",")
            self._track(reviewer=name.strip(), reviewed=date.strip() or datetime.date.today().isoformat())

        self.app.push_screen(TextDialog("Reviewer sign-off: name, date (YYYY-MM-DD; empty date = today)"), done)

    def action_add_evidence(self) -> None:
        item = self._selected_item()
        if item is None:
            self.notify("Select an item of the checklist first (g).", severity="warning")
            return

        def done(value: str | None) -> None:
            if value and value.strip():
                self._track_evidence(value.strip())

        self.app.push_screen(TextDialog("Evidence link or file path"), done)

    def _track_evidence(self, link: str) -> None:
        item = self._selected_item()
        if item is None or self.session is None:
            return
        self.session.track(item.finding.id, evidence=[link])
        self._save()
        self.action_show_result()

    def action_export(self) -> None:
        if self.checklist is None or self.session is None:
            return

        def chosen(path: str | None) -> None:
            if not path:
                return
            try:
                target = Path(path).expanduser()
            except RuntimeError:  # ~nosuchuser: no such home directory
                self.notify(
                    f"Cannot write {path}: no such user's home directory. Nothing was written.", severity="error"
                )
                return
            self.export_to(target)

        self.app.push_screen(
            TextDialog("Export the checklist to (Markdown file path)", f"{self.session.name}-checklist.md"), chosen
        )

    def export_to(self, path: Path) -> None:
        """Write the Markdown export atomically; an unwritable path is a notification and nothing is lost."""
        assert self.checklist is not None and self.session is not None
        try:
            result = self.dla.service.run_checklist(self.checklist, self.session.answers, self.session.tracking)
            self.dla.service.export_checklist(result, path, "md", datetime.date.today().isoformat())
        except OSError as exc:
            self.notify(
                f"Cannot write {path}: {exc.strerror or exc}. Nothing was written.", severity="error", timeout=10
            )
            return
        self.notify(f"Exported {len(result.items)} obligations ({len(result.to_confirm)} to confirm) to {path}")

    def action_switch_session(self) -> None:
        def chosen(name: str | None) -> None:
            if name:
                self.load(name.strip())

        saved = ", ".join(self.store.list()) if self.store else ""
        self.app.push_screen(
            TextDialog(f"Session name (saved: {saved or 'none'})", self.session.name if self.session else ""), chosen
        )

    def help_sections(self) -> list[tuple[str, tuple[KeyAction, ...]]]:
        return [("Checklist", CHECKLIST_KEYS)]

    def palette_commands(self) -> Iterator[SystemCommand]:
        for key in CHECKLIST_KEYS:
            if key.palette:
                yield SystemCommand(
                    f"Checklist: {key.label}",
                    key.help,
                    lambda action=key.action: self.call_later(self.run_action, action),
                )
