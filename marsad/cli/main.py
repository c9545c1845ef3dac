"""The `marsad` command group and the one place errors become exit codes.

Library code raises `MarsadError`; here it becomes one line on standard error. An
unexpected exception is also one line, unless `MARSAD_DEBUG=1` asks for the traceback.
"""

from __future__ import annotations

import os
import sys

import click

from marsad import __version__
from marsad.errors import MarsadError

EXIT_INPUT_ERROR = 1
EXIT_INTERNAL_ERROR = 3


def report(error: MarsadError | str) -> None:
    click.echo(f"marsad: error: {error}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="marsad")
def cli() -> None:
    """Marsad: structured, linked event data from Arabic news."""


def _register_commands() -> None:
    from marsad.cli.analyze import analyze_command
    from marsad.cli.batch import batch_command
    from marsad.cli.entity import entity_command
    from marsad.cli.eval_events import eval_events_command  # noqa: F401  (attaches `eval events`)
    from marsad.cli.eval_ner import eval_ner_command  # noqa: F401  (attaches `eval ner`)
    from marsad.cli.eval_summary import eval_summary_command  # noqa: F401  (attaches `eval summary`)
    from marsad.cli.eval_time import eval_time_command  # noqa: F401  (attaches `eval time`)
    from marsad.cli.eval_topics import eval_topics_command  # noqa: F401  (attaches `eval topics`)
    from marsad.cli.evaluate import eval_group
    from marsad.cli.events import events_command
    from marsad.cli.ingest import ingest_command
    from marsad.cli.keys import keys_group
    from marsad.cli.load import load_command
    from marsad.cli.registry import build_registry_command
    from marsad.cli.search import search_command
    from marsad.cli.serve import serve_command
    from marsad.cli.stats import stats_command
    from marsad.cli.train import train_group

    cli.add_command(analyze_command)
    cli.add_command(entity_command)
    cli.add_command(build_registry_command)
    cli.add_command(eval_group)
    cli.add_command(train_group)
    cli.add_command(ingest_command)
    cli.add_command(search_command)
    cli.add_command(events_command)
    cli.add_command(stats_command)
    cli.add_command(serve_command)
    cli.add_command(keys_group)
    cli.add_command(batch_command)
    cli.add_command(load_command)


_register_commands()


def main() -> None:
    try:
        cli.main(standalone_mode=True)
    except MarsadError as error:
        report(error)
        sys.exit(EXIT_INPUT_ERROR)
    except Exception as error:
        if os.environ.get("MARSAD_DEBUG"):
            raise
        report(f"internal error: {type(error).__name__}: {error} (set MARSAD_DEBUG=1 for details)")
        sys.exit(EXIT_INTERNAL_ERROR)
