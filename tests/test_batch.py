"""Batch runs: input expansion, ordered records, parallel = serial, errors as records, corpus keywords."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest
from helpers import CORPUS

from policytext.batch import (
    KeywordCorpus,
    Options,
    chunk_size,
    expand_inputs,
    keyword_record,
    map_records,
    read_path_list,
    run,
)
from policytext.batch import process_bytes as _process_bytes
from policytext.keywords import IdfTable, MatrixWriter, jieba_idf

CORPUS_PATHS = sorted(str(p) for p in CORPUS.glob("*.txt"))


def test_directories_are_walked_recursively_in_sorted_order_with_glob(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ("b/z.txt", "a.txt", "b/c.txt", "notes.md", ".hidden.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    listed = list(expand_inputs([str(tmp_path), "-"], "*.txt"))
    assert listed == [str(tmp_path / "a.txt"), str(tmp_path / "b/c.txt"), str(tmp_path / "b/z.txt"), "-"]
    assert list(expand_inputs([str(tmp_path)], "*.md")) == [str(tmp_path / "notes.md")]


def test_path_list_skips_blank_lines_and_keeps_spaces(tmp_path):
    listing = tmp_path / "list.txt"
    listing.write_text("a b.txt\n\n  \nc.txt\r\n", encoding="utf-8")
    assert list(read_path_list(str(listing))) == ["a b.txt", "c.txt"]


def test_chunks_are_one_input_for_small_batches_and_capped_for_large():
    assert chunk_size(31, 2) == 1
    assert chunk_size(283, 2) == 4
    assert chunk_size(100_000, 2) == 16


@pytest.fixture(scope="module")
def mixed_inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mixed")
    (folder / "empty.txt").write_bytes(b"  \n")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    return [CORPUS_PATHS[0], str(folder / "missing.txt"), CORPUS_PATHS[1], str(folder / "empty.txt"),
            CORPUS_PATHS[2], str(folder / "binary.txt"), CORPUS_PATHS[3]]


def test_records_come_in_input_order_with_errors_in_place(mixed_inputs):
    records = list(run(mixed_inputs, Options("clean")))
    assert [r["path"] for r in records] == mixed_inputs
    errors = {Path(r["path"]).name: r["error"] for r in records if "error" in r}
    assert errors["missing.txt"] == "no such file"
    assert errors["empty.txt"] == "empty input"
    assert errors["binary.txt"].startswith("binary file")
    assert set(errors) == {"missing.txt", "empty.txt", "binary.txt"}
    assert records[0]["text"].startswith("各位代表")
    assert "67665亿元" in records[0]["text"]


def test_two_workers_give_the_same_records_as_one(mixed_inputs):
    serial = list(run(mixed_inputs, Options("segment"), workers=1))
    parallel = list(run(mixed_inputs, Options("segment"), workers=2))
    assert parallel == serial
    tokens = [t["token"] for t in serial[0]["tokens"]]
    assert "67665亿元" in "".join(tokens) and "5.5%" in tokens


@pytest.fixture(scope="module")
def corpus_keywords():
    job = KeywordCorpus(Options("keywords", top=None, corpus_idf=True))
    records = {Path(r["path"]).name[:3]: r for r in job.records(CORPUS_PATHS, workers=2)}
    stats = {Path(r["path"]).name[:3]: r for r in map_records(CORPUS_PATHS, Options("term_stats"), workers=2)}
    return job, records, stats


def _rank(keywords, term):
    return [k["term"] for k in keywords].index(term)


def test_corpus_idf_demotes_a_term_found_in_every_document(corpus_keywords):
    job, records, stats = corpus_keywords
    assert job.terms.documents == len(CORPUS_PATHS)
    assert job.terms.df["改革"] == len(CORPUS_PATHS)
    assert job.idf["改革"] == pytest.approx(1.0)  # log((1+N)/(1+N)) + 1: the lowest an IDF gets
    # 021 (national, new quality productive forces) says 改革 often: jieba's IDF makes it a top term,
    # but the corpus knows every report says it
    jieba = keyword_record(stats["021"], Options("keywords", top=None), jieba_idf())["keywords"]
    corpus = records["021"]["keywords"]
    assert _rank(jieba, "改革") == 0
    assert _rank(corpus, "改革") > _rank(jieba, "改革")
    # and a region name, rare across the corpus, rises: 广东 leads the Guangdong report
    assert records["007"]["keywords"][0]["term"] == "广东"
    assert _rank(corpus, "改革") < 10  # still frequent: demoted, not dropped


def test_corpus_weights_are_tf_times_corpus_idf(corpus_keywords):
    job, records, stats = corpus_keywords
    counts = stats["007"]["counts"]
    top = records["007"]["keywords"][0]
    n = len(CORPUS_PATHS)
    idf = math.log((1 + n) / (1 + job.terms.df["广东"])) + 1
    assert top["count"] == counts["广东"]
    assert top["weight"] == pytest.approx(counts["广东"] / sum(counts.values()) * idf, abs=1e-6)


def test_saved_idf_loads_back_and_gives_the_same_records(corpus_keywords, tmp_path):
    job, records, _ = corpus_keywords
    job.idf.save(tmp_path / "corpus.idf")
    loaded = IdfTable.load(tmp_path / "corpus.idf")
    assert loaded["改革"] == pytest.approx(1.0)
    again = list(run(CORPUS_PATHS[6:7], Options("keywords", top=5, idf_path=str(tmp_path / "corpus.idf"))))
    assert again[0]["keywords"] == records["007"]["keywords"][:5]


def test_corpus_table_counts_terms_over_all_documents(corpus_keywords):
    job, _, stats = corpus_keywords
    row = next(r for r in job.terms.table(top=None) if r["term"] == "改革")
    assert row["count"] == sum(s["counts"].get("改革", 0) for s in stats.values())
    assert row["df"] == len(CORPUS_PATHS)


def test_matrix_csv_holds_every_term_of_every_document(tmp_path):
    paths = CORPUS_PATHS[:2]
    matrix = MatrixWriter(tmp_path / "m.csv")
    job = KeywordCorpus(Options("keywords", corpus_idf=True), matrix)
    list(job.records(paths))
    matrix.close()
    with open(tmp_path / "m.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["path", "term", "count", "tf", "tfidf"]
    stats = list(map_records(paths, Options("term_stats")))
    assert len(rows) == sum(len(s["counts"]) for s in stats)
    first = [r for r in rows if r["path"] == paths[0]]
    counts = stats[0]["counts"]
    assert first[0]["term"] == min(counts, key=lambda t: (-counts[t], t))  # most frequent first
    both = next(r for r in first if r["term"] == "改革")
    total = sum(counts.values())
    assert int(both["count"]) == counts["改革"]
    assert float(both["tf"]) == pytest.approx(counts["改革"] / total, abs=1e-6)
    assert float(both["tfidf"]) == pytest.approx(float(both["tf"]), abs=1e-6)  # in both documents: idf 1
    only_first = next(r for r in first if r["term"] != "改革" and r["term"] not in stats[1]["counts"])
    assert float(only_first["tfidf"]) == pytest.approx(float(only_first["tf"]) * (math.log(3 / 2) + 1), abs=2e-6)


def test_parquet_without_pyarrow_is_a_clear_error(tmp_path):
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        with pytest.raises(RuntimeError, match="pyarrow"):
            MatrixWriter(tmp_path / "m.parquet")
    else:
        pytest.skip("pyarrow is installed")


def test_matrix_parquet_holds_the_csv_rows(tmp_path):
    parquet = pytest.importorskip("pyarrow.parquet")
    paths = CORPUS_PATHS[:2]
    for name in ("m.csv", "m.parquet"):
        matrix = MatrixWriter(tmp_path / name)
        list(KeywordCorpus(Options("keywords", corpus_idf=True), matrix).records(paths))
        matrix.close()
    with open(tmp_path / "m.csv", encoding="utf-8") as handle:
        rows = [(r["path"], r["term"], int(r["count"]), float(r["tf"]), float(r["tfidf"])) for r in csv.DictReader(handle)]
    table = parquet.read_table(tmp_path / "m.parquet").to_pylist()
    assert [tuple(r.values()) for r in table] == rows


def _crash_on_marked_input(data, path, options):
    import os

    if path and "crash" in path:
        os._exit(3)  # a worker dying mid-input, as under the OOM killer
    return _process_bytes(data, path, options)


def test_a_worker_crash_costs_only_the_input_that_caused_it(monkeypatch, tmp_path):
    import policytext.batch as batch

    crash = tmp_path / "crash.txt"
    crash.write_bytes(Path(CORPUS_PATHS[0]).read_bytes())
    inputs = [CORPUS_PATHS[0], str(crash), *CORPUS_PATHS[1:4]]
    monkeypatch.setenv("POLICYTEXT_START_METHOD", "fork")  # workers inherit the patched function
    monkeypatch.setattr(batch, "process_bytes", _crash_on_marked_input)
    records = list(run(inputs, Options("clean"), workers=2))
    assert [r["path"] for r in records] == inputs
    assert records[1] == {"path": str(crash), "error": "internal error: worker process died"}
    assert [r for i, r in enumerate(records) if i != 1] == list(run(CORPUS_PATHS[:1] + CORPUS_PATHS[1:4], Options("clean")))


def test_records_serialised_in_the_worker_equal_the_plain_records(tmp_path):
    import json
    from dataclasses import replace

    from policytext.batch import Options, process_path

    good = tmp_path / "good.txt"
    good.write_text("全省规模以上工业增加值增长5.5%。", encoding="utf-8")
    missing = str(tmp_path / "missing.txt")
    options = Options("extract")
    for path in (str(good), missing):
        plain_record = process_path(path, options)
        line_record = process_path(path, replace(options, as_jsonl=True))
        assert json.loads(line_record["jsonl"]) == plain_record
        assert line_record["path"] == path and ("error" in line_record) == (path == missing)
    assert json.loads(process_path(str(good), replace(options, as_jsonl=True))["jsonl"])["indicators"][0]["value"] == 5.5


def test_extraction_does_not_depend_on_string_hashing():
    """Records must be identical in every process (pool workers, Dask workers): no set order leaks."""
    import os
    import subprocess
    import sys

    script = (
        "import json, sys; from pathlib import Path; from policytext import analyze;"
        "print(json.dumps([analyze(Path(p).read_bytes(), keyword_method=None).to_dict() for p in sys.argv[1:]],"
        " ensure_ascii=False))"
    )
    paths = [str(CORPUS / name) for name in ("005_sichuan_2025_gwr_2025_tasks.txt", "026_national_2016_gwr_13th_fyp.txt")]
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", script, *paths], env=env, capture_output=True, text=True, check=True)
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert '"industries"' in outputs[0]
