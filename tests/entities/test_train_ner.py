"""Training the NER tagger: data preparation, and a tiny model that must learn its data."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from marsad.entities.features import Lexicons
from marsad.entities.tagger import NerTagger
from marsad.text import tokenize
from marsad.training import ner
from marsad.training.conll import ConllSentence, EntitySpan, align_to_marsad, project_tags, read_conll

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def test_conll_tokens_become_marsad_tokens_with_consistent_labels():
    sentence = ConllSentence(("قالت", 'منظمة"بدر"', "(د", "ب", "أ)", "."), ("O", "B-ORG", "O", "O", "O", "O"))
    tokens, owners = align_to_marsad(sentence)
    assert [t.text for t in tokens] == ["قالت", "منظمة", '"', "بدر", '"', "(", "د", "ب", "أ", ")", "."]
    assert owners == [0, 1, 1, 1, 1, 2, 2, 3, 4, 4, 5]
    # The mention keeps its words, never its quotes or brackets.
    assert project_tags(sentence, tokens, owners) == [
        "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "O", "O", "O",
    ]  # fmt: skip


def test_fane_clitics_are_glued_back_to_their_words():
    sentence = ConllSentence(
        ("و", "تعتبر", "مدينة", "جوبا", "عاصمة", "ها", "و", "ل", "الدولة", "علم"),
        ("O", "O", "O", "B-Population-Center", "O", "O", "O", "O", "O", "O"),
    )
    glued = ner.glue_clitics(sentence)
    assert glued.tokens == ("وتعتبر", "مدينة", "جوبا", "عاصمتها", "وللدولة", "علم")
    assert glued.tags == ("O", "O", "B-Population-Center", "O", "O", "O")


def test_a_lone_kama_is_the_word_as_and_stays_apart():
    # FANE writes كما ('as') alone; gluing it on as the dual pronoun made `كثيرةكما`.
    sentence = ConllSentence(("مدن", "كثيرة", "كما", "قال", "ه"), ("O",) * 5)
    assert ner.glue_clitics(sentence).tokens == ("مدن", "كثيرة", "كما", "قاله")


def test_news_sentences_align_across_tokenisations_and_carry_fine_types():
    anercorp = [
        ConllSentence(
            ("وقال", "الرئيس", "سامي", "النجار", "في", "عمان"), ("O", "O", "B-PERS", "I-PERS", "O", "B-LOC")
        ),
        ConllSentence(("ونهر", "الأردن", "طويل"), ("O", "B-LOC", "O")),
    ]
    fane = [
        ConllSentence(("و", "قال", "الرئيس", "سامي", "النجار", "في", "عمان"),
                      ("O", "O", "O", "B-Politician", "I-Politician", "O", "B-Population-Center")),
        ConllSentence(("و", "نهر", "الاردن", "طويل"), ("O", "B-Water-Body", "I-Water-Body", "O")),
    ]  # fmt: skip
    alignments = ner.align_news(anercorp, fane)
    assert sorted(alignments) == [0, 1]
    assert ner.transfer_spans(alignments[0], anercorp[0], fane[0]) == [
        EntitySpan(2, 4, "Politician"), EntitySpan(5, 6, "Population-Center"),
    ]  # fmt: skip
    assert ner.transfer_spans(alignments[1], anercorp[1], fane[1]) == [EntitySpan(0, 2, "Water-Body")]


def test_loc_mentions_get_place_types_from_fane_hints_or_votes():
    typer = ner.PlaceTyper({("اردن",): Counter({"GPE": 3, "LOC": 1})}, {("عمان",)})
    sentence = ConllSentence(
        ("زار", "الأردن", "وعمان", "وجبل", "الشيخ"), ("O", "B-LOC?", "B-LOC?", "B-LOC?", "I-LOC?")
    )
    typed = ner.type_places(sentence, typer, hints=[EntitySpan(3, 5, "LOC")])
    assert typed.tags == ("O", "B-GPE", "B-GPE", "B-LOC", "I-LOC")
    assert typer.decided == Counter({"fane": 1, "gazetteer": 1, "aligned": 1})


def test_development_split_is_every_tenth_block():
    held = [index for index in range(800) if ner.is_dev(index)]
    assert held == [*range(120, 160), *range(520, 560)]


def test_the_development_blocks_are_trained_on_unless_held_out():
    if not (SHARED / ner.NER_DIR / "anercorp-camel-train.conll").is_file():
        pytest.skip("needs ../shared/data (the NER corpora)")

    def news_trained_on(corpus: ner.Corpus) -> set[int]:
        return {
            i
            for origin, i in zip(corpus.train.origins, corpus.train.indices, strict=True)
            if origin == "anercorp"
        }

    held = ner.assemble(SHARED, lambda message: None)
    every = ner.assemble(SHARED, lambda message: None, hold_out_dev=False)
    dev = {i for i in range(3973) if ner.is_dev(i)}
    assert len(held.dev_anercorp) == len(dev) == 400 and not news_trained_on(held) & dev
    assert every.dev_anercorp == every.dev_newsfane == every.dev_newsfane_own == []
    assert news_trained_on(every) == news_trained_on(held) | dev == set(range(3973))


def test_a_tiny_model_learns_its_training_data(tmp_path: Path):
    sentences = [
        ner.retype(s, {"PERS": "PERSON", "ORG": "ORG", "LOC": "GPE"})
        for s in read_conll(FIXTURES / "tiny-train.conll")
    ]
    training = ner.TrainingSet([], [], Counter())
    for index, sentence in enumerate(sentences):
        training.add(sentence, "fixture", index)
    model = tmp_path / "tiny-crf.npz"
    ner.train_crf(
        training.tokens, training.labels, Lexicons(), model, {"c1": 0.0, "c2": 0.01, "max_iterations": 100}
    )
    tagger = NerTagger(model, Lexicons())
    for tokens, labels in zip(training.tokens, training.labels, strict=True):
        assert tagger.predict(tokens) == labels
    # Known names in a sentence it never saw.
    unseen = tokenize("سافر سامي النجار إلى عمان .")
    assert tagger.predict(unseen) == ["O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O"]


def test_fane_class_table_covers_every_class_of_the_shared_map():
    table = SHARED / "ner" / "fane-fine-to-coarse.tsv"
    if not table.is_file():
        pytest.skip("needs ../shared/data (the FANE class map)")
    shared = ner.read_type_map(table)
    ours = ner.fane_type_map()
    assert set(shared) == set(ours)
    assert {ours[c] for c in ours} == {"PERSON", "ORG", "GPE", "LOC", "FAC", "MISC", "NORP"}


def test_domain_features_copy_the_words_own_features_not_the_context():
    rows = [["b", "w=دولار", "s=دولار", "c2=7", "t=TITLE", "-1w=مئه", "g=BCITY"]]
    assert ner.domain_features(rows, "wikifane") == [
        [
            *rows[0],
            "wikifane|b",
            "wikifane|w=دولار",
            "wikifane|s=دولار",
            "wikifane|t=TITLE",
            "wikifane|g=BCITY",
        ]
    ]


def test_another_corpus_convention_is_kept_out_of_the_news_model(tmp_path: Path):
    # News calls the currency MISC; the other corpus, more of it, leaves it O.
    news = [("دفع التاجر مئة دولار .", 3), ("ارتفع سعر دولار اليوم .", 2)]
    other = [
        "اشترى الرجل كتابا بعشرة دولار .",
        "كان دولار عملة قوية .",
        "صرف دولار في السوق .",
    ]
    tokens, labels, domains = [], [], []
    for text, index in news:
        words = tokenize(text)
        tokens.append(words)
        labels.append(["B-MISC" if i == index else "O" for i in range(len(words))])
        domains.append("")
    for _ in range(2):
        for text in other:
            words = tokenize(text)
            tokens.append(words)
            labels.append(["O"] * len(words))
            domains.append("wikifane")
    params = {"c1": 0.0, "c2": 0.01, "max_iterations": 100}
    unseen = tokenize("باع دولار .")
    mixed = tmp_path / "mixed.npz"
    ner.train_crf(tokens, labels, Lexicons(), mixed, params)
    assert NerTagger(mixed, Lexicons()).predict(unseen)[1] == "O"
    separated = tmp_path / "separated.npz"
    ner.train_crf(tokens, labels, Lexicons(), separated, params, domains)
    assert NerTagger(separated, Lexicons()).predict(unseen)[1] == "B-MISC"
