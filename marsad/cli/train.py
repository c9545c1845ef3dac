"""`marsad train ...`: rebuild the shipped artefacts from `../shared/data`."""

from __future__ import annotations

from pathlib import Path

import click

from marsad import resources

DEFAULT_DATA = Path("../shared/data")


@click.group("train")
def train_group() -> None:
    """Rebuild the lexicons and models Marsad ships."""


@train_group.command("wordfreq")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_DATA,
    show_default=True,
    help="The shared data folder.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=lambda: resources.data_file("text", "wordfreq.tsv.gz"),
    help="Where to write the table (default: the one the package ships).",
)
def wordfreq_command(data_dir: Path, out: Path) -> None:
    """Count word forms in the ANT news corpus for the clitic analysis."""
    from marsad.training.wordfreq import CORPUS, build_word_frequencies

    if not (data_dir / CORPUS).is_file():
        raise click.ClickException(f"{data_dir / CORPUS}: not found; pass --data with the shared data folder")
    kept = build_word_frequencies(data_dir, out)
    click.echo(f"wrote {kept} word forms to {out}")
