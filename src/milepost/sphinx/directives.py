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

from milepost.embed import KINDS, Shown, parse_today, portfolio_root, show, target, view
from milepost.errors import MilepostError
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
    """``milepost-<kind> [path]``: the kind's options come from :data:`milepost.embed.KINDS`,
    its blocks from :func:`milepost.embed.view` (as in the Markdown extension)."""

    kind: ClassVar[str]
    optional_arguments = 1
    final_argument_whitespace = True

    def run(self) -> list[nodes.Node]:
        argument = self.arguments[0] if self.arguments else None
        try:
            today = parse_today(self.config.milepost_today)
            root = portfolio_root(self.config.milepost_root, Path(self.env.srcdir))
            page_dir = Path(self.env.doc2path(self.env.docname)).parent
            try:
                where = target(self.kind, argument, page_dir=page_dir, root=root)
            except MilepostError:
                if argument:  # read the page again once the path it names appears
                    for candidate in (page_dir / argument, root / argument):
                        pages(self.env).setdefault(self.env.docname, []).append(
                            (str(candidate), (), today.isoformat())
                        )
                raise
            shown = show(where, today=today)
            self._note(where, shown, today)
            blocks = view(
                self.kind,
                shown,
                self.options,
                argument=argument,
                mermaid=self._mermaid() is not None,
            )
        except MilepostError as exc:
            logger.warning(
                f"{self.name}: {exc}",
                location=self.get_location(),
                type="milepost",
                subtype="directive",
            )
            return []
        shown_nodes = to_nodes(blocks, self._doc_of, self._mermaid())
        for node in shown_nodes:  # roadmap text as written: no curly quotes, no dashes for --
            if isinstance(node, nodes.Element):
                node["support_smartquotes"] = False
        return shown_nodes

    def _note(self, where: Path, shown: Shown, today: date) -> None:
        for name in shown.files:
            self.env.note_dependency(name)
        if shown.config.path:
            self.env.note_dependency(shown.config.path)
        pages(self.env).setdefault(self.env.docname, []).append(
            (str(where), shown.files, today.isoformat())
        )

    def _doc_of(self, path: str) -> str | None:
        docname = self.env.path2doc(path)
        return docname if docname in self.env.found_docs else None

    def _mermaid(self) -> type[nodes.Element] | None:
        if "sphinxcontrib.mermaid" not in self.config.extensions:
            return None
        node: type[nodes.Element] = importlib.import_module("sphinxcontrib.mermaid").mermaid
        return node


def _directive(kind: str) -> type[_Milepost]:
    """The directive class of ``kind``: its options, and a path required for a ``track``."""
    spec: OptionSpec = dict.fromkeys(KINDS[kind], directives.unchanged)
    needs_path = kind == "track"
    return type(
        f"{kind.title()}Directive",
        (_Milepost,),
        {
            "kind": kind,
            "option_spec": spec,
            "required_arguments": int(needs_path),
            "optional_arguments": int(not needs_path),
        },
    )


DIRECTIVES: dict[str, type[_Milepost]] = {f"milepost-{kind}": _directive(kind) for kind in KINDS}
