"""The BiLSTM-CRF network: numpy inference against PyTorch, and a tiny one that learns."""

from __future__ import annotations

import gzip
import importlib.util
import json
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from marsad.entities import crf
from marsad.entities.features import FeatureExtractor, Lexicons
from marsad.entities.neural import UNKNOWN, BiLstmCrf, Vocabulary, vector_key
from marsad.text import tokenize
from marsad.training import ner_neural
from marsad.training.conll import ConllSentence, read_conll

FIXTURES = Path(__file__).parent / "fixtures"
SENTENCES = ("قال الوزير خالد النجار في عمان .", "وصل سامي إلى القاهرة", "القاهرة")
# Unlabelled news for pretraining: (title, text), written for these tests.
NEWS = (
    (
        "عاجل",
        "قال الوزير خالد النجار إن الحكومة ستفتح 3 مدارس جديدة في عمان. وقال الوزير إن المدارس ستفتح في الخريف.",
    ),
    ("زيارة", "وصل الرئيس سامي العمري إلى القاهرة صباح اليوم في زيارة رسمية. وقال الرئيس إن الزيارة مهمة."),
    ("اجتماع", "اجتمع الوزير مع وفد شركة النور في عمان لبحث المشاريع الجديدة في المدينة."),
)
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
    scores, lengths = network.emissions(sentences, phrases)
    probabilities = crf.marginals(scores, lengths, *network.crf_layer)
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


def _write_news(path: Path, copies: int = 1) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as lines:
        for title, text in NEWS * copies:
            lines.write(json.dumps({"title": title, "text": text}, ensure_ascii=False) + "\n")
    return path


def _labelled_arrays(path: Path, lexicons: Lexicons) -> Path:
    from marsad.training import ner

    training = tiny_training_set(read_conll(FIXTURES / "tiny-train.conll"), ner)
    words = sorted({vector_key(t) for tokens in training.tokens for t in tokens})
    vectors = np.random.default_rng(0).normal(0, 0.1, (len(words), 8))
    ner_neural.export_arrays(training, lexicons, words, vectors, path)
    return path


def test_news_sentences_are_read_whole_up_to_the_token_budget(tmp_path):
    corpus = _write_news(tmp_path / "news.jsonl.gz")
    sentences = ner_neural.news_sentences(corpus, max_tokens=10**6)
    texts = [" ".join(t.text for t in tokens) for tokens in sentences]
    # The titles are one word: too short to say anything about context.
    assert not any(text in ("عاجل", "زيارة", "اجتماع") for text in texts)
    assert texts[0].startswith("قال الوزير خالد النجار")
    assert texts[-1].startswith("اجتمع الوزير")
    # The budget is checked after each article: the first article is read whole.
    first_article = ner_neural.news_sentences(corpus, max_tokens=1)
    assert [len(s) for s in first_article] == [len(s) for s in sentences[:2]]


def test_unlabelled_tokens_take_word_cluster_and_kind_classes(tmp_path, monkeypatch):
    lexicons = Lexicons(clusters={"مدرس": ("1", "4"), "مدارس": ("1", "4"), "حكوم": ("0", "2")})
    arrays = _labelled_arrays(tmp_path / "arrays.npz", lexicons)
    sentences = ner_neural.news_sentences(_write_news(tmp_path / "news.jsonl.gz"), max_tokens=10**6)
    monkeypatch.setattr(ner_neural, "LM_OWN_WORDS", 2)
    counts = ner_neural.export_unlabelled(sentences, lexicons, arrays, tmp_path / "lm.npz")
    own, clusters = 2, 5  # fine clusters 0..4
    assert counts["targets"] == own + clusters + 4
    tokens = [t for s in sentences for t in s]
    keys = [vector_key(t) for t in tokens]
    frequent = [key for key, _ in Counter(keys).most_common(2)]
    with np.load(tmp_path / "lm.npz") as lm, np.load(arrays) as labelled:
        words = Vocabulary(bytes(labelled["vocab_words"]).decode("utf-8").split("\n"))
        targets = lm["targets"].tolist()
        assert lm["sentence_offsets"].tolist()[-1] == len(tokens)
        assert lm["words"].tolist() == [words.get(key) for key in keys]
    assert UNKNOWN in [words.get(key) for key in keys]  # words the labelled set never saw
    for token, key, target in zip(tokens, keys, targets, strict=True):
        if key in frequent:
            assert target == frequent.index(key)
        elif key in lexicons.clusters:
            assert target == own + int(lexicons.clusters[key][1])
        elif token.kind == "number":
            assert target == own + clusters
        elif token.kind == "punct":
            assert target == own + clusters + 2
        else:
            assert target == own + clusters + 3


def test_pretraining_learns_to_predict_neighbours_and_hands_on_the_encoder(tmp_path, monkeypatch):
    if importlib.util.find_spec("torch") is None:
        pytest.skip("pretraining the network needs torch (the train extra)")
    from marsad.training import ner_network

    lexicons = Lexicons()
    arrays = _labelled_arrays(tmp_path / "arrays.npz", lexicons)
    sentences = ner_neural.news_sentences(_write_news(tmp_path / "news.jsonl.gz", copies=40), 10**6)
    ner_neural.export_unlabelled(sentences, lexicons, arrays, tmp_path / "lm.npz")
    monkeypatch.setattr(ner_network, "PRETRAIN_BATCH_SIZE", 4)
    monkeypatch.setattr(ner_network, "PRETRAIN_LOG_EVERY", 10)
    config = ner_network.Config(hidden=16, bag_dim=8, learning_rate=0.02, dropout=0.0)
    data = ner_network.Data(arrays)
    progress: list[dict[str, float]] = []
    encoder = ner_network.pretrain(
        config, data, ner_network.Unlabelled(tmp_path / "lm.npz"), ner_network.torch.device("cpu"),
        log=lambda line: progress.append(json.loads(line)),
    )  # fmt: skip
    assert len(progress) >= 3
    assert progress[-1]["loss"] < progress[0]["loss"] / 2
    assert "lstm.weight_ih_l0" in encoder and not any(k.startswith("out.") for k in encoder)
    assert "transitions" not in encoder
    # NER training starts from the encoder (a learning rate of 0 keeps it as it came).
    still = ner_network.Config(hidden=16, bag_dim=8, learning_rate=0.0)
    model, _ = ner_network.train(
        still, data, ner_network.torch.device("cpu"), epochs=1, with_validation=True, initial=encoder,
        log=lambda _: None,
    )  # fmt: skip
    assert ner_network.torch.equal(model.state_dict()["lstm.weight_ih_l0"], encoder["lstm.weight_ih_l0"])


def test_a_holdout_network_trains_the_epochs_asked_on_the_unmasked_sentences_only(tmp_path, monkeypatch):
    if importlib.util.find_spec("torch") is None:
        pytest.skip("training the network needs torch (the train extra)")
    from marsad.training import ner_network

    arrays = _labelled_arrays(tmp_path / "arrays.npz", Lexicons())
    content = dict(np.load(arrays))
    content["validation"] = np.arange(len(content["validation"])) % 2 == 0  # half held out
    np.savez(arrays, **content)
    seen = {}
    real_batch = ner_network.Data.batch

    def batch(self, indices, device):
        seen.setdefault("sentences", set()).update(int(i) for i in indices)
        return real_batch(self, indices, device)

    monkeypatch.setattr(ner_network.Data, "batch", batch)
    result = ner_network.holdout(
        "base", arrays, tmp_path / "out", ner_network.torch.device("cpu"), epochs=2, news_epochs=1
    )
    assert result == {"config": "base", "epochs": 2, "news_epochs": 1, "trained_epochs": 3}
    held_out = set(np.flatnonzero(content["validation"]).tolist())
    assert seen["sentences"] and not seen["sentences"] & held_out
    network = BiLstmCrf(tmp_path / "out" / "holdout-base.npz", FeatureExtractor(Lexicons()))
    sentence = tokenize("قال الوزير خالد النجار إن الاجتماع انتهى")
    assert len(_network_labels(network, [sentence])[0]) == len(sentence)


def test_the_news_epochs_train_on_the_news_sentences_alone_at_the_lower_rate(tmp_path, monkeypatch):
    if importlib.util.find_spec("torch") is None:
        pytest.skip("training the network needs torch (the train extra)")
    from marsad.training import ner_network

    arrays = _labelled_arrays(tmp_path / "arrays.npz", Lexicons())
    content = dict(np.load(arrays))
    count = len(content["domains"])
    wikifane = ner_neural.DOMAINS.index("wikifane")
    content["domains"] = np.where(np.arange(count) % 3 == 0, wikifane, 0).astype(content["domains"].dtype)
    content["weights"] = np.where(content["domains"] == 0, 3, 1).astype(content["weights"].dtype)
    content["validation"] = np.arange(count) == 1
    np.savez(arrays, **content)
    passes: list[tuple[list[int], float]] = []
    real_run_epoch = ner_network.run_epoch

    def run_epoch(model, optimiser, data, draws, *rest):  # type: ignore[no-untyped-def]
        passes.append((sorted(draws.tolist()), optimiser.param_groups[0]["lr"]))
        return real_run_epoch(model, optimiser, data, draws, *rest)

    monkeypatch.setattr(ner_network, "run_epoch", run_epoch)
    config = ner_network.Config(hidden=16, bag_dim=8, batch_size=4)
    data = ner_network.Data(arrays)
    _, history = ner_network.train(
        config, data, ner_network.torch.device("cpu"), epochs=2, news_epochs=2, log=lambda _: None
    )
    news = [i for i in range(count) if i % 3 and i != 1]  # news, less the held-out sentence
    assert [rate for _, rate in passes] == [config.learning_rate] * 2 + [ner_network.NEWS_LEARNING_RATE] * 2
    assert passes[0][0] == sorted([i for i in range(count) if i != 1 for _ in range(3 if i % 3 else 1)])
    assert [draws for draws, _ in passes[2:]] == [news, news]  # each news sentence once
    assert [record.get("news_epoch") for record in history] == [None, None, 1, 2]
