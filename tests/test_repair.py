from policytext.document import Edit
from policytext.repair.boilerplate import split_boilerplate
from policytext.repair.pinyin import find_pinyin_annotations
from policytext.repair.punctuation import find_ascii_punctuation, find_full_width_alphanumerics
from policytext.tracked import TrackedText


def apply(text, find):
    tracked = TrackedText(text)
    tracked.apply(find(text))
    return tracked.text


def test_pinyin_removed_only_where_it_is_a_reading():
    assert apply("企業(yè)協(xié)會", find_pinyin_annotations) == "企業協會"
    # characters the sample never annotates, traditional and simplified
    assert apply("他說(shuō)要開(kāi)通線(xiàn)路,長(zhǎng)期", find_pinyin_annotations) == "他說要開通線路,長期"
    assert apply("银行(háng)", find_pinyin_annotations) == "银行"
    # a wrong reading, a word in parentheses and English stay
    assert apply("代表(yè)", find_pinyin_annotations) == "代表(yè)"
    assert apply("中国(China)和数据(data)", find_pinyin_annotations) == "中国(China)和数据(data)"


def test_toneless_pinyin_has_lower_confidence():
    (edit,) = find_pinyin_annotations("發(fa)")
    assert edit.kind == "pinyin" and edit.confidence < 1


def test_ascii_punctuation_restored_between_han():
    text = "面对新挑战,新机遇:四川如何?下一步!见(附件)"
    assert apply(text, find_ascii_punctuation) == "面对新挑战，新机遇：四川如何？下一步！见（附件）"


def test_ascii_punctuation_left_in_numbers_urls_and_latin():
    for text in ("共1,000,000元", "见 http://www.gov.cn/a", "时间 10:30", "Hello, world!", "比例为3:2"):
        assert apply(text, find_ascii_punctuation) == text


def test_full_width_digits_become_ascii():
    assert apply("增长３.５％，ＧＤＰ", find_full_width_alphanumerics) == "增长3.5%，GDP"


PAGE = """当前位置：首页 » 政务公开 » 通知公告
关于开展2023年度专精特新中小企业认定工作的通知
发布时间：2023年5月6日  信息来源：市经济和信息化局  阅读量：1024
各区县经信部门：现将有关事项通知如下。
一、认定条件……
【打印本页】【关闭窗口】
主办单位：某市人民政府办公室  网站标识码：5101000001
地址：某市人民路1号  邮编：610000
"""


def test_boilerplate_split_with_metadata():
    meta, lines = split_boilerplate(PAGE)
    assert meta.title == "关于开展2023年度专精特新中小企业认定工作的通知"
    assert meta.published == "2023-05-06"
    assert meta.source == "市经济和信息化局"
    assert meta.views == 1024
    assert meta.breadcrumb == ["首页", "政务公开", "通知公告"]
    assert meta.publisher == "某市人民政府办公室"
    kinds = [line.kind for line in lines]
    assert kinds == ["breadcrumb", "title", "dateline", "navigation", "registration", "address"]
    kept = [line for line in PAGE.splitlines() if line and all(line != b.text for b in lines)]
    assert kept == ["各区县经信部门：现将有关事项通知如下。", "一、认定条件……"]


def test_body_paragraph_mentioning_copyright_is_kept():
    text = "标题\n" + "依法保护版权所有人的合法权益，" * 10 + "。\n"
    _, lines = split_boilerplate(text)
    assert all("版权" not in line.text for line in lines)


def test_edit_type_is_plain_data():
    assert Edit(0, 1, "x", "k").confidence == 1.0


def test_ascii_double_quotes_around_chinese_are_restored_in_pairs():
    from policytext.repair.punctuation import find_ascii_punctuation
    from policytext.tracked import TrackedText

    def repaired(text: str) -> str:
        tracked = TrackedText(text)
        tracked.apply(find_ascii_punctuation(text))
        return tracked.text

    assert repaired('实施"十三五"规划和"三大战略"') == "实施“十三五”规划和“三大战略”"
    assert repaired('"hello" 中文 "world"') == '"hello" 中文 "world"'  # pairs in order: no Han inside
    assert repaired('"5G"网络') == '"5G"网络'
    assert repaired('一"二"三"') == '一"二"三"'  # an odd count on the line: left alone
    assert repaired('a"甲"\nb"乙') == 'a“甲”\nb"乙'  # paired per line
