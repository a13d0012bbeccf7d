"""What may reach the HTML: safe links, escaped text, Markdown rendered without raw HTML."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from milepost.document.html import to_html

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


#: The ids the site's own pages use: a roadmap heading that would take one gets ``-1``.
PAGE_IDS = frozenset({"all-items", "count", "f-owner", "f-status", "f-track", "filters", "q"})


def markdown_html(text: str, *, shift: int = 0) -> str:
    """Markdown → HTML with raw HTML shown as text and only safe links kept; headings moved
    ``shift`` levels down (a roadmap's own ``# Title`` under the page's ``<h1>``), with the
    ids GitHub gives them, so the roadmap's ``#section`` links work."""
    return to_html(text, safe_url=safe_url, shift=shift, taken=PAGE_IDS)
