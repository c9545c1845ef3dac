"""The trained NER tagger: a linear-chain CRF over Marsad tokens, one sentence at a time.

The model (`data/ner.crfsuite`) is trained by `marsad train ner` (see
`marsad.training.ner`) on ANERcorp, AQMAR and FANE; it labels tokens in IOB2 over
PERSON, ORG, GPE, LOC, FAC and MISC. Load the shipped one with `resources.ner_tagger()`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pycrfsuite

from marsad.document import Token
from marsad.entities.features import FeatureExtractor, Lexicons
from marsad.errors import MarsadError

ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "MISC")


class NerTagger:
    """Labels the tokens of one sentence; build the shipped one with `resources.ner_tagger()`.

    model_path (Path): a CRFsuite model file.
    lexicons (Lexicons): the tables the model was trained with.
    """

    def __init__(self, model_path: Path, lexicons: Lexicons):
        if not model_path.is_file():
            raise MarsadError("E292", source=str(model_path))
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))
        self.features = FeatureExtractor(lexicons)

    def predict(self, tokens: list[Token]) -> list[str]:
        """One IOB2 label per token of ONE sentence: 'O', 'B-PERSON', 'I-PERSON', ...

        tokens (list[Token]): the sentence's tokens (from `marsad.text.tokenize`).
        RETURNS (list[str]): the labels, always a valid IOB2 sequence.
        """
        if not tokens:
            return []
        return repair_iob2(self._tagger.tag(self.features.sentence(tokens)))

    def predict_many(self, sentences: Sequence[list[Token]]) -> list[list[str]]:
        return [self.predict(tokens) for tokens in sentences]


def repair_iob2(labels: Sequence[str]) -> list[str]:
    """Turns an I- that does not continue a mention of its type into a B-."""
    repaired: list[str] = []
    previous = "O"
    for label in labels:
        if label.startswith("I-") and previous[2:] != label[2:]:
            label = "B-" + label[2:]
        repaired.append(label)
        previous = label
    return repaired


def label_spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token ranges `[start, end)` and types of the mentions in an IOB2 label sequence."""
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for index, label in enumerate([*labels, "O"]):
        if label.startswith("I-") and label[2:] == kind and start >= 0:
            continue
        if start >= 0:
            spans.append((start, index, kind))
            start, kind = -1, ""
        if label != "O":
            start, kind = index, label[2:]
    return spans
