"""`marsad eval time` on a small gold file with figures worked out by hand."""

from __future__ import annotations

import json
import sys

import pytest
from click.testing import CliRunner

from marsad.cli.main import cli, main

# Three texts. Times: 4 gold; the system finds all four spans exactly and gets 3 values
# right (the gold for أمس is deliberately wrong). It also finds one time the gold lacks
# (اليوم). Quantities: 2 gold; one found exactly with the right value and unit, one
# (آلاف) found with a wrong gold value.
GOLD = [
    {
        "id": "a", "published": "2015-01-13", "text": "قال الوزير اليوم إن 12 شخصا قتلوا أمس.",
        "times": [{"start": 34, "end": 37, "text": "أمس", "value": "2015-01-01", "grain": "day"}],
        "quantities": [
            {"start": 20, "end": 27, "text": "12 شخصا", "value": 12, "unit": "person", "kind": "killed"},
        ],
    },
    {
        "id": "b", "published": None, "text": "وقع الاتفاق في 10 يونيو 2014 وبدأ التنفيذ في تموز 2014.",
        "times": [
            {"start": 15, "end": 28, "text": "10 يونيو 2014", "value": "2014-06-10", "grain": "day"},
            {"start": 45, "end": 54, "text": "تموز 2014", "value": "2014-07", "grain": "month"},
        ],
        "quantities": [],
    },
    {
        "id": "c", "published": "2016-03-02", "text": "نزحت آلاف العائلات الأسبوع الماضي.",
        "times": [{"start": 19, "end": 33, "text": "الأسبوع الماضي", "value": "2016-W08", "grain": "week"}],
        "quantities": [
            {"start": 5, "end": 18, "text": "آلاف العائلات", "value": 2000, "unit": "family",
             "kind": "displaced"},
        ],
    },
]  # fmt: skip


@pytest.fixture
def gold_file(tmp_path):
    for item in GOLD:
        for layer in ("times", "quantities"):
            for entry in item[layer]:
                assert item["text"][entry["start"] : entry["end"]] == entry["text"], entry
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(item, ensure_ascii=False) for item in GOLD) + "\n", encoding="utf-8")
    return path


def test_eval_time_reports_known_figures(gold_file):
    result = CliRunner().invoke(cli, ["eval", "time", str(gold_file), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["items"] == 3
    times = figures["times"]
    assert (times["gold"], times["predicted"]) == (4, 5)
    assert times["exact_recall"] == 1.0
    assert times["exact_precision"] == pytest.approx(4 / 5)
    assert times["value_accuracy"] == pytest.approx(3 / 4)
    quantities = figures["quantities"]
    assert (quantities["gold"], quantities["predicted"]) == (2, 2)
    assert quantities["exact_f1"] == 1.0
    assert quantities["value_accuracy"] == pytest.approx(1 / 2)
    assert quantities["detail_accuracy"] == 1.0


def test_eval_time_text_report_and_errors(gold_file):
    result = CliRunner().invoke(cli, ["eval", "time", str(gold_file), "--errors"])
    assert result.exit_code == 0, result.output
    assert "times" in result.output and "quantities" in result.output
    assert "spurious 'اليوم'" in result.output


def test_eval_time_bad_file_is_one_line_error(tmp_path, monkeypatch, capsys):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "x"}\nnot json\n', encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["marsad", "eval", "time", str(path)])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert "line 2 of the gold file" in error and "[E402]" in error
