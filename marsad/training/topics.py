"""`marsad train topics`: fits the ANT topic classifier and exports it for `marsad.topics`.

A linear SVM (scikit-learn's LinearSVC, C fixed below) over sublinear TF-IDF of the
features in `marsad.topics.features`, trained on the ANT v2.1 train split. The dev split
fits one number, the softmax temperature that turns margins into probabilities (by
log-loss), and gives the figures the trainer prints. Everything is deterministic: the
corpus order is the file's, the solver's seed is fixed and the `.npz` has fixed stamps,
so a retrain reproduces the shipped file byte for byte.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from marsad.document import Document
from marsad.errors import MarsadError
from marsad.text import tokenize
from marsad.topics.classifier import TopicClassifier, save
from marsad.topics.features import FeatureExtractor
from marsad.training import ANT_DEV, ANT_TRAIN

# Chosen on dev among C in {0.1, 0.3, 1}: 0.3 was best for every feature set tried.
SVM_C = 0.3
# Features in fewer articles than this carry no generalisable evidence and bloat the model.
MIN_DOCUMENT_FREQUENCY = 3
TEMPERATURES = tuple(float(t) for t in np.round(np.geomspace(0.5, 20.0, 41), 4))


@dataclass(frozen=True)
class Article:
    title: str
    text: str
    label: str


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
                yield Article(title, text, label)
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
    """Trains on the ANT train split, calibrates on dev, writes `out`, logs dev figures."""
    train_path, dev_path = data_dir / ANT_TRAIN, data_dir / ANT_DEV
    for path in (train_path, dev_path):
        if not path.is_file():
            raise MarsadError("E965", path=str(path))
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.svm import LinearSVC
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
    dev_matrix = vectorizer.transform(article_features(dev, extractor))
    log(f"{train_matrix.shape[1]} features; fitting LinearSVC(C={SVM_C})")
    svm = LinearSVC(C=SVM_C, random_state=0, max_iter=5000).fit(train_matrix, [a.label for a in train])
    labels = [str(label) for label in svm.classes_]
    gold = np.array([labels.index(a.label) for a in dev])
    temperature = fit_temperature(svm.decision_function(dev_matrix), gold)
    vocabulary = vectorizer.get_feature_names_out()
    save(
        out,
        {
            "labels": np.frombuffer("\n".join(labels).encode("utf-8"), dtype=np.uint8),
            "vocabulary": np.frombuffer("\n".join(vocabulary).encode("utf-8"), dtype=np.uint8),
            "idf": vectorizer.idf_.astype(np.float32),
            "weights": svm.coef_.T.astype(np.float16),
            "bias": svm.intercept_.astype(np.float32),
            "temperature": np.array(temperature, dtype=np.float32),
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
