"""The webhook URL: which URLs are Discord webhooks, and keeping the one in use out of every
text and log record (whoever has it can post to the channel)."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from urllib.parse import urlsplit

from milepost.webhook import WebhookError

__all__ = ["ENV_VAR", "LOOPBACK", "discord_url", "scrub", "scrubbed_logs"]

#: The environment variable that holds the webhook URL; it wins over the config.
ENV_VAR = "MILEPOST_DISCORD_WEBHOOK"
#: The hosts of this machine, where a test server or a local relay may listen.
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})

_HOSTS = frozenset(
    f"{prefix}{domain}"
    for prefix in ("", "ptb.", "canary.")
    for domain in ("discord.com", "discordapp.com")
)
_PATH = re.compile(r"/api(?:/v\d+)?/webhooks/\d+/[A-Za-z0-9_-]+/?")
_SHAPE = "https://discord.com/api/webhooks/<id>/<token>"
#: Loggers that may format the request URL; records passing through them are scrubbed.
_HTTP_LOGGERS = ("httpx", "httpcore.connection", "httpcore.http11", "httpcore.http2")


def discord_url(
    config_value: str | None, environ: Mapping[str, str], *, allow_loopback: bool = False
) -> str | None:
    """The webhook URL from ``MILEPOST_DISCORD_WEBHOOK``, else from the config; None if neither.

    A URL that is not a Discord webhook (https, discord.com or discordapp.com, possibly ptb. or
    canary., path ``/api/webhooks/<id>/<token>``) is a :class:`WebhookError` that says where it
    came from but not what it is. ``allow_loopback`` also accepts http(s) on 127.0.0.1,
    localhost or ::1 with any port and path (for tests and local relays).
    """
    from_env = environ.get(ENV_VAR, "").strip()
    value = from_env or (config_value or "").strip()
    if not value:
        return None
    where = f"the {ENV_VAR} environment variable" if from_env else "announce.discord_webhook"
    problem = _problem(value, allow_loopback=allow_loopback)
    if problem:
        raise WebhookError(f"{where} is not a Discord webhook URL: {problem}", hint=_SHAPE)
    return value


def _problem(value: str, *, allow_loopback: bool) -> str:
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        return "it cannot be parsed as a URL"
    host = (parts.hostname or "").lower()
    if allow_loopback and host in LOOPBACK and parts.scheme in ("http", "https"):
        return ""
    if parts.scheme != "https":
        return "it must start with https://"
    if parts.username is not None or parts.password is not None:
        return "it must not contain a user name or password"
    if host not in _HOSTS or port not in (None, 443):
        return "its host must be discord.com or discordapp.com"
    if not _PATH.fullmatch(parts.path):
        return "its path must be /api/webhooks/<id>/<token>"
    if parts.fragment:
        return "it must not have a #fragment"
    return ""


def _secrets(url: str) -> list[str]:
    """The parts of ``url`` that must never appear in text: the URL, its path and the last two
    path segments (a webhook's id and token), longest first."""
    path = urlsplit(url).path
    segments = [s for s in path.split("/") if s][-2:]
    return sorted({url, path, *(s for s in segments if len(s) >= 4)} - {"", "/"}, key=len)[::-1]


def scrub(text: str, url: str) -> str:
    """``text`` with every part of ``url`` that must stay secret replaced by ``<webhook>``."""
    for secret in _secrets(url):
        text = text.replace(secret, "<webhook>")
    return text


class _ScrubFilter(logging.Filter):
    """Rewrites a log record that would show the webhook URL (httpx logs every request's)."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self._url = url

    def __repr__(self) -> str:
        return "<_ScrubFilter webhook=<hidden>>"

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record: logging reports it, with its own handler
            return True
        scrubbed = scrub(message, self._url)
        if scrubbed != message:
            record.msg, record.args = scrubbed, ()
        return True


@contextmanager
def scrubbed_logs(url: str) -> Iterator[None]:
    """While inside, the HTTP libraries' log records are scrubbed of ``url``."""
    loggers = [logging.getLogger(name) for name in _HTTP_LOGGERS]
    scrubber = _ScrubFilter(url)
    for logger in loggers:
        logger.addFilter(scrubber)
    try:
        yield
    finally:
        for logger in loggers:
            logger.removeFilter(scrubber)
