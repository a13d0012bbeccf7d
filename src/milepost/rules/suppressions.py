"""Suppression comments: ``<!-- milepost: ignore CODES -->`` for the next block (or, at the
end of a line of text such as a list item or a table row, for that line) and
``<!-- milepost: ignore-file CODES -->`` for the whole file, on one line or wrapped over
several (then the next block is the one after its last line); a comment shown as code (in a
code block, a code span or front matter) is an example, not a suppression. Which findings each
comment hides, and which comments hide nothing (MP106)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from milepost.document import Block, CodeBlock, Document, FrontMatter, descendants
from milepost.lazy import lazy_pattern
from milepost.rules.base import Diagnostic, Rule

__all__ = [
    "Comment",
    "CommentKey",
    "Suppressions",
    "code_blocks",
    "specificity",
    "suppression_comments",
    "unclosed_comments",
]


def specificity(selector: str, rule: Rule) -> int:
    """How precisely ``selector`` names ``rule`` (0: it does not)."""
    key = selector.strip()
    upper = key.upper()
    if upper == "ALL":
        return 1
    if upper == rule.code or key.lower() == rule.name:
        return 100
    if key.lower() == rule.group:
        return 2
    if upper.startswith("MP") and rule.code.startswith(upper):
        return 2 + len(upper)
    return 0


_COMMENT = lazy_pattern(
    r"<!--\s*milepost:\s*(?P<kind>ignore-file|ignore)\b(?P<codes>[^>]*?)\s*-->", re.IGNORECASE
)


#: A comment by where it opens: its line and column (0-based), so that two on a line are two.
CommentKey = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Comment:
    """One suppression comment: where it opens and closes (0-based line, column; the close
    just after its ``-->``), whether it covers the whole file, its selectors (``("ALL",)``
    when it names none), and whether it trails the text of a list item or a table row."""

    line: int
    col: int
    end_line: int
    end_col: int
    whole_file: bool
    selectors: tuple[str, ...]
    trailing: bool

    @property
    def key(self) -> CommentKey:
        return self.line, self.col


@dataclass(frozen=True, slots=True)
class Suppressions:
    """What a file's comments switch off: each comment, and the line range (0-based,
    half-open) it covers (the whole file: ``None``)."""

    covering: tuple[tuple[Comment, tuple[int, int] | None], ...] = ()

    @classmethod
    def read(cls, document: Document) -> Suppressions:
        block_end: list[int] | None = None
        covering: list[tuple[Comment, tuple[int, int] | None]] = []
        for comment in suppression_comments(document):
            if comment.whole_file:
                covering.append((comment, None))
            elif comment.trailing:  # after a list item's or a row's text: that line alone
                covering.append((comment, (comment.line, comment.end_line + 1)))
            else:
                if block_end is None:  # worked out once, for a file with such comments
                    block_end = _block_ends(document.source.lines)
                covering.append((comment, (comment.line, block_end[comment.end_line + 1])))
        return cls(tuple(covering))

    def hiding(self, diagnostic: Diagnostic, rule: Rule) -> list[CommentKey]:
        """The comments that hide ``diagnostic`` of ``rule`` (none: shown)."""
        line = diagnostic.line - 1
        return [
            comment.key
            for comment, lines in self.covering
            if (lines is None or lines[0] <= line < lines[1])
            and any(specificity(s, rule) for s in comment.selectors)
        ]

    def comments(self) -> list[Comment]:
        """Every comment, in the file's order."""
        return sorted((c for c, _ in self.covering), key=lambda c: c.key)


_ANY_COMMENT = lazy_pattern(r"<!--.*?-->")
# A code span: a run of backticks, then anything up to the same run (CommonMark).
_CODE_SPAN = lazy_pattern(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)")


def suppression_comments(document: Document) -> Iterator[Comment]:
    """Each ``<!-- milepost: ignore[-file] CODES -->`` of the document, in its order: outside
    code (a comment shown as code is an example), one line or several; each trails the text
    of a list item or of a table row (then it covers that line alone; after a heading, a
    table's header or a paragraph's text it covers the next block, as on a line of its own)
    or not."""
    lines = document.source.lines
    for number, text, joined, ends, _closed in _openings(document):
        pos = 0
        while (start := text.find("<!--", pos)) >= 0:
            match = _COMMENT.match(joined, start)
            if match is None:
                pos = start + 4
                continue
            pos = match.end()
            last = bisect.bisect_right(ends, match.end() - 1)  # the line of its "-->"
            codes = tuple(c for c in re.split(r"[\s,]+", match["codes"]) if c) or ("ALL",)
            before = _ANY_COMMENT.sub("", text[: match.start()]).strip()
            after = lines[number + 1] if number + 1 < len(lines) else ""
            yield Comment(
                number,
                match.start(),
                number + last,
                match.end() - (ends[last - 1] if last else 0),
                match["kind"].lower() == "ignore-file",
                codes,
                _one_line(before, after),
            )


# (line, its text with code spans blanked, that text read on to the line that closes the
# comment it leaves open, where each line read ends in it, whether that comment closed)
_Opening = tuple[int, str, str, list[int], bool]


def _openings(document: Document) -> Iterator[_Opening]:
    """Each line outside code that opens an HTML comment, with the text that a comment it
    leaves open runs on to. The lines such a comment takes are inside it: a ``<!--`` there
    opens nothing (the part of its last line after its ``-->`` is read, though); one never
    closed takes the rest of the file. Each line is read once, however many comments."""
    code: set[int] | None = None
    reach: _Reach | None = None
    lines = document.source.lines
    inside_until, cut = -1, 0  # the last line of a comment read on, and where it closes there
    for number, line in enumerate(lines):
        if number < inside_until:
            continue
        skip = cut if number == inside_until else 0
        if "<!--" not in line[skip:]:  # then the pattern, which takes "Milepost:" too
            continue
        if code is None:  # worked out only for a file that has such comments
            code = _code_lines(document)
        if number in code:
            continue
        text = " " * skip + _without_code_spans(line[skip:])
        if reach is None and "-->" not in text[text.rfind("<!--") + 4 :]:
            reach = _Reach.of(lines)  # worked out only for a file that leaves one open
        joined, ends, closed, end = _read_on(lines, number, text, reach)
        yield number, text, joined, ends, closed
        if end > number + 1:
            if not closed and end == len(lines):
                return  # a comment never closed: the rest of the file is in it
            if closed:
                inside_until = end - 1
                cut = joined.index("-->", ends[-2]) + 3 - ends[-2]


_NEW_BLOCK = lazy_pattern(r" {0,3}(?:[-*+]\s|\d{1,9}[.)]\s|#|\||>)")


@dataclass(frozen=True, slots=True)
class _Reach:
    """For each line (and the end), the first line from it on that holds a ``-->``, and the
    first that ends a paragraph (blank, or starting another block): worked out once, from the
    end, so that a comment left open is read on in one step, not line by line (the lines of a
    long paragraph, each leaving one open, made the square of its lines)."""

    closes: list[int]
    breaks: list[int]

    @classmethod
    def of(cls, lines: Sequence[str]) -> _Reach:
        count = len(lines)
        closes, breaks = [count] * (count + 1), [count] * (count + 1)
        for number in range(count - 1, -1, -1):
            line = lines[number]
            closes[number] = number if "-->" in line else closes[number + 1]
            ends = not line.strip() or _NEW_BLOCK.match(line) is not None
            breaks[number] = number if ends else breaks[number + 1]
        return cls(closes, breaks)


def _read_on(
    lines: Sequence[str], number: int, text: str, reach: _Reach | None
) -> tuple[str, list[int], bool, int]:
    """``text`` (line ``number``), and when it leaves a comment open, the lines after it up to
    the one that closes it; a comment in a line's text (a list item's, a paragraph's) ends
    with its paragraph, at a blank line or a line that starts another block (an item, a
    heading, a row, a quote). Also where each line ends in the text, whether the comment
    closed, and the line after the last one it takes. Of a comment never closed, only the
    lines that may hold the rest of its ``milepost: ignore`` are in the text."""
    at = text.rfind("<!--")
    if reach is None or "-->" in text[at + 4 :]:
        return text, [len(text)], True, number + 1
    stop = reach.breaks[number + 1] if text[:at].strip() else len(lines)
    closed = reach.closes[number + 1] < stop
    end = reach.closes[number + 1] + 1 if closed else stop
    joined, ends = [text], [len(text)]
    for line in lines[number + 1 : end if closed else min(end, number + 3)]:
        joined.append(line)
        ends.append(ends[-1] + len(line))
    return "".join(joined), ends, closed, end


_LIST_ITEM = lazy_pattern(r"(?:[-*+]|\d{1,9}[.)])(?:\s|$)")
_DELIMITER_ROW = lazy_pattern(r"\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")


def _one_line(before: str, after: str) -> bool:
    """Whether a comment after ``before`` on its line (``after``: the next line) covers that
    line alone: it trails a list item's text or a table body row."""
    if not before:
        return False
    if _LIST_ITEM.match(before):
        return True
    return before.startswith("|") and _DELIMITER_ROW.match(after) is None


def code_blocks(blocks: Sequence[Block]) -> Iterator[Block]:
    """The code blocks and front matter among ``blocks``, at any depth."""
    return (b for b in descendants(blocks) if isinstance(b, CodeBlock | FrontMatter))


def _block_ends(lines: Sequence[str]) -> list[int]:
    """For each line (and the end), the end of the block from it on: the first blank line
    after the first line with content, all in one pass from the end (a comment's block, found
    line by line, made many comments without blank lines take the square of the lines)."""
    count = len(lines)
    ends = [count] * (count + 1)
    blank = content_end = count  # the next blank line; the end of the next block
    for number in range(count - 1, -1, -1):
        if lines[number].strip():
            content_end = blank
        else:
            blank = number
        ends[number] = content_end
    return ends


def _without_code_spans(line: str) -> str:
    """``line`` with its code spans blanked out, character for character."""
    return _CODE_SPAN.sub(lambda m: " " * len(m[0]), line) if "`" in line else line


def _code_lines(document: Document) -> set[int]:
    """The lines (0-based) of the document's code blocks and front matter."""
    return {n for block in code_blocks(document.blocks) for n in range(block.start, block.end)}


# The text after the "<!--" of a suppression comment.
_SUPPRESSION_TEXT = lazy_pattern(r"\s*milepost:\s*ignore", re.IGNORECASE)


def unclosed_comments(document: Document) -> Iterator[int]:
    """The lines (0-based) that open suppression comments never closed, outside code: they
    are not read (and one that starts a block hides the rest of the file when shown)."""
    for number, text, joined, _ends, closed in _openings(document):
        if not closed and _SUPPRESSION_TEXT.match(joined, text.rfind("<!--") + 4):
            yield number
