"""The local engine on a generated dataset: counts, rejects, stories, Parquet input, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from marsad.batch import run_batch
from marsad.cli.main import cli
from marsad.corpus import article_key
from marsad.errors import MarsadError
from marsad.sources import Article
from tests.batch.articles import Dataset
from tests.batch.conftest import COPIES, ORIGINALS, table_rows


def _key(record: dict) -> str:
    return article_key(
        Article(text=record["text"], title=record["title"], url=record.get("url"), id=record.get("id"))
    )


def test_every_article_is_analysed_once_and_every_bad_record_rejected(dataset: Dataset, local_output: Path):
    articles = table_rows(local_output, "articles")
    assert len(articles) == ORIGINALS + COPIES
    assert sorted(a["article_id"] for a in articles) == sorted(_key(r) for r in dataset.records)
    rejects = table_rows(local_output, "rejects")
    assert [(r["file"], r["line"], r["code"]) for r in rejects] == sorted(dataset.rejects)
    repeat = next(r for r in rejects if r["code"] == "E805")
    assert repeat["reason"] == "the same article (same id, URL or text) as part-a.jsonl:1"


def test_articles_keep_their_origin_and_the_document_contract(dataset: Dataset, local_output: Path):
    first = next(a for a in table_rows(local_output, "articles") if a["article_id"] == "id:doc-00000")
    assert (first["file"], first["line"]) == ("part-a.jsonl", 1)
    record = dataset.records[0]
    assert first["text"] == f"{record['title']}\n{record['text']}"
    assert first["published"] == record["published"]
    contract = json.loads(first["analysis"])
    assert contract["text"] == first["text"]
    assert [(s["start"], s["end"]) for s in contract["sentences"]] == [
        (s["start"], s["end"]) for s in first["sentences"]
    ]
    assert len(first["minhash"]) == 64 * 4
    assert first["title_terms"] and first["body_terms"]


def test_near_duplicates_join_the_story_of_their_original(dataset: Dataset, local_output: Path):
    by_id = {a["article_id"]: a for a in table_rows(local_output, "articles")}
    for copy, original in dataset.copies:
        copy_row, original_row = by_id[_key(dataset.records[copy])], by_id[_key(dataset.records[original])]
        # The copy is dated a day after its original, so the original is the story's first article.
        assert copy_row["story_id"] == original_row["article_id"]
        assert copy_row["duplicate_of"] == original_row["article_id"]
        assert 0.6 <= copy_row["similarity"] <= 1.0
    copies = {_key(dataset.records[copy]) for copy, _ in dataset.copies}
    assert {a["article_id"] for a in by_id.values() if a["duplicate_of"]} == copies
    assert len({a["story_id"] for a in by_id.values()}) == ORIGINALS


def test_parquet_input_gives_the_same_analysis(dataset: Dataset, local_output: Path, tmp_path: Path):
    folder = tmp_path / "parquet"
    folder.mkdir()
    records = dataset.records[:30]
    table = pa.Table.from_pylist([{"id": None, "url": None, "source": None, **r} for r in records])
    pq.write_table(table, folder / "articles.parquet")
    run_batch(str(folder), str(tmp_path / "out"), engine="local")
    from_parquet = table_rows(tmp_path / "out", "articles")
    keys = {_key(r) for r in records}
    from_json = [row for row in table_rows(local_output, "articles") if row["article_id"] in keys]
    # Stories depend on the dataset (this one holds only part of it); the analysis does not.
    same = ("article_id", "title", "published", "source", "text", "analysis", "minhash", "body_terms")
    assert [{k: row[k] for k in same} for row in from_parquet] == [
        {k: row[k] for k in same} for row in from_json
    ]
    assert [(row["file"], row["line"]) for row in from_parquet[:1]] == [("articles.parquet", 1)]
    assert table_rows(tmp_path / "out", "rejects") == []


def _small_input(folder: Path) -> Path:
    """Two articles and one line that is not JSON."""
    folder.mkdir()
    lines = [
        json.dumps(
            {"id": "n1", "title": "أمطار غزيرة في عمان", "text": "هطلت أمطار غزيرة على عمان يوم السبت."}
        ),
        "{not json",
        json.dumps({"url": "https://news.example/n2", "text": "افتتح المعرض أبوابه في تونس أمس."}),
    ]
    (folder / "small.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_output_is_not_overwritten_unless_asked(tmp_path: Path):
    source = _small_input(tmp_path / "in")
    output = tmp_path / "out"
    (output / "articles").mkdir(parents=True)
    (output / "notes.txt").write_text("mine")
    with pytest.raises(MarsadError) as error:
        run_batch(str(source), str(output), engine="local")
    assert error.value.code == "E808"
    run_batch(str(source), str(output), engine="local", overwrite=True)
    assert (output / "notes.txt").read_text() == "mine"
    assert [row["article_id"] for row in table_rows(output, "articles")] == [
        "id:n1",
        "url:https://news.example/n2",
    ]


def test_missing_input_is_one_line_error(tmp_path: Path):
    result = CliRunner().invoke(
        cli, ["batch", str(tmp_path / "nothing"), str(tmp_path / "out"), "--engine", "local"]
    )
    assert result.exit_code != 0
    assert isinstance(result.exception, MarsadError) and result.exception.code == "E801"


def test_cli_reports_rejects_with_exit_code_1(tmp_path: Path):
    source = _small_input(tmp_path / "in")
    result = CliRunner().invoke(
        cli, ["batch", str(source), str(tmp_path / "out"), "--engine", "local", "--json"]
    )
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert (summary["rows"]["articles"], summary["rows"]["rejects"]) == (2, 1)
    (reject,) = table_rows(tmp_path / "out", "rejects")
    assert (reject["file"], reject["line"], reject["code"]) == ("small.jsonl", 2, "E106")
