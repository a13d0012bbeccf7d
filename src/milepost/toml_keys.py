"""Where each key of a TOML document is written, which :mod:`tomllib` does not say: so that
an error about an option's value names the line and column it is on, as a TOML syntax error
does.

A line-by-line reading, enough for a config file: table headers (``[tool.milepost]``,
``[[x]]``), keys bare, quoted or dotted (``announce.discord_webhook``), comments, and the
lines inside a multi-line string skipped. Keys inside an inline table are not read; such a
key is placed by the key of its table (:func:`place`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeAlias

from milepost.lazy import lazy_pattern

__all__ = ["Places", "key_places", "place"]

#: A key path (tables and key, as ``tomllib`` nests them) → its 1-based line and column.
Places: TypeAlias = Mapping[tuple[str, ...], tuple[int, int]]

_BARE = lazy_pattern(r"[A-Za-z0-9_-]+")
_HEADER_END = lazy_pattern(r"\]\]?[ \t]*(?:#.*)?$")


def key_places(text: str) -> dict[tuple[str, ...], tuple[int, int]]:
    """Every key and table header of ``text`` with where it is first written."""
    places: dict[tuple[str, ...], tuple[int, int]] = {}
    table: tuple[str, ...] = ()
    closing: str | None = None  # the quotes that end the multi-line string we are in
    for number, line in enumerate(text.split("\n"), 1):
        line = line.removesuffix("\r")
        if closing is not None:
            if closing in line:
                closing = None
            continue
        body = line.lstrip(" \t")
        col = len(line) - len(body) + 1
        if body.startswith("["):
            keys, rest = _keys(body[2:] if body.startswith("[[") else body[1:])
            if keys and _HEADER_END.match(rest):
                table = keys
                places.setdefault(keys, (number, col))
            continue
        keys, rest = _keys(body)
        if not keys or not rest.startswith("="):
            continue
        places.setdefault(table + keys, (number, col))
        value = rest[1:].lstrip(" \t")
        for quotes in ('"""', "'''"):
            if value.startswith(quotes) and quotes not in value[3:]:
                closing = quotes
    return places


def place(places: Places, keys: tuple[str, ...]) -> tuple[int | None, int | None]:
    """Where ``keys`` is written: the line and column of the key itself, else of the nearest
    table or key above it that is written (a key of an inline table, a value of an array of
    tables), else nowhere known (None, None)."""
    for end in range(len(keys), 0, -1):
        where = places.get(keys[:end])
        if where is not None:
            return where
    return None, None


def _keys(text: str) -> tuple[tuple[str, ...], str]:
    """The dotted key at the start of ``text`` and the text after it (blanks skipped); no keys
    when ``text`` does not start with one."""
    keys: list[str] = []
    at = 0
    while True:
        while text[at : at + 1] in (" ", "\t"):
            at += 1
        quote = text[at : at + 1]
        if quote in ('"', "'"):
            end = at + 1
            while end < len(text) and text[end] != quote:
                end += 2 if quote == '"' and text[end] == "\\" else 1
            if end >= len(text):
                return (), text
            keys.append(text[at + 1 : end])
            at = end + 1
        else:
            bare = _BARE.match(text, at)
            if bare is None:
                return (), text
            keys.append(bare[0])
            at = bare.end()
        while text[at : at + 1] in (" ", "\t"):
            at += 1
        if text[at : at + 1] != ".":
            return tuple(keys), text[at:]
        at += 1
