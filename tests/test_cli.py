"""The command line over many inputs: ordered JSONL, errors, corpus keywords, kill + resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import CORPUS

from policytext.cli import main

CORPUS_PATHS = sorted(str(p) for p in CORPUS.glob("*.txt"))


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_files_directories_and_path_lists_give_ordered_jsonl(tmp_path, capsys):
    folder = tmp_path / "dir"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "b.txt").write_bytes(Path(CORPUS_PATHS[1]).read_bytes())
    (folder / "a.txt").write_bytes(Path(CORPUS_PATHS[2]).read_bytes())
    (folder / "skip.html").write_text("<p>不读</p>", encoding="utf-8")
    listing = tmp_path / "list.txt"
    listing.write_text(f"{CORPUS_PATHS[4]}\n\n{CORPUS_PATHS[3]}\n", encoding="utf-8")
    status = main(["clean", CORPUS_PATHS[0], str(folder), "--from-list", str(listing), "-j", "1"])
    out = capsys.readouterr().out
    assert status == 0
    records = _jsonl(out)
    assert [r["path"] for r in records] == [CORPUS_PATHS[0], str(folder / "a.txt"), str(folder / "sub" / "b.txt"),
                                           CORPUS_PATHS[4], CORPUS_PATHS[3]]
    assert records[0]["meta"]["title"] == "2026年四川省人民政府工作报告"
    assert records[1]["text"] == _jsonl(_capture(capsys, ["clean", CORPUS_PATHS[2], "-f", "jsonl"]))[0]["text"]


def _capture(capsys, argv: list[str]) -> str:
    assert main(argv) == 0
    return capsys.readouterr().out


def test_two_workers_print_exactly_what_one_prints(capsys):
    args = ["segment", *CORPUS_PATHS[:5], "-f", "jsonl"]
    assert _capture(capsys, [*args, "-j", "2"]) == _capture(capsys, [*args, "-j", "1"])


def test_failed_inputs_are_records_and_a_one_line_summary(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    status = main(["clean", CORPUS_PATHS[0], str(tmp_path / "gone.txt"), str(empty), CORPUS_PATHS[1], "-j", "2"])
    captured = capsys.readouterr()
    assert status == 1
    records = _jsonl(captured.out)
    assert [r.get("error") for r in records] == [None, "no such file", "empty input", None]
    assert records[3]["path"] == CORPUS_PATHS[1] and records[3]["text"]
    assert captured.err == "policytext: error: 2 of 4 inputs failed\n"


def test_one_failed_input_is_one_stderr_line_and_no_output(tmp_path, capsys):
    status = main(["extract", str(tmp_path / "gone.txt")])
    captured = capsys.readouterr()
    assert status == 1
    assert captured.out == ""
    assert captured.err == f"policytext: error: {tmp_path / 'gone.txt'}: no such file\n"


def test_corpus_keyword_table_idf_file_and_matrix(tmp_path, capsys):
    paths = CORPUS_PATHS[:4]
    idf_file, matrix = tmp_path / "corpus.idf", tmp_path / "dt.csv"
    out = _capture(capsys, ["keywords", *paths, "--corpus", "-n", "5", "-f", "json", "--save-idf", str(idf_file),
                            "--matrix", str(matrix), "-j", "1"])
    rows = json.loads(out)
    assert len(rows) == 5 and set(rows[0]) == {"term", "count", "df", "weight"}
    assert all(1 <= r["df"] <= 4 for r in rows)
    table = {line.split()[0]: float(line.split()[1]) for line in idf_file.read_text(encoding="utf-8").splitlines()[1:]}
    assert table["四川"] == pytest.approx(1.0)  # all four are Sichuan reports
    lines = matrix.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "path,term,count,tf,tfidf"
    assert {line.split(",")[0] for line in lines[1:]} == set(paths)
    # per-document records with the saved IDF equal the corpus run's records
    first = _jsonl(_capture(capsys, ["keywords", *paths, "-n", "5", "-j", "1"]))[0]
    again = json.loads(_capture(capsys, ["keywords", paths[0], "-n", "5", "--idf", str(idf_file), "-f", "json"]))
    assert again == first["keywords"]


def test_option_mistakes_are_one_line_exit_2(tmp_path, capsys):
    assert main(["clean", CORPUS_PATHS[0], "--resume"]) == 2
    assert capsys.readouterr().err == "policytext: error: --resume needs --output FILE\n"
    assert main(["keywords", CORPUS_PATHS[0], "--save-idf", str(tmp_path / "x.idf")]) == 2
    assert "--save-idf needs several inputs" in capsys.readouterr().err
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        assert main(["keywords", *CORPUS_PATHS[:2], "--matrix", str(tmp_path / "m.parquet")]) == 2
        assert "pyarrow" in capsys.readouterr().err


def test_resume_cuts_a_partial_line_and_appends_the_rest(tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    paths = CORPUS_PATHS[:3]
    assert main(["clean", paths[0], "-o", str(out), "-f", "jsonl"]) == 0
    with out.open("ab") as handle:
        handle.write(b'{"path": "half a rec')
    assert main(["clean", *paths, "-o", str(out), "--resume", "-j", "1"]) == 0
    records = _jsonl(out.read_text(encoding="utf-8"))
    assert [r["path"] for r in records] == paths


def test_sigterm_leaves_whole_lines_and_resume_completes_each_input_once(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(80):  # the corpus, over and over, under distinct names
        (folder / f"{i:03d}.txt").symlink_to(CORPUS_PATHS[i % len(CORPUS_PATHS)])
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "policytext.cli", "segment", str(folder), "-o", str(out), "-j", "2"]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    process = subprocess.Popen(command, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 5):
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 128 + signal.SIGTERM
    assert b"interrupted after" in err and b"--resume" in err
    data = out.read_bytes()
    assert data.endswith(b"\n")
    first_run = _jsonl(data.decode("utf-8"))
    assert 5 <= len(first_run) < 80
    resumed = subprocess.run([*command, "--resume"], capture_output=True, env=env, timeout=60)
    assert resumed.returncode == 0, resumed.stderr
    records = _jsonl(out.read_text(encoding="utf-8"))
    assert [r["path"] for r in records] == [str(folder / f"{i:03d}.txt") for i in range(80)]
    assert all("error" not in r and r["tokens"] for r in records)


def test_bad_option_files_and_outputs_are_one_line_errors(tmp_path, capsys):
    from policytext.cli import main

    sample = str(Path(__file__).resolve().parent.parent / "data" / "sample-sichuan-green-base.txt")
    binary = tmp_path / "bin.idf"
    binary.write_bytes(bytes(range(128, 256)) * 4)
    empty = tmp_path / "empty.idf"
    empty.write_text("# nothing\n", encoding="utf-8")
    cases = [
        (["clean", sample, "-o", str(tmp_path)], f"{tmp_path}: Is a directory"),
        (["clean", sample, "-o", str(tmp_path / "no" / "x")], "No such file or directory"),
        (["keywords", sample, "--idf", str(binary)], "not a UTF-8 text IDF file"),
        (["keywords", sample, "--idf", str(empty)], "no 'term idf' lines"),
        (["clean", "--from-list", str(binary)], "the path list is not UTF-8 text"),
        (["clean", str(tmp_path / "emptydir")], "no input files found"),
    ]
    (tmp_path / "emptydir").mkdir()
    for args, message in cases:
        assert main(args) == 2, args
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith("policytext: error: ") and message in err[0], (args, err)
