"""`dla corpus verify` catches edited English, hand-made status upgrades and wrong law.yaml dates, without false alarms."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.corpus.add_instrument import add_instrument
from assistant.corpus.store import load_corpus
from assistant.corpus.verify import verify_corpus
from tests.conftest import SOURCES, sources_available
from tests.reliability.conftest import fault

USER_STATUTE = "某某试行条例\n\n第一条 为了测试，制定本条例。\n\n第二条 本条例自2020年1月1日起施行。\n"


def _problems(corpus_root: Path, sources: Path | None = None) -> list[str]:
    return verify_corpus(load_corpus(corpus_root), sources).problems


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_english_citing_another_article_than_the_chinese_is_caught(corpus_copy: Path) -> None:
    translation = corpus_copy / "laws" / "dsl" / "translation.en.yaml"
    match = re.search(r"Article (\d+)", translation.read_text(encoding="utf-8"))
    assert match
    _edit(translation, match.group(0), f"Article {int(match.group(1)) + 1}")
    fault("edited English")
    assert any("English cites article(s)" in problem for problem in _problems(corpus_copy))


def test_chinese_pasted_into_the_english_is_caught(corpus_copy: Path) -> None:
    _edit(corpus_copy / "laws" / "dsl" / "translation.en.yaml", "this Law is formulated", "this Law is 制定")
    fault("edited English")
    assert any("Chinese characters in the English" in problem for problem in _problems(corpus_copy))


def test_a_status_upgraded_by_hand_is_caught_without_the_sources(corpus_copy: Path, tmp_path: Path) -> None:
    source = tmp_path / "trial.zh.txt"
    source.write_text(USER_STATUTE, encoding="utf-8")
    add_instrument(corpus_copy, source, "trial")
    text = corpus_copy / "laws" / "trial" / "text.zh.yaml"
    _edit(text, "text_status: unverified", "text_status: cross-checked")
    fault("status upgrade")
    problems = _problems(corpus_copy)
    assert any(p.startswith("trial: text statuses differ") for p in problems), problems


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('effective: "2021-09-01"', 'effective: "2021-09-02"', "the official text says 2021-09-01"),
        ('adopted: "2021-06-10"', 'adopted: "2021-06-11"', "the official text says 2021-06-10"),
        ('adopted: "2021-06-10"', 'adopted: "2021-13-01"', "is not a YYYY-MM-DD date"),
        ('promulgated: "2021-06-10"', 'promulgated: "2022-06-10"', "is after effective"),
    ],
)
def test_wrong_law_yaml_dates_are_caught(corpus_copy: Path, old: str, new: str, expected: str) -> None:
    _edit(corpus_copy / "laws" / "dsl" / "law.yaml", old, new)
    fault("law.yaml date")
    problems = _problems(corpus_copy)
    assert any(p.startswith("dsl: law.yaml") and expected in p for p in problems), problems


def test_a_freshly_added_instrument_raises_no_tamper_alarm(corpus_copy: Path, tmp_path: Path) -> None:
    source = tmp_path / "trial.zh.txt"
    source.write_text(USER_STATUTE, encoding="utf-8")
    add_instrument(corpus_copy, source, "trial")
    sources = SOURCES if sources_available() else tmp_path
    problems = [p for p in _problems(corpus_copy, sources) if p.startswith("trial")]
    assert all(p.endswith("no English") for p in problems), problems  # untranslated is true; tampered is not
