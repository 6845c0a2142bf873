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

import marshal
import math
import sys
import zlib
from array import array
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path

DATA_NAME = "charlm.bin"
END_OF_HEADER = b"# end of header\n"
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


def _tables_from_counts(rows: dict[str, dict[str, int]]) -> dict[str, object]:
    """The model's tables (log unigrams, starts, ends, between-word tokens, bigram counts
    and totals) computed from counts by row kind."""
    dict_chars, text_chars = rows.get("U", {}), rows.get("C", {})
    dict_total = sum(dict_chars.values()) or 1
    text_total = sum(text_chars.values()) or 1
    unigram = {
        ch: math.log(
            TEXT_SHARE * text_chars.get(ch, 0) / text_total
            + (1 - TEXT_SHARE) * dict_chars.get(ch, 0) / dict_total
        )
        for ch in set(dict_chars) | set(text_chars)
    }
    starts = rows.get("S", {})
    start_total = sum(starts.values()) or 1
    _start = {ch: n / start_total for ch, n in starts.items()}
    ends = rows.get("E", {})
    _end = {ch: min(1.0, ends.get(ch, 0) / n) for ch, n in dict_chars.items() if n}
    # punctuation and other non-Han tokens between words, per token of running text
    han = sum(n for ch, n in text_chars.items() if _is_han(ch))
    tokens = han / CHARS_PER_WORD + sum(n for ch, n in text_chars.items() if not _is_han(ch))
    _between = {ch: n / tokens for ch, n in text_chars.items() if not _is_han(ch)}
    # policy documents hardly ask or exclaim; web pages do: keep "?" and "!" plausible
    full_stop = _between.get("。", 0.0)
    for mark in "?!":
        _between[mark] = max(_between.get(mark, 0.0), QUESTION_SHARE * full_stop)
    _word_share = 1.0 - sum(_between.values())
    _within = rows.get("W", {})
    _within_total = _context_totals(_within)
    _text = rows.get("T", {})
    _text_total = _context_totals(_text)
    types: Counter[str] = Counter(pair[0] for pair in _text)
    _text_backoff = {a: DISCOUNT * types[a] / n for a, n in _text_total.items()}
    _text_unigram = {ch: n / text_total for ch, n in text_chars.items()}

    return {
        "unigram": unigram, "_start": _start, "_end": _end, "_between": _between,
        "_word_share": _word_share, "_within": _within, "_within_total": _within_total,
        "_text": _text, "_text_total": _text_total, "_text_backoff": _text_backoff,
        "_text_unigram": _text_unigram,
    }


class CharLM:
    """Character bigram log-probabilities over normalised characters.

    Two parts, mixed per context character: a word model from the dictionary — inside a
    word the next character follows the within-word bigrams; after a word ends (probability
    e(a)) comes punctuation or the first character of any word — and a bigram model of
    running text (absolute discounting, backing off to its unigrams).
    """

    _TABLES = (
        "unigram", "_start", "_end", "_between", "_word_share", "_within", "_within_total",
        "_text", "_text_total", "_text_backoff", "_text_unigram",
    )

    def __init__(self, tables: dict[str, object]) -> None:
        for name in self._TABLES:
            setattr(self, name, tables[name])
        self._cache: dict[str, float] = {}

    def tables(self) -> dict[str, object]:
        """The model's tables by name (what the data file stores)."""
        return {name: getattr(self, name) for name in self._TABLES}

    @classmethod
    def from_counts(cls, rows: dict[str, dict[str, int]]) -> CharLM:
        """The model from counts by row kind (see `count`)."""
        return cls(_tables_from_counts(rows))

    def unigram_logp(self, ch: str) -> float:
        """log P(ch) for a normalised character."""
        value = self.unigram.get(ch)
        return _floor(ch) if value is None else value

    def token_logp(self, ch: str, default: float) -> float:
        """log P(ch) as a token of running text between words (punctuation, digits), else `default`."""
        share = self._between.get(ch, 0.0)
        return math.log(share) if share > 0 else default

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
    """The bundled model (data/charlm.bin), loaded once per process."""
    from ..resources import data_path

    data = data_path(DATA_NAME).read_bytes()
    payload = data[data.index(END_OF_HEADER) + len(END_OF_HEADER) :]
    return CharLM(_unpack(marshal.loads(zlib.decompress(payload))))


def _pack(tables: dict[str, object]) -> dict[str, object]:
    """Tables in their stored form: a dict becomes (key length, keys joined, array type, values)."""
    packed: dict[str, object] = {}
    for name, table in tables.items():
        if isinstance(table, dict):
            sizes = {len(key) for key in table}
            size = sizes.pop() if len(sizes) == 1 else 0
            if not size:
                raise ValueError(f"table {name}: keys of different lengths")
            values = list(table.values())
            typecode = "q" if all(isinstance(v, int) for v in values) else "d"
            packed[name] = (size, "".join(table), typecode, array(typecode, values).tobytes())
        else:
            packed[name] = table
    return packed


def _unpack(packed: dict[str, object]) -> dict[str, object]:
    """Tables from their stored form (see `_pack`)."""
    tables: dict[str, object] = {}
    for name, stored in packed.items():
        if isinstance(stored, tuple):
            size, joined, typecode, raw = stored
            values = array(typecode)
            values.frombytes(raw)
            keys = joined if size == 1 else [joined[i : i + size] for i in range(0, len(joined), size)]
            tables[name] = dict(zip(keys, values.tolist(), strict=True))
        else:
            tables[name] = stored
    return tables


def read_header(path: Path | None = None) -> list[str]:
    """The comment lines at the top of the data file (source, format, rebuild command)."""
    from ..resources import data_path

    data = (path or data_path(DATA_NAME)).read_bytes()
    return data[: data.index(END_OF_HEADER)].decode("utf-8").splitlines()


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
    """Count jieba's dictionary and the training documents; write data/charlm.bin."""
    import jieba

    from ..resources import data_dir

    dictionary = Path(jieba.__file__).parent / "dict.txt"
    with dictionary.open(encoding="utf-8") as handle:
        entries = [(p[0], int(p[1])) for p in (line.split() for line in handle) if len(p) >= 2]
    paths = sorted(p for p in corpus_dir().glob("*.txt") if p.name[:3] in docs)
    documents = [p.read_text(encoding="utf-8") for p in paths]
    rows = count(entries, documents)
    minimum = {"W": MIN_BIGRAM, "T": 2}
    kept = {
        kind: {key: n for key, n in counts.items() if n >= minimum.get(kind, 1)} for kind, counts in rows.items()
    }
    tables = _tables_from_counts(kept)
    out = out or data_dir() / DATA_NAME
    header = [
        "# Character bigram model for the frame-shift repair (policytext.repair.charlm), format 2.",
        f"# source: jieba {jieba.__version__} dict.txt word frequencies (MIT licence), characters within words;",
        f"#   corpus documents {docs[0]}-{docs[-1]} of /work/shared/corpus (official documents, see SOURCES.tsv),",
        f"#   all texts also converted with OpenCC {'/'.join(CONVERSIONS)}.",
        '# normalised: full-width ASCII forms to ASCII, quotation marks to ", digits to 0, Latin letters to a, line breaks to \\n.',
        f"# counted: dictionary characters, word-initial/-final characters and within-word bigrams (>= {MIN_BIGRAM},",
        "#   weighted by word frequency); running-text characters and bigrams (>= 2).",
        "# payload after the header: zlib-compressed marshal (format 4) of a dict of tables named as the",
        "#   attributes of CharLM (log unigrams, start/end shares, between-word token shares, bigram counts, totals);",
        "#   each dict stored as (key length, keys joined, array typecode, little-endian array bytes).",
        "# rebuild: python -m policytext.repair.charlm build",
    ]
    payload = zlib.compress(marshal.dumps(_pack(tables), 4), 9)
    out.write_bytes(("\n".join(header) + "\n").encode("utf-8") + END_OF_HEADER + payload)
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
