from marsad.text import normalize, normalize_word


def test_alef_variants_become_bare_alef():
    assert normalize_word("أإآٱ") == "اااا"
    assert normalize_word("الإمارات") == normalize_word("الامارات")


def test_alef_maqsura_and_ta_marbuta():
    assert normalize_word("نينوى") == normalize_word("نينوي") == "نينوي"
    assert normalize_word("محافظة") == "محافظه"


def test_diacritics_and_tatweel_are_removed():
    assert normalize_word("مُحَمَّدٌ") == "محمد"
    assert normalize_word("العـــراق") == "العراق"


def test_digits_of_every_script_become_ascii():
    assert normalize_word("١٠/٦/٢٠١٤") == "10/6/2014"
    assert normalize_word("۲۰۲۴") == "2024"


def test_arabic_punctuation_and_quotes_are_recognised():
    assert normalize_word("،؛؟«»“”٫") == ',;?"""".'


def test_bidi_and_zero_width_marks_are_dropped():
    assert normalize_word("\u200fبغداد\u200e\u200b") == "بغداد"


def test_offsets_map_back_to_the_original_text():
    text = "قالَ الـرئيسُ\u200f في ١٠ يونيو"
    result = normalize(text)
    assert result.text == "قال الرييس في 10 يونيو".replace("الرييس", "الرئيس")
    start = result.text.index("الرئيس")
    original_start, original_end = result.to_original(start, start + len("الرئيس"))
    assert text[original_start:original_end] == "الـرئيسُ"[:-1]
    digits = result.text.index("10")
    assert result.to_original(digits, digits + 2) == (text.index("١٠"), text.index("١٠") + 2)


def test_text_without_deletions_shares_offsets():
    result = normalize("أربيل وكركوك")
    assert result.origin is None
    assert result.text == "اربيل وكركوك"
    assert result.to_original(6, 12) == (6, 12)


def test_running_text_is_mapped_like_single_words():
    # Long texts are mapped rule by rule with str.replace, short ones with str.translate:
    # both must give what normalising each word alone gives.
    text = "قالت الحكومة إنّ قواتٍ أُرسلت إلى نينوى في ٢٠١٤ «لحماية» المدنيين، وآخرون في العـــراق."
    words = text.split(" ")
    assert len(text) > 48
    assert normalize(text).text == " ".join(normalize_word(word) for word in words)
    assert [normalize(word).text for word in words] == [normalize_word(word) for word in words]
