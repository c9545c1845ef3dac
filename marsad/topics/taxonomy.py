"""The analysts' taxonomy, derived (not trained) from the ANT label, lexicons and events.

ANT labels say where a site filed a story (internationalNews, middleEast, sport, economy,
technology, culture); analysts ask what it is about: politics, security, economy, sport,
technology, culture, health, society. The domain labels carry over (sport -> sport ...)
unless health or society evidence outweighs the domain's own; the two news labels are
shared among politics, security, society, health and economy in proportion to a prior plus
the article's evidence: lexicon hits on word stems (headline hits count twice) and coded
events (ASSAULT, COERCE ... are security; AGREE, CONSULT ... politics). The rules are data
files in `marsad/topics/data/`; docs/topics.md explains them.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from marsad.document import Document
from marsad.text import normalize_word
from marsad.topics.features import word_of

TAXONOMY = ("politics", "security", "economy", "sport", "technology", "culture", "health", "society")
# Labels whose evidence may take a domain label's probability (a vaccine story filed as technology).
OVERRIDING = ("health", "society")
HEADLINE_WEIGHT = 2.0
MIN_PREFIX = 3


def _rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class TermLexicon:
    """Stems, stem prefixes and stem sequences, each pointing at the taxonomy labels they support."""

    words: dict[str, tuple[str, ...]]
    prefixes: dict[str, tuple[str, ...]]
    phrases: dict[tuple[str, ...], tuple[str, ...]]

    @classmethod
    def from_file(cls, path: Path) -> TermLexicon:
        words: dict[str, list[str]] = defaultdict(list)
        prefixes: dict[str, list[str]] = defaultdict(list)
        phrases: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for label, terms in _rows(path):
            for term in terms.split(","):
                parts = tuple(normalize_word(part) for part in term.strip().rstrip("*").split())
                if len(parts) > 1:
                    phrases[parts].append(label)
                elif term.strip().endswith("*"):
                    prefixes[parts[0]].append(label)
                else:
                    words[parts[0]].append(label)
        return cls(
            {k: tuple(v) for k, v in words.items()},
            {k: tuple(v) for k, v in prefixes.items()},
            {k: tuple(v) for k, v in phrases.items()},
        )

    @functools.cached_property
    def longest_phrase(self) -> int:
        return max((len(phrase) for phrase in self.phrases), default=1)

    @functools.cached_property
    def phrase_starts(self) -> frozenset[str]:
        """First words of the phrases: only there is a run of stems worth looking up."""
        return frozenset(phrase[0] for phrase in self.phrases)

    def labels_of(self, stem: str) -> tuple[str, ...]:
        """Labels of a single stem: an exact entry, else the longest matching prefix entry."""
        exact = self.words.get(stem)
        if exact is not None:
            return exact
        for length in range(len(stem), MIN_PREFIX - 1, -1):
            found = self.prefixes.get(stem[:length])
            if found is not None:
                return found
        return ()


@dataclass(frozen=True)
class Taxonomy:
    """Maps ANT probabilities plus a document's evidence onto the eight taxonomy labels."""

    label_map: dict[str, tuple[tuple[str, float], ...]]
    event_weights: dict[str, tuple[tuple[str, float], ...]]
    terms: TermLexicon

    @classmethod
    def from_directory(cls, folder: Path) -> Taxonomy:
        label_map: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for ant_label, label, prior in _rows(folder / "taxonomy_labels.tsv"):
            label_map[ant_label].append((label, float(prior)))
        event_weights: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for event_type, label, weight in _rows(folder / "taxonomy_events.tsv"):
            event_weights[event_type].append((label, float(weight)))
        return cls(
            {k: tuple(v) for k, v in label_map.items()},
            {k: tuple(v) for k, v in event_weights.items()},
            TermLexicon.from_file(folder / "taxonomy_terms.tsv"),
        )

    def evidence(self, doc: Document, headline_end: int = 0) -> dict[str, float]:
        """Evidence per taxonomy label: weighted lexicon hits plus asserted events."""
        found = dict.fromkeys(TAXONOMY, 0.0)
        terms = self.terms
        stems = [word_of(token) for token in doc.tokens]
        for i, stem in enumerate(stems):
            if stem is None:
                continue
            weight = HEADLINE_WEIGHT if doc.tokens[i].start < headline_end else 1.0
            for label in terms.labels_of(stem):
                found[label] += weight
            if stem in terms.phrase_starts:
                for size in range(2, terms.longest_phrase + 1):
                    for label in terms.phrases.get(tuple(stems[i : i + size]), ()):
                        found[label] += weight
        for event in doc.events:
            if event.negated or event.modality == "hypothetical":
                continue
            for label, weight in self.event_weights.get(event.type, ()):
                found[label] += weight
        return found

    def __call__(self, scores: dict[str, float], evidence: dict[str, float]) -> dict[str, float]:
        """Taxonomy probabilities from ANT probabilities (`scores`) and `evidence`.

        scores (dict[str, float]): probability per ANT label.
        evidence (dict[str, float]): evidence per taxonomy label (see `evidence`).
        RETURNS (dict[str, float]): probability per taxonomy label, summing to 1.
        """
        result = dict.fromkeys(TAXONOMY, 0.0)
        for ant_label, probability in scores.items():
            targets = self.label_map.get(ant_label, (("politics", 1.0),))
            if len(targets) == 1:
                self._domain(targets[0][0], probability, evidence, result)
                continue
            shares = [prior + evidence[label] for label, prior in targets]
            total = sum(shares)
            for (label, _), share in zip(targets, shares, strict=True):
                result[label] += probability * share / total
        total = sum(result.values()) or 1.0
        return {label: round(value / total, 4) for label, value in result.items()}

    @staticmethod
    def _domain(label: str, probability: float, evidence: dict[str, float], result: dict[str, float]) -> None:
        """A domain label keeps its probability unless health/society evidence dominates its own."""
        own = evidence[label]
        overriding = {other: evidence[other] for other in OVERRIDING if other != label}
        rival = sum(overriding.values())
        if rival <= own:
            result[label] += probability
            return
        moved = probability * (rival - own) / (rival + own)
        result[label] += probability - moved
        for other, weight in overriding.items():
            result[other] += moved * weight / rival
