"""Chinese administrative regions: names, short forms, and the region a document is about.

National documents: `document_region` returns None (the gold convention: region null for national).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from ..resources import read_tsv, words_pattern

# city short forms that are also everyday words (安康 "well-being", 日照 "sunshine", 大理石 ...):
# matched in text only in their full form (安康市)
_AMBIGUOUS_SHORT = frozenset({"安康", "日照", "中山", "普洱", "大理", "安顺", "中卫", "三明", "吉安", "黄山"})
_NATIONAL = re.compile(r"全国|国务院|中华人民共和国|党中央|中央经济工作会议")
_OWN_PROVINCE = re.compile(r"[全我本][省区市](?![场委政])")


@dataclass(frozen=True, slots=True)
class Region:
    """One administrative division as listed in data/regions.tsv."""

    name: str
    short: str
    level: str
    parent: str | None


@cache
def regions() -> tuple[Region, ...]:
    """All divisions in data/regions.tsv (provinces first, then prefecture-level cities)."""
    return tuple(
        Region(row["name"], row["short"], row["level"], row["parent"] or None) for row in read_tsv("regions.tsv")
    )


@cache
def _by_form() -> dict[str, Region]:
    table: dict[str, Region] = {}
    for region in regions():
        table.setdefault(region.name, region)
        if region.short not in _AMBIGUOUS_SHORT:
            table.setdefault(region.short, region)
    return table


@cache
def region_names() -> frozenset[str]:
    """Every name a region can go by in text: full names and unambiguous short forms (四川省, 四川, 成都)."""
    return frozenset(_by_form())


@cache
def region_pattern() -> re.Pattern[str]:
    """A compiled regex matching any of `region_names()` (the longest at each position)."""
    return words_pattern(region_names())


def normalize_region(name: str) -> str | None:
    """The short form of a region name (四川省 → 四川, 成都市 → 成都), None if not a region."""
    region = _by_form().get(name)
    return region.short if region else None


def region_level(name: str) -> str | None:
    """The level of a region (province, municipality, autonomous_region, city, prefecture ...)."""
    region = _by_form().get(name)
    return region.level if region else None


def regions_in(text: str) -> list[str]:
    """Short forms of the regions named in `text`, in order of appearance."""
    found = []
    for match in region_pattern().finditer(text):
        short = normalize_region(match.group())
        if short:
            found.append(short)
    return found


def document_region(text: str, title: str | None) -> str | None:
    """The province/municipality or city a document is about (short form), None for national texts."""
    if title:
        named = regions_in(title)
        if named:
            # the most specific region the title names: a city over its province
            cities = [n for n in named if region_level(n) not in {"province", "municipality", "autonomous_region", "sar"}]
            return cities[0] if cities else named[0]
        if _NATIONAL.search(title):
            return None
    counts: dict[str, int] = {}
    for short in regions_in(text):
        counts[short] = counts.get(short, 0) + 1
    if not counts:
        return None
    own = Counter(match[-1] for match in _OWN_PROVINCE.findall(text))
    own_province = own["省"] + own["区"]
    national = len(_NATIONAL.findall(text))
    top = max(counts.values())
    if (top + own_province + own["市"]) * 4 < national or (top < 2 and not own_province + own["市"]):
        return None  # a national text that names a few regions in passing
    if own_province >= own["市"] and own_province:
        # a provincial text: its cities count for their province
        by_province: dict[str, int] = {}
        for short, count in counts.items():
            province = _province_of(short)
            if province:
                by_province[province] = by_province.get(province, 0) + count
        if by_province:
            return max(by_province, key=lambda name: by_province[name])
    return max(counts, key=lambda name: counts[name])  # first seen wins ties (dicts keep order)


def _province_of(short: str) -> str | None:
    region = _by_form().get(short)
    if region is None:
        return None
    if region.parent is None:
        return region.short
    return normalize_region(region.parent)
