"""Is one CRF better than another on held-out ANERcorp text, beyond the sampling noise?

Both CRFs are averaged with the same held-out network (`validation_check.py` wrote it, with
the baseline CRF, into build/ner-heldout-PART) and run through the whole entity stage, ten
sentences together as `marsad eval ner` reads a file. Each window of ten sentences is
scored on its own; a paired bootstrap over the windows of every part given (10,000
resamples, seeded) gives a 95% interval for the baseline's F1 and for the difference.
Training noise is not in it: the CRFs train deterministically and the network is shared.

    .venv/bin/python eval/entities/paired_bootstrap.py --parts tail 2000-2400 \\
        --candidate 'build/crf-c2-0.05-{part}'

`{part}` in `--candidate` becomes each part's folder name (3573-3973 for the tail);
`validation_check.py --offset PART --c2 0.05 --out build/crf-c2-0.05-PART --network
build/ner-heldout-PART/holdout-base.npz` trains such a CRF.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from validation_check import HeldOut, held_out_views, require_ner_corpora

from marsad import resources
from marsad.entities.features import load_lexicons
from marsad.entities.tagger import NerTagger
from marsad.errors import MarsadError
from marsad.training import ner, ner_eval
from marsad.training.conll import ConllSentence

ROOT = Path(__file__).resolve().parents[2]
WINDOW = 10
RESAMPLES = 10_000


def window_counts(
    predictor: ner_eval.Predictor,
    sentences: list[ConllSentence],
    file_map: dict[str, str] | None,
    scheme: str,
) -> np.ndarray:
    """True positives, false positives and false negatives of each window of sentences."""
    labels, heads = ner_eval.scheme_labels(scheme), ner_eval.scheme_outside_heads(scheme)
    rows = []
    for start in range(0, len(sentences), WINDOW):
        window = sentences[start : start + WINDOW]
        scores = ner_eval.evaluate(window, file_map, labels, predictor, "bootstrap", heads, WINDOW)
        rows.append(
            [
                sum(counts.values())
                for counts in (scores.true_positives, scores.false_positives, scores.false_negatives)
            ]
        )
    return np.array(rows)


def f1(counts: np.ndarray) -> np.ndarray:
    """F1 over the windows (the second-last axis)."""
    tp, fp, fn = np.moveaxis(counts.sum(axis=-2), -1, 0)
    return 2 * tp / (2 * tp + fp + fn)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parts", nargs="+", default=["tail"], help="as validation_check.py's --offset")
    parser.add_argument(
        "--candidate", required=True, help="the other CRF's folder; {part} is the part's name"
    )
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    require_ner_corpora(parser, args.data)
    fane_map = ner_eval.read_label_map(args.data / ner.NER_DIR / "fane-fine-to-coarse.tsv")
    views = {"ANERcorp labels": ("anercorp", None), "NewsFANE coarse": ("fane-coarse", fane_map)}
    counts: dict[tuple[str, str], list[np.ndarray]] = {}
    try:
        for name in args.parts:
            part = HeldOut.parse(name, args.data)
            baseline = ROOT / "build" / f"ner-heldout-{part.name}"
            candidate = Path(args.candidate.format(part=part.name))
            for path in (baseline / "ner-crf.npz", baseline / "holdout-base.npz", candidate / "ner-crf.npz"):
                if not path.is_file():
                    parser.exit(2, f"error: no {path} (see validation_check.py)\n")
            anercorp, newsfane, _ = held_out_views(args.data, part)
            lexicons = load_lexicons(resources.data_file("entities", ""))
            for system, folder in (("baseline", baseline), ("candidate", candidate)):
                tagger = NerTagger(folder / "ner-crf.npz", lexicons, baseline / "holdout-base.npz")
                predictor = ner_eval.stage_predictor(tagger)
                for view, (scheme, file_map) in views.items():
                    sentences = anercorp if scheme == "anercorp" else newsfane
                    rows = window_counts(predictor, sentences, file_map, scheme)
                    counts.setdefault((view, system), []).append(rows)
    except (MarsadError, OSError, ValueError) as error:
        parser.exit(2, f"error: {error}\n")
    rng = np.random.default_rng(0)
    for view in views:
        base, other = (np.concatenate(counts[(view, system)]) for system in ("baseline", "candidate"))
        resamples = rng.integers(0, len(base), size=(RESAMPLES, len(base)))
        base_f1 = f1(base[resamples])
        difference = f1(other[resamples]) - base_f1
        low, high = np.percentile(base_f1, [2.5, 97.5])
        d_low, d_high = np.percentile(difference, [2.5, 97.5])
        print(
            f"{view}: {len(base)} windows; baseline F1 {f1(base):.4f} (95% {low:.4f}-{high:.4f}), "
            f"candidate {f1(other):.4f}, difference {f1(other) - f1(base):+.4f} "
            f"(95% {d_low:+.4f} to {d_high:+.4f}; above 0 in {np.mean(difference > 0):.1%} of resamples)"
        )


if __name__ == "__main__":
    main()
