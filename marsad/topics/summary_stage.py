"""The `marsad.summary.v1` stage: fills `Document.summary`, `gist` and `keywords`.

Needs tokens and sentences; uses entities (multi-word names as keywords and salience)
and events (the key event sentence, the gist) when earlier stages filled them.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad import resources
from marsad.document import Document
from marsad.pipeline import register_stage
from marsad.topics.gist import GistPhrases, make_gist, top_event
from marsad.topics.keywords import KeywordExtractor, read_document_frequencies, read_stopwords
from marsad.topics.summary import summarize


@dataclass(frozen=True)
class Digester:
    """Everything the stage loads from `marsad/topics/data/`, loaded once per process."""

    keywords: KeywordExtractor
    phrases: GistPhrases

    @classmethod
    def load(cls) -> Digester:
        data = resources.data_file
        return cls(
            keywords=KeywordExtractor(
                read_document_frequencies(data("topics", "keyword_df.tsv.gz")),
                read_stopwords(data("topics", "stopwords.tsv")),
            ),
            phrases=GistPhrases.from_files(
                data("topics", "gist_phrases.tsv"), data("topics", "gist_qualifiers.tsv")
            ),
        )

    def __call__(self, doc: Document) -> Document:
        counts = self.keywords.count(doc)
        weights = self.keywords.weights(counts)
        event = top_event(doc)
        doc.keywords = self.keywords.keywords(counts, weights)
        doc.summary = summarize(doc, counts, weights, event)
        doc.gist = make_gist(doc, self.phrases, event)
        return doc


@register_stage(
    "marsad.summary.v1", requires=("tokens", "sentences"), assigns=("summary", "gist", "keywords")
)
class SummaryStage:
    """Writes the extractive summary, the one-line gist and the weighted keywords."""

    def __init__(self) -> None:
        self._digester = resources.digester()

    def __call__(self, doc: Document) -> Document:
        return self._digester(doc)
