from marsad.linking.match import clitic_variants, loose_key, name_key


def test_name_key_absorbs_hamza_ya_and_ta_marbuta_variants() -> None:
    assert name_key("الإمارات") == name_key("الامارات") == "الامارات"
    assert name_key("نينوى") == name_key("نينوي")
    assert name_key("البصرة") == name_key("البصره")
    assert name_key("إقليم  كردستان،") == "اقليم كردستان"


def test_loose_key_meets_petrarch_lemmas() -> None:
    assert loose_key("وزارة_دفاع_أميركي_") == loose_key("وزارة الدفاع الأميركية") == "وزاره دفاع اميركي"
    assert loose_key("مسعود البارزاني") == loose_key("مسعود بارزاني")
    assert loose_key("أمين_عام_ل_أمة_المتحدة_") == "امين عام امه متحده"


def test_clitic_variants_strip_one_proclitic() -> None:
    assert "بغداد" in clitic_variants("وبغداد")
    assert clitic_variants("بالموصل") == ["الموصل"]
    assert "العراق" in clitic_variants("للعراق")
    # A short remainder is never produced: بدر is not ب + در.
    assert clitic_variants("بدر") == []
