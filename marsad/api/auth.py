"""Who may do what: writes need an API key; reads are open to loopback clients only.

A server started on 127.0.0.1 serves its own machine, and reads there need nothing. A
server that listens on a public address does not open the corpus to everyone it can
reach: reads from elsewhere need a key too unless it was started with `--open-reads`.
Keys come in `Authorization: Bearer KEY` or `X-API-Key: KEY`.
"""

from __future__ import annotations

import ipaddress

from fastapi import Request

from marsad.api.keys import KeyStore, StoredKey
from marsad.errors import MarsadError


def presented_key(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.headers.get("x-api-key") or None


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return host == "localhost"


def _keys(request: Request) -> KeyStore:
    return request.app.state.keys


def require_write_key(request: Request) -> StoredKey:
    """Dependency of every write: a valid key, else 401."""
    key = presented_key(request)
    if key is None:
        raise MarsadError("E703")
    record = _keys(request).verify(key)
    if record is None:
        raise MarsadError("E704")
    return record


async def require_read_access(request: Request) -> None:
    """Dependency of every read: loopback, `--open-reads`, or a valid key.

    `async` although it does no waiting: FastAPI runs a plain `def` dependency on the thread
    pool, and that hand-over cost more CPU than the check itself on every read.
    """
    if request.app.state.settings.open_reads:
        return
    host = request.client.host if request.client else None
    if is_loopback(host):
        return
    key = presented_key(request)
    if key is None:
        raise MarsadError("E705", host=host or "an unknown address")
    if _keys(request).verify(key) is None:
        raise MarsadError("E704")
