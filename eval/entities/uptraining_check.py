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

from validation_check import HeldOut, LabelledSentences, export_arrays, train_crf_without

from marsad import resources
from marsad.entities.features import load_lexicons
from marsad.entities.tagger import NerTagger
from marsad.training import ner, ner_neural

ROOT = Path(__file__).resolve().parents[2]


def label_news(data: Path, held_out: Path, tokens_wanted: int) -> LabelledSentences:
    """The first ANT training sentences, labelled by the tagger trained without the blocks."""
    news = ner_neural.news_sentences(data / ner.ANT_TRAIN, tokens_wanted)
    lexicons = load_lexicons(resources.data_file("entities", ""))
    tagger = NerTagger(held_out / "ner-crf.npz", lexicons, held_out / "holdout-base.npz")
    labels: list[list[str]] = []
    for start in range(0, len(news), 64):
        labels += tagger.predict_many(news[start : start + 64])
    return news, labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=("label", "crf", "arrays"))
    parser.add_argument("--offset", type=int, default=5)
    parser.add_argument("--tokens", type=int, default=300_000, help="news tokens to label")
    parser.add_argument("--corpus-copies", action="store_true", help="the news gets its own feature copies")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    if not (args.data / ner.ANT_TRAIN).is_file():
        parser.exit(2, f"error: no ANT news under {args.data} (give --data ../shared/data)\n")
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
        copies = "ant" if args.corpus_copies else ""
        train_crf_without(args.data, out / "crf" / "ner-crf.npz", HeldOut(args.offset), auto, copies)
    else:
        export_arrays(args.data, out / "net", HeldOut(args.offset), auto)


if __name__ == "__main__":
    main()
