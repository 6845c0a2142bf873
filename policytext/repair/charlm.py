"""A small character bigram language model for choosing between readings of damaged text.

Counts come from jieba's dictionary (word frequencies, characters within words) and from
a subset of the bundled corpus (running text, so punctuation gets its own probability),
each also converted with OpenCC to traditional script. Characters are normalised before
counting and scoring (full-width ASCII forms to ASCII, quotation marks to '"', digits to "0", Latin letters
to "a").
Probabilities: a word-boundary model from the dictionary mixed with a bigram model of the
running text (see `CharLM`), with a floor per character class for unseen characters
(private-use characters get almost nothing).

Rebuild the data file with:  python -m policytext.repair.charlm build
"""

from __future__ import annotations

import gzip
import math
import sys
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path

DATA_NAME = "charlm.tsv.gz"
# corpus documents used for training: the benchmark holds out the others
TRAIN_DOCS = tuple(f"{n:03d}" for n in range(1, 21))
MIN_BIGRAM = 12  # within-word bigrams seen less (in word-frequency units) are dropped
DISCOUNT = 0.75
TEXT_SHARE = 0.5  # unigram mixture: running text (has punctuation) vs dictionary characters
TEXT_MIX = 0.5  # at most this share of a bigram probability comes from running text ...
TEXT_PRIOR = 20  # ... reached when the context character was seen this often
CHARS_PER_WORD = 1.7  # to count running-text tokens from characters
QUESTION_SHARE = 0.1  # "?" and "!" at least this common relative to "。"
FLOOR_SHARE = 0.01  # mixed with the unigram so nothing seen is impossible
CONVERSIONS = ("s2t", "s2tw", "s2hk")

_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20
# quotation marks are one symbol to the model: which way a quote faces says little
for _quote in "“”„‟":
    _FULLWIDTH[ord(_quote)] = ord('"')
for _quote in "‘’‚‛":
    _FULLWIDTH[ord(_quote)] = ord("'")


_NORMALIZED: dict[str, str] = {}


def normalize(text: str) -> str:
    """The text as the model sees it: ASCII forms, digits as "0", Latin letters as "a"."""
    if len(text) == 1:
        cached = _NORMALIZED.get(text)
        if cached is None:
            cached = _NORMALIZED[text] = _normalize(text)
        return cached
    return _normalize(text)


def _normalize(text: str) -> str:
    out = []
    for ch in text.translate(_FULLWIDTH):
        if ch.isascii():
            if ch.isdigit():
                ch = "0"
            elif ch.isalpha():
                ch = "a"
            elif ch in "\r\n\t":
                ch = "\n"
        out.append(ch)
    return "".join(out)


def _floor(ch: str) -> float:
    """Log-probability for a character the model never saw."""
    code = ord(ch)
    if 0xE000 <= code <= 0xF8FF or code >= 0xF0000:
        return math.log(1e-13)
    if 0x3400 <= code <= 0x9FFF or 0x20000 <= code <= 0x3FFFF:
        return math.log(1e-9)
    return math.log(1e-8)


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch >= "\U00020000"


def _context_totals(pairs: dict[str, int]) -> dict[str, int]:
    totals: Counter[str] = Counter()
    for pair, n in pairs.items():
        totals[pair[0]] += n
    return dict(totals)


class CharLM:
    """Character bigram log-probabilities over normalised characters.

    Two parts, mixed per context character: a word model from the dictionary — inside a
    word the next character follows the within-word bigrams; after a word ends (probability
    e(a)) comes punctuation or the first character of any word — and a bigram model of
    running text (absolute discounting, backing off to its unigrams).
    """

    def __init__(self, rows: dict[str, dict[str, int]]) -> None:
        dict_chars, text_chars = rows.get("U", {}), rows.get("C", {})
        dict_total = sum(dict_chars.values()) or 1
        text_total = sum(text_chars.values()) or 1
        self.unigram = {
            ch: math.log(
                TEXT_SHARE * text_chars.get(ch, 0) / text_total
                + (1 - TEXT_SHARE) * dict_chars.get(ch, 0) / dict_total
            )
            for ch in set(dict_chars) | set(text_chars)
        }
        starts = rows.get("S", {})
        start_total = sum(starts.values()) or 1
        self._start = {ch: n / start_total for ch, n in starts.items()}
        ends = rows.get("E", {})
        self._end = {ch: min(1.0, ends.get(ch, 0) / n) for ch, n in dict_chars.items() if n}
        # punctuation and other non-Han tokens between words, per token of running text
        han = sum(n for ch, n in text_chars.items() if _is_han(ch))
        tokens = han / CHARS_PER_WORD + sum(n for ch, n in text_chars.items() if not _is_han(ch))
        self._between = {ch: n / tokens for ch, n in text_chars.items() if not _is_han(ch)}
        # policy documents hardly ask or exclaim; web pages do: keep "?" and "!" plausible
        full_stop = self._between.get("。", 0.0)
        for mark in "?!":
            self._between[mark] = max(self._between.get(mark, 0.0), QUESTION_SHARE * full_stop)
        self._word_share = 1.0 - sum(self._between.values())
        self._within = rows.get("W", {})
        self._within_total = _context_totals(self._within)
        self._text = rows.get("T", {})
        self._text_total = _context_totals(self._text)
        types: Counter[str] = Counter(pair[0] for pair in self._text)
        self._text_backoff = {a: DISCOUNT * types[a] / n for a, n in self._text_total.items()}
        self._text_unigram = {ch: n / text_total for ch, n in text_chars.items()}
        self._cache: dict[str, float] = {}

    def unigram_logp(self, ch: str) -> float:
        """log P(ch) for a normalised character."""
        value = self.unigram.get(ch)
        return _floor(ch) if value is None else value

    def logp(self, prev: str, ch: str) -> float:
        """log P(ch | prev) for normalised characters."""
        key = prev + ch
        value = self._cache.get(key)
        if value is not None:
            return value
        # the word model
        within_total = self._within_total.get(prev, 0)
        end = self._end.get(prev, 0.5) if _is_han(prev) else 1.0
        if not within_total:
            end = 1.0
        word = end * (self._between.get(ch, 0.0) + self._word_share * self._start.get(ch, 0.0))
        if within_total:
            word += (1.0 - end) * self._within.get(key, 0) / within_total
        # the running-text model
        text_total = self._text_total.get(prev, 0)
        text_uni = self._text_unigram.get(ch, 0.0)
        if text_total:
            backoff = self._text_backoff[prev]
            text = max(self._text.get(key, 0) - DISCOUNT, 0.0) / text_total + backoff * text_uni
        else:
            text = text_uni
        share = TEXT_MIX * text_total / (text_total + TEXT_PRIOR)
        mixed = (1.0 - share) * word + share * text
        value = math.log((1.0 - FLOOR_SHARE) * mixed + FLOOR_SHARE * math.exp(self.unigram_logp(ch)))
        if len(self._cache) < 2_000_000:
            self._cache[key] = value
        return value

    def score(self, text: str, prev: str = "\n") -> float:
        """Total log-probability of `text` (raw characters) after the character `prev`."""
        total = 0.0
        last = normalize(prev[-1:]) if prev else "\n"
        for ch in normalize(text):
            total += self.logp(last, ch)
            last = ch
        return total


@cache
def load() -> CharLM:
    """The bundled model (data/charlm.tsv.gz), loaded once per process."""
    from ..resources import data_path

    rows: dict[str, dict[str, int]] = {}
    with gzip.open(data_path(DATA_NAME), "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            kind, key, count = line.rstrip("\n").split("\t")
            if "\\" in key:
                key = _unescape(key)
            rows.setdefault(kind, {})[key] = int(count)
    return CharLM(rows)


def _escape(key: str) -> str:
    return key.replace("\\", "\\\\").replace("\n", "\\n")


def _unescape(key: str) -> str:
    return key.replace("\\n", "\n").replace("\\\\", "\\")


# ---- building -------------------------------------------------------------------------


def corpus_dir() -> Path:
    """Where the shared corpus lives (override with POLICYTEXT_CORPUS)."""
    import os

    return Path(os.environ.get("POLICYTEXT_CORPUS", "/work/shared/corpus"))


def _variants(texts: list[str]) -> list[list[str]]:
    """`texts` plus their OpenCC traditional conversions (same order, same length)."""
    import opencc

    joined = "\n".join(texts)
    out = [texts]
    for config in CONVERSIONS:
        converted = opencc.OpenCC(config).convert(joined).split("\n")
        if len(converted) == len(texts):
            out.append(converted)
    return out


def count(dictionary: Iterable[tuple[str, int]], documents: Iterable[str]) -> dict[str, Counter[str]]:
    """Counts by row kind: U/S/E dictionary characters (all, word-initial, word-final, weighted by
    word frequency), W within-word bigrams, C/T running-text characters and bigrams."""
    rows: dict[str, Counter[str]] = {kind: Counter() for kind in "USEWCT"}
    entries = list(dictionary)
    words = [w for w, _ in entries]
    seen: set[tuple[str, str]] = set()
    for variant in _variants(words):
        for (word, freq), form in zip(entries, variant, strict=True):
            if (word, form) in seen:
                continue
            seen.add((word, form))
            norm = normalize(form)
            for ch in norm:
                rows["U"][ch] += freq
            rows["S"][norm[0]] += freq
            rows["E"][norm[-1]] += freq
            for i in range(len(norm) - 1):
                rows["W"][norm[i : i + 2]] += freq
    for doc in documents:
        lines = doc.split("\n")
        for form in {"\n".join(v) for v in _variants(lines)}:
            norm = "\n" + normalize(form) + "\n"
            for ch in norm[1:]:
                rows["C"][ch] += 1
            for i in range(len(norm) - 1):
                rows["T"][norm[i : i + 2]] += 1
    return rows


def build(out: Path | None = None, docs: tuple[str, ...] = TRAIN_DOCS) -> Path:
    """Count jieba's dictionary and the training documents; write data/charlm.tsv.gz."""
    import jieba

    from ..resources import data_dir

    dictionary = Path(jieba.__file__).parent / "dict.txt"
    with dictionary.open(encoding="utf-8") as handle:
        entries = [(p[0], int(p[1])) for p in (line.split() for line in handle) if len(p) >= 2]
    paths = sorted(p for p in corpus_dir().glob("*.txt") if p.name[:3] in docs)
    documents = [p.read_text(encoding="utf-8") for p in paths]
    rows = count(entries, documents)
    out = out or data_dir() / DATA_NAME
    header = [
        "# Character bigram counts for the frame-shift repair model (policytext.repair.charlm).",
        f"# source: jieba {jieba.__version__} dict.txt word frequencies (MIT licence), characters within words;",
        f"#   corpus documents {docs[0]}-{docs[-1]} of /work/shared/corpus (official documents, see SOURCES.tsv),",
        f"#   all texts also converted with OpenCC {'/'.join(CONVERSIONS)}.",
        '# normalised: full-width ASCII forms to ASCII, quotation marks to ", digits to 0, Latin letters to a, line breaks to \\n.',
        "# rows: kind<TAB>key<TAB>count. Dictionary (weighted by word frequency): U characters, S word-initial,",
        f"#   E word-final, W within-word bigrams (count >= {MIN_BIGRAM}); running text: C characters, T bigrams (>= 2).",
        "# rebuild: python -m policytext.repair.charlm build",
    ]
    minimum = {"W": MIN_BIGRAM, "T": 2}
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as handle:
        handle.write("\n".join(header) + "\n")
        for kind, counts in rows.items():
            floor = minimum.get(kind, 1)
            for key, n in sorted(counts.items()):
                if n >= floor and "\t" not in key:
                    handle.write(f"{kind}\t{_escape(key)}\t{n}\n")
    return out


def main(argv: list[str]) -> int:
    """Command line: `build` rewrites the data file."""
    if argv[:1] != ["build"]:
        print("usage: python -m policytext.repair.charlm build", file=sys.stderr)
        return 2
    path = build()
    print(f"wrote {path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
