"""A status glyph that ends an item's words rather than opens them: a check mark ("Search
✅", "~~CI/CD~~ ✅ (adiantado)"), a glyph of work under way in a list that ends other items
with a check ("Testing (Week 12) 🔄"), or a glyph the legend defines; the words before it
win. :mod:`.markers` reads an item's marker with it."""

from __future__ import annotations

from milepost.extract.marker import Marker
from milepost.extract.name_tags import ending_glyph
from milepost.extract.tag_words import note_start
from milepost.extract.trailing_tags import trailing_tag
from milepost.lazy import lazy_pattern
from milepost.vocabulary.legend import Legend, glyph_key
from milepost.vocabulary.status import Status

__all__ = ["ending_mark", "ends_checked"]


# The glyphs of work under way that say it at the end of an item's words too, in a list
# that ends other items with a check ("- **M2.4**: Testing (Week 12) 🔄" under "- **M2.3**:
# Models integrated ✅", "- Avatar upload ⏳" under "- View profile ✅"); alone they may
# picture the topic ("- Auto-refresh 🔄", "- Timer ⏳").
_WORKING = frozenset({"🚧", "🔄", "⏳"})


# A share done before such a glyph makes the line a measure of progress, no work item:
# "**Playlists:** 40% 🚧".
_SHARE = lazy_pattern(r"\d\s*%")


def ending_mark(text: str, legend: Legend, *, working: bool = False) -> Marker | None:
    """A check mark that ends an item ("Search ✅", "Search :heavy_check_mark:"), a note in
    brackets after it or not ("~~CI/CD~~ ✅ (adiantado)"), a glyph of work under way where
    the list ``working`` ends others with a check ("Testing (Week 12) 🔄"), or a glyph the
    legend defines; the words before it win. A topical emoji ending a feature ("Calendar
    🗓️", "Timer ⏳") decorates it."""
    found = _ending(text, legend)
    if found is None:
        return None
    words, status, at = found
    glyph = words[at:].strip()
    key = glyph_key(glyph)
    working = working and key in _WORKING and _SHARE.search(words, 0, at) is None
    if not (status is Status.DONE or working or legend.glyph(key)):
        return None
    said = trailing_tag(words[:at].rstrip(), legend)
    if said is not None:
        return Marker(said.status, said.written, end=0, tail=said.start)
    return Marker(status, glyph, end=0, tail=at)


def ends_checked(text: str, legend: Legend) -> bool:
    """Whether an item's words end with a check, a note after it or not ("- **M2.3**:
    Models (Week 10) ✅ (early)"), as :func:`ending_mark` reads one."""
    found = _ending(text, legend)
    return found is not None and found[1] is Status.DONE


def _ending(text: str, legend: Legend) -> tuple[str, Status, int] | None:
    """The words of an item before a note in brackets, the status of the glyph that ends
    them, and where the glyph begins; None where no status glyph ends them."""
    if text[-1:].isascii() and text[-1:] not in ":)":
        return None
    words = text[: note_start(text)]
    if words[-1:].isascii() and words[-1:] != ":":
        return None
    found = ending_glyph(words, legend)
    return None if found is None else (words, found[0], found[1])
