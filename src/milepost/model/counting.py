"""Which items a roadmap's work is tracked and counted by: every work item, and the
status-bearing ones counted once each."""

from __future__ import annotations

import re

from milepost.lazy import lazy_pattern
from milepost.model.items import Item
from milepost.model.roadmap import Roadmap
from milepost.vocabulary.periods import read_period
from milepost.vocabulary.sections import SectionKind, classify
from milepost.vocabulary.status import progress
from milepost.vocabulary.titles import title_key

__all__ = ["status_items", "work_items"]


def work_items(roadmap: Roadmap) -> list[Item]:
    """The items work is tracked by, in document order: every status-bearing item, and every
    item of Current Focus and Completed Milestones (what edits name and history follows)."""
    seen: dict[int, Item] = {}
    pools: list[tuple[Item, ...]] = [roadmap.items]
    if roadmap.focus is not None:
        pools.append(roadmap.focus.items)
        pools.extend(period.items for period in roadmap.focus.periods)
    pools.extend(group.items for group in roadmap.milestones)
    for pool in pools:
        for item in pool:
            if item.kind != "heading" or item.status is not None:
                seen.setdefault(item.span.start, item)
    return sorted(seen.values(), key=lambda i: i.span.start)


def status_items(roadmap: Roadmap) -> list[Item]:
    """The items ``show``, ``status`` and the docs directives count, in document order: every
    work item that carries a status, each once, except the lines of Success Metrics.

    An item counts once, at the line where it is written. Current Focus, Completed
    Milestones, tables and the flat list of items are views of the same items, so an item
    reached through two of them is still one. The same work written in two top-level
    sections (shipped in Current Focus and recorded under Completed Milestones, as
    ``ship --keep`` leaves it) is one too, counted at its furthest status, as history
    follows it; one title twice in one section names two items.

    A ✅ or ⏳ on a success metric ("⏳ Full suite under 15 minutes in CI") says whether a
    target is met: the line stays an item of the model (``Roadmap.items``, ``metrics``), but
    it is not work shipped or in flight.
    """
    metrics = [
        section.span
        for top in roadmap.sections
        for section in top.walk()
        if section.kind is SectionKind.METRICS
    ]
    counted = [
        item
        for item in work_items(roadmap)
        if item.status is not None
        and not any(span.start <= item.span.start < span.end for span in metrics)
    ]
    # A top-level section that is a title (a "# X Roadmap" over the sections) is not one.
    titles = frozenset(
        top.title
        for top in roadmap.document.sections
        if top.subsections and classify(top.title) is SectionKind.OTHER
    )
    return _once_per_work(counted, titles)


# Blanks from where their run begins, whole (possessively); sought only up to the last ")",
# past which none closes: "a ((((…" was scanned from each "(" on to the end, in quadratic time.
_ASIDE = lazy_pattern(r"(?<!\s)\s*+\(([^)]*+)\)")
# Asides that say when or where from, not which work: "(carried over from October)",
# "(#12)", "(shipped Nov 2)", "(v0.4)", "(2026-11-02)".
_NOTE = lazy_pattern(
    r"(?i)\s*(?:#\d+(?:[,\s]+#\d+)*|(?:carried|rolled|moved|shipped|released|landed|done|"
    r"completed|delivered)\b.*)"
)


def _work_key(title: str) -> str:
    """A title as the work it names: its asides that only date it or note it left out, so
    that "Offline mode (iOS)" and "Offline mode (Android)" stay two pieces of work."""

    def note(aside: re.Match[str]) -> str:
        inner = aside.group(1)
        period = read_period(inner)
        dated = period is not None and period.text.strip() == inner.strip()
        return " " if dated or _NOTE.fullmatch(inner) else aside.group()

    end = title.rfind(")") + 1
    return title_key(_ASIDE.sub(note, title[:end]) + title[end:])


def _once_per_work(items: list[Item], titles: frozenset[str]) -> list[Item]:
    """``items`` with the same work in two top-level sections (under a title among
    ``titles``, its sections) kept once, at its furthest status."""
    found: dict[str, list[Item]] = {}
    for item in items:
        found.setdefault(_work_key(item.title), []).append(item)
    dropped: set[int] = set()
    for same in found.values():
        tops = {
            item.section[1:2]
            if item.section[:1] and item.section[0] in titles
            else item.section[:1]
            for item in same
        }
        if len(same) < 2 or len(tops) < 2 or len(tops) < len(same):
            continue  # one item, or several of one section: all of them count
        furthest = max(same, key=lambda i: progress(i.status))
        dropped.update(id(item) for item in same if item is not furthest)
    return [item for item in items if id(item) not in dropped]
