"""The ``(glyph, meaning)`` pairs a legend writes out in a paragraph (``**Status Legend:** 🟢
Active | 🔴 Blocked``), a code block set for its layout, or a table of symbols and their
meanings (``| 🚀 | Released |``); and the label that names a legend ("Legend:", "Key").
:mod:`.legend` finds them in a document and reads their meanings."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from milepost.document import Table
from milepost.extract.legend_meanings import meaning_status
from milepost.lazy import lazy_pattern
from milepost.vocabulary.legend import glyph_key
from milepost.vocabulary.status import emoji_at, pictograph_at
from milepost.vocabulary.status_labels import is_status_header

__all__ = [
    "GLYPH_SEPARATOR",
    "box_pairs",
    "code_lines",
    "code_pairs",
    "definition",
    "legend_label",
    "legend_table",
    "line_pairs",
    "paragraph_pairs",
]

# What a paragraph or heading over a legend list says: "Legend:", "Key", "How to read this"
# (or a sentence that introduces the marks, see below).
_LEGEND_LABEL = re.compile(
    r"(?i)(?:(?:status(?:es)?|symbols?|icons?|emoji|status key)\s+)?(?:legend|key)"
    r"|.*\blegend\b.*|.*\bhow to read\b.*|symbols|icons|emojis?|(?:status\s+)?indicators"
    # in other languages: "Símbolos", "Leyenda", "Légende", "Legenda", "Легенда", "凡例",
    # "状态图例" (a status legend), "进度说明" (what the progress marks say), "범례", "상태
    # 표시" (how statuses are shown)
    r"|símbolos|simbolos|leyenda|légende|legende|legenda|symbole|simboli|легенда"
    r"|(?:状态|狀態|ステータス)?(?:凡例|图例|圖例)|(?:状态|狀態|进度|進度|图标|圖標)(?:说明|說明)"
    r"|범례|상태 범례|상태 표시"
)
_LABEL_MAX = 40
# A sentence that introduces the marks a list explains, ending in a colon: "Items in each
# section include the following icons:", "We use these symbols:".
_MARKS_INTRO = re.compile(
    r"(?i).*\b(?:following|these)\s+(?:status\s+)?(?:icons|symbols|emojis?|markers|badges)\b"
    r"[^.!?]*:"
)
_INTRO_MAX = 120


@lru_cache(maxsize=512)  # a section's title is asked again for each of its lists
def legend_label(label: str) -> bool:
    said = label.strip().rstrip(" *_")
    if len(said) <= _INTRO_MAX and said.endswith(":") and _MARKS_INTRO.fullmatch(said):
        return True  # "Items in each section include the following icons:"
    words = label.strip().strip(" *_:：")  # a full-width colon too: "**状态图例**："
    if not words or len(words) > _LABEL_MAX or "|" in words:
        return False
    if _LEGEND_LABEL.fullmatch(words) is None:  # first: most labels are no legend's
        return False
    return not any(pictograph_at(words, at) is not None for at in range(len(words)))


# "✅ Done", "✅ = Done", "🚀: Released", "Now = in flight", "Next — queued": a marker, a
# separator (none after a glyph but a blank), a meaning.
GLYPH_SEPARATOR = lazy_pattern(r"\s*(?P<sep>--|=|:|—|–|-|→)?\s*")


def code_pairs(lines: tuple[str, ...]) -> list[tuple[str, str]]:
    """A legend set in a code block for its layout, its label on its first line ("Legend:"
    over "🟢 Completed    🟡 In Progress"): read as a legend paragraph; other code is none."""
    if not lines or len(lines) > 8 or not _CODE_LABEL.match(lines[0].strip()):
        return []
    return paragraph_pairs(" ".join(line.strip() for line in lines))


# The label opening a legend's code block: "Legend:", "Status legend", "Key:".
_CODE_LABEL = lazy_pattern(r"(?i)(?:status\s+)?(?:legend|key)\b.{0,24}$")


def paragraph_pairs(text: str) -> list[tuple[str, str]]:
    """A legend paragraph's ``(glyph, meaning)`` pairs: milepost's own glyphs in one that
    says "legend" or has pipes, any glyph in one that is all definitions
    (:func:`_defined_line`)."""
    pairs: list[tuple[str, str]] = []
    if "legend" in text.lower() or text.count("|") > 1:
        pairs = _pairs(text)
    if "|" in text or ":" in text[: _LABEL_MAX + 1]:
        pairs += _defined_line(text)
    if text.count("(") > 1 and not text.isascii():
        pairs += _bracketed_pairs(text)
    return pairs


# A meaning in brackets after its glyph, in a sentence: "✅ (complete)".
_MEANING_IN_BRACKETS = lazy_pattern(r"\s?\((?P<meaning>[^()]{2,30})\)")
_GLYPH_MAX = 4  # code points of a glyph: a base, a variation selector, a joiner, a base


def _bracketed_pairs(text: str) -> list[tuple[str, str]]:
    """A legend written as a sentence, each glyph with its meaning in brackets after it
    ("Status icons use ✅ (complete), 🟨 (in progress), and ⬜ (not started)."): two or more
    pairs, each meaning a status; none where any bracket after a glyph says something else
    ("Linux 🐧 (mostly)"). The longest glyph that ends right before a bracket is its ("🧑‍💻",
    not its "💻")."""
    pairs: list[tuple[str, str]] = []
    for found in _MEANING_IN_BRACKETS.finditer(text):
        before = found.start()
        for back in range(_GLYPH_MAX, 0, -1):
            at = before - back
            if at >= 0 and pictograph_at(text, at) == before:
                meaning = found["meaning"].strip()
                if meaning_status(meaning) is None:
                    return []
                pairs.append((glyph_key(text[at:before]), meaning))
                break
    return pairs if len(pairs) > 1 else []


def line_pairs(lines: Sequence[str]) -> list[tuple[str, str]]:
    """The pairs of the lines of a paragraph, each read alone as :func:`_defined_line` does: a
    legend on a line of a longer paragraph ("**Légende**" over "Statut : ✅ fait · ⬜ à faire";
    "> Last updated: May 2026" over "> Status legend: ✅ Complete | 🟡 Partial"); or a
    definition a line, each with its sign ("✔️ = Done", then "🚧 = In Progress"), under a
    legend's label or none."""
    pairs: list[tuple[str, str]] = []
    alone: list[tuple[str, str] | None] = []
    for at, line in enumerate(lines):
        text = _LINE_MARKUP.sub("", _LINE_BREAK.sub("", line.strip().lstrip("> \t")))
        if at == 0 and len(lines) > 2 and legend_label(text):
            continue  # "**Legend:**" over a definition a line
        pairs += _defined_line(text)
        alone.append(definition(text.strip(), signed=True))
    defined = [pair for pair in alone if pair is not None]
    return pairs + defined if len(defined) > 1 and len(defined) == len(alone) else pairs


def code_lines(lines: Sequence[str]) -> list[tuple[str, str]]:
    """The pairs of a legend of codes in capitals, one a line ("C - Complete", then "D -
    Doing", "NW - Not working on yet"): two or more lines, each a code, a separator and its
    meaning; none for a paragraph with a line of anything else."""
    pairs = [_CODE_LINE.fullmatch(_LINE_BREAK.sub("", line.strip())) for line in lines]
    if len(pairs) < 2 or any(pair is None for pair in pairs):
        return []
    return [(pair["code"], pair["meaning"]) for pair in pairs if pair is not None]


# A code a legend defines, in capitals, and its meaning: "NW - Not working on yet", "NS =
# not started", "C: Complete".
_CODE_LINE = lazy_pattern(r"(?P<code>[A-Z]{1,4})[ \t]*(?:[-–—=]|:)[ \t]*(?P<meaning>\S.*)")


def box_pairs(lines: Sequence[str]) -> list[tuple[str, str]]:
    """The pairs of a legend of boxes, one a line ("[] - not Started", "[*] - in Progress",
    "[+] - Completed"), under a legend's label or heading: two or more lines, each a box
    (a mark or none between its brackets), a separator or none, and its meaning; none for
    lines that are anything else."""
    pairs = [_BOX_LINE.fullmatch(_LINE_BREAK.sub("", line.strip()).strip("`")) for line in lines]
    if len(pairs) < 2 or any(pair is None for pair in pairs):
        return []
    return [(pair["box"], pair["meaning"]) for pair in pairs if pair is not None]


# A box a legend defines: "[ ]", "[x]", "[~]", "[!]", "[]" (a blank after it on a line).
_BOX_TEXT = r"\[(?:[^\]\w]|[xX])?\]"
_BOX = lazy_pattern(_BOX_TEXT + r"(?=[ \t])")
# A legend's line of a box and its meaning: "[*] - in Progress", "[ ] = open", "[] todo".
_BOX_LINE = lazy_pattern(
    rf"(?P<box>{_BOX_TEXT})[ \t]*(?:(?:--|[-–—=:→])[ \t]*)?(?P<meaning>[^\W\d].{{0,40}}?)[ \t]*"
)

# A hard break written at the end of a legend's line: "✔️ = Done<br>", "❌ = To do\".
_LINE_BREAK = lazy_pattern(r"(?:<br\s*/?>|\\)$")

# The markup a legend's line may hold around its label: "**Status:**", "`Legend`".
_LINE_MARKUP = lazy_pattern(r"\*\*|__|`")

# What separates the definitions of a one-line legend: "✅ Done | 🔧 In Progress", "..., ...",
# a dash between blanks before a glyph ("⬜ planned - 🟨 in progress"). (Blanks before it are
# taken from where their run begins only: tried at each blank of a long run, they would be
# scanned to its end each time.)
# Between two definitions: a bar, a comma, a dot; a dash or a slash before the next glyph
# ("✅ 完全互換 / ⚠️ 部分互換").
_LINE_SEPARATOR = re.compile(
    r"(?:(?<!\s)\s+)?(?:[|,;·•]\s*|[-–—]\s+(?=[^\w\s\x00-\x7f])|/\s*(?=[^\w\s\x00-\x7f]))"
)


# "Symbols" in Japanese and Chinese, a label before a line of definitions ("記号: ✅ 完全互換 /
# ⚠️ 部分互換"); over a section they are its subject ("## 符号", symbol tables).
_MARKS = frozenset({"記号", "记号", "記號", "符号", "符號"})


def _defined_line(text: str) -> list[tuple[str, str]]:
    """A paragraph that is nothing but definitions, after a legend's label or none ("Legend:
    ✅ Done | 🔧 In Progress | 🔷 Planned", "**Status key:** ✅ Done, 🔧 In Progress", "Statut :
    ✅ fait · ⬜ à faire"): two or
    more, each a glyph (any pictograph), a separator or none, and its meaning. A glyph in
    running prose defines nothing: one part that is no definition, and none is read."""
    label, colon, rest = text.partition(":")
    labelled = legend_label(label) or is_status_header(label) or label.strip(" *_") in _MARKS
    body = rest if colon and labelled else text
    parts = _LINE_SEPARATOR.split(body.strip().strip("|").strip())
    if len(parts) < 2:
        return []
    pairs: list[tuple[str, str]] = []
    for part in parts:
        pair = definition(part)
        if pair is None:
            return []
        pairs.append(pair)
    return pairs


def definition(part: str, *, signed: bool = False) -> tuple[str, str] | None:
    """One definition, a glyph (any pictograph, or a box: "`[~]` in progress"), a separator
    or none (``signed``: one, "=", ":", a dash or an arrow), and its meaning: ``(glyph,
    meaning)``, else None."""
    box = _BOX.match(part) if part[:1] == "[" else None
    end = box.end() if box is not None else pictograph_at(part) if part else None
    if end is None:
        return None
    separator = GLYPH_SEPARATOR.match(part, end)
    assert separator is not None  # everything in it is optional
    meaning = part[separator.end() :].strip(" .")
    if not meaning[:1].isalpha() or (signed and not separator["sep"]):
        return None
    return (box.group() if box is not None else glyph_key(part[:end])), meaning


_PAIR = lazy_pattern(r"(?P<word>[A-Za-z][A-Za-z' -]{1,24})")


def _pairs(text: str) -> list[tuple[str, str]]:
    pairs = []
    pos = 0
    while pos < len(text):
        found = emoji_at(text, pos)
        if found is None:
            pos += 1
            continue
        glyph, end = found
        match = _PAIR.match(text, end + (1 if text[end : end + 1] == " " else 0))
        if match:
            pairs.append((glyph, match.group("word").strip(" -").split(" |")[0]))
        pos = end
    return pairs


# What the column of glyphs and the column of meanings of a legend table are headed.
_GLYPH_HEADERS = frozenset(
    {"symbol", "symbols", "icon", "icons", "emoji", "glyph", "glyphs", "marker", "markers"}
    | {"sign", "key", "legend", "badge", "mark", "annotation"}
    | {"symbole", "símbolo", "simbolo", "легенда", "マーカー", "記号", "符号", "标记", "標記"}
)
_MEANING_HEADERS = frozenset(
    {"meaning", "meanings", "means", "definition", "stands for"}
    | {"signification", "significado", "bedeutung", "significato", "значение", "意味", "含义"}
)
# Headers that name pieces of work: a column of them beside glyphs is a roadmap's table.
_WORK_HEADERS = frozenset(
    {"feature", "features", "item", "items", "task", "tasks", "title", "name", "deliverable"}
    | {"milestone", "milestones", "request", "requests", "theme", "epic", "goal", "project"}
)


def legend_table(table: Table) -> list[tuple[str, str]] | None:
    """A two-column table that explains glyphs, each row a glyph alone in one column and its
    meaning in the other (``| 🚀 | Released |``): its ``(glyph, meaning)`` pairs, else None;
    or one laid across, statuses in its header over a row of glyphs (:func:`_legend_row`).

    Its header names it a legend (Symbol, Icon, Emoji, ... or Meaning), else each of its
    meanings is a status: a glyph column beside pieces of work (``| ✅ | Search |``) is a
    roadmap's table, not a legend.
    """
    header = [h.lower().strip(" *_:") for h in table.header()]
    if len(header) > 2 and len(table.rows) == 1:
        return _legend_row(table)
    if len(header) > 2:
        return _legend_columns(table, header)
    if len(header) != 2 or not table.rows:
        return None
    pairs: list[tuple[str, str]] = []
    column: int | None = None
    unmarked = 0  # rows that name a mark in words ("| bullet | work not started |")
    for row in table.rows:
        cells = [c.inline.text.strip() for c in row.cells[:2]]
        if len(cells) != 2:
            return None
        at = next((i for i in (0, 1) if _lone_glyph(cells[i]) is not None), None)
        if at is None and all(any(char.isalpha() for char in cell) for cell in cells):
            unmarked += 1
            if cells[0].lower() in PLAIN_BULLET:  # "| bullet | work not started |"
                pairs.append(("", cells[1]))
            continue
        if at is None and not all(cells) and any(cells):
            continue  # "| | Planned |": what no mark means, which the items say no way
        if at is None or (column is not None and at != column):
            return None
        column = at
        glyph, meaning = _lone_glyph(cells[at]), cells[1 - at]
        if glyph is None or not any(char.isalpha() for char in meaning):
            return None
        pairs.append((glyph, meaning))
    if column is None:
        return None
    glyphs_header, meanings_header = header[column], header[1 - column]
    if meanings_header in _WORK_HEADERS:
        return None
    named = glyphs_header in _GLYPH_HEADERS or meanings_header in _MEANING_HEADERS
    if unmarked and not (named and len(pairs) > 1):
        return None  # words beside words: a legend only where its header says so
    if named or all(meaning_status(meaning) is not None for _, meaning in pairs):
        return pairs
    return None


# How a legend names an item's want of a marker: "| bullet | work not started |".
PLAIN_BULLET = frozenset(
    {"bullet", "plain bullet", "no mark", "no marker", "unmarked", "no icon", "no emoji"}
)
# What may stand beside a legend's glyphs and their names: what each means.
_DESCRIPTIONS = _MEANING_HEADERS | {"description", "descriptions", "details", "explanation"}
# Columns that say how a legend's glyph is typed.
_TYPED = frozenset({"code", "shortcode", "markdown", "syntax"})


def _legend_columns(table: Table, header: list[str]) -> list[tuple[str, str]] | None:
    """A legend of three columns or more: a glyph alone in each row under a glyph header, the
    status it stands for under a Status header, and what it means beside them (``| Status |
    Emoji | Description |`` over ``| Planned | 📅 | Planned and scheduled |``), or with no
    Status column, what it means and how it is typed (``| Emoji | Code | Meaning |``); its
    ``(glyph, status or meaning)`` pairs, else None. No column names work, and each status
    or meaning is listed once."""
    glyphs = next((i for i, h in enumerate(header) if h in _GLYPH_HEADERS), None)
    names = next((i for i, h in enumerate(header) if is_status_header(h)), None)
    others = _DESCRIPTIONS
    if names is None:  # "| Emoji | Code | Meaning |": what each means, the way to type it
        names = next((i for i, h in enumerate(header) if h in _MEANING_HEADERS), None)
        others = _TYPED
    if glyphs is None or names is None or not table.rows:
        return None
    if not set(header) - {header[glyphs], header[names]} <= others:
        return None  # "| Feature | Status | Icon |": a roadmap's table
    pairs: list[tuple[str, str]] = []
    for row in table.rows:
        if max(glyphs, names) >= len(row.cells):
            return None
        glyph = _lone_glyph(row.cells[glyphs].inline.text.strip())
        name = row.cells[names].inline.text.strip()
        if glyph is None or not any(char.isalpha() for char in name):
            return None
        pairs.append((glyph, name))
    return pairs if len({name.lower() for _, name in pairs}) == len(pairs) else None


def _legend_row(table: Table) -> list[tuple[str, str]] | None:
    """A legend laid across: statuses in the header, each glyph alone under its status (``|
    Completed | In Progress | On Hold |`` over ``| ✔ | ✏️ | ❗️ |``), or the glyphs in the
    header over their statuses (``|✅|🚧|📋|`` over ``|Done|In Progress|planned|``); its
    pairs, else None."""
    meanings = [h.strip(" *_:") for h in table.header()]
    marks = [c.inline.text.strip() for c in table.rows[0].cells]
    if all(_lone_glyph(meaning) for meaning in meanings):  # the glyphs over their meanings
        meanings, marks = [mark.strip(" *_:") for mark in marks], meanings
    glyphs = [_lone_glyph(mark) for mark in marks]
    if len(glyphs) != len(meanings) or any(g is None for g in glyphs):
        return None
    if any(meaning_status(meaning) is None for meaning in meanings):
        return None
    return [(glyph, meaning) for glyph, meaning in zip(glyphs, meanings, strict=True) if glyph]


def _lone_glyph(text: str) -> str | None:
    """The glyph ``text`` is, alone (any pictograph or ``:shortcode:``, or a box of a task
    list's own kind: ``[~]``), as a legend keys it."""
    if text[:1] == "[":  # "[~]", and the task boxes beside it: "[x]", "[ ]"
        return text if len(text) == 3 and text[2] == "]" and text[1] != "]" else None
    end = pictograph_at(text) if text else None
    return glyph_key(text) if end is not None and end == len(text) else None
