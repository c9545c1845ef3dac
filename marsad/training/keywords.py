"""Builds the document-frequency table keyword weights are computed with.

Counts, for every term (a word's stem, `marsad.topics.keywords.token_term`), the ANT
training articles (title and body) it occurs in. The stop list is not applied, so the
table does not go stale when the list changes. Terms found in fewer than `MIN_DF`
articles are left out: the extractor takes an unknown term as seen once, which gives
almost the same weight, and the table stays small. The output is deterministic: sorted
by count, then term, gzipped without a timestamp.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from marsad.text import tokenize
from marsad.topics.keywords import token_term
from marsad.training import ANT_TRAIN

MIN_DF = 3


def count_document_frequencies(
    corpus: Path, log: Callable[[str], None] | None = None
) -> tuple[int, Counter[str]]:
    """RETURNS (tuple[int, Counter]): the number of articles and each term's article count."""
    no_stopwords: frozenset[str] = frozenset()
    counts: Counter[str] = Counter()
    n_documents = 0
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            text = f"{record.get('title') or ''}\n{record.get('text') or ''}"
            terms = {token_term(token, no_stopwords) for token in tokenize(text)}
            terms.discard(None)
            counts.update(terms)
            n_documents += 1
            if log and n_documents % 5000 == 0:
                log(f"{n_documents} articles")
    return n_documents, counts


def build_document_frequencies(
    data_dir: Path, out: Path, min_df: int = MIN_DF, log: Callable[[str], None] | None = None
) -> int:
    """Writes the table `marsad.topics.keywords.read_document_frequencies` reads.

    RETURNS (int): the number of terms kept.
    """
    n_documents, counts = count_document_frequencies(data_dir / ANT_TRAIN, log)
    kept = sorted(((t, c) for t, c in counts.items() if c >= min_df), key=lambda tc: (-tc[1], tc[0]))
    header = (
        "# Document frequencies of terms (stems) in the ANT corpus v2.1 training split,\n"
        "# built by `marsad train keywords`; see NOTICE for the corpus's attribution.\n"
        f"N\t{n_documents}\n"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the gzip bytes identical from one build to the next.
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as packed:
        packed.write((header + "".join(f"{term}\t{count}\n" for term, count in kept)).encode("utf-8"))
    return len(kept)
