"""Trailing status tags: a status written after an item's words (``(in progress)``,
``- shipped in v2.1``, ``Status: Done``, ``✅ COMPLETE``).

A tag is read in one place, :func:`trailing_tag` (a bracketed one by :func:`bracket_tag`, one
after a dash by :func:`dash_tag`, a field's place and value by :func:`status_field`, one
after a glyph in :mod:`.glyph_tags`; what they share, and which status words are strong
enough to be one, in :mod:`.tag_words`): from an
item's parsed text here, and by the edits from the text a line as written reads as (its
positions mapped back to the Markdown by :func:`milepost.document.read_inline`), so that an
edit takes away exactly the tag the extractor read, markup and all, or sets a field's value.
"""

from __future__ import annotations

import re

from milepost.extract.glyph_tags import (
    before_glyphs,
    glyph_at,
    glyph_phrase,
    glyph_tag,
    when_said,
)
from milepost.extract.tag_words import (
    REF,
    WHEN_TAIL,
    Tag,
    note_start,
    percent_done,
    refs_start,
    strong_word,
    tail_start,
)
from milepost.lazy import lazy_pattern
from milepost.vocabulary.foreign_words import FOREIGN_PARTIAL
from milepost.vocabulary.legend import NO_LEGEND, Legend, glyph_key
from milepost.vocabulary.status import (
    DOTS,
    EMOJI,
    Status,
    decorations_end,
    emoji_at,
    pictograph_at,
)
from milepost.vocabulary.status_words import status_in_value, status_of_word

__all__ = ["bracket_tag", "dash_tag", "status_field", "trailing_tag"]


# References may follow the tag, bare or in brackets, and stops or commas between them.
_REFS = rf"(?:{REF}|\({REF}(?:[,\s]+{REF})*\)|[\s,.;])*"
_TAIL_PAREN = re.compile(  # full-width brackets too: "（完了）"; a glyph alone: "(🚧)"
    r"[(（]\s*(?P<p>[^()（）|\x00-\x7f]|[^()（）|]{2,40}?)\s*(?:(?P<sep>[:|,;]|[-–—](?=\s))(?P<note>[^()（）]*))?"
    r"(?P<close>[)）])\s*"
    rf"(?P<rest>{_REFS})$"
)
# The same in square brackets: "- [ ] Homemade admin tool [WIP]". In either, a note may
# follow the status after a colon or a bar: "(in progress: 60%)", "(In progress | Awaiting
# disk driver)"; or after a comma, a semicolon or a dash, the status a word alone: "(done;
# single-rank)", "(in progress, @kim)", "(skipped - low priority)".
_TAIL_SQUARE = lazy_pattern(
    r"\[\s*(?P<p>[^\[\]|]{2,40}?)\s*(?:(?P<sep>[:|,;]|[-–—](?=\s))(?P<note>[^\[\]]*))?"
    r"(?P<close>\])\s*"
    rf"(?P<rest>{_REFS})$"
)
# A dash ("--" as typed for one too), a bar parting fields ("`repl` | *wip*"), or a colon
# set apart ("~~Implement sound~~ : Done", as French sets every colon).
_DASH = re.compile(r"\s(?:--|[-–—|:])\s+")
_FIELD = re.compile(
    r"(?i)(?:^|[\s(\[-])status\s*:\s*(?P<v>[^\]\)]*?)\s*(?P<close>[\]\)]?)"
    rf"(?P<rest>(?:,?\s+(?:{REF}|\({REF}(?:[,\s]+{REF})*\)))*)\s*$"
)
_INNER_PAREN = re.compile(r"\((?P<p>[A-Z][A-Z' -]{2,30}):")


def trailing_tag(text: str, legend: Legend = NO_LEGEND) -> Tag | None:
    """A status tag after the item's words: ``(in progress)``, ``- DISCARDED``, ``Status: X``."""
    paren = "(" in text or "（" in text
    square = "]" in text
    dash = " - " in text or " -- " in text or "–" in text or "—" in text
    dash = dash or " | " in text or " : " in text
    field = ":" in text and "status" in text.lower()
    glyph = not text.isascii()
    capitals = text.rstrip(_FOOTNOTE_MARKS)[-1:].isupper()
    sentence = ". " in text or "! " in text  # "Port the parser. Done."
    if not (paren or square or dash or field or glyph or capitals or sentence):
        return None
    match = _FIELD.search(text, tail_start(text)) if field else None
    if match is not None:
        at, start, end = _field_place(match)
        value = text[start:end]
        status = legend.glyph(glyph_key(value)) if legend.glyphs else None  # "(status: ☐)"
        if status is None and (found := emoji_at(value)) is not None:
            status = EMOJI.get(found[0])
        status = status or legend.word(value) or status_of_word(value)
        if status is None:  # "DONE. Released in 0.15.0", "design in progress"
            said = status_in_value(value)
            if said is None:
                return None
            status = said[0]
        # The field ends at its bracket, else its value: references after it are no part of it.
        close = match.end("close") if match.group("close") else match.end("v")
        return Tag(status, at, close, text[at:].strip(), "field")
    tag = bracket_tag(text, legend) if paren or square else None
    if tag is None and dash:
        tag = dash_tag(text, legend)
    if tag is None and glyph:
        tag = glyph_tag(text, legend)
    if tag is None and capitals:
        tag = _capitals_tag(text)
    if tag is None and sentence:
        tag = _sentence_tag(text)
    return tag


# A status word that is a sentence of its own ending the words: "... (from the design). Done."
_SENTENCE_END = lazy_pattern(r"(?<=[.!?])[ \t]+(?P<w>[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+)?)[.!]?$")


def _sentence_tag(text: str) -> Tag | None:
    """A status word that is the last sentence of the words, "Stabilise the backend trait.
    Готово." (done), "Port the parser. Done."; not a sentence that says more ("We are
    done.")."""
    found = _SENTENCE_END.search(text, tail_start(text))
    status = strong_word(found["w"]) if found is not None else None
    if found is None or status is None:
        return None
    return Tag(status, found.start() - 1, found.end(), found.group().strip(), "sentence")


# A status in capitals that ends the words after a blank, bold or not: "Reports **DONE**",
# a footnote's mark after it or not ("Clang modules, DROPPED*"); not after a word that leaves
# a sentence running up to it ("tasks not just DONE").
_CAPITALS_END = lazy_pattern(r"(?<=\s)(?P<w>[A-Z](?:[A-Z' ]{0,24}[A-Z])?)(?:\*{1,3}|†)?$")
# The marks of a footnote that may follow a status in capitals.
_FOOTNOTE_MARKS = "*†"
_PROSE_BEFORE = frozenset(
    {"just", "not", "only", "as", "is", "are", "was", "were", "be", "been", "being", "marked"}
    | {"mark", "set", "to", "from", "into", "all", "also", "still", "yet", "now", "then"}
    | {"when", "if", "or", "and", "but", "the", "a", "an", "of", "for", "with", "by"}
)


def _capitals_tag(text: str) -> Tag | None:
    """A status in capitals ending ``text``; not after a sentence's word or an arrow
    ("Implementation → IN PROGRESS"), nor "TODO", a note to fill as often as not ("Handler
    exists but marked TODO", "PR: TODO")."""
    found = _CAPITALS_END.search(text, tail_start(text))
    if found is None or found["w"] in ("TODO", "TBD"):
        return None
    before = text[: found.start()].rsplit(None, 1)[-1:]
    if not before or before[0].lower() in _PROSE_BEFORE or before[0][-1] in "→>":
        return None
    status = strong_word(found["w"])
    if status is None:
        return None
    return Tag(status, found.start(), found.end("w"), found["w"], "capitals")  # the mark stays


def status_field(text: str) -> tuple[int, int, int] | None:
    """A ``Status:`` field that ends ``text`` (references may follow it: ``Status: Planned
    @kim``), whatever its value says: where it begins (at the blank, bracket or dash before
    "Status"), and where its value begins and ends (blanks and stray emphasis left out; a
    closing bracket is not part of it)."""
    match = _FIELD.search(text, tail_start(text))
    return None if match is None else _field_place(match)


def _field_place(match: re.Match[str]) -> tuple[int, int, int]:
    text = match.string
    start, end = match.span("v")
    value = text[start:end]
    inner = value.strip(" *_`")
    start += len(value) - len(value.lstrip(" *_`"))
    return match.start(), start, start + len(inner)


def bracket_tag(text: str, legend: Legend = NO_LEGEND, *, noted: bool = True) -> Tag | None:
    """A status in brackets after the item's words, references after it or not: ``(in
    progress)``, ``(done: in v2)``, ``(WIP) (#12)``, ``[WIP]``, a note in brackets after it
    or not (``noted``: ``(working on) (Branch: Multiple Messages)``); else one in capitals
    that opens a bracketed note: ``(IN PROGRESS: needs a review) and more``."""
    for pattern, closers in ((_TAIL_PAREN, ")）"), (_TAIL_SQUARE, "]")):
        found = any(closer in text for closer in closers)
        match = pattern.search(text, tail_start(text)) if found else None
        if match:
            if match["sep"] and match["sep"] not in ":|":
                status = _listed_first(match["p"], match["sep"], match["note"], legend)
                if status is None:  # "(Released October 6th, 2022)": the words run on
                    status = _bracketed(match["p"] + match["sep"] + match["note"], legend)
                if status is None and match["sep"] in "-–—" and not status_of_word(match["p"]):
                    # "(OPTIONAL - Skipped)": said last; not "(todo - done)", two statuses
                    status = strong_word(match["note"])
            else:
                status = _bracketed(match["p"], legend)
            if status is not None:
                written = match.group().strip()
                return Tag(status, match.start(), match.end("close"), written, "bracket")
    if noted and text.endswith(")"):
        # "(working on) (Branch: x)": the status in the brackets before a note's
        before = text[: text.rfind("(")].rstrip()
        if before.endswith(")") and (tag := bracket_tag(before, legend, noted=False)):
            return tag
    match = _INNER_PAREN.search(text) if ":" in text else None
    if match:
        status = strong_word(match.group("p"))
        if status is not None:
            close = text.find(")", match.end())
            end = close + 1 if close >= 0 else match.end()
            return Tag(status, match.start(), end, match.group().strip(), "bracket")
    return None


def _bracketed(words: str, legend: Legend) -> Status | None:
    """The status the words in a tag's brackets say (before a note after a colon or a bar)."""
    bare = _undecorated(words)
    status = legend.word(words) or _bracket_word(bare) or percent_done(bare)
    if status is None and " " in words:  # "(shipped 2026-01-21)", "(done in v2)"
        status = _bracket_word(WHEN_TAIL.sub("", words))
        if status is None and (aimed := _AIMED.fullmatch(words)) is not None:
            status = _bracket_word(aimed["said"])  # "(planned for Section III)"
    if status is None and not words.isascii():
        status = _glyphed(words, legend)
    return status


# A status, then what, where or when it is for: "planned for Section III", "shipped in
# Firefox", "Planned to start April 2020".
_AIMED = lazy_pattern(r"(?P<said>[A-Za-z][A-Za-z' -]{1,24}?)\s+(?:for|in|on|to)\s+\S.{0,30}")


def _listed_first(words: str, sep: str, note: str, legend: Legend) -> Status | None:
    """The status a bracket's first words say alone before a comma, a semicolon or a dash,
    the rest a note ("(done; single-rank)", "(In progress, expected Q2 2026)", "(Complete -
    merged, caching removed)"); None where they open a list: of statuses ("(pending, in
    progress, completed)", "(todo - done)"), of words alone ("(pending, approve, deny,
    expire)"), or of names ("Frontend (Next, Vite)", "(Next – React)"). After a dash, the
    note is one part, commas and all."""
    status = legend.word(words) or _bracket_word(_undecorated(words))
    if status is None and not words.isascii():
        status = _glyphed(words, legend)  # "(🚧 IN PROGRESS - Sprint 1 Complete)"
    if status is None:
        return None
    parts = [part.strip() for part in _NOTE_PARTS.split(note)] if sep in ",;" else [note.strip()]
    if any(status_of_word(part) for part in parts):
        return None
    if len(parts) > 1 and all(part.isalpha() for part in parts):
        return None
    if len(parts) == 1 and parts[0].isalpha() and parts[0][:1].isupper() and words[:1].isupper():
        return None  # "(Next, Vite)": two names
    return status


# What parts a note after a bracket's status word: "(done; single-rank, MPI)".
_NOTE_PARTS = lazy_pattern(r"[,;]")


def _bracket_word(words: str) -> Status | None:
    """The status of words in brackets after an item's: a strong word, or a weak word that
    prose would not put there alone."""
    status = strong_word(words)
    if status is None:
        bare = words.strip()
        key = bare.lower()
        # "(coming soon)", "(partial)"; "(Fixed)", "[FIXED]", where "[fixed]" may describe
        if key in _BRACKETED_ONLY or (key in _CAPITALISED_ONLY and bare != key):
            status = status_of_word(words)
    return status


# Weak words that say a status in brackets after an item's words, where prose would not
# put them alone: "Postmortem reports (coming soon)", "Offline sync (partial)", "Fase 4
# (Futuro)", "決済 (予定)" (planned), "ログイン (完成)" (done); and those that may
# describe it too, unless written with a capital: "Sorting bug (Fixed)", "Login loop
# (Resolved in 1.2)", where "Window size [fixed]" describes.
_BRACKETED_ONLY = (
    frozenset({"coming soon", "upcoming", "partial", "partially", "futuro", "futur"})
    | FOREIGN_PARTIAL
    | {"予定", "完成", "済", "offen"}
)
_CAPITALISED_ONLY = frozenset({"fixed", "resolved"})


def _glyphed(words: str, legend: Legend) -> Status | None:
    """A bracket's status said by its words beside a status glyph or a coloured dot
    ("Completed ✅", "✅ Done", "🟢 Done", "Current 🚧": the words win, "Current" as strong
    as any with a glyph to back it), or by the glyph before when alone ("✅ Q4 2024", "📋 Q1
    2026"); or by a glyph alone the legend keys ("Recurring sessions (🚧)" under "| 🚧 | In
    Progress |"; "Calendar (🗓️)" where none keys it: the glyph may be the topic's)."""
    text = words.strip()
    if legend.glyphs and pictograph_at(text) == len(text):
        return legend.glyph(glyph_key(text))
    found = emoji_at(text)
    if found is not None:
        rest = text[found[1] :].strip()
        if (dated := when_said(text[: found[1]], rest, legend)) is not None:
            return dated
    else:
        rest, _, last = text.rpartition(" ")
        found = emoji_at(last)
        if found is None or found[1] != len(last):
            return None
    if not rest.strip():
        return None  # a glyph alone, which no legend keys
    if (share := percent_done(rest)) is not None:
        return share  # "(✅ 95% Complete)", "(🆕 65% Complete)": the share says it
    if (legend.glyph(found[0]) or EMOJI.get(found[0])) is None and found[0] not in DOTS:
        return None  # a dot says nothing, and leaves the words to say it: "(🟢 Done)"
    said = legend.word(rest) or status_of_word(rest)
    if said is None and " " in rest:  # "(📅 Planned - Q1 2025)": when it is planned for
        said = status_of_word(WHEN_TAIL.sub("", rest))
    return said


def _undecorated(words: str) -> str:
    """``words`` without the glyphs of no status that lead them ("👷WIP" → "WIP"); a status
    glyph stays, for the words to be read with it or not at all."""
    return words[decorations_end(words) :]


def dash_tag(text: str, legend: Legend = NO_LEGEND) -> Tag | None:
    """The first status phrase alone after a dash (a bar, a colon set apart), up to the next
    or the end (the references that end the text left out): ``... - DISCARDED``, ``- shipped
    in v0.0.30``, ``- Done - see #12``, ``- in progress @kim``, ``| *wip*``, ``: Done``."""
    for separator in _DASH.finditer(text):
        following = _DASH.search(text, separator.end())
        phrase = text[separator.end() : following.start() if following else None].rstrip()
        if not phrase.isascii():
            phrase = before_glyphs(phrase)  # "- DONE! 🎉", "- Done ✅": the words say it
        said = _dash_phrase(phrase, following is None, legend)
        if said is not None:
            status, length = said
            end = separator.end() + length
            return Tag(
                status, separator.start(), end, text[separator.start() : end].strip(), "dash"
            )
    return None


_PHRASE_MAX = 40  # a status phrase, not a sentence
# How a share of the work done begins: its number, or "about" ("~70% COMPLETE").
_SHARE_FIRST = frozenset("0123456789~≈")


def _dash_phrase(phrase: str, last: bool, legend: Legend) -> tuple[Status, int] | None:
    """The status a phrase after a dash says, and how much of it says it; ``last``: no dash
    follows it, and references may end it."""
    glyph = glyph_at(phrase, legend) if not phrase[:1].isascii() else None
    if glyph is not None:  # "- ✅ Done", "- ✅ 100% COMPLET (v10.1)", "- ✅"
        status = glyph_phrase(phrase, glyph, legend)
        return None if status is None else (status, len(phrase))
    if phrase[:1] in _SHARE_FIRST and (share := percent_done(phrase)) is not None:
        return share, len(phrase)  # "- 80% complete", "- ~70% COMPLETE"
    if not phrase[:1].isalpha():  # (references, which a blank leads, never begin it)
        return None
    if last and ("#" in phrase or "@" in phrase):
        refs = refs_start(phrase)
        if refs is not None:  # "- in progress @kim": the references are no part of it
            phrase = phrase[:refs]
    phrase = phrase[: note_start(phrase)]  # "- in progress (web push pending)"
    head, colon, _ = phrase.partition(":")
    if colon and len(head) <= _PHRASE_MAX and (said := legend.word(head) or strong_word(head)):
        return said, len(head)  # "-- Done: body fetch, all folders": a note after the colon
    head, stop, _ = phrase.partition(". ")
    if stop and len(head) <= _PHRASE_MAX and (said := legend.word(head) or strong_word(head)):
        return said, len(head)  # "- WORK STARTED. The following still need wrappers": a note
    if len(phrase) > _PHRASE_MAX:
        return None
    status = (
        legend.word(phrase)
        or strong_word(phrase)
        or (strong_word(WHEN_TAIL.sub("", phrase)) if " " in phrase else None)
    )
    return None if status is None else (status, len(phrase))
