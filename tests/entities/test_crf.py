"""The numpy CRF arithmetic, against brute force and against CRFsuite itself."""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

import numpy as np
import pycrfsuite
import pytest

from marsad.entities import crf
from marsad.entities.features import FeatureExtractor, Lexicons
from marsad.text import tokenize
from marsad.training import ner
from marsad.training.conll import read_conll

FIXTURES = Path(__file__).parent / "fixtures"
FEW = 4  # labels used in the brute-force checks: O, B-PERSON, I-PERSON, B-ORG


def _random_batch(seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    generator = np.random.default_rng(seed)
    labels = len(crf.LABELS)
    lengths = np.array([3, 1, 4])
    scores = generator.normal(0, 2, (len(lengths), lengths.max(), labels))
    # Only FEW labels can win, so the brute force over FEW labels is exact enough.
    scores[:, :, FEW:] = -40.0
    transitions = generator.normal(0, 1, (labels, labels))
    return scores, lengths, transitions, generator.normal(0, 1, labels), generator.normal(0, 1, labels)


def _sequence_scores(scores, transitions, start, end, length):  # type: ignore[no-untyped-def]
    for path in itertools.product(range(FEW), repeat=length):
        total = start[path[0]] + end[path[-1]] + sum(scores[t, path[t]] for t in range(length))
        total += sum(transitions[path[t - 1], path[t]] for t in range(1, length))
        yield path, total


def test_marginals_equal_the_sum_over_every_label_sequence():
    scores, lengths, transitions, start, end = _random_batch(1)
    marginals = crf.marginals(scores, lengths, transitions, start, end)
    for row, length in enumerate(lengths):
        weights = Counter()
        total = 0.0
        for path, score in _sequence_scores(scores[row], transitions, start, end, length):
            probability = np.exp(score)
            total += probability
            for t, label in enumerate(path):
                weights[t, label] += probability
        expected = np.array([[weights[t, label] / total for label in range(FEW)] for t in range(length)])
        assert np.allclose(marginals[row, :length, :FEW], expected, atol=1e-9)
        assert np.allclose(marginals[row, :length].sum(axis=1), 1.0)


def test_models_stacked_on_a_leading_axis_get_their_own_marginals():
    batches = [_random_batch(seed) for seed in (3, 4)]  # the same sentence lengths
    scores, lengths, transitions, start, end = (np.stack(parts) for parts in zip(*batches, strict=True))
    stacked = crf.marginals(scores, lengths[0], transitions, start, end)
    for model, (scores, lengths, transitions, start, end) in enumerate(batches):
        alone = crf.marginals(scores, lengths, transitions, start, end)
        for row, length in enumerate(lengths):
            assert np.allclose(stacked[model, row, :length], alone[row, :length], atol=1e-12)


def _is_valid(path: tuple[int, ...]) -> bool:
    return not crf.LABELS[path[0]].startswith("I-") and all(
        crf.VALID_NEXT[a, b] == 0 for a, b in itertools.pairwise(path)
    )


def test_best_sequences_are_the_most_probable_valid_iob2_sequences():
    # Sentences whose most probable labels are a valid sequence skip Viterbi: both kinds occur.
    argmax_valid = Counter()
    for seed in range(2, 12):
        scores, lengths, transitions, start, end = _random_batch(seed)
        probabilities = crf.marginals(scores, lengths, transitions, start, end)
        found = crf.best_sequences(probabilities, lengths)
        for row, length in enumerate(lengths):
            valid = [path for path in itertools.product(range(FEW), repeat=length) if _is_valid(path)]
            best = max(
                valid,
                key=lambda path: sum(np.log(probabilities[row, t, label]) for t, label in enumerate(path)),
            )
            assert found[row] == [crf.LABELS[label] for label in best]
            argmax_valid[_is_valid(tuple(probabilities[row, :length].argmax(axis=1)))] += 1
    assert argmax_valid[True] and argmax_valid[False]
    # I-PERSON never opens a sentence nor follows O, whatever the probabilities say.
    eager = np.full((1, 2, len(crf.LABELS)), 1e-6)
    eager[0, :, crf.LABELS.index("I-PERSON")] = 1.0
    assert crf.best_sequences(eager, np.array([2]))[0][0] != "I-PERSON"


@pytest.fixture(scope="module")
def tiny_crfsuite(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A CRFsuite model trained on the tiny fixture, and its export for numpy."""
    folder = tmp_path_factory.mktemp("crf")
    training = ner.TrainingSet([], [], Counter())
    for index, sentence in enumerate(read_conll(FIXTURES / "tiny-train.conll")):
        training.add(ner.retype(sentence, {"PERS": "PERSON", "ORG": "ORG", "LOC": "GPE"}), "fixture", index)
    extractor = FeatureExtractor(Lexicons())
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for tokens, labels in zip(training.tokens, training.labels, strict=True):
        trainer.append(extractor.sentence(tokens), labels)
    trainer.set_params({"c1": 0.0, "c2": 0.01, "max_iterations": 60})
    model = folder / "tiny.crfsuite"
    trainer.train(str(model))
    arrays = folder / "tiny-crf.npz"
    ner.export_crf(model, arrays)
    return model, arrays


def test_the_numpy_crf_gives_crfsuites_marginals_and_labels(tiny_crfsuite: tuple[Path, Path]):
    model, arrays = tiny_crfsuite
    extractor = FeatureExtractor(Lexicons())
    numpy_crf = crf.FeatureCrf(arrays)
    reference = pycrfsuite.Tagger()
    reference.open(str(model))
    sentences = [
        tokenize("قال الوزير خالد النجار في عمان إن شركة النور ستفتح فرعا ."),
        tokenize("وصل سامي إلى القاهرة"),
        tokenize("القاهرة"),
    ]
    lengths = np.array([len(s) for s in sentences])
    phrases = [extractor.phrase_features(s) for s in sentences]
    scores = numpy_crf.scores(extractor, sentences, phrases, int(lengths.max()))
    marginals = crf.marginals(scores, lengths, numpy_crf.transitions, numpy_crf.start, numpy_crf.end)
    known = reference.labels()
    for row, tokens in enumerate(sentences):
        rows = extractor.sentence(tokens)
        # The cached, by-parts sum is the sum over the sentence's feature strings.
        by_strings = np.stack(
            [numpy_crf.weights[[numpy_crf.ids[f] for f in r if f in numpy_crf.ids]].sum(0) for r in rows]
        )
        assert np.allclose(scores[row, : len(tokens)], by_strings, atol=1e-5)
        reference.set(rows)
        expected = [
            [reference.marginal(label, t) if label in known else 0.0 for label in crf.LABELS]
            for t in range(len(tokens))
        ]
        assert np.allclose(marginals[row, : len(tokens)], expected, atol=1e-4)
        assert crf.best_sequences(marginals, lengths)[row] == reference.tag()


def test_a_missing_broken_or_other_label_model_is_a_coded_error(tmp_path: Path):
    from marsad.errors import MarsadError

    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"not a zip archive")
    other = tmp_path / "other.npz"
    np.savez(other, weights=np.zeros(2), labels=np.frombuffer(b"O\nB-X\nI-X", dtype=np.uint8))
    for path, code in ((tmp_path / "missing.npz", "E292"), (broken, "E298"), (other, "E297")):
        with pytest.raises(MarsadError) as raised:
            crf.FeatureCrf(path)
        assert raised.value.code == code
