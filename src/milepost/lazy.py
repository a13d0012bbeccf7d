"""Names a package exports but imports on first use (PEP 562): importing the package costs
nothing until one of them is used (``milepost check FILE`` pays for checking alone); and
regular expressions compiled on first use."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Mapping
from typing import Any, cast

__all__ = ["lazy_names", "lazy_pattern"]


def lazy_names(
    package: str, homes: Mapping[str, str], namespace: dict[str, Any]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The module ``__getattr__`` and ``__dir__`` of ``package``: each name of ``homes``
    imported from its module there on first use and kept in the package's ``namespace``, and
    listed by ``dir()`` before it is (what a notebook completes ``milepost.`` with)."""

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(home), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *homes})

    return __getattr__, __dir__


class _LazyPattern:
    """A regular expression compiled on its first use. Each method of :class:`re.Pattern` it
    offers (``_PATTERN_METHODS``, set on the class below) compiles the pattern, then puts the
    compiled pattern's own bound methods on the instance, so that every later call goes
    straight to them (no ``__getattr__``: a class with one is slower on every attribute,
    found or not)."""

    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags

    def _compiled(self) -> re.Pattern[str]:
        compiled = re.compile(self._source, self._flags)
        for name in _PATTERN_METHODS:
            setattr(self, name, getattr(compiled, name))
        return compiled

    def __repr__(self) -> str:
        return f"lazy_pattern({self._source!r}, {self._flags!r})"


_PATTERN_METHODS = ("match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer")


def _first_use(name: str) -> Callable[..., Any]:
    """A lazy pattern's method ``name`` until its first call: compile, then call it."""

    def call(self: _LazyPattern, *args: Any) -> Any:
        return getattr(self._compiled(), name)(*args)

    call.__name__ = call.__qualname__ = name
    return call


for _name in _PATTERN_METHODS:
    setattr(_LazyPattern, _name, _first_use(_name))


def lazy_pattern(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)`` done on the pattern's first use rather than at import.

    For a pattern of a module on the path of ``milepost check FILE`` that most roadmaps never
    need (a front matter, a suppression comment, a legend): compiling it costs 0.1 to 0.5 ms
    each, paid at every start. Only the matching methods are there (``match``, ``fullmatch``,
    ``search``, ``sub``, ``subn``, ``split``, ``findall``, ``finditer``), called with positional
    arguments: a pattern read any other way (``.pattern``, handed to ``re.sub``) must stay a
    ``re.compile``. A bad pattern raises on first use rather than at import
    (tests/test_library_use.py compiles each one)."""
    return cast("re.Pattern[str]", _LazyPattern(source, flags))
