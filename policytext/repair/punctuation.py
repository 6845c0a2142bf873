"""Restore full-width punctuation where ASCII punctuation stands in Chinese text."""

from __future__ import annotations

import re

from ..document import Edit

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CLOSERS = "”’」』》）】"
_OPENERS = "“‘「『《（【"
FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}

# , ; ? ! after Han text or a closing mark; : after Han (not in times or URLs)
# (each pattern starts with the mark itself and looks behind afterwards: the regex engine then
# skips straight from one ASCII mark to the next)
_AFTER_HAN = re.compile(rf"[,;?!](?<=[{_HAN}{_CLOSERS}].)|:(?<=[{_HAN}]:)(?!//)")
# , ; : before Han text after a digit ("2024,全省") — not between digits (1,000)
_BEFORE_HAN = re.compile(rf"[,;:](?<=[0-9%].)(?=[{_HAN}{_OPENERS}])")
_HAN_CHAR = re.compile(f"[{_HAN}]")
_MAX_QUOTED = 60
# parentheses whose content starts or ends with Han text
_PARENS = re.compile(rf"\((?=[{_HAN}])[^()\n]{{0,60}}?(?<=[{_HAN}])\)")


def find_ascii_punctuation(text: str) -> list[Edit]:
    """Edits turning ASCII , : ; ? ! ( ) and paired " into full-width forms inside Chinese text."""
    edits = [
        Edit(m.start(), m.end(), FULL_WIDTH[m.group()], "punctuation", 0.95)
        for pattern in (_AFTER_HAN, _BEFORE_HAN)
        for m in pattern.finditer(text)
    ]
    edits += _quote_pairs(text)
    for m in _PARENS.finditer(text):
        edits.append(Edit(m.start(), m.start() + 1, "（", "punctuation", 0.9))
        edits.append(Edit(m.end() - 1, m.end(), "）", "punctuation", 0.9))
        # "(间)," : the mark after a parenthesis made full-width here is after a closer too
        if m.end() < len(text) and text[m.end()] in ",;?!":
            edits.append(Edit(m.end(), m.end() + 1, FULL_WIDTH[text[m.end()]], "punctuation", 0.95))
    return edits


def _quote_pairs(text: str) -> list[Edit]:
    """ASCII double quotes, paired in order on lines holding an even number of them, around text
    with a Han character: "十三五" → “十三五” (English quotations stay as they are)."""
    edits: list[Edit] = []
    if '"' not in text:
        return edits
    line_start = 0
    for line in text.split("\n"):
        marks = [line_start + i for i, ch in enumerate(line) if ch == '"']
        if len(marks) % 2 == 0:
            for opening, closing in zip(marks[::2], marks[1::2], strict=True):
                if closing - opening - 1 <= _MAX_QUOTED and _HAN_CHAR.search(text, opening + 1, closing):
                    edits.append(Edit(opening, opening + 1, "“", "punctuation", 0.9))
                    edits.append(Edit(closing, closing + 1, "”", "punctuation", 0.9))
        line_start += len(line) + 1
    return edits


_FULL_WIDTH_ALNUM = re.compile(r"[０-９Ａ-Ｚａ-ｚ]+|(?<=[0-9０-９])[．％](?=[0-9０-９]|)")


def find_full_width_alphanumerics(text: str) -> list[Edit]:
    """Edits turning full-width digits and Latin letters (and ％, decimal ．) into ASCII."""
    return [
        Edit(m.start(), m.end(), m.group().translate(_TO_ASCII), "width", 1.0)
        for m in _FULL_WIDTH_ALNUM.finditer(text)
    ]


_TO_ASCII = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
