from marsad.text import detect_language


def test_arabic_news_is_arabic_even_with_latin_names():
    assert detect_language("قالت وكالة Reuters إن الرئيس وصل إلى بغداد صباح اليوم") == "ar"


def test_english_and_french_are_recognised():
    assert (
        detect_language("The minister met his counterpart in Cairo on Sunday to discuss the crisis.") == "en"
    )
    assert (
        detect_language("Le ministre a rencontré son homologue au Caire dimanche pour discuter de la crise.")
        == "fr"
    )


def test_persian_in_arabic_script_is_not_arabic():
    assert detect_language("وزیر امور خارجه ایران گفت که گفتگوها با کشورهای همسایه ادامه خواهد یافت") == "fa"


def test_too_little_text_is_undetermined():
    assert detect_language("123 !!") == "und"


def test_markup_and_addresses_do_not_count_as_words():
    pasted = (
        '<div class="article-body" style="font-family: Arial"><p data-id="main-paragraph">قال الوزير إن '
        'الاجتماع انتهى</p><script>window.__payload = "<img src=x onerror=alert(1)>";</script> '
        "https://www.example.com/news/politics/2024/05/02/minister-meeting-ends.html</div>"
    )
    assert detect_language(pasted) == "ar"
