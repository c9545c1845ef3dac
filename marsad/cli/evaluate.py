"""`marsad eval ...`: quality figures on held-out data, one subcommand per layer."""

from __future__ import annotations

import click


@click.group("eval")
def eval_group() -> None:
    """Measure a layer's quality on a gold file."""
