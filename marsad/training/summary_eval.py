"""Scores summaries against reference abstracts with ROUGE-1, ROUGE-2 and ROUGE-L.

ROUGE is computed by the `rouge-score` package (the Google re-implementation of
ROUGE-1.5.5) on Marsad's own tokens: words and numbers in their matching-normalised form
(`marsad.text`), so that أكد and اكد, or ٢٠١٨ and 2018, count as the same token. The
package's own tokenizer keeps only Latin letters and digits and would drop every Arabic
word, so a tokenizer object of ours is passed in; no stemming.

Next to the system, two baselines are scored on the same articles: the first body
sentence (lead-1) and the first three (lead-3), split by the same sentence splitter.
Many news abstracts are simply the article's first paragraph, where lead-1 wins by
construction; `only_nonlead` keeps the articles whose abstract is not copied from there.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.document import Document
from marsad.errors import MarsadError
from marsad.text import tokenize

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")
_WORD_KINDS = frozenset({"arabic", "latin", "number"})


class NormalizedTokenizer:
    """The tokenizer `rouge_score.RougeScorer` calls: Marsad's normalised word tokens."""

    def tokenize(self, text: str) -> list[str]:
        return normalized_tokens(text)


def normalized_tokens(text: str) -> list[str]:
    return [token.norm for token in tokenize(text) if token.kind in _WORD_KINDS]


@dataclass(frozen=True, slots=True)
class ReferenceArticle:
    title: str | None
    text: str
    reference: str
    published: str | None = None


def read_reference_articles(path: Path, reference_field: str = "abstract") -> Iterator[ReferenceArticle]:
    """Articles with a non-empty reference from JSON Lines (gzipped when the name ends in .gz).

    Each line is an object with `text`, the reference field and optionally `title` and
    `published`; lines without a reference are skipped, a line that is not such an
    object is an error.
    """
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    raise MarsadError("E951", source=str(path), line=number, detail=str(error)) from None
                if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                    raise MarsadError("E951", source=str(path), line=number, detail="no 'text' string")
                reference = record.get(reference_field)
                if isinstance(reference, str) and reference.strip() and record["text"].strip():
                    yield ReferenceArticle(
                        record.get("title"), record["text"], reference.strip(), record.get("published")
                    )
    except OSError as error:
        raise MarsadError("E952", source=str(path), detail=error.strerror or str(error)) from None


def is_lead_reference(reference: str, body: str) -> bool:
    """Whether the reference is copied from the body's first paragraph.

    True when the reference's tokens (all but the last, which a truncated abstract may
    cut short) occur in a row in the body, starting within its first paragraph: the
    abstract is the first paragraph, part of it, or its start running on into the next.
    """
    wanted = normalized_tokens(reference)
    if len(wanted) > 1:
        wanted = wanted[:-1]
    if not wanted:
        return False
    words = normalized_tokens(body)
    first_paragraph = len(normalized_tokens(body.strip().split("\n", 1)[0]))
    size = len(wanted)
    return any(words[i : i + size] == wanted for i in range(min(first_paragraph, len(words))))


def lead_sentences(doc: Document, count: int) -> list[str]:
    """The first `count` sentences of the body (the headline is not one of them)."""
    body = [s for s in doc.sentences if s.start >= doc.body_start]
    return [doc.text[s.start : s.end].strip() for s in body[:count]]


@dataclass
class RougeTotals:
    """Sums of precision, recall and F per ROUGE type, averaged on reading."""

    sums: dict[str, list[float]] = field(default_factory=lambda: {t: [0.0, 0.0, 0.0] for t in ROUGE_TYPES})
    count: int = 0

    def add(self, scores: dict[str, Any]) -> None:
        for rouge_type in ROUGE_TYPES:
            score = scores[rouge_type]
            for index, value in enumerate((score.precision, score.recall, score.fmeasure)):
                self.sums[rouge_type][index] += value
        self.count += 1

    def mean(self) -> dict[str, dict[str, float]]:
        n = self.count or 1
        return {
            rouge_type: dict(zip(("precision", "recall", "f"), (v / n for v in values), strict=True))
            for rouge_type, values in self.sums.items()
        }


@dataclass
class SummaryScores:
    articles: int = 0
    skipped_lead: int = 0
    systems: dict[str, RougeTotals] = field(
        default_factory=lambda: {name: RougeTotals() for name in ("marsad", "lead-1", "lead-3")}
    )

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "skipped_lead_references": self.skipped_lead,
            "scores": {name: totals.mean() for name, totals in self.systems.items()},
        }


def rouge_scorer() -> Any:
    """A `rouge_score.RougeScorer` over normalised Arabic tokens."""
    try:
        from rouge_score.rouge_scorer import RougeScorer
    except ImportError:
        raise MarsadError("E950", package="rouge-score") from None
    return RougeScorer(list(ROUGE_TYPES), tokenizer=NormalizedTokenizer())


def evaluate(
    articles: Iterator[ReferenceArticle],
    analyze: Callable[[ReferenceArticle], Document],
    *,
    only_nonlead: bool = True,
    limit: int | None = None,
) -> SummaryScores:
    """Scores `Document.summary` and the lead baselines against each article's reference."""
    scorer = rouge_scorer()
    scores = SummaryScores()
    for article in articles:
        if limit is not None and scores.articles >= limit:
            break
        if only_nonlead and is_lead_reference(article.reference, article.text):
            scores.skipped_lead += 1
            continue
        doc = analyze(article)
        candidates = {
            "marsad": doc.summary,
            "lead-1": lead_sentences(doc, 1),
            "lead-3": lead_sentences(doc, 3),
        }
        for name, sentences in candidates.items():
            scores.systems[name].add(scorer.score(article.reference, "\n".join(sentences)))
        scores.articles += 1
    return scores
