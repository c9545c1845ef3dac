"""The Spark engine, run for real in local mode: the same rows as the local engine."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.batch import local, run_batch
from marsad.batch.tables import SCHEMAS, SORT_KEYS
from marsad.cli.main import cli
from tests.batch.articles import Dataset
from tests.batch.conftest import COPIES, ORIGINALS, all_tables
from tests.batch.test_rules import built, rows_of


def test_spark_writes_the_rows_the_local_engine_writes(
    spark, dataset_dir: Path, local_output: Path, tmp_path: Path
):
    from marsad.batch.spark import run_spark

    counts = run_spark(spark, str(dataset_dir), str(tmp_path / "spark"), partitions=3)
    assert counts["articles"] == ORIGINALS + COPIES
    assert counts["rejects"] == 6
    spark_tables, local_tables = all_tables(tmp_path / "spark"), all_tables(local_output)
    for table in SCHEMAS:
        assert spark_tables[table] == local_tables[table], table


def test_the_cli_with_other_partitions_gives_the_same_rows(
    spark, dataset: Dataset, dataset_dir: Path, tmp_path: Path
):
    """The gzipped half of the dataset through `marsad batch`, in 7 partitions, against the local engine."""
    part = str(dataset_dir / "part-b.jsonl.gz")
    run_batch(part, str(tmp_path / "local"), engine="local")
    args = [
        "batch",
        part,
        str(tmp_path / "spark"),
        "--engine",
        "spark",
        "--master",
        "local[2]",
        "--partitions",
        "7",
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output  # the file holds rejected records
    # Half the records, plus the repeat of part-a's first article, which is new to this file alone.
    assert f"{(ORIGINALS + COPIES) // 2 + 1} articles analysed" in result.stdout
    assert all_tables(tmp_path / "spark") == all_tables(tmp_path / "local")


def _linked_locally(tables: dict[str, list[dict]]) -> dict[str, list[dict]]:
    copied = {name: [dict(row) for row in rows] for name, rows in tables.items()}
    local.link_dataset(copied)
    return copied


def _sorted(rows: list[dict], table: str) -> list[dict]:
    return sorted(rows, key=lambda row: tuple(str(row[k]) for k in SORT_KEYS[table]))


def test_stories_and_corpus_events_match_on_hand_built_reports(spark):
    """Three reports of one strike (one a wire copy, one two days later), one a week later, one denied."""
    from marsad.batch.spark import frame_of_rows, link_dataset

    reports = [
        rows_of(built("2024-03-04", date="2024-03-04"), "id:a", source="wire-a"),
        rows_of(built("2024-03-05", date="2024-03-04"), "id:b", source="daily-b"),
        rows_of(built("2024-03-06"), "id:c", source=None),
        rows_of(built("2024-03-13"), "id:d", source="wire-a"),
        rows_of(built("2024-03-04", negated=True), "id:e", source="radio-c"),
    ]
    tables = {name: [row for report in reports for row in report[name]] for name in ("articles", "events")}
    expected = _linked_locally(tables)
    articles, events, corpus = link_dataset(
        frame_of_rows(spark, "articles", tables["articles"]), frame_of_rows(spark, "events", tables["events"])
    )
    got = {"articles": [r.asDict(recursive=True) for r in articles.collect()],
           "events": [r.asDict(recursive=True) for r in events.collect()],
           "corpus_events": [r.asDict(recursive=True) for r in corpus.collect()]}  # fmt: skip
    for table in got:
        assert _sorted(got[table], table) == _sorted(expected[table], table), table
    by_reports = sorted(
        (row["n_reports"], row["n_sources"], row["date_first"]) for row in expected["corpus_events"]
    )
    # a, b, c (same text: one story; c's day is its publication day) are one event; d and e on their own.
    assert by_reports == [(1, 1, "2024-03-04"), (1, 1, "2024-03-13"), (3, 3, "2024-03-04")]
    assert {row["story_id"] for row in expected["articles"]} == {"id:a"}


@pytest.fixture(autouse=True)
def _quiet_spark_warnings():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        yield


def test_a_local_masters_jvm_runs_with_the_batch_settings(spark):
    """The JVM of a local session was started with C1-only compilation (see LOCAL_JVM_OPTIONS)."""
    from marsad.batch.spark import LOCAL_JVM_OPTIONS

    runtime = spark.sparkContext._jvm.java.lang.management.ManagementFactory.getRuntimeMXBean()
    assert LOCAL_JVM_OPTIONS in list(runtime.getInputArguments())
    assert spark.sparkContext.getConf().get("spark.python.worker.reuse") == "true"
