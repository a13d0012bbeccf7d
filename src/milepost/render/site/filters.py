"""What may reach the HTML: safe links, escaped text, Markdown rendered without raw HTML."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from markdown_it import MarkdownIt

__all__ = ["markdown_html", "safe_url"]

_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


def safe_url(url: str) -> str:
    """``url`` if it is http(s), mailto, relative or an anchor; otherwise ``"#"``.

    Control characters and whitespace inside the scheme (``java\\tscript:``) are stripped first,
    as browsers do, so they cannot smuggle a scheme past the check.
    """
    cleaned = re.sub(r"[\x00-\x20\x7f]+", "", url)
    scheme = urlsplit(cleaned).scheme.lower()
    if not scheme:
        return url if not cleaned.startswith("//") else "#"
    return url if scheme in _SAFE_SCHEMES else "#"


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False})
    md.enable(["table", "strikethrough"])
    md.validateLink = lambda url: safe_url(url) != "#" or url == "#"  # type: ignore[method-assign]
    return md


_HEADING_TAG = re.compile(r"<(/?)h([1-6])>")


def markdown_html(text: str, *, shift: int = 0) -> str:
    """Markdown → HTML with raw HTML shown as text and only safe links kept; headings moved
    ``shift`` levels down (a roadmap's own ``# Title`` under the page's ``<h1>``)."""
    html: str = _markdown().render(text)
    if shift:
        html = _HEADING_TAG.sub(lambda m: f"<{m[1]}h{min(6, int(m[2]) + shift)}>", html)
    return html
