"""What may reach the HTML: safe links, escaped text, Markdown rendered without raw HTML."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from urllib.parse import unquote, urlsplit

from milepost.document.html import to_html

__all__ = ["PAGE_IDS", "markdown_html", "safe_url", "to_pages"]

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


#: The ids the site's own pages use: a roadmap heading that would take one gets ``-1``.
PAGE_IDS = frozenset({"all-items", "count", "f-owner", "f-status", "f-track", "filters", "q"})


def markdown_html(text: str, *, shift: int = 0, relink: Callable[[str], str] | None = None) -> str:
    """Markdown → HTML with raw HTML shown as text and only safe links kept; headings moved
    ``shift`` levels down (a roadmap's own ``# Title`` under the page's ``<h1>``), with the
    ids GitHub gives them, so the roadmap's ``#section`` links work; ``relink`` rewrites
    addresses first (see :func:`to_pages`)."""
    check = safe_url if relink is None else lambda url: safe_url(relink(url))
    return to_html(text, safe_url=check, shift=shift, taken=PAGE_IDS)


def to_pages(roadmap: str, pages_of: Mapping[str, str]) -> Callable[[str], str]:
    """A rewriting of the relative links of the roadmap at ``roadmap`` that point to another
    roadmap of the portfolio (``pages_of``: each one's page name, by resolved file) to that
    track's page, its ``#fragment`` kept; other addresses are left as they are."""
    folder = os.path.dirname(os.path.abspath(roadmap))

    def relink(url: str) -> str:
        if not url or url.startswith(("#", "/", "\\")) or urlsplit(url).scheme:
            return url
        address, _, fragment = url.partition("#")
        target = os.path.realpath(os.path.join(folder, unquote(address.split("?", 1)[0])))
        page = pages_of.get(target)
        if page is None:
            return url
        return f"{page}.html" + (f"#{fragment}" if fragment else "")

    return relink
