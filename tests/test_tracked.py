from policytext.document import Edit
from policytext.tracked import TrackedText


def test_repairs_carry_offsets_into_the_original_input():
    tracked = TrackedText("企業(yè)協(xié)會,好")
    first = tracked.apply([Edit(2, 6, "", "pinyin"), Edit(7, 12, "", "pinyin")])
    assert tracked.text == "企業協會,好"
    assert [(r.start, r.end, r.before) for r in first] == [(2, 6, "(yè)"), (7, 12, "(xié)")]
    second = tracked.apply([Edit(4, 5, "，", "punctuation")])
    assert tracked.text == "企業協會，好"
    repair = second[0]
    assert (repair.start, repair.end, repair.before, repair.after) == (13, 14, ",", "，")
    assert tracked.raw[repair.start : repair.end] == ","


def test_raw_span_maps_a_clean_range_back():
    tracked = TrackedText("  你好(nǐ)世界")
    tracked.apply([Edit(0, 2, "", "whitespace"), Edit(4, 8, "", "pinyin")], record=False)
    assert tracked.text == "你好世界"
    start, end = tracked.raw_span(2, 4)
    assert tracked.raw[start:end] == "世界"


def test_overlapping_edits_keep_the_first():
    tracked = TrackedText("abcdef")
    tracked.apply([Edit(1, 4, "X", "k"), Edit(2, 5, "Y", "k")])
    assert tracked.text == "aXef"
