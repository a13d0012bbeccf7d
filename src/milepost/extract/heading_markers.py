"""What a heading or a list's label says: a status heading that gives its items a status
(``## Backlog``), a deliverable with its own status (``### ✅ Offline mode``), or neither."""

from __future__ import annotations

import re

from milepost.document import Inline
from milepost.extract.glyph_tags import before_glyphs, glyph_tag
from milepost.extract.heading_periods import numbered_step
from milepost.extract.heading_words import (
    declines,
    label_status,
    names_a_part,
    names_work,
    only_when,
)
from milepost.extract.marker import Marker
from milepost.extract.markers import code_keyword, leading_markers
from milepost.extract.name_tags import ending_glyph, name_tag
from milepost.extract.opening_words import bracketed_status, decorated_bracket
from milepost.extract.tag_words import Tag, note_start, strong_word
from milepost.extract.trailing_tags import bracket_tag, dash_tag, trailing_tag
from milepost.lazy import lazy_pattern
from milepost.vocabulary.legend import NO_LEGEND, Legend, glyph_key
from milepost.vocabulary.sections import strip_decoration
from milepost.vocabulary.status import CALENDARS, Status, emoji_written
from milepost.vocabulary.status_words import status_of_word

__all__ = [
    "before_end_links",
    "code_status",
    "heading_box",
    "heading_marker",
    "lead_word",
    "pipe_tag",
]


def _ending_glyph(text: str, legend: Legend) -> Marker | None:
    """A status glyph ending a heading that names a deliverable (``### Milestone 3 ✅``)."""
    # a note in brackets after it or not: "## Phase 0 — Publish the repo ✅ (this commit)"
    # (not a share done, which says more: "✅ (90% Complete)")
    note = note_start(text)
    if not _part_done(text[note:]):
        text = text[:note]
    found = ending_glyph(text, legend) if not text[-1:].isascii() else None
    if found is None:
        return None
    status, at = found
    name = strip_decoration(text[:at])
    if not names_work(name):
        return None
    return Marker(status, text[at:].strip(), tail=at)


def heading_marker(
    title: str,
    inline: Inline,
    legend: Legend = NO_LEGEND,
    *,
    level: int = 3,
    coded: bool = False,
) -> tuple[Marker | None, Status | None]:
    """A heading's role: ``(marker, None)`` when it is a deliverable with a status
    (``### ✅ Offline mode``, ``### [x] Renderer``), ``(None, status)`` when it is a status
    heading that gives its items a status (``## Backlog``), ``(None, None)`` otherwise
    (an open box is planned, under "## Future" too: its own marker beats its heading's).
    ``level``: its level (a top section's emoji decorates a part of the document, "## 📋
    Feature Overview"); ``coded``: the document writes statuses in code spans ending its
    headings (``### M1 — Bootstrap `done```)."""
    said = label_status(title)
    if said is not None:
        # "## Completed", "## Planned - Recent wins": a status heading; "## Planned - Phase
        # 1: GridWorld" names the deliverable after its status
        named = _led_marker(inline.text, legend)
        return (None, said) if named is None else (named, None)
    boxed = _boxed(inline, legend) if inline.text[:1] == "[" else None
    if boxed is not None:
        return boxed, None
    opening = bracketed_status(inline.text)
    if opening is not None and names_work(strip_decoration(inline.text[opening[3] :])):
        # "## [WIP] 0.3.0 / 2020-October-??", as an item opens "- [TODO] Exceptions"
        return Marker(opening[0], inline.text[: opening[3]].strip(), end=opening[3]), None
    emoji_status, word_status, end, written = leading_markers(inline, 0, legend, lenient=False)
    if word_status is None and emoji_status in (None, Status.DROPPED) and declines(title):
        return None, None  # "### 🚫 Explicitly NOT Planned": what will not be done, no work
    if emoji_status is None and word_status is None:
        led = _led(inline.text, legend)
        if led is not None:  # "## Future: v1.0 - Plugins": a status word and a colon
            status, names, lead = led
            if not names:
                return None, status  # "## Done: Recent wins": a section of done work
            return Marker(status, inline.text[: lead.end()].strip(), end=lead.end()), None
        # "### Alpha 3 - Completed 2024-01-14", "### v1.16 Signals (In Progress)", "### 1.1
        # Tool Registry ✅ COMPLETE": a tag that ends the heading (a decoration after it:
        # "- DONE! 🎉")
        text = before_end_links(inline)  # "(Released May 14th, 2021) [Release Blog](…)"
        tag = dash_tag(text, legend) or _bracket_end(text, legend) or glyph_tag(text, legend)
        if tag is None and ":" in text and "status" in text.lower():
            tag = _field_end(text, legend)  # "### JSON Migration (Status: ✅ Completed)"
        after = text[tag.end :].strip() if tag is not None else ""
        if after and not note_start(f" {after}") and not _part_done(after):
            # "### Edit modes ✅ done (2026-06-03)": a note after it, a date (not a share
            # done, which says more: "✅ (90% Complete)")
            after = ""
        if tag is None:
            tag = _name_status(inline, legend)  # a description after it is no decoration
        if tag is None or not tag.start or before_glyphs(f" {after}").strip():
            found = _piped(inline.text, legend) or (_coded(inline, legend) if coded else None)
            return found or _ending_glyph(inline.text, legend), None
        name = strip_decoration(inline.text[: tag.start])
        if not names_work(name):
            # "## Q1 2025 (Completed)": a time and its status, a status heading over the
            # work it dates
            return None, tag.status if only_when(name) else None
        return Marker(tag.status, tag.written, tail=tag.start), None
    if word_status is not None and (glyph_led := _led_marker(inline.text, legend)) is not None:
        return glyph_led, None  # "### 📋 Planned: Phase 4"
    if emoji_status is None or word_status is not None or _dates(written, legend):
        return None, None
    rest = strip_decoration(inline.text[end:])
    if _restates(rest, emoji_status):
        return None, emoji_status  # "## ✅ Already Implemented": a section of done work
    if not names_work(rest) or ((level <= 2 or _introduces(rest)) and names_a_part(rest)):
        return None, None  # "## 📊 Overview", "#### ✅ Tasks:": a part of the document
    # A tag after its name, read as the edits read it: the words win over the glyph, as on
    # an item ("## 📋 Phase 7: Advanced Features (Future)")
    tag = trailing_tag(before_end_links(inline)[end:], legend)
    if tag is not None and tag.start and tag.status is not emoji_status:
        return Marker(tag.status, tag.written, end=end, tail=end + tag.start), None
    return Marker(emoji_status, written, end=end), None


# A share of the work done, in a note: "(90% Complete - ALPHA)", "(90%)", "(Progress: 90%)"
# (not a figure: "(p99 down 30%)", "(95% hit rate)").
_SHARE_DONE = lazy_pattern(
    r"(?i)(\d{1,3})\s*%\s*(?:complete|done|finished|implemented)"
    r"|^[\W_]*(?:progress\W{0,3})?(\d{1,3})\s*%[\W_]*$"
)


def _part_done(note: str) -> bool:
    """Whether a heading's note says a share of the work done short of all of it ("(90%)",
    "(Progress: 90%)", "(90% Complete - ALPHA)"): it says more than the glyph before it."""
    share = _SHARE_DONE.search(note)
    return share is not None and int(share[1] or share[2]) < 100


def _field_end(text: str, legend: Legend) -> Tag | None:
    """A Status field ending a heading, set apart from its name by a bracket or a dash
    ("### JSON Migration (Status: ✅ Completed)", "### Sync - Status: Planned"); not a
    heading that says a status of its own ("## Current Status: In Development", "###
    Project Status: Done"), a part of the document. (Asked only where the heading holds
    "status": the tags :func:`trailing_tag` tries after a field were tried already.)"""
    field = trailing_tag(text, legend)
    if field is None or field.kind != "field":
        return None
    label = text.lower().find("status", field.start)
    before = text[:label].rstrip(" \t*_")
    return field if before.endswith(("(", "[", "-", "–", "—", "|")) else None


def _introduces(name: str) -> bool:
    """Whether a heading's words are one word and a colon, introducing what follows
    ("Tasks:"; "Admin Dashboard:" names a deliverable)."""
    words = name.rstrip(" *_")
    return words.endswith((":", "：")) and len(words[:-1].split()) == 1


# Adverbs before a status a heading says: "✅ Already Implemented", "✅ Recently Delivered".
_ADVERBS = frozenset({"already", "recently", "now", "fully"})


def _restates(words: str, status: Status) -> bool:
    """Whether a heading's words after its glyph say its status again and nothing more, in a
    word too weak to title a section alone ("Implemented", "Already Implemented": done
    under ✅), which names no deliverable; a note in brackets after them or not ("Already
    Implemented (Bronze + Silver)")."""
    words = words[: note_start(words)]
    said = words.strip(" :*_").lower().split()
    if said and said[0] in _ADVERBS:
        said = said[1:]
    return bool(said) and status_of_word(" ".join(said)) is status


def before_end_links(inline: Inline) -> str:
    """A heading's text before the links that end it ("Milestone 16 (Released May 14th, 2021)
    [Release Blog](…)": where to read more is no part of its tag), else its whole text."""
    text = inline.text
    end = len(text.rstrip())
    for link in reversed(inline.links):
        if link.end != end or link.image:
            break
        end = len(text[: link.start].rstrip())
    return text[:end] if end < len(text.rstrip()) else text


def _dates(written: str, legend: Legend) -> bool:
    """Whether a heading's leading glyph is a calendar that dates a part of the document ("##
    📅 Release Schedule"), not a status the document's legend gives it ("## 📅 0.4.0")."""
    glyph = written.strip("\ufe0f ")
    return glyph in CALENDARS and legend.glyph(glyph_key(glyph)) is None


# A status word and a colon or a dash set apart opening a heading, the deliverable after
# it: "Future: v1.0", "Planned - Phase 1: GridWorld", "Prévu : v2.0", "进行中：v1.2.50" (a
# full-width colon wants no blank after it).
_LEAD_WORD = re.compile(
    r"(?P<word>[^\W\d_](?:[^\W\d_]|[' -]){0,20}?)"
    r"(?:[ \t]*:[ \t]+|[ \t]*：[ \t]*|[ \t]+[-–—][ \t]+)(?=\S)"
)


def lead_word(text: str, legend: Legend = NO_LEGEND) -> tuple[Status, int, int] | None:
    """A status word and a colon opening a heading before the deliverable it names: a
    plan's (``Future: v1.0 - Plugins``, ``Next: Team features``), or any before a release
    or a numbered step (``Completed: v2.0.0 concept system``); a dash set apart in place of
    the colon, before a numbered step only (``Planned - Phase 1: GridWorld``); ``(status,
    where the word ends, where the name starts)``. Other words after them title a section
    of work of that status (``Done: Recent wins``, ``In Progress: This Sprint``, ``Next:
    What's coming``, ``NEXT — Polish & UX``)."""
    led = _led(text, legend)
    if led is None or not led[1]:
        return None
    lead = led[2]
    return led[0], lead.end("word"), lead.end()


def _led_marker(text: str, legend: Legend) -> Marker | None:
    """:func:`lead_word` as one marker, a status glyph before the word or not ("📋 Planned -
    Phase 1: GridWorld")."""
    glyph = emoji_written(text)
    start = 0 if glyph is None else len(text) - len(text[glyph[1] :].lstrip())
    led = lead_word(text[start:], legend)
    if led is None:
        return None
    end = start + led[2]
    return Marker(led[0], text[:end].strip(), end=end)


def _led(text: str, legend: Legend) -> tuple[Status, bool, re.Match[str]] | None:
    """The status word and colon (or a dash set apart) opening a heading, whether a
    deliverable's name follows them, and their match."""
    lead = _LEAD_WORD.match(text)
    if lead is None:
        return None
    status = legend.word(lead["word"]) or strong_word(lead["word"])
    if status is None:
        return None
    name = text[lead.end() :]
    if ":" not in lead.group() and "：" not in lead.group() and not numbered_step(name):
        return status, False, lead  # "## NEXT — Polish & UX": a dash parts a section's title
    if not names_work(name) or name.split(maxsplit=1)[0].lower().strip("'’") in _SECTION_LEADS:
        return status, False, lead  # "## Next: What's coming", "## Future: Our plans"
    if not lead.group().isascii() and not (_RELEASE_FIRST.match(name) or numbered_step(name)):
        # in other languages only a release or a step is surely named ("## 进行中：v1.2.50"):
        # "## Prévu : Ce qui arrive" (what's coming) titles a section
        return status, False, lead
    if status in (Status.PLANNED, Status.FUTURE):
        return status, True, lead
    return status, _RELEASE_FIRST.match(name) is not None or numbered_step(name), lead


# A release that opens a deliverable's name: "v2.0.0 concept system", "1.4 Sync" (not a
# span of time: "2.5 weeks left").
_RELEASE_FIRST = lazy_pattern(
    r"(?:v?\d+(?:\.\d+)+|v\d+)\b(?!\s*(?:%|(?:hours?|days?|weeks?|months?|years?)\b))"
)


# Words that open what a section is about, not a deliverable's name.
_SECTION_LEADS = frozenset(
    {"this", "these", "that", "what", "what's", "whats", "our", "the", "upcoming", "recent"}
)


# A task box opening a heading, as generated roadmaps title each feature: "### [x] Renderer".
_HEADING_BOX = lazy_pattern(r"\[([ xX])\][ \t]+(?=\S)")


def _name_status(inline: Inline, legend: Legend) -> Tag | None:
    """A bracketed status closing a heading's name before a dash and a description:
    ``TASK-013 (COMPLETE) — Inventory backend``; or the status after its name and a colon
    that ends it, a note in brackets after it or not: ``Slice 1: DONE``."""
    tag = name_tag(inline, 0, legend)
    if tag is None:
        return None
    if tag.kind == "bracket":
        return tag
    name = strip_decoration(inline.text[: tag.start].rstrip(" :"))
    rest = inline.text[tag.end :].strip(" .!")
    noted = rest[:1] == "(" and rest[-1:] == ")"  # "Slice 1: BLOCKED (waiting on CI)"
    if (rest and not noted) or not names_work(name) or names_a_part(name):
        return None  # "## Roadmap: Future", "## Overview: Next": a part of the document
    return tag


def _bracket_end(text: str, legend: Legend) -> Tag | None:
    """A bracketed status ending a heading, nothing after it: ``v1.16 Signals (In Progress)``,
    ``版本 0.2.0（计划中）``."""
    if not text.rstrip().endswith((")", "]", "）")):
        return None
    tag = bracket_tag(text, legend)
    return tag if tag is not None and tag.end == len(text.rstrip()) else None


def heading_box(text: str) -> re.Match[str] | None:
    """The task box opening a heading's text (``[x] Renderer``), with the blank after it;
    group 1 is its mark."""
    return _HEADING_BOX.match(text)


def _boxed(inline: Inline, legend: Legend) -> Marker | None:
    """A heading that opens with a task box and names a deliverable: ``[x]`` is done; ``[ ]``
    is what a tag after its words says (``[ ] Search (in progress)``), else planned (under
    "## Future" too: the box is its own marker)."""
    box = heading_box(inline.text)
    if box is None:
        return None
    end = box.end()
    name = strip_decoration(inline.text[end:])
    if not names_work(name):
        return None
    written = inline.text[:end].strip()
    if box.group(1) != " ":
        return Marker(Status.DONE, written, end=end)
    opening = bracketed_status(inline.text, end)
    name_at = opening[3] if opening is not None else end
    if opening is None and (decorated := decorated_bracket(inline.text[end:])) is not None:
        opening, name_at = decorated, end + decorated[3]
    if opening is not None:  # "### [ ] ✨ (In progress) Due dates", as in a list
        return Marker(opening[0], inline.text[:name_at].strip(), end=name_at)
    coded = code_keyword(inline, end) if inline.code else None
    if coded is not None:  # "### [ ] `WIP` Sops", as in a list
        return Marker(coded[0], inline.text[: coded[1]].strip(), end=coded[1])
    tag = trailing_tag(before_end_links(inline)[end:], legend)  # links after it are not it
    if tag is not None:
        return Marker(tag.status, f"{written} {tag.written}", end=end, tail=end + tag.start)
    return Marker(Status.PLANNED, written, end=end)


# A status as the last of a heading's fields parted by pipes, after a priority or none, as
# generated roadmaps write them: "##### [R1] | Schema definition | MUST DONE".
_PIPE_TAG = lazy_pattern(
    r"\s\|\s+(?:(?:must|should|could|may|won'?t)\s+)?(?P<word>[A-Za-z][A-Za-z_' -]{1,24}?)\s*$",
    re.IGNORECASE,
)


def pipe_tag(text: str, legend: Legend = NO_LEGEND) -> tuple[Status, int, int, int] | None:
    """A status ending a heading's ``text`` in a pipe-parted field, after a priority or none
    (``[R1] | Schema | MUST DONE``): ``(status, where the field's pipe is, where its status
    words start, where they end)``; the heading's words before it must name a deliverable."""
    tag = _PIPE_TAG.search(text) if "|" in text else None
    if tag is None:
        return None
    status = legend.word(tag["word"]) or status_of_word(tag["word"])
    name = strip_decoration(text[: tag.start()])
    if status is None or not names_work(name):
        return None
    return status, tag.start(), tag.start("word"), tag.end("word")


def _piped(text: str, legend: Legend) -> Marker | None:
    """A heading that names a deliverable and ends with its status in a pipe-parted field
    (``### M3 | Markdown Renderer | REACHED``): any status word there, as in a Status cell."""
    tag = pipe_tag(text, legend)
    if tag is None:
        return None
    status, bar, start, end = tag
    return Marker(status, text[start:end], tail=bar)  # the words, not the priority before


def _coded(inline: Inline, legend: Legend) -> Marker | None:
    """A heading that names a deliverable and ends with its status in a code span, as a
    document whose legend lists `pending` | `in_progress` | `done` writes it (``### M1 —
    Project Bootstrap `done```)."""
    found = code_status(inline, legend)
    if found is None or not names_work(inline.text[: found[1]]):
        return None
    status, start = found
    return Marker(status, inline.text[start : len(inline.text.rstrip())], tail=start)


def code_status(inline: Inline, legend: Legend = NO_LEGEND) -> tuple[Status, int] | None:
    """A status word in a code span that ends a heading's words, after a blank, and where
    the span starts. A document writes its statuses so where several of its headings end
    so (:func:`milepost.extract.walk.walk` counts them): "### Rename `wip`" alone is a name."""
    text = inline.text
    if not inline.code:
        return None
    start, end = inline.code[-1]
    if end != len(text.rstrip()) or not start or not text[start - 1].isspace():
        return None
    status = legend.word(text[start:end]) or status_of_word(text[start:end])
    return None if status is None else (status, start)
