"""`marsad events [filters] [--format table|json|csv|plover|acled|geojson]`."""

from __future__ import annotations

import importlib
import json
from typing import Any

import click

from marsad.cli.ingest import DB_HELP
from marsad.corpus import EventFilters, open_store
from marsad.corpus.queries import event_row, events_to_csv, list_events
from marsad.errors import MarsadError

# Formats written by the events stage's exporters (marsad/events/exporters.py).
EXPORTER_FORMATS = ("plover", "acled", "geojson")


@click.command("events")
@click.option("--db", "db_url", metavar="URL", help=DB_HELP)
@click.option("--type", "event_type", metavar="TYPE", help="Event type (PLOVER, e.g. ASSAULT).")
@click.option("--actor", metavar="NAME", help="An actor (name, Latin name or KB id).")
@click.option("--recipient", metavar="NAME", help="A recipient (name, Latin name or KB id).")
@click.option("--country", metavar="CODE", help="Country of the event's place (ISO code).")
@click.option("--admin1", metavar="NAME", help="First-level division of the event's place.")
@click.option("--since", metavar="DATE", help="On or after (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="On or before.")
@click.option("--min-reports", type=click.IntRange(min=1), help="Reported at least this many times.")
@click.option("--negated", is_flag=True, help="Include events reported as not having happened.")
@click.option("--sort", type=click.Choice(["date", "reports"]), default="date", show_default=True)
@click.option("--limit", type=click.IntRange(1, 100_000), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
@click.option(
    "--format",
    "output_format",
    default="table",
    show_default=True,
    type=click.Choice(["table", "json", "csv", *EXPORTER_FORMATS]),
)
def events_command(
    db_url: str | None,
    event_type: str | None,
    actor: str | None,
    recipient: str | None,
    country: str | None,
    admin1: str | None,
    since: str | None,
    until: str | None,
    min_reports: int | None,
    negated: bool,
    sort: str,
    limit: int,
    offset: int,
    output_format: str,
) -> None:
    """The corpus's events: each real event once, with how many articles and sources report it."""
    filters = EventFilters(
        type=event_type.upper() if event_type else None,
        actor=actor,
        recipient=recipient,
        country=country.upper() if country else None,
        admin1=admin1,
        since=since,
        until=until,
        min_reports=min_reports,
        include_negated=negated,
        order=sort,
        limit=limit,
        offset=offset,
    )
    with open_store(db_url) as store:
        events = list_events(store, filters)
    if output_format == "json":
        click.echo(json.dumps(events, ensure_ascii=False, indent=2))
    elif output_format == "csv":
        click.echo(events_to_csv(events), nl=False)
    elif output_format in EXPORTER_FORMATS:
        click.echo(_export(events, output_format), nl=False)
    else:
        click.echo(render_table(events))


def _export(events: list[dict[str, Any]], output_format: str) -> str:
    """Hands corpus events to the events stage's exporter for `output_format`."""
    try:
        exporters = importlib.import_module("marsad.events.exporters")
    except ImportError:
        raise MarsadError("E611", format=output_format) from None
    export = getattr(exporters, f"corpus_events_to_{output_format}", None)
    if export is None:
        raise MarsadError("E611", format=output_format)
    return export(events)


def render_table(events: list[dict[str, Any]]) -> str:
    if not events:
        return "no matching events"
    header = (
        f"{'id':>7}  {'type':<10} {'date':<10}  {'reports':>7} {'sources':>7}  actors -> recipients @ place"
    )
    lines = [header]
    for event in events:
        row = event_row(event)
        place = row["location"] or row["country"] or ""
        who = f"{row['actors'] or '?'} -> {row['recipients'] or '?'}" + (f" @ {place}" if place else "")
        lines.append(
            f"{row['id']:>7}  {row['type']:<10} {row['date_first'] or '-':<10}  "
            f"{row['n_reports']:>7} {row['n_sources']:>7}  {who}"
        )
    return "\n".join(lines)
