"""Roadmaps inside Sphinx docs: ``extensions = ["milepost.sphinx"]``.

Five directives (``milepost-portfolio``, ``milepost-focus``, ``milepost-risks``,
``milepost-graph``, ``milepost-track``), usable from reStructuredText and from MyST Markdown
pages. Every roadmap a page shows is a dependency of that page, so editing one rebuilds the
pages that show it; a roadmap added or removed below a page's portfolio marks that page
outdated; the ``milepost check`` findings of the roadmaps shown become warnings located at the
roadmap's file and line (``milepost_check = "off" | "warn" | "error"``; ``"off"`` silences the
findings, not a roadmap that cannot be read).

Configuration (``conf.py``): ``milepost_root`` (the portfolio folder, relative to conf.py;
default: the folder of the ``milepost.toml`` governing the source folder, else the source
folder), ``milepost_check`` (default ``"warn"``), ``milepost_today`` (an ISO date or a
``datetime.date``, for reproducible builds; default: the real date). A bad value of either is a
``ConfigError`` as the build starts.
"""

from __future__ import annotations

try:
    import docutils  # noqa: F401
    import sphinx  # noqa: F401
except ImportError as exc:  # pragma: no cover - the test environment has Sphinx
    raise ImportError(
        "milepost.sphinx needs Sphinx: pip install 'milepost[sphinx]'"
        f" ({exc.name} is not installed)"
    ) from None

from datetime import date
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.errors import ConfigError
from sphinx.util import logging
from sphinx.util.fileutil import copy_asset_file

from milepost import __version__, fs
from milepost.embed import check, parse_today, roadmap_files
from milepost.errors import MilepostError
from milepost.sphinx.directives import DIRECTIVES, pages

__all__ = ["setup"]

logger = logging.getLogger(__name__)
_STATIC = Path(__file__).parent.parent / "render" / "docs_static"
CHECK_MODES = ("off", "warn", "error")


def _outdated(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Pages whose portfolio gained or lost a roadmap, or that were built for another day."""
    today = parse_today(app.config.milepost_today).isoformat()
    out = []
    for docname, uses in pages(env).items():
        if docname in changed or docname in removed:
            continue
        for target, files, day in uses:
            try:
                now = roadmap_files(Path(target))
            except MilepostError:
                now = ()
            if now != files or day != today:
                out.append(docname)
                break
    return out


def _purge(_app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    pages(env).pop(docname, None)


def _merge(
    _app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment
) -> None:
    mine, theirs = pages(env), pages(other)
    for docname in docnames:
        if docname in theirs:
            mine[docname] = theirs[docname]


def _report(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The findings of every roadmap shown anywhere in the docs, once each, every build, and
    the roadmaps that could not be read (whatever the mode: ``off`` silences findings only)."""
    mode = app.config.milepost_check
    # (a path a directive named that does not exist yet is recorded too, for _outdated)
    targets = sorted({Path(t) for uses in pages(env).values() for t, _, _ in uses})
    targets = [t for t in targets if t.exists()]
    today = parse_today(app.config.milepost_today)
    try:
        diagnostics, errors = check(targets, today=today, rules=mode != "off")
    except MilepostError as exc:
        diagnostics, errors = [], [exc]
    say = logger.error if mode == "error" else logger.warning
    for d in diagnostics:
        say(
            f"{d.code} {d.message}",
            location=f"{d.path}:{d.line}",
            type="milepost",
            subtype=d.code,
        )
    for error in errors:
        where = f"{error.path}:{error.line or 1}" if error.path else None
        say(error.message, location=where, type="milepost", subtype="error")
    if mode == "error" and (diagnostics or errors):
        app.statuscode = 1
    return []


def _configured(app: Sphinx, config: Config) -> None:
    """The settings checked once, as the build starts (one line each, no traceback later);
    ``milepost_root`` made absolute (it is written relative to conf.py)."""
    if config.milepost_check not in CHECK_MODES:
        raise ConfigError(
            f"milepost_check must be one of {', '.join(CHECK_MODES)}, not {config.milepost_check!r}"
        )
    try:
        parse_today(config.milepost_today, name="milepost_today")
    except MilepostError as exc:
        raise ConfigError(str(exc)) from None
    if config.milepost_root:
        config.milepost_root = str(fs.real(Path(app.confdir) / config.milepost_root))


def _static(app: Sphinx) -> list[tuple[str, dict[str, Any], str]]:
    """Our stylesheet beside the theme's (copied, not added to ``html_static_path``: a changed
    setting would make every later build look reconfigured). Done while the HTML builders
    collect their pages, before an epub is packed, so the epub holds it too."""
    copy_asset_file(_STATIC / "milepost.css", Path(app.outdir) / "_static")
    return []


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("milepost_root", None, "env", types=(str, type(None)))
    # Findings are reported after every build from what the pages recorded: a new mode needs
    # no page read again.
    app.add_config_value("milepost_check", "warn", "", types=(str,))
    app.add_config_value("milepost_today", None, "env", types=(str, date, type(None)))
    for name, directive in DIRECTIVES.items():
        app.add_directive(name, directive)
    app.connect("config-inited", _configured)
    app.connect("html-collect-pages", _static)
    app.add_css_file("milepost.css")
    app.connect("env-get-outdated", _outdated)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-updated", _report)
    return {
        "version": __version__,
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
