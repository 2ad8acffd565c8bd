"""Seals over generated corpus data: what `corpus verify` can check even where the official sources are absent."""

from __future__ import annotations

import hashlib


def statuses_sha256(statuses: dict[int, str]) -> str:
    """sha256 over every article's text status, in article order (recorded when the text is generated)."""
    lines = "".join(f"{number}:{status}\n" for number, status in sorted(statuses.items()))
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()
