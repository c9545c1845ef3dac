"""The `marsad.topics.v1` stage: fills `Document.topic`.

Reads the text layer's tokens (required) and, when the events stage ran before it, the
coded events, which add evidence to the taxonomy (see `marsad.topics.taxonomy`).
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad import resources
from marsad.document import Document, Topic
from marsad.pipeline import register_stage
from marsad.topics.classifier import TopicClassifier
from marsad.topics.taxonomy import Taxonomy


@dataclass(frozen=True)
class TopicModel:
    """The ANT classifier and the taxonomy rules, loaded once per process."""

    classifier: TopicClassifier
    taxonomy: Taxonomy

    @classmethod
    def load(cls) -> TopicModel:
        return cls(
            TopicClassifier.load(resources.data_file("topics", "topics.npz")),
            Taxonomy.from_directory(resources.data_file("topics", "")),
        )

    def __call__(self, doc: Document) -> Topic:
        end = doc.headline_end
        scores = self.classifier.scores(doc.tokens, end)
        taxonomy_scores = self.taxonomy(scores, self.taxonomy.evidence(doc, end))
        return Topic(
            label=max(scores, key=scores.__getitem__),
            scores=scores,
            taxonomy=max(taxonomy_scores, key=taxonomy_scores.__getitem__),
            taxonomy_scores=taxonomy_scores,
        )


@register_stage("marsad.topics.v1", requires=("tokens",), assigns=("topic",))
class TopicsStage:
    """Classifies the article: ANT corpus label and the analysts' taxonomy."""

    def __init__(self) -> None:
        self._model = resources.topic_model()

    def __call__(self, doc: Document) -> Document:
        doc.topic = self._model(doc) if doc.tokens else None
        return doc
