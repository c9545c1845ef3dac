"""Linear-chain CRF arithmetic in numpy, for batches of sentences of one article.

Both NER models end in a CRF layer: the feature CRF (trained with CRFsuite, exported to
`data/ner-crf.npz` by `marsad train ner`) and the network's (`marsad.entities.neural`).
Their label scores arrive here as one padded array (sentences, steps, labels) with each
sentence's length; every step below works on all sentences of the batch at once, which
is what keeps numpy's per-call overhead small.
"""

from __future__ import annotations

import itertools
import zipfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from marsad.document import ENTITY_TYPES, Token
from marsad.entities.features import FeatureExtractor, word_form
from marsad.entities.form_table import FormTable
from marsad.errors import MarsadError

# Forms whose weight sums are kept (about 0.5 KB each); see neural._CACHE_LIMIT.
_CACHE_LIMIT = 100_000

LABELS = ("O", *(f"{edge}-{kind}" for kind in ENTITY_TYPES for edge in "BI"))
# IOB2: an I- label only after the B- or I- of its own type, and never first.
VALID_NEXT = np.array(
    [[0.0 if not b.startswith("I-") or a[2:] == b[2:] else -np.inf for b in LABELS] for a in LABELS]
)
VALID_FIRST = np.array([-np.inf if label.startswith("I-") else 0.0 for label in LABELS])


def load_model(path: Path) -> dict[str, np.ndarray]:
    """The arrays of an NER model file (`ner-crf.npz`, `ner-network.npz`); a missing,
    unreadable or other-label model is a coded error, never a traceback."""
    if not path.is_file():
        raise MarsadError("E292", source=str(path))
    try:
        with np.load(path, allow_pickle=False) as arrays:
            found = {name: arrays[name] for name in arrays.files}
    except (OSError, ValueError, zipfile.BadZipFile):
        # numpy reads a file that is no zip archive as a pickle, and says so confusingly.
        raise MarsadError("E298", source=str(path), detail="not an .npz archive of arrays") from None
    labels = bytes(found.pop("labels", b"")).decode("utf-8").split("\n")
    if tuple(labels) != LABELS:
        raise MarsadError("E297", source=str(path), labels=", ".join(labels) or "unrecorded")
    return found


def marginals(
    scores: np.ndarray, lengths: np.ndarray, transitions: np.ndarray, start: np.ndarray, end: np.ndarray
) -> np.ndarray:
    """P(label at t | sentence) by forward-backward, for a padded batch.

    scores: (sentences, steps, labels) label scores; transitions: (from, to);
    start, end: scores of the first and the last label. Leading axes before these are
    models scored over the same sentences (scores (models, sentences, steps, labels),
    transitions (models, from, to), ...): all go through one pass, which halves the
    per-step cost of the tagger's two. Computed with probabilities rescaled at every step
    rather than in log space: a step is then one small matrix product for all sentences.
    The backward pass reads each sentence from its own last token, so it has the same
    form as the forward one and both go through the same loop, one product a step.
    Padding rows come out as junk.
    """
    steps = scores.shape[-2]
    emitted = np.exp(scores - scores.max(axis=-1, keepdims=True), dtype=np.float64)
    moves = np.exp(transitions - transitions.max(axis=(-2, -1), keepdims=True), dtype=np.float64)
    moves_back = np.swapaxes(moves, -1, -2)
    starting = np.exp(start - start.max(axis=-1, keepdims=True), dtype=np.float64)[..., None, :]
    ending = np.exp(end - end.max(axis=-1, keepdims=True), dtype=np.float64)[..., None, :]
    rows = np.arange(len(lengths))[:, None]
    reverse = sentence_reversal(lengths, steps)
    # Pass 0 gives alpha[t] (forward, emission included); pass 1, at step s, the
    # backward quantity emitted[t] * beta[t] of the token t = last - s.
    read = np.stack([emitted, emitted[..., rows, reverse, :]])
    both_moves = np.stack([moves, moves_back])
    passes = np.empty(read.shape)
    first = read[..., 0, :] * np.stack([starting, ending])
    passes[..., 0, :] = first / (first.sum(axis=-1, keepdims=True) + 1e-300)
    for step in range(1, steps):
        current = (passes[..., step - 1, :] @ both_moves) * read[..., step, :]
        passes[..., step, :] = current / (current.sum(axis=-1, keepdims=True) + 1e-300)
    alpha, emitted_beta = passes[0], passes[1][..., rows, reverse, :]
    beta = np.empty(alpha.shape)
    beta[..., :-1, :] = emitted_beta[..., 1:, :] @ moves_back[..., None, :, :]
    beta[..., -1, :] = ending
    beta[..., rows[:, 0], lengths - 1, :] = ending  # a sentence's last token ends it
    product = alpha * beta
    return product / (product.sum(axis=-1, keepdims=True) + 1e-300)


def sentence_reversal(lengths: np.ndarray, steps: int) -> np.ndarray:
    """Per sentence of a padded batch, the step order that reverses its tokens and
    leaves padding last; it is its own inverse."""
    positions = np.arange(steps)[None, :]
    last = lengths[:, None] - 1
    return np.where(positions <= last, last - positions, positions)


def best_sequences(probabilities: np.ndarray, lengths: np.ndarray) -> list[list[str]]:
    """The valid IOB2 sequence of each sentence with the highest product of its tokens'
    label probabilities (a padded batch, as `marginals` returns).

    Where each token's most probable label already makes a valid sequence, that sequence
    is the best one; only the other sentences (67 of the 2,617 of `bench/ner_speed.py`) go through
    Viterbi decoding, step by step.
    """
    best = probabilities.argmax(axis=-1)  # (sentences, steps)
    steps = best.shape[1]
    inside = np.arange(1, steps)[None, :] < lengths[:, None]
    allowed = VALID_NEXT[best[:, :-1], best[:, 1:]] == 0
    valid = (VALID_FIRST[best[:, 0]] == 0) & (allowed | ~inside).all(axis=1)
    invalid = np.flatnonzero(~valid)
    if len(invalid):
        longest = int(lengths[invalid].max())
        scores = np.log(probabilities[invalid, :longest] + 1e-12)
        best[invalid] = _viterbi(scores, lengths[invalid], steps)
    return [[LABELS[index] for index in best[row, :length]] for row, length in enumerate(lengths.tolist())]


def _viterbi(scores: np.ndarray, lengths: np.ndarray, width: int) -> np.ndarray:
    """Label ids of the valid IOB2 sequence with the highest sum of `scores` (log
    probabilities, sentences x steps x labels) per sentence, padded to `width` steps."""
    batch, steps, _ = scores.shape
    best = VALID_FIRST + scores[:, 0]
    pointers = np.zeros((batch, steps, len(LABELS)), dtype=np.int64)
    finals = np.zeros_like(best)
    for step in range(1, steps):
        candidates = best[:, :, None] + VALID_NEXT
        pointers[:, step] = candidates.argmax(axis=1)
        best = candidates.max(axis=1) + scores[:, step]
        ended = lengths == step + 1
        finals[ended] = best[ended]
    finals[lengths == 1] = (VALID_FIRST + scores[:, 0])[lengths == 1]
    paths = np.zeros((batch, width), dtype=np.int64)
    for row, length in enumerate(lengths.tolist()):
        label = int(finals[row].argmax())
        for step in range(length - 1, -1, -1):
            paths[row, step] = label
            label = int(pointers[row, step, label])
    return paths


class FeatureCrf:
    """The feature CRF's weights: one row of label scores per feature string.

    model_path (Path): the `.npz` `marsad train ner` writes from the CRFsuite model.
    """

    def __init__(self, model_path: Path):
        arrays = load_model(model_path)
        features = bytes(arrays["features"]).decode("utf-8").split("\n")
        self.weights = arrays["weights"].astype(np.float32)
        self.transitions = arrays["transitions"].astype(np.float32)
        known = arrays["known"]
        self.ids = {feature: index for index, feature in enumerate(features)}
        # A label the model never saw in training cannot start, end or follow anything.
        impossible = np.where(known, 0.0, -1e4).astype(np.float32)
        self.transitions += impossible[None, :]
        self._view_sums = FormTable((5, len(LABELS)), _CACHE_LIMIT)
        self.start = impossible
        self.end = impossible.copy()

    def scores(
        self,
        extractor: FeatureExtractor,
        sentences: Sequence[Sequence[Token]],
        phrases: Sequence[list[list[str]]],
        steps: int,
    ) -> np.ndarray:
        """Label scores of each token, padded: (sentences, steps, labels).

        phrases: each sentence's `extractor.phrase_features(tokens)`.

        The sum of the weights of `extractor.sentence(tokens)`'s features, computed by
        parts: what a word form contributes to its own position and to the two either side
        of it (`FeatureExtractor.views`) is summed once per form and cached; only the
        lexicon-phrase, word-pair and sentence-edge features are looked up per sentence.
        """
        tokens = [token for sentence in sentences for token in sentence]
        self._add_views(extractor, tokens)
        parts = self._view_sums.gather([token.text for token in tokens])  # (tokens, 5, labels)
        lengths = np.array([len(sentence) for sentence in sentences])
        before = np.arange(len(tokens)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        after = np.repeat(lengths, lengths) - before - 1
        # What each token's neighbours in its own sentence see of it (a zero factor across
        # a sentence's edge keeps the sums as a sentence alone would add them).
        scores = parts[:, 0].copy()
        scores[2:] += parts[:-2, 1] * (before[2:, None] >= 2)
        scores[1:] += parts[:-1, 2] * (before[1:, None] >= 1)
        scores[:-1] += parts[1:, 3] * (after[:-1, None] >= 1)
        scores[:-2] += parts[2:, 4] * (after[:-2, None] >= 2)
        edges = [
            row for sentence, found in zip(sentences, phrases, strict=True) for row in _edges(sentence, found)
        ]
        result = np.zeros((len(sentences), steps, len(LABELS)), dtype=np.float32)
        result[np.arange(steps)[None, :] < lengths[:, None]] = scores + self._sums(edges)
        return result

    def _sums(self, groups: Sequence[Sequence[str]]) -> np.ndarray:
        """The weight sum of each group of features (unknown features count nothing)."""
        sums = np.zeros((len(groups), len(LABELS)), dtype=np.float32)
        every_feature = itertools.chain.from_iterable(groups)
        ids = np.fromiter(map(self.ids.get, every_feature, itertools.repeat(-1)), dtype=np.int64)
        group = np.repeat(np.arange(len(groups)), [len(features) for features in groups])
        known = ids >= 0
        if known.any():
            counts = np.bincount(group[known], minlength=len(groups))
            filled = counts > 0
            # Each filled group's rows run from its start to the next filled group's.
            starts = (np.cumsum(counts) - counts)[filled]
            sums[filled] = np.add.reduceat(self.weights[ids[known]], starts)
        return sums

    def _add_views(self, extractor: FeatureExtractor, tokens: Sequence[Token]) -> None:
        """Keeps, for each form without a row, the weight sums of its own features and of
        what positions -2, -1, +1, +2 see of it (rows 0-4)."""
        fresh = self._view_sums.missing([token.text for token in tokens])
        if not fresh:
            return
        by_form = {token.text: token for token in tokens}
        views = [extractor.views(by_form[form]) for form in fresh]
        sums = self._sums([view[part] for view in views for part in range(5)])
        self._view_sums.add(fresh, sums.reshape(len(views), 5, -1))


def _edges(tokens: Sequence[Token], phrases: list[list[str]]) -> list[list[str]]:
    """The features of a sentence's tokens that depend on their neighbours' words or on
    the sentence's edges: lexicon phrases either side, word pairs, BOS and EOS."""
    words = [word_form(token) for token in tokens]
    count = len(tokens)
    edges: list[list[str]] = [[] for _ in tokens]
    edges[0].append("BOS")
    edges[-1].append("EOS")
    for index in range(count):
        row = edges[index]
        row += phrases[index]
        if index:
            row += ["-1" + f for f in phrases[index - 1]]
            row.append("ww=" + words[index - 1] + "|" + words[index])
        if index + 1 < count:
            row += ["+1" + f for f in phrases[index + 1]]
            row.append("wn=" + words[index] + "|" + words[index + 1])
    return edges
