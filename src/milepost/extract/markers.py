"""Where a marker counts: the status of one list item, table cell, label or heading.

A marker is a status only where it stands as one: a box or emoji leading the item, a bold label
(``**Done:**``), a ``Status:`` field, a Status column cell, a trailing tag (``(in progress)``,
``- shipped in v2.1``), or a marker the document's legend defines. A status word inside
running prose is not a status. When words and emoji disagree, the words win.

A heading's or a label's status is read in :mod:`.heading_markers`, a trailing tag in
:mod:`.trailing_tags`, a Status cell's in :mod:`.cell_markers`; the markers a legend defines
are in :mod:`.legend`.
"""

from __future__ import annotations

from milepost.document import Inline
from milepost.extract.ending_marks import ending_mark
from milepost.extract.marker import Marker, open_box, written_box, written_width
from milepost.extract.name_tags import name_tag
from milepost.extract.opening_words import (
    box_label,
    bracketed_status,
    caps_keyword,
    caps_label,
)
from milepost.extract.tag_words import Tag, strong_word
from milepost.extract.trailing_tags import trailing_tag
from milepost.lazy import lazy_pattern
from milepost.vocabulary.english_words import PARTLY_DONE
from milepost.vocabulary.foreign_words import FOREIGN_PARTIAL
from milepost.vocabulary.legend import NO_LEGEND, Legend, box_key, pictograph_key
from milepost.vocabulary.status import ASCII_GLYPH_FIRST, EMOJI, Status, emoji_at, pictograph_at
from milepost.vocabulary.status_labels import is_status_label
from milepost.vocabulary.status_words import (
    WEAK_WORDS,
    said_weakly,
    status_of_phrase,
    status_of_word,
)

__all__ = ["code_keyword", "item_marker", "leading_markers", "own_word"]


def _strong_at(inline: Inline, pos: int) -> tuple[int, int] | None:
    """The bold or, failing that, italic run that starts at ``pos``: a label in emphasis
    (``*DONE:* Foo``) is a label as a bold one is."""
    for start, end in inline.strong:
        if start == pos:
            return start, end
    for start, end in inline.emphasis:
        if start == pos:
            return start, end
    return None


def _icon(inline: Inline, pos: int, legend: Legend) -> tuple[Status, int] | None:
    """An image at ``pos`` whose alternative text is a status, as an icon says it ("![In
    Progress](media/status-in-progress.png) Blazor"): the status, and where the words after
    it begin."""
    link = inline.links[0]
    if link.start != pos or link.end == pos:
        return None
    alt = inline.text[pos : link.end]
    status = legend.word(alt) or status_of_word(alt)
    return None if status is None else (status, _skip_space(inline.text, link.end))


def _coded(inline: Inline, pos: int) -> bool:
    """Whether a box at ``pos`` is a code span of its own ("`[ ]` completion")."""
    return bool(inline.code) and (pos, pos + 3) in inline.code


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\u00a0":
        pos += 1
    return pos


def code_keyword(inline: Inline, pos: int) -> tuple[Status, int] | None:
    """A status keyword in capitals, alone in a code span opening the text at ``pos``, before
    the item's name ("`WIP` Sops", as a bracketed one is): its status, and where the name
    begins. A code span in lower case names code ("`pending` jobs"), no status."""
    text = inline.text
    for start, end in inline.code:
        if start == pos:
            word = text[start:end]
            status = strong_word(word) if word.isupper() else None
            after = _skip_space(text, end)
            if status is None or after == end or after == len(text):
                return None  # no blank after it, or no name: "`DONE`-ish", "`WIP`" alone
            return status, after
    return None


# What follows a word that labels an item's name: a colon or a dash, and blanks ("NW - ").
_LABEL_END = lazy_pattern(r"[ \t]*+(?::|[-–—](?=[ \t]))[ \t]*+(?=\S)")


def own_word(
    text: str, pos: int, legend: Legend, *, lenient: bool
) -> tuple[Status, int, int] | None:
    """A word the legend or the config defines opening ``text`` at ``pos``: alone or before
    more where a status may stand so (``lenient``: a Status cell, "C"), else as a label
    before the item's name ("NW - Download PDB files", "Shipping: Gamma"); its status,
    where the word ends and where the name starts."""
    said = legend.phrase(text, pos)
    if said is None:
        return None
    status, end = said
    if lenient:
        after = end + 1 if text[end : end + 1] == ":" else end
        return status, end, _skip_space(text, after)
    label = _LABEL_END.match(text, end)
    return (status, end, label.end()) if label is not None else None


def leading_markers(
    inline: Inline, pos: int, legend: Legend, *, lenient: bool
) -> tuple[Status | None, Status | None, int, str]:
    """The leading emoji and status words: ``(emoji status, word status, end, as written)``."""
    text = inline.text
    first = text[pos : pos + 1]
    if legend.words and (own := own_word(text, pos, legend, lenient=lenient)) is not None:
        return None, own[0], own[2], text[pos : own[1]]  # "NW - Download", "| C |"
    if inline.links and inline.links[0].image and (icon := _icon(inline, pos, legend)):
        return icon[0], None, icon[1], f"![{text[pos : inline.links[0].end]}]"
    if inline.code and not lenient and (coded := code_keyword(inline, pos)) is not None:
        return None, coded[0], coded[1], text[pos : coded[1]].strip()  # "`WIP` Sops"
    if (
        not lenient
        and first.isascii()
        and first.isalnum()
        and (not (inline.strong or inline.emphasis) or _strong_at(inline, pos) is None)
    ):
        capitals = caps_label(text, pos) if first.isupper() else None
        if capitals is not None:  # "FUTURE: Sync": a status label in capitals, unbolded
            return None, capitals[0], capitals[2], text[pos : capitals[2]].strip()
        return None, None, pos, ""  # plain words first: no emoji, no label (the common case)
    bracketed = bracketed_status(text, pos, alone=lenient) if first in ("(", "[") else None
    if bracketed is not None:
        return None, bracketed[0], bracketed[3], text[pos : bracketed[3]].strip()
    box = box_key(text, pos) if first == "[" and legend.glyphs else None
    if box is not None and (boxed := legend.glyph(box)) is not None:
        return boxed, None, _skip_space(text, pos + 3), box  # "[~] Helpers": the legend's box
    plain = written_box(text, pos, legend, coded=_coded(inline, pos)) if first == "[" else None
    if plain is not None:
        width = written_width(text, pos)
        return plain, None, _skip_space(text, pos + width), text[pos : pos + width]
    emoji_status: Status | None = None
    start = pos
    while True:  # emoji, possibly several decorations before or after the status one
        char = text[pos : pos + 1]
        if char.isascii() and char not in ASCII_GLYPH_FIRST:
            break  # no glyph starts with an ASCII character but a shortcode
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
    if (
        emoji_status is not None
        and written_box(text, pos, legend, coded=_coded(inline, pos)) is not None
    ):
        # "⛔ `[ ] 1.1` Stripe": the glyph says more than its box
        pos = _skip_space(text, pos + written_width(text, pos))
    if emoji_status is None and pos > 0 and text[pos : pos + 1] in ("(", "["):
        # "✨ (In progress) Due dates": a bracketed status after a glyph that decorates
        bracketed = bracketed_status(text, pos)
        if bracketed is not None:
            return None, bracketed[0], bracketed[3], text[pos : bracketed[3]].strip()
    word_status: Status | None = None
    strong = _strong_at(inline, pos) if inline.strong or inline.emphasis else None
    if strong is not None:
        label = text[strong[0] : strong[1]].strip()
        bare = label.rstrip(":").strip()
        if is_status_label(bare):  # "**Status:**", "**Status/Target**:"
            rest = _skip_space(text, strong[1])
            if rest < len(text) and text[rest] == ":":
                rest = _skip_space(text, rest + 1)
            inner_emoji, inner_word, end, _ = leading_markers(inline, rest, legend, lenient=True)
            word_status = inner_word or inner_emoji
            if word_status is not None:
                return None, word_status, end, text[start:end].strip()
            return emoji_status, None, pos, text[start:pos].strip()
        word_status = legend.word(bare) or (
            strong_word(bare) if not lenient else status_of_word(bare)
        )
        if word_status is not None:
            pos = _skip_space(text, strong[1])
            if pos < len(text) and text[pos] in ":：":  # a full-width colon too: "**已完成**："
                pos = _skip_space(text, pos + 1)
        elif lenient:  # a status's value in bold with more in it: "**Shipped – Sep 9**"
            found_phrase = status_of_phrase(text[strong[0] : strong[1]])
            if found_phrase is not None and found_phrase[1] == 0:
                word_status, pos = found_phrase[0], strong[0] + found_phrase[2]
    elif lenient or emoji_status is not None:  # else leading words are no status: skip them
        found_phrase = status_of_phrase(text[pos:])
        if found_phrase is not None and found_phrase[1] == 0:
            after = pos + found_phrase[2]
            tail = text[after:].lstrip()
            phrase = text[pos:after].lower()
            # a weak word only as the glyph's label, saying what it says ("🔮 Futuro: Sync")
            agrees = found_phrase[0] is emoji_status and tail[:1] in (":", "：")
            if (not tail or tail[0] in ":-–(—," or lenient) and (
                lenient or phrase not in WEAK_WORDS or agrees
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
    decorated: bool = False,
    ends_checked: bool = False,
) -> Marker | None:
    """The status a list item's own markers give it, or None.

    ``scope`` is the status of a label right above the item's list ("🔧 **In Progress**"):
    it refines a bare ``[ ]`` box (a status heading's does not: the box is the item's own
    marker, and beats its heading's). So does a strikethrough over the whole item: ``- [ ]
    ~~Search~~`` is work crossed off undone, dropped (``- [x]
    ~~Search~~`` is done, and so is struck work where :mod:`.walk` says the document
    strikes finished work; its struck items have no box). In ``criteria`` context (a list
    of success criteria) a leading ✅ is a bullet style, not a shipped item; in a
    ``decorated`` list (its items led by glyphs of no status, most of them: "📝", "🚨") any
    leading glyph is. In a list that ends items with a check (``ends_checked``) a glyph of
    work under way ending one says its status too.
    """
    text = inline.text
    emoji_status, word_status, end, written = leading_markers(inline, 0, legend, lenient=False)
    if criteria and emoji_status is Status.DONE and word_status is None and task is None:
        emoji_status = None
    if decorated and word_status is None and task is None:
        emoji_status = None
    if word_status is not None:
        if task is None and _count_only(text[end:]):
            return None  # "- **Completed**: 3 (12%)": how many are, no work
        source = "legend" if legend.words and legend.owns(written) else "marker"
        return Marker(word_status, _box(task) + written, source, end=end)
    if emoji_status is not None and task is None:
        # The words win over the emoji: "📋 Export (in progress)" is in progress, and so
        # is "📋 Export - Status: In Progress" (a field or a dash tag as a bracketed one),
        # and "📋 **Export**: (🚧 In progress) ..." (the marker after the name).
        said, tail = _said_after(inline, end, legend)
        if said is not None and said.status is not emoji_status:
            return Marker(said.status, said.written, end=end, tail=tail)
        source = "legend" if legend.glyphs and _legend_glyph(text, legend) else "marker"
        # "🚧 X (in progress)": said twice, the tag is no part of the title
        return Marker(emoji_status, written, source, end=end, tail=tail)
    if task is None and not end and not _linked_at_start(inline):
        keyword = caps_keyword(text)  # "DONE Set up CI", as org-mode writes it
        if keyword is not None:
            return Marker(keyword[0], text[: keyword[2]].strip(), end=keyword[2])
    tag, tail = _said_after(inline, end, legend)
    if task is not None:
        box = _box(task)
        if task and tag is not None and _partly_done(tag.written):
            # "[x] ~~Fix tests~~ ⚠️ PARTIALLY COMPLETED": ticked, but only partly done
            return Marker(Status.IN_PROGRESS, tag.written, end=end, tail=tail)
        if task and tag is not None and tag.status is Status.DROPPED:
            # "[x] ~~Web UI~~ *(canceled)*": ticked off, as work not done
            return Marker(Status.DROPPED, tag.written, end=end, tail=tail)
        if task:
            return Marker(Status.DONE, box + written, end=end, tail=tail)
        if tag is not None:
            return Marker(tag.status, box + tag.written, end=end, tail=tail)
        labelled = box_label(text, end)
        if (
            labelled is not None
            and _strong_at(inline, end)
            and said_weakly(text[end : labelled[1]])
            and not text[end : labelled[1]].isupper()  # "- [ ] **IDEA**: Settings app"
        ):
            labelled = None  # "- [ ] **Testing**: unit tests": a topic in bold, no state
        if labelled is not None:  # "- [ ] idea: dark mode": the label refines the box
            return Marker(labelled[0], box + text[end : labelled[1]], end=labelled[2])
        if emoji_status is not None and (
            emoji_status is not Status.DONE or (legend.glyphs and _legend_glyph(text, legend))
        ):
            # "- [ ] 🚧 Search"; "- [ ] ✅ Search" only where the legend keys the check mark
            # (a box no one ticks, the glyph after it kept up to date), else a bullet style
            return Marker(emoji_status, box + written, end=end)
        if inline.strike and inline.is_struck():  # "- [ ] ~~Search~~": crossed off, undone
            return Marker(Status.DROPPED, box + "~~", end=end)
        return Marker(open_box(scope), box, end=end)
    if tag is not None:
        return Marker(tag.status, tag.written, end=0, tail=tail)
    return None if criteria else ending_mark(text, legend, working=ends_checked)


def _linked_at_start(inline: Inline) -> bool:
    """Whether a link's text opens the item ("[WIP branch](…)"): no keyword of its own."""
    return bool(inline.links) and inline.links[0].start == 0


def _said_after(inline: Inline, end: int, legend: Legend) -> tuple[Tag | None, int]:
    """A status said after the leading markers (which end at ``end``): a trailing tag, else
    one right after the item's name ("**CA Injection**: ✅ Complete ...", "Phase 1 (Done) -
    ..."); and where it starts in the text (-1: none)."""
    tag = trailing_tag(inline.text[end:], legend)
    if tag is not None:
        return tag, end + tag.start
    tag = name_tag(inline, end, legend)
    return tag, -1 if tag is None else tag.start


def _count_only(rest: str) -> bool:
    """Whether what follows a status label is a count and no more ("3 (12%)", "14/20", "4
    tasks", "1 tarea (T004)")."""
    return bool(rest.strip()) and _COUNT.fullmatch(rest.strip()) is not None


# A count or a share, about or not: "3", "~65", "3 (12%)", "14/20", "75%"; of work named by
# its kind alone, a note after it or not: "4 tasks", "1 tarea (T004)" (not references,
# "(#12)"). Each run of blanks is taken whole (possessively): a long one before words that
# are no count was tried at every length, in quadratic time.
_COUNT = lazy_pattern(
    r"[~≈]?\d++(?:\s*+/\s*+\d++)?(?:\s*+(?:\(\s*+\d++(?:\.\d++)?\s*+%\s*+\)|%))?"
    r"(?:\s++(?i:tasks?|items?|features?|issues?|tickets?|stories|story|tareas?|tarefas?"
    r"|t[âa]ches?|aufgaben?|attivit[àa])(?:\s*+\([^()#@]*\))?)?"
)


def _partly_done(written: str) -> bool:
    """Whether a tag's words say the work is partly done ("⚠️ PARTIALLY COMPLETED")."""
    words = " ".join(_TAG_WORDS.findall(written.lower()))
    return words in PARTLY_DONE or words in FOREIGN_PARTIAL  # "(parcial)"


_TAG_WORDS = lazy_pattern(r"[a-z]+")


def _legend_glyph(text: str, legend: Legend) -> bool:
    """Whether ``text`` opens with a glyph the legend defines (🚀 where it is "Released")."""
    text = text.lstrip()
    glyph = emoji_at(text)
    if glyph is not None:
        return legend.glyph(glyph[0]) is not None
    if (box := box_key(text)) is not None:
        return legend.glyph(box) is not None
    key = pictograph_key(text)
    return key is not None and legend.glyph(key) is not None


def _box(task: bool | None) -> str:
    if task is None:
        return ""
    return "[x] " if task else "[ ] "
