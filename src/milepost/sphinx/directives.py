"""The directives: each resolves its path, shows the portfolio's roadmaps as docutils nodes,
and records what it read on the build environment (for incremental and parallel builds)."""

from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import OptionSpec

from milepost.embed import Shown, parse_today, portfolio_root, resolve, show
from milepost.errors import MilepostError, UsageError
from milepost.portfolio.model import Portfolio
from milepost.render.blocks import (
    Block,
)
from milepost.render.cards import (
    graph_view,
    risks_view,
    track_view,
)
from milepost.render.docs import (
    focus_view,
    only_tracks,
    parse_columns,
    parse_names,
    portfolio_view,
)
from milepost.sphinx.nodes import to_nodes

__all__ = ["DIRECTIVES", "pages"]

logger = logging.getLogger(__name__)

#: docname → what its directives read: (target, roadmap files, today), one per directive.
Uses = dict[str, list[tuple[str, tuple[str, ...], str]]]


def pages(env: BuildEnvironment) -> Uses:
    """The record kept on the environment (pickled with it, merged across parallel readers)."""
    record: Uses | None = getattr(env, "milepost_pages", None)
    if record is None:
        record = {}
        env.milepost_pages = record  # type: ignore[attr-defined]
    return record


class _Milepost(SphinxDirective):
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[OptionSpec] = {"tracks": directives.unchanged}

    def blocks(self, shown: Shown) -> list[Block]:
        raise NotImplementedError

    def run(self) -> list[nodes.Node]:
        try:
            today = parse_today(self.config.milepost_today)
            root = portfolio_root(self.config.milepost_root, Path(self.env.srcdir))
            page_dir = Path(self.env.doc2path(self.env.docname)).parent
            target = resolve(
                self.arguments[0] if self.arguments else None, page_dir=page_dir, root=root
            )
            shown = show(target, today=today)
            self._note(target, shown, today)
            blocks = self.blocks(shown)
        except MilepostError as exc:
            logger.warning(
                f"{self.name}: {exc}",
                location=self.get_location(),
                type="milepost",
                subtype="directive",
            )
            return []
        return to_nodes(blocks, self._doc_of, self._mermaid())

    def _note(self, target: Path, shown: Shown, today: date) -> None:
        for name in shown.files:
            self.env.note_dependency(name)
        if shown.config.path:
            self.env.note_dependency(shown.config.path)
        pages(self.env).setdefault(self.env.docname, []).append(
            (str(target), shown.files, today.isoformat())
        )

    def _doc_of(self, path: str) -> str | None:
        docname = self.env.path2doc(path)
        return docname if docname in self.env.found_docs else None

    def _mermaid(self) -> type[nodes.Element] | None:
        if "sphinxcontrib.mermaid" not in self.config.extensions:
            return None
        node: type[nodes.Element] = importlib.import_module("sphinxcontrib.mermaid").mermaid
        return node

    def _portfolio(self, shown: Shown) -> Portfolio:
        return only_tracks(shown.portfolio, parse_names(self.options.get("tracks")))


class PortfolioDirective(_Milepost):
    """The tracks table: ``:columns:`` (names, in order) and ``:tracks:`` (slugs or names)."""

    option_spec: ClassVar[OptionSpec] = {
        "tracks": directives.unchanged,
        "columns": directives.unchanged,
    }

    def blocks(self, shown: Shown) -> list[Block]:
        return portfolio_view(
            self._portfolio(shown),
            columns=parse_columns(self.options.get("columns")),
            stale_after_days=shown.config.stale_after_days,
        )


class FocusDirective(_Milepost):
    def blocks(self, shown: Shown) -> list[Block]:
        return focus_view(self._portfolio(shown))


class RisksDirective(_Milepost):
    def blocks(self, shown: Shown) -> list[Block]:
        return risks_view(self._portfolio(shown))


class GraphDirective(_Milepost):
    def blocks(self, shown: Shown) -> list[Block]:
        return graph_view(self._portfolio(shown), mermaid=self._mermaid() is not None)


class TrackDirective(_Milepost):
    """One roadmap's card; the path names the roadmap (or its folder)."""

    required_arguments = 1
    optional_arguments = 0
    option_spec: ClassVar[OptionSpec] = {}

    def blocks(self, shown: Shown) -> list[Block]:
        tracks = shown.portfolio.tracks
        if len(tracks) != 1:
            raise UsageError(f"{len(tracks)} roadmaps at {self.arguments[0]!r}; name one")
        return track_view(tracks[0], shown.portfolio.today)


DIRECTIVES: dict[str, type[_Milepost]] = {
    "milepost-portfolio": PortfolioDirective,
    "milepost-focus": FocusDirective,
    "milepost-risks": RisksDirective,
    "milepost-graph": GraphDirective,
    "milepost-track": TrackDirective,
}
