"""Benchmark of the frame-shift repair step (run by hand, not in CI).

    python bench/repair_bench.py [--seeds 5] [--shifts 6] [--nfkc] [--docs 021-031]

Garbles every corpus document (bench/garble.py) under several seeds, runs
`find_frame_shifts`, and reports per split (documents the character model was trained on,
001-020, and held-out documents 021-031):
  * character error rate (Levenshtein / reference length, after NFKC and whitespace removal)
    of the garbled and of the repaired text against the undamaged layered text;
  * the share of damaged stretches restored exactly, and edits made outside them;
  * edits made on clean text (simplified, s2tw and s2hk versions of every document);
  * MB/s of the step on clean text against jieba.lcut on the same text;
  * the full pipeline's CER (policytext.pipeline.clean, boilerplate kept) against the simplified original,
    when that module exists.
"""

from __future__ import annotations

import argparse
import difflib
import statistics
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from garble import garble  # noqa: E402

from policytext.repair.charlm import TRAIN_DOCS, corpus_dir  # noqa: E402
from policytext.repair.frameshift import find_frame_shifts  # noqa: E402


def _squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def levenshtein(a: str, b: str) -> int:
    """Edit distance; aligns with difflib first and runs the exact DP on the differing blocks."""
    total = 0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        x, y = a[i1:i2], b[j1:j2]
        if not x or not y:
            total += len(x) + len(y)
            continue
        if len(x) * len(y) > 4_000_000:
            total += max(len(x), len(y))
            continue
        prev = list(range(len(y) + 1))
        for i, cx in enumerate(x, 1):
            cur = [i]
            for j, cy in enumerate(y, 1):
                cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (cx != cy)))
            prev = cur
        total += prev[-1]
    return total


def cer(hypothesis: str, reference: str) -> float:
    """Character error rate after NFKC and whitespace removal."""
    ref = _squash(reference)
    return levenshtein(_squash(hypothesis), ref) / max(1, len(ref))


def apply(text: str, edits) -> str:
    """`text` with non-overlapping edits applied."""
    out, pos = [], 0
    for edit in sorted(edits, key=lambda e: e.start):
        out.append(text[pos : edit.start])
        out.append(edit.after)
        pos = edit.end
    out.append(text[pos:])
    return "".join(out)


def _restored(span: dict, edits, garbled: str) -> bool:
    for edit in edits:
        if edit.start <= span["start"] and edit.end >= span["end"]:
            expected = (
                garbled[edit.start : span["start"]] + span["original"] + garbled[span["end"] : edit.end]
            )
            return edit.after == expected
    return False


def _documents() -> list[Path]:
    return sorted(p for p in corpus_dir().glob("*.txt") if p.name[:3].isdigit())


def run(seeds: int, shifts: int, nfkc: bool, show: int) -> None:
    """Print the benchmark report."""
    pipeline = None
    try:
        from policytext.pipeline import clean as pipeline  # type: ignore[attr-defined]
    except Exception:  # the pipeline may not exist yet
        pipeline = None
    splits: dict[str, dict[str, list]] = {}
    misses: list[str] = []
    for path in _documents():
        split = "trained" if path.name[:3] in TRAIN_DOCS else "held-out"
        stats = splits.setdefault(
            split, {"before": [], "after": [], "spans": [], "false": [], "pipe_before": [], "pipe_after": []}
        )
        text = path.read_text(encoding="utf-8")
        for seed in range(seeds):
            script = ("s2tw", "s2hk", None)[seed % 3]
            garbled, info = garble(text, seed, script=script, shifts=shifts, nfkc=nfkc)
            edits = find_frame_shifts(garbled)
            repaired = apply(garbled, edits)
            stats["before"].append(cer(garbled, info["layered"]))
            stats["after"].append(cer(repaired, info["layered"]))
            for span in info["spans"]:
                ok = _restored(span, edits, garbled)
                stats["spans"].append(ok)
                if not ok and len(misses) < show:
                    got = [e.after for e in edits if e.start < span["end"] and e.end > span["start"]]
                    misses.append(
                        f"{path.name[:3]} s{seed} {span['garbled']!r} -> want {span['original']!r} got {got}"
                    )
            for edit in edits:
                if not any(edit.start < s["end"] and edit.end > s["start"] for s in info["spans"]):
                    stats["false"].append(f"{garbled[edit.start : edit.end]!r}->{edit.after!r}")
            if pipeline is not None:
                try:
                    stats["pipe_after"].append(cer(pipeline(garbled, keep_boilerplate=True).text, text))
                    stats["pipe_before"].append(cer(garbled, text))
                except Exception as error:  # report, keep going
                    print(f"pipeline failed on {path.name}: {error}")
    for split, stats in splits.items():
        spans = stats["spans"]
        print(f"== {split} documents ({len(stats['before'])} garbled copies, {len(spans)} damaged stretches)")
        print(
            f"  CER frame-shift layer: before {statistics.mean(stats['before']):.4%}  after {statistics.mean(stats['after']):.4%}"
            f"  (max after {max(stats['after']):.4%})"
        )
        print(
            f"  stretches restored exactly: {sum(spans)}/{len(spans)} = {sum(spans) / max(1, len(spans)):.1%}"
        )
        print(f"  edits outside damaged stretches: {len(stats['false'])} {stats['false'][:5]}")
        if stats["pipe_after"]:
            print(
                f"  full pipeline (policytext.pipeline.clean) CER vs the simplified original: "
                f"{statistics.mean(stats['pipe_after']):.4%} (garbled input: {statistics.mean(stats['pipe_before']):.2%},"
                " mostly script)"
            )
    if misses:
        print("misses:")
        for line in misses:
            print("  " + line)
    clean_check()


def clean_check() -> None:
    """Edits on clean documents (simplified and traditional) and speed against jieba."""
    import jieba
    from opencc import OpenCC

    jieba.initialize()
    texts = []
    changed = []
    for path in _documents():
        text = path.read_text(encoding="utf-8")
        for config in (None, "s2tw", "s2hk"):
            version = OpenCC(config).convert(text) if config else text
            texts.append(version)
            edits = find_frame_shifts(version)
            if edits:
                changed.append(
                    f"{path.name[:3]}/{config}: "
                    + ", ".join(f"{version[e.start : e.end]!r}->{e.after!r}" for e in edits[:3])
                )
    print(f"== clean text: {len(texts)} versions, {len(changed)} changed")
    for line in changed[:10]:
        print("  " + line)
    joined = "\n".join(texts)
    size = len(joined.encode("utf-8")) / 1e6
    runs = []
    for _ in range(3):  # the first run also builds the lazily loaded tables
        start = time.perf_counter()
        find_frame_shifts(joined)
        runs.append(time.perf_counter() - start)
    step = statistics.median(runs)
    start = time.perf_counter()
    jieba.lcut(joined)
    seg = time.perf_counter() - start
    print(
        f"== speed on {size:.2f} MB clean text: frame-shift step {size / step:.1f} MB/s "
        f"(first run, loading the model: {size / runs[0]:.1f} MB/s), "
        f"jieba.lcut {size / seg:.2f} MB/s, ratio {seg / step:.1f}x"
    )


def main() -> int:
    """Command line."""
    parser = argparse.ArgumentParser(description="frame-shift repair benchmark")
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--shifts", type=int, default=6)
    parser.add_argument("--nfkc", action="store_true")
    parser.add_argument("--show", type=int, default=25, help="misses to print")
    args = parser.parse_args()
    run(args.seeds, args.shifts, args.nfkc, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
