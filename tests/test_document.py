import pytest

import marsad
from marsad.document import Document
from marsad.errors import MarsadError
from marsad.pipeline import Pipeline, register_stage

CONTRACT_KEYS = [
    "schema", "text", "headline", "published", "language", "sentences", "entities", "times",
    "quantities", "events", "quotes", "topic", "summary", "gist", "keywords",
]  # fmt: skip


def test_headline_and_body_are_joined_by_one_newline():
    doc = Document.from_parts("  نص الخبر.  ", title=" العنوان ")
    assert doc.text == "العنوان\nنص الخبر."
    assert Document.from_parts("نص فقط.").text == "نص فقط."
    assert Document.from_parts("", title="عنوان فقط").text == "عنوان فقط"


def test_python_api_returns_every_key_of_the_contract(document_validator):
    doc = marsad.analyze(
        "وصل الوفد إلى الرباط. وبدأت المحادثات.", title="محادثات في الرباط", published="2024-01-02"
    )
    data = doc.to_dict()
    assert set(CONTRACT_KEYS) <= set(data)
    document_validator.validate(data)
    assert data["published"] == "2024-01-02"
    assert [data["text"][s["start"] : s["end"]] for s in data["sentences"]] == [
        "محادثات في الرباط", "وصل الوفد إلى الرباط.", "وبدأت المحادثات.",
    ]  # fmt: skip


def test_python_api_refuses_a_malformed_publication_date():
    with pytest.raises(MarsadError) as error:
        marsad.analyze("نص", published="13-01-2015")
    assert error.value.code == "E112"


def test_analyze_many_runs_every_article():
    articles = [
        marsad.Article(text="نص الخبر الأول."),
        marsad.Article(text="نص الخبر الثاني.", title="عنوان"),
    ]
    docs = list(marsad.analyze_many(articles))
    assert [d.headline for d in docs] == [None, "عنوان"]


def test_pipeline_checks_stage_requirements_when_built():
    @register_stage("tests.needs_entities.v1", requires=("entities_from_nowhere",))
    class NeedsEntities:
        def __call__(self, doc: Document) -> Document:
            return doc

    with pytest.raises(MarsadError) as error:
        Pipeline(["tests.needs_entities.v1"])
    assert error.value.code == "E003"
    with pytest.raises(MarsadError) as unknown:
        Pipeline(["tests.no_such_stage.v1"])
    assert unknown.value.code == "E002"


def test_a_stage_that_returns_something_else_fails_loudly():
    @register_stage("tests.returns_none.v1")
    def make_broken():
        return lambda doc: None

    with pytest.raises(MarsadError) as error:
        Pipeline(["tests.returns_none.v1"])(Document(text="نص"))
    assert error.value.code == "E004"


def test_headline_end_and_body_start_follow_the_contracts_layout() -> None:
    doc = Document.from_parts("قصف على البلدة.", title="قصف")
    assert (doc.headline_end, doc.body_start) == (3, 4)
    assert doc.text[doc.body_start :] == "قصف على البلدة."
    body_only = Document.from_parts("قصف على البلدة.")
    assert (body_only.headline_end, body_only.body_start) == (0, 0)
    # A headline that is not where the contract puts it (text set by hand) does not count.
    assert Document(text="نص آخر", headline="قصف").headline_end == 0
