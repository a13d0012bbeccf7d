"""Posting payloads to a Discord webhook, each at most once, waiting out rate limits: the one
module that imports httpx. Errors say what happened and how far the delivery got, never the URL;
httpx's own exceptions (whose text names it) are never passed on.
"""

from __future__ import annotations

import hashlib
import json
import math
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from milepost import __version__
from milepost.webhook import WebhookError
from milepost.webhook.ledger import canonical, payload_key, read_ledger, write_ledger
from milepost.webhook.url import LOOPBACK, scrub, scrubbed_logs

__all__ = ["MAX_RETRY_AFTER", "PostResult", "post"]

#: The longest wait for a rate limit, in seconds. Discord may ask for much longer (minutes,
#: hours); then we stop with an error rather than block a CI job or retry too early.
MAX_RETRY_AFTER = 60.0
#: The wait when a 429 says nothing usable about how long to wait.
DEFAULT_RETRY_AFTER = 1.0
#: The most of an answer read (Discord's are a few hundred bytes): more is no answer of it.
MAX_ANSWER = 1024 * 1024
_USER_AGENT = f"milepost/{__version__} (+https://pypi.org/project/milepost/)"


@dataclass(frozen=True, slots=True)
class PostResult:
    """How a delivery went: payloads posted now, and payloads skipped as already delivered."""

    sent: int
    skipped: int


def post(
    url: str,
    payloads: Sequence[Mapping[str, object]],
    *,
    ledger: Path,
    announcement_id: str | None = None,
    sleep: Callable[[float], object] = time.sleep,
    timeout: float = 10.0,
    max_retries: int = 5,
) -> PostResult:
    """Post ``payloads`` in order to the webhook at ``url``, each at most once.

    Each payload's key is the SHA-256 of the webhook's hash, ``announcement_id`` (by default a
    digest of all the payloads), the payload's position and its JSON. Keys already in the
    ``ledger`` (a JSON file; created if missing) are skipped; each new key is recorded right
    after Discord accepts the payload. The ledger holds keys only, never the URL.

    HTTP 429 is retried after the wait Discord asks for (the ``Retry-After`` header or the
    JSON ``retry_after``, whichever is longer), through ``sleep``, at most ``max_retries``
    times per payload; a wait over :data:`MAX_RETRY_AFTER` stops the delivery instead. Any
    other answer outside 2xx, a timeout or a broken connection stops it with a
    :class:`WebhookError` saying how many payloads were delivered; rerunning sends the rest.
    """
    webhook = hashlib.sha256(url.encode()).hexdigest()
    bodies = [canonical(payload) for payload in payloads]
    if announcement_id is None:
        announcement_id = hashlib.sha256(b"\n".join(bodies)).hexdigest()
    keys = [payload_key(webhook, announcement_id, index, body) for index, body in enumerate(bodies)]
    delivered, fingerprint = read_ledger(ledger)
    # Write the ledger before posting anything: a ledger we cannot write must not be found out
    # after a message went out unrecorded (the rerun would post it twice).
    fingerprint = write_ledger(ledger, delivered, fingerprint)
    sent = skipped = 0
    # A loopback URL (a test server, a local relay) never goes through a proxy.
    direct = (urlsplit(url).hostname or "").lower() in LOOPBACK
    client = httpx.Client(timeout=timeout, follow_redirects=False, trust_env=not direct)
    with scrubbed_logs(url), client:
        for index, (key, body) in enumerate(zip(keys, bodies, strict=True)):
            if key in delivered:
                skipped += 1
                continue
            where = f"message {index + 1} of {len(bodies)}"
            _deliver(
                client,
                url,
                body,
                where,
                sleep=sleep,
                max_retries=max_retries,
                timeout=timeout,
                done=sent,
            )
            delivered.add(key)
            fingerprint = write_ledger(ledger, delivered, fingerprint)
            sent += 1
    return PostResult(sent=sent, skipped=skipped)


def _deliver(
    client: httpx.Client,
    url: str,
    body: bytes,
    where: str,
    *,
    sleep: Callable[[float], object],
    max_retries: int,
    timeout: float,
    done: int,
) -> None:
    """Post one payload, waiting out rate limits; raise a URL-free WebhookError on failure."""
    progress = f"{done} sent this run" if done else "nothing sent this run"
    hint = f"{progress}; rerunning sends only what was not delivered"
    unsure = (
        f"{progress}; Discord may have posted this one: rerunning sends it again, "
        "so check the channel first"
    )
    retries = 0
    while True:
        failure = ""
        try:
            # Streamed, so that the whole answer, not each read of it, keeps to ``timeout``: a
            # server that trickles its answer byte by byte cannot hold the run.
            deadline = time.monotonic() + timeout
            with client.stream(
                "POST",
                url,
                content=body,
                params={"wait": "true"},
                headers={"Content-Type": "application/json", "User-Agent": _USER_AGENT},
            ) as response:
                answer = _read_by(response, deadline)
        except (httpx.ConnectError, httpx.ConnectTimeout):  # nothing was sent
            failure = "could not connect to Discord"
        except httpx.TimeoutException:
            failure, hint = f"no answer from Discord within {timeout:g} s", unsure
        except _TooLarge:
            failure = f"the answer was larger than {MAX_ANSWER // 1024} KiB: not Discord's"
            hint = unsure
        except httpx.TransportError:
            failure, hint = "the connection to Discord closed before an answer", unsure
        except (httpx.HTTPError, httpx.InvalidURL) as exc:  # their text may name the URL
            failure, hint = f"the request failed ({type(exc).__name__})", unsure
        if failure:  # raised outside the except block: the httpx error is not even chained
            raise WebhookError(f"{where}: {failure}", hint=hint)
        if response.is_success:
            return
        status = response.status_code
        if status != 429:
            detail = _detail(answer, url)
            if status in (401, 403, 404):
                hint = "the webhook was deleted or the URL is wrong; check the channel's webhooks"
            elif status == 400:
                hint = "Discord refused the message itself; please report this as a milepost bug"
            raise WebhookError(f"{where}: Discord answered HTTP {status}{detail}", hint=hint)
        wait = _retry_after(response.headers.get("Retry-After"), answer)
        if retries >= max_retries:
            raise WebhookError(
                f"{where}: still rate limited after {max_retries} retries", hint=hint
            )
        if wait > MAX_RETRY_AFTER:
            raise WebhookError(
                f"{where}: rate limited for {math.ceil(wait)} s, longer than the "
                f"{MAX_RETRY_AFTER:g} s milepost waits",
                hint=f"{progress}; rerun later to send the rest",
            )
        retries += 1
        sleep(wait)


class _TooLarge(Exception):
    """An answer longer than :data:`MAX_ANSWER`: no answer Discord gives."""


def _read_by(response: httpx.Response, deadline: float) -> bytes:
    """The answer's body, read whole by ``deadline`` (time.monotonic; checked as each part
    arrives, so a stalled answer may take one more read timeout) and at most
    :data:`MAX_ANSWER` bytes: else httpx's ReadTimeout, or :class:`_TooLarge`."""
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_ANSWER:
            raise _TooLarge
        if time.monotonic() > deadline:
            raise httpx.ReadTimeout("the answer did not end in time", request=response.request)
        chunks.append(chunk)
    return b"".join(chunks)


def _json(answer: bytes) -> object:
    try:
        return json.loads(answer)
    except ValueError:  # not JSON, or not UTF-8
        return None


def _retry_after(header: str | None, answer: bytes) -> float:
    """Seconds to wait: the longer of the Retry-After header and the JSON ``retry_after``."""
    waits = [_seconds(header)]
    data = _json(answer)
    if isinstance(data, dict):
        waits.append(_seconds(data.get("retry_after")))
    known = [w for w in waits if w is not None]
    return max(known) if known else DEFAULT_RETRY_AFTER


def _seconds(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    try:
        seconds = float(value)
    except ValueError:  # an HTTP date, or junk
        return None
    return seconds if math.isfinite(seconds) and seconds >= 0 else None


def _detail(answer: bytes, url: str) -> str:
    """Discord's own one-line reason (``message``, ``code``), scrubbed of the URL, or ''."""
    data = _json(answer)
    if not isinstance(data, dict) or not isinstance(data.get("message"), str):
        return ""
    message = " ".join(scrub(data["message"], url).split())[:200]
    code = data.get("code")
    code_text = f" {code}" if isinstance(code, int) and not isinstance(code, bool) else ""
    return f" ({message}{code_text})" if message else ""
