"""``milepost check`` as a pure step: roadmaps and settings in, a report out.

Reading and writing files is the caller's job (``api.check``); this package decides which rules
run on which file (:mod:`.selection`), gives each rule its context (the portfolio's tracks, the
dependency graph: :mod:`.portfolio_view`), and runs them: every rule of each file at once,
fixing until stable (:mod:`.one_pass`), or each file's own rules apart from the cross-track
ones, as a check on every core does (:mod:`.two_passes`).
"""

from __future__ import annotations

from milepost.checking.one_pass import check_roadmaps
from milepost.checking.portfolio_view import context_roadmap, skeleton
from milepost.checking.report import FileReport
from milepost.checking.selection import check_config_selectors, choose_rules, needs_portfolio
from milepost.checking.two_passes import (
    check_file_rules,
    check_references,
    unused_after_two_passes,
)

__all__ = [
    "FileReport",
    "check_config_selectors",
    "check_file_rules",
    "check_references",
    "check_roadmaps",
    "choose_rules",
    "context_roadmap",
    "needs_portfolio",
    "skeleton",
    "unused_after_two_passes",
]
