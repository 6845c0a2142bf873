"""Quantitative indicators (policytext.extract.indicators) on real corpus text and the sample body."""

from __future__ import annotations

from functools import cache

import pytest
from helpers import GOLD, corpus_text

from policytext.document import Document, Indicator, Meta
from policytext.extract.indicators import extract_indicators
from policytext.extract.regions import document_region
from policytext.sentences import split_sentences


def make_doc(text: str, region: str | None = None) -> Document:
    doc = Document(raw=text, text=text, meta=Meta(region=region))
    doc.sentences = split_sentences(text)
    return doc


@cache
def corpus_indicators(stem: str) -> tuple[Indicator, ...]:
    text = corpus_text(stem)
    title = text.split("\n", 1)[0]
    return tuple(extract_indicators(make_doc(text, document_region(text, title))))


def find(indicators, quantity: str, evidence: str) -> Indicator:
    hits = [i for i in indicators if i.quantity == quantity and evidence in i.evidence]
    assert len(hits) == 1, (quantity, evidence, hits)
    return hits[0]


def test_sample_body_has_exactly_the_two_gold_indicators():
    body = (GOLD / "sichuan-green-base.body.txt").read_text(encoding="utf-8")
    doc = make_doc(body, "四川")
    found = extract_indicators(doc)
    assert [(i.value, i.unit) for i in found] == [(11.9, "%"), (20, "%")]
    first, second = found
    assert "绿色低碳优势产业" in first.subject and first.metric == "增长" and first.period == "2023年"
    assert first.region == "四川" and first.qualifier is None
    assert second.subject == "新领域" and second.metric == "成长" and second.qualifier == "以上"
    assert second.region == "四川" and second.period is None
    for indicator in found:
        assert body[indicator.span[0] : indicator.span[1]] == indicator.quantity


# (document, quantity, evidence snippet, value, unit, subject must contain, metric, qualifier, period)
CASES = [
    ("001", "67665亿元", "实现地区生产总值67665亿元", 67665, "亿元", "地区生产总值", "实现", None, None),
    ("001", "5.5%", "实现地区生产总值67665亿元", 5.5, "%", "地区生产总值", "增长", None, None),
    ("001", "3万余场次", "举办促消费活动", 3, "万场次", "促消费活动", "举办", "余", None),
    ("001", "7亿元", "消费券超7亿元", 7, "亿元", "消费券", "发放", "超", None),
    ("001", "12.3%", "高技术制造业", 12.3, "%", "高技术制造业", "增长", None, None),
    ("001", "285个", "285个计划新开工项目", 285, "个", "计划新开工项目", None, None, None),
    ("014", "9.86万亿元", "实现地区生产总值9.86万亿元", 9.86, "万亿元", "地区生产总值", "实现", None, None),
    ("014", "0.7个百分点", "增速高于全国0.7个百分点", 0.7, "个百分点", "增速", "高于", None, None),
    ("014", "1.8万亿元", "海洋生产总值1.8万亿元左右", 1.8, "万亿元", "海洋生产总值", None, "左右", None),
    ("014", "3.5万家", "高新技术企业突破3.5万家", 3.5, "万家", "高新技术企业", "突破", "突破", None),
    ("014", "6.2%", "农村居民人均可支配收入分别增长4.8%、6.2%", 6.2, "%", "农村居民人均可支配收入", "增长", None, None),
    ("025", "5.5%", "城镇调查失业率控制在5.5%以内", 5.5, "%", "城镇调查失业率", "控制", "以内", None),
    # (…力争投入强度高于“十三五”时期实际: the comparison base, not the period)
    ("025", "7%", "研发经费投入年均增长7%以上", 7, "%", "全社会研发经费投入", "增长", "以上", None),
    ("025", "18%", "二氧化碳排放分别降低13.5%、18%", 18, "%", "二氧化碳排放", "降低", None, None),
    ("026", "三分之一", "专项转移支付项目减少三分之一", 100 / 3, "%", "专项转移支付项目", "减少", None, None),
    ("026", "60%", "到2020年，常住人口城镇化率达到60%", 60, "%", "常住人口城镇化率", "达到", None, "到2020年"),
    ("026", "2.5%", "研发经费投入强度达到2.5%", 2.5, "%", "研发经费投入强度", "达到", None, "到2020年"),
    ("013", "6.2倍", "上市公司再融资增长6.2倍", 6.2, "倍", "上市公司再融资", "增长", None, None),
    ("013", "4200亿元", "主营业务收入预计达到4200亿元", 4200, "亿元", "主营业务收入", "达到", "预计", None),
    ("013", "2000P", "新增算力2000P", 2000, "P", "算力", "新增", None, None),
    ("020", "1.4万亿斤", "粮食产量1.4万亿斤左右", 1.4, "万亿斤", "粮食产量", None, "左右", "今年"),  # 今年…目标是：…；…
    ("020", "240小时", "停留时间延长至240小时", 240, "小时", "停留时间", "延长", None, None),
    ("014", "748亿元", "交通、能源、水利分别完成投资", 748, "亿元", "水利", "完成", None, None),
    ("014", "2140亿元", "交通、能源、水利分别完成投资", 2140, "亿元", "能源投资", "完成", None, None),
    ("014", "1.1万列", "中欧班列累计开行超1.1万列", 1.1, "万列", "中欧班列", "累计", "超", None),
    ("004", "64.2%", "64.2%的县医院", 64.2, "%", "县医院", None, None, None),
    ("016", "645元/月", "城乡低保平均标准分别从2020年的645元/月", 645, "元/月", "城乡低保平均标准", None, None, "2020年"),
    ("023", "五成", "重污染天数下降超过五成", 5, "成", "重污染天数", "下降", "超过", None),
    ("023", "5.2%", "五年年均增长5.2%", 5.2, "%", "国内生产总值", "增长", None, None),
]


@pytest.mark.parametrize(("stem", "quantity", "evidence", "value", "unit", "subject", "metric", "qualifier", "period"), CASES)
def test_corpus_indicator(stem, quantity, evidence, value, unit, subject, metric, qualifier, period):
    indicator = find(corpus_indicators(stem), quantity, evidence)
    assert indicator.value == pytest.approx(value)
    assert indicator.unit == unit
    assert subject in (indicator.subject or "")
    assert len(indicator.subject) <= len(subject) + 12  # a phrase, not the whole clause
    assert indicator.metric == metric
    assert indicator.qualifier == qualifier
    assert indicator.period == period


def test_fenbie_list_gives_each_value_its_own_subject():
    text = "全省规上工业中，六大优势产业、高技术制造业、绿色低碳优势产业增加值分别增长6.8%、12.3%、7.8%。"
    found = extract_indicators(make_doc(text, "四川"))
    assert [(i.value, i.subject) for i in found] == [
        (6.8, "六大优势产业增加值"),
        (12.3, "高技术制造业增加值"),
        (7.8, "绿色低碳优势产业增加值"),
    ]
    assert {i.region for i in found} == {"四川"}


def test_region_resolution():
    text = "泸州经济总量突破3000亿元，全省社会消费品零售总额增长5.1%。"
    first, second = extract_indicators(make_doc(text, "四川"))
    assert first.region == "泸州" and first.subject == "经济总量"
    assert second.region == "四川" and second.subject == "社会消费品零售总额"


def test_chinese_numerals_and_ranges_in_context():
    text = "力争到2027年新增规上企业一到两个百分点，八成以上企业实现数字化转型，带动四百八十三户农户增收两千亿元。"
    found = {i.quantity: i for i in extract_indicators(make_doc(text, "四川"))}
    assert found["一到两个百分点"].value == [1, 2] and found["一到两个百分点"].period == "到2027年"
    assert found["八成"].base_value == 80 and found["八成"].qualifier == "以上"
    assert found["四百八十三户"].value == 483 and "农户" in found["四百八十三户"].subject
    assert found["两千亿元"].base_value == pytest.approx(2e11)


@pytest.mark.parametrize(
    "text",
    [
        "2023年3月，国务院印发《关于推动5G和6G发展的若干意见》（国发〔2024〕11号）。",
        "居全国第5位，发展第六代移动通信技术。",
        "出台稳增长“21条”，构建“33618”现代制造业集群体系。",
        "聚力实施人工智能1号创新工程，咨询电话028-86265049，浏览次数：326。",
        "实施制造业智能化改造三年行动计划，围绕新质生产力三个动力来源，壮大六大优势产业，培育一批企业。",
        "制定《促进3000亿元产业发展的10条措施》。",
        "进入ESI世界学科排名前1%，提供7×24小时服务。",
    ],
)
def test_not_indicators(text):
    assert extract_indicators(make_doc(text, "四川")) == []


def test_regulations_state_no_quantities():
    # a local regulation (article numbers, dates, 5G) measures only a bounded warranty span
    found = corpus_indicators("030")
    assert [(i.quantity, i.value, i.unit, i.subject, i.qualifier) for i in found] == [("两年", 2, "年", "保修期", "不少于")]


def test_spans_point_at_the_quantity():
    text = corpus_text("014")
    for indicator in corpus_indicators("014"):
        start, end = indicator.span
        assert text[start:end] == indicator.quantity
        assert indicator.quantity in indicator.evidence


def _found(text: str) -> list[tuple]:
    return [
        (i.quantity, i.subject, i.qualifier, i.period) for i in extract_indicators(make_doc(text, "贵州"))
    ]


def test_year_range_period():
    # 016 Guizhou: the period is the whole range, not only its end
    text = "2020年到2025年，工业投资占固定资产投资比重从17.9%提升到35.5%。"
    found = _found(text)
    assert [f[0] for f in found] == ["17.9%", "35.5%"]
    assert all(f[3] == "2020年到2025年" and "工业投资" in f[1] for f in found)


def test_review_opener_is_not_a_period():
    # 014 Shandong: "一年来，…" frames the review; a time in the figure's own clause still counts
    text = "一年来，全省上下奋发进取，实现地区生产总值9.86万亿元、增长5.7%。"
    assert [(f[0], f[3]) for f in _found(text)] == [("9.86万亿元", None), ("5.7%", None)]
    assert _found("全年接待游客超9亿人次。")[0][3] == "全年"
    assert _found("2024年，全省粮食产量1347万吨。")[0][3] == "2024年"


def test_bare_measure_takes_the_previous_subject():
    # 014 Shandong: 总数 alone names nothing
    found = _found("新增全国重点实验室15家、总数达36家。")
    assert found[1][:2] == ("36家", "全国重点实验室总数")


def test_verb_inside_a_measured_noun():
    # 016 Guizhou: 接待游客人次 is one measure of the "分别" list
    found = _found("接待游客人次、旅游总花费、游客人均花费年均分别增长4.4%、10%、5.4%。")
    assert [f[1] for f in found] == ["接待游客人次", "旅游总花费", "游客人均花费"]


def test_deng_opening_a_word_is_not_a_list_end():
    # 016 Guizhou: 等级民宿 (graded guesthouses), not "…等 | 级民宿"
    found = _found("新增五星级饭店16家、等级民宿638家。")
    assert [(f[0], f[1]) for f in found] == [("16家", "五星级饭店"), ("638家", "等级民宿")]


def test_chinese_magnitude_after_a_qualifier_and_events():
    # 024 national: 近千万家庭, 上亿市场主体, 两次全面降准; 八次全会 is an ordinal session
    assert _found("惠及近千万家庭。") == [("千万", "家庭", "近", None)]
    assert _found("上亿市场主体承载着数亿人就业创业。") == [("亿", "市场主体", "上", None)]
    assert _found("有效实施稳健的货币政策，两次全面降准。")[0][:2] == ("两次", "全面降准")
    assert _found("认真落实省委十二届八次全会精神。") == []
    assert [f[:3] for f in _found("粮食产量首次跃上1.4万亿斤新台阶。")] == [("1.4万亿斤", "粮食产量", None)]


def test_parts_of_a_text_are_not_counts():
    # 018 Shaanxi: 6个方面工作 counts sections of the report
    assert _found("一年来，主要做了6个方面工作：") == []


def _full(text: str) -> list[tuple]:
    return [
        (i.quantity, i.value, i.unit, i.subject, i.qualifier, i.period)
        for i in extract_indicators(make_doc(text, "贵州"))
    ]


def test_compound_measure_words_stay_whole():
    # 架次, 辆次, 人次: the count of trips, not 架 with a subject 次
    found = _full("全年通航飞行量达35万架次，跨境客车通行120万辆次。")
    assert found == [
        ("35万架次", 35, "万架次", "通航飞行量", None, "全年"),
        ("120万辆次", 120, "万辆次", "跨境客车通行", None, "全年"),
    ]


def test_quoted_term_heads_the_counted_noun():
    # a new verb after 、 governs the count; the quoted label belongs to the noun after it
    found = _full("建立企业服务专员制度、覆盖8万家“专精特新”企业。")
    assert found == [("8万家", 8, "万家", "“专精特新”企业", None, None)]
    # a label after the noun is not part of it
    assert _full("推动300家企业“上云”。")[0][3] == "企业"


def test_parenthetical_note_inside_the_counted_noun():
    assert _full("建成36个乡镇（街道）综合服务站。")[0][3] == "乡镇（街道）综合服务站"


def test_count_before_an_attributive_threshold():
    # "N个亿元以上项目": the thing counted follows the threshold
    found = _full("开工建设新能源等40个亿元以上项目。")
    assert found == [
        ("40个", 40, "个", "项目", None, None),
        ("亿元", 1, "亿元", "项目", "以上", None),
    ]


def test_guimo_yishang_is_one_noun():
    found = _full("推动800户规模以上工业企业智能化改造。")
    assert found[0][1:4] == (800, "户", "规模以上工业企业智能化")


def test_organisation_named_by_its_activity():
    found = _full("培育技术转移服务机构30家以上。")
    assert found == [("30家", 30, "家", "技术转移服务机构", "以上", None)]
    found = _full("引进科技成果转化机构12家。")
    assert found[0][3] == "科技成果转化机构"


def test_contribution_rate_is_the_subject():
    found = _full("消费对经济增长贡献率超55%。")
    assert found == [("55%", 55, "%", "消费对经济增长贡献率", "超", None)]


def test_hedge_heading_a_clause_covers_each_quantity():
    found = _full("预计专利授权量达4.2万件、增长8.5%，商标注册量达9万件。")
    assert [(f[0], f[4]) for f in found] == [("4.2万件", "预计"), ("8.5%", "预计"), ("9万件", None)]
    # a hedge inside one item covers that item only
    found = _full("新增企业超过500家、营业收入预计达到300亿元、从业人员达到2万人。")
    assert [(f[0], f[4]) for f in found] == [("500家", "超过"), ("300亿元", "预计"), ("2万人", None)]


def test_duo_after_the_measure_word():
    found = _full("农村电商交易额增长3倍多。")
    assert found == [("3倍多", 3, "倍", "农村电商交易额", "多", None)]


def test_doubling_and_the_comparison_base():
    found = _full("到2030年城乡居民收入和地区生产总值比2020年翻一番。")
    assert found == [
        ("一番", 1, "番", "城乡居民收入", None, "到2030年"),
        ("一番", 1, "番", "地区生产总值", None, "到2030年"),
    ]
    assert _full("经过一番努力，工作取得成效。") == []
    found = _full("新增停车位5000多个、比上年翻了一番。")
    assert found[1][1:4] == (1, "番", "停车位")


def test_one_rate_of_several_measures_is_one_indicator_each():
    found = _full("住户存款余额、企业贷款余额均增长6.2%。")
    assert [(f[0], f[3]) for f in found] == [("6.2%", "住户存款余额"), ("6.2%", "企业贷款余额")]
    # an amount of A和B is their total: one indicator
    found = _full("实现5000万左右农业转移人口和其他常住人口落户。")
    assert len(found) == 1 and found[0][4] == "左右"


def test_forward_periods():
    found = _full("未来五年，单位地区生产总值能耗下降13%。届时，全市经济总量超过3万亿元。")
    assert [(f[0], f[5]) for f in found] == [("13%", "未来五年"), ("3万亿元", "届时")]


def test_baseline_value_takes_no_target_date():
    found = _full("到2030年，人均公园绿地面积从12平方米提高到15平方米。")
    assert [(f[0], f[5]) for f in found] == [("12平方米", None), ("15平方米", "到2030年")]
    # a dated baseline keeps its own year
    found = _full("森林覆盖率从2020年的60%提升到2025年的63%。")
    assert [(f[0], f[5]) for f in found] == [("60%", "2020年"), ("63%", "到2025年")]


def test_people_count_before_a_relative_clause():
    # 人 names what is counted, so "居住的" opens a relative clause on the measured thing
    found = _full("完成约20万人居住的老旧小区改造。")
    assert found == [("20万人", 20, "万人", "老旧小区改造", "约", None)]
    # a count of things: the noun before 的 is the thing counted
    assert _full("建成连接30个景区的旅游公路。")[0][3] == "景区"


def test_verb_before_xiangmu_is_part_of_the_noun():
    # 建设项目, 改造项目: a verb + 项目 compound names the counted thing
    assert _full("推进60个“两重”建设项目。")[0][3] == "“两重”建设项目"
    assert _full("实施120个老旧小区改造项目。")[0][3] == "老旧小区改造项目"


def test_comparison_base_is_not_the_subject_or_period():
    found = _full("地区生产总值跨过2万亿元，较“十四五”末净增5000亿元。")
    assert [(f[0], f[3], f[5]) for f in found] == [
        ("2万亿元", "地区生产总值", None),
        ("5000亿元", "地区生产总值", None),
    ]


def test_review_span_inside_the_first_clause_dates_the_sentence():
    # 023 national: "多年来取消…" (no comma) scopes over every clause; a from-level is not dated by it
    text = "多年来取消和下放行政许可事项1000多项，核准投资项目压减90%以上，生产许可证从60类减少到10类。"
    found = _full(text)
    assert [(f[0], f[3], f[4], f[5]) for f in found] == [
        ("1000多项", "行政许可事项", "多", "多年来"),
        ("90%", "核准投资项目", "以上", "多年来"),
        ("60类", "生产许可证", None, None),
        ("10类", "生产许可证", None, "多年来"),
    ]
    # an opener standing as its own clause still frames the narrative only
    assert _full("近年来，全省新增高新技术企业1200家。")[0][5] is None
    assert _full("近年来全省新增高新技术企业1200家。")[0][5] == "近年来"


def test_span_qualifying_a_record_is_not_a_period():
    # "为多年来最大增幅", "创十年来新高": the span qualifies a record (R3)
    found = _full("转移支付规模增长18%、为多年来最大增幅。")
    assert [(f[0], f[3], f[5]) for f in found] == [("18%", "转移支付规模", None)]


def test_present_time_is_a_period_of_the_end_level():
    # 023 national: 目前 dates the end level of the change, not the start level
    found = _full("企业开办时间从一个月以上压缩到目前的平均4个工作日以内。")
    assert found == [
        ("一个月", 1, "个月", "企业开办时间", "以上", None),
        ("4个工作日", 4, "个工作日", "企业开办时间", "以内", "目前"),
    ]
    assert _full("截至目前，全市累计建成5G基站3.2万个。")[0][5] == "截至目前"


def test_small_chinese_count_in_a_change_is_an_amount():
    # 三个动力来源 is phrasing, but the start and end of a change are amounts
    found = _full("审批环节由五个精简为两个。")
    assert [(f[0], f[1], f[3]) for f in found] == [("五个", 5, "审批环节"), ("两个", 2, "审批环节")]
    assert _found("形成三个动力来源。") == []


def test_change_verb_after_a_count_is_not_its_noun():
    found = _full("经营主体从689万户增至951万户，开发区由162个整合为123个。")
    assert [(f[0], f[3]) for f in found] == [
        ("689万户", "经营主体"),
        ("951万户", "经营主体"),
        ("162个", "开发区"),
        ("123个", "开发区"),
    ]


def test_verb_modifier_inside_a_counted_noun():
    # 023 national: 群众经常办理事项 (a verb + head noun) is the thing counted
    found = _full("户籍证明、社保转接等200多项群众经常办理事项实现跨省通办。")
    assert found == [("200多项", 200, "项", "群众经常办理事项", "多", None)]
    assert _full("取消123项职业资格许可和认定事项。")[0][3] == "职业资格许可和认定事项"


def test_share_of_a_whole_names_its_thing_after_de():
    # 004 Sichuan: 承担了全省近80%的基础研究项目; 将1/3以上的…资金: the thing follows 的
    found = _full("在川高校承担了全省近80%的基础研究项目。")
    assert found == [("80%", 80, "%", "基础研究项目", "近", None)]
    found = _full("持续将三成以上的专项资金投向基础研究。")
    assert [f[:3] + f[4:] for f in found] == [("三成", 3, "成", "以上", None)]
    assert found[0][3].startswith("专项资金")


def test_money_for_a_purpose_measures_the_purpose():
    # 004 Sichuan / 001 Sichuan: money with nothing before it is spent on the object of 实施/支持
    found = _full("统筹20亿元实施6个重大科技专项，54个产业链攻关项目加快推进。")
    assert [(f[0], f[3]) for f in found] == [("20亿元", "重大科技专项"), ("6个", "重大科技专项"), ("54个", "产业链攻关项目")]
    assert _full("安排8亿元支持农村公路提档升级。")[0][3] == "农村公路提档升级"
    # a subject before the amount is kept
    assert _full("省级财政投入8亿元支持农村公路建设。")[0][3].startswith("省级财政")


def test_bounded_span_of_years_is_an_amount():
    # 030 Beijing: 不少于两年保修期; R3: 再延长30年 is an amount, dates are not
    found = _full("开发单位应当履行不少于两年保修期义务。")
    assert found == [("两年", 2, "年", "保修期", "不少于", None)]
    assert [f[:3] for f in _full("土地承包到期后再延长30年。")] == [("30年", 30, "年")]
    assert _full("不超过2025年底完成。") == []


def test_arabic_fraction_is_a_share():
    found = _full("全省船舶出口规模占全国1/3，实际使用外资占全国近1/6。")
    assert [(f[0], round(f[1], 2), f[2], f[3], f[4]) for f in found] == [
        ("1/3", 33.33, "%", "船舶出口规模", None),
        ("1/6", 16.67, "%", "实际使用外资", "近"),
    ]


def test_bare_numbers_of_a_fenbie_list_share_the_unit():
    found = _full("户厕覆盖率、污水治理率、垃圾处理率分别提高20.9、36.2、54个百分点。")
    assert [(f[0], f[1], f[2], f[3]) for f in found] == [
        ("20.9", 20.9, "个百分点", "户厕覆盖率"),
        ("36.2", 36.2, "个百分点", "污水治理率"),
        ("54个百分点", 54, "个百分点", "垃圾处理率"),
    ]


def test_pairs_of_sister_cities_are_counted():
    found = _full("国际友城和友好合作关系达到567对，外国驻穗总领馆增至69家。")
    assert [(f[0], f[1], f[2], f[3]) for f in found] == [
        ("567对", 567, "对", "国际友城和友好合作关系"),
        ("69家", 69, "家", "外国驻穗总领馆"),
    ]
    assert [f[:2] for f in _found("加强3个对口支援地区合作。")] == [("3个", "对口支援地区合作")]


def test_ratio_base_is_neither_subject_nor_period():
    # 016 Guizhou: "X为Y的N倍": Y (“十三五”时期) is the base of the ratio
    found = _full("省属企业“十四五”时期利润总额为“十三五”时期的2.2倍。")
    assert found == [("2.2倍", 2.2, "倍", "省属企业“十四五”时期利润总额", None, "“十四五”时期")]


def test_verb_and_measure_take_the_previous_thing():
    # 完成投资 alone names no thing: it is the investment of the previous quantity's thing
    found = _full("实施设备更新项目7910个、完成投资4763.4亿元。")
    assert [(f[0], f[3]) for f in found] == [("7910个", "设备更新项目"), ("4763.4亿元", "设备更新项目完成投资")]


def test_time_in_a_colon_lead_in_dates_every_item_of_its_list():
    # "今年…目标是：A；B；C。" is one sentence: the lead-in's time dates each "；"-item
    found = _full("明年全市发展的主要目标是：地区生产总值增长6%左右；城镇新增就业12万人，粮食产量稳定在90万吨以上。")
    assert found == [
        ("6%", 6, "%", "地区生产总值", "左右", "明年"),
        ("12万人", 12, "万人", "城镇新增就业", None, "明年"),
        ("90万吨", 90, "万吨", "粮食产量", "以上", "明年"),
    ]
    # no lead-in, or a lead-in without a time: no period
    assert [f[3] for f in _found("地区生产总值增长6%；城镇新增就业12万人。")] == [None, None]
    text = "今年重点抓好三件事。一是扩大投资：新开工项目200个；二是促进消费：社会消费品零售总额增长5%。"
    assert [(f[1], f[3]) for f in _found(text)] == [("新开工项目", None), ("社会消费品零售总额", None)]


def test_arabic_recent_years_and_within_the_year_are_periods():
    assert _full("28个县近3年年均增速快于全市。") == [("28个", 28, "个", "县", None, "近3年")]
    assert _full("年内新建5所学校。") == [("5所", 5, "所", "学校", None, "年内")]
    assert _full("三年内建成10个产业园区。") == [("10个", 10, "个", "产业园区", None, None)]  # a span, not a period
    # a span qualifying a record is no period (R3)
    assert _found("粮食产量达到500万吨、创近10年新高。") == [("500万吨", "粮食产量", None, None)]


def test_counted_nouns_beginning_with_zai_and_after_a_de_modifier():
    assert _found("惠及30多万在校生。") == [("30多万", "在校生", "多", None)]
    # a modifier list ending in 的 stands between the count and its noun
    assert _found("建设15个特色鲜明、功能完善的产业园区。") == [("15个", "产业园区", None, None)]


def test_a_verb_inside_a_counted_noun_before_its_head():
    found = _found("新增12个智慧城市建设试点、5个全域推进乡村振兴示范区。")
    assert [f[:2] for f in found] == [("12个", "智慧城市建设试点"), ("5个", "全域推进乡村振兴示范区")]
    # a predicate after the noun is not a modifier: 进入全国企业500强
    assert [f[:2] for f in _found("6家本地企业进入全国企业500强。")] == [("6家", "本地企业")]


def test_alternative_measure_word_in_brackets_stays_in_the_unit():
    assert _full("改造老旧小区住房3.2万户（套）。") == [("3.2万户（套）", 3.2, "万户（套）", "老旧小区住房", None, None)]


def test_bare_verb_clause_takes_the_thing_of_the_clause_before():
    found = _full("全市外贸进出口总额创历史新高，达到2100亿元、增长9.5%。")
    assert [(f[0], f[3]) for f in found] == [("2100亿元", "外贸进出口总额"), ("9.5%", "外贸进出口总额")]
    assert _found("向低保对象发放临时救助金，惠及20万人。") == [("20万人", "临时救助金", None, None)]


def test_money_governed_by_a_verb_measures_the_funds_named_after_it():
    assert _found("为困难群众一次性发放8亿元补贴。") == [("8亿元", "补贴", None, None)]
    assert _found("一次性增加500亿元专项债务限额置换存量债务。") == [("500亿元", "专项债务限额", None, None)]


def test_count_of_a_caused_change_keeps_the_change():
    found = extract_indicators(make_doc("推动乡村风貌提升3000户。"))
    assert [(i.value, i.unit, i.subject, i.metric) for i in found] == [(3000, "户", "乡村风貌提升", "推动")]
    # without a causative verb the change is the metric of the thing
    found = extract_indicators(make_doc("研发人员增加2000人。"))
    assert [(i.value, i.unit, i.subject, i.metric) for i in found] == [(2000, "人", "研发人员", "增加")]


def test_a_streak_is_never_the_subject():
    found = _full("棉花生产再获丰收，总产量达到320万吨，连续8年稳定在300万吨以上。")
    # (a bare 总产量 takes the topic of the clause before: 棉花生产)
    assert [(f[0], f[3]) for f in found] == [("320万吨", "棉花生产总产量"), ("300万吨", "棉花生产总产量")]
    assert _found("高新技术企业数量连续5年增长15%以上。") == [("15%", "高新技术企业数量", "以上", None)]


def test_a_place_naming_a_facility_stays_in_the_subject():
    assert _found("青岛港货物吞吐量达到7亿吨。")[0][1] == "青岛港货物吞吐量"
    assert _found("青岛货物吞吐量达到7亿吨。")[0][1] == "货物吞吐量"  # the region of the clause


def test_voltage_classes_are_ratings_not_amounts():
    found = _full("建成16个500千伏和220千伏输变电工程，推进1000千伏特高压工程。")
    assert [(f[0], f[3]) for f in found] == [("16个", "输变电工程")]
    assert [f[0] for f in _full("主网电压提升到1000千伏以上。")] == ["1000千伏"]


def test_arabic_da_counts_groups_but_chinese_da_is_phrasing():
    found = _full("新材料、生物医药、绿色食品4大产业迈入千亿级。")
    assert [(f[0], f[3]) for f in found] == [("4大", "产业")]
    assert _full("壮大六大优势产业，学习贯彻党的二十大精神。") == []


def test_a_margin_over_a_base_measures_the_previous_thing_and_the_base_year_is_no_period():
    found = _full("全年外贸增长6%，快于2023年1.5个百分点，工业投资高出全国平均水平2.3个百分点。")
    assert [(f[0], f[3], f[5]) for f in found] == [
        ("6%", "外贸", "全年"),
        ("1.5个百分点", "外贸", "全年"),
        ("2.3个百分点", "工业投资", "全年"),
    ]


def test_a_count_before_a_percentage_point_shares_its_unit():
    found = _full("出口、进口增速分别快于全国2.5个、1个百分点。")
    assert [(f[0], f[1], f[2], f[3]) for f in found] == [
        ("2.5个", 2.5, "个百分点", "出口"),
        ("1个百分点", 1, "个百分点", "进口增速"),
    ]


def test_a_count_named_with_its_verb_keeps_the_verb():
    assert _found("城镇新增就业人数52万人。")[0][1] == "城镇新增就业人数"
    assert _found("设立总规模300亿元的产业基金。")[0][1] == "产业基金"  # 规模 is no count


def test_a_fenbie_clause_takes_the_list_opening_the_clause_before():
    found = _full("千亿产业、国家级制造业集群实现突破，分别达4个、2个。")
    assert [(f[0], f[3]) for f in found] == [("4个", "千亿产业"), ("2个", "国家级制造业集群")]


def test_a_bare_measure_after_a_list_with_deng_measures_the_list_items():
    found = _full("其中均衡性转移支付、县级奖补资金等增幅均超过10%。")
    assert found[0][3] == "均衡性转移支付、县级奖补资金增幅"  # (均 of 均衡性 is no lead word)
    assert _full("其中均增长5%。")[0][3] is None


def test_ge_counts_each_listed_thing_and_a_determiner_names_nothing():
    found = _full("新建省重点实验室、省工程研究中心各15家，布局一批20万千瓦以上大型光伏基地。")
    assert [(f[0], f[3]) for f in found] == [
        ("15家", "省重点实验室"),
        ("15家", "省工程研究中心"),
        ("20万千瓦", "大型光伏基地"),
    ]
    assert _full("新建10家省级及以上企业技术中心。")[0][3] == "省级及以上企业技术中心"


def test_review_findings_on_indicators():
    # a level (大关) after a magnitude is no N大 count
    assert [(f[1], f[2], f[3]) for f in _full("地区生产总值突破5万亿大关。")] == [(5, "万亿", "地区生产总值")]
    # a rating test at the very end of a text
    assert [f[0] for f in _full("线路电压达到500千伏以上")] == ["500千伏"]
    # every 个 of a run before 个百分点 is short for it
    assert [f[2] for f in _full("分别快于全国3.4个、1.5个、1个百分点。")] == ["个百分点"] * 3
    # 总产 after another thing's quantity is not that thing's output
    assert _full("确保粮食播种面积1520万亩、总产125亿斤。")[1][3] == "总产"
    # a topic clause is used only when it is a short noun phrase
    assert _full("数字经济撑起“半壁江山”，规模占比超过49%。")[0][3] == "规模"
    # the noun after a count stops before a 对-phrase
    assert _full("电子信息等7大产业集群对工业贡献率超过70%。")[0][3] == "产业集群"
