"""Tests of bench/score.py's matching logic on small hand-made predictions (not of the extractor)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

SCORE_PATH = Path(__file__).resolve().parent.parent / "bench" / "score.py"
_spec = importlib.util.spec_from_file_location("bench_score", SCORE_PATH)
score = importlib.util.module_from_spec(_spec)
sys.modules["bench_score"] = score
_spec.loader.exec_module(score)


def ind(subject, value, unit, qualifier=None, period=None, evidence="", span=None):
    return {
        "subject": subject,
        "value": value,
        "unit": unit,
        "qualifier": qualifier,
        "period": period,
        "evidence": evidence,
        "span": span,
    }


def test_values_agree_with_tolerance_and_ranges():
    assert score.values_agree(5.5, 5.5000000001)
    assert score.values_agree(67665, 67665.0)
    assert not score.values_agree(5.5, 5.6)
    assert score.values_agree([3, 5], [3.0, 5.0])
    assert not score.values_agree([3, 5], 3)
    assert not score.values_agree([3, 5], [3, 6])
    assert not score.values_agree(None, 0)


def test_indicator_subject_must_contain_gold_subject():
    gold = ind("地区生产总值", 5.5, "%")
    assert score.indicator_matches(gold, ind("全省地区生产总值", 5.5, "%"))
    assert not score.indicator_matches(gold, ind("生产总值", 5.5, "%"))
    assert not score.indicator_matches(gold, ind(None, 5.5, "%"))
    # unit: exact after NFKC (full-width ％ folds to %), 万家 is not 家
    assert score.indicator_matches(gold, ind("地区生产总值", 5.5, "％"))
    assert not score.indicator_matches(ind("企业", 1.2, "万家"), ind("企业", 1.2, "家"))
    # traditional script and quotes do not matter
    assert score.indicator_matches(
        ind("“智改数转”重点项目", 300, "个"), ind("完成智改數轉重點項目", 300, "个")
    )


def test_one_to_one_matching_counts_duplicates_as_false_positives():
    gold = [ind("技改项目", 3000, "个")]
    predicted = [ind("技改项目", 3000, "个"), ind("实施技改项目", 3000, "个")]
    pairs = score.match_one_to_one("indicators", gold, predicted)
    assert pairs == [(0, 0)]  # the shorter (closer) subject wins
    gold = [ind("数字化车间", 6, "个"), ind("智能工厂", 6, "个")]
    predicted = [ind("智能工厂", 6, "个")]
    assert score.match_one_to_one("indicators", gold, predicted) == [(1, 0)]


def test_enumeration_needs_80_percent_of_gold_items():
    gold = {"head": "新领域", "items": ["人工智能", "生物技术", "卫星网络", "无人机", "核技术应用"]}
    four = {"head": "新领域", "items": ["人工智能", "生物技术", "卫星网络", "无人机"]}
    three = {"head": "新领域", "items": ["人工智能", "生物技术", "卫星网络", "飞机"]}
    assert score.enumeration_matches(gold, four)
    assert not score.enumeration_matches(gold, three)
    # quotes and a trailing 等 are stripped; a kept leading modifier is tolerated
    quoted = {"items": ["科创投", "科创贷", "科创券"]}
    assert score.enumeration_matches(quoted, {"items": ["“科创投”", "“科创贷”", "“科创券”等"]})
    assert (
        score.enumeration_coverage({"items": ["氢能", "新材料"]}, {"items": ["前沿新兴氢能", "新材料"]})
        == 1.0
    )
    assert score.enumeration_coverage({"items": ["氢能", "新材料"]}, {"items": ["氢", "新材料"]}) == 0.5


def test_head_and_verb_accuracy_rules():
    assert score.head_correct({"head": "重点产业链"}, {"head": "“15+N”重点产业链"})
    assert score.head_correct({"head": None}, {"head": ""})
    assert not score.head_correct({"head": None}, {"head": "产业"})
    assert not score.head_correct({"head": "领域"}, {"head": "产业"})
    assert score.verb_correct({"verb": "实施"}, {"verb": "聚力实施"})
    assert not score.verb_correct({"verb": "实施"}, {"verb": "开展"})
    assert not score.verb_correct({"verb": "出台"}, {"verb": None})


def test_program_names_equal_or_contained_with_length_ratio():
    gold = {"name": "产业新赛道争先竞速行动"}
    assert score.program_matches(gold, {"name": "产业新赛道争先竞速行动"})
    assert score.program_matches(gold, {"name": "实施产业新赛道争先竞速行动"})  # 11/13
    assert not score.program_matches(gold, {"name": "争先竞速行动"})  # 6/11 < 0.6
    assert score.program_matches({"name": "“智改数转”专项行动计划"}, {"name": "智改数转专项行动计划"})
    assert not score.program_matches(gold, {"name": ""})


def test_period_and_qualifier_accuracy():
    assert score.period_correct({"period": "2025年"}, {"period": "到2025年"})
    assert score.period_correct({"period": "“十四五”时期"}, {"period": "十四五时期"})
    assert score.period_correct({"period": None}, {"period": None})
    assert not score.period_correct({"period": None}, {"period": "2024年"})
    assert not score.period_correct({"period": "2027年"}, {"period": "2025年"})
    assert score.qualifier_correct({"qualifier": "以上"}, {"qualifier": "以上"})
    assert not score.qualifier_correct({"qualifier": "左右"}, {"qualifier": None})
    assert score.qualifier_correct({"qualifier": "超"}, {"qualifier": "超过"})
    assert score.qualifier_correct({"qualifier": "破"}, {"qualifier": "突破"})
    assert not score.qualifier_correct({"qualifier": "超过"}, {"qualifier": "以上"})


def test_industry_names_match_by_containment_and_prefer_exact_pairs():
    gold = [
        {"name": "新能源", "category": "战略性新兴产业"},
        {"name": "新能源汽车", "category": "战略性新兴产业"},
    ]
    predicted = [
        {"name": "新能源汽车", "category": "战略性新兴产业"},
        {"name": "新能源", "category": "新兴产业"},
    ]
    assert score.match_one_to_one("industries", gold, predicted) == [(0, 1), (1, 0)]
    assert score.industry_matches({"name": "先进制造业"}, {"name": "先进制造业集群"})
    assert not score.industry_matches({"name": "数字经济"}, {"name": "经济"})


SOURCE = "标题行\n实现地区生产总值100亿元，增长5%。\n新增企业3家。\n"


def test_scope_keeps_only_predictions_in_the_scoped_lines():
    gold = {
        "scope": {"first_line": 3, "last_line": 3},
        "indicators": [ind("企业", 3, "家")],
    }
    text = "实现地区生产总值100亿元，增长5%。新增企业3家。"
    predicted = {
        "text": text,
        "indicators": [
            ind("地区生产总值", 100, "亿元", evidence="实现地区生产总值100亿元，增长5%。"),
            ind("地区生产总值", 5, "%", span=[text.index("5%"), text.index("5%") + 2]),
            ind("企业", 3, "家", span=[text.index("3家"), text.index("3家") + 2]),
        ],
    }
    result = score.score_document(gold, predicted, SOURCE)
    counts = result["counts"]["indicators"]
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 0)
    # text the input does not contain (a failed repair) is placed by its relative position
    garbled = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
    early, late = (
        ind("甲", 1, "个", span=[2, 4]),
        ind("乙", 3, "家", span=[len(garbled) - 4, len(garbled) - 2]),
    )
    assert not score.in_scope("indicators", early, garbled, score.build_scope(SOURCE, gold["scope"]))
    assert score.in_scope("indicators", late, garbled, score.build_scope(SOURCE, gold["scope"]))
    # the same prediction on a whole-file gold counts everywhere
    gold_all = {"scope": None, "indicators": [ind("企业", 3, "家")]}
    counts = score.score_document(gold_all, predicted, SOURCE)["counts"]["indicators"]
    assert (counts.tp, counts.fp, counts.fn) == (1, 2, 0)


def test_score_document_reports_accuracy_misses_and_false_positives():
    gold = {
        "scope": None,
        "indicators": [
            ind("地区生产总值", 5.5, "%", qualifier="左右", period="2026年"),
            ind("粮食产量", 730, "亿斤"),
        ],
        "enumerations": [{"head": "新领域", "items": ["甲乙", "丙丁", "戊己"]}],
        "programs": [{"name": "产业新赛道争先竞速行动", "verb": "开展"}],
        "people": [{"name": "翟刚", "titles": ["厅长"]}],
        "industries": [{"name": "未来产业", "category": "未来产业"}],
        "key_terms": ["新质生产力", "绿色本底"],
    }
    predicted = {
        "text": "",
        "indicators": [
            ind("地区生产总值", 5.5, "%", qualifier=None, period="到2026年"),
            ind("城镇新增就业", 85, "万人"),
        ],
        "enumerations": [{"head": None, "items": ["甲乙", "丙丁", "戊己"]}],
        "programs": [{"name": "产业新赛道争先竞速行动", "verb": "开展"}, {"name": "一号工程", "verb": None}],
        "people": [{"name": "翟剛"}],
        "industries": [{"name": "未来产业", "category": "新兴产业"}],
        "key_terms": ["新质生产力"],
    }
    result = score.score_document(gold, predicted, "无关")
    c = result["counts"]
    assert (c["indicators"].tp, c["indicators"].fp, c["indicators"].fn) == (1, 1, 1)
    assert c["indicators"].attributes["qualifier"] == [0, 1]
    assert c["indicators"].attributes["period"] == [1, 1]
    assert c["enumerations"].attributes["head"] == [0, 1]
    assert (c["programs"].tp, c["programs"].fp) == (1, 1)
    assert c["people"].tp == 1  # 翟剛 → 翟刚
    assert c["industries"].tp == 1  # matched by name ...
    assert c["industries"].attributes["category"] == [0, 1]  # ... with the wrong category
    assert (c["key_terms"].tp, c["key_terms"].fn) == (1, 1)
    assert c["key_terms"].summary()["precision"] is None  # key terms: recall only
    summary = c["indicators"].summary()
    assert summary["precision"] == pytest.approx(0.5) and summary["recall"] == pytest.approx(0.5)
    assert result["misses"]["indicators"] == ["粮食产量 | 730 亿斤"]
    assert result["false_positives"]["indicators"] == ["城镇新增就业 | 85 万人"]


def _write_gold(tmp_path: Path, name: str, garble) -> Path:
    (tmp_path / "shared" / "corpus").mkdir(parents=True, exist_ok=True)
    (tmp_path / "shared" / "corpus" / "x.txt").write_text(SOURCE, encoding="utf-8")
    gold_dir = tmp_path / "gold"
    (gold_dir / "dev").mkdir(parents=True, exist_ok=True)
    gold = {"input": "corpus/x.txt", "garble": garble, "scope": None, "indicators": [ind("企业", 3, "家")]}
    (gold_dir / "dev" / f"{name}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return gold_dir


def test_run_applies_garble_and_skips_when_garble_is_missing(tmp_path, monkeypatch):
    seen = []

    def fake_analyze(text):
        seen.append(text)
        return SimpleNamespace(to_dict=lambda: {"text": text, "indicators": [ind("新增企业", 3, "家")]})

    gold_dir = _write_gold(tmp_path, "plain", None)
    _write_gold(tmp_path, "garbled", {"seed": 1})
    monkeypatch.setattr(score, "GARBLE_PATH", tmp_path / "missing.py")
    report = score.run("dev", tmp_path / "shared", fake_analyze, gold_dir)
    assert list(report["documents"]) == ["dev/plain"]
    assert "garble" in report["skipped"]["dev/garbled"]
    assert report["pooled"]["dev"]["indicators"].tp == 1

    garble_file = tmp_path / "garble.py"
    garble_file.write_text(
        "def garble(text, seed):\n    return text.upper() + '#' * seed, {}\n", encoding="utf-8"
    )
    monkeypatch.setattr(score, "GARBLE_PATH", garble_file)
    seen.clear()
    report = score.run("dev", tmp_path / "shared", fake_analyze, gold_dir)
    assert sorted(report["documents"]) == ["dev/garbled", "dev/plain"]
    assert SOURCE + "#" in seen
    as_json = score.report_to_json(report)
    assert as_json["pooled"]["dev"]["indicators"]["recall"] == 1.0


def test_run_survives_a_failing_analyze(tmp_path, monkeypatch):
    def broken(text):
        raise RuntimeError("boom")

    gold_dir = _write_gold(tmp_path, "plain", None)
    report = score.run("dev", tmp_path / "shared", broken, gold_dir)
    assert "boom" in report["skipped"]["dev/plain"]
    assert "skipped dev/plain" in score.report_to_text(report)


def test_a_programme_counts_where_any_mention_lies_in_scope():
    source = "第一行实施产业焕新行动。\n第二行说明。\n第三行持续推进产业焕新行动。\n"
    gold = {"scope": {"first_line": 3, "last_line": 3}, "programs": [{"name": "产业焕新行动", "verb": "推进"}]}
    text = source
    first = text.index("产业焕新行动")
    later = text.index("产业焕新行动", first + 1)
    record = {"name": "产业焕新行动", "kind": "action", "verb": "实施", "span": [first, first + 6]}
    scope = score.build_scope(source, gold["scope"])
    assert not score.in_scope("programs", record, text, scope)  # located by its first mention only
    record["spans"] = [[first, first + 6], [later, later + 6]]
    assert score.in_scope("programs", record, text, scope)
    counts = score.score_document(gold, {"text": text, "programs": [record]}, source)["counts"]["programs"]
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 0)
    record["spans"] = [[first, first + 6]]
    counts = score.score_document(gold, {"text": text, "programs": [record]}, source)["counts"]["programs"]
    assert (counts.tp, counts.fp, counts.fn) == (0, 0, 1)


def test_inputs_under_bench_live_in_this_repository_and_every_gold_input_exists(tmp_path):
    assert score.input_path("bench/corpus/x.txt", tmp_path) == score.REPO_ROOT / "bench" / "corpus" / "x.txt"
    assert score.input_path("corpus/x.txt", tmp_path) == tmp_path / "corpus" / "x.txt"
    for gold in score.GOLD_DIR.glob("*/*.json"):
        name = json.loads(gold.read_text(encoding="utf-8"))["input"]
        if name.startswith("bench/"):
            assert score.input_path(name, tmp_path).is_file(), gold
