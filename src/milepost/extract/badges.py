"""A status badge written as an HTML element that opens a list item, as docs sites write them:
``- [ ] <span className="badge badge--parked">Parked</span> OPA integration``, ``- <Badge
type="tip">Done</Badge> Search``. The element's words say the item's status (a bare box's
too, which they refine); read from the item's line as written, where the element stands. A
badge image says it in its alt text or in its address at a badge service: ``- <img
src="https://badgen.net/static/🔺/DONE/green"/> Add License``."""

from __future__ import annotations

import re
from typing import NamedTuple

from milepost.document.item_lines import LIST_ITEM
from milepost.lazy import lazy_pattern
from milepost.vocabulary.legend import Legend
from milepost.vocabulary.status import Status
from milepost.vocabulary.status_words import status_of_word

__all__ = [
    "BADGE",
    "IMAGE_BADGE",
    "EndingBadge",
    "address_status",
    "leading_badge",
    "leading_image_badge",
    "trailing_badge",
]

# The few words an element holds and nothing else, in ``w``, and its closing tag. The words
# begin and end with no blank, so that the blanks around them are the ``[ \t]*``'s alone: a
# long run of blanks in a line that closes no element was else cut every way (a hang).
_WORDS_INSIDE = r">[ \t]*(?P<w>[^<>\s](?:[^<>\n]{0,28}[^<>\s])?)[ \t]*</(?P=tag)\s*>"
# An HTML element holding a few words and nothing else: the words in ``w``.
BADGE = lazy_pattern(r"<(?P<tag>[A-Za-z][\w.-]*)(?:\s[^<>]*)?" + _WORDS_INSIDE)


def leading_badge(line: str, legend: Legend) -> tuple[Status, str] | None:
    """The status of the badge that opens a list item's ``line``, and the badge's words."""
    item = LIST_ITEM.match(line)
    badge = BADGE.match(line, item.start("rest")) if item is not None else None
    if badge is None:
        return None
    words = badge["w"].strip()
    status = legend.word(words) or status_of_word(words)
    return None if status is None else (status, words)


def _attribute(name: str) -> re.Pattern[str]:
    """An element's attribute ``name`` (its value in ``d`` or ``s``, in double quotes or
    single)."""
    return lazy_pattern(rf"""\b{name}\s*=\s*(?:"(?P<d>[^"]*)"|'(?P<s>[^']*)')""")


_ALT, _SRC, _TEXT = _attribute("alt"), _attribute("src"), _attribute("text")


# A badge ending a line, as VuePress and VitePress write one: its words in a ``text``
# attribute (``<Badge type="warning" text="planned" />``, in ``a``), or inside it
# (``<Badge type="tip">Done</Badge>``, in ``w``). Another element there is a badge by its
# class (``<span class="badge">Done</span>``); a ``<kbd>`` or ``<sup>`` is not.
_ENDING_BADGE = lazy_pattern(
    r"<(?P<tag>[A-Za-z][\w.-]*)(?P<a>\s[^<>]*?)?(?:/>|" + _WORDS_INSIDE + r")[ \t]*$"
)
_BADGE_CLASS = lazy_pattern(r"""\bclass(?:Name)?\s*=\s*["'][^"']*\bbadge""")


class EndingBadge(NamedTuple):
    """A badge ending a line: the status its words say, the words, where they are on the
    line, whether the item's text holds them (inside the element) or not (an attribute's
    value), and where the element starts."""

    status: Status
    words: str
    start: int
    end: int
    inside: bool
    at: int


def trailing_badge(line: str, legend: Legend) -> EndingBadge | None:
    """The badge that ends a list item's or a heading's ``line`` (``- /customers/fetch
    <Badge type="warning" text="planned" />``), where its words say a status."""
    line = line.rstrip("\r\n")  # as read from the source, its line ending after it
    if not line.rstrip().endswith(">"):
        return None
    badge = _ENDING_BADGE.search(line)
    if badge is None:
        return None
    attributes = badge["a"] or ""
    if badge["tag"].lower() != "badge" and _BADGE_CLASS.search(attributes) is None:
        return None
    if badge["w"] is not None:
        start, end = badge.span("w")
    else:
        text = _TEXT.search(attributes)
        if text is None:
            return None
        start, end = (badge.start("a") + at for at in _value_span(text))
    words = line[start:end]
    status = legend.word(words.strip()) or status_of_word(words)
    if status is None:
        return None
    return EndingBadge(status, words, start, end, badge["w"] is not None, badge.start())


# An image element (void: no words inside), its attributes in ``a``.
_IMAGE = lazy_pattern(r"<img\b(?P<a>[^<>]*)>")
# Services that draw a badge from the words in its address: ".../badge/label-DONE-green".
_BADGE_SERVICES = ("shields.io/", "badgen.net/")  # img.shields.io, flat.badgen.net too
# What an image badge's marker is written as: its words are in no text of the item.
IMAGE_BADGE = "<img>"


def leading_image_badge(line: str, legend: Legend) -> Status | None:
    """The status of a badge image that opens a list item's ``line``: its alt text's words
    (``<img alt="DONE" src=...>``), else a status among the words of its address at a badge
    service (``https://badgen.net/static/🔺/DOING/yellow``: in progress)."""
    item = LIST_ITEM.match(line)
    image = _IMAGE.match(line, item.start("rest")) if item is not None else None
    if image is None:
        return None
    alt = _ALT.search(image["a"])
    if alt is not None:
        words = _value(alt).strip()
        return legend.word(words) or status_of_word(words)
    src = _SRC.search(image["a"])
    return address_status(_value(src) if src is not None else "", legend)


def address_status(address: str, legend: Legend) -> Status | None:
    """A status among the words of an image's address at a badge service, each part of its
    path in turn (``https://img.shields.io/badge/-In_Progress-blue``: in progress); None
    for an address elsewhere."""
    service = next((s for s in _BADGE_SERVICES if s in address), None)
    if service is None:
        return None
    path = address.split(service, 1)[1].split("?", 1)[0]
    for part in re.split(r"[/-]", path):
        words = part.replace("_", " ").strip()
        status = (legend.word(words) or status_of_word(words)) if words else None
        if status is not None:
            return status
    return None


def _value(attribute: re.Match[str]) -> str:
    """An attribute's value, in double quotes or single."""
    return attribute["d"] if attribute["d"] is not None else attribute["s"]


def _value_span(attribute: re.Match[str]) -> tuple[int, int]:
    """Where an attribute's value is in the attributes it was found in."""
    return attribute.span("d" if attribute["d"] is not None else "s")
