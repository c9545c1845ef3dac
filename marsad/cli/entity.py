"""`marsad entity NAME [--limit N] [--format text|json]`: look a name up in the registry."""

from __future__ import annotations

import json

import click

from marsad import resources
from marsad.linking.lookup import lookup_entity


def _describe(entry: dict) -> str:
    """One entry in two or three lines: id, names, type and codes, then place or offices."""
    head = f"{entry['kb']}  {entry['name']}  ({entry['latin'] or '-'})  {entry['type']}"
    if entry["kind"]:
        head += f"/{entry['kind']}"
    lines = [head, f"    registry id {entry['id']}, matched by {entry['match']}, source {entry['source']}"]
    if entry["codes"]:
        lines.append(f"    CAMEO codes: {', '.join(entry['codes'])}")
    if entry["lat"] is not None:
        where = f"    {entry['lat']:.4f}, {entry['lon']:.4f}  country {entry['country'] or '-'}"
        where += f"  admin1 {entry['admin1'] or '-'}  population {entry['population'] or '-'}"
        lines.append(where)
    for office in entry["offices"]:
        span = f"{office['start'] or '…'} – {office['end'] or '…'}"
        lines.append(f"    {office['code']} {office['title'] or ''} {span}".rstrip())
    return "\n".join(lines)


@click.command("entity")
@click.argument("name")
@click.option("--limit", default=10, show_default=True, help="Most matches to print.")
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--db", "db_url", metavar="URL", help="Also show what this corpus store says of NAME.")
def entity_command(name: str, limit: int, output_format: str, db_url: str | None) -> None:
    """Look NAME (Arabic in any spelling, a Latin name, a registry id or a QID) up in the entity registry."""
    results = lookup_entity(resources.registry(), name, limit=limit)
    profile = _corpus_profile(db_url, name) if db_url else None
    if output_format == "json":
        payload = {"registry": results, "corpus": profile} if db_url else results
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    if not results:
        click.echo(f"no registry entry matches {name!r}")
    else:
        click.echo("\n".join(_describe(entry) for entry in results))
    if db_url:
        from marsad.cli.stats import render_entity_profile

        click.echo(render_entity_profile(profile) if profile else f"no entity named {name!r} in the corpus")


def _corpus_profile(db_url: str, name: str) -> dict | None:
    """Mentions over time, roles, partners and events of NAME in a corpus store."""
    from marsad.corpus import open_store
    from marsad.corpus.queries import entity_profile

    with open_store(db_url) as store:
        return entity_profile(store, name)
