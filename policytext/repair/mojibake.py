"""Undo whole-document mojibake: text decoded with the wrong codec from start to end.

Kinds handled (ASCII is the same in all of them, so only the non-ASCII stretch changes):
  utf8-as-gbk      UTF-8 bytes read as GBK/GB18030      鍏ㄥ浗 → 全国
  gbk-as-latin1    GB18030 bytes read as Latin-1/cp1252  È«¹ú → 全国
  utf8-as-latin1   UTF-8 bytes read as Latin-1/cp1252    å…¨å›½ → 全国
A reading is accepted only when it turns text with few common Chinese characters into
text where nearly all Han characters are common ones; normal Chinese text is left alone.
"""

from __future__ import annotations

import math
import re
from functools import cache

from ..document import Edit

MIN_HAN = 4  # a repaired stretch must hold at least this many Han characters
MIN_NON_ASCII = 6  # shorter non-ASCII stretches are left alone
COMMON_AFTER = 0.85  # share of common characters the repaired text needs ...
COMMON_BEFORE = 0.95  # ... while the text as it stands has less than this ...
MIN_GAIN_PER_CHAR = 1.0  # ... and the character model must prefer it by this much (nats per character)
PROBE_CHARS = 2000  # the first characters of a text decide when they read as Chinese ...
PROBE_MIN_HAN = 200  # ... and hold at least this many Han characters
MAX_LOST = 0.02  # share of characters that may fail to convert (bytes lost in the damage)

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN1 = re.compile(
    r"[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@cache
def _common() -> frozenset[str]:
    from ..decode import common_chars

    return common_chars()


def _common_share(text: str) -> tuple[float, int]:
    """(share of Han characters that are common, number of Han characters)."""
    han = _HAN.findall(text)
    if not han:
        return 0.0, 0
    common = _common()
    return sum(map(common.__contains__, han)) / len(han), len(han)


_CP1252_HOLES = (0x81, 0x8D, 0x8F, 0x90, 0x9D)  # bytes cp1252 leaves undefined


def _latin1_bytes(text: str) -> tuple[bytes, list[int]]:
    """Bytes of a Latin-1/cp1252 reading, and positions of characters that stood for a lost byte."""
    out = bytearray()
    holes = []
    for ch in text:
        code = ord(ch)
        if code < 0x100:
            out.append(code)
            continue
        try:
            out.extend(ch.encode("cp1252"))
        except UnicodeEncodeError:  # U+FFFD or "?" for an undefined byte
            holes.append(len(out))
            out.append(_CP1252_HOLES[0])
    return bytes(out), holes


def _fill_holes(raw: bytes, holes: list[int], codec: str, values: tuple[int, ...]) -> bytes:
    """Choose each lost byte among `values` so the text around it reads best (character model)."""
    from .charlm import load

    lm = load()
    data = bytearray(raw)
    for pos in holes:
        best = (-math.inf, data[pos])
        for value in values:
            data[pos] = value
            window = bytes(data[max(0, pos - 6) : pos + 7]).decode(codec, errors="replace")
            score = lm.score(window.replace("\ufffd", "")) - 12.0 * window.count("\ufffd")
            if score > best[0]:
                best = (score, value)
        data[pos] = best[1]
    return bytes(data)


_CONTINUATION = tuple(range(0x80, 0xC0))


def _gbk_bytes(text: str) -> tuple[bytes, list[int]]:
    """GB18030 bytes of a GBK reading; a replacement character stands for one lost byte."""
    out = bytearray()
    holes = []
    for ch in text:
        if ch == "\ufffd":
            holes.append(len(out))
            out.append(0x80)
        else:
            out.extend(ch.encode("gb18030", errors="replace"))
    return bytes(out), holes


def _readings(stretch: str) -> list[tuple[str, str]]:
    """(kind, text) for every reverse decoding of `stretch` that works."""
    found = []
    non_ascii = len(_NON_ASCII.findall(stretch))
    latin = len(_LATIN1.findall(stretch))
    han = len(_HAN.findall(stretch))
    if latin >= (1 - MAX_LOST) * non_ascii:  # a Latin-1 reading: (nearly) nothing else in it
        raw, holes = _latin1_bytes(stretch)
        for kind, codec in (("gbk-as-latin1", "gb18030"), ("utf8-as-latin1", "utf-8")):
            data = _fill_holes(raw, holes, codec, _CP1252_HOLES) if holes else raw
            found.append((kind, data.decode(codec, errors="replace")))
    if han >= non_ascii // 2:  # a GBK reading: mostly Han characters
        raw, holes = _gbk_bytes(stretch)
        data = _fill_holes(raw, holes, "utf-8", _CONTINUATION) if holes else raw
        found.append(("utf8-as-gbk", data.decode("utf-8", errors="replace")))
    return found


def _reads_as_chinese(stretch: str, min_han: int = 0) -> bool:
    """True when `stretch` is mostly common Han characters (at least `min_han`) with few Latin-1
    letters among them."""
    share, han = _common_share(stretch)
    return han >= min_han and share >= COMMON_BEFORE and len(_LATIN1.findall(stretch)) < max(4, han // 4)


def find_whole_mojibake(text: str) -> list[Edit]:
    """One edit (kind "mojibake") undoing whole-text mojibake, or [] when the text reads fine."""
    first = _NON_ASCII.search(text)
    if first is None:
        return []
    start = first.start()
    end = len(text)
    while end > start and text[end - 1].isascii():
        end -= 1
    stretch = text[start:end]
    if _reads_as_chinese(stretch[:PROBE_CHARS], PROBE_MIN_HAN):
        return []  # whole-text mojibake shows from its first characters on
    non_ascii = len(_NON_ASCII.findall(stretch))
    if non_ascii < MIN_NON_ASCII:
        return []
    if _reads_as_chinese(stretch):
        return []  # reads as Chinese already
    share = _common_share(stretch)[0]
    best = None
    for kind, repaired in _readings(stretch):
        lost = repaired.count("\ufffd")
        if lost > MAX_LOST * len(repaired) + 1:
            continue
        after_share, after_han = _common_share(repaired)
        if after_han < MIN_HAN or after_share < COMMON_AFTER or after_share <= share:
            continue
        if best is None or after_share > best[0]:
            best = (after_share, kind, repaired.replace("\ufffd", "?"))
    if best is None:
        return []
    after_share, kind, repaired = best
    from .charlm import load

    lm = load()
    sample_before, sample_after = stretch[:2000], repaired[: max(1, len(repaired) * 2000 // len(stretch))]
    gain = lm.score(sample_after) / len(sample_after) - lm.score(sample_before) / len(sample_before)
    if gain < MIN_GAIN_PER_CHAR:
        return []
    return [Edit(start, end, repaired, "mojibake", round(min(0.99, after_share), 3), kind)]
