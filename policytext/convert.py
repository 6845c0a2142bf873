"""Script conversion with OpenCC (pinned in pyproject: its tables change between releases)."""

from __future__ import annotations

from functools import cache

from .document import Edit

CONVERSIONS = ("t2s", "tw2s", "hk2s", "tw2sp", "none")
_BLOCK = 256


@cache
def converter(config: str):
    """A cached OpenCC converter for a config name such as "t2s"."""
    import opencc

    return opencc.OpenCC(config)


def find_script_changes(text: str, config: str = "t2s") -> list[Edit]:
    """Edits converting `text` with OpenCC `config`, one per changed run of characters."""
    if config == "none" or not text:
        return []
    if config not in CONVERSIONS:
        raise ValueError(f"unknown conversion {config!r}; choose from {', '.join(CONVERSIONS)}")
    edits: list[Edit] = []
    for line_start, line in _lines(text):
        converted = converter(config).convert(line)
        if converted == line:
            continue
        if len(converted) != len(line):  # a phrase changed length: one edit for the line
            edits.append(Edit(line_start, line_start + len(line), converted, "script", 1.0, config))
            continue
        edits.extend(_changed_runs(line, converted, line_start, config))
    return edits


def _lines(text: str):
    start = 0
    for line in text.splitlines(keepends=True):
        yield start, line
        start += len(line)


def _changed_runs(before: str, after: str, offset: int, config: str) -> list[Edit]:
    """Runs of differing characters between two equally long strings (blockwise: fast when few differ)."""
    edits: list[Edit] = []
    run_start = None
    for block in range(0, len(before), _BLOCK):
        if before[block : block + _BLOCK] == after[block : block + _BLOCK]:
            if run_start is not None:
                edits.append(Edit(offset + run_start, offset + block, after[run_start:block], "script", 1.0, config))
                run_start = None
            continue
        for i in range(block, min(block + _BLOCK, len(before))):
            if before[i] != after[i]:
                if run_start is None:
                    run_start = i
            elif run_start is not None:
                edits.append(Edit(offset + run_start, offset + i, after[run_start:i], "script", 1.0, config))
                run_start = None
    if run_start is not None:
        edits.append(Edit(offset + run_start, offset + len(before), after[run_start:], "script", 1.0, config))
    return edits
