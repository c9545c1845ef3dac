"""`marsad analyze` as a user runs it: real files, real encodings, the installed entry point."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli.main import cli
from tests.conftest import EXAMPLES, assert_spans_exact

ARTICLE = (
    "الجيش يستعيد السيطرة على بلدة حدودية\n\n"
    "أعلن الجيش اليوم استعادة السيطرة على البلدة بعد معارك استمرت ثلاثة أيام.. "
    'وقال متحدث باسمه: "العملية انتهت". وأضاف أن الطرق أعيد فتحها؟\n'
)


def run_marsad(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    marsad = Path(sys.executable).with_name("marsad")
    return subprocess.run([str(marsad), *args], input=stdin, capture_output=True, timeout=120)


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_json_output_is_the_document_contract(article_file, document_validator):
    result = CliRunner().invoke(cli, ["analyze", str(article_file), "--published", "2024-05-02"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    document_validator.validate(document)
    assert_spans_exact(document)
    assert document["headline"] == "الجيش يستعيد السيطرة على بلدة حدودية"
    assert document["published"] == "2024-05-02"
    assert document["text"].startswith(document["headline"] + "\nأعلن")
    sentences = [document["text"][s["start"] : s["end"]] for s in document["sentences"]]
    assert sentences == [
        "الجيش يستعيد السيطرة على بلدة حدودية",
        "أعلن الجيش اليوم استعادة السيطرة على البلدة بعد معارك استمرت ثلاثة أيام..",
        'وقال متحدث باسمه: "العملية انتهت".',
        "وأضاف أن الطرق أعيد فتحها؟",
    ]


def test_same_json_from_every_encoding(tmp_path):
    outputs = set()
    for encoding in ("utf-8", "utf-8-sig", "utf-16", "cp1256"):
        path = tmp_path / f"article-{encoding}.txt"
        path.write_bytes(ARTICLE.encode(encoding))
        result = CliRunner().invoke(cli, ["analyze", str(path)])
        assert result.exit_code == 0, result.output
        outputs.add(result.output)
    assert len(outputs) == 1


def test_text_format_is_a_readable_summary(article_file):
    result = CliRunner().invoke(cli, ["analyze", str(article_file), "--format", "text"])
    assert result.exit_code == 0
    assert "■ الجيش يستعيد السيطرة على بلدة حدودية" in result.output
    assert "الجمل: 4" in result.output
    assert '3. وقال متحدث باسمه: "العملية انتهت".' in result.output
    assert "| التصنيف: " in result.output
    # Keywords read as the article writes them (السيطرة), not as normalised stems (سيطره).
    assert (
        "الكلمات المفتاحية: " in result.output and "سيطرة" in result.output and "سيطره" not in result.output
    )


def test_standard_input_and_json_lines_for_several_files(article_file):
    result = CliRunner().invoke(cli, ["analyze", "-", str(article_file)], input=ARTICLE.encode("utf-16"))
    assert result.exit_code == 0
    lines = result.output.strip().split("\n")
    assert len(lines) == 2 and json.loads(lines[0]) == json.loads(lines[1])


def test_bundled_examples_are_valid_documents(document_validator):
    paths = sorted(str(p) for p in EXAMPLES.iterdir())
    assert len(paths) >= 5
    result = CliRunner().invoke(cli, ["analyze", *paths])
    assert result.exit_code == 0, result.output
    for line in result.output.strip().split("\n"):
        document = json.loads(line)
        document_validator.validate(document)
        assert_spans_exact(document)
        assert document["language"] == "ar" and document["headline"]


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: _write(d / "empty.txt", b""), "the file is empty"),
        (lambda d: _write(d / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x01"), "binary data"),
        (
            lambda d: _write(d / "noise.txt", bytes((i * 37 + 11) % 128 + 128 for i in range(600))),
            "cannot tell the text encoding",
        ),
        (
            lambda d: _write(d / "english.txt", b"Ministers meet\nThe ministers met in Cairo on Sunday."),
            "the text is not Arabic (detected language: en)",
        ),
        (lambda d: _write(d / "broken.json", b'{"text": "\xd9\x86\xd8\xb5",'), "invalid JSON"),
    ],
    ids=["missing", "directory", "empty", "binary", "encoding", "not-arabic", "bad-json"],
)
def test_bad_input_is_one_line_and_a_non_zero_exit(tmp_path, make, reason):
    path = make(tmp_path)
    result = run_marsad("analyze", str(path))
    assert result.returncode == 1
    error = result.stderr.decode()
    assert error.count("\n") == 1 and "Traceback" not in error
    assert error.startswith(f"marsad: error: {path}: {reason}")
    assert result.stdout == b""


def test_other_languages_are_analysed_when_asked(tmp_path):
    path = _write(tmp_path / "english.txt", b"Ministers meet\nThe ministers met in Cairo on Sunday.")
    result = CliRunner().invoke(cli, ["analyze", str(path), "--any-language"])
    assert result.exit_code == 0
    assert json.loads(result.output)["language"] == "en"


def test_one_bad_file_does_not_stop_the_others(tmp_path, article_file):
    result = run_marsad("analyze", str(tmp_path / "missing.txt"), str(article_file))
    assert result.returncode == 1
    assert json.loads(result.stdout)["headline"] == "الجيش يستعيد السيطرة على بلدة حدودية"


def test_bad_published_option_is_a_usage_error(article_file):
    result = CliRunner().invoke(cli, ["analyze", str(article_file), "--published", "13/01/2015"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
