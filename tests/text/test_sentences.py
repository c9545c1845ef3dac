from marsad.text import split_sentences, tokenize


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, tokenize(text))]


def test_headline_without_full_stop_is_its_own_sentence():
    text = "الرئيس يصل إلى القاهرة\nوصل الرئيس اليوم إلى القاهرة. وكان في استقباله رئيس الوزراء."
    assert sentences(text) == [
        "الرئيس يصل إلى القاهرة",
        "وصل الرئيس اليوم إلى القاهرة.",
        "وكان في استقباله رئيس الوزراء.",
    ]


def test_arabic_question_and_exclamation_marks_end_sentences():
    assert sentences("هل انتهت الحرب؟ لا أحد يعرف! ربما غدا") == [
        "هل انتهت الحرب؟",
        "لا أحد يعرف!",
        "ربما غدا",
    ]


def test_runs_of_full_stops_glued_to_the_next_word():
    assert sentences("تقدم الجيش في المدينة ..وشدد القائد على الحذر..") == [
        "تقدم الجيش في المدينة ..",
        "وشدد القائد على الحذر..",
    ]


def test_a_quotation_stays_with_its_speaker():
    text = 'وقال الوزير: "الوضع صعب. لكننا سننتصر". وأضاف أن الدعم مستمر.'
    assert sentences(text) == ['وقال الوزير: "الوضع صعب. لكننا سننتصر".', "وأضاف أن الدعم مستمر."]


def test_closing_quote_after_a_stop_ends_the_sentence():
    text = "قال «سنعود.» ثم غادر القاعة."
    assert sentences(text) == ["قال «سنعود.»", "ثم غادر القاعة."]


def test_decimal_numbers_and_abbreviations_do_not_split():
    text = "نما الاقتصاد 4.4% هذا العام، وفق د. خالد. وتراجع التضخم."
    assert sentences(text) == ["نما الاقتصاد 4.4% هذا العام، وفق د. خالد.", "وتراجع التضخم."]


def test_unclosed_quote_does_not_swallow_the_paragraph():
    text = 'قال المتحدث "لن نتراجع. ' + "وأكد أن القوات مستعدة. " * 40
    assert len(sentences(text)) > 20


def test_empty_text_has_no_sentences():
    assert split_sentences("", []) == []
