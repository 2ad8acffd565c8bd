"""Keys as data: each screen's table of `KeyAction`s drives its bindings, the help screen and the command palette."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType

# Where a key works, when it is narrower than the general rule below.
IN_READER = "in the reader"
IN_BOOKMARKS = "in the bookmarks list"
IN_SEARCH_BOX = "in the search box"

_KEY_NAMES = {
    "slash": "/",
    "question_mark": "?",
    "escape": "Esc",
    "enter": "Enter",
    "delete": "Del",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "alt+left": "Alt+←",
    "alt+right": "Alt+→",
    "down": "↓",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "ctrl+p": "Ctrl+P",
    "ctrl+q": "Ctrl+Q",
    "plus": "+",
}


# A screen that shows provisions over the reader (a whole chapter, two provisions side by side): close it, or
# change its language as the reader's key does.
OVER_READER_BINDINGS: tuple[BindingType, ...] = (
    Binding("escape,q", "close", "Close"),
    Binding("f2,l", "cycle_language", "Lang"),
)


@dataclass(frozen=True)
class KeyAction:
    """A key (or keys, comma-separated as in a Binding), the action it runs and how to describe it."""

    keys: str
    action: str
    label: str  # short: the footer and the command palette title
    help: str  # one sentence: the help screen and the palette's second line
    scope: str = ""  # "" follows KEY_RULE
    footer: bool = False
    palette: bool = True
    bind: bool = True  # False: a key the widget already has (Enter in a list), listed for the help screen only
    short: str = ""  # the footer's word when `label` is too long for 80 columns

    @property
    def display(self) -> str:
        """The keys as a person types them: `F1, ?`."""
        return ", ".join(key_name(key) for key in self.keys.split(","))


def key_name(key: str) -> str:
    """A Textual key name as printed on the keyboard."""
    if key in _KEY_NAMES:
        return _KEY_NAMES[key]
    if key.startswith("f") and key[1:].isdigit():
        return key.upper()
    return key


def bindings(actions: tuple[KeyAction, ...]) -> list[BindingType]:
    """Textual bindings; only the first key of each action goes in the footer, to keep it short."""
    result: list[BindingType] = []
    for action in actions:
        if not action.bind:
            continue
        first, *others = action.keys.split(",")
        result.append(Binding(first, action.action, action.short or action.label, show=action.footer))
        result.extend(Binding(key, action.action, action.label, show=False) for key in others)
    return result


KEY_RULE = (
    "Letters, digits and punctuation work outside the search box (in it, they are typed); "
    "F-keys, Alt+ and Ctrl+ keys work everywhere."
)

APP_KEYS: tuple[KeyAction, ...] = (
    KeyAction("f1,question_mark", "app.help", "Help", "Show this list of keys (? outside the search box)", footer=True),
    KeyAction("ctrl+p", "app.command_palette", "Commands", "Search every command by name", palette=False, bind=False),
    KeyAction("ctrl+q", "app.quit", "Quit", "Leave the app", palette=False, bind=False),
    KeyAction("f5", "app.switch_mode('search')", "Search", "The search & read screen", footer=True, palette=False),
    KeyAction("f6", "app.switch_mode('ask')", "Ask", "Ask an obligation question", footer=True, palette=False),
    KeyAction(
        "f7", "app.switch_mode('checklist')", "Checklist", "The guided compliance checklist", footer=True, palette=False
    ),
    KeyAction(
        "tab,shift+tab",
        "app.focus_next",
        "Next pane",
        "Move between the search box, lists and reader",
        palette=False,
        bind=False,
    ),
)

SEARCH_KEYS: tuple[KeyAction, ...] = (
    KeyAction("slash,escape", "focus_search", "Search box", "Put the cursor in the search box"),
    KeyAction(
        "f2,l",
        "cycle_language",
        "Language",
        "Reader language: Chinese, English (unofficial), both side by side",
        footer=True,
        short="Lang",
    ),
    KeyAction("alt+left,b", "back", "Back", "Back to the article shown before"),
    KeyAction("alt+right,f", "forward", "Forward", "Forward again after going back"),
    KeyAction("right_square_bracket", "next_article", "Next article", "The next article of the same instrument"),
    KeyAction(
        "left_square_bracket", "previous_article", "Previous article", "The previous article of the same instrument"
    ),
    KeyAction(
        "c",
        "copy_citation",
        "Copy citation",
        "Copy the citation at the level you are reading (第二十七条第二款 / Art. 27(2)), Chinese and English",
        footer=True,
        short="Copy",
    ),
    KeyAction("C", "copy_text", "Copy text", "Copy the provision's text in the reader's language (zh, en or both)"),
    KeyAction("k", "compare", "Compare", "Compare the open article with another provision, side by side"),
    KeyAction(
        "m",
        "toggle_bookmark",
        "Bookmark",
        "Bookmark the article (again to remove); kept across restarts",
        footer=True,
        short="Mark",
    ),
    KeyAction("r", "show_tab('results')", "Results", "Show the search results"),
    KeyAction(
        "f3,t",
        "show_tab('contents')",
        "Contents",
        "Show the table of contents of every instrument",
        footer=True,
        short="TOC",
    ),
    KeyAction("f4,M", "show_tab('bookmarks')", "Bookmarks", "Show your bookmarks", footer=True, short="Marks"),
    KeyAction("0", "filter_law('')", "All laws", "Search every instrument"),
    KeyAction("plus", "more_results", "More results", "List up to 200 results instead of the best 30"),
    KeyAction(
        "g", "go_to_chapter", "Go to chapter", "Type part of a chapter's (or a law's) name: read it as continuous text"
    ),
    KeyAction(
        "f8,G",
        "filter_chapter",
        "Chapter filter",
        "Limit the search to a chapter or a section (第四章 第二节): type part of its name, pick it (F8 again lifts it)",
    ),
    KeyAction("z", "toggle_zoom", "Zoom reader", "Give the reader the whole width (again to restore)"),
    KeyAction(
        "R",
        "toggle_related",
        "Related panel",
        "Show or hide the related provisions beside the reader (shown by itself when there is room)",
    ),
)

SEARCH_BOX_KEYS: tuple[KeyAction, ...] = (
    KeyAction(
        "up",
        "screen.history_previous",
        "Earlier search",
        "Back through your past searches (kept across restarts)",
        IN_SEARCH_BOX,
        palette=False,
    ),
    KeyAction("down", "screen.focus_results", "To results", "Move into the results", IN_SEARCH_BOX, palette=False),
    KeyAction(
        "enter", "screen.open_highlighted", "Open result", "Open the highlighted result", IN_SEARCH_BOX, palette=False
    ),
)
# Digits 1-9 pick one instrument each; the screen binds them and names the laws at run time.
LAW_DIGITS = tuple(str(n) for n in range(1, 10))

READER_KEYS: tuple[KeyAction, ...] = (
    KeyAction("n", "next_link", "Next link", "Select the next cross-reference or penalty link", IN_READER),
    KeyAction("p", "previous_link", "Previous link", "Select the previous link", IN_READER),
    KeyAction("enter", "follow_selected", "Follow link", "Open the selected link (a click works too)", IN_READER),
)

BOOKMARK_KEYS: tuple[KeyAction, ...] = (
    KeyAction(
        "enter",
        "select",
        "Open",
        "Open the highlighted result, article or bookmark",
        "in a list",
        palette=False,
        bind=False,
    ),
    KeyAction(
        "x,delete", "remove_bookmark", "Remove bookmark", "Remove the highlighted bookmark", IN_BOOKMARKS, palette=False
    ),
)
