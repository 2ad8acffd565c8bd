"""What a lawyer expects beside the text: validity and dates in the reader header."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets._footer import FooterKey

from assistant.tui.app import DataLawApp
from tests.tui.conftest import SIZE, reader_text, search_screen, settle, type_query


async def test_the_reader_header_shows_status_level_dates_issuer_and_number(
    make_app: Callable[[], DataLawApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_query(pilot, "dsl:27")
        await pilot.press("enter")
        await settle(pilot)
        text = reader_text(search_screen(pilot).reader, width=140)
        assert "现行有效 in force · 法律 · promulgated 2021-06-10 · effective 2021-09-01" in text
        assert "全国人民代表大会常务委员会 · 中华人民共和国主席令第八十四号" in text

        await type_query(pilot, "blockchain:8")
        await pilot.press("enter")
        await settle(pilot)
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
            shown = {key.key: key.region.right for key in app.screen.query(FooterKey)}
            for key in ("f1", "f5", "f6", "f7"):
                assert key in shown and shown[key] <= 80, (step, key, shown)
