"""Where a marker counts: the status of one list item, table cell, label or heading.

A marker is a status only where it stands as one: a box or emoji leading the item, a bold label
(``**Done:**``), a ``Status:`` field, a Status column cell, a trailing tag (``(in progress)``,
``- shipped in v2.1``), or a marker the document's legend defines. A status word inside
running prose is not a status. When words and emoji disagree, the words win.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from milepost.document import Inline
from milepost.vocabulary.periods import read_period
from milepost.vocabulary.sections import SectionKind, classify, normalise, strip_decoration
from milepost.vocabulary.status import (
    EMOJI,
    WEAK_WORDS,
    Status,
    emoji_at,
    pictograph_at,
    status_of_phrase,
    status_of_word,
)

__all__ = [
    "Legend",
    "Marker",
    "cell_status",
    "config_legend",
    "heading_marker",
    "item_marker",
    "label_status",
]


@dataclass(frozen=True, slots=True)
class Legend:
    """Markers a document (or the config) defines: glyph or word → status.

    A document's legend (``🟢 Active | 🔴 Blocked``) and the config's ``statuses`` table both
    end up here; they override the default vocabulary.
    """

    glyphs: dict[str, Status] = field(default_factory=dict)
    words: dict[str, Status] = field(default_factory=dict)

    @classmethod
    def from_markers(cls, markers: dict[str, Status]) -> Legend:
        """Split ``marker → status`` pairs into glyphs (pictographs) and words."""
        glyphs: dict[str, Status] = {}
        words: dict[str, Status] = {}
        for marker, status in markers.items():
            key = marker.strip().replace("\ufe0f", "")
            if pictograph_at(key) == len(key) or emoji_at(key) is not None:
                glyphs[(emoji_at(key) or (key, 0))[0]] = status
            else:
                words[_word_key(key)] = status
        return cls(glyphs, words)

    def glyph(self, glyph: str) -> Status | None:
        return self.glyphs.get(glyph)

    def word(self, word: str) -> Status | None:
        return self.words.get(_word_key(word)) if self.words else None

    def merged(self, other: Legend) -> Legend:
        """This legend with ``other``'s markers added (``other`` wins on a clash)."""
        if not other.glyphs and not other.words:
            return self
        return Legend({**self.glyphs, **other.glyphs}, {**self.words, **other.words})


def _word_key(word: str) -> str:
    return " ".join(word.strip(" :*_.!()").lower().replace("-", " ").split())


NO_LEGEND = Legend()


@cache
def config_legend(statuses: tuple[tuple[str, str], ...]) -> Legend:
    """The config's ``statuses`` table (marker, status name) as a legend."""
    if not statuses:
        return NO_LEGEND
    return Legend.from_markers({marker: Status(name) for marker, name in statuses})


@dataclass(frozen=True, slots=True)
class Marker:
    """A status found on an item: the status, the marker as written, and where it ends."""

    status: Status
    written: str
    source: str = "marker"  # marker | legend
    end: int = 0  # where the leading marker ends in the text (0 for trailing tags)
    tail: int = -1  # where a trailing tag starts in the text (-1: none)


def _strong_at(inline: Inline, pos: int) -> tuple[int, int] | None:
    for start, end in inline.strong:
        if start == pos:
            return start, end
    return None


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\u00a0":
        pos += 1
    return pos


def _strong_word(word: str) -> Status | None:
    status = status_of_word(word)
    if status is None:
        return None
    key = word.strip(" :*_.!").lower()
    return None if key in WEAK_WORDS else status


_TAIL_PAREN = re.compile(
    r"\(\s*(?P<p>[^()]{2,40}?)\s*(?::[^()]*)?\)\s*(?P<rest>(?:#\d+|@[\w-]+|[\s,.;])*)$"
)
_DASH = re.compile(r"\s[-–—]\s+")
_WHEN_TAIL = re.compile(r"\s+(?:in|on|as of|since|with)\s+\S+$")
_FIELD = re.compile(r"(?i)(?:^|[\s(\[-])status\s*:\s*(?P<v>[^\]\)]*?)\s*[\]\)]?\s*$")
_INNER_PAREN = re.compile(r"\((?P<p>[A-Z][A-Z' -]{2,30}):")


def _tag(text: str, legend: Legend = NO_LEGEND) -> tuple[Status, int, str] | None:
    """A status tag after the item's words: ``(in progress)``, ``- DISCARDED``, ``Status: X``."""
    paren = "(" in text
    dash = " - " in text or "–" in text or "—" in text
    field = ":" in text and "status" in text.lower()
    if not (paren or dash or field):
        return None
    match = _FIELD.search(text) if field else None
    if match:
        value = match.group("v").strip(" *_`")
        found = emoji_at(value)
        if found and found[0] in EMOJI:
            return EMOJI[found[0]], match.start(), match.group().strip()
        status = legend.word(value) or status_of_word(value)
        if status is not None:
            return status, match.start(), match.group().strip()
        return None
    match = _TAIL_PAREN.search(text) if paren and ")" in text else None
    if match:
        status = legend.word(match.group("p")) or _strong_word(match.group("p"))
        if status is not None:
            return status, match.start(), match.group().strip()
    match = _INNER_PAREN.search(text) if paren and ":" in text else None
    if match:
        status = _strong_word(match.group("p"))
        if status is not None:
            return status, match.start(), match.group().strip()
    if dash:
        return _dash_tag(text, legend)
    return None


def _dash_tag(text: str, legend: Legend = NO_LEGEND) -> tuple[Status, int, str] | None:
    """``... - _DISCARDED_``, ``- shipped in v0.0.30``: a status phrase alone after a dash."""
    for separator in _DASH.finditer(text):
        rest = text[separator.end() :]
        following = _DASH.search(rest)
        phrase = (rest[: following.start()] if following else rest).strip()
        if not phrase[:1].isalpha() or len(phrase) > 40:
            continue
        status = (
            legend.word(phrase) or _strong_word(phrase) or _strong_word(_WHEN_TAIL.sub("", phrase))
        )
        if status is not None:
            end = separator.end() + (following.start() if following else len(rest))
            return status, separator.start(), text[separator.start() : end].strip()
    return None


def _leading(
    inline: Inline, pos: int, legend: Legend, *, lenient: bool
) -> tuple[Status | None, Status | None, int, str]:
    """The leading emoji and status words: ``(emoji status, word status, end, as written)``."""
    text = inline.text
    first = text[pos : pos + 1]
    if (
        not lenient
        and first.isascii()
        and first.isalnum()
        and (not inline.strong or _strong_at(inline, pos) is None)
    ):
        return None, None, pos, ""  # plain words first: no emoji, no label (the common case)
    emoji_status: Status | None = None
    start = pos
    while True:  # emoji, possibly several decorations before or after the status one
        char = text[pos : pos + 1]
        if char.isascii() and char != ":":
            break  # no glyph starts with an ASCII character but a ":shortcode:"
        found = emoji_at(text, pos)
        if found is not None:
            glyph, end = found
            status = legend.glyph(glyph) or EMOJI.get(glyph)
            if status is not None and emoji_status is None:
                emoji_status = status
            pos = _skip_space(text, end)
            continue
        end_picto = pictograph_at(text, pos)
        if end_picto is not None and emoji_status is None and pos == start:
            defined = legend.glyph(text[pos:end_picto].replace("\ufe0f", "").strip())
            pos = _skip_space(text, end_picto)
            if defined is not None:  # a glyph the legend or the config gives a meaning
                emoji_status = defined
                continue
            start = pos
            continue
        break
    word_status: Status | None = None
    strong = _strong_at(inline, pos) if inline.strong else None
    if strong is not None:
        label = text[strong[0] : strong[1]].strip()
        bare = label.rstrip(":").strip()
        if bare.lower() in ("status", "state"):
            rest = _skip_space(text, strong[1])
            if rest < len(text) and text[rest] == ":":
                rest = _skip_space(text, rest + 1)
            inner_emoji, inner_word, end, _ = _leading(inline, rest, legend, lenient=True)
            word_status = inner_word or inner_emoji
            if word_status is not None:
                return None, word_status, end, text[start:end].strip()
            return emoji_status, None, pos, text[start:pos].strip()
        word_status = legend.word(bare) or (
            _strong_word(bare) if not lenient else status_of_word(bare)
        )
        if word_status is not None:
            pos = _skip_space(text, strong[1])
            if pos < len(text) and text[pos] == ":":
                pos = _skip_space(text, pos + 1)
    elif lenient or emoji_status is not None:  # else leading words are no status: skip them
        found_phrase = status_of_phrase(text[pos:])
        if found_phrase is not None and found_phrase[1] == 0:
            after = pos + found_phrase[2]
            tail = text[after:].lstrip()
            phrase = text[pos:after].lower()
            if (not tail or tail[0] in ":-–(—," or lenient) and (
                lenient or phrase not in WEAK_WORDS
            ):
                word_status = found_phrase[0]
                pos = after
                if text[pos : pos + 1] == ":":
                    pos += 1
                pos = _skip_space(text, pos)
    return emoji_status, word_status, pos, text[start:pos].strip()


def item_marker(
    inline: Inline,
    task: bool | None,
    legend: Legend = NO_LEGEND,
    *,
    scope: Status | None = None,
    criteria: bool = False,
) -> Marker | None:
    """The status a list item's own markers give it, or None.

    ``scope`` is the status of an enclosing status heading or label: it refines a bare
    ``[ ]`` box (``[ ]`` under "In Progress" is in progress). In ``criteria`` context (a list
    of success criteria) a leading ✅ is a bullet style, not a shipped item.
    """
    text = inline.text
    emoji_status, word_status, end, written = _leading(inline, 0, legend, lenient=False)
    if criteria and emoji_status is Status.DONE and word_status is None and task is None:
        emoji_status = None
    if word_status is not None:
        return Marker(word_status, _box(task) + written, end=end)
    if emoji_status is not None and task is None:
        source = "legend" if legend.glyphs and _legend_glyph(text, legend) else "marker"
        return Marker(emoji_status, written, source, end=end)
    tag = _tag(text[end:], legend)
    tail = -1 if tag is None else end + tag[1]
    if task is not None:
        box = _box(task)
        if task:
            return Marker(Status.DONE, box + written, end=end, tail=tail)
        if tag is not None:
            return Marker(tag[0], box + tag[2], end=end, tail=tail)
        if emoji_status is not None and emoji_status is not Status.DONE:
            return Marker(emoji_status, box + written, end=end)
        if scope is not None and scope not in (Status.DONE, Status.PLANNED):
            return Marker(scope, box, end=end)
        return Marker(Status.PLANNED, box, end=end)
    if tag is not None:
        return Marker(tag[0], tag[2], end=0, tail=tail)
    return None


def _legend_glyph(text: str, legend: Legend) -> bool:
    glyph = emoji_at(text.lstrip())
    return glyph is not None and legend.glyph(glyph[0]) is not None


def _box(task: bool | None) -> str:
    if task is None:
        return ""
    return "[x] " if task else "[ ] "


def cell_status(inline: Inline, legend: Legend = NO_LEGEND) -> Marker | None:
    """The status in a Status-column cell: emoji and/or words at its start; words win."""
    emoji_status, word_status, end, written = _leading(inline, 0, legend, lenient=True)
    status = word_status or emoji_status
    if status is None:
        return None
    glyph = emoji_at(inline.text.lstrip())
    source = "legend" if glyph and legend.glyph(glyph[0]) and word_status is None else "marker"
    return Marker(status, written or inline.text.strip(), source, end=end)


_GENERIC = frozenset(
    {
        "items",
        "item",
        "features",
        "feature",
        "work",
        "tasks",
        "task",
        "enhancements",
        "considerations",
        "possibilities",
        "milestones",
        "releases",
        "goals",
        "projects",
        "ideas",
        "requests",
        "work items",
        "issues",
        "epics",
        "list",
        "plans",
        "roadmap",
        "and",
    }
)
_HEADING_ONLY = {
    "now": Status.IN_PROGRESS,
    "what s next": Status.PLANNED,
    "whats next": Status.PLANNED,
    "coming next": Status.PLANNED,
    "recent completions": Status.DONE,
    "completions": Status.DONE,
    "recently completed": Status.DONE,
    "recently shipped": Status.DONE,
    "recently released": Status.DONE,
    "recent releases": Status.DONE,
    "backlogs": Status.PLANNED,
    "planning": Status.PLANNED,
    "ideas": Status.FUTURE,
}


@lru_cache(maxsize=4096)
def label_status(title: str) -> Status | None:
    """The status a heading or label *is* (``Completed``, ``## 🚧 Blocked Items``), if any.

    The words decide; decorations are ignored. A heading naming a deliverable
    ("Complete Multimodal Support") or a time window ("Short-Term Goals") is not a status.
    """
    key = normalise(title)
    if not key:
        return None
    if key in _HEADING_ONLY:
        return _HEADING_ONLY[key]
    words = key.split()
    for size in (3, 2, 1):
        head = " ".join(words[:size])
        status = _HEADING_ONLY.get(head) or status_of_word(head)
        if status is None or head in WEAK_WORDS:
            continue
        rest = words[size:]
        return status if not rest or rest[0] in _GENERIC else None
    return None


def _only_when(text: str) -> bool:
    """Whether a heading's words are only a time ("🗓️ November 2026" dates what follows; it
    names no deliverable)."""
    period = read_period(text)
    return (
        period is not None
        and period.kind != "version"  # "### 🚧 v0.4" is a release, a deliverable
        and period.text.strip(" *_") == text.strip(" *_:")
    )


def heading_marker(
    title: str, inline: Inline, legend: Legend = NO_LEGEND
) -> tuple[Marker | None, Status | None]:
    """A heading's role: ``(marker, None)`` when it is a deliverable with a status
    (``### ✅ Offline mode``), ``(None, status)`` when it is a status heading that gives its
    items a status (``## Backlog``), ``(None, None)`` otherwise."""
    scope = label_status(title)
    if scope is not None:
        return None, scope
    emoji_status, word_status, end, written = _leading(inline, 0, legend, lenient=False)
    if emoji_status is None or word_status is not None:
        return None, None
    rest = strip_decoration(inline.text[end:])
    if not rest or classify(rest) is not SectionKind.OTHER or _only_when(rest):
        return None, None
    return Marker(emoji_status, written, end=end), None
