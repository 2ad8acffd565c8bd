"""Defined terms beside the text: the related panel names the terms an article uses and opens their definitions."""

from __future__ import annotations

from collections.abc import Callable

from assistant.tui.app import DataLawApp
from assistant.tui.related import GROUP_DEFINED
from assistant.tui.widgets.related_panel import RelatedPanel
from tests.tui.conftest import search_screen, settle, type_query


async def test_the_panel_lists_defined_terms_and_enter_opens_the_definition(
    make_app: Callable[[], DataLawApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await type_query(pilot, "dsl:27")  # uses 数据处理 and 数据安全, which dsl:3 defines
        await pilot.press("enter")
        await settle(pilot)
        screen = search_screen(pilot)
        panel = screen.query_one(RelatedPanel)
        prompts = [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        assert GROUP_DEFINED in prompts
        start = prompts.index(GROUP_DEFINED) + 1
        defined = {
            RelatedPanel.target_of(panel.get_option_at_index(i).id): prompts[i] for i in range(start, len(prompts))
        }
        expected = {
            d.citation for _, _, d in app.service.defined_terms_in(app.service.corpus.text_of("dsl:27") or "", "dsl")
        }
        assert expected and set(defined) == expected
        assert any("数据处理" in prompt and "DSL Art. 3(2)" in prompt for prompt in defined.values())

        panel.focus()
        panel.highlighted = prompts.index(next(p for p in prompts[start:] if "数据处理" in p))
        await pilot.press("enter")
        await settle(pilot)
        assert screen.reader.article_id == "dsl:3"
        assert screen.reader.display_data is not None and screen.reader.display_data.focus == "dsl:3.2"

        # The defining article does not list its own terms.
        prompts = [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        assert not any("DSL Art. 3(" in prompt for prompt in prompts if prompt != GROUP_DEFINED)
