"""Helpers for the entity tests: sentences written with hand-given tagger labels.

A test writes `[[الغبان|PERSON]]` around the words a tagger would label (a token that the
markup touches is labelled whole, as a tagger labels `والغبان`); `annotate` returns the
plain text and one IOB2 label per token, so that the rules and coreference
are tested on exactly the labels given, independent of the trained model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad import resources
from marsad.document import Entity, Token
from marsad.entities.rules import Lexicons
from marsad.entities.stage import find_entities, sentence_index
from marsad.text import split_sentences, tokenize

MARKUP = re.compile(r"\[\[(.+?)\|([A-Z]+)\]\]")


@dataclass
class Annotated:
    text: str
    tokens: list[Token]
    labels: list[str]


def annotate(marked: str) -> Annotated:
    """Plain text and IOB2 labels from `[[words|TYPE]]` markup."""
    pieces, spans, position = [], [], 0
    for match in MARKUP.finditer(marked):
        pieces.append(marked[position : match.start()])
        start = sum(len(p) for p in pieces)
        pieces.append(match.group(1))
        spans.append((start, start + len(match.group(1)), match.group(2)))
        position = match.end()
    pieces.append(marked[position:])
    text = "".join(pieces)
    tokens = tokenize(text)
    labels = ["O"] * len(tokens)
    for start, end, type_ in spans:
        inside = [i for i, t in enumerate(tokens) if t.start < end and start < t.end]
        for n, i in enumerate(inside):
            labels[i] = ("B-" if n == 0 else "I-") + type_
    return Annotated(text, tokens, labels)


def entities_of(marked: str, lexicons: Lexicons | None = None) -> tuple[str, list[Entity]]:
    """The text and the entities `find_entities` makes of it with the hand-given labels
    (and the shipped word lists, unless others are given)."""
    annotated = annotate(marked)
    sentences = split_sentences(annotated.text, annotated.tokens)
    sentence_of = sentence_index(annotated.tokens, sentences)
    lexicons = lexicons or resources.entity_lexicons()
    return annotated.text, find_entities(
        annotated.text, annotated.tokens, sentence_of, annotated.labels, lexicons
    )


def by_name(entities: list[Entity], name: str) -> Entity:
    found = [e for e in entities if e.name == name]
    assert len(found) == 1, [(e.name, e.type) for e in entities]
    return found[0]


def mention_texts(entity: Entity) -> list[str]:
    return [m.text for m in entity.mentions]
