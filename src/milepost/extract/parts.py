"""The template's sections → the typed model's parts (focus, goals, risks, metrics, ...)."""

from __future__ import annotations

from typing import Any

from milepost.document import Document
from milepost.extract.walk import Walk
from milepost.model import Meta

__all__ = ["read_parts"]


def read_parts(document: Document, found: Walk, meta: Meta, *, path: str | None) -> dict[str, Any]:
    return {}
