"""The ANT topic classifier at run time: a linear model over TF-IDF features, numpy only.

`marsad train topics` (see `marsad.training.topics`) fits it with scikit-learn and writes
`marsad/topics/data/topics.npz`; this module reads that file and scores articles without
scikit-learn: sublinear TF (1 + ln count) times IDF over the known features, L2-normalised,
times the weight matrix, plus the bias; a softmax with a temperature fitted on the dev split
turns the margins into probabilities.

A label may own several columns of the weight matrix (`columns` maps each column to its
label): the trainer splits internationalNews and middleEast by the site that filed the
article, because the corpus assigns those two by a site's section, not by the story. A
label's margin is the best of its columns' margins.

The features form blocks (`blocks`: one block id per vocabulary entry; the trainer's are
word features and character n-grams), each L2-normalised on its own: the weights are two
SVMs, one per block, summed, and each SVM was trained on its block's unit vector.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from marsad.document import Token
from marsad.errors import MarsadError
from marsad.topics.features import WORD_KINDS, FeatureExtractor, char_ngrams

MODEL_ARRAYS = ("labels", "columns", "vocabulary", "blocks", "idf", "weights", "bias", "temperature")


class TopicClassifier:
    """Scores the six ANT labels for an article; one instance per process (see `resources`)."""

    def __init__(
        self,
        labels: Sequence[str],
        columns: np.ndarray,
        vocabulary: Sequence[str],
        blocks: np.ndarray,
        idf: np.ndarray,
        weights: np.ndarray,
        bias: np.ndarray,
        temperature: float,
    ) -> None:
        self.labels = tuple(labels)
        # Columns are grouped by label (0, 0, 1, 2, 2, ...): a label's margin is the maximum
        # over its run of columns, one `np.maximum.reduceat` call.
        columns = np.asarray(columns, dtype=np.int64)
        if (
            columns.shape != (weights.shape[1],)
            or not np.array_equal(np.unique(columns), np.arange(len(self.labels)))
            or np.any(np.diff(columns) < 0)
        ):
            raise ValueError("columns must map every weight column to a label, grouped by label")
        self._label_starts = np.flatnonzero(np.r_[True, np.diff(columns) != 0])
        if len(blocks) != len(vocabulary) or len(idf) != len(vocabulary) or weights.shape[0] != len(idf):
            raise ValueError("vocabulary, blocks, idf and weight rows differ in length")
        self.blocks = np.asarray(blocks, dtype=np.int64)
        self._n_blocks = int(self.blocks.max(initial=0)) + 1
        self.index = {feature: i for i, feature in enumerate(vocabulary)}
        self.idf = idf.astype(np.float32)
        # Kept as stored (float16): half the memory traffic; rows are widened after the gather.
        self.weights = weights
        self.bias = bias.astype(np.float32)
        self.temperature = float(temperature)
        # Per word: the rows of its known character n-grams, so an article costs one lookup a word.
        self._ngram_rows: dict[str, tuple[int, ...]] = {}

    @classmethod
    def load(cls, path: Path) -> TopicClassifier:
        """Reads a model written by `save`; a missing or broken file is a coded error."""
        try:
            with np.load(path, allow_pickle=False) as arrays:
                parts = {name: arrays[name] for name in MODEL_ARRAYS}
        except FileNotFoundError:
            raise MarsadError("E960", path=str(path)) from None
        except (OSError, KeyError, ValueError, zipfile.BadZipFile) as error:
            raise MarsadError("E961", path=str(path), detail=str(error)) from None
        try:
            return cls(
                labels=bytes(parts["labels"]).decode("utf-8").split("\n"),
                columns=parts["columns"],
                vocabulary=bytes(parts["vocabulary"]).decode("utf-8").split("\n"),
                blocks=parts["blocks"],
                idf=parts["idf"],
                weights=parts["weights"],
                bias=parts["bias"],
                temperature=float(parts["temperature"]),
            )
        except ValueError as error:
            raise MarsadError("E961", path=str(path), detail=str(error)) from None

    def rows(self, tokens: Sequence[Token], headline_end: int = 0) -> list[int]:
        """The model rows of an article's known features, one per occurrence.

        The same multiset as looking up `FeatureExtractor()(tokens, headline_end)` in the
        vocabulary (a test holds the two together), without building the n-gram strings of
        words seen before.
        """
        index = self.index
        rows = [
            i for i in map(index.get, FeatureExtractor.word_features(tokens, headline_end)) if i is not None
        ]
        cache = self._ngram_rows
        for token in tokens:
            if token.kind in WORD_KINDS:
                norm = token.norm.lower()
                known = cache.get(norm)
                if known is None:
                    known = tuple(i for i in map(index.get, char_ngrams(norm)) if i is not None)
                    if len(cache) < 200_000:
                        cache[norm] = known
                rows.extend(known)
        return rows

    def margins(self, features: Sequence[str]) -> np.ndarray:
        """The linear model's score per label for a list of feature strings."""
        index = self.index
        return self.margins_of_rows([i for i in map(index.get, features) if i is not None])

    def margins_of_rows(self, rows: Sequence[int]) -> np.ndarray:
        """Score per label from model rows (with repeats): sublinear TF-IDF, L2 norm, linear model.

        Each block of features is normalised to unit length on its own; then each column's
        margin, then each label's best column.
        """
        if not rows:
            column_margins = self.bias
        else:
            unique, counts = np.unique(np.asarray(rows, dtype=np.int64), return_counts=True)
            values = (1.0 + np.log(counts.astype(np.float32))) * self.idf[unique]
            blocks = self.blocks[unique]
            norms = np.sqrt(np.bincount(blocks, weights=values * values, minlength=self._n_blocks))
            values /= norms[blocks].astype(np.float32)  # a block without features has no rows here
            column_margins = values @ self.weights[unique].astype(np.float32) + self.bias
        return np.maximum.reduceat(column_margins, self._label_starts)

    def probabilities(self, margins: np.ndarray) -> np.ndarray:
        """Softmax of the temperature-scaled margins: one probability per label, summing to 1."""
        scaled = margins * self.temperature
        scaled -= scaled.max()
        exp = np.exp(scaled)
        return exp / exp.sum()

    def scores(self, tokens: Sequence[Token], headline_end: int = 0) -> dict[str, float]:
        """Probability of each ANT label for an article's tokens (see `FeatureExtractor`)."""
        probabilities = self.probabilities(self.margins_of_rows(self.rows(tokens, headline_end)))
        return {label: round(float(p), 4) for label, p in zip(self.labels, probabilities, strict=True)}


def save(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Writes the model's arrays, in `MODEL_ARRAYS` order, as an `.npz` whose bytes depend
    on the arrays only (`marsad.training.write_npz`), so a retrained model is
    byte-identical to the shipped one."""
    from marsad.training import write_npz

    write_npz(path, {name: arrays[name] for name in MODEL_ARRAYS})
