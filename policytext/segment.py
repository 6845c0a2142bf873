"""Stage segment: jieba with the bundled policy dictionary; numbers, percentages and years stay whole."""

from __future__ import annotations

import hashlib
import logging
import math
import re
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path

from .document import Document, Token
from .resources import data_path, marshal_cache, read_lines

_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
_NUMBER_SUFFIXES = {"%", "％", "‰"}


@cache
def jieba_module():
    """The jieba package, imported without `pkg_resources`.

    jieba 0.42 imports `pkg_resources` only to open its own data files, and falls back to plain
    `open` when that import fails; `pkg_resources` takes 70 ms to import, more than a third of
    jieba's start-up here. It is hidden for the duration of the import (unless already loaded)."""
    import sys

    hidden = "pkg_resources" not in sys.modules
    if hidden:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes "import pkg_resources" fail
    try:
        import jieba
    finally:
        if hidden:
            del sys.modules["pkg_resources"]
    return jieba


@cache
def tokenizer():
    """Our own jieba Tokenizer (jieba's global one is left alone) with the policy dictionary: for
    part-of-speech tagging and to build `lexicon()`; segmentation itself runs on `FastCutter`."""
    jieba = jieba_module()

    jieba.setLogLevel(logging.WARNING)
    instance = jieba.Tokenizer()
    instance.initialize()
    for line in read_lines("policy_dict.txt"):
        parts = line.split()
        tag = parts[-1] if len(parts) > 1 and parts[-1].isalpha() and parts[-1].isascii() else None
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        instance.add_word(parts[0], freq, tag)
    return instance


_PREFIX_ONLY = 1.0  # a log probability is never positive: marks a dictionary prefix that is no word
_LEXICON_FORMAT = 1
_MAX_MEMO = 300_000  # remembered lookups (words, prefixes and misses): about 30 MB


class WordCounts(Mapping[str, int]):
    """A read-only word -> frequency mapping over a sorted word list and an array of counts.

    Lookups bisect (callers in hot loops go through `FastCutter.log_prob`, which remembers them); loading
    splits one string instead of hashing half a million keys into a dict, 0.03 s instead of 0.17 s."""

    __slots__ = ("_words", "_counts")

    def __init__(self, words: list[str], counts: array) -> None:
        self._words = words
        self._counts = counts

    def get(self, word: str, default: int | None = None) -> int | None:  # type: ignore[override]
        if not isinstance(word, str):
            return default
        words = self._words
        index = bisect_left(words, word)
        return self._counts[index] if index < len(words) and words[index] == word else default

    def __getitem__(self, word: str) -> int:
        count = self.get(word)
        if count is None:
            raise KeyError(word)
        return count

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)


class Lexicon:
    """The segmenter's dictionary: jieba's with the policy words added, as jieba's `Tokenizer.FREQ`
    holds it (word -> frequency; every prefix of a word -> 0) and the frequencies' total."""

    def __init__(self, freq: Mapping[str, int], total: int) -> None:
        self.freq = freq
        self.total = total


@cache
def lexicon() -> Lexicon:
    """The segmenter's dictionary, loaded in a third of the time jieba takes for its own.

    jieba unmarshals a 500,000-entry dict; here the words are one string and the frequencies one
    array (`resources.marshal_cache`, keyed by jieba's dictionary file and ours), read as `WordCounts`."""
    jieba = jieba_module()

    source = Path(jieba.__file__).parent / "dict.txt"
    stat = source.stat()
    ours = hashlib.sha1(data_path("policy_dict.txt").read_bytes()).hexdigest()[:12]
    key = f"{_LEXICON_FORMAT}-{jieba.__version__}-{stat.st_size}-{stat.st_mtime_ns}-{ours}"

    def build() -> tuple[str, bytes, int]:
        full = tokenizer()
        words = sorted(full.FREQ)
        return "\n".join(words), array("q", (full.FREQ[w] for w in words)).tobytes(), full.total

    def unpack(value: tuple[str, bytes, int]) -> Lexicon:
        words, counts, total = value
        frequencies = array("q")
        frequencies.frombytes(counts)
        listed = words.split("\n")
        if len(listed) != len(frequencies):
            raise ValueError("lexicon cache: words and counts differ in number")
        return Lexicon(WordCounts(listed, frequencies), int(total))

    return marshal_cache("lexicon", key, build, unpack)


class _LogProbabilities(dict):
    """word -> log(freq / total) from a jieba dictionary, filled on first lookup; `_PREFIX_ONLY` for
    a prefix of some word that is no word itself, None for a string that starts no word."""

    def __init__(self, freq: Mapping[str, int], total: int) -> None:
        super().__init__()
        self._freq = freq
        self._log_total = math.log(total)

    def __missing__(self, word: str) -> float | None:
        count = self._freq.get(word)
        value = None if count is None else (math.log(count) - self._log_total if count else _PREFIX_ONLY)
        if len(self) >= _MAX_MEMO:
            self.clear()  # strings that start no word are unbounded: a long batch must not grow forever
        self[word] = value
        return value


class FastCutter:
    """jieba's accurate mode with HMM (`Tokenizer.cut(text)`), token for token, at about twice its
    speed: one backward pass finds the best route without building the DAG, and log probabilities
    are computed once per distinct word instead of once per occurrence."""

    def __init__(self, words: Lexicon) -> None:
        jieba = jieba_module()
        finalseg = jieba.finalseg

        self._freq = words.freq
        self.log_prob = _LogProbabilities(words.freq, words.total)
        self._unknown = -math.log(words.total)  # a character that starts no word: log(1 / total)
        self._blocks = jieba.re_han_default
        self._spaces = jieba.re_skip_default
        self._hmm_cut = finalseg.cut

    def _route(self, block: str) -> list[int]:
        """For each position, the end of the word the best route takes from there."""
        n = len(block)
        log_prob, unknown = self.log_prob, self._unknown
        score = [0.0] * (n + 1)
        ends = list(range(1, n + 2))
        for start in range(n - 1, -1, -1):
            following = score[start + 1]
            value = log_prob[block[start]]
            if value is None:  # a character that starts no word
                score[start] = unknown + following
                continue
            best = value + following if value <= 0.0 else None
            best_end = end = start + 1
            while end < n:
                end += 1
                value = log_prob[block[start:end]]
                if value is None:
                    break
                if value <= 0.0:
                    candidate = value + score[end]
                    if best is None or candidate >= best:  # ties go to the longer word, as in jieba
                        best, best_end = candidate, end
            if best is None:
                best, best_end = unknown + following, start + 1
            score[start] = best
            ends[start] = best_end
        return ends

    def _flush(self, buffer: str, out: list[str]) -> None:
        """Single-character route steps: HMM for unknown runs, as jieba does."""
        if len(buffer) == 1:
            out.append(buffer)
        elif not self._freq.get(buffer):
            out.extend(self._hmm_cut(buffer))
        else:
            out.extend(buffer)

    def _cut_block(self, block: str, out: list[str]) -> None:
        ends = self._route(block)
        start, n, buffer = 0, len(block), ""
        while start < n:
            end = ends[start]
            if end - start == 1:
                buffer += block[start]
            else:
                if buffer:
                    self._flush(buffer, out)
                    buffer = ""
                out.append(block[start:end])
            start = end
        if buffer:
            self._flush(buffer, out)

    def cut(self, text: str) -> list[str]:
        """Tokens of `text`, exactly as `jieba.Tokenizer.cut(text)` yields them."""
        out: list[str] = []
        blocks, spaces = self._blocks, self._spaces
        for block in blocks.split(text):
            if not block:
                continue
            if blocks.match(block):
                self._cut_block(block, out)
            else:
                for piece in spaces.split(block):
                    if spaces.match(piece):
                        out.append(piece)
                    else:
                        out.extend(piece)
        return out


@cache
def fast_cutter() -> FastCutter:
    """The shared `FastCutter` over `lexicon()`."""
    return FastCutter(lexicon())


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
    cut = fast_cutter().cut
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
