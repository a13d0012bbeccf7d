"""Configuration: ``milepost.toml`` or ``[tool.milepost]`` in ``pyproject.toml``, parsed strictly.

The mapping is validated into a frozen :class:`Config`; unknown keys and bad values are errors
that name the file, the key and what is allowed. Locating and reading the file is the
caller's job (through :mod:`milepost.fs`); this module is pure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import Any

from milepost.errors import ConfigError
from milepost.lazy import lazy_pattern
from milepost.toml_keys import Places, key_places, place

__all__ = ["CONFIG_FILES", "DEFAULT_ROADMAPS", "Config", "has_milepost_table", "parse_config"]

#: The config files a folder may hold, the one that wins first (as ``ruff.toml`` wins over
#: ``pyproject.toml`` for ruff).
CONFIG_FILES = ("milepost.toml", "pyproject.toml")
DEFAULT_ROADMAPS = ("**/roadmap.md", "**/*-roadmap.md")
#: The template's top-level sections, by kind.
DEFAULT_REQUIRED = (
    "current_focus",
    "medium_term_goals",
    "long_term_vision",
    "completed_milestones",
    "dependencies_and_risks",
    "strategic_alignment",
    "community_feedback",
    "success_metrics",
)


@dataclass(frozen=True, slots=True)
class Config:
    """The effective settings. Every option is documented in docs/configuration.md."""

    #: The project's name, used in new roadmaps ("Alignment with <project> Vision").
    project: str = "the project"
    #: Glob patterns, relative to the config file's folder, that find the track roadmaps.
    roadmaps: tuple[str, ...] = DEFAULT_ROADMAPS
    #: Days between roadmap reviews: new roadmaps get a next review this far ahead.
    review_cadence_days: int = 14
    #: A roadmap last updated longer ago than this is stale.
    stale_after_days: int = 30
    #: Section kinds every roadmap must have (``milepost check``, MP101).
    required_sections: tuple[str, ...] = DEFAULT_REQUIRED
    #: Rules to run (codes, prefixes, names or groups); empty means all.
    select: tuple[str, ...] = ()
    #: Rules not to run.
    ignore: tuple[str, ...] = ()
    #: Rules not to run on some files: glob pattern → selectors.
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: Status markers to add to the vocabulary: marker (emoji or word) → status name.
    statuses: tuple[tuple[str, str], ...] = ()
    #: The Discord webhook ``milepost announce`` posts to (``[announce] discord_webhook``). A
    #: secret: kept out of ``repr``; ``MILEPOST_DISCORD_WEBHOOK`` wins over it.
    discord_webhook: str | None = field(default=None, repr=False)
    #: The file the settings came from (None: defaults).
    path: str | None = None
    #: Where each option is written in that file (key path → line and column), so that an
    #: error found later (an unknown rule in ``select``) names its line.
    places: tuple[tuple[tuple[str, ...], tuple[int, int]], ...] = field(
        default=(), repr=False, compare=False
    )

    @property
    def root(self) -> PurePath | None:
        """The folder that ``roadmaps`` patterns are relative to."""
        return PurePath(self.path).parent if self.path else None

    def error(self, message: str, *keys: str, hint: str = "") -> ConfigError:
        """An error about the option at ``keys`` (``"select"``; ``"statuses", "🦄"``), placed
        at the line and column it is written on where known."""
        line, col = place(dict(self.places), keys)
        return ConfigError(message, path=self.path, line=line, col=col, hint=hint)


_TYPES: dict[str, tuple[type, str]] = {
    "project": (str, "a string"),
    "roadmaps": (list, "a list of glob patterns"),
    "review_cadence_days": (int, "a whole number of days (1-366)"),
    "stale_after_days": (int, "a whole number of days (1-3660)"),
    "required_sections": (list, "a list of section kinds"),
    "select": (list, "a list of rule codes, prefixes, names or groups"),
    "ignore": (list, "a list of rule codes, prefixes, names or groups"),
    "per-file-ignores": (dict, "a table of glob pattern = [rule selectors]"),
    "statuses": (dict, "a table of marker = status"),
    "announce": (dict, "a table of announcement settings (discord_webhook)"),
}
_ANNOUNCE_KEYS = ("discord_webhook",)
STATUS_NAMES = ("done", "in_progress", "planned", "future", "blocked", "dropped")


def parse_config(text: str, *, path: str) -> Config | None:
    """Parse the text of a config file; None when a pyproject.toml has no milepost table."""
    import tomllib  # only when there is a config file to read

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message, line, col = _toml_place(exc, text)
        raise ConfigError(f"invalid TOML: {message}", path=path, line=line, col=col) from None
    places = key_places(text)
    if PurePath(path).name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise _placed("tool must be a table", path, places, ("tool",))
        table = tool.get("milepost")
        if table is None:
            return None
        if not isinstance(table, dict):
            raise _placed("tool.milepost must be a table", path, places, ("tool", "milepost"))
        inside = {keys[2:]: where for keys, where in places.items() if keys[:2] == _TOOL}
        return from_mapping(table, path=path, prefix="tool.milepost.", places=inside)
    return from_mapping(data, path=path, places=places)


#: Where ``[tool.milepost]`` is in a ``pyproject.toml``.
_TOOL = ("tool", "milepost")


def _placed(message: str, path: str, places: Places, keys: tuple[str, ...]) -> ConfigError:
    line, col = place(places, keys)
    return ConfigError(message, path=path, line=line, col=col)


#: Where :mod:`tomllib` says a decode error is: the end of its message (before Python 3.14,
#: which also gives it as ``lineno`` and ``colno``).
_TOML_AT = lazy_pattern(r" \(at (?:line (\d+), column (\d+)|(end of document))\)$")


def _toml_place(exc: ValueError, text: str) -> tuple[str, int | None, int | None]:
    """What a TOML decode error says, without where, and where: its 1-based line and column
    (counted as tomllib counts them: a line ends at a line feed, CRLF being one), so that
    every format places it as it places a finding; the end of the document is after its last
    character (not on a line after its final newline)."""
    said = str(exc)
    at = _TOML_AT.search(said)
    message: str = getattr(exc, "msg", None) or (said[: at.start()] if at else said)
    if at is not None and at[3]:  # the end of the document
        body = text.replace("\r\n", "\n").removesuffix("\n")
        return message, body.count("\n") + 1, len(body) - body.rfind("\n")
    line: int | None = getattr(exc, "lineno", None)
    col: int | None = getattr(exc, "colno", None)
    if (line is None or col is None) and at is not None:
        line, col = int(at[1]), int(at[2])
    return message, line, col


def has_milepost_table(text: str) -> bool:
    """Whether the text of a pyproject.toml has a ``[tool.milepost]`` table (unreadable TOML
    has none: it is not read as a config)."""
    import tomllib

    try:
        tool = tomllib.loads(text).get("tool")
    except tomllib.TOMLDecodeError:
        return False
    return isinstance(tool, dict) and "milepost" in tool


def from_mapping(
    data: dict[str, Any], *, path: str, prefix: str = "", places: Places | None = None
) -> Config:
    """Validate a mapping of options into a :class:`Config`; ``places`` says where each
    option is written (:func:`~milepost.toml_keys.key_places`), to place an error on it."""
    config = Config(path=path, places=tuple((places or {}).items()))
    fail = config.error
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in _TYPES:
            allowed = ", ".join(sorted(_TYPES))
            raise fail(f"unknown option {prefix + key!r}", key, hint=f"known: {allowed}")
        kind, what = _TYPES[key]
        if not isinstance(value, kind) or isinstance(value, bool):
            raise fail(f"{prefix}{key} must be {what}", key)
        values[key] = value
    if "roadmaps" in values:
        patterns = values["roadmaps"]
        if not patterns:
            raise fail(
                f"{prefix}roadmaps is empty", "roadmaps", hint="leave it out for the defaults"
            )
        if not all(isinstance(p, str) and _from_here(p) for p in patterns):
            raise fail(f"{prefix}roadmaps must be {_TYPES['roadmaps'][1]}", "roadmaps")
        if any(PurePath(p).is_absolute() or ".." in PurePath(p).parts for p in patterns):
            raise fail(
                f"{prefix}roadmaps patterns must stay inside the config's folder", "roadmaps"
            )
        values["roadmaps"] = tuple(_from_here(p) for p in patterns)
    for key in ("required_sections", "select", "ignore"):
        if key in values:
            if not all(isinstance(item, str) and item for item in values[key]):
                raise fail(f"{prefix}{key} must be {_TYPES[key][1]}", key)
            values[key] = tuple(values[key])
    if "required_sections" in values:
        from milepost.vocabulary.sections import SectionKind

        known = {kind.value for kind in SectionKind} - {"other"}
        unknown = [name for name in values["required_sections"] if name not in known]
        if unknown:
            raise fail(
                f"{prefix}required_sections has unknown kind {unknown[0]!r}",
                "required_sections",
                hint="known: " + ", ".join(sorted(known)),
            )
    if "per-file-ignores" in values:
        table = values.pop("per-file-ignores")
        pairs = []
        for pattern, selectors in table.items():
            if not isinstance(selectors, list) or not all(isinstance(x, str) for x in selectors):
                raise fail(
                    f"{prefix}per-file-ignores.{pattern} must be a list of rule selectors",
                    "per-file-ignores",
                    pattern,
                )
            pairs.append((_from_here(pattern), tuple(selectors)))
        values["per_file_ignores"] = tuple(pairs)
    if "statuses" in values:
        pairs = []
        for marker, status in values.pop("statuses").items():
            if not marker.strip():
                raise fail(
                    f"{prefix}statuses has an empty marker ({marker!r} = {status!r})",
                    "statuses",
                    marker,
                    hint='a marker is an emoji or a word, as in "🦄" = "future"',
                )
            if status not in STATUS_NAMES:
                raise fail(
                    f"{prefix}statuses.{marker} must be one of {', '.join(STATUS_NAMES)}",
                    "statuses",
                    marker,
                )
            pairs.append((marker, status))
        values["statuses"] = tuple(pairs)
    if "announce" in values:
        values.update(_announce(values.pop("announce"), fail=fail, prefix=prefix))
    for key, high in (("review_cadence_days", 366), ("stale_after_days", 3660)):
        if key in values and not 1 <= values[key] <= high:
            raise fail(f"{prefix}{key} must be {_TYPES[key][1]}", key)
    return replace(config, **values)


def _from_here(pattern: str) -> str:
    """A glob pattern without the ``./`` that some write before a path relative to the
    config's folder (``./tracks/*.md`` is ``tracks/*.md``); patterns match without it."""
    while pattern.startswith("./"):
        pattern = pattern[2:].lstrip("/")
    return pattern


def _announce(
    table: dict[str, Any], *, fail: Callable[..., ConfigError], prefix: str
) -> dict[str, Any]:
    """The ``[announce]`` table; values are never echoed in errors (the webhook is a secret)."""
    for key, value in table.items():
        if key not in _ANNOUNCE_KEYS:
            raise fail(
                f"unknown option {prefix + 'announce.' + key!r}",
                "announce",
                key,
                hint="known: " + ", ".join(_ANNOUNCE_KEYS),
            )
        if not isinstance(value, str):
            raise fail(f"{prefix}announce.{key} must be a string (a URL)", "announce", key)
    url = table.get("discord_webhook", "").strip()
    return {"discord_webhook": url or None}
