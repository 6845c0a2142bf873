"""Paths and small utilities shared by the tests."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
SAMPLE = REPO / "data" / "sample-sichuan-green-base.txt"
GOLD = SHARED / "gold"


def corpus_text(stem: str) -> str:
    """A corpus document by file-name prefix (e.g. "003")."""
    (path,) = CORPUS.glob(f"{stem}*.txt")
    return path.read_text(encoding="utf-8")


def squeeze(text: str) -> str:
    """NFKC with all whitespace removed: how clean bodies are compared."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
