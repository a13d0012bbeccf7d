"""A status said right after an item's name, before its description: after a bold name and
its colon (``**CA Injection**: ✅ Complete (in 4.4.0) Ensure ...``, ``**E2E**: (✅
Complete) Improve ...``, ``**EnvTest:** :construction: Maintainers are ...``), or in brackets
closing the name before a dash (``**Phase 1:** Frontend platform (Done ✅) - You will ...``).

The marker must stand as one: an emoji (or a glyph the legend defines), a bracketed status,
or status words alone up to a stop, a bracket, a dash or the end ("Complete.", "Done (in
v2)"). Words that run on are prose ("**Goal**: Complete the migration" is a verb).

Read from an :class:`~milepost.document.Inline` by :func:`name_tag`: the extractor reads an
item's, the edits the one a line as written reads as (its positions mapped back to the
Markdown by :func:`milepost.document.read_inline`), so that an edit sets the marker the
extractor read, where it stands.
"""

from __future__ import annotations

import re

from milepost.document import Inline
from milepost.extract.glyph_tags import glyph_tag, joined_head
from milepost.extract.heading_words import only_when
from milepost.extract.tag_words import WHEN_TAIL, Tag, dated_tail, note_start, strong_word
from milepost.lazy import lazy_pattern
from milepost.vocabulary.legend import Legend, glyph_key
from milepost.vocabulary.status import EMOJI, Status, emoji_at, pictograph_at
from milepost.vocabulary.status_labels import DESCRIBING_LABELS, is_status_label

__all__ = ["ending_glyph", "name_tag", "value_pieces"]

_NAME_MAX = 80  # a name, not a sentence: "**CA Injection**:"
_WORDS_MAX = 40
# What may end status words that open a description: a stop, a bracket, a dash, the end.
# Not a comma: "**Why**: Next, we ..." is a sentence; after a glyph it is the marker's
# ("📋 Planned, Q4"), as after a leading emoji.
_WORDS = re.compile(r"[A-Za-z](?:[A-Za-z' -]*?[A-Za-z])?(?=\s*(?:[.:!()\[\]]|\s[-–—](?:\s|$)|$))")
_WORDS_AFTER_GLYPH = lazy_pattern(
    r"[A-Za-z](?:[A-Za-z' -]*?[A-Za-z])?(?=\s*(?:[.,;:!()\[\]]|\s[-–—](?:\s|$)|$))"
)
# A bracket closing the name, before a dash and the description, or a colon: "X (Done ✅) -
# You ...", "**Week 1 (Done)**: ...", in full-width brackets too: "**Week 1（完了）**: ...".
_DASHES = (" -", " –", " —")
_NAME_BRACKET = re.compile(
    r"[(（](?P<inner>[^()（）]{1,40})[)）](?=\s*[:：]|\s+(?:--|[-–—])(?:\s|$))"
)


def name_tag(inline: Inline, pos: int, legend: Legend) -> Tag | None:
    """The status after the name that opens ``inline``'s text at ``pos`` (after its
    decorations): after a bold name and its colon, the marker opening the description; else
    a bracketed status closing the name before `` - `` and its description. ``kind`` is
    ``opening`` or ``bracket``; the item's title is the text before ``start``."""
    text = inline.text
    if ":" in text and (named := _named_status(text, pos, legend)) is not None:
        return named  # "Compiler: In progress."
    if not inline.strong and "(" not in text:
        return None  # most items: no bold name, no bracket
    if inline.strong and (closing := _glyph_closing_bold_name(inline, pos, legend)):
        return closing  # "**M0.1 ✅ done** — wire protocol"
    after = _after_bold_name(inline, pos)
    if after is None:  # "**`alpha_lt_two`** ✅ PROVEN (with expert help)": no colon
        after = _glyph_after_bold_name(inline, pos, legend)
    if after is not None:
        if _describes(text[pos:after]):
            return None  # "**Risk:** ✅ LOW": a rating, not the status of work named "Risk"
        start = _skip_space(text, after)
        found = _opening(text[start:], legend)
        if found is not None:
            status, end = found
            return Tag(status, start, start + end, text[start : start + end], "opening")
    if ("(" not in text and "（" not in text) or not (
        ":" in text or "：" in text or any(dash in text for dash in _DASHES)
    ):
        return None  # most items: no bracket, or no dash or colon after one
    for match in _NAME_BRACKET.finditer(text, pos):
        if match.start() > pos + _NAME_MAX:
            break  # a bracket after a sentence closes no name
        if not text[pos : match.start()].strip():
            continue  # a bracket that opens the item names nothing before it
        said = _value_status(match["inner"], legend)
        if said is not None:
            return Tag(said, match.start(), match.end(), match.group(), "bracket")
    return None


# A plain name, a colon, and a status that is all the rest says: "Compiler: In progress.";
# not a Status field's label ("Search - Status: Planned"), nor a placeholder's value.
_NAME_COLON = r"[^\W\d][^:\n]{0,60}?:[ \t]+"  # a plain name and its colon
# The status may end in a stop, or have a note in brackets after it: "v2.0 Settings UX:
# Shipped 2026-02-12 (see MILESTONES.md)".
_NAMED_STATUS = lazy_pattern(
    _NAME_COLON + r"(?P<value>[^\W\d][\w' -]{1,30}?)[ \t]*(?:[.!]|\([^()]{0,40}\))?[ \t]*$"
)
_VALUE_MAX = 40
_NOTE_MAX = 40
# A version before the name, in lower case as versions are: "v2.4 Auto-Update: In Progress".
_VERSION_LEAD = lazy_pattern(r"v\d+(?:\.\d+)*[ \t]+(?=\S)")
_FIELD_NAME = lazy_pattern(r"(?i)\b(?:status|state)[ \t*_]*:[ \t]*$")
_PLACEHOLDERS = frozenset({"todo", "tbd", "tba"})


def _named_status(text: str, pos: int, legend: Legend) -> Tag | None:
    """A status that is all that follows a plain name and its colon (``Ast executor: Not
    started.``, a note in brackets after it or not), strong words only: "Note: open" says
    nothing. Not after a name in lower
    case, a legend's way ("blank: not started"), nor a placeholder ("PR: TODO")."""
    lead = _VERSION_LEAD.match(text, pos)
    named = lead.end() if lead is not None else pos
    after = len(text) - text.rfind(":")  # a status and a note in brackets at most
    if after > _VALUE_MAX + _NOTE_MAX or text[named : named + 1].islower():
        return None  # most items: no colon, or more than a status after the last
    found = _NAMED_STATUS.match(text, pos)
    if found is None:
        return _glyph_named(text, pos, legend) if after <= _VALUE_MAX else None
    if _FIELD_NAME.search(text, pos, found.start("value")):
        return None
    value = found["value"]
    if value.isupper() and value.lower() in _PLACEHOLDERS:
        return None
    status = legend.word(value) or strong_word(value)
    when = dated_tail(value) if status is None else None
    if when is not None:  # "Phase 01 (Foundation): Completed on 2025-12-25"
        value = value[: when.start()]
        status = legend.word(value) or strong_word(value)
    if status is None:
        return None
    start = found.start("value")
    return Tag(status, start, start + len(value), value, "opening")


# A plain name and its colon, before a status glyph: "Cherry-pick: ✅ Complete".
_NAMED_GLYPH = lazy_pattern(_NAME_COLON)


def _glyph_named(text: str, pos: int, legend: Legend) -> Tag | None:
    """A status glyph and its words that are all that follows a plain name and its colon,
    a note in brackets after them or not ("Cherry-pick: ✅ Complete", "Adapter migration:
    🔄 In Progress (20%)"); not a glyph before other words ("Result: ✅ Processes run")."""
    named = _NAMED_GLYPH.match(text, pos)
    if named is None or _FIELD_NAME.search(text, pos, named.end()):
        return None
    start = named.end()
    if _glyphs(text, start, legend)[0] is None:
        return None
    found = _opening(text[start:], legend)
    if found is None:
        return None
    status, end = found
    rest = text[start + end :].strip()
    if not any(c.isalpha() for c in text[start : start + end]):
        return None  # a glyph alone: the words after it are a sentence's, or none
    if rest and not (rest[0] == "(" and rest[-1] == ")" and rest.count("(") == 1):
        return None
    return Tag(status, start, start + end, text[start : start + end], "opening")


def _glyph_after_bold_name(inline: Inline, pos: int, legend: Legend) -> int | None:
    """Where a status glyph right after a bold name opening the item at ``pos`` begins, no
    colon between (``**`alpha_lt_two`** ✅ PROVEN``): the glyph marks the named work, what
    follows it is a note. None where words follow the name ("**Goal** Complete the ...")."""
    text = inline.text
    for start, end in inline.strong:
        if start == pos and 0 < len(text[start:end].strip()) <= _NAME_MAX:
            glyph = _skip_space(text, end)
            return glyph if glyph > end and _glyphs(text, glyph, legend)[0] else None
    return None


def _glyph_closing_bold_name(inline: Inline, pos: int, legend: Legend) -> Tag | None:
    """A status glyph that closes a bold name opening the item at ``pos``, its status words
    and a note in brackets after it or not, a dash or a colon and a description after the
    name: ``**M0.1 ✅ done** — wire protocol``, ``**Bundle chunking ✅ (2026-06-13)**:
    vite``."""
    text = inline.text
    start, end = inline.strong[0]
    bold = text[start:end].rstrip(" :：")
    if start != pos or (bold.isascii() and ":" not in bold):
        return None  # most bold names: no glyph (nor a shortcode) in them
    rest = text[end:].lstrip()
    named = text[start:end].rstrip().endswith((":", "："))  # "**M1 ✅ done:** host sync"
    if not named and not rest.startswith((":", "：", "- ", "– ", "— ", "-- ")):
        return None
    body = bold[: note_start(bold)].rstrip()
    tag = glyph_tag(body, legend)
    if tag is not None:
        glyph = tag.start + 1
        status = tag.status
    else:
        found = ending_glyph(body, legend)
        if found is None:
            return None
        status, glyph = found
    said, name = body[glyph:], body[:glyph].rstrip()
    if (
        not name
        or len(name) > _NAME_MAX
        or any(c.isdigit() for c in said)  # "**Beta 📋 Q3 2026**": when, not its status
        or (  # a cross alone, where no legend keys it
            status is Status.DROPPED
            and pictograph_at(said) == len(said)
            and legend.glyph(glyph_key(said)) is None
        )
        or any(pictograph_at(name, at) is not None for at in _blanks(name))
        or _describes(name)
        or is_status_label(name)
        or only_when(name)
        or _QUARTER.fullmatch(name) is not None
    ):
        # "**Risk ✅** — low" rates; "**Security ❌** — none known" says no; "**Phase 1 ✅ /
        # Phase 2 🚧**" names two; "**Status ✅**", "**Q3 🔜** — hiring": no work named
        return None
    return Tag(status, start + glyph, start + len(body), said, "opening")


# A quarter or a half without its year, a time no work: "Q3", "H1-H2".
_QUARTER = lazy_pattern(r"(?i)(?:q[1-4]|h[12])(?:[ \t]*[-/–][ \t]*(?:q[1-4]|h[12]))?")


def _blanks(text: str) -> list[int]:
    """Where each word of ``text`` begins (after a blank, or at its start)."""
    return [0, *(at + 1 for at, char in enumerate(text) if char == " ")]


def _describes(name: str) -> bool:
    """Whether a bold name and its colon label what describes an item ("**Risk:**")."""
    return name.strip(" *_:").lower() in DESCRIBING_LABELS


def _after_bold_name(inline: Inline, pos: int) -> int | None:
    """Where the words after a bold name and its colon begin (``**Name**: ``, ``**Name:**
    ``), if the item opens at ``pos`` with one; else None."""
    text = inline.text
    for start, end in inline.strong:
        if start != pos:
            continue
        name = text[start:end].strip()
        if not name or len(name) > _NAME_MAX:
            return None
        if name.endswith(":"):
            return end
        colon = _skip_space(text, end)
        return colon + 1 if text[colon : colon + 1] == ":" else None
    return None


def _opening(text: str, legend: Legend) -> tuple[Status, int] | None:
    """The status marker that opens ``text`` and where it ends: a bracketed status, or
    glyphs and/or status words that stand alone (words win)."""
    if text[:1] and text[0] in "([":
        close = text.find(")" if text[0] == "(" else "]")
        if close < 0:
            return None
        status = _value_status(text[1:close], legend)
        return None if status is None else (status, close + 1)
    glyph_status, end = _glyphs(text, 0, legend)
    words = _words(text, end, legend, glyph_status is not None)
    if words is not None:
        return words
    return None if glyph_status is None else (glyph_status, len(text[:end].rstrip()))


def _value_status(value: str, legend: Legend) -> Status | None:
    """The status a bracketed marker says: glyphs, words or both ("✅ Complete", "Done ✅",
    "later"), the words winning; None where words that are no status are in it."""
    pieces = value_pieces(value, legend)
    if not pieces:
        return None
    glyphs = [status for _, _, status, is_glyph in pieces if is_glyph]
    words = [status for _, _, status, is_glyph in pieces if not is_glyph]
    if words:
        return words[0]
    return glyphs[0] if glyphs else None


def value_pieces(value: str, legend: Legend) -> list[tuple[int, int, Status, bool]]:
    """A marker's glyphs and words, each as ``(start, end, status, is_glyph)`` in ``value``:
    a glyph leading or ending it ("✅ Complete", "Done ✅") and the words between (words
    joined to the first, "done + DEPLOYED", with it); empty
    where a piece is no status (words that run on, a glyph of no meaning)."""
    pieces: list[tuple[int, int, Status, bool]] = []
    start = _skip_space(value, 0)
    status, end = _glyphs(value, start, legend)
    if status is not None:
        pieces.append((start, len(value[:end].rstrip()), status, True))
        start = end
    elif (decoration := pictograph_at(value, start)) is not None:
        start = _skip_space(value, decoration)  # "(👷WIP)": a glyph of no status decorates
    inner = value[start:].rstrip()
    if not inner:
        return pieces
    glyph_at = _trailing_glyph(inner, legend)
    words = inner[:glyph_at].rstrip() if glyph_at is not None else inner
    if words:
        said = _said(words, legend)
        if said is None and (head := joined_head(words)) is not None:
            said = _said(head, legend)  # "done + DEPLOYED": the first word says it
        if said is None:
            return []
        pieces.append((start, start + len(words), said, False))
    if glyph_at is not None:
        glyph_status, glyph_end = _glyphs(inner, glyph_at, legend)
        if glyph_status is None or inner[glyph_end:].strip():
            return []
        pieces.append((start + glyph_at, start + len(inner), glyph_status, True))
    return pieces


def ending_glyph(text: str, legend: Legend) -> tuple[Status, int] | None:
    """The status of a glyph that ends ``text`` after a blank ("Milestone 3 ✅") and where
    it begins, if one does."""
    text = text.rstrip()
    at = _trailing_glyph(text, legend)
    if at is None or not text[:at].strip():
        return None
    status = _glyphs(text, at, legend)[0]
    return None if status is None else (status, at)


def _trailing_glyph(text: str, legend: Legend) -> int | None:
    """Where a glyph that ends ``text`` after a blank begins ("Done ✅"), if one does."""
    blank = text.rfind(" ")
    at = blank + 1 if blank >= 0 else 0
    status, end = _glyphs(text, at, legend)
    return at if status is not None and end >= len(text.rstrip()) else None


def _words(text: str, pos: int, legend: Legend, glyph: bool = False) -> tuple[Status, int] | None:
    """Status words alone at ``pos`` (up to a stop, a bracket, a dash or the end; after a
    ``glyph``, a comma too)."""
    window = text[pos : pos + _WORDS_MAX + 2]  # words, not a line of thousands of them
    match = (_WORDS_AFTER_GLYPH if glyph else _WORDS).match(window)
    if match is None or len(match.group()) > _WORDS_MAX:
        return None
    if len(window) < len(text) - pos and not window[match.end() :].strip(" \t"):
        return None  # the window ended the words, not a stop: they run on
    status = _said(match.group(), legend)
    return None if status is None else (status, pos + match.end())


def _said(words: str, legend: Legend) -> Status | None:
    """The status words name, whole ("Complete", "Work in Progress"), not a weak one, when
    it was done after them or not ("shipped 2026-01-24")."""
    words = words.strip()
    said = legend.word(words) or strong_word(words)
    return said or (strong_word(WHEN_TAIL.sub("", words)) if " " in words else None)


def _glyphs(text: str, pos: int, legend: Legend) -> tuple[Status | None, int]:
    """The status of the glyph at ``pos`` (an emoji of the vocabulary, a ``:shortcode:``, a
    glyph the legend defines) and where the blanks after it end; ``(None, pos)`` for none."""
    found = emoji_at(text, pos)
    if found is not None:
        glyph, end = found
        status = legend.glyph(glyph) or EMOJI.get(glyph)
    else:
        end_picto = pictograph_at(text, pos)
        if end_picto is None:
            return None, pos
        end = end_picto
        status = legend.glyph(glyph_key(text[pos:end]))
    if status is None:
        return None, pos
    while end < len(text) and text[end] in " \t\u00a0\ufe0f":
        end += 1
    return status, end


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\u00a0":
        pos += 1
    return pos
