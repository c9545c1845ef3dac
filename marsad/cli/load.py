"""`marsad load OUTPUT [--db URL]`: a `marsad batch` output into the corpus store."""

from __future__ import annotations

import json

import click

from marsad.cli.ingest import DB_HELP


@click.command("load")
@click.argument("output", metavar="OUTPUT", type=click.Path(file_okay=False))
@click.option("--db", "db_url", metavar="URL", help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def load_command(output: str, db_url: str | None, as_json: bool) -> None:
    """Load the tables `marsad batch` wrote into the corpus store, for search and the workbench.

    Nothing is analysed again. Loading the same output twice stores nothing the second time.
    """
    from marsad.batch.load import load_output
    from marsad.corpus import default_url, open_store

    url = db_url or default_url()
    with open_store(url) as store:
        summary = load_output(output, store)
    if as_json:
        click.echo(json.dumps({"db": url, **summary.to_dict()}, ensure_ascii=False, indent=2))
    else:
        click.echo(f"{summary.stored} articles stored ({summary.near_duplicates} near-duplicates), "
                   f"{summary.already_stored} already stored, from {output} into {url}")  # fmt: skip
