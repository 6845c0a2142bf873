"""Key terms: quoted coinages and policy-dictionary words."""

from __future__ import annotations

from policytext.document import Document, Token
from policytext.extract.terms import extract_key_terms, policy_terms, quoted_terms
from policytext.sentences import split_sentences

SAMPLE = (
    "政府工作报告提出“加快推进新型工业化，提高全要素生产率”。作为经济大省，四川拥有发展新质生产力的先天优势。"
    "“我们工业的绿色本底，就是新质生产力的一个充分体现。”翟刚说。“这里还是离不开‘绿色化’。”"
    "此外，要深入推进制造业“智改数转”，加快人工智能赋能。出台“智改数转”专项行动计划。聚力实施人工智能1号创新工程，"
    "推动人工智能赋能新型工业化，形成全生命周期的绿色化发展。"
)
# 006 Sichuan 2025 government work report
SICHUAN_2025 = (
    "强化“科创投”“科创贷”“科创券”“科创保”“科创贴”联动财政金融服务，促进科技成果“沿途下蛋”、外溢转化。"
)


def _doc(text: str) -> Document:
    doc = Document(raw=text, text=text)
    doc.sentences = split_sentences(text)
    return doc


def test_quoted_terms_are_short_and_not_sentences() -> None:
    assert quoted_terms(SAMPLE) == ["绿色化", "智改数转"]
    assert quoted_terms(SICHUAN_2025) == ["科创投", "科创贷", "科创券", "科创保", "科创贴", "沿途下蛋"]


def test_sample_key_terms() -> None:
    terms = extract_key_terms(_doc(SAMPLE))
    assert {"智改数转", "绿色化"} <= set(terms)
    assert not any("，" in term or len(term) > 12 for term in terms)
    if policy_terms():  # the policy dictionary is bundled by the lead; without it only quoted terms remain
        assert {"新质生产力", "新型工业化", "全要素生产率", "人工智能"} <= set(terms)
        assert terms.index("人工智能") < terms.index("全要素生产率")  # 3 mentions before 1


def test_tokens_path_counts_dictionary_tokens() -> None:
    tokens = ["推动", "人工智能", "赋能", "新型工业化", "，", "人工智能"]
    terms = extract_key_terms(_doc("推动人工智能赋能新型工业化，人工智能"), tokens)
    if policy_terms():
        assert terms[0] == "人工智能"
    assert "赋能" not in terms or "赋能" in policy_terms()


def test_token_objects_are_accepted() -> None:
    text = "推动人工智能赋能新型工业化，人工智能"
    tokens = [Token("推动", 0, 2), Token("人工智能", 2, 6), Token("赋能", 6, 8)]
    terms = extract_key_terms(_doc(text), tokens)
    if policy_terms():
        assert terms[0] == "人工智能"
    assert all(isinstance(term, str) for term in terms)


def test_key_terms_without_tokens_equal_key_terms_from_a_whole_segmentation():
    """Without tokens, only the segmentation blocks holding a dictionary match are cut: the terms
    (shadowed dictionary words included) must be exactly those a whole-text segmentation gives."""
    from helpers import CORPUS

    from policytext.pipeline import clean
    from policytext.segment import segment_document

    shadowed_seen = 0
    for name in ("024_national_2022_gwr_2021_review.txt", "029_zhejiang_2020_digital_economy_regulation.txt",
                 "003_sichuan_2026_gwr_2026_tasks_industry.txt"):
        doc = segment_document(clean((CORPUS / name).read_bytes()))
        with_tokens = extract_key_terms(doc, doc.tokens)
        assert extract_key_terms(doc, None) == with_tokens
        shadowed_seen += any(term not in extract_key_terms(doc, ["无关"]) for term in with_tokens)
    assert shadowed_seen >= 2  # the documents do hold words only segmentation finds (产业数字化, 创新平台)


def test_key_terms_without_tokens_cut_every_block_a_match_overlaps(monkeypatch):
    """A dictionary word may start with a character jieba does not put in blocks (·): the block
    holding the shadowed word then starts inside the match, and must be cut too."""
    from policytext.extract import terms
    from policytext.pipeline import clean
    from policytext.resources import words_pattern
    from policytext.segment import segment_document

    words = terms.policy_terms() | {"·产业数字化", "产业数字化"}
    monkeypatch.setattr(terms, "policy_terms", lambda: words)
    monkeypatch.setattr(terms, "_dictionary_pattern", lambda: words_pattern(words))
    doc = segment_document(clean("推动·产业数字化发展。"))
    assert extract_key_terms(doc, doc.tokens) == ["·产业数字化", "产业数字化"]
    assert extract_key_terms(doc, None) == ["·产业数字化", "产业数字化"]
