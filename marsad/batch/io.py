"""Batch inputs and outputs: which files an input holds, their records, and Parquet tables.

An input is a file or a folder of files: JSON Lines (`.gz` when gzipped, told by the name
as Hadoop does, so both engines read a file the same way) or Parquet (`.parquet`). Files
and folders whose names start with `.` or `_` are skipped (Spark's `_SUCCESS`, editors'
dot files), and the rest are taken in sorted order. Each file is known by its path
relative to the input, so the `file` column of `articles` and `rejects` is the same
whichever engine, machine or mount point read it.

A record is `(file, line, payload)`: `line` is the 1-based line of a JSON Lines record (blank
lines are counted and skipped) or the 1-based row of a Parquet file, and `payload` the
line's bytes or the row as a dict. This module reads them on one machine; `spark.py`
reads the same records with Spark's readers.

Outputs are one folder per table under the output folder (`articles/`, `entities/`, ...),
each a Parquet dataset; `read_table` reads one back whichever engine wrote it.
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from marsad.batch.tables import SCHEMAS, SORT_KEYS
from marsad.errors import MarsadError

PARQUET_SUFFIX = ".parquet"
GZIP_SUFFIX = ".gz"
HIDDEN_PREFIXES = (".", "_")
# Records of Parquet input read at a time (bounded memory on large row groups).
PARQUET_BATCH_ROWS = 1024

Payload = bytes | dict[str, Any]
Record = tuple[str, int | None, Payload]


@dataclass(frozen=True, slots=True)
class InputFile:
    """One file of an input: where it is (`location`), its name relative to the input, its format."""

    location: str
    name: str
    format: str  # "jsonl" or "parquet"


def format_of(name: str) -> str:
    return "parquet" if name.lower().endswith(PARQUET_SUFFIX) else "jsonl"


def is_hidden(name: str) -> bool:
    return name.startswith(HIDDEN_PREFIXES)


def local_input_files(path: str | Path) -> list[InputFile]:
    """The files of a local input (a file or a folder), sorted by relative name."""
    root = Path(path)
    if root.is_file():
        return [InputFile(str(root), root.name, format_of(root.name))]
    if not root.is_dir():
        raise MarsadError("E801", source=str(path))
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not is_hidden(d)]
        for name in files:
            if not is_hidden(name):
                file = Path(folder) / name
                relative = file.relative_to(root).as_posix()
                found.append(InputFile(str(file), relative, format_of(name)))
    if not found:
        raise MarsadError("E802", source=str(path))
    return sorted(found, key=lambda item: item.name)


def read_local_records(files: Iterable[InputFile]) -> Iterator[Record]:
    """Every record of every file, in order; an unreadable file is one record with an error."""
    for file in files:
        try:
            if file.format == "parquet":
                yield from _parquet_records(file)
            else:
                yield from _json_lines_records(file)
        except (OSError, EOFError, pa.ArrowException) as error:
            yield (file.name, None, MarsadError("E803", detail=str(error) or type(error).__name__))


def _json_lines_records(file: InputFile) -> Iterator[Record]:
    opener = gzip.open if file.name.lower().endswith(GZIP_SUFFIX) else open
    with opener(file.location, "rb") as stream:
        for number, line in enumerate(stream, 1):
            line = line.rstrip(b"\r\n")
            if line.strip():
                yield (file.name, number, line)


def _parquet_records(file: InputFile) -> Iterator[Record]:
    number = 0
    for batch in pq.ParquetFile(file.location).iter_batches(batch_size=PARQUET_BATCH_ROWS):
        for row in batch.to_pylist():
            number += 1
            yield (file.name, number, plain_record(row))


def plain_record(row: dict[str, Any]) -> dict[str, Any]:
    """A Parquet row with dates and times as ISO strings, as a JSON record would carry them."""
    return {key: value.isoformat() if isinstance(value, dt.date) else value for key, value in row.items()}


def write_local_table(output: Path, table: str, rows: list[dict[str, Any]]) -> None:
    """Writes one table as a single-file Parquet dataset, sorted by its key columns."""
    folder = output / table
    folder.mkdir(parents=True, exist_ok=True)
    keys = SORT_KEYS[table]
    rows = sorted(rows, key=lambda row: tuple(_sortable(row[key]) for key in keys))
    pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMAS[table]), folder / "part-00000.parquet")


def _sortable(value: Any) -> tuple[bool, Any]:
    return (value is not None, value if value is not None else 0)


def read_table(output: str | Path, table: str) -> pa.Table:
    """One table of a batch output, whichever engine wrote it."""
    folder = Path(output) / table
    if not folder.is_dir():
        raise MarsadError("E804", source=str(output), table=table)
    return pq.read_table(folder)
