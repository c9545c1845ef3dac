"""`marsad batch INPUT OUTPUT [--engine spark|local] [--master URL] [--partitions N]`."""

from __future__ import annotations

import json
import sys

import click

from marsad.cli.main import EXIT_INPUT_ERROR


@click.command("batch")
@click.argument("input_path", metavar="INPUT")
@click.argument("output", metavar="OUTPUT")
@click.option(
    "--engine",
    type=click.Choice(["spark", "local"]),
    default="spark",
    show_default=True,
    help="Spark (local cores or a cluster), or this process alone (small inputs).",
)
@click.option(
    "--master", metavar="URL", help="Spark master, e.g. local[4] or spark://host:7077 [default: local[*]]."
)
@click.option(
    "--partitions",
    type=click.IntRange(min=1),
    help="Partitions the articles are analysed in [default: 4 per core Spark has].",
)
@click.option(
    "--field",
    "fields",
    multiple=True,
    metavar="NAME=KEY",
    help="Read article field NAME (title, text, published, url, source, id) from record key KEY.",
)
@click.option(
    "--any-language", is_flag=True, help="Analyse articles that are not in Arabic instead of rejecting them."
)
@click.option("--overwrite", is_flag=True, help="Replace the tables of an existing output.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def batch_command(
    input_path: str,
    output: str,
    engine: str,
    master: str | None,
    partitions: int | None,
    fields: tuple[str, ...],
    any_language: bool,
    overwrite: bool,
    as_json: bool,
) -> None:
    """Analyse an archive into Parquet tables: articles, entities, mentions, events, corpus events, quotes.

    INPUT is a JSON Lines file (.gz when gzipped), a Parquet file, or a folder of them, as a
    local path or any URI Spark reads (hdfs://, s3a://, ...). OUTPUT gets one Parquet dataset
    per table; records that cannot be read or analysed go to OUTPUT/rejects with file, line
    and reason, and the exit code is then 1. Both engines write the same rows.
    """
    from marsad.batch import run_batch
    from marsad.sources.jsonl import FieldMap

    result = run_batch(
        input_path, output, engine=engine, master=master, partitions=partitions,
        fields=FieldMap.parse(fields), require_arabic=not any_language, overwrite=overwrite,
    )  # fmt: skip
    summary = {
        "engine": result.engine, "output": result.output, "seconds": round(result.seconds, 2),
        "articles_per_second": round(result.articles_per_second, 2), "rows": result.rows,
    }  # fmt: skip
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        click.echo(f"{result.rows.get('articles', 0)} articles analysed in {result.seconds:.1f} s "
                   f"({result.articles_per_second:.1f}/s, {engine} engine) -> {output}")  # fmt: skip
        for table, count in result.rows.items():
            click.echo(f"  {table:<14} {count:>10}")
    if result.rows.get("rejects"):
        click.echo(f"{result.rows['rejects']} records rejected: see {output.rstrip('/')}/rejects", err=True)
        sys.stdout.flush()
        sys.exit(EXIT_INPUT_ERROR)
