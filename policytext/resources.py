"""Where the bundled data files live, and loading them once per process.

In a wheel the files sit in `policytext/data/`; in a source checkout they are in the
top-level `data/` folder. Data files are plain text: lines starting with `#` are
comments (source and licence headers), the first non-comment line of a TSV is its header.
"""

from __future__ import annotations

import contextlib
import csv
import marshal
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_dir() -> Path:
    """The folder holding the bundled data files."""
    for candidate in (_PACKAGE_DIR / "data", _PACKAGE_DIR.parent / "data"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("policytext data folder not found (broken install?)")


def data_path(name: str) -> Path:
    """Path of a bundled data file by name."""
    return data_dir() / name


def read_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a bundled text file, stripped."""
    with data_path(name).open(encoding="utf-8") as handle:
        return [s for line in handle if (s := line.strip()) and not s.startswith("#")]


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a bundled TSV file (comment lines skipped, first row is the header)."""
    with data_path(name).open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@cache
def stopwords() -> frozenset[str]:
    """Stopwords for keyword tables."""
    return frozenset(read_lines("stopwords.txt"))


def words_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """One regular expression matching any of `words`, the longest at each position.

    Built as a character trie, so a match attempt costs one branch per character instead of one
    alternative per word (large lexicons scan several times faster than "a|b|c")."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return re.compile(_trie_pattern(trie))


def _trie_pattern(node: dict[str, dict]) -> str:
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def marshal_cache(name: str, key: str, build: Callable[[], Any], load: Callable[[Any], T] = lambda value: value) -> T:
    """`load(build())`, with `build()`'s marshal-able value kept in the temporary directory, as jieba
    keeps its dictionary: `policytext-{name}-{key}-{user}.marshal`. A file that is missing,
    unreadable or not what `load` accepts (any exception) is rebuilt; a directory that cannot be
    written only means building again next time. `key` must change whenever the value would."""
    path = Path(tempfile.gettempdir()) / f"policytext-{name}-{key}-{_user()}.marshal"
    try:
        return load(marshal.loads(path.read_bytes()))
    except Exception:  # noqa: BLE001 - whatever is wrong with the file, rebuild it
        pass
    value = build()
    result = load(value)
    handle = None
    try:
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=f"policytext-{name}-", delete=False) as handle:
            handle.write(marshal.dumps(value))
        os.replace(handle.name, path)
    except OSError:
        if handle is not None:
            with contextlib.suppress(OSError):
                os.unlink(handle.name)
    return result


def _user() -> str:
    """The user's id: each user keeps their own cache files in a shared temporary directory."""
    return str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
