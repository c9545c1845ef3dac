"""The extractive summary: lead kept, headline repeats and duplicates dropped, key event, order."""

from __future__ import annotations

from marsad import resources
from marsad.document import Document, Event, Sentence
from marsad.text import TextLayer
from marsad.topics.keywords import DocumentFrequencies, KeywordExtractor, read_stopwords
from marsad.topics.summary import summarize

KEYWORDS = KeywordExtractor(
    DocumentFrequencies(99, {}), read_stopwords(resources.data_file("topics", "stopwords.tsv"))
)


def summary_of(body: str, title: str | None = None, event_at: str | None = None) -> list[str]:
    doc = TextLayer()(Document.from_parts(body, title=title))
    counts = KEYWORDS.count(doc)
    event = None
    if event_at is not None:
        start = doc.text.index(event_at)
        event = Event("V1", "ASSAULT", doc.span(start, start + len(event_at)), Sentence(0, 0))
    return summarize(doc, counts, KEYWORDS.weights(counts), event)


LEAD = (
    "أعلنت وزارة الصحة في الأردن افتتاح مستشفى جديد في مدينة الزرقاء يضم ثلاثمائة سرير لخدمة سكان المحافظة."
)
SECOND = "وقال الوزير إن المستشفى سيستقبل المرضى ابتداء من الشهر المقبل بعد تجهيز أقسامه كلها."
THIRD = "وتعاني مستشفيات المحافظة من اكتظاظ شديد منذ سنوات بسبب ازدياد عدد السكان."


def test_a_long_lead_stands_alone() -> None:
    assert summary_of(f"{LEAD} {SECOND} {THIRD}", "مستشفى جديد في الزرقاء") == [LEAD]


def test_a_lead_repeating_the_headline_gives_way_to_the_next_sentence() -> None:
    headline = "افتتاح مستشفى جديد في مدينة الزرقاء"
    body = f"افتتاح مستشفى جديد في مدينة الزرقاء. {LEAD} {SECOND}"
    assert summary_of(body, headline) == [LEAD]


def test_a_short_lead_is_joined_by_the_most_salient_sentence_in_article_order() -> None:
    lead = "افتتح الوزير مستشفى الزرقاء الجديد اليوم."
    filler = "وكان ذلك في يوم الأحد الماضي بحسب ما قال مسؤولون."
    body = f"{lead} {filler} وتحدث مدير المستشفى عن خدمات المستشفى للمرضى وأطباء المستشفى."
    assert summary_of(body) == [lead, "وتحدث مدير المستشفى عن خدمات المستشفى للمرضى وأطباء المستشفى."]


def test_a_near_duplicate_is_not_added() -> None:
    lead = "افتتح الوزير مستشفى الزرقاء الجديد اليوم."
    repeat = "وافتتح الوزير مستشفى الزرقاء الجديد صباح اليوم رسميا."
    assert summary_of(f"{lead} {repeat} {THIRD}") == [lead, THIRD]


def test_the_key_event_sentence_joins_when_the_summary_stays_short() -> None:
    lead = "شهدت مدينة الزرقاء أمس يوما متوترا في أحيائها الشرقية."
    event = "وهاجم مسلحون مركزا للشرطة في حي الغويرية."
    body = f"{lead} {SECOND} {event}"
    assert summary_of(body, event_at="هاجم") == [lead, event]
    long_lead = (
        LEAD[:-1]
        + "، ضمن خطة حكومية لتوسيع الخدمات الصحية في جميع محافظات المملكة خلال الأعوام الثلاثة المقبلة."
    )
    assert summary_of(f"{long_lead} {SECOND} {event}", event_at="هاجم") == [long_lead]  # over the budget


def test_no_body_no_summary_and_short_fragments_are_skipped() -> None:
    assert summary_of("", "مستشفى جديد في الزرقاء") == []
    assert summary_of(f"صورة أرشيفية. {LEAD}") == [LEAD]
