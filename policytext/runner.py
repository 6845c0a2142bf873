"""Running a command over its inputs: collecting paths, choosing the output format, streaming
records from `batch.run` to stdout or a file (whole records, in order), progress on stderr,
stopping cleanly on SIGINT/SIGTERM and resuming. The CLI parses options and calls `run_batch`."""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import sys
import threading
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path
from typing import Any

from .batch import STDIN, KeywordCorpus, Options, RunError, expand_inputs, read_path_list, run


def say(message: str) -> None:
    """One line on stderr."""
    print(message, file=sys.stderr, flush=True)


class ExitStatus(Exception):
    """Stop with this exit status; what went wrong has already been said on stderr."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    text = "text"


class UserError(Exception):
    """A problem with what the user asked for: reported as one line, exit status 2."""


@dataclass
class Batch:
    """The input and output options every command shares."""

    inputs: list[str] | None
    format: Format | None
    glob: str
    from_list: str | None
    output: Path | None
    workers: int | None
    cluster: str | None
    resume: bool


@dataclass
class KeywordExtras:
    """Corpus products of the keywords command."""

    save_idf: Path | None = None
    corpus: bool = False
    matrix: Path | None = None


def _collect_paths(batch: Batch) -> tuple[list[str], bool]:
    """The input paths, and whether this is a batch (several inputs, a directory or a list)."""
    inputs = list(batch.inputs or [])
    if batch.from_list is not None:
        if batch.from_list == STDIN and STDIN in inputs:
            raise UserError("stdin cannot be both an input and the --from-list")
        try:
            inputs += list(read_path_list(batch.from_list))
        except OSError as exc:
            raise UserError(f"{batch.from_list}: {exc.strerror or exc}") from None
    elif not inputs:
        inputs = [STDIN]
    paths = list(expand_inputs(inputs, batch.glob))
    several = len(paths) > 1 or batch.from_list is not None or any(
        p != STDIN and Path(p).is_dir() for p in batch.inputs or [])
    return paths, several


def _done_paths(output: Path) -> set[str]:
    """Paths of the records already in a JSONL output; a trailing partial line is cut off."""
    if not output.exists():
        return set()
    data = output.read_bytes()
    whole = data[: data.rfind(b"\n") + 1]
    if len(whole) < len(data):
        with output.open("r+b") as handle:
            handle.truncate(len(whole))
    done = set()
    for number, line in enumerate(whole.decode("utf-8", "replace").splitlines(), 1):
        try:
            done.add(json.loads(line)["path"])
        except (ValueError, KeyError, TypeError):
            raise UserError(f"{output}: line {number} is not a JSONL record with a path; cannot resume") from None
    return done


class LineSink:
    """Where output goes: each record's text is written whole (one write, then flush)."""

    def __init__(self, output: Path | None, append: bool) -> None:
        self.stream = open(output, "ab" if append else "wb", buffering=0) if output else None  # noqa: SIM115

    def write(self, text: str) -> None:
        """Write one record's output."""
        if not text:
            return
        if self.stream is None:
            sys.stdout.write(text)
            sys.stdout.flush()
            return
        view = memoryview(text.encode("utf-8"))
        while view:
            view = view[self.stream.write(view):]

    def close(self) -> None:
        """Close the output file."""
        if self.stream is not None:
            self.stream.close()


class StopSignal:
    """SIGINT/SIGTERM during a batch: finish the record in hand, then stop (a second signal stops at once)."""

    def __init__(self, active: bool = True) -> None:
        self.signum: int | None = None
        self.previous: dict[int, Any] = {}
        self.active = active

    def __enter__(self) -> StopSignal:
        for signum in (signal.SIGINT, signal.SIGTERM) if self.active else ():
            self.previous[signum] = signal.signal(signum, self._handle)
        return self

    def _handle(self, signum: int, frame: Any) -> None:
        if self.signum is not None:
            raise KeyboardInterrupt
        self.signum = signum

    def __exit__(self, *exc: object) -> None:
        for signum, handler in self.previous.items():
            signal.signal(signum, handler)


def run_batch(batch: Batch, options: Options, default: Format | None, extras: KeywordExtras | None = None) -> None:
    from . import render

    paths, several = _collect_paths(batch)
    if not paths:
        where = ", ".join(batch.inputs or [batch.from_list or STDIN])
        raise UserError(f"no input files found in {where} (--glob {batch.glob})")
    total = len(paths)
    interactive = batch.output is None and sys.stdout.isatty()
    if several and not interactive:
        default = None  # batches to a pipe or file are JSONL records, whatever the command
    chosen = batch.format or default or (Format.table if interactive else Format.json)
    if several and chosen == Format.json:
        chosen = Format.jsonl
    if chosen == Format.text and options.command not in ("clean", "segment"):
        raise UserError(f"--format text is for clean and segment, not {options.command}")
    extras = extras or KeywordExtras()
    if options.command == "keywords":
        if options.idf_path is None and several:
            options = replace(options, corpus_idf=True)
        if extras.save_idf and not options.corpus_idf:
            raise UserError("--save-idf needs several inputs and no --idf (it saves the corpus IDF)")
        if extras.corpus and batch.resume:
            raise UserError("--corpus and --resume do not go together")
    if batch.resume:
        if batch.output is None:
            raise UserError("--resume needs --output FILE")
        if batch.format not in (None, Format.json, Format.jsonl):
            raise UserError("--resume works with JSONL output only")
        if options.corpus_idf:
            raise UserError("--resume with corpus TF-IDF needs a fixed table: save one with --save-idf, then pass --idf")
        chosen, several = Format.jsonl, True
        done = _done_paths(batch.output)
        paths = [p for p in paths if p not in done]
    matrix = None
    if extras.matrix is not None:
        from .keywords import MatrixWriter

        try:
            matrix = MatrixWriter(extras.matrix)
        except (RuntimeError, OSError) as exc:
            raise UserError(str(exc)) from None
    if chosen == Format.jsonl and options.command != "keywords":
        options = replace(options, as_jsonl=True)  # workers write the lines, this process copies them
    workers = batch.workers or os.cpu_count() or 1
    sink = LineSink(batch.output, append=batch.resume)
    failures = processed = 0
    last_error = None
    progress = _progress_bar(len(paths)) if several and sys.stderr.isatty() and not interactive else None
    corpus_run = None
    try:
        # corpus TF-IDF reads every input before its first record: there a signal stops at once
        finish_line = (several or batch.output is not None) and not options.corpus_idf
        with StopSignal(active=finish_line and threading.current_thread() is threading.main_thread()) as stop:
            if options.command == "keywords":
                corpus_run = KeywordCorpus(options, matrix)
                records = corpus_run.records(paths, workers, batch.cluster, progress and progress.update)
            else:
                records = run(paths, options, workers, batch.cluster, progress and progress.update)
            try:
                for record in records:
                    processed += 1
                    if "error" in record:
                        failures += 1
                        last_error = record
                        if several and chosen in (Format.text, Format.csv):
                            say(f"policytext: error: {record['path']}: {record['error']}")
                    if not extras.corpus:
                        _emit(render, options.command, record, chosen, sink, several, processed == 1)
                    if stop.signum is not None:
                        break
            finally:
                records.close()
            if stop.signum is not None:
                if progress:
                    progress.close()
                say(f"policytext: interrupted after {processed} of {len(paths)} inputs"
                    + (" (continue with --resume)" if batch.output else ""))
                raise ExitStatus(128 + stop.signum)
        if extras.corpus and corpus_run is not None:
            _emit_corpus(render, corpus_run.terms.table(options.top), chosen, sink)
        if extras.save_idf and corpus_run is not None and corpus_run.idf is not None:
            corpus_run.idf.save(extras.save_idf)
    except RunError as exc:
        raise UserError(str(exc)) from None
    finally:
        if progress:
            progress.close()
        sink.close()
        if matrix is not None:
            matrix.close()
    if failures:
        if several or last_error is None:
            summary = f"{failures} of {len(paths)} inputs failed" + (f" ({total - len(paths)} skipped by --resume)" if total > len(paths) else "")
        else:
            summary = f"{last_error['path']}: {last_error['error']}"
        say(f"policytext: error: {summary}")
        raise ExitStatus(1)


def _emit(render, command: str, record: dict[str, Any], chosen: Format, sink: LineSink, several: bool, first: bool) -> None:
    """Render one record and write it whole."""
    if "error" in record and not several:
        return  # reported once on stderr
    if chosen == Format.jsonl:
        sink.write((record.get("jsonl") or render.to_json(record)) + "\n")
    elif chosen == Format.json:
        sink.write(render.to_json(render.payload(command, record)) + "\n")
    elif chosen == Format.csv:
        sink.write(render.csv_text(command, [record], header=first))
    elif chosen == Format.text:
        if "error" in record:
            return
        sink.write((f"==> {record['path']} <==\n" if several else "") + render.plain_text(command, record))
    elif sink.stream is None:
        render.print_table(command, record, sys.stdout)
    else:
        buffer = io.StringIO()
        render.print_table(command, record, buffer)
        sink.write(buffer.getvalue())


def _emit_corpus(render, rows: list[dict[str, Any]], chosen: Format, sink: LineSink) -> None:
    """The corpus term table (term, count, df, weight)."""
    if chosen in (Format.json, Format.jsonl):
        sink.write(render.to_json(rows) + "\n")
    elif chosen == Format.csv:
        lines = ["term,count,df,weight"] + [f"{r['term']},{r['count']},{r['df']},{r['weight']}" for r in rows]
        sink.write("\n".join(lines) + "\n")
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table("term", "count", "df", "weight", title="corpus keywords")
        for r in rows:
            table.add_row(r["term"], str(r["count"]), str(r["df"]), f"{r['weight']:.4f}")
        buffer = io.StringIO() if sink.stream is not None else None
        Console(file=buffer or sys.stdout).print(table)
        if buffer is not None:
            sink.write(buffer.getvalue())


class _ProgressBar:
    """A rich progress bar on stderr: files, MB/s, ETA, failures (refreshed per input, no thread)."""

    def __init__(self, total: int) -> None:
        import time

        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.clock = time.monotonic
        self.start = self.clock()
        self.bytes = 0
        self.failures = 0
        self.bar = Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
                            TextColumn("{task.fields[failed]}"), transient=False, auto_refresh=False,
                            redirect_stdout=False, redirect_stderr=False)
        self.task = self.bar.add_task("inputs", total=total, rate="", failed="")
        self.bar.start()

    def update(self, record: dict[str, Any]) -> None:
        """Count one finished input."""
        with contextlib.suppress(OSError, TypeError, ValueError):
            self.bytes += os.path.getsize(record["path"])
        self.failures += "error" in record
        elapsed = max(self.clock() - self.start, 1e-6)
        self.bar.update(self.task, advance=1, rate=f"{self.bytes / elapsed / 1e6:.2f} MB/s",
                        failed=f"[red]{self.failures} failed[/red]" if self.failures else "")
        self.bar.refresh()

    def close(self) -> None:
        """Stop drawing (idempotent)."""
        self.bar.stop()


def _progress_bar(total: int) -> _ProgressBar | None:
    return _ProgressBar(total) if total else None
