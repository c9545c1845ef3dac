"""`marsad train` without its corpus: one line naming the missing file, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli.main import cli
from marsad.errors import MarsadError


@pytest.mark.parametrize("trainer", ["wordfreq", "keywords", "person-words"])
def test_a_missing_training_corpus_is_one_line(trainer: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["train", trainer, "--data", str(tmp_path), "--out", str(tmp_path / "t.gz")]
    )
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: {tmp_path / 'topics' / 'ant-v2.1-train.jsonl.gz'}: not found; pass --data with the shared data folder"
    ]
    assert not (tmp_path / "t.gz").exists()


def test_reusing_ner_tables_that_are_not_there_is_one_line(tmp_path: Path) -> None:
    corpus = tmp_path / "data" / "ner" / "anercorp-camel-train.conll"
    corpus.parent.mkdir(parents=True)
    corpus.write_text("قال O\n", encoding="utf-8")
    out = tmp_path / "fresh"
    result = CliRunner().invoke(
        cli, ["train", "ner", "--data", str(tmp_path / "data"), "--out", str(out), "--reuse-tables"]
    )
    # `marsad.cli.main.main` prints a MarsadError as one line on standard error.
    assert isinstance(result.exception, MarsadError) and result.exception.code == "E299"
    assert str(result.exception).startswith(
        f"--reuse-tables needs ner-lexicon.tsv.gz, ner-clusters.tsv.gz in {out}; "
        "copy the tables there or leave the flag out"
    )
    assert not out.exists()
