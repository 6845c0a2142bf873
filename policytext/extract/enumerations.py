"""Parallel lists of nominal items: "A、B、C等新领域", "推动A、B和C", "“X”“Y”“Z”"."""

from __future__ import annotations

import re
from functools import cache

from ..document import Document, Enumeration, Span

# verbs and function words that end the text before a list's first item ("瞄准|新一代信息技术、…")
VERBS = (
    "聚力实施 深入实施 突出抓好 加快发展 大力发展 积极发展 培育壮大 发展壮大 做大做强 做强做优 做优做强 "
    "加快推进 大力推进 深入推进 加快建设 加快构建 积极培育 前瞻布局 超前布局 着力打造 重点发展 "
    "推动 推进 促进 发展 培育 壮大 瞄准 聚焦 围绕 强化 加强 加快 建设 打造 实施 支持 布局 抓好 "
    "开展 构建 完善 提升 提高 推广 引导 鼓励 覆盖 涵盖 涉及 包括 包含 形成 建成 建立 健全 拓展 "
    "深化 优化 实现 取得 保持 争创 创建 引进 引育 招引 落地 带动 服务 保障 开发 研发 攻关 突破 "
    "突出 抓住 做强 做优 做大 加大 扩大 巩固 统筹 聚集 集聚 新增 增加 组建 设立 出台 制定 启动 "
    "完成 部署 谋划 发挥 利用 应用 赋能 瞄向 面向 覆盖 用好 办好 建好 抓实 落实 "
    "举办 举行 召开 参与 普及 惠及 采取 营造 争取 整治 坚持 实行 推行 集中 加速 深耕 做好 抓紧 重视 关注 整合 助力 入选 获批 分别 位居 "
    "重点 主要 以及 作为 通过 依托 按照 根据 对于 关于 成为 具有 拥有 属于 "
    "一批 一系列 若干 多个 诸多 各类 各种 一些 "
    "在 对 把 将 为 从 向 是 了 的 和 及 与 如 "
)
# item endings that mark a clause (action) rather than a noun: "管理流程再造", "产品迭代升级"
_CLAUSE_ENDINGS_WORDS = (
    "提升 升级 革新 再造 优化 转型 突破 配置 融合 增长 下降 改善 加强 "
    "完善 推进 提高 扩大 降低 减少 加快 落实 见效 显著 明显 持续 稳定 "
    "增强 更新 改造 成效 领先 兴起 涌现 亮相 "
)
_CLAUSE_ENDINGS = tuple(_CLAUSE_ENDINGS_WORDS.split())
# head nouns a list exemplifies, shortest prefix of the text after 等 ending in one of them wins
_HEAD_ENDINGS_WORDS = (
    "产业 领域 行业 集群 产业链 赛道 底座 业态 基地 新兴产业 方面 方式 "
    "形式 部门 机构 问题 措施 服务 市场 特点 原则 载体 平台 设施 主体 "
    "产品 名片 行动 工程 指标 保障 工作 "
)
_HEAD_ENDINGS = tuple(_HEAD_ENDINGS_WORDS.split())
_HEAD_EXTENSIONS = ("集群", "链", "基地", "体系", "园区", "项目", "承载区", "带")
_QUOTES = "“”‘’\"'「」『』"
_JOINS = ("以及", "和", "及", "或")
_MAX_ITEM = 20
_MAX_HEAD_WINDOW = 30
_SHARED_TAILS = ("培养", "建设", "发展", "保护", "治理", "合作", "协作", "联动", "一体化", "增加值", "产值")
_DIGIT = re.compile(r"(?<!第)\d[\d.]*(?![\d.]*[届批代位号])")
_ANY_DIGIT = re.compile(r"\d")
_DATE_ITEMS = re.compile(r"[\d.年月日]+(?:\n[\d.年月日]+)*")
_COUNTED = re.compile(r"(?<![第\d.])\d[\d.]*(?:万|亿)?(?:[\u4e00-\u9fff%％]|$)")
# suffixes that make a verb a noun: 服务业, 拥有量, 增长率, 获奖数, 投资额
_NOMINAL_SUFFIXES = "业量率数额者"
_SUFFIX_LOOKALIKES = frozenset(
    {"业态", "业务", "业绩", "量子", "量化", "量产", "率先", "数字", "数据", "数智", "数量", "数控", "数实", "额度", "者的"}
)
# a distributive adverb after the last item opens the predicate: "…、中国专利奖获奖数均居全国首位"
_DISTRIBUTIVE = re.compile(r"(?<![年人平])[均都皆](?=[居达为在已有超增实取位排列获进])|(?:广泛|大幅|不断|稳步|显著)(?=..)")
# stop words that modify a following noun rather than open a predicate: 全国重点实验室, 主要城市
_NOUN_MODIFIERS = frozenset({"重点", "主要"})
# degree adverbs before the items make them predicates: "系统更加便捷、高效、智慧"
_DEGREE_ADVERB = re.compile(r"(?:更加|更为|日益|日趋|越来越|十分|非常|较为|比较|相当|极为|愈发|愈加)[^、]{1,4}$")
# measure nouns a list shares, followed by a predicate: "…、战略性新兴产业比重大幅提升"
_SHARED_MEASURE_NOUN = re.compile(r"(?:比重|占比|比例|总量|规模)(?=[大明显稳持进逐不显提增上下达超突降])")
# a count opening an item: "10个国家大科学装置"
_LEADING_ITEM_COUNT = re.compile(r"(?:\d{1,6}|[一二三四五六七八九十两]{1,3})(?:个|家|所|座|项|条|支|名|位|批)(?=.{2})")
_BARE_NUMERAL = re.compile(r"[一二三四五六七八九十]{1,3}")
# words holding a join character: 参与, 普及, 及时 …
_WORDS_WITH_JOINS = frozenset(
    {"参与", "给与", "赋与", "普及", "涉及", "危及", "顾及", "惠及", "波及", "提及", "及时", "及早", "与其", "和谐", "和平", "以及"}
)
_NUMERALS = "0123456789０１２３４５６７８９一二三四五六七八九十两"
# programme keywords a list of short items may share ("大气、水、土壤污染防治行动计划")
_NAME_KEYWORDS = ("行动计划", "计划", "行动", "工程", "战略", "方案", "规划")
_NAME_AFTER_QUOTE = re.compile(r"[^，。；：、“”\n]{0,4}?(?:战略|行动|计划|工程|方案|规划|体系)")
# one-character verbs that open slogan items (稳就业, 扩消费, 上云)
_SLOGAN_VERBS = "稳强增提创促扩添补冲降保优上抓育引留用兴惠减调控防治建管护惠"
# prepositions that open a predicate, not a noun ("到贵州旅居", "在…")
_PREPOSITIONS = "到在把将向从对被给"
# manner and degree words that are listed before a verb, not as items (完整、准确、全面贯彻)
_ADVERBIAL_WORDS_TEXT = "完整 准确 全面 积极 稳妥 主动 有序 扎实 稳步 有力 有效 精准 高效 科学 依法 协调"
_ADVERBIAL_WORDS = frozenset(_ADVERBIAL_WORDS_TEXT.split())
# measures a list shares after its last item: "水电、风电、光伏发电量占比达43.3%" → 光伏
_SHARED_MEASURE = re.compile(
    r"(.{2,}?)(?:发电量|发电|装机容量|装机|产量|产能|增加值|产值|营收|营业收入|收入|规模|投资|出口|销量)?"
    r"(?:占比|比重|同比|年均)?(?:分别)?(?:达到|达|为|增长|超过|突破|提高|下降)?"
)


@cache
def _verb_pattern() -> re.Pattern[str]:
    words = sorted(set(VERBS.split()), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


@cache
def _stop_pattern() -> re.Pattern[str]:
    words = sorted(set(VERBS.split()) - set(_JOINS) - {"与", "等"}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


_CLAUSE_BREAKS = "，。；：！？\n,;:!?"


@cache
def _clause_pattern() -> re.Pattern[str]:
    return re.compile(f"[^{_CLAUSE_BREAKS}]+")


@cache
def _clause_break_pattern() -> re.Pattern[str]:
    return re.compile(f"[{_CLAUSE_BREAKS}]")


@cache
def _list_clause_pattern() -> re.Pattern[str]:
    # the start (group 1) of the next clause holding a 、
    return re.compile(f"(?:^|[{_CLAUSE_BREAKS}])([^{_CLAUSE_BREAKS}]*)、")


@cache
def _quantity_pattern() -> re.Pattern[str]:
    # "六大", "6个", "一批", "三类" at the start of a head, or terminating a list ("…医药健康六大优势产业")
    return re.compile(
        r"(?:[0-9０-９]{1,3}|[一二三四五六七八九十两]{1,3})(?:大|个|项|类|种|条|家|批)|一批|一系列|多个|若干"
    )


@cache
def _quoted_run_pattern() -> re.Pattern[str]:
    return re.compile(r"(?:“[^“”\n、，。]{1,12}”){3,30}")


def _is_list_deng(text: str, pos: int) -> bool:
    """Is the 等 at `pos` the end marker of a list (not 高等, 平等, 等级 …)?"""
    before = text[pos - 1] if pos > 0 else ""
    after = text[pos + 1] if pos + 1 < len(text) else ""
    return before not in "高平同均对相初中优上次超特何劣一二三" and after not in "级同于待额值候距量效号"


def _clean_span(text: str, start: int, end: int) -> Span:
    """Trim spaces, quotes and a stray 等 from both ends of text[start:end]."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == "等"):
        end -= 1
    while start < end and text[start] in _QUOTES and text.find("”", start + 1, end) in (-1, end - 1):
        start += 1
    while end > start and text[end - 1] in _QUOTES and text.find("“", start, end - 1) < 0:
        end -= 1
    return start, end


def _first_item_start(text: str, start: int, end: int) -> int:
    """Where the first item of a list begins in text[start:end] (after the last verb or function word)."""
    best = start
    for match in _verb_pattern().finditer(text, start, end):
        if match.end() <= end - 1 and not _inside_word(text, match):
            best = match.end()
    return best


def _nominalised(text: str, pos: int) -> bool:
    """Does a nominalising suffix follow the verb ending at `pos` (服务|业, 拥有|量), not a word (数据, 量子)?"""
    return text[pos : pos + 1] in _NOMINAL_SUFFIXES and text[pos : pos + 2] not in _SUFFIX_LOOKALIKES


def _inside_word(text: str, match: re.Match[str]) -> bool:
    """Is the verb or join part of a noun (服务业, 拥有量) or a word (普及, 参与), so no item starts after it?"""
    word, start, end = match.group(), match.start(), match.end()
    if len(word) >= 2:
        return _nominalised(text, end)
    return word in "和及与" and (text[start - 1 : end] in _WORDS_WITH_JOINS or text[start : end + 1] in _WORDS_WITH_JOINS)


def _cut_at_verb(text: str, start: int, end: int) -> int:
    """End of the last item: stop at the first verb or function word that leaves 2+ characters,
    or at a distributive adverb (均, 都) that opens the predicate."""
    distributive = _DISTRIBUTIVE.search(text, start + 2, end)
    if distributive:
        end = distributive.start()
    for match in _stop_pattern().finditer(text, start + 2, end):
        if (match.end() < end or match.group() == "的") and not (
            _modifies_noun(text, match, end)
            or len(match.group()) >= 2
            and (_nominalised(text, match.end()) or text[match.start() - 1] in "和及与")
        ):  # (a verb right after the final 和 opens the last item: "产业项目和应用场景")
            return match.start()
    return end


def _modifies_noun(text: str, match: re.Match[str], end: int) -> bool:
    """Is the stop word a modifier of the noun after it (全国重点实验室), not an adverb (重点发展)?"""
    return match.group() in _NOUN_MODIFIERS and not _verb_pattern().match(text, match.end(), end)


def _has_inner_verb(text: str, start: int, end: int) -> bool:
    """Does a two-character verb stand inside text[start:end] with more text after it (a clause)?

    A verb with a nominalising suffix is a noun: 服务业, 拥有量, 增长率."""
    return any(
        len(m.group()) >= 2
        and m.end() < end
        and not _nominalised(text, m.end())
        and not _modifies_noun(text, m, end)
        for m in _stop_pattern().finditer(text, start + 2, end)
    )


def _head_after(text: str, start: int, end: int) -> str | None:
    """The head noun a list exemplifies, read from text[start:end] (the text after 等)."""
    phrase = text[start : min(end, start + _MAX_HEAD_WINDOW)].strip()
    quantity = _quantity_pattern().match(phrase)
    if quantity and not re.match(r"[一二三四五六七八九十两0-9]+大", quantity.group()):
        phrase = phrase[quantity.end() :]
    for lead in ("属于", "在内的", "重点", "多种", "各类"):
        if phrase.startswith(lead):
            phrase = phrase[len(lead) :]
    attribute = re.match(r"[^的，。；：、\s]{2,8}的", phrase)
    if attribute and not any(ending in attribute.group() for ending in _HEAD_ENDINGS):
        noun = phrase[attribute.end() : attribute.end() + 8]
        if any(ending in noun for ending in _HEAD_ENDINGS):  # 等事关全局的工作: the noun after 的
            phrase = phrase[attribute.end() :]
    if not phrase:
        return None
    best = -1
    for ending in _HEAD_ENDINGS:
        pos = phrase.find(ending)
        if pos >= 0 and (best < 0 or pos + len(ending) < best):
            best = pos + len(ending)
    if best > 0:
        for extension in _HEAD_EXTENSIONS:
            if phrase.startswith(extension, best):
                best += len(extension)
                break
        head = _unquote(phrase[:best])
        return head if len(head) <= 16 else None
    if _verb_pattern().match(phrase) and not phrase.startswith("新"):
        return None
    head = _unquote(_cut_phrase(phrase))
    if head.endswith(_CLAUSE_ENDINGS):
        return None  # 等蓬勃兴起: a predicate follows the list, not a head
    return head if 1 <= len(head) <= 8 else None


def _cut_phrase(phrase: str) -> str:
    """`phrase` up to its first verb or function word."""
    match = _verb_pattern().search(phrase, 1)
    return phrase[: match.start()] if match else phrase


def _unquote(text: str) -> str:
    return "".join(ch for ch in text if ch not in _QUOTES)


def _split_joined(text: str, start: int, end: int) -> list[Span]:
    """Split the last list segment "C和D" into two items."""
    segment = text[start:end]
    for join in _JOINS:
        pos = segment.find(join, 1)
        if segment.startswith(("和谐", "或者"), pos):
            continue
        if pos > 0 and pos + len(join) < len(segment):
            return [(start, start + pos), (start + pos + len(join), end)]
    return [(start, end)]


def _looks_nominal(items: list[str]) -> bool:
    """True for lists of noun items, False for clause lists, attribute lists and numbers."""
    if len(items) < 3 or any(not item or len(item) > _MAX_ITEM for item in items):
        return False
    if all(item.endswith("性") for item in items):
        return False
    joined = "\n".join(items)
    if "%" in joined or "％" in joined or _DATE_ITEMS.fullmatch(joined):
        return False
    if sum(1 for item in items if item.endswith(("型", "性", "级"))) >= len(items) - 1:
        return False  # attribute lists: 综合型、特色型、专业型工业互联网
    if _ANY_DIGIT.search(joined) and sum(1 for item in items if _COUNTED.search(item)) * 2 >= len(items):
        return False  # quantities: 规上工业企业1494家、…
    if any(len(item) == 1 for item in items) and any(_COUNTED.search(item) for item in items):
        return False  # fragments of clauses: 带动销售超800亿元、惠及消费者…
    if all(len(item) <= 3 and item[0] in _SLOGAN_VERBS for item in items[1:]) and (
        len(items[0]) <= 3 and items[0][0] in _SLOGAN_VERBS or items[0][-3:-2] in _SLOGAN_VERBS
    ):
        return False  # verb-object slogans: 增品种、提品质、创品牌; 上规、上榜、上云; 多措并举稳就业、稳企业
    if _same_verb_inside(items):
        return False  # subject-verb-object slogans: 农业增效益、农民增收入、农村增活力
    if _industry_subjects(items):
        return False  # 生产性服务业育新强链、生活性服务业转型升级、…: each industry with its predicate
    if items[0][0] in _PREPOSITIONS:
        return False  # a predicate list: 到贵州旅居、避暑、康养
    if sum(1 for item in items if item in _ADVERBIAL_WORDS) * 2 >= len(items):
        return False  # manner words: 完整、准确、全面贯彻…
    if any(item.endswith(("了", "起来")) for item in items):
        return False
    verbish = sum(1 for item in items if item.endswith(_CLAUSE_ENDINGS))
    verb = _verb_pattern()
    leading = sum(
        1 for item in items if (m := verb.match(item)) and (len(m.group()) >= 2 or item[0] in "在把将向从")
    )
    return verbish * 2 <= len(items) and leading * 2 <= len(items)


def _deng_follows(text: str, segments: list[Span], index: int) -> bool:
    """Does a later segment of the clause end the list with 等 (so segment `index` is a middle item)?"""
    for seg_start, seg_end in segments[index + 1 : index + 12]:
        if seg_end - seg_start > _MAX_ITEM:
            return False
        pos = text.find("等", seg_start, seg_end)
        if pos > seg_start and _is_list_deng(text, pos):
            return True
    return False


def _industry_subjects(items: list[str]) -> bool:
    """Is every item but the last (cut before its predicate) an industry (…业) followed by a predicate,
    mostly verbal (…服务业转型升级)?"""
    tails = []
    for item in items[:-1]:
        pos = item.find("业", 2)
        if pos < 0 or len(item) - pos - 1 < 2:
            return False
        tails.append(item[pos + 1 :])
    verbal = sum(1 for tail in tails if _verb_pattern().match(tail) or tail.endswith(_CLAUSE_ENDINGS))
    return verbal * 2 >= len(tails)


def _same_verb_inside(items: list[str]) -> bool:
    """Do all items hold the same one-character verb at the same inner position (农业增效益、农民增收入)?"""
    lengths = {len(item) for item in items}
    if min(lengths) < 4 or max(lengths) > 6:
        return False
    for pos in (1, 2):
        chars = {item[pos] for item in items}
        objects = {item[pos + 1 :] for item in items}
        if len(chars) == 1 and chars.pop() in _SLOGAN_VERBS and len(objects) == len(items):
            return True  # (区间调控、定向调控: one head noun, not different objects)
    return False


def _lists_in_clause(text: str, cstart: int, cend: int) -> list[Enumeration]:
    """The 、-separated lists inside one clause text[cstart:cend]."""
    found: list[Enumeration] = []
    commas = []
    pos = text.find("、", cstart, cend)
    while pos >= 0:
        commas.append(pos)
        pos = text.find("、", pos + 1, cend)
    if not commas:
        return found
    has_deng = text.find("等", cstart, cend) >= 0  # (saves looking for it segment by segment)
    bounds = [cstart, *[c + 1 for c in commas]]
    ends = [*commas, cend]
    segments = list(zip(bounds, ends, strict=True))
    index = 0
    while index < len(segments) - 1:
        first_start, first_end = segments[index]
        if first_end == first_start:
            index += 1
            continue
        item_start = _first_item_start(text, first_start, first_end)
        if (
            text.startswith("以", item_start)
            and text[item_start + 1 : item_start + 2] not in "上下及来后前内外"
        ):
            item_start += 1  # "建立以创新能力、质量、实效、贡献为导向的…"
        deng = text.rfind("等", item_start, first_end) if has_deng else -1
        if deng >= 0 and _is_list_deng(text, deng):
            item_start = deng + 1
        if _DEGREE_ADVERB.search(text, item_start, first_end):
            index += 1  # "办事系统更加便捷、高效、智慧": predicates of one subject
            continue
        spans: list[Span] = [(item_start, first_end)]
        joined = None
        if item_start - 1 > first_start and text[item_start - 1] in "和及与" and "的" not in text[item_start:first_end]:
            join = item_start - 2 if text.startswith("以及", item_start - 2) else item_start - 1
            joined = _joined_first_item(text, first_start, join)
        head: str | None = None
        attributive = False
        last = index + 1
        while last < len(segments):
            seg_start, seg_end = segments[last]
            deng = -1
            pos = text.find("等", seg_start, seg_end) if has_deng else -1
            while pos >= 0:
                if _is_list_deng(text, pos):
                    deng = pos
                    break
                pos = text.find("等", pos + 1, seg_end)
            if deng > seg_start:
                spans.extend(_split_joined(text, seg_start, deng))
                head = _head_after(text, deng + 1, cend)
                break  # the next list may start in this segment ("…等产业和D、E、F等…")
            final = (
                last == len(segments) - 1
                or seg_end - seg_start > _MAX_ITEM
                or seg_end == seg_start
                # "…优势产业增加值分别增长6.8%"; but "培育壮大经营主体、教育…等" goes on to 等
                or _has_inner_verb(text, seg_start, seg_end)
                and not (has_deng and _deng_follows(text, segments, last))
            )
            if not final:
                spans.append((seg_start, seg_end))
                last += 1
                continue
            quantity = _quantity_pattern().search(text, seg_start + 1, seg_end)
            if quantity and text[quantity.start() - 1] in _NUMERALS:
                quantity = None  # the count opening the item ("28个全国重点实验室"), not a terminating total
            if quantity and quantity.group()[0] not in "一若多":
                spans.extend(_split_joined(text, seg_start, quantity.start()))
                head = _head_after(text, quantity.start(), cend)
            else:
                cut = _cut_at_verb(text, seg_start, seg_end)
                digit = _DIGIT.search(text, seg_start + 2, cut)
                if digit:  # the list is what a quantity measures: "…、光伏发电量占比达43.3%"
                    shared = _SHARED_MEASURE.fullmatch(text, seg_start, digit.start())
                    cut = shared.end(1) if shared else digit.start()
                elif measure := _SHARED_MEASURE_NOUN.search(text, seg_start + 2, cut):
                    cut = measure.start()  # "…、战略性新兴产业比重大幅提升"
                attributive = "的" in text[cut : min(seg_end, cut + 8)]
                for word in ("方面", "领域"):
                    pos = text.find(word, seg_start + 2, seg_end)
                    after = pos + len(word)
                    if 0 <= pos < cut and (after >= cut or _stop_pattern().match(text, after, seg_end)):
                        cut, head, attributive = pos, word, False
                        break
                spans.extend(_split_joined(text, seg_start, cut))
            break
        if len(spans) < 3:  # too short for a list, whatever the cleaning below does
            index = max(last, index + 1)
            continue
        spans = _balance_quotes(text, spans)
        if head is None and spans:
            last_start, last_end = spans[-1]
            for word in ("方面", "领域"):
                if text.endswith(word, last_start, last_end) and last_end - last_start >= len(word) + 2:
                    spans[-1] = (last_start, last_end - len(word))
                    head = word
                    break
        if head is None:
            spans = _strip_shared_tail(text, spans)
        cleaned = _strip_item_counts(text, [_clean_span(text, s, e) for s, e in spans])
        if head is None:
            cleaned, head = _shared_name_head(text, cleaned)
        if joined and len(cleaned) >= 3:  # "推动农业适度规模经营和区域化布局、标准化生产、…": both are items
            cleaned.insert(0, joined)
        items = [text[s:e] for s, e in cleaned]
        if items and (len(items[0]) > _MAX_ITEM or _BARE_NUMERAL.fullmatch(items[0])):
            # (a heading's number, "二、“十五五”时期主要目标和重大举措", is no item either)
            cleaned, items = cleaned[1:], items[1:]
        if items and _inside_quoted_name(text, cleaned[0][0], cleaned[-1][1]):
            items = []  # “四化同步、城乡融合、五区共兴”发展战略: a programme's name
        if not attributive and _looks_nominal(items):
            found.append(Enumeration(head, items, (cleaned[0][0], cleaned[-1][1]), cleaned))
        index = max(last, index + 1)
    return found


def _joined_first_item(text: str, start: int, join: int) -> Span | None:
    """The nominal item before a 和 that joins it to a 、-list ("推动A和B、C、D" → A), if any."""
    item_start = _first_item_start(text, start, join)
    item = text[item_start:join]
    if text[join - 1 : join + 1] in _WORDS_WITH_JOINS or text[join : join + 2] in _WORDS_WITH_JOINS:
        return None  # 参与, 普及, 及时: the join is inside a word
    if not 3 <= len(item) <= 12 or "的" in item or item.endswith(_CLAUSE_ENDINGS) or not item.isalpha():
        return None
    if _stop_pattern().search(text, item_start, join) or _DIGIT.search(item):
        return None
    return _clean_span(text, item_start, join)


def _strip_item_counts(text: str, spans: list[Span]) -> list[Span]:
    """Drop the count opening every item: "10个国家大科学装置、5个国家技术创新中心、…" lists the nouns."""
    if len(spans) < 3:
        return spans
    counts = [_LEADING_ITEM_COUNT.match(text, s, e) for s, e in spans]
    if not all(counts):
        return spans
    return [(m.end(), e) for m, (_, e) in zip(counts, spans, strict=True)]  # type: ignore[union-attr]


def _shared_name_head(text: str, spans: list[Span]) -> tuple[list[Span], str | None]:
    """Short items sharing a programme name carried by the last one: 大气、水、土壤污染防治行动计划 → the
    items 大气、水、土壤 and the head 污染防治行动计划."""
    if len(spans) < 3:
        return spans, None
    width = max(e - s for s, e in spans[:-1])
    start, end = spans[-1]
    if width > 2 or end - start < width + 5 or not text.endswith(_NAME_KEYWORDS, start, end):
        return spans, None
    return [*spans[:-1], (start, start + width)], text[start + width : end]


def _inside_quoted_name(text: str, start: int, end: int) -> bool:
    """Is text[start:end] a whole quotation followed by a programme keyword (“A、B、C”发展战略)?"""
    if start == 0 or text[start - 1] != "“" or not text.startswith("”", end):
        return False
    if "“" in text[start:end] or "”" in text[start:end]:
        return False
    return bool(_NAME_AFTER_QUOTE.match(text, end + 1, end + 8))


def _strip_shared_tail(text: str, spans: list[Span]) -> list[Span]:
    """Drop a verb noun that governs the whole list from its last item ("…和高技能人才培养")."""
    if len(spans) < 2:
        return spans
    start, end = spans[-1]
    others = [text[s:e] for s, e in spans[:-1]]
    for word in _SHARED_TAILS:
        if text.endswith(word, start, end) and end - start - len(word) >= 2:
            if not any(item.endswith(_SHARED_TAILS) for item in others):
                spans[-1] = (start, end - len(word))
            break
    return spans


def _balance_quotes(text: str, spans: list[Span]) -> list[Span]:
    """Drop what lies outside a quotation or bracket that opens in the first item or closes in the last."""
    if not spans:
        return spans
    for opener, closer in (("“", "”"), ("（", "）"), ("(", ")")):
        first_start, first_end = spans[0]
        opening = text.rfind(opener, first_start, first_end)
        if opening >= 0 and text.find(closer, opening, first_end) < 0:
            spans[0] = (opening + 1, first_end)
        last_start, last_end = spans[-1]
        closing = text.find(closer, last_start, last_end)
        if closing >= 0 and text.rfind(opener, last_start, closing) < 0:
            spans[-1] = (last_start, closing)
    return spans


@cache
def _quoted_pair_joined_pattern() -> re.Pattern[str]:
    # two quoted names and a joined last item: 用好“两重”“两新”和新型政策性金融工具
    return re.compile(r"(?<!”)(?:“[^“”\n、，。]{1,12}”){2}(?:以及|和|及|与)(?=[^“”，。；：、\n]{2})")


def _quoted_lists(text: str) -> list[Enumeration]:
    """Runs of three or more adjacent quoted names: “科创投”“科创贷”“科创券”; two and a joined item."""
    found = []
    for match in _quoted_pair_joined_pattern().finditer(text):
        spans = _quoted_spans(text, match.start(), match.end() - 1 - (match.group().endswith("以及")))
        clause = _clause_pattern().match(text, match.end(), min(len(text), match.end() + _MAX_ITEM + 1))
        if not clause or "、" in text[match.end() : clause.end() + 1][:1]:
            continue
        end = _cut_at_verb(text, match.end(), clause.end())
        if end - match.end() < 2 or end - match.end() > _MAX_ITEM or text.startswith("、", clause.end()):
            continue
        spans.append((match.end(), end))
        items = [text[a:b] for a, b in spans]
        found.append(Enumeration(None, items, (spans[0][0], spans[-1][1]), spans))
    for match in _quoted_run_pattern().finditer(text):
        spans = _quoted_spans(text, match.start(), match.end())
        items = [text[s:e] for s, e in spans]
        head = None
        if text.startswith("等", match.end()):
            window_end = min(len(text), match.end() + 1 + _MAX_HEAD_WINDOW)
            clause = _clause_pattern().match(text, match.end() + 1, window_end)
            if clause:
                head = _head_after(text, match.end() + 1, clause.end())
        found.append(Enumeration(head, items, (spans[0][0], spans[-1][1]), spans))
    return found


def _quoted_spans(text: str, start: int, end: int) -> list[Span]:
    """Spans of the quoted names (inside the quotes) of the run text[start:end]."""
    spans = []
    pos = start
    while pos < end:
        close = text.index("”", pos + 1)
        spans.append((pos + 1, close))
        pos = close + 1
    return spans


def extract_enumerations(doc: Document) -> list[Enumeration]:
    """Lists of three or more parallel nominal items in `doc.text`, with their head noun."""
    text = doc.text
    found: list[Enumeration] = []
    # only clauses holding a 、 can hold a list: find them from the 、 (the clauses of _clause_pattern)
    breaks, listing = _clause_break_pattern(), _list_clause_pattern()
    match = listing.search(text)
    while match:
        after = breaks.search(text, match.end())
        end = after.start() if after else len(text)
        found.extend(_lists_in_clause(text, match.start(1), end))
        match = listing.search(text, end)
    found.extend(_quoted_lists(text))
    found.sort(key=lambda e: e.span)
    return found
