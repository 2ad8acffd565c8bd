"""What a lawyer expects beside the text: validity and dates in the reader header."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input, Static

from assistant.tui.app import DataLawApp
from assistant.tui.render_results import window_on_match
from assistant.tui.screens.chapters import ChapterPicker, ChapterScreen
from assistant.tui.screens.citation_dialog import CitationDialog
from assistant.tui.screens.compare import CompareScreen
from assistant.tui.state import STATE_FILE, ReaderState, load_state
from assistant.tui.widgets.footer import DlaFooter
from assistant.tui.widgets.related_panel import RelatedPanel
from assistant.tui.widgets.search_bar import QueryInput
from tests.tui.conftest import SIZE, open_typed, reader_text, search_screen, searching, settle, type_query


async def test_the_reader_header_shows_status_level_dates_issuer_and_number(
    make_app: Callable[[], DataLawApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_typed(pilot, "dsl:27")
        text = reader_text(search_screen(pilot).reader, width=140)
        assert "现行有效 in force · 法律 · promulgated 2021-06-10 · effective 2021-09-01" in text
        assert "全国人民代表大会常务委员会 · 中华人民共和国主席令第八十四号" in text

        await open_typed(pilot, "blockchain:8")
        text = reader_text(search_screen(pilot).reader, width=140)
        assert "部门规章 · promulgated 2019-01-10 · effective 2019-02-15" in text
        assert "国家互联网信息办公室令第3号" in text


async def test_at_80_by_24_the_footer_keeps_f1_and_every_screen_key(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for step in ("start", "reader", "f6", "f7"):
            if step == "reader":
                await type_query(pilot, "dsl:27")
                await pilot.press("enter")
            elif step != "start":
                await pilot.press(step)
            await settle(pilot)
            shown = app.screen.query_one(DlaFooter).key_edges()
            for key in ("f1", "f5", "f6", "f7"):
                assert key in shown and shown[key] <= 80, (step, key, shown)


async def test_copy_at_the_reading_level_with_the_full_title_and_the_text(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_typed(pilot, "dsl:27.2")
        screen = search_screen(pilot)
        await pilot.press("c")
        assert app.clipboard == "《数据安全法》第二十七条第二款 / DSL Art. 27(2)"
        screen.action_copy_citation(full_title=True)
        assert app.clipboard.startswith("《中华人民共和国数据安全法》第二十七条第二款 / Art. 27(2), Data Security Law")

        screen.reader.language = "zh"
        await pilot.press("C")
        assert app.clipboard.splitlines()[-1] == app.service.corpus.text_of("dsl:27.2", "zh")
        assert "unofficial" not in app.clipboard
        screen.reader.language = "en"
        await pilot.press("C")
        assert app.service.corpus.text_of("dsl:27.2", "en") in app.clipboard and "unofficial" in app.clipboard
        assert app.service.corpus.text_of("dsl:27.2", "zh") not in app.clipboard


async def test_compare_a_duty_with_its_penalty_and_two_instruments_side_by_side(
    make_app: Callable[[], DataLawApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_typed(pilot, "dsl:27")
        await pilot.press("k")  # the dialog offers the duty's penalty
        await pilot.pause()
        assert isinstance(app.screen, CitationDialog)
        assert app.screen.query_one(Input).value == "dsl:45"
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.shown == ("dsl:27", "dsl:45")
        await pilot.press("escape")
        await settle(pilot)

        assert await search_screen(pilot).compare("shenzhen:67", "数据安全法第三十三条")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen) and app.screen.shown == ("shenzhen:67", "dsl:33")
        await pilot.press("l", "s")
        await settle(pilot)
        assert app.screen.shown == ("dsl:33", "shenzhen:67") and app.screen.language == "en"
        await pilot.press("escape")
        await settle(pilot)
        assert not await search_screen(pilot).compare("dsl:27", "dsl:99")  # names nothing: a notification
        assert app.is_running


async def test_the_related_panel_lists_named_provisions_and_penalties_with_their_first_words(
    make_app: Callable[[], DataLawApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await open_typed(pilot, "dsl:45")
        screen = search_screen(pilot)
        panel = screen.query_one(RelatedPanel)
        assert panel.display and screen.has_class("-related")
        ids = [RelatedPanel.target_of(panel.get_option_at_index(i).id) for i in range(panel.option_count)]
        assert ids[:4] == [None, "dsl:27", "dsl:29", "dsl:30"]  # "Named in the text", then each with first words
        first = str(panel.get_option_at_index(1).prompt)
        assert "DSL Art. 27" in first and app.service.corpus.text_of("dsl:27", "zh")[:10] in first

        await open_typed(pilot, "dsl:27")
        prompts = [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        assert "Penalties" in prompts and "Related provisions" in prompts  # the core's related() slots in
        panel.focus()
        panel.highlighted = prompts.index("Related provisions") + 1
        await pilot.press("enter")
        await settle(pilot)
        assert screen.reader.article_id == app.service.related("dsl:27")[0].target  # the reviewed links, in order

        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert not screen.has_class("-related")  # no room: hidden, R brings it back
        screen.reader.focus()
        await pilot.press("R")
        assert screen.has_class("-related")


async def test_language_last_article_and_search_history_are_remembered(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for query in ("dsl:21", "数据安全法第三十六条", "shenzhen:10"):
            await open_typed(pilot, query)
        await pilot.press("f2")  # both -> zh
        await settle(pilot)
    state_file = Path(os.environ["DLA_DATA_DIR"]) / STATE_FILE
    saved = json.loads(state_file.read_text(encoding="utf-8"))
    assert saved["language"] == "zh" and saved["last_article"] == "shenzhen:10"
    assert not list(state_file.parent.glob(".*.tmp"))  # written atomically: no temp left behind

    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = search_screen(pilot)
        assert screen.reader.language == "zh"
        assert screen.reader.article_id == "shenzhen:10"
        box = screen.query_one(QueryInput)
        box.focus()
        await pilot.press("up")
        assert box.value == "shenzhen:10"
        await pilot.press("up", "up")
        assert box.value == "dsl:21"
        await pilot.press("enter")
        await settle(pilot)
        assert screen.reader.article_id == "dsl:21"


def test_a_damaged_state_file_is_ignored(tmp_path: Path) -> None:
    (tmp_path / STATE_FILE).write_text("[" * 100_000, encoding="utf-8")
    assert load_state(tmp_path) == ReaderState()
    (tmp_path / STATE_FILE).write_text('{"version": 1, "language": "xx", "history": [1, "a"]}', encoding="utf-8")
    assert load_state(tmp_path) == ReaderState(language="both", history=("a",))


async def test_results_count_every_match_and_plus_lists_more(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    async with searching(app, "数据") as (pilot, screen):
        total = screen.dla.service.search("数据").total
        status = str(screen.query_one("#search-status", Static).content)
        assert total > 30 and f"the best 30 of {total} matching articles" in status
        assert len(screen.results.hits) == 30
        screen.results.focus()
        await pilot.press("plus")
        await settle(pilot)
        assert len(screen.results.hits) == min(total, 200)
        assert screen.query_one(QueryInput).value == "数据"


def test_a_snippet_window_starts_near_its_first_match() -> None:
    snippet = "甲" * 80 + "重要数据" + "乙" * 10
    text, spans = window_on_match(snippet, [(80, 84)], 30, chinese=True)
    assert text.startswith("…") and text[spans[0][0] : spans[0][1]] == "重要数据"
    assert spans[0][0] < 20
    english = "word " * 30 + "data security" + " tail"
    text, spans = window_on_match(english, [(150, 154)], 40, chinese=False)
    assert text[spans[0][0] : spans[0][1]] == "data" and text.startswith("…word ")


async def test_go_to_a_chapter_by_typing_and_read_it_as_continuous_text(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = search_screen(pilot)
        screen.reader.focus()
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, ChapterPicker)
        await pilot.press(*"shenzhen", "space", *"public data")  # type-ahead, in English
        await pilot.pause()
        picker = app.screen
        assert picker.shown and all("public data" in entry.searchable for entry in picker.shown)
        chosen = picker.shown[0]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ChapterScreen)
        assert app.screen.article_ids == list(chosen.article_ids) and len(chosen.article_ids) > 1
        await pilot.press("o")
        await settle(pilot)
        assert screen.reader.article_id == chosen.article_ids[0]

        screen.reader.focus()
        await pilot.press("g", *"第四章")
        await pilot.pause()
        assert any(entry.key == "dsl:4" for entry in app.screen.shown)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen


async def test_ask_shows_the_whole_provision_and_an_empty_answer_says_what_to_try(
    make_app: Callable[[], DataLawApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await app.switch_mode("ask")
        await settle(pilot)
        box = app.screen.query_one("#question", Input)
        box.value = "公安机关调取数据，有关组织要配合吗"
        box.focus()
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        detail = str(screen.query_one("#obligation-text", Static).content)
        assert screen.obligations, "the question has an answer"
        shown = next(iter(o for o in screen.obligations.values() if (o["id"] and o["id"] in detail) or True))
        whole = app.service.corpus.text_of(shown["id"], "zh")
        assert whole is not None and whole in detail

        box.value = "zzzz qqqq xxxx"
        box.focus()
        await pilot.press("enter")
        await settle(pilot)
        detail = str(screen.query_one("#obligation-text", Static).content)
        assert "Try naming who must act" in detail


async def test_bookmarks_export_as_a_markdown_reading_list(make_app: Callable[[], DataLawApp], tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for citation in ("dsl:27", "shenzhen:10"):
            await type_query(pilot, citation)
            await pilot.press("enter", "m")
            await settle(pilot)
        screen = search_screen(pilot)
        out = tmp_path / "list.md"
        assert screen.write_reading_list(str(out), ["dsl:27", "shenzhen:10"])
        assert not screen.write_reading_list("~nosuchuser-dla/x.md", ["dsl:27"])
        command = next(c for c in app.get_system_commands(screen) if c.title == "Export bookmarks as a reading list")
        command.callback()
        await pilot.pause()
        assert isinstance(app.screen, CitationDialog)
    text = out.read_text(encoding="utf-8")
    tokens = MarkdownIt().parse(text)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"]
    assert headings == [
        "《数据安全法》第二十七条 / DSL Art. 27",
        "《深圳经济特区数据条例》第十条 / Shenzhen Data Regulations Art. 10",
    ]
    assert app.service.corpus.text_of("dsl:27.2", "zh") in text and "现行有效 in force" in text
