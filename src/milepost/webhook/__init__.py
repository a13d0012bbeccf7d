"""The only HTTP in milepost: posting announcement payloads to a Discord webhook.

Only ``api`` and ``cli`` import this. A webhook URL is a secret (whoever has it can post to the
channel), so it is never printed, logged or put in an error: errors say what happened and how
far the delivery got, nothing else, and httpx's own exceptions (whose text names the URL) are
never passed on. Delivery is idempotent: each payload's key is recorded in a ledger file as soon
as Discord accepts it, so rerunning a partly sent announcement posts only the rest.

- :mod:`~milepost.webhook.url`: which URLs are Discord webhooks (:func:`discord_url`), and
  keeping the one in use out of every text and log record;
- :mod:`~milepost.webhook.ledger`: each payload's key, and the file of keys delivered;
- :mod:`~milepost.webhook.delivery`: posting, waiting out rate limits (:func:`post`), the one
  module that imports httpx.
"""

from __future__ import annotations

from milepost.errors import MilepostError

__all__ = ["WebhookError"]


class WebhookError(MilepostError):
    """A webhook URL is malformed, or posting to it failed; never names the URL."""
