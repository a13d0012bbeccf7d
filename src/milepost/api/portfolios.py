"""The portfolio rolled up, and the static site built from it."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from milepost import fs
from milepost.api.arguments import Paths, as_day, path_list
from milepost.api.loading import LoadResult, config_for, forget_configs, load_many
from milepost.collector import gc_paused
from milepost.config import Config
from milepost.errors import MilepostError
from milepost.locate import discover_from_root, find_config, nothing_found

if TYPE_CHECKING:  # only the commands that need them pay for these imports
    from milepost.portfolio.model import Portfolio
    from milepost.sitebuild import SiteResult


def portfolio(paths: Paths, *, today: date) -> tuple[Portfolio, LoadResult]:
    """The portfolio the paths name (one path or several; default folders use the config),
    rolled up as of today."""
    from milepost.portfolio.model import build_portfolio

    paths, today = path_list(paths), as_day(today)
    loaded = load_many(paths)
    config = find_config(paths[0] if paths else ".")
    return build_portfolio(loaded.roadmaps, today=today, config=config, cwd=fs.cwd()), loaded


def site(
    paths: Paths,
    output: str | os.PathLike[str],
    *,
    today: date,
    progress: Any = None,
    memo: dict[str, Any] | None = None,
    history: Any = None,
) -> SiteResult:
    """Build the static site into ``output``. Only the tracks whose roadmap changed since the
    last build into that folder are parsed and rendered again (see :mod:`milepost.sitebuild`);
    files are written only when their bytes differ, each atomically. ``memo`` keeps what was
    rendered in memory for the next build of the same process; ``history`` (per-track and
    overall :class:`~milepost.history.stats.Stats`) fills the History page."""
    from milepost import __version__
    from milepost.sitebuild import build_site

    paths, today = path_list(paths), as_day(today)
    forget_configs()  # a config edited since the last build (milepost serve) is read again
    with gc_paused():  # thousands of roadmaps stay alive while the pages are rendered
        files: dict[Path, tuple[Path, Config, str]] = {}
        errors: list[MilepostError] = []
        for path in paths:
            try:
                config = find_config(path)
                # Each roadmap with its path from the portfolio's root, which its page shows.
                for file, shown in discover_from_root(path, config):
                    # One path names each roadmap once; only overlapping paths need resolving.
                    key = fs.real(file) if len(paths) > 1 else file
                    # Each roadmap read under the config nearest to it (its status markers).
                    files.setdefault(key, (file, config_for(file), shown))
            except MilepostError as exc:
                errors.append(exc)
        if not files and not errors:
            raise nothing_found(paths)
        config = find_config(paths[0] if paths else ".")
        result = build_site(
            list(files.values()),
            output,
            project=config.project if config.path else "Project",
            today=today,
            # the code's stamp too: an edited milepost (in development) renders afresh
            version=f"{__version__}+{fs.code_stamp()}",
            progress=progress,
            memo=memo,
            history=history,
        )
    result.errors[:0] = errors
    return result
