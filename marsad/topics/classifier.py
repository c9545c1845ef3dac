"""The ANT topic classifier at run time: linear models over TF-IDF features and a small
network on their margins, numpy only.

`marsad train topics` (see `marsad.training.topics`) fits it with scikit-learn and writes
`marsad/topics/data/topics.npz`; this module reads that file and scores articles without
scikit-learn: sublinear TF (1 + ln count) times IDF over the known features, L2-normalised
per block of features, times the weight matrix, plus the bias; a softmax with a temperature
fitted on the dev split turns the label scores into probabilities.

A label may own several columns of the weight matrix (`columns` maps each column to its
label): the trainer splits internationalNews and middleEast by the site that filed the
article, because the corpus assigns those two by a site's section, not by the story.

The features form blocks (`blocks`: one block id per vocabulary entry; the trainer's are
word features and character n-grams), each L2-normalised on its own: the weights are one
SVM per block, each trained on its block's unit vector, with a bias row per block.

A model may carry a **stacker** (the `stack_*` arrays, as the shipped one does): a small
neural network (one hidden layer of rectified units) that reads every block's column
margins side by side and gives each label a logit. It was trained on out-of-fold margins,
so it learns how far to trust each block and each site's class for each label, which a sum
and a best-of-columns cannot. Without a stacker, a label scores the best of its columns'
margins summed over the blocks.
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
# Optional: the stacker's layers (block column margins -> hidden units -> label logits).
STACKER_ARRAYS = ("stack_hidden_weights", "stack_hidden_bias", "stack_output_weights", "stack_output_bias")


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
        stacker: Sequence[np.ndarray] | None = None,
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
        # One bias row per block (a model trained as one SVM has one row: the first block's).
        bias = np.atleast_2d(np.asarray(bias, dtype=np.float32))
        if bias.shape[1] != weights.shape[1] or bias.shape[0] > self._n_blocks:
            raise ValueError("bias must have one row per block (or one row) and one column per weight column")
        self.bias = np.zeros((self._n_blocks, weights.shape[1]), dtype=np.float32)
        self.bias[: bias.shape[0]] = bias
        self.temperature = float(temperature)
        self.stacker: tuple[np.ndarray, ...] | None = None
        if stacker is not None:
            hidden_weights, hidden_bias, output_weights, output_bias = (
                np.asarray(part, dtype=np.float32) for part in stacker
            )
            if (
                hidden_weights.shape != (self._n_blocks * weights.shape[1], hidden_bias.shape[0])
                or output_weights.shape != (hidden_bias.shape[0], len(self.labels))
                or output_bias.shape != (len(self.labels),)
            ):
                raise ValueError("the stacker's layers do not fit the blocks, columns and labels")
            self.stacker = (hidden_weights, hidden_bias, output_weights, output_bias)
        # Per word: the rows of its known character n-grams, so an article costs one lookup a word.
        self._ngram_rows: dict[str, tuple[int, ...]] = {}

    @classmethod
    def load(cls, path: Path) -> TopicClassifier:
        """Reads a model written by `save`; a missing or broken file is a coded error."""
        try:
            with np.load(path, allow_pickle=False) as arrays:
                parts = {name: arrays[name] for name in MODEL_ARRAYS}
                stacker = [arrays[name] for name in STACKER_ARRAYS if name in arrays.files]
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
                stacker=stacker or None,
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

        Each block of features is normalised to unit length on its own and gives its own
        column margins (its SVM's); the stacker turns them into label logits, or, in a model
        without one, a label scores the best of its columns' summed margins.
        """
        if not rows:
            block_margins = self.bias
        else:
            unique, counts = np.unique(np.asarray(rows, dtype=np.int64), return_counts=True)
            values = (1.0 + np.log(counts.astype(np.float32))) * self.idf[unique]
            blocks = self.blocks[unique]
            norms = np.sqrt(np.bincount(blocks, weights=values * values, minlength=self._n_blocks))
            values /= norms[blocks].astype(np.float32)  # a block without features has no rows here
            # One row of values per block, so one product gives every block's column margins.
            by_block = np.zeros((self._n_blocks, len(unique)), dtype=np.float32)
            by_block[blocks, np.arange(len(unique))] = values
            block_margins = by_block @ self.weights[unique].astype(np.float32) + self.bias
        if self.stacker is None:
            return np.maximum.reduceat(block_margins.sum(axis=0), self._label_starts)
        hidden_weights, hidden_bias, output_weights, output_bias = self.stacker
        hidden = np.maximum(block_margins.reshape(-1) @ hidden_weights + hidden_bias, 0.0)
        return hidden @ output_weights + output_bias

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
    """Writes the model's arrays (`MODEL_ARRAYS`, then the stacker's if any) as an `.npz` whose bytes depend
    on the arrays only (`marsad.training.write_npz`), so a retrained model is
    byte-identical to the shipped one."""
    from marsad.training import write_npz

    write_npz(path, {name: arrays[name] for name in (*MODEL_ARRAYS, *STACKER_ARRAYS) if name in arrays})
