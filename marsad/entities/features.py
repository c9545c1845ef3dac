"""Token features for the NER tagger, shared by training and inference.

Every feature is computed from Marsad `Token`s (normalised form, clitic split, kind), so
the model sees the same thing whether a sentence came from a CoNLL file or a news page.
What a token contributes depends only on its surface form, so it is computed once per
form and cached (`FeatureExtractor.views`); a sentence then costs a few list joins per
token plus one pass of phrase matching against the lexicon. The lexicons are
evidence, not answers: the model learns how far to trust them.

- word: normalised form, stem without clitics, proclitic and enclitic, stem prefixes and
  suffixes, length, kind (Arabic, Latin, number, punctuation), capitalisation of Latin.
- word representations: two cluster ids of the stem, learned on unlabelled news
  (`data/ner-clusters.tsv.gz`), and a log-frequency band from the text layer's table.
- lexicons (`data/ner-lexicon.tsv.gz`): phrases matched over stems, longest first, with
  their position (B/I): countries, provinces, cities, actors, given names, surnames.
- trigger words (`data/ner-triggers.tsv`): titles, organisation and place head nouns.
- context: words, stems, clusters and triggers of the two tokens either side.
"""

from __future__ import annotations

import gzip
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marsad import resources
from marsad.document import Token
from marsad.text import tokenize

MAX_PHRASE = 6
_CACHE_LIMIT = 300_000


@dataclass(slots=True)
class Lexicons:
    """The tables the features read; all keys are stems (see `phrase_key`).

    clusters: stem -> (coarse cluster id, fine cluster id).
    phrases: tuple of stems -> classes (COUNTRY, STATE, CITY, ACTOR, GIVEN, ...).
    triggers: stem -> classes (TITLE, ORG, GPE, LOC, FAC, SPEECH).
    frequencies: normalised form -> count in unlabelled news.
    """

    clusters: dict[str, tuple[str, str]] = field(default_factory=dict)
    phrases: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    triggers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    frequencies: dict[str, int] = field(default_factory=dict)


def phrase_key(text: str) -> tuple[str, ...]:
    """The stems of a phrase, as the lexicons key it (`مدينة الموصل` -> (مدينه, موصل))."""
    return tuple(token.stem for token in tokenize(text) if token.kind != "punct" and token.stem)


def read_triggers(path: Path) -> dict[str, tuple[str, ...]]:
    """Reads `WORD<TAB>CLASS` lines (see `data/ner-triggers.tsv`)."""
    triggers: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, kind, *_ = line.split("\t")
        for stem in phrase_key(word):
            triggers.setdefault(stem, set()).add(kind)
    return {stem: tuple(sorted(kinds)) for stem, kinds in triggers.items()}


def read_clusters(path: Path) -> dict[str, tuple[str, str]]:
    """Reads `stem<TAB>coarse<TAB>fine` lines (gzipped)."""
    clusters: dict[str, tuple[str, str]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            stem, coarse, fine = line.rstrip("\n").split("\t")
            clusters[stem] = (coarse, fine)
    return clusters


def read_phrases(path: Path) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Reads `CLASS<TAB>stem stem ...` lines (gzipped) into phrase -> classes."""
    phrases: dict[tuple[str, ...], set[str]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            kind, _, phrase = line.rstrip("\n").partition("\t")
            phrases.setdefault(tuple(phrase.split(" ")), set()).add(kind)
    return {phrase: tuple(sorted(kinds)) for phrase, kinds in phrases.items()}


def load_lexicons(data_dir: Path) -> Lexicons:
    """The lexicons shipped in `data_dir` (the package's `marsad/entities/data`)."""
    return Lexicons(
        clusters=read_clusters(data_dir / "ner-clusters.tsv.gz"),
        phrases=read_phrases(data_dir / "ner-lexicon.tsv.gz"),
        triggers=read_triggers(data_dir / "ner-triggers.tsv"),
        frequencies=resources.word_frequencies(),
    )


def word_form(token: Token) -> str:
    """The word of word features and word pairs: the normalised form, digits as 0,
    Latin lower-cased."""
    if token.kind == "number":
        return "".join("0" if c.isdigit() else c for c in token.norm)
    if token.kind == "latin":
        return token.norm.lower()
    return token.norm


def _length_band(length: int) -> str:
    return str(min(length, 8))


class FeatureExtractor:
    """Turns a sentence of Marsad tokens into one feature list per token."""

    def __init__(self, lexicons: Lexicons):
        self.lexicons = lexicons
        self._cache: dict[str, tuple[list[str], list[str], list[str], list[str], list[str], str]] = {}
        # The lengths of the phrases each first stem begins, longest first: most words begin
        # none, and phrase matching then costs them one look-up.
        lengths: dict[str, set[int]] = {}
        for phrase in lexicons.phrases:
            if len(phrase) <= MAX_PHRASE:
                lengths.setdefault(phrase[0], set()).add(len(phrase))
        self._phrase_lengths = {first: sorted(found, reverse=True) for first, found in lengths.items()}

    def views(self, token: Token) -> tuple[list[str], list[str], list[str], list[str], list[str], str]:
        """Features of a token on its own, and the shorter sets its neighbours see.

        RETURNS (tuple): own features, then as seen from two before, one before, one after
            and two after, then the word itself (for the word-bigram feature).
        """
        key = token.text
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        lexicons = self.lexicons
        kind = token.kind
        norm = word_form(token)
        stem = norm if kind in ("number", "latin") else token.stem or norm
        coarse, fine = lexicons.clusters.get(stem, ("?", "?"))
        triggers = lexicons.triggers.get(stem, ())
        own = [
            "b", "w=" + norm, "s=" + stem, "k=" + kind, "c1=" + coarse, "c2=" + fine,
            "p=" + token.prefix, "e=" + token.suffix, "l=" + _length_band(len(stem)),
            "s2=" + stem[:2], "s3=" + stem[:3], "x1=" + stem[-1:], "x2=" + stem[-2:], "x3=" + stem[-3:],
        ]  # fmt: skip
        if kind == "arabic":
            count = lexicons.frequencies.get(token.norm, 0)
            own.append("f=" + str(int(math.log2(count + 1))))
        elif kind == "latin":
            text = token.text
            own.append("cap=" + ("A" if text.isupper() else "a" if text[:1].isupper() else "x"))
        own.extend("t=" + trigger for trigger in triggers)
        near = ["w=" + norm, "s=" + stem, "c2=" + fine, "k=" + kind, "p=" + token.prefix]
        near.extend("t=" + trigger for trigger in triggers)
        far = ["s=" + stem, "c1=" + coarse]
        far.extend("t=" + trigger for trigger in triggers)
        result = (
            own,
            ["-2" + f for f in far],
            ["-1" + f for f in near],
            ["+1" + f for f in near],
            ["+2" + f for f in far],
            norm,
        )
        if len(self._cache) < _CACHE_LIMIT:
            self._cache[key] = result
        return result

    def phrase_features(self, tokens: Sequence[Token]) -> list[list[str]]:
        """Lexicon phrases found in the sentence, longest match first, as B/I features."""
        found: list[list[str]] = [[] for _ in tokens]
        phrases = self.lexicons.phrases
        phrase_lengths = self._phrase_lengths
        stems = [t.stem if t.kind != "number" else "" for t in tokens]
        count = len(tokens)
        for start in range(count):
            if not stems[start] or stems[start] not in phrase_lengths:
                continue
            for length in phrase_lengths[stems[start]]:
                if start + length > count:
                    continue
                kinds = phrases.get(tuple(stems[start : start + length]))
                if kinds is None:
                    continue
                for kind in kinds:
                    found[start].append("g=B" + kind)
                    for inside in range(start + 1, start + length):
                        found[inside].append("g=I" + kind)
                break
        return found

    def token_features(self, tokens: Sequence[Token]) -> tuple[list[list[str]], list[list[str]]]:
        """Each token's own features and its lexicon-phrase features, without context
        (the neural tagger reads context with its LSTM). The own lists are shared cache
        entries: read them, do not change them."""
        return [self.views(token)[0] for token in tokens], self.phrase_features(tokens)

    def sentence(self, tokens: Sequence[Token]) -> list[list[str]]:
        """Features of each token of one sentence."""
        local = [self.views(token) for token in tokens]
        phrase = self.phrase_features(tokens)
        count = len(tokens)
        features: list[list[str]] = []
        for index in range(count):
            own = local[index]
            row = own[0] + phrase[index]
            if index:
                row.extend("-1" + f for f in phrase[index - 1])
            else:
                row.append("BOS")
            if index + 1 < count:
                row.extend("+1" + f for f in phrase[index + 1])
            if index >= 2:
                row += local[index - 2][1]
            if index >= 1:
                row += local[index - 1][2]
                row.append("ww=" + local[index - 1][5] + "|" + own[5])
            if index + 1 < count:
                row += local[index + 1][3]
                row.append("wn=" + own[5] + "|" + local[index + 1][5])
            else:
                row.append("EOS")
            if index + 2 < count:
                row += local[index + 2][4]
            features.append(row)
        return features

    def forget(self) -> None:
        """Drops the cached features. The tagger sums them once per form into its own
        caches and calls this after each article: strings cost ~4 KB a form, and a
        long-running process would otherwise keep them for every form it ever saw."""
        self._cache.clear()

    def sentences(self, sentences: Iterable[Sequence[Token]]) -> list[list[list[str]]]:
        return [self.sentence(tokens) for tokens in sentences]
