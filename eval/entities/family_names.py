"""How often the entity stage finds well-known people's family names standing alone.

Runs the pipeline up to the entity stage over the first 300 middleEast and
internationalNews articles of the ANT v2.1 dev split (first 3,000 characters each) and
counts, for each name below, its occurrences (as a word's stem, clitics aside) and how
many of them lie inside a PERSON mention. News names a person in full once and by the
family name after that (`دونالد ترامب` ... `ترامب`), so this measures coreference's
propagation of family names as much as the tagger.

    .venv/bin/python eval/entities/family_names.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from pathlib import Path

from marsad.document import Document
from marsad.text import normalize_word, tokenize
from marsad.training import ner_eval

ROOT = Path(__file__).resolve().parents[2]
NAMES = "ترامب بوتين نتنياهو ماكرون ميركل أردوغان روحاني خامنئي بومبيو ظريف تيلرسون جونسون الحريري عباس"
ARTICLES = 300


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    names = {normalize_word(name).removeprefix("ال") for name in NAMES.split()}
    with gzip.open(args.data / "topics" / "ant-v2.1-dev.jsonl.gz", "rt", encoding="utf-8") as lines:
        articles = [json.loads(line) for line in lines]
    articles = [a for a in articles if a["cat"] in ("internationalNews", "middleEast")][:ARTICLES]
    pipeline = ner_eval._entity_pipeline()
    seen, found = Counter(), Counter()
    for article in articles:
        text = article["text"][:3000]
        doc = pipeline(Document.from_parts(text))
        people = [(m.start, m.end) for e in doc.entities if e.type == "PERSON" for m in e.mentions]
        for token in tokenize(text):
            if token.stem in names:
                seen[token.stem] += 1
                found[token.stem] += any(s < token.end and token.start < e for s, e in people)
    for name, count in seen.most_common():
        print(f"{name:10s} {found[name]:4d} / {count:4d}")
    print(f"{'all':10s} {sum(found.values()):4d} / {sum(seen.values()):4d}")


if __name__ == "__main__":
    main()
