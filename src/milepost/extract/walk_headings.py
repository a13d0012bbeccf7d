"""What the walk (:mod:`.walk`) judges of a status heading and its section: whether the
section's Status field speaks for the heading, whether a ✅ ending it over open task boxes
only decorates it, whether a status glyph leading it is one icon among its siblings' (:func:
`lone_icons`), whether its goals are ticks saying which targets are reached; and the item a
heading names."""

from __future__ import annotations

from dataclasses import replace

from milepost.document import ListItem, Section, descendants
from milepost.extract.heading_periods import numbered_step
from milepost.extract.heading_words import names_a_part, names_work
from milepost.extract.marker import Marker
from milepost.extract.walk_items import Walk, WalkContext, make_item
from milepost.span import Span
from milepost.vocabulary.legend import Legend, glyph_key
from milepost.vocabulary.sections import strip_decoration
from milepost.vocabulary.status import EMOJI, Status, emoji_at, pictograph_at
from milepost.vocabulary.status_words import said_weakly

__all__ = [
    "heading_item",
    "lone_icons",
    "open_tasks",
    "speaks_for",
    "ticks_only",
    "under_a_milestone",
]


def speaks_for(field: Marker, marker: Marker | None, title: str, level: int) -> bool:
    """Whether a section's Status field says its heading's status: the heading names work,
    not a part of the document ("## Overview" over "**Status:** In progress"), and has no
    marker of its own, or a glyph the field's words say otherwise than ("### 🔄 v0.2.0"
    over "**Status**: Planning"; a weak word, "Current", does not)."""
    name = strip_decoration(title)
    if not names_work(name) or (level <= 2 and names_a_part(name)):
        return False
    return marker is None or not (field.status is marker.status or said_weakly(field.written))


def under_a_milestone(ctx: WalkContext) -> bool:
    """Whether a section stands under a numbered step of a plan or a release ("## Milestone
    1: Foundation (Week 1)", "## v2.0"), not a part of the document ("## Roadmap")."""
    return bool(ctx.section) and (numbered_step(ctx.section[-1]) or ctx.period is not None)


def ticks_only(section: Section) -> bool:
    """Whether every item of a section's own lists opens with a check mark: a milestone's
    "### Goals" so bulleted lists its targets; beside an open glyph ("- 🔲 Theme"), the
    check marks say which goals are reached."""
    items = [b for b in descendants(section.blocks) if isinstance(b, ListItem)]
    return bool(items) and all(_leading_check(item.inline.text) for item in items)


def _leading_check(text: str) -> bool:
    found = emoji_at(text.lstrip())
    return found is not None and EMOJI.get(found[0]) is Status.DONE


def open_tasks(section: Section, marker: Marker) -> bool:
    """Whether a heading said done by a glyph at its end (``## Project Checklist ✅``) holds
    open task boxes, and names a part of the document or ticks fewer of them than it leaves
    open: then it is a list of work titled with a flourish, not finished work (``###
    Waveform Display ✅`` over boxes mostly ticked, an extra or two open, is a feature
    shipped)."""
    if marker.status is not Status.DONE or any(c.isalpha() for c in marker.written):
        return False  # words ("### Alpha 3 - Completed") say so, open boxes or not
    ticked = left = 0
    sections = [section]
    while sections:
        current = sections.pop()
        sections.extend(current.subsections)
        for block in descendants(current.blocks):
            if isinstance(block, ListItem) and block.task is not None:
                ticked, left = ticked + block.task, left + (not block.task)
    if not left:
        return False
    name = section.title[: marker.tail] if 0 < marker.tail <= len(section.title) else ""
    return ticked <= left or names_a_part(strip_decoration(name))


def heading_item(
    section: Section,
    marker: Marker,
    ctx: WalkContext,
    out: Walk,
    *,
    source: str = "marker",
    glyph: Marker | None = None,
) -> None:
    """The item a heading names, its status from ``marker`` (``source``: a marker of its own,
    or its section's Status field, then ``glyph`` the heading's own glyph, no part of its
    title)."""
    heading = section.heading
    assert heading is not None
    item = make_item(
        heading.inline,
        marker if source == "marker" else glyph,
        Span(heading.start, heading.end, ctx.path),
        "heading",
        ctx,
    )
    if source != "marker":
        item = replace(item, status=marker.status, status_from=source, marker=marker.written)
    out.add(item)


def lone_icons(sections: list[Section], legend: Legend) -> frozenset[str]:
    """The status glyph that leads one of sibling headings as an icon among theirs: three or
    more of them name work, each led by an icon of no status, most icons different ("##
    📋 PHASE 1", "## 🔧 PHASE 2", "## 🔗 PHASE 3", "## 🔌 PHASE 4"), and one status glyph
    leads one more that names work: the 📋 is an icon as theirs are, no plan. None where
    status glyphs lead two or more of them ("## ✅ v1.0 Launch" and "## 🚧 v2.0 Teams"
    beside "## 📖 Overview"): they say statuses; nor where icons lead parts of the
    document ("## 🎯 Vision", "## 🤝 Contributing"), which a deliverable among them may
    follow."""
    icons: list[str] = []
    said: list[str] = []
    for section in sections:
        text = section.heading.inline.text if section.heading is not None else ""
        end = pictograph_at(text) if text else None
        if end is None:
            continue
        name = strip_decoration(text[end:])
        if not names_work(name) or names_a_part(name):
            continue
        key = glyph_key(text[:end])
        if EMOJI.get(key) is not None or legend.glyph(key) is not None:
            said.append(key)
        else:
            icons.append(key)
    if len(said) != 1 or len(icons) < 3 or len(set(icons)) < max(3, len(icons) // 2 + 1):
        return frozenset()
    return frozenset(said)
