"""People named after their official titles: "四川省经济和信息化厅党组书记、厅长翟刚"."""

from __future__ import annotations

import re
from functools import cache

from ..document import Document, Person
from ..resources import read_lines

# common Chinese surnames (single and compound); a name must start with one of them
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
    "戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮"
    "柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古"
    "吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫"
    "寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻"
    "位厉伊仝区郜海阎练宿习"
)
_COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "令狐")
# words that may follow a name directly ("翟刚说", "翟刚在接受…时说道")
_AFTER_NAME_WORDS = (
    "说 表示 认为 指出 在 介绍 强调 称 告诉 接受 出席 主持 会见 调研 "
    "一行 同志 等 和 与 也 还 对 到 就 向 提出 谈到 坦言 透露 代表 "
    "作 所 的 是 为 率 带 讲 答 回应 建议 宣布 签 先生 女士 "
)
_AFTER_NAME = tuple(_AFTER_NAME_WORDS.split())
_ORG_ENDINGS_WORDS = (
    "厅 局 部 委 委员会 办公室 办公厅 政府 集团 公司 大学 学院 研究院 "
    "研究所 协会 学会 中心 银行 医院 党委 省委 市委 县委 国务院 人大 "
    "政协 常委会 商会 联合会 省 市 县 区 州 "
)
_ORG_ENDINGS = tuple(_ORG_ENDINGS_WORDS.split())
_SEPARATORS = "、，, 　"
# titles that may follow a name directly ("习近平总书记", "李强总理"), longest first
_TITLES_AFTER_NAME = (
    "总书记", "副总理", "委员长", "副主席", "副省长", "副市长", "董事长", "总经理",
    "主席", "总理", "书记", "省长", "市长", "县长", "部长", "厅长", "局长", "院士", "教授", "主任",
)  # fmt: skip
_AFTER_TITLE_WORDS = ("论坛", "会议", "会晤", "级", "助理", "们", "联席", "峰会")
# characters of organisation words (党委, 管理部, 全国) that a name before a title never holds
_NOT_NAME_CHARS = frozenset("省市县区委部厅局会院府国家党团司处组队校所中心门政人大员级长记席理任")
# function words and verbs that also are surnames: not the first character of a name before a title
_NOT_NAME_START = frozenset("向和于与对把将被由从给为同及时全在是")
_MAX_TITLES = 8


@cache
def titles() -> tuple[str, ...]:
    """Official titles from data/titles.txt, longest first."""
    return tuple(sorted(set(read_lines("titles.txt")), key=len, reverse=True))


@cache
def _title_pattern() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, titles())))


@cache
def _title_at_end() -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(map(re.escape, titles())) + r")\Z")


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _name_after(text: str, pos: int) -> tuple[int, int] | None:
    """Span of a 2-3 character person name starting at `pos` (after spaces), or None."""
    while pos < len(text) and text[pos] in " 　":
        pos += 1
    compound = text.startswith(_COMPOUND_SURNAMES, pos)
    if not compound and (pos >= len(text) or text[pos] not in _SURNAMES):
        return None
    lengths = (3, 4) if compound else (2, 3)
    for length in lengths:
        end = pos + length
        if end > len(text) or not all(_is_han(ch) for ch in text[pos:end]):
            return None
        if end == len(text) or not _is_han(text[end]) or text.startswith(_AFTER_NAME, end):
            return pos, end
    return None


def _org_prefix(prefix: str) -> str | None:
    """`prefix` if it reads as an organisation name (四川省经济和信息化厅), else None."""
    if (
        2 <= len(prefix) <= 24
        and all(_is_han(ch) or ch in "（）" for ch in prefix)
        and prefix.endswith(_ORG_ENDINGS)
    ):
        return prefix
    return None


def _segment_before(text: str, end: int) -> int:
    """Start of the title segment that ends at `end` (after the previous separator or stop)."""
    start = end
    while start > 0 and start > end - 40 and (_is_han(text[start - 1]) or text[start - 1] in "（）"):
        start -= 1
    return start


def _title_chain(text: str, title_start: int, title_end: int) -> tuple[list[str], list[str]]:
    """Titles and organisations written before a name, nearest last (… 党组书记、厅长).”"""
    titles_found: list[str] = []
    orgs: list[str] = []
    seg_start = _segment_before(text, title_start)
    prefix = text[seg_start:title_start]
    for marker in ("会议上", "大会上", "在"):
        cut = prefix.rfind(marker)
        if cut >= 0:
            prefix = prefix[cut + len(marker) :]
    org = _org_prefix(prefix)
    titles_found.append((org or "") + text[title_start:title_end])
    if org:
        orgs.append(org)
    pos = title_start - len(org) if org else title_start
    while pos > 0 and text[pos - 1] in _SEPARATORS and len(titles_found) < _MAX_TITLES:
        sep_end = pos - 1
        while sep_end > 0 and text[sep_end - 1] in " 　":
            sep_end -= 1
        seg_start = _segment_before(text, sep_end)
        segment = text[seg_start:sep_end]
        title = _title_at_end().search(segment)
        if not segment or title is None:
            break
        org = _org_prefix(segment[: title.start()])
        if title.start() > 0 and org is None:
            break
        titles_found.insert(0, segment)
        if org:
            orgs.insert(0, org)
        pos = seg_start
    return titles_found, orgs


@cache
def _title_after_name_pattern() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, _TITLES_AFTER_NAME)))


def _name_before(text: str, pos: int) -> tuple[int, int] | None:
    """Span of a 2-3 character person name ending at `pos` ("习近平|总书记"), or None."""
    for length in (3, 2):
        start = pos - length
        if start < 0:
            continue
        name = text[start:pos]
        if not all(_is_han(ch) for ch in name) or any(ch in _NOT_NAME_CHARS for ch in name):
            continue
        compound = name.startswith(_COMPOUND_SURNAMES)
        if length == 3 and (compound or name[0] not in _SURNAMES or name[0] in _NOT_NAME_START):
            continue
        if length == 2 and (name[0] not in _SURNAMES or name[0] in _NOT_NAME_START):
            continue
        return start, pos
    return None


def _names_before_titles(text: str) -> list[tuple[tuple[int, int], str]]:
    """(name span, title) of each name written before its title: 习近平总书记, 李强总理 (the span
    ends where the title starts)."""
    found = []
    for match in _title_after_name_pattern().finditer(text):
        if match.start() and text[match.start() - 1] == "副" or _title_pattern().match(text, match.end()):
            continue  # part of a longer title (副主席 is matched on its own; 书记处书记)
        if text.startswith(_AFTER_TITLE_WORDS, match.end()):
            continue  # 农业部长论坛, 部长级会议: the title modifies a noun, no name precedes it
        span = _name_before(text, match.start())
        if span is not None:
            found.append((span, match.group()))
    return found


def extract_people(doc: Document) -> list[Person]:
    """People introduced by their titles, merged by name (titles and organisations united)."""
    text = doc.text
    people: dict[str, Person] = {}
    titles_taken: set[int] = set()  # a title follows its name or precedes it, not both
    for name_span, title in _names_before_titles(text):
        titles_taken.add(name_span[1] + len(title))
        name = text[name_span[0] : name_span[1]]
        person = people.setdefault(name, Person(name, [], [], name_span))
        if title not in person.titles:
            person.titles.append(title)
    for match in _title_pattern().finditer(text):
        if match.end() in titles_taken:
            continue
        name_span = _name_after(text, match.end())
        if name_span is None:
            continue
        name = text[name_span[0] : name_span[1]]
        if _title_pattern().match(name):
            continue
        found_titles, orgs = _title_chain(text, match.start(), match.end())
        person = people.get(name)
        if person is None:
            people[name] = Person(name, found_titles, orgs, name_span)
            continue
        for title in found_titles:
            if title not in person.titles:
                person.titles.append(title)
        for org in orgs:
            if org not in person.organizations:
                person.organizations.append(org)
    return list(people.values())
