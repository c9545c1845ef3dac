"""Keywords: the terms an article is about, weighted by TF-IDF.

A term is a word's stem as the text layer's clitic analysis gives it (والإرهاب and
للإرهاب are both ارهاب), normalised as every token is, so that one keyword facet counts
every spelling of a word together. Function words and the vocabulary of every news
report are listed in `data/stopwords.tsv` and never count. The inverse document
frequencies come from a table of how many ANT training articles each term occurs in
(`data/keyword_df.tsv.gz`, built by `marsad train keywords`): a term every article uses
says nothing about this one.

A multi-word name from the entity layer (مسعود البارزاني, الحشد الشعبي) is one term:
its mentions count for the name, not for its words, and it is as rare as its rarest word.
"""

from __future__ import annotations

import bisect
import gzip
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from marsad.document import Document, Keyword, Token
from marsad.text import normalize_word

# How many keywords an article keeps.
TOP_KEYWORDS = 10
# A headline word counts as this many body words: the headline is the writer's own
# choice of what matters.
HEADLINE_WEIGHT = 2
# Stems shorter than this are particles or clitic debris (the ه of a lost enclitic).
MIN_TERM_LENGTH = 2
_WORD_KINDS = frozenset({"arabic", "latin"})


@dataclass(frozen=True)
class DocumentFrequencies:
    """How many of `n_documents` training articles each term occurs in.

    Terms seen in a single article are left out of the shipped table; an unknown term
    counts as seen once.
    """

    n_documents: int
    counts: dict[str, int]

    def idf(self, term: str) -> float:
        """Smoothed inverse document frequency, `log((N + 1) / (df + 1)) + 1`."""
        df = self.counts.get(term, 1)
        return math.log((self.n_documents + 1) / (df + 1)) + 1.0


def read_document_frequencies(path: Path) -> DocumentFrequencies:
    """Reads the table `marsad train keywords` writes: `#` comments, `N<TAB>count`, then `term<TAB>df`."""
    n_documents = 0
    counts: dict[str, int] = {}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#") or not line.strip():
                continue
            term, _, count = line.rstrip("\n").partition("\t")
            if term == "N" and not n_documents:
                n_documents = int(count)
            else:
                counts[term] = int(count)
    return DocumentFrequencies(n_documents, counts)


def read_stopwords(path: Path) -> frozenset[str]:
    """Reads one word a line (`#` comments), normalised as tokens are."""
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            words.add(normalize_word(line.strip()))
    return frozenset(words)


def token_term(token: Token, stopwords: frozenset[str]) -> str | None:
    """The term a token counts as, or None for punctuation, numbers and stop words.

    The trainer and the extractor both call this, so the table and the article agree.
    """
    if token.kind not in _WORD_KINDS:
        return None
    if token.kind == "latin":
        term = token.norm.lower()
        return term if len(term) > MIN_TERM_LENGTH and term not in stopwords else None
    stem = token.stem or token.norm
    if len(stem) < MIN_TERM_LENGTH or stem in stopwords or token.norm in stopwords:
        return None
    return stem


@dataclass(frozen=True)
class TermCounts:
    """What an article says, counted: terms per token, and multi-word names as terms.

    `token_terms[i]` is the term of token i (None when it does not count or lies inside
    a multi-word name); `name_spans` maps a name's term to its mentions' token ranges.
    """

    token_terms: list[str | None]
    name_spans: dict[str, list[tuple[int, int]]]
    counts: Counter[str]
    name_words: dict[str, list[str]]
    # How the article writes each term (the stem without clitics, or the entity's name).
    spellings: dict[str, Counter[str]]

    def label(self, term: str) -> str:
        """The article's most frequent spelling of `term` (the first seen among equals)."""
        spellings = self.spellings.get(term)
        return spellings.most_common(1)[0][0] if spellings else term


class KeywordExtractor:
    """Weights an article's terms by TF-IDF and keeps the strongest."""

    def __init__(self, frequencies: DocumentFrequencies, stopwords: frozenset[str]):
        self.frequencies = frequencies
        self.stopwords = stopwords

    def count(self, doc: Document) -> TermCounts:
        """Counts every term of the article, headline words `HEADLINE_WEIGHT` times."""
        tokens = doc.tokens
        headline_end = doc.headline_end
        token_terms = [token_term(token, self.stopwords) for token in tokens]
        starts = [token.start for token in tokens]
        name_spans: dict[str, list[tuple[int, int]]] = {}
        name_words: dict[str, list[str]] = {}
        for entity in doc.entities:
            words = entity.name.split()
            if len(words) < 2:
                continue
            term = " ".join(normalize_word(word) for word in words)
            for mention in entity.mentions:
                # A mention may start inside a token (after its proclitics, و + الغبان).
                first = bisect.bisect_right(starts, mention.start) - 1
                last = bisect.bisect_right(starts, mention.end - 1) - 1
                if first < 0 or last < first:
                    continue
                name_spans.setdefault(term, []).append((first, last + 1))
                name_words.setdefault(term, [t for t in token_terms[first : last + 1] if t])
        for spans in name_spans.values():
            for first, end in spans:
                for index in range(first, end):
                    token_terms[index] = None
        counts: Counter[str] = Counter()
        spellings: dict[str, Counter[str]] = {}
        for token, term in zip(tokens, token_terms, strict=True):
            if term is not None:
                counts[term] += HEADLINE_WEIGHT if token.start < headline_end else 1
                written = (
                    doc.text[token.stem_start : token.stem_end] if token.kind == "arabic" else token.text
                )
                spellings.setdefault(term, Counter())[written or token.text] += 1
        for term, spans in name_spans.items():
            for first, _end in spans:
                counts[term] += HEADLINE_WEIGHT if tokens[first].start < headline_end else 1
        for entity in doc.entities:
            term = " ".join(normalize_word(word) for word in entity.name.split())
            if term in name_spans:
                spellings.setdefault(term, Counter())[entity.name] += 1
        return TermCounts(token_terms, name_spans, counts, name_words, spellings)

    def weights(self, counts: TermCounts) -> dict[str, float]:
        """Every term's TF-IDF weight, `(1 + log tf) * idf`, scaled to unit length."""
        raw: dict[str, float] = {}
        for term, count in counts.counts.items():
            if term in counts.name_spans:
                words = counts.name_words.get(term) or [term]
                idf = max(self.frequencies.idf(word) for word in words)
            else:
                idf = self.frequencies.idf(term)
            raw[term] = (1.0 + math.log(count)) * idf
        norm = math.sqrt(sum(value * value for value in raw.values())) or 1.0
        return {term: value / norm for term, value in raw.items()}

    def keywords(
        self, counts: TermCounts, weights: dict[str, float], limit: int = TOP_KEYWORDS
    ) -> list[Keyword]:
        """The `limit` heaviest terms, heaviest first (ties in term order, for stable output)."""
        ranked = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:limit]
        return [Keyword(term, round(weight, 4), counts.label(term)) for term, weight in ranked]
