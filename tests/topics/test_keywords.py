"""Keywords: stems, stop words, headline weight, multi-word names, TF-IDF weights."""

from __future__ import annotations

import gzip
import math
from pathlib import Path

from marsad import resources
from marsad.document import Document, Entity, Keyword
from marsad.text import TextLayer
from marsad.topics.keywords import (
    DocumentFrequencies,
    KeywordExtractor,
    read_document_frequencies,
    read_stopwords,
)
from marsad.training.keywords import count_document_frequencies

HEADLINE = "فيضانات تضرب مدينة البصرة"
BODY = (
    "ضربت فيضانات قوية مدينة البصرة في جنوب العراق يوم الأحد. "
    "وقال مسؤولون إن الفيضانات دمرت مئات المنازل في البصرة. "
    "وأعلنت الحكومة حالة الطوارئ في المدينة."
)


def extractor(frequencies: DocumentFrequencies) -> KeywordExtractor:
    return KeywordExtractor(frequencies, read_stopwords(resources.data_file("topics", "stopwords.tsv")))


def text_doc(body: str, title: str | None = None) -> Document:
    return TextLayer()(Document.from_parts(body, title=title))


def test_terms_are_stems_without_stop_words_headline_counting_twice() -> None:
    doc = text_doc(BODY, HEADLINE)
    counts = extractor(DocumentFrequencies(99, {})).count(doc)
    # الفيضانات and فيضانات are one term; في, قال, إن, يوم, الأحد, مئات, حالة are stop words.
    assert counts.counts == {
        "فيضانات": 4, "مدينه": 4, "بصره": 4, "تضرب": 2, "ضربت": 1, "قويه": 1, "جنوب": 1, "عراق": 1,
        "مسؤولون": 1, "دمرت": 1, "منازل": 1, "حكومه": 1, "طوارئ": 1,
    }  # fmt: skip


def test_weights_are_tf_idf_of_unit_length() -> None:
    doc = text_doc(BODY, HEADLINE)
    keywords = extractor(DocumentFrequencies(99, {"بصره": 9, "عراق": 49, "مدينه": 49}))
    weights = keywords.weights(keywords.count(doc))
    rare = math.log(100 / 2) + 1  # a term the table lacks counts as seen once
    raw = {
        "فيضانات": (1 + math.log(4)) * rare,
        "بصره": (1 + math.log(4)) * (math.log(100 / 10) + 1),
        "عراق": math.log(100 / 50) + 1,
    }
    norm = math.sqrt(sum(value * value for value in weights.values()))
    assert math.isclose(norm, 1.0)
    ratio = weights["فيضانات"] / raw["فيضانات"]
    assert math.isclose(weights["بصره"], raw["بصره"] * ratio)
    assert math.isclose(weights["عراق"], raw["عراق"] * ratio)
    counts = keywords.count(doc)
    assert keywords.keywords(counts, weights, 3) == [
        Keyword("فيضانات", 0.5345, "فيضانات"),
        Keyword("تضرب", 0.3793, "تضرب"),
        Keyword("بصره", 0.3594, "بصرة"),
    ]
    # The label is how the article writes the term, without its clitics: المدينة, في المدينة.
    assert counts.label("مدينه") == "مدينة" and counts.label("غير موجود") == "غير موجود"


def test_a_multi_word_name_is_one_term_and_takes_its_mentions() -> None:
    body = "التقى محمد سالم الغبان وفدا أمنيا في بغداد. وقال الغبان إن الوفد بحث خطط الأمن."
    doc = text_doc(body)
    start = body.index("محمد")
    short = body.index("الغبان", start + 15)
    doc.entities = [
        Entity("E1", "PERSON", "محمد سالم الغبان", [doc.span(start, start + 16), doc.span(short, short + 6)])
    ]
    counts = extractor(DocumentFrequencies(99, {"غبان": 4})).count(doc)
    assert counts.counts["محمد سالم الغبان"] == 2
    assert "غبان" not in counts.counts and "محمد" not in counts.counts
    assert counts.name_spans["محمد سالم الغبان"] == [(1, 4), (10, 11)]
    assert counts.label("محمد سالم الغبان") == "محمد سالم الغبان"


def test_the_shipped_table_and_the_trainer_agree(tmp_path: Path) -> None:
    table = read_document_frequencies(resources.data_file("topics", "keyword_df.tsv.gz"))
    assert table.n_documents == 24005
    assert table.counts["عراق"] > table.counts["بصره"] > 0
    corpus = tmp_path / "mini.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as out:
        out.write('{"title": "البصرة", "text": "فيضانات في البصرة"}\n{"title": "", "text": "وفي العراق"}\n')
    assert count_document_frequencies(corpus) == (2, {"بصره": 1, "فيضانات": 1, "في": 2, "عراق": 1})
