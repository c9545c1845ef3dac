"""The topic trainer's pieces that need no corpus: site classes, label margins, offsets."""

from __future__ import annotations

import numpy as np
import pytest

from marsad.training.topics import Article, fit_offsets, label_margins, macro_f1, training_class


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
