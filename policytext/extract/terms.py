"""Key policy terms: short quoted coinages (“智改数转”) and policy-dictionary words found in the text."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import cache

from ..document import Document, Token
from ..resources import data_path, read_lines, words_pattern

_DICTIONARY = "policy_dict.txt"
_MAX_TERMS = 80


@cache
def _quoted_pattern() -> re.Pattern[str]:
    return re.compile(r"“([^“”‘’\n，。、；：！？,;:!?]{2,8})”|‘([^“”‘’\n，。、；：！？,;:!?]{2,8})’")


@cache
def policy_terms() -> frozenset[str]:
    """Words of the policy dictionary (jieba format "word freq tag"); empty if the file is absent."""
    if not data_path(_DICTIONARY).is_file():
        return frozenset()
    words = (line.split()[0] for line in read_lines(_DICTIONARY))
    return frozenset(word for word in words if len(word) >= 2)


@cache
def _dictionary_pattern() -> re.Pattern[str] | None:
    """The policy terms as one pattern: the longest term at each position wins."""
    words = policy_terms()
    return words_pattern(words) if words else None


def quoted_terms(text: str) -> list[str]:
    """Short terms written inside “…” or ‘…’, in order of first appearance."""
    seen: dict[str, None] = {}
    for match in _quoted_pattern().finditer(text):
        term = (match.group(1) or match.group(2)).strip()
        if len(term) >= 2 and not term.isdigit():
            seen.setdefault(term, None)
    return list(seen)


def extract_key_terms(doc: Document, tokens: Sequence[str | Token] | None = None) -> list[str]:
    """Quoted terms and policy-dictionary terms of `doc`, most frequent first.

    Dictionary words are found in the text (longest first); words that only occur inside a longer
    match count where segmentation makes them tokens. `tokens` (strings or `Token`s covering the
    text) are used when given; else only the segmentation blocks holding a match are segmented.
    """
    text = doc.text
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    dictionary = policy_terms()
    pattern = _dictionary_pattern()
    matches = list(pattern.finditer(text)) if pattern is not None else []
    for match in matches:
        counts[match.group()] += 1
        first_seen.setdefault(match.group(), match.start())
    words = list(tokens) if tokens else _tokens_around(text, matches)
    if words and not isinstance(words[0], str):
        words = [item.text for item in words]
    shadowed = dictionary.intersection(words).difference(first_seen)
    if shadowed:  # dictionary words the text scan shadowed by a longer one
        for index, token in enumerate(words):
            if token in shadowed:
                counts[token] += 1
                first_seen.setdefault(token, len(text) + index)
    for term in quoted_terms(text):
        counts[term] = max(counts[term], text.count(term))
        first_seen.setdefault(term, text.find(term))
    ranked = sorted(counts, key=lambda term: (-counts[term], first_seen.get(term, 0)))
    return ranked[:_MAX_TERMS]


def _tokens_around(text: str, matches: list[re.Match[str]]) -> list[str]:
    """The tokens of the segmentation blocks that hold a match, in text order.

    jieba segments each block (a run of Han, Latin letters, digits and +#&._%-) on its own, so a
    block cut alone gives the tokens a whole-text segmentation gives there; and a dictionary word
    that is a token always overlaps a match, so the blocks no match overlaps cannot hold one."""
    if not matches:
        return []
    from ..segment import segment_text

    blocks = [(block.start(), block.end()) for block in _BLOCK.finditer(text)]
    starts = [start for start, _ in blocks]
    words: list[str] = []
    done = -1
    for match in matches:
        index = max(bisect_right(starts, match.start()) - 1, done + 1)
        while index < len(blocks) and blocks[index][0] < match.end():
            if blocks[index][1] > match.start():  # every block the match overlaps
                words += segment_text(text[blocks[index][0] : blocks[index][1]])
                done = index
            index += 1
    return words


_BLOCK = re.compile("[\u4E00-\u9FD5a-zA-Z0-9+#&._%\\-]+")  # jieba's re_han_default (segment._LONG_BLOCK)
