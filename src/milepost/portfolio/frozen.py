"""Read-only mappings for the portfolio's frozen records, and how a record holding them is
pickled.

A record's mapping (a track's status counts, the portfolio's cycles) is a
:class:`types.MappingProxyType` over a copy that nothing else holds: it reads as a dict does
(``get``, ``in``, iteration in the order given, ``==`` with a dict), and assigning to it
raises ``TypeError``. A proxy cannot be pickled or deep-copied, so such a record reduces to
its class and its fields with plain dicts (:func:`reduced`), which its ``__post_init__``
makes read-only again (:func:`freeze`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import fields
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

__all__ = ["freeze", "read_only", "reduced"]

K = TypeVar("K")
V = TypeVar("V")


def read_only(mapping: Mapping[K, V]) -> Mapping[K, V]:
    """A read-only copy of ``mapping``, in its order."""
    return MappingProxyType(dict(mapping))


def freeze(record: DataclassInstance, *names: str) -> None:
    """Make the fields ``names`` of a frozen ``record`` read-only copies (in its
    ``__post_init__``: whatever mapping it was given, no one else can change it)."""
    for name in names:
        object.__setattr__(record, name, read_only(getattr(record, name)))


def reduced(record: DataclassInstance) -> tuple[Callable[..., Any], tuple[Any, ...]]:
    """What ``record.__reduce__`` returns: its class, called again with each field it was
    made with, a read-only mapping as a plain dict (a proxy cannot be pickled)."""
    return type(record), tuple(_plain(getattr(record, f.name)) for f in fields(record) if f.init)


def _plain(value: object) -> object:
    return dict(value) if isinstance(value, MappingProxyType) else value
