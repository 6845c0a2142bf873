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
    for program in found:  # the span is the name, or a listed name's own part (A、B等条例: A + 条例)
        named = doc.text[program.span[0] : program.span[1]]
        assert program.name == named or program.name.startswith(named) and doc.text[program.span[1]] in "、等"
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
    # (the project's milestone after it is its verb)
    assert ("黄河东线马镇引水工程", "试通水", "project") in _programs("东庄水利枢纽下闸蓄水，黄河东线马镇引水工程试通水，")
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


def test_quoted_stem_before_a_keyword_is_a_name_without_a_verb() -> None:
    # the quotes delimit the name whatever follows it; 规划 alone stays a verb
    assert _programs("今年是“十四五”规划收官之年。") == [("“十四五”规划", None, "plan")]
    assert _programs("高质量完成“十三五”规划目标任务。") == [("“十三五”规划", "完成", "plan")]
    assert _programs("统一规划全省产业布局。") == []
    # the verb before the quote is no part of the name
    assert _programs("锚定“3815”战略目标，") == [("“3815”战略", None, "strategy")]


def test_verb_after_the_name_with_an_adverb() -> None:
    # "X体系不断完善": a build verb after the system, as 现代化产业体系加快构建
    assert _programs("现代物流体系不断完善，公共服务体系逐步健全。") == [
        ("现代物流体系", "完善", "system"),
        ("公共服务体系", "健全", "system"),
    ]


def test_governed_object_followed_by_its_predicate() -> None:
    # a programme verb's object stays a name when a predicate follows it
    assert _programs("推动构建绿色低碳产业体系取得明显成效。") == [("绿色低碳产业体系", "构建", "system")]
    # …but not with a count in the name (a target, not a name)
    assert _programs("15个美丽乡村建设先行县和7个培育县试点取得成效。") == []


def test_keyword_followed_by_generic_work_noun() -> None:
    assert _programs("开展数据要素市场化配置改革试点工作。") == [("数据要素市场化配置改革试点", "开展", "pilot")]


def test_yi_wei_frame_and_ascii_quotes() -> None:
    # "以X为Y" names X; ASCII quotes are repaired to “ ” by clean, and then read as quotes
    from policytext.pipeline import clean

    assert _programs(clean('以乡村振兴战略为引领，以"两大战略"为抓手，').text) == [
        ("乡村振兴战略", None, "strategy"),
        ("两大战略", None, "strategy"),
    ]
    assert _programs(clean('深入实施"千村示范、万村整治"工程。').text) == [("“千村示范、万村整治”工程", "实施", "project")]


def test_generic_modifier_and_keyword_is_no_name() -> None:
    assert _programs("实施一批带动作用强的重大工程。落实重点任务。") == []
    assert _programs("推进重点改革任务落地。") == [("重点改革任务", "推进", "task")]


def test_quoted_count_summing_up_a_list() -> None:
    # "A、B、C“三大战略”": the quoted count is the name, not the last item with it
    assert _programs("推进西部大开发、东北振兴、中部崛起“三大战略”，") == [("三大战略", None, "strategy")]
    # without a list before it the modifier stays ("旅游产业化“四大行动”")
    assert _programs("实施旅游产业化“四大行动”，") == [("旅游产业化“四大行动”", "实施", "action")]


def test_one_entry_per_name_keeps_the_directly_governed_mention() -> None:
    text = "创新驱动发展战略深入推进。我们将深入实施创新驱动发展战略。"
    doc = Document(raw=text, text=text)
    doc.sentences = split_sentences(text)
    (program,) = extract_programs(doc)
    assert (program.name, program.verb) == ("创新驱动发展战略", "实施")
    assert program.span[0] > text.index("。")


def test_keyword_before_a_head_noun_ends_the_name() -> None:
    # the projects of a plan, the system built around a list: the plan and the list are the names
    assert _programs("全面实施外商投资准入负面清单制度，") == [("外商投资准入负面清单", "实施", "document")]
    assert _programs("承担国家重点研发计划项目，") == [("国家重点研发计划", "承担", "plan")]
    assert ("省重点研发计划", None, "plan") in _programs("省科技重大专项和省重点研发计划项目所取得的成果")
    # …but 战略项目 and 工程项目 are ordinary compounds, not a strategy's or a project's name
    assert _programs("统筹布局重大战略项目、重大基础设施。") == []
    assert _programs("推动工程项目审批提速。") == []


def test_plans_governed_by_verbs_and_references_and_listed() -> None:
    text = "市发展改革部门编制全市物流枢纽发展规划、市级交通专项规划，各区按照全市物流枢纽发展规划组织实施。"
    assert _programs(text) == [
        ("全市物流枢纽发展规划", "编制", "plan"),
        ("市级交通专项规划", "编制", "plan"),
    ]
    # a preposition referring to a document makes 规划 a plan's name
    assert _programs("依据低空经济产业整体规划和有关规定，") == [("低空经济产业整体规划", None, "plan")]
    # 规划 as a verb in a list, and 进行 before it, stay verbs
    assert _programs("加强统一规划、统一建设。") == []
    assert _programs("对园区的建设和发展进行战略规划。") == []


def test_list_item_keyword_takes_the_verb_opening_the_list() -> None:
    text = "推进数据中心、物联感知体系、政务云平台等新型基础设施建设。"
    assert _programs(text) == [("物联感知体系", "推进", "system")]


def test_modifier_before_a_quoted_stem_and_words_holding_function_characters() -> None:
    # a plain noun modifier between the verb and the quote belongs to the name; 等 in 高等 is no particle
    text = "两所学院纳入高等职业教育“十五五”规划中期调整。"
    assert _programs(text) == [("高等职业教育“十五五”规划", "纳入", "plan")]
    # 本 in 资本, 为 in 成为 are inside words; 成为 itself is no part of a name
    assert _programs("完善国有资本投资负面清单。") == [("国有资本投资负面清单", "完善", "document")]
    assert _programs("争取成为国家数据直达基层试点。") == [("国家数据直达基层试点", None, "pilot")]


def test_determiner_passes_the_verb_and_scope_word_variants_are_one_programme() -> None:
    assert _programs("加快完善相关标准体系，") == [("标准体系", "完善", "system")]
    assert _programs("推进各类人才计划。") == []  # a plural determiner makes a kind, not a name
    text = "编制全市智慧交通发展规划。项目应当符合智慧交通发展规划。"
    assert _programs(text) == [("全市智慧交通发展规划", "编制", "plan")]


def test_function_character_inside_a_word_does_not_cut_a_name() -> None:
    # 001 Sichuan 2026: 本 in 治本 is no determiner
    assert _programs("纵深推进安全生产治本攻坚三年行动，") == [("安全生产治本攻坚三年行动", "推进", "action")]


def test_tasks_and_targets_of_a_programme_end_its_name() -> None:
    # 018 Shaanxi, 024 national: …行动任务, …三年行动目标; 战略目标 stays an ordinary compound
    assert _programs("全面完成国企改革深化提升行动任务，超额完成高职扩招三年行动目标。") == [
        ("国企改革深化提升行动", "完成", "action"),
        ("高职扩招三年行动", "完成", "action"),
    ]
    assert _programs("落实地方财政科学管理试点任务。") == [("地方财政科学管理试点", "落实", "pilot")]
    assert _programs("锚定“3815”战略目标，") == [("“3815”战略", None, "strategy")]


def test_verb_after_the_name_with_adverbs_of_completion_and_project_milestones() -> None:
    # 014 Shandong, 016 Guizhou, 018 Shaanxi, 004 Sichuan
    assert _programs("黄河口国家公园创建任务基本完成，") == [("黄河口国家公园创建任务", "完成", "task")]
    assert _programs("“多规合一”国土空间规划体系基本形成。") == [("“多规合一”国土空间规划体系", "形成", "system")]
    assert _programs("东平湖老湖区洪水相机南排工程投运。") == [("东平湖老湖区洪水相机南排工程", "投运", "project")]
    assert _programs("引大济岷工程建成通水，") == [("引大济岷工程", "建成通水", "project")]
    assert _programs("南京北站枢纽工程开工建设。") == [("南京北站枢纽工程", "开工建设", "project")]
    assert _programs("该体系形成合力。") == []  # 形成 alone is no verb of the name


def test_compound_and_reshaping_verbs() -> None:
    # 016 Guizhou, 017 Yunnan
    assert _programs("健全完善农户自主申报、部门大数据预警的监测体系，") == [("监测体系", "健全完善", "system")]
    assert _programs("重塑科技创新平台体系。") == [("科技创新平台体系", "重塑", "system")]
    assert _programs("公布自主减排行动目标，") == [("自主减排行动", "公布", "action")]


def test_extent_after_a_governed_project_but_not_a_count_of_instances() -> None:
    # 016 Guizhou: an extent follows the name; 004, 015: a count makes the keyword a kind
    assert _programs("实施农村公路安全生命防护工程3万公里，") == [("农村公路安全生命防护工程", "实施", "project")]
    assert _programs("建设供水工程1492处，") == []
    assert _programs("“先投后股”试点22项，") == []
    assert _programs("出台“要素政策赋能清单16条”，") == []  # the quote opens outside the name


def test_locative_frame_closes_the_object() -> None:
    # 016 Guizhou: 在 + verb + object + 上
    assert _programs("（六）在实施创新驱动发展战略上奋起直追。") == [("创新驱动发展战略", "实施", "strategy")]
    assert _programs("把精力放在战略上。") == []


def test_whole_quoted_name_whatever_follows() -> None:
    # 008 Guangdong: “…工程” as a subject; 018 Shaanxi: the verb before governs the noun it modifies
    assert _programs("五是“百县千镇万村高质量发展工程”实现三年初见成效。") == [
        ("百县千镇万村高质量发展工程", None, "project")
    ]
    assert _programs("建成“千万工程”示范村507个，") == [("千万工程", None, "project")]


def test_designation_verb_scope_word_and_counts_opening_a_clause() -> None:
    # 008 Guangdong: 入选 + 国家级 keeps the verb inside the name; 新增 + count opens the clause; the
    # next counted item of the list takes the same verb
    text = "茂名入选国家级深化普惠金融改革试点城市。全面开展城市设计，新增22个新型城镇化建设试点、8个整县推进农文旅融合发展试点，"
    assert _programs(text) == [
        ("国家级深化普惠金融改革试点", "入选", "pilot"),
        ("新型城镇化建设试点", "新增", "pilot"),
        ("整县推进农文旅融合发展试点", "新增", "pilot"),
    ]


def test_list_items_and_list_heads_take_the_verb_opening_the_list() -> None:
    # 007 Guangdong, 003 Sichuan, 029 Zhejiang: an item before 、/等, or the head after 等 (and a count)
    assert _programs("深入推进“广东强芯”、核心软件攻关、“璀璨行动”等工程，") == [("璀璨行动", "推进", "action")]
    assert _programs("布局实施人工智能、高端航空装备等9个重大科技专项，") == [("重大科技专项", "实施", "project")]
    assert _programs("完善工业、农业、服务业等互联网平台经济支撑体系，") == [("互联网平台经济支撑体系", "完善", "system")]
    # a bare count sums up the list and names nothing
    assert _programs("深入实施颠覆性技术策源、应用场景牵引等6大行动，") == []


def test_verb_of_the_name_s_own_stem_after_the_governing_verb() -> None:
    # 013 Chongqing, 025 national: 扩大 opens the name's verb-object stem (扩大进口, 扩大内需)
    assert _programs("制定实施扩大进口专项行动计划和外贸转型升级专项支持政策，") == [
        ("扩大进口专项行动计划", "制定实施", "plan")
    ]
    assert _programs("坚持扩大内需战略，") == [("扩大内需战略", None, "strategy")]
    # 通过 before a verb is "by means of": the verb after it governs
    assert _programs("通过培育服务业数字化转型试点等方式，") == [("服务业数字化转型试点", "培育", "pilot")]


def test_a_facing_phrase_opens_a_plan_name_year_and_all() -> None:
    assert _programs("编制面向2030年基本实现现代化的交通发展规划，") == [("交通发展规划", "编制", "plan")]
    assert _programs("编制面向2030年基本实现现代化交通发展规划，") == [
        ("面向2030年基本实现现代化交通发展规划", "编制", "plan")
    ]
    assert _programs("研究制定面向未来的数字经济发展规划，") == [("数字经济发展规划", "研究制定", "plan")]


def test_a_plan_followed_by_a_coordinate_predicate() -> None:
    assert _programs("组织制定城市更新专项规划并推进实施。") == [("城市更新专项规划", "制定", "plan")]


def test_a_list_of_named_facilities_ends_in_the_programme() -> None:
    assert _programs("加快建设沿江高铁、合新高铁和引江济淮二期工程。") == [("引江济淮二期工程", "建设", "project")]
    # a list of modifiers sharing the keyword stays one name
    assert _programs("开展制造业、服务业和农业融合发展试点。") == [("制造业、服务业和农业融合发展试点", "开展", "pilot")]


def test_plan_outlines_strategy_names_and_programme_nouns() -> None:
    assert _programs("制定实施文化强国建设规划纲要，") == [("文化强国建设规划纲要", "制定实施", "plan")]
    assert _programs("突出扩大内需战略基点，") == [("扩大内需战略", None, "strategy")]
    assert _programs("提高农村义务教育学生营养改善计划补助标准，") == [("农村义务教育学生营养改善计划", None, "plan")]


def test_an_item_after_a_listed_programme_keeps_its_own_verb() -> None:
    # the item after a programme in the verb's object list opens with a verb of its name
    assert _programs("制定实施外商投资法、优化营商环境条例，") == [
        ("外商投资法", "制定实施", "regulation"),
        ("优化营商环境条例", "制定实施", "regulation"),
    ]
    # after an ordinary object the verb starts a new verb-object pair
    assert _programs("推进城市更新、加强基础设施建设工程，") == [("基础设施建设工程", "加强", "project")]


def test_quoted_stems_side_by_side_share_the_keyword() -> None:
    assert _programs("深入实施“互联网+”“标准化+”行动，") == [("“互联网+”“标准化+”行动", "实施", "action")]


def test_a_count_after_a_governed_programme_and_words_that_hold_dui() -> None:
    assert _programs("实施产业链协同试点12个左右，") == [("产业链协同试点", "实施", "pilot")]
    assert _programs("开展中小企业对标提升行动，") == [("中小企业对标提升行动", "开展", "action")]
    assert _programs("全面完成国家下达任务。") == []


def test_law_names_listed_before_a_shared_keyword() -> None:
    assert _programs("制定实施优化营商环境、促进科技成果转化等条例，") == [
        ("优化营商环境条例", "制定实施", "regulation"),
        ("促进科技成果转化条例", "制定实施", "regulation"),
    ]
    assert _programs("实施新材料、生物医药、高端装备等工程，") == []  # fields of work, not names


def test_names_side_by_side_with_a_space_and_nouns_of_a_programme() -> None:
    assert _programs("系统实施“2030启航计划” “2030先锋工程”，") == [
        ("2030启航计划", "实施", "plan"),
        ("2030先锋工程", "实施", "project"),
    ]
    assert _programs("发挥三晋英才计划带动作用，") == [("三晋英才计划", None, "plan")]
    assert _programs("加快新一代煤电试点项目建设。") == [("新一代煤电试点", None, "pilot")]
    assert _programs("积极打造综合能源系统解决方案。") == []  # a solution, not a scheme


def test_a_programme_followed_by_how_it_is_doing() -> None:
    assert _programs("乡村振兴战略成效显著，") == [("乡村振兴战略", None, "strategy")]
    assert _programs("实施城市更新行动效果良好，") == [("城市更新行动", "实施", "action")]


def test_review_findings_on_programmes() -> None:
    # a verb after a comma opens a new clause, not an item of the previous programme's list
    assert _programs("实施服务业创新提升三年行动，深化先进制造业和现代服务业融合试点。") == [
        ("服务业创新提升三年行动", "实施", "action"),
        ("先进制造业和现代服务业融合试点", "深化", "pilot"),
    ]
    assert _programs("发挥重大项目战略牵引作用。") == []  # 战略 as an adjective
    assert _programs("完善土地管理、财税改革等规定，") == [
        ("土地管理规定", "完善", "regulation"),
        ("财税改革规定", "完善", "regulation"),
    ]
    assert _programs("推进减税、降费等办法。") == []  # kinds of rules, not names


def test_listed_name_spans_hold_the_part_that_names_it() -> None:
    import policytext

    doc = policytext.analyze("制定实施优化营商环境、促进科技成果转化等条例。")
    (first, second) = doc.programs
    assert first.name == "优化营商环境条例" and first.spans == [first.span]
    assert doc.text[second.span[0] : second.span[1]] == "促进科技成果转化"
