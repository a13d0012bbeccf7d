"""MP8xx: relative links to files that do not exist."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote

from milepost.model import Roadmap
from milepost.rules.base import Context, Diagnostic, Rule, Severity
from milepost.rules.placeholders import inlines_of

__all__ = ["RULES", "relative_links"]

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def relative_links(roadmap: Roadmap) -> Iterator[tuple[int, str, str]]:
    """``(line, url, path)`` of every link to a file relative to the roadmap (no URL scheme,
    not an in-page anchor); ``path`` is the URL without fragment or query, decoded."""
    for line, inline in inlines_of(roadmap):
        for link in inline.links:
            url = link.url.strip()
            if not url or url.startswith(("#", "//", "{")) or _SCHEME.match(url):
                continue
            path = unquote(url.split("#", 1)[0].split("?", 1)[0])
            if path:
                yield line, url, path


def _broken(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    if not context.missing_links:
        return
    for line, url, path in relative_links(context.roadmap):
        if path in context.missing_links:
            col = context.lines[line].find(url) + 1 if line < len(context.lines) else 1
            yield rule.at(context, line, f"link to '{url}': no such file", col=max(col, 1))


RULES = (
    Rule(
        code="MP801",
        name="broken-relative-link",
        group="links",
        severity=Severity.WARNING,
        summary="A relative link points to a file that does not exist.",
        why="Links to design docs and case studies rot when files move; readers hit a 404.",
        bad="- Details: [design](docs/desing.md)\n",
        good="- Details: [design](docs/design.md)\n",
        check=_broken,
    ),
)
