"""`marsad keys` and `marsad serve` as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from marsad.api.keys import KeyStore, hash_key
from marsad.cli.main import cli


def test_keys_create_prints_the_key_once_and_stores_its_hash(tmp_path: Path) -> None:
    keys = tmp_path / "keys.json"
    runner = CliRunner()
    created = runner.invoke(cli, ["keys", "create", "--label", "desk", "--keys-file", str(keys)])
    assert created.exit_code == 0, created.output
    key = created.stdout.strip()
    assert key.startswith("marsad_") and len(key) > 40
    stored = json.loads(keys.read_text(encoding="utf-8"))["keys"]
    assert [record["sha256"] for record in stored] == [hash_key(key)]
    assert key not in keys.read_text(encoding="utf-8")
    listed = runner.invoke(cli, ["keys", "list", "--keys-file", str(keys)])
    assert stored[0]["id"] in listed.stdout and "desk" in listed.stdout and key not in listed.stdout
    revoked = runner.invoke(cli, ["keys", "revoke", stored[0]["id"], "--keys-file", str(keys)])
    assert revoked.exit_code == 0 and KeyStore(keys).verify(key) is None
    missing = runner.invoke(cli, ["keys", "revoke", "nope", "--keys-file", str(keys)])
    assert missing.exit_code == 1 and "no key with id 'nope'" in missing.output


def test_serve_with_a_bad_store_url_is_one_line(tmp_path: Path) -> None:
    marsad = Path(sys.executable).with_name("marsad")
    result = subprocess.run(
        [str(marsad), "serve", "--db", "mysql://nowhere/x", "--port", "8999"],
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 1
    lines = result.stderr.decode().strip().splitlines()
    assert lines == [
        "marsad: error: unknown database URL 'mysql://nowhere/x': "
        "use sqlite:///PATH or postgresql://... [E601]"
    ]


def test_serve_threads_bound_the_requests_a_worker_serves_at_once(tmp_path: Path) -> None:
    import anyio.to_thread
    from fastapi.testclient import TestClient

    from marsad.api.app import DEFAULT_THREADS, ServerSettings, create_app

    app = create_app(
        ServerSettings(db_url=f"sqlite:///{tmp_path / 'c.db'}", keys_path=tmp_path / "k.json", threads=3)
    )
    with TestClient(app) as client:
        limit = client.portal.call(lambda: anyio.to_thread.current_default_thread_limiter().total_tokens)
    assert limit == 3
    help_text = CliRunner().invoke(cli, ["serve", "--help"]).output
    assert f"[default: {DEFAULT_THREADS}]" in " ".join(help_text.split())
