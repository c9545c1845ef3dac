"""The per-form tables behind the NER models' caches."""

from __future__ import annotations

import numpy as np

from marsad import resources
from marsad.entities.features import load_lexicons
from marsad.entities.form_table import FormTable
from marsad.entities.tagger import NerTagger
from marsad.text import split_sentences, tokenize


def _rows(count: int, start: int = 0) -> np.ndarray:
    return np.arange(start, start + count * 2, dtype=np.float32).reshape(count, 2)


def test_rows_come_back_by_form():
    table = FormTable((2,), limit=5000)
    forms = [f"w{i}" for i in range(1500)]
    assert table.missing([*forms, "w0"]) == forms
    table.add(forms[:1000], _rows(1000))
    table.add(forms[1000:], _rows(500, start=2000))
    assert len(table) == 1500
    assert table.missing(["w3", "new", "new"]) == ["new"]
    assert table.gather(["w1", "w1499", "w1"]).tolist() == [[2, 3], [2998, 2999], [2, 3]]


def test_a_full_table_keeps_a_calls_new_forms_for_that_call_only():
    table = FormTable((2,), limit=2)
    table.add(["a", "b"], _rows(2))
    table.add(["c"], _rows(1, start=10))
    assert len(table) == 2
    assert table.gather(["c", "a", "c"]).tolist() == [[10, 11], [0, 1], [10, 11]]
    table.add(["d"], _rows(1, start=20))
    assert table.missing(["c", "d"]) == ["c", "d"]
    assert table.gather(["d", "b"]).tolist() == [[20, 21], [2, 3]]


def test_the_tagger_labels_the_same_once_its_tables_are_full():
    text = (
        "قال وزير الخارجية الأردني أيمن الصفدي في عمان إن الأمم المتحدة تدعم اللاجئين . "
        "وأعلن رئيس إقليم كردستان العراق مسعود البارزاني أن قوات البيشمركة دخلت كركوك ."
    )
    tokens = tokenize(text)
    sentences = [[t for t in tokens if s.start <= t.start < s.end] for s in split_sentences(text, tokens)]
    expected = resources.ner_tagger().predict_many(sentences)
    data = resources.data_file("entities", "")
    small = NerTagger(data / "ner-crf.npz", load_lexicons(data), network_path=data / "ner-network.npz")
    first_forms = len({token.text for token in sentences[0]})
    small.crf._view_sums.limit = small.network._inputs.limit = first_forms
    assert small.predict_many(sentences[:1]) == expected[:1]  # fills both tables
    assert small.predict_many(sentences) == expected  # the second sentence's forms do not fit
    assert len(small.crf._view_sums) == len(small.network._inputs) == first_forms
