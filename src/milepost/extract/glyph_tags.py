"""A status glyph beside a tag's words: status words after a glyph ending an item's words
(``Tool registry ✅ COMPLETE``, :func:`glyph_tag`), and a glyph opening a dash tag's phrase
(``- ✅ Done``, ``- ✅ 100% (v10.0)``, :func:`glyph_phrase`) or ending it (``- DONE! 🎉``,
:func:`before_glyphs`). Read by :mod:`.trailing_tags` and :mod:`.heading_markers`."""

from __future__ import annotations

from milepost.extract.heading_words import when_alone
from milepost.extract.tag_words import (
    WHEN_TAIL,
    Tag,
    note_start,
    percent_done,
    refs_start,
    strong_word,
)
from milepost.lazy import lazy_pattern
from milepost.vocabulary.legend import NO_LEGEND, Legend, glyph_key
from milepost.vocabulary.status import CALENDARS, EMOJI, Status, emoji_at, pictograph_at
from milepost.vocabulary.status_words import status_of_word

__all__ = ["before_glyphs", "glyph_at", "glyph_phrase", "glyph_tag", "joined_head", "when_said"]


def glyph_at(phrase: str, legend: Legend) -> tuple[Status, int] | None:
    """The status glyph opening ``phrase`` (an emoji of the vocabulary or the legend's) and
    where it ends."""
    found = emoji_at(phrase)
    if found is None:
        return None
    status = legend.glyph(found[0]) or EMOJI.get(found[0])
    return None if status is None else (status, found[1])


# A share done, which may follow a glyph in a dash tag and say no more than it, as a note in
# brackets may ("✅ 100% (v10.0)", "✅ (Décembre 2025)").
_SHARE = lazy_pattern(r"\s*\d{1,3}\s*%")


def glyph_phrase(phrase: str, glyph: tuple[Status, int], legend: Legend) -> Status | None:
    """What a dash tag opened by a status glyph says: its words' status ("✅ Done", "🔄
    Partially complete": the words win), else the glyph's where nothing but a share done
    and a bracketed note follow it ("✅ 100% (v10.0)"); None where other words follow."""
    rest = phrase[glyph[1] :]
    rest = rest[: note_start(rest)]
    share = _SHARE.match(rest)
    words = rest[share.end() :] if share else rest
    words = words.strip(" *_!.")
    if not words:
        return glyph[0]
    return legend.word(words) or strong_word(words) or strong_word(WHEN_TAIL.sub("", words))


def before_glyphs(phrase: str) -> str:
    """``phrase`` without the glyphs that end it after a blank ("DONE! 🎉" → "DONE!")."""
    while (at := phrase.rfind(" ") + 1) and pictograph_at(phrase, at) == len(phrase):
        phrase = phrase[:at].rstrip()
    return phrase


# Arrows lead to a status, they say none: "pending → in_progress → done".
_ARROWS = frozenset("→⇒➜➔⟶↦")


# A character of the pictographs' ranges (as :func:`~milepost.vocabulary.status.pictograph_at`
# reads them), or a shortcode's colon: a glyph may stand in the text.
_PICTOGRAPH = lazy_pattern("[\u2190-\u2bff\u3030\u303d\u3200-\u32ff\U0001f000-\U0001faff:]")


# Status words ending a text after a glyph ("✅ COMPLETE", "🔄 PARTIALLY COMPLETED", "✅
# 已完成"): letters of any script.
_GLYPH_WORDS = lazy_pattern(r"[^\W\d_](?:(?:[^\W\d_]|[' -]){0,30}[^\W\d_])?")
# How many blank-parted pieces the words after the glyph may run to.
_GLYPH_WORDS_MAX = 4


def glyph_tag(text: str, legend: Legend = NO_LEGEND) -> Tag | None:
    """Status words after a glyph that end the item's words, "!" or a stop, a bracketed note
    or references after them or not: ``Tool registry ✅ COMPLETE``, ``Fix tests ⚠️ PARTIALLY
    COMPLETED (some remain)``. The words say the status (the glyph may be a decoration,
    "⚠️"); words alone at the end are prose ("Get search done"), and so is a glyph that
    opens the text."""
    body = text.rstrip()
    if _PICTOGRAPH.search(body) is None:
        return None  # no glyph (most texts a leading marker was taken from)
    if "#" in body or "@" in body:
        refs = refs_start(body)
        body = body[:refs] if refs is not None else body
    body = body[: note_start(body)]  # "(some legacy tests remain)"
    end = len(body)
    words_end = len(body.rstrip(".!"))
    pos = words_end
    for _ in range(_GLYPH_WORDS_MAX + 1):  # from the end, piece by piece, to the glyph
        blank = body.rfind(" ", 0, pos)
        if blank < 0:
            return None
        if blank + 1 < pos and pictograph_at(body, blank + 1) == pos:
            break
        pos = blank
    else:
        return None
    at, words = blank + 1, body[pos:words_end].strip()
    title = body[:blank].rstrip()
    if not title or title[-1] in _ARROWS or title[-1] in "=:" or body[at] in _ARROWS:
        return None  # "`features/active/` → 🔄 In Progress" maps a folder to a status
    if words[:1].isdigit() and "%" in words:  # "Phase 5 🔧 85% COMPLETE": a share done says it
        status = percent_done(words)
    elif _GLYPH_WORDS.fullmatch(words) is None:
        # "Phase 3: Production Ready 📋 Q1 2025": the glyph's status, and when; "M0.3 ✅
        # done + DEPLOYED": two words of one status
        status = when_said(body[at:pos], words, legend) or _joined(words, legend)
    else:
        status = legend.word(words) or strong_word(words)
        backing = glyph_at(body[at:pos], legend) if status is None else None
        if backing is not None and status_of_word(words) is backing[0]:
            status = backing[0]  # "🔄 PARTIAL": a weak word that says what its glyph does
    return None if status is None else Tag(status, blank, end, text[at:end], "glyph")


# Status words joined by a plus, an ampersand or a slash: "done + DEPLOYED", "Future/Optional".
_JOINED = lazy_pattern(r"(?<![ \t])[ \t]*[+&/][ \t]*")


def joined_head(words: str) -> str | None:
    """The first of two or three words joined by "+" or "&", each after it one word that
    says the same status or none ("done" of "done + DEPLOYED"), or by "/", each after it
    the same status or, after a plan's, "Optional" ("Future/Optional"; a slash says "or":
    "Done/Reverted" is either); else None."""
    parts = _JOINED.split(words)
    if not 1 < len(parts) <= 3 or _GLYPH_WORDS.fullmatch(parts[0]) is None:
        return None
    first = status_of_word(parts[0])
    if first is None:
        return None
    either = "/" in words
    for part in parts[1:]:
        if not part.isalpha():
            return None  # "Complete + Not tested": a phrase, more than a word
        said = status_of_word(part)
        if said is first or (said is None and not either):
            continue
        if either and part.lower() == "optional" and first in _PLANS:
            continue
        return None  # "Done + Partial", "Complete + Not tested": more than the first says
    return parts[0]


_PLANS = frozenset({Status.PLANNED, Status.FUTURE})


def _joined(words: str, legend: Legend) -> Status | None:
    """The status of words joined by "+", "&" or "/" (:func:`joined_head`), the first a strong
    status word ("done + DEPLOYED", "COMPLETE & Merged"), else None."""
    head = joined_head(words)
    return None if head is None else legend.word(head) or strong_word(head)


def when_said(glyph: str, words: str, legend: Legend) -> Status | None:
    """The status of a status glyph before when and no more ("📋 Q1 2026", "✅ Dec 2025");
    None for a calendar there ("📅 Jan 2024" dates the work, as a calendar heading does),
    unless the legend gives it a meaning."""
    found = glyph_at(glyph, legend)
    if found is None or not when_alone(words.strip()):
        return None
    key = glyph_key(glyph)
    return None if key in CALENDARS and legend.glyph(key) is None else found[0]
