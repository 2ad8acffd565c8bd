"""The reader's languages and their names: light enough for the first frame (rendering is imported later)."""

from __future__ import annotations

from typing import Literal

Language = Literal["zh", "en", "both"]
LANGUAGES: tuple[Language, ...] = ("zh", "en", "both")
LANGUAGE_NAMES: dict[Language, str] = {
    "zh": "中文",
    "en": "English (unofficial)",
    "both": "中文 + English (unofficial)",
}
SIDE_BY_SIDE_MIN_WIDTH = 64  # below this, "both" stacks the English under the Chinese


def next_language(language: Language) -> Language:
    """The language the language key shows next: Chinese → English → both → Chinese."""
    return LANGUAGES[(LANGUAGES.index(language) + 1) % len(LANGUAGES)]
