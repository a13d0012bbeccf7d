"""The MkDocs plugin (``plugins: [milepost]``): a thin host for :mod:`milepost.markdown`.

It registers the Markdown extension with the site's settings, tells it which page it is
converting (paths are relative to the page; roadmaps inside ``docs_dir`` link to their
pages), adds the roadmaps to what ``mkdocs serve`` watches, and reports the ``milepost check``
findings of the roadmaps shown as MkDocs warnings (so ``mkdocs build --strict`` fails), or as
errors that stop the build with ``check: error``.

Options (``mkdocs.yml``)::

    plugins:
      - milepost:
          root: roadmaps        # relative to mkdocs.yml; default: milepost.toml discovery
          check: warn           # off | warn | error
          today: 2026-11-25     # for reproducible builds; default: the real date
          mermaid: false        # graph as a Mermaid block (for themes that draw Mermaid)
"""

from __future__ import annotations

try:
    import mkdocs  # noqa: F401
except ImportError as exc:  # pragma: no cover - the test environment has MkDocs
    raise ImportError(
        "milepost.mkdocs needs MkDocs: pip install 'milepost[mkdocs]'"
        f" ({exc.name} is not installed)"
    ) from None

from collections.abc import Callable
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from milepost import fs
from milepost.embed import check, parse_today, portfolio_root
from milepost.errors import MilepostError
from milepost.markdown import MilepostExtension
from milepost.source import decode

__all__ = ["MilepostPlugin"]

log = get_plugin_logger(__name__)
_CSS = "assets/milepost.css"
_STATIC = "docs_static/milepost.css"


class _CheckMode(c.Choice[str]):
    """``off | warn | error``; YAML reads a bare ``off`` as false, which means ``off`` here."""

    def run_validation(self, value: object) -> str:
        result: str = super().run_validation("off" if value is False else value)
        return result


class _Options(Config):
    root = c.Optional(c.Type(str))
    check = _CheckMode(("off", "warn", "error"), default="warn")
    today = c.Optional(c.Type((str, date)))
    mermaid = c.Type(bool, default=False)


class MilepostPlugin(BasePlugin[_Options]):
    def __init__(self) -> None:
        self.extension: MilepostExtension | None = None
        self.root: Path | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        base = fs.real(config.config_file_path or ".").parent
        try:
            self.root = portfolio_root(self.config.root, base)
            today = parse_today(self.config.today)
        except MilepostError as exc:
            raise PluginError(f"milepost: {exc}") from None
        self.extension = MilepostExtension(
            root=str(self.root),
            today=today.isoformat(),
            docs_dir=str(fs.real(config.docs_dir)),
            mermaid=self.config.mermaid,
        )
        config.markdown_extensions.append(self.extension)  # type: ignore[arg-type]
        config.extra_css.append(_CSS)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.extension is not None:
            self.extension.read.clear()
            self.extension.targets.clear()
            self.extension.problems.clear()

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if self.extension is not None:
            source = page.file.abs_src_path or ""
            self.extension.setConfig("page", source)
            self.extension.setConfig("offset", _lines_before(source, markdown))
        return markdown

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        watched = {str(self.root)} if self.root is not None else set()
        if self.extension is not None:
            watched |= self.extension.read
        for path in sorted(watched):
            server.watch(path)
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        target = Path(config.site_dir) / _CSS
        target.parent.mkdir(parents=True, exist_ok=True)
        fs.replace(target, (resources.files("milepost.render") / _STATIC).read_bytes())
        if self.extension is None:
            return
        for message, page, at in self.extension.problems:
            log.warning(f"{page}:{at}: {message}" if page else message)
        diagnostics, errors = check(  # the roadmaps not read are reported even with check: off
            sorted(self.extension.targets),
            today=parse_today(self.config.today),
            rules=self.config.check != "off",
        )
        lines = [f"{d.path}:{d.line}: {d.code} {d.message}" for d in diagnostics]
        lines += [str(e) for e in errors]
        if self.config.check == "error" and lines:
            for line in lines:
                log.error(line)
            raise PluginError(f"milepost: {len(lines)} finding(s) in the roadmaps shown")
        for line in lines:
            log.warning(line)


def _lines_before(source: str, markdown: str) -> int:
    """How many lines of the page's file come before ``markdown`` (MkDocs hands plugins the
    page without its front matter); 0 when that cannot be told."""
    if not source:
        return 0
    try:
        text = decode(fs.read(source).data, path=source).text
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # as MkDocs reads it
    except MilepostError:
        return 0
    if not text.endswith(markdown):
        return 0
    return text[: len(text) - len(markdown)].count("\n")
