"""Chinese numerals (一 … 九千九百九十九) to integers and back, as statutes number their parts.

Hand-written rather than cn2an: cn2an costs ~170 ms to import, and citations are parsed on the
search hot path; statute numbering needs the range 1-9999 (the Civil Code has 1,260 articles).
"""

from __future__ import annotations

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
DIGIT_CHARS = "零一二三四五六七八九"
NUMERAL_CHARS = "零〇一二三四五六七八九十百千两"
NUMBER = f"[{NUMERAL_CHARS}]+"  # a regex for one number of a part (第二十七条, （三）), as chinese_to_int reads it
MAX_NUMBER = 9999


def chinese_to_int(text: str) -> int:
    """Parse a Chinese numeral such as 二十七 or 一百零三; raise ValueError if malformed."""
    if not text:
        raise ValueError("empty numeral")
    if any(ch not in DIGITS and ch not in UNITS for ch in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    if text != int_to_chinese(_loose_value(text)):
        raise ValueError(f"not a well-formed Chinese numeral: {text!r}")
    return _loose_value(text)


def _loose_value(text: str) -> int:
    total, digit = 0, 0
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch]
        else:
            total += (digit or 1) * UNITS[ch]
            digit = 0
    return total + digit


def int_to_chinese(number: int) -> str:
    """Render 1-9999 the way statutes do: 十, 二十七, 一百, 一百零三, 一百一十, 一千零一十, 一千二百六十."""
    if not 1 <= number <= MAX_NUMBER:
        raise ValueError(f"out of range for statute numbering: {number}")
    digits = [number // 1000, number // 100 % 10, number // 10 % 10, number % 10]
    units = ["千", "百", "十", ""]
    parts: list[str] = []
    pending_zero = False
    for position, (digit, unit) in enumerate(zip(digits, units, strict=True)):
        if digit == 0:
            pending_zero = bool(parts)
            continue
        if pending_zero:
            parts.append("零")
            pending_zero = False
        leading_ten = not parts and unit == "十" and digit == 1 and position == 2
        parts.append(("" if leading_ten else DIGIT_CHARS[digit]) + unit)
    return "".join(parts)


def to_roman(number: int) -> str:
    """Roman numerals for English chapter numbers (Chapter IV)."""
    values = [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = []
    for value, letters in values:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)
