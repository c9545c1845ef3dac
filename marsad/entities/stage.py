"""The entity stage `marsad.entities.v1`: tagger labels to entities with roles and coreference.

Per sentence the NER tagger gives one IOB label per token; `find_entities` turns the
labels into mentions with exact spans (`mentions`), completes and corrects them with the
news rules (`rules`) and groups them into entities (`coref`). The tagger and the word
lists are loaded once per process through `marsad.resources`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from marsad import resources
from marsad.document import Document, Entity, Sentence, Token
from marsad.entities.coref import resolve
from marsad.entities.mentions import model_mentions
from marsad.entities.rules import Context, Lexicons, apply_rules
from marsad.pipeline import register_stage


class Tagger(Protocol):
    def predict_many(self, sentences: Sequence[list[Token]]) -> list[list[str]]: ...


def sentence_index(tokens: list[Token], sentences: list[Sentence]) -> list[int]:
    """The index of the sentence each token lies in; a token outside all gets its own."""
    result: list[int] = []
    current = 0
    for token in tokens:
        while current < len(sentences) and sentences[current].end <= token.start:
            current += 1
        inside = current < len(sentences) and sentences[current].start <= token.start
        result.append(current if inside else len(sentences) + len(result))
    return result


def find_entities(
    text: str, tokens: list[Token], sentence_of: list[int], labels: list[str], lexicons: Lexicons
) -> list[Entity]:
    """Entities of one document from one IOB label per token.

    text (str): the document's text.
    tokens (list[Token]): its tokens, from the text layer.
    sentence_of (list[int]): each token's sentence index (see `sentence_index`).
    labels (list[str]): one IOB2 label per token ('O', 'B-PERSON', 'I-ORG', ...).
    lexicons (Lexicons): the rules' word lists (`resources.entity_lexicons()`).
    RETURNS (list[Entity]): the document's entities, ids in order of first mention.
    """
    context = Context(text, tokens, sentence_of, lexicons)
    return resolve(context, apply_rules(context, model_mentions(text, context.tokens, labels)))


@register_stage("marsad.entities.v1", requires=("tokens", "sentences"), assigns=("entities",))
class EntityStage:
    """Finds the people, organisations and places of a document, each with all its mentions."""

    def __init__(self, tagger: Tagger | None = None, lexicons: Lexicons | None = None):
        self.tagger = tagger if tagger is not None else resources.ner_tagger()
        self.lexicons = lexicons if lexicons is not None else resources.entity_lexicons()

    def __call__(self, doc: Document) -> Document:
        sentence_of = sentence_index(doc.tokens, doc.sentences)
        sentences: list[list[Token]] = []
        first = 0
        for index in range(1, len(doc.tokens) + 1):
            if index == len(doc.tokens) or sentence_of[index] != sentence_of[first]:
                sentences.append(doc.tokens[first:index])
                first = index
        # All sentences at once: the neural tagger runs them through its LSTM together.
        labels = [label for sentence in self.tagger.predict_many(sentences) for label in sentence]
        doc.entities = find_entities(doc.text, doc.tokens, sentence_of, labels, self.lexicons)
        return doc
