"""`marsad eval summary FILE.jsonl`: ROUGE of the summaries against a reference field."""

from __future__ import annotations

import json
from pathlib import Path

import click

from marsad.cli.evaluate import eval_group


@eval_group.command("summary")
@click.argument("gold", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--reference", default="abstract", show_default=True, help="The field holding the reference.")
@click.option(
    "--only-nonlead/--all",
    default=True,
    show_default=True,
    help="Keep only articles whose reference is not copied from their first paragraph.",
)
@click.option("--limit", type=int, help="Score at most this many articles.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_summary_command(
    gold: Path, reference: str, only_nonlead: bool, limit: int | None, as_json: bool
) -> None:
    """ROUGE-1/2/L (P/R/F on normalised Arabic tokens) of the summaries and the lead baselines.

    FILE is JSON Lines (or .jsonl.gz) of objects with `text`, the reference field and
    optionally `title` and `published`; each article goes through the full pipeline.
    """
    from marsad.service import analyze
    from marsad.training.summary_eval import ROUGE_TYPES, evaluate, read_reference_articles

    scores = evaluate(
        read_reference_articles(gold, reference),
        lambda a: analyze(a.text, title=a.title, published=a.published),
        only_nonlead=only_nonlead,
        limit=limit,
    )
    result = scores.to_dict()
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    kept = "articles whose reference is not their lead" if only_nonlead else "articles"
    click.echo(f"{scores.articles} {kept} from {gold} (skipped {scores.skipped_lead} lead references)")
    header = "".join(f"{name + ' ' + part:>10}" for name in ("R1", "R2", "RL") for part in ("P", "R", "F"))
    click.echo(f"{'':<8}{header}")
    for name, by_type in result["scores"].items():
        cells = "".join(
            f"{by_type[rouge_type][part]:>10.4f}"
            for rouge_type in ROUGE_TYPES
            for part in ("precision", "recall", "f")
        )
        click.echo(f"{name:<8}{cells}")
