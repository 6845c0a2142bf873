"""Named programmes: 《…》 titles, “…”-quoted and plain names ending in 行动, 计划, 工程, 方案 …"""

from __future__ import annotations

import re
from functools import cache

from ..document import Document, Program, Span

# name endings and the programme kind they give; longer endings first
SUFFIX_KINDS = {
    "专项行动计划": "plan",
    "行动计划": "plan",
    "专项行动": "action",
    "实施方案": "scheme",
    "行动方案": "scheme",
    "工作方案": "scheme",
    "法草案": "regulation",
    "规划纲要": "plan",
    "行动": "action",
    "计划": "plan",
    "工程": "project",
    "方案": "scheme",
    "体系": "system",
    "试点": "pilot",
    "任务": "task",
    "战略": "strategy",
    "条例": "regulation",
    "规划": "plan",
    "纲要": "plan",
    "专项": "project",
    "清单": "document",
    "法": "regulation",
}
# verbs that govern a programme; compounds first so "聚力实施" wins over "实施"
PROGRAM_VERBS_TEXT = (
    "聚力实施 着力实施 全力实施 启动实施 组织实施 制定实施 制定修订 修订完善 贯彻落实 启动建设 发展壮大 研究制定 健全完善 "
    "出台 实施 开展 完成 构建 启动 制定 推进 推动 落实 印发 发布 编制 深化 建设 打造 组织 执行 部署 "
    "建立 健全 完善 谋划 推出 争取 创建 申报 开启 做实 推行 实行 修订 审议 通过 贯彻 抓好 做好 办好 "
    "用好 入选 获批 纳入 争创 承担 参与 批准 实现 加强 扩大 攻坚 优化 培育 壮大 建成 重塑 重构 公布 "
)
PROGRAM_VERBS = frozenset(PROGRAM_VERBS_TEXT.split())
# adverbs and function words a plain name never reaches back over
_STOP_WORDS_TEXT = (
    "的 在 对 把 将 为 从 向 是 了 以及 等 或者 "
    "加快 深入 大力 持续 全面 扎实 积极 稳步 有序 继续 进一步 加力 "
    "一批 一系列 各类 各项 这个 这项 这些 那些 该 本 此 上述 聚焦 围绕 形成 加强 发挥 融入 提供 加大 提高 "
    "我省 我市 我区 我国 进入 应当 可以 按照 符合 拟订 相关 坚持 根据 依据 依照 鼓励和支持 鼓励 进行 成为 作为 "
)
# prepositions that refer to a document: "按照全市智慧城市发展规划" names a plan as 编制/实施 do
_REFERENCE_WORDS = frozenset({"按照", "根据", "依据", "依照", "符合"})
# a determiner a name does not include but its verb reaches over ("完善相关标准体系"); plural ones
# (一批, 各类) make the object a kind of programme, not a name
_DETERMINERS = frozenset({"相关"})
_SCOPE_PREFIX = re.compile(r"^(?:全|本|我)(?:国|省|市|区|县)")
# one-character stop words and the characters before/after them that make an ordinary word instead
_INSIDE_WORDS = {
    "等": ("高平同对均相中初特", "级同额"),
    "本": ("资成基根版样文日课剧账标脚原治固务民范蓝副读股", ""),
    "在": ("存现所实", "线"),
    "向": ("面导方双转走取定动", ""),
    "为": ("作行成认因", ""),
    "了": ("为", "解"),
    "的": ("目", "确"),
    "把": ("", "握"),
    "对": ("面应核相比绝", "标接口应比照外话称策象待齐"),
    "将": ("", "来"),
}
# joins that end a name only where a previous programme ends ("实施A计划和B计划")
_JOINS = "、和及与"
_GENERIC_TAILS = ("目标任务", "主要任务", "各项任务", "工作任务", "下达任务", "交办任务", "解决方案")
_NAME_BREAKS = "，。；：！？\n（）()《》「」 　"
_AFTER_OK = "，。；：！？、）)”’\n和及与等的"
_AFTER_WORDS = ("城市", "建设")
# head nouns a keyword may precede and still end the name (before a break, 所 or a count): the
# projects of a plan or pilot (重点研发计划项目), the system around a list (负面清单制度); 工程项目 and
# 战略项目 are ordinary compounds ("construction/strategic projects")
# the tasks or targets of a plan, action or pilot (…深化提升行动任务, …三年行动目标) too; 战略目标 and
# 工程任务 are ordinary compounds ("strategic goal", "engineering task")
# the funds or the standard of a plan or project (学生营养改善计划补助标准), a strategy's basis (扩大内需战略基点)
_AFTER_HEAD = re.compile(
    r"(?<=计划|试点|专项)项目(?:建设)?|(?<=清单)制度|(?<=行动|计划|规划|试点|方案)(?:任务|目标)"
    r"|(?<=计划|工程)(?:补助|补贴|资金)(?:标准)?|(?<=战略)基点|(?<=体系)效能"
    r"|(?<=计划|工程|行动|试点)(?:带动|引领|示范|牵引)?作用"  # (not 战略: 发挥…战略牵引作用 is an adjective)
    # how a programme is doing: …提质升级行动成效明显, …试点进度加快
    r"|(?<=行动|计划|工程|试点|战略|方案|规划)(?:成效|效果|质效|进度|力度)"
)
_AFTER_HEAD_END = re.compile(r"[，。；：！？、）)”\n和及与等的所\d]|明显|显著|突出|良好|不断|持续|稳步|大幅|进一步|加快")
# generic nouns a keyword may be followed by and still end the name: …算力网试点工作
_AFTER_NOUN = re.compile(r"工作(?=[，。；：！？、\n和及与等的])")
# a predicate after the object of a programme verb: "推动构建现代化产业体系取得更大成效"
_PREDICATE_AFTER = re.compile(r"取得|见到|见效|实现|落地|走在|迈出|再上|开创|全面|基本|初步|成为")
_DIGITS = re.compile(r"\d")
# an extent (not a date, not a count of instances) right after a keyword: "…防护工程3万公里"; a count
# ("供水工程1492处", "“先投后股”试点22项") makes the keyword a kind of project, not a name
_AMOUNT_AFTER = re.compile(r"[\d.]+[万亿千百]?(?![年月日号\d.个处座项批家所条台套件次])[\u4e00-\u9fff]")
# how many of a governed programme: 实施规模化技改试点15个左右 (without the verb, “先投后股”试点22项
# counts instances of a kind)
_COUNT_AFTER = re.compile(r"\d+(?:个|项|家|批)(?:左右|以上)?(?=[，。；])")
# the 以X为Y frame: "以区域发展总体战略为基础" names X
_YI_WEI_AFTER = re.compile(r"为(?:基础|引领|抓手|重点|核心|主线|牵引|总牵引|载体|依托|导向|统领|指导|主攻方向)")
# names that are only a generic modifier and a keyword: 重大工程, 重点任务, 各项改革任务
_GENERIC_NAME = re.compile(r"(?:重大|重点|重要|主要|各项|有关|相关|若干|新的|其他|其它|一般)+")
_MAX_NAME = 40
_NOUNS_AFTER_VERB_TEXT = "力度 水平 进度 情况 工作 效果 机制 范围 能力 质量 成效 方案 计划 中 的"
_NOUNS_AFTER_VERB = tuple(_NOUNS_AFTER_VERB_TEXT.split())
# stems that do not name a programme on their own ("提升行动", "三年行动计划")
_NON_NAME_STEM = re.compile(
    r"“?(?:[一二三四五六七八九十两\d]+年|提升|升级|攻坚|专项|示范|改造|提质|发展|创新|建设|推进|深化提升)”?"
)
# a stated amount means a target, not a name ("森林抚育提升200万亩任务"); years too
_QUANTITY_IN_NAME = re.compile(r"[%％]|\d{4}年|[\d.]+(?:万|亿|亩|公里|千米|平方|吨|户|家)")
_DOCUMENT_VERB = re.compile(r"(?:编制|制定|修订|出台|印发)[^，。；：！？\n]*的$")  # 制定面向未来的…规划
_ITEM_SPLIT = re.compile(r"、|和|及")
_FACILITY_END = re.compile(r"(?:高铁|铁路|城际|高速|公路|机场|港|水库|枢纽|大桥|隧道|电站|电厂|线|段)$")
_FACING_YEAR = re.compile(r"(?:面向\d{4}年)?")  # 面向2035年…规划: the year a plan looks to is part of its name
_COUNT_IN_NAME = re.compile(r"(?:\d{1,4}|[一二三四五六七八九十两]{1,3})(?:个|批|项)")
_COUNT_BEFORE = re.compile(r"(?:\d{1,4}|[一二三四五六七八九十两]{1,3})(?:个|批|项)$")
# stems that make a keyword a kind or a period, not a name: 阶段性任务, “十四五”任务, 2025年任务
_GENERIC_STEM = re.compile(r".{0,30}性|十[一二三四五六七八九]五|\d{4}年?|[今明]年")
_MIN_SUBJECT_STEM = 4
_COUNT_VERBS = frozenset({"新增", "新建", "新设", "获评", "确定"})
# verbs that open a name's own verb-object stem (扩大内需战略, 深化…改革试点) when another verb governs it
_INNER_VERBS = frozenset({"扩大", "加强", "优化", "培育", "壮大", "深化"})
# a designation verb, then a scope word before the verb opening a name: 入选国家级深化…试点
_SELECTION_BEFORE = re.compile(r"(入选|获批|纳入|争创|申报)((?:国家|省|市|区|县)级?)$")
# the end of a list (、, or 等 and a count) right before a name
_LIST_BEFORE = re.compile(r"(?:、|等(?:\d{1,4}|[一二三四五六七八九十两]{1,3})?(?:个|批|项|大|类)?)$")
# a count verb and a count opening a clause: 新增22个…试点
_LEAD_COUNT_VERB = re.compile(r"(新增|新建|新设|获评|获批|入选)(?:\d{1,4}|[一二三四五六七八九十两]{1,3})(?:个|批|项)")
_COUNT_VERBS_RE = re.compile("|".join(sorted(_COUNT_VERBS)) + "|设立|公布|发行|新发行|抢抓|运用|强化|整县")
# keywords that end a name standing as a clause's subject ("…找矿突破战略行动探获…"); 战略, 专项,
# 体系 … are too often the first half of a longer noun (战略支撑, 专项债) there
_SUBJECT_SUFFIXES = frozenset({"行动", "工程", "计划", "试点", "行动计划", "专项行动"})
# prepositions and pronouns that never open a name
_NOT_NAME_START = "以比据按随经由我其这该"
# a quoted name opening with a count sums up what precedes it: “三大战略”, “两个行动”
_COUNT_NAME = re.compile(r"[一二三四五六七八九十两\d]{1,3}[大个项条]")
_LEADING_COUNT = re.compile(r"(?:\d{1,4}|[一二三四五六七八九十两]{1,3})(?:个|批|类)|首批|一批|部分")
# verbs that also end programme names ("…发展实施方案", "…建设工程", "…攻坚行动")
_NAME_VERBS_TEXT = "实施 建设 攻坚 推进 深化 打造 执行 构建 创建 提升 优化 培育"
_NAME_VERBS = frozenset(_NAME_VERBS_TEXT.split())
# words before 法 that make an ordinary word (办法, 执法), not a law's name
_NOT_LAW_TEXT = "方 办 执 依 合 违 立 司 做 想 说 用 算 手 语 书 写 玩 打 看 技 文 章 兵 战 疗 治"
_NOT_LAW = tuple(_NOT_LAW_TEXT.split())
# words a 《…》 title of a policy document contains (films and books are not programmes)
_TITLE_WORDS = (
    "法", "条例", "规定", "办法", "意见", "通知", "方案", "计划", "规划", "纲要", "决定", "决议", "报告", "清单",
    "目录", "指南", "标准", "细则", "措施", "政策", "公约", "协定", "宣言", "战略", "分类", "纪要", "白皮书",
    "行动", "工程", "体系", "制度", "准则", "守则", "章程", "批复", "通告", "公告", "若干", "指引", "要点",
)  # fmt: skip


@cache
def _suffix_pattern() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, SUFFIX_KINDS)))


@cache
def _verb_pattern() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(PROGRAM_VERBS, key=len, reverse=True))))


@cache
def _boundary_pattern() -> re.Pattern[str]:
    words = PROGRAM_VERBS | set(_STOP_WORDS_TEXT.split())
    alternatives = "|".join(map(re.escape, sorted(words - set(_INSIDE_WORDS), key=len, reverse=True)))
    # one-character function words, not inside an ordinary word (高等, 资本, 在线, 面向, 行为 …)
    inside = "|".join(
        char + (f"(?<![{before}]{char})" if before else "") + (f"(?![{after}])" if after else "")
        for char, (before, after) in _INSIDE_WORDS.items()
    )
    # the set of first characters, tested first, skips most positions at once
    firsts = re.escape("".join(sorted({word[0] for word in words} | set(_NAME_BREAKS) | {"”"})))
    return re.compile(rf"(?=[{firsts}])(?:[{re.escape(_NAME_BREAKS)}]|”(?=“)|{alternatives}|{inside})")


@cache
def _last_break_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?s).*[{re.escape(_NAME_BREAKS)}]")


@cache
def _title_pattern() -> re.Pattern[str]:
    return re.compile(r"《([^《》\n]{1,100})》")


@cache
def _after_verb_pattern() -> re.Pattern[str]:
    adverbs = "加快|深入|全面|扎实|持续|稳步|有序|正式|顺利|加速|大力|不断|逐步|日益|进一步|更加|基本|初步|如期"
    # a project's milestones (…引水工程试通水, …南排工程投运, …治理工程全面贯通) are its verbs as much as 建成 is;
    # 形成 only with an adverb of completion (…规划体系基本形成)
    milestones = "建成通水|建成投运|建成通车|试通水|通水|通车|贯通|投运|投产|竣工|开工建设|开工"
    return re.compile(
        rf"(?:{adverbs})?({milestones}|启动实施|启动建设|实施|推进|开展|落实|启动|完成|构建|建设|建成|印发|出台|完善|健全|建立"
        r"|(?<=基本|初步)形成)"
    )


@cache
def _package_pattern() -> re.Pattern[str]:
    # quoted policy packages: 出台“18条”, 稳增长“21条”
    return re.compile(r"“[^“”\n]{0,6}?[0-9一二三四五六七八九十]{1,3}条”")


_SUFFIX_LENGTHS = sorted({len(suffix) for suffix in SUFFIX_KINDS}, reverse=True)


def _kind(name: str) -> str:
    core = name.rstrip("”")
    for length in _SUFFIX_LENGTHS:  # the longest ending wins, as in SUFFIX_KINDS' order
        kind = SUFFIX_KINDS.get(core[-length:])
        if kind:
            return kind
    return "action"


def _verb_before(text: str, pos: int) -> str | None:
    """The programme verb ending exactly at `pos` (the longest, "聚力实施" over "实施"), if any."""
    for length in (4, 3, 2):
        if pos - length >= 0 and text[pos - length : pos] in PROGRAM_VERBS:
            return text[pos - length : pos]
    return None


def _clause_verb(text: str, pos: int) -> str | None:
    """The first programme verb of the clause ending at `pos` ("加快构建从…到…的全链条服务体系" → 构建)."""
    start = pos
    while start > 0 and pos - start < _MAX_NAME and text[start - 1] not in "，。；：！？\n":
        start -= 1
    match = _verb_pattern().search(text, start, pos)
    return match.group() if match else None


def _inside_quote(text: str, start: int, pos: int) -> bool:
    """Is `pos` inside a “…” that opened after `start`?"""
    segment = text[start:pos]
    return segment.count("“") > segment.count("”")


def _name_start(text: str, suffix_start: int, program_ends: set[int], quoted: bool) -> tuple[int, str | None]:
    """Left end of a plain name ending at `suffix_start`, and the boundary word found there.

    A name runs back to punctuation, a verb or a function word; it may hold 、 and 和 ("A、B和C融合
    试点") unless a programme ends there or the name is a quoted item ("“A”、“B行动”").
    """
    window_start = max(0, suffix_start - _MAX_NAME)
    # quotes are balanced within the clause, not across a long quotation
    last_break = _last_break_pattern().match(text, window_start, suffix_start)
    if last_break:
        window_start = last_break.end() - 1
    cuts: list[tuple[int, str | None]] = [(0, None)] if window_start == 0 else []
    has_quote = "“" in text[window_start:suffix_start]
    for match in _boundary_pattern().finditer(text, window_start, suffix_start):
        word = match.group()
        if word[0] in _NAME_BREAKS or not has_quote or not _inside_quote(text, window_start, match.end()):
            cuts.append((match.end(), word))
    for join in _JOINS:
        pos = text.find(join, window_start, suffix_start)
        while pos >= 0:
            if pos in program_ends or quoted and join == "、":
                cuts.append((pos + 1, join))
            pos = text.find(join, pos + 1, suffix_start)
    cuts.sort()
    while cuts:
        cut, word = cuts[-1]
        stem = text[cut:suffix_start]
        # a verb right before the suffix belongs to the name ("发展实施方案", "建设工程"), and so does
        # one before a stem that is no name by itself ("…创新提升三年行动", "…优化升级行动")
        breaks = bool(word) and word[0] in _NAME_BREAKS
        if (len(stem) < 2 and word in _NAME_VERBS) or (not breaks and _NON_NAME_STEM.fullmatch(stem)):
            cuts.pop()
            continue
        break
    if not cuts or suffix_start - cuts[-1][0] < 1:
        return -1, None
    return cuts[-1]


def _after_list(text: str, start: int, end: int, boundary: str | None) -> tuple[int, str | None]:
    """Without a governing verb, A、B、C工程 is a list of names: the last one starts after the last 、."""
    for pos in range(end - 1, start - 1, -1):
        if text[pos] == "、" and not _inside_quote(text, start, pos):
            return pos + 1, "、"
    return start, boundary


def _adjacent_quotes(text: str, start: int) -> tuple[int, str | None]:
    """“人工智能+”“数据要素×”行动: quoted stems side by side share the keyword after the last one;
    the name starts at the first quote, governed by the verb before it."""
    while text[start - 1 : start] == "”":
        opening = text.rfind("“", max(0, start - 14), start - 1)
        if opening < 0 or "”" in text[opening : start - 1]:
            break
        start = opening
    return start, _verb_before(text, start) or (text[start - 1] if start else None)


def _after_head(text: str, pos: int) -> bool:
    """Does a noun of the programme itself follow its keyword at `pos` (…计划项目, …计划补助标准)?"""
    head = _AFTER_HEAD.match(text, pos)
    return head is not None and _AFTER_HEAD_END.match(text, head.end()) is not None


def _last_named_item(text: str, start: int, suffix_start: int) -> int:
    """推进A高铁、B高铁和C特高压工程: when the earlier items are facilities named in full, the verb
    governs a list of names and the programme is the last item (not "A、B和C融合试点", one name)."""
    if "、" not in text[start:suffix_start] or "“" in text[start:suffix_start]:
        return start
    items = _ITEM_SPLIT.split(text[start:suffix_start])
    if len(items) < 3 or not all(_FACILITY_END.search(item) for item in items[:-1]) or len(items[-1]) < 2:
        return start
    return suffix_start - len(items[-1])


def _quoted_stem(name: str, suffix: str) -> bool:
    """Is the name a quoted stem directly followed by the keyword (“十四五”规划)?"""
    return name.startswith("“") and name.endswith("”" + suffix)


def _whole_quote(text: str, pos: int) -> int:
    """Where the “ opens that makes text[…:pos] plus its keyword one quoted name (“…工程”), or -1."""
    start = max(0, pos - _MAX_NAME)
    quote = text.rfind("“", start, pos)
    if quote < 0 or pos - quote < 3 or any(ch in _NAME_BREAKS or ch in "”、，" for ch in text[quote + 1 : pos]):
        return -1
    return quote


def _ends_list(text: str, pos: int) -> bool:
    """Does a 、-list of the clause end at `pos`?"""
    start = pos
    while start > 0 and pos - start < _MAX_NAME and text[start - 1] not in "，。；：！？\n":
        start -= 1
    return "、" in text[start:pos]


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _count_start(text: str, start: int) -> int:
    """Start of the count ("4个") that ends at `start`, or `start`."""
    match = _COUNT_BEFORE.search(text[max(0, start - 6) : start])
    return start - len(match.group()) if match else start


def _after_selection(text: str, start: int, boundary: str | None) -> tuple[int, str | None]:
    """A designation verb and a scope word before a verb: the verb is in the name ("入选国家级深化…改革试点")."""
    if boundary is None or boundary not in PROGRAM_VERBS:
        return start, boundary
    verb_start = start - len(boundary)
    if text[verb_start - 1 : verb_start] not in "级家省市区县":
        return start, boundary  # (the scope word's last character: a quick test first)
    selection = _SELECTION_BEFORE.search(text, max(0, verb_start - 10), verb_start)
    if selection is None or _boundary_pattern().search(text, selection.start(2), verb_start):
        return start, boundary
    return selection.start(2), selection.group(1)


def _after_count(
    text: str, start: int, suffix_start: int, boundary: str | None, previous: Program | None = None
) -> tuple[int, str | None]:
    """A count before the name marks where it starts, over any verb inside it: 新增4个服务业扩大开放综合试点.

    A count after 、 right behind the previous programme takes that programme's verb ("新增A试点、8个整县
    推进B试点"). Returns the new start and the verb before the count (None when nothing moves)."""
    if boundary is None or boundary not in PROGRAM_VERBS:
        return start, None
    window_start = max(0, start - len(boundary) - 16)
    counts = list(_COUNT_IN_NAME.finditer(text, window_start, start - len(boundary)))
    if not counts:
        return start, None
    count = counts[-1]
    between = text[count.end() : start - len(boundary)]
    if any(ch in _NAME_BREAKS or ch in "、，" for ch in between) or len(between) < 2:
        return start, None
    verb = _verb_before(text, count.start())
    if verb is None and text[count.start() - 2 : count.start()] in _COUNT_VERBS:
        verb = text[count.start() - 2 : count.start()]
    if verb is None and previous is not None and previous.verb and count.start() > 0:
        joined = text[count.start() - 1] in _JOINS and previous.span[1] + 1 >= count.start() - 1
        verb = previous.verb if joined else None
    return (count.end(), verb) if verb else (start, None)


def _title_programs(text: str) -> list[Program]:
    found = []
    for match in _title_pattern().finditer(text):
        if len(match.group(1)) >= 8 or any(word in match.group(1) for word in _TITLE_WORDS):
            verb = _verb_before(text, match.start())
            found.append(Program(match.group(1), "document", verb, (match.start(1), match.end(1))))
    return found


def _ending_ok(text: str, suffix: str, start: int, end: int) -> bool:
    """Does the keyword at text[start:end] end a name (not 办法, 专项债, 计划生育 …)?"""
    if suffix == "法":
        return not text.startswith(_NOT_LAW, start - 1) and end - start >= 1
    return True


def _mark(mask: bytearray, spans: list[tuple[int, int]]) -> None:
    for start, end in spans:
        mask[start:end] = b"\x01" * (end - start)


def _overlaps(mask: bytearray, start: int, end: int) -> bool:
    return mask.find(1, start, end) >= 0


def _plain_programs(text: str, blocked: bytearray, ranks: dict[Span, int]) -> list[Program]:
    """Names ending in a keyword; `ranks` gets how directly each is governed (0 = a verb before it)."""
    found: list[Program] = []
    program_ends: set[int] = set()
    suffix_re, after_verb_re = _suffix_pattern(), _after_verb_pattern()  # (looked up once, not per keyword)
    for match in suffix_re.finditer(text):
        suffix, (suffix_start, end) = match.group(), match.span()
        if blocked[suffix_start] or suffix_start in program_ends:
            continue  # (…行动任务: the tasks of the action just found)
        if suffix == "法" and not _ending_ok(text, suffix, suffix_start, end):
            continue
        closing_quote = text.startswith("”", end)
        after_pos = end + closing_quote
        after = text[after_pos] if after_pos < len(text) else "。"
        # (punctuation and particles after the keyword start no verb: the match is skipped)
        after_verb = None if after in _AFTER_OK else after_verb_re.match(text, after_pos)
        if after_verb and text.startswith(_NOUNS_AFTER_VERB, after_verb.end()):
            after_verb = None  # "…战略实施力度": 实施 starts another noun
        yi_wei = text.startswith("为", after_pos) and _YI_WEI_AFTER.match(text, after_pos)
        after_ok = (
            after in _AFTER_OK
            or (closing_quote and (after == "“" or after in " 　" and text.startswith("“", after_pos + 1)))
            or text.startswith(_AFTER_WORDS, after_pos)
            or _after_head(text, after_pos)
            or after_verb
            or yi_wei
            or _AFTER_NOUN.match(text, after_pos)
            or after == "并" and after_verb_re.match(text, after_pos + 1)  # …规划并推进实施
        )
        # the amount of a governed project follows it as its predicate: "实施农村公路安全生命防护工程3万公里"
        count_after = not after_ok and _COUNT_AFTER.match(text, after_pos) is not None
        amount_after = not after_ok and (_AMOUNT_AFTER.match(text, after_pos) or count_after)
        if not after_ok and not amount_after and (
            not _is_han(after) or suffix == "法" or after in "性化治" or suffix_re.match(text, after_pos)
        ):
            continue  # 战略性, 法治化, 战略|行动: the keyword is inside a longer word
        predicate_after = not after_ok and (_PREDICATE_AFTER.match(text, after_pos) or amount_after)
        # 在 + verb + object + 上/中 frames the object: "在实施创新驱动发展战略上奋起直追"
        locative = not after_ok and after in "上中" and _is_han(text[after_pos + 1 : after_pos + 2] or "。")
        quoted_stem = text.startswith("”", suffix_start - 1)
        # a whole quoted name “…工程” is a name whatever follows it: "“百县千镇万村高质量发展工程”实现…"
        whole_quote = _whole_quote(text, suffix_start) if closing_quote and not after_ok else -1
        if (
            not after_ok
            and not predicate_after
            and not locative
            and not quoted_stem
            and whole_quote < 0
            and suffix not in _SUBJECT_SUFFIXES
        ):
            continue  # (the test below, without finding the name's start)
        start, boundary = _name_start(text, suffix_start, program_ends, closing_quote)
        if start < 0 or count_after and boundary not in PROGRAM_VERBS:
            continue
        if yi_wei:  # "以区域发展总体战略为基础": the name follows 以
            yi = text.rfind("以", start, suffix_start)
            if yi < 0:
                continue
            start, boundary = yi + 1, None
        if quoted_stem and text.startswith("“", start) and text[start - 1 : start] == "”":
            start, boundary = _adjacent_quotes(text, start)
        if (
            boundary in _INNER_VERBS
            and start - len(boundary) - 1 in program_ends
            and text[start - len(boundary) - 1] == "、"
        ):
            # an item of a verb's object list opening with a verb of its own: "制定实施A法、优化营商环境条例"
            start, boundary = start - len(boundary), "、"
        elif boundary in _INNER_VERBS:
            # a verb of the name's own verb-object stem after the governing verb: "实施扩大内需战略",
            # "推进深化…改革…试点"; 坚持 governs as a stop word does; 通过 before a verb is "by (means of)"
            inner_start = start - len(boundary)
            outer = _verb_before(text, inner_start) or text[inner_start - 2 : inner_start] == "坚持" and "坚持"
            if outer and outer != "通过":
                start, boundary = inner_start, outer
            elif not outer and suffix == "战略" and 2 <= suffix_start - start <= 3:
                start, boundary = inner_start, None  # 扩大内需战略: a strategy is named by a verb-object stem
        if boundary in PROGRAM_VERBS:
            # a 面向… purpose phrase opens the name, verbs and all: "编制面向2035年基本实现现代化…规划"
            facing = text.rfind("面向", max(0, start - _MAX_NAME), start)
            outer = _verb_before(text, facing) if facing > 0 else None
            if outer and not any(ch in _NAME_BREAKS or ch in "、的" for ch in text[facing:start]):
                start, boundary = facing, outer
        # a programme verb's object followed by its predicate: "推动构建现代化产业体系取得更大成效"
        governed = predicate_after and boundary in PROGRAM_VERBS and not _DIGITS.search(text, start, suffix_start)
        if locative and boundary in PROGRAM_VERBS and "在" in text[max(0, start - len(boundary) - 3) : start - len(boundary)]:
            governed = True
        if whole_quote >= start and not governed:
            # the verb before it governs the noun the quoted name modifies ("建成“千万工程”示范村")
            start, governed = whole_quote, True
            boundary = text[start - 1] if start > 0 else None
        if not after_ok and not governed and quoted_stem and "“" in text[start : suffix_start]:
            # a quoted stem right before the keyword is the name, whatever follows: "“十四五”规划收官之年";
            # a plain noun modifier between a programme verb and the quote stays: 纳入高等学校设置“十四五”规划…
            quote = text.rfind("“", start, suffix_start)
            if not (boundary in PROGRAM_VERBS and 2 <= quote - start <= 12 and all(map(_is_han, text[start:quote]))):
                start = quote
            governed = True
            boundary = _verb_before(text, start) or (text[start - 1] if start > 0 else None)
        # without a break after it, a name must open its clause: the subject of what follows ("…引水工程试通水")
        opens_clause = boundary is None or boundary[0] in _NAME_BREAKS
        if not after_ok and not governed and (
            not opens_clause
            or suffix not in _SUBJECT_SUFFIXES
            or suffix_start - start < _MIN_SUBJECT_STEM
            or text[start] in _NOT_NAME_START
            or _COUNT_VERBS_RE.match(text, start)
        ):
            continue
        start, boundary = _after_selection(text, start, boundary)
        previous = found[-1] if found else None
        start, counted_verb = _after_count(text, start, suffix_start, boundary, previous)
        if counted_verb is None and (boundary is None or boundary[0] in _NAME_BREAKS):
            # a clause opening with a count verb and a count: "新增22个新型城镇化建设试点"
            lead_count = _LEAD_COUNT_VERB.match(text, start, suffix_start)
            if lead_count:
                start, counted_verb = lead_count.end(), lead_count.group(1)
        if counted_verb is not None:
            boundary = counted_verb or None
        list_verb = None
        determiner = boundary if boundary in _DETERMINERS else ""
        if determiner and _verb_before(text, start - len(determiner)):
            # a determiner between the verb and the name passes the verb on: "完善相关标准体系"
            boundary = _verb_before(text, start - len(determiner))
        item_start = start
        if boundary in PROGRAM_VERBS and after == "、" and not closing_quote and counted_verb is None:
            # a keyword before 、 ends one item of the verb's object list: "推进A、B、C体系、D…" → C体系
            item_start, _ = _after_list(text, start, suffix_start, boundary)
        elif boundary in PROGRAM_VERBS:
            item_start = _last_named_item(text, start, suffix_start)
        if item_start > start:  # the verb opening the list governs its last item
            list_verb = _verb_before(text, start)
            start, boundary = item_start, "、"
        if boundary is None or boundary not in PROGRAM_VERBS:
            start, boundary = _after_list(text, start, suffix_start, boundary)
        if closing_quote:
            if text.count("“", start, end) <= text.count("”", start, end):
                continue
            end += 1
            opening = text.rfind("“", start, end)
            if opening > start and _COUNT_NAME.match(text, opening + 1) and _ends_list(text, opening):
                start = opening  # "A、B、长江经济带发展“三大战略”": the quoted count sums up a list
        verb_pos = start - len(determiner) if counted_verb is None else _count_start(text, start)
        lead = _LEADING_COUNT.match(text, start, end)
        if lead:
            start = lead.end()
        quoted_name = "“" in text[start:end]
        if text[start] == "“" and text[end - 1] == "”" and text.count("“", start, end) == 1:
            start, end = start + 1, end - 1
        name = text[start:end]
        if name.count("“") != name.count("”"):
            continue  # a quote opened or closed outside the name ("出台“…清单16条”")
        core = name.strip("“”")
        if len(core) <= len(suffix) or name[0] == "、" or core.endswith(_GENERIC_TAILS) or _QUANTITY_IN_NAME.search(name, _FACING_YEAR.match(name).end()):
            continue
        if suffix == "任务" and _GENERIC_STEM.fullmatch(core[: -len(suffix)].strip("“”")):
            continue  # 阶段性任务, “十四五”任务: a kind or a period, not a name
        if suffix == "法" and len(core) < 5:
            continue
        # the next item of a list whose previous programme is right before it: "编制A规划、B规划"
        # (or a space between quoted names: 实施“A计划” “B工程”)
        shares = bool(found) and (
            boundary in (*_JOINS, "”") and found[-1].span[1] >= start - 2
            or boundary in (" ", "　") and text[found[-1].span[1] : start].strip(" 　“”") == ""
        )
        if suffix == "规划":
            # 规划 is as often a verb ("统一规划") as a plan's name: a name needs a programme verb or a
            # preposition referring to a document before it (or a listed plan), or a quoted stem (“十四五”规划)
            plan_governed = (
                boundary in PROGRAM_VERBS
                or boundary == "的" and _DOCUMENT_VERB.search(text, max(0, start - _MAX_NAME), start) is not None
                or boundary in _REFERENCE_WORDS
                or shares and found[-1].name.endswith("规划") and (found[-1].verb or boundary in "、和及与")
            )
            if not plan_governed and not _quoted_stem(name, suffix) or len(core) < 4:
                continue
            stem = core[: -len(suffix)]
            if after in "、和及与" and (not plan_governed or len(stem) < 3 or _NON_NAME_STEM.fullmatch(stem)):
                continue  # "统一规划、统一建设", "专项规划和…": a verb or a kind in a list
        if _GENERIC_NAME.fullmatch(core[: -len(suffix)]):
            continue  # 重大工程, 重点任务: a kind of programme, not a name
        verb = _verb_before(text, verb_pos) if boundary and boundary in PROGRAM_VERBS else None
        if counted_verb:
            verb = counted_verb
        rank = 0 if verb else 3
        if verb is None and list_verb:
            verb, rank = list_verb, 2
        if verb is None and shares:
            verb, rank = found[-1].verb, 2
        if after_verb and (verb is None or after_verb.group() == "建设" and suffix == "体系"):
            verb, rank = after_verb.group(1), 1  # "推进现代化产业体系建设": the system's own verb is 建设
        if verb is None and boundary == "的":
            verb, rank = _clause_verb(text, verb_pos), 2
        long_stem = len(core) - len(suffix) >= 3 or quoted_name  # ("等6大行动" sums up a list, no name)
        if verb is None and long_stem and _LIST_BEFORE.search(text, max(0, verb_pos - 6), verb_pos):
            # an item or the head of an object list takes the verb opening the list: "推进A、B、“C行动”等工程"
            verb, rank = _clause_verb(text, verb_pos), 2
        if len(core) - len(suffix) < 3 and verb is None and not quoted_name:
            continue
        if suffix == "体系" and verb is None:
            continue  # a 体系 is a programme as the object of a build verb ("构建现代化产业体系")
        found.append(Program(name, _kind(name), verb, (start, end)))
        ranks[(start, end)] = rank if verb else 3
        program_ends.add(end if not text.startswith("”", end) else end + 1)
    return found


def _package_programs(text: str, blocked: bytearray) -> list[Program]:
    """Quoted policy packages named by their count of articles: 稳增长“21条”."""
    found = []
    for match in _package_pattern().finditer(text):
        start, end = match.span()
        if _overlaps(blocked, start, end):
            continue
        prefix = start
        while prefix > 0 and start - prefix < 6 and "\u4e00" <= text[prefix - 1] <= "\u9fff":
            prefix -= 1
        cut = max((m.end() for m in _boundary_pattern().finditer(text, prefix, start)), default=prefix)
        verb = _verb_before(text, cut)
        if verb is None and found and found[-1].span[1] == start:
            verb = found[-1].verb  # 出台稳增长“21条”“18条”
        if verb in ("出台", "印发", "发布", "制定", "实施", "落实"):
            found.append(Program(text[cut:end], "document", verb, (cut, end)))
    return found


@cache
def _listed_pattern() -> re.Pattern[str]:
    verbs = _verb_pattern().pattern
    item = r"[^、，。；：！？\n“”《》（）\d]{2,16}"
    suffixes = "条例|办法|规定|法"  # laws and regulations (not 工程: "A、B等工程" names fields of work)
    return re.compile(rf"(?:{verbs})((?:{item}、){{1,30}}{item})等({suffixes})(?=[，。；：、）\n])")


def _listed_programs(text: str, taken: bytearray) -> list[Program]:
    """A verb's list of law names sharing one keyword after 等: "制定实施A、B、C等条例" is A条例, B条例 and
    C条例 (each spanning its own item, the part of the text that names it)."""
    found = []
    for match in _listed_pattern().finditer(text):
        suffix = match.group(2)
        verb = _verb_before(text, match.start(1))
        position = match.start(1)
        for item in match.group(1).split("、"):
            start, end = position, position + len(item)
            position = end + 1
            if _overlaps(taken, start, end) or _GENERIC_NAME.fullmatch(item) or len(item) + len(suffix) < 5:
                continue  # (减税、降费等办法, 教育、科技等法: kinds of rules, not names)
            found.append(Program(item + suffix, "regulation", verb, (start, end)))
    return found


def _campaign_programs(text: str, taken: bytearray) -> list[Program]:
    """Campaigns named as the object of 开展: "开展新一轮大规模技术改造"."""
    found = []
    # (the literal 开展 opens the pattern, rather than a look-behind, so that it is searched for at once)
    pattern = r"开展((?:新一轮|大规模)[^，。；：！？、\n“”《》]{2,14}?)(?=[，。；：！？、\n])"
    for match in re.finditer(pattern, text):
        start, end = match.span(1)
        if not _overlaps(taken, start, end):
            found.append(Program(match.group(1), "action", "开展", (start, end)))
    return found


def extract_programs(doc: Document) -> list[Program]:
    """Named programmes, plans, projects, pilots, strategies and documents in `doc.text`."""
    text = doc.text
    titles = _title_programs(text)
    taken = bytearray(len(text) + 1)  # characters inside programmes found so far
    _mark(taken, [(p.span[0] - 1, p.span[1] + 1) for p in titles])
    ranks: dict[Span, int] = {p.span: 0 if p.verb else 3 for p in titles}
    plain = _plain_programs(text, taken, ranks)
    _mark(taken, [p.span for p in plain])
    packages = _package_programs(text, taken)
    _mark(taken, [p.span for p in packages])
    listed = _listed_programs(text, taken)
    _mark(taken, [p.span for p in listed])
    found = titles + plain + packages + listed + _campaign_programs(text, taken)
    found.sort(key=lambda p: p.span)
    # one entry per distinct name: its most directly governed mention ("实施X" over "X持续推进"), then the first
    # a name with and without the scope word of the document's own area is one programme (全市X规划, X规划)
    unique: dict[str, Program] = {}
    for program in found:
        key = _SCOPE_PREFIX.sub("", program.name)
        key = key if len(key) >= 4 else program.name
        kept = unique.get(key)
        if kept is None or ranks.get(program.span, 0) < ranks.get(kept.span, 0):
            unique[key] = program
    return sorted(unique.values(), key=lambda p: p.span)
