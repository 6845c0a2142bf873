"""Undo GB18030 frame shifts: stretches decoded one byte out of step.

A page's bytes lost one lead byte (shown as "?" or not at all); from there every decoded pair
straddles two characters — the trail byte of one and the lead byte of the next — until an
ASCII byte brings the decoder back in step. The stretch then ends either with an ASCII letter
(a trail byte in 0x40–0x7E) or with "?" (a trail byte lost before an ASCII byte).

Each such ending is a candidate. Walking back from it over characters that can be straddled
pairs (two GB18030 bytes, the second a lead byte >= 0x81; full-width punctuation folded to
ASCII counts as its A3xx bytes), every start position is tried: the characters are re-encoded
and re-paired one byte later, the lost lead byte (and a lost last trail byte) are chosen by
the character model jointly with their neighbours. The best readings are then rescored with
jieba's word frequencies over a short window around the stretch (`word_logp`: a
best-segmentation unigram score, marks scored as running-text tokens), and the winner must
beat the text as it stands, by characters and words together, by a clear margin. A pinyin
annotation right after the stretch, `(fā)`, must be a reading of the stretch's last
character (with its tone, when the annotation has one). A letter standing alone inside a
stretch may be a full-width letter pair that NFKC folded to ASCII. A full-width letter or digit
standing alone (not in a run, not next to Latin) is evidence of a shift: readings that start at
or before it get LONE_FULLWIDTH_BONUS.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from functools import cache, lru_cache
from typing import NamedTuple

from ..document import Edit
from .charlm import CharLM, load, normalize

MAX_SPAN = 48  # longest damaged stretch considered, in characters
MIN_GAIN = 3.0  # log-probability margin (nats) a repair must win by ...
SLOT_COST = 5.0  # ... plus this for each lost byte the model chose freely
BARE_COST = 10.0  # ... plus this when "?" and one letter are all the evidence
TOP_LEADS = 40  # lost-byte candidates kept per slot (by character frequency)
TOP_JOINT = 16  # ... and when two lost bytes are chosen together for one pair
MIN_BUDGET = 2000  # endings examined per text at least ...
CHARS_PER_EVALUATION = 32  # ... and one more per this many characters
RARE_LOGP = -11.0  # a character rarer than this (log unigram probability) is evidence of damage
PINYIN_BONUS = 6.0
TONE_BONUS = 6.0  # ... more when the tone matches too
PINYIN_MISMATCH = 12.0
FULLWIDTH_COST = 8.0  # a lost byte read as a full-width letter or digit
SCRIPT_COST = 4.0  # a lost byte read as a character of the other script (simplified/traditional)
QUOTE_BONUS = 1.0  # a lost byte read as the quotation mark that closes an open quote (or opens)
# a full-width letter or digit (the A3 row) standing alone in a stretch: a lost lead byte (often
# the A1 of 。、“) made A3 a lead byte; real text has them in runs (ＧＤＰ) or next to Latin
# letters and digits, rarely one glued between Han characters and "?". Added to a reading that
# starts at or before it (10 already rewrites real "维生素Ｃ?" at the end of a text)
LONE_FULLWIDTH_BONUS = 8.0

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
_ANNOTATION = re.compile(rf"\(([a-zA-Z{_TONED}]{{1,7}})\)")
_ANNOTATION_BEFORE = re.compile(rf"[\u3400-\u9fff\uf900-\ufaff]\([a-zA-Z{_TONED}]{{1,7}}\)$")
# where a damaged stretch can end: "?" (a lost trail byte) or an ASCII letter/sign right
# after a non-ASCII character or a (folded) punctuation mark (a trail byte 0x40-0x7E read
# as ASCII)
_ENDINGS = re.compile(r"\?|(?<=[^\x00-\x20(0-9A-Za-z\x7f])[\x40-\x7e]")
_FOLDABLE = frozenset(chr(c) for c in range(0x21, 0x7F))
_EXPANSION_ENDS = frozenset(").")
MAX_EXPANSION = 4
ASCII_WORD_CONTEXT = 4  # characters before an ASCII word that must look ordinary to rule it out


@cache
def _pair_chars() -> dict[int, str]:
    """Every two-byte GB18030 code (lead << 8 | trail) and the character it decodes to."""
    table: dict[int, str] = {}
    for lead in range(0x81, 0xFF):
        for trail in (*range(0x40, 0x7F), *range(0x80, 0xFF)):
            try:
                table[lead << 8 | trail] = bytes((lead, trail)).decode("gb18030")
            except UnicodeDecodeError:
                continue
    return table


def _readable(ch: str | None) -> str | None:
    """`ch` unless it is a private-use character (never text) or missing."""
    return None if ch is None or "\ue000" <= ch <= "\uf8ff" else ch


def _restored_penalty(code: int, ch: str) -> float | None:
    """Extra cost of reading a lost byte so that it makes `ch` (None: impossible).

    Private-use characters never were text; full-width ASCII punctuation (the A3 row) was
    folded to ASCII before the page was encoded, so it cannot be in the original bytes;
    full-width letters and digits are possible but rare.
    """
    if "\ue000" <= ch <= "\uf8ff" or len(ch) != 1:
        return None
    if code >> 8 == 0xA3:
        return FULLWIDTH_COST if ch.isalnum() else None
    return 0.0


@cache
def _by_trail(trail: int) -> tuple[tuple[str, float], ...]:
    """(char, penalty) for a lost lead byte before a known trail byte, most frequent first."""
    lm = load()
    chars = _pair_chars()
    found = []
    for lead in range(0x81, 0xFF):
        ch = chars.get(lead << 8 | trail)
        penalty = None if ch is None else _restored_penalty(lead << 8 | trail, ch)
        if penalty is not None:
            found.append((ch, penalty))
    found.sort(key=lambda item: item[1] - lm.unigram_logp(normalize(item[0])))
    return tuple(found[:TOP_LEADS])


@cache
def _by_lead(lead: int, trails: tuple[int, ...]) -> tuple[tuple[str, float], ...]:
    """(char, penalty) for a known lead byte and a lost trail byte among `trails`, most frequent first."""
    lm = load()
    chars = _pair_chars()
    found = []
    for trail in trails:
        ch = chars.get(lead << 8 | trail)
        penalty = None if ch is None else _restored_penalty(lead << 8 | trail, ch)
        if penalty is not None:
            found.append((ch, penalty))
    found.sort(key=lambda item: item[1] - lm.unigram_logp(normalize(item[0])))
    return tuple(found)


_HIGH_TRAILS = tuple(range(0x80, 0xFF))
_QUOTES = {"“": "”", "”": "“", "‘": "’", "’": "‘"}
_OPENING = "“‘"


@cache
def _script_sets() -> tuple[frozenset[str], frozenset[str]]:
    """(characters only simplified text uses, characters only traditional text uses), from
    data/script_chars.txt (OpenCC's tables over the model's vocabulary, precomputed)."""
    from ..resources import read_lines

    rows = dict(line.split("\t", 1) for line in read_lines("script_chars.txt"))
    return frozenset(rows.get("simplified", "")), frozenset(rows.get("traditional", ""))


def _foreign_script(text: str, pos: int, memo: dict[int, frozenset[str]]) -> frozenset[str]:
    """Characters of the other script when the text around `pos` is clearly one script."""
    block = pos // 400
    found = memo.get(block)
    if found is not None:
        return found
    simplified, traditional = _script_sets()
    window = text[max(0, block * 400 - 400) : block * 400 + 800]
    simp = sum(map(simplified.__contains__, window))
    trad = sum(map(traditional.__contains__, window))
    found = frozenset()
    if trad >= 3 and trad >= 3 * simp:
        found = simplified
    elif simp >= 3 and simp >= 3 * trad:
        found = traditional
    memo[block] = found
    return found


_CODE_CACHE: dict[str, int] = {}


def _pair_code(ch: str) -> int:
    """The two bytes `ch` stood for if it is a straddled pair (trail, next lead), else -1."""
    code = _CODE_CACHE.get(ch)
    if code is not None:
        return code
    if ch in _FOLDABLE:  # full-width form folded to ASCII: the A3 row
        code = 0xA3A1 + ord(ch) - 0x21
    elif ch.isascii():
        code = -1
    else:
        try:
            raw = ch.encode("gb18030")
        except UnicodeEncodeError:
            raw = b""
        code = raw[0] << 8 | raw[1] if len(raw) == 2 and raw[1] >= 0x81 else -1
    _CODE_CACHE[ch] = code
    return code


def _left_char(text: str, pos: int) -> str:
    """The character the model conditions on before `pos`, skipping a pinyin annotation."""
    if pos <= 0:
        return "\n"
    if text[pos - 1] == ")":
        match = _ANNOTATION_BEFORE.search(text, max(0, pos - 11), pos)
        if match:
            return match.group()[0]
    return text[pos - 1]


def _right_context(text: str, pos: int) -> tuple[str, str | None]:
    """(next character for the model, pinyin syllable annotating the stretch's end or None)."""
    match = _ANNOTATION.match(text, pos)
    if match:
        after = match.end()
        return (text[after] if after < len(text) else "\n"), match.group(1)
    return (text[pos] if pos < len(text) else "\n"), None


def _fits_reading(char: str, syllable: str | None) -> bool | None:
    if syllable is None:
        return None
    from .pinyin import is_reading

    return is_reading(char, syllable)


def _tone_bonus(char: str, syllable: str) -> float:
    """TONE_BONUS when the toned `syllable` is a reading of `char` with its tone, else 0."""
    from .pinyin import readings

    toned = any(ch in _TONED for ch in syllable)
    return TONE_BONUS if toned and syllable.lower() in readings(char) else 0.0


class _Budget:
    """How many more stretches may be rescored with the word model in this text."""

    def __init__(self, rescores: int) -> None:
        self.rescores = rescores


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch >= "\U00020000"


def find_frame_shifts(text: str) -> list[Edit]:
    """Edits restoring stretches decoded out of step (kind "frame_shift"), non-overlapping."""
    candidates: list[tuple[float, Edit]] = []
    done: set[int] = set()
    scripts: dict[int, frozenset[str]] = {}
    rescoring = _Budget(MIN_RESCORES + len(text) // CHARS_PER_RESCORE)
    budget = MIN_BUDGET + len(text) // CHARS_PER_EVALUATION
    for match in _ENDINGS.finditer(text):
        end = match.start()
        if end in done:
            continue
        done.add(end)
        budget -= 1
        if budget < 0:
            break  # pathological input (an ending every few characters): stop, bounded time
        found = _repair_ending(text, end, scripts, rescoring)
        if found is not None:
            candidates.append(found)
    candidates.sort(key=lambda item: -item[0])
    chosen: list[Edit] = []
    for _, edit in candidates:
        if all(edit.end <= e.start or edit.start >= e.end for e in chosen):
            chosen.append(edit)
    return sorted(chosen, key=lambda e: e.start)


@cache
def _expansions() -> dict[str, int]:
    """Multi-character NFKC forms of two-byte codes that can be straddled pairs: "(18)" for ⒅."""
    found: dict[str, int] = {}
    for code, ch in _pair_chars().items():
        if code & 0xFF < 0x81:
            continue
        folded = unicodedata.normalize("NFKC", ch)
        if 1 < len(folded) <= MAX_EXPANSION and folded not in found:
            found[folded] = code
    return found


def _walk_back(text: str, end: int) -> tuple[int, list[int], list[int]]:
    """Start of the run of possible straddled pairs before `end`, their codes, and where each
    pair's text starts (offsets from the run's start; one character, or an NFKC expansion)."""
    codes: list[int] = []
    starts: list[int] = []
    j = end - 1
    expansions = None
    while j >= 0 and len(codes) < MAX_SPAN:
        ch = text[j]
        if ch in _EXPANSION_ENDS:  # ")" or "." may close an expanded form such as "(18)" or "9."
            expansions = expansions or _expansions()
            width = next(
                (
                    w
                    for w in range(MAX_EXPANSION, 1, -1)
                    if j - w + 1 >= 0 and text[j - w + 1 : j + 1] in expansions
                ),
                0,
            )
            if width:
                codes.append(expansions[text[j - width + 1 : j + 1]])
                starts.append(j - width + 1)
                j -= width
                continue
        code = _pair_code(ch)
        if code < 0:
            break
        alnum = ch.isascii() and ch.isalnum()
        # a folded full-width letter or digit (NFKC) only when it stands alone
        if alnum and ((j > 0 and _is_ascii_alnum(text[j - 1])) or _is_ascii_alnum(text[j + 1])):
            break
        codes.append(code)
        starts.append(j)
        j -= 1
        # a letter standing alone may be a full-width letter pair folded by NFKC: walk on over it
        # (a real trail byte read as a letter is the stretch's end, where the walk starts);
        # "?" is a folded "？" pair or the mark of the lost lead byte: nothing before it
        if ch == "?":
            if j >= 0 and text[j] == "?":
                codes.append(_pair_code("?"))
                starts.append(j)
                j -= 1
            break
    codes.reverse()
    starts.reverse()
    return j + 1, codes, [pos - (j + 1) for pos in starts]


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _is_latin_like(ch: str) -> bool:
    """True for ASCII or full-width letters and digits."""
    return _is_ascii_alnum(ch) or ("\uff10" <= ch <= "\uff5a" and ch.isalnum())


def _lone_fullwidth(text: str, start: int, end: int, garbled: bool) -> int:
    """Offset of the first full-width letter or digit in text[start:end] that stands alone (a letter
    between non-Latin characters; a digit before the ending at `end`, before a private-use
    character, or anywhere in a stretch that is `garbled` already), else -1."""
    for i in range(start, end):
        ch = text[i]
        if not ("\uff10" <= ch <= "\uff5a" and ch.isalnum()):  # full-width punctuation is ordinary
            continue
        if i > 0 and _is_latin_like(text[i - 1]):
            continue
        if i + 1 < end:
            following = text[i + 1]
            if not _is_latin_like(following) and (ch.isalpha() or garbled or "\ue000" <= following <= "\uf8ff"):
                return i
            continue
        # right before the ending ("?" or a trail byte read as ASCII): not inside a Latin word
        after = text[end + 1] if end + 1 < len(text) else "\n"
        if not (_is_ascii_alnum(text[end]) and _is_latin_like(after)):
            return i
    return -1


def _looks_garbled(lm: CharLM, run: str) -> bool:
    """True when `run` holds a character that is rare or never text (private use, unseen)."""
    return any(lm.unigram_logp(normalize(ch)) < RARE_LOGP for ch in run)


def _starts_ascii_word(text: str, end: int) -> bool:
    """True when the ending at `end` is followed by an ASCII letter or digit (AED, PM2.5, GDP)."""
    following = text[end + 1 : end + 2]
    return following.isascii() and following.isalnum()


def _quote_open(before: str) -> bool:
    """True when `before` (the line so far) leaves a double quotation mark open."""
    return before.count("“") > before.count("”")


def _repair_ending(
    text: str, end: int, scripts: dict[int, frozenset[str]], rescoring: _Budget
) -> tuple[float, Edit] | None:
    """The best restoration of a stretch ending at `end`, if it clearly beats the text."""
    ending = text[end]
    lost_trail = ending == "?"
    trails = _HIGH_TRAILS
    if lost_trail and end + 1 < len(text) and not text[end + 1].isascii():
        trails = (0x80,)  # only an invalid single byte resyncs before a non-ASCII character
    start, codes, bounds = _walk_back(text, end)
    bounds.append(end - start)
    n = len(codes)
    if not n:
        return None
    lm = load()
    run = text[start:end]
    garbled = _looks_garbled(lm, run)
    lone = _lone_fullwidth(text, start, end, garbled)
    if lone < 0 and not garbled and (lost_trail or n < 2):
        return None  # ordinary characters before "?" or a letter: cheap to rule out
    if lone < 0 and _starts_ascii_word(text, end) and not _looks_garbled(lm, run[-ASCII_WORD_CONTEXT:]):
        return None  # an ASCII word (AED, PM2.5) after ordinary characters
    chars = _pair_chars()
    left = normalize(_left_char(text, start))
    right_char, syllable = _right_context(text, end + 1)
    right = normalize(right_char)
    foreign = _foreign_script(text, end, scripts)

    def adjusted(options: tuple[tuple[str, float], ...]) -> list[tuple[str, float]]:
        return [(ch, cost + (SCRIPT_COST if ch in foreign else 0.0)) for ch, cost in options]

    # the text as it stands; prefix[k], before[k]: score and last character of text[start:start+k]
    prefix = [0.0]
    before = [left]
    for ch in normalize(run):
        prefix.append(prefix[-1] + lm.logp(before[-1], ch))
        before.append(ch)
    ending_norm = normalize(ending)
    keep_score = prefix[n] + lm.logp(before[n], ending_norm) + lm.logp(ending_norm, right)

    # restored characters that do not depend on where the stretch starts:
    # shifted[k] = (trail byte of pair k, lead byte of pair k + 1)
    # (a private-use character is never a reading: the stretch cannot start before it)
    shifted = [_readable(chars.get((codes[k] & 0xFF) << 8 | codes[k + 1] >> 8)) for k in range(n - 1)]

    # candidates for the last character: (char, cost)
    if lost_trail:
        options = _by_lead(codes[-1] & 0xFF, trails)
        if syllable is not None:
            fitting = tuple(
                (ch, cost - PINYIN_BONUS - _tone_bonus(ch, syllable))
                for ch, cost in options
                if _fits_reading(ch, syllable)
            )
            options = fitting or options
        line_start = text.rfind("\n", max(0, start - 500), start) + 1
        is_open = _quote_open(text[line_start:start] + "".join(ch for ch in shifted if ch))
        last_options = [
            (ch, cost - QUOTE_BONUS if ch in _QUOTES and (ch in _OPENING) != is_open else cost)
            for ch, cost in adjusted(options[:TOP_LEADS])
        ]
    elif n:
        code = (codes[-1] & 0xFF) << 8 | ord(ending)
        fixed = _readable(chars.get(code))
        if fixed is None:
            return None
        fits = _fits_reading(fixed, syllable)
        last_options = [(fixed, 0.0 if fits is None else (-PINYIN_BONUS if fits else PINYIN_MISMATCH))]
    else:
        last_options = []
    if lost_trail and not last_options:
        return None

    def end_score(prev: str) -> tuple[float, str]:
        best = (-math.inf, "")
        for ch, cost in last_options:
            norm = normalize(ch)
            value = lm.logp(prev, norm) + lm.logp(norm, right) - cost
            if value > best[0]:
                best = (value, ch)
        return best

    # suffix[k]: score and text of shifted[k:] + the last character + the right context
    suffix: list[tuple[float, str]] = [(-math.inf, "")] * n
    if n >= 2 and shifted[n - 2] is not None:
        value, last = end_score(normalize(shifted[n - 2]))
        suffix[n - 2] = (value, shifted[n - 2] + last)
    for k in range(n - 3, -1, -1):
        if shifted[k] is None or suffix[k + 1][0] == -math.inf:
            continue
        value = lm.logp(normalize(shifted[k]), normalize(shifted[k + 1])) + suffix[k + 1][0]
        suffix[k] = (value, shifted[k] + suffix[k + 1][1])

    best_total, best_start, best_text, best_marked = -math.inf, -1, "", False
    configs: list[tuple[float, int, bool]] = []  # (bigram total, offset, marked) of each reading
    for offset in range(n + 1):
        # the lost lead byte left no mark, or shows as the "?" just before the first pair
        at = bounds[offset]
        marks = (False, True) if at and run[at - 1] == "?" else (False,)
        for marked in marks:
            kept = at - 1 if marked else at
            if offset < n:
                firsts = adjusted(_by_trail(codes[offset] >> 8))
                tail = suffix[offset] if offset < n - 1 else None
                total, restored = _best_start(lm, firsts, tail, last_options, before[kept], right)
            elif marked and not lost_trail:  # no pairs: "?" and the ending's byte make one character
                firsts = adjusted(_by_trail(ord(ending)))
                total, restored = _best_start(lm, firsts, None, [("", 0.0)], before[kept], right)
            else:
                continue
            # a reading that explains a lone full-width letter or digit wins the bonus
            total += prefix[kept] + (LONE_FULLWIDTH_BONUS if lone >= start + kept else 0.0)
            if restored:
                configs.append((total, offset, marked))
            if restored and total > best_total:
                best_total, best_start, best_text, best_marked = (
                    total,
                    offset,
                    restored,
                    marked,
                )
    if best_start < 0:
        return None
    gain = best_total - keep_score - SLOT_COST * (1 + lost_trail) - (BARE_COST if best_start == n else 0.0)
    # words have a say when the reading has some (not for marks alone) and the budget allows
    with_words = any(_is_han(ch) for ch in best_text) and rescoring.rescores > 0
    if gain < MIN_GAIN - (WORD_GATE_RANGE if with_words else 0.0):
        return None
    if with_words:
        rescoring.rescores -= 1
        context = _Context(text, start, end, run, codes, bounds, shifted, prefix, before, right, lm, lone)
        best_start, best_marked, best_text, best_value = _rescore(context, configs, best_total, adjusted, last_options)
        if best_start < 0:
            return None
        # the decision: characters and words together, against the text as it stands
        keep_value = keep_score + WORD_WEIGHT * word_logp(_window(context, run + ending))
        gain = best_value - keep_value - SLOT_COST * (1 + lost_trail) - (BARE_COST if best_start == n else 0.0)
        if gain < MIN_GAIN:
            return None
    edit_start = start + bounds[best_start] - (1 if best_marked else 0)
    if lost_trail and best_text[-1] in _QUOTES:  # which way the lost quotation mark faces
        line_start = text.rfind("\n", max(0, edit_start - 500), edit_start) + 1
        is_open = _quote_open(text[line_start:edit_start] + best_text[:-1])
        facing = best_text[-1] if (best_text[-1] in _OPENING) != is_open else _QUOTES[best_text[-1]]
        if any(ch == facing for ch, _ in last_options):
            best_text = best_text[:-1] + facing
    confidence = min(max(1.0 - math.exp(-(gain - MIN_GAIN + 3.0) / 6.0), 0.5), 0.999)
    return gain, Edit(edit_start, end + 1, best_text, "frame_shift", round(confidence, 3), f"gain {gain:.1f}")


def _best_start(
    lm: CharLM,
    firsts: list[tuple[str, float]],
    tail: tuple[float, str] | None,
    last_options: list[tuple[str, float]],
    prev: str,
    right: str,
) -> tuple[float, str]:
    """Best score and text when the first character is one of `firsts` (its lead byte lost).

    `tail` is the best continuation (score, text) when more characters follow; without it the
    first character is followed directly by one of `last_options`, chosen jointly with it.
    """
    best = (-math.inf, "")
    if tail is not None:
        if tail[0] == -math.inf:
            return best
        following = normalize(tail[1][0])
        for ch, cost in firsts:
            norm = normalize(ch)
            value = lm.logp(prev, norm) + lm.logp(norm, following) - cost
            if value > best[0]:
                best = (value, ch)
        return best[0] + tail[0], best[1] + tail[1]
    for ch, cost in firsts[:TOP_JOINT]:
        norm = normalize(ch)
        head = lm.logp(prev, norm) - cost
        for last, last_cost in last_options[:TOP_JOINT]:
            if last:
                last_norm = normalize(last)
                value = head + lm.logp(norm, last_norm) + lm.logp(last_norm, right) - last_cost
            else:
                value = head + lm.logp(norm, right)
            if value > best[0]:
                best = (value, ch + last)
    return best


# ---- rescoring the best readings with jieba's word dictionary -----------------------------

RESCORE_RANGE = 12.0  # readings within this many nats of the best bigram reading are rescored
RESCORE_CHOICES = 6  # first / last characters tried per reading
WORD_WEIGHT = 0.3  # weight of the word-model log-probability against the character model
WORD_GATE_RANGE = 8.0  # readings this far below MIN_GAIN by characters alone may pass with words
MIN_RESCORES = 200  # stretches rescored with words per text at least ...
CHARS_PER_RESCORE = 200  # ... and one more per this many characters (bounded time)
WORD_WINDOW = 6  # characters of context on each side of the stretch for the word model


class _Context(NamedTuple):
    text: str
    start: int
    end: int
    run: str
    codes: list[int]
    bounds: list[int]
    shifted: list[str | None]
    prefix: list[float]
    before: list[str]
    right: str
    lm: CharLM
    lone: int  # offset of a lone full-width letter or digit in the text (-1: none)


@cache
def _word_model() -> tuple[Mapping[str, float | None], float, Callable[[str], str]]:
    """The segmenter's remembered word log probabilities (`FastCutter.log_prob`: None for a string
    that starts no word, a positive mark for a prefix that is no word), log of the total, and t2s."""
    from ..convert import converter
    from ..segment import fast_cutter, lexicon

    return fast_cutter().log_prob, math.log(lexicon().total), converter("t2s").convert


def word_logp(text: str) -> float:
    """Log-probability of `text` under jieba's word unigram model (best segmentation); marks and
    other non-word characters get their running-text token probability from the character model."""
    return _word_logp(text)


@lru_cache(maxsize=1 << 16)
def _word_logp(text: str) -> float:
    log_prob, log_total, to_simplified = _word_model()
    lm = load()
    text = to_simplified(text)
    size = len(text)
    best = [0.0] + [-math.inf] * size
    for i in range(size):
        here = best[i]
        if here == -math.inf:
            continue
        ch = text[i]
        single = log_prob[ch]
        value = single if single is not None and single <= 0.0 else lm.token_logp(normalize(ch), -log_total)
        if here + value > best[i + 1]:
            best[i + 1] = here + value
        j = i + 2
        while j <= size:
            word = log_prob[text[i:j]]
            if word is None:
                break
            if word <= 0.0 and here + word > best[j]:
                best[j] = here + word
            j += 1
    return best[size]


def _strip_annotations(text: str) -> str:
    return _ANNOTATION.sub("", text)


def _rescore(
    context: _Context,
    configs: list[tuple[float, int, bool]],
    best_total: float,
    adjusted: Callable[[tuple[tuple[str, float], ...]], list[tuple[str, float]]],
    last_options: list[tuple[str, float]],
) -> tuple[int, bool, str, float]:
    """(offset, marked, text, score) of the reading that scores best with characters and words together."""
    text, lm = context.text, context.lm
    n = len(context.codes)
    best: tuple[float, int, bool, str] = (-math.inf, -1, False, "")
    for total, offset, marked in configs:
        if total < best_total - RESCORE_RANGE:
            continue
        at = context.bounds[offset]
        kept = at - 1 if marked else at
        prev = context.before[kept]
        if offset < n:
            firsts = adjusted(_by_trail(context.codes[offset] >> 8))
            middle = "".join(ch or "" for ch in context.shifted[offset : n - 1])
            lasts = last_options
        else:
            firsts = adjusted(_by_trail(ord(text[context.end])))
            middle, lasts = "", [("", 0.0)]
        following = normalize((middle or (lasts[0][0] if lasts[0][0] else context.right))[0])
        firsts = sorted(
            firsts,
            key=lambda item: item[1] - lm.logp(prev, normalize(item[0])) - lm.logp(normalize(item[0]), following),
        )[:RESCORE_CHOICES]
        for first, first_cost in firsts:
            last_prev = normalize((first + middle)[-1])
            ranked = sorted(
                lasts,
                key=lambda item: item[1]
                - (lm.logp(last_prev, normalize(item[0])) + lm.logp(normalize(item[0]), context.right) if item[0] else 0.0),
            )[:RESCORE_CHOICES]
            for last, last_cost in ranked:
                restored = first + middle + last
                chars = lm.score(restored, prev) + lm.logp(normalize(restored[-1]), context.right)
                chars += context.prefix[kept] - first_cost - last_cost
                value = chars + WORD_WEIGHT * word_logp(_window(context, context.run[:kept] + restored))
                if context.lone >= context.start + kept:
                    value += LONE_FULLWIDTH_BONUS
                if value > best[0]:
                    best = (value, offset, marked, restored)
    return best[1], best[2], best[3], best[0]


def _window(context: _Context, middle: str) -> str:
    """`middle` (a reading of the stretch) with WORD_WINDOW characters of context either side."""
    text = context.text
    left = _strip_annotations(text[max(0, context.start - 3 * WORD_WINDOW) : context.start])[-WORD_WINDOW:]
    right = _strip_annotations(text[context.end + 1 : context.end + 1 + 3 * WORD_WINDOW])[:WORD_WINDOW]
    return left + _strip_annotations(middle) + right
