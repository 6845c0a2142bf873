"""Score `policytext.analyze` against the hand-made gold annotations in bench/gold/.

Usage: python bench/score.py [--set NAME|all] [--json] [--verbose] [--shared DIR]   (NAME: a subdirectory of bench/gold)

Matching rules (see bench/gold/GUIDELINES.md):
- indicators: value agrees (floats with tolerance, ranges as lists), unit equal after NFKC, gold
  subject contained in the predicted subject; one-to-one greedy. Qualifier and period accuracy are
  computed over matched indicators.
- enumerations: >= 80% of the gold items are among the predicted items; head accuracy over matches.
- programmes: normalised names equal, or one contains the other with length ratio >= 0.6; verb accuracy.
- industries: names as for programmes, category accuracy over matches; people: name; key terms: recall.
Only predictions located inside the gold `scope` lines count.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import re
import sys
import traceback
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = REPO_ROOT / "bench" / "gold"
DEFAULT_SHARED = REPO_ROOT.parent / "shared"
GARBLE_PATH = REPO_ROOT / "bench" / "garble.py"

ELEMENT_TYPES = ("indicators", "enumerations", "programs", "industries", "people")
ENUM_COVERAGE = 0.8
PROGRAM_LENGTH_RATIO = 0.6
VALUE_REL_TOL = 1e-6
VALUE_ABS_TOL = 1e-9
_QUOTES = "“”‘’\"'「」『』《》〈〉"
_WHITESPACE = re.compile(r"\s+")
_PERIOD_NOISE = re.compile(r"[年到至\s" + _QUOTES + "]")
_LOCATOR_WIDTHS = (12, 6, 3, 0)
_MIN_EVIDENCE_CHARS = 4


@cache
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def normalize(text: str | None) -> str:
    """NFKC, whitespace removed, traditional → simplified (the form every comparison uses)."""
    if not text:
        return ""
    folded = _WHITESPACE.sub("", unicodedata.normalize("NFKC", text))
    return _t2s().convert(folded)


def normalize_name(text: str | None) -> str:
    """`normalize` plus quotes/book-title marks removed (programme names, list items, heads)."""
    return normalize(text).translate({ord(c): None for c in _QUOTES})


def normalize_item(text: str | None) -> str:
    """A list item for comparison: quotes removed, a trailing 等/等等 dropped."""
    item = normalize_name(text)
    return re.sub(r"等+$", "", item)


def normalize_period(text: str | None) -> str:
    """A period for comparison: 年/到/至/quotes/whitespace removed."""
    return _PERIOD_NOISE.sub("", normalize(text))


def values_agree(gold: Any, predicted: Any) -> bool:
    """True when two indicator values are equal (floats within tolerance, ranges element-wise)."""
    if isinstance(gold, (list, tuple)) or isinstance(predicted, (list, tuple)):
        if not (isinstance(gold, (list, tuple)) and isinstance(predicted, (list, tuple))):
            return False
        return len(gold) == len(predicted) and all(
            values_agree(g, p) for g, p in zip(gold, predicted, strict=True)
        )
    try:
        g, p = float(gold), float(predicted)
    except (TypeError, ValueError):
        return False
    return math.isclose(g, p, rel_tol=VALUE_REL_TOL, abs_tol=VALUE_ABS_TOL)


def units_agree(gold: dict, predicted: dict) -> bool:
    """Units equal after NFKC and stripping."""
    gold_unit = unicodedata.normalize("NFKC", gold.get("unit") or "").strip()
    return gold_unit == unicodedata.normalize("NFKC", predicted.get("unit") or "").strip()


def indicator_matches(gold: dict, predicted: dict) -> bool:
    """Value, unit and subject agree (the gold subject is inside the predicted one)."""
    if not values_agree(gold.get("value"), predicted.get("value")):
        return False
    if not units_agree(gold, predicted):
        return False
    gold_subject = normalize_name(gold.get("subject"))
    return bool(gold_subject) and gold_subject in normalize_name(predicted.get("subject"))


def indicator_value_matches(gold: dict, predicted: dict) -> bool:
    """Value and unit agree, subject ignored (a diagnostic: is the quantity found at all?)."""
    return values_agree(gold.get("value"), predicted.get("value")) and units_agree(gold, predicted)


def list_items_agree(gold_item: str, predicted_item: str) -> bool:
    """Normalised items equal, or one is a prefix/suffix of the other (a shared modifier or head kept)."""
    if gold_item == predicted_item:
        return True
    shorter, longer = sorted((gold_item, predicted_item), key=len)
    return len(shorter) >= 2 and (longer.startswith(shorter) or longer.endswith(shorter))


def enumeration_coverage(gold: dict, predicted: dict) -> float:
    """Share of the gold items found among the predicted items (after normalisation)."""
    gold_items = [normalize_item(i) for i in gold.get("items") or []]
    if not gold_items:
        return 0.0
    predicted_items = [normalize_item(i) for i in predicted.get("items") or []]
    found = sum(1 for g in gold_items if any(list_items_agree(g, p) for p in predicted_items))
    return found / len(gold_items)


def enumeration_matches(gold: dict, predicted: dict) -> bool:
    """At least 80% of the gold items are among the predicted items."""
    return enumeration_coverage(gold, predicted) >= ENUM_COVERAGE - 1e-9


def names_agree(gold_name: str | None, predicted_name: str | None) -> bool:
    """Normalised names equal, or one contains the other with length ratio >= 0.6."""
    g, p = normalize_name(gold_name), normalize_name(predicted_name)
    if not g or not p:
        return False
    if g == p:
        return True
    shorter, longer = sorted((g, p), key=len)
    return shorter in longer and len(shorter) / len(longer) >= PROGRAM_LENGTH_RATIO


def program_matches(gold: dict, predicted: dict) -> bool:
    """Names equal, or one contains the other with length ratio >= 0.6 (after normalisation)."""
    return names_agree(gold.get("name"), predicted.get("name"))


def industry_matches(gold: dict, predicted: dict) -> bool:
    """Names agree as programme names do; the category is scored separately as an accuracy."""
    return names_agree(gold.get("name"), predicted.get("name"))


def person_matches(gold: dict, predicted: dict) -> bool:
    """Names agree."""
    return normalize(gold.get("name")) == normalize(predicted.get("name"))


MATCHERS: dict[str, Callable[[dict, dict], bool]] = {
    "indicators": indicator_matches,
    "enumerations": enumeration_matches,
    "programs": program_matches,
    "industries": industry_matches,
    "people": person_matches,
}


def _pair_cost(kind: str, gold: dict, predicted: dict) -> float:
    """Lower is a better pair: greedy matching takes the closest pairs first."""
    if kind == "indicators":
        extra = len(normalize(predicted.get("subject"))) - len(normalize(gold.get("subject")))
        same_evidence = normalize(gold.get("evidence")) and normalize(gold.get("evidence")) in normalize(
            predicted.get("evidence")
        )
        return extra - (1000 if same_evidence else 0)
    if kind == "enumerations":
        return -enumeration_coverage(gold, predicted)
    if kind in ("programs", "industries"):
        return abs(len(normalize_name(gold.get("name"))) - len(normalize_name(predicted.get("name"))))
    return 0.0


def match_one_to_one(
    kind: str, gold: list[dict], predicted: list[dict], matches: Callable[[dict, dict], bool] | None = None
) -> list[tuple[int, int]]:
    """Greedy one-to-one matching: all matching pairs, cheapest first; returns (gold, predicted) indices."""
    matches = matches or MATCHERS[kind]
    pairs = [
        (_pair_cost(kind, g, p), gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(predicted)
        if matches(g, p)
    ]
    pairs.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    result = []
    for _, gi, pi in pairs:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        result.append((gi, pi))
    return sorted(result)


# --- scope -------------------------------------------------------------------------------------


@dataclass
class Scope:
    """The whole document, normalised, and where the annotated lines lie in it."""

    full: str
    start: int
    end: int
    whole_file: bool

    def locate(self, candidates: Iterable[tuple[str, str]]) -> bool | None:
        """Whether the first locatable candidate is inside the scope (None if none is found).

        A candidate is (context, before): `context` is searched in the document, and the element's
        middle lies at the end of `before`, a prefix of `context`.
        """
        for context, before in candidates:
            text = normalize(context)
            if not text:
                continue
            middle = len(normalize(before))
            position = self.full.find(text)
            if position < 0:
                continue
            while position >= 0:
                if self.start <= position + middle < self.end:
                    return True
                position = self.full.find(text, position + 1)
            return False
        return None


def build_scope(source_text: str, scope: dict | None) -> Scope:
    """The scope of a gold file over its (original, ungarbled) input text."""
    full = normalize(source_text)
    if not scope:
        return Scope(full=full, start=0, end=len(full), whole_file=True)
    lines = source_text.splitlines()
    first = max(1, int(scope.get("first_line") or 1))
    last = min(len(lines), int(scope.get("last_line") or len(lines)))
    before = normalize("\n".join(lines[: first - 1]))
    scoped = normalize("\n".join(lines[first - 1 : last]))
    start = full.find(scoped, max(0, len(before) - 8))
    if start < 0:
        start = len(before)
    return Scope(full=full, start=start, end=start + len(scoped), whole_file=False)


def _surface_locators(text: str, span: Any) -> list[tuple[str, str]]:
    """Text around a predicted span, widest first, each with the part before the span's middle."""
    if not text or not isinstance(span, (list, tuple)) or len(span) != 2:
        return []
    start, end = int(span[0]), int(span[1])
    if not 0 <= start <= end <= len(text):
        return []
    middle = (start + end) // 2
    return [
        (text[max(0, start - w) : end + w], text[max(0, start - w) : middle])
        for w in _LOCATOR_WIDTHS
        if end + w > start
    ]


def prediction_locators(kind: str, record: dict, text: str) -> list[tuple[str, str]]:
    """Strings that place a predicted element in the document: evidence first, then its span."""
    locators: list[tuple[str, str]] = []
    evidence = record.get("evidence")
    if evidence and len(normalize(evidence)) >= _MIN_EVIDENCE_CHARS:
        locators.append((evidence, evidence[: len(evidence) // 2]))
    spans = _all_spans(kind, record)
    for span in spans or []:
        locators.extend(_surface_locators(text, span))
    surface = record.get("name") if kind == "programs" else None
    if kind == "enumerations" and record.get("items"):
        surface = "、".join(record["items"])
    if surface:
        locators.append((surface, surface[: len(surface) // 2]))
    return locators


def _all_spans(kind: str, record: dict) -> list[Any]:
    """Every mention's span: industries, programmes and people list each mention of a name."""
    spans = record.get("spans") if kind in ("industries", "programs", "people") else None
    return spans or [record.get("span")]


def _first_span(kind: str, record: dict) -> Any:
    if kind == "industries":
        spans = record.get("spans") or []
        return spans[0] if spans else None
    return record.get("span")


def in_scope(kind: str, record: dict, text: str, scope: Scope) -> bool:
    """Whether a predicted element counts: whole-file scope, or it is found inside the scoped lines.

    An element whose text cannot be found in the input (a repair that went wrong) is placed by the
    relative position of its span in the predicted text instead.
    """
    if scope.whole_file:
        return True
    if kind in ("industries", "programs", "people") and record.get("spans"):
        # a name mentioned several times counts where any mention lies in scope
        located = [scope.locate(_surface_locators(text, s)) for s in record["spans"]]
        if any(located):
            return True
        if any(v is False for v in located):
            return False
    else:
        found = scope.locate(prediction_locators(kind, record, text))
        if found is not None:
            return found
    span = _first_span(kind, record)
    if not text or not scope.full or not isinstance(span, (list, tuple)) or len(span) != 2:
        return False
    fraction = (int(span[0]) + int(span[1])) / 2 / len(text)
    return scope.start / len(scope.full) <= fraction < scope.end / len(scope.full)


# --- scoring -----------------------------------------------------------------------------------


@dataclass
class Counts:
    """True positives, false positives, false negatives (and accuracy tallies for attributes)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    attributes: dict[str, list[int]] = field(default_factory=dict)  # name -> [correct, total]
    recall_only: bool = False  # key terms: no precision (predictions are not all annotated)

    def add(self, other: Counts) -> None:
        """Pool another count into this one."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.recall_only = self.recall_only or other.recall_only
        for name, (correct, total) in other.attributes.items():
            tally = self.attributes.setdefault(name, [0, 0])
            tally[0] += correct
            tally[1] += total

    def summary(self) -> dict[str, Any]:
        """Precision, recall, F1 and attribute accuracies as plain numbers."""
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else None
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else None
        f1 = (
            2 * precision * recall / (precision + recall)
            if precision is not None and recall is not None and precision + recall
            else (0.0 if precision is not None and recall is not None else None)
        )
        out: dict[str, Any] = {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": precision,
            "recall": recall,
            "f1": f1,
        }
        if self.recall_only:
            out.update(precision=None, f1=None, fp=None)
        for name, (correct, total) in sorted(self.attributes.items()):
            label = name if name.endswith("_recall") else f"{name}_accuracy"
            out[label] = correct / total if total else None
            out[f"{name}_n"] = total
        return out


_QUALIFIER_SYNONYMS = {"超": "超过", "逾": "超过", "破": "突破", "多": "余", "近乎": "近", "大约": "约"}


def canonical_qualifier(text: str | None) -> str:
    """A qualifier in canonical form (超 → 超过, 破 → 突破, 多 → 余; empty for None)."""
    q = normalize(text)
    return _QUALIFIER_SYNONYMS.get(q, q)


def qualifier_correct(gold: dict, predicted: dict) -> bool:
    """Qualifiers equal after canonicalisation (None and empty are the same)."""
    return canonical_qualifier(gold.get("qualifier")) == canonical_qualifier(predicted.get("qualifier"))


def category_correct(gold: dict, predicted: dict) -> bool:
    """Industry categories equal after normalisation."""
    return normalize_name(gold.get("category")) == normalize_name(predicted.get("category"))


def period_correct(gold: dict, predicted: dict) -> bool:
    """Gold period contained in (or equal to) the predicted one, after removing 年/到/至/quotes."""
    g, p = normalize_period(gold.get("period")), normalize_period(predicted.get("period"))
    if not g:
        return not p
    return g in p


def head_correct(gold: dict, predicted: dict) -> bool:
    """Enumeration heads agree: both empty, or one contains the other (after normalisation)."""
    g, p = normalize_name(gold.get("head")), normalize_name(predicted.get("head"))
    if not g or not p:
        return g == p
    return g in p or p in g


def verb_correct(gold: dict, predicted: dict) -> bool:
    """Programme verbs agree: both empty, or one ends with the other (实施 vs 持续实施)."""
    g, p = normalize(gold.get("verb")), normalize(predicted.get("verb"))
    if not g or not p:
        return g == p
    return g.endswith(p) or p.endswith(g)


ATTRIBUTE_CHECKS: dict[str, dict[str, Callable[[dict, dict], bool]]] = {
    "indicators": {"qualifier": qualifier_correct, "period": period_correct},
    "enumerations": {"head": head_correct},
    "programs": {"verb": verb_correct},
    "industries": {"category": category_correct},
}


def _describe(kind: str, record: dict) -> str:
    if kind == "indicators":
        q = record.get("qualifier")
        return (
            f"{record.get('subject')} | {record.get('value')} {record.get('unit')}"
            + (f" ({q})" if q else "")
            + (f" [{record.get('period')}]" if record.get("period") else "")
        )
    if kind == "enumerations":
        return f"{record.get('head')}: " + "、".join(record.get("items") or [])
    if kind == "programs":
        return f"{record.get('verb') or '-'} {record.get('name')}"
    if kind == "industries":
        return f"{record.get('name')} ({record.get('category')})"
    return str(record.get("name"))


def score_document(gold: dict, predicted: dict, source_text: str) -> dict[str, Any]:
    """Score one prediction (a `Document.to_dict()`) against one gold annotation."""
    scope = build_scope(source_text, gold.get("scope"))
    text = predicted.get("text") or ""
    result: dict[str, Any] = {"counts": {}, "misses": {}, "false_positives": {}, "attribute_errors": {}}
    for kind in ELEMENT_TYPES:
        gold_items = list(gold.get(kind) or [])
        predictions = [p for p in predicted.get(kind) or [] if in_scope(kind, p, text, scope)]
        pairs = match_one_to_one(kind, gold_items, predictions)
        counts = Counts(tp=len(pairs), fp=len(predictions) - len(pairs), fn=len(gold_items) - len(pairs))
        errors = []
        for name, check in ATTRIBUTE_CHECKS.get(kind, {}).items():
            tally = counts.attributes.setdefault(name, [0, 0])
            for gi, pi in pairs:
                tally[1] += 1
                if check(gold_items[gi], predictions[pi]):
                    tally[0] += 1
                else:
                    errors.append(
                        f"{name}: gold {gold_items[gi].get(name)!r} predicted {predictions[pi].get(name)!r}"
                        f" — {_describe(kind, gold_items[gi])}"
                    )
        if kind == "indicators":
            value_pairs = match_one_to_one(kind, gold_items, predictions, indicator_value_matches)
            counts.attributes["value_only_recall"] = [len(value_pairs), len(gold_items)]
        matched_gold = {gi for gi, _ in pairs}
        matched_pred = {pi for _, pi in pairs}
        result["counts"][kind] = counts
        result["misses"][kind] = [
            _describe(kind, g) for i, g in enumerate(gold_items) if i not in matched_gold
        ]
        result["false_positives"][kind] = [
            _describe(kind, p) for i, p in enumerate(predictions) if i not in matched_pred
        ]
        result["attribute_errors"][kind] = errors
    gold_terms = [normalize(t) for t in gold.get("key_terms") or []]
    predicted_terms = {normalize(t) for t in predicted.get("key_terms") or []}
    found = sum(1 for t in gold_terms if t in predicted_terms)
    result["counts"]["key_terms"] = Counts(tp=found, fn=len(gold_terms) - found, recall_only=True)
    result["misses"]["key_terms"] = [t for t in gold_terms if t not in predicted_terms]
    return result


# --- running -----------------------------------------------------------------------------------


def load_garble() -> Callable[[str, int], tuple[str, Any]] | None:
    """`garble(text, seed)` from bench/garble.py, or None when that file is missing."""
    if not GARBLE_PATH.exists():
        return None
    spec = importlib.util.spec_from_file_location("bench_garble", GARBLE_PATH)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return getattr(module, "garble", None)


def gold_sets(which: str, gold_dir: Path = GOLD_DIR) -> list[str]:
    """The set names meant by `which`: one set, or every subdirectory of the gold directory for "all"."""
    if which != "all":
        return [which]
    return sorted(p.name for p in gold_dir.iterdir() if p.is_dir())


def gold_files(which: str, gold_dir: Path = GOLD_DIR) -> list[Path]:
    """The gold JSON files of a set (a subdirectory name such as dev or heldout, or all)."""
    sets = gold_sets(which, gold_dir)
    return [p for s in sets for p in sorted((gold_dir / s).glob("*.json"))]


def read_source(path: Path) -> str:
    """The input file as text (UTF-8, else GB18030, else UTF-8 with replacement)."""
    data = path.read_bytes()
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def input_path(name: str, shared: Path) -> Path:
    """A gold file's input: `bench/...` inside this repository, anything else under ../shared/."""
    return REPO_ROOT / name if name.startswith("bench/") else shared / name


def run_document(gold_path: Path, shared: Path, analyze: Callable[[str], Any]) -> dict[str, Any]:
    """Analyse one gold file's input and score it; {'skipped': reason} when it cannot be run."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    source_path = input_path(gold["input"], shared)
    if not source_path.exists():
        return {"skipped": f"input not found: {source_path}"}
    source_text = read_source(source_path)
    analysed_text = source_text
    if gold.get("garble"):
        garble = load_garble()
        if garble is None:
            return {"skipped": "bench/garble.py missing: garbled document not scored"}
        analysed_text, _info = garble(source_text, int(gold["garble"].get("seed", 0)))
    try:
        document = analyze(analysed_text)
        predicted = document.to_dict() if hasattr(document, "to_dict") else dict(document)
    except Exception as exc:  # noqa: BLE001 - a failing document must not stop the benchmark
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        where = f" ({Path(frame.filename).name}:{frame.lineno})"
        return {"skipped": f"analyze failed: {type(exc).__name__}: {exc}{where}"}
    return score_document(gold, predicted, source_text)


def pool(results: Iterable[dict[str, Any]]) -> dict[str, Counts]:
    """Sum the counts of several scored documents per element type."""
    pooled: dict[str, Counts] = {}
    for result in results:
        for kind, counts in result.get("counts", {}).items():
            pooled.setdefault(kind, Counts()).add(counts)
    return pooled


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:5.2f}"


def _table(title: str, counts: dict[str, Counts]) -> list[str]:
    lines = [title, f"  {'element':<13}{'P':>6}{'R':>6}{'F1':>6}{'tp':>5}{'fp':>5}{'fn':>5}  attributes"]
    for kind, c in counts.items():
        s = c.summary()
        attributes = "  ".join(
            f"{name}={_fmt(correct / total if total else None).strip()}/{total}"
            for name, (correct, total) in sorted(c.attributes.items())
        )
        lines.append(
            f"  {kind:<13}{_fmt(s['precision']):>6}{_fmt(s['recall']):>6}{_fmt(s['f1']):>6}"
            f"{c.tp:>5}{'-' if c.recall_only else c.fp:>5}{c.fn:>5}  {attributes}"
        )
    return lines


def run(which: str, shared: Path, analyze: Callable[[str], Any], gold_dir: Path = GOLD_DIR) -> dict[str, Any]:
    """Score every gold file of the chosen set(s); per-document results and pooled counts per set."""
    report: dict[str, Any] = {"documents": {}, "pooled": {}, "skipped": {}}
    for name in gold_sets(which, gold_dir):
        scored = []
        for path in gold_files(name, gold_dir):
            key = f"{name}/{path.stem}"
            result = run_document(path, shared, analyze)
            if "skipped" in result:
                report["skipped"][key] = result["skipped"]
                print(f"warning: {key} skipped: {result['skipped']}", file=sys.stderr)
                continue
            report["documents"][key] = result
            scored.append(result)
        report["pooled"][name] = pool(scored)
    return report


def report_to_json(report: dict[str, Any]) -> dict[str, Any]:
    """The report with counts rendered as numbers (for --json)."""
    return {
        "documents": {
            key: {
                "scores": {kind: c.summary() for kind, c in result["counts"].items()},
                "misses": result["misses"],
                "false_positives": result["false_positives"],
                "attribute_errors": result["attribute_errors"],
            }
            for key, result in report["documents"].items()
        },
        "pooled": {
            name: {kind: c.summary() for kind, c in counts.items()}
            for name, counts in report["pooled"].items()
        },
        "skipped": report["skipped"],
    }


def report_to_text(report: dict[str, Any], verbose: bool = False) -> str:
    """A plain-text rendering: one table per document, then one pooled table per set."""
    lines: list[str] = []
    for key, result in report["documents"].items():
        lines += _table(key, result["counts"])
        if verbose:
            for label, section in (("miss", "misses"), ("false positive", "false_positives")):
                for kind, entries in result[section].items():
                    lines += [f"    {label} [{kind}] {e}" for e in entries]
            for kind, entries in result["attribute_errors"].items():
                lines += [f"    wrong [{kind}] {e}" for e in entries]
        lines.append("")
    for name, counts in report["pooled"].items():
        lines += _table(f"POOLED {name}", counts)
        lines.append("")
    for key, reason in report["skipped"].items():
        lines.append(f"skipped {key}: {reason}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; always exits 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--set", dest="which", default="dev", help="a subdirectory of bench/gold (dev, dev2, heldout ...) or all"
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses and false positives")
    parser.add_argument(
        "--shared", type=Path, default=DEFAULT_SHARED, help="directory holding corpus/ and seeds/"
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO_ROOT))
    try:
        from policytext import analyze
    except ImportError as exc:
        print(f"warning: policytext.analyze unavailable: {exc}", file=sys.stderr)
        return 0
    report = run(args.which, args.shared, analyze)
    if args.json:
        print(json.dumps(report_to_json(report), ensure_ascii=False, indent=2))
    else:
        print(report_to_text(report, verbose=args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
