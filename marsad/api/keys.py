"""API keys: made once, shown once, stored only as a hash.

A key is 32 random bytes (`marsad_` + URL-safe base64), so a single SHA-256 is the
right hash: slow password hashes exist to stretch guessable secrets, and a random
256-bit key is not guessable. The key file holds each key's id, hash, label and
creation time and nothing from which the key could be recovered; it is written
atomically with owner-only permissions. Checking compares hashes in constant time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

KEY_PREFIX = "marsad_"
KEYS_FILE_ENV = "MARSAD_KEYS_FILE"


@dataclass(frozen=True, slots=True)
class StoredKey:
    id: str
    sha256: str
    label: str
    created: str


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def default_keys_path() -> Path:
    """`$MARSAD_KEYS_FILE`, else `api-keys.json` in the user data directory."""
    if os.environ.get(KEYS_FILE_ENV):
        return Path(os.environ[KEYS_FILE_ENV])
    from platformdirs import user_data_dir

    return Path(user_data_dir("marsad", appauthor=False)) / "api-keys.json"


class KeyStore:
    """The hashed keys in one JSON file; re-read when the file changes on disk."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_keys_path()
        self._stamp: tuple[int, int] | None = None
        self._keys: list[StoredKey] = []

    def create(self, label: str = "") -> tuple[str, StoredKey]:
        """Makes a new key and stores its hash; returns the key (shown once) and its record."""
        key = KEY_PREFIX + secrets.token_urlsafe(32)
        record = StoredKey(
            id=secrets.token_hex(4), sha256=hash_key(key), label=label,
            created=dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        )  # fmt: skip
        self._write([*self.list(), record])
        return key, record

    def list(self) -> list[StoredKey]:
        self._reload()
        return list(self._keys)

    def revoke(self, key_id: str) -> bool:
        keys = self.list()
        kept = [key for key in keys if key.id != key_id]
        if len(kept) == len(keys):
            return False
        self._write(kept)
        return True

    def verify(self, key: str) -> StoredKey | None:
        """The record of a valid key, else None; every stored hash is compared."""
        digest = hash_key(key)
        found = None
        for record in self.list():
            if hmac.compare_digest(record.sha256, digest):
                found = record
        return found

    def _reload(self) -> None:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            self._stamp, self._keys = None, []
            return
        stamp = (stat.st_mtime_ns, stat.st_size)
        if stamp == self._stamp:
            return
        records = json.loads(self.path.read_text(encoding="utf-8")).get("keys", [])
        self._keys = [StoredKey(**record) for record in records]
        self._stamp = stamp

    def _write(self, keys: list[StoredKey]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = json.dumps({"keys": [asdict(key) for key in keys]}, indent=1)
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".api-keys.")
        try:
            os.fchmod(handle, 0o600)
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(payload)
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        self._stamp = None
