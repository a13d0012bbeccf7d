"""Finding the one item an edit is about, by (part of) its title; never a guess."""

from __future__ import annotations

import difflib

from milepost.errors import UsageError, some_of
from milepost.model import Item, Roadmap, title_key, work_items
from milepost.vocabulary.titles import has_words

__all__ = ["AmbiguousItemError", "find_item"]


# An ambiguous query lists this many of its matches (20,000 would print a 2 MB line).
_LISTED = 10


class AmbiguousItemError(UsageError):
    """More than one item matches; the message lists each with its section and line."""


def find_item(roadmap: Roadmap, query: str, *, line: int | None = None) -> Item:
    """The item whose title contains ``query`` (case-insensitively), else every word of it,
    or a close fuzzy match.

    ``line`` (1-based) picks among several matches, or names the item without ``query``; a
    line whose item the words do not name is refused (a line number from before the file
    changed must not edit another item). Where several match and one of them is
    clearly the work item (it has a status and is not a community request), it wins over
    the field lines ("Dependencies: …") and requests that mention it, and a planned item
    wins over its record under Completed Milestones. No match, or several
    work items, is a :class:`UsageError` naming the closest titles or every candidate.
    """
    items = work_items(roadmap)
    if line is not None:
        picked = _on_line(roadmap, items, line)
        if query.strip() and not _names(query, picked.title):
            raise UsageError(
                f"line {line} holds {picked.title!r}, which {query!r} does not name",
                path=roadmap.path,
                line=line,
                hint="check the line number (the file may have changed), or leave out ITEM",
            )
        return picked
    key = title_key(query)
    titled = [(i, title_key(i.title)) for i in items]
    found = [i for i, title in titled if key in title]
    if not found:  # words of the title, not next to each other: "checkpoint resume"
        found = [i for i in items if has_words(i.title, query)]
    exact = _planned([i for i, title in titled if title == key], roadmap)
    if len(exact) == 1:
        return exact[0]
    if len(found) == 1:
        return found[0]
    work = _planned(_work(roadmap, found), roadmap)
    if len(work) == 1:  # the one work item among field lines and requests that mention it
        return work[0]
    if work:
        found = work
    if not found:
        titles = {i.title: i for i in items}
        close = difflib.get_close_matches(query, list(titles), n=2, cutoff=0.8)
        if len(close) == 1:  # one title is this close: a typo, not a guess
            return titles[close[0]]
        if close:
            found = [titles[t] for t in close]
        else:
            near = difflib.get_close_matches(query, list(titles), n=3, cutoff=0.4)
            hint = "closest: " + "; ".join(repr(t) for t in near) if near else "no similar titles"
            raise UsageError(f"no item matches {query!r}", path=roadmap.path, hint=hint)
    listing = some_of(
        [
            f"line {i.span.first_line} in {' > '.join(i.section[1:]) or 'the preamble'}: "
            f"{i.title!r}"
            for i in found
        ],
        _LISTED,
    )
    raise AmbiguousItemError(
        f"{len(found)} items match {query!r}: {listing}",
        path=roadmap.path,
        hint="pick one with --line N",
    )


def _names(query: str, title: str) -> bool:
    """Whether ``query`` names ``title`` as :func:`find_item` reads it: words of it, or a
    near miss."""
    if title_key(query) in title_key(title) or has_words(title, query):
        return True
    return difflib.SequenceMatcher(None, query, title).ratio() >= 0.8


def _on_line(roadmap: Roadmap, items: list[Item], line: int) -> Item:
    """The item that starts on ``line`` (1-based), else the innermost item that holds it:
    not the parent whose span also takes in its sub-items' lines."""
    holding = [i for i in items if i.span.first_line <= line <= i.span.last_line]
    if not holding:
        raise UsageError(f"no item on line {line}", path=roadmap.path)
    # The latest start is the innermost (spans nest); of two, the shorter.
    return max(holding, key=lambda i: (i.span.first_line, -i.span.last_line))


def _planned(items: list[Item], roadmap: Roadmap) -> list[Item]:
    """``items`` without the records of shipped work (Completed Milestones) when plans are
    among them (items of Current Focus, or with a status): "Search" shipped with ``--keep``
    is still the plan's "Search"; a goal's unmarked feature is no plan to prefer."""
    shipped = {i.span.start for group in roadmap.milestones for i in group.items}
    if not any(i.span.start in shipped for i in items):
        return items
    focus = roadmap.focus
    planned = {i.span.start for i in focus.items} if focus else set()
    if focus:
        planned.update(i.span.start for p in focus.periods for i in p.items)
    plans = [
        i
        for i in items
        if i.span.start not in shipped and (i.status is not None or i.span.start in planned)
    ]
    return plans or items


def _work(roadmap: Roadmap, items: list[Item]) -> list[Item]:
    """The items that are work: with a status, and not a community request (whose status
    is the request's, not the work's)."""
    requests = {r.span.start for r in roadmap.requests}
    return [i for i in items if i.status is not None and i.span.start not in requests]
