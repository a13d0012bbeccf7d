"""The public façade: loading, checking and editing roadmaps, portfolios and the site.

It reads and writes files through :mod:`milepost.fs` (finding configs and roadmaps through
:mod:`milepost.locate`, building the site through :mod:`milepost.sitebuild`); the modules it
composes are pure. History has its own façade above this one, :mod:`milepost.history_api`.

- :mod:`~milepost.api.loading`: ``load``, ``loads``, ``load_many``;
- :mod:`~milepost.api.checks`: ``check``, ``check_loaded``;
- :mod:`~milepost.api.editing`: ``edit``;
- :mod:`~milepost.api.tracks`: ``resolve_track``, ``new_track``;
- :mod:`~milepost.api.portfolios`: ``portfolio``, ``site``;

and the types they take and return (``Config``, ``Diagnostic``, ``Portfolio``, ...), so that
code using them can name them (the model's are in :mod:`milepost.model`, the lossless
document's in :mod:`milepost.document`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from milepost.lazy import lazy_names

if TYPE_CHECKING:
    from milepost.api.checks import CheckResult, check, check_loaded
    from milepost.api.editing import EditResult, edit
    from milepost.api.loading import LoadResult, load, load_many, loads
    from milepost.api.portfolios import portfolio, site
    from milepost.api.tracks import new_track, resolve_track
    from milepost.checking.report import FileReport
    from milepost.config import Config
    from milepost.locate import discover, find_config, is_roadmap, nothing_found
    from milepost.portfolio.model import Conflict, Edge, Portfolio
    from milepost.portfolio.rollup import TrackRollup
    from milepost.rules.base import Diagnostic, Fix, Severity
    from milepost.sitebuild.pages import SiteResult

__all__ = [
    "CheckResult",
    "Config",
    "Conflict",
    "Diagnostic",
    "Edge",
    "EditResult",
    "FileReport",
    "Fix",
    "LoadResult",
    "Portfolio",
    "Severity",
    "SiteResult",
    "TrackRollup",
    "check",
    "check_loaded",
    "discover",
    "edit",
    "find_config",
    "is_roadmap",
    "load",
    "load_many",
    "loads",
    "new_track",
    "nothing_found",
    "portfolio",
    "resolve_track",
    "site",
]

# Each name's module, imported on first use: `milepost check FILE` pays for checking alone.
_HOMES = {
    "CheckResult": "milepost.api.checks",
    "check": "milepost.api.checks",
    "check_loaded": "milepost.api.checks",
    "EditResult": "milepost.api.editing",
    "edit": "milepost.api.editing",
    "LoadResult": "milepost.api.loading",
    "load": "milepost.api.loading",
    "load_many": "milepost.api.loading",
    "loads": "milepost.api.loading",
    "portfolio": "milepost.api.portfolios",
    "site": "milepost.api.portfolios",
    "new_track": "milepost.api.tracks",
    "resolve_track": "milepost.api.tracks",
    "discover": "milepost.locate",
    "find_config": "milepost.locate",
    "is_roadmap": "milepost.locate",
    "nothing_found": "milepost.locate",
    # the types the functions above take and return
    "Config": "milepost.config",
    "Conflict": "milepost.portfolio.model",
    "Diagnostic": "milepost.rules.base",
    "Edge": "milepost.portfolio.model",
    "FileReport": "milepost.checking.report",
    "Fix": "milepost.rules.base",
    "Portfolio": "milepost.portfolio.model",
    "Severity": "milepost.rules.base",
    "SiteResult": "milepost.sitebuild.pages",
    "TrackRollup": "milepost.portfolio.rollup",
}


__getattr__, __dir__ = lazy_names(__name__, _HOMES, globals())
