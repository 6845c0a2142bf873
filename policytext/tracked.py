"""Text that remembers where each character came from in the decoded input.

Repair steps only *propose* `Edit`s against the current text; `TrackedText.apply` makes
them and records one `Repair` per edit with offsets into the original input, so any
change can be traced back and undone.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable

from .document import Edit, Repair


class TrackedText:
    """A string plus `origin[i]`: the index in the original input where char i came from.

    `origin` has `len(text) + 1` entries; the last one maps the end of the text.
    Inserted characters map to the start of the input range they replaced.
    """

    __slots__ = ("text", "origin", "raw")

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.text = raw
        self.origin = array("q", range(len(raw) + 1))

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The range of the original input that produced `text[start:end]`."""
        raw_start = self.origin[start]
        raw_end = self.origin[end] if end > start else raw_start
        # an edit's replacement maps wholly to the start of what it replaced: extend
        # the end to cover it
        if end > start and end < len(self.origin) and self.origin[end - 1] >= raw_end:
            raw_end = self.origin[end - 1] + 1
        return raw_start, max(raw_start, raw_end)

    def apply(self, edits: Iterable[Edit], record: bool = True) -> list[Repair]:
        """Apply non-overlapping edits (any order); returns the repairs made, in text order."""
        ordered = sorted(edits, key=lambda e: (e.start, e.end))
        if not ordered:
            return []
        text, origin = self.text, self.origin
        pieces: list[str] = []
        new_origin = array("q")
        repairs: list[Repair] = []
        pos = 0
        for edit in ordered:
            if edit.start < pos or edit.end < edit.start or edit.end > len(text):
                continue  # overlapping or out of range: the earlier edit wins
            pieces.append(text[pos : edit.start])
            new_origin.extend(origin[pos : edit.start])
            raw_start = origin[edit.start]
            raw_end = origin[edit.end] if edit.end > edit.start else raw_start
            if edit.end > edit.start:
                raw_end = max(raw_end, origin[edit.end - 1] + 1)
            pieces.append(edit.after)
            new_origin.extend([raw_start] * len(edit.after))
            if record:
                repairs.append(
                    Repair(
                        kind=edit.kind,
                        start=raw_start,
                        end=raw_end,
                        before=text[edit.start : edit.end],
                        after=edit.after,
                        confidence=round(edit.confidence, 3),
                        note=edit.note,
                    )
                )
            pos = edit.end
        pieces.append(text[pos:])
        new_origin.extend(origin[pos:])
        self.text = "".join(pieces)
        self.origin = new_origin
        return repairs
