"""`marsad eval topics FILE.jsonl`: accuracy, macro-F1 and the confusion matrix of the ANT classifier."""

from __future__ import annotations

import json
from pathlib import Path

import click

from marsad.cli.evaluate import eval_group


@eval_group.command("topics")
@click.argument("gold", type=click.Path(path_type=Path))
@click.option(
    "--field", "label_field", default="cat", show_default=True, help="The JSON field with the label."
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def eval_topics_command(gold: Path, label_field: str, as_json: bool) -> None:
    """Classify each article (title + text) of a JSON Lines file (.gz or plain) and score the labels."""
    from marsad.training.topics_eval import evaluate_topics

    scores = evaluate_topics(gold, label_field)
    click.echo(json.dumps(scores.to_dict(), indent=2, ensure_ascii=False) if as_json else scores.report())
