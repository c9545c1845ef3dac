"""`marsad eval time FILE.jsonl`: span F1 and value accuracy for times and quantities."""

from __future__ import annotations

import json
from pathlib import Path

import click

from marsad.cli.evaluate import eval_group


@eval_group.command("time")
@click.argument("gold", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option(
    "--errors", "show_errors", is_flag=True, help="Also list every mismatch (missed, spurious, wrong)."
)
def eval_time_command(gold: Path, as_json: bool, show_errors: bool) -> None:
    """Score time expressions and quantities against a gold JSON Lines file (see eval/time/)."""
    from marsad.training.temporal_eval import evaluate, read_gold

    scores = evaluate(read_gold(gold))
    click.echo(json.dumps(scores.to_dict(), indent=2) if as_json else scores.report())
    if show_errors:
        for name, layer in (("time", scores.times), ("quantity", scores.quantities)):
            for line in layer.errors:
                click.echo(f"{name} {line}")
