"""The long fuzz run: hypothesis-generated inputs through the whole pipeline, with a time limit each.

    python bench/fuzz.py --budget 5000 [--seconds 1800] [--limit 20] [--stage analyze] [--seed N]
                         [--save DIR] [--replay DIR]

Inputs come from six generators: text over an alphabet of Chinese, traditional, mojibake,
punctuation, pinyin and whitespace characters; arbitrary Unicode; arbitrary bytes; corpus
excerpts damaged by bench/garble.py (script, pinyin, folded punctuation, frame shifts) and saved in
one of several encodings and line ends; corpus bytes with random byte flips, cuts and inserts;
and pathological repeats (a short unit repeated up to --max-repeat characters). --replay first
runs the inputs an earlier run saved (a regression corpus).

Each input runs through `policytext.pipeline.analyze` (or `clean`) under a SIGALRM time limit.
Checked on every result: tokens concatenate to `text`, element spans slice to their surface forms,
repair offsets lie inside `raw`, and (inputs under 5,000 characters) clean with boilerplate kept
is idempotent. Printed at the end: inputs tried per generator, outcomes (DecodeError is the
expected refusal of non-text), exceptions by type with the first input, invariant violations,
time-outs and the slowest inputs. With --save, each failing input is written to DIR for replay.
"""

from __future__ import annotations

import argparse
import hashlib
import signal
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
sys.path.insert(0, str(REPO / "bench"))

ALPHABET = (
    "中国四川省工业产业发展推进绿色数字经济增长万亿元人个项家等和及与第一二三四五十百年月日"
    "業發產與們區協說長開線現構質產據數轉優勢經濟統計術領導"
    "鍘鍙鐨勫湪锛氥€銆傘偣"
    "，。、；：？！“”《》（）【】—…％０１２ＡＢ"
    ",.;:?!()[]%-/@#&+0123456789"
    "zhōngyèfāxiéshuō"
    " \t\n\r\u3000\xa0\ufeff"
)
ENCODINGS = ("text", "utf-8", "gb18030", "big5", "utf-16", "utf-8-sig", "utf-8-crlf")


class Timeout(Exception):
    """The input ran past --limit seconds."""


@dataclass
class Tally:
    """What the run saw."""

    tried: Counter = field(default_factory=Counter)
    outcomes: Counter = field(default_factory=Counter)
    exceptions: dict[str, tuple[int, str, str]] = field(default_factory=dict)  # type -> (count, input, where)
    violations: dict[str, tuple[int, str]] = field(default_factory=dict)
    timeouts: list[tuple[str, str]] = field(default_factory=list)
    slowest: list[tuple[float, int, str, str]] = field(default_factory=list)
    chars: int = 0
    started: float = field(default_factory=time.perf_counter)


# -- generators --------------------------------------------------------------------------------------


def corpus_texts() -> list[str]:
    """The corpus documents (clean simplified text) the damaging generators start from."""
    return [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))] or ["四川省推进新型工业化。"]


def _encode(text: str, encoding: str) -> str | bytes:
    if encoding == "text":
        return text
    if encoding == "utf-8-crlf":
        return text.replace("\n", "\r\n").encode("utf-8")
    return text.encode(encoding, errors="replace")


def _garbled(texts: list[str]):
    try:
        from garble import garble
    except ImportError:  # the damage script is optional
        return None

    @st.composite
    def build(draw):
        text = draw(st.sampled_from(texts))
        start = draw(st.integers(0, max(0, len(text) - 50)))
        excerpt = text[start : start + draw(st.integers(20, 3000))]
        garbled, _ = garble(
            excerpt,
            draw(st.integers(0, 10**6)),
            script=draw(st.sampled_from([None, "s2t", "s2tw", "s2hk"])),
            pinyin=draw(st.booleans()),
            fold=draw(st.booleans()),
            shifts=draw(st.integers(0, 12)),
            mark_rate=draw(st.floats(0, 1)),
        )
        return _encode(garbled, draw(st.sampled_from(ENCODINGS)))

    return build()


@st.composite
def _mutated(draw, texts: list[str]):
    text = draw(st.sampled_from(texts))
    data = bytearray(text.encode(draw(st.sampled_from(["utf-8", "gb18030"]))))
    start = draw(st.integers(0, max(0, len(data) - 100)))
    data = data[start : start + draw(st.integers(10, 4000))]
    for _ in range(draw(st.integers(1, 20))):
        if not data:
            break
        pos = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "cut", "insert", "ascii"]))
        if action == "flip":
            data[pos] = draw(st.integers(0, 255))
        elif action == "cut":
            del data[pos : pos + draw(st.integers(1, 3))]
        elif action == "insert":
            data[pos:pos] = bytes(draw(st.lists(st.integers(0, 255), min_size=1, max_size=4)))
        else:
            data[pos] = draw(st.sampled_from(b"?!,:;()@[^"))
    return bytes(data)


@st.composite
def _repeated(draw, max_repeat: int):
    unit = draw(st.text(alphabet=ALPHABET, min_size=1, max_size=8))
    count = draw(st.integers(1, max(1, max_repeat // len(unit))))
    prefix = draw(st.text(alphabet=ALPHABET, max_size=20))
    suffix = draw(st.text(alphabet=ALPHABET, max_size=20))
    return prefix + unit * count + suffix


def generators(max_repeat: int) -> dict[str, st.SearchStrategy]:
    """Name -> strategy for every kind of input."""
    texts = corpus_texts()
    chosen = {
        "alphabet": st.text(alphabet=ALPHABET, max_size=2000),
        "unicode": st.text(max_size=500),
        "bytes": st.binary(max_size=2000),
        "mutated": _mutated(texts),
        "repeated": _repeated(max_repeat),
    }
    garbled = _garbled(texts)
    if garbled is not None:
        chosen["garbled"] = garbled
    return chosen


# -- checks ------------------------------------------------------------------------------------------


def violations(doc, stage: str) -> list[str]:
    """The invariants `doc` breaks (names), empty when all hold."""
    from policytext.pipeline import clean

    broken = []
    body = doc.text
    if any(not (0 <= r.start <= r.end <= len(doc.raw)) for r in doc.repairs):
        broken.append("repair offsets outside raw")
    if any(not (0 <= b.start <= b.end <= len(doc.raw)) for b in doc.meta.boilerplate):
        broken.append("boilerplate offsets outside raw")
    if stage == "analyze":
        if "".join(doc.tokens) != body:
            broken.append("tokens do not concatenate to text")
        if any(body[i.span[0] : i.span[1]] != i.quantity for i in doc.indicators):
            broken.append("indicator span != quantity")
        if any(body[p.span[0] : p.span[1]] != p.name for p in doc.programs):
            broken.append("program span != name")
        for enumeration in doc.enumerations:
            pairs = zip(enumeration.items, enumeration.item_spans, strict=False)
            if len(enumeration.items) != len(enumeration.item_spans) or any(
                item not in body[s:e] for item, (s, e) in pairs
            ):
                broken.append("enumeration item span does not hold its item")
                break
        for industry in doc.industries:
            if any(body[s:e] not in {industry.name, *industry.members} for s, e in industry.spans):
                broken.append("industry span is not the industry or a member")
                break
        if any(p.name not in body[p.span[0] : p.span[1]] for p in doc.people):
            broken.append("person span does not hold the name")
    if len(doc.raw) < 5000:
        kept = clean(doc.raw, keep_boilerplate=True).text
        if clean(kept, keep_boilerplate=True).text != kept:
            broken.append("clean (boilerplate kept) not idempotent")
    return broken


# -- the run -----------------------------------------------------------------------------------------


def _short(value: str | bytes, width: int = 90) -> str:
    text = repr(value)
    return text if len(text) <= width else f"{text[: width - 25]}…{text[-20:]} (len {len(value)})"


def _save(folder: Path | None, value: str | bytes, label: str) -> str:
    if folder is None:
        return ""
    folder.mkdir(parents=True, exist_ok=True)
    data = value.encode("utf-8", "surrogatepass") if isinstance(value, str) else value
    path = folder / f"{label}-{hashlib.sha256(data).hexdigest()[:12]}.{'txt' if isinstance(value, str) else 'bin'}"
    path.write_bytes(data)
    return f" -> {path}"


def _expired(signum, frame):
    raise Timeout


def run_one(tally: Tally, name: str, value: str | bytes, args) -> None:
    """Run one input, record its outcome, time, exceptions and broken invariants."""
    from policytext.decode import DecodeError
    from policytext.pipeline import analyze, clean

    stage = analyze if args.stage == "analyze" else clean
    tally.tried[name] += 1
    tally.chars += len(value)
    began = time.perf_counter()
    signal.setitimer(signal.ITIMER_REAL, args.limit)
    try:
        doc = stage(value)
        broken = violations(doc, args.stage)
        outcome = "ok"
    except DecodeError:
        outcome, broken = "DecodeError (refused as not text)", []
    except Timeout:
        outcome, broken = "timeout", []
        tally.timeouts.append((_short(value), _save(args.save, value, "timeout")))
    except Exception as exc:
        outcome, broken = type(exc).__name__, []
        count, first, where = tally.exceptions.get(outcome, (0, "", ""))
        if not count:
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            first = _short(value) + _save(args.save, value, outcome)
            where = f"{Path(frame.filename).name}:{frame.lineno} {exc}"[:160]
        tally.exceptions[outcome] = (count + 1, first, where)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    elapsed = time.perf_counter() - began
    tally.outcomes[outcome] += 1
    for name_broken in broken:
        count, first = tally.violations.get(name_broken, (0, ""))
        tally.violations[name_broken] = (count + 1, first or _short(value) + _save(args.save, value, "violation"))
    tally.slowest.append((elapsed, len(value), name, _short(value, 70)))
    tally.slowest = sorted(tally.slowest, reverse=True)[:5]


def report(tally: Tally, args) -> None:
    """Print what the run tried and what came out."""
    total = sum(tally.tried.values())
    seconds = time.perf_counter() - tally.started
    print(f"fuzz: {total} inputs ({tally.chars:,} characters/bytes) through {args.stage} in {seconds:.1f} s")
    print("  by generator: " + ", ".join(f"{k} {v}" for k, v in sorted(tally.tried.items())))
    print("  outcomes: " + ", ".join(f"{k} {v}" for k, v in tally.outcomes.most_common()))
    print(f"  exceptions: {sum(c for c, _, _ in tally.exceptions.values()) or 'none'}")
    for kind, (count, first, where) in sorted(tally.exceptions.items()):
        print(f"    {kind} ×{count} at {where}\n      first input: {first}")
    print(f"  invariant violations: {sum(c for c, _ in tally.violations.values()) or 'none'}")
    for kind, (count, first) in sorted(tally.violations.items()):
        print(f"    {kind} ×{count}\n      first input: {first}")
    print(f"  time-outs (> {args.limit:g} s): {len(tally.timeouts) or 'none'}")
    for value, saved in tally.timeouts[:5]:
        print(f"    {value}{saved}")
    print("  slowest inputs:")
    for elapsed, length, name, value in tally.slowest:
        print(f"    {elapsed:7.2f} s  {length:>7} long  {name:<9} {value}")


def main(argv: list[str] | None = None) -> int:
    """Run the fuzz campaign; exit status 1 when an exception, violation or time-out was seen."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", type=int, default=2000, help="inputs to try (default 2000)")
    parser.add_argument("--seconds", type=float, default=None, help="stop generating after this many seconds")
    parser.add_argument("--limit", type=float, default=20.0, help="time limit per input, seconds (default 20)")
    parser.add_argument("--stage", choices=["analyze", "clean"], default="analyze")
    parser.add_argument("--max-repeat", type=int, default=100_000, help="longest pathological repeat (characters)")
    parser.add_argument("--seed", type=int, default=0, help="hypothesis seed (same seed, same inputs)")
    parser.add_argument("--progress", type=int, default=250, help="print a progress line every N inputs (0: never)")
    parser.add_argument("--save", type=Path, default=None, help="write failing inputs to this folder")
    parser.add_argument("--replay", type=Path, action="append", default=[],
                        help="first run the inputs saved in this folder by an earlier --save (repeatable)")
    args = parser.parse_args(argv)

    from policytext.pipeline import analyze

    analyze("预热：全省工业增加值增长5.5%。")  # load dictionaries before timing anything
    tally = Tally()
    signal.signal(signal.SIGALRM, _expired)
    strategies = generators(args.max_repeat)

    names = sorted(strategies)
    share = max(1, args.budget // len(names))  # each generator gets an equal part of the budget and time

    def campaign(name: str) -> None:
        began = time.perf_counter()

        @seed(args.seed)
        @settings(max_examples=share, deadline=None, database=None, phases=[Phase.generate],
                  suppress_health_check=list(HealthCheck))
        @given(strategies[name])
        def run(value):
            if args.seconds is not None and time.perf_counter() - began > args.seconds / len(names):
                return
            run_one(tally, name, value, args)
            done = sum(tally.tried.values())
            if args.progress and done % args.progress == 0:
                elapsed = time.perf_counter() - tally.started
                failures = sum(c for c, _, _ in tally.exceptions.values()) + len(tally.timeouts)
                print(f"fuzz: {done} inputs, {elapsed:.0f} s, {failures} exceptions/time-outs, "
                      f"{sum(c for c, _ in tally.violations.values())} violations", file=sys.stderr, flush=True)

        run()

    try:
        for folder in args.replay:
            for path in sorted(folder.iterdir()):
                data = path.read_bytes()
                run_one(tally, "replay", data.decode("utf-8", "surrogatepass") if path.suffix == ".txt" else data, args)
        for name in names:
            campaign(name)
    except KeyboardInterrupt:
        print("fuzz: interrupted", file=sys.stderr)
    report(tally, args)
    return 1 if tally.exceptions or tally.violations or tally.timeouts else 0


if __name__ == "__main__":
    sys.exit(main())
