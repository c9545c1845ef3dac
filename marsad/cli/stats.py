"""`marsad stats [--db URL] [--format text|json]`."""

from __future__ import annotations

import json

import click

from marsad.cli.ingest import DB_HELP
from marsad.corpus import open_store
from marsad.corpus.queries import corpus_stats


@click.command("stats")
@click.option("--db", "db_url", metavar="URL", help=DB_HELP)
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def stats_command(db_url: str | None, output_format: str) -> None:
    """Articles, stories, events, entities, sources and date range of the corpus."""
    with open_store(db_url) as store:
        stats = corpus_stats(store)
        url = store.url
    if output_format == "json":
        click.echo(json.dumps({"db": url, **stats}, ensure_ascii=False, indent=2))
        return
    click.echo(f"corpus {url} (schema {stats['schema_version']})")
    rows = [
        ("articles", stats["articles"]),
        ("  near-duplicates", stats["near_duplicates"]),
        ("stories", stats["stories"]),
        ("sources", stats["sources"]),
        ("events", stats["events"]),
        ("  reports", stats["event_reports"]),
        ("entities", stats["entities"]),
        ("  mentions", stats["mentions"]),
        ("quotes", stats["quotes"]),
        ("time expressions", stats["times"]),
    ]
    for label, value in rows:
        click.echo(f"  {label:<18}{value:>12,}")
    click.echo(f"  {'published':<18}{stats['first_published'] or '-'} .. {stats['last_published'] or '-'}")
    if stats["event_types"]:
        click.echo("  events by type:")
        for event_type, counts in stats["event_types"].items():
            click.echo(f"    {event_type:<12}{counts['events']:>10,} events {counts['reports']:>10,} reports")
    if stats["top_sources"]:
        click.echo("  top sources:")
        for source, count in stats["top_sources"].items():
            click.echo(f"    {source:<30}{count:>10,}")


def render_entity_profile(profile: dict) -> str:
    """The corpus figures of `marsad.corpus.queries.entity_profile` as text, for `marsad entity`."""
    lines = [
        f"in the corpus: {profile['name']} ({profile['type']}{', ' + profile['kb'] if profile['kb'] else ''})"
        f" — {profile['n_articles']:,} articles, {profile['n_quotes']:,} quotes"
    ]
    if profile["months"]:
        lines.append(
            "  mentions by month: " + ", ".join(f"{m['month']}: {m['mentions']}" for m in profile["months"])
        )
    if profile["roles"]:
        lines.append("  roles: " + ", ".join(f"{role} ({count})" for role, count in profile["roles"].items()))
    for role in ("actor", "recipient"):
        if profile["events"][role]:
            counts = ", ".join(f"{kind} {n['events']}" for kind, n in profile["events"][role].items())
            lines.append(f"  events as {role}: {counts}")
    if profile["cooccurring"]:
        lines.append(
            "  seen with: " + ", ".join(f"{o['name']} ({o['articles']})" for o in profile["cooccurring"][:10])
        )
    return "\n".join(lines)
