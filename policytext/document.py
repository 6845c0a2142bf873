"""The document model every stage reads from and adds to.

Offsets: `Repair.start/end` index into `Document.raw` (the decoded input); every element
`span` is a half-open `[start, end)` range into `Document.text` (the clean body) and
`text[start:end]` is the element's surface form (`Indicator.quantity`, `Program.name`, ...).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any

Span = tuple[int, int]


@dataclass(slots=True)
class Edit:
    """A change a repair step proposes to the text it was given (offsets into that text)."""

    start: int
    end: int
    after: str
    kind: str
    confidence: float = 1.0
    note: str = ""


@dataclass(slots=True)
class Repair:
    """A change that was made, traced back to the decoded input (`start`/`end` into `raw`)."""

    kind: str
    start: int
    end: int
    before: str
    after: str
    confidence: float = 1.0
    note: str = ""


@dataclass(slots=True)
class Source:
    path: str | None = None
    encoding: str | None = None
    sha256: str | None = None
    size: int | None = None


@dataclass(slots=True)
class BoilerplateLine:
    """A line split off the body: what it was, where it stood in `raw`, and why."""

    text: str
    start: int
    end: int
    kind: str


@dataclass(slots=True)
class Meta:
    title: str | None = None
    published: str | None = None  # ISO date
    source: str | None = None
    publisher: str | None = None
    views: int | None = None
    breadcrumb: list[str] = field(default_factory=list)
    region: str | None = None
    boilerplate: list[BoilerplateLine] = field(default_factory=list)


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    pos: str | None = None


@dataclass(slots=True)
class Indicator:
    """A stated quantity. `value` is the number as written (a float, or [lo, hi] for a range)."""

    subject: str | None
    metric: str | None
    value: float | list[float]
    unit: str
    qualifier: str | None
    period: str | None
    region: str | None
    evidence: str
    span: Span
    quantity: str  # text[span]: the number and unit as written
    base_value: float | list[float] | None = None
    base_unit: str | None = None


@dataclass(slots=True)
class Enumeration:
    head: str | None
    items: list[str]
    span: Span  # from the first item to the last, as written
    item_spans: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Program:
    name: str  # text[span]; for a name listed before a shared keyword (A、B等条例) text[span] + the keyword
    kind: str  # document, action, plan, project, scheme, system, pilot, task, strategy, regulation
    verb: str | None
    span: Span  # the mention the verb was read from
    spans: list[Span] = field(default_factory=list)  # every mention of the name


@dataclass(slots=True)
class Industry:
    name: str
    category: str
    members: list[str]
    count: int
    group: str | None = None
    spans: list[Span] = field(default_factory=list)
    source: str | None = None


@dataclass(slots=True)
class Person:
    name: str
    titles: list[str]
    organizations: list[str] = field(default_factory=list)
    span: Span = (0, 0)  # the first mention
    spans: list[Span] = field(default_factory=list)  # every mention of the name


@dataclass(slots=True)
class Keyword:
    term: str
    count: int
    weight: float


@dataclass(slots=True)
class Document:
    """One article as it moves through the stages."""

    raw: str
    text: str = ""
    source: Source = field(default_factory=Source)
    meta: Meta = field(default_factory=Meta)
    repairs: list[Repair] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)  # segmentation of `text`, in order, covering it
    indicators: list[Indicator] = field(default_factory=list)
    enumerations: list[Enumeration] = field(default_factory=list)
    programs: list[Program] = field(default_factory=list)
    industries: list[Industry] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    key_terms: list[str] = field(default_factory=list)
    keywords: list[Keyword] = field(default_factory=list)

    def sentence_at(self, pos: int) -> Span:
        """The sentence span containing character `pos` of `text` (the whole text if none)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            start, end = self.sentences[mid]
            if pos < start:
                hi = mid - 1
            elif pos >= end:
                lo = mid + 1
            else:
                return start, end
        return 0, len(self.text)

    def token_spans(self) -> list[Token]:
        """The tokens with their `[start, end)` offsets into `text`."""
        from .segment import with_offsets

        return with_offsets(self.tokens)

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract of `extract --format json` (keys are only ever added)."""
        return {
            "source": plain(self.source),
            "meta": plain(self.meta),
            "text": self.text,
            "repairs": plain(self.repairs),
            "indicators": plain(self.indicators),
            "enumerations": plain(self.enumerations),
            "programs": plain(self.programs),
            "industries": plain(self.industries),
            "people": plain(self.people),
            "key_terms": list(self.key_terms),
            **({"keywords": plain(self.keywords)} if self.keywords else {}),
        }


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def plain(value: Any) -> Any:
    """`value` as JSON-ready Python data: dataclasses become dicts, tuples become lists (spans).

    A lean `dataclasses.asdict`: our records hold only strings, numbers, lists, tuples, dicts and
    other records, so nothing needs deep-copying."""
    if isinstance(value, (str, int, float)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return {name: plain(getattr(value, name)) for name in _field_names(type(value))}
