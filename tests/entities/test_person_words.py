"""Words that name a person wherever they stand: the rule that reads them and the command
that finds them in unlabelled news (`marsad train person-words`)."""

from __future__ import annotations

import gzip
import json
from dataclasses import replace
from pathlib import Path

from marsad import resources
from marsad.entities.rules import Lexicons
from marsad.training import ANT_TRAIN
from marsad.training.person_words import build_person_words
from tests.entities.conftest import entities_of


def _with_person_words(*words: str) -> Lexicons:
    return replace(resources.entity_lexicons(), person_words=frozenset(words))


def test_an_untagged_person_word_is_a_person():
    text, entities = entities_of("قال ترامب إن الاتفاق سيئ.", _with_person_words("ترامب"))
    assert [(e.name, e.type, [(m.start, m.end) for m in e.mentions]) for e in entities] == [
        ("ترامب", "PERSON", [(4, 9)])
    ]
    assert text[4:9] == "ترامب"
    # With a conjunction written on it, the mention leaves the و out.
    text, entities = entities_of("التقى الوزير وترامب أمس.", _with_person_words("ترامب"))
    assert [(m.start, m.end) for e in entities for m in e.mentions] == [(14, 19)]


def test_person_words_join_the_full_name_and_leave_given_names_and_tagged_words_alone():
    lexicons = _with_person_words("ترامب", "صلاح", "عمان")
    _, entities = entities_of(
        "وقال الرئيس [[دونالد ترامب|PERSON]] إن بلاده ستنسحب. وكتب ترامب أن الاتفاق سيئ.", lexicons
    )
    assert [(e.name, [m.text for m in e.mentions]) for e in entities] == [
        ("دونالد ترامب", ["دونالد ترامب", "ترامب"])
    ]
    # صلاح is a given name (and a common word): the tagger's call, not the table's. A word
    # the tagger labelled otherwise keeps its label.
    _, entities = entities_of("دعا إلى صلاح الأمور في [[عمان|GPE]].", lexicons)
    assert [(e.name, e.type) for e in entities] == [("عمان", "GPE")]


def test_without_the_table_the_rule_is_off():
    _, entities = entities_of("التقى ترامب بالوزير أمس.", _with_person_words())
    assert entities == []


def test_the_command_counts_words_inside_the_people_it_finds(tmp_path: Path):
    articles = [
        {"title": "زيارة", "text": "وقال الرئيس الأمريكي دونالد ترامب إن بلاده ستنسحب من الاتفاق."},
        {"title": "بيان", "text": "وأكد الرئيس الأمريكي دونالد ترامب أن الاتفاق سيئ."},
        {"title": "اتفاق", "text": "وقال الوزير إن الاتفاق صامد."},
    ]
    corpus = tmp_path / ANT_TRAIN
    corpus.parent.mkdir(parents=True)
    with gzip.open(corpus, "wt", encoding="utf-8") as out:
        out.writelines(json.dumps(article, ensure_ascii=False) + "\n" for article in articles)
    table = tmp_path / "person_words.tsv"
    kept = build_person_words(tmp_path, table, log=lambda message: None, min_occurrences=2)
    rows = [
        line.split("\t")
        for line in table.read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    ]
    assert ["ترامب", "2", "2"] in rows
    assert kept == len(rows)
    # الاتفاق carries the article, and وزير, قال are no person's: none is a row.
    assert not {row[0] for row in rows} & {"الاتفاق", "اتفاق", "قال", "الوزير", "وزير"}


def test_a_person_word_tagged_alone_as_an_unknown_place_is_a_person():
    lexicons = _with_person_words("بومبيو", "ربه")
    _, entities = entities_of("ورد الوزير على [[بومبيو|GPE]] أمس.", lexicons)
    assert [(e.name, e.type) for e in entities] == [("بومبيو", "PERSON")]
    # The first half of a compound name before it joins it.
    _, entities = entities_of("وصل عبد ربه إلى [[عدن|GPE]] أمس.", lexicons)
    assert [(e.name, e.type) for e in entities] == [("عبد ربه", "PERSON"), ("عدن", "GPE")]


def test_the_second_half_of_a_compound_name_is_no_person_word(tmp_path: Path):
    articles = [{"title": "عدن", "text": "وقال الرئيس عبد ربه منصور هادي إن الحكومة عائدة."}] * 2
    corpus = tmp_path / ANT_TRAIN
    corpus.parent.mkdir(parents=True)
    with gzip.open(corpus, "wt", encoding="utf-8") as out:
        out.writelines(json.dumps(article, ensure_ascii=False) + "\n" for article in articles)
    table = tmp_path / "person_words.tsv"
    build_person_words(tmp_path, table, log=lambda message: None, min_occurrences=2)
    rows = {
        line.split("\t")[0]
        for line in table.read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    }
    assert "ربه" not in rows
    assert "هادي" in rows
