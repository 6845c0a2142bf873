"""The bundled sample against its hand-made reference annotation (../shared/gold)."""

import json
from functools import cache

import pytest
from helpers import GOLD, SAMPLE, squeeze

import policytext

pytestmark = pytest.mark.skipif(not GOLD.is_dir(), reason="../shared/gold not present")


@cache
def document():
    return policytext.analyze(SAMPLE.read_bytes(), path=str(SAMPLE))


@cache
def gold():
    return json.loads((GOLD / "sichuan-green-base.json").read_text(encoding="utf-8"))


def test_metadata_matches_gold():
    meta = document().meta
    expected = gold()["meta"]
    assert (meta.title, meta.published, meta.source, meta.publisher, meta.views, meta.breadcrumb) == (
        expected["title"], expected["published"], expected["source"], expected["publisher"],
        expected["views"], expected["breadcrumb"],
    )


def test_clean_body_equals_gold_body():
    assert squeeze(document().text) == squeeze((GOLD / "sichuan-green-base.body.txt").read_text(encoding="utf-8"))


def test_repairs_are_recorded_with_raw_offsets():
    doc = document()
    kinds = {}
    for repair in doc.repairs:
        kinds[repair.kind] = kinds.get(repair.kind, 0) + 1
        if repair.kind in ("frame_shift", "pinyin"):
            assert doc.raw[repair.start : repair.end] == repair.before
    assert kinds["frame_shift"] == len(gold()["repairs"]["frame_shift"])
    restored = [r.after for r in doc.repairs if r.kind == "frame_shift"]
    for expected in gold()["repairs"]["frame_shift"]:
        assert any(expected["restored"].startswith(r) or r.startswith(expected["restored"]) for r in restored)
    # every annotation of the page is removed; the one inside a damaged span goes with the span
    assert kinds["pinyin"] >= gold()["repairs"]["pinyin_annotations"] - 1
    assert not any(b.kind == "title" and b.text in doc.text for b in doc.meta.boilerplate)


def test_indicators_match_gold():
    found = {(i.value, i.unit): i for i in document().indicators}
    for expected in gold()["indicators"]:
        indicator = found[(expected["value"], expected["unit"])]
        assert expected["subject"] in indicator.subject
        assert indicator.qualifier == expected.get("qualifier")
        if "period" in expected:
            assert expected["period"] in (indicator.period or "")
        assert indicator.region == expected["region"]
        assert document().text[slice(*indicator.span)] == indicator.quantity
    assert len(document().indicators) == len(gold()["indicators"])


def test_enumerations_match_gold():
    found = [(e.head, e.items) for e in document().enumerations]
    for expected in gold()["enumerations"]:
        assert any(set(expected["items"]) <= set(items) for _, items in found), expected


def test_programs_match_gold():
    found = {p.name: p.verb for p in document().programs}
    for expected in gold()["programs"]:
        assert found.get(expected["name"]) == expected["verb"], expected


def test_industries_resolve_named_groups():
    found = {i.name: i for i in document().industries}
    for expected in gold()["industries"]:
        assert found[expected["name"]].category == expected["category"]
        if "members" in expected:
            assert found[expected["name"]].members == expected["members"]


def test_people_and_not_indicators():
    person = next(p for p in document().people if p.name == "翟刚")
    assert {"全国人大代表", "厅长"} <= set(person.titles)
    quantities = {i.quantity for i in document().indicators}
    for text in gold()["not_indicators"]:
        assert text not in quantities
