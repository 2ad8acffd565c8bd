"""Chinese numerals both ways over the whole statute range."""

from __future__ import annotations

import pytest

from assistant.numerals import chinese_to_int, int_to_chinese, to_roman


@pytest.mark.parametrize(
    ("number", "text"),
    [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (27, "二十七"), (55, "五十五"), (100, "一百"),
     (101, "一百零一"), (110, "一百一十"), (119, "一百一十九"), (999, "九百九十九"), (1000, "一千"),
     (1001, "一千零一"), (1010, "一千零一十"), (1100, "一千一百"), (1205, "一千二百零五"), (1260, "一千二百六十")],
)  # fmt: skip
def test_known_numerals_render_and_parse(number: int, text: str) -> None:
    assert int_to_chinese(number) == text
    assert chinese_to_int(text) == number


def test_round_trip_over_the_statute_range() -> None:
    assert all(chinese_to_int(int_to_chinese(n)) == n for n in range(1, 10000))


@pytest.mark.parametrize("bad", ["", "二七", "十十", "abc", "一百十", "零"])
def test_malformed_numerals_are_rejected(bad: str) -> None:
    with pytest.raises(ValueError):
        chinese_to_int(bad)


def test_out_of_range_numbers_are_rejected() -> None:
    with pytest.raises(ValueError):
        int_to_chinese(0)
    with pytest.raises(ValueError):
        int_to_chinese(10000)  # 1000-9999 are valid since statutes may have more than 999 articles


def test_roman_chapter_numbers() -> None:
    assert [to_roman(n) for n in (1, 4, 7, 9, 14)] == ["I", "IV", "VII", "IX", "XIV"]
