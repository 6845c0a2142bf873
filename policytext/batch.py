"""Running a command over many inputs: expanding paths, one record per input, errors as records."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .decode import DecodeError

COMMANDS = ("clean", "segment", "keywords", "extract")
STDIN = "-"


class InputError(Exception):
    """An input that cannot be processed; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Options:
    """What a command needs besides the input (picklable: sent to worker processes)."""

    command: str = "extract"
    convert: str = "t2s"
    keep_boilerplate: bool = False
    pos: bool = False
    method: str = "tfidf"
    top: int | None = 20
    idf_path: str | None = None
    debug: bool = False  # let unexpected exceptions escape with their traceback


def expand_inputs(inputs: Iterable[str], glob: str = "*.txt") -> Iterator[str]:
    """Paths in order: files as given, directories walked recursively for `glob`, `-` for stdin."""
    for item in inputs:
        path = Path(item)
        if item != STDIN and path.is_dir():
            yield from sorted(str(p) for p in path.rglob(glob) if p.is_file() and not p.name.startswith("."))
        else:
            yield item


def read_input(path: str) -> bytes:
    """The bytes of one input; raises InputError with a one-line reason."""
    if path == STDIN:
        return sys.stdin.buffer.read()
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("no such file") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    return data


def process_bytes(data: bytes, path: str | None, options: Options) -> dict[str, Any]:
    """The output record of one command for one input's bytes."""
    from .pipeline import analyze, clean

    if not data.strip():
        raise InputError("empty input")
    try:
        if options.command in ("clean", "segment", "keywords"):
            doc = clean(data, path=path, convert=options.convert, keep_boilerplate=options.keep_boilerplate)
        else:
            doc = analyze(data, path=path, convert=options.convert, keep_boilerplate=options.keep_boilerplate,
                          keyword_method=None)
    except DecodeError as exc:
        raise InputError(str(exc)) from None
    record: dict[str, Any] = {"path": path}
    if options.command == "clean":
        record.update(meta=asdict(doc.meta), text=doc.text, repairs=[asdict(r) for r in doc.repairs])
    elif options.command == "segment":
        record["tokens"] = _token_records(doc.text, options.pos)
    elif options.command == "keywords":
        from .keywords import IdfTable, document_keywords

        idf = IdfTable.load(options.idf_path) if options.idf_path else None
        record["keywords"] = [asdict(k) for k in document_keywords(doc, options.method, options.top, idf)]
    else:
        record.update(doc.to_dict())
        record["path"] = path
    return record


def _token_records(text: str, pos: bool) -> list[dict[str, Any]]:
    from .segment import segment_text, tagged_tokens

    if pos:
        return [{"token": t.text, "start": t.start, "end": t.end, "pos": t.pos} for t in tagged_tokens(text)]
    records, start = [], 0
    for token in segment_text(text):
        records.append({"token": token, "start": start, "end": start + len(token)})
        start += len(token)
    return records


def process_path(path: str, options: Options) -> dict[str, Any]:
    """The record for one input path; failures become `{"path", "error"}` records, never exceptions."""
    try:
        return process_bytes(read_input(path), path, options)
    except InputError as exc:
        return {"path": path, "error": str(exc)}
    except Exception as exc:  # one bad input must not stop a batch
        if options.debug:
            raise
        return {"path": path, "error": f"internal error: {type(exc).__name__}: {exc}"}


def run(paths: Iterable[str], options: Options) -> Iterator[dict[str, Any]]:
    """Records for the paths, in input order."""
    for path in paths:
        yield process_path(path, options)
