"""Sentence boundaries of clean text."""

from __future__ import annotations

import re

from .document import Span

# a sentence ends at 。！？； (and a closing quote right after), or at a line break
_SENTENCE_END = re.compile(r"[。！？；!?;]+[”’」』）)]*|\n+")


def split_sentences(text: str) -> list[Span]:
    """Half-open spans of the sentences of `text`, blank runs excluded."""
    spans: list[Span] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end() if match.group()[0] != "\n" else match.start()
        if text[start:end].strip():
            spans.append(_strip(text, start, end))
        start = match.end()
    if text[start:].strip():
        spans.append(_strip(text, start, len(text)))
    return spans


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
