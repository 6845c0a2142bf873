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


BUILDERS = {"common-chars": build_common_chars}

if __name__ == "__main__":
    for name in sys.argv[1:] or list(BUILDERS):
        BUILDERS[name]()
