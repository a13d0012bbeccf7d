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
# Which of them is a placeholder is _is_placeholder's call: "[RFC 7]" is a citation.
_BRACKETS = re.compile(r"\[(?=[^\]\d\s])([^\[\]\n]{2,80})\](?![(\[])")
_DATE_PLACEHOLDER = re.compile(r"\b(?:YYYY-MM-DD|YYYY-MM|Month YYYY|YYYY)\b")
_USER_PLACEHOLDER = re.compile(r"(?<![\w.])@username\b")
# The bracketed placeholders of the track roadmap template (render.scaffold.TEMPLATE; a test
# keeps the two in step), lower-cased, curly apostrophes straightened.
_TEMPLATE_PLACEHOLDERS = frozenset(
    {
        "+6 months",
        "baseline",
        "brief description",
        "constraint description and impact",
        "current month",
        "description",
        "external system",
        "feature being developed",
        "feature planned for next month",
        "feature starting soon",
        "feature that shipped",
        "high-level theme for current work",
        "high/medium/low",
        "how this helps users/system",
        "how this track's roadmap aligns with overall massgen goals",
        "how we'll know we succeeded",
        "how we're addressing this",
        "how we're working together",
        "impact",
        "link to case study or docs",
        "major feature",
        "month",
        "name",
        "next month",
        "other track",
        "paragraph describing where this track is headed in the long term",
        "quarter",
        "quarter/year",
        "status: planned/in progress/completed",
        "target",
        "track name",
        "what needs to happen first",
        "what this enables",
        "what we need and impact if delayed",
        "what we need from them and when",
        "why this matters",
    }
)
# Placeholder shapes beyond the template's own (other templates, hand-made stubs):
# a fill-in mark ("[Issue #XXX]", "[TBD]", "[Insert link]", "[name...]") ...
_FILL_IN = re.compile(
    r"(?i)(?:\bX{2,}\b|\bYYYY\b|\b(?:TBD|TBA|TODO|FIXME|placeholder|insert|e\.g\.)(?!\w)"
    r"|\.\.\.|…)"
)
# ... a question for the author to answer ("[How we depend on them]", "[Why this matters]") ...
_PROMPT = re.compile(
    r"(?i)^(?:how|what|why|who|when|where|which|if|describe|link\s+to"
    r"|(?:one|a)\s+(?:sentence|line|paragraph))\s+\w"
)
# ... a choice between word alternatives ("[High/Medium/Low]", "[None | Description]") ...
_ALTERNATIVE_SPLIT = re.compile(r"\s*[/|]\s*")
# ... or only the words templates name their slots with ("[Feature Name]", "[Day of week]",
# "[target value]", "[Priority 1]"). "[RFC 7]", "[Smith 2020]", "[WIP]" are none.
_FUNCTION_WORDS = frozenset(("of", "the", "a", "an", "for", "and", "or", "to", "in", "this"))
_SLOTS = (
    "name names title description details summary notes date day days week weeks month "
    "months quarter year time timezone owner owners lead team track feature features task "
    "tasks item items project module component path paths link url value target baseline "
    "current metric impact purpose reason decision status version issue number person "
    "user username email theme goal milestone risk mitigation thing system area "
    "constraint dependency blocker blockers priority context meeting steps unblock "
    "other any brief short specific relevant major minor main high-level next previous "
    "last first external internal new your"
)
_SLOT_WORDS = _FUNCTION_WORDS | frozenset(_SLOTS.split())
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
_SLOT_SHAPE = re.compile(r"^[^\W\d_]+(?:[-'\s][^\W\d_]+)*(?:\s\d{1,2})?$")  # words, a number
# Characters that UTF-8 text read as Windows-1252 starts with: â (E2), ð (F0), Ã (C3), Â (C2).
_MOJIBAKE_HINT = re.compile("[âðÃÂÅ][\u0080-\u02ff\u2000-\u2122]")


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


def _is_placeholder(inner: str) -> bool:
    """Whether the words between literal brackets are a slot left to fill, not a citation."""
    inner = inner.strip()
    if inner.lower().replace("\u2019", "'") in _TEMPLATE_PLACEHOLDERS:
        return True
    if _FILL_IN.search(inner) or _PROMPT.match(inner):
        return True
    choices = _ALTERNATIVE_SPLIT.split(inner)
    if len(choices) > 1 and all(_choice(choice) for choice in choices):
        return True  # not "[CI/CD]", not "[RFC 7/8]"
    words = _WORD.findall(inner)
    return (
        bool(words)
        and _SLOT_SHAPE.match(inner) is not None
        and all(word.lower() in _SLOT_WORDS for word in words)
        and any(word.lower() not in _FUNCTION_WORDS for word in words)
    )


def _choice(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and not any(c.isdigit() for c in text) and not text.isupper()


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
        found = [m.group() for m in _BRACKETS.finditer(text) if _is_placeholder(m.group(1))]
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
