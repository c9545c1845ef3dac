"""Events with their arguments, on short hand-written articles with hand-set entities."""

from __future__ import annotations

from collections.abc import Callable

from marsad.document import Document, Event
from tests.events.helpers import city, country


def names(doc: Document, ids: list[str]) -> list[str]:
    by_id = {e.id: e.name for e in doc.entities}
    return [by_id[i] for i in ids]


def summary(doc: Document, event: Event) -> tuple[str, list[str], list[str], str | None]:
    location = next((e.name for e in doc.entities if e.id == event.location), None)
    return event.type, names(doc, event.actors), names(doc, event.recipients), location


def test_consult_with_titles_place_and_date(analyse: Callable[..., Document]) -> None:
    text = (
        "بحث وزير الخارجية المصري سامح شكري اليوم في القاهرة مع نظيره الأردني أيمن الصفدي الأوضاع في المنطقة."
    )
    doc = analyse(
        text,
        [
            ("سامح شكري", "PERSON"),
            ("أيمن الصفدي", "PERSON"),
            ("القاهرة", "GPE", [], city(30.04, 31.24, "EG")),
        ],
        times=[("اليوم", "2024-02-11")],
        published="2024-02-11",
    )
    [event] = doc.events
    assert summary(doc, event) == ("CONSULT", ["سامح شكري"], ["أيمن الصفدي"], "القاهرة")
    assert event.trigger.text == "بحث" and event.trigger.start == 0 and event.trigger.end == 3
    assert (event.sentence.start, event.sentence.end) == (0, len(text))
    assert (
        event.date == "2024-02-11" and event.cameo == "040" and not event.negated and event.modality is None
    )


def test_affiliation_is_the_body_in_the_title(analyse: Callable[..., Document]) -> None:
    doc = analyse(
        "استقبل رئيس إقليم كردستان نيجيرفان البارزاني في أربيل السفير الفرنسي.",
        [
            ("إقليم كردستان", "GPE"),
            ("نيجيرفان البارزاني", "PERSON"),
            ("أربيل", "GPE", [], city(36.19, 44.0, "IQ")),
        ],
    )
    [event] = doc.events
    assert event.type == "CONSULT" and event.mode == "visit"
    assert names(doc, event.actors) == ["نيجيرفان البارزاني"]
    assert names(doc, list(event.affiliations.values())) == ["إقليم كردستان"]
    assert names(doc, [event.location or ""]) == ["أربيل"]


def test_subject_before_the_verb_in_a_headline(analyse: Callable[..., Document]) -> None:
    doc = analyse(
        "وأكد الجانبان أهمية التعاون.",
        [("السعودية", "GPE", [], country(24, 45, "SA")), ("إيران", "GPE", [], country(32, 53, "IR"))],
        title="السعودية وإيران تتفقان على استئناف العلاقات",
    )
    [event] = doc.events
    assert event.type == "AGREE" and sorted(names(doc, event.actors)) == ["إيران", "السعودية"]


def test_negation_future_and_condition(analyse: Callable[..., Document]) -> None:
    doc = analyse(
        "لم تقصف الطائرات التركية بلدة عفرين. وقال الجيش إن قواته ستهاجم المسلحين إذا عادوا.",
        [("عفرين", "GPE", [], city(36.5, 36.8, "SY")), ("الجيش", "ORG")],
    )
    first, second = doc.events
    assert first.type == "ASSAULT" and first.negated and names(doc, [first.location or ""]) == ["عفرين"]
    assert second.type == "THREATEN" and second.cameo == "138" and second.modality == "hypothetical"
    assert names(doc, second.actors) == ["الجيش"]


def test_future_coercion_is_a_threat(analyse: Callable[..., Document]) -> None:
    doc = analyse("وقال الوزير خالد: إن الشرطة ستعتقل كل من يخالف القانون.", [("خالد", "PERSON")])
    [event] = doc.events
    assert (event.type, event.cameo, event.modality) == ("THREATEN", "137", "future")
    assert names(doc, event.actors) == ["خالد"]


def test_historical_background_and_counts(analyse: Callable[..., Document]) -> None:
    doc = analyse(
        "وكانت قوات الأمن اعتقلت 40 متظاهرا في تونس في مارس الماضي.",
        [("قوات الأمن", "ORG"), ("تونس", "GPE", [], city(36.8, 10.18, "TN"))],
        times=[("مارس الماضي", "2023-03")],
        quantities=[("40 متظاهرا", 40, "arrested")],
        published="2023-09-01",
    )
    [event] = doc.events
    assert summary(doc, event) == ("COERCE", ["قوات الأمن"], [], "تونس")
    assert event.mode == "arrest" and event.modality == "historical" and event.counts == {"arrested": 40}


def test_passive_with_agent_and_aerial_mode(analyse: Callable[..., Document]) -> None:
    doc = analyse(
        "قتل الصحفي سامر علي بغارة جوية شنتها القوات الروسية قرب حلب.",
        [("سامر علي", "PERSON"), ("القوات الروسية", "ORG"), ("حلب", "GPE", [], city(36.2, 37.16, "SY"))],
    )
    [event] = doc.events
    assert summary(doc, event) == ("ASSAULT", ["القوات الروسية"], ["سامر علي"], "حلب")
    assert event.mode == "aerial"


def test_coordinated_verb_keeps_the_subject(analyse: Callable[..., Document]) -> None:
    doc = analyse(
        "اقتحمت قوات الجيش الإسرائيلي مخيم جنين، واعتقلت خمسة شبان.",
        [("الجيش الإسرائيلي", "ORG"), ("جنين", "GPE", [], city(32.46, 35.3, "PS"))],
    )
    assault, arrest = doc.events
    assert summary(doc, assault) == ("ASSAULT", ["الجيش الإسرائيلي"], [], "جنين")
    assert summary(doc, arrest)[:2] == ("COERCE", ["الجيش الإسرائيلي"])


def test_dateline_places_an_event_without_a_place(analyse: Callable[..., Document]) -> None:
    doc = analyse(
        "الخرطوم - طالب تجمع المهنيين الحكومة بالإفراج عن المعتقلين.",
        [("الخرطوم", "GPE", [], city(15.5, 32.56, "SD")), ("تجمع المهنيين", "ORG")],
    )
    [event] = doc.events
    assert summary(doc, event) == ("REQUEST", ["تجمع المهنيين"], [], "الخرطوم")


def test_headline_and_body_report_one_event(analyse: Callable[..., Document]) -> None:
    doc = analyse(
        "التقى الرئيس عبد الفتاح السيسي في القاهرة الرئيس الفرنسي إيمانويل ماكرون.",
        [
            ("عبد الفتاح السيسي", "PERSON", ["السيسي"]),
            ("إيمانويل ماكرون", "PERSON", ["ماكرون"]),
            ("القاهرة", "GPE", [], city(30.04, 31.24, "EG")),
        ],
        title="السيسي يلتقي ماكرون",
    )
    [event] = doc.events
    assert summary(doc, event) == ("CONSULT", ["عبد الفتاح السيسي"], ["إيمانويل ماكرون"], "القاهرة")
    assert event.id == "V1"


def test_no_entities_means_no_named_events_but_no_error(analyse: Callable[..., Document]) -> None:
    doc = analyse("قتل ثلاثة أشخاص في انفجار. وأدان الوزير الهجوم.")
    assert [e.type for e in doc.events] == ["ASSAULT"]
    assert doc.events[0].actors == [] and doc.events[0].location is None


def test_to_dict_carries_the_new_fields(analyse: Callable[..., Document]) -> None:
    doc = analyse("اعتقلت الشرطة الناشط.", [("الشرطة", "ORG")])
    record = doc.to_dict()["events"][0]
    assert record["cameo"] == "173" and record["modality"] is None
    assert record["counts"] == {} and record["affiliations"] == {}


def test_head_noun_refers_back_to_the_named_body(analyse: Callable[..., Document]) -> None:
    doc = analyse(
        "تبنت جماعة الحوثي الهجوم على المطار. واتهم الوزير خالد الجماعة بتهديد الملاحة.",
        [("جماعة الحوثي", "ORG"), ("خالد", "PERSON")],
    )
    accuse = next(e for e in doc.events if e.type == "ACCUSE")
    assert names(doc, accuse.actors) == ["خالد"] and names(doc, accuse.recipients) == ["جماعة الحوثي"]


def test_the_statement_as_subject_is_its_source(analyse: Callable[..., Document]) -> None:
    doc = analyse(
        "وقال الحرس الثوري في بيان إن العملية انتهت بنجاح. وهدد البيان الولايات المتحدة برد قاس.",
        [("الحرس الثوري", "ORG"), ("الولايات المتحدة", "GPE", [], country(38.0, -97.0, "US"))],
    )
    [threat] = [e for e in doc.events if e.type == "THREATEN"]
    assert names(doc, threat.actors) == ["الحرس الثوري"] and names(doc, threat.recipients) == [
        "الولايات المتحدة"
    ]


def test_title_with_a_place_inside_the_object(analyse: Callable[..., Document]) -> None:
    doc = analyse(
        "التقى وزير الخارجية فيصل بن فرحان في الرياض المبعوث الأمريكي الخاص إلى اليمن تيم ليندركينغ.",
        [("فيصل بن فرحان", "PERSON"), ("الرياض", "GPE", [], city(24.7, 46.7, "SA")),
         ("اليمن", "GPE", [], country(15.5, 48.0, "YE")), ("تيم ليندركينغ", "PERSON")],
    )  # fmt: skip
    [event] = doc.events
    assert summary(doc, event) == ("CONSULT", ["فيصل بن فرحان"], ["تيم ليندركينغ"], "الرياض")


def test_a_city_after_the_clause_narrows_its_country(analyse: Callable[..., Document]) -> None:
    doc = analyse(
        "وبدأ التنظيم سيطرته على مناطق في العراق، ومدينة الموصل في يونيو.",
        [("التنظيم", "ORG"), ("العراق", "GPE", [], country(33.0, 44.0, "IQ")),
         ("الموصل", "GPE", [], city(36.34, 43.13, "IQ"))],
    )  # fmt: skip
    [event] = doc.events
    assert (
        event.type == "COERCE" and event.mode == "seize" and names(doc, [event.location or ""]) == ["الموصل"]
    )


def test_a_square_ranks_after_its_city(analyse: Callable[..., Document]) -> None:
    doc = analyse(
        "تظاهر الآلاف في ساحة الشهداء وسط بيروت.",
        [("الشهداء", "GPE", [], city(30.5, 31.0, "EG")), ("بيروت", "GPE", [], city(33.89, 35.5, "LB"))],
    )
    [event] = doc.events
    assert event.type == "PROTEST" and names(doc, [event.location or ""]) == ["بيروت"]


def test_lone_name_after_a_coordinated_verb_is_its_object(analyse: Callable[..., Document]) -> None:
    doc = analyse(
        "يزور الوزير بلينكن رام الله ويلتقي عباس",
        [("بلينكن", "PERSON"), ("رام الله", "GPE", [], city(31.9, 35.2, "PS")), ("عباس", "PERSON")],
    )
    [event] = doc.events
    assert summary(doc, event) == ("CONSULT", ["بلينكن"], ["عباس"], "رام الله")


def test_negation_through_an_and_relative_subject(analyse: Callable[..., Document]) -> None:
    doc = analyse(
        "قال الوزير إنه لا يريد أن يتهم حركة حماس بالتحريض. "
        "وأكدت الشرطة أن الحركة التي هاجمت الحافلة في غزة معروفة.",
        [("حركة حماس", "ORG"), ("غزة", "GPE", [], city(31.5, 34.45, "PS"))],
    )
    accuse, assault = doc.events
    assert accuse.type == "ACCUSE" and accuse.negated
    assert assault.type == "ASSAULT" and names(doc, assault.actors) == ["حركة حماس"]


def test_passive_verbal_noun_and_verbal_attack(analyse: Callable[..., Document]) -> None:
    doc = analyse(
        "استقال الوزير سمير بعد اتهامه من قبل النقابة بالفساد. وشنت النقابة هجوما لاذعا على الحكومة.",
        [("سمير", "PERSON"), ("النقابة", "ORG"), ("الحكومة", "ORG")],
    )
    concede, accuse, criticism = doc.events
    assert concede.type == "CONCEDE" and names(doc, concede.actors) == ["سمير"]
    assert summary(doc, accuse)[:3] == ("ACCUSE", ["النقابة"], ["سمير"])
    assert summary(doc, criticism)[:3] == ("ACCUSE", ["النقابة"], ["الحكومة"])


def test_cancelled_talks_are_one_sanction(analyse: Callable[..., Document]) -> None:
    doc = analyse(
        "ألغت كوريا الشمالية محادثات رفيعة مع كوريا الجنوبية.",
        [
            ("كوريا الشمالية", "GPE", [], country(40, 127, "KP")),
            ("كوريا الجنوبية", "GPE", [], country(36, 128, "KR")),
        ],
    )
    [event] = doc.events
    assert (event.type, event.mode) == ("SANCTION", "halt-negotiations")
    assert summary(doc, event)[1:3] == (["كوريا الشمالية"], ["كوريا الجنوبية"])


def test_forces_of_the_speaker_and_denied_fire(analyse: Callable[..., Document]) -> None:
    doc = analyse(
        "نفى الجيش اللبناني أن تكون قواته قد أطلقت النار على المحتجين في طرابلس.",
        [("الجيش اللبناني", "ORG"), ("طرابلس", "GPE", [], city(34.43, 35.84, "LB"))],
    )
    [event] = doc.events
    assert summary(doc, event) == ("ASSAULT", ["الجيش اللبناني"], [], "طرابلس")
    assert event.negated and event.mode == "firearms"


def test_meeting_during_a_visit_is_the_visitor_s(analyse: Callable[..., Document]) -> None:
    doc = analyse(
        "وصل الرئيس الفرنسي إيمانويل ماكرون إلى بيروت في زيارة رسمية يلتقي خلالها الرئيس جوزيف عون.",
        [
            ("إيمانويل ماكرون", "PERSON"),
            ("بيروت", "GPE", [], city(33.89, 35.5, "LB")),
            ("جوزيف عون", "PERSON"),
        ],
    )
    [event] = doc.events
    assert summary(doc, event) == ("CONSULT", ["إيمانويل ماكرون"], ["جوزيف عون"], "بيروت")


def test_a_duration_is_no_date(analyse: Callable[..., Document]) -> None:
    doc = analyse(
        "وتعاونت مصر منذ ثلاثين عاما مع الأردن.",
        [("مصر", "GPE", [], country(26.0, 30.0, "EG")), ("الأردن", "GPE", [], country(31.0, 36.0, "JO"))],
        times=[("ثلاثين عاما", "P30Y")],
    )
    [event] = doc.events
    assert summary(doc, event) == ("COOPERATE", ["مصر"], ["الأردن"], None) and event.date is None
