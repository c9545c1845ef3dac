"""`marsad train ...`: rebuild the shipped artefacts from `../shared/data`."""

from __future__ import annotations

from pathlib import Path

import click

from marsad import resources

DEFAULT_DATA = Path("../shared/data")

# Every trainer reads the shared data folder; one option keeps its name and default alike.
data_option = click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_DATA,
    show_default=True,
    help="The shared data folder.",
)


def _require_corpus(path: Path) -> None:
    """One line, not a traceback, when the training corpus is not where --data points."""
    if not path.is_file():
        raise click.ClickException(f"{path}: not found; pass --data with the shared data folder")


@click.group("train")
def train_group() -> None:
    """Rebuild the lexicons and models Marsad ships."""


@train_group.command("wordfreq")
@data_option
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=lambda: resources.data_file("text", "wordfreq.tsv.gz"),
    help="Where to write the table (default: the one the package ships).",
)
def wordfreq_command(data_dir: Path, out: Path) -> None:
    """Count word forms in the ANT news corpus for the clitic analysis."""
    from marsad.training import ANT_TRAIN
    from marsad.training.wordfreq import build_word_frequencies

    _require_corpus(data_dir / ANT_TRAIN)
    kept = build_word_frequencies(data_dir, out)
    click.echo(f"wrote {kept} word forms to {out}")


@train_group.command("ner")
@data_option
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=lambda: resources.data_file("entities", ""),
    help="Folder for the model and its tables (default: the package's marsad/entities/data).",
)
@click.option(
    "--dev-out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Hold ANERcorp's development tenth out of training and write its files here "
    "(dev-anercorp.conll, dev-newsfane.conll, dev-newsfane-own-tokens.conll). "
    "Without it every block is trained on, as for the shipped model.",
)
@click.option(
    "--reuse-tables",
    is_flag=True,
    help="Keep the lexicon and word clusters already in --out instead of rebuilding them.",
)
@click.option(
    "--device",
    default="cpu",
    show_default=True,
    help="Where PyTorch trains the network: cpu, or cuda on a GPU machine (same model up to float rounding).",
)
def ner_command(data_dir: Path, out: Path, dev_out: Path | None, reuse_tables: bool, device: str) -> None:
    """Train the NER tagger (a CRF and a BiLSTM-CRF, its encoder pretrained on ANT news) on ANERcorp,
    NewsFANE, WikiFANE and AQMAR."""
    from marsad.training.ner import train_ner

    train_ner(data_dir, out, dev_out, log=click.echo, tables=not reuse_tables, device=device)


@train_group.command("person-words")
@data_option
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=lambda: resources.data_file("entities", "person_words.tsv"),
    help="Where to write the table (default: the one the package ships).",
)
def person_words_command(data_dir: Path, out: Path) -> None:
    """Find the words that name a person wherever they stand, with the entity stage over ANT news."""
    from marsad.training import ANT_TRAIN
    from marsad.training.person_words import build_person_words

    _require_corpus(data_dir / ANT_TRAIN)
    kept = build_person_words(data_dir, out, log=click.echo)
    click.echo(f"wrote {kept} words to {out}")


@train_group.command("keywords")
@data_option
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=lambda: resources.data_file("topics", "keyword_df.tsv.gz"),
    help="Where to write the table (default: the one the package ships).",
)
def keywords_command(data_dir: Path, out: Path) -> None:
    """Count the ANT training articles each term occurs in, for keyword weights."""
    from marsad.training import ANT_TRAIN
    from marsad.training.keywords import build_document_frequencies

    _require_corpus(data_dir / ANT_TRAIN)
    kept = build_document_frequencies(data_dir, out, log=click.echo)
    click.echo(f"wrote {kept} terms to {out}")


@train_group.command("topics")
@data_option
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=lambda: resources.data_file("topics", "topics.npz"),
    help="Where to write the model (default: the one the package ships).",
)
def topics_command(data_dir: Path, out: Path) -> None:
    """Train the ANT topic classifier (linear SVMs over TF-IDF, a stacked network) and export it for numpy."""
    from marsad.training.topics import train_topics

    train_topics(data_dir, out, log=click.echo)
