"""Trains NER model variants on `marsad train ner`'s split and scores them on its dev sets.

For choosing training settings without touching the shipped model: each variant is a
CRF trained on the same training sentences (optionally re-weighted or with extra
features) and scored, tagger only, on the held-out ANERcorp and NewsFANE dev sentences.

    nice -n 10 .venv/bin/python eval/entities/ner_experiments.py VARIANT [--out DIR]
    .venv/bin/python eval/entities/ner_experiments.py --list
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from marsad import resources
from marsad.document import Token
from marsad.entities.features import load_lexicons
from marsad.entities.tagger import NerTagger, label_spans
from marsad.text import tokenize
from marsad.training import ner, ner_eval

ROOT = Path(__file__).resolve().parents[2]


def score(model: Path, corpus: ner.Corpus, data: Path) -> str:
    """Tagger-only exact-span F1 on both dev views, overall and per type."""
    tagger = NerTagger(model, load_lexicons(resources.data_file("entities", "")))

    def predict(text: str) -> list[tuple[int, int, str]]:
        tokens = tokenize(text)
        labels = tagger.predict(tokens)
        return [(tokens[s].start, tokens[e - 1].end, kind) for s, e, kind in label_spans(labels)]

    fane_map = ner_eval.read_label_map(data / "ner" / "fane-fine-to-coarse.tsv")
    lines = []
    for title, sentences, file_map, scheme in (
        ("ANERcorp", corpus.dev_anercorp, None, "anercorp"),
        ("NewsFANE", corpus.dev_newsfane, fane_map, "fane-coarse"),
    ):
        scores = ner_eval.evaluate(sentences, file_map, ner_eval.scheme_labels(scheme), predict, "x")
        p, r, f = scores.prf()
        per_type = ", ".join(f"{k} {scores.prf(k)[2]:.3f}" for k in scores.types() if scores.prf(k)[2])
        lines.append(f"{title:9s} P {p:.4f} R {r:.4f} F1 {f:.4f} ({per_type})")
    return "\n".join(lines)


VARIANTS = {
    # name: (copies of each ANERcorp sentence, corpora kept besides it, domain features)
    "baseline": (3, ("aqmar", "wikifane"), False),
    "flat": (1, ("aqmar", "wikifane"), False),
    "anercorp": (1, (), False),
    "domain": (3, ("aqmar", "wikifane"), True),
    "domain1": (1, ("aqmar", "wikifane"), True),
    "nowiki": (3, ("aqmar",), False),
    "noaqmar": (3, ("wikifane",), False),
}


def weighted_training(
    train: ner.TrainingSet, variant: str
) -> tuple[list[list[Token]], list[list[str]], list[str]]:
    """The training sentences of `variant` (see VARIANTS), each news sentence once per copy."""
    copies, others, domains = VARIANTS[variant]
    tokens: list[list[Token]] = []
    labels: list[list[str]] = []
    origins: list[str] = []
    seen: set[int] = set()
    for sentence, tags, origin in zip(train.tokens, train.labels, train.origins, strict=True):
        if id(sentence) in seen:
            continue
        seen.add(id(sentence))
        count = copies if origin == "anercorp" else 1 if origin in others else 0
        for _ in range(count):
            tokens.append(sentence)
            labels.append(tags)
            origins.append("" if origin == "anercorp" or not domains else origin)
    return tokens, labels, origins


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("variant", nargs="?", default="baseline", choices=sorted(VARIANTS))
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=Path("/tmp/ner-experiments"))
    parser.add_argument("--c1", type=float, default=None)
    parser.add_argument("--c2", type=float, default=None)
    parser.add_argument("--score-only", type=Path, default=None, help="score this model file")
    args = parser.parse_args()
    started = time.time()
    corpus = ner.assemble(args.data, print)
    if args.score_only:
        print(score(args.score_only, corpus, args.data))
        return
    lexicons = load_lexicons(resources.data_file("entities", ""))
    tokens, labels, domains = weighted_training(corpus.train, args.variant)
    params: dict[str, object] = {}
    if args.c1 is not None:
        params["c1"] = args.c1
    if args.c2 is not None:
        params["c2"] = args.c2
    model = args.out / f"{args.variant}-{args.c1}-{args.c2}-crf.npz"
    print(f"{args.variant}: {len(tokens)} sentences, {sum(map(len, tokens))} tokens, params {params}")
    ner.train_crf(tokens, labels, lexicons, model, params, domains)
    print(f"trained in {time.time() - started:.0f} s")
    print(score(model, corpus, args.data))


if __name__ == "__main__":
    main()
