"""bench/garble.py: reproducible damage whose record matches the text, simulated honestly."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from garble import fold_punctuation, garble, main  # noqa: E402

TEXT = (
    "全国人大代表翟刚说，要推动产业转型升级，加快发展新质生产力。“我们要发展工业的再制造过程，"
    "形成工业的全生命周期的绿色化发展。”此外，要深入推进制造业“智改数转”，加快人工智能赋能。"
) * 3


def test_same_seed_same_output_and_seeds_differ():
    assert garble(TEXT, 7) == garble(TEXT, 7)
    assert garble(TEXT, 7)[0] != garble(TEXT, 8)[0]


def test_layers_without_shifts():
    layered, info = garble(TEXT, 0, script="s2tw", shifts=0)
    assert info["spans"] == [] and layered == info["layered"]
    assert "業(yè)" in layered and "發(fā)展" in layered and "說(shuō)" in layered
    assert "，" not in layered and "," in layered  # folded
    assert "。" in layered and "“" in layered  # no ASCII form: kept
    plain, _ = garble(TEXT, 0, script=None, pinyin=False, fold=False, shifts=0)
    assert plain == TEXT


def test_spans_match_text_and_bytes():
    garbled, info = garble(TEXT, 3, shifts=5)
    assert len(info["spans"]) >= 3
    layered = info["layered"]
    for span in info["spans"]:
        assert garbled[span["start"] : span["end"]] == span["garbled"]
        assert layered[span["orig_start"] : span["orig_start"] + len(span["original"])] == span["original"]
        original = span["original"].encode("gb18030")
        body = span["garbled"][1:] if span["marked"] else span["garbled"]
        # the damaged stretch is the original bytes without the first (lead) byte, read one byte
        # late; a trail byte lost before an ASCII byte shows as "?", "!" is a folded "！"
        if body.endswith("?"):
            body, original = body[:-1], original[:-1]
        rebuilt = fold_punctuation(body).translate({ord(c): c for c in ""})
        encoded = b"".join(
            ("！" if ch == "!" else ch).encode("gb18030") if not ch.isascii() or ch == "!" else ch.encode()
            for ch in rebuilt
        )
        assert encoded == original[1:], span
    # everything outside the spans is unchanged
    pos_g = pos_l = 0
    for span in info["spans"]:
        assert garbled[pos_g : span["start"]] == layered[pos_l : span["orig_start"]]
        pos_g, pos_l = span["end"], span["orig_start"] + len(span["original"])
    assert garbled[pos_g:] == layered[pos_l:]


def test_marked_and_unmarked_shifts():
    _, marked = garble(TEXT, 1, shifts=4, mark_rate=1.0)
    _, unmarked = garble(TEXT, 1, shifts=4, mark_rate=0.0)
    assert all(s["garbled"].startswith("?") for s in marked["spans"])
    assert all(s["marked"] is False for s in unmarked["spans"])


def test_chosen_points_and_nfkc():
    layered, _ = garble(TEXT, 0, script=None, pinyin=False, shifts=0)
    garbled, info = garble(TEXT, 0, script=None, pinyin=False, at=[layered.index("。")], mark_rate=1.0)
    assert [s["orig_start"] for s in info["spans"]] == [layered.index("。")]
    assert info["spans"][0]["garbled"].startswith("?!")  # 。“ read one byte late starts with ！
    nfkc, _ = garble("ＡＢＣ１２３，全国", 0, script=None, pinyin=False, shifts=0, nfkc=True)
    assert nfkc == "ABC123,全国"


def test_cli(tmp_path):
    source = tmp_path / "in.txt"
    source.write_text(TEXT, encoding="utf-8")
    target = tmp_path / "out.txt"
    assert main([str(source), str(target), "--seed", "5", "--info", str(tmp_path / "info.json")]) == 0
    assert target.read_text(encoding="utf-8") == garble(TEXT, 5)[0]
    assert (tmp_path / "info.json").exists()
