"""The stage `marsad.entities.v1`: sentence by sentence tagging, the JSON contract, analyze()."""

from __future__ import annotations

import pytest

import marsad
from marsad import resources
from marsad.document import Document, Token
from marsad.entities.stage import EntityStage, sentence_index
from marsad.pipeline import Pipeline
from marsad.text import TextLayer
from tests.conftest import assert_spans_exact
from tests.entities.conftest import annotate


class ScriptedTagger:
    """Gives the labels written in a test's markup, and records what it was asked to tag."""

    def __init__(self, marked: str):
        annotated = annotate(marked)
        self.text = annotated.text
        self.labels = {
            token.start: label for token, label in zip(annotated.tokens, annotated.labels, strict=True)
        }
        self.calls: list[list[Token]] = []

    def predict_many(self, sentences: list[list[Token]]) -> list[list[str]]:
        self.calls.extend(sentences)
        return [[self.labels[token.start] for token in tokens] for tokens in sentences]


MARKED = (
    "[[العمري|PERSON]] يزور [[عمان|GPE]]\n"
    "وصل وزير النقل الأردني [[خالد سعيد العمري|PERSON]] إلى [[عمان|GPE]] أمس. "
    "وقال وزير النقل الأردني إن الطرق جاهزة."
)


def test_stage_tags_each_sentence_once_and_fills_the_contract(document_validator):
    tagger = ScriptedTagger(MARKED)
    doc = TextLayer()(Document.from_parts(tagger.text.split("\n", 1)[1], title=tagger.text.split("\n", 1)[0]))
    doc = EntityStage(tagger=tagger, lexicons=resources.entity_lexicons())(doc)
    assert [len(call) for call in tagger.calls] == [
        sum(1 for t in doc.tokens if s.start <= t.start < s.end) for s in doc.sentences
    ]
    assert len(tagger.calls) == len(doc.sentences) == 3
    document = doc.to_dict()
    document_validator.validate(document)
    assert_spans_exact(document)
    person, place = document["entities"]
    assert (person["id"], person["type"], person["name"]) == ("E1", "PERSON", "خالد سعيد العمري")
    assert person["roles"] == ["وزير النقل الأردني"]
    assert [m["text"] for m in person["mentions"]] == ["العمري", "خالد سعيد العمري", "وزير النقل الأردني"]
    assert (place["id"], place["name"], len(place["mentions"])) == ("E2", "عمان", 2)


def test_sentence_index_gives_stray_tokens_their_own_sentence():
    doc = TextLayer()(Document.from_parts("قال الوزير. ثم غادر"))
    sentence_of = sentence_index(doc.tokens, doc.sentences)
    assert sentence_of == [0, 0, 0, 1, 1]
    assert sentence_index(doc.tokens, []) == [0, 1, 2, 3, 4]


def _shipped_model() -> None:
    if not resources.data_file("entities", "ner-network.npz").is_file():
        pytest.skip("the trained NER model is not built in this checkout (marsad train ner)")


def test_stage_with_the_shipped_tagger(document_validator):
    _shipped_model()
    pipeline = Pipeline(["marsad.text.v1", "marsad.entities.v1"])
    doc = pipeline(
        Document.from_parts(
            "التقى رئيس الوزراء الأردني هاني الملقي في عمان وزير الخارجية المصري سامح شكري. "
            "وقال الملقي إن الأردن ومصر يواجهان تنظيم داعش معا."
        )
    )
    document = doc.to_dict()
    document_validator.validate(document)
    assert_spans_exact(document)
    names = {e["name"]: e for e in document["entities"]}
    assert names["هاني الملقي"]["type"] == "PERSON"
    assert names["هاني الملقي"]["roles"] == ["رئيس الوزراء الأردني"]
    assert len(names["هاني الملقي"]["mentions"]) == 2
    assert names["سامح شكري"]["roles"] == ["وزير الخارجية المصري"]
    assert names["عمان"]["type"] in ("GPE", "LOC")
    assert names["داعش"]["type"] == "ORG"


def test_analyze_runs_the_entity_stage_by_default():
    _shipped_model()
    if "marsad.entities.v1" not in Pipeline.default().names:
        pytest.skip("marsad.entities.v1 is not in the default pipeline yet")
    doc = marsad.analyze("وصل الرئيس الفرنسي إيمانويل ماكرون إلى بيروت.")
    people = [e for e in doc.entities if e.type == "PERSON"]
    assert [e.name for e in people] == ["إيمانويل ماكرون"]
    assert people[0].roles == ["الرئيس الفرنسي"]
