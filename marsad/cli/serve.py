"""`marsad serve [--db URL] [--host 127.0.0.1] [--port 8000]`: the API and the web pages."""

from __future__ import annotations

import os
from pathlib import Path

import click

from marsad.cli.ingest import DB_HELP


@click.command("serve")
@click.option("--db", "db_url", metavar="URL", help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--open-reads",
    is_flag=True,
    help="Let clients other than this machine read without an API key (writes always need one).",
)
@click.option("--keys-file", type=click.Path(dir_okay=False, path_type=Path), help="API key file [default: "
              "$MARSAD_KEYS_FILE, else api-keys.json in the user data folder].")  # fmt: skip
@click.option("--max-body", type=click.IntRange(1024), default=4 * 1024 * 1024, show_default=True,
              help="Largest request body accepted, in bytes.")  # fmt: skip
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes (each opens its own store connections).")  # fmt: skip
@click.option("--threads", type=click.IntRange(1, 256),
              help="Requests each server process serves at once; others queue [default: 4].")  # fmt: skip
def serve_command(
    db_url: str | None, host: str, port: int, open_reads: bool, keys_file: Path | None, max_body: int,
    workers: int, threads: int | None,
) -> None:  # fmt: skip
    """Serve the HTTP API (/api/v1, OpenAPI at /openapi.json) and the Arabic web interface."""
    import uvicorn

    from marsad.api.app import DEFAULT_THREADS, ServerSettings, create_app
    from marsad.corpus import default_url, open_store

    # Open (and create or migrate) the store once up front, so a bad URL fails here in one line.
    with open_store(db_url) as store:
        where = store.url
    threads = threads or DEFAULT_THREADS
    settings = ServerSettings(db_url=db_url or default_url(), keys_path=keys_file, open_reads=open_reads,
                              max_body_bytes=max_body, threads=threads)  # fmt: skip
    shown_host = f"[{host}]" if ":" in host else host
    click.echo(f"marsad: serving {where} on http://{shown_host}:{port}  (Ctrl-C stops)", err=True)
    if workers == 1:
        uvicorn.run(create_app(settings), host=host, port=port, log_level="warning", access_log=False)
        return
    os.environ.update(MARSAD_DB=settings.db_url or "", MARSAD_OPEN_READS="1" if open_reads else "0",
                      MARSAD_MAX_BODY=str(max_body), MARSAD_THREADS=str(threads))  # fmt: skip
    if keys_file:
        os.environ["MARSAD_KEYS_FILE"] = str(keys_file)
    uvicorn.run("marsad.api.app:create_app_from_env", factory=True, workers=workers, host=host, port=port,
                log_level="warning", access_log=False)  # fmt: skip
