"""The rule catalog: one explicit tuple sorted by code, and lookup by code, name or group."""

from __future__ import annotations

from milepost.rules import (
    comments,
    freshness,
    links,
    placeholders,
    plans,
    references,
    risks,
    structure,
    vocabulary,
)
from milepost.rules.base import Context, Diagnostic, Fix, FixAvailability, Rule, Severity

__all__ = [
    "ALL_RULES",
    "Context",
    "Diagnostic",
    "Fix",
    "FixAvailability",
    "Rule",
    "Severity",
    "find_rule",
]

ALL_RULES: tuple[Rule, ...] = tuple(
    sorted(
        (
            *structure.RULES,
            *comments.RULES,
            *freshness.RULES,
            *placeholders.RULES,
            *risks.RULES,
            *plans.RULES,
            *references.RULES,
            *vocabulary.RULES,
            *links.RULES,
        ),
        key=lambda rule: rule.code,
    )
)


def find_rule(key: str) -> Rule | None:
    """A rule by its code (``MP201``) or name (``stale-roadmap``), case-insensitively."""
    key = key.strip().lower()
    return next((r for r in ALL_RULES if key in (r.code.lower(), r.name)), None)
