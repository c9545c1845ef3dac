"""`marsad ingest PATH... [--db URL] [--workers N] [--field NAME=KEY]...`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from marsad.cli.main import EXIT_INPUT_ERROR
from marsad.corpus import open_store
from marsad.corpus.ingest import DEFAULT_REJECTS, IngestOptions, IngestSummary, ingest
from marsad.sources.jsonl import FieldMap

DB_HELP = (
    "Store URL: sqlite:///PATH or postgresql://... "
    "[default: $MARSAD_DB, else corpus.db in the user data folder]"
)


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--db", "db_url", metavar="URL", help=DB_HELP)
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Analysis processes (0: one per core; 1: analyse in this process).",
)
@click.option(
    "--field",
    "fields",
    multiple=True,
    metavar="NAME=KEY",
    help="Read article field NAME (title, text, published, url, source, id) from record key KEY "
    "in JSON and JSON Lines input, e.g. --field text=content --field published=date.",
)
@click.option(
    "--rejects",
    "rejects_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_REJECTS,
    show_default=True,
    help="Where rejected records are listed (JSON Lines).",
)
@click.option(
    "--any-language", is_flag=True, help="Store articles that are not in Arabic instead of rejecting them."
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar [default: when standard error is a terminal].",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def ingest_command(
    paths: tuple[str, ...],
    db_url: str | None,
    workers: int,
    fields: tuple[str, ...],
    rejects_path: Path,
    any_language: bool,
    progress: bool | None,
    as_json: bool,
) -> None:
    """Analyse and store articles: files, folders, JSON Lines dumps, RSS/Atom feeds, and .gz of any.

    Re-running on the same input adds nothing, and a run that was killed picks up where it
    stopped. Records that cannot be read or analysed are listed with file, line and reason
    in the rejects file and the summary; the exit code is then 1 (0 when none were).
    """
    options = IngestOptions(
        workers=workers,
        fields=FieldMap.parse(fields),
        require_arabic=not any_language,
        rejects_path=rejects_path,
        progress=sys.stderr.isatty() if progress is None else progress,
    )
    with open_store(db_url) as store:
        summary = ingest(paths, store, options)
        url = store.url
    if as_json:
        click.echo(json.dumps({"db": url, **summary.to_dict()}, ensure_ascii=False, indent=2))
    else:
        click.echo(render_summary(summary, url))
    if summary.rejected:
        sys.exit(EXIT_INPUT_ERROR)


def render_summary(summary: IngestSummary, url: str) -> str:
    lines = [
        f"ingest: {summary.read:,} records read in {summary.seconds:.1f} s "
        f"({summary.analysed_per_second:.1f} articles/s analysed) into {url}",
        f"  stored           {summary.stored:>9,}"
        f"  (near-duplicates of a stored article: {summary.near_duplicates:,})",
        f"  already stored   {summary.already_stored:>9,}",
        f"  rejected         {summary.rejected:>9,}"
        + (f"  -> {summary.rejects_path}" if summary.rejected and summary.rejects_path else ""),
    ]
    for reason, count in summary.reasons.most_common():
        lines.append(f"    {count:>7,}  {reason}")
    for reject in summary.first_rejects[:5]:
        where = f"{reject.file}:{reject.line}" if reject.line is not None else reject.file
        lines.append(f"      e.g. {where}: {reject.reason} [{reject.code}]")
    lines.append(f"  event reports    {summary.event_reports:>9,}")
    return "\n".join(lines)
