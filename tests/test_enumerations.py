"""Enumerations on real sentences from the sample article and dev corpus documents."""

from __future__ import annotations

import pytest

from policytext.document import Document
from policytext.extract.enumerations import extract_enumerations
from policytext.sentences import split_sentences

# sample article (clean body), paragraphs 6 and 11
SAMPLE = (
    "此外，我省在人工智能、生物技术、卫星网络、新能源与智能网联汽车、无人机、核技术应用等新领域保持了20%以上高速成长；"
    "全柔性显示、固态电池、人形机器人、微通道化工、氢冶金、基因工程和合成生物等一批属于未来产业范畴的技术和产品，"
    "正在孵化催生新增长点。\n"
    "瞄准新一代信息技术、生命科学、先进制造等前沿性、战略性技术领域，集中在六大优势产业重点领域开展关键核心技术攻关。"
    "加大力度支持企业为主体、应用和需求为导向的新型研发机构。\n"
    "出台未来产业发展实施方案，推动新一代人工智能、量子科技、第六代移动通信技术、先进核能、人形机器人等未来产业技术"
    "和产品加快研发攻关和孵化转化。打造一批具有战略性、优势性、带动性、前沿性和高成长的标志性产品。\n"
    "作为经济大省、资源大省、科教大省的四川，拥有发展新质生产力的先天优势。\n"
    "培育一批数字领航企业、智能制造示范工厂和优秀场景示范，带动中小企业开展创新实践。"
    "开展新一轮大规模技术改造，推动工艺技术革新、管理流程再造、本质安全环保提升和产品迭代升级。"
    "聚力实施人工智能1号创新工程，强化运力、算力、存力、数据、模型等技术底座。"
)
# 006 Sichuan 2025 government work report
SICHUAN_2025 = (
    "突出抓好人工智能、高端能源装备、航空航天、新型显示、新能源、医药健康等“15+N”重点产业链，优化产业生态。"
    "实施科技支撑未来产业发展“先手棋”计划，抢先布局原子级制造产业，发展6G、量子科技、具身智能、脑科学和脑机接口、"
    "可控核聚变等产业。强化“科创投”“科创贷”“科创券”“科创保”“科创贴”联动财政金融服务，壮大耐心资本。"
    "争取在川布局高等研究院、成渝地区双城经济圈高等教育综合改革试验区、全国高校区域技术转移转化中心。"
)
# 021 national 2025 government work report
NATIONAL_2025 = (
    "开展新技术新产品新场景大规模应用示范行动，推动商业航天、低空经济、深海科技等新兴产业安全健康发展。"
    "建立未来产业投入增长机制，培育生物制造、量子科技、具身智能、6G等未来产业。"
    "促进技术革命性突破、要素创新性配置、产业深度转型升级。"
)
# 007 Guangdong 2025 government work report
GUANGDONG_2025 = (
    "大力发展集成电路、新能源汽车、人工智能、低空经济、新型显示、新型储能、新材料、生物医药等新兴产业。"
)
# 028 Shenzhen AI regulation, art. 37
SHENZHEN_AI = "市人民政府应当推进人工智能在民生服务、社会治理、经济发展等领域的融合应用。"


def _doc(text: str) -> Document:
    doc = Document(raw=text, text=text)
    doc.sentences = split_sentences(text)
    return doc


def _by_head(text: str) -> dict[str | None, list[list[str]]]:
    found: dict[str | None, list[list[str]]] = {}
    for enumeration in extract_enumerations(_doc(text)):
        found.setdefault(enumeration.head, []).append(enumeration.items)
    return found


def test_sample_enumerations_heads_and_items() -> None:
    found = _by_head(SAMPLE)
    assert found["新领域"] == [
        ["人工智能", "生物技术", "卫星网络", "新能源与智能网联汽车", "无人机", "核技术应用"]
    ]
    assert found["未来产业"] == [
        ["全柔性显示", "固态电池", "人形机器人", "微通道化工", "氢冶金", "基因工程", "合成生物"],
        ["新一代人工智能", "量子科技", "第六代移动通信技术", "先进核能", "人形机器人"],
    ]
    assert found["前沿性、战略性技术领域"] == [["新一代信息技术", "生命科学", "先进制造"]]
    assert found["技术底座"] == [["运力", "算力", "存力", "数据", "模型"]]
    assert found[None] == [["数字领航企业", "智能制造示范工厂", "优秀场景示范"]]


def test_sample_rejects_attribute_and_clause_lists() -> None:
    items = [e.items for e in extract_enumerations(_doc(SAMPLE))]
    assert len(items) == 6
    flat = {item for group in items for item in group}
    assert not flat & {"战略性", "经济大省", "工艺技术革新", "主体", "需求"}


def test_spans_cover_items() -> None:
    doc = _doc(SAMPLE + SICHUAN_2025)
    for enumeration in extract_enumerations(doc):
        assert len(enumeration.item_spans) == len(enumeration.items)
        for item, (start, end) in zip(enumeration.items, enumeration.item_spans, strict=True):
            assert item in doc.text[start:end]
        assert enumeration.span == (enumeration.item_spans[0][0], enumeration.item_spans[-1][1])


def test_sichuan_2025_lists() -> None:
    found = _by_head(SICHUAN_2025)
    assert found["15+N重点产业链"] == [
        ["人工智能", "高端能源装备", "航空航天", "新型显示", "新能源", "医药健康"]
    ]
    assert found["产业"] == [["6G", "量子科技", "具身智能", "脑科学和脑机接口", "可控核聚变"]]
    assert ["科创投", "科创贷", "科创券", "科创保", "科创贴"] in found[None]
    # 高等 is not a list terminator
    assert [
        "高等研究院",
        "成渝地区双城经济圈高等教育综合改革试验区",
        "全国高校区域技术转移转化中心",
    ] in found[None]


def test_national_2025_lists() -> None:
    found = _by_head(NATIONAL_2025)
    assert found["新兴产业"] == [["商业航天", "低空经济", "深海科技"]]
    assert found["未来产业"] == [["生物制造", "量子科技", "具身智能", "6G"]]
    assert len(found) == 2  # the clause list 技术革命性突破、… is not an enumeration


def test_guangdong_and_shenzhen_lists() -> None:
    assert _by_head(GUANGDONG_2025) == {
        "新兴产业": [
            ["集成电路", "新能源汽车", "人工智能", "低空经济", "新型显示", "新型储能", "新材料", "生物医药"]
        ]
    }
    assert _by_head(SHENZHEN_AI) == {"领域": [["民生服务", "社会治理", "经济发展"]]}


@pytest.mark.parametrize("text", ["、" * 100000 + "等产业", "(" * 200000, "“" * 100000, "等" * 100000])
def test_pathological_inputs_give_no_lists(text: str) -> None:
    # bounded patterns: these finish quickly (timed in bench/), and hold no nominal list
    assert extract_enumerations(_doc(text)) == []


def test_clause_and_manner_lists_are_not_enumerations() -> None:
    # 016 Guizhou, 018 Shaanxi, 024 national
    assert _by_head("促进农业增效益、农民增收入、农村增活力。") == {}
    assert _by_head("多措并举稳就业、稳企业、稳市场、稳预期，") == {}
    assert _by_head("精品咖啡、精酿啤酒、新茶饮等蓬勃兴起，到贵州旅居、避暑、康养成为新热点。") == {
        None: [["精品咖啡", "精酿啤酒", "新茶饮"]]
    }
    assert _by_head("完整、准确、全面贯彻新发展理念。") == {}
    # one head noun after different modifiers is a list
    assert _by_head("加强区间调控、定向调控、相机调控。") == {None: [["区间调控", "定向调控", "相机调控"]]}


def test_heads_after_an_attribute_and_middle_items_with_verbs() -> None:
    # 016 Guizhou: 培育壮大经营主体 is a middle item; the head follows "事关全局的"
    found = _by_head("对富矿精开、县域经济、服务业发展、培育壮大经营主体、教育、卫生健康等事关全局的工作逐一作出安排部署。")
    assert found == {"工作": [["富矿精开", "县域经济", "服务业发展", "培育壮大经营主体", "教育", "卫生健康"]]}
    # 014 Shandong, 024 national: 指标, 保障 heads
    assert _by_head("工业、投资、消费等主要指标均高于全国。") == {"主要指标": [["工业", "投资", "消费"]]}
    assert _by_head("基本养老、基本医疗、社会救助等保障力度加大。") == {"保障": [["基本养老", "基本医疗", "社会救助"]]}


def test_list_measured_by_a_quantity_and_quoted_pairs() -> None:
    # 016 Guizhou: the list is what the share measures; quantity lists are not enumerations
    assert _by_head("水电、风电、光伏发电量占比达43.3%，") == {None: [["水电", "风电", "光伏"]]}
    assert _by_head("改造燃气管道12609公里、供水管道2698公里、排水管道3300公里。") == {}
    # 018 Shaanxi: two quoted names and a joined third item
    assert _by_head("用好“两重”“两新”和新型政策性金融工具，争取中央预算内投资。") == {
        None: [["两重", "两新", "新型政策性金融工具"]]
    }


def test_counted_items_and_distributive_predicates() -> None:
    # a count opening every item lists the nouns; 均/都 after the last item opens the predicate
    assert _by_head("建成8个国家工程研究中心、3个国家制造业创新中心、12个全国重点实验室在此布局。") == {
        None: [["国家工程研究中心", "国家制造业创新中心", "全国重点实验室"]]
    }
    assert _by_head("高新技术企业数量、技术合同成交额、发明专利拥有量均居全国前列。") == {
        None: [["高新技术企业数量", "技术合同成交额", "发明专利拥有量"]]
    }
    # 年均, 人均 are no distributive adverb
    assert _by_head("提高城乡居民人均收入、年均增长率、人均可支配收入稳步提升") == {
        None: [["城乡居民人均收入", "年均增长率", "人均可支配收入"]]
    }


def test_verbs_inside_nouns_and_shared_measures() -> None:
    # 服务业 is a noun, not the verb 服务; the list shares the measure 比重
    assert _by_head("先进制造业、现代服务业、战略性新兴产业比重持续提高。") == {
        None: [["先进制造业", "现代服务业", "战略性新兴产业"]]
    }
    # a list never starts inside a word (普及率, not 率)
    assert _by_head("农村卫生厕所普及率、生活垃圾和污水治理率均达到") == {
        None: [["农村卫生厕所普及率", "生活垃圾", "污水治理率"]]
    }


def test_predicates_after_a_degree_adverb_are_no_list() -> None:
    assert _by_head("审批流程更加简洁、透明、高效。") == {}
    assert _by_head("政务服务日益便捷、规范、透明，") == {}


def test_first_item_joined_by_he() -> None:
    assert _by_head("推动智慧交通和智慧医疗、智慧教育、智慧文旅。") == {
        None: [["智慧交通", "智慧医疗", "智慧教育", "智慧文旅"]]
    }
    # not a short modifier ("国家和省实验室") or a joined clause
    assert _by_head("加快产业升级和新能源、新材料、生物医药等产业发展。") == {
        "产业": [["新能源", "新材料", "生物医药"]]
    }


def test_short_items_sharing_a_programme_name() -> None:
    assert _by_head("深入实施水、大气、土壤污染防治行动计划。") == {"污染防治行动计划": [["水", "大气", "土壤"]]}
    # longer items do not give up their ending
    assert None in _by_head("推进大模型、数据、算力基础性工程。")
    assert "基础性工程" not in _by_head("推进大模型、数据、算力基础性工程。")


def test_quoted_programme_names_and_headings_are_not_lists() -> None:
    assert _by_head("坚持“强工业、兴城市、优环境”发展战略。") == {}
    assert _by_head("二、“十五五”时期主要目标和重大举措\n") == {}
    # a quoted item among unquoted ones is still a list
    assert _by_head("深入推进“广东强芯”、核心软件攻关、“璀璨行动”等工程，") == {
        "工程": [["广东强芯", "核心软件攻关", "璀璨行动"]]
    }


def test_industries_with_their_predicates_are_clauses() -> None:
    assert _by_head("推动生产性服务业育新强链、生活性服务业转型升级、支撑性服务业赋能增效。") == {}
    assert _by_head("发展工业互联网平台、农业科技园区、服务业示范区。") == {
        None: [["工业互联网平台", "农业科技园区", "服务业示范区"]]
    }


def test_verb_after_the_final_join_opens_the_last_item() -> None:
    # 应用场景 is a noun after 和, not the predicate; a list starts after the verb 参与
    assert _by_head("落地一批孵化平台、产业项目和应用场景，") == {None: [["孵化平台", "产业项目", "应用场景"]]}
    assert _by_head("支持民间资本参与交通、能源、水利等基础设施建设。") == {"基础设施": [["交通", "能源", "水利"]]}


def test_fragments_of_clauses_around_an_amount_are_no_list() -> None:
    assert extract_enumerations(_doc("以旧换新带动家电销售超300亿元、惠及消费者500万人次。")) == []
