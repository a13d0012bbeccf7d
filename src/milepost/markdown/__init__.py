"""Roadmaps in any Python-Markdown page: ``markdown.Markdown(extensions=["milepost.markdown"])``.

A fenced block names what to show, an optional path, and options (as in the Sphinx
directives)::

    ```milepost portfolio
    :columns: track, lead, health
    :tracks: memory, web-ui
    ```

Kinds: ``portfolio``, ``focus``, ``risks``, ``graph``, ``track <path>``. The block becomes
HTML elements (tables, lists, paragraphs) that the page's theme styles; only the dependency
graph's SVG goes in as raw markup. A ``milepost`` block inside another fenced block (a
four-backtick sample of the syntax, say) is code and left alone. The MkDocs plugin
(:mod:`milepost.mkdocs`) registers this extension, tells it which page it is converting,
watches the roadmaps and reports findings. Here are the extension and its processors (finding
the blocks, putting their elements in place); :mod:`.elements` builds the elements.
"""

from __future__ import annotations

try:
    import markdown
except ImportError as exc:  # pragma: no cover - the test environment has Python-Markdown
    raise ImportError(
        "milepost.markdown needs Python-Markdown: pip install 'milepost[mkdocs]'"
        f" ({exc.name} is not installed)"
    ) from None

import re
import secrets
import xml.etree.ElementTree as etree
from pathlib import Path
from typing import Any

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from milepost.embed import options_of, parse_today, portfolio_root, show, target, view
from milepost.errors import MilepostError, UsageError
from milepost.markdown.elements import Builder, clean

__all__ = ["MilepostExtension", "makeExtension"]

_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})[ \t]*milepost(?:[ \t]+(?P<rest>.*?))?[ \t]*$")
# Any other fence opening (a backtick fence's info string holds no backtick) and a closing one.
_OPEN = re.compile(r"^ {0,3}(?P<fence>`{3,}(?=[^`]*$)|~{3,})")
_CLOSE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})[ \t]*$")
_OPTION = re.compile(r"^[ \t]*:?(?P<key>[A-Za-z_-]+):[ \t]*(?P<value>.*?)[ \t]*$")


class MilepostExtension(Extension):
    """The ``milepost`` fenced blocks. What they read is kept in :attr:`read` (roadmap files)
    and :attr:`targets` (the paths shown), what went wrong in :attr:`problems` (message, page,
    the block's first line in the page), for a host such as MkDocs."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "root": ["", "The portfolio folder (default: the milepost.toml governing ., else .)"],
            "today": ["", "The date to judge freshness by, ISO (default: the real date)"],
            "page": ["", "The file of the page being converted (paths are relative to it)"],
            "offset": [0, "Lines of the page's file before the text converted (front matter)"],
            "docs_dir": ["", "Roadmaps inside this folder are linked as pages (.md links)"],
            "mermaid": [False, "Draw the dependency graph as a Mermaid block instead of SVG"],
        }
        super().__init__(**kwargs)
        self.read: set[str] = set()
        self.targets: set[Path] = set()
        self.problems: list[tuple[str, str, int]] = []

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # Python-Markdown's name
        md.registerExtension(self)
        made: dict[str, etree.Element] = {}
        # After normalize_whitespace (30), before fenced_code (25) eats the block as code.
        md.preprocessors.register(_Fences(md, self, made), "milepost", 29)
        # After the inline processor (20): roadmap text is never read as Markdown or HTML.
        md.treeprocessors.register(_Place(md, made), "milepost", 15)

    def render(
        self, md: markdown.Markdown, header: str, body: list[str], *, line: int = 1
    ) -> etree.Element:
        """The element for one fenced block (opening on ``line`` of the text converted, from 1);
        a problem becomes a visible note and is kept."""
        page = str(self.getConfig("page") or "")
        try:
            kind, _, argument = header.partition(" ")
            options = _options(kind, body)
            root = portfolio_root(self.getConfig("root") or None, Path.cwd())
            where = target(
                kind,
                argument.strip() or None,
                page_dir=Path(page).parent if page else None,
                root=root,
            )
            shown = show(where, today=parse_today(self.getConfig("today") or None))
            self.read.update(shown.files)
            self.targets.add(where)
            blocks = view(
                kind,
                shown,
                options,
                argument=argument.strip() or None,
                mermaid=bool(self.getConfig("mermaid")),
            )
        except MilepostError as exc:
            at = line + int(self.getConfig("offset") or 0)
            self.problems.append((f"{f'milepost {header}'.strip()}: {exc}", page, at))
            note = etree.Element("p", {"class": "milepost-error"})
            note.text = clean(f"{f'milepost {header}'.strip()}: {exc}")
            return note
        return Builder(md, page, str(self.getConfig("docs_dir") or "")).box(blocks)


def _options(kind: str, body: list[str]) -> dict[str, str]:
    allowed = options_of(kind)
    options: dict[str, str] = {}
    for line in body:
        if not line.strip():
            continue
        match = _OPTION.match(line)
        if match is None or match["key"] not in allowed:
            raise UsageError(
                f"not an option: {line.strip()!r}",
                hint="options: " + (", ".join(f":{a}:" for a in allowed) or "none"),
            )
        options[match["key"]] = match["value"]
    return options


class _Fences(Preprocessor):
    """Each ``milepost`` fenced block → a placeholder line, its element made and kept."""

    def __init__(self, md: markdown.Markdown, ext: MilepostExtension, made: dict[str, Any]):
        super().__init__(md)
        self.ext = ext
        self.made = made
        self.token = f"milepost{secrets.token_hex(6)}"

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        k = 0
        while k < len(lines):
            match = _FENCE.match(lines[k])
            opened = match or _OPEN.match(lines[k])
            if opened is None:
                out.append(lines[k])
                k += 1
                continue
            end = _closing(lines, k + 1, opened["fence"])
            if match is None:  # another fenced block: its lines are code, left alone
                out += lines[k : end + 1]
            else:
                key = f"{self.token}x{len(self.made)}"
                self.made[key] = self.ext.render(
                    self.md, match["rest"] or "", lines[k + 1 : end], line=k + 1
                )
                out += ["", key, ""]
            k = end + 1
        return out


def _closing(lines: list[str], start: int, fence: str) -> int:
    """The line that closes ``fence`` (the same character, at least as many, nothing after),
    else the end of the text (an unclosed fence runs to the end, as in CommonMark)."""
    for index in range(start, len(lines)):
        close = _CLOSE.match(lines[index])
        if close and close["fence"][0] == fence[0] and len(close["fence"]) >= len(fence):
            return index
    return len(lines)


class _Place(Treeprocessor):
    """Puts each block's element where its placeholder paragraph stands."""

    def __init__(self, md: markdown.Markdown, made: dict[str, etree.Element]):
        super().__init__(md)
        self.made = made

    def run(self, root: etree.Element) -> None:
        if not self.made:
            return
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag == "p" and (child.text or "").strip() in self.made:
                    element = self.made[(child.text or "").strip()]
                    element.tail = child.tail
                    parent.remove(child)
                    parent.insert(index, element)


def makeExtension(**kwargs: Any) -> MilepostExtension:  # Python-Markdown's name
    return MilepostExtension(**kwargs)
