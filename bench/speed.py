"""Speed of policytext against bare jieba, measured in one run (not a test: run by hand).

    python bench/speed.py [--megabytes 5] [--workers N] [--repeat 5] [--start-methods]

Texts: the 31 corpus documents, repeated (as separate files) to about --megabytes of UTF-8.
Rows (each a ratio against its baseline from the same run):
  * bare `jieba.lcut` over the decoded texts, in this process, jieba already loaded: the baseline;
  * the full pipeline of `extract` (decode + repair + convert + extract + the JSON record of each
    document) in this process, everything already loaded: target <= 1.3x the baseline (both best
    of --rounds, interleaved); then the same with a whole-text segmentation (`analyze()`, which
    `extract` does without: its record has no tokens, and key terms segment only the blocks they
    need), and the time of each stage;
  * the machine's own ceiling: bare jieba in 2 forked processes (other load on the machine shows here);
  * `policytext extract DIR -j 1` and `-j N` from the shell (start-up and warm-up included; best of
    --rounds, interleaved):
    target: N=2 workers >= 1.7x faster than 1;
  * one article, `policytext extract FILE` from a cold process against
    `python -c "import jieba; jieba.lcut(text)"` from a cold process (median of --repeat runs,
    after one warm-up run of each so that jieba's cache file exists): target <= 1.3x;
  * peak RSS of the largest process of a `-j N` run (workers included): target <= 300 MB per worker.
"""

from __future__ import annotations

import argparse
import compileall
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
PYTHON = sys.executable
CLI = [PYTHON, "-m", "policytext.cli"]


def corpus_files(folder: Path, megabytes: float) -> list[Path]:
    """Copies of the corpus documents in `folder` until they hold about `megabytes` MB."""
    sources = sorted(CORPUS.glob("*.txt"))
    files, size, i = [], 0, 0
    while size < megabytes * 1e6:
        source = sources[i % len(sources)]
        target = folder / f"{i:05d}_{source.name}"
        shutil.copyfile(source, target)
        files.append(target)
        size += target.stat().st_size
        i += 1
    return files


def timed(function) -> float:
    """Seconds one call of `function` takes."""
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


_PROBE = """
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(done.returncode, seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
print(done.stderr.strip().splitlines()[-1:] if done.returncode else "")
"""


def measure(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB, largest process) of a command and all its workers."""
    out = subprocess.run([PYTHON, "-c", _PROBE, *command], capture_output=True, text=True, env=env)
    status, seconds, cpu, rss = out.stdout.splitlines()[0].split()
    if status != "0":
        print(f"warning: exit {status} from {' '.join(command[2:5])}: {out.stdout.splitlines()[1]}", file=sys.stderr)
    return float(seconds), float(cpu), float(rss)


def wall(command: list[str], env: dict[str, str] | None = None) -> float:
    """Wall seconds of a command."""
    return measure(command, env)[0]


def _lcut_all(texts: list[str]) -> int:
    import jieba

    return sum(len(jieba.lcut(t)) for t in texts)


def stage_times(blobs: list[bytes]) -> list[tuple[str, float]]:
    """Seconds per stage of the extract command over all texts: decode+repair+convert, extract (key
    terms segment the blocks they need), record+JSON; and, apart, a whole-text segmentation (what
    `analyze()`, `segment` and `keywords` add, and `extract` does without)."""
    from policytext.pipeline import clean, extract_elements
    from policytext.render import to_json
    from policytext.segment import segment_text

    docs: list = []
    out = [("decode+repair+convert (clean)", timed(lambda: docs.extend(clean(b) for b in blobs)))]
    out.append(("extract", timed(lambda: [extract_elements(d) for d in docs])))
    out.append(("record + JSON", timed(lambda: [to_json(d.to_dict()) for d in docs])))
    out.append(("(not in extract) whole-text segmentation", timed(lambda: [segment_text(d.text) for d in docs])))
    return out


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--repeat", type=int, default=5, help="cold-start runs (median)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds, interleaved, of the in-process and the DIR runs (best of each)")
    parser.add_argument("--start-methods", action="store_true", help="also time the pool under fork, forkserver, spawn")
    args = parser.parse_args()
    rows: list[tuple[str, float, str, str]] = []

    import jieba

    from policytext.batch import Options, process_path, warm
    from policytext.decode import decode_bytes
    from policytext.pipeline import analyze

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "texts"
        folder.mkdir()
        files = corpus_files(folder, args.megabytes)
        blobs = [p.read_bytes() for p in files]
        texts = [decode_bytes(b)[0] for b in blobs]
        megabytes = sum(map(len, blobs)) / 1e6
        print(f"{len(files)} files, {megabytes:.1f} MB, {os.cpu_count()} cores, python {sys.version.split()[0]}",
              file=sys.stderr)

        jieba.setLogLevel(60)
        jieba.lcut("预热")
        options = Options("extract")
        warm(options)
        bare_times, full_times = [], []
        for _ in range(args.rounds):  # interleaved, best of each: other load on the machine hits both alike
            bare_times.append(timed(lambda: [jieba.lcut(t) for t in texts]))
            full_times.append(timed(lambda: [process_path(str(p), options, b) for p, b in zip(files, blobs, strict=True)]))
        bare, full = min(bare_times), min(full_times)
        rows.append(("bare jieba.lcut, in process", bare, "1.00x", "baseline"))

        half = len(texts) // 2
        with multiprocessing.get_context("fork").Pool(2) as pool:  # forked after jieba loaded: no start-up
            pair = timed(lambda: pool.map(_lcut_all, [texts[:half], texts[half:]]))
        rows.append(("bare jieba.lcut, 2 processes (machine's ceiling)", pair, f"{bare / pair:.2f}x faster than 1",
                     "what -j 2 can reach"))

        rows.append(("full pipeline (extract), 1 worker, in process", full, f"{full / bare:.2f}x bare", "<= 1.3x"))
        whole = min(timed(lambda: [analyze(b, keyword_method=None).to_dict() for b in blobs]) for _ in range(2))
        rows.append(("  with whole-text segmentation (analyze())", whole, f"{whole / bare:.2f}x bare", ""))
        for name, seconds in stage_times(blobs):
            rows.append((f"  stage {name}", seconds, f"{seconds / bare:.2f}x bare", ""))

        # the cold runs use this checkout, compiled to bytecode as `pip install` compiles an installed
        # package (with PYTHONDONTWRITEBYTECODE set, each process would compile every module again)
        compileall.compile_dir(REPO / "policytext", quiet=1)
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        one_command = [*CLI, "extract", str(folder), "-j", "1", "-o", os.devnull]
        many_command = [*CLI, "extract", str(folder), "-j", str(args.workers), "-o", os.devnull]
        ones, manys = [], []
        for _ in range(args.rounds):  # interleaved, as above
            ones.append(measure(one_command, env))
            manys.append(measure(many_command, env))
        (one, one_cpu, rss_one), (many, many_cpu, rss_many) = min(ones), min(manys)
        rows.append((f"policytext extract DIR -j 1 (cold, best of {args.rounds})", one, f"{one / bare:.2f}x bare", ""))
        rows.append((f"policytext extract DIR -j {args.workers} (cold, best of {args.rounds})", many,
                     f"{one / many:.2f}x faster than -j 1", ">= 1.7x (2 workers)"))
        rows.append(("  CPU seconds, -j 1", one_cpu, "", ""))
        rows.append((f"  CPU seconds, -j {args.workers}, all processes", many_cpu,
                     f"{many_cpu / one_cpu:.2f}x the -j 1 CPU", "parallel overhead"))
        if args.start_methods:
            for method in ("fork", "forkserver", "spawn"):
                seconds = wall([*CLI, "extract", str(folder), "-j", str(args.workers), "-o", os.devnull],
                               {**env, "POLICYTEXT_START_METHOD": method})
                rows.append((f"  start method {method}", seconds, f"{one / seconds:.2f}x faster than -j 1", ""))

        rows.append(("peak RSS, -j 1 (MB)", rss_one, "", "<= 300 MB"))
        rows.append((f"peak RSS, largest process of -j {args.workers} (MB)", rss_many, "", "<= 300 MB per worker"))

        article = files[0]
        jieba_cold = [PYTHON, "-c", f"import jieba; jieba.lcut(open({str(article)!r}, encoding='utf-8').read())"]
        ours_cold = [*CLI, "extract", str(article), "-f", "json"]
        wall(jieba_cold, env), wall(ours_cold, env)  # warm-up: jieba's cache file, the OS page cache
        jieba_times = [wall(jieba_cold, env) for _ in range(args.repeat)]
        ours_times = [wall(ours_cold, env) for _ in range(args.repeat)]
        jieba_median, ours_median = statistics.median(jieba_times), statistics.median(ours_times)
        rows.append(("cold: python -c 'import jieba; jieba.lcut(text)'", jieba_median, "1.00x", "baseline"))
        rows.append(("cold: policytext extract ARTICLE -f json", ours_median, f"{ours_median / jieba_median:.2f}x jieba",
                     "<= 1.3x"))

    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'value':>8}  {'ratio':<28}  target")
    for name, value, ratio, target in rows:
        unit = "" if "MB)" in name else "s"
        print(f"{name:<{width}}  {value:>7.2f}{unit or ' '}  {ratio:<28}  {target}")


if __name__ == "__main__":
    main()
