"""Modalities of a legal clause and their labels, written once for every front end."""

from __future__ import annotations

from typing import Literal

Modality = Literal["must", "must_not", "may"]
MODALITIES: tuple[Modality, ...] = ("must", "must_not", "may")
# Lower-case English words, for prose (Markdown export, JSON consumers).
MODALITY_WORDS: dict[str, str] = {"must": "must", "must_not": "must not", "may": "may"}
# Upper-case badges, for terminal listings ([MUST] …).
MODALITY_BADGES: dict[str, str] = {key: word.upper() for key, word in MODALITY_WORDS.items()}
