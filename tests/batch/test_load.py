"""`marsad load`: a batch output into the corpus store, once, with its stories."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from marsad.batch.load import load_output
from marsad.cli.main import cli
from marsad.corpus import open_store
from tests.batch.conftest import COPIES, ORIGINALS


def test_load_stores_every_article_once_with_its_story(local_output: Path, tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'corpus.db'}"
    with open_store(url) as store:
        summary = load_output(local_output, store)
        assert (summary.read, summary.stored, summary.near_duplicates) == (
            ORIGINALS + COPIES,
            ORIGINALS + COPIES,
            COPIES,
        )
        stats = store.stats()
        assert (stats["articles"], stats["stories"], stats["near_duplicates"]) == (
            ORIGINALS + COPIES,
            ORIGINALS,
            COPIES,
        )
        again = load_output(local_output, store)
        assert (again.stored, again.already_stored) == (0, ORIGINALS + COPIES)
        article = store.article(1)
        assert (
            article is not None and article["key"] == "id:doc-00000" and article["origin"] == "part-a.jsonl:1"
        )


def test_load_command_makes_the_archive_searchable(local_output: Path, tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'corpus.db'}"
    result = CliRunner().invoke(cli, ["load", str(local_output), "--db", url])
    assert result.exit_code == 0, result.output
    assert f"{ORIGINALS + COPIES} articles stored ({COPIES} near-duplicates)" in result.stdout
    found = CliRunner().invoke(cli, ["search", "الفوسفات", "--db", url, "--limit", "3"])
    assert found.exit_code == 0 and "الفوسفات" in found.stdout
