"""What a rule is, what it finds, and what it is given: Rule, Diagnostic, Fix, Context.

A rule is declarative data (code, name, group, severity, docs, fix availability) plus one pure
``check(context)`` that yields diagnostics. Rules get ``today`` from the context, never from
the clock, and never touch files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from milepost.config import Config
from milepost.document import Patch
from milepost.model import Roadmap

if TYPE_CHECKING:  # only portfolio checks fill it in, and they import it themselves
    from milepost.portfolio.links import TrackIndex
    from milepost.rules.suppressions import Comment

__all__ = ["Context", "Diagnostic", "Fix", "FixAvailability", "Rule", "Severity"]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class FixAvailability(StrEnum):
    ALWAYS = "always"
    SOMETIMES = "sometimes"
    NEVER = "never"


@dataclass(frozen=True, slots=True)
class Fix:
    """Line patches that repair a finding; ``safe`` fixes apply with ``--fix`` alone."""

    patches: tuple[Patch, ...]
    safe: bool
    description: str


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding: where (1-based line and column), what, and how to fix it if we can."""

    code: str
    name: str
    severity: Severity
    message: str
    path: str | None
    line: int
    col: int = 1
    fix: Fix | None = None

    def __str__(self) -> str:
        """``path:line:col: CODE message``, as ``milepost check`` prints it."""
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}"

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "fix": None
            if self.fix is None
            else {"safe": self.fix.safe, "description": self.fix.description},
        }


@dataclass(frozen=True)
class Context:
    """What a rule may look at: the roadmap, the day, the config, and the portfolio's tracks."""

    roadmap: Roadmap
    today: date
    config: Config = field(default_factory=Config)
    #: The portfolio's tracks by every name they go by (None: not run on a portfolio).
    tracks: TrackIndex | None = None
    #: For each track on a dependency cycle, one such cycle (``[A, B, A]``).
    cycles: Mapping[str, list[str]] = field(default_factory=dict)
    #: Relative link targets (as written, decoded) that name no existing file.
    missing_links: frozenset[str] = frozenset()
    #: The other roadmaps of the portfolio that go by the same track name, by path.
    namesakes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: For MP106, once the other rules ran: the suppression comments that hid no finding
    #: (None: not worked out), and the codes of the rules that ran.
    unused: tuple[Comment, ...] | None = None
    ran: tuple[str, ...] = ()

    @property
    def lines(self) -> tuple[str, ...]:
        return self.roadmap.document.source.lines


@dataclass(frozen=True)
class Rule:
    """One rule of the catalog. Codes are stable forever; names are kebab-case."""

    code: str
    name: str
    group: str
    severity: Severity
    summary: str
    why: str
    bad: str
    good: str
    check: Callable[[Rule, Context], Iterable[Diagnostic]] = field(repr=False)
    fix: FixAvailability = FixAvailability.NEVER
    fix_safe: bool = True
    options: str = ""

    def at(
        self,
        context: Context,
        line: int,
        message: str,
        *,
        col: int = 1,
        fix: Fix | None = None,
        severity: Severity | None = None,
    ) -> Diagnostic:
        """A diagnostic of this rule at 0-based ``line`` of the context's roadmap."""
        return Diagnostic(
            self.code,
            self.name,
            severity or self.severity,
            message,
            context.roadmap.path,
            line + 1,
            col,
            fix,
        )

    def run(self, context: Context) -> Iterable[Diagnostic]:
        return self.check(self, context)
