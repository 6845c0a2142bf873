"""Numerals, fractions, ranges and units (policytext.extract.numbers)."""

from __future__ import annotations

import pytest

from policytext.extract.numbers import find_quantities, parse_number, parse_quantity


@pytest.mark.parametrize(
    ("written", "value", "unit", "base_value", "base_unit"),
    [
        ("百分之十二点五", 12.5, "%", 12.5, "%"),
        ("八十七户", 87, "户", 87, "户"),
        ("四百八十三户", 483, "户", 483, "户"),
        ("八万亿元", 8, "万亿元", 8e12, "元"),
        ("两千亿元", 2000, "亿元", 2e11, "元"),
        ("八成", 8, "成", 80, "%"),
        ("四分之一", 25, "%", 25, "%"),
        ("3至5个", [3, 5], "个", [3, 5], "个"),
        ("一到两个百分点", [1, 2], "个百分点", [1, 2], "个百分点"),
        ("1.2万", 1.2, "万", 12000, ""),
        ("6.7万亿元", 6.7, "万亿元", 6.7e12, "元"),
        ("1.2万家", 1.2, "万家", 12000, "家"),
        ("67665亿元", 67665, "亿元", 6.7665e12, "元"),
        ("0.7个百分点", 0.7, "个百分点", 0.7, "个百分点"),
        ("3万余场次", 3, "万场次", 30000, "场次"),
        ("1亿千瓦", 1, "亿千瓦", 1e8, "千瓦"),
        ("3%—5%", [3, 5], "%", [3, 5], "%"),
        ("一万二千家", 12000, "家", 12000, "家"),
        ("三千零五十人", 3050, "人", 3050, "人"),
        ("4万多亿元", 4, "万亿元", 4e12, "元"),
        ("12吉瓦时", 12, "吉瓦时", 1.2e7, "千瓦时"),
    ],
)
def test_parse_quantity(written, value, unit, base_value, base_unit):
    quantity = parse_quantity(written)
    assert quantity is not None
    assert quantity.value == pytest.approx(value)
    assert quantity.unit == unit
    assert quantity.base_value == pytest.approx(base_value)
    assert quantity.base_unit == base_unit


def test_approximation_marks_inside_the_run():
    assert parse_quantity("50余场").approx == "余"
    assert parse_quantity("1000多家").approx == "多"


@pytest.mark.parametrize(
    ("written", "value"),
    [("12.5", 12.5), ("1,833", 1833), ("四百八十三", 483), ("两千", 2000), ("十二点五", 12.5), ("1.2万", 12000),
     ("八万亿", 8e12), ("十", 10), ("二十", 20)],
)
def test_parse_number(written, value):
    assert parse_number(written) == pytest.approx(value)


@pytest.mark.parametrize("text", ["千家万户", "千行百业", "2023年", "3月", "国发〔2024〕11号", "5G", "二〇二三年"])
def test_not_quantities(text):
    assert list(find_quantities(text)) == []


def test_find_quantities_spans():
    text = "实现地区生产总值67665亿元，增长5.5%，新增3至5个。"
    found = [(text[s:e], q.value) for s, e, q in find_quantities(text)]
    assert found == [("67665亿元", 67665), ("5.5%", 5.5), ("3至5个", [3, 5])]


def test_bounded_on_pathological_input():
    # these finish at once with bounded patterns (a catastrophic one would hang the test run)
    assert list(find_quantities("1" * 100_000 + "%")) == []  # more than 30 digits is not a number
    assert list(find_quantities("、" * 100_000)) == []
    assert list(find_quantities("万" * 100_000)) == []
    # a run of digit characters is not a numeral: only the final 一个 is read
    assert [(s, q.value) for s, _, q in find_quantities("一" * 100_000 + "个")] == [(99_999, 1)]
    runs = list(find_quantities("3至" * 50_000 + "5个"))
    assert len(runs) == 1 and runs[0][2].value == [3, 5]


def _runs(text: str) -> list[tuple[str, float | list[float], str]]:
    return [(text[s:e], q.value, q.unit) for s, e, q in find_quantities(text)]


def test_ascii_energy_and_compute_units():
    # 016 Guizhou: lower-case flops and GWh are units, not a "5G"-style name
    assert _runs("全省算力规模突破160Eflops，") == [("160Eflops", 160, "Eflops")]
    assert _runs("新能源电池产能达55GWh，新增装机300MW。") == [("55GWh", 55, "GWh"), ("300MW", 300, "MW")]
    assert list(find_quantities("建成5G基站")) == []


def test_bare_hundred_before_a_physical_unit():
    # 014 Shandong: 首条百兆瓦钙钛矿电池中试线; but 数百兆瓦 is no amount
    assert _runs("首条百兆瓦钙钛矿电池中试线成功运行") == [("百兆瓦", 100, "兆瓦")]
    assert _runs("数百兆瓦") == []


def test_measure_word_that_begins_a_longer_word():
    # 024 national: 近千万家庭 is 1000万 (households), not 1000 万家 + 庭
    assert _runs("惠及近千万家庭") == [("千万", 1000, "万")]
    assert _runs("新增15家、") == [("15家", 15, "家")]


def test_bare_magnitude_after_shang():
    # 024 national: 上亿市场主体; but 以上亿元 is "above" + 亿元
    assert _runs("上亿市场主体承载着数亿人就业创业") == [("亿", 1, "亿")]
    assert _runs("500万元以上亿元级项目") == [("500万元", 500, "万元")]


def test_compound_trip_measures():
    # 架次, 辆次, 户次: one measure word, not 架 followed by 次
    assert _runs("飞行量达12万架次、入境车辆8万辆次") == [("12万架次", 12, "万架次"), ("8万辆次", 8, "万辆次")]
    assert parse_quantity("3000户次").base_unit == "户次"


def test_approximation_after_the_measure_word():
    # 2倍多: 多 after the measure word is the approximation, the unit stays 倍
    assert _runs("增长2倍多，") == [("2倍多", 2, "倍")]
    assert parse_quantity("2倍多").approx == "多"
    # but 多 that begins the next word is not read: 3个多功能厅
    assert _runs("建成3个多功能厅") == [("3个", 3, "个")]


def test_doubling_measure():
    assert _runs("比2010年翻一番") == [("一番", 1, "番")]
    assert parse_quantity("两番").base_value == 2


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("占全国1/10", 10, "%"), ("不少于两年", 2, "年"), ("再延长30年", 30, "年"), ("1/3以上", 33.3333333333, "%")],
)
def test_fractions_and_spans_of_years(text, value, unit):
    (_, _, quantity), = list(find_quantities(text))
    assert quantity.value == pytest.approx(value) and quantity.unit == unit


@pytest.mark.parametrize("text", ["2024/12/31", "24/7", "不超过2025年", "不少于两年代", "2023年", "延长三年以来"])
def test_not_fractions_or_spans(text):
    assert [q for _, _, q in find_quantities(text) if q.unit in {"%", "年"}] == []


def test_pair_measure_word_is_not_a_preposition():
    assert [(q.value, q.unit) for _, _, q in find_quantities("缔结118对友城")] == [(118, "对")]
    assert list(find_quantities("3对口支援")) == []


def test_alternative_measure_word_in_brackets():
    # 3.2万户（套）: households or flats, written as one measure
    quantity = parse_quantity("3.2万户（套）")
    assert quantity is not None
    assert (quantity.value, quantity.unit, quantity.base_value, quantity.base_unit) == (3.2, "万户（套）", 32000, "户")
    assert parse_quantity("57个县（市）") is None  # 市 is no measure word: the bracket is not part of it
