"""Self-training on unlabelled news, checked on held-out ANERcorp blocks (not shipped).

The averaged tagger (CRF and network) is better than either model alone, so each might
learn from the average's labels what it misses: label unlabelled ANT news with a tagger
trained without the blocks of `--offset`, then train the CRF or the network on the gold
sentences plus those. Measured in session 12 on the blind blocks: every variant scored
lower than the current recipe (docs/ner.md, "Tried in session 12").

    .venv/bin/python eval/entities/uptraining_check.py label       # 1 min: the news, labelled
    .venv/bin/python eval/entities/uptraining_check.py crf [--corpus-copies]   # 13 min
    .venv/bin/python eval/entities/validation_check.py --offset 5 --context 10 \\
        --out build/uptraining-5/crf --network build/ner-heldout-5/holdout-base.npz
    .venv/bin/python eval/entities/uptraining_check.py arrays      # 5 min, then the network:
    python marsad/training/ner_network.py holdout base --arrays build/uptraining-5/net/arrays.npz \\
        --unlabelled build/uptraining-5/net/unlabelled.npz --epochs 5 --out build/uptraining-5/net
    .venv/bin/python eval/entities/validation_check.py --offset 5 --context 10 \\
        --network build/uptraining-5/net/holdout-base.npz   # with --out build/uptraining-5/crf: both

`label` needs the held-out models of `validation_check.py` (build/ner-heldout-N).
"""

from __future__ import annotations

import argparse
import pickle
from pathlib import Path

import numpy as np
from validation_check import in_blocks

from marsad import resources
from marsad.document import Token
from marsad.entities.features import load_lexicons
from marsad.entities.tagger import NerTagger
from marsad.training import ner, ner_neural

ROOT = Path(__file__).resolve().parents[2]
AUTO_ORIGIN = "anercorp"  # trained as news; indices from AUTO_INDEX keep them off every block
AUTO_INDEX = 10**6
LabelledNews = tuple[list[list[Token]], list[list[str]]]


def label_news(data: Path, held_out: Path, tokens_wanted: int) -> LabelledNews:
    """The first ANT training sentences, labelled by the tagger trained without the blocks."""
    news = ner_neural.news_sentences(data / ner.ANT_TRAIN, tokens_wanted)
    lexicons = load_lexicons(resources.data_file("entities", ""))
    tagger = NerTagger(held_out / "ner-crf.npz", lexicons, held_out / "holdout-base.npz")
    labels: list[list[str]] = []
    for start in range(0, len(news), 64):
        labels += tagger.predict_many(news[start : start + 64])
    return news, labels


def train_crf(data: Path, auto: LabelledNews, offset: int, out: Path, corpus_copies: bool) -> None:
    """The held-out CRF's training (validation_check.train_crf_without) plus the news."""
    news, labels = auto
    train = ner.assemble(data, print, hold_out_dev=False).train
    kept = [i for i in range(len(train.tokens)) if not in_blocks(offset, train.origins[i], train.indices[i])]
    domains = ["" if train.origins[i] in ner.NEWS_CORPORA else train.origins[i] for i in kept]
    domains += ["ant" if corpus_copies else ""] * len(news)
    tokens = [train.tokens[i] for i in kept] + news
    gold = [train.labels[i] for i in kept] + labels
    lexicons = ner.shipped_lexicons(resources.data_file("entities", ""))
    ner.train_crf(tokens, gold, lexicons, out / "ner-crf.npz", domains=domains)


def export_arrays(data: Path, auto: LabelledNews, offset: int, out: Path) -> None:
    """The network's arrays (validation_check.export_arrays) with the news appended."""
    news, labels = auto
    train = ner.assemble(data, print, hold_out_dev=False).train
    gold_count = len(train.tokens)
    for index, (tokens, sentence_labels) in enumerate(zip(news, labels, strict=True)):
        train.tokens.append(tokens)
        train.labels.append(sentence_labels)
        train.origins.append(AUTO_ORIGIN)
        train.indices.append(AUTO_INDEX + index)
    lexicons = ner.shipped_lexicons(resources.data_file("entities", ""))
    words, vectors = ner.train_word_vectors(data / ner.ANT_TRAIN, print)
    arrays = out / "arrays.npz"
    print(ner_neural.export_arrays(train, lexicons, words, vectors, arrays))
    with np.load(arrays) as written:
        content = dict(written)
    firsts = [first for first, _ in ner_neural.distinct_sentences(train)]
    content["validation"] = np.array(
        [
            first < gold_count and in_blocks(offset, train.origins[first], train.indices[first])
            for first in firsts
        ]
    )
    np.savez_compressed(arrays, **content)
    pretraining = ner_neural.news_sentences(data / ner.ANT_TRAIN, ner_neural.LM_TOKENS)
    print(ner_neural.export_unlabelled(pretraining, lexicons, arrays, out / "unlabelled.npz"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=("label", "crf", "arrays"))
    parser.add_argument("--offset", type=int, default=5)
    parser.add_argument("--tokens", type=int, default=300_000, help="news tokens to label")
    parser.add_argument("--corpus-copies", action="store_true", help="the news gets its own feature copies")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    held_out = ROOT / "build" / f"ner-heldout-{args.offset}"
    out = ROOT / "build" / f"uptraining-{args.offset}"
    labelled = out / "labelled-news.pickle"
    if args.step == "label":
        if not (held_out / "holdout-base.npz").is_file():
            parser.exit(2, f"error: no held-out models in {held_out} (run validation_check.py first)\n")
        out.mkdir(parents=True, exist_ok=True)
        labelled.write_bytes(pickle.dumps(label_news(args.data, held_out, args.tokens)))
        return
    if not labelled.is_file():
        parser.exit(2, f"error: no {labelled}: run the label step first\n")
    auto = pickle.loads(labelled.read_bytes())  # written by this script's label step
    if args.step == "crf":
        train_crf(args.data, auto, args.offset, out / "crf", args.corpus_copies)
    else:
        export_arrays(args.data, auto, args.offset, out / "net")


if __name__ == "__main__":
    main()
