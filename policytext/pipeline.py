"""The stages composed: decode → repair → convert → split boilerplate → segment → extract → keywords.

Each stage is a small function over one `Document`; `clean` runs the text stages and
`analyze` runs them all. Repairs are proposed as edits and applied through `TrackedText`,
so every change is recorded with offsets into the decoded input.
"""

from __future__ import annotations

import hashlib
import re

from .convert import find_script_changes
from .decode import DecodeError, decode_bytes
from .document import BoilerplateLine, Document, Edit, Source
from .repair.boilerplate import split_boilerplate
from .repair.frameshift import find_frame_shifts
from .repair.mojibake import find_whole_mojibake
from .repair.pinyin import find_pinyin_annotations
from .repair.punctuation import find_ascii_punctuation, find_full_width_alphanumerics
from .sentences import split_sentences
from .tracked import TrackedText

# whitespace runs that contain a line break become one line break; edges are trimmed
# (found as maximal runs and then inspected: a pattern like `[ \t]*\n` retried at every
# position of a long run of spaces without a break is quadratic)
_WHITESPACE_RUN = re.compile(r"\s+")
_BEFORE_BREAK = " \t\u3000\xa0\r"


def load(data: str | bytes, path: str | None = None) -> Document:
    """Stage decode: bytes (or text) into a Document with `raw` and `source` set."""
    if isinstance(data, bytes):
        raw, encoding = decode_bytes(data)
        digest = hashlib.sha256(data).hexdigest()
        size = len(data)
    else:
        raw, encoding = _well_formed(data), None
        digest = hashlib.sha256(raw.encode("utf-8")).hexdigest()
        size = None
    raw = raw.replace("\r\n", "\n").replace("\r", "\n") if "\r" in raw else raw
    return Document(raw=raw, source=Source(path=path, encoding=encoding, sha256=digest, size=size))


def _well_formed(text: str) -> str:
    """`text` with surrogate pairs joined; raises DecodeError for a lone surrogate (not text)."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
    except UnicodeDecodeError as exc:
        raise DecodeError(f"lone surrogate at character {exc.start // 2}") from None


def repair_steps():
    """The repair steps in the order they must run (see DESIGN.md: frame shifts first)."""
    return (
        find_whole_mojibake,
        find_frame_shifts,
        find_pinyin_annotations,
        find_full_width_alphanumerics,  # before punctuation: "０:《" needs the ASCII digit to see the ":"
        find_ascii_punctuation,
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
    """Trim the text's edges and turn each whitespace run holding a line break into one break.

    Spaces and tabs before the run's first break go with it; anything after it is whitespace.
    """
    body_end = len(text.rstrip())
    if body_end == 0:
        return [Edit(0, len(text), "", "whitespace")] if text else []
    body_start = len(text) - len(text.lstrip())
    edits = []
    if body_start:
        edits.append(Edit(0, body_start, "", "whitespace"))
    if body_end < len(text):
        edits.append(Edit(body_end, len(text), "", "whitespace"))
    for m in _WHITESPACE_RUN.finditer(text, body_start, body_end):
        first_break = text.find("\n", m.start(), m.end())
        if first_break < 0:
            continue
        start = first_break
        while start > m.start() and text[start - 1] in _BEFORE_BREAK:
            start -= 1
        if m.end() - start > 1:  # a lone "\n" is already normal
            edits.append(Edit(start, m.end(), "\n", "whitespace"))
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
            keep_boilerplate: bool = False, keyword_method: str | None = "tfidf", top: int = 20) -> Document:
    """Run every stage over one article and return its Document."""
    from .keywords import document_keywords
    from .segment import segment_document

    doc = clean(data, path=path, convert=convert, keep_boilerplate=keep_boilerplate)
    segment_document(doc)
    extract_elements(doc)
    if keyword_method is not None:  # None: the caller ranks keywords itself
        doc.keywords = document_keywords(doc, method=keyword_method, top=top)
    return doc
