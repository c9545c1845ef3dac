"""The article the project started from, end to end (needs ../shared; CI has it)."""

import json

from click.testing import CliRunner

from marsad.cli.main import cli
from tests.conftest import assert_spans_exact

HEADLINE = "البارزاني والغبان يتفقان علي توجيه ضربة قاصمة للإرهاب وتحرير العراق من(داعش)"


def analyze(path) -> dict:
    result = CliRunner().invoke(cli, ["analyze", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_seed_article_headline_sentences_and_spans(seed_article, document_validator):
    document = analyze(seed_article)
    document_validator.validate(document)
    assert_spans_exact(document)
    assert document["headline"] == HEADLINE
    assert document["language"] == "ar"
    sentences = [document["text"][s["start"] : s["end"]] for s in document["sentences"]]
    assert sentences[0] == HEADLINE
    assert sentences[1].startswith("بحث رئيس إقليم كردستان العراق") and sentences[1].endswith("من مسلحيه..")
    assert sentences[2].startswith("حضر اللقاء")
    quoted = next(s for s in sentences if "قوات الحشد ستدخل" in s)
    assert quoted.startswith("وقال: إن") and quoted.endswith('إلى ذلك"..')
    assert sentences[-1].endswith("موجة نزوح كبيرة في العراق.")
    assert len(sentences) == 15


def test_seed_article_reads_the_same_in_utf16_and_windows_1256(seed_article, tmp_path):
    reference = analyze(seed_article)
    text = seed_article.read_text(encoding="utf-8")
    for encoding in ("utf-16", "cp1256"):
        path = tmp_path / f"seed-{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        assert analyze(path) == reference
