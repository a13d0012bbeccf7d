"""What may reach the HTML: safe links, escaped text, Markdown rendered without raw HTML."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from urllib.parse import quote, unquote

from milepost.document.html import to_html

__all__ = [
    "FILES",
    "PAGE_IDS",
    "Relink",
    "markdown_html",
    "path_to_copy",
    "place_of",
    "safe_url",
]

_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
# A URL's scheme as RFC 3986 (and urlsplit) reads it; urlsplit itself also checks a host in
# brackets and raises on one a roadmap may well hold ("https://githu[x](y)b.com").
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")


def _scheme(url: str) -> str:
    match = _SCHEME.match(url)
    return match.group(1).lower() if match else ""


def safe_url(url: str) -> str:
    """``url`` if it is http(s), mailto, relative or an anchor; otherwise ``"#"``.

    Control characters and whitespace inside the scheme (``java\\tscript:``) are stripped first,
    as browsers do, so they cannot smuggle a scheme past the check.
    """
    cleaned = re.sub(r"[\x00-\x20\x7f]+", "", url)
    scheme = _scheme(cleaned)
    if not scheme:
        return url if not cleaned.startswith("//") else "#"
    return url if scheme in _SAFE_SCHEMES else "#"


#: The ids the site's own pages use: a roadmap heading that would take one gets ``-1``.
PAGE_IDS = frozenset({"all-items", "count", "f-owner", "f-status", "f-track", "filters", "q"})


def markdown_html(text: str, *, shift: int = 0, relink: Callable[[str], str] | None = None) -> str:
    """Markdown → HTML with raw HTML shown as text and only safe links kept; headings moved
    ``shift`` levels down (a roadmap's own ``# Title`` under the page's ``<h1>``), with the
    ids GitHub gives them, so the roadmap's ``#section`` links work; ``relink`` rewrites
    addresses first (see :class:`Relink`)."""
    check = safe_url if relink is None else lambda url: safe_url(relink(url))
    return to_html(text, safe_url=check, shift=shift, taken=PAGE_IDS)


#: Where the site keeps the files roadmaps link to (images, documents), one folder per track.
FILES = "files"


class Relink:
    """The rewriting of a roadmap's relative links for its track page (``tracks/<slug>.html``):

    - a link to another roadmap of the portfolio (``pages_of``: each one's page name, by
      resolved file) goes to that track's page, its ``#fragment`` kept;
    - a link to a file in the roadmap's folder or below it (an image, a design document) goes
      to its copy under ``files/<slug>/`` (:func:`place_of`), which the builder makes;
      files outside that folder, hidden ones (``.env``, ``.git/``) and missing ones are not
      copied, and their links are left as written;
    - any other address is left as it is.
    """

    def __init__(self, roadmap: str, slug: str, pages_of: Mapping[str, str]) -> None:
        self.folder = os.path.realpath(os.path.dirname(os.path.abspath(roadmap)))
        self.slug = slug
        self.pages_of = pages_of
        #: Every file a link named (resolved) → whether it is copied (the builder copies
        #: those); a page kept from an earlier build is made again when an answer changes.
        self.checked: dict[str, bool] = {}

    def __call__(self, url: str) -> str:
        if not url or url.startswith(("#", "/", "\\")) or _scheme(url):
            return url
        address, _, fragment = url.partition("#")
        path = unquote(address.split("?", 1)[0])
        if not path:
            return url
        target = os.path.realpath(os.path.join(self.folder, path))
        page = self.pages_of.get(target)
        if page is not None:
            return f"{page}.html" + (f"#{fragment}" if fragment else "")
        inside = path_to_copy(self.folder, target)
        self.checked[target] = inside is not None
        if inside is None:
            return url
        place = place_of(self.slug, inside)
        return f"../{quote(place)}" + (f"#{fragment}" if fragment else "")


def place_of(slug: str, inside: str) -> str:
    """Where the site keeps the copy of a file the roadmap of track ``slug`` links to
    (``inside``: the file's path from the roadmap's folder, as :func:`path_to_copy` gives)."""
    return f"{FILES}/{slug}/{Path(inside).as_posix()}"


def path_to_copy(folder: str, target: str) -> str | None:
    """The path from ``folder`` (a roadmap's, resolved) of a file its roadmap may link to
    in the site: a regular ``target`` (resolved) there or below, with no hidden part in that
    path; None for any other."""
    inside = os.path.relpath(target, folder)
    parts = Path(inside).parts
    if not parts or parts[0] == os.pardir or os.path.isabs(inside):
        return None
    if any(part.startswith(".") or ":" in part or "\\" in part for part in parts):
        return None  # hidden, or a name the site's manifest would not take back
    return inside if os.path.isfile(target) else None
