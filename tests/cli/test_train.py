"""`marsad train` without its corpus: one line naming the missing file, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli.main import cli


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
