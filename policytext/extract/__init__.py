"""Stage extract: structured policy elements from the clean text."""

from __future__ import annotations

from ..document import Document, Span


def run_extractors(doc: Document) -> Document:
    """Fill the element lists of `doc` (region first: indicators resolve 全省 with it)."""
    from .enumerations import extract_enumerations
    from .indicators import extract_indicators
    from .industries import extract_industries
    from .people import extract_people
    from .programs import extract_programs
    from .regions import document_region
    from .terms import extract_key_terms

    if doc.meta.region is None:
        doc.meta.region = document_region(doc.text, doc.meta.title)
    doc.indicators = extract_indicators(doc)
    doc.enumerations = extract_enumerations(doc)
    doc.programs = extract_programs(doc)
    doc.industries = extract_industries(doc)
    doc.people = extract_people(doc)
    doc.key_terms = extract_key_terms(doc, doc.tokens or None)
    for named in (*doc.programs, *doc.people):
        named.spans = mentions(doc.text, named.name)
        if named.span not in named.spans:  # (a listed name, A、B等条例, occurs only in parts)
            named.spans = sorted([*named.spans, named.span])
    return doc


def mentions(text: str, name: str) -> list[Span]:
    """Every `[start, end)` at which `name` occurs in `text` (not overlapping)."""
    found: list[Span] = []
    pos = text.find(name) if name else -1
    while pos >= 0:
        found.append((pos, pos + len(name)))
        pos = text.find(name, pos + len(name))
    return found
