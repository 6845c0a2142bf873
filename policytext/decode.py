"""Stage 1: bytes to text.

Byte-order marks decide first (UTF-8, UTF-16, UTF-32); then strict UTF-8; then UTF-8 with a
few invalid bytes (a download cut mid-character, a stray byte: they become U+FFFD and the
encoding name says how many); then the Chinese legacy encodings GB18030 and Big5, where a
byte string decodes under both, the reading with more common characters wins.
"""

from __future__ import annotations

import codecs
import re
from functools import cache

from .resources import read_lines


class DecodeError(ValueError):
    """The input is not text in an encoding we read (binary data, random bytes)."""


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LEGACY = ("gb18030", "big5")


@cache
def common_chars() -> frozenset[str]:
    """Frequent Han characters, simplified and traditional (data/common_chars.txt)."""
    return frozenset("".join(read_lines("common_chars.txt")))


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode `data`; returns (text, encoding name). Raises DecodeError for binary input."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data.decode(encoding)), encoding
            except UnicodeDecodeError as exc:
                lenient = _mostly_valid(data, encoding)
                if lenient is None:
                    raise DecodeError(f"invalid {encoding} after byte-order mark: {exc.reason}") from None
                return lenient
    if b"\x00" in data[:4096]:
        guessed = _utf16_without_bom(data)
        if guessed is None:
            raise DecodeError("binary file (NUL bytes)")
        return guessed
    try:
        return _check_text(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    # strict legacy readings first (max() keeps the first of equals), then UTF-8 with a few
    # bad bytes; only when none of these exists, a legacy reading with a few bad bytes
    readings = []
    for encoding in _LEGACY:
        try:
            readings.append((data.decode(encoding), encoding))
        except UnicodeDecodeError:
            continue
    lenient = _mostly_valid(data, "utf-8")
    if lenient is not None:
        readings.append(lenient)
    if not readings:
        readings = [r for r in (_mostly_valid(data, encoding) for encoding in _LEGACY) if r is not None]
    if not readings:
        raise DecodeError("not text: no UTF-8, UTF-16, GB18030 or Big5 reading")
    text, encoding = max(readings, key=lambda reading: _commonness(reading[0]))
    return _check_text(text), encoding


# a text in another encoding has invalid UTF-8 sequences every few characters; a UTF-8 text
# damaged in transit has a handful (at most one per 500 bytes), or one at its cut-off end
_MAX_INVALID = 8
_MAX_INVALID_SHARE = 0.002


def _mostly_valid(data: bytes, encoding: str) -> tuple[str, str] | None:
    """`data` read as `encoding` with its few invalid bytes as U+FFFD, or None when there are many."""
    invalid: list[tuple[int, int]] = []

    def replace(exc: UnicodeDecodeError) -> tuple[str, int]:
        invalid.append((exc.start, exc.end))
        return "\ufffd", exc.end

    codecs.register_error("policytext-count", replace)
    text = data.decode(encoding, errors="policytext-count")
    cut_off = len(invalid) == 1 and invalid[0][1] == len(data)
    if len(invalid) > _MAX_INVALID or (len(invalid) > _MAX_INVALID_SHARE * len(data) and not cut_off):
        return None
    try:
        text = _check_text(text)
    except DecodeError:
        return None
    return text, f"{encoding} ({sum(end - start for start, end in invalid)} invalid bytes as U+FFFD)"


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    even_zeros = data[0:4096:2].count(0)
    odd_zeros = data[1:4096:2].count(0)
    encoding = "utf-16-le" if odd_zeros > even_zeros else "utf-16-be"
    try:
        return _check_text(data.decode(encoding)), encoding
    except (UnicodeDecodeError, DecodeError):
        return None


def _commonness(text: str) -> float:
    common = common_chars()
    han = [ch for ch in text[:20000] if "\u4e00" <= ch <= "\u9fff"]
    if not han:
        return 0.0
    return sum(map(common.__contains__, han)) / len(han)


_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f]")  # below space, other than \t \n \v \f \r


def _check_text(text: str) -> str:
    """Reject decodings that are mostly control characters (binary data that happened to decode)."""
    sample = text[:20000]
    if not sample:
        return text
    controls = len(_CONTROL_CHARS.findall(sample))
    if controls / len(sample) > 0.02:
        raise DecodeError("binary file (control characters)")
    return text
