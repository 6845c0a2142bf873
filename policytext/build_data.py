"""Rebuild derived data files: `python -m policytext.build_data common-chars`.

Not imported at run time; the files it writes are committed under data/.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def build_common_chars(top: int = 4000) -> None:
    """data/common_chars.txt: the `top` most frequent Han characters in jieba's dictionary
    (weighted by word frequency), with their OpenCC traditional forms."""
    import jieba
    import opencc

    counts: Counter[str] = Counter()
    dictionary = Path(jieba.__file__).parent / "dict.txt"
    with dictionary.open(encoding="utf-8") as handle:
        for line in handle:
            word, freq = line.split()[:2]
            for ch in word:
                if "\u4e00" <= ch <= "\u9fff":
                    counts[ch] += int(freq)
    simplified = "".join(ch for ch, _ in counts.most_common(top))
    chars = set(simplified)
    for config in ("s2t", "s2tw", "s2hk"):
        chars.update(opencc.OpenCC(config).convert(simplified))
    ordered = sorted(chars)
    lines = [
        "# Frequent Han characters (simplified + OpenCC s2t/s2tw/s2hk forms), used to choose",
        "# between GB18030 and Big5 readings of legacy-encoded pages.",
        f"# source: character frequencies of jieba {jieba.__version__} dict.txt (MIT licence), top {top}",
        "# rebuild: python -m policytext.build_data common-chars",
    ]
    lines += ["".join(ordered[i : i + 80]) for i in range(0, len(ordered), 80)]
    (DATA / "common_chars.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def build_script_chars() -> None:
    """data/script_chars.txt: characters of the frame-shift model's vocabulary that only simplified
    text uses (OpenCC s2t changes them) and that only traditional text uses (t2s changes them)."""
    import opencc

    from .repair.charlm import load

    vocabulary = "".join(ch for ch in load().unigram if "\u4e00" <= ch <= "\u9fff")
    to_traditional = opencc.OpenCC("s2t").convert(vocabulary)
    to_simplified = opencc.OpenCC("t2s").convert(vocabulary)
    if not len(to_traditional) == len(to_simplified) == len(vocabulary):
        raise SystemExit("OpenCC changed the length of single characters: cannot pair them")
    simplified = sorted(a for a, b in zip(vocabulary, to_traditional, strict=True) if a != b)
    traditional = sorted(a for a, b in zip(vocabulary, to_simplified, strict=True) if a != b)
    lines = [
        "# Characters only simplified text uses (line 'simplified'), and only traditional text uses",
        "# (line 'traditional'): the Han characters of data/charlm.bin's vocabulary that OpenCC s2t,",
        "# respectively t2s, changes. The frame-shift repair prefers readings in the text's own script.",
        f"# source: OpenCC {getattr(opencc, '__version__', '1.4.2')} s2t/t2s tables (Apache-2.0) over the charlm.bin vocabulary",
        "# rebuild: python -m policytext.build_data script-chars (after rebuilding charlm.bin)",
        "simplified\t" + "".join(simplified),
        "traditional\t" + "".join(traditional),
    ]
    (DATA / "script_chars.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


BUILDERS = {"common-chars": build_common_chars, "script-chars": build_script_chars}

if __name__ == "__main__":
    for name in sys.argv[1:] or list(BUILDERS):
        BUILDERS[name]()
