"""GB18030 frame-shift repair: the sample's damaged spans, synthetic damage from bench/garble.py on
text outside the corpus, and text that must be left alone."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from policytext.repair.frameshift import find_frame_shifts

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = Path("/work/shared/seeds/sichuan-green-base.txt")
if not SAMPLE.exists():
    SAMPLE = ROOT / "data" / "sample-sichuan-green-base.txt"
sys.path.insert(0, str(ROOT / "bench"))

from garble import garble  # noqa: E402


def apply(text: str, edits) -> str:
    out, pos = [], 0
    for edit in sorted(edits, key=lambda e: e.start):
        out += [text[pos : edit.start], edit.after]
        pos = edit.end
    return "".join(out) + text[pos:]


def test_sample_spans_restored_exactly():
    text = SAMPLE.read_text(encoding="utf-8")
    edits = find_frame_shifts(text)
    found = [(text[e.start : e.end], e.after) for e in edits]
    assert found == [
        ("?!比珖\ue25b舜蟠\ue300?", "。”全國人大代表"),
        ("?!钡詣傉f", "。”翟剛說"),
        ("?!钡詣傉f", "。”翟剛說"),
        ("?!拔覀円\ue00fl", "。“我們要發"),
    ]
    assert all(e.kind == "frame_shift" and 0.5 <= e.confidence <= 1.0 for e in edits)
    # the annotation after the last span stays for the pinyin step
    last = edits[-1]
    assert text[last.end : last.end + 5] == "(fā)展"
    # the page's real question marks survive
    repaired = apply(text, edits)
    assert "迎面而上?下一步" in repaired and "謀劃布局?探索" in repaired


# a paragraph written for this test (not from the corpus)
PARAGRAPH = (
    "今天上午，市里召开了城市交通规划座谈会。“我们要把公交线路调整好，让群众出行更方便。”"
    "负责人说，明年将新开五条线路。"
)


@pytest.mark.parametrize(
    ("script", "char", "marked"), [("s2tw", "。", 1.0), ("s2hk", "“", 0.0), (None, "。", 1.0)]
)
def test_synthetic_span_outside_corpus_restored(script, char, marked):
    layered, _ = garble(PARAGRAPH, 0, script=script, shifts=0)
    points = [i for i, ch in enumerate(layered) if ch == char]
    garbled, info = garble(PARAGRAPH, 0, script=script, at=points[:1], mark_rate=marked)
    assert info["spans"] and garbled != layered
    edits = find_frame_shifts(garbled)
    assert apply(garbled, edits) == info["layered"] == layered
    span = info["spans"][0]
    assert [(e.start, e.end, e.after) for e in edits] == [(span["start"], span["end"], span["original"])]


def test_span_without_question_mark_restored():
    text = "为此，我们必须坚持高质量发展。“十四五”期间，全市经济总量稳步提升。"
    layered, _ = garble(text, 1, script=None, pinyin=False, shifts=0)
    garbled, info = garble(text, 1, script=None, pinyin=False, at=[layered.index("。")], mark_rate=0.0)
    assert not garbled[info["spans"][0]["start"]].startswith("?")
    assert apply(garbled, find_frame_shifts(garbled)) == layered


def test_pinyin_annotation_pins_last_character():
    # 代表(biǎo): the trail byte of 表 is lost before the annotation's "("
    text = "全國人大代表(biǎo),四川省"
    raw = text.encode("gb18030")
    start = raw.index("全".encode("gb18030"))
    damaged = raw[:start] + b"?" + raw[start + 1 :]
    garbled = damaged.decode("gb18030", errors="replace").replace("\ufffd", "?")
    edits = find_frame_shifts(garbled)
    assert apply(garbled, edits) == text


@pytest.mark.parametrize(
    "text",
    [
        "四川产业发展将如何迎面而上?下一步又将如何夯实这些优势?",
        "这真的可能吗?!他反问道。",
        "你说什么?!\n我们明天见?",
        "犇犇、彧、龘、砼结构与镕、堃等生僻字都是真字。",
        "翟刚、欧阳修、司马迁、诸葛亮和上官婉儿的名字。",
        "2023年四川绿色低碳优势产业增长了11.9%,GDP达到60132.9亿元。",
        "推进AI+制造,建设5G基站12万个,IPv6规模部署,App上架。",
        "Hello world? This is plain English text! Is it? Yes.",
        "歡迎進入四川省中小企業(yè)協(xié)會!你現(xiàn)在的位置?",
        "問題在哪裡?答案是:沒有問題!真的嗎?",
    ],
)
def test_normal_text_untouched(text):
    assert find_frame_shifts(text) == []


def test_clean_corpus_documents_unchanged():
    from opencc import OpenCC

    corpus = Path("/work/shared/corpus")
    paths = sorted(corpus.glob("02*.txt"))[:2] if corpus.exists() else []
    if not paths:
        pytest.skip("corpus not available")
    for path in paths:
        text = path.read_text(encoding="utf-8")
        for version in (text, OpenCC("s2tw").convert(text)):
            layered, _ = garble(version, 0, script=None, shifts=0)  # with annotations and folding
            assert find_frame_shifts(version) == []
            assert find_frame_shifts(layered) == []


def test_long_inputs_are_bounded():
    for text in ("?" * 20000, "錯" * 20000 + "?", "\ue000l" * 5000, "!" * 20000 + "a"):
        find_frame_shifts(text)  # must return (bounded walk-back); results may be anything sane


# a second paragraph written for these tests (not from the corpus)
PARAGRAPH_2 = (
    "同时，全市将加快建设停车场、充电桩和慢行系统，稳步推进老旧小区改造。区里还将完善养老、托育、医疗等"
    "公共服务，提升居民幸福感。今天上午，市里召开座谈会。“我们要把公交线路调整好，让群众出行更方便。”负责人说。"
)


@pytest.mark.parametrize(
    ("script", "start", "marked"),
    [
        (None, "。区", 1.0),  # "?Ｇ?": one pair and a lost trail byte
        (None, "。区", 0.0),
        (None, "停车场", 0.0),
        (None, "把公交", 1.0),
        ("s2tw", "更方便", 0.0),  # a stretch through "。”"
    ],
)
def test_short_and_punctuated_spans_restored(script, start, marked):
    layered, _ = garble(PARAGRAPH_2, 0, script=script, shifts=0)
    garbled, info = garble(PARAGRAPH_2, 0, script=script, at=[layered.index(start)], mark_rate=marked)
    assert info["spans"] and garbled != layered
    assert apply(garbled, find_frame_shifts(garbled)) == layered


def test_nfkc_letter_inside_span():
    # 保卫 re-paired one byte late gives the full-width Ｎ, which NFKC turns into "N"
    text = "全市深入推进净土保卫战,土壤环境总体稳定。"
    layered, _ = garble(text, 0, script=None, pinyin=False, shifts=0, nfkc=True)
    garbled, _ = garble(text, 0, script=None, pinyin=False, at=[layered.index("推")], mark_rate=1.0, nfkc=True)
    assert "N" in garbled
    assert apply(garbled, find_frame_shifts(garbled)) == layered == text


def test_word_model_prefers_words_and_clause_marks():
    from policytext.repair.frameshift import word_logp

    assert word_logp("加强生态环境保护、生态修复") > word_logp("加强生态环境保护发生态修复")
    assert word_logp("城市功能。持续完善") > word_logp("城市功能保持续完善")
    assert word_logp("群眾出行更方便") == pytest.approx(word_logp("群众出行更方便"))  # read as simplified


def test_model_file_names_source_and_rebuild_command():
    from policytext.repair import charlm

    header = charlm.read_header()
    assert all(line.startswith("#") for line in header)
    assert any("jieba" in line and "dict.txt" in line for line in header)
    assert any("python -m policytext.repair.charlm build" in line for line in header)
    lm = charlm.load()
    assert lm.logp("发", "展") > lm.logp("发", "氮") + 5
    assert lm.logp("生", "态") > lm.logp("生", "氮") + 5


# written for this test (not from the corpus): the lost lead byte of "。" leaves "Ｔ?" ("。在"
# re-paired one byte late gives the full-width Ｔ, and the last trail byte is lost before "2")
LONE_FULLWIDTH_TEXT = "目前全县已建成十二个村级卫生室。在2025年底前，还将培训乡村医生三百名。"


def test_lone_fullwidth_letter_is_evidence_of_a_shift():
    layered, _ = garble(LONE_FULLWIDTH_TEXT, 0, script=None, pinyin=False, shifts=0)
    at = [layered.index("。在")]
    garbled, info = garble(LONE_FULLWIDTH_TEXT, 0, script=None, pinyin=False, at=at, mark_rate=0.0)
    assert info["spans"][0]["garbled"] == "Ｔ?"
    edits = find_frame_shifts(garbled)
    assert [(garbled[e.start : e.end], e.after) for e in edits] == [("Ｔ?", "。在")]
    assert apply(garbled, edits) == layered


@pytest.mark.parametrize(
    "text",
    [
        "推进ＡＩ+制造?明年ＧＤＰ增长多少?",
        "Ａ股市场怎么样?第３章讲什么?",
        "他说的是ＡＢ?还是Ｃ类?",
        "本表由Ｘ射线室填写,共有３?",
        "需要补充维生素Ｃ?",  # a single letter before "?" can be real: the margin must still hold
        "答案是Ａ?等级为Ｓ?",
    ],
)
def test_fullwidth_letters_in_real_text_untouched(text):
    assert find_frame_shifts(text) == []


def test_lone_fullwidth_digit_in_garbled_stretch_is_covered():
    # written for this test: "。参" re-paired one byte late gives "２", then a garbled run; the
    # reading must start before the digit and bring back the full stop
    text = "新建公园绿地十二处。参与植树活动的市民超过两万人次，比去年多了一倍。"
    layered, _ = garble(text, 0, script=None, pinyin=False, shifts=0)
    garbled, info = garble(text, 0, script=None, pinyin=False, at=[layered.index("。参")], mark_rate=0.0)
    assert info["spans"][0]["garbled"].startswith("２")
    edits = find_frame_shifts(garbled)
    assert [e.after for e in edits] == ["。参与植树活动的市民超过两万人次"]
    assert apply(garbled, edits) == layered


def test_script_chars_file_matches_opencc_over_the_model_vocabulary():
    """data/script_chars.txt is derived data: it must equal what OpenCC gives today."""
    import opencc

    from policytext.repair.charlm import load
    from policytext.repair.frameshift import _script_sets

    simplified, traditional = _script_sets()
    vocabulary = "".join(ch for ch in load().unigram if "\u4e00" <= ch <= "\u9fff")
    to_traditional = opencc.OpenCC("s2t").convert(vocabulary)
    to_simplified = opencc.OpenCC("t2s").convert(vocabulary)
    assert simplified == {a for a, b in zip(vocabulary, to_traditional, strict=True) if a != b}
    assert traditional == {a for a, b in zip(vocabulary, to_simplified, strict=True) if a != b}
    assert "发" in simplified and "發" in traditional and "中" not in simplified | traditional
