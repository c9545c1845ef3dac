"""`marsad eval events FILE.jsonl`: event and quote scores on a gold file of articles."""

from __future__ import annotations

import json
from pathlib import Path

import click

from marsad.cli.evaluate import eval_group


@eval_group.command("events")
@click.argument("gold", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--errors", "show_errors", is_flag=True, help="List every false and missed event and quote.")
@click.option(
    "--gold-entities",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Score the events stage alone: take entities from this NAME/TYPE/PLACE_KIND table "
    "(eval/events/gold_entities.tsv) instead of the entity and linking stages.",
)
def eval_events_command(gold: Path, as_json: bool, show_errors: bool, gold_entities: Path | None) -> None:
    """Score events (type + actors + recipients + location) and quotes (with speaker).

    Every article of the gold JSON Lines FILE goes through the real pipeline (`marsad.analyze`);
    see marsad/training/events.py for the file format and the matching rules.
    """
    from marsad.service import analyze
    from marsad.training.events import evaluate, gold_entity_analyzer, read_gold, read_gold_entities

    articles = read_gold(gold)
    if gold_entities is not None:
        scores = evaluate(articles, gold_entity_analyzer(read_gold_entities(gold_entities)))
    else:
        scores = evaluate(articles, lambda a: analyze(a.text, title=a.title, published=a.published))
    if as_json:
        result = scores.to_dict()
        if show_errors:
            result["errors"] = scores.errors
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    source = f"entities from {gold_entities}" if gold_entities else "the full pipeline"
    click.echo(f"{scores.articles} articles from {gold}, {source}")
    click.echo(f"{'':<24}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'sys':>6}{'gold':>6}")
    rows = [
        ("events (all arguments)", scores.events),
        ("event types only", scores.event_types),
        ("quotes (span)", scores.quotes),
        ("quotes with speaker", scores.quotes_with_speaker),
    ]
    rows += [(f"  {name}", counts) for name, counts in sorted(scores.by_type.items())]
    for label, counts in rows:
        click.echo(
            f"{label:<24}{counts.precision:>7.3f}{counts.recall:>7.3f}{counts.f1:>7.3f}"
            f"{counts.tp:>6}{counts.system:>6}{counts.gold:>6}"
        )
    if show_errors:
        click.echo()
        for error in scores.errors:
            click.echo(json.dumps(error, ensure_ascii=False))
