"""Read-only mappings for the frozen models (a legend's markers, a track's counts, a
portfolio's cycles).

A :class:`ReadOnlyDict` is a ``dict`` whose changing methods raise ``TypeError``: it reads
as a dict does (``get``, ``in``, iteration in the order given, ``==`` with a dict, its repr),
``json.dumps`` takes it, and it pickles and copies as itself, so that ``pickle``,
``copy.deepcopy`` and ``dataclasses.asdict`` work on every record holding one (none did on a
:class:`types.MappingProxyType`, which cannot be pickled). ``dict(mapping)`` (or
``mapping.copy()``, or ``mapping | other``) is a plain dict to change.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, NoReturn, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

__all__ = ["ReadOnlyDict", "freeze", "read_only"]

K = TypeVar("K")
V = TypeVar("V")


class ReadOnlyDict(dict[K, V]):
    """A dict that cannot be changed once made."""

    __slots__ = ()

    def _refuse(self) -> NoReturn:
        raise TypeError("a read-only mapping cannot be changed: dict() it for a copy to change")

    def __setitem__(self, key: K, value: V) -> NoReturn:
        self._refuse()

    def __delitem__(self, key: K) -> NoReturn:
        self._refuse()

    def __ior__(self, other: object) -> NoReturn:  # type: ignore[misc]
        self._refuse()

    def clear(self) -> NoReturn:
        self._refuse()

    def pop(self, *args: object) -> NoReturn:
        self._refuse()

    def popitem(self) -> NoReturn:
        self._refuse()

    def setdefault(self, *args: object) -> NoReturn:
        self._refuse()

    def update(self, *args: object, **kwargs: object) -> NoReturn:
        self._refuse()

    def __reduce__(self) -> tuple[type[ReadOnlyDict[K, V]], tuple[dict[K, V]]]:
        # A dict subclass otherwise pickles and copies item by item, through __setitem__.
        return type(self), (dict(self),)


def read_only(mapping: Mapping[K, V]) -> Mapping[K, V]:
    """A read-only copy of ``mapping``, in its order."""
    return ReadOnlyDict(mapping)


def freeze(record: DataclassInstance, *names: str) -> None:
    """Make the fields ``names`` of a frozen ``record`` read-only copies (in its
    ``__post_init__``: whatever mapping it was given, no one else can change it)."""
    for name in names:
        object.__setattr__(record, name, read_only(getattr(record, name)))
