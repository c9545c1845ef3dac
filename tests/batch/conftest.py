"""Fixtures of the batch tests: a generated dataset, its local output, and one SparkSession.

The SparkSession is real (local[2], no UI, few shuffle partitions) and shared by the whole
session, since starting the JVM is most of the cost; tests that need it are skipped with
the reason when pyspark or Java is missing.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.batch import run_batch
from marsad.batch.io import read_table
from marsad.batch.tables import SCHEMAS, SORT_KEYS
from tests.batch.articles import Dataset, write_dataset

ORIGINALS = 180
COPIES = 20


@pytest.fixture(scope="session")
def dataset_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("batch") / "input"


@pytest.fixture(scope="session")
def dataset(dataset_dir: Path) -> Dataset:
    return write_dataset(dataset_dir, originals=ORIGINALS, duplicates=COPIES)


@pytest.fixture(scope="session")
def local_output(dataset: Dataset, dataset_dir: Path) -> Path:
    output = dataset_dir.parent / "local-output"
    run_batch(str(dataset_dir), str(output), engine="local")
    return output


@pytest.fixture(scope="session")
def spark() -> Iterator[object]:
    pytest.importorskip("pyspark", reason="the Spark engine needs pyspark (pip install '.[spark]')")
    if shutil.which("java") is None and not __import__("os").environ.get("JAVA_HOME"):
        pytest.skip("Spark needs a Java runtime (java on PATH or JAVA_HOME)")
    from marsad.batch.spark import spark_session

    session = spark_session("local[2]", shuffle_partitions=4)
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def table_rows(output: Path, table: str) -> list[dict]:
    """A table's rows in a stable order (by its key columns), whichever engine wrote them."""
    rows = read_table(output, table).to_pylist()
    return sorted(rows, key=lambda row: tuple((row[k] is not None, row[k] or 0) for k in SORT_KEYS[table]))


def all_tables(output: Path) -> dict[str, list[dict]]:
    return {table: table_rows(output, table) for table in SCHEMAS}
