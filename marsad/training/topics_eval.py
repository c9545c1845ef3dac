"""Scores the topic classifier on a labelled JSON Lines file (`marsad eval topics`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from marsad import resources
from marsad.document import Document
from marsad.errors import MarsadError
from marsad.text import tokenize


@dataclass
class TopicScores:
    """Accuracy, macro-F1, per-label precision/recall/F1 and the confusion matrix."""

    labels: list[str]
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)  # gold -> predicted -> count

    @property
    def total(self) -> int:
        return sum(sum(row.values()) for row in self.confusion.values())

    @property
    def accuracy(self) -> float:
        return sum(self.confusion[label][label] for label in self.labels) / self.total if self.total else 0.0

    def per_label(self, label: str) -> tuple[float, float, float, int]:
        """Precision, recall, F1 and gold support of one label."""
        tp = self.confusion[label][label]
        predicted = sum(self.confusion[gold][label] for gold in self.labels)
        support = sum(self.confusion[label].values())
        precision = tp / predicted if predicted else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1, support

    @property
    def macro_f1(self) -> float:
        """Mean F1 over the labels the gold file has (a label it lacks has no recall to measure)."""
        present = [label for label in self.labels if sum(self.confusion[label].values())]
        return sum(self.per_label(label)[2] for label in present) / len(present) if present else 0.0

    def to_dict(self) -> dict[str, object]:
        return {
            "articles": self.total,
            "accuracy": round(self.accuracy, 4),
            "macro_f1": round(self.macro_f1, 4),
            "labels": {
                label: dict(zip(("precision", "recall", "f1", "support"), self._rounded(label), strict=True))
                for label in self.labels
            },
            "confusion": self.confusion,
        }

    def _rounded(self, label: str) -> tuple[float, float, float, int]:
        precision, recall, f1, support = self.per_label(label)
        return round(precision, 4), round(recall, 4), round(f1, 4), support

    def report(self) -> str:
        width = max(len(label) for label in self.labels)
        lines = [
            f"articles {self.total}  accuracy {self.accuracy:.4f}  macro-F1 {self.macro_f1:.4f}",
            "",
            f"{'label':<{width}}  precision  recall      F1  support",
        ]
        for label in self.labels:
            precision, recall, f1, support = self.per_label(label)
            lines.append(f"{label:<{width}}  {precision:9.4f}  {recall:6.4f}  {f1:6.4f}  {support:7d}")
        lines += ["", "confusion (rows: gold, columns: predicted)"]
        short = [label[:6] for label in self.labels]
        lines.append(" " * width + "".join(f"{name:>8}" for name in short))
        for label in self.labels:
            row = self.confusion[label]
            lines.append(f"{label:<{width}}" + "".join(f"{row[other]:8d}" for other in self.labels))
        return "\n".join(lines)


def evaluate_topics(path: Path, label_field: str = "cat") -> TopicScores:
    """Classifies every article of `path` (title + text) and compares with its `label_field`."""
    from marsad.training.topics import read_articles

    classifier = resources.topic_model().classifier
    pairs: list[tuple[str, str]] = []
    for article in read_articles(path, label_field):
        doc = Document.from_parts(article.text, title=article.title)
        scores = classifier.scores(tokenize(doc.text), doc.headline_end)
        pairs.append((article.label, max(scores, key=scores.__getitem__)))
    if not pairs:
        raise MarsadError("E966", source=str(path))
    labels = sorted(set(classifier.labels) | {gold for gold, _ in pairs})
    scores = TopicScores(labels, {gold: dict.fromkeys(labels, 0) for gold in labels})
    for gold, predicted in pairs:
        scores.confusion[gold][predicted] += 1
    return scores
