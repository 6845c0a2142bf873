"""Region names and the region a document is about (policytext.extract.regions)."""

from __future__ import annotations

import pytest
from helpers import corpus_text

from policytext.extract.regions import (
    document_region,
    normalize_region,
    region_names,
    region_pattern,
    regions_in,
)


def test_region_names_cover_full_and_short_forms():
    names = region_names()
    for name in ("四川省", "四川", "宁夏回族自治区", "宁夏", "重庆市", "成都", "成都市", "深圳", "阿坝", "凉山彝族自治州"):
        assert name in names
    assert "川" not in names  # one-character abbreviations are too ambiguous for text matching
    assert "安康" not in names and "安康市" in names  # 安康 is also an everyday word


def test_normalize_region():
    assert normalize_region("四川省") == "四川"
    assert normalize_region("广西壮族自治区") == "广西"
    assert normalize_region("成都市") == "成都"
    assert normalize_region("新领域") is None


def test_regions_in_text_longest_name_first():
    assert regions_in("四川省成都市和凉山彝族自治州") == ["四川", "成都", "凉山"]
    assert region_pattern().search("宁夏回族自治区").group() == "宁夏回族自治区"


def test_title_decides_first():
    assert document_region("", "2026年四川省人民政府工作报告") == "四川"
    assert document_region("", "全国人大代表翟刚：构建四川工业“绿色本底” 培育壮大新质生产力") == "四川"
    assert document_region("", "深圳经济特区人工智能产业促进条例") == "深圳"  # a city over its province
    assert document_region("", "北京市数字经济促进条例") == "北京"


@pytest.mark.parametrize(
    ("stem", "region"),
    [("001", "四川"), ("008", "广东"), ("012", "湖北"), ("014", "山东"), ("019", "宁夏"), ("028", "深圳"),
     ("020", None), ("023", None), ("021", None)],
)
def test_region_from_text_alone(stem, region):
    # without a title: the most named region (a province's cities count for it); national texts give None
    assert document_region(corpus_text(stem), None) == region


def test_nothing_named():
    assert document_region("加快发展新质生产力。", None) is None
