"""A status badge written as an HTML element that opens a list item, as docs sites write them:
``- [ ] <span className="badge badge--parked">Parked</span> OPA integration``, ``- <Badge
type="tip">Done</Badge> Search``. The element's words say the item's status (a bare box's
too, which they refine); read from the item's line as written, where the element stands."""

from __future__ import annotations

from milepost.document.item_lines import LIST_ITEM
from milepost.lazy import lazy_pattern
from milepost.vocabulary.legend import Legend
from milepost.vocabulary.status import Status
from milepost.vocabulary.status_words import status_of_word

__all__ = ["BADGE", "leading_badge"]

# An HTML element holding a few words and nothing else: the words in ``w``.
BADGE = lazy_pattern(
    r"<(?P<tag>[A-Za-z][\w.-]*)(?:\s[^<>]*)?>[ \t]*(?P<w>[^<>\n]{1,30}?)[ \t]*</(?P=tag)\s*>"
)


def leading_badge(line: str, legend: Legend) -> tuple[Status, str] | None:
    """The status of the badge that opens a list item's ``line``, and the badge's words."""
    item = LIST_ITEM.match(line)
    badge = BADGE.match(line, item.start("rest")) if item is not None else None
    if badge is None:
        return None
    words = badge["w"].strip()
    status = legend.word(words) or status_of_word(words)
    return None if status is None else (status, words)
