"""An announcement of what shipped, started and slipped, as Markdown or Discord webhook messages.

Pure: the caller assembles an :class:`Announcement` from history and posts the payloads through
:mod:`milepost.webhook`. Lines are taken as Markdown written by milepost; a line break inside a
line becomes a space (so a line cannot start a heading of its own), and blank lines and empty
sections are left out (a section without a heading is called "Changes").

Discord's limits are counted in UTF-16 code units, which is never less than the characters
Discord counts, so a payload within these limits is within Discord's whichever way it counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from milepost.history.changes import ItemChange
from milepost.history.diff import TrackDiff
from milepost.model import Status
from milepost.render.history import escape_markdown, track_words
from milepost.render.text import counted

__all__ = [
    "EMPTY_STATE",
    "Announcement",
    "AnnouncementSection",
    "from_diffs",
    "to_discord",
    "to_markdown",
]

# Discord's documented limits (checked 2026 against discord/discord-api-docs:
# docs/resources/webhook.mdx "Execute Webhook, JSON/Form Params" for content and embeds, and
# docs/resources/message.mdx "Embed Limits" for the rest).
#: Message ``content``: "the message contents (up to 2000 characters)".
CONTENT_MAX = 2000
#: ``embeds``: "array of up to 10 embed objects".
EMBEDS_MAX = 10
#: Embed ``title``.
EMBED_TITLE_MAX = 256
#: Embed ``description``.
EMBED_DESCRIPTION_MAX = 4096
#: Embed ``fields``: "up to 25 field objects" (milepost's layout uses none).
EMBED_FIELDS_MAX = 25
#: Embed ``field.name``.
EMBED_FIELD_NAME_MAX = 256
#: Embed ``field.value``.
EMBED_FIELD_VALUE_MAX = 1024
#: Embed ``footer.text``.
EMBED_FOOTER_MAX = 2048
#: The sum of every ``title``, ``description``, ``field.name``, ``field.value``,
#: ``footer.text`` and ``author.name`` across all embeds of one message.
EMBEDS_TOTAL_MAX = 6000

#: What an announcement with nothing to report says.
EMPTY_STATE = "No roadmap changes in this period."
ELLIPSIS = "…"
CONTINUED = " (continued)"
#: Nobody is pinged, whatever the roadmap text says (@everyone, <@id>, <@&role>).
NO_MENTIONS: dict[str, object] = {"parse": []}
#: Embed colours by section heading (case-folded); other headings get the neutral one.
COLOURS = {"shipped": 0x2ECC71, "started": 0x3498DB, "slipped": 0xE67E22, "blocked": 0xE74C3C}
NEUTRAL = 0x95A5A6

_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class AnnouncementSection:
    """One part of an announcement: a heading ("Shipped") and one Markdown line per change."""

    heading: str
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Announcement:
    """What to announce: a title, sections in the order to show them, an optional footer."""

    title: str
    sections: tuple[AnnouncementSection, ...]
    footer: str = ""


def to_markdown(a: Announcement) -> str:
    """The announcement as a Markdown document: ``## title``, ``### heading``, ``- line``."""
    blocks = [f"## {_one_line(a.title)}"]
    sections = _sections(a)
    for heading, lines in sections:
        blocks.append(f"### {heading}")
        blocks.append("\n".join(f"- {line}" for line in lines))
    if not sections:
        blocks.append(EMPTY_STATE)
    if footer := _one_line(a.footer):
        blocks.append(footer)
    return "\n\n".join(blocks) + "\n"


def to_discord(a: Announcement) -> list[dict[str, object]]:
    """The announcement as Discord webhook payloads, to be posted in order.

    One embed per section (title = heading, description = one ``- line`` bullet per line),
    the announcement's title as the first message's content, the footer on the very last
    embed. A section too long for one embed continues in the next, titled "heading
    (continued)"; a message holds at most 10 embeds and 6,000 characters of embed text, so
    long announcements take several messages. Lines are never cut, except a single line longer
    than an embed can hold, which is shortened with "…". Every message sets
    ``allowed_mentions`` so that nothing in a roadmap pings anyone.
    """
    footer = _clip(_one_line(a.footer), EMBED_FOOTER_MAX)
    # Every message keeps room for the footer, so that the last one can always carry it.
    budget = EMBEDS_TOTAL_MAX - _units(footer)
    line_max = min(EMBED_DESCRIPTION_MAX, budget - EMBED_TITLE_MAX)
    title_line = _one_line(a.title)
    messages: list[list[dict[str, object]]] = [[]]
    used = 0  # embed text in the last message
    for heading, lines in _sections(a):
        colour = COLOURS.get(heading.casefold(), NEUTRAL)
        title = _clip(heading, EMBED_TITLE_MAX)
        embed: dict[str, object] | None = None
        for line in lines:
            bullet = _clip(f"- {line}", line_max)
            if embed is not None:
                description = str(embed["description"])
                grown = _units(description) + 1 + _units(bullet)
                if grown <= EMBED_DESCRIPTION_MAX and used + 1 + _units(bullet) <= budget:
                    embed["description"] = f"{description}\n{bullet}"
                    used += 1 + _units(bullet)
                    continue
                title = _clip(heading + CONTINUED, EMBED_TITLE_MAX)
            size = _units(title) + _units(bullet)
            if len(messages[-1]) == EMBEDS_MAX or used + size > budget:
                messages.append([])
                used = 0
            embed = {"title": title, "description": bullet, "color": colour}
            messages[-1].append(embed)
            used += size
    if not messages[-1]:  # nothing to report
        messages[-1].append({"description": EMPTY_STATE, "color": NEUTRAL})
    if footer:
        messages[-1][-1]["footer"] = {"text": footer}
    payloads: list[dict[str, object]] = []
    for index, embeds in enumerate(messages):
        payload: dict[str, object] = {}
        if index == 0 and title_line:
            payload["content"] = f"**{_clip(title_line, CONTENT_MAX - 4)}**"
        payload["embeds"] = embeds
        payload["allowed_mentions"] = dict(NO_MENTIONS)
        payloads.append(payload)
    return payloads


def _sections(a: Announcement) -> list[tuple[str, list[str]]]:
    """Headings and lines on one line each; blank lines and empty sections left out."""
    out = []
    for section in a.sections:
        lines = [one for line in section.lines if (one := _one_line(line))]
        if lines:
            out.append((_one_line(section.heading) or "Changes", lines))
    return out


def _one_line(text: str) -> str:
    return _BREAK.sub(" ", text).strip()


def _units(text: str) -> int:
    """Length in UTF-16 code units: an astral character (most emoji) counts twice."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _clip(text: str, limit: int) -> str:
    """``text`` if it fits in ``limit`` units, else its longest prefix that fits with "…"."""
    if _units(text) <= limit:
        return text
    room = limit - _units(ELLIPSIS)
    kept = []
    for ch in text:
        room -= _units(ch)
        if room < 0:
            break
        kept.append(ch)
    return "".join(kept).rstrip() + ELLIPSIS


def _slipped(change: ItemChange) -> bool:
    return change.move == "slip"  # open items only: see milepost.history.diff.period_move


# What an announcement tells, in this order: (heading, does this change belong under it).
_KINDS: tuple[tuple[str, Callable[[ItemChange], bool]], ...] = (
    ("Shipped", lambda c: _became(c, Status.DONE)),
    ("Started", lambda c: _became(c, Status.IN_PROGRESS)),
    ("Slipped", _slipped),
    ("Blocked", lambda c: _became(c, Status.BLOCKED)),
    ("Dropped", lambda c: _became(c, Status.DROPPED)),
)


def _words(d: TrackDiff) -> str:
    told = track_words(d)
    return told[1] if told is not None else ""


def _status(change: ItemChange) -> Status | None:
    return change.after.status if change.after is not None else None


def _became(change: ItemChange, status: Status) -> bool:
    if change.after is None or change.after.status != status:
        return False
    return change.before is None or change.before.status != status


def _was(d: TrackDiff) -> str:
    """What a renamed track was: its old name, else (only its file moved) its old path."""
    return f"was: {d.was}" if d.was else f"moved from {d.moved_from}"


def from_diffs(diffs: Sequence[TrackDiff], *, since: date, until: date) -> Announcement:
    """What shipped, started, slipped, was blocked and was dropped across tracks between two
    days. A roadmap that did not exist at the start is announced as a new track, not as all
    of its work shipping or starting at once; one deleted in the period as a track retired
    (with how many open items went with it), not as all of its work removed; a track whose
    name changed is named "New (was: Old)", and under "Renamed tracks" with one whose roadmap
    moved under the same name ("Memory (moved from tracks/memory/roadmap.md)")."""
    new = [d for d in diffs if d.new]
    retired = [d for d in diffs if d.retired]
    known = [d for d in diffs if not (d.new or d.retired)]
    sections = []
    for heading, belongs in _KINDS:
        lines = []
        for d in known:
            for change in d.items:
                if not belongs(change):
                    continue
                line = f"**{escape_markdown(d.label)}**: {escape_markdown(change.title)}"
                if heading == "Slipped" and change.before is not None and change.after:
                    moved = f"{change.before.period} → {change.after.period}"
                    line += f" ({escape_markdown(moved)})"
                lines.append(line)
        if lines:
            sections.append(AnnouncementSection(heading, tuple(lines)))
    if new:
        lines = [
            f"**{escape_markdown(d.track)}**: {counted(len(d.items), 'item')} on its roadmap"
            for d in new
        ]
        sections.append(AnnouncementSection("New tracks", tuple(lines)))
    if retired:
        lines = [f"**{escape_markdown(d.label)}**: {escape_markdown(_words(d))}" for d in retired]
        sections.append(AnnouncementSection("Retired tracks", tuple(lines)))
    if renamed := [d for d in known if d.was or d.moved_from]:
        lines = [f"**{escape_markdown(d.track)}** ({escape_markdown(_was(d))})" for d in renamed]
        sections.append(AnnouncementSection("Renamed tracks", tuple(lines)))
    return Announcement(
        title=f"Roadmap update, {since.isoformat()} → {until.isoformat()}",
        sections=tuple(sections),
        footer=f"{counted(len(diffs), 'track')} · milepost",
    )
