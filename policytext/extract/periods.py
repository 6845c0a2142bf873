"""Periods: the time a stated quantity refers to, as written (2023年, 到2025年, 2024年底, 前三季度,
“十四五”时期, 今年, 近3年), read from the clause and sentence around it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Span

_YEAR = r"(?<!\d)(?:\d{4}|二〇[〇一二三四五六七八九]{2})年"
_YEAR_PART = (
    r"(?:\d{1,2}(?:[—\-－至到]\d{1,2})?月(?:底|末|份)?|年底|年末|底|末|初|上半年|下半年|前三季度|"
    r"[一二三四]季度|前[两二三四五六七八九十]个月)"
)
_PLAN = r"[“\"]?十[一二三四五六]五[”\"]?(?:时期|期间|以来|末)"
_RELATIVE = (
    r"(?:(?:今年|去年|明年|当年)(?:底|末|初)?|全年|上半年|下半年|前三季度|[一二三四]季度|(?:过去|近)[一二三四五六七八九十两几]{1,2}年|"
    r"(?:[一二三四五六七八九十两几多]{1,2}|近)年(?:来|以来)|(?:今后|未来)[一二三四五两十]年|届时|(?:截至|截止到|截止)?目前|"
    # 近3年 (Arabic count of years back), 年内 (within this year; not 三年内, a length of time)
    r"(?:过去|近)\d{1,2}年|(?<![\d一二三四五六七八九十两几多])年内)"
)
# the lookahead lists every character a time expression can start with: the scanner skips the
# other positions cheaply (same matches, several times faster over long sentences)
TIME = re.compile(
    r"(?=[0-9二到至截“\"十今去明当全上下前一三四五六七八九两几多过近未届目年])"
    rf"(?:{_YEAR}(?:到|至|—|－|-){_YEAR}|(?:到|至|截至|截止到|截止)?{_YEAR}{_YEAR_PART}?(?:以来)?|{_PLAN}|{_RELATIVE})"
)

CLAUSE_END = "，,；;：:。！？!?\n"
CLAUSE_END_MARK = re.compile("[" + re.escape(CLAUSE_END) + "]")
# (高于全国)1.8个百分点, 快于2024年…: a margin over a base (a year after these is the base, no period)
COMPARISONS = ("高于", "低于", "快于", "慢于", "高出", "好于")
_MAY_HOLD_TIME = re.compile("[年季五届目]")  # every time expression holds one of these: a cheap pre-check
_LIST_ONLY = re.compile(r"：[^。！？\n：]*")  # from a colon to a later "；"-item of its list
# "X为/是Y的N倍": Y is the base of the ratio
_RATIO_BASE = re.compile(r".{0,2}(?:为|是|相当于)")
_RECORD = re.compile(r"的?(?:最|首|新高|新低|罕见|少有|第一)")
MAX_REACH = 300  # characters read around a quantity: its clause, period, evidence, a list's lead-in


def find_period(
    text: str, sentence: Span, clause_start: int, start: int, end: int, *, ratio: bool = False, baseline: bool = False
) -> str | None:
    """The time expression dating the quantity at [start, end) of `text`, as written, or None.

    `sentence` and `clause_start` delimit where it is read (the clause before the quantity first,
    an earlier clause's time when it reaches later clauses, then the rest of its own clause, then
    the lead-in of a "；"-list); `ratio` marks an "N倍" (its base is no period) and `baseline` a
    value a change starts from (从X提高到…: the change's end date is not its period)."""
    sentence_start, sentence_end = sentence
    best = None
    if not _MAY_HOLD_TIME.search(text, sentence_start, start):
        matches: Iterator[re.Match[str]] = iter(())
    else:
        matches = TIME.finditer(text, sentence_start, start)
    for match in matches:
        if (
            text[match.start() - 1 : match.start()] in ("比", "较")
            or text[match.start() - 2 : match.start()] in COMPARISONS
            or _qualifies_record(match)
        ):
            continue  # 比2010年翻一番, 快于2024年(1.8个百分点): the comparison base, not the period
        if (
            ratio
            and text.startswith("的", match.end())
            and _RATIO_BASE.fullmatch(text, match.start() - 3, match.start())
        ):
            continue  # 利润总额为“十三五”时期的2.2倍: the base of the ratio
        if match.start() >= clause_start or _reaches_later_clauses(match):
            best = match.group()
    if best:
        # the level a change starts from is not dated by the change's end (到2020年) or span up to now
        # (多年来): 工业产品生产许可证从60类减少到10类
        if (best.startswith(("到", "至")) or best.endswith("来")) and baseline:
            return None
        return best
    found_end = CLAUSE_END_MARK.search(text, end, sentence_end)
    clause_end = found_end.start() if found_end else sentence_end
    if _MAY_HOLD_TIME.search(text, end, clause_end):
        for match in TIME.finditer(text, end, clause_end):
            if text[match.start() - 2 : match.start()] in COMPARISONS:
                continue  # 增长7.8%、增幅明显高于去年: the comparison base
            if not _qualifies_record(match):
                # 从一个月以上压缩到目前的…: a time after the start level of a change dates the end level
                return None if baseline else match.group()
    return _list_lead_period(text, sentence_start) if text[sentence_start - 1 : sentence_start] == "；" else None


def _list_lead_period(text: str, sentence_start: int) -> str | None:
    """今年…主要预期目标是：A增长5.5%左右；B85万人；…: a time in the lead-in before the colon dates
    every "；"-item of the list it opens (the sentence splitter cuts the list at each "；")."""
    colon = text.rfind("：", max(0, sentence_start - MAX_REACH), sentence_start)
    if colon < 0:
        return None
    lead_start = max(text.rfind(mark, max(0, colon - 61), colon) for mark in "。\n！？") + 1
    if lead_start == 0 and colon > 60 or not _LIST_ONLY.fullmatch(text, colon, sentence_start):
        return None
    for match in TIME.finditer(text, lead_start, colon):
        if (
            text[match.start() - 1 : match.start()] not in ("比", "较")
            and text[match.start() - 2 : match.start()] not in COMPARISONS
            and _reaches_later_clauses(match)
        ):
            return match.group()
    return None


def _qualifies_record(match: re.Match[str]) -> bool:
    """为多年来最大增幅, 40多年来新高: a span that qualifies a record or a first (R3), not a period."""
    span = match.group().endswith("来") or match.group().startswith(("近", "过去"))  # 创近16年新高
    return span and _RECORD.match(match.string, match.end()) is not None


def _reaches_later_clauses(match: re.Match[str]) -> bool:
    """Does an earlier clause's time expression date this quantity? Not a review opener standing as its
    own clause ("一年来，…", "过去五年，…"): that frames a narrative, it is not the period of each figure
    in it. Inside the first clause ("多年来取消…，…压减90%以上") it is the adverb of every clause."""
    if not (match.group().endswith("来") or match.group().startswith("过去")):
        return True
    return match.string[match.end() : match.end() + 1] not in CLAUSE_END
