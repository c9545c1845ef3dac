import json

from click.testing import CliRunner

from marsad import resources
from marsad.cli.main import cli
from marsad.linking.lookup import lookup_entity


def test_lookup_returns_data_best_match_first() -> None:
    results = lookup_entity(resources.registry(), "الموصل")
    assert results[0]["kb"] == "Q83317" and results[0]["latin"] == "Mosul" and results[0]["match"] == "exact"
    by_id = lookup_entity(resources.registry(), "Q83317")
    assert by_id[0]["id"] == "city:134525" and by_id[0]["match"] == "id"


def test_lookup_by_latin_name() -> None:
    results = lookup_entity(resources.registry(), "mosul")
    assert results[0]["id"] == "city:134525" and results[0]["match"] == "latin"
    assert lookup_entity(resources.registry(), "Masoud Barzani")[0]["name"] == "مسعود بارزاني"


def test_lookup_finds_spelling_variants() -> None:
    assert lookup_entity(resources.registry(), "الامارات")[0]["country"] == "AE"
    assert lookup_entity(resources.registry(), "وبغداد")[0]["match"] == "clitic"


def test_entity_command_text_and_json() -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["entity", "مسعود البارزاني"])
    assert result.exit_code == 0, result.output
    assert "Masoud Barzani" in result.output and "IRQGOV" in result.output
    result = runner.invoke(cli, ["entity", "طرابلس", "--format", "json", "--limit", "3"])
    entries = json.loads(result.output)
    assert len(entries) == 3 and {e["country"] for e in entries} == {"LY", "LB"}
    assert all(e["lat"] is not None for e in entries)


def test_entity_command_without_a_name_is_an_error() -> None:
    result = CliRunner().invoke(cli, ["entity", "  "])
    assert result.exit_code != 0
    assert "E306" in str(result.exception) or "E306" in result.output
