"""Industry and industry-group mentions mapped to categories through data/industries.tsv."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from ..document import Document, Industry, Span
from ..resources import read_tsv, words_pattern


@dataclass(frozen=True, slots=True)
class IndustryEntry:
    """One row of the industry knowledge base."""

    name: str
    category: str
    group: str | None
    members: tuple[str, ...]
    region: str | None
    source: str | None


@cache
def industry_entries() -> dict[str, tuple[IndustryEntry, ...]]:
    """Knowledge-base rows by mention name (a name may have one row per region)."""
    entries: dict[str, list[IndustryEntry]] = {}
    for row in read_tsv("industries.tsv"):
        name = (row.get("name") or "").strip()
        if not name:
            continue
        members = tuple(m for m in (row.get("members") or "").split("、") if m.strip())
        entry = IndustryEntry(
            name=name,
            category=(row.get("category") or "").strip(),
            group=(row.get("group") or "").strip() or None,
            members=members,
            region=(row.get("region") or "").strip() or None,
            source=(row.get("source") or "").strip() or None,
        )
        entries.setdefault(name, []).append(entry)
    return {name: tuple(rows) for name, rows in entries.items()}


@cache
def _mention_pattern() -> re.Pattern[str]:
    return words_pattern(industry_entries())


def _same_region(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _is_named_group(entry: IndustryEntry) -> bool:
    return bool(entry.members) or entry.group == entry.name


def resolve_entry(name: str, region: str | None) -> IndustryEntry | None:
    """The knowledge-base row for a mention, chosen by the document's region when rows differ by region."""
    rows = industry_entries().get(name, ())
    if region:
        local = [r for r in rows if r.region and _same_region(r.region, region)]
        if local:
            return local[0]
        general = [r for r in rows if not r.region]
        return general[0] if general else None
    general = [r for r in rows if not r.region]
    if general:
        return general[0]
    regional = [r for r in rows if _is_named_group(r)]
    return regional[0] if len(regional) == 1 else None


# category words in a list head, checked in order ("…等传统优势产业" → 传统产业)
_HEAD_CATEGORIES = (
    ("未来产业", "未来产业"),
    ("战略性新兴", "战略性新兴产业"),
    ("新兴", "新兴产业"),
    ("新增长引擎", "新兴产业"),
    ("传统", "传统产业"),
    ("优势产业", "优势产业"),
    ("支柱产业", "优势产业"),
    ("生产性服务", "生产性服务业"),
    ("生活性服务", "生活性服务业"),
    ("服务业", "现代服务业"),
    ("先进制造", "先进制造业"),
    ("制造业", "先进制造业"),
    ("装备", "先进制造业"),
    ("高技术", "高新技术产业"),
    ("数字", "数字经济"),
    ("农业", "现代农业"),
)
# sector words at the end of a list item ("品牌农业", "人力资源服务")
_ITEM_CATEGORIES = (
    ("农业", "现代农业"),
    ("服务业", "现代服务业"),
    ("服务", "现代服务业"),
    ("制造业", "先进制造业"),
    ("装备", "先进制造业"),
    ("新材料", "战略性新兴产业"),
)
# heads that name a kind of industry (the items are sectors)
_INDUSTRY_HEAD_ENDINGS = (
    "产业",
    "行业",
    "集群",
    "产业链",
    "服务业",
    "制造业",
    "经济",
    "新赛道",
    "赛道",
    "领域",
)
_MAX_SECTOR = 12
# list heads that are themselves industry groups ("…等“15+N”重点产业链", "…等新一代智能终端")
_GROUP_HEAD_ENDINGS = ("产业链", "产业集群", "产业", "终端", "新兴产业")
_MAX_STEM = 6
# stems that make "X产业" a generic phrase rather than a sector
_GENERIC_STEM_WORDS = (
    "相关 主导 重点 特色 支柱 各类 全 本地 县域 富民 幸福 民生 根 这些 该 有关 其他 所有 多个 一批 各 新 "
    "现代化 实体 关联 配套 上下游 头部 龙头 优质 同类 大 抓 大抓 主攻 首位 核心 新型 接续 替代 产业 "
    "优势 新兴 未来 传统 战略性新兴 主要 地方 区域 本土 乡村 农村 城市"
)
_GENERIC_STEMS = frozenset(_GENERIC_STEM_WORDS.split())
# words a sector name before 产业 ends in (核医疗产业, 超高清视频产业, 林草产业 …)
_SECTOR_STEM_WORDS = (
    "医疗 视频 制造 文旅 旅游 物流 林草 食品 汽车 低空 装备 材料 能源 电池 电子 信息 通信 软件 医药 生物 化工 "
    "纺织 服装 家电 钢铁 有色 建材 农业 林业 牧业 渔业 种业 矿业 航空 航天 船舶 芯片 半导体 光伏 储能 氢能 环保 "
    "文化 体育 康养 养老 健康 金融 会展 数字 算力 安防 机器人 仪器 器械 设备 显示 智能 网络 动漫 游戏 茶 酒 "
    "药 花卉 水果 竹 中药材 预制菜 乳 粮油 冰雪 康复 育种"
)
_SECTOR_STEM_ENDINGS = tuple(_SECTOR_STEM_WORDS.split())
_GENERIC_STEM_ENDINGS = ("级", "性", "型", "核心", "相关", "配套", "主导", "重点", "优势", "特色", "支柱")
# words after 产业 that make another noun (产业链, 产业园, 产业基金 …): no sector there
_AFTER_SECTOR_WORDS = (
    "链 园 基金 项目 体系 布局 结构 工人 化 政策 集聚区 带 联盟 协会 规划 基础 生态 转移 升级 资本"
)
_AFTER_SECTOR_BLOCK = tuple(_AFTER_SECTOR_WORDS.split())


@cache
def _region_forms() -> tuple[str, ...]:
    """Region names and short forms, plus 全省/全市/我省 … (a stem starting with one is a place)."""
    from .regions import region_names

    return tuple(region_names()) + (
        "全省",
        "全市",
        "全区",
        "全县",
        "全国",
        "我省",
        "我市",
        "我区",
        "我国",
        "本市",
        "本省",
    )


def _head_category(head: str | None) -> str | None:
    """The category a list head places its items in, if the head names an industry group."""
    if not head or not head.endswith(_INDUSTRY_HEAD_ENDINGS):
        return None
    for word, category in _HEAD_CATEGORIES:
        if word in head:
            return category
    return None


def _item_category(name: str, region: str | None) -> str | None:
    """Category of one list item: from the knowledge base, else from a sector word in it (…农业)."""
    entry = resolve_entry(name, region)
    if entry is not None:
        return entry.category
    for word, category in _ITEM_CATEGORIES:
        if name.endswith(word):
            return category
    return None


def _majority_category(names: list[str], region: str | None) -> str | None:
    """The most common category among list items, if at least half of them have one."""
    categories = [c for n in names if (c := _item_category(n, region)) is not None]
    if not categories or len(categories) * 2 < len(names):
        return None
    return Counter(categories).most_common(1)[0][0]  # a tie goes to the first item's category


@cache
def _sector_pattern() -> re.Pattern[str]:
    # "…林草产业", "超高清视频产业集群": up to six characters before 产业
    return re.compile(r"(?<=[\u4e00-\u9fff0-9A-Za-z]{2})产业(?:集群)?")


def _sector_stem_start(text: str, stem_end: int) -> int:
    """Where a sector name before 产业 begins (after a verb, function word or punctuation), or -1."""
    from .enumerations import _verb_pattern

    window_start = max(0, stem_end - _MAX_STEM - 4)
    best = -1
    for pos in range(stem_end - 1, window_start - 1, -1):
        if not ("\u4e00" <= text[pos] <= "\u9fff" or text[pos].isalnum()):
            best = pos + 1
            break
    for match in _verb_pattern().finditer(text, window_start, stem_end):
        if match.end() > best:
            best = match.end()
    if best < 0 and window_start == 0:
        best = 0
    return best


class _Collector:
    """Industry records by name, in order of first mention."""

    def __init__(self) -> None:
        self.records: dict[str, Industry] = {}
        self.seen: set[tuple[str, Span]] = set()

    def add(self, name: str, span: Span, category: str, entry: IndustryEntry | None, override: bool) -> None:
        record = self.records.get(name)
        if record is None:
            self.records[name] = Industry(
                name=name,
                category=category,
                members=list(entry.members) if entry else [],
                count=0,
                group=entry.group if entry else None,
                spans=[],
                source=entry.source if entry else None,
            )
            record = self.records[name]
        elif override:
            record.category = category
        if (name, span) not in self.seen:
            self.seen.add((name, span))
            record.spans.append(span)
            record.count = len(record.spans)


def _group_head_span(text: str, head: str, list_end: int) -> Span | None:
    """Where a list head naming an industry group ("“15+N”重点产业链") stands after the list, if it does."""
    if not head.endswith(_GROUP_HEAD_ENDINGS) or head in _INDUSTRY_HEAD_ENDINGS or len(head) > 16:
        return None
    pattern = "[“”]?".join(map(re.escape, head))
    match = re.search(f"[“”]?{pattern}[“”]?", text[list_end : list_end + 40])
    if match is None:
        return None
    start, end = list_end + match.start(), list_end + match.end()
    if text[start] == "”":
        start += 1
    return start, end


def _split_item(text: str, item: str, span: Span) -> list[tuple[str, Span]]:
    """A list item joined by 和/及 names two sectors when one part is known (氢能和核聚变能); else it is
    one name (人工智能手机和电脑), as is any item joined by 与 (新能源与智能网联汽车)."""
    start, end = span
    offset = text.find(item, start, end)
    if offset < 0:
        return [(item, span)]
    for join in ("和", "及"):
        pos = item.find(join)
        known = pos > 0 and (item[:pos] in industry_entries() or item[pos + 1 :] in industry_entries())
        if pos >= 2 and len(item) - pos - 1 >= 2 and known:
            right = offset + pos + 1
            return [
                (item[:pos], (offset, offset + pos)),
                (item[pos + 1 :], (right, right + len(item) - pos - 1)),
            ]
    return [(item, span)]


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Is a short name (光伏, 钢铁) a word of its own here, not part of 晶硅光伏 or 钢铁厂?"""
    from .enumerations import _verb_pattern

    before = text[start - 1] if start > 0 else "。"
    after = text[end] if end < len(text) else "。"
    han = "\u4e00" <= before <= "\u9fff"
    after_verb = any(_verb_pattern().fullmatch(text, start - n, start) for n in (2, 3, 4) if start >= n)
    free_before = not han or before in "、和及与" or after_verb
    return free_before and (after in "、，。；和及与等“" or text.startswith(("产业", "行业"), end))


class _Coverage:
    """Which characters of the text lie inside recorded spans (fast checks on long texts)."""

    def __init__(self, size: int) -> None:
        self.mask = bytearray(size + 1)
        self.ends: set[int] = set()
        self.spans: set[Span] = set()

    def add(self, span: Span) -> None:
        start, end = span
        self.mask[start:end] = b"\x01" * (end - start)
        self.ends.add(end)
        self.spans.add(span)

    def covers(self, start: int, end: int) -> bool:
        return end > start and self.mask.find(0, start, end) < 0


def extract_industries(doc: Document) -> list[Industry]:
    """Industry mentions in `doc.text`, one record per distinct name, in order of first mention.

    Three sources: knowledge-base names; the items of lists whose head names an industry group
    ("A、B、C等未来产业") or whose items are mostly known sectors; and "X产业" sector names.
    """
    text = doc.text
    region = doc.meta.region
    found = _Collector()
    known = _Coverage(len(text))
    for match in _mention_pattern().finditer(text):
        if len(match.group()) <= 2 and not _stands_alone(text, *match.span()):
            continue
        entry = resolve_entry(match.group(), region)
        if entry is not None:
            found.add(match.group(), match.span(), entry.category, entry, override=False)
            known.add(match.span())
    if doc.enumerations:
        enumerations = doc.enumerations
    else:
        from .enumerations import extract_enumerations

        enumerations = extract_enumerations(doc)
    for enumeration in enumerations:
        items = enumeration.items
        head = enumeration.head
        head_entry = resolve_entry(head, region) if head else None
        category = _head_category(head) or (head_entry.category if head_entry else None)
        override = category is not None
        if category is None and (head is None or head.endswith(_INDUSTRY_HEAD_ENDINGS)):
            category = _majority_category(items, region)
        if category is None:
            continue
        head_span = _group_head_span(text, head, enumeration.span[1]) if head else None
        if head_span is not None and head_entry is None:
            found.add(text[head_span[0] : head_span[1]], head_span, category, None, override=False)
        for item, span in zip(items, enumeration.item_spans, strict=False):
            for part, part_span in _split_item(text, item, span):
                if 2 <= len(part) <= _MAX_SECTOR:
                    found.add(part, part_span, category, resolve_entry(part, region), override)
                    known.add(part_span)
    sectors = _Coverage(len(text))
    for match in _sector_pattern().finditer(text):
        name_end = match.end()
        stem_end = text.index("产业", match.start())
        if text.startswith(_AFTER_SECTOR_BLOCK, name_end) or {stem_end + 2, name_end} & known.ends:
            continue
        start = _sector_stem_start(text, stem_end)
        stem = text[start:stem_end] if start >= 0 else ""
        if not 2 <= len(stem) <= _MAX_STEM or stem in _GENERIC_STEMS or known.covers(start, name_end):
            continue
        if stem.endswith(_GENERIC_STEM_ENDINGS) or any(ch in stem for ch in "等和及与、"):
            continue
        if stem.startswith(_region_forms()):  # "四川产业", "全省产业": a place, not a sector
            continue
        name = text[start:name_end]
        if name.endswith("集群") and resolve_entry(stem, region) is not None:
            continue  # "人工智能产业集群": the sector is 人工智能
        if resolve_entry(name, region) is None and not stem.endswith(_SECTOR_STEM_ENDINGS):
            continue
        entry = resolve_entry(name, region) or resolve_entry(stem, region)
        category = entry.category if entry else _sentence_category(doc, start)
        found.add(name, (start, name_end), category, entry, override=False)
        sectors.add((start, name_end))
    records = []
    for record in found.records.values():
        # a known name inside a longer "X产业" name ("核医疗" in 核医疗产业) is that sector's mention
        record.spans = [s for s in record.spans if s in sectors.spans or not sectors.covers(*s)]
        record.count = len(record.spans)
        if record.spans:
            records.append(record)
    return sorted(records, key=lambda industry: industry.spans[0])


def _sentence_category(doc: Document, pos: int) -> str:
    """A category word in the sentence around `pos` (未来产业, 新兴产业 …), else 产业."""
    start, end = doc.sentence_at(pos) if doc.sentences else (max(0, pos - 60), pos + 60)
    sentence = doc.text[start:end]
    for word, category in _HEAD_CATEGORIES:
        if word in sentence:
            return category
    return "产业"
