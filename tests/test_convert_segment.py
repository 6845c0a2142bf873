import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policytext.convert import find_script_changes
from policytext.segment import merge_numbers, segment_text
from policytext.tracked import TrackedText


def convert(text, config="t2s"):
    tracked = TrackedText(text)
    repairs = tracked.apply(find_script_changes(text, config))
    return tracked.text, repairs


def test_traditional_to_simplified_with_runs_recorded():
    text, repairs = convert("發展經濟，建設現代化產業體系")
    assert text == "发展经济，建设现代化产业体系"
    assert [(r.before, r.after) for r in repairs] == [("發", "发"), ("經濟", "经济"), ("設現", "设现"), ("產業體", "产业体")]


def test_taiwan_phrases_change_length_and_still_map():
    text, repairs = convert("這是一個軟體，資料儲存在記憶體", "tw2sp")
    assert text == "这是一个软件，数据保存在内存"
    assert all(r.kind == "script" for r in repairs)


def test_simplified_text_is_left_alone():
    assert convert("新质生产力")[1] == []
    assert convert("發展", "none") == ("發展", [])


def test_numbers_and_policy_terms_stay_whole():
    tokens = segment_text("2023年四川绿色低碳优势产业增长了11.9%，聚力实施人工智能1号创新工程，推进“智改数转”")
    for whole in ("2023年", "绿色低碳优势产业", "11.9%", "人工智能1号创新工程", "智改数转"):
        assert whole in tokens
    assert "".join(tokens).startswith("2023年四川")


def test_merge_numbers_joins_pieces_of_a_dictionary_only_cut():
    assert merge_numbers(["增长", "11", ".9", "%"]) == ["增长", "11.9%"]
    assert merge_numbers(["2024", "年", "12", "年"]) == ["2024年", "12", "年"]


def test_fast_cutter_gives_jiebas_tokens_on_the_corpus():
    """The single-pass route finder must reproduce jieba's accurate mode with HMM token for token."""
    from helpers import CORPUS

    from policytext.segment import fast_cutter, tokenizer

    reference = tokenizer()
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert fast_cutter().cut(text) == list(reference.cut(text)), path.name


@given(st.text(alphabet="中国工业产业发展数字经济增长万亿元个和等業發產们龘𠀀 abcAB12.5%-_#&+\n　，。、“”", max_size=200))
@settings(max_examples=200, deadline=None)
def test_fast_cutter_gives_jiebas_tokens_on_any_text(text):
    from policytext.segment import fast_cutter, tokenizer

    assert fast_cutter().cut(text) == list(tokenizer().cut(text))


def test_lexicon_holds_jiebas_dictionary_with_the_policy_words():
    from policytext import segment

    words, reference = segment.lexicon(), segment.tokenizer()
    assert dict(words.freq.items()) == reference.FREQ and words.total == reference.total
    assert words.freq["新质生产力"] > 0 and words.freq["新质生"] == 0  # a policy word and its prefix
    for absent in ("产力新质", "", "\uffff"):  # before, between and after the sorted words
        assert words.freq.get(absent) is None and absent not in words.freq
        with pytest.raises(KeyError):
            words.freq[absent]


def test_fast_cutter_memory_is_bounded_and_tokens_unchanged(monkeypatch):
    from helpers import corpus_text

    from policytext import segment

    monkeypatch.setattr(segment, "_MAX_MEMO", 500)
    cutter = segment.FastCutter(segment.lexicon())
    text = corpus_text("001")[:3000]
    assert cutter.cut(text) == list(segment.tokenizer().cut(text))
    assert 0 < len(cutter.log_prob) <= 500


def test_segmenting_does_not_import_pkg_resources():
    """jieba's slow `pkg_resources` import is avoided (it only opens jieba's own files)."""
    import subprocess
    import sys

    script = (
        "import sys; from policytext.segment import segment_text;"
        "print(segment_text('新质生产力加快发展'), 'pkg_resources' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['新质生产力', '加快', '发展'] False"


def test_word_counts_answer_like_a_dict_for_any_key():
    from policytext import segment

    freq = segment.lexicon().freq
    assert freq.get(1) is None and freq.get(None, 0) == 0 and 1 not in freq
