"""Chinese numerals both ways over the whole statute range."""

from __future__ import annotations

import pytest

from assistant.numerals import chinese_to_int, int_to_chinese, to_roman


@pytest.mark.parametrize(
    ("number", "text"),
    [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (27, "二十七"), (55, "五十五"), (100, "一百"),
     (101, "一百零一"), (110, "一百一十"), (119, "一百一十九"), (999, "九百九十九")],
)  # fmt: skip
def test_known_numerals_render_and_parse(number: int, text: str) -> None:
    assert int_to_chinese(number) == text
    assert chinese_to_int(text) == number


def test_round_trip_over_the_statute_range() -> None:
    assert all(chinese_to_int(int_to_chinese(n)) == n for n in range(1, 1000))


@pytest.mark.parametrize("bad", ["", "二七", "十十", "abc", "一百十", "零"])
def test_malformed_numerals_are_rejected(bad: str) -> None:
    with pytest.raises(ValueError):
        chinese_to_int(bad)


def test_out_of_range_numbers_are_rejected() -> None:
    with pytest.raises(ValueError):
        int_to_chinese(0)
    with pytest.raises(ValueError):
        int_to_chinese(1000)


def test_roman_chapter_numbers() -> None:
    assert [to_roman(n) for n in (1, 4, 7, 9, 14)] == ["I", "IV", "VII", "IX", "XIV"]
