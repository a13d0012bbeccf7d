"""Small readers shared by the extractors: owners, references, titles."""

from __future__ import annotations

import re

from milepost.document import Inline
from milepost.extract.tag_words import tail_start
from milepost.lazy import lazy_pattern

__all__ = ["clean_title", "owners_in", "refs_in"]

# Each starts with its literal "@" or "#" and looks behind it afterwards: a pattern that opens
# with a literal is searched for in C, one that opens with a lookbehind is tried at every
# position (three times slower on an item's text).
_OWNER = re.compile(r"@(?<![\w.@/`]@)([A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?(?:/[\w-]+)?)\b")
_REF = re.compile(r"#(?<![\w&/#]#)(\d{1,7})\b")
# GitHub's reference to an issue of another repository: "crossplane/provider-gcp#131".
_CROSS_REF = lazy_pattern(r"(?<![\w./-])[A-Za-z0-9][\w.-]*/[\w.-]+#\d{1,7}\b")
_GH_URL = lazy_pattern(
    r"https?://github\.com/[\w.-]+/[\w.-]+/(?:issues|pull|pulls|discussions)/\d+"
)
# A tail of references up to the end: tokens ("(#12, @kim)", "#12", "@kim", a URL, a dash or
# a colon) with blanks between them. Written as the character that opens the tail, then what
# may follow that character: a pattern that opens with a character class is scanned for in C,
# one that opens with a repeat is tried at every position (the search ran three times slower).
_REF_GROUP = (
    r"(?:#\d+|@[\w-]+|PR\s*#?\d+|[Ii]ssues?\s*#?\d+|https?://\S+)"
    r"(?:[,\s]+(?:#\d+|@[\w-]+|https?://[^\s,()]+))*\)"
)
# A reference to another repository's issue: "provider-aws#536", "crossplane/provider-gcp#131"
# (a name of three characters at least: "C#12" is a language).
_REPO_REF = r"[A-Za-z0-9](?:[\w.-]*/[\w.-]+|[\w.-]{2,})#\d+"
_REPO_REF_WORD = lazy_pattern(_REPO_REF)
_TOKEN = rf"(?:\({_REF_GROUP}|#\d+|@[\w-]+|https?://\S+|{_REPO_REF}|[-–—:,;|])"
_MORE_TOKENS = rf"(?:\s*{_TOKEN})*\s*$"
_TRAILING = re.compile(
    r"[\s(#@h\-–—:,;|]"
    rf"(?:(?<=\s)\s*{_TOKEN}"
    rf"|(?<=\(){_REF_GROUP}"
    r"|(?<=#)\d+"
    r"|(?<=@)[\w-]+"
    r"|(?<=h)ttps?://\S+"
    r"|(?<=[-–—:,;|]))"
    rf"{_MORE_TOKENS}"  # once after the first token, not in each way of reading it
)
# A group of references with only bracketed notes after it: "(#361) (beta)", "(@kim) [RFC]".
_NOTES_TO_END = r"(?:\s*(?:\([^()]*\)|\[[^\[\]]*\]))+\s*$"
_REFS_BEFORE_NOTES = lazy_pattern(rf"\({_REF_GROUP}(?={_NOTES_TO_END})")
_REF_OPENERS = ("(#", "(@", "(PR", "(http", "(Issue", "(issue")
# Marker leftovers leading a title, but the colon that opens a ":shortcode:" decoration.
_LEADING = lazy_pattern(r"^(?:[\s\-–—|*]|:(?![a-z0-9_+-]+:))+")
# Spaces, "*" and runs of "_" opening a title, but a run that begins a word (the whole run,
# possessively: "__init__" keeps its own); :func:`_markup_end` finds those that end it.
_LEADING_MARKUP = lazy_pattern(r"^(?:[* ]|_++(?!\w))+")
_WORD_CHAR = lazy_pattern(r"\w")
# What the pattern can take at an end ("$" also matches before a final "\n"): a title with
# none of them at either end, most titles, skips the search (which tries every position).
_EDGE_CHARS = frozenset("* _\n")
_LEAD_CHARS = frozenset(" \t-–—:|*")
_TRAIL_CHARS = frozenset(")-–—:,;|")
# A glyph's shortcode ending a title: "Search :heavy_multiplication_x:". Tried from where a
# run of blanks begins, the run taken whole: from each blank of a long run it scanned on to
# the run's end, in quadratic time ("a", 80,000 blanks, "b:" took 7 s).
_SHORTCODE_END = lazy_pattern(r"(?<!\s)\s++:[a-z0-9_+-]++:$")


def owners_in(text: str) -> tuple[str, ...]:
    """``@name`` mentions (not e-mail addresses), in order, once each, with the ``@``."""
    if "@" not in text:
        return ()
    seen: dict[str, None] = {}
    for match in _OWNER.finditer(text):
        seen["@" + match.group(1)] = None
    return tuple(seen)


def refs_in(inline: Inline) -> tuple[str, ...]:
    """Issue references: ``#123`` in the text and GitHub issue/PR URLs of links or bare text."""
    text = inline.text
    if not inline.links and "#" not in text and "github.com" not in text:
        return ()
    seen: dict[str, None] = {}
    if "#" in text:
        for match in _REF.finditer(text):
            seen["#" + match.group(1)] = None
        if "/" in text:
            seen.update(dict.fromkeys(m.group() for m in _CROSS_REF.finditer(text)))
    for link in inline.links:
        if "github.com" in link.url and _GH_URL.match(link.url):
            seen[link.url] = None
    if "github.com" in text:
        for match in _GH_URL.finditer(text):
            seen[match.group()] = None
    return tuple(seen)


def clean_title(text: str) -> str:
    """An item's title: its words without marker leftovers, trailing refs or owners."""
    title = _LEADING.sub("", text) if text[:1] in _LEAD_CHARS else text
    title = title.rstrip()
    if title[-1:] == ":" and (code := _SHORTCODE_END.search(title)) is not None:
        title = title[: code.start()]  # "Search :hourglass:": a glyph typed, not words
    last_word = title[title.rfind(" ") + 1 :]
    if (
        title[-1:] in _TRAIL_CHARS
        or last_word[:1] in "@#"
        or last_word.startswith("http")
        or ("#" in last_word and _REPO_REF_WORD.fullmatch(last_word) is not None)
    ):
        tail = _TRAILING.search(title, tail_start(title))
        if tail is not None:
            title = title[: tail.start()].strip()
    if title[-1:] in ")]" and any(opener in title for opener in _REF_OPENERS):
        title = _without_refs_before_notes(title)
    return _without_edge_markup(title)


def _without_edge_markup(title: str) -> str:
    """``title`` without the spaces, ``*`` and ``_`` that markup left at its ends, but with
    the underscores of a word there: "__init__ hooks" (a code span's text), "MAX_" stay."""
    if title[:1] not in _EDGE_CHARS and title[-1:] not in _EDGE_CHARS:
        return title
    title = _LEADING_MARKUP.sub("", title, 1)
    ending = "\n" if title.endswith("\n") else ""  # what "$" would have stopped before
    body = title[: len(title) - len(ending)]
    return body[: _markup_end(body)] + ending


def _markup_end(text: str) -> int:
    """Where the spaces, ``*`` and runs of ``_`` that end ``text`` begin (a run of ``_``
    that ends a word is the word's: "MAX_"). Walked back from the end, once: a pattern
    anchored at the end is tried from every position, and a long run of "*" before a last
    other character made that quadratic."""
    end = len(text)
    while end:
        if text[end - 1] in "* ":
            end -= 1
            continue
        if text[end - 1] != "_":
            break
        start = end - 1
        while start and text[start - 1] == "_":
            start -= 1
        if start and _WORD_CHAR.match(text, start - 1):
            break  # "MAX_": the word's own
        end = start
    return end


def _without_refs_before_notes(title: str) -> str:
    """``Feature X (#361) (beta)`` → ``Feature X (beta)``: a group of references followed only
    by notes leaves the title, as it does when it ends the title."""
    start = tail_start(title)
    head, *notes = _REFS_BEFORE_NOTES.split(title[start:])
    if not notes:
        return title
    return " ".join(part.strip() for part in (title[:start] + head, *notes) if part.strip())
