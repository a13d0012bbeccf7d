"""The status tags after an item's words (``Export (planned)``, ``Search [WIP]``, ``Sync -
done``, ``Sync 🚧 IN PROGRESS``), as an edit leaves them: a tag that is a status word and no
more (a glyph beside it or not) is set in place, in the document's words and in the case it
was written in ("(planned)" → "(in progress)"); any other tag the new status undoes ("-
shipped in v2.1") is taken away, markup and all, but for the owners and issues its note
names ("(in progress, @kim)" shipped is "✅ … (@kim)"); where the note says more of the
work or holds a link, the status words before it are set and the note stays ("(done;
single-rank)", "(planned: [ROADMAP](r.md))").

Tags are found where the extractor reads them (:func:`~milepost.extract.trailing_tags.
trailing_tag`, in the text the line reads as, its positions mapped back to the Markdown by
:func:`milepost.document.read_inline`).
"""

from __future__ import annotations

import re

from milepost.document import read_inline
from milepost.edits.voice import Voice, relabel
from milepost.extract.glyph_tags import joined_head
from milepost.extract.heading_words import when_alone
from milepost.extract.tag_words import REF, WHEN_TAIL
from milepost.extract.trailing_tags import trailing_tag
from milepost.vocabulary.legend import glyph_key
from milepost.vocabulary.status import Status, pictograph_at
from milepost.vocabulary.status_words import status_of_word

__all__ = ["set_tags"]

# A tag as written that is a status word and no more: in brackets ("(planned)", "[**WIP**]",
# "**(planned)**"), or after a dash, a bar or a colon set apart ("- done", " — _Shipped_",
# "| *wip*", " : Done"), or in capitals alone after a blank (" **DONE**"); the words in ``w``.
# Not a link's text, nor the capitals opening a bracketed note ("(IN PROGRESS: needs a
# review)").
_WORD_TAG = re.compile(
    r"(?P<open>\s*[*_]*(?:[(\[]|(?:--|[-–—|]|(?<=\s):)\s+)?[ \t*_`]*)"
    r"(?P<w>[^\s()\[\]*_`:][^()\[\]*_`:]*?)(?P<close>[ \t*_`]*[)\]]?[*_]*)"
)


def set_tags(text: str, status: Status, voice: Voice) -> tuple[str, bool]:
    """``text`` (an item's words as written) with the status tags the extractor reads in
    it set to ``status``: a tag that is a status word alone is relabelled, another that
    ``status`` undoes ("🚧 X - _DISCARDED in v2_" would say two things) is taken away; and
    whether a tag now says ``status``. A ``Status: X`` field is no tag to set or take away
    here: its value is set in place (:mod:`.status_field`), and then it agrees."""
    while True:
        reading = read_inline(text)
        tag = trailing_tag(reading.text, voice.legend)
        if tag is None:
            return text, False
        if tag.status is status or tag.kind == "field":
            return text, tag.status is status
        where = reading.written(tag.start, tag.end)
        if where is None:
            said = reading.text[tag.start : tag.end].strip(" -–—")
            raise ValueError(
                f"cannot take away the status tag {said!r}, whose markup holds other words too:"
                " change the line by hand"
            )
        if tag.kind == "sentence":  # "Port the parser. Done." started: its word set
            sentence = _SENTENCE_WORDS.search(text, where[0], where[1])
            new = _reworded(sentence.group(), tag.status, status, voice) if sentence else None
            if sentence is not None and new is not None:
                return text[: sentence.start()] + new + text[sentence.end() :], True
        if tag.kind == "glyph":  # "Sync 🚧 IN PROGRESS" shipped is "Sync ✅ DONE"
            start = len(text) - len(text[where[0] :].lstrip(" \t"))
            new = _reworded(text[start : where[1]], tag.status, status, voice)
            if new is not None:
                return text[:start] + new + text[where[1] :], True
        noted = _NOTED.match(text, where[0], where[1]) if tag.kind == "bracket" else None
        if noted is not None and _keeps_note(text, noted, where[1]):
            new = _reworded(noted["w"], tag.status, status, voice)
            if new is not None:  # "(done; single-rank)" started is "(in progress; single-rank)"
                return text[: noted.start("w")] + new + text[noted.end("w") :], True
        last = _NOTE_FIRST.match(text, where[0], where[1]) if tag.kind == "bracket" else None
        if last is not None:
            new = _reworded(last["w"], tag.status, status, voice)
            if new is not None:  # "(P4 - Future)" started is "(P4 - In progress)"
                return text[: last.start("w")] + new + text[last.end("w") :], True
        held = ", ".join(_REF.findall(text, where[0], where[1]))  # "(wip, @kim)": kim stays
        without = text[: where[0]].rstrip(" \t") + (f" ({held})" if held else "") + text[where[1] :]
        alone = _WORD_TAG.fullmatch(text, where[0], where[1])
        new = _reworded(alone["w"], tag.status, status, voice) if alone is not None else None
        if alone is not None and new is not None:
            # set in place, unless a tag before it says the new status already ("Search -
            # Done (in progress)" shipped is "Search - Done", not "Search - Done (done)")
            before = trailing_tag(read_inline(without).text, voice.legend)
            if before is None or before.status is not status:
                start, end = alone.span("w")
                return text[:start] + new + text[end:], True
        text = without


# The words of a status that is a sentence of its own: "Done" of ". Done.".
_SENTENCE_WORDS = re.compile(r"[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+)?")
# An owner or an issue a tag's note names: "(in progress, @kim)", "(blocked: needs #12)".
_REF = re.compile(REF)
# A bracketed tag's status words before its note: "(planned - [ROADMAP](r.md))".
_NOTED = re.compile(
    r"[ \t]*[*_]*[(\[][ \t*_`]*(?P<w>[^\s()\[\]*_`:,;|][^()\[\]*_`:,;|]*?)[ \t*_`]*"
    r"(?=(?P<sep>[:|,;]|[ \t]*[-–—][ \t]))"
)
# A bracketed tag's status words after its note and a dash: "(OPTIONAL - Skipped)".
_NOTE_FIRST = re.compile(
    r"[ \t]*[*_]*[(\[][^()\[\]]*?[ \t][-–—][ \t]+[*_`]*(?P<w>[^()\[\]*_`]+?)[ \t*_`]*[)\]]"
)
# A share of the work in a note, which a new status makes stale: "(in progress, 60%)".
_SHARE = re.compile(r"\d\s*%")


def _keeps_note(text: str, noted: re.Match[str], end: int) -> bool:
    """Whether a bracketed tag's note stays when its status words are set: a note after a
    comma, a semicolon or a dash says more of the work ("(done; single-rank)", "(Future -
    Q3 2027+)"), unless it is a share of it ("(in progress, 60%)"); after a colon or a bar
    it goes with the tag ("(in progress: 60%)", "(WIP | Awaiting a driver)"), unless it holds
    a link ("(planned: [ROADMAP](r.md))")."""
    if "](" in text[noted.start() : end]:
        return True
    return noted["sep"].strip() not in ":|" and _SHARE.search(text, noted.end(), end) is None


def _reworded(words: str, was: Status, status: Status, voice: Voice) -> str | None:
    """A tag's words that say ``was`` said as ``status`` in the document's voice, a status
    glyph or a coloured dot beside them set too ("Completed ✅" started is "In Progress 🚧"),
    a glyph alone as the legend's glyph ("(💡)" started is "(🚧)");
    None for words that say no status alone. A plan's time (when it is due, written after
    its status) stays where neither status is done or dropped: "📋 Q1 2025" started is "🚧
    Q1 2025", and "(Planned 2025)" is "(In Progress 2025)". Beside done a date says when the
    work shipped, and dropped work is due never: there the time goes with the tag."""
    if status_of_word(words) is was:
        return relabel(words, status, voice)
    dot = voice.dot_end(words)
    if dot is not None and voice.status_of(words[dot:].strip()) is was:
        # "(🟡 In progress)" shipped is "(🟢 Done)" where the document pairs them so
        return voice.dot(status) + " " + relabel(words[dot:].strip(), status, voice)
    lead = voice.glyph_end(words)
    if lead is not None and not words[lead:].strip():
        # "(🚧)" shipped is "(✅)", where the legend keys it (a glyph alone in brackets says
        # a status only there)
        glyph = voice.glyph(status, words[:lead])
        return glyph if voice.legend.glyph(glyph_key(glyph)) is status else None
    if not {was, status} & {Status.DONE, Status.DROPPED}:
        if lead is not None and when_alone(words[lead:].strip()):
            return voice.glyph(status, words[:lead]) + words[lead:]
        when = WHEN_TAIL.search(words)
        if when is not None and status_of_word(words[: when.start()]) is was:
            # "(Planned 2025)", "(planned for M7/M8)": the words, then when
            return relabel(words[: when.start()], status, voice) + words[when.start() :]
    if lead is not None and voice.status_of(words[lead:].strip()) is was:
        return (
            voice.glyph(status, words[:lead]) + " " + relabel(words[lead:].strip(), status, voice)
        )
    # a glyph of the vocabulary's, or one that decorates ("🔵 *Future/Optional*")
    opened = lead if lead is not None else pictograph_at(words)
    said = words[opened:].strip() if opened is not None else ""
    core = said.strip("*_")  # in emphasis or not
    joined = joined_head(core) if core else None
    if opened is not None and joined is not None and voice.status_of(joined) is was:
        # "✅ COMPLETE + TESTED" started is "🚧 IN PROGRESS": what it added goes with it
        at = said.index(core)
        new = said[:at] + relabel(joined, status, voice) + said[at + len(core) :]
        return voice.glyph(status, words[:opened]) + " " + new
    head, _, last = words.rpartition(" ")
    if head and voice.glyph_end(last) == len(last) and voice.status_of(head.strip()) is was:
        return relabel(head.strip(), status, voice) + " " + voice.glyph(status, last)
    return None
