"""Stage keywords: term tables by term frequency, TF-IDF or TextRank, per document or corpus."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from .document import Document, Keyword
from .resources import stopwords

METHODS = ("tf", "tfidf", "textrank")
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

    def __init__(self, idf: dict[str, float]) -> None:
        self.idf = idf
        values = sorted(idf.values())
        self.default = values[len(values) // 2] if values else 1.0

    def __getitem__(self, term: str) -> float:
        return self.idf.get(term, self.default)

    @classmethod
    def load(cls, path: str | Path) -> IdfTable:
        """Read an IDF file (`term idf` lines; `#` comments allowed)."""
        idf = {}
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                parts = line.split()
                if len(parts) >= 2 and not line.startswith("#"):
                    try:
                        idf[parts[0]] = float(parts[1])
                    except ValueError:
                        continue
        return cls(idf)

    @classmethod
    def from_documents(cls, documents: Iterable[Iterable[str]]) -> IdfTable:
        """Smoothed IDF, log((1 + N) / (1 + df)) + 1, over documents given as term sets."""
        df: Counter[str] = Counter()
        n = 0
        for terms in documents:
            df.update(set(terms))
            n += 1
        return cls({t: math.log((1 + n) / (1 + d)) + 1 for t, d in df.items()})

    def save(self, path: str | Path) -> None:
        """Write the table in the format `load` reads."""
        with open(path, "w", encoding="utf-8") as handle:
            handle.write("# policytext IDF table: term<space>idf\n")
            for term, value in sorted(self.idf.items()):
                handle.write(f"{term} {value:.6f}\n")


@cache
def jieba_idf() -> IdfTable:
    """jieba's bundled IDF table (jieba/analyse/idf.txt, MIT licence)."""
    import jieba

    return IdfTable.load(Path(jieba.__file__).parent / "analyse" / "idf.txt")


def rank_terms(tokens: list[str], method: str = "tfidf", top: int | None = 20,
               idf: IdfTable | None = None) -> list[Keyword]:
    """The top terms of a token list, weighted by `method` (tf, tfidf or textrank)."""
    counts = term_counts(tokens)
    if not counts:
        return []
    total = sum(counts.values())
    if method == "tf":
        weights = {t: n / total for t, n in counts.items()}
    elif method == "tfidf":
        table = idf or jieba_idf()
        weights = {t: n / total * table[t] for t, n in counts.items()}
    elif method == "textrank":
        weights = textrank([t for t in tokens if t in counts])
    else:
        raise ValueError(f"unknown keyword method {method!r}; choose from {', '.join(METHODS)}")
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
