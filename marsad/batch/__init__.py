"""Batch analysis of article archives into Parquet tables, on one machine or on Spark.

`run_batch(INPUT, OUTPUT, engine=...)` reads JSON Lines (plain or `.gz`) or Parquet
articles, analyses each with the pipeline of `marsad analyze`, finds near-duplicate
stories and merges event reports into corpus events across the whole dataset, and writes
the tables of `marsad.batch.tables` under OUTPUT. `engine="local"` runs in this process;
`engine="spark"` on a Spark master (local cores or a cluster). Both give the same rows.
`load_output` (`marsad load`) puts a batch output into the corpus store.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from marsad.errors import MarsadError
from marsad.sources.jsonl import FieldMap

ENGINES = ("local", "spark")


@dataclass(slots=True)
class BatchResult:
    engine: str
    output: str
    seconds: float
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def articles_per_second(self) -> float:
        return self.rows.get("articles", 0) / self.seconds if self.seconds else 0.0


def run_batch(
    input_path: str,
    output: str,
    *,
    engine: str = "local",
    master: str | None = None,
    partitions: int | None = None,
    fields: FieldMap | None = None,
    require_arabic: bool = True,
    overwrite: bool = False,
) -> BatchResult:
    """Runs a batch; see the module docstring. Raises MarsadError on unusable input or output."""
    from marsad.batch.tables import SCHEMAS

    started = time.monotonic()
    if engine == "local":
        from marsad.batch.local import run_local

        _prepare_local_output(Path(output), overwrite, SCHEMAS)
        rows = run_local(input_path, output, fields=fields, require_arabic=require_arabic)
    else:
        from marsad.batch.spark import output_exists, run_spark, spark_session

        spark = spark_session(master, shuffle_partitions=partitions)
        if output_exists(spark, output) and not overwrite:
            raise MarsadError("E808", source=output)
        rows = run_spark(
            spark, input_path, output, partitions=partitions, fields=fields, require_arabic=require_arabic
        )
    return BatchResult(engine, output, time.monotonic() - started, rows)


def _prepare_local_output(output: Path, overwrite: bool, tables: dict) -> None:
    """Refuses a non-empty output folder unless told to overwrite, and then replaces only the tables."""
    if output.exists() and not output.is_dir():
        raise MarsadError("E808", source=str(output))
    if output.is_dir() and any(output.iterdir()):
        if not overwrite:
            raise MarsadError("E808", source=str(output))
        for table in tables:
            shutil.rmtree(output / table, ignore_errors=True)
    output.mkdir(parents=True, exist_ok=True)
