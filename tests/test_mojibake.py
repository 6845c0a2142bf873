"""Whole-document mojibake: the usual wrong-codec readings are undone, normal text is left alone."""

from __future__ import annotations

import pytest

from policytext.repair.mojibake import find_whole_mojibake

TEXT = (
    "政府工作报告提出，加快发展新质生产力，推进新型工业化，提高全要素生产率。"
    "全省地区生产总值增长百分之五点七，规模以上工业增加值增长百分之六。"
    "我们要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。"
)


def apply(text, edits):
    out, pos = [], 0
    for edit in sorted(edits, key=lambda e: e.start):
        out += [text[pos : edit.start], edit.after]
        pos = edit.end
    return "".join(out) + text[pos:]


@pytest.mark.parametrize(
    ("encoding", "wrong", "kind"),
    [
        ("utf-8", "gbk", "utf8-as-gbk"),
        ("gb18030", "latin-1", "gbk-as-latin1"),
        ("gb18030", "cp1252", "gbk-as-latin1"),
        ("utf-8", "latin-1", "utf8-as-latin1"),
    ],
)
def test_round_trip(encoding, wrong, kind):
    page = "Title: 2025 report\n" + TEXT + "\nhttp://www.example.gov.cn/a.html"
    garbled = page.encode(encoding).decode(wrong, errors="replace")
    assert garbled != page
    edits = find_whole_mojibake(garbled)
    assert len(edits) == 1 and edits[0].kind == "mojibake" and edits[0].note == kind
    repaired = apply(garbled, edits)
    if "\ufffd" in garbled:  # bytes lost by the wrong decoder are guessed: most come back
        assert sum(a != b for a, b in zip(repaired, page, strict=False)) <= 3
    else:
        assert repaired == page
    assert repaired.startswith("Title: 2025 report\n")  # ASCII outside the stretch untouched


def test_known_mojibake_words():
    garbled = ("全国人大代表四川省经济和信息化厅" * 2).encode("utf-8").decode("gbk")
    assert garbled.startswith("鍏ㄥ浗")
    assert apply(garbled, find_whole_mojibake(garbled)) == "全国人大代表四川省经济和信息化厅" * 2
    short = "全国人大代表".encode().decode("gbk") * 2
    assert apply(short, find_whole_mojibake(short)) == "全国人大代表" * 2
    latin = "全国人大代表翟刚说".encode("gb18030").decode("latin-1")
    assert latin.startswith("È«¹ú")
    assert apply(latin, find_whole_mojibake(latin)) == "全国人大代表翟刚说"


@pytest.mark.parametrize(
    "text",
    [
        TEXT,
        "歡迎進入四川省中小企業(yè)協(xié)會!你現(xiàn)在的位置:首頁",
        "犇彧龘砼镕堃等生僻字與翟刚、欧阳修的名字。",
        "Café résumé naïve — “quoted” text, Ünïcödé façade.",
        "中文 Ünïcödé 测试 GDP增长5.5%",
        "plain ASCII only",
        "",
    ],
)
def test_normal_text_untouched(text):
    assert find_whole_mojibake(text) == []


def test_corpus_documents_untouched():
    from pathlib import Path

    paths = sorted(Path("/work/shared/corpus").glob("0*.txt"))
    if not paths:
        pytest.skip("corpus not available")
    for path in paths:
        assert find_whole_mojibake(path.read_text(encoding="utf-8")) == []
