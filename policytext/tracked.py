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
    """A string plus, for each character, the range `[starts[i], ends[i])` of the input it came from.

    An original character covers itself; the characters an edit inserted all cover the
    whole input range the edit replaced.
    """

    __slots__ = ("text", "starts", "ends", "raw")

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.text = raw
        self.starts = array("q", range(len(raw)))
        self.ends = array("q", range(1, len(raw) + 1))

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The range of the original input that produced `text[start:end]`."""
        if end > start:
            return self.starts[start], self.ends[end - 1]
        position = self.starts[start] if start < len(self.text) else len(self.raw)
        if start == len(self.text) and self.text:
            position = self.ends[-1]
        return position, position

    def apply(self, edits: Iterable[Edit], record: bool = True) -> list[Repair]:
        """Apply non-overlapping edits (any order); returns the repairs made, in text order."""
        ordered = sorted(edits, key=lambda e: (e.start, e.end))
        if not ordered:
            return []
        text, starts, ends = self.text, self.starts, self.ends
        pieces: list[str] = []
        new_starts, new_ends = array("q"), array("q")
        repairs: list[Repair] = []
        pos = 0
        for edit in ordered:
            if edit.start < pos or edit.end < edit.start or edit.end > len(text):
                continue  # overlapping or out of range: the earlier edit wins
            pieces.append(text[pos : edit.start])
            new_starts.extend(starts[pos : edit.start])
            new_ends.extend(ends[pos : edit.start])
            raw_start, raw_end = self.raw_span(edit.start, edit.end)
            pieces.append(edit.after)
            new_starts.extend([raw_start] * len(edit.after))
            new_ends.extend([raw_end] * len(edit.after))
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
        new_starts.extend(starts[pos:])
        new_ends.extend(ends[pos:])
        self.text = "".join(pieces)
        self.starts, self.ends = new_starts, new_ends
        return repairs
