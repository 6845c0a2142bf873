"""Industry mentions mapped through the bundled knowledge base (data/industries.tsv)."""

from __future__ import annotations

from policytext.document import Document
from policytext.extract.industries import extract_industries, industry_entries, resolve_entry
from policytext.sentences import split_sentences

SIX = ["电子信息", "装备制造", "食品轻纺", "能源化工", "先进材料", "医药健康"]
SAMPLE = (
    "推动绿色低碳优势产业发展，成为四川工业结构调整的主要动力来源之一。"
    "2023年四川绿色低碳优势产业增长了11.9%。集中在六大优势产业重点领域开展关键核心技术攻关。"
    "在战略性新兴产业领域梳理一批重大项目。推动量子科技等未来产业技术加快研发攻关。"
    "聚焦六大优势产业关键领域。"
)
# 021 national 2025 government work report
NATIONAL_2025 = (
    "推动商业航天、低空经济、深海科技等新兴产业安全健康发展。"
    "建立未来产业投入增长机制，培育生物制造、量子科技、具身智能、6G等未来产业。"
)
# 007 Guangdong 2025 government work report
GUANGDONG_2025 = "整合科技创新资源，优化战略性产业集群发展体系，培育更多国家先进制造业集群。大力发展集成电路、新能源汽车等新兴产业。"
# 006 Sichuan 2025 government work report
SICHUAN_2025 = "持续实施六大优势产业提质倍增行动，力争2027年建成6个万亿级产业。"
# 013 Chongqing 2025 government work report
CHONGQING = "“33618”现代制造业集群持续壮大。"


def _industries(text: str, region: str | None) -> dict[str, object]:
    doc = Document(raw=text, text=text)
    doc.sentences = split_sentences(text)
    doc.meta.region = region
    found = extract_industries(doc)
    for industry in found:
        assert industry.count == len(industry.spans)
        assert all(doc.text[a:b] == industry.name for a, b in industry.spans)
    return {i.name: i for i in found}


def test_sample_industries_and_six_members() -> None:
    found = _industries(SAMPLE, "四川")
    six = found["六大优势产业"]
    assert (six.category, six.members, six.count) == ("优势产业", SIX, 2)
    assert six.source and "四川" in six.source
    assert found["绿色低碳优势产业"].category == "优势产业"
    assert found["绿色低碳优势产业"].count == 2
    assert found["战略性新兴产业"].category == "战略性新兴产业"
    assert len(found["战略性新兴产业"].members) == 9
    assert found["未来产业"].category == "未来产业"
    assert found["量子科技"].category == "未来产业"


def test_region_resolution() -> None:
    # no region set: the only named group of that name is used
    assert _industries(SICHUAN_2025, None)["六大优势产业"].members == SIX
    # another province's document does not get Sichuan's members
    assert "六大优势产业" not in _industries(SICHUAN_2025, "广东")
    assert resolve_entry("六大优势产业", "四川省").region == "四川"
    # a Sichuan member industry is only mapped in a Sichuan document
    assert resolve_entry("电子信息", "四川").group == "六大优势产业"
    assert resolve_entry("电子信息", None) is None


def test_national_new_industries() -> None:
    found = _industries(NATIONAL_2025, None)
    # "…等新兴产业": the text places these sectors in 新兴产业 (also their knowledge-base category)
    assert {n: found[n].category for n in ("商业航天", "低空经济", "深海科技", "新兴产业")} == dict.fromkeys(
        ("商业航天", "低空经济", "深海科技", "新兴产业"), "新兴产业"
    )
    assert {n: found[n].category for n in ("生物制造", "量子科技", "具身智能", "6G")} == dict.fromkeys(
        ("生物制造", "量子科技", "具身智能", "6G"), "未来产业"
    )
    assert found["未来产业"].count == 2
    assert found["生物制造"].group == "未来制造"


def test_other_provinces_groups() -> None:
    found = _industries(GUANGDONG_2025, "广东")
    assert found["战略性产业集群"].category == "优势产业"
    assert len(found["战略性产业集群"].members) == 20
    assert "半导体与集成电路" in found["战略性产业集群"].members
    assert found["集成电路"].group == "新一代信息技术产业"
    assert found["新能源汽车"].category == "战略性新兴产业"  # a 2-item list: the knowledge-base category
    chongqing = _industries(CHONGQING, "重庆")["“33618”现代制造业集群"]
    assert (chongqing.category, chongqing.members) == ("先进制造业", [])


def test_list_items_and_sector_names() -> None:
    # 011 Anhui 2025 report: items take the category of the list head
    text = (
        "促进钢铁、有色、化工、建材、纺织等产业迈向中高端。积极发展高性能纤维、先进半导体材料等关键战略材料。"
    )
    found = _industries(text, "安徽")
    assert {n: found[n].category for n in ("钢铁", "有色", "化工", "建材", "纺织")} == dict.fromkeys(
        ("钢铁", "有色", "化工", "建材", "纺织"), "传统产业"
    )
    # 003 Sichuan 2026 report: a plain list of sectors sharing 农业; 006: "X产业" sector names
    found = _industries("统筹发展科技农业、绿色农业、质量农业、品牌农业，促进良田良种良机良法集成。", "四川")
    assert sorted(found) == ["品牌农业", "科技农业", "绿色农业", "质量农业"]
    assert {i.category for i in found.values()} == {"现代农业"}
    found = _industries("发展壮大超高清视频产业。精准绘制产业图谱。推动四川产业发展。", "四川")
    assert list(found) == ["超高清视频产业"]
    # short names only as words of their own: 晶硅光伏 is not a mention of 光伏
    assert "光伏" not in _industries("建设晶硅光伏基地。", "四川")


def test_every_knowledge_base_row_has_a_category_and_source() -> None:
    rows = [row for group in industry_entries().values() for row in group]
    assert len(rows) > 60
    assert all(row.category and row.source for row in rows)


def test_long_repetitive_input() -> None:
    # bounded work per mention (timed in bench/): one record, every mention counted
    found = _industries("人工智能" * 20000, None)
    assert list(found) == ["人工智能"]
    assert found["人工智能"].count == 20000


def test_group_named_by_a_list_head() -> None:
    # 006 Sichuan 2025 report: the head is a group; its items are the sectors of the list
    text = "突出抓好人工智能、高端能源装备、航空航天、新型显示、新能源、医药健康等“15+N”重点产业链，优化产业生态。"
    found = _industries(text, "四川")
    assert "“15+N”重点产业链" in found
    assert {"人工智能", "高端能源装备", "航空航天", "新型显示", "新能源", "医药健康"} <= set(found)
    assert found["高端能源装备"].category == "先进制造业"
