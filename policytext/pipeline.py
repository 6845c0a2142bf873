"""The stages composed: decode → repair → convert → split boilerplate → segment → extract → keywords.

Each stage is a small function over one `Document`; `clean` runs the text stages and
`analyze` runs them all. Repairs are proposed as edits and applied through `TrackedText`,
so every change is recorded with offsets into the decoded input.
"""

from __future__ import annotations

import hashlib
import re

from .convert import find_script_changes
from .decode import decode_bytes
from .document import BoilerplateLine, Document, Edit, Source
from .repair.boilerplate import split_boilerplate
from .repair.pinyin import find_pinyin_annotations
from .repair.punctuation import find_ascii_punctuation, find_full_width_alphanumerics
from .sentences import split_sentences
from .tracked import TrackedText

# whitespace runs that contain a line break become one line break; edges are trimmed
_LINE_BREAKS = re.compile(r"[ \t\u3000\xa0\r]*\n[\s\u3000\xa0]*")
_EDGES = re.compile(r"^[\s\u3000\xa0]+|[\s\u3000\xa0]+$")


def _optional_step(module: str, function: str):
    """A repair step from a module that may not be present in this build (returns no edits)."""
    import importlib

    try:
        return getattr(importlib.import_module(module, __package__), function)
    except (ImportError, AttributeError):
        return lambda text: []


def load(data: str | bytes, path: str | None = None) -> Document:
    """Stage decode: bytes (or text) into a Document with `raw` and `source` set."""
    if isinstance(data, bytes):
        raw, encoding = decode_bytes(data)
        digest = hashlib.sha256(data).hexdigest()
        size = len(data)
    else:
        raw, encoding = data, None
        digest = hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()
        size = None
    raw = raw.replace("\r\n", "\n").replace("\r", "\n") if "\r" in raw else raw
    return Document(raw=raw, source=Source(path=path, encoding=encoding, sha256=digest, size=size))


def repair_steps():
    """The repair steps in the order they must run (see DESIGN.md: frame shifts first)."""
    return (
        _optional_step(".repair.mojibake", "find_whole_mojibake"),
        _optional_step(".repair.frameshift", "find_frame_shifts"),
        find_pinyin_annotations,
        find_ascii_punctuation,
        find_full_width_alphanumerics,
    )


def clean_document(doc: Document, convert: str = "t2s", keep_boilerplate: bool = False) -> Document:
    """Stages repair + convert + boilerplate: sets `text`, `repairs` and `meta` of `doc`."""
    tracked = TrackedText(doc.raw)
    repairs = []
    for step in repair_steps():
        repairs += tracked.apply(step(tracked.text))
    repairs += tracked.apply(find_script_changes(tracked.text, convert))
    meta, lines = split_boilerplate(tracked.text)
    for line in lines:
        raw_start, raw_end = tracked.raw_span(line.start, line.end)
        meta.boilerplate.append(BoilerplateLine(line.text, raw_start, raw_end, line.kind))
    if not keep_boilerplate:
        tracked.apply([Edit(line.start, line.end, "", "boilerplate") for line in lines], record=False)
    tracked.apply(_whitespace_edits(tracked.text), record=False)
    doc.text, doc.meta, doc.repairs = tracked.text, meta, repairs
    doc.sentences = split_sentences(doc.text)
    return doc


def _whitespace_edits(text: str) -> list[Edit]:
    """Trim the text's edges and turn each whitespace run holding a line break into one break."""
    edits = [Edit(m.start(), m.end(), "", "whitespace") for m in _EDGES.finditer(text)]
    lead = edits[0].end if edits and edits[0].start == 0 else 0
    tail = edits[-1].start if edits and edits[-1].end == len(text) and edits[-1].start > 0 else len(text)
    edits += [
        Edit(m.start(), m.end(), "\n", "whitespace")
        for m in _LINE_BREAKS.finditer(text, lead, tail)
        if m.group() != "\n" and m.end() <= tail
    ]
    return edits


def clean(data: str | bytes, *, path: str | None = None, convert: str = "t2s",
          keep_boilerplate: bool = False) -> Document:
    """Decode and repair one article: the Document with clean `text`, `meta` and `repairs`."""
    return clean_document(load(data, path), convert=convert, keep_boilerplate=keep_boilerplate)


def extract_elements(doc: Document) -> Document:
    """Stage extract: indicators, enumerations, programmes, industries, people, key terms."""
    from .extract import run_extractors

    return run_extractors(doc)


def analyze(data: str | bytes, *, path: str | None = None, convert: str = "t2s",
            keep_boilerplate: bool = False, keyword_method: str = "tfidf", top: int = 20) -> Document:
    """Run every stage over one article and return its Document."""
    from .keywords import document_keywords
    from .segment import segment_document

    doc = clean(data, path=path, convert=convert, keep_boilerplate=keep_boilerplate)
    segment_document(doc)
    extract_elements(doc)
    doc.keywords = document_keywords(doc, method=keyword_method, top=top)
    return doc
