"""Builds the word-frequency table the clitic analysis weighs its splits with.

Counts normalised Arabic word forms in the ANT news corpus (training split only, titles,
abstracts and bodies). The table is deterministic: sorted by count, then form.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path

from marsad import resources
from marsad.text.tokenize import TOKEN_PATTERN
from marsad.training import ANT_TRAIN

MIN_COUNT = 3


def count_words(corpus: Path) -> Counter[str]:
    normalize = resources.normalizer().word
    counts: Counter[str] = Counter()
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            for field in ("title", "text"):
                for match in TOKEN_PATTERN.finditer(record.get(field) or ""):
                    if match.lastgroup == "arabic":
                        counts[normalize(match.group())] += 1
    return counts


def build_word_frequencies(data_dir: Path, out: Path, min_count: int = MIN_COUNT) -> int:
    """Writes `form<TAB>count` lines, gzipped; RETURNS (int): the number of forms kept."""
    counts = count_words(data_dir / ANT_TRAIN)
    kept = sorted(((f, c) for f, c in counts.items() if c >= min_count), key=lambda fc: (-fc[1], fc[0]))
    out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the gzip bytes identical from one build to the next.
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as packed:
        packed.write("".join(f"{form}\t{count}\n" for form, count in kept).encode("utf-8"))
    return len(kept)
