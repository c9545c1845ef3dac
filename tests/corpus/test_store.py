"""The store contract, run on SQLite and on PostgreSQL alike."""

from __future__ import annotations

import json

import pytest

from marsad.corpus import EventFilters, SearchFilters, open_store
from marsad.corpus.queries import entity_profile, list_events, search
from marsad.corpus.store import EVENT_WINDOW_DAYS, migrations
from marsad.document import Geo
from marsad.errors import MarsadError
from tests.corpus.conftest import DocBuilder, add, both_backends

SARMIN = Geo(35.9, 36.7, "SY", "Idlib", "city", "g-sarmin")


def shelling(
    body: str,
    *,
    published: str,
    date: str | None,
    actor: str = "القوات الحكومية",
    actor_kb: str = "Q-army",
    negated: bool = False,
    trigger: str = "قصفت",
) -> DocBuilder:
    builder = DocBuilder(body, title="قصف على بلدة سرمين", published=published)
    army = builder.entity(actor, "ORG", kb=actor_kb)
    town = builder.entity("سرمين", "GPE", geo=SARMIN)
    builder.event("ASSAULT", trigger, actors=(army,), location=town, date=date, negated=negated)
    return builder


@both_backends
def test_a_new_store_has_the_latest_schema_and_reopening_changes_nothing(store_url: str) -> None:
    latest = migrations("sqlite")[-1][0]
    assert latest == migrations("postgres")[-1][0]
    with open_store(store_url) as store:
        assert store.schema_version() == latest
    with open_store(store_url) as store:
        assert store.schema_version() == latest
        assert store.table_counts().articles == 0


@both_backends
def test_a_store_newer_than_the_code_is_refused(store_url: str) -> None:
    with open_store(store_url) as store:
        if store.backend == "sqlite":
            store._conn.execute("PRAGMA user_version = 99")
        else:
            store._conn.execute("INSERT INTO schema_version VALUES (99, now())")
    with pytest.raises(MarsadError) as raised:
        open_store(store_url)
    assert raised.value.code == "E603"


@both_backends
def test_an_article_is_stored_whole_and_only_once(store) -> None:
    builder = DocBuilder(
        "قال الوزير خالد العمري إن الحكومة ستدفع الرواتب يوم الخميس.",
        title="الرواتب الخميس",
        published="2024-02-01",
    )
    minister = builder.entity("خالد العمري", "PERSON", kb="Q-omari", roles=("minister",))
    builder.quote("الحكومة ستدفع الرواتب", minister)
    builder.time("يوم الخميس", "2024-02-01")
    record = builder.record("id:a1", source="وكالة")
    first, again = add(store, record, record)
    assert first is not None and again is None
    counts = store.table_counts()
    assert (
        counts.articles,
        counts.search_rows,
        counts.stories,
        counts.entities,
        counts.mentions,
        counts.quotes,
        counts.times,
    ) == (1, 1, 1, 1, 1, 1, 1)
    stored = store.article(first)
    assert stored["key"] == "id:a1" and stored["source"] == "وكالة" and stored["published"] == "2024-02-01"
    assert stored["document"]["text"] == builder.doc.text
    assert stored["document"]["entities"][0]["name"] == "خالد العمري"
    assert store.known_keys(["id:a1", "id:other"]) == {"id:a1"}


@both_backends
def test_a_failed_transaction_leaves_nothing(store) -> None:
    record = DocBuilder("نص قصير عن الطقس في المدينة.", title="الطقس").record("id:t1")
    with pytest.raises(RuntimeError), store.transaction():
        store.add_article(record)
        raise RuntimeError("crash in the middle")
    assert store.table_counts().articles == 0
    assert store.table_counts().search_rows == 0


@both_backends
def test_linked_entities_are_one_corpus_entity_across_articles(store) -> None:
    first = DocBuilder("التقى مسعود البارزاني وفدا من بغداد.", title="لقاء")
    first.entity("مسعود البارزاني", "PERSON", kb="Q-barzani", latin="Masoud Barzani")
    second = DocBuilder("صرح البارزاني بأن الحوار مستمر.", title="تصريح")
    second.entity("البارزاني", "PERSON", kb="Q-barzani")
    add(store, first.record("id:1"), second.record("id:2"))
    counts = store.table_counts()
    assert counts.entities == 1 and counts.article_entities == 2
    profile = entity_profile(store, "Masoud Barzani")
    assert (
        profile["kb"] == "Q-barzani" and profile["n_articles"] == 2 and profile["latin"] == "Masoud Barzani"
    )


@both_backends
def test_reports_of_one_event_merge_into_one_corpus_event(store) -> None:
    first = shelling(
        "قصفت القوات الحكومية بلدة سرمين صباح الاثنين.", published="2024-03-04", date="2024-03-04"
    )
    second = shelling(
        "أفادت مصادر بأن القوات الحكومية قصفت بلدة سرمين أمس.", published="2024-03-05", date="2024-03-04"
    )
    later_day = f"2024-03-{4 + EVENT_WINDOW_DAYS + 2:02d}"
    later = shelling("قصفت القوات الحكومية بلدة سرمين مجددا.", published=later_day, date=later_day)
    other_actor = shelling(
        "قصفت فصائل المعارضة بلدة سرمين.",
        published="2024-03-04",
        date="2024-03-04",
        actor="فصائل المعارضة",
        actor_kb="Q-opposition",
    )
    denied = shelling(
        "نفت القوات الحكومية أنها قصفت بلدة سرمين.",
        published="2024-03-04",
        date="2024-03-04",
        negated=True,
        trigger="قصفت",
    )
    add(
        store,
        first.record("id:1", source="أ"),
        second.record("id:2", source="ب"),
        later.record("id:3", source="أ"),
        other_actor.record("id:4", source="أ"),
        denied.record("id:5", source="ج"),
    )
    assert store.table_counts().events == 5
    events = list_events(store, EventFilters(order="reports"))
    assert [(e["n_reports"], e["n_sources"], e["date_first"], e["date_last"]) for e in events] == [
        (2, 2, "2024-03-04", "2024-03-04"),
        (1, 1, later_day, later_day),
        (1, 1, "2024-03-04", "2024-03-04"),
    ]
    merged = events[0]
    assert [a["name"] for a in merged["actors"]] == ["القوات الحكومية"]
    assert (merged["location"], merged["country"], merged["admin1"]) == ("سرمين", "SY", "Idlib")
    assert sorted(r["article_id"] for r in merged["reports"]) == [1, 2]
    assert merged["reports"][0]["sentence"] == "قصفت القوات الحكومية بلدة سرمين صباح الاثنين."
    assert len(list_events(store, EventFilters(include_negated=True))) == 4
    [capped] = list_events(store, EventFilters(order="reports", limit=1, reports=1))
    assert capped["n_reports"] == 2 and [r["article_id"] for r in capped["reports"]] == [1]


@both_backends
def test_event_reports_without_participants_or_place_are_not_merged(store) -> None:
    for key in ("id:1", "id:2"):
        builder = DocBuilder("وقع انفجار في السوق.", title="انفجار", published="2024-01-01")
        builder.event("ASSAULT", "انفجار", date="2024-01-01")
        add(store, builder.record(key))
    assert [e["n_reports"] for e in list_events(store)] == [1, 1]


@both_backends
def test_event_filters(store) -> None:
    first = shelling("قصفت القوات الحكومية بلدة سرمين.", published="2024-03-04", date="2024-03-04")
    second = shelling("قصفت القوات الحكومية بلدة سرمين أيضا.", published="2024-03-05", date="2024-03-04")
    talks = DocBuilder("استقبل وزير الخارجية نظيره التركي في دمشق.", title="زيارة", published="2024-04-10")
    minister = talks.entity("وزير الخارجية", "PERSON", kb="Q-fm")
    turkey = talks.entity("نظيره التركي", "PERSON", kb="Q-tr-fm")
    damascus = talks.entity("دمشق", "GPE", geo=Geo(33.5, 36.3, "SY", "Damascus", "city", "g-dam"))
    talks.event("CONSULT", "استقبل", actors=(minister,), recipients=(turkey,), location=damascus)
    add(store, first.record("id:1", source="أ"), second.record("id:2", source="ب"), talks.record("id:3"))

    def ids(**filters: object) -> list[str]:
        return [e["type"] for e in list_events(store, EventFilters(**filters))]

    assert ids() == ["CONSULT", "ASSAULT"]
    assert ids(type="ASSAULT") == ["ASSAULT"]
    assert ids(actor="القوات الحكومية") == ["ASSAULT"]
    assert ids(actor="Q-fm") == ["CONSULT"]
    assert ids(recipient="Q-tr-fm") == ["CONSULT"] and ids(recipient="Q-fm") == []
    assert ids(country="SY", admin1="Idlib") == ["ASSAULT"]
    assert ids(since="2024-04") == ["CONSULT"] and ids(until="2024-03") == ["ASSAULT"]
    assert ids(min_reports=2) == ["ASSAULT"]
    consult = list_events(store, EventFilters(type="CONSULT"))[0]
    assert consult["date_first"] == "2024-04-10"  # no event date: the article's publication day


SEARCH_ARTICLES = [
    (
        "id:s1",
        "البارزاني يستقبل وفدا من بغداد",
        "استقبل مسعود البارزاني في أربيل وفدا حكوميا لبحث ملف النفط.",
        "2024-01-10",
        "politics",
    ),
    (
        "id:s2",
        "جولة جديدة في أربيل",
        "قال مسؤول إن الوفد التقى والبارزاني في وقت لاحق وعقد مفاوضات طويلة.",
        "2024-02-10",
        "politics",
    ),
    (
        "id:s3",
        "أسعار النفط ترتفع",
        "ارتفعت أسعار النفط في الأسواق العالمية بعد تقارير عن تراجع المخزونات.",
        "2024-03-10",
        "economy",
    ),
    (
        "id:s4",
        "استئناف المفاوضات حول الحدود",
        "استؤنفت المفاوضات بين البلدين حول ترسيم الحدود البحرية.",
        "2024-04-10",
        "politics",
    ),
    (
        "id:s5",
        "أمطار غزيرة في الشمال",
        "هطلت أمطار غزيرة على المناطق الشمالية وأغلقت طرقا عدة.",
        "2024-05-10",
        "weather",
    ),
    ("id:s6", "فوز الفريق المحلي", "فاز الفريق المحلي بثلاثة أهداف في مباراة الأمس.", "2024-06-10", "sport"),
]


def _fill_search(store) -> None:
    records = []
    for key, title, body, published, topic in SEARCH_ARTICLES:
        builder = DocBuilder(body, title=title, published=published)
        builder.doc.topic = __import__("marsad.document", fromlist=["Topic"]).Topic(topic, {topic: 1.0})
        if "البارزاني" in body:
            builder.entity("مسعود البارزاني", "PERSON", mention="البارزاني", kb="Q-barzani")
        if "الأسواق" in body:
            builder.event("ASSAULT", "ارتفعت")  # a nonsense event, only to filter by type
        records.append(builder.record(key))
    add(store, *records)


def _keys(store, hits: list[dict]) -> list[str]:
    return [store.article(hit["article_id"])["key"] for hit in hits]


@both_backends
def test_search_matches_words_whatever_their_clitics_and_endings(store) -> None:
    _fill_search(store)
    assert sorted(_keys(store, search(store, "بارزاني"))) == ["id:s1", "id:s2"]
    assert sorted(_keys(store, search(store, "والبارزاني"))) == ["id:s1", "id:s2"]
    assert sorted(_keys(store, search(store, "المفاوضات"))) == ["id:s2", "id:s4"]
    assert sorted(_keys(store, search(store, "مفاوضات"))) == ["id:s2", "id:s4"]
    assert _keys(store, search(store, "البارزاني مفاوضات")) == ["id:s2"]
    assert search(store, "كلمة_غير_موجودة") == []


@both_backends
def test_search_ranks_headline_matches_first_and_highlights_what_was_written(store) -> None:
    _fill_search(store)
    hits = search(store, "البارزاني")
    assert _keys(store, hits) == ["id:s1", "id:s2"]  # in the headline beats in the body
    hit = hits[1]
    marked = [hit["snippet"][start:end] for start, end in hit["highlights"]]
    assert marked == ["والبارزاني"]
    assert hits[0]["score"] > hits[1]["score"] > 0


@both_backends
def test_search_filters(store) -> None:
    _fill_search(store)
    assert _keys(store, search(store, "النفط", SearchFilters(topic="economy"))) == ["id:s3"]
    assert _keys(store, search(store, "النفط", SearchFilters(since="2024-02", until="2024-03-31"))) == [
        "id:s3"
    ]
    assert _keys(store, search(store, "النفط", SearchFilters(entity="بارزاني"))) == ["id:s1"]
    assert _keys(store, search(store, "النفط", SearchFilters(type="ASSAULT"))) == ["id:s3"]


@both_backends
def test_near_duplicates_share_a_story_and_search_shows_one_copy(store) -> None:
    body = "افتتحت وزارة الصحة مستشفى جديدا في الموصل بسعة مئتي سرير."
    first = DocBuilder(body, title="مستشفى جديد في الموصل", published="2024-05-14").record(
        "id:w1", source="أ"
    )
    second = DocBuilder(body, title="مستشفى جديد بالموصل", published="2024-05-15").record("id:w2", source="ب")
    (first_id,) = add(store, first)
    (second_id,) = add(store, second, duplicate_of=(first_id, 0.8))
    copy = store.article(second_id)
    assert copy["duplicate_of"] == first_id and copy["story_id"] == store.article(first_id)["story_id"]
    hits = search(store, "مستشفى")
    assert len(hits) == 1 and hits[0]["story_size"] == 2
    assert len(search(store, "مستشفى", collapse=False)) == 2
    stats = store.stats()
    assert (stats["articles"], stats["stories"], stats["near_duplicates"]) == (2, 1, 1)
    assert (stats["first_published"], stats["last_published"]) == ("2024-05-14", "2024-05-15")


@both_backends
def test_entity_profile_counts_mentions_roles_partners_and_events(store) -> None:
    first = shelling("قصفت القوات الحكومية بلدة سرمين.", published="2024-03-04", date="2024-03-04")
    second = shelling("قصفت القوات الحكومية بلدة سرمين أيضا.", published="2024-04-02", date="2024-04-02")
    add(store, first.record("id:1"), second.record("id:2"))
    profile = entity_profile(store, "القوات الحكومية")
    assert profile["n_articles"] == 2
    assert [(m["month"], m["articles"]) for m in profile["months"]] == [("2024-03", 1), ("2024-04", 1)]
    assert profile["cooccurring"] == [{"name": "سرمين", "type": "GPE", "kb": None, "articles": 2}]
    assert profile["events"] == {"actor": {"ASSAULT": {"events": 2, "reports": 2}}, "recipient": {}}
    assert entity_profile(store, "اسم لا وجود له") is None
    json.dumps(profile, ensure_ascii=False)  # JSON-ready for the API
