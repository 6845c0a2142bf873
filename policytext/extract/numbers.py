"""Numbers as Chinese policy texts write them: Arabic and Chinese numerals, fractions, ranges, units.

`find_quantities` scans a text for number + unit runs (67665亿元, 5.5%, 3至5个, 百分之十二点五,
四分之一, 八成, 3万余场次) and `parse_quantity` reads one such run. Values are kept as written
(1.2 for 1.2万家, unit 万家); `base_value`/`base_unit` carry the normalised amount (12000 家).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ..resources import read_tsv

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}

# magnitude prefixes that may stand between a number and its measure word, longest first
MAGNITUDES: dict[str, float] = {
    "万亿": 1e12,
    "千亿": 1e11,
    "百亿": 1e10,
    "十亿": 1e9,
    "亿": 1e8,
    "千万": 1e7,
    "百万": 1e6,
    "十万": 1e5,
    "万": 1e4,
}

_ARABIC = r"(?<![\d.])\d{1,30}(?:,\d{3}){0,10}(?:\.\d{1,12})?(?![\d])"
# digits and powers alternate (四百八十三, 一万二千, 两千亿), so a run of digits (一一一) never parses;
# a bare 百/千 starts a number only before 万/亿 (百亿次, but not 千家万户)
_CN_NUM = (
    r"(?:(?=[一二两三四五六七八九十]|[百千][万亿])(?:[一二两三四五六七八九]?[十百千万亿]{1,2}[零〇]?){0,7}"
    r"[一二两三四五六七八九]?|(?<=[破超过达近逾上])(?<!以上)万?亿|(?<![数几上成])百(?=兆瓦|吉瓦|千瓦|公里))"
    r"(?:点[零〇一二三四五六七八九]{1,8})?"
)
_NUM = rf"(?:{_ARABIC}|{_CN_NUM})"
_MAG = "|".join(MAGNITUDES)
_RANGE_SEP = r"(?:至|到|——|—|－|-|～|~|–)"
_APPROX = r"(?:余|多)"
# measure words that begin a longer word before these characters: 千万家庭, 万家灯火
_UNIT_NOT_BEFORE = {
    "家": "(?![庭族属乡园长具电居])",
    "万家": "(?![庭族属乡园长具电居灯])",
    "对": "(?![口接标外于照象话策比应称齐待付抗冲路])",  # 567对友城, not 3个对口 / 对接
    "大": "(?=[\u4e00-\u9fff“])(?![学会型幅量力于约致概多部家众大小中关])",  # 3大产业, not 3大于2 / 5大学 / 万大关
}
# words after which "N年" is a length of time: 不少于两年保修期, 再延长30年
_DURATION_BOUNDS = ("不少于", "不超过", "不低于", "不短于", "不长于", "至少", "最长", "最短", "长达", "延长", "期限为", "期限")
_PER = r"/(?:月|年|人次|人|天|日|吨|亩|平方米|千瓦时|小时|户)"  # 645元/月


@dataclass(frozen=True, slots=True)
class Unit:
    """A measure word and how it normalises."""

    name: str
    base: str
    factor: float
    kind: str
    generic: bool


@dataclass(frozen=True, slots=True)
class Quantity:
    """One parsed number + unit run."""

    value: float | list[float]
    unit: str  # as written, magnitude included: 亿元, 万家, %
    base_value: float | list[float]
    base_unit: str
    approx: str | None = None  # 余 / 多 written inside the run
    chinese: bool = False  # the number was written in Chinese numerals
    generic: bool = False  # the measure word is a plain classifier (个, 项, 批 ...)
    magnitude: bool = False  # a magnitude prefix (万, 亿 ...) was written


@cache
def units() -> dict[str, Unit]:
    """Measure words from data/units.tsv, keyed by name."""
    table: dict[str, Unit] = {}
    for row in read_tsv("units.tsv"):
        table[row["unit"]] = Unit(row["unit"], row["base_unit"], float(row["factor"]), row["kind"], row["generic"] == "1")
    return table


@cache
def quantity_pattern() -> re.Pattern[str]:
    """The compiled scanner for number + unit runs (bounded: no nested repetition)."""
    names = sorted(units(), key=len, reverse=True)
    unit_alt = "|".join(re.escape(u) + _UNIT_NOT_BEFORE.get(u, "") for u in names if u != "成")
    percent_cn = rf"百分之(?P<pc1>{_CN_NUM})(?:{_RANGE_SEP}(?:百分之)?(?P<pc2>{_CN_NUM}))?"
    fraction = rf"(?P<den>{_CN_NUM}|{_ARABIC})分之(?P<num>{_CN_NUM}|{_ARABIC})"
    # 占全国1/10, 1/3以上: an Arabic fraction is a share (never a date in these texts: no year part)
    slash = r"(?<![\d./])(?P<snum>\d{1,3})/(?P<sden>\d{1,4})(?![\d/.])"
    tenths = rf"(?P<tn1>{_NUM})(?:{_RANGE_SEP}(?P<tn2>{_NUM}))?成(?![为功果本员立效绩交])"
    general = (
        rf"(?P<n1>{_NUM})(?:(?P<u1>%|％|{_MAG})?{_RANGE_SEP}(?P<n2>{_NUM}))?"
        rf"(?:(?P<ap0>{_APPROX})?(?P<mag>{_MAG})?(?P<ap>{_APPROX})?(?P<mag2>亿)?(?P<unit>{unit_alt})(?P<per>{_PER})?(?P<alt>（(?:{unit_alt})）)?(?P<ap3>{_APPROX}(?=[，。；、：,;:）)\s的]|$))?|"
        rf"(?P<ap1>{_APPROX})?(?P<mag_only>{_MAG})(?P<ap2>{_APPROX})?)"
    )
    bare = r"(?<=[破超过达近逾上])(?<!以上)(?:万亿|千亿|百亿|亿)"
    # 亿元以上技改项目: a bare magnitude means one of it
    threshold = r"(?<![\d一二两三四五六七八九十百千万亿])(?P<tmag>万亿|亿|千万|百万|万)(?P<tunit>元|美元)(?=以上|以下)"
    # 不少于两年, 再延长30年: a span of years after a bound or an extension is an amount (never a date)
    duration = (
        rf"(?:{'|'.join(f'(?<={word})' for word in _DURATION_BOUNDS)})(?P<dur>{_NUM})(?:个)?年(?![代度级底末初前后以来间])"
    )
    # the lookahead lets the scanner skip, cheaply, every position that cannot start a number
    return re.compile(
        rf"(?=[\d一二两三四五六七八九十百千万亿])(?:(?P<pct>{percent_cn})|(?P<frac>{fraction})|(?P<slash>{slash})|(?P<tenths>{tenths})|(?P<gen>{general})|(?P<bare>{bare})|(?P<threshold>{threshold})|(?P<duration>{duration}))"
    )


def parse_number(text: str) -> float | None:
    """The value of an Arabic or Chinese numeral (12.5, 1,833, 四百八十三, 两千, 十二点五, 1.2万)."""
    text = text.strip()
    if not text:
        return None
    for mag, factor in MAGNITUDES.items() if text[-1] in "万亿" else ():  # every magnitude ends in 万/亿
        if text.endswith(mag) and len(text) > len(mag) and text[-len(mag) - 1] not in _CN_SMALL_UNITS:
            head = parse_number(text[: -len(mag)])
            if head is not None:
                return head * factor
    if text[0].isdigit():
        try:
            return float(text.replace(",", ""))
        except ValueError:
            return None
    return _parse_chinese(text)


def _parse_chinese(text: str) -> float | None:
    if "点" in text:
        whole, _, frac = text.partition("点")
        head = _parse_chinese(whole) if whole else 0.0
        if head is None or not frac or any(c not in _CN_DIGITS for c in frac):
            return None
        return head + float("0." + "".join(str(_CN_DIGITS[c]) for c in frac))
    if all(c in _CN_DIGITS for c in text):
        if len(text) == 1:
            return float(_CN_DIGITS[text])
        return float("".join(str(_CN_DIGITS[c]) for c in text))  # 二〇二三
    total = 0
    section = 0
    digit: int | None = None
    for char in text:
        if char in _CN_DIGITS:
            digit = _CN_DIGITS[char]
        elif char in _CN_SMALL_UNITS:
            section += (1 if digit is None else digit) * _CN_SMALL_UNITS[char]
            digit = None
        elif char in _CN_BIG_UNITS:
            section += digit or 0
            big = _CN_BIG_UNITS[char]
            if big == 10_000 and total and total % 100_000_000 == 0 and section == 0:
                total *= 10_000  # 万亿
            else:
                total += (section or 1) * big
            section = 0
            digit = None
        else:
            return None
    return float(total + section + (digit or 0))


def _split_trailing_magnitude(text: str) -> tuple[str, str]:
    """八万亿 → (八, 万亿); 两千亿 → (两千, 亿); 一万二千 → (一万二千, '')."""
    if text[:1].isdigit():
        return text, ""
    for mag in ("万亿", "亿", "万"):
        if text.endswith(mag) and len(text) > len(mag):
            return text[: -len(mag)], mag
    return text, ""


def _value(text: str) -> float:
    value = parse_number(text)
    return 0.0 if value is None else value


def _clean(value: float) -> float:
    return float(round(value, 10))


def quantity_from_match(match: re.Match[str]) -> Quantity | None:
    """Build the Quantity of one `quantity_pattern()` match (None if it is not a number)."""
    group = match.group
    kind = match.lastgroup  # the outermost alternative closes last: pct, frac, slash, tenths, gen ...
    if kind == "pct":
        lo = _value(group("pc1"))
        if group("pc2"):
            hi = _value(group("pc2"))
            return Quantity([lo, hi], "%", [lo, hi], "%", chinese=True)
        return Quantity(lo, "%", lo, "%", chinese=True)
    if kind == "frac":
        den, num = _value(group("den")), _value(group("num"))
        if not den or num > den:
            return None
        share = _clean(num / den * 100)
        return Quantity(share, "%", share, "%", chinese=not group("den")[0].isdigit())
    if kind == "slash":
        num, den = float(group("snum")), float(group("sden"))
        if not num or num >= den:
            return None
        share = _clean(num / den * 100)
        return Quantity(share, "%", share, "%")
    if kind == "tenths":
        first = group("tn1")
        lo = _value(first)
        if lo > 10:
            return None
        if group("tn2"):
            hi = _value(group("tn2"))
            return Quantity([lo, hi], "成", [lo * 10, hi * 10], "%", chinese=not first[0].isdigit())
        return Quantity(lo, "成", _clean(lo * 10), "%", chinese=not first[0].isdigit())
    if kind == "threshold":
        mag, unit_name = group("tmag"), group("tunit")
        return Quantity(1.0, mag + unit_name, MAGNITUDES[mag], unit_name, magnitude=True)
    if kind == "duration":
        years = parse_number(group("dur"))
        if years is None or years >= 1000:
            return None  # 不超过2025年: a date, not a length of time
        return Quantity(years, "年", years, "年", chinese=not group("dur")[0].isdigit())
    if kind == "bare":  # 旅游收入破万亿, 破千亿
        written = group("bare")
        if written[0] in "百千":
            value, mag = (100.0 if written[0] == "百" else 1000.0), written[1:]
        else:
            value, mag = 1.0, written
        return Quantity(value, mag, value * MAGNITUDES[mag], "", magnitude=True)
    # one call for every group of the general form (the hot path: most quantities take it)
    first, second, mag1, mag_only, mag2, ap0, ap, ap1, ap2, ap3, unit_name, u1, per, alt = group(
        "n1", "n2", "mag", "mag_only", "mag2", "ap0", "ap", "ap1", "ap2", "ap3", "unit", "u1", "per", "alt"
    )
    chinese = not first[0].isdigit()
    mag = (mag1 or mag_only or "") + (mag2 or "")
    approx = ap0 or ap or ap1 or ap2 or ap3
    unit_name = unit_name or ""
    if first in MAGNITUDES and first[0] in "百千十":  # 突破百亿次: 100 亿次
        first, mag = first[0], first[1:] + mag
    elif first in MAGNITUDES:  # 破亿度, 突破万亿元: one 亿度, one 万亿元
        first, mag = "一", first + mag
    elif chinese and not second and not mag:
        first, mag = _split_trailing_magnitude(first)
    if second and not second[0].isdigit() and not mag:
        second, mag = _split_trailing_magnitude(second)
    if u1 and u1 in MAGNITUDES and not mag:
        mag = u1
    lo = parse_number(first)
    if lo is None:
        return None
    info = units().get(unit_name)
    factor = MAGNITUDES.get(mag, 1.0) * (info.factor if info else 1.0)
    base_unit = info.base if info else ""
    per = per or ""
    written_unit = mag + unit_name + per + (alt or "")  # 47.63万户（套）: an alternative measure word
    base_unit += per
    generic = bool(info and info.generic and not mag)
    if second:
        hi = parse_number(second)
        if hi is None or hi < lo:
            return None
        return Quantity(
            [lo, hi], written_unit, [_clean(lo * factor), _clean(hi * factor)], base_unit, approx, chinese, generic, bool(mag)
        )
    return Quantity(lo, written_unit, _clean(lo * factor), base_unit, approx, chinese, generic, bool(mag))


def parse_quantity(text: str) -> Quantity | None:
    """Read one whole number + unit run: 百分之十二点五, 八成, 四分之一, 3至5个, 6.7万亿元, 1.2万."""
    match = quantity_pattern().fullmatch(text.strip())
    return quantity_from_match(match) if match else None


def find_quantities(text: str) -> Iterator[tuple[int, int, Quantity]]:
    """(start, end, quantity) of each number + unit run in `text`, left to right."""
    for match in quantity_pattern().finditer(text):
        quantity = quantity_from_match(match)
        if quantity is not None:
            yield match.start(), match.end(), quantity
