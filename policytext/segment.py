"""Stage segment: jieba with the bundled policy dictionary; numbers, percentages and years stay whole."""

from __future__ import annotations

import logging
import re
from functools import cache

from .document import Document, Token
from .resources import read_lines

_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
_NUMBER_SUFFIXES = {"%", "％", "‰"}


@cache
def tokenizer():
    """Our own jieba Tokenizer (jieba's global one is left alone) with the policy dictionary."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    instance = jieba.Tokenizer()
    instance.initialize()
    for line in read_lines("policy_dict.txt"):
        parts = line.split()
        tag = parts[-1] if len(parts) > 1 and parts[-1].isalpha() and parts[-1].isascii() else None
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        instance.add_word(parts[0], freq, tag)
    return instance


def merge_numbers(tokens: list[str]) -> list[str]:
    """Join a number with a following %, and a four-digit year with a following 年."""
    merged: list[str] = []
    for token in tokens:
        if merged and (token in _NUMBER_SUFFIXES or token == "年"):
            previous = merged[-1]
            if (token == "年" and _YEAR.fullmatch(previous)) or (
                token != "年" and _NUMBER.fullmatch(previous)
            ):
                merged[-1] = previous + token
                continue
        if merged and token[:1] == "." and _NUMBER.fullmatch(token[1:]) and merged[-1].isdigit():
            merged[-1] += token  # "11" "." "9" pieces from a dictionary-only cut
            continue
        merged.append(token)
    return merged


def segment_text(text: str) -> list[str]:
    """Tokens of `text` (they concatenate back to `text`)."""
    return merge_numbers(list(tokenizer().cut(text)))


def segment_document(doc: Document) -> Document:
    """Stage segment: sets `doc.tokens`."""
    doc.tokens = segment_text(doc.text)
    return doc


def tagged_tokens(text: str) -> list[Token]:
    """Tokens with offsets and part-of-speech tags (slower: only when a user asks for tags)."""
    from jieba.posseg import POSTokenizer

    pairs = [(p.word, p.flag) for p in POSTokenizer(tokenizer()).cut(text)]
    words = merge_numbers([w for w, _ in pairs])
    tags = dict(pairs)
    tokens, pos = [], 0
    for word in words:
        tag = tags.get(word) or ("m" if word[:1].isdigit() else "x")
        tokens.append(Token(word, pos, pos + len(word), tag))
        pos += len(word)
    return tokens
