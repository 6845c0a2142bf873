"""Shared fixtures: a hang guard (pytest-timeout is not a dependency), the CLI in-process and as a
subprocess, and a folder of damaged and odd input files."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

# generous: a hang guard for inputs that must finish in a few seconds, not a timing assertion
HANG_LIMIT = 60.0


class HangError(AssertionError):
    """A call ran past its time limit (a hang or a pattern that is not bounded)."""


@contextmanager
def time_limit(seconds: float = HANG_LIMIT) -> Iterator[None]:
    """Fail with HangError when the block runs longer than `seconds` (SIGALRM; main thread only)."""

    def _expired(signum, frame):
        raise HangError(f"did not finish within {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class CliResult:
    """What one CLI run gave: exit status and both output streams."""

    status: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        """The non-empty lines of stderr."""
        return [line for line in self.err.splitlines() if line.strip()]


@pytest.fixture
def cli(capsys) -> Callable[..., CliResult]:
    """Run `policytext.cli.main` in this process (fast: jieba loads once) under the hang guard."""
    from policytext.cli import main

    def run(*args: str, limit: float = HANG_LIMIT) -> CliResult:
        capsys.readouterr()
        with time_limit(limit):
            status = main(list(args))
        out, err = capsys.readouterr()
        return CliResult(status, out, err)

    return run


def run_cli_process(*args: str, stdin: bytes | None = None, timeout: float = HANG_LIMIT) -> CliResult:
    """Run the CLI as a real process (`python -m policytext.cli`) with a timeout."""
    done = subprocess.run(
        [sys.executable, "-m", "policytext.cli", *args],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        timeout=timeout,
    )
    return CliResult(done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"))


# a short article in simplified script, and its traditional form (Big5 has no simplified glyphs)
ARTICLE = "四川省2024年全省规模以上工业增加值增长6.1%，高于全国0.3个百分点。\n推动绿色低碳、数字经济、先进制造业等产业发展。\n"
ARTICLE_TRADITIONAL = "四川省2024年全省規模以上工業增加值增長6.1%，高於全國0.3個百分點。\n推動綠色低碳、數字經濟、先進製造業等產業發展。\n"


@pytest.fixture(scope="session")
def odd_files(tmp_path_factory) -> dict[str, Path]:
    """Input files of every awkward kind a crawler saves, by name."""
    import random

    folder = tmp_path_factory.mktemp("odd")
    rng = random.Random(6)
    contents = {
        "empty.txt": b"",
        "blank.txt": b" \n\t\r\n\xe3\x80\x80\n",
        "binary.bin": bytes(range(256)) * 16,
        "random.bin": bytes(rng.randrange(256) for _ in range(8192)),
        "random_no_nul.bin": bytes(rng.randrange(1, 256) for _ in range(8192)),
        "latin.txt": b"Annual report, 2024 (draft).\nNo Chinese text here: just ASCII!\n",
        "utf16.txt": ARTICLE.encode("utf-16"),
        "utf16le_no_bom.txt": ARTICLE.encode("utf-16-le"),
        "utf8_bom.txt": b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"),
        "crlf.txt": ARTICLE.replace("\n", "\r\n").encode("utf-8"),
        "gbk.txt": ARTICLE.encode("gbk"),
        "big5.txt": ARTICLE_TRADITIONAL.encode("big5"),
    }
    paths = {}
    for name, data in contents.items():
        path = folder / name
        path.write_bytes(data)
        paths[name] = path
    paths["empty_dir"] = folder / "empty_dir"
    paths["empty_dir"].mkdir()
    paths["missing.txt"] = folder / "missing.txt"
    return paths
