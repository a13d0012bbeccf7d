"""Which rules a check runs: the command line's selection and the config's, and per file, the
config's per-file-ignores."""

from __future__ import annotations

from functools import cache
from pathlib import PurePath

from milepost.config import Config
from milepost.errors import UsageError, typed_path
from milepost.model import Roadmap
from milepost.portfolio.discover import matches
from milepost.rules import ALL_RULES, Rule
from milepost.rules.engine import select_rules

__all__ = ["check_config_selectors", "choose_rules", "needs_portfolio", "rules_for"]


def rules_for(
    roadmap: Roadmap, rules: list[Rule], config: Config, where: str | None = None
) -> list[Rule]:
    """``rules`` without those the config's per-file-ignores switch off for this roadmap.

    ``where`` is the roadmap's path relative to the config's folder, as the patterns are
    written; the caller, which can look at the disk, works it out from whatever path named
    the file. Without it the path as given is used.
    """
    if not config.per_file_ignores or roadmap.path is None:
        return rules
    if where is None:
        path = PurePath(roadmap.path)
        if config.root is not None and path.is_relative_to(config.root):
            path = path.relative_to(config.root)
        where = path.as_posix()
    ignored = [
        s for pattern, sel in config.per_file_ignores if matches(where, [pattern]) for s in sel
    ]
    if not ignored:
        return rules
    # Selectors are judged against the whole catalog: ``rules`` may be a part of it (the
    # cross-track rules alone), which a selector such as "freshness" names nothing of.
    kept = {rule.code for rule in select_rules(ALL_RULES, ("ALL",), ignored)}
    return [rule for rule in rules if rule.code in kept]


def choose_rules(config: Config, select: tuple[str, ...], ignore: tuple[str, ...]) -> list[Rule]:
    """The rules a run uses, resolved as ruff resolves them: the command line's ``select``
    replaces the config's selection, its ``ignore`` included (written against the config's
    ``select``, which is gone); without it the config's selection stands and the command
    line's ``ignore`` takes rules off it, however precisely the config named them. Within
    each, the most specific selector decides (:func:`~milepost.rules.engine.select_rules`).
    Per-file-ignores apply afterwards, to either (:func:`rules_for`).

    An unknown selector in the config is an error naming the config file.
    """
    if config.path is not None:
        check_config_selectors(config)
    if select:
        return select_rules(ALL_RULES, select, ignore)
    chosen = select_rules(ALL_RULES, config.select, config.ignore)
    if not ignore:
        return chosen
    off = {rule.code for rule in select_rules(ALL_RULES, ignore)}
    return [rule for rule in chosen if rule.code not in off]


@cache
def check_config_selectors(config: Config) -> None:
    """Raise :class:`ConfigError`, naming the config file, if the config names a rule that
    does not exist (in ``select``, ``ignore`` or ``per-file-ignores``)."""
    lists: list[tuple[tuple[str, ...], str, tuple[str, ...]]] = [
        (("select",), "", config.select),
        (("ignore",), "", config.ignore),
    ]
    for pattern, selectors in config.per_file_ignores:
        lists.append((("per-file-ignores", pattern), f"per-file-ignores {pattern!r}: ", selectors))
    for keys, said, selectors in lists:
        try:
            select_rules(ALL_RULES, (), selectors)
        except UsageError as exc:
            error = config.error(said + exc.message, *keys, hint=exc.hint)
            error.path = typed_path(config.path) if config.path else None
            raise error from None


def needs_portfolio(config: Config, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    """Whether the selected rules include cross-track ones (which need every track)."""
    return any(rule.group == "references" for rule in choose_rules(config, select, ignore))
