"""A hash over every corpus file: tells when indexes and exports no longer match the corpus."""

from __future__ import annotations

import hashlib
from pathlib import Path


def corpus_fingerprint(root: Path) -> str:
    """sha256 over the names and bytes of every YAML and text file under the corpus root."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in {".yaml", ".txt"}):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()
