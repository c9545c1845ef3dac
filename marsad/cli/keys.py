"""`marsad keys create|list|revoke`: API keys for writes (stored hashed, shown once)."""

from __future__ import annotations

from pathlib import Path

import click

KEYS_FILE_HELP = "API key file [default: $MARSAD_KEYS_FILE, else api-keys.json in the user data folder]."


@click.group("keys")
def keys_group() -> None:
    """Manage the API keys that writes (POST /api/v1/articles) need."""


def _store(keys_file: Path | None):  # -> KeyStore
    from marsad.api.keys import KeyStore

    return KeyStore(keys_file)


@keys_group.command("create")
@click.option("--label", default="", help="What the key is for (shown by `marsad keys list`).")
@click.option("--keys-file", type=click.Path(dir_okay=False, path_type=Path), help=KEYS_FILE_HELP)
def create_command(label: str, keys_file: Path | None) -> None:
    """Print a new key once; only its hash is kept, so store it somewhere safe now."""
    store = _store(keys_file)
    key, record = store.create(label)
    click.echo(key)
    click.echo(f"marsad: key {record.id} created in {store.path}; it cannot be shown again", err=True)


@keys_group.command("list")
@click.option("--keys-file", type=click.Path(dir_okay=False, path_type=Path), help=KEYS_FILE_HELP)
def list_command(keys_file: Path | None) -> None:
    """List key ids, labels and creation times (never the keys)."""
    records = _store(keys_file).list()
    if not records:
        click.echo("no API keys")
    for record in records:
        click.echo(f"{record.id}  {record.created}  {record.label}")


@keys_group.command("revoke")
@click.argument("key_id")
@click.option("--keys-file", type=click.Path(dir_okay=False, path_type=Path), help=KEYS_FILE_HELP)
def revoke_command(key_id: str, keys_file: Path | None) -> None:
    """Remove a key by its id; a running server refuses it from its next request."""
    if not _store(keys_file).revoke(key_id):
        raise click.ClickException(f"no key with id {key_id!r}")
    click.echo(f"revoked {key_id}")
