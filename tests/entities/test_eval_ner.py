"""`marsad eval ner`: reading CoNLL, mapping label sets, exact-span scores."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli.main import cli
from marsad.errors import MarsadError
from marsad.training.conll import (
    EntitySpan,
    attach_split_clitics,
    iob_spans,
    marsad_spans_to_file,
    parse_conll,
    read_conll,
    splits_clitics,
)
from marsad.training.ner_eval import (
    SCHEMES,
    HeadConvention,
    ScoredError,
    as_published,
    classify_errors,
    cut_outside_heads,
    detect_scheme,
    evaluate,
    labels_for_file,
    outside_heads_for,
    parse_label_options,
    read_label_map,
    scheme_outside_heads,
)

FIXTURES = Path(__file__).parent / "fixtures"
EVAL_FILE = FIXTURES / "eval-iob1.conll"
SPLIT_FILE = FIXTURES / "eval-fane-split.conll"  # clitics written apart, as FANE does


def phrase_predictor(phrases: dict[str, str]):
    """Predicts every occurrence of the given phrases, whatever the context."""

    def predict(text: str) -> list[tuple[int, int, str]]:
        mentions = []
        for phrase, kind in phrases.items():
            start = text.find(phrase)
            while start >= 0:
                mentions.append((start, start + len(phrase), kind))
                start = text.find(phrase, start + 1)
        return mentions

    return predict


def test_iob1_is_read_as_iob2_and_docstart_is_a_boundary():
    sentences = read_conll(EVAL_FILE)
    assert len(sentences) == 3
    assert sentences[0].tags[:4] == ("O", "O", "B-PERS", "I-PERS")
    assert [(s.start, s.end, s.type) for s in iob_spans(sentences[1].tags)] == [
        (1, 3, "PERS"), (4, 5, "LOC"), (5, 6, "LOC"),
    ]  # fmt: skip


def test_tab_separated_lines_and_bad_lines():
    sentence = next(parse_conll(["بغداد\tB-LOC", "اليوم\tO", ""]))
    assert sentence.tokens == ("بغداد", "اليوم") and sentence.tags == ("B-LOC", "O")
    with pytest.raises(MarsadError) as error:
        list(parse_conll(["بغداد LOCATION"], source="x.conll"))
    assert error.value.code == "E291"


def test_bioes_tags_and_multi_column_lines_are_read_as_iob2():
    lines = ["قال\tVBD\tO", "سامي\tNNP\tB-PER", "النجار\tNNP\tE-PER", "في\tIN\tO", "عمان\tNNP\tS-LOC",
             "ودمشق\tNNP\tU-LOC", "وجبل\tNNP\tB-LOC", "الشيخ\tNNP\tL-LOC"]  # fmt: skip
    sentence = next(parse_conll(lines))
    assert sentence.tokens[1] == "سامي"
    assert [(s.start, s.end, s.type) for s in iob_spans(sentence.tags)] == [
        (1, 3, "PER"), (4, 5, "LOC"), (5, 6, "LOC"), (6, 8, "LOC"),
    ]  # fmt: skip


def test_a_byte_order_mark_is_not_part_of_the_first_token(tmp_path):
    path = tmp_path / "bom.conll"
    path.write_text("\ufeffبغداد B-LOC\nاليوم O\n", encoding="utf-8")
    assert read_conll(path)[0].tokens == ("بغداد", "اليوم")


@pytest.mark.parametrize("text", ["", "\n\n", "-DOCSTART- O\n\n"])
def test_a_file_without_sentences_is_an_error_not_a_zero_score(tmp_path, text):
    path = tmp_path / "empty.conll"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MarsadError) as error:
        read_conll(path)
    assert error.value.code == "E290"
    result = CliRunner().invoke(cli, ["eval", "ner", str(path)])
    assert result.exit_code != 0 and "precision" not in result.output
    assert isinstance(result.exception, MarsadError) and result.exception.code == "E290"


def test_character_mentions_map_onto_whole_file_tokens():
    sentence = next(parse_conll(["وصل O", "والغبان B-PERS", "إلى O", "أربيل B-LOC"]))
    assert sentence.text == "وصل والغبان إلى أربيل"
    # "الغبان" inside "والغبان" (characters 5-11) is the file token 1.
    assert marsad_spans_to_file([(5, 11, "PERSON"), (16, 21, "GPE")], sentence) == [
        EntitySpan(1, 2, "PERSON"), EntitySpan(3, 4, "GPE"),
    ]  # fmt: skip


def test_exact_span_scores_with_a_known_predictor():
    predictor = phrase_predictor(
        {
            "العمري": "PERSON",
            "عمان": "GPE",
            "منظمة السلام": "ORG",
            "سامي النجار": "PERSON",
            "دمشق": "GPE",
            "القاهرة": "GPE",
            "الدولار": "MISC",
            "أمام": "ORG",
        }
    )
    scores = evaluate(read_conll(EVAL_FILE), labels=SCHEMES["anercorp"], predictor=predictor)
    assert (sum(scores.true_positives.values()), sum(scores.false_positives.values())) == (6, 2)
    assert sum(scores.false_negatives.values()) == 2
    assert scores.prf() == (0.75, 0.75, 0.75)
    assert scores.prf("PERS") == (0.5, 0.5, 0.5)
    assert scores.prf("LOC") == (1.0, 1.0, 1.0)
    assert scores.prf("ORG") == pytest.approx((0.5, 1.0, 2 / 3))
    assert scores.prf("MISC") == pytest.approx((1.0, 0.5, 2 / 3))
    assert scores.tokens == 24 and scores.sentences == 3
    report = scores.report()
    assert "overall       0.7500    0.7500    0.7500       8       8" in report
    assert "errors: 0 wrong type, 1 wrong boundary, 0 wrong type and boundary, 1 spurious, 1 missed" in report
    assert scores.errors == [
        ScoredError(1, "wrong boundary", ("خالد العمري", "PERS"), ("العمري", "PERS")),
        ScoredError(3, "spurious", None, ("أمام", "ORG")),
        ScoredError(3, "missed", ("الجنيه", "MISC"), None),
    ]


def test_label_maps(tmp_path: Path):
    table = tmp_path / "map.tsv"
    table.write_text("# fine to coarse\nPolitician\tPER\nGroup\t\nNation\tGPE\n", encoding="utf-8")
    assert read_label_map(table) == {"Politician": "PER", "Group": "", "Nation": "GPE"}
    assert parse_label_options(["PERSON=PERS", "MISC="]) == {"PERSON": "PERS", "MISC": ""}
    with pytest.raises(MarsadError):
        parse_label_options(["PERSON"])
    sentence = next(parse_conll(["الرئيس O", "سامي B-Politician", "النجار I-Politician", "العرب B-Group"]))
    scores = evaluate(
        [sentence], file_map=read_label_map(table), labels={"PERSON": "PER"},
        predictor=phrase_predictor({"سامي النجار": "PERSON", "العرب": "MISC"}),
    )  # fmt: skip
    # Group is dropped from the gold side, MISC from ours: one mention, found.
    assert scores.prf() == (1.0, 1.0, 1.0)


def test_cli_runs_the_shipped_model_and_prints_conlleval_style_scores():
    result = CliRunner().invoke(cli, ["eval", "ner", str(EVAL_FILE), "--scheme", "anercorp"])
    assert result.exit_code == 0, result.output
    assert "processed 24 tokens in 3 sentences" in result.output
    assert "gold: 8" in result.output
    assert "tokens/s" in result.output


def test_cli_scores_with_sentences_read_together():
    args = ["eval", "ner", str(EVAL_FILE), "--scheme", "anercorp", "--context", "5"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "processed 24 tokens in 3 sentences" in result.output and "gold: 8" in result.output
    bad = CliRunner().invoke(cli, [*args[:-1], "0"])
    assert bad.exit_code == 2 and "--context" in bad.output


def test_cli_reads_consecutive_sentences_as_one_article_by_default(tmp_path):
    # The bare family name of the second sentence is a person because the first names him.
    path = tmp_path / "article.conll"
    first = ["أعلن O", "المهندس O", "سمير B-PERS", "الحداد I-PERS", "افتتاح O", "المصنع O", "الجديد O", ". O"]
    second = ["ويملك O", "الحداد B-PERS", "نصف O", "أسهم O", "الشركة O", ". O"]
    path.write_text("\n".join([*first, "", *second]) + "\n", encoding="utf-8")
    together = CliRunner().invoke(cli, ["eval", "ner", str(path), "--scheme", "anercorp"])
    assert together.exit_code == 0, together.output
    assert "correct: 2; gold: 2" in together.output and "up to 10 consecutive sentences" in together.output
    alone = CliRunner().invoke(cli, ["eval", "ner", str(path), "--scheme", "anercorp", "--context", "1"])
    assert "correct: 1; gold: 2" in alone.output and "each sentence read alone" in alone.output


@pytest.mark.parametrize(
    ("tags", "file_map", "scheme"),
    [
        (["B-PERS", "B-LOC"], None, "anercorp"),
        (["B-PER", "B-MIS"], None, "aqmar"),
        (["B-PER", "B-GPE"], None, "fane-coarse"),
        (["B-Politician", "B-Nation"], {"Politician": "PER", "Nation": "GPE"}, "fane-coarse"),
        (["B-PER", "B-LOC", "B-MISC"], None, "conll"),
        (["B-PERSON", "B-GPE"], None, "marsad"),
        (["B-PERS", "O"], {"PERS": "O"}, "marsad"),  # mapped away, so not the file's label
    ],
)
def test_the_scheme_is_detected_from_the_files_own_labels(tags, file_map, scheme):
    sentence = next(parse_conll([f"كلمة{i} {tag}" for i, tag in enumerate(tags)]))
    assert detect_scheme([sentence], file_map) == scheme


def test_a_type_the_file_never_uses_is_left_out_of_the_comparison(tmp_path):
    # WikiANN's set: PER, ORG, LOC and no MISC, so Marsad's MISC mentions are not its errors.
    lines = ["زار O", "سامي B-PER", "النجار I-PER", "مقر O", "اليونسكو B-ORG", "في O", "باريس B-LOC"]
    sentences = list(parse_conll(lines))
    scheme, labels = labels_for_file(sentences)
    assert scheme == "conll" and "MISC" not in labels and labels["GPE"] == "LOC"
    path = tmp_path / "wikiann.conll"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "ner", str(path)])
    assert (
        "--scheme conll, which the file's labels imply; the file never uses MISC, left out" in result.output
    )


def test_cli_without_a_scheme_compares_as_the_file_labels_imply():
    detected = CliRunner().invoke(cli, ["eval", "ner", str(EVAL_FILE), "--context", "1"])
    assert "labels: compared as --scheme anercorp" in detected.output
    named = CliRunner().invoke(cli, ["eval", "ner", str(EVAL_FILE), "--context", "1", "--scheme", "anercorp"])
    table = named.output.split("speed:")[0]
    assert "gold: 8" in table and detected.output.startswith(table)
    explicit = CliRunner().invoke(cli, ["eval", "ner", str(EVAL_FILE), "--labels", "PERSON=PERS"])
    assert "labels: compared as" not in explicit.output


def test_cli_rejects_a_bad_label_option():
    result = CliRunner().invoke(cli, ["eval", "ner", str(EVAL_FILE), "--labels", "PERSON"])
    assert isinstance(result.exception, MarsadError) and result.exception.code == "E295"


def test_cli_can_score_the_tagger_alone():
    result = CliRunner().invoke(cli, ["eval", "ner", str(EVAL_FILE), "--scheme", "anercorp", "--tagger-only"])
    assert result.exit_code == 0, result.output
    assert "(NER tagger only)" in result.output


def test_cli_scores_the_model_a_training_run_wrote_to_a_folder(tmp_path: Path):
    from marsad import resources
    from marsad.training.ner_eval import MODEL_FILES

    for name in MODEL_FILES:
        (tmp_path / name).symlink_to(resources.data_file("entities", name))
    args = ["eval", "ner", str(EVAL_FILE), "--scheme", "anercorp"]
    shipped = CliRunner().invoke(cli, args)
    folder = CliRunner().invoke(cli, [*args, "--model", str(tmp_path)])
    assert folder.exit_code == 0, folder.output
    assert f"model in {tmp_path}" in folder.output
    scores = [line for line in shipped.output.splitlines() if not line.startswith(("speed:", "labels:"))]
    assert "overall" in "".join(scores)
    assert scores == [
        line for line in folder.output.splitlines() if not line.startswith(("speed:", "labels:"))
    ]
    # The folder's own files are read: a broken CRF there is an error, not the shipped one.
    (tmp_path / "ner-crf.npz").unlink()
    (tmp_path / "ner-crf.npz").write_bytes(b"not a model")
    broken = CliRunner().invoke(cli, [*args, "--model", str(tmp_path)])
    assert isinstance(broken.exception, MarsadError) and broken.exception.code == "E298"
    (tmp_path / "ner-network.npz").unlink()
    missing = CliRunner().invoke(cli, [*args, "--model", str(tmp_path), "--tagger-only"])
    assert isinstance(missing.exception, MarsadError) and missing.exception.code == "E289"
    assert "ner-network.npz" in str(missing.exception)


def test_peoples_count_as_fane_persons_and_not_at_all_for_anercorp():
    sentence = next(
        parse_conll(["قال O", "سامي B-Politician", "النجار I-Politician", "إن O", "الأكراد B-Group"])
    )
    fane_map = {"Politician": "PER", "Group": "PER"}
    predictor = phrase_predictor({"سامي النجار": "PERSON", "الأكراد": "NORP"})
    fane = evaluate([sentence], file_map=fane_map, labels=SCHEMES["fane-coarse"], predictor=predictor)
    assert fane.prf() == (1.0, 1.0, 1.0) and sum(fane.true_positives.values()) == 2
    # ANERcorp leaves peoples O: a NORP mention is neither right nor wrong there.
    anercorp = next(parse_conll(["قال O", "سامي B-PERS", "النجار I-PERS", "إن O", "الأكراد O"]))
    scores = evaluate([anercorp], labels=SCHEMES["anercorp"], predictor=predictor)
    assert scores.prf() == (1.0, 1.0, 1.0) and sum(scores.true_positives.values()) == 1


def test_the_anercorp_scheme_cuts_the_heads_anercorp_leaves_outside_names():
    sentence = next(
        parse_conll(["هبطت O", "في O", "مطار O", "بغداد B-LOC", "قرب O", "البحر B-LOC", "الأحمر I-LOC"])
    )
    predictor = phrase_predictor({"مطار بغداد": "FAC", "البحر الأحمر": "LOC"})
    heads = scheme_outside_heads("anercorp")
    assert "مطار" in heads and "بحر" not in heads  # ANERcorp takes بحر into the name
    scores = evaluate([sentence], labels=SCHEMES["anercorp"], predictor=predictor, outside_heads=heads)
    assert scores.prf() == (1.0, 1.0, 1.0)
    # Without the cut the airport is a boundary error; other schemes cut nothing.
    uncut = evaluate([sentence], labels=SCHEMES["anercorp"], predictor=predictor)
    assert sum(uncut.true_positives.values()) == 1 and sum(uncut.false_positives.values()) == 1
    assert scheme_outside_heads("fane-coarse") == {}
    # A mapping given label by label onto ANERcorp's PERS compares as the scheme does.
    assert outside_heads_for(None, {"PERSON": "PERS", "GPE": "LOC"}) == heads
    assert outside_heads_for(None, {"PERSON": "PER"}) == {} == outside_heads_for("aqmar", None)
    # A head with the article is part of another name, not cut: الجبل الأسود.
    place = HeadConvention(frozenset({"GPE", "LOC", "FAC"}))
    assert cut_outside_heads("زار الجبل الأسود", [(4, 16, "GPE")], {"جبل": place}) == [(4, 16, "GPE")]
    # An organisation's head is cut from organisations only: `نهر` opens a book's title too.
    text = "قال ناشط في حركة حماس إن ديوان نهر بين جنازتين صدر"
    mentions = [(12, 21, "ORG"), (31, 47, "MISC")]
    assert cut_outside_heads(text, mentions, heads) == [(17, 21, "ORG"), (31, 47, "MISC")]
    # A clitic on the head goes with it: لوكالة فرانس برس -> فرانس برس.
    text = "وقال لوكالة فرانس برس إن"
    assert cut_outside_heads(text, [(5, 21, "ORG")], heads) == [(12, 21, "ORG")]
    # ANERcorp names no ministry and no army: such an organisation is left out entirely.
    text = "وقالت وزارة الخارجية الأمريكية إن الجيش الإسرائيلي انسحب من غزة"
    mentions = [(6, 30, "ORG"), (34, 50, "ORG"), (60, 63, "GPE")]
    assert cut_outside_heads(text, mentions, heads) == [(60, 63, "GPE")]
    # Also under a head that is cut first: قوات الاحتلال الإسرائيلي.
    assert cut_outside_heads("قصفت قوات الاحتلال الإسرائيلي", [(5, 29, "ORG")], heads) == []
    # A compass word before a place stays outside it (جنوب/O لبنان/B-LOC), as South
    # Sudan was the region in ANERcorp's years.
    assert cut_outside_heads("في جنوب السودان", [(3, 15, "GPE")], heads) == [(8, 15, "GPE")]


def test_context_analyses_consecutive_sentences_of_a_document_together():
    lines = [
        "-DOCSTART- O", "", "التقى O", "سامي B-PERS", "النجار I-PERS", "بالوفد O", "",
        "وقال O", "النجار B-PERS", "إن O", "الاتفاق O", "قريب O", "",
        "-DOCSTART- O", "", "وقال O", "النجار B-PERS", "إن O", "الاتفاق O", "بعيد O", "",
    ]  # fmt: skip
    sentences = list(parse_conll(lines))
    assert [s.document for s in sentences] == [1, 1, 2]
    seen: list[str] = []

    def predict(text: str) -> list[tuple[int, int, str]]:
        """Knows the bare family name only when the full name is in the same text, as
        coreference does; a mention across a paragraph break must be dropped."""
        seen.append(text)
        found = phrase_predictor({"سامي النجار": "PERSON"})(text)
        if found:
            found += [m for m in phrase_predictor({"النجار": "PERSON"})(text) if m[0] != found[0][0] + 5]
        return [*found, (0, len(text), "ORG")] if "\n\n" in text else found

    alone = evaluate(sentences, labels=SCHEMES["anercorp"], predictor=predict)
    assert sum(alone.true_positives.values()) == 1 and len(seen) == 3
    seen.clear()
    together = evaluate(sentences, labels=SCHEMES["anercorp"], predictor=predict, context=10)
    # The first document's two sentences are one text; the DOCSTART line ends it, so the
    # third sentence, whose document never names سامي النجار, is read alone.
    assert len(seen) == 2 and "\n\n" in seen[0]
    assert sum(together.true_positives.values()) == 2
    assert sum(together.false_positives.values()) == 0  # the cross-sentence ORG is dropped
    assert together.sentences == 3 and together.tokens == alone.tokens


def test_split_clitics_are_attached_to_their_words_and_still_map_onto_the_file_tokens():
    sentence = read_conll(SPLIT_FILE)[0]
    assert sentence.text.startswith("و قال الوزير سامي النجار ل الصحفيين إن ه سيزور")
    attached = attach_split_clitics(sentence)
    assert attached.tokens == sentence.tokens and attached.tags == sentence.tags
    assert (
        attached.text
        == "وقال الوزير سامي النجار للصحفيين إنه سيزور العراق الأسبوع المقبل وسيلتقي في بغداد برئيس وزراءها ."
    )
    offsets = attached.offsets()
    written = [attached.text[start:end] for start, end in offsets]
    # Each token keeps its own characters, but the article's alef after ل (ل + ال is لل).
    assert written[:7] == ["و", "قال", "الوزير", "سامي", "النجار", "ل", "لصحفيين"]
    assert all(w == t for w, t in zip(written, attached.tokens, strict=True) if t != "الصحفيين")
    baghdad = attached.text.index("بغداد")
    assert marsad_spans_to_file([(baghdad, baghdad + 5, "GPE")], attached) == [EntitySpan(16, 17, "GPE")]
    words = ["و", "ب", "الكويت", "و", "خارجية", "ها", "ك", "رئيس", "كما"]
    chain = attach_split_clitics(next(parse_conll([f"{word} O" for word in words])))
    # A lone ك is the proclitic 'as', كما the word 'as'.
    assert chain.text == "وبالكويت وخارجيتها كرئيس كما" and chain.offsets()[2] == (2, 8)
    # A lone ك goes to the word news writes more often with it, or back at a sentence's end.
    either = ["قال", "بيتر", "كلار", "ك", "بلقاء", "إن", "عمل", "ك", "رئيس", "تطلب", "قدرات", "ك", "؟"]
    assert attach_split_clitics(next(parse_conll([f"{w} O" for w in either]))).text == (
        "قال بيتر كلارك بلقاء إن عمل كرئيس تطلب قدراتك ؟"
    )
    # A name the pipeline reads with its glued preposition is the file's name token alone.
    letter = attach_split_clitics(next(parse_conll(["خلفا O", "ل O", "فيرجسون B-Politician", "كما O"])))
    assert letter.text == "خلفا لفيرجسون كما"
    assert marsad_spans_to_file([(5, 13, "PERSON")], letter) == [EntitySpan(2, 3, "PERSON")]
    # But FANE splits ف off names that begin with it, so a name read with it keeps it.
    fuad = attach_split_clitics(
        next(parse_conll(["ف B-Politician", "ؤاد I-Politician", "السنيورة I-Politician"]))
    )
    assert fuad.text == "فؤاد السنيورة"
    assert marsad_spans_to_file([(0, 13, "PERSON")], fuad) == [EntitySpan(0, 3, "PERSON")]
    assert marsad_spans_to_file([(1, 13, "PERSON")], fuad) == [EntitySpan(1, 3, "PERSON")]
    # A lone letter before a one-letter token is an abbreviation's (د ب ا, dpa), not a clitic.
    assert attach_split_clitics(read_conll(SPLIT_FILE)[1]).text.startswith("( د ب ا ) وأضاف أن زيارته")


def test_only_a_file_that_splits_clitics_is_read_with_them_attached():
    split = read_conll(SPLIT_FILE)
    assert splits_clitics(split) and not splits_clitics(read_conll(EVAL_FILE))
    published, attached = as_published(split)
    assert attached and published[0].text.startswith("وقال")
    glued, attached = as_published(read_conll(EVAL_FILE))
    assert not attached and [s.text for s in glued] == [s.text for s in read_conll(EVAL_FILE)]


def test_cli_reads_a_file_with_split_clitics_as_published_text(tmp_path: Path):
    table = tmp_path / "map.tsv"
    table.write_text("Politician\tPER\nNation\tGPE\nPopulation-Center\tGPE\nMedia\tORG\n", encoding="utf-8")
    args = ["eval", "ner", str(SPLIT_FILE), "--map", str(table), "--scheme", "fane-coarse"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "clitics: the file writes them apart" in result.output
    assert "processed 38 tokens in 2 sentences" in result.output and "gold: 5" in result.output
    # `بغداد` after `في`, `العراق` and `لبنان`: the places are found on the file's own tokens.
    assert "GPE           1.0000    1.0000    1.0000       3       3" in result.output
    as_written = CliRunner().invoke(cli, [*args, "--as-written"])
    assert as_written.exit_code == 0 and "clitics:" not in as_written.output


def test_errors_are_named_by_kind_and_each_counted_once():
    gold = [(0, 2, "PER"), (3, 4, "LOC"), (5, 6, "ORG"), (8, 9, "MISC"), (12, 14, "PER")]
    predicted = [
        (1, 2, "PER"),
        (3, 4, "ORG"),
        (5, 7, "LOC"),
        (10, 11, "ORG"),
        (12, 13, "PER"),
        (13, 14, "PER"),
    ]
    assert classify_errors(gold, predicted) == [
        ("wrong boundary", (0, 2, "PER"), (1, 2, "PER")),
        ("wrong type", (3, 4, "LOC"), (3, 4, "ORG")),
        ("wrong type and boundary", (5, 6, "ORG"), (5, 7, "LOC")),
        ("spurious", None, (10, 11, "ORG")),
        # A gold mention split in two: the first half is a boundary error, the second spurious.
        ("wrong boundary", (12, 14, "PER"), (12, 13, "PER")),
        ("spurious", None, (13, 14, "PER")),
        ("missed", (8, 9, "MISC"), None),
    ]


def test_cli_writes_the_errors_to_a_table(tmp_path: Path):
    table = tmp_path / "map.tsv"
    table.write_text("Politician\tPER\nNation\tGPE\nPopulation-Center\tGPE\nMedia\tORG\n", encoding="utf-8")
    errors = tmp_path / "errors.tsv"
    args = [
        "eval",
        "ner",
        str(SPLIT_FILE),
        "--map",
        str(table),
        "--scheme",
        "fane-coarse",
        "--errors",
        str(errors),
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert (
        "errors: 0 wrong type, 0 wrong boundary, 0 wrong type and boundary, 0 spurious, 1 missed"
        in result.output
    )
    lines = errors.read_text(encoding="utf-8").splitlines()
    assert lines == [
        "sentence\tkind\tgold\tgold_type\tpredicted\tpredicted_type",
        "2\tmissed\tد ب ا\tORG\t\t",
    ]
    bad = CliRunner().invoke(cli, [*args[:-1], str(tmp_path / "missing" / "errors.tsv")])
    assert bad.exit_code == 2 and "--errors" in bad.output and "processed" not in bad.output
