"""Stage keywords: term tables by term frequency, TF-IDF or TextRank, per document or corpus."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from .document import Document, Keyword
from .resources import marshal_cache, stopwords

METHODS = ("tf", "tfidf", "textrank")
_IDF_FORMAT = 1  # of the cached IDF table (resources.marshal_cache)
# a term has a Han character or a Latin letter, and is not a number, date, phone or code
_HAS_WORD_CHAR = re.compile(r"[\u3400-\u9fffA-Za-z]")
_NUMERIC = re.compile(
    r"^[\d.,:：\-/%％‰+×~～]+$"  # numbers, dates, phone numbers, ratios
    r"|^\d[\d.,]*(?:[年月日号时分秒]|万|亿|万亿)?$"  # 2023年, 3月, 1号, 5万
    r"|^[一二三四五六七八九十百千万亿两零〇]+$"  # bare Chinese numerals
    r"|^[十百千万亿]*(?:元|美元|吨|千瓦时?|公里|平方米|人次|户|家|个|项|倍)$"  # bare units
)


def is_term(token: str) -> bool:
    """Whether a token can be a keyword (not a stopword, number, date or punctuation)."""
    return (
        len(token) >= 2
        and bool(_HAS_WORD_CHAR.search(token))
        and not _NUMERIC.match(token)
        and token not in stopwords()
    )


def term_counts(tokens: Iterable[str]) -> Counter[str]:
    """Counts of the tokens that can be keywords."""
    counts = Counter(tokens)
    return Counter({t: n for t, n in counts.items() if is_term(t)})


class IdfTable:
    """Inverse document frequencies (`term idf` per line, jieba's format); unknown terms get the median."""

    def __init__(self, idf: dict[str, float], default: float | None = None) -> None:
        self.idf = idf
        if default is None:
            values = sorted(idf.values())
            default = values[len(values) // 2] if values else 1.0
        self.default = default

    def __getitem__(self, term: str) -> float:
        return self.idf.get(term, self.default)

    @classmethod
    def load(cls, path: str | Path) -> IdfTable:
        """Read an IDF file (`term idf` lines; `#` comments allowed)."""
        idf = {}
        try:
            with open(path, encoding="utf-8") as handle:
                for line in handle:
                    parts = line.split()
                    if len(parts) >= 2 and not line.startswith("#"):
                        try:
                            idf[parts[0]] = float(parts[1])
                        except ValueError:
                            continue
        except UnicodeDecodeError:
            raise ValueError(f"{path}: not a UTF-8 text IDF file") from None
        if not idf:
            raise ValueError(f"{path}: no 'term idf' lines in the IDF file")
        return cls(idf)

    @classmethod
    def from_documents(cls, documents: Iterable[Iterable[str]]) -> IdfTable:
        """Smoothed IDF, log((1 + N) / (1 + df)) + 1, over documents given as term sets."""
        df: Counter[str] = Counter()
        n = 0
        for terms in documents:
            df.update(set(terms))
            n += 1
        return cls.from_frequencies(df, n)

    @classmethod
    def from_frequencies(cls, df: dict[str, int], documents: int) -> IdfTable:
        """Smoothed IDF from document frequencies over `documents` documents."""
        return cls({t: math.log((1 + documents) / (1 + d)) + 1 for t, d in df.items()})

    def save(self, path: str | Path) -> None:
        """Write the table in the format `load` reads."""
        with open(path, "w", encoding="utf-8") as handle:
            handle.write("# policytext IDF table: term<space>idf\n")
            for term, value in sorted(self.idf.items()):
                handle.write(f"{term} {value:.6f}\n")


@cache
def jieba_idf() -> IdfTable:
    """jieba's bundled IDF table (jieba/analyse/idf.txt, MIT licence).

    Parsing its 270,000 lines takes a fifth of a second, so the parsed table is cached (see
    `resources.marshal_cache`), keyed by the file's size and modification time."""
    from .segment import jieba_module

    source = Path(jieba_module().__file__).parent / "analyse" / "idf.txt"
    stat = source.stat()

    def parse() -> tuple[dict[str, float], float]:
        table = IdfTable.load(source)
        return table.idf, table.default

    def table(value: tuple[dict[str, float], float]) -> IdfTable:
        idf, default = value
        if not isinstance(idf, dict) or not isinstance(default, float):
            raise TypeError("not an IDF table")
        return IdfTable(idf, default)

    return marshal_cache("idf", f"{_IDF_FORMAT}-{stat.st_size}-{stat.st_mtime_ns}", parse, table)


def rank_terms(tokens: list[str], method: str = "tfidf", top: int | None = 20,
               idf: IdfTable | None = None) -> list[Keyword]:
    """The top terms of a token list, weighted by `method` (tf, tfidf or textrank)."""
    counts = term_counts(tokens)
    ranks = textrank([t for t in tokens if t in counts]) if method == "textrank" and counts else None
    return top_keywords(counts, term_weights(counts, method, idf, ranks), top)


def term_weights(counts: Counter[str], method: str = "tfidf", idf: IdfTable | None = None,
                 ranks: dict[str, float] | None = None) -> dict[str, float]:
    """Weight of every counted term: tf, tf × idf, or the TextRank score given in `ranks`."""
    if method not in METHODS:
        raise ValueError(f"unknown keyword method {method!r}; choose from {', '.join(METHODS)}")
    if method == "textrank":
        return dict(ranks or {})
    total = sum(counts.values())
    if method == "tf":
        return {t: n / total for t, n in counts.items()}
    table = idf or jieba_idf()
    return {t: n / total * table[t] for t, n in counts.items()}


def top_keywords(counts: Counter[str] | dict[str, int], weights: dict[str, float],
                 top: int | None = 20) -> list[Keyword]:
    """Terms by descending weight (ties: higher count, then term), cut to `top`."""
    ranked = sorted(weights, key=lambda t: (-weights[t], -counts[t], t))
    if top is not None:
        ranked = ranked[:top]
    return [Keyword(t, counts[t], round(weights[t], 6)) for t in ranked]


def textrank(terms: list[str], window: int = 5, damping: float = 0.85, iterations: int = 30) -> dict[str, float]:
    """TextRank scores (max 1.0) over a co-occurrence graph of terms within `window` positions."""
    edges: dict[str, Counter[str]] = defaultdict(Counter)
    for i, term in enumerate(terms):
        for other in terms[i + 1 : i + window]:
            if other != term:
                edges[term][other] += 1
                edges[other][term] += 1
    if not edges:
        return {t: 1.0 for t in terms}
    out_weight = {t: sum(n.values()) for t, n in edges.items()}
    score = dict.fromkeys(edges, 1.0)
    for _ in range(iterations):
        score = {
            t: (1 - damping) + damping * sum(w / out_weight[o] * score[o] for o, w in neighbours.items())
            for t, neighbours in edges.items()
        }
    top = max(score.values())
    return {t: s / top for t, s in score.items()}


def document_keywords(doc: Document, method: str = "tfidf", top: int | None = 20,
                      idf: IdfTable | None = None) -> list[Keyword]:
    """Keywords of a segmented document."""
    if not doc.tokens:
        from .segment import segment_document

        segment_document(doc)
    return rank_terms(doc.tokens, method, top, idf)


class CorpusTerms:
    """Totals over a corpus: each term's count, document frequency and mean per-document weight."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.df: Counter[str] = Counter()
        self.weight_sums: dict[str, float] = defaultdict(float)
        self.documents = 0

    def add(self, counts: dict[str, int], weights: dict[str, float]) -> None:
        """Add one document's term counts and term weights."""
        self.documents += 1
        self.counts.update(counts)
        self.df.update(counts.keys())
        for term, weight in weights.items():
            self.weight_sums[term] += weight

    def table(self, top: int | None = 20) -> list[dict[str, object]]:
        """Rows {term, count, df, weight}: weight is the term's mean weight over all documents."""
        n = self.documents or 1
        weights = {t: s / n for t, s in self.weight_sums.items()}
        ranked = sorted(weights, key=lambda t: (-weights[t], -self.counts[t], t))
        if top is not None:
            ranked = ranked[:top]
        return [{"term": t, "count": self.counts[t], "df": self.df[t], "weight": round(weights[t], 6)} for t in ranked]


MATRIX_COLUMNS = ("path", "term", "count", "tf", "tfidf")


class MatrixWriter:
    """A long-format document-term table (path, term, count, tf, tfidf): CSV, or Parquet for *.parquet."""

    def __init__(self, path: str | Path, batch_rows: int = 50_000) -> None:
        self.path = Path(path)
        self.parquet = self.path.suffix.lower() == ".parquet"
        self.rows: list[tuple] = []
        self.batch_rows = batch_rows
        self._writer = None
        if self.parquet:
            try:
                import pyarrow  # noqa: F401
                import pyarrow.parquet  # noqa: F401
            except ImportError:
                raise RuntimeError(f"{self.path}: writing Parquet needs pyarrow (pip install pyarrow), "
                                   "or give a .csv name") from None
            self._handle = None
        else:
            import csv

            self._handle = self.path.open("w", encoding="utf-8", newline="")
            self._csv = csv.writer(self._handle, lineterminator="\n")
            self._csv.writerow(MATRIX_COLUMNS)

    def add(self, path: str, counts: dict[str, int], idf: IdfTable) -> None:
        """Rows for one document: every term, most frequent first."""
        total = sum(counts.values()) or 1
        for term in sorted(counts, key=lambda t: (-counts[t], t)):
            tf = counts[term] / total
            self.rows.append((path, term, counts[term], round(tf, 6), round(tf * idf[term], 6)))
        if len(self.rows) >= self.batch_rows:
            self._flush()

    def _flush(self) -> None:
        if not self.rows:
            return
        if self.parquet:
            self._write_parquet()
        else:
            self._csv.writerows(self.rows)
        self.rows = []

    def _write_parquet(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        types = (pa.string(), pa.string(), pa.int64(), pa.float64(), pa.float64())
        schema = pa.schema(list(zip(MATRIX_COLUMNS, types, strict=True)))
        columns = {name: [row[i] for row in self.rows] for i, name in enumerate(MATRIX_COLUMNS)}
        if self._writer is None:
            self._writer = pq.ParquetWriter(str(self.path), schema)
        self._writer.write_table(pa.table(columns, schema=schema))

    def close(self) -> None:
        """Write what is left and close the file."""
        self._flush()
        if self.parquet and self._writer is None:
            self._write_parquet()  # no rows at all: still a valid, empty table
        if self._writer is not None:
            self._writer.close()
        if self._handle is not None:
            self._handle.close()
