"""`marsad eval topics` on a tiny labelled file written for this test, and its bad input."""

from __future__ import annotations

import gzip
import json
import sys

import pytest
from click.testing import CliRunner

from marsad.cli.main import cli, main

ARTICLES = [
    {
        "title": "الأهلي يتعادل مع الزمالك",
        "text": "تعادل الأهلي مع الزمالك بهدف لكل فريق في مباراة الدوري المصري لكرة القدم، وأهدر المهاجم ركلة جزاء في الدقيقة الأخيرة.",
        "cat": "sport",
    },
    {
        "title": "ارتفاع أسعار النفط",
        "text": "ارتفعت أسعار النفط في الأسواق العالمية بعد قرار منظمة أوبك خفض الإنتاج، وصعد سعر خام برنت إلى ثمانين دولارا للبرميل.",
        "cat": "economy",
    },
    {
        "title": "هاتف ذكي جديد",
        "text": "كشفت شركة سامسونغ عن هاتف ذكي جديد بشاشة قابلة للطي وكاميرا بدقة عالية وبطارية تدوم يومين، ويعمل بنظام أندرويد.",
        "cat": "technology",
    },
    # Gold says culture; the classifier will not: one error in the matrix, by construction.
    {
        "title": "منتخب البرازيل يفوز",
        "text": "فاز منتخب البرازيل على الأرجنتين بهدفين نظيفين في تصفيات كأس العالم لكرة القدم.",
        "cat": "culture",
    },
]


def write(path, records, compress=False):
    lines = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    if compress:
        with gzip.open(path, "wt", encoding="utf-8") as handle:
            handle.write(lines)
    else:
        path.write_text(lines, encoding="utf-8")
    return path


@pytest.mark.parametrize("compress", [False, True])
def test_eval_topics_figures(tmp_path, compress):
    path = write(tmp_path / ("gold.jsonl.gz" if compress else "gold.jsonl"), ARTICLES, compress)
    result = CliRunner().invoke(cli, ["eval", "topics", str(path), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert (figures["articles"], figures["accuracy"]) == (4, 0.75)
    assert figures["confusion"]["culture"]["sport"] == 1
    assert figures["labels"]["sport"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667, "support": 1}
    # Labels present in the gold: sport 0.6667, economy 1, technology 1, culture 0.
    assert figures["macro_f1"] == pytest.approx((2 / 3 + 1 + 1 + 0) / 4, abs=1e-4)


def test_eval_topics_report_and_label_field(tmp_path):
    records = [{"title": r["title"], "text": r["text"], "gold": r["cat"]} for r in ARTICLES[:3]]
    result = CliRunner().invoke(
        cli, ["eval", "topics", str(write(tmp_path / "g.jsonl", records)), "--field", "gold"]
    )
    assert result.exit_code == 0, result.output
    assert "accuracy 1.0000  macro-F1 1.0000" in result.output
    assert "confusion (rows: gold, columns: predicted)" in result.output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"title": "خبر", "text": "نص", "cat": "sport"}\nnot json\n', "line 2: Expecting value"),
        ('{"title": "خبر", "text": "نص"}\n', "line 1: no 'cat' label"),
        ('["a list"]\n', "line 1: not a JSON object"),
        ("\n\n", "the articles file holds no articles [E966]"),
    ],
)
def test_eval_topics_bad_input_is_one_line_error(tmp_path, monkeypatch, capsys, content, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["marsad", "eval", "topics", str(path)])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert message in error


def test_eval_topics_missing_and_non_gzip_files(tmp_path, monkeypatch, capsys):
    not_gzip = tmp_path / "plain.jsonl.gz"
    not_gzip.write_text("{}", encoding="utf-8")
    for path in (tmp_path / "absent.jsonl", not_gzip):
        monkeypatch.setattr(sys, "argv", ["marsad", "eval", "topics", str(path)])
        with pytest.raises(SystemExit):
            main()
        error = capsys.readouterr().err
        assert error.count("\n") == 1 and "[E962]" in error


def test_train_topics_without_the_corpus_is_one_line_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(
        sys, "argv", ["marsad", "train", "topics", "--data", str(tmp_path), "--out", str(tmp_path / "m.npz")]
    )
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "[E965]" in error and "pass --data" in error
    assert not (tmp_path / "m.npz").exists()
