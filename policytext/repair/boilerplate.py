"""Split site boilerplate (navigation, breadcrumb, date/source/views lines, footer) off the body.

Nothing is thrown away: each line split off is returned with its kind, and the metadata
it carries (title, published date, source, publisher, views, breadcrumb) is parsed out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Meta

_MAX_LINE = 120  # a boilerplate line is short; body paragraphs that merely mention 版权 stay
_DATE = re.compile(r"((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
_FIELD_DATE = re.compile(r"(?:发布|发表|更新|成文)?(?:日期|时间)\s*[:：]\s*")
_FIELD_SOURCE = re.compile(r"(?:信息|文章|稿件)?来源\s*[:：][ \t\u3000]*([^\s:：]{0,40})")
_FIELD_VIEWS = re.compile(r"(?:浏览|阅读|访问|点击)(?:次数|量|数)?\s*[:：]\s*(\d{1,12})")
_FIELD_PUBLISHER = re.compile(r"(?:版权所有|主办单位|主办)\s*[:：]?\s*([^\s:：©]{2,40})")
_BREADCRUMB = re.compile(r"^.{0,10}?(?:你|您)?(?:现在|当前)?(?:的|所在)?位置\s*[:：]\s*(.*)$")
_BREADCRUMB_SPLIT = re.compile(r"\s*(?:>>|>|»|＞|›|→|/)\s*")
_HEADER_DATELINE = re.compile(
    r"^(?:——|—|-{1,2})?[（(]?(?:19|20)\d{2}年\d{1,2}月\d{1,2}日.{0,60}?(?:会议|大会|常务委员会).{0,12}$"
)
# "四川省人民政府省长 施小琳": an office ending in a title, a space, a 2–4 character name
_BYLINE = re.compile(
    r"^[\u4e00-\u9fff（）()]{0,28}(?:长|主席|书记|总理|主任|委员|代表|记者|专员|部长|理事)"
    r"[ \t\u3000]+[\u4e00-\u9fff·]{2,4}$"
)

_LINE_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("navigation", r"^[•·*\s]*欢迎(?:进入|访问|来到|光临)"),
        ("navigation", r"^[【\[]?(?:打印本页|关闭窗口|返回顶部|【?字[体号]|分享到|上一篇|下一篇|扫一扫|相关链接|收藏本页|设为首页)"),
        ("summary", r"^核心提示\s*[:：]"),
        ("copyright", r"copyright|©|版权所有|all rights reserved"),
        ("registration", r"icp[备证]|公网安备|网站标识码"),
        ("address", r"^(?:地址|联系地址|通讯地址|邮编|邮政编码)\s*[:：]"),
        ("contact", r"^(?:电话|联系电话|传真|联系方式|电子邮箱|邮箱|e-?mail)\s*[:：]"),
        ("site", r"^(?:技术支持|主办单位|承办单位|主管单位|主办|承办|网站维护)\s*[:：]"),
        ("editor", r"^[（(]?(?:责任编辑|编辑|作者|记者|审核|校对)\s*[:：][^。]{0,30}[）)]?$"),
    )
)


@dataclass(slots=True)
class SplitLine:
    """A line taken out of the body: offsets into the text given, and its kind."""

    start: int
    end: int
    kind: str
    text: str


def split_boilerplate(text: str) -> tuple[Meta, list[SplitLine]]:
    """Parse metadata and find the boilerplate lines of `text` (nothing is removed here)."""
    meta = Meta()
    lines = list(_lines(text))
    split: list[SplitLine] = []
    summary = None
    body_started = False
    for start, line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        kind = _classify(stripped, meta, header=not body_started)
        if kind is None:
            body_started = body_started or len(stripped) > 60 or _ends_sentence(stripped)
            continue
        if kind == "summary":
            summary = re.sub(r"^核心提示\s*[:：]\s*", "", stripped)
        split.append(SplitLine(start, start + len(line.rstrip("\r\n")), kind, stripped))
    _find_title(lines, split, meta, summary)
    split.sort(key=lambda s: s.start)
    return meta, split


def _lines(text: str):
    start = 0
    for line in text.splitlines(keepends=True):
        yield start, line
        start += len(line)


def _ends_sentence(line: str) -> bool:
    return line[-1] in "。！？；：”…"


def _classify(line: str, meta: Meta, header: bool) -> str | None:
    if len(line) > _MAX_LINE:
        return None
    crumb = _BREADCRUMB.match(line)
    if crumb:
        items = [s for s in _BREADCRUMB_SPLIT.split(crumb.group(1)) if s]
        meta.breadcrumb = items
        return "breadcrumb"
    has_date_field = _FIELD_DATE.search(line) and _DATE.search(line)
    views = _FIELD_VIEWS.search(line)
    source = _FIELD_SOURCE.match(line) or (has_date_field and _FIELD_SOURCE.search(line))
    if has_date_field or views or source:
        if has_date_field and meta.published is None:
            meta.published = _iso_date(_DATE.search(line))
        if views and meta.views is None:
            meta.views = int(views.group(1))
        if source and source.group(1) and not meta.source:
            meta.source = source.group(1)
        return "dateline" if has_date_field else "source" if source else "views"
    for kind, pattern in _LINE_KINDS:
        if pattern.search(line):
            publisher = _FIELD_PUBLISHER.search(line)
            if publisher and not meta.publisher:
                meta.publisher = publisher.group(1)
            return kind
    if header and _HEADER_DATELINE.match(line):
        if meta.published is None:
            meta.published = _iso_date(_DATE.search(line))
        return "dateline"
    if header and _BYLINE.match(line):
        return "byline"
    return None


def _find_title(lines, split: list[SplitLine], meta: Meta, summary: str | None) -> None:
    """The title: a line equal to the breadcrumb's last item or the summary, else the first
    short header line without sentence punctuation, before the body starts."""
    taken = {s.start for s in split}
    candidates = {c for c in (summary, meta.breadcrumb[-1] if meta.breadcrumb else None) if c}
    header: list[tuple[int, str]] = []
    for start, line in lines:
        stripped = line.strip()
        if not stripped or start in taken:
            continue
        if stripped in candidates:
            meta.title = meta.title or stripped
            split.append(SplitLine(start, start + len(line.rstrip("\r\n")), "title", stripped))
            continue
        header.append((start, line))
        if len(header) >= 3:
            break
    if meta.title is None and header:
        start, line = header[0]
        stripped = line.strip()
        followed_by_body = len(header) > 1
        if followed_by_body and len(stripped) <= 60 and not _ends_sentence(stripped) and "，" not in stripped:
            meta.title = stripped
            split.append(SplitLine(start, start + len(line.rstrip("\r\n")), "title", stripped))
    if len(meta.breadcrumb) > 1 and meta.breadcrumb[-1] == meta.title:
        meta.breadcrumb = meta.breadcrumb[:-1]  # the page itself, not a place above it


def _iso_date(match: re.Match[str] | None) -> str | None:
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
