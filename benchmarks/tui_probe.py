"""Cold-start probe for `make bench`: time to the TUI's first frame and to its first search result.

`first_frame` is measured after `pilot.pause()`, which waits until the process is idle: it includes whatever
the app still does in the background right after painting (loading the corpus and opening the index).
`first_paint` is the moment `run_test` hands over (the first screen composed and drawn), before that wait;
it is reported beside `first_frame`, never instead of it.
"""

from __future__ import annotations

import time

START = time.perf_counter()

import asyncio  # noqa: E402 - the clock starts before any import, as for a user typing `dla`
import json  # noqa: E402
import sys  # noqa: E402


async def minimal() -> None:
    """The baseline: a minimal Textual app (Header, Input, Footer), started and timed the same way."""
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Input

    class Minimal(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Input()
            yield Footer()

    async with Minimal().run_test(size=(120, 40)) as pilot:
        first_paint = time.perf_counter() - START
        await pilot.pause()
        first_frame = time.perf_counter() - START
    print(json.dumps({"first_frame": first_frame, "first_paint": first_paint}))


async def main() -> None:
    """Start the app headless as `dla` does, type a query, and report the two moments."""
    from assistant.tui.app import create_app

    app = create_app()
    first_frame: float | None = None
    async with app.run_test(size=(120, 40)) as pilot:
        first_paint = time.perf_counter() - START
        await pilot.pause()
        first_frame = time.perf_counter() - START
        screen = app.screen
        screen.query_one("#query").value = "重要数据"  # type: ignore[attr-defined]
        while True:
            results = screen.query_one("#results")
            if getattr(results, "option_count", 0):
                break
            await asyncio.sleep(0.005)
        first_result = time.perf_counter() - START
    print(json.dumps({"first_frame": first_frame, "first_result": first_result, "first_paint": first_paint}))


asyncio.run(minimal() if "--minimal" in sys.argv else main())
