"""Status markers as data: emoji, boxes and their mojibake → :class:`Status` (the words and
phrases are in :mod:`milepost.vocabulary.status_words`).

This module only says what a marker *means*. Whether a marker in a given place *counts* as a
status (leading an item, in a Status column, as a trailing tag, ...) is the extractor's call.
"""

from __future__ import annotations

import re
from enum import StrEnum

from milepost.lazy import lazy_pattern

__all__ = [
    "ASCII_GLYPH_FIRST",
    "CALENDARS",
    "CROSSES",
    "DOTS",
    "EMOJI",
    "HEALTH",
    "Health",
    "Status",
    "emoji_at",
    "emoji_written",
    "mojibake",
    "progress",
]


class Status(StrEnum):
    """The canonical statuses, in the order work moves through them."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    FUTURE = "future"
    BLOCKED = "blocked"
    DROPPED = "dropped"

    @property
    def emoji(self) -> str:
        return _CANONICAL_EMOJI[self]

    @property
    def label(self) -> str:
        return _LABELS[self]


class Health(StrEnum):
    """A track's health, where the roadmap states one."""

    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"


_CANONICAL_EMOJI = {
    Status.DONE: "✅",
    Status.IN_PROGRESS: "🚧",
    Status.PLANNED: "📋",
    Status.FUTURE: "🔮",
    Status.BLOCKED: "⛔",
    Status.DROPPED: "❌",
}
_LABELS = {
    Status.DONE: "Done",
    Status.IN_PROGRESS: "In Progress",
    Status.PLANNED: "Planned",
    Status.FUTURE: "Future",
    Status.BLOCKED: "Blocked",
    Status.DROPPED: "Dropped",
}

# Emoji as written (variation selectors are stripped before lookup).
EMOJI: dict[str, Status] = {
    "✅": Status.DONE,
    "✔": Status.DONE,
    "☑": Status.DONE,
    "✓": Status.DONE,
    "🚧": Status.IN_PROGRESS,
    "🔄": Status.IN_PROGRESS,
    "⏳": Status.IN_PROGRESS,
    "🏗": Status.IN_PROGRESS,
    "◔": Status.IN_PROGRESS,  # a circle a quarter filled, half, three quarters: partly done
    "◑": Status.IN_PROGRESS,
    "◐": Status.IN_PROGRESS,
    "◕": Status.IN_PROGRESS,
    "📋": Status.PLANNED,
    "🗓": Status.PLANNED,
    "📅": Status.PLANNED,
    "⬜": Status.PLANNED,
    "❏": Status.PLANNED,  # an empty box, as word processors draw one
    "☐": Status.PLANNED,  # a ballot box, empty
    "🔲": Status.PLANNED,  # a square button, empty, as a box beside ✅ ("🔲 PENDING")
    "🔜": Status.PLANNED,  # soon: next up
    "☒": Status.DONE,  # and crossed, as a form's checked box
    "🔮": Status.FUTURE,
    "💡": Status.FUTURE,
    "⛔": Status.BLOCKED,
    "🛑": Status.BLOCKED,
    "❌": Status.DROPPED,
    "🚫": Status.DROPPED,
}
HEALTH: dict[str, Health] = {"🟢": Health.ON_TRACK, "🟡": Health.AT_RISK, "🔴": Health.OFF_TRACK}

# GitHub-style shortcodes people type instead of the emoji.
SHORTCODES: dict[str, str] = {
    ":white_check_mark:": "✅",
    ":heavy_check_mark:": "✔",
    ":ballot_box_with_check:": "☑",
    ":construction:": "🚧",
    ":arrows_counterclockwise:": "🔄",
    ":hourglass_flowing_sand:": "⏳",
    ":hourglass:": "⏳",
    ":building_construction:": "🏗",
    ":clipboard:": "📋",
    ":spiral_calendar:": "🗓",
    ":calendar:": "📅",
    ":date:": "📅",
    ":white_large_square:": "⬜",
    ":crystal_ball:": "🔮",
    ":bulb:": "💡",
    ":soon:": "🔜",
    ":no_entry:": "⛔",
    ":stop_sign:": "🛑",
    ":x:": "❌",
    ":no_entry_sign:": "🚫",
    # the icons of MkDocs' Material theme, as its sites write a check and a cross
    ":material-check:": "✔",
    ":material-check-bold:": "✔",
    ":material-check-circle:": "✅",
    ":octicons-check-16:": "✔",
    ":fontawesome-solid-check:": "✔",
    ":material-close:": "❌",
    ":octicons-x-16:": "❌",
}
# A cross as written: the emoji, or a shortcode for it.
CROSSES = ("❌", *(code for code, glyph in SHORTCODES.items() if glyph == "❌"))


def _sloppy_cp1252(data: bytes) -> str:
    """Decode as Windows-1252, mapping its five undefined bytes to the same code point.

    That is what editors and ftfy's "sloppy-windows-1252" do, and so what mojibake looks like.
    """
    out = []
    for byte in data:
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


def mojibake(text: str) -> str:
    """``text`` as it looks after its UTF-8 bytes were read as Windows-1252."""
    return _sloppy_cp1252(text.encode("utf-8"))


_VARIANTS = "\ufe0f\ufe0e"
# Every marker we recognise, longest first so that "✔️" wins over "✔".
_EMOJI_FORMS: dict[str, str] = {}
# Coloured dots, which say no status of their own: a legend gives them one, or the words
# beside them ("(🟢 Done)", "🟡 In progress").
DOTS = frozenset({*HEALTH, "🟠", "⚪", "⚫", "🔵", "🟣", "🟤"})
for _glyph in [*EMOJI, *DOTS, "→"]:
    _EMOJI_FORMS[_glyph] = _glyph
    _EMOJI_FORMS[_glyph + "\ufe0f"] = _glyph
    _EMOJI_FORMS[mojibake(_glyph)] = _glyph
    _EMOJI_FORMS[mojibake(_glyph + "\ufe0f")] = _glyph
for _code, _glyph in SHORTCODES.items():
    _EMOJI_FORMS[_code] = _glyph
_EMOJI_RE = re.compile(
    "|".join(re.escape(form) for form in sorted(_EMOJI_FORMS, key=len, reverse=True))
)
# Any pictograph (for decorations we do not know): symbols, dingbats, enclosed numbers ("①",
# "㉓"), emoji planes.
_PICTO_RE = lazy_pattern(
    "(?:[\u2190-\u21ff\u2300-\u23ff\u2460-\u27bf\u2900-\u297f\u2b00-\u2bff\u3030\u303d\u3200-\u32ff"
    "\U0001f000-\U0001faff][\ufe0f\ufe0e\u200d\U0001f3fb-\U0001f3ff]*)+"
    "|:[a-z0-9_+-]+:"
    r"|\{\{<\s*[\w-]+\s*>\}\}"  # a Hugo shortcode drawing an icon: "{{< icondone >}}"
)


_EMOJI_FIRST = frozenset(form[0] for form in _EMOJI_FORMS)
# How a pictograph written in ASCII begins: a ":shortcode:", a Hugo "{{< shortcode >}}".
ASCII_GLYPH_FIRST = frozenset(":{")
# Calendars, which plan an item ("- 📅 GraphQL API"), head the parts that say when, and date
# what follows them ("(📅 Jan 2024)": a date, no status).
CALENDARS = frozenset({"📅", "🗓", ":date:", ":calendar:", ":spiral_calendar:"})


def emoji_at(text: str, pos: int = 0) -> tuple[str, int] | None:
    """The known marker glyph starting at ``pos`` (normalised) and the position after it."""
    if text[pos : pos + 1] not in _EMOJI_FIRST:
        return None  # most text starts with no marker: skip the long alternation
    match = _EMOJI_RE.match(text, pos)
    if match is None:
        return None
    return _EMOJI_FORMS[match.group()], match.end()


_PROGRESS = {
    Status.DROPPED: 1,
    Status.FUTURE: 2,
    Status.PLANNED: 3,
    Status.BLOCKED: 4,
    Status.IN_PROGRESS: 5,
    Status.DONE: 6,
}


def progress(status: Status | None) -> int:
    """How far work with ``status`` has come (none 0, dropped lowest, done highest): where
    one piece of work is listed twice, the listing furthest along is the one that counts."""
    return _PROGRESS.get(status, 0) if status is not None else 0


def emoji_written(text: str, pos: int = 0) -> tuple[str, int] | None:
    """:func:`emoji_at`, its end taken past every variation selector written after the glyph
    (``text[pos:end]`` is the marker as written: "🗓️", "✔︎")."""
    found = emoji_at(text, pos)
    if found is None:
        return None
    glyph, end = found
    while end < len(text) and text[end] in _VARIANTS:
        end += 1
    return glyph, end


def decorations_end(text: str, pos: int = 0) -> int:
    """Where the glyphs of no status that lead ``text`` at ``pos`` ("✨", "👷": decorations)
    end, with the blanks after each; ``pos`` itself where none does. A status emoji stops
    it."""
    while (end := pictograph_at(text, pos)) is not None and emoji_at(text, pos) is None:
        pos = end
        while text[pos : pos + 1] in (" ", "\t", "\u00a0"):
            pos += 1
    return pos


def pictograph_at(text: str, pos: int = 0) -> int | None:
    """Where an unknown pictograph (decoration) starting at ``pos`` ends, if there is one."""
    if text[pos : pos + 1].isascii() and text[pos : pos + 1] not in ASCII_GLYPH_FIRST:
        return None
    known = emoji_at(text, pos)
    if known is not None:
        return known[1]
    match = _PICTO_RE.match(text, pos)
    return match.end() if match else None
