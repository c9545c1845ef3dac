"""The topic trainer's pieces that need no corpus: site classes, feature blocks, label margins, offsets."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.sparse import csr_matrix

from marsad.training.topics import (
    Article,
    block_normalized,
    feature_blocks,
    fit_offsets,
    label_margins,
    macro_f1,
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
