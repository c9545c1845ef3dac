"""The derived taxonomy: ANT probabilities plus lexicon and event evidence."""

from __future__ import annotations

import pytest

from marsad import resources
from marsad.document import Document, Event, Sentence, Span
from marsad.text import tokenize
from marsad.topics.taxonomy import TAXONOMY, Taxonomy


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return Taxonomy.from_directory(resources.data_file("topics", ""))


def document(text: str, headline: str | None = None) -> Document:
    doc = Document.from_parts(text, title=headline)
    doc.tokens = tokenize(doc.text)
    return doc


def test_lexicon_hits_on_stems_prefixes_and_phrases(taxonomy):
    # اللقاحات: prefix لقاح*; بالمستشفى: prefix مستشفي*; منظمة الصحة العالمية: a phrase.
    doc = document("وزعت منظمة الصحة العالمية اللقاحات على المستشفى")
    evidence = taxonomy.evidence(doc)
    # لقاحات, مستشفي, the phrase, and صحه inside it (a word entry of its own).
    assert evidence["health"] == 4.0
    assert {label for label, value in evidence.items() if value} == {"health"}


def test_headline_hits_count_twice(taxonomy):
    doc = document("قال المسؤول إن الوضع هادئ", headline="انفجار في المدينة")
    assert taxonomy.evidence(doc, headline_end=len("انفجار في المدينة"))["security"] == 2.0
    assert taxonomy.evidence(doc, headline_end=0)["security"] == 1.0


def test_events_add_evidence_unless_negated(taxonomy):
    doc = document("هاجم المسلحون القرية")
    sentence = Sentence(0, len(doc.text))
    assault = Event("e1", "ASSAULT", Span(0, 4, doc.text[0:4]), sentence)
    agree = Event("e2", "AGREE", Span(0, 4, doc.text[0:4]), sentence, negated=True)
    doc.events = [assault, agree]
    evidence = taxonomy.evidence(doc)
    # مسلحين (مسلح*) gives 1, the ASSAULT event 2; the negated AGREE nothing.
    assert (evidence["security"], evidence["politics"]) == (3.0, 0.0)


def test_news_with_no_evidence_is_politics(taxonomy):
    scores = taxonomy({"middleEast": 1.0}, dict.fromkeys(TAXONOMY, 0.0))
    assert max(scores, key=scores.__getitem__) == "politics"
    assert scores["politics"] == pytest.approx(1.0 / 2.2, abs=1e-4)


def test_news_evidence_moves_the_share(taxonomy):
    evidence = dict.fromkeys(TAXONOMY, 0.0) | {"security": 6.0, "politics": 1.0}
    scores = taxonomy({"internationalNews": 0.8, "middleEast": 0.2}, evidence)
    assert scores["security"] == pytest.approx(6.4 / 9.2, abs=1e-4)
    assert sum(scores.values()) == pytest.approx(1.0, abs=1e-3)


def test_domain_label_keeps_its_probability_unless_health_dominates(taxonomy):
    evidence = dict.fromkeys(TAXONOMY, 0.0) | {"technology": 2.0, "health": 1.0}
    assert taxonomy({"technology": 1.0}, evidence)["technology"] == 1.0
    evidence["health"] = 6.0
    scores = taxonomy({"technology": 1.0}, evidence)
    # (6 - 2) / (6 + 2) of the technology probability moves to health.
    assert (scores["technology"], scores["health"]) == (0.5, 0.5)


def test_sport_stays_sport_without_rival_evidence(taxonomy):
    scores = taxonomy({"sport": 0.9, "culture": 0.1}, dict.fromkeys(TAXONOMY, 0.0))
    assert (scores["sport"], scores["culture"]) == (0.9, 0.1)
