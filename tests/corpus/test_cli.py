"""The corpus commands: ingest, search, events, stats."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli.main import cli
from marsad.corpus import open_store
from marsad.document import Geo
from tests.corpus.conftest import FIXTURES, DocBuilder, add

DUMP = [
    "--field",
    "text=content",
    "--field",
    "title=headline",
    "--field",
    "published=date",
    "--field",
    "source=outlet",
    "--field",
    "id=docid",
]


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'corpus.db'}"
    with open_store(url) as store:
        records = []
        for key, source, day in (("id:1", "أ", "2024-03-04"), ("id:2", "ب", "2024-03-05")):
            builder = DocBuilder(
                "قصفت القوات الحكومية بلدة سرمين صباح الاثنين.", title="قصف سرمين", published=day
            )
            army = builder.entity("القوات الحكومية", "ORG", kb="Q-army")
            town = builder.entity("سرمين", "GPE", geo=Geo(35.9, 36.7, "SY", "Idlib", "city", None))
            builder.event("ASSAULT", "قصفت", actors=(army,), location=town, date="2024-03-04")
            records.append(builder.record(key, source=source))
        add(store, *records)
    return url


def test_ingest_reports_a_summary_and_exit_code(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    runner = CliRunner()
    result = runner.invoke(
        cli,
        [
            "ingest",
            str(FIXTURES),
            "--db",
            url,
            "--workers",
            "1",
            *DUMP,
            "--rejects",
            str(tmp_path / "r.jsonl"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "stored                  11" in result.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ناقص\n', encoding="utf-8")
    result = runner.invoke(
        cli, ["ingest", str(bad), "--db", url, "--json", "--rejects", str(tmp_path / "r.jsonl")]
    )
    assert result.exit_code == 1
    summary = json.loads(result.output)
    assert (summary["stored"], summary["rejected"]) == (0, 1)
    assert json.loads((tmp_path / "r.jsonl").read_text(encoding="utf-8"))["line"] == 1


def test_search_prints_ranked_hits_with_marked_snippets(db: str) -> None:
    result = CliRunner().invoke(cli, ["search", "بسرمين", "--db", db])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("1. قصف سرمين")
    assert "«سرمين»" in result.output  # not a terminal: plain marks around the matched words
    result = CliRunner().invoke(cli, ["search", "سرمين", "--db", db, "--format", "json", "--all-copies"])
    hits = json.loads(result.output)
    assert len(hits) == 2 and all(hit["snippet"] for hit in hits)
    result = CliRunner().invoke(cli, ["search", "سرمين", "--db", db, "--since", "2024-03-05"])
    assert result.output.count("قصف سرمين") == 1
    result = CliRunner().invoke(cli, ["search", "سرمين", "--db", db, "--since", "March"])
    assert result.exception.code == "E610"


def test_events_in_table_json_and_csv(db: str) -> None:
    runner = CliRunner()
    table = runner.invoke(cli, ["events", "--db", db])
    assert table.exit_code == 0, table.output
    assert "ASSAULT" in table.output and "القوات الحكومية -> ? @ سرمين" in table.output
    events = json.loads(runner.invoke(cli, ["events", "--db", db, "--format", "json"]).output)
    assert [(e["n_reports"], e["n_sources"]) for e in events] == [(2, 2)]
    rows = list(
        csv.DictReader(io.StringIO(runner.invoke(cli, ["events", "--db", db, "--format", "csv"]).output))
    )
    assert (
        rows[0]["actors"] == "القوات الحكومية"
        and rows[0]["article_ids"] == "1 2"
        and rows[0]["country"] == "SY"
    )
    assert (
        json.loads(
            runner.invoke(cli, ["events", "--db", db, "--format", "json", "--min-reports", "3"]).output
        )
        == []
    )
    assert (
        json.loads(runner.invoke(cli, ["events", "--db", db, "--format", "json", "--type", "protest"]).output)
        == []
    )


def test_events_in_the_event_stage_formats(db: str) -> None:
    pytest.importorskip("marsad.events.exporters", reason="the events stage's exporters are not installed")
    runner = CliRunner()
    plover = [
        json.loads(line)
        for line in runner.invoke(cli, ["events", "--db", db, "--format", "plover"]).output.splitlines()
    ]
    assert plover[0]["event_type"] == "ASSAULT" and plover[0]["n_reports"] == 2
    geojson = json.loads(runner.invoke(cli, ["events", "--db", db, "--format", "geojson"]).output)
    assert geojson["features"][0]["geometry"]["coordinates"] == [36.7, 35.9]
    acled = runner.invoke(cli, ["events", "--db", db, "--format", "acled"])
    assert acled.exit_code == 0 and "سرمين" in acled.output


def test_stats(db: str) -> None:
    result = CliRunner().invoke(cli, ["stats", "--db", db, "--format", "json"])
    stats = json.loads(result.output)
    assert (
        stats["articles"],
        stats["events"],
        stats["event_reports"],
        stats["entities"],
        stats["sources"],
    ) == (
        2,
        1,
        2,
        2,
        2,
    )
    assert (stats["first_published"], stats["last_published"]) == ("2024-03-04", "2024-03-05")
    text = CliRunner().invoke(cli, ["stats", "--db", db])
    assert "articles" in text.output and "2024-03-04 .. 2024-03-05" in text.output


def test_a_bad_database_url_is_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["stats", "--db", "mysql://x"])
    assert result.exit_code != 0 and result.exception.code == "E601"


def test_entity_profile_renders_corpus_figures(db: str) -> None:
    from marsad.cli.stats import render_entity_profile
    from marsad.corpus.queries import entity_profile

    with open_store(db) as store:
        text = render_entity_profile(entity_profile(store, "القوات الحكومية"))
    assert text.splitlines() == [
        "in the corpus: القوات الحكومية (ORG, Q-army) — 2 articles, 0 quotes",
        "  mentions by month: 2024-03: 2",
        "  events as actor: ASSAULT 1",
        "  seen with: سرمين (2)",
    ]


def test_the_entity_command_adds_corpus_figures(db: str) -> None:
    result = CliRunner().invoke(cli, ["entity", "القوات الحكومية", "--db", db])
    assert result.exit_code == 0, result.output
    assert "in the corpus: القوات الحكومية (ORG, Q-army) — 2 articles, 0 quotes" in result.output
    result = CliRunner().invoke(cli, ["entity", "القوات الحكومية", "--db", db, "--format", "json"])
    payload = json.loads(result.output)
    assert payload["corpus"]["n_articles"] == 2 and isinstance(payload["registry"], list)
