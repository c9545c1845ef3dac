"""The trained NER tagger: a CRF and a BiLSTM-CRF network, their marginals averaged.

Two models label the tokens of a sentence in IOB2 over PERSON, ORG, GPE, LOC, FAC and
MISC, both trained by `marsad train ner` (`marsad.training.ner`) on ANERcorp, AQMAR and
FANE with the same sparse features (`marsad.entities.features`):

- a linear-chain CRF (trained with CRFsuite, its weights in `data/ner-crf.npz`), which
  reads each token's features and those of the two tokens either side;
- a BiLSTM-CRF network (`data/ner-network.npz`, run with numpy by
  `marsad.entities.neural`), which adds word vectors learned on unlabelled news and a
  character CNN, and reads the whole sentence.

Each gives every token a probability per label (the CRF's and the network's marginals);
the tagger averages the two and picks the best valid IOB2 sequence over the averages.
The two make different mistakes: on the held-out development set the average scores
above either alone (docs/ner.md). Without a network (tests, the CRF's own experiments)
the tagger is the CRF alone. Load the shipped one with `resources.ner_tagger()`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from marsad.document import Token
from marsad.entities import crf
from marsad.entities.features import FeatureExtractor, Lexicons
from marsad.entities.neural import BiLstmCrf


class NerTagger:
    """Labels the tokens of sentences; build the shipped one with `resources.ner_tagger()`.

    crf_path (Path): the feature CRF's arrays (`ner-crf.npz`).
    lexicons (Lexicons): the tables the models were trained with.
    network_path (Path | None): the network (`ner-network.npz`) to average with, if any.
    """

    def __init__(self, crf_path: Path, lexicons: Lexicons, network_path: Path | None = None):
        self.crf = crf.FeatureCrf(crf_path)
        self.features = FeatureExtractor(lexicons)
        self.network = BiLstmCrf(network_path, self.features) if network_path is not None else None

    def predict(self, tokens: list[Token]) -> list[str]:
        """One IOB2 label per token of ONE sentence: 'O', 'B-PERSON', 'I-PERSON', ...

        tokens (list[Token]): the sentence's tokens (from `marsad.text.tokenize`).
        RETURNS (list[str]): the labels, always a valid IOB2 sequence.
        """
        return self.predict_many([tokens])[0]

    def predict_many(self, sentences: Sequence[list[Token]]) -> list[list[str]]:
        """One IOB2 label list per sentence; all sentences go through the models together."""
        present = [tokens for tokens in sentences if tokens]
        if not present:
            return [[] for _ in sentences]
        lengths = np.array([len(tokens) for tokens in present])
        phrases = [self.features.phrase_features(tokens) for tokens in present]
        scores = self.crf.scores(self.features, present, phrases, int(lengths.max()))
        crf_layer = (self.crf.transitions, self.crf.start, self.crf.end)
        if self.network is None:
            probabilities = crf.marginals(scores, lengths, *crf_layer)
        else:
            # Both models' marginals in one pass (a leading model axis), then their average.
            both = np.stack([scores, self.network.emissions(present, phrases)[0]])
            layers = (np.stack(pair) for pair in zip(crf_layer, self.network.crf_layer, strict=True))
            probabilities = crf.marginals(both, lengths, *layers).mean(axis=0)
        self.features.forget()
        labelled = iter(crf.best_sequences(probabilities, lengths))
        return [next(labelled) if tokens else [] for tokens in sentences]


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
