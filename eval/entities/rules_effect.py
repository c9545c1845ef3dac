"""What the entity stage's rules and coreference change in exact-span NER scores.

Scores the same held-out sentences twice with `marsad eval ner`'s scorer: once with the
NER tagger's own mentions, once with the mentions of the entities the whole pipeline
(`marsad.entities.v1`) finds. The held-out sentences are those `marsad train ner
--dev-out` keeps aside (every tenth block of ANERcorp, and the same sentences in
NewsFANE), rebuilt here from ../shared/data; the model is one trained so (the shipped
one is trained on them):

    .venv/bin/marsad train ner --reuse-tables --dev-out build/ner-dev --out build/ner-devmodel
    .venv/bin/python eval/entities/rules_effect.py --model build/ner-devmodel [--data ../shared/data]

Sentences are scored one at a time, so what needs a whole article (a family name found
again three paragraphs later, a role standing alone) barely shows there; a third row
scores the entity stage with `--context` consecutive sentences (default 10, about an
ANERcorp article's length) analysed together as one article, as `marsad eval ner
--context` does. NewsFANE is scored twice: its labels on ANERcorp's tokens, and its own
sentences, whose clitics it writes apart (`و قال`), as `marsad eval ner` reads such a file.
"""

from __future__ import annotations

import argparse
import functools
from pathlib import Path

from marsad.errors import MarsadError
from marsad.training import ner_eval
from marsad.training.ner import assemble

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--context", type=int, default=10, help="sentences analysed together (third row)")
    parser.add_argument(
        "--model", type=Path, required=True, help="a folder `marsad train ner --dev-out ... --out` wrote"
    )
    args = parser.parse_args()
    try:
        tagger = ner_eval.load_model(args.model)
    except MarsadError as error:
        parser.exit(2, f"error: {error}\n")
    tagger_mentions = functools.partial(ner_eval.tagger_mentions, tagger=tagger)
    stage_mentions = ner_eval.stage_predictor(tagger)
    corpus = assemble(args.data, lambda message: None)
    fane_map = ner_eval.read_label_map(args.data / "ner" / "fane-fine-to-coarse.tsv")
    sets = [
        ("ANERcorp dev (PERS/LOC/ORG/MISC)", corpus.dev_anercorp, None, "anercorp"),
        ("NewsFANE dev (coarse PER/ORG/GPE/LOC/FAC)", corpus.dev_newsfane, fane_map, "fane-coarse"),
        (
            "NewsFANE dev, its own tokens (clitics split, attached again for analysis)",
            ner_eval.as_published(corpus.dev_newsfane_own)[0],
            fane_map,
            "fane-coarse",
        ),
    ]
    for title, sentences, file_map, scheme in sets:
        labels = ner_eval.scheme_labels(scheme)
        print(f"{title}: {len(sentences)} sentences")
        heads = ner_eval.scheme_outside_heads(scheme)
        for name, predictor, context in (
            ("tagger alone", tagger_mentions, 1),
            ("entity stage", stage_mentions, 1),
            (f"stage, {args.context} together", stage_mentions, args.context),
        ):
            scores = ner_eval.evaluate(sentences, file_map, labels, predictor, name, heads, context)
            precision, recall, f1 = scores.prf()
            per_type = ", ".join(
                f"{kind} {scores.prf(kind)[2]:.3f}" for kind in scores.types() if scores.prf(kind)[2]
            )
            print(f"  {name:20s} P {precision:.4f}  R {recall:.4f}  F1 {f1:.4f}   ({per_type})")


if __name__ == "__main__":
    main()
