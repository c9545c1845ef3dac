"""Numbers in digits of every script and in Arabic words."""

from __future__ import annotations

import pytest

from marsad import resources
from marsad.temporal.numbers import parse_digits
from marsad.text import normalize_word


@pytest.mark.parametrize(
    ("text", "value"),
    [("405", 405), ("1,500", 1500), ("2,350,000", 2350000), ("405.5", 405.5), ("1,5", 1.5), ("0.75", 0.75)],
)
def test_digits_with_separators(text, value):
    assert parse_digits(text) == value


@pytest.mark.parametrize(
    ("phrase", "value", "approximate"),
    [
        ("ثلاثة آلاف وخمسمائة", 3500, False),
        ("خمسة وعشرون", 25, False),
        ("خمسة عشر", 15, False),
        ("ثلاثمائة وخمسين", 350, False),
        ("مليونين وثلاثمائة ألف", 2300000, False),
        ("مليونا و100 ألف", 1100000, False),
        ("5 ملايين", 5000000, False),
        ("1.5 مليار", 1500000000, False),
        ("٤٠٥٫٥", 405.5, False),
        ("عشرات", 10, True),
        ("مئات", 100, True),
        ("آلاف", 1000, True),
        ("عشرات الآلاف", 10000, True),
        ("ألف", 1000, False),
    ],
)
def test_number_phrases(phrase, value, approximate):
    grammar = resources.temporal_extractor().grammar.numbers
    number = grammar.parse(resources.normalizer().text(phrase).text)
    assert number is not None
    assert (number.value, number.approximate) == (value, approximate)


def test_a_word_that_is_not_a_number_is_refused():
    grammar = resources.temporal_extractor().grammar.numbers
    assert grammar.parse(normalize_word("وزراء")) is None


@pytest.mark.parametrize(
    ("phrase", "value"),
    [("مليون ونصف", 1500000), ("ربع مليون", 250000), ("نصف مليار", 500000000), ("سبعة آلاف و500", 7500)],
)
def test_fractions_of_scales_and_digits_after_words(phrase, value):
    grammar = resources.temporal_extractor().grammar.numbers
    number = grammar.parse(resources.normalizer().text(phrase).text)
    assert number is not None and number.value == value


def test_a_bare_fraction_is_no_amount():
    grammar = resources.temporal_extractor().grammar.numbers
    assert grammar.parse(normalize_word("نصف")) is None
