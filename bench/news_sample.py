"""The real news the speed benchmarks run over, in one place.

The first articles of the ANT dev split (../shared/data/topics) when the shared data is
there, else the seed article alone, so a benchmark still runs (on less) in a user's clone.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "topics" / "ant-v2.1-dev.jsonl.gz"
SEED_ARTICLE = ROOT.parent / "shared" / "examples" / "000_519d468521edde90.txt"


def load_texts(articles: int) -> list[str]:
    """Article bodies, at most `articles` of them."""
    if CORPUS.is_file():
        texts = []
        with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
            for line in lines:
                texts.append(json.loads(line)["text"] or "")
                if len(texts) >= articles:
                    break
        return texts
    return [SEED_ARTICLE.read_text(encoding="utf-8")]
