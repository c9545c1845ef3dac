"""Held-out checks on parts of ANERcorp, scored with models that never saw them.

The shipped CRF and network are trained on every block of ANERcorp's training part, so
they cannot be scored on any. A tenth of it (blocks of 40 sentences, every tenth from an
offset) is checked instead with a CRF and a network trained by the shipped recipe less
those blocks; this script trains the CRF (once, into build/ner-heldout-N), exports the
network's arrays for `ner_network.py holdout`, and scores the tagger and the whole entity
stage on the 400 sentences in ANERcorp's labels, on those NewsFANE aligns in its coarse
types, and on the same NewsFANE sentences in its own tokens.

- offset 5, the blind blocks: never read by anyone, only their scores printed.
- offset 3, the development blocks, and offset 7, the validation blocks (which chose the
  network's settings): the entity stage's rules were written reading their errors, so
  their figures are optimistic for the rules.
- `--offset tail` (the file's last `TAIL_SENTENCES` sentences) or `--offset START-END`:
  one stretch of whole articles, as a test split is cut (ANERcorp's own test part
  follows this file). A block shares articles with its neighbours, which are trained on
  (an article is about 15 sentences, a block 40); a stretch shares only its two ends. Its
  figure is the one to expect on unseen articles. Only scores are printed; about a fifth
  of a stretch lies in development and validation blocks, whose errors were read.

    .venv/bin/python eval/entities/validation_check.py --offset 5 --export-arrays
    python marsad/training/ner_network.py holdout base --arrays build/ner-heldout-5/arrays.npz \
        --unlabelled build/ner-heldout-5/unlabelled.npz --epochs 5 --out build/ner-heldout-5
    nice -n 10 .venv/bin/python eval/entities/validation_check.py --offset 5 [--context 10]

(`--offset tail` the same way, into build/ner-heldout-3573-3973.) Another CRF setting, scored
with the same network: `--c2 0.05 --out DIR --network build/ner-heldout-N/holdout-base.npz`
(the CRF is trained into DIR); `paired_bootstrap.py` then compares the two.

The first command takes about 4 minutes (word vectors, the corpus, both arrays files), the
CRF 7 minutes on first use, the network 15 minutes on two threads (pretraining included).
"""

from __future__ import annotations

import argparse
import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from marsad import resources
from marsad.document import Token
from marsad.entities.features import load_lexicons
from marsad.entities.tagger import NerTagger
from marsad.errors import MarsadError
from marsad.training import ner, ner_eval, ner_neural
from marsad.training.conll import ConllSentence, read_conll
from marsad.training.ner import DEV_BLOCK, DEV_EVERY

ROOT = Path(__file__).resolve().parents[2]
LabelledSentences = tuple[list[list[Token]], list[list[str]]]
# Extra sentences go into the network's arrays as news (its corpus embedding), numbered
# past any ANERcorp sentence; only gold sentences are ever held out.
EXTRA_ORIGIN = "anercorp"
EXTRA_INDEX = 10**6
TAIL_SENTENCES = 400  # a tenth of ANERcorp's training part, as the blocks are


@dataclass(frozen=True, slots=True)
class HeldOut:
    """The ANERcorp sentences a check holds out: the blocks of `offset`, or (offset None)
    the stretch of sentences `start` to `end`."""

    offset: int | None
    start: int = 0
    end: int = 0

    @classmethod
    def parse(cls, part: str, data: Path) -> HeldOut:
        """`part`: a block offset (0-9), a stretch of sentences "START-END", or "tail"."""
        if part.isdigit() and int(part) < DEV_EVERY:
            return cls(int(part))
        count = len(read_conll(data / ner.NER_DIR / "anercorp-camel-train.conll"))
        if part == "tail":
            return cls(None, count - TAIL_SENTENCES, count)
        start, _, end = part.partition("-")
        if start.isdigit() and end.isdigit() and int(start) < int(end) <= count:
            return cls(None, int(start), int(end))
        raise ValueError(
            f"--offset must be 0-{DEV_EVERY - 1}, START-END (END at most {count}) or tail, not {part!r}"
        )

    @property
    def name(self) -> str:
        return f"{self.start}-{self.end}" if self.offset is None else str(self.offset)

    def contains(self, origin: str, index: int) -> bool:
        """Whether a training sentence (its corpus, its index there) is held out."""
        if origin != "anercorp":
            return False
        if self.offset is None:
            return self.start <= index < self.end
        return (index // DEV_BLOCK) % DEV_EVERY == self.offset


def held_out_views(
    data: Path, part: HeldOut
) -> tuple[list[ConllSentence], list[ConllSentence], list[ConllSentence]]:
    """The held-out sentences with ANERcorp's labels, those NewsFANE aligns with its
    labels on ANERcorp's tokens, and the same NewsFANE sentences in its own tokens."""
    anercorp = read_conll(data / ner.NER_DIR / "anercorp-camel-train.conll")
    newsfane = read_conll(data / ner.NER_DIR / "newsfane-train.conll")
    alignments = ner.align_news(anercorp, newsfane)
    chosen = [i for i in range(len(anercorp)) if part.contains("anercorp", i)]
    aligned = [i for i in chosen if i in alignments]
    fane = [ner.fane_view(anercorp[i], alignments[i], newsfane[alignments[i].fane]) for i in aligned]
    return [anercorp[i] for i in chosen], fane, [newsfane[alignments[i].fane] for i in aligned]


def train_crf_without(
    data: Path,
    model: Path,
    part: HeldOut,
    extra: LabelledSentences | None = None,
    extra_domain: str = "",
    params: dict[str, object] | None = None,
) -> None:
    """The shipped CRF's training, less the held-out sentences (about 7 minutes); `extra`
    sentences are trained on besides, with `extra_domain`'s feature copies ("" as news);
    `params` override CRFsuite's shipped settings (`ner.CRF_PARAMS`)."""
    train = ner.assemble(data, print, hold_out_dev=False).train
    kept = [i for i in range(len(train.tokens)) if not part.contains(train.origins[i], train.indices[i])]
    lexicons = ner.shipped_lexicons(resources.data_file("entities", ""))
    domains = ["" if train.origins[i] in ner.NEWS_CORPORA else train.origins[i] for i in kept]
    tokens, labels = [train.tokens[i] for i in kept], [train.labels[i] for i in kept]
    if extra is not None:
        tokens += extra[0]
        labels += extra[1]
        domains += [extra_domain] * len(extra[0])
    ner.train_crf(tokens, labels, lexicons, model, params=params, domains=domains)


def export_arrays(data: Path, out: Path, part: HeldOut, extra: LabelledSentences | None = None) -> None:
    """The network's training arrays (`ner_neural.export_arrays`) with the held-out
    sentences as their held-out mask, and the pretraining words in their vocabularies;
    `extra` sentences are trained on besides, as news."""
    train = ner.assemble(data, print, hold_out_dev=False).train
    gold_count = len(train.tokens)
    if extra is not None:
        for index, (tokens, labels) in enumerate(zip(*extra, strict=True)):
            train.tokens.append(tokens)
            train.labels.append(labels)
            train.origins.append(EXTRA_ORIGIN)
            train.indices.append(EXTRA_INDEX + index)
    lexicons = ner.shipped_lexicons(resources.data_file("entities", ""))
    words, vectors = ner.train_word_vectors(data / ner.ANT_TRAIN, print)
    arrays = out / "arrays.npz"
    print(ner_neural.export_arrays(train, lexicons, words, vectors, arrays))
    with np.load(arrays) as written:
        content = dict(written)
    firsts = [first for first, _ in ner_neural.distinct_sentences(train)]
    held_out = [f < gold_count and part.contains(train.origins[f], train.indices[f]) for f in firsts]
    content["validation"] = np.array(held_out)
    np.savez_compressed(arrays, **content)
    print(f"wrote {arrays}: {int(content['validation'].sum())} held-out sentences (offset {part.name})")
    news = ner_neural.news_sentences(data / ner.ANT_TRAIN, ner_neural.LM_TOKENS)
    print(ner_neural.export_unlabelled(news, lexicons, arrays, out / "unlabelled.npz"))


def require_ner_corpora(parser: argparse.ArgumentParser, data: Path) -> None:
    """Stops with one line when the shared NER corpora are not under `data`."""
    if not (data / ner.NER_DIR / "anercorp-camel-train.conll").is_file():
        parser.exit(2, f"error: no NER corpora under {data} (give --data ../shared/data)\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--offset", default="5", help="blocks: 5 blind (default), 3 development, 7 validation; or tail"
    )
    parser.add_argument("--export-arrays", action="store_true", help="write the network's arrays, then stop")
    parser.add_argument("--network", type=Path, help="default: holdout-base.npz in the --out folder")
    parser.add_argument("--out", type=Path, help="the models' folder (default: build/ner-heldout-N)")
    parser.add_argument(
        "--context", type=int, default=1, help="sentences the entity stage reads together, as an article"
    )
    parser.add_argument(
        "--c2", type=float, help="train the CRF with this L2 penalty (shipped: ner.CRF_PARAMS); give --out"
    )
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    require_ner_corpora(parser, args.data)
    try:
        part = HeldOut.parse(args.offset, args.data)
        out = args.out or ROOT / "build" / f"ner-heldout-{part.name}"
        network = args.network or out / "holdout-base.npz"
        out.mkdir(parents=True, exist_ok=True)
        if args.export_arrays:
            export_arrays(args.data, out, part)
        elif not network.is_file():
            parser.exit(2, f"error: no network {network}: train one without the blocks first (see --help)\n")
        else:
            params = None if args.c2 is None else {"c2": args.c2}
            check(network, out, args.data, part, args.context, params)
    except (MarsadError, OSError, ValueError) as error:
        parser.exit(2, f"error: {error}\n")


def check(
    network: Path,
    out: Path,
    data: Path,
    part: HeldOut,
    context: int = 1,
    params: dict[str, object] | None = None,
) -> None:
    """Trains the CRF if --out lacks it, then prints the four scores. `context` > 1 lets
    the entity stage read that many consecutive sentences as one article (`marsad eval
    ner --context`); the tagger alone always reads one sentence."""
    crf_model = out / "ner-crf.npz"
    if not crf_model.is_file():
        print(f"training the CRF without the sentences of offset {part.name} into {crf_model}")
        train_crf_without(data, crf_model, part, params=params)
    tagger = NerTagger(crf_model, load_lexicons(resources.data_file("entities", "")), network)
    stage_mentions = ner_eval.stage_predictor(tagger)

    anercorp, newsfane, newsfane_own = held_out_views(data, part)
    newsfane_own = ner_eval.as_published(newsfane_own)[0]
    fane_map = ner_eval.read_label_map(data / ner.NER_DIR / "fane-fine-to-coarse.tsv")
    blocks = f"sentences {part.name}" if part.offset is None else f"blocks {part.offset}"
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
