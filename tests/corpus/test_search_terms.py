"""Search terms: one term per word whatever its clitics and endings, the same for queries."""

from __future__ import annotations

import pytest

from marsad.corpus.search import index_terms, query_terms, query_words, snippet
from marsad.errors import MarsadError


@pytest.mark.parametrize(
    ("words", "term"),
    [
        ("البارزاني والبارزاني وللبارزاني", "بارزاني"),
        ("المفاوضات مفاوضات بالمفاوضات مفاوضاتهم", "مفاوض"),
        ("الحكومة حكومة حكومته وحكومتهم", "حكوم"),
        ("المسؤولين المسؤولون مسؤولين", "مسؤول"),
    ],
)
def test_forms_of_a_word_share_one_index_term(words: str, term: str) -> None:
    assert set(index_terms(words).split()) == {term}


@pytest.mark.parametrize("word", ["لبنان", "عمان", "قوات", "صوته"])
def test_short_words_keep_letters_that_only_look_like_endings(word: str) -> None:
    assert index_terms(word) == {"لبنان": "لبنان", "عمان": "عمان", "قوات": "قوات", "صوته": "صوت"}[word]


def test_a_query_word_matches_every_way_a_document_may_have_stored_it() -> None:
    # Alone, بارزاني is read by the clitic analysis as ب + ارزاني; with the article it is not.
    (word,) = query_words("بارزاني")
    assert index_terms("بارزاني") in word.alternatives
    assert index_terms("والبارزاني") in word.alternatives
    assert query_terms("المفاوضات") >= {index_terms("مفاوضات")}


def test_a_query_without_words_is_an_error() -> None:
    with pytest.raises(MarsadError) as raised:
        query_words(" ، . ؟ ")
    assert raised.value.code == "E609"


def test_snippet_highlights_the_original_words() -> None:
    text = "قال مسعود البارزاني إن المفاوضات مستمرة، وأكد والبارزاني ذلك."
    result = snippet(text, query_terms("بارزاني"))
    assert [result.text[s:e] for s, e in result.highlights] == ["البارزاني", "والبارزاني"]
    assert result.marked() == "قال مسعود «البارزاني» إن المفاوضات مستمرة، وأكد «والبارزاني» ذلك."


def test_snippet_window_of_a_long_text_maps_back_through_diacritics() -> None:
    sentence = "ناقش المجلس المحلي خطة المياه في جلسة طويلة."
    text = " ".join([sentence] * 5) + " ثم التقى البَارزاني الوفد، وقال البارزاني إن الحوار مستمر."
    result = snippet(text, query_terms("بارزاني"))
    # 49 words, matches at words 42 and 45: the 32-word window starts at word 17.
    assert result.text.startswith("… المجلس المحلي خطة")
    assert result.marked().endswith("ثم التقى «البَارزاني» الوفد، وقال «البارزاني» إن الحوار مستمر.")
    assert result.text.count(sentence) == 2
    assert snippet(text, query_terms("الحوار"), width=4).marked() == "… البارزاني إن «الحوار» مستمر."
    assert snippet(text, query_terms("صحراء")).highlights == ()
