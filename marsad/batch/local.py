"""`--engine local`: the batch run in this process, for small inputs and for tests.

It runs the very functions the Spark engine runs in its partitions (`process.py`) over
the whole input as one partition, then the dataset-wide steps of `dedup.py`, and writes
each table as one Parquet file. Everything is held in memory: for archives, use Spark.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from marsad.batch.dedup import assign_corpus_events, corpus_event_rows, find_stories
from marsad.batch.io import local_input_files, read_local_records, write_local_table
from marsad.batch.process import REJECTS, Parsed, analyse_groups, parse_record, reject_of
from marsad.batch.tables import SCHEMAS
from marsad.sources.jsonl import FieldMap


def run_local(
    input_path: str, output: str, *, fields: FieldMap | None = None, require_arabic: bool = True
) -> dict[str, int]:
    """Analyses every article of `input_path` and writes the tables under `output`; returns row counts."""
    fields = fields or FieldMap()
    tables: dict[str, list[dict[str, Any]]] = defaultdict(list)
    groups: dict[str, list[Parsed]] = defaultdict(list)
    for record in read_local_records(local_input_files(input_path)):
        parsed = parse_record(record, fields)
        if parsed[0] is None:
            tables[REJECTS].append(reject_of(parsed))
        else:
            groups[parsed[0]].append(parsed)
    for _, rows in analyse_groups(groups.items(), require_arabic=require_arabic):
        for table, table_rows in rows.items():
            tables[table].extend(table_rows)
    link_dataset(tables)
    for table in SCHEMAS:
        write_local_table(Path(output), table, tables[table])
    return {table: len(tables[table]) for table in SCHEMAS}


def link_dataset(tables: dict[str, list[dict[str, Any]]]) -> None:
    """The dataset-wide steps: stories of near-duplicates, then corpus events."""
    stories = find_stories(
        (row["article_id"], row["published"], row["minhash"]) for row in tables["articles"]
    )
    for row in tables["articles"]:
        row.update(stories[row["article_id"]])
    assign_corpus_events(tables["events"])
    story_of = {row["article_id"]: row["story_id"] for row in tables["articles"]}
    tables["corpus_events"] = corpus_event_rows(tables["events"], story_of)
