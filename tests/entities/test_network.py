"""The BiLSTM-CRF network: numpy inference against PyTorch, and a tiny one that learns."""

from __future__ import annotations

import importlib.util
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from marsad.entities import crf
from marsad.entities.features import FeatureExtractor, Lexicons
from marsad.entities.neural import BiLstmCrf, vector_key
from marsad.text import tokenize
from marsad.training.conll import ConllSentence, read_conll

FIXTURES = Path(__file__).parent / "fixtures"
SENTENCES = ("قال الوزير خالد النجار في عمان .", "وصل سامي إلى القاهرة", "القاهرة")
# Small, two layers deep: the fixture exercises every part of the export.
TINY_CONFIG = {"hidden": 6, "layers": 2, "char_dim": 4, "char_filters": 5, "bag_dim": 3, "domain_dim": 2}


def tiny_training_set(sentences: Sequence[ConllSentence], ner: ModuleType):  # type: ignore[no-untyped-def]
    """The tiny CoNLL fixture as the trainer's TrainingSet (typed as news)."""
    training = ner.TrainingSet([], [], Counter())
    for index, sentence in enumerate(sentences):
        training.add(ner.retype(sentence, {"PERS": "PERSON", "ORG": "ORG", "LOC": "GPE"}), "anercorp", index)
    return training


def _network_labels(network: BiLstmCrf, sentences: list) -> list[list[str]]:  # type: ignore[type-arg]
    phrases = [network.encoder.features.phrase_features(tokens) for tokens in sentences]
    probabilities, lengths = network.marginals(sentences, phrases)
    return crf.best_sequences(probabilities, lengths)


def test_numpy_inference_reproduces_pytorchs_scores():
    # Fixture written by fixtures/make_tiny_network.py with PyTorch.
    network = BiLstmCrf(FIXTURES / "tiny-network.npz", FeatureExtractor(Lexicons()))
    assert network.layers == 2
    sentences = [tokenize(text) for text in SENTENCES]
    phrases = [network.encoder.features.phrase_features(tokens) for tokens in sentences]
    scores, lengths = network.emissions(sentences, phrases)
    expected = np.load(FIXTURES / "tiny-network-scores.npy")
    assert lengths.tolist() == [7, 4, 1]
    for row, length in enumerate(lengths):
        assert np.allclose(scores[row, :length], expected[row, :length], atol=1e-5)
    # Tagged one at a time or together, a sentence gets the same scores.
    alone, _ = network.emissions(sentences[1:2], phrases[1:2])
    assert np.allclose(alone[0], scores[1, :4], atol=1e-6)


def test_a_tiny_network_learns_its_training_data():
    if importlib.util.find_spec("torch") is None:
        pytest.skip("training the network needs torch (the train extra)")
    from marsad.training import ner, ner_network, write_npz
    from marsad.training.ner_neural import export_arrays

    training = tiny_training_set(read_conll(FIXTURES / "tiny-train.conll"), ner)
    words = sorted({vector_key(t) for tokens in training.tokens for t in tokens})
    vectors = np.random.default_rng(0).normal(0, 0.1, (len(words), 8))
    config = ner_network.Config(hidden=16, bag_dim=8, learning_rate=0.02, batch_size=4, dropout=0.0)
    with tempfile.TemporaryDirectory() as scratch:
        arrays = Path(scratch) / "arrays.npz"
        export_arrays(training, Lexicons(), words, vectors, arrays)
        data = ner_network.Data(arrays)
        model, history = ner_network.train(
            config, data, ner_network.torch.device("cpu"), epochs=25, with_validation=True, log=lambda _: None
        )
        assert history[-1]["loss"] < history[0]["loss"] / 10
        path = Path(scratch) / "network.npz"
        write_npz(path, ner_network.export(model, data))
        network = BiLstmCrf(path, FeatureExtractor(Lexicons()))
    assert _network_labels(network, training.tokens) == training.labels
