"""An article as reader blocks: heading, status warning, text in one or both languages, links to follow."""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.cells import cell_len
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from assistant.corpus.validity import validity_lines
from assistant.models import Article, ArticleRef, Paragraph
from assistant.numerals import int_to_chinese
from assistant.obligations.crossrefs import CrossReference
from assistant.status_labels import status_warning
from assistant.tui.highlight import Highlighter, no_highlight
from assistant.tui.languages import SIDE_BY_SIDE_MIN_WIDTH, Language
from assistant.tui.linebreak import ChineseText
from assistant.tui.links import Link, LinkSpan, reference_spans
from assistant.tui.reading import ReadingData
from assistant.tui.styles import DIM, HIGHLIGHT, LINK, OTHER_LAW, SELECTED_LINK, click_action, status_badge

COMPACT_HEADER_WIDTH = 60  # below this (80x24), the header keeps citation, validity and chapter on three lines
ZH_LABEL = "中文（正式文本，以此为准）"
EN_LABEL = "English: unofficial translation; the Chinese text is authoritative"
NO_ENGLISH = "(no English translation yet)"


@dataclass(frozen=True)
class ArticleDisplay:
    """Everything the reader shows for one article, gathered from the core by the screen."""

    article: Article
    law_title_zh: str
    law_title_en: str
    citation_zh: str
    citation_en: str
    references: tuple[CrossReference, ...]
    penalties: tuple[Link, ...] = ()
    enforces: tuple[Link, ...] = ()
    highlight: Highlighter = no_highlight
    bookmarked: bool = False
    focus: str | None = None  # a paragraph or item id the reader was sent to
    target_labels: dict[str, str] = field(default_factory=dict)  # citation id -> "Art. 27(2)"
    validity: tuple[str, ...] = ()  # status, level and dates; issuing body and number (from law.yaml)

    @classmethod
    def build(
        cls,
        reading: ReadingData,
        article_id: str,
        *,
        highlight: Highlighter = no_highlight,
        bookmarked: bool = False,
        focus: str | None = None,
    ) -> ArticleDisplay:
        """Look up the article, its citations, references and duty/penalty links (CitationError if unknown)."""
        corpus = reading.corpus
        article = corpus.article(article_id)
        info = corpus.law(article.law).info
        references = tuple(reading.references(article))
        targets = {target for reference in references for target in reference.targets}
        return cls(
            article=article,
            law_title_zh=info.title_zh,
            law_title_en=info.title_en,
            citation_zh=corpus.cite_zh(article.ref),
            citation_en=corpus.cite_en(article.ref),
            references=references,
            penalties=tuple(_provision_link(reading, ref, "penalty") for ref in reading.penalties_for(article.id)),
            enforces=tuple(_provision_link(reading, ref, "enforces") for ref in reading.enforces(article.id)),
            highlight=highlight,
            bookmarked=bookmarked,
            focus=focus,
            target_labels={target: _short_citation(reading, target) for target in targets},
            validity=tuple(validity_lines(info)),
        )


def _short_citation(reading: ReadingData, target: str) -> str:
    """`Art. 27(2)`: links stay inside one instrument, so the law is implied; no-break spaces keep it on one line."""
    ref = ArticleRef.parse(target)
    if not reading.corpus.exists(ref):
        return target  # a reference the corpus cannot resolve: show the id; following it explains why
    short = reading.corpus.law(ref.law).info.short_en
    return reading.corpus.cite_en(ref).removeprefix(short + " ").replace(" ", "\u00a0")


def _provision_link(reading: ReadingData, target: str, kind: str) -> Link:
    """A duty or penalty provision as a link labelled by its short citation."""
    return Link((target,), _short_citation(reading, target), kind)


@dataclass
class Block:
    """One widget's worth of the reader: what to draw, a CSS class, and the links it holds."""

    renderable: RenderableType
    kind: str  # "title" | "status" | "language" | "paragraph" | "links"
    links: list[int] = field(default_factory=list)
    classes: str = ""


@dataclass
class RenderedArticle:
    """The blocks, and every link in reading order (its index is what `follow(i)` and selection use)."""

    blocks: list[Block]
    links: list[Link]

    def block_of_link(self, index: int) -> int | None:
        """The block holding link `index`."""
        return next((position for position, block in enumerate(self.blocks) if index in block.links), None)


class _LinkCounter:
    """Hands out link indices in reading order and styles each link (the selected one stands out)."""

    def __init__(self, selected: int | None) -> None:
        self.selected = selected
        self.links: list[Link] = []

    def add(self, text: Text, start: int, end: int, link: Link, block: Block) -> None:
        index = len(self.links)
        self.links.append(link)
        block.links.append(index)
        style = SELECTED_LINK if index == self.selected else LINK
        text.stylize(style + click_action(f"follow({index})"), start, end)

    def append(self, text: Text, label: str, link: Link, block: Block) -> None:
        start = len(text)
        text.append(label)
        self.add(text, start, len(text), link, block)


def render_article(
    display: ArticleDisplay, language: Language, width: int, selected: int | None = None
) -> RenderedArticle:
    """The reader's blocks for `language` at `width` cells, with link `selected` marked."""
    counter = _LinkCounter(selected)
    article = display.article
    blocks = [Block(_title(display, compact=width < COMPACT_HEADER_WIDTH), "title")]
    warning = status_warning(article.text_status, article.status_note)
    if warning:
        status_text = Text.assemble(status_badge(article.text_status), " ", (warning, "bold"))
        blocks.append(Block(status_text, "status", classes=f"status-{article.text_status}"))
    side_by_side = language == "both" and width >= SIDE_BY_SIDE_MIN_WIDTH
    if language == "en" or (language == "both" and not side_by_side):
        blocks.append(Block(Text(EN_LABEL, style="italic"), "language"))
    spans = reference_spans(list(display.references))
    for paragraph in article.paragraphs:
        blocks.append(_paragraph_block(display, paragraph, language, side_by_side, spans, counter))
    links_block = _links_block(display, counter)
    if links_block is not None:
        blocks.append(links_block)
    return RenderedArticle(blocks, counter.links)


def _paragraph_block(
    display: ArticleDisplay,
    paragraph: Paragraph,
    language: Language,
    side_by_side: bool,
    spans: list[LinkSpan],
    counter: _LinkCounter,
) -> Block:
    """One paragraph (款) with its items, in the chosen language(s)."""
    article = display.article
    block = Block(Text(), "paragraph")
    if display.focus and display.focus.startswith(f"{article.id}.{paragraph.number}"):
        block.classes = "focused"
    pieces = [(f"{article.id}.{paragraph.number}", paragraph.zh, paragraph.en)]
    pieces += [(f"{article.id}.{paragraph.number}.{i.number}", i.zh, i.en) for i in paragraph.items]
    marker = paragraph_label(paragraph.number, language) if len(article.paragraphs) > 1 else None
    # Links are numbered only where they are drawn: the Chinese text holds them unless it is hidden.
    zh_lines: list[RenderableType] = [  # wrapped by the line-breaking rules (禁则), styles kept
        ChineseText(_zh_piece(display, source, zh, spans if language != "en" else [], counter, block))
        for source, zh, _ in pieces
    ]
    en_lines: list[RenderableType] = [_en_piece(display, en) for _, _, en in pieces]
    if language == "zh":
        block.renderable = _grid(marker, [[line] for line in zh_lines])
    elif language == "en":
        see_also = _see_also(display, pieces, spans, counter, block)
        block.renderable = _grid(marker, [[line] for line in en_lines] + ([[see_also]] if see_also else []))
    elif side_by_side:
        labels: list[RenderableType] = [Text(ZH_LABEL, style="bold"), Text(EN_LABEL, style="bold italic")]
        rows: list[list[RenderableType]] = [[zh, en] for zh, en in zip(zh_lines, en_lines, strict=True)]
        block.renderable = _grid(marker, rows, header=[labels] if paragraph.number == 1 else [])
    else:
        # Stacked, the English is set in italics so the two languages cannot be mistaken for one text.
        rows = [[line] for line in zh_lines]
        rows += [[Text.assemble(_en_piece(display, en), style="italic")] for _, _, en in pieces]
        block.renderable = _grid(marker, rows)
    return block


def _links_block(display: ArticleDisplay, counter: _LinkCounter) -> Block | None:
    """The "Penalties: …" line of a duty article, "Enforces: …" of a penalty article; None for neither."""
    block = Block(Text(), "links")
    lines: list[Text] = []
    for title, links in (("Penalties: ", display.penalties), ("Enforces: ", display.enforces)):
        if links:
            line = Text(title, style="bold")
            for position, link in enumerate(links):
                if position:
                    line.append(" · ", style=DIM)
                counter.append(line, link.label, link, block)
            lines.append(line)
    if not lines:
        return None
    block.renderable = Text("\n").join(lines)
    return block


def _title(display: ArticleDisplay, *, compact: bool = False) -> Text:
    """Citation, instrument, validity, chapter; `compact` (narrow readers) drops what the citation already says."""
    article = display.article
    title = Text.assemble((display.citation_zh, "bold"), "  ·  ", (display.citation_en, "bold"))
    if display.bookmarked:
        title.append("   ★ bookmarked", style="bold yellow")
    lines = [title]
    if not compact:
        lines.append(Text(f"{display.law_title_zh} — {display.law_title_en}", style=DIM))
    if display.validity:
        status_line, issuer_line = display.validity
        lines.append(Text.assemble(("● ", "green"), (status_line, "")))
        if not compact:
            lines.append(Text(issuer_line, style=DIM))
    headings = [heading for heading in (article.chapter, article.section) if heading is not None]
    if compact and headings:
        lines.append(Text(" · ".join(heading.label_zh for heading in headings), style=DIM))
    for heading in headings if not compact else []:
        english = f" · {heading.title_en}" if heading.title_en else ""
        lines.append(Text(f"{heading.label_zh}{english}", style=DIM))
    return Text("\n").join(lines)


def _zh_piece(
    display: ArticleDisplay, source: str, text: str, spans: list[LinkSpan], counter: _LinkCounter, block: Block
) -> Text:
    """One paragraph lead or item in Chinese: query terms highlighted, references as links."""
    piece = Text(text)
    for start, end in display.highlight(text, "zh"):
        piece.stylize(HIGHLIGHT, start, end)
    for reference in display.references:
        if reference.source == source and reference.kind == "other-law":
            piece.stylize(OTHER_LAW, reference.start, reference.end)
    for span in spans:
        if span.source == source:
            counter.add(piece, span.start, span.end, span.link, block)
    return piece


def _en_piece(display: ArticleDisplay, text: str | None) -> Text:
    if text is None:
        return Text(NO_ENGLISH, style="dim italic")
    piece = Text(text)
    for start, end in display.highlight(text, "en"):
        piece.stylize(HIGHLIGHT, start, end)
    return piece


def _see_also(
    display: ArticleDisplay,
    pieces: list[tuple[str, str, str | None]],
    spans: list[LinkSpan],
    counter: _LinkCounter,
    block: Block,
) -> Text | None:
    """English mode: the paragraph's references as links under it (their offsets are in the Chinese text)."""
    sources = {source for source, _, _ in pieces}
    own = [span for span in spans if span.source in sources]
    if not own:
        return None
    line = Text("↪ See: ", style=DIM)
    for position, span in enumerate(own):
        if position:
            line.append(" · ", style=DIM)
        targets = span.link.targets
        label = (
            ", ".join(display.target_labels.get(target, target) for target in targets)
            if len(targets) <= 3
            else f"{span.link.label} ({len(targets)} provisions)"
        )
        counter.append(line, label, span.link, block)
    return line


def paragraph_label(number: int, language: Language) -> str:
    """第一款 where Chinese is shown (the paragraph's name in citations), ¶1 for English only."""
    return f"¶{number}" if language == "en" else f"第{int_to_chinese(number)}款"


def _grid(
    marker: str | None, rows: list[list[RenderableType]], header: list[list[RenderableType]] | None = None
) -> Table:
    """Rows of text in equal columns, with a `¶n` gutter in multi-paragraph articles.

    A grid rather than one Text: a marker on the same line as Chinese text would make the wrapper move the
    whole unspaced Chinese run to the next line, and side-by-side rows keep each Chinese/English pair level.
    """
    columns = max(len(row) for row in [*rows, *(header or [])])
    grid = Table.grid(expand=True, padding=(0, 2 if columns > 1 else 0))
    if marker is not None:
        grid.add_column(width=max(4, cell_len(marker) + 1), no_wrap=True)
    for _ in range(columns):
        grid.add_column(ratio=1, overflow="fold")  # fold: a Chinese run has no spaces to wrap at
    gutter = [Text(marker, style=DIM)] if marker is not None else []
    blank = [Text("")] if marker is not None else []
    for row in header or []:
        grid.add_row(*blank, *row)
    for position, row in enumerate(rows):
        grid.add_row(*(gutter if position == 0 else blank), *row)
    return grid
