"""The command line: Typer commands parse options, call the library, and hand records to `render`."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from . import __version__
from .batch import STDIN, Options, expand_inputs, run

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Repair, segment and extract structured elements from Chinese policy texts.",
)


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    text = "text"


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


class UserError(Exception):
    """A problem with what the user asked for: reported as one line, exit status 2."""


Inputs = Annotated[list[str] | None, typer.Argument(help="Files or directories; '-' (or nothing) reads stdin.")]
FormatOption = Annotated[
    Format | None, typer.Option("--format", "-f", help="Output format (default: table on a terminal, JSON when piped).")
]
ConvertOption = Annotated[Conversion, typer.Option("--convert", help="OpenCC conversion to simplified script.")]
KeepOption = Annotated[bool, typer.Option("--keep-boilerplate", help="Keep navigation, date and footer lines in the body.")]
GlobOption = Annotated[str, typer.Option("--glob", help="File pattern when walking directories.")]
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE instead of stdout.")]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")]


@app.command()
def clean(inputs: Inputs = None, format: FormatOption = None, convert: ConvertOption = Conversion.t2s,
          keep_boilerplate: KeepOption = False, glob: GlobOption = "*.txt", output: OutputOption = None,
          debug: DebugOption = False) -> None:
    """Print the repaired article body in simplified Chinese (JSON: meta, text, repairs)."""
    options = Options("clean", convert.value, keep_boilerplate, debug=debug)
    _run(inputs, options, format, glob, output, default=Format.text)


@app.command()
def segment(inputs: Inputs = None, format: FormatOption = None, pos: Annotated[bool, typer.Option("--pos", help="Add part-of-speech tags.")] = False,
            convert: ConvertOption = Conversion.t2s, glob: GlobOption = "*.txt", output: OutputOption = None,
            debug: DebugOption = False) -> None:
    """Print the tokens of the clean text, one paragraph per line (JSON: token, start, end)."""
    options = Options("segment", convert.value, pos=pos, debug=debug)
    _run(inputs, options, format, glob, output, default=Format.text)


@app.command()
def keywords(inputs: Inputs = None, format: FormatOption = None,
             top: Annotated[int, typer.Option("--top", "-n", min=1, help="How many terms.")] = 20,
             method: Annotated[Method, typer.Option("--method", "-m", help="Weighting.")] = Method.tfidf,
             idf: Annotated[Path | None, typer.Option("--idf", help="IDF file (term idf per line) instead of jieba's.")] = None,
             convert: ConvertOption = Conversion.t2s, glob: GlobOption = "*.txt", output: OutputOption = None,
             debug: DebugOption = False) -> None:
    """Print a keyword table (JSON: term, count, weight)."""
    if idf is not None and not idf.is_file():
        raise UserError(f"{idf}: no such IDF file")
    options = Options("keywords", convert.value, method=method.value, top=top,
                      idf_path=str(idf) if idf else None, debug=debug)
    _run(inputs, options, format, glob, output, default=None)


@app.command()
def extract(inputs: Inputs = None, format: FormatOption = None, convert: ConvertOption = Conversion.t2s,
            keep_boilerplate: KeepOption = False, glob: GlobOption = "*.txt", output: OutputOption = None,
            debug: DebugOption = False) -> None:
    """Print structured policy elements: indicators, enumerations, programmes, industries, people."""
    options = Options("extract", convert.value, keep_boilerplate, debug=debug)
    _run(inputs, options, format, glob, output, default=None)


def _run(inputs: list[str] | None, options: Options, format: Format | None, glob: str,
         output: Path | None, default: Format | None) -> None:
    from . import render

    paths = list(expand_inputs(inputs or [STDIN], glob))
    if not paths:
        raise UserError("no input files found")
    stream = output.open("w", encoding="utf-8") if output else sys.stdout
    interactive = output is None and sys.stdout.isatty()
    chosen = format or default or (Format.table if interactive else Format.json)
    several = len(paths) > 1
    if several and chosen == Format.json:
        chosen = Format.jsonl
    if chosen == Format.text and options.command not in ("clean", "segment"):
        raise UserError(f"--format text is for clean and segment, not {options.command}")
    failures = 0
    try:
        first = True
        for record in run(paths, options):
            failures += "error" in record
            _emit(render, options.command, record, chosen, stream, several, first)
            first = False
            stream.flush()
    finally:
        if output:
            stream.close()
    if failures:
        reason = "" if several else f": {record['error']}"
        summary = f"{failures} of {len(paths)} inputs failed" if several else f"{record['path']}{reason}"
        typer.echo(f"policytext: error: {summary}", err=True)
        raise typer.Exit(1)


def _emit(render, command: str, record: dict[str, Any], chosen: Format, stream, several: bool, first: bool) -> None:
    if "error" in record and not several:
        return  # reported once on stderr
    if chosen == Format.jsonl:
        stream.write(render.to_json(record) + "\n")
    elif chosen == Format.json:
        stream.write(render.to_json(render.payload(command, record)) + "\n")
    elif chosen == Format.csv:
        stream.write(render.csv_text(command, [record], header=first))
    elif chosen == Format.text:
        if "error" in record:
            return
        if several:
            stream.write(f"==> {record['path']} <==\n")
        stream.write(render.plain_text(command, record))
    else:
        render.print_table(command, record, stream)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"policytext {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = False) -> None:
    """Repair, segment and extract structured elements from Chinese policy texts."""


def main(argv: list[str] | None = None) -> int:
    """Entry point: runs the app, turning every failure into one line on stderr (tracebacks with --debug)."""
    import click

    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    command = typer.main.get_command(app)
    try:
        status = command.main(args=args, prog_name="policytext", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        typer.echo(f"policytext: error: {exc.format_message()}", err=True)
        return exc.exit_code
    except (click.exceptions.Abort, KeyboardInterrupt):
        typer.echo("policytext: interrupted", err=True)
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except UserError as exc:
        typer.echo(f"policytext: error: {exc}", err=True)
        return 2
    except Exception as exc:
        if debug:
            raise
        typer.echo(f"policytext: error: {type(exc).__name__}: {exc}", err=True)
        return 1
    return status if isinstance(status, int) else 0


if __name__ == "__main__":
    sys.exit(main())
