"""`marsad eval ner FILE.conll`: exact-span NER scores on a CoNLL gold file."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TextIO

import click

from marsad.cli.evaluate import eval_group

SCHEME_HELP = (
    "Named mapping of Marsad's types onto the file's: anercorp (PERSON=PERS, GPE/LOC/FAC=LOC, "
    "ORG, MISC; NORP left out; head nouns ANERcorp leaves outside a name, such as مطار, cut off), "
    "aqmar (PER, ORG, LOC, MIS), fane-coarse (PERSON and NORP=PER, "
    "ORG, GPE, LOC, FAC; use with --map fane-fine-to-coarse.tsv), conll (PER, ORG, LOC, MISC), "
    "marsad (identity). Default: the scheme the file's own labels imply (PERS: anercorp, MIS: "
    "aqmar, PER with GPE or FAC: fane-coarse, other PER: conll), unless --labels is given."
)


# Sentences analysed together by default. A news CoNLL file keeps each article's sentences
# in order (ANERcorp's and FANE's do, though they mark no article boundaries), and Marsad
# reads articles: a bare family name is a person because the article named him in full, a
# town is a place because the article said so; sentence by sentence, coreference has
# nothing to work on. Ten sentences (about two thirds of an ANERcorp article) scored
# higher than one on every held-out set, and no lower than one on the same sentences
# shuffled, so a window that runs into another article does no measurable harm
# (docs/ner.md, Evaluation).
DEFAULT_CONTEXT = 10


@eval_group.command("ner")
@click.argument("conll", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--map",
    "map_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Two-column TSV mapping the FILE's labels (e.g. FANE's fine classes) to the ones compared.",
)
@click.option("--scheme", default=None, help=SCHEME_HELP)
@click.option(
    "--labels",
    "label_specs",
    multiple=True,
    metavar="OURS=THEIRS",
    help="Map one Marsad type onto the file's label set (repeatable; adds to --scheme; OURS= drops it). "
    "Mapping PERSON onto PERS (ANERcorp's label) brings ANERcorp's span conventions, "
    "as --scheme anercorp does.",
)
@click.option(
    "--context",
    type=click.IntRange(min=1),
    default=DEFAULT_CONTEXT,
    show_default=True,
    help="Analyse this many consecutive sentences together, as one article's paragraphs "
    "(never across a -DOCSTART- line), so that coreference can work; 1 reads each sentence alone. "
    "Each sentence is scored on its own mentions either way; --tagger-only reads one sentence at a time.",
)
@click.option(
    "--tagger-only",
    is_flag=True,
    help="Score the NER tagger's own mentions, without the entity stage's rules and coreference.",
)
@click.option(
    "--errors",
    "errors_file",
    type=click.File("w", encoding="utf-8", lazy=False),
    help="Write every error (missed, spurious, wrong type, wrong boundary) with its sentence "
    "number and the mentions' text to this TSV file.",
)
@click.option(
    "--as-written",
    is_flag=True,
    help="Join the file's tokens with spaces even where it splits clitics off their words (FANE's "
    "و قال); by default such a file's clitics are attached again before analysis.",
)
@click.option(
    "--model",
    "model_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Score the model a training run wrote to this folder (marsad train ner --out DIR) "
    "instead of the shipped one: e.g. one trained with --dev-out, on the development files.",
)
def eval_ner_command(
    conll: Path,
    map_file: Path | None,
    scheme: str | None,
    label_specs: tuple[str, ...],
    context: int,
    tagger_only: bool,
    errors_file: TextIO | None,
    as_written: bool,
    model_dir: Path | None,
) -> None:
    """Score Marsad's entity mentions against a CoNLL file (IOB1, IOB2 or BIOES; conlleval-style).

    The sentences (tokens joined by spaces) go through the real pipeline, ten at a time as
    one article's paragraphs; predicted mentions are mapped onto the file's tokens and
    must match the gold ones exactly.
    A file that writes clitics as tokens of their own (FANE: `و قال`, `زيارت ها`) is read
    with them attached again, as published text has them.
    """
    from marsad.training.conll import read_conll
    from marsad.training.ner_eval import (
        ENTITY_STAGE,
        as_published,
        default_predictor,
        entity_stage_in_pipeline,
        evaluate,
        labels_for_file,
        load_model,
        outside_heads_for,
        parse_label_options,
        read_label_map,
        scheme_labels,
        stage_predictor,
        tagger_mentions,
        write_errors,
    )

    file_map = read_label_map(map_file) if map_file is not None else None
    sentences, attached = (read_conll(conll), False) if as_written else as_published(read_conll(conll))
    detected = scheme is None and not label_specs
    labels: dict[str, str] | None = None
    if detected:
        scheme, labels = labels_for_file(sentences, file_map)
    elif scheme is not None or label_specs:
        labels = scheme_labels(scheme) if scheme is not None else {}
        labels.update(parse_label_options(label_specs))
    heads = outside_heads_for(scheme, labels)
    tagger = load_model(model_dir) if model_dir is not None else None
    model_note = f", model in {model_dir}" if model_dir is not None else ""
    if tagger_only or (tagger is not None and not entity_stage_in_pipeline()):
        context = 1  # the tagger labels one sentence at a time, at run time too
        predictor, source = functools.partial(tagger_mentions, tagger=tagger), "NER tagger only"
    elif tagger is not None:
        predictor, source = stage_predictor(tagger), f"pipeline: {ENTITY_STAGE}"
    else:
        predictor, source = default_predictor()
    scores = evaluate(
        sentences,
        file_map=file_map,
        labels=labels,
        predictor=predictor,
        source=source + model_note,
        outside_heads=heads,
        context=context,
    )
    click.echo(scores.report())
    if errors_file is not None:
        write_errors(scores, errors_file)
        click.echo(f"errors written to {errors_file.name}")
    if context == 1:
        click.echo("context: each sentence read alone")
    else:
        click.echo(f"context: up to {context} consecutive sentences read together as one article")
    if detected:
        unused = sorted(set(scheme_labels(scheme).values()) - set((labels or {}).values()))
        left_out = f"; the file never uses {', '.join(unused)}, left out" if unused else ""
        click.echo(f"labels: compared as --scheme {scheme}, which the file's labels imply{left_out}")
    if attached:
        click.echo("clitics: the file writes them apart (و قال); attached to their words for analysis")
