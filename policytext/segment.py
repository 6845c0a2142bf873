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


# jieba's HMM pass copies its path at every character of a run of unknown characters:
# quadratic in the run. Runs of the characters jieba cuts as one block are therefore
# handed over in pieces of at most _MAX_BLOCK characters (real sentences are far shorter).
_MAX_BLOCK = 500
_LONG_BLOCK = re.compile(rf"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]{{{_MAX_BLOCK + 1},}}")


def bounded_pieces(text: str) -> list[tuple[str, bool]]:
    """`text` cut so that no run of jieba block characters exceeds `_MAX_BLOCK`; True marks
    the pieces of such an overlong run."""
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for match in _LONG_BLOCK.finditer(text):
        if match.start() > pos:
            pieces.append((text[pos : match.start()], False))
        for start in range(match.start(), match.end(), _MAX_BLOCK):
            pieces.append((text[start : min(start + _MAX_BLOCK, match.end())], True))
        pos = match.end()
    if pos < len(text):
        pieces.append((text[pos:], False))
    return pieces


def segment_text(text: str) -> list[str]:
    """Tokens of `text` (they concatenate back to `text`)."""
    cut = tokenizer().cut
    return merge_numbers([token for piece, _ in bounded_pieces(text) for token in cut(piece)])


def segment_document(doc: Document) -> Document:
    """Stage segment: sets `doc.tokens`."""
    doc.tokens = segment_text(doc.text)
    return doc


def with_offsets(tokens: list[str]) -> list[Token]:
    """Tokens that concatenate to a text, with their `[start, end)` offsets into it."""
    spans, start = [], 0
    for token in tokens:
        spans.append(Token(token, start, start + len(token)))
        start += len(token)
    return spans


def tagged_tokens(text: str) -> list[Token]:
    """Tokens with offsets and part-of-speech tags (slower: only when a user asks for tags)."""
    from jieba.posseg import POSTokenizer

    tagger = POSTokenizer(tokenizer())
    # the tagger's HMM costs about a millisecond per unknown character: not for overlong runs
    pairs = [(p.word, p.flag) for piece, overlong in bounded_pieces(text) for p in tagger.cut(piece, HMM=not overlong)]
    words = merge_numbers([w for w, _ in pairs])
    tags = dict(pairs)
    tokens = with_offsets(words)
    for token in tokens:
        token.pos = tags.get(token.text) or ("m" if token.text[:1].isdigit() else "x")
    return tokens
