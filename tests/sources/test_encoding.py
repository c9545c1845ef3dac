import codecs

import pytest

from marsad.errors import MarsadError
from marsad.sources.encoding import decode_article_bytes

ARTICLE = (
    "اتفاق على وقف إطلاق النار في غزة\nأعلن الوسطاء اليوم التوصل إلى اتفاق، وقالوا إن «التنفيذ يبدأ غدا»."
)


@pytest.mark.parametrize(
    "encoded",
    [
        ARTICLE.encode("utf-8"),
        codecs.BOM_UTF8 + ARTICLE.encode("utf-8"),
        ARTICLE.encode("utf-16"),  # with a byte order mark
        ARTICLE.encode("utf-16-le"),  # without one
        ARTICLE.encode("utf-16-be"),
        ARTICLE.encode("cp1256"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-le", "utf-16-be", "windows-1256"],
)
def test_every_usual_encoding_decodes_to_the_same_text(encoded):
    assert decode_article_bytes(encoded) == ARTICLE


def test_windows_1256_with_latin_words():
    text = "قالت وكالة Reuters إن الاجتماع انتهى دون اتفاق."
    assert decode_article_bytes(text.encode("cp1256")) == text


def test_binary_data_is_refused():
    with pytest.raises(MarsadError) as error:
        decode_article_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert error.value.code == "E104"


def test_undecodable_bytes_are_refused():
    noise = bytes((i * 37 + 11) % 128 + 128 for i in range(600))
    with pytest.raises(MarsadError) as error:
        decode_article_bytes(noise)
    assert error.value.code == "E105"
