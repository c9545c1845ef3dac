"""`marsad train topics`: fits the ANT topic classifier and exports it for `marsad.topics`.

Two linear SVMs (scikit-learn's LinearSVC, settings below) over sublinear TF-IDF of the
features in `marsad.topics.features`, trained on the ANT v2.1 train split: one over the word
features (stems, pairs, headline words, punctuation), one over the character n-grams, each
block normalised to unit length on its own. A small neural network, the **stacker**, reads
the two SVMs' margins side by side and gives the label.

internationalNews and middleEast are each split by the site that filed the article (the
corpus's `src`) into one class per site: ANT assigns those two by a site's section, not by
the story (AlArabiya files Gaza and Afrin under internationalNews and has no middleEast
section; CNN files most of the region under middleEast), so "Gaza, in AlArabiya's house
style" and "Gaza, in CNN's" are different classes, which one linear boundary per label
cannot draw. The site is never an input, only a training target (see docs/topics.md for the
measured gains).

Stacking (Wolpert 1992): the training split is cut into five folds; each fold's SVMs are
trained on the other four and score it, so every training article has margins from SVMs
that never saw it, and the stacker (one hidden layer of 64 rectified units, L2 penalty
0.01) learns from those how to weigh each block and each site's class for each label. The
shipped SVM weights are the mean of the five folds' (a linear model, so the mean of their
margins), which keeps the margins the stacker reads at run time on the scale it was trained
on. The dev split fits one number, the softmax temperature that turns the stacker's logits
into probabilities (by log-loss), and gives the figures the trainer prints. Everything is
deterministic: the corpus order is the file's, the solvers' seeds and the folds are fixed,
the stacker trains on one thread and the `.npz` has fixed stamps, so a retrain reproduces
the shipped file byte for byte.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from marsad.document import Document
from marsad.errors import MarsadError
from marsad.text import tokenize
from marsad.topics.classifier import TopicClassifier, save
from marsad.topics.features import FeatureExtractor
from marsad.training import ANT_DEV, ANT_TRAIN

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

# Per feature block (0: word features, 1: character n-grams): the SVM's C and the weight of
# its margins in the sum (the sum is what `topic_experiments.py --blocks` scores; the
# stacker reads the blocks apart and learns its own weighting). C chosen by five-fold
# cross-validation on 90% of the training split (docs/topics.md).
BLOCK_SVMS = ((1.0, 1.0), (1.0, 0.75))
# The stacker: hidden units and L2 penalty, chosen on the training split (docs/topics.md).
STACKER_HIDDEN = 64
STACKER_ALPHA = 0.01
# Features in fewer articles than this carry no generalisable evidence and bloat the model.
MIN_DOCUMENT_FREQUENCY = 3
# The labels a site's section decides; each becomes one class per site in training.
SITE_SPLIT_LABELS = frozenset({"internationalNews", "middleEast"})
FOLDS = 5
OFFSET_GRID = tuple(float(v) for v in np.round(np.linspace(-0.5, 0.5, 41), 3))
OFFSET_ROUNDS = 3
TEMPERATURES = tuple(float(t) for t in np.round(np.geomspace(0.5, 20.0, 41), 4))


@dataclass(frozen=True)
class Article:
    title: str
    text: str
    label: str
    source: str = ""  # the site (`src`), a training target only (SITE_SPLIT_LABELS)


def read_articles(path: Path, field: str = "cat") -> Iterator[Article]:
    """Articles of a JSON Lines file (gzip or plain) with `title`, `text` and a label field."""
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    raise MarsadError("E963", source=str(path), line=number, detail=str(error)) from None
                if not isinstance(record, dict):
                    raise MarsadError("E963", source=str(path), line=number, detail="not a JSON object")
                label, title, text = record.get(field), record.get("title") or "", record.get("text") or ""
                if not isinstance(label, str) or not label:
                    raise MarsadError("E963", source=str(path), line=number, detail=f"no '{field}' label")
                if not isinstance(title, str) or not isinstance(text, str) or not (title or text):
                    raise MarsadError("E963", source=str(path), line=number, detail="no title or text string")
                source = record.get("src")
                yield Article(title, text, label, source if isinstance(source, str) else "")
    except (OSError, EOFError, UnicodeDecodeError) as error:
        raise MarsadError("E962", source=str(path), detail=str(error)) from None


def article_features(articles: list[Article], extractor: FeatureExtractor) -> list[list[str]]:
    """The classifier's features of each article, through the same text layer as at run time."""
    result = []
    for article in articles:
        doc = Document.from_parts(article.text, title=article.title)
        result.append(extractor(tokenize(doc.text), doc.headline_end))
    return result


def _identity(features: list[str]) -> list[str]:
    return features


def training_class(article: Article) -> str:
    """The class an article trains: its label, or `label@site` for a label a site's section decides."""
    if article.label in SITE_SPLIT_LABELS and article.source:
        return f"{article.label}@{article.source}"
    return article.label


def label_margins(column_margins: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """Each label's margin, the best of its columns' (columns grouped by label); rows are articles."""
    starts = np.flatnonzero(np.r_[True, np.diff(columns) != 0])
    return np.maximum.reduceat(column_margins, starts, axis=1)


def fit_offsets(margins: np.ndarray, gold: np.ndarray) -> np.ndarray:
    """Per-label offsets added to the margins that maximise macro-F1 (coordinate ascent on a grid).

    Each round tries every grid value for each label in turn, keeping a value only when it
    raises macro-F1; the result is centred (a common shift changes no argmax).
    """
    n_labels = margins.shape[1]
    offsets = np.zeros(n_labels)
    for _ in range(OFFSET_ROUNDS):
        for label in range(n_labels):
            best_f1, best_value = macro_f1(gold, (margins + offsets).argmax(1), n_labels), offsets[label]
            for value in OFFSET_GRID:
                trial = offsets.copy()
                trial[label] = value
                f1 = macro_f1(gold, (margins + trial).argmax(1), n_labels)
                if f1 > best_f1 + 1e-9:
                    best_f1, best_value = f1, value
            offsets[label] = best_value
    return offsets - offsets.mean()


def feature_blocks(vocabulary: Sequence[str]) -> np.ndarray:
    """The block of each feature: 1 for a character n-gram (`c:`), 0 for the word features."""
    return np.array([1 if feature.startswith("c:") else 0 for feature in vocabulary], dtype=np.uint8)


def block_normalized(matrix: csr_matrix, blocks: np.ndarray) -> csr_matrix:
    """Each row with every block of features scaled to unit length on its own (as at run time)."""
    matrix = matrix.tocsr(copy=True)
    n_blocks = int(blocks.max(initial=0)) + 1
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    cells = rows * n_blocks + blocks[matrix.indices]
    squares = np.bincount(
        cells, weights=matrix.data.astype(np.float64) ** 2, minlength=matrix.shape[0] * n_blocks
    )
    matrix.data = (matrix.data / np.sqrt(squares[cells])).astype(matrix.dtype)
    return matrix


def fit_block_svms(
    matrix: csr_matrix,
    targets: np.ndarray,
    blocks: np.ndarray,
    columns: list[str],
    settings: Sequence[tuple[float, float]] = BLOCK_SVMS,
) -> tuple[np.ndarray, np.ndarray]:
    """One SVM per feature block (C, weight): one weight matrix (features x columns; a
    feature's row is its block's SVM's) and one bias row per block (blocks x columns)."""
    from sklearn.svm import LinearSVC

    weights = np.zeros((matrix.shape[1], len(columns)), dtype=np.float64)
    bias = np.zeros((len(settings), len(columns)), dtype=np.float64)
    for block, (c, scale) in enumerate(settings):
        features = np.flatnonzero(blocks == block)
        svm = LinearSVC(C=c, random_state=0, max_iter=5000).fit(matrix[:, features], targets)
        order = [list(svm.classes_).index(name) for name in columns]
        weights[features] = scale * svm.coef_[order].T
        bias[block] = scale * svm.intercept_[order]
    return weights, bias


def block_margins(
    matrix: csr_matrix, blocks: np.ndarray, weights: np.ndarray, bias: np.ndarray
) -> np.ndarray:
    """Each block's column margins side by side (articles x blocks * columns), as the stacker reads them."""
    parts = []
    for block in range(bias.shape[0]):
        features = np.flatnonzero(blocks == block)
        parts.append(np.asarray(matrix[:, features] @ weights[features]) + bias[block])
    return np.hstack(parts)


def cross_validated_models(
    matrix: csr_matrix, targets: np.ndarray, gold: np.ndarray, blocks: np.ndarray, columns: list[str]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Five folds (stratified by label, seed 0), one SVM per block on each fold's other four.

    RETURNS (tuple): every training article's block margins from the fold that held it out
    (articles x blocks * columns), and the mean of the folds' weights and biases.
    """
    from sklearn.model_selection import StratifiedKFold

    out_of_fold = np.zeros((matrix.shape[0], len(BLOCK_SVMS) * len(columns)), dtype=np.float64)
    weights_sum = np.zeros((matrix.shape[1], len(columns)), dtype=np.float64)
    bias_sum = np.zeros((len(BLOCK_SVMS), len(columns)), dtype=np.float64)
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=0)
    for fit, held in folds.split(np.zeros(len(gold)), gold):
        weights, bias = fit_block_svms(
            matrix[fit], targets[fit], blocks, columns, [(c, 1.0) for c, _ in BLOCK_SVMS]
        )
        out_of_fold[held] = block_margins(matrix[held], blocks, weights, bias)
        weights_sum += weights
        bias_sum += bias
    return out_of_fold, weights_sum / FOLDS, bias_sum / FOLDS


def fit_stacker(margins: np.ndarray, gold: np.ndarray):  # type: ignore[no-untyped-def]
    """The stacker: an MLP (STACKER_HIDDEN rectified units) from block margins to labels, on one
    thread (so its sums, and the file, are the same on every run)."""
    from sklearn.neural_network import MLPClassifier
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        return MLPClassifier(
            hidden_layer_sizes=(STACKER_HIDDEN,), alpha=STACKER_ALPHA, max_iter=500, random_state=0
        ).fit(margins, gold)


def stacker_out_of_fold(margins: np.ndarray, gold: np.ndarray) -> np.ndarray:
    """The stacker's own out-of-fold predictions: five folds (seed 1) over the out-of-fold margins."""
    from sklearn.model_selection import StratifiedKFold

    predicted = np.zeros(len(gold), dtype=np.int64)
    for fit, held in StratifiedKFold(FOLDS, shuffle=True, random_state=1).split(margins, gold):
        predicted[held] = stacker_logits(fit_stacker(margins[fit], gold[fit]), margins[held]).argmax(1)
    return predicted


def stacker_logits(stacker, margins: np.ndarray) -> np.ndarray:  # type: ignore[no-untyped-def]
    """The stacker's label logits (before the softmax), as the run time computes them."""
    hidden = np.maximum(margins @ stacker.coefs_[0] + stacker.intercepts_[0], 0.0)
    return hidden @ stacker.coefs_[1] + stacker.intercepts_[1]


def fit_temperature(margins: np.ndarray, gold: np.ndarray) -> float:
    """The softmax temperature with the lowest log-loss of the gold labels."""
    best, best_loss = TEMPERATURES[0], float("inf")
    for temperature in TEMPERATURES:
        scaled = margins * temperature
        scaled -= scaled.max(axis=1, keepdims=True)
        log_probabilities = scaled - np.log(np.exp(scaled).sum(axis=1, keepdims=True))
        loss = -float(log_probabilities[np.arange(len(gold)), gold].mean())
        if loss < best_loss:
            best, best_loss = temperature, loss
    return best


def train_topics(data_dir: Path, out: Path, log: Callable[[str], None] = print) -> TopicClassifier:
    """Trains on the ANT train split (the stacker on its out-of-fold margins), calibrates on dev."""
    train_path, dev_path = data_dir / ANT_TRAIN, data_dir / ANT_DEV
    for path in (train_path, dev_path):
        if not path.is_file():
            raise MarsadError("E965", path=str(path))
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
    except ImportError:
        raise MarsadError("E964", package="scikit-learn") from None
    extractor = FeatureExtractor()
    train = list(read_articles(train_path))
    dev = list(read_articles(dev_path))
    log(f"read {len(train)} training and {len(dev)} dev articles; extracting features")
    vectorizer = TfidfVectorizer(
        analyzer=_identity, lowercase=False, sublinear_tf=True, min_df=MIN_DOCUMENT_FREQUENCY,
        dtype=np.float32,
    )  # fmt: skip
    train_matrix = vectorizer.fit_transform(article_features(train, extractor))
    vocabulary = vectorizer.get_feature_names_out()
    blocks = feature_blocks(vocabulary)
    train_matrix = block_normalized(train_matrix, blocks)
    dev_matrix = block_normalized(vectorizer.transform(article_features(dev, extractor)), blocks)
    labels = sorted({a.label for a in train})
    targets = np.array([training_class(a) for a in train])
    # The weight columns, grouped by label: `label` or `label@site`, sorted within a label.
    column_names = sorted(set(targets), key=lambda name: (labels.index(name.split("@")[0]), name))
    columns = np.array([labels.index(name.split("@")[0]) for name in column_names], dtype=np.int16)
    log(
        f"{train_matrix.shape[1]} features ({int(blocks.sum())} character n-grams), "
        f"{len(column_names)} classes; {FOLDS} folds of an SVM per block (C {[c for c, _ in BLOCK_SVMS]})"
    )
    train_gold = np.array([labels.index(a.label) for a in train])
    out_of_fold, weights, bias = cross_validated_models(
        train_matrix, targets, train_gold, blocks, column_names
    )
    summed = label_margins(
        sum(
            scale * out_of_fold[:, k * len(columns) : (k + 1) * len(columns)]
            for k, (_, scale) in enumerate(BLOCK_SVMS)
        ),
        columns,
    )
    stacked = stacker_out_of_fold(out_of_fold, train_gold)
    log(
        f"training split, out of fold: macro-F1 {macro_f1(train_gold, summed.argmax(1), len(labels)):.4f} "
        f"(blocks summed), {macro_f1(train_gold, stacked, len(labels)):.4f} (stacker)"
    )
    stacker = fit_stacker(out_of_fold, train_gold)
    gold = np.array([labels.index(a.label) for a in dev])
    dev_logits = stacker_logits(stacker, block_margins(dev_matrix, blocks, weights, bias))
    temperature = fit_temperature(dev_logits, gold)
    save(
        out,
        {
            "labels": np.frombuffer("\n".join(labels).encode("utf-8"), dtype=np.uint8),
            "columns": columns,
            "vocabulary": np.frombuffer("\n".join(vocabulary).encode("utf-8"), dtype=np.uint8),
            "blocks": blocks,
            "idf": vectorizer.idf_.astype(np.float32),
            "weights": weights.astype(np.float16),
            "bias": bias.astype(np.float32),
            "temperature": np.array(temperature, dtype=np.float32),
            "stack_hidden_weights": stacker.coefs_[0].astype(np.float32),
            "stack_hidden_bias": stacker.intercepts_[0].astype(np.float32),
            "stack_output_weights": stacker.coefs_[1].astype(np.float32),
            "stack_output_bias": stacker.intercepts_[1].astype(np.float32),
        },
    )
    classifier = TopicClassifier.load(out)
    predicted = np.array(
        [int(np.argmax(classifier.margins(features))) for features in article_features(dev, extractor)]
    )
    accuracy = float((predicted == gold).mean())
    f1 = macro_f1(gold, predicted, len(labels))
    log(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB; softmax temperature {temperature})")
    log(f"dev (exported model): accuracy {accuracy:.4f}, macro-F1 {f1:.4f}")
    return classifier


def macro_f1(gold: np.ndarray, predicted: np.ndarray, n_labels: int) -> float:
    """The unweighted mean of the per-label F1 scores."""
    scores = []
    for label in range(n_labels):
        tp = int(((predicted == label) & (gold == label)).sum())
        fp = int(((predicted == label) & (gold != label)).sum())
        fn = int(((predicted != label) & (gold == label)).sum())
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(scores))
