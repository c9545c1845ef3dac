"""The extractive summary: one to three whole sentences of the article, in article order.

News states its main point first, so the summary always keeps the lead: the first
sentence of the body that is not a repetition of the headline. A short lead is joined by
the most salient other sentences, and the sentence reporting the key event
(`marsad.topics.gist.top_event`) joins when the summary stays short. A sentence's salience is the
TF-IDF weight of the terms and names it holds (`marsad.topics.keywords`), per square root
of its length so that long sentences do not win by size, lowered the further it stands
from the top. A sentence that repeats one already kept, or the headline, is dropped.
The headline is never part of the summary; an article without a body has none.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from marsad.document import Document, Event, Sentence
from marsad.topics.keywords import TermCounts

# At most this many sentences. A lead shorter than MIN_SUMMARY_WORDS is joined by the most
# salient other sentences until the summary has that many words; the key event's sentence
# joins when the summary stays within EVENT_BUDGET words. Both were tuned on 600 ANT training
# articles against their abstracts (see docs/topics.md): every sentence beyond what the
# abstract covers costs ROUGE precision, so the summary stays close to one lead's length.
MAX_SENTENCES = 3
MIN_SUMMARY_WORDS = 12
EVENT_BUDGET = 25
# A sentence needs this many words to stand alone (drops captions, bylines, "وأضاف:").
MIN_WORDS = 5
# Two sentences sharing this much of their terms (of the shorter one's) say the same; a
# sentence with this much of its terms in the headline repeats the headline.
DUPLICATE_OVERLAP = 0.7
HEADLINE_OVERLAP = 0.9
# Salience is divided by 1 + POSITION_DECAY * (the sentence's rank in the body).
POSITION_DECAY = 0.2


@dataclass(frozen=True, slots=True)
class _Candidate:
    rank: int
    sentence: Sentence
    words: int
    terms: frozenset[str]
    salience: float


def summarize(
    doc: Document, counts: TermCounts, weights: dict[str, float], key_event: Event | None = None
) -> list[str]:
    """The summary sentences of `doc`, each its exact text, in article order.

    doc (Document): the article, with tokens and sentences.
    counts (TermCounts): its terms per token (`KeywordExtractor.count`).
    weights (dict[str, float]): each term's TF-IDF weight (`KeywordExtractor.weights`).
    key_event (Event | None): the event the summary must report, when there is one.
    RETURNS (list[str]): one to three sentences; empty when the article has no body.
    """
    candidates = _candidates(doc, counts, weights)
    if not candidates:
        return []
    chosen = [candidates[0]]
    for candidate in sorted(candidates[1:], key=lambda c: (-c.salience, c.rank)):
        if sum(c.words for c in chosen) >= MIN_SUMMARY_WORDS:
            break
        _keep(chosen, candidate, budget=None)
    if key_event is not None:
        for candidate in candidates:
            if candidate.sentence.start <= key_event.trigger.start < candidate.sentence.end:
                _keep(chosen, candidate, budget=EVENT_BUDGET)
                break
    chosen.sort(key=lambda c: c.rank)
    return [doc.text[c.sentence.start : c.sentence.end].strip() for c in chosen]


def _keep(chosen: list[_Candidate], candidate: _Candidate, budget: int | None) -> None:
    """Adds `candidate` unless it is kept already, repeats a kept one, or overruns the budget."""
    if len(chosen) >= MAX_SENTENCES or any(c.rank == candidate.rank for c in chosen):
        return
    if any(_repeats(candidate.terms, c.terms) for c in chosen):
        return
    if budget is not None and sum(c.words for c in chosen) + candidate.words > budget:
        return
    chosen.append(candidate)


def _repeats(terms: frozenset[str], other: frozenset[str]) -> bool:
    shorter = min(len(terms), len(other))
    return shorter > 0 and len(terms & other) >= DUPLICATE_OVERLAP * shorter


def _candidates(doc: Document, counts: TermCounts, weights: dict[str, float]) -> list[_Candidate]:
    """The body's sentences that can stand in a summary, with their terms and salience."""
    body_start = doc.body_start
    tokens = doc.tokens
    headline_terms = frozenset(
        term
        for token, term in zip(tokens, counts.token_terms, strict=True)
        if term and token.end < body_start
    )
    name_starts = {first: term for term, spans in counts.name_spans.items() for first, _end in spans}
    candidates: list[_Candidate] = []
    index = 0
    for sentence in doc.sentences:
        if sentence.start < body_start:
            continue
        terms: set[str] = set()
        words = 0
        while index < len(tokens) and tokens[index].start < sentence.start:
            index += 1
        while index < len(tokens) and tokens[index].end <= sentence.end:
            token = tokens[index]
            if token.kind in ("arabic", "latin", "number"):
                words += 1
            term = counts.token_terms[index] or name_starts.get(index)
            if term:
                terms.add(term)
            index += 1
        if words < MIN_WORDS or not terms:
            continue
        frozen = frozenset(terms)
        if headline_terms and _repeats_headline(frozen, headline_terms, HEADLINE_OVERLAP):
            continue
        rank = len(candidates)
        mass = sum(weights.get(term, 0.0) for term in frozen)
        salience = mass / math.sqrt(words) / (1.0 + POSITION_DECAY * rank)
        candidates.append(_Candidate(rank, sentence, words, frozen, salience))
    return candidates


def _repeats_headline(terms: frozenset[str], headline_terms: frozenset[str], overlap: float) -> bool:
    """A sentence that says no more than the headline: nearly all its terms are there."""
    return len(terms & headline_terms) >= overlap * len(terms)
