"""Setting a status where a document writes it as a value: a Status cell of a table and a
``**Status:**`` field, each in the author's form (emoji only, words only, or both; a label
or a qualifier before them kept)."""

from __future__ import annotations

import re

from milepost.document import Inline
from milepost.document.item_lines import LIST_ITEM
from milepost.edits.lines import split_line_ending
from milepost.edits.status_field import free_text_status
from milepost.edits.voice import TEMPLATE_VOICE, Voice, relabel
from milepost.extract.cell_markers import cell_status
from milepost.extract.item_fields import bare_status
from milepost.extract.marker import TASK_BOXES, TICKED_BOXES
from milepost.lazy import lazy_pattern
from milepost.vocabulary.legend import glyph_key
from milepost.vocabulary.status import Status
from milepost.vocabulary.status_labels import ANY_STATUS_FIELD
from milepost.vocabulary.status_words import status_of_phrase, status_of_word

__all__ = [
    "FIELD_VALUE",
    "bare_words",
    "emoji_prefix",
    "restatus_bare",
    "restatus_cell",
    "restatus_field",
]

# The status value of a field: an emoji and/or status words, up to the words that follow
# (or the owners and references: "**Status:** Planned @kim", a date: "Completed
# 2026-02-16", or the full stop ending it: "Not started. TBD"). The words end nowhere
# inside a run of blanks, where what follows reads as it does from the run's start: the
# words took each blank of a long run in turn and scanned on to the run's end, in
# quadratic time.
FIELD_VALUE = re.compile(
    r"\s*(?:[^\w\s*_(\[]{1,3}\ufe0f?\s*)?(?:\*\*|__)?"
    r"(?:[^\W\d_](?:[^\W\d_]|[' -])*?(?:(?<! )|(?!\s)))?(?:\*\*|__)?"  # "Prévu" too
    r"(?=\s+(?:in|on|since|as of)\b|\s*[-–—(,;:.|+&/·]|\s+[@#]|\s+\d{4}\b|\s*$)"
)


def emoji_prefix(text: str, voice: Voice) -> tuple[str, str] | None:
    """The leading status emoji as written (with variation selector) and what follows it."""
    end = voice.glyph_end(text)
    return None if end is None else (text[:end], text[end:])


def restatus_field(line: str, status: Status, voice: Voice = TEMPLATE_VOICE) -> str:
    """A ``**Status:** 🚧 In Progress`` paragraph line with its value set to ``status``."""
    body, ending = split_line_ending(line)
    match = _FIELD_LABEL.search(body)
    if match is None:
        raise ValueError("no status field on the line")
    value = body[match.end() :]
    code = _CODE_VALUE.match(value)
    if code is not None:  # "Status: `WIP`": the words in the code span, its ticks kept
        said = restatus_cell(code["words"], status, voice)
        return (
            body[: match.end() + code.start("words")] + said + value[code.end("words") :] + ending
        )
    trailed = _GLYPH_AFTER.fullmatch(value)
    if trailed is not None and voice.status_of(trailed["words"]) is not None:
        # "Status: Planned 📋": the words set, and the glyph after them, in their order
        words, glyph = relabel(trailed["words"], status, voice), voice.glyph(status)
        value = f"{trailed['lead']}{words}{trailed['gap']}{glyph}{trailed['rest']}"
        return body[: match.end()] + value + ending
    found = FIELD_VALUE.match(value)
    cut = found.end() if found else 0
    free = free_text_status(value.strip(), voice.legend)
    if free is not None and not status_of_word(value[:cut].strip(" *_")):
        # "design in progress", "DONE. Released in 0.15.0": the status words alone are set
        at = len(value) - len(value.lstrip()) + free[1]
        words = value[at : at + free[2] - free[1]]
        new = relabel(words, status, voice)
        return body[: match.end()] + value[:at] + new + value[at + len(words) :] + ending
    return body[: match.end()] + restatus_cell(value[:cut], status, voice) + value[cut:] + ending


# A Status field's value of words and a glyph after them: "Planned 📋", "Completed ✅".
_GLYPH_AFTER = lazy_pattern(
    r"(?P<lead>[ \t]*)(?P<words>[^\W\d_](?:[^\W\d_]|[' -]){0,30}?)(?P<gap>[ \t]+)"
    r"(?P<glyph>[^\w\s*_(\[]{1,3}\ufe0f?)(?P<rest>[ \t]*)"
)


def bare_words(line: str) -> tuple[int, int] | None:
    """Where the status words stand in a sub-bullet that is its item's status alone ("  -
    Done ✅ 100%"), as :func:`~milepost.extract.item_fields.bare_status` reads it; None for
    any other line."""
    item = LIST_ITEM.match(line)
    if item is None or item["box"]:
        return None
    rest = item["rest"]
    at = item.start("rest") + len(rest) - len(rest.lstrip())
    words = bare_status(rest.strip())
    return (at, at + words) if words else None


def restatus_bare(line: str, status: Status, voice: Voice = TEMPLATE_VOICE) -> str | None:
    """A sub-bullet that is its item's status alone ("  - Done ✅ 🟩🟩🟩🟩🟩 100%", as
    :func:`bare_words` finds it) set to ``status``: the words and the glyph right after them,
    the progress after them kept as written; None for any other line."""
    body, ending = split_line_ending(line)
    found = bare_words(body)
    if found is None:
        return None
    at, end = found
    said, rest = body[at:end], _glyph_set(body[end:], status, voice)
    return body[:at] + relabel(said, status, voice) + rest + ending


_CELL_LABEL = re.compile(r"(?i)stat(?:us|e)\s*:\s*")
# A Status field's label, its colon and the bold that opens its value: "**Status:** ".
_FIELD_LABEL = lazy_pattern(rf"(?i){ANY_STATUS_FIELD}\s*(?:\*\*|__)?")
# A few words qualifying a cell's status, kept before the new one ("At Sandstorm: ").
_QUALIFIER = re.compile(r"[^\W\d][\w .'/&-]{0,28}?:\s+")


def _qualifier(cell: str) -> re.Match[str] | None:
    """The qualifier before a status phrase in a cell ("At Sandstorm: Not started yet.")."""
    found = _QUALIFIER.match(cell) if ":" in cell else None
    if found is None or len(found.group().split()) > 4:
        return None
    return found if status_of_phrase(cell[found.end() :]) is not None else None


def _status_and_note(inner: str, voice: Voice) -> tuple[str, str]:
    """A cell's status as it reads (:func:`~milepost.extract.cell_markers.cell_status`) and
    a note set apart after it, with the blanks before it ("Complete", " ✅ (v2)"; "✅
    **Done", " (v2)**" in bold); the second is empty where the status is the whole cell or
    none is read, where the words are in a tag or brackets of their own, follow a glyph read
    alone, or go on into what follows (:func:`_set_apart`): each set as a whole."""
    if inner[:1] in "<[(:":  # a tag, brackets, a ":shortcode:": set whole
        return inner, ""
    glyph = emoji_prefix(inner, voice)
    lead = inner[: len(inner) - len(glyph[1].lstrip())] if glyph is not None else ""
    rest = inner[len(lead) :]
    bold = _BOLD.match(rest) if rest[:1] in "*_" else None
    words = bold["words"] if bold is not None else inner
    marker = cell_status(Inline(words), voice.legend)
    if marker is None or not any(char.isalpha() for char in words[: marker.end]):
        return inner, ""  # "❌ Not yet", "✅ Works with X": words after a glyph set with it
    cut = len(words[: marker.end].rstrip())
    if words[:cut].endswith((":", "：")):
        cut -= 1  # "Done: 2024-01-14": the colon stays before the note
    if bold is not None:  # "**Done** (v2)", "✅ **Done (v2)**": the bold closed after
        if cut >= len(words.rstrip()):
            note = rest[bold.end() :]
            return (lead + bold.group(), note) if _set_apart(note, voice) else (inner, "")
        if not _set_apart(words[cut:], voice):
            return inner, ""
        said = lead + bold[1] + words[:cut]
        return said, words[cut:] + bold[1] + rest[bold.end() :]
    if cut >= len(inner.rstrip()) or not _set_apart(inner[cut:], voice):
        return inner, ""
    return inner[:cut], inner[cut:]


def _set_apart(after: str, voice: Voice) -> bool:
    """Whether what follows a cell's status words is a note apart from them: a bracket, a
    comma, a dash, a date, a link ("(v2)", ", in 1.2", "2024-01-14"), or a time or a release
    after a word that says when ("in v1.2", "since May"), a glyph of the status right after
    the words or not; not words that go on from them ("Ready to execute", "Testing Phase"),
    nor a note that says a status or a share of the work done of its own ("Planned → Done",
    "Done, WIP", "Not started / partial", "(v2) ✅", "100%"): the cell is set whole."""
    rest = after.lstrip()
    glyph = emoji_prefix(rest, voice)
    note = glyph[1].lstrip() if glyph is not None else rest
    if not note:
        return glyph is not None  # "Complete ✅": the glyph is set with the words
    if rest[:1] in _MARKUP or note[:1] in "/&+" or _has_glyph(_BRACKETED.sub("", note), voice):
        return False  # (glyphs in brackets say a part's: "(Claude Code ✅, Gemini CLI ⏳)")
    plain = note.lstrip(" ,;:.(→>-–—")
    if _SHARE.match(plain) or ((said := status_of_phrase(plain)) is not None and said[1] == 0):
        return False
    return not note[:1].isalpha() or _WHEN.match(note) is not None


def _has_glyph(text: str, voice: Voice) -> bool:
    """Whether a status glyph (the vocabulary's, or the legend's) stands in ``text``."""
    return any(
        not char.isascii() and voice.glyph_end(text, at) is not None for at, char in enumerate(text)
    )


# A note in brackets: "(v2)", "[#12]".
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# A share of the work done: "100%", "75 %".
_SHARE = re.compile(r"\d+(?:[.,]\d+)?\s*%")
# A word saying when, then a time or a release: "in v1.2", "since 2024", "on May 3".
_WHEN = re.compile(
    r"(?:[Ii]n|[Oo]n|[Ss]ince|[Bb]y|[Ff]or|[Aa]s of)\s+(?:v?\d|[QH][1-4]\b|[A-Z][a-z]{2})"
)
# What may open a cell's words in markup, which a cell's own reading of its text does not see.
_MARKUP = frozenset("*_`<~")
# Words in bold opening a cell: "**Done**", "__WIP__".
_BOLD = re.compile(r"(\*\*|__)(?P<words>[^*_`<]+)\1")


def _glyph_set(after: str, status: Status, voice: Voice) -> str:
    """What follows a cell's status words, a status glyph right after them set to ``status``
    ("✅ (v2)" gives "🚧 (v2)"), the rest as written."""
    gap = after[: len(after) - len(after.lstrip())]
    glyph = emoji_prefix(after[len(gap) :], voice)
    if glyph is None:
        return after
    return gap + voice.glyph(status, glyph[0]) + glyph[1]


_BRACKETS = {"[": "]", "(": ")"}
_CODE_VALUE = re.compile(r"\s*(?P<ticks>`+)(?P<words>[^`]+)(?P=ticks)")


# A cell's words in an HTML element of its own: "<HTag type="error"> Planned </HTag>".
_TAGGED = re.compile(r"<(?P<tag>[A-Za-z][\w-]*)(?:\s[^<>]*)?>(?P<inner>[^<>]*)</(?P=tag)\s*>")


# The boxes that may open a Status cell before words: a task's, or one ticked with a check.
_CELL_OPENERS = TASK_BOXES.keys() | TICKED_BOXES


def restatus_cell(
    cell: str,
    status: Status,
    voice: Voice = TEMPLATE_VOICE,
    *,
    note: bool = True,
    keyed: bool = False,
) -> str:
    """A Status cell's text (between the pipes) set to ``status``, keeping its padding and
    its emoji-only / word-only / emoji-and-word form and a ``Status:`` label before them (a
    task box alone stays one where it can: ``[x]`` done, ``[ ]`` planned). What the cell says
    after its status is kept, a glyph right after the words set with them ("Complete ✅
    (v2)" started is "In Progress 🚧 (v2)"); ``note=False`` leaves it out (a cell written
    like this one for a new row). ``keyed``: the cell is a glyph alone that says a status
    only where the legend keys it (a row of them on platforms that agree); where the legend
    has no glyph for ``status``, the glyph and its word say it."""
    inner = cell.strip()
    left = cell[: len(cell) - len(cell.lstrip())]
    right = cell[len(cell.rstrip()) :]
    label_said = _CELL_LABEL.match(inner) or _qualifier(inner)
    if label_said is not None and label_said.end() < len(inner):
        left, inner = left + label_said.group(), inner[label_said.end() :]
    said, after = _status_and_note(inner, voice) if note else (inner, "")
    if after:
        inner, right = said, _glyph_set(after, status, voice) + right
    if inner in TASK_BOXES:  # a task box alone: ticked done, open planned
        new = {Status.DONE: "[x]" if inner == "[ ]" else inner, Status.PLANNED: "[ ]"}.get(status)
        return f"{left}{new or f'{voice.glyph(status)} {voice.word(status)}'}{right}"
    if inner[:1] == "[" and inner[:3] in _CELL_OPENERS and inner[3:4] in (" ", "\t"):
        # "[ ] Pending": the box ticked where done, the words after it set as a cell's are;
        # words that say no status ("[ ] see #12") kept, after the status's
        box = ("[x]" if inner[1] == " " else inner[:3]) if status is Status.DONE else "[ ]"
        rest = inner[3:].lstrip(" \t")
        phrase = status_of_phrase(rest)
        if (phrase is not None and phrase[1] == 0) or emoji_prefix(rest, voice) is not None:
            words = restatus_cell(rest, status, voice, note=note)
        elif status in (Status.DONE, Status.PLANNED):
            words = rest  # the box says it
        else:
            words = f"{voice.word(status)}: {rest}"
        return f"{left}{box} {words}{right}"
    tagged = _TAGGED.fullmatch(inner) if inner[:1] == "<" else None
    if tagged is not None:  # "<HTag type="error"> Planned </HTag>": the words in the tag
        said = restatus_cell(tagged["inner"], status, voice, note=False)
        return f"{left}{inner[: tagged.start('inner')]}{said}{inner[tagged.end('inner') :]}{right}"
    close = _BRACKETS.get(inner[:1])
    if close is not None and len(inner) > 2 and inner.endswith(close):  # "[DONE]", "(WIP)"
        said = restatus_cell(inner[1:-1], status, voice, note=False).strip()
        return f"{left}{inner[0]}{said}{close}{right}"
    emoji = emoji_prefix(inner, voice)
    written = (emoji[1] if emoji else inner).strip()
    bold = written.startswith(("**", "__"))
    plain = written.strip("*_ ")
    label = relabel(plain, status, voice) if plain else ""
    if bold and label:
        # "**Shipped – Sep 9**": the bold goes on after the words, its close is not theirs
        closed = len(written) > 4 and written[:2] in written[2:]  # "**Ready** to execute"
        label = f"{written[:2]}{label}{written[:2]}" if closed else f"{written[:2]}{label}"
    elif label and written.endswith(("**", "__")):
        # "In Progress**" of "**Status: In Progress**" or "Status: **WIP**": the bold
        # opened before the value closes after it still
        label += written[-2:]
    if emoji is not None and not plain:
        new = voice.glyph(status, emoji[0])
        if new.startswith("❌") and voice.legend.glyph("❌") is None:
            new = f"{new} {voice.word(status)}"  # a bare cross in a cell may say "no"
        elif keyed and voice.legend.glyph(glyph_key(new)) is None:
            # where the legend has no glyph for the status, its word says it ("| Physics
            # |🛑|🛑|" blocked is "⛔ Blocked" in each)
            new = f"{new} {voice.word(status)}"
    elif emoji is not None:
        new = f"{voice.glyph(status, emoji[0])} {label}"
    else:
        new = label or f"{voice.glyph(status)} {voice.word(status)}"
    return f"{left}{new}{right}"
