import pytest

from marsad.text import tokenize


def texts(text: str) -> list[str]:
    return [token.text for token in tokenize(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("من(داعش)", ["من", "(", "داعش", ")"]),
        ('قوات"الحشد الشعبي"', ["قوات", '"', "الحشد", "الشعبي", '"']),
        ("ظهر اليوم/الثلاثاء/ في", ["ظهر", "اليوم", "/", "الثلاثاء", "/", "في"]),
        ("العراق ..وشددا", ["العراق", "..", "وشددا"]),
        ("تنظيم(داعش)الإرهابي", ["تنظيم", "(", "داعش", ")", "الإرهابي"]),
        ('«الخلافة»، و"الدولة"', ["«", "الخلافة", "»", "،", "و", '"', "الدولة", '"']),
        ("نينوى/405 كم", ["نينوى", "/", "405", "كم"]),
        ("بلغ 1,500 و٤٠٥٫٥ دولار", ["بلغ", "1,500", "و", "٤٠٥٫٥", "دولار"]),
        ("هل انتهى؟!", ["هل", "انتهى", "؟!"]),
        ("موقع www.example.org اليوم", ["موقع", "www.example.org", "اليوم"]),
    ],
)
def test_glued_punctuation_is_split(text, expected):
    assert texts(text) == expected


def test_offsets_are_exact_and_marks_stay_in_words():
    text = "قالَ \u200fالرئيسُ: «نعم»"
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text
    assert texts(text) == ["قالَ", "الرئيسُ", ":", "«", "نعم", "»"]


def analysis(word: str) -> tuple[str, str, str]:
    (token,) = tokenize(word)
    return token.prefix, token.stem, token.suffix


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("والغبان", ("وال", "غبان", "")),  # an unseen name still loses conjunction and article
        ("البارزاني", ("ال", "بارزاني", "")),
        ("بالعراق", ("بال", "عراق", "")),
        ("للعراق", ("لل", "عراق", "")),  # ل + ال with the alef dropped
        ("وقال", ("و", "قال", "")),
        ("ستعمل", ("س", "تعمل", "")),
        ("والتي", ("و", "التي", "")),
        ("مسلحيه", ("", "مسلحي", "ه")),
    ],
)
def test_clitics_are_analysed(word, expected):
    assert analysis(word) == expected


@pytest.mark.parametrize(
    "word", ["بغداد", "وزير", "كركوك", "بريطانيا", "لبنان", "فرنسا", "إلى", "الله", "والد", "وزارة", "لجنة"]
)
def test_names_and_words_that_merely_start_like_clitics_stay_whole(word):
    prefix, _stem, suffix = analysis(word)
    assert prefix == "" and suffix == ""


def test_clitic_parts_rebuild_the_normalised_form():
    for token in tokenize("وبالأمس قالت الحكومة لمواطنيها إن الوضع مستقر"):
        assert token.prefix + token.stem + token.suffix == token.norm


def test_stem_offsets_skip_the_proclitics_even_with_diacritics():
    text = "وَالغَبّانُ"
    (token,) = tokenize(text)
    assert token.prefix == "وال"
    assert text[token.stem_start : token.stem_end] == "غَبّانُ"
    (plain,) = tokenize("والغبان")
    assert (plain.stem_start, plain.stem_end) == (3, 7)


def test_token_kinds():
    kinds = [t.kind for t in tokenize("قال Reuters إن 12 شخصا، https://x.org")]
    assert kinds == ["arabic", "latin", "arabic", "number", "arabic", "punct", "url"]
