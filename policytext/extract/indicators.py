"""Quantitative indicators: stated quantities with what they measure, how, when and where.

Regex over the clean text, no tagging: `numbers.find_quantities` finds the number + unit runs,
context rules drop the ones that are names, ordinals or phrasing, and the clause before (or, for
counts, the noun after) each quantity gives its subject, metric, qualifier and region; `periods`
reads the time it refers to.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

from ..document import Document, Indicator, Span
from ..sentences import split_sentences
from .numbers import Quantity, find_quantities, parse_quantity, units
from .periods import CLAUSE_END, CLAUSE_END_MARK, COMPARISONS, MAX_REACH, TIME, find_period
from .regions import normalize_region, region_pattern

# --- qualifiers, metrics, verbs ------------------------------------------------------------
_PRE_QUALIFIER = re.compile(
    r"(?=[不超突将接大高最至约近逾破达上])"  # the first characters of the words below
    r"(不少于|不低于|不超过|不高于|不到|超过|突破|将近|接近|大约|高达|最高|最低|至少|(?<![签节制预合契公条])约|"
    r"(?<![最附接将邻])近|超|逾|破|达|(?<![以向线马早晚网路台北跨迈登跃走爬攀赶])上(?=$))$"
)
_POST_QUALIFIER = re.compile(r"(以上|以下|左右|以内|之内|上下)")
_METRIC_AT_END = re.compile(
    r"(?=[增下提降减上回扩缩新净累达突超占比成翻改压跃迈跨登节拉保稳控实完升拓延再高低快慢好为是])"  # first characters
    r"(增长|下降|提高|提升|降低|减少|增加|上升|回落|扩大|缩小|缩短|新增|净增|累计|达到|达|突破|超过|占比|占|"
    r"比重|成长|增速|增幅|降幅|翻番|翻|改善|压减|压降|上涨|跃上|迈上|跨上|跨过|登上|节约|拉动|保持|稳定|控制|实现|完成|增至|降至|升至|"
    r"(?:提高|扩大|拓展|增加|减少|缩短|压减|压缩|延长)(?=至|到)|再降|降|"
    r"(?:高于|低于|快于|慢于|高出|好于)(?:全国|全省|全市|全区)?(?:平均水平|平均)?(?:\d{4}年|上年|去年|同期)?|"
    r"为|是)(?:了|为|到|至|在)?(?:全国|全省|全市|全区|全球)?$"
)
_METRIC_AFTER = re.compile(r"(?:以上|左右)?的?(?:高速|快速|较快|稳定|持续)?(增长|成长|下降|提升|提高)")
_WEAK_METRICS = frozenset({"保持", "实现", "达到", "达", "为", "是", "稳定", "控制"})
# verbs that end the phrase before the measured thing: the subject is what follows them
_VERB = re.compile(
    r"(推动|推进|实现|完成|确保|保持|力争|带动|拉动|促进|加快|引进|引导|发放|兑现|发行|举办|接待|开展|建成|新建|"
    r"改造|培育|认定|创建|获批|入选|吸引|吸纳|覆盖|惠及|新增|净增|累计|开行|签约|落地|投入|安排|争取|下达|"
    r"减免|减少|降低|提高|提升|增加|建设|打造|布局|突破|达到|超过|开通|竣工|投产|撬动|"
    r"带来|节约|招引|招录|组织|实施|支持|落实|强化|完善|加强|深化|优化|启动|推广|设立|成立|组建|办理|出台|制定|"
    r"修订|废止|开发|扶持|交付|释放|下放|聚焦|围绕|斩获|获得|下调|上调|进入|提供|统筹)"
    r"(?![值率额量费期的性区]|强度|力度|规模|总额|占比|比重|比例|水平|效率|能力|项目)"
)
_LEAD = re.compile(
    r"^(?:其中|此外|同时|另外|今年|去年|全年|当年|目前|截至目前|预计|现在|是在|是|将|初步测算|据统计|根据统计|我们|这|其|并|"
    r"且|和(?![谐平美])|及|与(?!会)|也|还|均(?![衡匀值价质])|都(?![市会])|已|全省|全市|全区|我省|我市|我区|本省|本市|本区|"
    r"在(?![线职建校])|对|"
    r"分别|继续|进一步)"
)
_DURATION = re.compile(r"(?:近|过去)?[一二三四五六七八九十两]{1,3}年(?:来|前|间)?的?")
# a streak qualifies the value, it is never the thing measured: (粮食产量)连续12年稳定在500亿斤以上
_STREAK = re.compile(r"连续(?:\d{1,3}|[一二三四五六七八九十两]{1,3})(?:个)?(?:年|月|季度|届|次)(?:来)?")
# a place directly followed by one of these names a facility, not the region of the clause (武汉港)
_FACILITY_AFTER_PLACE = ("港", "站", "机场", "海关", "口岸", "综保区")
# a verb + object naming a measure (接待游客人次, 引进人才数量), up to a list separator
_VERB_NOUN = re.compile(r"[^、，；。]{2,10}?(?:人次|人数|数量|总量|规模)(?=$|、)")
# a clause opening with a 、-list of nouns, up to the word where its predicate starts
_LEADING_LIST = re.compile(
    r"((?:[^、，。；：\d]{2,16}、)+[^、，。；：\d]{2,16}?)(?:从|由|在|均|都|已|先后|相继|实现|达到|成为|迈入|$)"
)
_COUNT_MEASURES = ("人数", "人次", "数量")  # 城镇新增就业人数(45万人): a count named with its verb
_LEAD_WORD = re.compile(_LEAD.pattern.removeprefix("^"))
_TRAIL = re.compile(
    r"(?=[同分均都也已年平首累共比较合总实预再又拟每各])"  # the first characters of the words below
    r"(?:同比|分别|均|都|也|已|年均|平均|首次|累计|共|[比较](?:上年|去年|同期|\d{4}年(?:末|底|同期)?|[“\"]?十[一二三四五六]五[”\"]?末)|合计|总计|实际|预计|再|又|拟按|拟|"
    r"每天|每年|每月|每|各)$"
)
_LIST_SPLIT = re.compile(r"[、和及与]")
# the measured quantity a list shares: "A、B、C增加值" → A增加值, B增加值, C增加值
_MEASURE_NOUN = re.compile(
    r"(增加值|营业收入|营收|人均可支配收入|可支配收入|收入|投资|产值|总值|余额|产量|规模|总额|利润|增速|出口|进口|销量|装机|用电量|营业额|销售额|"
    r"零售额|排放量|用水量|能耗|总量|消费|占比|比重|人数|人口)$"
)
# the counted thing a list shares: "刑事、治安案件" → 刑事案件 (only completes one- or two-character items)
_ENTITY_NOUN = re.compile(r"(案件|企业|产业|项目|事故|机构|城市|园区)$")
_FOLLOW_STOP = re.compile(
    r"[，。；、：:！？（）()“”‘’《》\s\d]|[\u4e00-\u9fff]{2}(?=着)|的|等|全部|全覆盖|完成|实现|入选|获|迈入|迈上|跨入|跻身|跃居|位居|部署|"
    r"对(?![口接外标应象话称策待齐比照])|建成|达(?=到|\d)|增长|投入|落地|通过|被|"
    r"累计|已|将|在(?![校园建岗职册读营库线研途])|让|使得|并(?![购网联行表])|有序|加力|稳步|顺利|正式|参与|参赛|纳入|成为|(?<!规模)(?<!限额)(?<!及)以上|以下|左右|覆盖|带动|新增|下放|开展|实施|成功|均为|近(?=\d)"
)
_TITLE = re.compile(r"《[^《》\n]{0,200}》|“[^“”\n]{0,30}”")
_OPEN_QUOTES = "“‘\"「『"
_CLOSE_QUOTES = "”’\"」』"
_OWN_REGION_WORDS = re.compile(r"(?:全|我|本)[省市区](?![委政长级])")
# measure words that name no thing by themselves: the thing is the previous quantity's subject
_BARE_MEASURES = frozenset(
    {"总数", "总量", "规模", "总规模", "占比", "比重", "增速", "增幅", "数量", "总额", "总计", "总产", "总产量"}
)
# a bare measure, or a verb + measure (完成投资, 实现产值): it measures the previous quantity's thing
_BARE_MEASURE = re.compile(
    r"(?:(?:累计)?(?:完成|实现))?(?:投资|产值|营收|营业收入)|" + "|".join(sorted(_BARE_MEASURES, key=len, reverse=True))
)
_OUTPUT_MEASURES = frozenset({"总产", "总产量"})
# where the predicate of a topic clause starts: 粮食生产(再获丰收)
_TOPIC_PREDICATE = re.compile(r"(?:再|又|喜|继续|持续|稳步|全面)?(?:获|取得|实现|迎来|保持)")
_LEVEL_NOUNS = ("台阶", "大关", "关口", "量级")
_KEEP_SMALL_KINDS = frozenset({"percent", "money"})
_MAX_SUBJECT = 24
# the end-anchored patterns (_PRE_QUALIFIER, _METRIC_AT_END, _TRAIL) match at most this many
# characters, so they are searched only in the tail of a phrase (same result, less scanning)
_END_WINDOW = 12
_MAX_PREFIX = 80  # the clause text before a quantity read for subject, metric and qualifier
_HEDGE = re.compile(r"力争|预计")
# an organisation named by its activity: (数据)开发利用机构, 技术转移机构 (the verb is part of the name)
_ACTIVITY_ORG = re.compile(r"[\u4e00-\u9fff]{0,2}(?:机构|企业|主体|平台|中心|基地|团队|单位|公司)")
_FUNCTION_CHAR = re.compile("[在向对为从与和及把将被]")
_BRACKETS = {"“": "”", "‘": "’", "（": "）", "(": ")"}
# a value "从X" that rises/falls "到Y" is the starting level: the target date (到2020年) is not its period
_BASELINE_BEFORE = re.compile(r"[从由][^，。；从由到至]{0,6}$")
_BASELINE_AFTER = re.compile(
    r"(?:以上|以下|左右)?(?:的)?(?:(?:提高|提升|增加|增长|上升|下降|降低|减少|扩大|缩小|缩短|压减|压缩|延长|增|降|升|减)?(?:到|至)|"
    r"(?:整合|调整|精简|合并|压减|压缩|缩减|减少|增加|提高|提升)为)"
)
# a change verb that a count may be followed by: (689万户)增至, (162个)整合为
_CHANGE_TO = re.compile(r"(?:提高|提升|增加|增长|上升|下降|降低|减少|扩大|缩小|缩短|压减|压缩|延长|增|降|升|减|整合|调整|精简|合并|缩减)(?:到|至|为)")
# the end level of a "从X…到Y" change: 从五类减少到(两类)
_CHANGE_TARGET = re.compile(r"[从由][^，。；从由到至]{1,12}(?:到|至|(?:整合|调整|精简|合并|压减|压缩|缩减|减少|增加|提高|提升)为)$")
# head nouns that close a "verb + noun" modifier inside a counted noun phrase: 经常办理事项
# (after a few modifier characters: 整县推进农文旅融合发展试点)
_HEAD_AFTER_VERB = re.compile(
    r"(?=[事项企机主平中基产设单园试示集场])(?:事项|项目|企业|机构|主体|平台|中心|基地|产品|设施|单位|园区|试点|示范区|示范点|集群|场景)"
)
# a modifier ending in 的 between a count and its noun: 40个(吸引力强、带动面广的)消费场景
_DE_MODIFIER = re.compile(r"[^，。；：！？\d的“”《》（）()\s]{2,14}的(?=[\u4e00-\u9fff“])")
_SHARE_OF_WHOLE = re.compile(r"(?:全国|全省|全市|全区|全球|全行业|全社会|(?<![即])将|把)(?:近|超过|超|约|逾|将近|接近|不到)?$")
# a noun naming an amount of funds, after a few modifier characters: 地方专项债务限额, 财政资金
_FUNDS_NOUN = re.compile(r"[\u4e00-\u9fff]{0,10}?(?:资金|补贴|补助|奖补|限额|额度|债券|国债|贷款|基金|经费)")
# a purpose verb after an amount of money: 统筹20亿元(实施)…, 安排5亿元(用于)…
_PURPOSE = re.compile(r"(?:资金)?(?:用于|专项用于|实施|支持|扶持|开展|推进|推动)")
# the span a length of time measures, after it: 两年(保修期), 五年(服务期限)
_SPAN_NOUN = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:期限|年限|周期|期)")
# a run of bare numbers before the last, which carries the unit: 分别提高(20.9、36.2、)54个百分点
_SHARED_UNIT_RUN = re.compile(r"(?:分别|各)[\u4e00-\u9fff]{0,4}((?<![\d./])(?:\d{1,9}(?:\.\d{1,6})?、)+)$")
_ARABIC_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# "X为/是Y的N倍": Y is the base of the ratio, X the thing measured
_RATIO_SUBJECT = re.compile(r"(.{2,}?)(?:为|是|相当于)[^为是]{1,14}$")
_CHANGE_VERBS = frozenset({"提升", "提高", "改善", "改造", "升级", "增加"})
_CAUSATIVE = re.compile(r"推动|促进|带动|引导|帮助|支持")
# a record stated of a thing: (进出口总值)创历史新高
_RECORD_PREDICATE = re.compile(r"(?:再|又|均|连续)?创(?:历史|新高|新低|近|有[^，。；]{0,8}以来|同期)")
_NAMED_COUNTS = frozenset({"人", "户", "人次", "户次"})  # measure words that name what they count
_PER_THING = frozenset({"%", "‰", "个百分点", "倍", "番"})
_EACH = re.compile(r"均|都(?![市会])|各自|各$")  # (A、B、C各)20家: one count for each
_NO_FOLLOWING = frozenset({"%", "‰", "个百分点", "倍"})


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    quantity: Quantity
    subject: str | None = None
    metric: str | None = None
    qualifier: str | None = None
    list_head: int | None = None  # index of the first quantity of an "A、B、C" run
    shared: list[str] | None = None  # "A、B均增长11.7%": one value, each subject its own indicator
    clause_start: int = 0  # where the clause holding the quantity begins


def extract_indicators(doc: Document) -> list[Indicator]:
    """The stated quantities of `doc.text`, with subject, metric, qualifier, period and region."""
    text = doc.text
    sentences = doc.sentences or split_sentences(text)
    titles = [m.span() for m in _TITLE.finditer(text)]
    title_starts = [start for start, _ in titles]
    found = [
        _Found(start, end, quantity)
        for start, end, quantity in find_quantities(text)
        if _is_indicator(text, start, end, quantity) and not _inside(titles, title_starts, start)
    ]
    if not found:
        return []
    found = _with_shared_unit_lists(text, found)
    starts = [s for s, _ in sentences]
    marks = [m.start() for m in CLAUSE_END_MARK.finditer(text)]  # clause ends, for _clause_start
    by_sentence: dict[int, list[_Found]] = {}
    for item in found:
        index = bisect_right(starts, item.start) - 1
        by_sentence.setdefault(index, []).append(item)
    indicators: list[Indicator] = []
    for index, items in by_sentence.items():
        sentence = sentences[index] if 0 <= index < len(sentences) else (0, len(text))
        _describe_sentence(text, sentence, items, marks)
        for item in items:
            # a run-on "sentence" is read only near each quantity (keeps long inputs linear)
            near = (max(sentence[0], item.start - MAX_REACH), min(sentence[1], item.end + MAX_REACH))
            for subject in item.shared or (item.subject,):
                indicators.append(_indicator(doc, text, near, item, subject))
    return indicators


def _with_shared_unit_lists(text: str, found: list[_Found]) -> list[_Found]:
    """分别提高20.9、36.2、54个百分点: the bare numbers of a 分别 list share the last one's unit (and
    3.4个、1个百分点: a 个 before a 个百分点 is short for it)."""
    out: list[_Found] = []
    for item in found:
        start = item.start
        if item.quantity.unit == "个百分点":
            # 分别快于全国3.4个、1.5个、1个百分点: each 个 of the run is short for 个百分点
            following = item
            for previous in reversed(out):
                if previous.end + 1 != following.start or text[previous.end] != "、" or previous.quantity.unit != "个":
                    break
                widened = parse_quantity(text[previous.start : previous.end] + "百分点")
                if widened is None:
                    break
                previous.quantity = widened
                following = previous
        if text[start - 1 : start] == "、" and text[start - 2 : start - 1].isdigit():
            run = _SHARED_UNIT_RUN.search(text, max(0, start - 40), start)
            if run:
                for number in _ARABIC_NUMBER.finditer(text, run.start(1), run.end(1)):
                    quantity = parse_quantity(number.group() + item.quantity.unit)
                    if quantity is not None:
                        out.append(_Found(number.start(), number.end(), quantity))
        out.append(item)
    return out


# --- which quantities are indicators -------------------------------------------------------
def _inside(spans: list[Span], starts: list[int], pos: int) -> bool:
    """Whether `pos` falls inside one of the sorted, non-overlapping `spans`."""
    index = bisect_right(starts, pos) - 1
    return index >= 0 and spans[index][0] <= pos < spans[index][1]


def _is_indicator(text: str, start: int, end: int, quantity: Quantity) -> bool:
    before = text[start - 1] if start else "\n"  # a line break stands in for the text's edges
    after = text[end] if end < len(text) else "\n"
    if before in "第每" or (before == "前" and text[start - 2 : start] != "提前"):
        return False  # ordinal or rank: 第5位, 排名前1%
    if before.isascii() and before.isalpha() or before in "×*·.":
        return False  # PM2.5, 7×24小时
    if after.isascii() and after.isalpha() or after == "级":  # 5G; 26兆瓦级 is a rating, not an amount
        return False
    if quantity.unit.endswith("人") and after in "口民才员":
        return False  # 14亿多人口大国: 人 begins a word
    if quantity.unit == "岁" and text.startswith(("以上", "以下"), end):
        return False  # 3岁以下婴幼儿: an age bracket
    if before in _OPEN_QUOTES and after in _CLOSE_QUOTES:
        return False  # “21条”: a name
    if quantity.unit == "年":
        return True  # 不少于两年: only a bounded or extended span is read as 年 (numbers.py)
    if quantity.unit == "番":
        return before == "翻" or text[start - 2 : start] == "翻了"  # 翻(了)一番 (not 一番努力)
    unit = units().get(quantity.unit)
    if quantity.unit == "元" and after in "化素宵旦首":
        return False  # 多元化, 二元结构 are not money
    if quantity.chinese and not quantity.magnitude and quantity.unit not in {"%", "成"}:
        value = quantity.value[-1] if isinstance(quantity.value, list) else quantity.value
        kind = unit.kind if unit else ""
        events = (  # 两次下调, 两次全面降准 (not 八次全会, 八次全体会议)
            quantity.unit == "次" and value >= 2 and after not in "产分会" and not text.startswith(("全会", "全体"), end)
        )
        if value <= 10 and kind not in _KEEP_SMALL_KINDS and quantity.unit != "倍" and not events and not _in_change(text, start, end):
            return False  # 三个动力来源, 一批, 两家: phrasing, not a count
    if quantity.unit in {"大", "大类"} and (quantity.chinese or quantity.magnitude):
        return False  # 六大优势产业 is phrasing, 二十大 a party congress; 3大产业 counts (R2)
    if unit and unit.kind == "rating":  # (units.tsv: 千伏)
        rest = _POST_QUALIFIER.match(text, end + text.startswith("及", end))
        after = text[rest.end() : rest.end() + 1] if rest else after
        if after and (_is_cjk(after) or after in "和及与、"):
            return False  # 750千伏(和330千伏)电网工程, 500千伏以上变电站: an equipment class, not an amount
    if quantity.unit in {"个", "项"} and text.startswith("方面", end):
        return False  # 6个方面工作: the parts of a text, not a count
    if quantity.base_unit == "":
        # a bare 1.2万, 450万(困难群众): Arabic, or a Chinese magnitude after a qualifier (近千万家庭)
        return not quantity.chinese or quantity.magnitude and before in "近超逾破达约上"
    return True


# --- subject, metric, qualifier ------------------------------------------------------------
def _describe_sentence(text: str, sentence: Span, items: list[_Found], marks: list[int] | None = None) -> None:
    """Fill subject/metric/qualifier of the quantities of one sentence, left to right."""
    sentence_start, sentence_end = sentence
    table = units()
    previous: _Found | None = None
    for i, item in enumerate(items):
        clause_start = _clause_start(text, max(sentence_start, item.start - MAX_REACH), item.start, marks)
        item.clause_start = clause_start
        gap_start = max(clause_start, previous.end if previous else clause_start)
        gap = text[gap_start : item.start]
        if previous is not None and previous.end >= clause_start and _is_list_gap(gap):
            head = items[previous.list_head] if previous.list_head is not None else previous
            item.list_head = previous.list_head if previous.list_head is not None else i - 1
            item.metric = head.metric
            item.qualifier = _post_qualifier(text, item.end, sentence_end)
            item.subject = head.subject
            previous = item
            continue
        prefix_start = clause_start
        if previous is not None and previous.end > clause_start:
            prefix_start = previous.end
            post = _POST_QUALIFIER.match(text, prefix_start)
            if post:
                prefix_start = post.end()
            # a new item of a "、" list after the previous quantity: 300兆瓦压缩空气储能、东营津辉500兆瓦
            prefix_start = max(prefix_start, text.rfind("、", prefix_start, item.start) + 1)
        prefix_start = max(prefix_start, item.start - _MAX_PREFIX)
        prefix = text[prefix_start : item.start]
        next_start = items[i + 1].start if i + 1 < len(items) else sentence_end
        item.subject, item.metric, pre_qualifier = _read_prefix(prefix)
        if item.metric in _CHANGE_VERBS:
            _count_of_caused_change(prefix, item)
        if pre_qualifier == "上" and text[item.start] not in "亿万千百":
            pre_qualifier = None  # 上亿市场主体, but 跃上1.4万亿斤
        item.qualifier = _post_qualifier(text, item.end, sentence_end) or pre_qualifier
        after = _METRIC_AFTER.match(text, _skip_post(text, item.end), sentence_end)
        if after and (item.metric is None or item.metric in _WEAK_METRICS):
            item.metric = after.group(1)
        if item.qualifier is None:
            hedge = _HEDGE.search(text, prefix_start, item.start) or _heading_hedge(text, clause_start)
            item.qualifier = hedge.group() if hedge else None
        pos = _skip_post(text, item.end)
        follow, follow_limit = pos, next_start
        if next_start == pos and i + 1 < len(items) and text.startswith(("以上", "以下"), items[i + 1].end):
            # 75个亿元以上项目: an attributive quantity stands between the count and its noun
            follow = _skip_post(text, items[i + 1].end)
            follow_limit = items[i + 2].start if i + 2 < len(items) else sentence_end
        unit = table.get(item.quantity.base_unit)
        named = item.quantity.base_unit in _NAMED_COUNTS
        if item.quantity.base_unit == "" or unit and unit.kind == "count":
            # counts name what they count after the measure word: 285个计划新开工项目
            item.subject = _following_noun(text, follow, follow_limit, named=named) or item.subject
        # the thing measured follows when nothing precedes the number (，64.2%的县医院; ，85%以上农户),
        # when a share of a whole precedes it (承担了全省近80%的基础研究项目, 将1/3以上的专项资金…),
        # when a verb governs it (惠及3400万人的引大济岷工程), or when the clause gave no real subject
        # (一次性增加6万亿元地方专项债务限额)
        # (布局一批50万千瓦以上…基地: a determiner before the quantity names nothing)
        weak_subject = item.subject is None or len(item.subject) <= 3 or item.subject.endswith(("一批", "一些", "若干"))
        if (
            not prefix.strip()
            or text.startswith("的", pos)
            and (
                _governed(prefix, item.subject)
                or item.quantity.base_unit == "%" and _SHARE_OF_WHOLE.search(prefix[-8:]) is not None
            )
            or weak_subject and item.quantity.base_unit not in _NO_FOLLOWING
        ):
            following = _following_noun(text, follow + text.startswith("的", follow), follow_limit, named=named)
            item.subject = following or item.subject
        if (
            unit
            and unit.kind == "money"
            and _is_cjk(text[pos : pos + 1] or "\n")
            and _ends_with_verb(prefix)
            and not _PURPOSE.match(text, pos)
            and not _VERB.match(text, pos)
        ):
            # 一次性发放200亿元补贴: the verb governs the money and the noun after it names what it is
            # (up to a noun naming funds: 增加6万亿元地方专项债务限额(置换…))
            funds = _FUNDS_NOUN.match(text, pos, follow_limit)
            item.subject = funds.group() if funds else _following_noun(text, pos, follow_limit) or item.subject
        if item.quantity.base_unit == "年":
            span_noun = _SPAN_NOUN.match(text, pos, follow_limit)
            item.subject = span_noun.group() if span_noun else item.subject  # 不少于两年保修期
        if item.subject is None and unit and unit.kind == "money":
            item.subject = _purpose(text, pos, items[i + 1] if i + 1 < len(items) else None, sentence_end, marks)
        if item.quantity.base_unit == "倍" and item.subject:
            ratio = _RATIO_SUBJECT.match(item.subject)
            if ratio:  # 利润总额为“十三五”时期的(2.2倍): the thing compared, not its base
                item.subject = ratio.group(1)
        if item.subject is None and _starts_with_verb(text[clause_start : item.start]):
            # 全省进出口总值创历史新高，达到5379亿元; 发放一次性生活补助，惠及1100多万人: a clause of a
            # bare verb + quantity takes the thing of the quantity-free clause just before it
            item.subject = _clause_topic(text, previous.end if previous else sentence_start, clause_start, marks)
        if previous is not None and previous.end >= clause_start and previous.subject and _is_baseline(text, clause_start, previous):
            item.subject = previous.subject  # 企业开办时间从一个月以上压缩到目前的平均4个工作日: the end level
        elif item.subject is None and previous is not None and (item.metric is None or _METRIC_AT_END.search(item.metric)):
            item.subject = previous.subject  # 实现地区生产总值67665亿元，增长5.5% (not 强化39个…: a new object)
        elif (
            previous is not None
            and previous.subject
            and item.subject
            and _BARE_MEASURE.fullmatch(item.subject)
            and not _BARE_MEASURE.fullmatch(previous.subject)
            and item.subject not in _OUTPUT_MEASURES  # (粮食播种面积…、总产125亿斤: another thing's output)
        ):
            item.subject = previous.subject + item.subject  # 新增重点实验室15家、总数达36家
        elif previous is None and item.subject and _BARE_MEASURE.fullmatch(item.subject):
            topic = _clause_topic(text, sentence_start, clause_start, marks)
            predicate = (_TOPIC_PREDICATE.search(topic, 2) or _VERB.search(topic, 2)) if topic else None
            topic = topic[: predicate.start()] if predicate else topic
            if topic and len(topic) <= 8 and not _BARE_MEASURE.fullmatch(topic) and "“" not in topic:
                item.subject = topic + item.subject  # 粮食生产(再获丰收)，总产达到557亿斤
        previous = item
    _split_list_subjects(text, items)
    for i, item in enumerate(items):
        if item.list_head is None and item.subject and (i + 1 == len(items) or items[i + 1].list_head != i):
            # a rate or change holds for each thing (A和B增长5%); an amount of A和B is their total,
            # unless 均/都 says otherwise (A、B均达100家)
            markers = list(_EACH.finditer(text, max(sentence_start, item.start - 8), item.start))
            marker = markers[-1] if markers else None  # the nearest: (均…)各20家
            each = item.quantity.base_unit in _PER_THING or marker is not None
            counted = marker is not None and marker.group() == "各"
            item.shared = _shared_subjects(item.subject, counted=counted) if each else None


def _purpose(text: str, pos: int, following: _Found | None, limit: int, marks: list[int] | None) -> str | None:
    """统筹20亿元实施(6个)重大科技专项, 投入12亿元实施…“双向揭榜挂帅”: money spent on a purpose
    stated after it (no thing before it) measures that purpose: the object of the purpose verb."""
    verb = _PURPOSE.match(text, pos, limit)
    if verb is None:
        return None
    start = verb.end()
    if following is not None and following.start == start:  # 实施6个重大科技专项: the object is counted
        start = _skip_post(text, following.end)
    end = CLAUSE_END_MARK.search(text, start, limit)
    phrase = text[start : end.start() if end else limit]
    return _clean_subject(phrase) if 2 <= len(phrase) <= _MAX_SUBJECT else None


def _count_of_caused_change(prefix: str, item: _Found) -> None:
    """推动农房风貌提升26.4万户: a count after "causative + thing + change" counts the units that
    underwent the change, so the change is part of what is counted (a rate would measure the thing)."""
    unit = units().get(item.quantity.base_unit)
    if unit is None or unit.kind != "count" or item.subject is None or item.metric is None:
        return
    changed = item.subject + item.metric
    if not prefix.endswith(changed):
        return
    cause = _CAUSATIVE.search(prefix, max(0, len(prefix) - len(changed) - 2), len(prefix) - len(changed))
    if cause and cause.end() == len(prefix) - len(changed):
        item.subject, item.metric = changed, cause.group()


def _starts_with_verb(prefix: str) -> bool:
    core = prefix.strip()
    lead = _LEAD.match(core)
    return _VERB.match(core, lead.end() if lead else 0) is not None


def _clause_topic(text: str, lower: int, clause_start: int, marks: list[int] | None) -> str | None:
    """The thing named by the clause ending right before `clause_start` (which must start after
    `lower`, so it holds no quantity): its subject, or the object of its verb."""
    if clause_start - 1 <= lower or text[clause_start - 1] not in "，,":
        return None
    start = _clause_start(text, max(0, clause_start - _MAX_SUBJECT - 8), clause_start - 1, marks)
    if start < lower or clause_start - 1 - start > _MAX_SUBJECT + 6:
        return None
    clause = text[start : clause_start - 1]
    record = _RECORD_PREDICATE.search(clause)
    if record:
        clause = clause[: record.start()]
    subject, _, _ = _read_prefix(clause)
    return subject


def _governed(prefix: str, subject: str | None) -> bool:
    """惠及3400万人的…: no subject before the quantity and a verb right before it."""
    return not subject and _ends_with_verb(prefix)


def _ends_with_verb(prefix: str) -> bool:
    tail = prefix[-4:]
    verb = _VERB.search(tail + "|")
    return verb is not None and verb.end() == len(tail)


def _heading_hedge(text: str, clause_start: int) -> re.Match[str] | None:
    """预计 heading a clause list covers each quantity of it: 预计A达7.4万家、B达5.6万家."""
    time = TIME.match(text, clause_start)
    return _HEDGE.match(text, time.end() if time else clause_start)


def _clause_start(text: str, sentence_start: int, pos: int, marks: list[int] | None = None) -> int:
    """Start of the clause holding `pos` (not before `sentence_start`); `marks` are the sorted
    positions of every clause-end mark in `text`, when known."""
    if marks is None:
        return max(sentence_start, *(text.rfind(mark, sentence_start, pos) + 1 for mark in CLAUSE_END))
    index = bisect_left(marks, pos) - 1
    return max(sentence_start, marks[index] + 1) if index >= 0 else sentence_start


def _is_list_gap(gap: str) -> bool:
    post = _POST_QUALIFIER.match(gap)
    if post:
        gap = gap[post.end() :]
    return gap in {"、", "和", "及", "与", "以及", "、以及"}


def _skip_post(text: str, pos: int) -> int:
    post = _POST_QUALIFIER.match(text, pos)
    return post.end() if post else pos


def _post_qualifier(text: str, pos: int, limit: int) -> str | None:
    post = _POST_QUALIFIER.match(text, pos, limit)
    return post.group(1) if post else None


def _read_prefix(prefix: str) -> tuple[str | None, str | None, str | None]:
    """(subject, metric, qualifier) from the clause text before a quantity."""
    qualifier = None
    metric = None
    rest = prefix
    for _ in range(3):  # 增长超过, 达到约, 突破
        moved = False
        match = _PRE_QUALIFIER.search(rest, max(0, len(rest) - _END_WINDOW))
        if match and match.group(1) != "达":
            qualifier = qualifier or match.group(1)
            rest = rest[: match.start()]
            moved = True
        match = _METRIC_AT_END.search(rest, max(0, len(rest) - _END_WINDOW))
        if match and metric is None:
            metric = match.group(1)
            rest = rest[: match.start()]
            moved = True
        if not moved:
            break
    if qualifier == "破":
        qualifier = "突破"
    if metric is None and qualifier in {"突破", "超过"}:
        metric = qualifier
    if metric and metric.startswith(COMPARISONS):
        metric = metric[:2]
    elif metric and metric.endswith(("全国", "全省", "全市", "全区", "全球")) and len(metric) > 2:
        metric = metric[:-2]  # 占全国(1/10), 稳定在全国(1/4): the whole the share is of
    rest = _strip_trail(rest)
    verbs = list(_VERB.finditer(rest))
    if verbs:
        last = verbs[-1]
        verb_noun = _VERB_NOUN.match(rest, last.start())
        if verb_noun and (
            metric and metric not in _WEAK_METRICS or verb_noun.end() == len(rest) and rest.endswith(_COUNT_MEASURES)
        ):
            pass  # 接待游客人次、旅游总花费…分别增长, 城镇新增就业人数(45万人): the verb is part of a measured noun
        elif len(rest) - last.end() > 2:
            if metric is None:
                metric = last.group(1)
            if (
                len(verbs) > 1
                and _ACTIVITY_ORG.fullmatch(rest, last.end())
                and _is_cjk_run(rest[verbs[-2].end() : last.start()], 2, 4)
                and not _FUNCTION_CHAR.search(rest, verbs[-2].end(), last.start())
            ):
                rest = rest[verbs[-2].end() :]  # 培育数据开发利用机构: the verb names the organisation's work
            else:
                rest = rest[last.end() :]
        elif len(rest) - last.end() == 2:  # 城镇新增就业, 可再生能源新增装机: keep the whole phrase
            if metric is None:
                metric = last.group(1)
        elif metric is not None:
            pass  # 全社会研发投入增长9.4%: the final "verb" is part of the noun
        elif rest[: last.start()].endswith("、"):  # 组建…微信群、覆盖21万家企业: a new verb, its object follows
            metric = last.group(1)
            rest = ""
        elif len(verbs) > 1 and last.start() - verbs[-2].end() >= 2:
            # 完成大中型灌区现代化改造222.2万亩: the object sits between the verbs
            metric = verbs[-2].group(1)
            rest = rest[verbs[-2].end() :]
        elif len(verbs) > 1:  # 中欧班列累计开行超1.1万列: the object comes before both
            metric = verbs[-2].group(1)
            rest = rest[: verbs[-2].start()]
        else:  # 适老化改造3万户; 新培育6个…: the verb governs the count
            metric = last.group(1)
            if len(rest[: last.start()].rsplit("、", 1)[-1].strip()) < 3:
                rest = ""  # 谋划多年、惠及3400万人的…: no object before the verb
    return _clean_subject(rest), metric, qualifier


def _strip_trail(phrase: str) -> str:
    match = _TRAIL.search(phrase, max(0, len(phrase) - _END_WINDOW))
    return phrase[: match.start()] if match else phrase


def _clean_subject(phrase: str) -> str | None:
    """Trim time, region and connective words off a candidate subject."""
    phrase = phrase.strip().replace("分别", "")
    for mark in "从由":  # 国内生产总值从不到70万亿元增加到…
        if mark in phrase[2:]:
            phrase = phrase[: phrase.index(mark, 2)]
    regions = region_pattern()
    for _ in range(6):
        before = phrase
        phrase = phrase.lstrip("，、；：（）() ")
        match = TIME.match(phrase) or _DURATION.match(phrase) or _STREAK.match(phrase)
        if match:
            phrase = phrase[match.end() :]
        streak = _STREAK.search(phrase, max(0, len(phrase) - 8))
        if streak and streak.end() == len(phrase):
            phrase = phrase[: streak.start()]  # 科技型中小企业数量连续4年(增长20%以上)
        match = regions.match(phrase)
        if match and len(phrase) > match.end() and not phrase.startswith(_FACILITY_AFTER_PLACE, match.end()):
            phrase = phrase[match.end() :]
        match = _LEAD.match(phrase)
        if match and len(phrase) > match.end():
            phrase = phrase[match.end() :]
        phrase = _strip_trail(phrase)
        if phrase == before:
            break
    if "等" in phrase[1:] and not phrase.startswith("等级"):  # 等级民宿: a word, not a list's end
        listed, head = phrase.rsplit("等", 1)
        if len(head) >= 2:
            # A、B等增幅: a bare measure after 等 measures the listed things (A、B等企业: the head names them)
            phrase = listed + head if _BARE_MEASURE.fullmatch(head) and len(listed) >= 2 else head
    if len(phrase) > _MAX_SUBJECT and "的" in phrase:
        tail = phrase.rsplit("的", 1)[1]
        if len(tail) >= 2:
            phrase = tail
    if len(phrase) > _MAX_SUBJECT and "、" not in phrase:
        phrase = phrase[-_MAX_SUBJECT:]
    phrase = phrase.strip("，、；：的 ").removesuffix("等")
    if phrase.startswith(("比", "较")) and not phrase.startswith(("比重", "比例", "比率", "较大", "较高")):
        return None  # 比年度计划(翻了一番): a comparison base, not the thing measured
    if len(phrase) < 2 or _LEAD.fullmatch(phrase) or TIME.fullmatch(phrase) or region_pattern().fullmatch(phrase):
        return None
    return phrase


def _following_noun(text: str, pos: int, limit: int, after_de: bool = False, named: bool = False) -> str | None:
    """The thing counted when it follows its count: 285个(计划新开工项目)全部开工."""
    if not after_de and text.find("的", pos + 2, pos + 17) > 0:
        modifier = _DE_MODIFIER.match(text, pos, limit)
        if modifier and "、" in modifier.group():
            return _following_noun(text, modifier.end(), limit, after_de=True)
    rating = _rating_run().match(text, pos, limit)
    if rating:
        pos = rating.end()  # 22个(750千伏和330千伏)电网工程: the count names the equipment after its rating
    end = min(limit, pos + 14)
    stop = _FOLLOW_STOP.search(text, pos, end)
    for _ in range(2):  # “四上”企业, 市（州）分岛: a short quote or note inside the noun
        if stop is None or stop.group() not in _BRACKETS:
            break
        close = text.find(_BRACKETS[stop.group()], stop.end(), min(limit, stop.end() + 12))
        if close < 0:
            break
        tail_end = min(limit, close + 9)
        tail = _FOLLOW_STOP.search(text, close + 1, tail_end)
        if tail is None and tail_end < limit or tail is not None and tail.start() == close + 1 and stop.start() > pos:
            break  # runs on after it, or 企业“小升规”: a label after the noun, not part of it
        stop, end = tail, tail_end
    # after a relative clause the whole phrase is the head: (居住的)棚户区和城中村改造
    verb = None if after_de else _VERB.search(text, pos + 1, stop.start() if stop else end)
    if verb:
        head = _HEAD_AFTER_VERB.search(text, verb.end(), min(limit, verb.end() + 11))
        if head and not _is_cjk_run(text[verb.end() : head.start()], 0, 8):
            head = None
        if head and head.start() > verb.end() and (
            _VERB.search(text, verb.end(), head.end()) or text[head.end() : head.end() + 1].isdigit()
        ):
            head = None  # 组团实施重点项目, 进入中国企业500强: a predicate, not a modifier of the head
        if head and (_FOLLOW_STOP.match(text, head.end()) or _VERB.match(text, head.end()) or head.end() == limit):
            # 200多项群众经常办理事项(实现跨省通办): the verb modifies a head noun the count names
            return text[pos : head.end()]
        stop = verb
    elif named and stop is not None and stop.group() == "的" and 1 <= stop.start() - pos <= 2 and not after_de:
        # the measure word names the counted people (1亿人), so what precedes 的 is a verb
        return _following_noun(text, stop.end(), limit, after_de=True)  # 1亿人居住的(棚户区和城中村改造)
    noun = text[pos : stop.start() if stop else end].rstrip("和及与")
    lead = _VERB.match(noun)
    if lead:  # 两次下调(存款准备金率…)
        noun = noun[lead.end() :]
    for pattern in (_PRE_QUALIFIER, _METRIC_AT_END):  # 203个…优良率达(100%)
        noun = pattern.sub("", noun) if len(noun) > 3 else noun
    if len(noun) < (2 if lead else 1) or _CHANGE_TO.match(noun):
        return None  # 经营主体从689万户增至(951万户): a change verb, not the thing counted
    if stop is None and end < limit:
        return None  # runs on: a clause, not a noun
    if not noun or not (_is_cjk(noun[0]) or noun[0] in _OPEN_QUOTES) or noun.startswith(_LEVEL_NOUNS):
        return None  # 跨上3万亿元台阶: a level reached, not the thing measured
    return noun


@cache
def _rating_run() -> re.Pattern[str]:
    """Ratings before the counted noun: 22个(750千伏和330千伏)电网工程 (units of kind "rating")."""
    names = "|".join(re.escape(u.name) for u in units().values() if u.kind == "rating")
    return re.compile(rf"(?:\d+(?:\.\d+)?(?:{names})[和及与、]?)+") if names else re.compile(r"(?!)")


def _shared_subjects(subject: str, counted: bool = False) -> list[str] | None:
    """"制造业贷款余额、科技贷款余额均增长11.7%", "国内生产总值和城乡居民人均收入…翻一番": one value
    stated of several measured things (each naming its measure) is one indicator per thing."""
    parts = subject.split("、")
    if len(parts) < 2:
        parts = _LIST_SPLIT.split(subject)
    if counted and len(parts) >= 2 and all(len(part) >= 2 for part in parts):
        return parts  # 新建A、B、C各20家: each listed thing is counted
    if len(parts) < 2 or not all(len(part) >= 3 and _MEASURE_NOUN.search(part) for part in parts):
        return None
    return parts


def _is_cjk_run(part: str, low: int, high: int) -> bool:
    return low <= len(part) <= high and all(_is_cjk(char) for char in part) and "的" not in part


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _split_list_subjects(text: str, items: list[_Found]) -> None:
    """"A、B、C增加值分别增长6.9%、8.4%、10.2%": give each value its own subject; "A、B从无到有，
    分别达2个、3个": a clause opening with 分别 takes the list that opens the clause before it."""
    runs: dict[int, list[_Found]] = {}
    for i, item in enumerate(items):
        head = i if item.list_head is None else item.list_head
        runs.setdefault(head, []).append(item)
    for run in runs.values():
        subject = run[0].subject
        if subject is None and len(run) > 1 and text.startswith("分别", run[0].clause_start):
            subject = _previous_clause_list(text, run[0].clause_start)
        if len(run) < 2 or not subject:
            continue
        parts = [p for p in _LIST_SPLIT.split(subject) if p]
        if len(parts) != len(run):
            continue
        measure = _MEASURE_NOUN.search(parts[-1])
        entity = _ENTITY_NOUN.search(parts[-1])
        for item, part in zip(run, parts, strict=True):
            if measure and not _MEASURE_NOUN.search(part) and len(part) < len(parts[-1]):
                part += measure.group(1)
            elif entity and len(part) <= 2 and len(parts[-1]) > len(part):
                part += entity.group(1)
            item.subject = part


def _previous_clause_list(text: str, clause_start: int) -> str | None:
    """The 、-list of nouns opening the clause that ends right before `clause_start`, if any."""
    if clause_start < 2 or text[clause_start - 1] not in "，,":
        return None
    start = _clause_start(text, max(0, clause_start - 1 - MAX_REACH // 2), clause_start - 1)
    listed = _LEADING_LIST.match(text, start, clause_start - 1)
    return listed.group(1) if listed else None


# --- changes: the level a change starts from ------------------------------------------------
def _is_baseline(text: str, clause_start: int, item: _Found) -> bool:
    """从人均8.7万元提高到12万元: the value the change starts from."""
    return bool(  # the anchored match first: it fails for most quantities
        _BASELINE_AFTER.match(text, item.end, item.end + 12)
        and _BASELINE_BEFORE.search(text, max(clause_start, item.start - 8), item.start)
    )


def _in_change(text: str, start: int, end: int) -> bool:
    """从一个月以上压缩到…, 由五类减少到两类: the start or end level of a change is an amount."""
    if _BASELINE_BEFORE.search(text, max(0, start - 8), start) and _BASELINE_AFTER.match(text, end, end + 12):
        return True
    return bool(_CHANGE_TARGET.search(text, max(0, start - 20), start))


# --- region ------------------------------------------------------------------------------
def _region(doc: Document, text: str, sentence: Span, item: _Found) -> str | None:
    clause_start = item.clause_start
    regions = region_pattern()
    for start, end in ((clause_start, item.start), (sentence[0], clause_start)):
        lead = regions.match(text, _skip_lead(text, start, end), end)
        if lead:  # 泸州经济总量突破3000亿元: the clause is about that region
            return normalize_region(lead.group())
        if _OWN_REGION_WORDS.search(text, start, end):
            return doc.meta.region
    return doc.meta.region


def _skip_lead(text: str, start: int, end: int) -> int:
    """Position after leading connectives and time words (其中, 在, 2024年) of a clause."""
    for _ in range(3):
        match = TIME.match(text, start, end) or _LEAD_WORD.match(text, start, end)
        if not match or match.end() == start:
            break
        start = match.end()
    return start


def _indicator(doc: Document, text: str, sentence: Span, item: _Found, subject: str | None) -> Indicator:
    quantity = item.quantity
    return Indicator(
        subject=subject,
        metric=item.metric,
        value=quantity.value,
        unit=quantity.unit,
        qualifier=item.qualifier or quantity.approx,
        period=find_period(
            text, sentence, item.clause_start, item.start, item.end,
            ratio=quantity.base_unit == "倍", baseline=_is_baseline(text, item.clause_start, item),
        ),
        region=_region(doc, text, sentence, item),
        evidence=text[sentence[0] : sentence[1]],
        span=(item.start, item.end),
        quantity=text[item.start : item.end],
        base_value=quantity.base_value,
        base_unit=quantity.base_unit,
    )
