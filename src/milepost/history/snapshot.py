"""What history keeps of one version of a roadmap: the facts that can change, nothing more.

A :class:`Snapshot` is small, plain data made from a :class:`~milepost.model.Roadmap`: work
items (one per title, so an item listed in Current Focus and again in Completed Milestones is
one item at its furthest status), metrics, risks, community requests and section titles. It is
what the history cache stores per blob.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from milepost.vocabulary.status import Status, progress
from milepost.vocabulary.titles import title_key

if TYPE_CHECKING:  # making snapshots (not reading them from the cache) needs the model
    from milepost.model import Item, Roadmap

__all__ = [
    "ItemState",
    "MetricState",
    "RequestState",
    "RiskState",
    "Snapshot",
    "match_key",
    "snapshot",
]


_ASIDE = re.compile(r"\([^)]*\)|\[[^\]]*\]")  # "(carried over from October)", "(#348)"
_REF = re.compile(r"https?://\S+|#\d+|@[\w-]+")
_TAIL = re.compile(r"\s+[-–—:]\s.*$")  # " - the SQLite store covers the same use cases"
_DONE_WORD = re.compile(r"\s+(?:shipped|released|launched|landed|completed|done)$")
_PUNCT = re.compile(r"[^\w\s]+")


def match_key(title: str) -> str:
    """The words that name an item, for pairing it across versions: asides in brackets,
    references, owners, a trailing " - explanation" and a trailing "shipped" left out.

    "Dark mode (carried over from October) (#348)" and "Dark mode (#348)" are one item;
    "Live run timeline view shipped - follow every step" is "live run timeline view".
    """
    text = _TAIL.sub("", _REF.sub(" ", _ASIDE.sub(" ", title)))
    key = title_key(_DONE_WORD.sub("", title_key(_PUNCT.sub(" ", text))))
    return key or title_key(title)


class ItemState(NamedTuple):
    """One work item as one version has it. (The records are named tuples: thousands of them
    come out of the history cache on every run, and tuples unpickle fastest.)"""

    # The first four fields are what a change of an item is judged by (lineage compares them).
    key: str
    title: str
    status: Status | None
    period: str | None  # the period's label ("2026-11", "2027-Q1", "v0.3")
    period_end: date | None  # its last day, when the words give one
    section: str  # the top-level section it sits in ("Current Focus", "Completed Milestones")
    line: int  # 1-based
    refs: tuple[str, ...] = ()  # its issue references: what pairs it across a rewording


class MetricState(NamedTuple):
    name: str
    baseline: str | None
    current: str | None
    target: str | None


class RiskState(NamedTuple):
    name: str  # as written ("Risk 2" or "Vendor lock-in"): what pairs it across versions
    likelihood: str | None
    impact: str | None
    mitigation: str | None
    title: str = ""  # what people call it: the description where the name only numbers it


class RequestState(NamedTuple):
    key: str
    title: str
    status: Status | None


@dataclass(frozen=True, slots=True)
class Snapshot:
    track: str
    last_updated: date | None
    next_review: date | None
    items: tuple[ItemState, ...]
    metrics: tuple[MetricState, ...] = ()
    risks: tuple[RiskState, ...] = ()
    requests: tuple[RequestState, ...] = ()
    sections: tuple[str, ...] = ()


def _tracked(roadmap: Roadmap) -> list[Item]:
    """The items whose life history follows: those with a status, and the dated items of
    Current Focus and of the goals' feature lists (not field lines like "Details: docs")."""
    from milepost.model import work_items

    requests = {r.item.span.start for r in roadmap.requests}
    planned: set[int] = set()
    if roadmap.focus is not None:
        planned.update(i.span.start for p in roadmap.focus.periods for i in p.items)
        planned.update(i.span.start for i in roadmap.focus.items)
    for group in roadmap.goals:
        for goal in group.goals:
            planned.update(i.span.start for i in goal.features)
    return [
        item
        for item in work_items(roadmap)
        if item.span.start not in requests
        and item.title.strip()
        and (item.status is not None or (item.period is not None and item.span.start in planned))
    ]


def snapshot(roadmap: Roadmap) -> Snapshot:
    """The history-relevant facts of ``roadmap``."""
    states = [
        ItemState(
            key=match_key(item.title),
            title=item.title,
            status=item.status,
            period=item.period.label if item.period else None,
            period_end=item.period.end if item.period else None,
            section=item.section[1] if len(item.section) > 1 else (item.section or ("",))[0],
            line=item.span.first_line,
            refs=item.refs,
        )
        for item in _tracked(roadmap)
    ]
    # One name listed twice in one section names two items ("Dark mode (web)" and "Dark mode
    # (mobile)"): those keep their whole titles as keys. Across sections (Current Focus and
    # Completed Milestones) it is one item, at its furthest status.
    sections: dict[str, set[str]] = {}
    clashes = set()
    for state in states:
        seen = sections.setdefault(state.key, set())
        if state.section in seen:
            clashes.add(state.key)
        seen.add(state.section)
    items: dict[str, ItemState] = {}
    for state in states:
        if state.key in clashes:
            state = state._replace(key=title_key(state.title))
        known = items.get(state.key)
        if known is None or progress(state.status) > progress(known.status):  # furthest wins
            items[state.key] = state
    requests: dict[str, RequestState] = {}
    for request in roadmap.requests:
        title = request.title
        requests.setdefault(match_key(title), RequestState(match_key(title), title, request.status))
    return Snapshot(
        track=roadmap.track,
        last_updated=roadmap.meta.last_updated,
        next_review=roadmap.meta.next_review,
        items=tuple(sorted(items.values(), key=lambda i: i.line)),
        metrics=tuple(
            {
                m.name: MetricState(m.name, m.baseline, m.current, m.target)
                for m in roadmap.metrics
            }.values()
        ),
        risks=tuple(
            {
                r.name: RiskState(r.name, r.likelihood, r.impact, r.mitigation, r.title)
                for r in roadmap.risks
            }.values()
        ),
        requests=tuple(requests.values()),
        sections=tuple(
            s.title for top in roadmap.sections for s in (top, *top.subsections) if s.level == 2
        ),
    )
