"""The command line: Typer commands parse options and hand them to `runner.run_batch`, which streams
the library's records through `render`."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .batch import Options
from .runner import Batch, ExitStatus, Format, KeywordExtras, UserError, run_batch

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Repair, segment and extract structured elements from Chinese policy texts.",
)


class Conversion(str, Enum):
    t2s = "t2s"
    tw2s = "tw2s"
    hk2s = "hk2s"
    tw2sp = "tw2sp"
    none = "none"


class Method(str, Enum):
    tf = "tf"
    tfidf = "tfidf"
    textrank = "textrank"




Inputs = Annotated[list[str] | None, typer.Argument(help="Files or directories; '-' (or nothing) reads stdin.")]
FormatOption = Annotated[
    Format | None, typer.Option("--format", "-f", help="Output format (default: table on a terminal, JSON when piped).")
]
ConvertOption = Annotated[Conversion, typer.Option("--convert", help="OpenCC conversion to simplified script.")]
KeepOption = Annotated[bool, typer.Option("--keep-boilerplate", help="Keep navigation, date and footer lines in the body.")]
GlobOption = Annotated[str, typer.Option("--glob", help="File pattern when walking directories.")]
FromListOption = Annotated[str | None, typer.Option("--from-list", help="Read input paths from FILE, one per line ('-': stdin).")]
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE instead of stdout.")]
WorkersOption = Annotated[int | None, typer.Option("--workers", "-j", min=1, help="Worker processes (default: CPU count; 1: in this process).")]
ClusterOption = Annotated[str | None, typer.Option("--cluster", help="Run on a Dask cluster, e.g. tcp://host:8786 (needs policytext[dask]).")]
ResumeOption = Annotated[bool, typer.Option("--resume", help="With -o FILE (JSONL): skip inputs already in FILE and append the rest.")]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")]


@app.command()
def clean(inputs: Inputs = None, format: FormatOption = None, convert: ConvertOption = Conversion.t2s,
          keep_boilerplate: KeepOption = False, glob: GlobOption = "*.txt", from_list: FromListOption = None,
          output: OutputOption = None, workers: WorkersOption = None, cluster: ClusterOption = None,
          resume: ResumeOption = False, debug: DebugOption = False) -> None:
    """Print the repaired article body in simplified Chinese (JSON: meta, text, repairs)."""
    options = Options("clean", convert.value, keep_boilerplate, debug=debug)
    batch = Batch(inputs, format, glob, from_list, output, workers, cluster, resume)
    run_batch(batch, options, default=Format.text)


@app.command()
def segment(inputs: Inputs = None, format: FormatOption = None, pos: Annotated[bool, typer.Option("--pos", help="Add part-of-speech tags.")] = False,
            convert: ConvertOption = Conversion.t2s, glob: GlobOption = "*.txt", from_list: FromListOption = None,
            output: OutputOption = None, workers: WorkersOption = None, cluster: ClusterOption = None,
            resume: ResumeOption = False, debug: DebugOption = False) -> None:
    """Print the tokens of the clean text, one paragraph per line (JSON: token, start, end)."""
    options = Options("segment", convert.value, pos=pos, debug=debug)
    batch = Batch(inputs, format, glob, from_list, output, workers, cluster, resume)
    run_batch(batch, options, default=Format.text)


@app.command()
def keywords(inputs: Inputs = None, format: FormatOption = None,
             top: Annotated[int, typer.Option("--top", "-n", min=1, help="How many terms.")] = 20,
             method: Annotated[Method, typer.Option("--method", "-m", help="Weighting.")] = Method.tfidf,
             idf: Annotated[Path | None, typer.Option("--idf", help="IDF file (term idf per line). Default: jieba's for one input, the inputs' own document frequencies for several.")] = None,
             save_idf: Annotated[Path | None, typer.Option("--save-idf", help="Write the corpus IDF table to FILE (several inputs, no --idf).")] = None,
             corpus: Annotated[bool, typer.Option("--corpus", help="Print one term table for the whole corpus (term, count, df, mean weight) instead of per-document records.")] = False,
             matrix: Annotated[Path | None, typer.Option("--matrix", help="Write the long document-term table (path, term, count, tf, tfidf) to FILE: CSV, or Parquet for *.parquet.")] = None,
             convert: ConvertOption = Conversion.t2s, glob: GlobOption = "*.txt", from_list: FromListOption = None,
             output: OutputOption = None, workers: WorkersOption = None, cluster: ClusterOption = None,
             resume: ResumeOption = False, debug: DebugOption = False) -> None:
    """Print a keyword table (JSON: term, count, weight); over several inputs, TF-IDF uses the corpus IDF."""
    if idf is not None and not idf.is_file():
        raise UserError(f"{idf}: no such IDF file")
    options = Options("keywords", convert.value, method=method.value, top=top,
                      idf_path=str(idf) if idf else None, debug=debug)
    batch = Batch(inputs, format, glob, from_list, output, workers, cluster, resume)
    run_batch(batch, options, default=None, extras=KeywordExtras(save_idf, corpus, matrix))


@app.command()
def extract(inputs: Inputs = None, format: FormatOption = None, convert: ConvertOption = Conversion.t2s,
            keep_boilerplate: KeepOption = False, glob: GlobOption = "*.txt", from_list: FromListOption = None,
            output: OutputOption = None, workers: WorkersOption = None, cluster: ClusterOption = None,
            resume: ResumeOption = False, debug: DebugOption = False) -> None:
    """Print structured policy elements: indicators, enumerations, programmes, industries, people."""
    options = Options("extract", convert.value, keep_boilerplate, debug=debug)
    batch = Batch(inputs, format, glob, from_list, output, workers, cluster, resume)
    run_batch(batch, options, default=None)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"policytext {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = False) -> None:
    """Repair, segment and extract structured elements from Chinese policy texts."""


def main(argv: list[str] | None = None) -> int:
    """Entry point: runs the app, turning every failure into one line on stderr (tracebacks with --debug)."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    command = typer.main.get_command(app)
    try:
        status = command.main(args=args, prog_name="policytext", standalone_mode=False)
    except typer.Exit as exc:
        return exc.exit_code
    except ExitStatus as exc:
        return exc.status
    except (typer.Abort, KeyboardInterrupt):
        typer.echo("policytext: interrupted", err=True)
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except (UserError, ValueError) as exc:
        if debug:
            raise
        typer.echo(f"policytext: error: {exc}", err=True)
        return 2
    except Exception as exc:
        if isinstance(exc, OSError) and exc.filename and not debug:
            typer.echo(f"policytext: error: {exc.filename}: {exc.strerror}", err=True)
            return 2
        if hasattr(exc, "format_message") and isinstance(getattr(exc, "exit_code", None), int):
            # a usage error from the click that typer vendors
            typer.echo(f"policytext: error: {exc.format_message()}", err=True)
            return exc.exit_code
        if debug:
            raise
        typer.echo(f"policytext: error: {type(exc).__name__}: {exc}", err=True)
        return 1
    return status if isinstance(status, int) else 0


if __name__ == "__main__":
    sys.exit(main())
