"""Held-out checks on ANERcorp blocks, scored with models that never saw them.

The development set is where the entity stage's rules were written, so its figures are
optimistic for them. Two other tenths of ANERcorp's training part (blocks of 40
sentences, every tenth from an offset) serve as further checks:

- the validation blocks (offset 7, `ner_neural.is_validation`) chose the network's
  settings, and rule fixes were found on them later, so they too are no longer clean;
- the blind blocks (offset 5) were never read by anyone: only their scores were printed.

The shipped CRF and network are trained on both, so they cannot be scored there. This
script trains a CRF on the training sentences without the chosen blocks (once, into
--out) and takes a network trained without them, then scores the tagger and the whole
entity stage, each sentence alone, on the 400 sentences in ANERcorp's labels and on those
NewsFANE aligns, in its coarse types.

Validation (the network from `python marsad/training/ner_network.py sweep base --arrays
A.npz --unlabelled U.npz --out DIR`, docs/ner.md):

    nice -n 10 .venv/bin/python eval/entities/validation_check.py --network DIR/sweep-base.npz

Blind blocks: first arrays whose held-out mask is those blocks, then a network trained for
the shipped number of epochs without scoring them, then the check:

    .venv/bin/python eval/entities/validation_check.py --offset 5 --mask-arrays A.npz A5.npz
    python marsad/training/ner_network.py holdout base --arrays A5.npz --unlabelled U.npz \
        --epochs 5 --out DIR5
    nice -n 10 .venv/bin/python eval/entities/validation_check.py --offset 5 --network DIR5/holdout-base.npz
"""

from __future__ import annotations

import argparse
import functools
from pathlib import Path

import numpy as np

from marsad import resources
from marsad.document import Document
from marsad.entities.features import load_lexicons
from marsad.entities.stage import EntityStage
from marsad.entities.tagger import NerTagger
from marsad.errors import MarsadError
from marsad.pipeline import Pipeline
from marsad.training import ner, ner_eval
from marsad.training.conll import ConllSentence, read_conll
from marsad.training.ner import DEV_BLOCK, DEV_EVERY, DEV_OFFSET
from marsad.training.ner_neural import VALIDATION_OFFSET, distinct_sentences

ROOT = Path(__file__).resolve().parents[2]


def in_blocks(offset: int, origin: str, index: int) -> bool:
    """Whether an ANERcorp sentence lies in the blocks of this offset."""
    return origin == "anercorp" and (index // DEV_BLOCK) % DEV_EVERY == offset


def held_out_views(
    data: Path, offset: int
) -> tuple[list[ConllSentence], list[ConllSentence], list[ConllSentence]]:
    """The blocks' sentences with ANERcorp's labels, those NewsFANE aligns with its labels
    on ANERcorp's tokens, and the same NewsFANE sentences in its own tokens."""
    anercorp = read_conll(data / ner.NER_DIR / "anercorp-camel-train.conll")
    newsfane = read_conll(data / ner.NER_DIR / "newsfane-train.conll")
    alignments = ner.align_news(anercorp, newsfane)
    chosen = [i for i in range(len(anercorp)) if in_blocks(offset, "anercorp", i)]
    aligned = [i for i in chosen if i in alignments]
    fane = [ner.fane_view(anercorp[i], alignments[i], newsfane[alignments[i].fane]) for i in aligned]
    return [anercorp[i] for i in chosen], fane, [newsfane[alignments[i].fane] for i in aligned]


def train_crf_without(data: Path, model: Path, offset: int) -> None:
    """The shipped CRF's training, less the blocks of `offset` (about 7 minutes)."""
    corpus = ner.assemble(data, print)
    train = corpus.train
    kept = [i for i in range(len(train.tokens)) if not in_blocks(offset, train.origins[i], train.indices[i])]
    lexicons = ner.shipped_lexicons(resources.data_file("entities", ""))
    domains = ["" if train.origins[i] in ner.NEWS_CORPORA else train.origins[i] for i in kept]
    tokens, labels = [train.tokens[i] for i in kept], [train.labels[i] for i in kept]
    ner.train_crf(tokens, labels, lexicons, model, domains=domains)


def mask_arrays(data: Path, arrays: Path, out: Path, offset: int) -> None:
    """Copies the network's training arrays (`ner_neural.export_arrays`) with the blocks
    of `offset` as their held-out mask in place of the validation blocks."""
    train = ner.assemble(data, lambda message: None).train
    firsts = [first for first, _ in distinct_sentences(train)]
    content = dict(np.load(arrays))
    if "validation" not in content:
        raise ValueError(f"{arrays} is not a network arrays file from ner_neural.export_arrays")
    validation = [in_blocks(VALIDATION_OFFSET, train.origins[f], train.indices[f]) for f in firsts]
    if validation != content["validation"].tolist():
        raise ValueError(f"{arrays} was not exported from this corpus assembly")
    content["validation"] = np.array([in_blocks(offset, train.origins[f], train.indices[f]) for f in firsts])
    np.savez(out, **content)
    print(f"wrote {out}: {int(content['validation'].sum())} held-out sentences (offset {offset})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--network", type=Path, help="a network trained without the blocks")
    parser.add_argument("--offset", type=int, default=VALIDATION_OFFSET, help="7 validation, 5 blind")
    parser.add_argument("--mask-arrays", type=Path, nargs=2, metavar=("IN", "OUT"), help="write, then stop")
    parser.add_argument("--out", type=Path, help="the CRF's folder (build/ner-noval, build/ner-heldout-N)")
    parser.add_argument(
        "--context", type=int, default=1, help="sentences the entity stage reads together, as an article"
    )
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    if not (args.data / ner.NER_DIR / "anercorp-camel-train.conll").is_file():
        parser.exit(2, f"error: no NER corpora under {args.data} (give --data ../shared/data)\n")
    if args.offset == DEV_OFFSET or not 0 <= args.offset < DEV_EVERY:
        message = f"--offset must be 0-{DEV_EVERY - 1} and not the development set's {DEV_OFFSET}"
        parser.exit(2, f"error: {message}\n")
    try:
        if args.mask_arrays:
            mask_arrays(args.data, *args.mask_arrays, args.offset)
        elif args.network is None:
            parser.exit(2, "error: give --network (or --mask-arrays)\n")
        else:
            default = "ner-noval" if args.offset == VALIDATION_OFFSET else f"ner-heldout-{args.offset}"
            check(args.network, args.out or ROOT / "build" / default, args.data, args.offset, args.context)
    except (MarsadError, OSError, ValueError) as error:
        parser.exit(2, f"error: {error}\n")


def check(network: Path, out: Path, data: Path, offset: int, context: int = 1) -> None:
    """Trains the CRF if --out lacks it, then prints the four scores. `context` > 1 lets
    the entity stage read that many consecutive sentences as one article (`marsad eval
    ner --context`); the tagger alone always reads one sentence."""
    crf_model = out / "ner-crf.npz"
    if not crf_model.is_file():
        print(f"training the CRF without the blocks of offset {offset} into {crf_model}")
        train_crf_without(data, crf_model, offset)
    tagger = NerTagger(crf_model, load_lexicons(resources.data_file("entities", "")), network)
    text_layer = Pipeline(("marsad.text.v1",))
    entity_stage = EntityStage(tagger=tagger)

    def stage_mentions(text: str) -> list[ner_eval.Mention]:
        return ner_eval.named_mentions(entity_stage(text_layer(Document.from_parts(text))))

    anercorp, newsfane, newsfane_own = held_out_views(data, offset)
    newsfane_own = ner_eval.as_published(newsfane_own)[0]
    fane_map = ner_eval.read_label_map(data / ner.NER_DIR / "fane-fine-to-coarse.tsv")
    blocks = "validation" if offset == VALIDATION_OFFSET else f"blocks {offset}"
    for title, sentences, file_map, scheme in (
        (f"ANERcorp {blocks} (PERS/LOC/ORG/MISC)", anercorp, None, "anercorp"),
        (f"NewsFANE {blocks} (coarse PER/ORG/GPE/LOC/FAC)", newsfane, fane_map, "fane-coarse"),
        (f"NewsFANE {blocks}, its own tokens", newsfane_own, fane_map, "fane-coarse"),
    ):
        print(f"{title}: {len(sentences)} sentences")
        heads = ner_eval.scheme_outside_heads(scheme)
        predictors = (
            ("tagger alone", functools.partial(ner_eval.tagger_mentions, tagger=tagger), 1),
            ("entity stage", stage_mentions, context),
        )
        for name, predictor, window in predictors:
            labels = ner_eval.scheme_labels(scheme)
            scores = ner_eval.evaluate(sentences, file_map, labels, predictor, name, heads, window)
            precision, recall, f1 = scores.prf()
            per_type = ", ".join(f"{kind} {scores.prf(kind)[2]:.3f}" for kind in scores.types())
            print(f"  {name:14s} P {precision:.4f}  R {recall:.4f}  F1 {f1:.4f}   ({per_type})")
            counts = scores.error_counts()
            kinds = ", ".join(f"{counts[kind]} {kind}" for kind in ner_eval.ERROR_KINDS)
            print(f"  {'':14s} errors: {kinds}")


if __name__ == "__main__":
    main()
