"""`marsad analyze PATH... [--published YYYY-MM-DD] [--format json|text]`."""

from __future__ import annotations

import json
import sys

import click

from marsad.cli.main import EXIT_INPUT_ERROR, report
from marsad.cli.render import render_text
from marsad.errors import MarsadError
from marsad.events.exporters import Citation, acled_csv, geojson, plover_jsonl
from marsad.service import analyze_article
from marsad.sources import read_article
from marsad.sources.article import parse_published


def _published_option(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        parsed = parse_published(value)
    except MarsadError as error:
        raise click.BadParameter(error.message) from None
    if parsed != value:
        raise click.BadParameter(f"{value!r} is not in YYYY-MM-DD form")
    return parsed


@click.command("analyze")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--published",
    callback=_published_option,
    metavar="YYYY-MM-DD",
    help="Publication date; overrides one found in the input.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json", "text", "plover", "acled", "geojson"]),
    default="json",
    show_default=True,
    help="JSON document contract, a readable summary, or the events as PLOVER JSON Lines, "
    "ACLED-style CSV or a GeoJSON FeatureCollection.",
)
@click.option("--any-language", is_flag=True, help="Analyse text that is not Arabic instead of refusing it.")
def analyze_command(
    paths: tuple[str, ...], published: str | None, output_format: str, any_language: bool
) -> None:
    """Analyse article files (plain text, HTML or JSON; '-' reads standard input).

    With one PATH and --format json the document is printed indented; with several, one
    document a line (JSON Lines). A file that cannot be read is reported on standard error
    and the others are still analysed; the exit code is then 1.
    """
    failed = False
    features: list[dict[str, object]] = []
    acled_header = True
    for index, path in enumerate(paths):
        try:
            article = read_article(path)
            if published:
                article.published = published
            doc = analyze_article(article, require_arabic=not any_language)
        except MarsadError as error:
            report(error if error.source else error.with_source(path))
            failed = True
            continue
        if output_format in ("plover", "acled", "geojson"):
            citation = Citation(doc_id=article.id or f"doc{index + 1}", url=article.url,
                                publication=article.source or path)  # fmt: skip
            if output_format == "plover":
                click.echo(plover_jsonl([(doc, citation)]), nl=False)
            elif output_format == "acled":
                click.echo(acled_csv([(doc, citation)], header=acled_header), nl=False)
                acled_header = False
            else:
                features.extend(geojson([(doc, citation)])["features"])
        elif output_format == "json":
            indent = 2 if len(paths) == 1 else None
            click.echo(json.dumps(doc.to_dict(), ensure_ascii=False, indent=indent))
        else:
            if index:
                click.echo()
            click.echo(render_text(doc, source=path))
    if output_format == "geojson":
        click.echo(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False))
    sys.stdout.flush()
    if failed:
        sys.exit(EXIT_INPUT_ERROR)
