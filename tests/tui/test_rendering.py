"""The pure parts of the TUI: cell widths, history, link spans and how an article is laid out."""

from __future__ import annotations

import io
import itertools
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from assistant.corpus.store import Corpus
from assistant.service import AssistantService
from assistant.tui.cells import fit_cells, fold_cells, pad_cells, spread
from assistant.tui.history import History, Place
from assistant.tui.links import reference_spans
from assistant.tui.reading import ReadingData
from assistant.tui.render_article import EN_LABEL, ArticleDisplay, render_article
from assistant.tui.render_results import clip_lines
from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def reading(corpus: Corpus, built_index_dir: Path) -> ReadingData:
    # Penalty links come from the service's store (issue 14): the reader computes none itself.
    return ReadingData(corpus, AssistantService(CORPUS, built_index_dir))


def test_padding_and_fitting_count_chinese_as_two_cells() -> None:
    assert pad_cells("数据", 6) == "数据  "  # two characters, four cells, two spaces
    assert cell_len(pad_cells("DSL", 6)) == 6
    assert fit_cells(Text("数据安全法第二十七条"), 9).cell_len <= 9
    assert fit_cells(Text("数据安全法第二十七条"), 9).plain.endswith("…")


def test_spread_puts_the_badge_flush_right_in_cells() -> None:
    line = spread(Text("《数据安全法》第二十七条"), Text("BADGE"), 40)

    assert line.cell_len == 40
    assert line.plain.endswith("BADGE")


@pytest.mark.parametrize("width", [7, 10, 33])
def test_folding_chinese_never_overflows_the_width(width: int) -> None:
    lines = fold_cells(Text("开展数据处理活动应当依照法律、法规的规定，建立健全全流程数据安全管理制度"), width)

    assert all(line.cell_len <= width for line in lines)
    assert "".join(line.plain for line in lines).startswith("开展数据处理活动")


def test_a_clipped_snippet_ends_in_an_ellipsis_within_the_width() -> None:
    clipped = clip_lines(Text("重要数据的处理者应当按照规定对其数据处理活动定期开展风险评估" * 3), 20, 2, fold=True)

    lines = clipped.split("\n")
    assert len(lines) == 2
    assert all(line.cell_len <= 20 for line in lines)
    assert lines[-1].plain.endswith("…")


def test_history_goes_back_and_forward_and_a_new_visit_drops_the_forward_part() -> None:
    history = History()
    for article in ("dsl:45", "dsl:27", "dsl:29"):
        history.visit(Place(article))

    assert history.back() == Place("dsl:27")
    assert history.back() == Place("dsl:45")
    assert history.back() is None
    assert history.forward() == Place("dsl:27")

    history.visit(Place("dsl:30"))
    assert history.forward() is None
    assert history.back() == Place("dsl:27")


def test_a_listed_reference_becomes_one_link_per_article(reading: ReadingData) -> None:
    spans = reference_spans(reading.references(reading.corpus.article("dsl:45")))

    assert [(span.link.label, span.link.targets) for span in spans] == [
        ("本法第二十七条", ("dsl:27",)),
        ("第二十九条", ("dsl:29",)),
        ("第三十条", ("dsl:30",)),
    ]


def test_a_reference_to_a_whole_chapter_stays_one_link_with_every_target(reading: ReadingData) -> None:
    spans = reference_spans(reading.references(reading.corpus.article("dsl:43")))
    chapter = [span for span in spans if span.link.label == "本章"]

    assert len(chapter) == 1 and len(chapter[0].link.targets) > 1


def test_an_unverified_article_leads_with_its_warning(reading: ReadingData) -> None:
    rendered = render_article(ArticleDisplay.build(reading, "blockchain:8"), "both", 100)

    status = [block for block in rendered.blocks if block.kind == "status"]
    assert len(status) == 1 and "status-unverified" in status[0].classes
    assert "UNVERIFIED" in str(status[0].renderable)
    assert rendered.blocks.index(status[0]) == 1  # right under the citation


def test_a_cross_checked_article_has_no_status_block(reading: ReadingData) -> None:
    rendered = render_article(ArticleDisplay.build(reading, "dsl:27"), "zh", 100)

    assert not [block for block in rendered.blocks if block.kind == "status"]


def test_english_is_always_labelled_unofficial(reading: ReadingData) -> None:
    english = render_article(ArticleDisplay.build(reading, "dsl:27"), "en", 100)
    stacked = render_article(ArticleDisplay.build(reading, "dsl:27"), "both", 40)

    assert any(block.kind == "language" and EN_LABEL in str(block.renderable) for block in english.blocks)
    assert any(block.kind == "language" for block in stacked.blocks)


def test_links_are_numbered_in_reading_order_and_only_where_drawn(reading: ReadingData) -> None:
    display = ArticleDisplay.build(reading, "dsl:45")
    chinese = render_article(display, "zh", 100)
    english = render_article(display, "en", 100)

    # The text cites arts. 27, 29 and 30; 45(2) also enforces the national core data regime of art. 21(2).
    assert [link.targets for link in chinese.links] == [("dsl:27",), ("dsl:29",), ("dsl:30",)] * 2 + [("dsl:21",)]
    assert [link.kind for link in chinese.links] == ["reference"] * 3 + ["enforces"] * 4
    assert len(english.links) == len(chinese.links)  # English lists the same references under the paragraph
    assert chinese.block_of_link(0) != chinese.block_of_link(3)


def test_no_line_of_chinese_starts_with_closing_or_ends_with_opening_punctuation(reading: ReadingData) -> None:
    """禁则 over every article of the corpus, Chinese only, at widths from a phone-sized pane to a wide one."""
    from assistant.tui.linebreak import NO_LINE_END, NO_LINE_START, break_offsets

    checked = 0
    for article in reading.corpus.all_articles():
        for paragraph in article.paragraphs:
            for text in (paragraph.zh, *(item.zh for item in paragraph.items)):
                for width in (16, 22, 30, 41, 58):
                    offsets = [0, *break_offsets(text, width), len(text)]
                    lines = [text[a:b] for a, b in itertools.pairwise(offsets)]
                    assert "".join(lines) == text
                    for position, line in enumerate(lines):
                        assert cell_len(line) <= width, (article.id, width, line)
                        if position:
                            assert line[0] not in NO_LINE_START, (article.id, width, line)
                        if position < len(lines) - 1:
                            assert line[-1] not in NO_LINE_END, (article.id, width, line)
                    checked += 1
    assert checked > 1000


def test_the_reader_draws_chinese_by_the_line_breaking_rules(reading: ReadingData) -> None:
    display = ArticleDisplay.build(reading, "dsl:45")
    for width in (30, 44, 60):
        rendered = render_article(display, "zh", width)
        console = Console(width=width, record=True, file=io.StringIO())
        for block in rendered.blocks:
            console.print(block.renderable)
        for line in console.export_text().splitlines():
            body = line.removeprefix("第一款").removeprefix("第二款").strip()
            assert not body or body[0] not in "、，。；：）》", (width, line)
            assert not body or body[-1] not in "（《", (width, line)


def test_paragraphs_are_labelled_like_citations(reading: ReadingData) -> None:
    display = ArticleDisplay.build(reading, "dsl:27")
    for language, labels in (("zh", ("第一款", "第二款")), ("both", ("第一款", "第二款")), ("en", ("¶1", "¶2"))):
        rendered = render_article(display, language, 100)  # type: ignore[arg-type]
        console = Console(width=100, record=True, file=io.StringIO())
        for block in rendered.blocks:
            console.print(block.renderable)
        lines = console.export_text().splitlines()
        for label in labels:
            assert any(line.startswith(label + " ") for line in lines), (language, label)
