import codecs

import opencc
import pytest

from policytext.decode import DecodeError, decode_bytes

TEXT = "四川省经济和信息化厅推动绿色低碳优势产业发展，2023年增长了11.9%。"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030", "gbk"])
def test_decodes_common_encodings(encoding):
    text, used = decode_bytes(TEXT.encode(encoding))
    assert text == TEXT
    assert used in {encoding, "gb18030", "utf-8-sig", "utf-16"}


def test_big5_traditional_text_is_read_as_big5():
    traditional = opencc.OpenCC("s2tw").convert(TEXT)
    text, used = decode_bytes(traditional.encode("big5"))
    assert (text, used) == (traditional, "big5")


def test_utf16_without_bom():
    text, used = decode_bytes(TEXT.encode("utf-16-le"))
    assert (text, used) == (TEXT, "utf-16-le")


def test_bom_decides_over_content():
    assert decode_bytes(codecs.BOM_UTF8 + "中文".encode())[0] == "中文"


@pytest.mark.parametrize("data", [bytes(range(256)) * 8, b"\x00\x01\x02\x03" * 100])
def test_binary_is_refused(data):
    with pytest.raises(DecodeError):
        decode_bytes(data)
