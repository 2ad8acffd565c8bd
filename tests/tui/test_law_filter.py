"""The law filter beside the search box: Enter (or a click) offers every law; the choice narrows the search."""

from __future__ import annotations

from collections.abc import Callable

from assistant.tui.app import DataLawApp
from assistant.tui.screens.choose_target import ChooseTargetScreen
from assistant.tui.widgets.law_filter import LawFilter
from tests.tui.conftest import searching, settle


async def test_enter_on_the_law_filter_offers_every_law_and_the_choice_narrows_the_results(
    make_app: Callable[[], DataLawApp],
) -> None:
    app = make_app()
    async with searching(app, "personal data") as (pilot, screen):
        assert len({hit.law for hit in screen.results.hits}) > 1

        law_filter = screen.query_one(LawFilter)
        law_filter.focus()
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChooseTargetScreen)
        assert [value for value, _ in dialog.choices] == ["all", *app.service.corpus.laws]
        await pilot.press("down", "down", "enter")  # all, dsl, then the second instrument
        await settle(pilot)

        second = list(app.service.corpus.laws)[1]
        assert law_filter.value == second and screen.search_bar.law == second
        assert screen.results.hits and {hit.law for hit in screen.results.hits} == {second}
        assert f"2  {app.service.corpus.law(second).info.short_en}" in str(law_filter.render())

        await pilot.click("#law-filter")
        await pilot.pause()
        assert isinstance(app.screen, ChooseTargetScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert law_filter.value == second  # Esc keeps the filter
