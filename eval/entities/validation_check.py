"""A second held-out check: the validation blocks, scored with models that never saw them.

The development set is where the entity stage's rules were written, so its figures are
optimistic for them. The validation blocks (every tenth block of 40 ANERcorp sentences,
offset 7: `ner_neural.is_validation`) chose the network's settings but no rule; the
shipped CRF and network are trained on them too, though, so they cannot be scored there.
This script trains a CRF on the training sentences without the validation blocks (once,
into --out), takes a network trained without them (`python
marsad/training/ner_network.py sweep base --arrays A.npz --unlabelled U.npz --out DIR`
writes one, DIR/sweep-base.npz; docs/ner.md), and scores the tagger and the whole entity
stage, each sentence alone, on the 400 validation sentences in ANERcorp's labels and on
the 340 of them that NewsFANE aligns in its coarse types.

    nice -n 10 .venv/bin/python eval/entities/validation_check.py --network DIR/sweep-base.npz \
        [--out build/ner-noval]
"""

from __future__ import annotations

import argparse
import functools
from pathlib import Path

from marsad import resources
from marsad.document import Document
from marsad.entities.features import load_lexicons
from marsad.entities.stage import EntityStage
from marsad.entities.tagger import NerTagger
from marsad.errors import MarsadError
from marsad.pipeline import Pipeline
from marsad.training import ner, ner_eval
from marsad.training.conll import ConllSentence, read_conll
from marsad.training.ner_neural import is_validation

ROOT = Path(__file__).resolve().parents[2]


def validation_views(data: Path) -> tuple[list[ConllSentence], list[ConllSentence]]:
    """The validation sentences with ANERcorp's labels, and those NewsFANE aligns with its."""
    anercorp = read_conll(data / ner.NER_DIR / "anercorp-camel-train.conll")
    newsfane = read_conll(data / ner.NER_DIR / "newsfane-train.conll")
    alignments = ner.align_news(anercorp, newsfane)
    chosen = [i for i in range(len(anercorp)) if is_validation("anercorp", i)]
    aligned = [i for i in chosen if i in alignments]
    fane = [ner.fane_view(anercorp[i], alignments[i], newsfane[alignments[i].fane]) for i in aligned]
    return [anercorp[i] for i in chosen], fane


def train_crf_without_validation(data: Path, model: Path) -> None:
    """The shipped CRF's training, less the validation blocks (about 7 minutes)."""
    corpus = ner.assemble(data, print)
    train = corpus.train
    kept = [i for i in range(len(train.tokens)) if not is_validation(train.origins[i], train.indices[i])]
    lexicons = ner.shipped_lexicons(resources.data_file("entities", ""))
    domains = ["" if train.origins[i] in ner.NEWS_CORPORA else train.origins[i] for i in kept]
    tokens, labels = [train.tokens[i] for i in kept], [train.labels[i] for i in kept]
    ner.train_crf(tokens, labels, lexicons, model, domains=domains)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--network", type=Path, required=True, help="a network trained without validation")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "ner-noval")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    if not (args.data / ner.NER_DIR / "anercorp-camel-train.conll").is_file():
        parser.exit(2, f"error: no NER corpora under {args.data} (give --data ../shared/data)\n")
    try:
        check(args.network, args.out, args.data)
    except MarsadError as error:
        parser.exit(2, f"error: {error}\n")


def check(network: Path, out: Path, data: Path) -> None:
    """Trains the CRF if --out lacks it, then prints the four scores."""
    crf_model = out / "ner-crf.npz"
    if not crf_model.is_file():
        print(f"training the CRF without the validation blocks into {crf_model}")
        train_crf_without_validation(data, crf_model)
    tagger = NerTagger(crf_model, load_lexicons(resources.data_file("entities", "")), network)
    text_layer = Pipeline(("marsad.text.v1",))
    entity_stage = EntityStage(tagger=tagger)

    def stage_mentions(text: str) -> list[ner_eval.Mention]:
        return ner_eval.named_mentions(entity_stage(text_layer(Document.from_parts(text))))

    anercorp, newsfane = validation_views(data)
    fane_map = ner_eval.read_label_map(data / ner.NER_DIR / "fane-fine-to-coarse.tsv")
    for title, sentences, file_map, scheme in (
        ("ANERcorp validation (PERS/LOC/ORG/MISC)", anercorp, None, "anercorp"),
        ("NewsFANE validation (coarse PER/ORG/GPE/LOC/FAC)", newsfane, fane_map, "fane-coarse"),
    ):
        print(f"{title}: {len(sentences)} sentences")
        heads = ner_eval.scheme_outside_heads(scheme)
        predictors = (
            ("tagger alone", functools.partial(ner_eval.tagger_mentions, tagger=tagger)),
            ("entity stage", stage_mentions),
        )
        for name, predictor in predictors:
            labels = ner_eval.scheme_labels(scheme)
            scores = ner_eval.evaluate(sentences, file_map, labels, predictor, name, heads)
            precision, recall, f1 = scores.prf()
            per_type = ", ".join(f"{kind} {scores.prf(kind)[2]:.3f}" for kind in scores.types())
            print(f"  {name:14s} P {precision:.4f}  R {recall:.4f}  F1 {f1:.4f}   ({per_type})")


if __name__ == "__main__":
    main()
