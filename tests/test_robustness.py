"""Bad input, faults and long runs: a correct result, or one line on stderr and a non-zero exit.

Every CLI call runs under a hang guard (`time_limit`); pathological strings must come back in
seconds with their content intact.
"""

from __future__ import annotations

import bisect
import json
import re
from pathlib import Path

import pytest
from conftest import ARTICLE, ARTICLE_TRADITIONAL, run_cli_process, time_limit
from helpers import SHARED, squeeze

from policytext.pipeline import _whitespace_edits, analyze, clean, load
from policytext.tracked import TrackedText

SEED = SHARED / "seeds" / "sichuan-green-base.txt"
GOLD_BODY = SHARED / "gold" / "sichuan-green-base.body.txt"
ERROR_LINE = re.compile(r"^policytext: error: \S.*$")


def assert_one_error_line(result, *fragments: str) -> None:
    """Non-zero exit, nothing on stdout, one `policytext: error:` line holding the fragments."""
    assert result.status != 0
    assert result.out == ""
    assert len(result.err_lines) == 1, result.err
    assert ERROR_LINE.match(result.err_lines[0]), result.err
    assert "Traceback" not in result.err
    for fragment in fragments:
        assert fragment in result.err_lines[0]


def clean_json(cli, path) -> dict:
    result = cli("clean", "-f", "json", "-j", "1", str(path))
    assert result.status == 0, result.err
    assert result.err == ""
    return json.loads(result.out)


# -- inputs that cannot be read: one line on stderr -------------------------------------------


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("missing.txt", "no such file"),
        ("empty.txt", "empty input"),
        ("blank.txt", "empty input"),
        ("binary.bin", "binary file"),
        ("random.bin", "binary file"),
        ("random_no_nul.bin", "not text"),
    ],
)
@pytest.mark.parametrize("command", ["clean", "segment", "keywords", "extract"])
def test_unreadable_input_is_one_error_line(cli, odd_files, command, name, reason):
    path = str(odd_files[name])
    result = cli(command, "-f", "json", "-j", "1", path)
    assert_one_error_line(result, f"{path}: {reason}")
    assert result.status == 1


def test_directory_without_inputs_is_one_error_line(cli, odd_files):
    result = cli("clean", "-j", "1", str(odd_files["empty_dir"]))
    assert_one_error_line(result, "no input files")


def test_directory_as_idf_file_is_one_error_line(cli, odd_files):
    result = cli("keywords", "--idf", str(odd_files["empty_dir"]), "-j", "1", str(odd_files["gbk.txt"]))
    assert_one_error_line(result, f"{odd_files['empty_dir']}: no such IDF file")
    assert result.status == 2


def test_directory_as_output_file_is_one_error_line(cli, odd_files):
    result = cli("clean", "-o", str(odd_files["empty_dir"]), "-j", "1", str(odd_files["gbk.txt"]))
    assert_one_error_line(result, "directory")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["clean", "--nope"], "No such option: --nope"),
        (["nosuchcommand"], "No such command 'nosuchcommand'"),
        (["clean", "-f", "xml", "x.txt"], "'--format'"),
        (["keywords", "--top", "0", "x.txt"], "'--top'"),
    ],
)
def test_usage_errors_are_one_line_with_status_2(cli, args, fragment):
    result = cli(*args)
    assert_one_error_line(result, fragment)
    assert result.status == 2


def test_real_process_prints_no_traceback(odd_files):
    result = run_cli_process("clean", "-f", "json", "-j", "1", str(odd_files["random.bin"]))
    assert_one_error_line(result, f"{odd_files['random.bin']}: binary file")
    result = run_cli_process("clean", "-f", "json", "-")  # empty stdin
    assert_one_error_line(result, "-: empty input")


def test_internal_error_is_one_line_and_debug_shows_it(cli, odd_files, monkeypatch):
    import policytext.pipeline

    def broken(*args, **kwargs):
        raise RuntimeError("stage exploded")

    monkeypatch.setattr(policytext.pipeline, "clean", broken)
    result = cli("clean", "-f", "json", "-j", "1", str(odd_files["gbk.txt"]))
    assert_one_error_line(result, "RuntimeError: stage exploded", str(odd_files["gbk.txt"]))
    with pytest.raises(RuntimeError, match="stage exploded"):
        cli("clean", "-f", "json", "-j", "1", "--debug", str(odd_files["gbk.txt"]))


# -- encodings and line ends: the same clean text ------------------------------------------------


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("utf16.txt", "utf-16"),
        ("utf16le_no_bom.txt", "utf-16-le"),
        ("utf8_bom.txt", "utf-8-sig"),
        ("crlf.txt", "utf-8"),
        ("gbk.txt", "gb18030"),
        ("big5.txt", "big5"),
    ],
)
def test_encodings_give_the_original_simplified_text(cli, odd_files, name, encoding):
    record = clean_json(cli, odd_files[name])
    assert record["text"] == ARTICLE.strip()
    assert "\r" not in record["text"] and "\ufeff" not in record["text"]
    doc = clean(odd_files[name].read_bytes())
    assert doc.source.encoding == encoding


@pytest.mark.parametrize(("encoding", "lost"), [("utf-8", 2), ("gb18030", 1), ("big5", 1), ("utf-16", 1)])
def test_download_cut_mid_character_keeps_its_text(encoding, lost):
    source = ARTICLE_TRADITIONAL if encoding == "big5" else ARTICLE
    data = source.rstrip("\n").encode(encoding)[:-1]  # the last byte of "。" is missing
    doc = clean(data)
    assert doc.text == ARTICLE.strip()[:-1] + "\ufffd"
    assert doc.source.encoding == f"{encoding} ({lost} invalid bytes as U+FFFD)"


def test_stray_byte_in_utf8_is_marked_not_fatal():
    data = (ARTICLE * 10).encode("utf-8")
    cut = data.index("推动".encode()) + 3  # after 推
    doc = clean(data[:cut] + b"\xff" + data[cut:])
    assert doc.text == (ARTICLE * 10).strip().replace("推动", "推\ufffd动", 1)
    assert doc.source.encoding == "utf-8 (1 invalid bytes as U+FFFD)"


def test_big5_repairs_record_each_traditional_character(odd_files):
    doc = clean(odd_files["big5.txt"].read_bytes())
    changed = {(r.before, r.after) for r in doc.repairs if r.kind == "script"}
    assert ("規模", "规模") in changed or ("規", "规") in changed
    for repair in doc.repairs:
        assert doc.raw[repair.start : repair.end] == repair.before


def test_text_without_chinese_passes_through(cli, odd_files):
    record = clean_json(cli, odd_files["latin.txt"])
    whole = record["meta"]["title"] or ""
    assert "No Chinese text here: just ASCII!" in record["text"]
    assert (whole + record["text"]).count("Annual report, 2024 (draft).") == 1
    assert record["repairs"] == []  # ASCII punctuation between Latin words stays ASCII
    result = cli("keywords", "-f", "json", "-j", "1", str(odd_files["latin.txt"]))
    assert result.status == 0, result.err
    terms = {row["term"] for row in json.loads(result.out)}
    assert {"Chinese", "ASCII"} <= terms


# -- pathological strings: bounded time, content intact --------------------------------------------


@pytest.fixture(scope="module")
def pathological(tmp_path_factory) -> dict[str, tuple[Path, str]]:
    """Name -> (file, the clean text it must give)."""
    folder = tmp_path_factory.mktemp("pathological")
    cases = {
        "parens": ("(" * 200_000, "(" * 200_000),
        "dun_then_deng": ("、" * 100_000 + "等", "、" * 100_000 + "等"),
        "digits_percent": ("1" * 100_000 + "%", "1" * 100_000 + "%"),
        "pinyin": ("中(zhōng)" * 40_000, "中" * 40_000),
        "spaces_mid_line": ("开" + " \t" * 50_000 + "始", "开" + " \t" * 50_000 + "始"),
        "long_line": ("全省经济稳步增长，" * 190_000, "全省经济稳步增长，" * 190_000),  # 5.1 MB of UTF-8
    }
    files = {}
    for name, (text, expected) in cases.items():
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        files[name] = (path, expected)
    return files


@pytest.mark.parametrize("name", ["parens", "dun_then_deng", "digits_percent", "pinyin", "spaces_mid_line", "long_line"])
def test_pathological_input_cleans_intact(cli, pathological, name):
    path, expected = pathological[name]
    record = clean_json(cli, path)
    assert record["text"] == expected
    if name == "pinyin":  # each annotation removed is recorded with its raw offsets
        assert len(record["repairs"]) == 40_000
        first, last = record["repairs"][0], record["repairs"][-1]
        assert (first["kind"], first["start"], first["end"], first["before"], first["after"]) == (
            "pinyin", 1, 8, "(zhōng)", "")
        assert (last["start"], last["end"]) == (8 * 40_000 - 7, 8 * 40_000)


def test_question_bangs_stay_as_they_are():
    text = "?!" * 60_000
    with time_limit():
        doc = clean(text)
    assert doc.text == text
    assert doc.repairs == []


@pytest.mark.parametrize("name", ["parens", "dun_then_deng", "digits_percent", "pinyin"])
def test_pathological_input_segments_and_extracts(cli, pathological, name):
    path, expected = pathological[name]
    if name != "pinyin":  # (extract below segments it too; one pass over 40,000 annotations is enough)
        result = cli("segment", "-f", "json", "-j", "1", str(path))
        assert result.status == 0, result.err
        tokens = json.loads(result.out)
        assert "".join(t["token"] for t in tokens) == expected
        assert all(expected[t["start"] : t["end"]] == t["token"] for t in tokens)
    result = cli("extract", "-f", "json", "-j", "1", str(path))
    assert result.status == 0, result.err
    record = json.loads(result.out)
    assert record["text"] == expected
    for indicator in record["indicators"]:
        start, end = indicator["span"]
        assert expected[start:end] == indicator["quantity"]


def test_long_runs_of_unknown_characters_segment_whole():
    # jieba's HMM pass is quadratic in such a run unless it is handed over in pieces
    from policytext.segment import segment_text, tagged_tokens

    text = "鑫" * 5_000 + "。" + "中" * 1_234 + "x" * 700
    with time_limit():
        tokens = segment_text(text)
        tagged = tagged_tokens("中" * 2_000)
    assert "".join(tokens) == text
    assert max(len(t) for t in tokens) <= 500
    assert "".join(t.text for t in tagged) == "中" * 2_000
    assert tagged[-1].end == 2_000


def test_repeated_sample_keeps_every_copy(cli, tmp_path):
    path = tmp_path / "seed40.txt"
    path.write_text(SEED.read_text(encoding="utf-8") * 40, encoding="utf-8")
    record = clean_json(cli, path)
    assert squeeze(record["text"]).count(squeeze(GOLD_BODY.read_text(encoding="utf-8"))) == 40
    assert record["meta"]["published"] == "2024-03-11"


# -- batches: one bad input never stops the others ----------------------------------------------------


def test_batch_reports_each_failure_and_continues(cli, odd_files):
    names = ["gbk.txt", "missing.txt", "empty.txt", "binary.bin", "big5.txt", "random_no_nul.bin"]
    result = cli("clean", "-f", "jsonl", "-j", "1", *(str(odd_files[n]) for n in names))
    assert result.status == 1
    records = [json.loads(line) for line in result.out.splitlines()]
    assert [r["path"] for r in records] == [str(odd_files[n]) for n in names]
    errors = {Path(r["path"]).name: r["error"] for r in records if "error" in r}
    assert errors == {
        "missing.txt": "no such file",
        "empty.txt": "empty input",
        "binary.bin": "binary file (NUL bytes)",
        "random_no_nul.bin": "not text: no UTF-8, UTF-16, GB18030 or Big5 reading",
    }
    assert records[0]["text"] == records[4]["text"] == ARTICLE.strip()
    assert result.err_lines[-1] == "policytext: error: 4 of 6 inputs failed"
    assert "Traceback" not in result.err


def test_batch_survives_an_internal_error_in_one_input(cli, odd_files, monkeypatch):
    import policytext.pipeline

    real_clean = policytext.pipeline.clean

    def clean_or_fail(data, **options):
        if str(options.get("path", "")).endswith("utf16.txt"):
            raise IndexError("list index out of range")
        return real_clean(data, **options)

    monkeypatch.setattr(policytext.pipeline, "clean", clean_or_fail)
    names = ["gbk.txt", "utf16.txt", "big5.txt"]
    result = cli("segment", "-f", "jsonl", "-j", "1", *(str(odd_files[n]) for n in names))
    assert result.status == 1
    records = [json.loads(line) for line in result.out.splitlines()]
    assert records[1] == {"path": str(odd_files["utf16.txt"]),
                          "error": "internal error: IndexError: list index out of range"}
    assert "".join(t["token"] for t in records[2]["tokens"]) == ARTICLE.strip()
    assert result.err_lines[-1] == "policytext: error: 1 of 3 inputs failed"


def test_batch_in_worker_processes_reports_failures(odd_files):
    names = ["gbk.txt", "binary.bin", "missing.txt", "big5.txt"]
    result = run_cli_process("clean", "-f", "jsonl", "-j", "2", *(str(odd_files[n]) for n in names))
    assert result.status == 1
    records = [json.loads(line) for line in result.out.splitlines()]
    assert [Path(r["path"]).name for r in records] == names
    assert [r.get("error") for r in records] == [None, "binary file (NUL bytes)", "no such file", None]
    assert records[3]["text"] == ARTICLE.strip()
    assert result.err_lines[-1] == "policytext: error: 2 of 4 inputs failed"
    assert "Traceback" not in result.err


def test_batch_of_a_directory_with_bad_files(cli, odd_files):
    folder = odd_files["gbk.txt"].parent
    result = cli("extract", "-f", "jsonl", "-j", "1", "--glob", "*.*", str(folder))
    assert result.status == 1
    records = [json.loads(line) for line in result.out.splitlines()]
    by_name = {Path(r["path"]).name: r for r in records}
    assert by_name["binary.bin"]["error"].startswith("binary file")
    assert by_name["utf16.txt"]["text"] == ARTICLE.strip()
    assert by_name["big5.txt"]["text"] == ARTICLE.strip()
    failed = sum("error" in r for r in records)
    assert result.err_lines[-1] == f"policytext: error: {failed} of {len(records)} inputs failed"


# -- nothing lost: repairs and boilerplate trace back to the input --------------------------------------


def replay(doc, keep_boilerplate: bool = False) -> str:
    """Rebuild the clean text from `raw`, the recorded repairs, the boilerplate lines and the
    documented whitespace normalisation (trim; a whitespace run holding a break becomes one break)."""
    from policytext.document import Edit

    tracked = TrackedText(doc.raw)
    for repair in doc.repairs:
        origin = tracked.starts
        position = bisect.bisect_left(origin, repair.start, 0, len(tracked.text))
        while tracked.text[position : position + len(repair.before)] != repair.before:
            position += 1  # several characters of one earlier replacement share its origin
            assert origin[position] == repair.start, repair
        tracked.apply([Edit(position, position + len(repair.before), repair.after, repair.kind)])
    if not keep_boilerplate:
        edits = []
        for line in doc.meta.boilerplate:
            start = bisect.bisect_left(tracked.starts, line.start, 0, len(tracked.text))
            end = bisect.bisect_left(tracked.starts, line.end, 0, len(tracked.text))
            assert tracked.text[start:end].strip() == line.text
            edits.append(Edit(start, end, "", "boilerplate"))
        tracked.apply(edits)
    tracked.apply(_whitespace_edits(tracked.text))
    return tracked.text


def assert_traceable(doc) -> None:
    """Every repair's `before` stands at its raw offsets, unless an earlier repair changed that range."""
    changed: list[tuple[int, int]] = []
    for repair in doc.repairs:
        touched = any(start < repair.end and repair.start < end or start == repair.start for start, end in changed)
        if not touched:
            assert doc.raw[repair.start : repair.end] == repair.before, repair
        changed.append((repair.start, repair.end))


def corpus_samples() -> list[Path]:
    return [SEED, *sorted((SHARED / "corpus").glob("*.txt"))[:4]]


@pytest.mark.parametrize("path", corpus_samples(), ids=lambda p: p.stem[:24])
def test_clean_text_is_recoverable_from_raw_repairs_and_boilerplate(path):
    doc = clean(path.read_bytes())
    assert_traceable(doc)
    assert replay(doc) == doc.text
    for line in doc.meta.boilerplate:
        assert 0 <= line.start <= line.end <= len(doc.raw)


def test_sample_boilerplate_is_kept_in_meta():
    doc = clean(SEED.read_bytes())
    kinds = {line.kind for line in doc.meta.boilerplate}
    assert {"navigation", "breadcrumb", "dateline", "title"} <= kinds
    dateline = next(line for line in doc.meta.boilerplate if line.kind == "dateline")
    assert doc.raw[dateline.start : dateline.end].startswith("發(fā)布日期:2024-03-11")
    assert "发布日期" not in doc.text
    kept = clean(SEED.read_bytes(), keep_boilerplate=True)
    assert "发布日期" in kept.text
    assert replay(kept, keep_boilerplate=True) == kept.text


def test_damaged_text_repairs_replay_exactly():
    raw = "  關於推進工業(yè)發(fā)展的通知\r\n\r\n發布日期:2024-05-01  來源:省政府\n全省產業(yè)增長,效益提高!\n\n\n  （一）加快數字化轉型 \n"
    doc = clean(raw)
    assert_traceable(doc)
    assert replay(doc) == doc.text
    assert "产业增长，效益提高！" in doc.text
    assert doc.meta.published == "2024-05-01"


def test_load_rejects_only_what_is_not_text():
    from policytext.decode import DecodeError

    with pytest.raises(DecodeError):
        load("中\ud800文")
    assert load("\ud83d\ude00").raw == "\U0001f600"  # a surrogate pair is joined, not rejected
    doc = analyze("中\U0001f600文")
    assert doc.text == "中\U0001f600文"
