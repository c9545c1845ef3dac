"""The features the topic classifier reads, computed the same way in training and at run time.

They come from the text layer's tokens, so the stage costs no second tokenisation: the
clitic-stripped stem of each Arabic word (الانتخابات and وللانتخابات are one feature),
lower-cased Latin words, adjacent-word pairs, the headline's words once more (a headline
says what the story is about more densely than its body) and punctuation marks (news
desks differ in their house style: `#وسم`, `(CNN)--`, `/`). Character n-grams of the
normalised words (2 to 5 letters, padded with a space at both ends) catch the morphology
the stem split misses (broken plurals, derived adjectives, transliterated names).
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.document import Token

CHAR_NGRAM_SIZES = (2, 3, 4, 5)
# The tokens that give word features, and character n-grams of their lower-cased norm.
WORD_KINDS = frozenset({"arabic", "latin"})


def word_of(token: Token) -> str | None:
    """The word feature of a token: its stem for Arabic (or its whole form when the stem is one letter)."""
    if token.kind == "arabic":
        return token.stem if len(token.stem) >= 2 else token.norm
    if token.kind == "latin":
        return token.norm.lower()
    return None


def char_ngrams(word: str) -> list[str]:
    """Character n-grams of ` word ` (so a word's edges are features of their own)."""
    padded = f" {word} "
    return [
        "c:" + padded[start : start + size]
        for size in CHAR_NGRAM_SIZES
        for start in range(len(padded) - size + 1)
    ]


class FeatureExtractor:
    """Turns a document's tokens into the list of feature strings (repeated features count)."""

    def __init__(self) -> None:
        # The same words recur across articles: their n-grams are computed once per process.
        self._ngram_cache: dict[str, list[str]] = {}

    def __call__(self, tokens: Sequence[Token], headline_end: int = 0) -> list[str]:
        """Features of `tokens`; tokens starting before `headline_end` are the headline's.

        tokens (Sequence[Token]): the text layer's tokens of the whole text.
        headline_end (int): where the headline ends in the text (0: no headline).
        RETURNS (list[str]): one string per feature occurrence.
        """
        features = self.word_features(tokens, headline_end)
        for token in tokens:
            if token.kind in WORD_KINDS:
                features.extend(self._ngrams(token.norm.lower()))
        return features

    @staticmethod
    def word_features(tokens: Sequence[Token], headline_end: int = 0) -> list[str]:
        """The features other than character n-grams: words, headline words, pairs, punctuation."""
        features: list[str] = []
        append = features.append
        previous: str | None = None
        for token in tokens:
            word = word_of(token)
            if word is None:
                if token.kind == "punct":
                    append("p:" + token.norm)
                previous = None
                continue
            append(word)
            if token.start < headline_end:
                append("t:" + word)
            if previous is not None:
                append(previous + " " + word)
            previous = word
        return features

    def _ngrams(self, norm: str) -> list[str]:
        cached = self._ngram_cache.get(norm)
        if cached is None:
            cached = char_ngrams(norm)
            if len(self._ngram_cache) < 200_000:
                self._ngram_cache[norm] = cached
        return cached
