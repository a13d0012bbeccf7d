"""Rewriting one item's marker in the author's own style.

A list item keeps its indentation, bullet, box, emoji-or-word style, bold label and line
ending; only the marker changes; a heading keeps the form its status takes (an emoji, a box,
a tag, a pipe-parted field). Status cells and fields are set in :mod:`.cells`.
"""

from __future__ import annotations

import html
import re

from milepost.document import read_inline
from milepost.document.item_lines import LIST_ITEM
from milepost.edits.cells import FIELD_VALUE, emoji_prefix, restatus_cell
from milepost.edits.lines import LABEL, end_links, split_line_ending
from milepost.edits.marks import (
    box_for,
    icon_end,
    icon_for,
    keyed_box_unkeyed,
    legend_box,
    opens_ticked,
    partly_ticked,
    reset_box,
)
from milepost.edits.name_status import set_name_status
from milepost.edits.notes import before_owners, ending_note
from milepost.edits.openings import opening_words, status_words
from milepost.edits.status_field import set_status_field
from milepost.edits.tags import set_tags
from milepost.edits.voice import TEMPLATE_VOICE, Voice, relabel
from milepost.extract.badges import BADGE, EndingBadge
from milepost.extract.heading_markers import heading_box, lead_word, pipe_tag
from milepost.extract.marker import TASK_BOXES, blankless_box, optional_box, written_box
from milepost.extract.markers import own_word
from milepost.extract.name_tags import ending_glyph
from milepost.extract.opening_words import bracketed_status, caps_label
from milepost.extract.tag_words import note_start
from milepost.extract.trailing_tags import trailing_tag
from milepost.vocabulary.legend import box_key, glyph_key
from milepost.vocabulary.status import Status
from milepost.vocabulary.status_labels import is_status_label

__all__ = ["restatus_line", "set_ending_badge"]

# A box opening the code that opens an item's words: "`[x] 1.1` Stripe scaffold"; or that
# code whole, words after it ("`[ ]` completion", "`` [X] `` globals": ``alone``), as the
# reader takes code (a run of backticks, a blank inside each end or not).
_CODED_BOX = re.compile(
    r"(?P<ticks>`+) ?(?P<box>\[[^\]]\])(?:(?P<alone> ?(?P=ticks)(?!`))[ \t]|[ \t])"
)
_HEADING = re.compile(r"^(?P<lead>[ \t]{0,3}#{1,6}[ \t]+)(?P<rest>.*)$", re.DOTALL)


def _set_box_or_icon(rest: str, status: Status, reason: str | None, voice: Voice) -> str | None:
    """The item's text after bullet and box with the status set, where a box of the
    legend's, a box written in code or an image icon opens it and says it; else None."""
    box = box_key(rest)
    if box is not None and voice.legend.glyph(box) is not None:  # "[~] Helpers": the legend's
        return box_for(status, voice) + rest[3:]
    led = emoji_prefix(rest, voice)  # "⛔ `[ ] 1.1` Stripe", blocked where no box says so
    words = led[1].lstrip(" \t") if led is not None else rest
    coded = _CODED_BOX.match(words)
    if coded is not None and (
        written_box(words, coded.start("box"), voice.legend) is not None
        or voice.legend.glyph(coded["box"]) is not None
        or (coded["alone"] and coded["box"] in TASK_BOXES)
    ):
        # "`[ ] 4.2` Usage metering": a box written in code, where the legend keys boxes,
        # or a task's box, the code alone ("`[ ]` completion"); with no box of its own for
        # the status, the box opens and the glyph leads
        new = box_for(status, voice)
        glyph = "" if new[:1] == "[" else f"{new} "  # a box, the legend's or a task's
        box = "[ ]" if glyph else new
        return glyph + words[: coded.start("box")] + box + words[coded.end("box") :]
    icon = icon_end(rest, voice)
    if icon is not None:  # "![In Progress](p.png) Blazor": the document's icon for the status
        after = rest[icon:]
        if reason:
            words = after.rstrip(" \t")
            after = before_owners(words, _note(reason)) + after[len(words) :]
        return icon_for(status, voice) + after
    return None


def _rewrite_rest(
    rest: str,
    status: Status,
    *,
    boxed: bool,
    reason: str | None,
    voice: Voice,
    tag: bool = False,
    heading: bool = False,
    lead_tag: bool = False,
    say_word: bool = False,
    glyph_ends: bool = False,
) -> str:
    """The item's text after bullet and box, with its marker set to ``status`` (``tag``: a
    planned box says so in a tag too; ``heading``: the text is a heading's, whose bare ❌
    says dropped wherever it stands; ``lead_tag``: a box's tag opens the words, as it must
    where they go on past the line and a tag that ends it would end none of them;
    ``say_word``: a new glyph that leads the item says its word too, as a bare cross does;
    ``glyph_ends``: the glyph is the item's last word: one that ends it is replaced where
    it stands, whatever the status, and an unmarked item gets its glyph there)."""
    marked = _set_box_or_icon(rest, status, reason, voice)
    if marked is not None:
        return marked
    emoji = emoji_prefix(rest, voice)
    text = rest
    head = ""
    if emoji is not None:
        head, text = voice.glyph(status, emoji[0]), emoji[1]
    body = text.lstrip(" \t")
    gap = text[: len(text) - len(body)]
    label = LABEL.match(body)
    if label is not None and is_status_label(label["word"]):
        # "- **Status:** ✅ Completed in v0.1.5": the value after the field is the marker.
        value = body[label.end() :]
        words_end = FIELD_VALUE.match(value)
        cut = words_end.end() if words_end else 0
        new_value = restatus_cell(value[:cut], status, voice) if cut else f" {voice.glyph(status)}"
        after = value[cut:]
        if reason:  # the words after the value are the title's: the note ends them
            words = after.rstrip(" \t")
            after = before_owners(words, _note(reason)) + after[len(words) :]
        return f"{head}{gap}{body[: label.end()]}{new_value}{after}"
    lead = ""
    relabelled = label is not None and voice.status_of(label["word"]) is not None
    if label is not None and relabelled:
        new = relabel(label["word"], status, voice)
        lead = f"{label['open']}{new}{label['colon_in']}{label['close']}{label['colon_out']}"
        body = body[label.end() :]
    elif (
        label is None
        and emoji is None
        and voice.legend.words
        and (own := own_word(body, 0, voice.legend, lenient=False)) is not None
    ):
        new = relabel(body[: own[1]], status, voice)
        if _label_reads(new + body[own[1] :], status, voice):
            # "NW - Download", a code of the legend's: the new status's, its separator kept
            lead, body, relabelled = new + body[own[1] : own[2]], body[own[2] :], True
        else:
            # "Parked: Login flow", a word of the config's: the new status's word would be
            # no label there ("In Progress: Login flow"), so the label goes and a glyph leads
            body = body[own[2] :]
    elif label is None and emoji is None and (opening := opening_words(body, boxed)):
        # "FUTURE: Sync", "(in progress) Search": the status opening the item is its marker
        start, end = opening
        lead, body, relabelled = (
            body[:start] + relabel(body[start:end], status, voice),
            body[end:],
            True,
        )
    elif label is None and emoji is not None and (said := status_words(body)):
        # "✅ Shipped", "📋 Planned: Search": the words after the emoji say the status too
        lead, body, relabelled = relabel(body[:said], status, voice), body[said:], True
    named = None
    if not relabelled:  # "**CA Injection**: ✅ Complete ...": set after the name, in place
        found = set_name_status(body, status, voice, _note(reason))
        if found is not None:  # "Compiler (x): Blocked.": a reason's note where it reads
            named, left = found
            reason = reason if left else None
    fielded = set_status_field(body, status, voice) if named is None else named
    if fielded is not None:  # "X - Status: Planned": set in place
        body = fielded
    body, agreeing = set_tags(body, status, voice)
    agreeing = agreeing or named is not None
    words = body.rstrip(" \t")
    ends = _ending_glyph(words, status, voice) if emoji is None and not boxed else None
    if fielded is None and not relabelled and not agreeing and ends is not None:
        at, end, new = ends
        if glyph_ends or status is Status.DONE or voice.legend.glyph(glyph_key(new)) is status:
            # "Search ✅": the check mark that ends it (a note after it kept), a reason's
            # note before it
            note = _note(reason)
            return f"{gap}{lead}{words[:at].rstrip()}{note} {new}{words[end:]}{body[len(words) :]}"
        # only a check mark is read there ("Timer ⏳" is a topical emoji): the check mark
        # goes, and the new status leads the item as in an unmarked one
        body = words[:at].rstrip() + words[end:] + body[len(words) :]
    tail = ""
    if fielded is None and not agreeing and not relabelled and emoji is None and not boxed:
        # an unmarked item gets the document's emoji
        if glyph_ends:
            tail = f" {voice.glyph(status)}"
        else:
            head, gap = voice.glyph(status), " "
    if heading and head and voice.cross_needs_word(head):
        head = _heading_glyph(voice, head)  # "## 🚫 Search": "Dropped: Search" titles a part
    if (
        head
        and not heading
        and not lead
        and not agreeing
        and (say_word or voice.cross_needs_word(head))
    ):
        # "❌ Dropped: Search": a bare cross would say "no"; "✅ Completed: Search" where a
        # bare check mark bullets a goal's criteria
        lead = f"{voice.word(status)}: "
    body = lead + body
    stripped = body.rstrip(" \t")
    trailing = body[len(stripped) :]  # two trailing spaces are a hard line break: keep them
    if reason:  # before a tag that ends the item (it ends it still), else before its owners
        note = _note(reason)
        stripped = ending_note(stripped, note, voice.legend)
    tagged = status is not Status.DONE and (tag or status is not Status.PLANNED)
    box_tag = voice.tag(status) if tagged else None
    if boxed and box_tag and emoji is None and not agreeing and not relabelled:
        if lead_tag:  # "- [ ] (in progress) Search the docs,\n  and the wiki"
            stripped = f"({box_tag}) {stripped}"
        else:  # the tag ends the item's words, or it is not read; owners may follow it
            stripped = before_owners(stripped, f" ({box_tag})")
    body = stripped + tail + trailing
    return f"{head}{gap}{body}" if head else body


def set_ending_badge(
    body: str, badge: EndingBadge, status: Status, reason: str | None, voice: Voice
) -> str:
    """A line (its ending set apart) whose status is the badge that ends it (``-
    /terminal/send <Badge type="warning" text="planned" />``), with the badge's words set
    in place (in the element or its ``text``), the task box the item opens with set too,
    and a reason's note before the badge."""
    words = relabel(body[badge.start : badge.end], status, voice)
    before = body[: badge.at]
    item = LIST_ITEM.match(before)
    if item is not None and item["box"]:
        box = reset_box(item["box"], status)
        before = f"{item['lead']}{box}{item['rest']}"
    words_end = len(before.rstrip(" \t"))
    before = f"{before[:words_end]}{_note(reason)}{before[words_end:]}"
    return f"{before}{body[badge.at : badge.start]}{words}{body[badge.end :]}"


def restatus_line(
    line: str,
    status: Status,
    *,
    reason: str | None = None,
    voice: Voice = TEMPLATE_VOICE,
    say_planned: bool = False,
    lead_tag: bool = False,
    say_word: bool = False,
    glyph_ends: bool = False,
) -> str:
    """A list item's or heading's first line with its status set, in the author's style
    (``voice``: the label words and emoji the document already uses, "Complete" rather than
    "Completed", 🔄 rather than 🚧, so a relabelled item reads like its neighbours).
    ``say_planned``: an open box is planned only with a tag that says so (under a
    "**Future:**" label, a bare ``[ ]`` is future); ``lead_tag``: a task's tag opens its
    words, for an item whose words go on to the lines below; ``say_word``: a glyph that
    leads a list item or ends a heading says its word too ("✅ Completed: Search", where a
    bare ✅ bullets criteria; "## Phase 5 ✅ Done", where it heads open tasks);
    ``glyph_ends``: a list item's glyph is its last word ("- Search 🚧", where its list
    ends its items with their glyphs): one that ends it is replaced where it stands,
    whatever the status, and an unmarked item gets its glyph there."""
    body, ending = split_line_ending(line)
    match = LIST_ITEM.match(body)
    badge = BADGE.match(match["rest"]) if match is not None and "<" in body else None
    if match is not None and badge is not None and voice.status_of(badge["w"].strip()):
        # "- [ ] <span class="badge">Parked</span> OPA": the badge's words, in place
        rest, start, end = match["rest"], badge.start("w"), badge.end("w")
        box = reset_box(match["box"], status) if match["box"] else ""
        words = relabel(rest[start:end], status, voice)
        return f"{match['lead']}{box}{rest[:start]}{words}{rest[end:]}{ending}"
    if match is not None and not match["box"] and blankless_box(match["rest"]):
        # "- [] Cart service", an open box GFM draws none for: a task's, then set
        line = f"{match['lead']}[ ] {match['rest'][3:]}{ending}"
        return restatus_line(
            line, status, reason=reason, voice=voice, say_planned=say_planned, lead_tag=lead_tag
        )
    if match is not None and not match["box"] and optional_box(match["rest"], 0):
        # "- [ ]* 4.3 Write a test", an optional task GFM draws no box for: set as a task's
        # box is, its star kept after it ("- [x]* 4.3 Write a test")
        rest = match["rest"]
        line = f"{match['lead']}{rest[:3]}{rest[4:]}{ending}"  # its blank kept, a tab too
        new = restatus_line(
            line, status, reason=reason, voice=voice, say_planned=say_planned, lead_tag=lead_tag
        )
        at = len(match["lead"])
        return f"{new[: at + 3]}*{new[at + 3 :]}" if new[at : at + 1] == "[" else new
    if (
        match is not None
        and status is not Status.DONE
        and opens_ticked(match["box"], match["rest"])
    ):
        # "- [✓] Retained messages", a box GFM draws none for: an open one, a task's, and
        # the words that say more
        line = f"{match['lead']}[x]{match['rest'][3:]}{ending}"
        return restatus_line(line, status, reason=reason, voice=voice, lead_tag=lead_tag)
    if match is not None and (
        partly_ticked(match["box"], match["rest"], voice)
        or keyed_box_unkeyed(match["box"], match["rest"], status, voice)
    ):
        # "- [~] FSDP", a box ticked in part GFM draws none for ("- [x] FSDP" shipped), or
        # "- [/] Users table" blocked, where the legend keys "[/]" and no box blocked work:
        # an open box, a task's, then set as one is ("- [ ] Users table (blocked)")
        line = f"{match['lead']}[ ]{match['rest'][3:]}{ending}"
        return restatus_line(line, status, reason=reason, voice=voice, lead_tag=lead_tag)
    if match is not None:
        box = match["box"]
        own = legend_box(status, voice) if box else None
        if box and own is not None:  # "- [ ] C" started, where the legend keys "[~]"
            rest, _ = set_tags(match["rest"], status, voice)
            return f"{match['lead']}{own}{box[3:]}{rest}{ending}"
        if box:
            box = reset_box(box, status)
        rest = _rewrite_rest(
            match["rest"],
            status,
            boxed=bool(box),
            reason=reason,
            voice=voice,
            tag=say_planned,
            lead_tag=lead_tag,
            say_word=say_word,
            glyph_ends=glyph_ends,
        )
        return f"{match['lead']}{box or ''}{rest}{ending}"
    heading = _HEADING.match(body)
    if heading is None:
        raise ValueError("cannot find the item's marker on its line")
    return _restatus_heading(
        heading,
        body,
        ending,
        status,
        reason=reason,
        voice=voice,
        say_planned=say_planned,
        say_word=say_word,
    )


def _restatus_heading(
    heading: re.Match[str],
    body: str,
    ending: str,
    status: Status,
    *,
    reason: str | None,
    voice: Voice,
    say_planned: bool,
    say_word: bool,
) -> str:
    """A heading's line (``body``, its ``ending`` apart; ``heading`` its match of
    :data:`_HEADING`) with its status set where it says it: a box or glyph that opens it, a
    tag, a glyph, a Status field or a code span that ends it, the status after its name."""
    closing = _CLOSING.search(heading["rest"])
    if closing is not None and closing.start():
        # "### [ ] Renderer ###": set without the closing sequence, then put it back after
        cut = heading.start("rest") + closing.start()
        inner = restatus_line(
            body[:cut] + ending, status, reason=reason, voice=voice, say_planned=say_planned
        )
        words, _ = split_line_ending(inner)
        return f"{words}{body[cut:]}{ending}"
    cut, words = end_links(heading["rest"])
    if cut and trailing_tag(words, voice.legend):
        # "## Milestone 16 (Released May 14th, 2021) [Release Blog](…)": the tag before the
        # links that end it set, the links kept after it
        at = heading.start("rest") + cut
        inner = restatus_line(
            body[:at] + ending, status, reason=reason, voice=voice, say_planned=say_planned
        )
        return f"{split_line_ending(inner)[0]}{body[at:]}{ending}"
    written = heading["rest"]
    ticked = status is not Status.DONE and opens_ticked(None, written)
    if ticked or partly_ticked(None, written, voice):
        # "### [~] FSDP", "### [✓] FSDP": a box GFM draws none for, as a task's, then set
        line = f"{heading['lead']}{'[x]' if ticked else '[ ]'}{written[3:]}{ending}"
        return restatus_line(line, status, reason=reason, voice=voice, say_planned=say_planned)
    box_match = heading_box(heading["rest"])
    if box_match is not None:
        # "### [ ] HTML output": the box that opens it, as a task item's
        after = heading["rest"][box_match.end() :]
        box = reset_box(box_match.group(), status)
        rest = _rewrite_rest(after, status, boxed=True, reason=reason, voice=voice, tag=say_planned)
        return f"{heading['lead']}{box}{rest}{ending}"
    piped = pipe_tag(heading["rest"], voice.legend)
    if piped is not None:
        # "##### [R1] | Schema | MUST TODO": the status words of its last field
        _, bar, start, end = piped
        rest = _set_words(heading["rest"], bar, start, end, status, reason, voice)
        return f"{heading['lead']}{rest}{ending}"
    if (
        emoji_prefix(heading["rest"], voice) is not None
        or icon_end(heading["rest"], voice) is not None
        or bracketed_status(heading["rest"]) is not None  # "## [WIP] 0.3.0"
        # "### Alpha 3 - Completed 2024-01-14": the tag that ends it
        or trailing_tag(read_inline(heading["rest"]).text, voice.legend) is not None
    ):
        rest = _rewrite_rest(
            heading["rest"], status, boxed=False, reason=reason, voice=voice, heading=True
        )
        return f"{heading['lead']}{rest}{ending}"
    led = lead_word(heading["rest"], voice.legend)
    if led is not None:
        # "## Next: v0.9.0 - Teams": the status word that opens it, where the heading still
        # names a deliverable after it (a plan's word, or any before a release: "##
        # Completed: v2.0"; "## Done: Team features" would title a section), else the
        # document's glyph for it
        rest, note = heading["rest"], _note(reason)
        words, at = relabel(rest[: led[1]], status, voice), led[1]
        if lead_word(words + rest[at:], voice.legend) is None:
            words, at = f"{_heading_glyph(voice, voice.glyph(status))} ", led[2]
        after = rest[at:].rstrip(" \t")
        return f"{heading['lead']}{words}{after}{note}{rest[len(after) + at :]}{ending}"
    coded = _CODE_TAG.search(heading["rest"])
    if coded is not None and voice.status_of(coded["word"]):
        # "### M1 — Bootstrap `pending`": the status in the code span that ends it
        bar, start, end = coded.start(), coded.start("word"), coded.end("word")
        rest = _set_words(heading["rest"], bar, start, end, status, reason, voice)
        return f"{heading['lead']}{rest}{ending}"
    if glyph := _ending_glyph(heading["rest"], status, voice):
        # "### Milestone 3 ✅": the glyph that ends it, a reason's note before it (and its
        # word after it, where a bare ✅ over open tasks reads as no status: "✅ Done")
        at, end, new = glyph
        rest = heading["rest"]
        new += f" {voice.word(status)}" if say_word else ""
        return f"{heading['lead']}{rest[:at].rstrip()}{_note(reason)} {new}{rest[end:]}{ending}"
    named = set_name_status(heading["rest"], status, voice, _note(reason))
    if named is not None:
        # "### TASK-013 (COMPLETE) — Backend": the status that closes its name, a reason's
        # note after the name ("TASK-013 (x) (BLOCKED)") or, where it reads there, at the end
        rest, left = named
        words = rest.rstrip(" \t")
        return f"{heading['lead']}{words}{left}{rest[len(words) :]}{ending}"
    raise ValueError("cannot find the item's marker on its line")


def _heading_glyph(voice: Voice, glyph: str) -> str:
    """The glyph a heading is marked with (``glyph``, the document's for the status): 🚫 in
    place of a bare cross where a cross says "no" (a heading's, as an item's; and "## ❌
    Dropped: Search" titles a part of dropped work, no deliverable), where the legend gives
    🚫 no other status."""
    if voice.cross_needs_word(glyph) and voice.legend.glyph(_NO_ENTRY) in (None, Status.DROPPED):
        return _NO_ENTRY
    return glyph


_NO_ENTRY = "🚫"


def _set_words(
    rest: str, field: int, start: int, end: int, status: Status, reason: str | None, voice: Voice
) -> str:
    """A heading's text with the status words at ``[start, end)`` of the field that ends it
    (from ``field``: " | MUST TODO", " `pending`") relabelled, a reason's note before it."""
    words = relabel(rest[start:end], status, voice)
    return f"{rest[:field].rstrip()}{_note(reason)}{rest[field:start]}{words}{rest[end:]}"


def _note(reason: str | None) -> str:
    """A reason as the note an edit writes before the marker it sets: " (waiting on #412)"."""
    return f" ({reason})" if reason else ""


# A status in a code span ending a heading: "`done`", "`in_progress`".
_CODE_TAG = re.compile(r"\s`(?P<word>[A-Za-z][\w -]{0,24})(?P<tick>`)\s*$")


def _label_reads(text: str, status: Status, voice: Voice) -> bool:
    """Whether the words opening ``text`` read as a label saying ``status``: a word of the
    legend's or the config's, or one in capitals ("IN PROGRESS: Sync")."""
    said = own_word(text, 0, voice.legend, lenient=False) or caps_label(text)
    return said is not None and said[0] is status


def _ending_glyph(rest: str, status: Status, voice: Voice) -> tuple[int, int, str] | None:
    """Where the status glyph ending an item's or a heading's words (a note in brackets
    after it or not) begins and ends, and the glyph for ``status`` that replaces it; None
    where none ends them or the document writes the status as words."""
    noted = note_start(rest)
    if noted == len(rest) and (marked := _MARKED_NOTE.search(rest)) is not None:
        noted = marked.start()  # "🚧 **(BETA Threshold)**": the note in bold
    words = rest[:noted] if noted < len(rest) and not rest[:noted].isascii() else rest
    found = ending_glyph(words, voice.legend)
    entity = _ENTITY_END.search(rest) if found is None and rest.endswith(";") else None
    if entity is not None:  # "Search &#x2713;": the glyph written as a character reference
        glyph = ending_glyph("x " + html.unescape(entity["ref"]), voice.legend)
        found = None if glyph is None else (glyph[0], entity.start("ref"))
    if found is None:
        return None
    end = len(words.rstrip()) if entity is None else len(rest)
    new = voice.glyph(status, html.unescape(rest[found[1] : end]))
    return None if new.startswith(("*", "_")) else (found[1], end, new)


# A note in brackets, in bold, italics or code, that ends the words: "🚧 **(BETA Threshold)**"
# (a run of blanks taken from its start only: tried at each blank of a long run, it was
# scanned to the end each time).
_MARKED_NOTE = re.compile(
    r"(?<![ \t])[ \t]+(?:\*{1,3}|_{1,3}|`)\([^()]*\)(?:\*{1,3}|_{1,3}|`)[ \t]*$"
)
_ENTITY_END = re.compile(r"\s(?P<ref>&(?:#[xX][0-9A-Fa-f]{1,6}|#[0-9]{1,7}|[A-Za-z]{2,12});)$")
# An ATX heading's closing sequence: "### Renderer ###".
_CLOSING = re.compile(r"[ \t]+#+[ \t]*$")
