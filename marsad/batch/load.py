"""`marsad load`: a batch output into the corpus store, searchable and browsable like ingest's.

Nothing is analysed again: each row of `articles` carries its document contract, search
terms and MinHash signature, which is what ingest stores (`ArticleRecord`). The store
then does what it does for ingest: entities, mentions, quotes, times, and each event
report merged into a corpus event by its own rules.

Stories: the batch found near-duplicates across the whole dataset, so the first article
of every story is loaded before its copies, each copy joining its story's first article
(the store places it in that article's story). An article whose story's first article is
not in this load (it was stored by an earlier run) is matched against the store's
signatures, as ingest does. Articles go in by transactions of `BATCH_SIZE`; a stored key
is skipped, so loading again, or after a crash, stores each article exactly once.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.corpus.dedup import DuplicateIndex
from marsad.corpus.store import ArticleRecord, Store
from marsad.errors import MarsadError

BATCH_SIZE = 64
_COLUMNS = ("article_id", "external_id", "url", "source", "file", "line", "title_terms", "body_terms",
            "minhash", "pipeline", "analysis", "duplicate_of", "similarity")  # fmt: skip


@dataclass(slots=True)
class LoadSummary:
    read: int = 0
    stored: int = 0
    already_stored: int = 0
    near_duplicates: int = 0

    def to_dict(self) -> dict[str, int]:
        return {"read": self.read, "stored": self.stored, "already_stored": self.already_stored,
                "near_duplicates": self.near_duplicates}  # fmt: skip


def _rows(output: Path, *, duplicates: bool) -> Iterator[list[dict[str, Any]]]:
    """Batches of article rows: the first articles of stories, or the others."""
    import pyarrow.compute as pc
    import pyarrow.dataset as ds

    folder = output / "articles"
    if not folder.is_dir():
        raise MarsadError("E804", source=str(output), table="articles")
    dataset = ds.dataset(folder, format="parquet")
    is_copy = pc.field("duplicate_of").is_valid()
    for batch in dataset.to_batches(columns=list(_COLUMNS), filter=is_copy if duplicates else ~is_copy,
                                    batch_size=BATCH_SIZE):  # fmt: skip
        if batch.num_rows:
            yield batch.to_pylist()


def load_output(output: str | Path, store: Store) -> LoadSummary:
    """Stores every article of a batch output in `store`; see the module docstring."""
    output = Path(output)
    summary = LoadSummary()
    index = DuplicateIndex.from_signatures(store.signatures())
    stored_ids: dict[str, int] = {}
    for duplicates in (False, True):
        for rows in _rows(output, duplicates=duplicates):
            summary.read += len(rows)
            known = store.known_keys([row["article_id"] for row in rows])
            with store.transaction():
                for row in rows:
                    if row["article_id"] in known:
                        summary.already_stored += 1
                        continue
                    record = _record(row)
                    first = stored_ids.get(row["duplicate_of"]) if row["duplicate_of"] else None
                    if first is not None:
                        match: tuple[int, float] | None = (first, float(row["similarity"]))
                    else:
                        match = index.best_match(record.minhash) if record.minhash else None
                    article_id = store.add_article(record, match)
                    if article_id is None:
                        summary.already_stored += 1
                        continue
                    stored_ids[row["article_id"]] = article_id
                    summary.stored += 1
                    summary.near_duplicates += match is not None
                    if record.minhash:
                        index.add(article_id, record.minhash)
    return summary


def _record(row: dict[str, Any]) -> ArticleRecord:
    line = f":{row['line']}" if row["line"] is not None else ""
    return ArticleRecord(
        key=row["article_id"],
        document=json.loads(row["analysis"]),
        title_terms=row["title_terms"] or "",
        body_terms=row["body_terms"] or "",
        minhash=row["minhash"],
        pipeline=row["pipeline"],
        external_id=row["external_id"],
        url=row["url"],
        source=row["source"],
        origin=f"{row['file']}{line}",
    )
