"""Linking speed: what `marsad.linking.v1` adds to the time of `marsad analyze` (target < 20%).

Runs over real news (the first articles of ../shared/data/topics/ant-v2.1-dev.jsonl.gz,
or the repository's examples/ when the shared data is absent). Each article goes through
the default pipeline without the linking stage, then the linking stage is timed on the
result, so both figures come from the same documents. Without a trained NER model (no
`marsad/entities/data/ner-crf.npz`) there are no entities to link; the script then says
so and times linking on entities made from every gazetteer name found in the text, an
upper bound. Also prints the one-off cost of loading the registry.

    .venv/bin/python bench/linking_speed.py [--articles N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from email.utils import parsedate_to_datetime
from pathlib import Path

from marsad import resources
from marsad.document import Document, Entity
from marsad.linking.match import name_key
from marsad.pipeline import DEFAULT_STAGES, Pipeline

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "topics" / "ant-v2.1-dev.jsonl.gz"
LINKING = "marsad.linking.v1"


def load_texts(articles: int) -> list[tuple[str, str | None]]:
    """(text, published) pairs."""
    if CORPUS.is_file():
        texts = []
        with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                texts.append((record["text"] or "", _day(record.get("time"))))
                if len(texts) >= articles:
                    break
        return texts
    return [(path.read_text(encoding="utf-8"), None) for path in sorted((ROOT / "examples").glob("*.txt"))]


def _day(value: str | None) -> str | None:
    """ANT's RFC 2822 times (`Wed, 28 Feb 2018 ...`) as ISO days."""
    try:
        return parsedate_to_datetime(value).date().isoformat() if value else None
    except (TypeError, ValueError):
        return None


def gazetteer_entities(doc: Document) -> None:
    """Every token or token pair that is a registry alias becomes an entity (no NER model)."""
    registry = resources.registry()
    tokens = [t for t in doc.tokens if t.kind == "arabic"]
    for index in range(len(tokens)):
        for width in (2, 1):
            span = tokens[index : index + width]
            if len(span) < width:
                continue
            start, end = span[0].stem_start, span[-1].end
            found = registry.by_key(name_key(doc.text[start:end]))
            if found:
                type_ = "GPE" if found[0].lat is not None else found[0].type
                doc.entities.append(
                    Entity(f"E{len(doc.entities) + 1}", type_, doc.text[start:end], [doc.span(start, end)])
                )
                break


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    started = time.perf_counter()
    linker = resources.linker()
    load_seconds = time.perf_counter() - started
    base_stages = [name for name in DEFAULT_STAGES if name != LINKING]
    try:
        base = Pipeline(base_stages)
    except Exception as error:  # a missing model is reported, not raised
        print(f"default pipeline unavailable ({error}); using the text layer only")
        base_stages = ["marsad.text.v1"]
        base = Pipeline(base_stages)
    texts = load_texts(args.articles)
    docs, base_seconds = [], 0.0
    for text, published in texts:
        doc = Document.from_parts(text, published=published)
        started = time.perf_counter()
        docs.append(base(doc))
        base_seconds += time.perf_counter() - started
    entity_count = sum(len(doc.entities) for doc in docs)
    if entity_count == 0:
        print("no entities from the pipeline (no NER stage or model): linking gazetteer matches instead")
        for doc in docs:
            gazetteer_entities(doc)
        entity_count = sum(len(doc.entities) for doc in docs)
    for doc in docs[:5]:  # warm the look-up caches a little, as a running service would be
        linker(doc)
    started = time.perf_counter()
    for doc in docs:
        for entity in doc.entities:
            entity.kb, entity.geo, entity.latin = None, None, None
        linker(doc)
    link_seconds = time.perf_counter() - started
    geocoded = sum(1 for doc in docs for e in doc.entities if e.geo)
    print(f"articles: {len(docs)}, entities: {entity_count}, geocoded: {geocoded}")
    print(f"registry + linker load (once per process): {load_seconds * 1000:.0f} ms")
    stages = ", ".join(base_stages)
    print(f"pipeline without linking ({stages}): {base_seconds / len(docs) * 1000:.2f} ms/article")
    print(f"linking + geocoding: {link_seconds / len(docs) * 1000:.2f} ms/article")
    print(f"linking adds {link_seconds / base_seconds:.1%} to the analysis time")


if __name__ == "__main__":
    main()
