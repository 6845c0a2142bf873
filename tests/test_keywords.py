import json

import pytest
from helpers import SAMPLE

from policytext.cli import main
from policytext.keywords import IdfTable, is_term, rank_terms, textrank


def test_terms_exclude_numbers_dates_phones_units_and_stopwords():
    for token in ("2023年", "11.9%", "028-86265049", "2024-03-11", "三", "万亿元", "的", "推动", "，", "x"):
        assert not is_term(token), token
    for token in ("新质生产力", "人工智能", "5G", "集成电路"):
        assert is_term(token), token


def test_tf_counts_and_weights():
    tokens = ["新质生产力", "的", "发展", "新质生产力", "集成电路", "2023年"]
    ranked = rank_terms(tokens, "tf", top=None)
    assert [(k.term, k.count) for k in ranked] == [("新质生产力", 2), ("集成电路", 1)]
    assert ranked[0].weight == pytest.approx(2 / 3)


def test_tfidf_uses_the_given_idf():
    idf = IdfTable({"甲乙": 10.0, "丙丁": 1.0})
    ranked = rank_terms(["丙丁", "丙丁", "甲乙"], "tfidf", idf=idf)
    assert [k.term for k in ranked] == ["甲乙", "丙丁"]


def test_corpus_idf_is_smoothed_and_ranks_rare_terms_higher():
    table = IdfTable.from_documents([{"产业", "低空经济"}, {"产业"}, {"产业"}])
    assert table["低空经济"] > table["产业"] > 0


def test_textrank_prefers_the_hub_term():
    scores = textrank(["中心", "甲", "中心", "乙", "中心", "丙", "中心"], window=2)
    assert max(scores, key=scores.get) == "中心" and scores["中心"] == 1.0


@pytest.mark.parametrize("method", ["tf", "tfidf", "textrank"])
def test_sample_keywords_via_cli(method, capsys):
    assert main(["keywords", str(SAMPLE), "--format", "json", "--method", method, "--top", "10"]) == 0
    rows = json.loads(capsys.readouterr().out)
    terms = [row["term"] for row in rows]
    assert len(rows) == 10 and set(rows[0]) == {"term", "count", "weight"}
    assert "新质生产力" in terms
    assert not any(ch.isdigit() for term in terms for ch in term)


def test_jieba_idf_table():
    from policytext.keywords import jieba_idf

    table = jieba_idf()
    assert len(table.idf) > 200_000 and table["新质生产力"] == table.default  # unknown term: the median
    assert table["经济"] < table["生产力"]  # a common word weighs less


def test_marshal_cache_is_written_reused_and_rebuilt_when_damaged(tmp_path, monkeypatch):
    import tempfile

    from policytext.resources import marshal_cache

    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path))
    builds = []

    def build():
        builds.append(1)
        return {"词": 1.5}, 2.0

    assert marshal_cache("demo", "k1", build) == ({"词": 1.5}, 2.0)
    (cache_file,) = tmp_path.glob("policytext-demo-k1-*.marshal")
    assert marshal_cache("demo", "k1", build) == ({"词": 1.5}, 2.0) and len(builds) == 1  # reused
    cache_file.write_bytes(cache_file.read_bytes()[:5])  # cut short
    assert marshal_cache("demo", "k1", build) == ({"词": 1.5}, 2.0) and len(builds) == 2  # rebuilt
    assert marshal_cache("demo", "k2", build) and len(builds) == 3  # another key, another file
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path / "missing"))
    assert marshal_cache("demo", "k1", build) == ({"词": 1.5}, 2.0)  # an unwritable place: just built


def test_marshal_cache_rebuilds_a_file_its_loader_rejects_and_leaves_no_temporary_files(tmp_path, monkeypatch):
    import marshal
    import tempfile

    from policytext.resources import marshal_cache

    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path))

    def pair(value):
        first, second = value  # a value of another layout raises here
        return first + second

    assert marshal_cache("demo", "k", lambda: (1, 2), pair) == 3
    (cache_file,) = tmp_path.glob("policytext-demo-k-*.marshal")
    cache_file.write_bytes(marshal.dumps((1, 2, 3)))  # sound marshal data, wrong layout
    assert marshal_cache("demo", "k", lambda: (4, 5), pair) == 9
    assert marshal.loads(cache_file.read_bytes()) == (4, 5)
    cache_file.unlink()
    cache_file.mkdir()  # the cache path cannot be replaced: built, and no temporary file left behind
    assert marshal_cache("demo", "k", lambda: (6, 7), pair) == 13
    assert sorted(p.name for p in tmp_path.iterdir()) == [cache_file.name]
