"""What was delivered: each payload's key, and the ledger file of the keys Discord accepted,
so that a rerun posts only the rest. The ledger holds keys only, never the URL."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

from milepost import fs
from milepost.errors import SourceError
from milepost.webhook import WebhookError

__all__ = ["LEDGER_VERSION", "canonical", "payload_key", "read_ledger", "write_ledger"]

LEDGER_VERSION = 1


def canonical(payload: Mapping[str, object]) -> bytes:
    """The payload's JSON, in one canonical form: the bytes posted and the bytes keyed."""
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def payload_key(webhook: str, announcement_id: str, index: int, body: bytes) -> str:
    """A payload's key: the SHA-256 of the webhook's hash, the announcement, the payload's
    position and its canonical JSON."""
    head = f"{webhook}\n{announcement_id}\n{index}\n".encode()
    return hashlib.sha256(head + body).hexdigest()


def read_ledger(ledger: Path) -> tuple[set[str], str | None]:
    """The keys already delivered and the ledger's fingerprint (None: no ledger yet)."""
    try:
        snapshot = fs.read(ledger)
    except SourceError:
        if ledger.exists():
            raise
        return set(), None
    try:
        data = json.loads(snapshot.data)
    except ValueError:
        data = None
    keys = data.get("delivered") if isinstance(data, dict) else None
    if (
        not isinstance(data, dict)
        or data.get("version") != LEDGER_VERSION
        or not isinstance(keys, list)
        or not all(isinstance(key, str) for key in keys)
    ):
        raise WebhookError(
            "not a milepost delivery ledger",
            path=str(ledger),
            hint="move it aside to start a new one; what it recorded may then be posted again",
        )
    return set(keys), snapshot.fingerprint


def write_ledger(ledger: Path, delivered: set[str], expected: str | None) -> str:
    """Write ``delivered`` to the ledger, which must still be as read (``expected``: its
    fingerprint, None where there was none); the new fingerprint."""
    data = {"version": LEDGER_VERSION, "delivered": sorted(delivered)}
    text = json.dumps(data, indent=2) + "\n"
    blob = text.encode()
    try:
        fs.write_atomic(ledger, blob, expected=expected)
    except OSError as exc:
        raise WebhookError(
            f"cannot write the delivery ledger: {exc.strerror or type(exc).__name__}",
            path=str(ledger),
        ) from None
    return fs.sha256(blob)
