"""What one file's check found, and what fixing it produced."""

from __future__ import annotations

from dataclasses import dataclass

from milepost.model import Roadmap
from milepost.rules import Diagnostic

__all__ = ["FileReport"]


@dataclass(slots=True)
class FileReport:
    """The findings of one file, and what fixing it produced."""

    roadmap: Roadmap
    diagnostics: list[Diagnostic]
    fixed: Roadmap | None = None  # the roadmap after fixes, when fixing changed it
    applied: int = 0
    held_back: int = 0
    converged: bool = True

    @property
    def path(self) -> str:
        return self.roadmap.path or "<text>"

    def diff(self) -> str:
        """The fixes as a unified diff (empty when nothing changed)."""
        if self.fixed is None:
            return ""
        import difflib  # only when there are fixes to show

        return "".join(
            difflib.unified_diff(
                self.roadmap.to_markdown().splitlines(keepends=True),
                self.fixed.to_markdown().splitlines(keepends=True),
                fromfile=f"a/{self.path.lstrip('/')}",
                tofile=f"b/{self.path.lstrip('/')}",
            )
        )
