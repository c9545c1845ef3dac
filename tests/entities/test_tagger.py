"""NER features and the shipped tagger."""

from __future__ import annotations

from marsad import resources
from marsad.entities.features import FeatureExtractor, Lexicons
from marsad.entities.tagger import label_spans, repair_iob2
from marsad.text import tokenize


def extractor() -> FeatureExtractor:
    return FeatureExtractor(
        Lexicons(
            clusters={"غبان": ("7", "70"), "موصل": ("3", "31")},
            phrases={("موصل",): ("CITY",), ("بغداد",): ("CITY",), ("صلاح", "دين"): ("STATE",)},
            triggers={"وزير": ("TITLE",)},
            frequencies={"الموصل": 1000},
        )
    )


def test_word_features_use_the_clitic_analysis():
    features = extractor().sentence(tokenize("والغبان"))[0]
    assert {"w=والغبان", "s=غبان", "p=وال", "e=", "c1=7", "c2=70", "k=arabic", "x2=ان", "s2=غب"} <= set(
        features
    )
    assert {"BOS", "EOS", "f=0"} <= set(features)


def test_context_features_see_two_tokens_either_side():
    rows = extractor().sentence(tokenize("قال وزير الداخلية محمد الغبان"))
    assert "-1t=TITLE" in rows[2] and "-2t=TITLE" in rows[3]
    assert "+1s=غبان" in rows[3] and "+2s=غبان" in rows[2]
    assert "ww=وزير|الداخليه" in rows[2]


def test_lexicon_phrases_match_whole_stems_only():
    rows = extractor().sentence(tokenize("من الموصل إلى صلاح الدين قال البغدادي"))
    assert "g=BCITY" in rows[1] and "f=9" in rows[1]
    assert "g=BSTATE" in rows[3] and "g=ISTATE" in rows[4]
    # البغدادي contains بغداد but is not the city.
    assert not [f for f in rows[6] if f.startswith("g=")]


def test_word_features_are_computed_once_per_form():
    features = extractor()
    first = features.sentence(tokenize("الموصل"))
    assert len(features._cache) == 1
    assert features.sentence(tokenize("الموصل")) == first


def test_iob2_repair_and_spans():
    assert repair_iob2(["I-PERSON", "I-PERSON", "O", "I-GPE", "B-GPE", "I-ORG"]) == [
        "B-PERSON", "I-PERSON", "O", "B-GPE", "B-GPE", "B-ORG",
    ]  # fmt: skip
    assert label_spans(["B-PERSON", "I-PERSON", "O", "B-GPE", "B-GPE"]) == [
        (0, 2, "PERSON"),
        (3, 4, "GPE"),
        (4, 5, "GPE"),
    ]


def test_the_shipped_model_tags_people_organisations_and_places():
    tokens = tokenize("وقال وزير الخارجية الأردني أيمن الصفدي في عمان إن الأمم المتحدة تدعم اللاجئين .")
    labels = resources.ner_tagger().predict(tokens)
    found = [(" ".join(t.text for t in tokens[s:e]), kind) for s, e, kind in label_spans(labels)]
    assert ("أيمن الصفدي", "PERSON") in found
    assert ("عمان", "GPE") in found
    assert ("الأمم المتحدة", "ORG") in found


def test_the_shipped_model_does_not_see_a_city_inside_a_surname():
    tokens = tokenize("أعلن زعيم التنظيم أبو بكر البغدادي مسؤوليته عن الهجوم في بغداد .")
    labels = resources.ner_tagger().predict(tokens)
    assert labels[5].endswith("PERSON")
    assert labels[10] == "B-GPE"
    assert resources.ner_tagger().predict([]) == []


def test_the_shipped_model_tags_peoples_as_norp_not_persons():
    tokens = tokenize("وقال مسؤول إن الأكراد والعرب في المدينة يعيشون معا منذ قرون .")
    labels = resources.ner_tagger().predict(tokens)
    found = [(" ".join(t.text for t in tokens[s:e]), kind) for s, e, kind in label_spans(labels)]
    assert ("الأكراد", "NORP") in found
    assert not [kind for _, kind in found if kind == "PERSON"]
