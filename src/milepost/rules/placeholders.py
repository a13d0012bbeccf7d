"""MP3xx: what a copy of the template brings along — placeholders and mojibake."""

from __future__ import annotations

import re
from collections.abc import Iterator

from milepost.document import (
    Block,
    BlockQuote,
    Heading,
    Inline,
    ListBlock,
    Paragraph,
    Patch,
    Table,
)
from milepost.model import Roadmap
from milepost.rules.base import Context, Diagnostic, Fix, FixAvailability, Rule, Severity

__all__ = ["RULES", "inlines_of"]

# Literal square brackets in rendered text (a link's brackets are gone by then) around words:
# "[Feature that shipped]", "[Track Name]", "[baseline]". Not task boxes, not "[1]" notes.
_BRACKETS = re.compile(r"\[(?=[^\]\d\s])([^\[\]\n]{2,80})\](?![(\[])")
_DATE_PLACEHOLDER = re.compile(r"\b(?:YYYY-MM-DD|YYYY-MM|Month YYYY|YYYY)\b")
_USER_PLACEHOLDER = re.compile(r"(?<![\w.])@username\b")
# Characters that UTF-8 text read as Windows-1252 starts with: â (E2), ð (F0), Ã (C3), Â (C2).
_MOJIBAKE_HINT = re.compile("[âðÃÂÅ][\u0080-\u02ff\u2000-\u2122]")


def _blocks(blocks: list[Block]) -> Iterator[tuple[int, Inline]]:
    for block in blocks:
        if isinstance(block, Heading | Paragraph):
            yield block.start, block.inline
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield item.start, item.inline
                yield from _blocks(item.children)
        elif isinstance(block, Table):
            for row in [block.head, *block.rows] if block.head else block.rows:
                for cell in row.cells:
                    yield cell.start, cell.inline
        elif isinstance(block, BlockQuote):
            yield from _blocks(block.children)


def inlines_of(roadmap: Roadmap) -> Iterator[tuple[int, Inline]]:
    """Every piece of rendered text with its first line: outside code, HTML and front matter."""
    return _blocks(roadmap.document.blocks)


def _column(line: str, needle: str) -> int:
    found = line.find(needle)
    return found + 1 if found >= 0 else 1


def _placeholders(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    lines = context.lines
    for start, inline in inlines_of(context.roadmap):
        text = inline.text
        if "[" not in text and "YYYY" not in text and "@username" not in text:
            continue
        found = [m.group() for m in _BRACKETS.finditer(text)]
        found += [m.group() for m in _DATE_PLACEHOLDER.finditer(text)]
        found += [m.group() for m in _USER_PLACEHOLDER.finditer(text)]
        for placeholder in found:
            line = start
            for number in range(start, min(start + 20, len(lines))):
                if placeholder in lines[number]:
                    line = number
                    break
            col = _column(lines[line], placeholder)
            yield rule.at(context, line, f"template placeholder {placeholder} left in", col=col)


def _mojibake(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    if not _MOJIBAKE_HINT.search(context.roadmap.document.source.text):
        return
    from ftfy import fix_encoding  # imported only when a file looks mojibake'd

    for number, line in enumerate(context.lines):
        bad = _MOJIBAKE_HINT.search(line)
        if bad is None:
            continue
        fixed = fix_encoding(line)
        if fixed == line:
            continue
        col = bad.start() + 1
        fix = Fix(
            (Patch(number, number + 1, (fixed,)),),
            safe=True,
            description="decode the mojibake back to the characters meant",
        )
        yield rule.at(
            context, number, "mojibake: UTF-8 text was read as Windows-1252", col=col, fix=fix
        )


RULES = (
    Rule(
        code="MP301",
        name="template-placeholder",
        group="placeholders",
        severity=Severity.WARNING,
        summary="Text from the template was never replaced.",
        why=(
            "A '[Feature that shipped]' or 'YYYY-MM-DD' left in a published roadmap tells readers "
            "the section was never filled in, and hides what the track actually did."
        ),
        bad="- ✅ **Completed:** [Feature that shipped]\n",
        good="- ✅ **Completed:** Context truncation API (#412)\n",
        check=_placeholders,
    ),
    Rule(
        code="MP302",
        name="mojibake",
        group="placeholders",
        severity=Severity.ERROR,
        summary="Characters were garbled by a wrong decode (âœ… for ✅, â†’ for →).",
        why=(
            "A copy of the template that went through a Windows-1252 editor turns every emoji "
            "and arrow into garbage; readers see 'ðŸš§' and tools cannot read the statuses."
        ),
        bad="- âœ… **Completed:** Dark mode\n",
        good="- ✅ **Completed:** Dark mode\n",
        check=_mojibake,
        fix=FixAvailability.ALWAYS,
        fix_safe=True,
    ),
)
