"""The topic trainer's pieces that need no corpus: site classes, feature blocks, label margins,
offsets, the fold models and the stacker."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.sparse import csr_matrix

from marsad.topics.classifier import TopicClassifier, save
from marsad.training.topics import (
    Article,
    block_margins,
    block_normalized,
    cross_validated_models,
    feature_blocks,
    fit_offsets,
    fit_stacker,
    label_margins,
    macro_f1,
    stacker_logits,
    training_class,
)


def test_only_the_section_labels_are_split_by_site():
    assert training_class(Article("عنوان", "نص", "middleEast", "CNN")) == "middleEast@CNN"
    assert training_class(Article("عنوان", "نص", "internationalNews", "BBC")) == "internationalNews@BBC"
    assert training_class(Article("عنوان", "نص", "sport", "CNN")) == "sport"
    assert training_class(Article("عنوان", "نص", "middleEast")) == "middleEast"  # no site given


def test_a_label_margin_is_its_best_column():
    columns = np.array([0, 1, 1, 2])
    margins = np.array([[0.1, -0.5, 0.3, 0.0], [0.2, 0.9, -0.1, 1.5]])
    assert np.allclose(label_margins(margins, columns), [[0.1, 0.3, 0.0], [0.2, 0.9, 1.5]])


def test_offsets_recover_a_small_label_the_margins_underrate():
    # Label 1 (the small one) always scores 0.2 below where it should: every article of
    # label 1 is lost to label 0 until an offset of more than 0.2 moves it back.
    gold = np.array([0] * 8 + [1] * 2)
    margins = np.zeros((10, 2))
    margins[:8, 0] = 1.0
    margins[8:, 0], margins[8:, 1] = 0.6, 0.45
    assert macro_f1(gold, margins.argmax(1), 2) < 0.5
    offsets = fit_offsets(margins, gold)
    assert offsets.sum() == pytest.approx(0.0)
    assert macro_f1(gold, (margins + offsets).argmax(1), 2) == 1.0
    assert 0.15 < offsets[1] - offsets[0] < 0.85


def test_character_ngrams_are_a_block_of_their_own():
    assert feature_blocks(["انتخاب", "t:انتخاب", "p:#", "c: ان", "انتخاب مبكر"]).tolist() == [0, 0, 0, 1, 0]


def test_each_block_of_a_row_is_scaled_to_unit_length():
    matrix = csr_matrix(np.array([[3.0, 4.0, 0.0, 2.0], [0.0, 1.0, 0.0, 0.0]], dtype=np.float32))
    normalized = block_normalized(matrix, np.array([0, 0, 1, 1], dtype=np.uint8))
    assert np.allclose(normalized.toarray(), [[0.6, 0.8, 0.0, 1.0], [0.0, 1.0, 0.0, 0.0]])
    assert np.allclose(matrix.toarray()[0], [3.0, 4.0, 0.0, 2.0])  # the input is left as it was


def test_block_margins_put_each_blocks_columns_side_by_side():
    matrix = csr_matrix(np.array([[1.0, 0.0, 2.0], [0.0, 1.0, 0.0]], dtype=np.float32))
    blocks = np.array([0, 0, 1], dtype=np.uint8)
    weights = np.array([[1.0, -1.0], [0.5, 0.0], [2.0, 3.0]])
    bias = np.array([[0.1, 0.2], [0.0, -1.0]])
    # Row 0: block 0 (1, -1) + bias, block 1 (4, 6) + bias; row 1: block 0 (0.5, 0), block 1 nothing.
    assert np.allclose(
        block_margins(matrix, blocks, weights, bias), [[1.1, -0.8, 4.0, 5.0], [0.6, 0.2, 0.0, -1.0]]
    )


def _three_topic_corpus() -> tuple[csr_matrix, np.ndarray, np.ndarray, np.ndarray]:
    """Sixty articles of three labels: each has its label's word (block 0) and n-gram (block 1)
    and a word every label uses; label a is split into two sites' classes, as in training."""
    blocks = np.array([0, 0, 0, 0, 1, 1, 1], dtype=np.uint8)
    rows = []
    for i in range(60):
        label = i % 3
        row = np.zeros(7, dtype=np.float32)
        row[label] = 1.0
        row[3] = 1.0
        row[4 + label] = 1.0
        rows.append(row)
    gold = np.arange(60) % 3
    targets = np.array(["a@x" if g == 0 and i % 2 == 0 else "abc"[g] for i, g in enumerate(gold)])
    return block_normalized(csr_matrix(np.array(rows)), blocks), blocks, gold, targets


COLUMNS = ["a", "a@x", "b", "c"]


def test_fold_models_score_every_article_out_of_fold_and_average_their_weights():
    matrix, blocks, gold, targets = _three_topic_corpus()
    out_of_fold, weights, bias = cross_validated_models(matrix, targets, gold, blocks, COLUMNS)
    assert out_of_fold.shape == (60, 8) and weights.shape == (7, 4) and bias.shape == (2, 4)
    # Each block alone tells the labels apart, out of fold (label a: the best of its two columns).
    for block in (0, 1):
        margins = label_margins(out_of_fold[:, 4 * block : 4 * block + 4], np.array([0, 0, 1, 2]))
        assert (margins.argmax(1) == gold).all()
    # A label's own word weighs for it in the averaged model.
    assert weights[1, 2] > 0 and weights[2, 3] > 0 and weights[5, 2] > 0


def test_the_stacker_logits_are_the_run_times(tmp_path):
    """The trainer's stacker, exported, scores an article as its own forward pass does."""
    matrix, blocks, gold, targets = _three_topic_corpus()
    out_of_fold, weights, bias = cross_validated_models(matrix, targets, gold, blocks, COLUMNS)
    stacker = fit_stacker(out_of_fold, gold)
    margins = block_margins(matrix, blocks, weights, bias)
    logits = stacker_logits(stacker, margins)
    assert (logits.argmax(1) == gold).all()
    assert np.array_equal(logits.argmax(1), stacker.predict(margins))
    vocabulary = ["a", "b", "c", "common", "c:a", "c:b", "c:c"]
    save(
        tmp_path / "model.npz",
        {
            "labels": np.frombuffer(b"a\nb\nc", dtype=np.uint8),
            "columns": np.array([0, 0, 1, 2], dtype=np.int16),
            "vocabulary": np.frombuffer("\n".join(vocabulary).encode(), dtype=np.uint8),
            "blocks": blocks,
            "idf": np.ones(7, dtype=np.float32),
            "weights": weights.astype(np.float32),
            "bias": bias.astype(np.float32),
            "temperature": np.array(1.0, dtype=np.float32),
            "stack_hidden_weights": stacker.coefs_[0].astype(np.float32),
            "stack_hidden_bias": stacker.intercepts_[0].astype(np.float32),
            "stack_output_weights": stacker.coefs_[1].astype(np.float32),
            "stack_output_bias": stacker.intercepts_[1].astype(np.float32),
        },
    )
    model = TopicClassifier.load(tmp_path / "model.npz")
    # Article 1 (label b): its word, the common word and its n-gram once each: tf-idf 1 each, as
    # in the matrix (before each block is normalised).
    assert model.margins(["b", "common", "c:b"]) == pytest.approx(logits[1], abs=1e-4)
    assert model.margins(["c", "common", "c:c"]) == pytest.approx(logits[2], abs=1e-4)
