"""Remove inline pinyin annotations such as 業(yè) — only where the pinyin is a reading of
the character before it (checked with pypinyin), so real parentheses survive."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from ..document import Edit

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
# a Han character followed by a parenthesised pinyin syllable (ASCII or full-width parens)
ANNOTATION = re.compile(
    rf"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])([(（])([a-zA-Z{_TONED}]{{1,7}})([)）])"
)


@cache
def _reading_table() -> dict[int, str]:
    """pypinyin's single-character reading table (code point -> "yè,..."), loaded on its own:
    importing the pypinyin package also loads its phrase dictionary, six times slower."""
    import importlib.util
    from pathlib import Path

    package = importlib.util.find_spec("pypinyin")
    path = Path(package.origin).with_name("pinyin_dict.py")
    spec = importlib.util.spec_from_file_location("_policytext_pinyin_dict", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.pinyin_dict


@cache
def readings(char: str) -> frozenset[str]:
    """The tone-marked pinyin readings of a character (of its simplified form too)."""
    found = set(filter(None, _reading_table().get(ord(char), "").split(",")))
    simplified = _simplify(char)
    if simplified != char:
        found |= readings(simplified)
    return frozenset(found)


def _simplify(char: str) -> str:
    from ..convert import converter

    return converter("t2s").convert(char)


def _strip_tone(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable.replace("ü", "v"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def is_reading(char: str, syllable: str) -> bool:
    """True when `syllable` (tone marks optional) is a reading of `char`."""
    known = readings(char)
    if syllable.lower() in known:
        return True
    bare = _strip_tone(syllable)
    return any(_strip_tone(r) == bare for r in known)


def find_pinyin_annotations(text: str) -> list[Edit]:
    """Edits deleting each `字(zì)` annotation whose pinyin is a reading of the character."""
    edits = []
    for match in ANNOTATION.finditer(text):
        char, syllable = match.group(1), match.group(3)
        if is_reading(char, syllable):
            toned = any(ch in _TONED for ch in syllable)
            edits.append(
                Edit(match.start(2), match.end(), "", "pinyin", 1.0 if toned else 0.8, f"{char}:{syllable}")
            )
    return edits
