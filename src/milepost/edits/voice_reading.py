"""How a roadmap already writes its statuses, read from its own marked items
(:func:`voice_of`): the :class:`~milepost.edits.voice.Voice` an edit writes in, so that a
new marker reads like its neighbours."""

from __future__ import annotations

import re
from collections import Counter

from milepost.edits.lines import ICON
from milepost.edits.voice import Voice
from milepost.extract.conventions import cross_would_drop, crosses
from milepost.model import Roadmap, status_items
from milepost.vocabulary.english_words import PARTLY_DONE
from milepost.vocabulary.languages import language_of
from milepost.vocabulary.status import DOTS, EMOJI, Status, emoji_written, pictograph_at
from milepost.vocabulary.status_words import status_of_word

__all__ = ["voice_of"]


def voice_of(roadmap: Roadmap) -> Voice:
    """The label word, the emoji and the image icon the document uses most for each status
    ("Complete", 🔄, "![Completed](c.png)"): what its own work items are marked with, where
    the marker reads as that status (not the ✅ and ⏳ of Success Metrics, which say whether
    a target is met)."""
    words: dict[Status, Counter[str]] = {}
    glyphs: dict[Status, Counter[str]] = {}
    icons: dict[Status, Counter[str]] = {}
    dots: dict[Status, Counter[str]] = {}
    codes: dict[Status, Counter[str]] = {}
    lines = roadmap.document.source.lines
    waiting = False  # an hourglass reads as planned somewhere: work waiting its turn
    spoken: list[str] = []  # the status words of its markers, in the language they are in
    for item in status_items(roadmap):
        if item.status is None or not item.marker or item.status_from == "heading":
            continue
        if item.status is Status.PLANNED and item.marker.startswith(_HOURGLASS):
            waiting = True
        if item.marker.startswith("!["):  # an image icon: "![Completed](c.png) Search"
            icon = ICON.search(lines[item.span.start])
            if icon is not None:
                icons.setdefault(item.status, Counter())[icon.group()] += 1
            continue
        dot = _DOT.search(item.marker)
        if dot is not None and status_of_word(dot["words"]) is item.status:
            dots.setdefault(item.status, Counter())[dot["dot"]] += 1  # "(🟢 Done)"
            words.setdefault(item.status, Counter())[dot["words"].strip()] += 1
        found = emoji_written(item.marker)
        if found is None and item.status_from == "legend":  # "⚠️", a glyph of its legend's
            end = pictograph_at(item.marker)
            found = (item.marker[:end], end) if end is not None else None
        if found is not None and (
            EMOJI.get(found[0]) is item.status or item.status_from == "legend"
        ):
            glyphs.setdefault(item.status, Counter())[item.marker[: found[1]]] += 1
        word = (item.marker[found[1] :] if found else item.marker).strip(" :：*_[]x")
        tagged = word.strip(" ()（）-–—|.!")  # a tag's words tell the language too: "(进行中)"
        if tagged and status_of_word(tagged) is item.status:
            spoken.append(tagged)
        # A dash tag's words ("Search - in progress") are no label: "- in progress" was
        # the word a Status: field was then given ("Status: - in progress").
        # Work partly done ("Mostly done") is in progress, but no word for work just started.
        if word[:1] in "-–—" or " ".join(word.lower().split()) in PARTLY_DONE:
            continue
        if word and status_of_word(word) is item.status and word.lower() not in _ONE_KIND:
            words.setdefault(item.status, Counter())[word] += 1
        elif word and roadmap.legend.word(word) is item.status:  # "NW", the config's "Parked"
            codes.setdefault(item.status, Counter())[word] += 1
    if waiting and Status.IN_PROGRESS in glyphs:
        # where an hourglass is work waiting under a planned heading, work started is
        # marked with a glyph that says so anywhere (the document's other one, else 🚧)
        started = glyphs[Status.IN_PROGRESS]
        for glyph in [g for g in started if g.startswith(_HOURGLASS)]:  # "⏳", "⏳️"
            del started[glyph]
        if not started:
            del glyphs[Status.IN_PROGRESS]
    text = roadmap.document.source.text
    return Voice(
        _most(words),
        _most(glyphs),
        roadmap.legend,
        _most(icons),
        crosses_said=cross_would_drop(text, roadmap.legend),
        crosses=crosses(text),
        dots=_most(dots),
        codes=_most(codes),
        forms={g: g + "\ufe0f" for g in roadmap.legend.glyphs if g + "\ufe0f" in text},
        language=language_of(spoken, text),
    )


# A coloured dot and the words beside it in a bracketed tag: "(🟢 Done)".
# (The words take the blanks after the dot: a pattern to skip them first tried each split of a
# long run of blanks between the two.)
_DOT = re.compile(rf"[(\[](?P<dot>{'|'.join(sorted(DOTS))})\ufe0f?(?P<words>[^()\[\]]+)[)\]]")


# Words that say how one kind of work ended, a bug "[FIXED]", an issue "(Resolved)": no word
# to write for every item of that status ("FIXED: Export" shipped reads as no status).
_ONE_KIND = frozenset({"fixed", "resolved", "closed"})


_HOURGLASS = "⏳"


def _most(seen: dict[Status, Counter[str]]) -> dict[Status, str]:
    return {status: counts.most_common(1)[0][0] for status, counts in seen.items()}
