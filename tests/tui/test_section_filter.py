"""The section filter (F8) and "go to" (g): sections of chapters (第四章 第二节) and whole laws by type-ahead."""

from __future__ import annotations

from collections.abc import Callable

from assistant.service import AssistantService
from assistant.tui.app import DataLawApp
from tests.tui.conftest import SIZE, open_typed, pick_in_f8, search_screen, search_status, searching, settle, type_query
from tests.tui.keys import burst, keys_for


def section_members(service: AssistantService, law: str, chapter: int, section: int) -> set[str]:
    """Ids of the articles of a section, read from the corpus (its 第X章 第Y节 headings)."""
    return {
        article.id
        for article in service.corpus.all_articles(law)
        if article.chapter is not None
        and article.chapter.number == chapter
        and article.section is not None
        and article.section.number == section
    }


def chapter_members(service: AssistantService, law: str, chapter: int) -> set[str]:
    return {
        article.id
        for article in service.corpus.all_articles(law)
        if article.chapter is not None and article.chapter.number == chapter
    }


def test_the_core_keeps_only_the_sections_articles_and_counts_them(service: AssistantService) -> None:
    members = section_members(service, "shenzhen", 4, 2)
    whole_chapter = service.search("数据", law="shenzhen", chapter="4", limit=50)
    assert {hit.id for hit in whole_chapter.hits} - members  # the chapter reaches beyond the section

    results = service.search("数据", law="shenzhen", chapter="4", section="2", limit=50)
    assert results.hits and {hit.id for hit in results.hits} <= members
    assert results.total == len(results.hits)
    assert [hit.id for hit in results.hits] == [hit.id for hit in whole_chapter.hits if hit.id in members]

    # A limit below the section's count shows the best ones and still counts them all.
    top = service.search("数据", law="shenzhen", chapter="4", section="2", limit=2)
    assert [hit.id for hit in top.hits] == [hit.id for hit in results.hits][:2]
    assert top.total == results.total


def test_a_cited_article_stays_under_a_section_filter_as_under_a_chapter_filter(service: AssistantService) -> None:
    outside = sorted(chapter_members(service, "shenzhen", 4) - section_members(service, "shenzhen", 4, 2))[0]
    chapter_only = service.search(outside, law="shenzhen", chapter="4", limit=10)
    with_section = service.search(outside, law="shenzhen", chapter="4", section="2", limit=10)
    assert chapter_only.hits[0].id == with_section.hits[0].id == outside


async def test_f8_picks_a_section_typed_in_one_burst_and_the_results_stay_in_it(
    make_app: Callable[[], DataLawApp],
) -> None:
    app = make_app()
    async with searching(app, "数据") as (pilot, screen):
        members = section_members(app.service, "shenzhen", 4, 2)

        await pick_in_f8(pilot, "shenzhen 第四章 第二节")

        assert app.screen is screen
        entry = screen.chapter_filter
        assert entry is not None and entry.key == "shenzhen:4.2" and entry.is_section
        assert screen.search_bar.law == "shenzhen"
        assert screen.results.hits and {hit.id for hit in screen.results.hits} <= members
        assert search_status(app).startswith("Only Shenzhen Data Regulations 第四章 数据要素市场 › 第二节 市场培育")

        # Enter in the search box opens the top hit of the section's search, for the text typed now.
        await open_typed(pilot, "市场")
        assert screen.reader.article_id in members


async def test_each_section_picked_in_a_burst_after_other_queries_limits_the_search_to_it(
    make_app: Callable[[], DataLawApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = search_screen(pilot)
        picks = [
            ("pipl 第二章 第二节", "pipl", 2, 2, "处理"),  # sensitive personal information
            ("shenzhen chapter 5 section 2", "shenzhen", 5, 2, "数据安全"),
            ("shenzhen 第三章 第三节", "shenzhen", 3, 3, "公共数据"),
            ("pipl 第二章 第三节", "pipl", 2, 3, "个人信息"),  # state organs
        ]
        for typed, law, chapter, section, query in picks:
            screen.reader.focus()  # out of the search box, 0 searches every law again (F8 offers their chapters)
            await pilot.press("0")
            await settle(pilot)
            assert screen.chapter_filter is None and screen.search_bar.law is None
            await type_query(pilot, query)
            await pick_in_f8(pilot, typed)
            entry = screen.chapter_filter
            assert entry is not None and entry.key == f"{law}:{chapter}.{section}", typed
            members = section_members(app.service, law, chapter, section)
            assert screen.results.hits, typed
            assert {hit.id for hit in screen.results.hits} <= members, typed


async def test_the_whole_chapter_comes_before_its_sections_and_f8_lifts_a_section(
    make_app: Callable[[], DataLawApp],
) -> None:
    app = make_app()
    async with searching(app, "数据") as (pilot, screen):
        await pick_in_f8(pilot, "shenzhen 第四章")  # the chapter itself is the first match: Enter takes it
        assert screen.chapter_filter is not None and screen.chapter_filter.key == "shenzhen:4"
        assert {hit.id for hit in screen.results.hits} - section_members(app.service, "shenzhen", 4, 2)

        await pick_in_f8(pilot, "第四章 第三节")  # within the law filtered on
        assert screen.chapter_filter is not None and screen.chapter_filter.key == "shenzhen:4.3"

        await pilot.press("f8")  # empty box: the first choice lifts the limit, the law stays
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert screen.chapter_filter is None and screen.search_bar.law == "shenzhen"
        assert not search_status(app).startswith("Only")


async def test_go_to_reads_a_whole_instrument_even_one_without_chapters(make_app: Callable[[], DataLawApp]) -> None:
    from assistant.tui.screens.chapters import ChapterScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = search_screen(pilot)
        blockchain = [article.id for article in app.service.corpus.all_articles("blockchain")]
        for typed, law, expected in (("blockchain 全文", "blockchain", blockchain), ("dsl whole law", "dsl", None)):
            screen.reader.focus()  # out of the search box, g goes to a chapter or a law
            await pilot.press("g")
            await pilot.pause()
            await burst(pilot, *keys_for(typed), "enter")
            await settle(pilot)
            assert isinstance(app.screen, ChapterScreen), typed
            ids = expected or [article.id for article in app.service.corpus.all_articles(law)]
            assert app.screen.article_ids == ids and len(ids) > 20
            await pilot.press("escape")
            await settle(pilot)
            assert app.screen is screen

        # A chapter's name still picks the chapter first: the whole laws come after every chapter.
        screen.reader.focus()
        await pilot.press("g")
        await pilot.pause()
        await burst(pilot, *keys_for("dsl chapter 4"), "enter")
        await settle(pilot)
        assert isinstance(app.screen, ChapterScreen) and app.screen.entry.key == "dsl:4"
