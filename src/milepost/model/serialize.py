"""The helpers the model's ``to_dict()`` methods share: spans, periods and dates as
JSON-ready data."""

from __future__ import annotations

from datetime import date
from typing import Any

from milepost.span import Span
from milepost.vocabulary.periods import Period

__all__ = ["JSON", "date_text", "period_dict", "span_dict"]

JSON = dict[str, Any]


def span_dict(span: Span) -> JSON:
    return span.to_dict()


def period_dict(period: Period | None) -> JSON | None:
    return period.to_dict() if period else None


def date_text(day: date | None) -> str | None:
    return day.isoformat() if day else None
