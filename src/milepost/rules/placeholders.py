"""MP3xx: what a copy of the template brings along — placeholders and mojibake."""

from __future__ import annotations

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
from milepost.vocabulary.mojibake import HINT, repaired_line
from milepost.vocabulary.placeholders import (
    BRACKETS,
    DATE_PLACEHOLDER,
    USER_PLACEHOLDER,
    is_placeholder,
)

__all__ = ["RULES", "inlines_of"]


def _collect(blocks: list[Block], out: list[tuple[int, Inline]]) -> None:
    for block in blocks:
        if isinstance(block, Heading | Paragraph):
            out.append((block.start, block.inline))
        elif isinstance(block, ListBlock):
            for item in block.items:
                out.append((item.start, item.inline))
                if item.children:
                    _collect(item.children, out)
        elif isinstance(block, Table):
            for row in [block.head, *block.rows] if block.head else block.rows:
                out.extend((cell.start, cell.inline) for cell in row.cells)
        elif isinstance(block, BlockQuote):
            _collect(block.children, out)


def inlines_of(roadmap: Roadmap) -> list[tuple[int, Inline]]:
    """Every piece of rendered text with its first line: outside code, HTML and front matter."""
    out: list[tuple[int, Inline]] = []
    _collect(roadmap.document.blocks, out)
    return out


def _unquoted(inline: Inline) -> str:
    """The inline's text with its code spans blanked: code is never a placeholder."""
    text = inline.text
    for start, end in inline.code:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _column(line: str, needle: str) -> int:
    found = line.find(needle)
    return found + 1 if found >= 0 else 1


def _placeholders(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    lines = context.lines
    for start, inline in inlines_of(context.roadmap):
        text = inline.text
        if "[" not in text and "YYYY" not in text and "@username" not in text:
            continue
        if inline.code:
            text = _unquoted(inline)
        found = [m.group() for m in BRACKETS.finditer(text) if is_placeholder(m.group(1))]
        found += [m.group() for m in DATE_PLACEHOLDER.finditer(text)]
        found += [m.group() for m in USER_PLACEHOLDER.finditer(text)]
        for placeholder in found:
            line = start
            for number in range(start, min(start + 20, len(lines))):
                if placeholder in lines[number]:
                    line = number
                    break
            col = _column(lines[line], placeholder)
            yield rule.at(context, line, f"template placeholder {placeholder} left in", col=col)


def _mojibake(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    if not HINT.search(context.roadmap.document.source.text):
        return
    for number, line in enumerate(context.lines):
        bad = HINT.search(line)
        if bad is None:
            continue
        fixed = repaired_line(line)
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
