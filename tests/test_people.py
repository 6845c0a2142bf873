"""People introduced by their titles."""

from __future__ import annotations

from policytext.document import Document
from policytext.extract.people import extract_people
from policytext.sentences import split_sentences

SAMPLE = (
    "“政府工作报告中把推动产业转型升级，聚焦新质生产力放到非常重要的位置。”全国人大代表，四川省经济和信息化厅党组书记、"
    "厅长翟刚在接受四川新传媒集团记者专访时说道。\n\n全国人大代表，四川省经济和信息化厅党组书记、厅长翟刚\n\n"
    "“我们工业的绿色本底，就是新质生产力的一个充分体现。”翟刚说，根据统计，2023年四川绿色低碳优势产业增长了11.9%。"
)


def _people(text: str) -> list[tuple[str, list[str], list[str]]]:
    doc = Document(raw=text, text=text)
    doc.sentences = split_sentences(text)
    found = extract_people(doc)
    for person in found:
        assert doc.text[person.span[0] : person.span[1]] == person.name
    return [(p.name, p.titles, p.organizations) for p in found]


def test_sample_person_with_titles_and_organisation() -> None:
    assert _people(SAMPLE) == [
        ("翟刚", ["全国人大代表", "四川省经济和信息化厅党组书记", "厅长"], ["四川省经济和信息化厅"])
    ]


def test_report_bylines() -> None:
    # 001 Sichuan, 007 Guangdong, 023 national (full-width space), 014 Shandong (no separator before the org)
    assert _people(
        "2026年2月3日在四川省第十四届人民代表大会第五次会议上\n四川省人民政府省长 施小琳\n各位代表："
    ) == [("施小琳", ["四川省人民政府省长"], ["四川省人民政府"])]
    assert _people("广东省省长 王伟中\n（四）巩固提升制造业当家优势") == [
        ("王伟中", ["广东省省长"], ["广东省"])
    ]
    assert _people("国务院总理　李克强\n各位代表：") == [("李克强", ["国务院总理"], ["国务院"])]
    assert _people("2025年1月在山东省第十四届人民代表大会第三次会议上山东省省长 周乃翔\n") == [
        ("周乃翔", ["山东省省长"], ["山东省"])
    ]


def test_no_person_where_a_title_word_is_not_followed_by_a_name() -> None:
    text = "各位代表：现在，我代表省人民政府，向大会报告工作。市人民政府主任会议决定。"
    assert _people(text) == []


def test_three_character_name_before_a_verb() -> None:
    assert _people("副省长李大明表示，要加快发展。") == [("李大明", ["副省长"], [])]


def test_long_title_chains_are_bounded() -> None:
    (person,) = extract_people(Document(raw="x", text="厅长、" * 20000 + "厅长翟刚说"))
    assert person.name == "翟刚"
    assert 2 <= len(person.titles) <= 8


def test_name_before_title() -> None:
    # 014/016/018: "习近平总书记" (name, then title); organisation words before a title are no names
    assert _people("深入贯彻习近平总书记视察山东重要讲话精神") == [("习近平", ["总书记"], [])]
    assert _people("会见李强总理时指出") == [("李强", ["总理"], [])]
    assert _people("党委书记王五说") == [("王五", ["党委书记"], [])]
    assert _people("以习近平同志为核心的党中央") == []
    assert _people("举办中拉农业部长论坛") == []
    assert _people("应急管理部部长会议召开") == []


def test_programmes_and_people_list_every_mention_of_their_name():
    from policytext import analyze

    text = "省长李明表示，实施产业焕新行动。李明强调，持续推进产业焕新行动，确保产业焕新行动见效。"
    doc = analyze(text, keyword_method=None)
    (program,) = [p for p in doc.programs if p.name == "产业焕新行动"]
    assert [doc.text[s:e] for s, e in program.spans] == ["产业焕新行动"] * 3
    assert program.span in [tuple(s) for s in program.spans]
    (person,) = [p for p in doc.people if p.name == "李明"]
    assert len(person.spans) == 2 and person.span == person.spans[0]
    assert doc.to_dict()["programs"][0]["spans"][0] == list(program.spans[0])
