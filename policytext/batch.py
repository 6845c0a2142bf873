"""Running a command over many inputs: expanding paths, one record per input, errors as records.

Inputs run in this process (`workers=1`), in a local process pool, or on a Dask cluster; in every
case records come back in input order, streamed, with a bounded number of inputs in flight.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .decode import DecodeError
from .document import plain

if TYPE_CHECKING:
    from .keywords import IdfTable

STDIN = "-"
# an input: its path, and its bytes when they were read here (stdin, or for a remote cluster)
Item = tuple[str, bytes | None]
Progress = Callable[[dict[str, Any]], None]
IN_FLIGHT = 4  # chunks per worker sent ahead: keeps workers busy past a slow input, bounds memory


class InputError(Exception):
    """An input that cannot be processed; the message is one line for the user."""


class RunError(Exception):
    """A batch that cannot run at all (bad cluster address, missing extra); one line for the user."""


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
    corpus_idf: bool = False  # keywords: TF-IDF with document frequencies of the inputs themselves
    # records come back as {"path", "error"?, "jsonl": the whole record as one JSON line}: a worker
    # serialises its own records, and the process writing the output only copies lines
    as_jsonl: bool = False


def expand_inputs(inputs: Iterable[str], glob: str = "*.txt") -> Iterator[str]:
    """Paths in order: files as given, directories walked recursively for `glob`, `-` for stdin."""
    for item in inputs:
        path = Path(item)
        if item != STDIN and path.is_dir():
            yield from sorted(str(p) for p in path.rglob(glob) if p.is_file() and not p.name.startswith("."))
        else:
            yield item


def read_path_list(source: str) -> Iterator[str]:
    """Paths listed one per line in a file (`-`: stdin); blank lines are skipped."""
    handle = sys.stdin if source == STDIN else open(source, encoding="utf-8")  # noqa: SIM115
    try:
        for line in handle:
            if line.strip():
                yield line.rstrip("\r\n")
    except UnicodeDecodeError:
        raise ValueError(f"{source}: the path list is not UTF-8 text") from None
    finally:
        if handle is not sys.stdin:
            handle.close()


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
    from .pipeline import clean, extract_elements

    if not data.strip():
        raise InputError("empty input")
    try:
        doc = clean(data, path=path, convert=options.convert, keep_boilerplate=options.keep_boilerplate)
        if options.command == "extract":
            # no whole-text segmentation: the record has no tokens, and key terms cut only the
            # blocks they need (see extract.terms)
            extract_elements(doc)
    except DecodeError as exc:
        raise InputError(str(exc)) from None
    if not doc.raw.strip():  # whitespace only once decoded (UTF-16, ideographic spaces)
        raise InputError("empty input")
    record: dict[str, Any] = {"path": path}
    if options.command == "clean":
        record.update(meta=plain(doc.meta), text=doc.text, repairs=plain(doc.repairs))
    elif options.command == "segment":
        record["tokens"] = _token_records(doc.text, options.pos)
    elif options.command in ("keywords", "term_stats"):
        record.update(_term_stats(doc.text, options.method))
        if options.command == "keywords":
            record = keyword_record(record, options, _idf_table(options.idf_path))
    else:
        record.update(doc.to_dict())
        record["path"] = path
    return record


def _term_stats(text: str, method: str) -> dict[str, Any]:
    """What keyword weighting needs from a document: term counts, and TextRank scores for textrank."""
    from .keywords import term_counts, textrank
    from .segment import segment_text

    tokens = segment_text(text)
    counts = term_counts(tokens)
    stats: dict[str, Any] = {"counts": dict(counts)}
    if method == "textrank":
        stats["ranks"] = textrank([t for t in tokens if t in counts]) if counts else {}
    return stats


def keyword_record(stats: dict[str, Any], options: Options, idf: IdfTable | None,
                   weights: dict[str, float] | None = None) -> dict[str, Any]:
    """The keywords record {path, keywords} of a term-stats record (errors pass through)."""
    from .keywords import term_weights, top_keywords

    if "error" in stats:
        return stats
    if weights is None:
        weights = term_weights(Counter(stats["counts"]), options.method, idf, stats.get("ranks"))
    keywords = top_keywords(stats["counts"], weights, options.top)
    return {"path": stats["path"], "keywords": plain(keywords)}


@cache
def _idf_table(path: str | None) -> IdfTable:
    from .keywords import IdfTable, jieba_idf

    return IdfTable.load(path) if path else jieba_idf()


def _token_records(text: str, pos: bool) -> list[dict[str, Any]]:
    from .segment import segment_text, tagged_tokens, with_offsets

    if pos:
        return [{"token": t.text, "start": t.start, "end": t.end, "pos": t.pos} for t in tagged_tokens(text)]
    return [{"token": t.text, "start": t.start, "end": t.end} for t in with_offsets(segment_text(text))]


def process_path(path: str, options: Options, data: bytes | None = None) -> dict[str, Any]:
    """The record for one input (read from `path` unless `data` is given); failures become
    `{"path", "error"}` records, never exceptions."""
    try:
        record = process_bytes(read_input(path) if data is None else data, path, options)
    except InputError as exc:
        record = {"path": path, "error": str(exc)}
    except Exception as exc:  # one bad input must not stop a batch
        if options.debug:
            raise
        record = {"path": path, "error": f"internal error: {type(exc).__name__}: {exc}"}
    if options.as_jsonl:
        from .render import to_json

        summary = {key: record[key] for key in ("path", "error") if key in record}
        return {**summary, "jsonl": to_json(record)}
    return record


def process_chunk(items: list[Item], options: Options) -> list[dict[str, Any]]:
    """Records for a chunk of inputs (the unit of work sent to a worker)."""
    return [process_path(path, options, data) for path, data in items]


WARM_TEXT = "关于2024年四川省推进新型工业化的通知\n全省规模以上工业增加值增长5.5%。"


def warm(options: Options) -> None:
    """Load what a command needs (the dictionary, OpenCC, lexicons, patterns) by running it on a
    short text, once per process; what only damaged text needs loads with the first such input."""
    process_path("<warm-up>", replace(options, debug=False), WARM_TEXT.encode())


def _init_worker(options: Options) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides how to stop on Ctrl-C
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's finish-the-line handler (fork)
    warm(options)


def run(paths: Iterable[str], options: Options, workers: int = 1, cluster: str | None = None,
        progress: Progress | None = None) -> Iterator[dict[str, Any]]:
    """Records for the paths, in input order, computed here, in `workers` processes or on a Dask cluster.

    `progress` is called with each record as its input finishes. For keywords with `corpus_idf`,
    all inputs are processed before the first record (the IDF needs the whole corpus); see
    `KeywordCorpus` for the corpus table, IDF file and document-term matrix.
    """
    if options.command == "keywords":
        yield from KeywordCorpus(options).records(paths, workers, cluster, progress)
        return
    for record in map_records(paths, options, workers, cluster):
        if progress:
            progress(record)
        yield record


def map_records(paths: Iterable[str], options: Options, workers: int = 1,
                cluster: str | None = None) -> Iterator[dict[str, Any]]:
    """`process_path` over the paths, in order, here or in parallel (no keyword post-processing)."""
    if not isinstance(paths, list | tuple):
        paths = list(paths)
    items = ((p, read_input(p) if p == STDIN else None) for p in paths)
    workers = max(1, min(workers, len(paths)))
    if cluster:
        yield from _run_dask(items, options, cluster, chunk_size(len(paths), 8))
    elif workers == 1:
        for path, data in items:
            yield process_path(path, options, data)
    else:
        yield from _run_pool(items, options, workers, chunk_size(len(paths), workers))


def chunk_size(inputs: int, workers: int) -> int:
    """Inputs per task: 1 for small batches (balance), up to 16 for big ones (less IPC)."""
    return max(1, min(16, inputs // (workers * 32)))


def _chunks(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    while chunk := list(islice(items, size)):
        yield chunk


def start_method() -> str:
    """The multiprocessing start method for the pool: fork where it is safe (no other threads in
    this process), as it starts workers fastest; else forkserver or spawn. POLICYTEXT_START_METHOD overrides."""
    import multiprocessing
    import threading

    methods = multiprocessing.get_all_start_methods()
    chosen = os.environ.get("POLICYTEXT_START_METHOD")
    if chosen in methods:
        return chosen
    if "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _run_pool(items: Iterator[Item], options: Options, workers: int, size: int) -> Iterator[dict[str, Any]]:
    """Ordered streaming over a process pool, at most IN_FLIGHT chunks per worker in flight.

    A crashed worker (killed, out of memory) breaks the pool: it is rebuilt and the inputs that were
    in flight run again one at a time, so that an input that breaks it alone gets an error record.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # each worker loads the dictionaries itself, all at once: loading them here before forking is
    # slower (serial, and every worker then copies the pages it touches of the inherited objects)
    context = multiprocessing.get_context(start_method())

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(options,))

    pool = new_pool()
    pending: deque[tuple[list[Item], Any]] = deque()
    suspects: deque[Item] = deque()  # in flight when the pool broke: rerun alone, in order
    chunks = _chunks(items, size)
    try:
        while True:
            if suspects:
                item = suspects.popleft()
                try:
                    yield from pool.submit(process_chunk, [item], options).result()
                except BrokenProcessPool:
                    pool.shutdown(wait=True, cancel_futures=True)
                    pool = new_pool()
                    yield {"path": item[0], "error": "internal error: worker process died"}
                continue
            for chunk in islice(chunks, IN_FLIGHT * workers - len(pending)):
                pending.append((chunk, pool.submit(process_chunk, chunk, options)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                records = future.result()
            except BrokenProcessPool:
                pool.shutdown(wait=True, cancel_futures=True)
                pool = new_pool()
                suspects.extend(chunk)
                for other, _ in pending:
                    suspects.extend(other)
                pending.clear()
                continue
            yield from records
    finally:
        # queued chunks are dropped; running ones finish (wait=False races the pool's exit hook)
        pool.shutdown(wait=True, cancel_futures=True)


def _run_dask(items: Iterator[Item], options: Options, address: str, size: int) -> Iterator[dict[str, Any]]:
    """Ordered streaming over a Dask cluster; inputs are read here and sent as bytes."""
    try:
        from distributed import Client
    except ImportError:
        raise RunError("--cluster needs Dask: pip install 'policytext[dask]'") from None
    try:
        _check_reachable(address)
        client = Client(address, timeout="10s")
    except OSError as exc:
        raise RunError(f"cannot connect to Dask cluster at {address}: {exc.strerror or exc}") from None
    try:
        try:
            client.run(warm, options)
        except Exception as exc:  # policytext missing on the workers, a broken worker environment
            raise RunError(f"Dask workers at {address} cannot run policytext: {type(exc).__name__}: {exc}") from None
        threads = max(1, sum(client.nthreads().values()))
        pending: deque[tuple[list[Item], Any]] = deque()
        chunks = _chunks(((p, _read_or_none(p, d)) for p, d in items), size)
        while True:
            for chunk in islice(chunks, IN_FLIGHT * threads - len(pending)):
                pending.append((chunk, client.submit(process_chunk, chunk, options, pure=False)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                records = future.result()
            except Exception as exc:  # a lost worker, a task that could not be sent
                if options.debug:
                    raise
                records = [{"path": p, "error": f"internal error: {type(exc).__name__}: {exc}"} for p, _ in chunk]
            yield from records
    finally:
        client.close()


def _check_reachable(address: str) -> None:
    """Fail fast (OSError) when a tcp:// scheduler address refuses connections."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    if parts.scheme == "tcp" and parts.hostname and parts.port:
        socket.create_connection((parts.hostname, parts.port), timeout=5).close()


def _read_or_none(path: str, data: bytes | None) -> bytes | None:
    """The input's bytes, or None when it cannot be read here (the worker then reports why)."""
    if data is not None:
        return data
    try:
        return read_input(path)
    except InputError:
        return None


class KeywordCorpus:
    """Keyword records over many inputs, with corpus-level products.

    Per-document records are `{path, keywords: [{term, count, weight}]}` (top N of that document,
    weighted with the corpus IDF when `options.corpus_idf`, else with `--idf` or jieba's table).
    After `records` is exhausted: `idf` is the table used, `terms` holds corpus totals
    (`CorpusTerms.table`: term, count over all documents, df, mean per-document weight), and every
    document's full term list went to `matrix` when one was given.
    """

    def __init__(self, options: Options, matrix=None) -> None:
        from .keywords import CorpusTerms

        self.options = options
        self.matrix = matrix
        self.terms = CorpusTerms()
        self.idf = None if options.corpus_idf else _idf_table(options.idf_path)

    def records(self, paths: Iterable[str], workers: int = 1, cluster: str | None = None,
                progress: Progress | None = None) -> Iterator[dict[str, Any]]:
        """Keyword records in input order (two passes when the IDF comes from the corpus)."""
        stats_options = replace(self.options, command="term_stats")
        stats = map_records(paths, stats_options, workers, cluster)
        if progress:
            stats = _tap(stats, progress)
        if not self.options.corpus_idf:
            for record in stats:
                yield self._finish(record)
            return
        from .keywords import IdfTable

        df: Counter[str] = Counter()
        documents = 0
        with tempfile.TemporaryFile("w+", encoding="utf-8") as spill:  # flat memory: stats wait on disk
            for record in stats:
                if "error" not in record:
                    df.update(record["counts"].keys())
                    documents += 1
                spill.write(json.dumps(record, ensure_ascii=False) + "\n")
            self.idf = IdfTable.from_frequencies(df, documents)
            spill.seek(0)
            for line in spill:
                yield self._finish(json.loads(line))

    def _finish(self, stats: dict[str, Any]) -> dict[str, Any]:
        from .keywords import term_weights

        if "error" in stats:
            return stats
        counts = stats["counts"]
        weights = term_weights(Counter(counts), self.options.method, self.idf, stats.get("ranks"))
        self.terms.add(counts, weights)
        if self.matrix is not None:
            self.matrix.add(stats["path"], counts, self.idf)
        return keyword_record(stats, self.options, self.idf, weights)


def _tap(records: Iterator[dict[str, Any]], progress: Progress) -> Iterator[dict[str, Any]]:
    for record in records:
        progress(record)
        yield record
