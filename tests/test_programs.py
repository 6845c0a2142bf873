"""Programmes on real sentences from the sample article and dev corpus documents."""

from __future__ import annotations

import pytest

from policytext.document import Document
from policytext.extract.programs import extract_programs
from policytext.sentences import split_sentences

SAMPLE = (
    "开展产业新赛道争先竞速行动，在战略性新兴产业领域梳理一批具有新质生产力特征的重大项目。"
    "出台未来产业发展实施方案，推动新一代人工智能等未来产业技术加快研发攻关。"
    "高标准完成国家重点制造业产业链攻关任务，聚焦六大优势产业关键领域。"
    "下一步我们将打造绿色生产力，推动构建四川绿色制造体系。”翟刚说，这个制造体系将按照全生命周期来进行整体的规划。"
    "出台“智改数转”专项行动计划，完善服务体系和基础支撑。开展新一轮大规模技术改造，推动工艺技术革新。"
    "聚力实施人工智能1号创新工程，强化运力、算力等技术底座。"
    "政府工作报告对大力推进现代化产业体系建设作出部署。"
)
# 004 Sichuan 2025 government work report (review of 2024)
SICHUAN_2024 = (
    "深入实施“天府峨眉计划”“天府青城计划”，启动实施四川海外智力集聚计划，新培育引进了一批高层次人才。"
)
# 006 Sichuan 2025 government work report
SICHUAN_2025 = (
    "持续实施六大优势产业提质倍增行动，力争2027年建成6个万亿级产业。"
    "实施科技支撑未来产业发展“先手棋”计划，抢先布局原子级制造产业。"
)
# 001 Sichuan 2026 government work report
SICHUAN_2026 = "深入实施“东数西算”工程，省一体化算力监测调度服务平台正式接入国家平台。"
# 030 Beijing digital economy regulation, 021 national 2025 report
BEIJING = "第二条 本市行政区域内数字经济促进相关活动适用本条例。"
NATIONAL_2025 = (
    "开展新技术新产品新场景大规模应用示范行动，推动商业航天、低空经济、深海科技等新兴产业安全健康发展。"
)


def _programs(text: str) -> list[tuple[str, str | None, str]]:
    doc = Document(raw=text, text=text)
    doc.sentences = split_sentences(text)
    found = extract_programs(doc)
    for program in found:
        assert doc.text[program.span[0] : program.span[1]] == program.name
    return [(p.name, p.verb, p.kind) for p in found]


def test_sample_programmes() -> None:
    assert _programs(SAMPLE) == [
        ("产业新赛道争先竞速行动", "开展", "action"),
        ("未来产业发展实施方案", "出台", "scheme"),
        ("国家重点制造业产业链攻关任务", "完成", "task"),
        ("四川绿色制造体系", "构建", "system"),
        ("“智改数转”专项行动计划", "出台", "plan"),
        ("服务体系", "完善", "system"),  # short, but governed by a verb
        ("新一轮大规模技术改造", "开展", "action"),
        ("人工智能1号创新工程", "聚力实施", "project"),
        ("现代化产业体系", "建设", "system"),  # "推进现代化产业体系建设": 建设 follows the name
    ]


def test_adjacent_quoted_programmes_share_the_verb() -> None:
    assert _programs(SICHUAN_2024) == [
        ("天府峨眉计划", "实施", "plan"),
        ("天府青城计划", "实施", "plan"),
        ("四川海外智力集聚计划", "启动实施", "plan"),
    ]


def test_quoted_part_inside_a_longer_name() -> None:
    assert _programs(SICHUAN_2025) == [
        ("六大优势产业提质倍增行动", "实施", "action"),
        ("科技支撑未来产业发展“先手棋”计划", "实施", "plan"),
    ]
    assert _programs(SICHUAN_2026) == [("“东数西算”工程", "实施", "project")]


def test_document_titles() -> None:
    text = "出台《四川省行政裁量权基准管理规定》，新修改的《四川省人口与计划生育条例》正式施行。"
    assert _programs(text) == [
        ("四川省行政裁量权基准管理规定", "出台", "document"),
        ("四川省人口与计划生育条例", None, "document"),
    ]


def test_names_with_joined_parts_and_packages() -> None:
    # 021 national 2025 report; 001 Sichuan 2026 report; 020 national 2025 report
    text = "深化先进制造业和现代服务业融合发展试点。出台稳增长“21条”。审议民营经济促进法草案。"
    assert _programs(text) == [
        ("先进制造业和现代服务业融合发展试点", "深化", "pilot"),
        ("稳增长“21条”", "出台", "document"),
        ("民营经济促进法草案", "审议", "regulation"),
    ]
    assert _programs("《哪吒2》票房居全球动画电影首位。") == []  # 001: a film is not a programme


def test_self_references_and_generic_words_are_not_programmes() -> None:
    assert _programs(BEIJING) == []
    assert _programs(NATIONAL_2025) == [("新技术新产品新场景大规模应用示范行动", "开展", "action")]


@pytest.mark.parametrize("text", ["《" * 100000 + "》", "行动" * 50000, "(" * 200000])
def test_pathological_inputs(text: str) -> None:
    assert all(p.kind for p in extract_programs(Document(raw=text, text=text)))


def test_name_opening_its_clause_before_a_verb() -> None:
    # 014 Shandong, 018 Shaanxi: the programme is the subject ("…行动探获…", "…工程试通水")
    assert _programs("新一轮找矿突破战略行动探获全国首个亿吨级富铁矿。") == [
        ("新一轮找矿突破战略行动", None, "action")
    ]
    assert ("黄河东线马镇引水工程", None, "project") in _programs("东庄水利枢纽下闸蓄水，黄河东线马镇引水工程试通水，")
    # a keyword inside a longer word, or a name governed by an ordinary verb, is no subject
    assert _programs("深入推进战略性新兴产业融合集群发展。") == []
    assert _programs("强化科技战略支撑。") == []


def test_count_marks_the_start_of_a_name() -> None:
    # 024 national: the verb 扩大 sits inside the name after the count
    assert _programs("新增4个服务业扩大开放综合试点，推出新举措。") == [("服务业扩大开放综合试点", "新增", "pilot")]
    # a count that opens the clause belongs to the subject, not to the programme's name
    assert _programs("12个品牌新入选国家农业品牌精品培育计划。") == [("国家农业品牌精品培育计划", "入选", "plan")]


def test_kinds_and_periods_are_not_task_names_and_bare_systems_need_a_verb() -> None:
    # 014 Shandong "阶段性任务", 018 Shaanxi "“十四五”任务", 016 Guizhou 体系 as a list item
    assert _programs("崂山实验室阶段性任务顺利完成。") == []
    assert _programs("单位生产总值能耗累计降幅完成“十四五”任务，") == []
    assert _programs("对富矿精开、现代化产业体系、科技创新等事关全局的工作作出部署。") == []
    assert _programs("构建现代化产业体系。") == [("现代化产业体系", "构建", "system")]
