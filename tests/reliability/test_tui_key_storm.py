"""A seeded random key storm over every screen: palette, F-keys, Enter, paging, typing, resizing; no exception."""

from __future__ import annotations

import asyncio
import random
from pathlib import Path

import pytest
from textual import events

from assistant.service import AssistantService
from assistant.tui.app import create_app
from tests.conftest import CORPUS
from tests.tui.keys import burst as send_burst

SEEDS = (11, 12, 13)
KEYS_PER_SEED = 600
BURST = 12  # keys sent without waiting for workers, as a fast typist or a stuck key does

# Everything a person might press, except what leaves the app (Ctrl+Q, Ctrl+C).
NAVIGATION = ["enter", "enter", "escape", "tab", "shift+tab", "up", "down", "left", "right", "home", "end"]
PAGING = ["pageup", "pagedown", "pageup", "pagedown"]
FUNCTION = ["f1", "f2", "f3", "f4", "f5", "f6", "f7", "ctrl+p", "alt+left", "alt+right"]
TYPING = [
    *"abcdefghijklmnopqrstuvwxyzMS0123456789",
    "colon",
    "full_stop",
    "slash",
    "question_mark",
    "space",
    "backspace",
    "delete",
    "left_square_bracket",
    "right_square_bracket",
]
POOL = NAVIGATION * 3 + PAGING * 3 + FUNCTION * 2 + TYPING
SIZES = [(80, 24), (120, 40), (60, 20), (100, 30), (200, 50)]


async def storm(app_service: AssistantService, seed: int) -> tuple[int, int]:
    """Press KEYS_PER_SEED random keys in bursts, starting the app again if the storm quits it (palette: Quit)."""
    rng = random.Random(seed)
    pressed = resizes = 0
    while pressed < KEYS_PER_SEED:
        keys, sizes = await storm_one_app(app_service, rng, KEYS_PER_SEED - pressed)
        pressed, resizes = pressed + keys, resizes + sizes
    return pressed, resizes


async def storm_one_app(app_service: AssistantService, rng: random.Random, keys: int) -> tuple[int, int]:
    """Up to `keys` random keys into one app; an orderly quit ends it early. Returns (keys pressed, resizes)."""
    app = create_app(service=app_service, load_pause=0)  # the start-up pause is not under test here
    pressed = resizes = 0
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        while pressed < keys and app.is_running:
            roll = rng.random()
            if roll < 0.04:
                await pilot.resize_terminal(*rng.choice(SIZES))
                resizes += 1
            elif roll < 0.07:
                app.screen.post_message(
                    events.Paste(rng.choice(["dsl:27", "重要数据", "个人信息 [/, Esc]", "x" * 5000]))
                )
            burst = [rng.choice(POOL) for _ in range(rng.randint(1, BURST))]
            await send_burst(pilot, *burst)  # all at once, then one wait: no key waits for the previous one
            pressed += len(burst)
            assert app.crash_report is None, f"after {pressed} keys"
            if rng.random() < 0.2:
                await pilot.pause(0.02)  # let some workers finish mid-storm, others not
        await pilot.pause(0.1)
    assert app.crash_report is None and not app.return_code
    return pressed, resizes


@pytest.mark.reliability
@pytest.mark.parametrize("seed", SEEDS)
def test_a_random_key_storm_raises_nothing(
    seed: int, built_index_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # an export (x, Enter) writes to the working directory
    pressed, _ = asyncio.run(storm(AssistantService(CORPUS, built_index_dir), seed))
    assert pressed >= KEYS_PER_SEED
