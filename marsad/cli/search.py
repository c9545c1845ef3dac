"""`marsad search QUERY [--since] [--until] [--entity] [--place] [--type] [--topic] [--limit]`."""

from __future__ import annotations

import json
import sys

import click

from marsad.cli.ingest import DB_HELP
from marsad.corpus import SearchFilters, open_store
from marsad.corpus.queries import search
from marsad.corpus.search import Snippet


@click.command("search")
@click.argument("query")
@click.option("--db", "db_url", metavar="URL", help=DB_HELP)
@click.option("--since", metavar="DATE", help="Published on or after (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Published on or before.")
@click.option("--entity", metavar="NAME", help="Articles mentioning this entity (name, Latin name or KB id).")
@click.option("--place", metavar="NAME", help="Articles mentioning this place (name or country code).")
@click.option(
    "--type", "event_type", metavar="TYPE", help="Articles reporting an event of this type (PLOVER)."
)
@click.option("--topic", metavar="LABEL", help="Articles with this topic.")
@click.option("--limit", type=click.IntRange(1, 1000), default=10, show_default=True)
@click.option("--all-copies", is_flag=True, help="List every copy of a story, not only its best match.")
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def search_command(
    query: str,
    db_url: str | None,
    since: str | None,
    until: str | None,
    entity: str | None,
    place: str | None,
    event_type: str | None,
    topic: str | None,
    limit: int,
    all_copies: bool,
    output_format: str,
) -> None:
    """Full-text search of the corpus, ranked by BM25, Arabic-aware.

    Words match whatever clitics and endings they carry: بارزاني finds البارزاني and
    والبارزاني, المفاوضات finds مفاوضات. Every word of QUERY must occur.
    """
    filters = SearchFilters(
        since=since,
        until=until,
        entity=entity,
        place=place,
        type=event_type.upper() if event_type else None,
        topic=topic,
    )
    with open_store(db_url) as store:
        hits = search(store, query, filters, limit=limit, collapse=not all_copies)
    if output_format == "json":
        click.echo(json.dumps(hits, ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo("no matching articles")
        return
    for rank, hit in enumerate(hits, 1):
        copies = f"  (+{hit['story_size'] - 1} copies)" if hit["story_size"] > 1 else ""
        click.echo(click.style(f"{rank}. {hit['title'] or '(no headline)'}", bold=True) + copies)
        facts = [
            str(hit["article_id"]),
            hit["published"] or "undated",
            hit["source"] or "",
            f"score {hit['score']:.3f}",
        ]
        click.echo("   " + " | ".join(fact for fact in facts if fact))
        passage = Snippet(hit["snippet"], tuple(tuple(h) for h in hit["highlights"]))  # type: ignore[misc]
        if sys.stdout.isatty():
            open_mark, close_mark = click.style("\0", bold=True, fg="yellow").split("\0")
            click.echo("   " + passage.marked(open_mark, close_mark))
        else:
            click.echo("   " + passage.marked())
