"""Damage clean simplified Chinese text the way scraped pages are damaged.

    python bench/garble.py IN OUT --seed N [--script s2hk] [--shifts 4] [--nfkc]

Layers, applied in this order (each can be switched off):
  script      OpenCC conversion of the whole text ("s2tw", "s2hk", "s2t"; None = keep)
  pinyin      inline annotations 字(zì) after every character of `pinyin_chars` (simplified
              set; the reading comes from pypinyin on the simplified text, phrase-aware)
  fold        full-width punctuation ，：；？！（）… to ASCII (before encoding, and again after
              decoding: a decoded "！" is folded too)
  shifts      GB18030 frame shifts: at a chosen character the lead byte is lost — replaced by
              "?" (probability `mark_rate`) or dropped — and the bytes are decoded out of step
              until an ASCII byte brings the decoder back (Python's gb18030 decoder, errors
              shown as "?"); shift points leaving fewer than `min_pairs` straddled pairs
              (a lone "?" or letter for one character, which nothing can restore) are skipped;
              `at` gives the shift points as character offsets into the layered text instead
  nfkc        Unicode NFKC on the decoded text

`garble(text, seed, **layers)` returns (garbled text, info) where info is a dict:
  "layered": the text after script/pinyin/fold (and nfkc) but without frame shifts — what a
             perfect frame-shift repair gives back;
  "spans":   one dict per frame shift: start/end (offsets into the garbled text), "garbled"
             (garbled[start:end]), "original" (the same stretch in "layered"), "orig_start"
             (its offset in "layered"), "marked" (True when the lost byte shows as "?");
  "layers":  the settings used; "annotations": how many pinyin annotations were added.
"""

from __future__ import annotations

import argparse
import bisect
import json
import random
import sys
import unicodedata
from pathlib import Path

DEFAULT_PINYIN_CHARS = (
    "业协说长开线现构质产发据数转优势经济统计术领导设传务进关体报创动级运营区环营销联络验规划实资质"
)
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F) if not chr(code - 0xFEE0).isalnum()}
_PUNCTUATION_STARTS = "。，、；：“”‘’（）《》！？—…"


def fold_punctuation(text: str) -> str:
    """Full-width ASCII punctuation (！，：；？（）…) to its ASCII form; letters/digits stay."""
    return text.translate(_FOLD)


def annotate_pinyin(
    simplified: str, converted: str, chars: str, rate: float, rng: random.Random
) -> tuple[str, int]:
    """`converted` (same length as `simplified`) with 字(zì) after characters in `chars`."""
    from pypinyin import Style, pinyin

    wanted = set(chars)
    if not any(ch in wanted for ch in simplified):
        return converted, 0
    readings = pinyin(simplified, style=Style.TONE, errors=lambda run: [[c] for c in run])
    flat = [r[0] for r in readings]
    if len(flat) != len(simplified):  # fall back to one character at a time
        flat = [
            pinyin(ch, style=Style.TONE, errors=lambda run: [[c] for c in run])[0][0] for ch in simplified
        ]
    out = []
    count = 0
    for ch, conv, reading in zip(simplified, converted, flat, strict=True):
        out.append(conv)
        if ch in wanted and reading != ch and rng.random() < rate:
            out.append(f"({reading})")
            count += 1
    return "".join(out), count


def _boundaries(text: str) -> tuple[bytes, list[int]]:
    """GB18030 bytes of `text` and the byte offset where each character starts (plus the end)."""
    offsets = [0]
    parts = []
    for ch in text:
        raw = ch.encode("gb18030")
        parts.append(raw)
        offsets.append(offsets[-1] + len(raw))
    return b"".join(parts), offsets


def _resync(data: bytes, pos: int) -> int:
    """Where an out-of-step decoder starting at byte `pos` meets an ASCII byte at a lead position."""
    while pos < len(data):
        byte = data[pos]
        if byte < 0x80:
            return pos
        if 0x81 <= byte <= 0xFE and pos + 1 < len(data):
            nxt = data[pos + 1]
            if 0x30 <= nxt <= 0x39:
                try:
                    data[pos : pos + 4].decode("gb18030")
                    pos += 4
                except UnicodeDecodeError:
                    pos += 1
                continue
            if 0x40 <= nxt <= 0x7E or 0x80 <= nxt <= 0xFE:
                pos += 2
                continue
        if byte in (0x80, 0xFF):
            return pos + 1  # an invalid single byte: the decoder is in step after it
        pos += 1
    return pos


def _decode(data: bytes) -> str:
    return data.decode("gb18030", errors="replace").replace("\ufffd", "?")


def garble(
    text: str,
    seed: int,
    *,
    script: str | None = "s2tw",
    pinyin: bool = True,
    pinyin_chars: str = DEFAULT_PINYIN_CHARS,
    pinyin_rate: float = 1.0,
    fold: bool = True,
    shifts: int = 4,
    mark_rate: float = 0.6,
    punctuation_start_rate: float = 0.6,
    nfkc: bool = False,
    min_pairs: int = 1,
    at: list[int] | None = None,
) -> tuple[str, dict]:
    """Damage clean simplified `text` reproducibly; returns (garbled text, info) — see module doc."""
    rng = random.Random(seed)
    converted = text
    if script:
        from opencc import OpenCC

        converted = OpenCC(script).convert(text)
        if len(converted) != len(text):
            converter = OpenCC(script)
            converted = "".join(converter.convert(ch) or ch for ch in text)
    annotations = 0
    layered = converted
    if pinyin:
        layered, annotations = annotate_pinyin(text, converted, pinyin_chars, pinyin_rate, rng)
    if fold:
        layered = fold_punctuation(layered)

    data, offsets = _boundaries(layered)
    # candidate starting characters: two-byte characters, punctuation preferred
    two_byte = [i for i in range(len(layered)) if offsets[i + 1] - offsets[i] == 2]
    punct = [i for i in two_byte if layered[i] in _PUNCTUATION_STARTS]

    def stretch(index: int) -> tuple[int, int, int] | None:
        """(first byte, end byte, end character) of the damage starting at character `index`."""
        if index >= len(layered) or offsets[index + 1] - offsets[index] != 2:
            return None  # only a two-byte character can lose its lead byte
        start = offsets[index]
        resync = _resync(data, start + 1)
        # the stretch ends before the resync byte, or after it when that byte is a trail
        # byte read as an ASCII letter (then the letter belongs to the damaged stretch)
        end_char = min(bisect.bisect_left(offsets, resync), len(layered))
        end = offsets[end_char]
        if end <= start + 1 or len(_decode(data[start + 1 : end])) - 1 < min_pairs:
            return None  # too short to leave evidence: one "?" or letter for one character
        return start, end, end_char

    accepted: dict[int, tuple[int, int, int]] = {}
    if at is not None:
        candidates = list(at)
    else:
        candidates = []
        for _ in range(shifts * 20):
            pool = punct if punct and rng.random() < punctuation_start_rate else two_byte
            if pool:
                candidates.append(rng.choice(pool))
    for index in candidates:
        if at is None and len(accepted) >= shifts:
            break
        found = stretch(index)
        # keep two bytes of undamaged text between stretches
        if found is None or any(found[0] < e + 2 and s < found[1] + 2 for s, e, _ in accepted.values()):
            continue
        accepted[index] = found
    chosen = sorted(accepted)
    pieces_out: list[str] = []  # garbled text pieces
    pieces_ref: list[str] = []  # the same pieces undamaged
    spans = []
    byte_pos = 0
    char_pos = 0
    out_len = ref_len = 0

    def post(piece: str) -> str:
        if fold:
            piece = fold_punctuation(piece)
        if nfkc:
            piece = unicodedata.normalize("NFKC", piece)
        return piece

    for index in chosen:
        start, end, end_char = accepted[index]
        clean = post(_decode(data[byte_pos:start]))
        pieces_out.append(clean)
        pieces_ref.append(clean)
        out_len += len(clean)
        ref_len += len(clean)
        marked = rng.random() < mark_rate
        damaged = post(("?" if marked else "") + _decode(data[start + 1 : end]))
        original = post(layered[index:end_char])
        spans.append(
            {
                "start": out_len,
                "end": out_len + len(damaged),
                "garbled": damaged,
                "original": original,
                "orig_start": ref_len,
                "marked": marked,
            }
        )
        pieces_out.append(damaged)
        pieces_ref.append(original)
        out_len += len(damaged)
        ref_len += len(original)
        byte_pos = end
        char_pos = end_char
    rest = post(layered[char_pos:])
    pieces_out.append(rest)
    pieces_ref.append(rest)
    info = {
        "layered": "".join(pieces_ref),
        "spans": spans,
        "annotations": annotations,
        "layers": {
            "seed": seed,
            "script": script,
            "pinyin": pinyin,
            "pinyin_chars": pinyin_chars,
            "fold": fold,
            "shifts": shifts,
            "mark_rate": mark_rate,
            "nfkc": nfkc,
            "min_pairs": min_pairs,
            "at": at,
        },
    }
    return "".join(pieces_out), info


def main(argv: list[str] | None = None) -> int:
    """Command line: garble a UTF-8 file into another (info as JSON next to it with --info)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--script", default="s2tw", help='OpenCC config, or "none"')
    parser.add_argument("--shifts", type=int, default=4)
    parser.add_argument("--mark-rate", type=float, default=0.6)
    parser.add_argument("--no-pinyin", action="store_true")
    parser.add_argument("--no-fold", action="store_true")
    parser.add_argument("--nfkc", action="store_true")
    parser.add_argument("--info", help="write the info dict as JSON to this path")
    args = parser.parse_args(argv)
    text = Path(args.input).read_text(encoding="utf-8")
    garbled, info = garble(
        text,
        args.seed,
        script=None if args.script == "none" else args.script,
        pinyin=not args.no_pinyin,
        fold=not args.no_fold,
        shifts=args.shifts,
        mark_rate=args.mark_rate,
        nfkc=args.nfkc,
    )
    Path(args.output).write_text(garbled, encoding="utf-8")
    if args.info:
        Path(args.info).write_text(json.dumps(info, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
