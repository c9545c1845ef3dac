"""Clitic analysis: which letters of an Arabic word are attached particles and pronouns.

`والغبان` is و + ال + غبان and `بالعراق` is ب + ال + عراق, but `بغداد`, `وزير` and
`كركوك` are whole words that merely start with those letters. The analysis is never
destructive: the token keeps its text, and the split is an annotation. It is decided by
evidence from a word-frequency table of unlabelled Arabic news (`data/wordfreq.tsv.gz`,
built by `marsad train wordfreq`): a split is taken when the remaining stem is clearly
more common on its own than the whole word. The definite article, written with a bare
alef, is split on its own evidence; words the table has never seen keep every letter
but a leading conjunction plus article.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path

# A split needs the remaining stem to be seen at least this often relative to the whole
# word, and at least MIN_EVIDENCE times: news writes وقال more often than قال, but never
# writes زير where it writes وزير.
MIN_RATIO = 0.5
MIN_EVIDENCE = 5
MIN_STEM = 2
MIN_STEM_WITH_ENCLITIC = 3
# An unseen word loses a bare leading و only when what is left is this long.
MIN_UNSEEN_STEM_AFTER_CONJ = 4


@dataclass(frozen=True, slots=True)
class CliticSplit:
    """Lengths of the proclitic and enclitic parts of a word (in mark-free letters)."""

    prefix: int
    suffix: int


@dataclass(frozen=True, slots=True)
class CliticInventory:
    conjunctions: tuple[str, ...]
    prepositions: tuple[str, ...]
    future: tuple[str, ...]
    article: str
    enclitics: tuple[str, ...]
    lexical: frozenset[str]

    @classmethod
    def from_file(cls, path: Path) -> CliticInventory:
        kinds: dict[str, list[str]] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            kind, form, *_ = line.split("\t")
            kinds.setdefault(kind, []).append(form)
        return cls(
            conjunctions=tuple(kinds.get("conj", ())),
            prepositions=tuple(kinds.get("prep", ())),
            future=tuple(kinds.get("future", ())),
            article=kinds["article"][0],
            enclitics=tuple(sorted(kinds.get("enclitic", ()), key=len, reverse=True)),
            lexical=frozenset(kinds.get("lexical", ())),
        )


def read_word_frequencies(path: Path) -> dict[str, int]:
    """Reads `form<TAB>count` lines (gzipped) into a dict."""
    frequencies: dict[str, int] = {}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            form, _, count = line.rstrip("\n").partition("\t")
            frequencies[form] = int(count)
    return frequencies


class CliticAnalyzer:
    """Splits words into proclitics, stem and enclitic; results are cached per word."""

    def __init__(self, inventory: CliticInventory, frequencies: dict[str, int]):
        self.inventory = inventory
        self.frequencies = frequencies
        self._cache: dict[tuple[str, str], CliticSplit] = {}
        self._proclitics = self._proclitic_sequences(inventory)

    @staticmethod
    def _proclitic_sequences(inventory: CliticInventory) -> list[tuple[str, int, bool]]:
        """All proclitic strings with their clitic count and whether they end in the article.

        ل + ال is written لل, the article's alef dropping after the preposition.
        """
        article = inventory.article
        sequences: dict[str, tuple[int, bool]] = {}
        for conj in ("", *inventory.conjunctions):
            for particle in ("", *inventory.prepositions, *inventory.future):
                for with_article in (False, True):
                    if with_article and particle in inventory.future:
                        continue
                    if with_article and particle == "ل":
                        written = conj + "لل"
                    else:
                        written = conj + particle + (article if with_article else "")
                    if written:
                        count = bool(conj) + bool(particle) + with_article
                        sequences[written] = (count, with_article)
        return sorted(
            ((form, count, article_) for form, (count, article_) in sequences.items()),
            key=lambda item: -len(item[0]),
        )

    def _supported(self, evidence_form: str, whole_count: int) -> int:
        """The stem's count when it is evidence enough for a split, else 0."""
        count = self.frequencies.get(evidence_form, 0)
        return count if count >= MIN_EVIDENCE and count >= MIN_RATIO * whole_count else 0

    def analyze(self, marks_stripped: str, normalized: str) -> CliticSplit:
        """Splits one word.

        marks_stripped (str): the word without marks, alef variants kept (see
            `Normalizer.strip_marks`); the article is recognised here as a bare-alef ال.
        normalized (str): the same word fully normalised, aligned letter for letter.
        RETURNS (CliticSplit): how many leading and trailing letters are clitics.
        """
        key = (marks_stripped, normalized)
        split = self._cache.get(key)
        if split is None:
            split = self._analyze(marks_stripped, normalized)
            self._cache[key] = split
        return split

    def _analyze(self, light: str, norm: str) -> CliticSplit:
        if len(norm) < 3 or norm in self.inventory.lexical:
            return CliticSplit(0, 0)
        article = self.inventory.article
        whole_count = self.frequencies.get(norm, 0)
        best_prefix, best_evidence, best_has_article = 0, 0, False
        fallback_prefix = 0
        for form, _count, has_article in self._proclitics:  # longest first
            if not light.startswith(form) or len(norm) - len(form) < MIN_STEM:
                continue
            rest = norm[len(form) :]
            if has_article and article + rest in self.inventory.lexical:
                continue  # والتي is و + التي, not و + ال + تي
            if has_article and not fallback_prefix:
                # A bare-alef ال before two letters or more is the article even in a word the
                # table has never seen (الغبان); conjunction and preposition come with it.
                fallback_prefix = len(form)
            evidence = self._supported(article + rest if has_article else rest, whole_count)
            if evidence > best_evidence:
                best_prefix, best_evidence, best_has_article = len(form), evidence, has_article
        if best_prefix == 0 and fallback_prefix:
            best_prefix, best_has_article = fallback_prefix, True
        if best_prefix == 0 and whole_count == 0:
            conj = next((c for c in self.inventory.conjunctions if c == "و"), None)
            if conj and light.startswith(conj) and len(norm) - 1 >= MIN_UNSEEN_STEM_AFTER_CONJ:
                best_prefix = 1
        suffix = 0 if best_has_article else self._enclitic(light, norm, best_prefix)
        return CliticSplit(best_prefix, suffix)

    def _enclitic(self, light: str, norm: str, prefix: int) -> int:
        body = norm[prefix:]
        if body in self.inventory.lexical or light.endswith("ة"):
            return 0
        body_count = self.frequencies.get(body, 0)
        for enclitic in self.inventory.enclitics:  # longest first
            if not body.endswith(enclitic) or len(body) - len(enclitic) < MIN_STEM_WITH_ENCLITIC:
                continue
            stem = body[: -len(enclitic)]
            evidence = self._supported(stem, body_count)
            # A stem ending in ت before a pronoun is usually a ta marbuta: مدينته = مدينة + ه.
            if not evidence and stem.endswith("ت"):
                evidence = self._supported(stem[:-1] + "ه", body_count)
            if evidence:
                return len(enclitic)
        return 0
