"""Choosing rules, running them, honouring suppressions, and collecting fixes.

Selectors are codes (``MP201``), code prefixes (``MP2``), names (``stale-roadmap``), groups
(``freshness``) or ``ALL``. For each rule the most specific matching selector decides between
``select`` and ``ignore`` (on a tie, ``ignore`` wins). An unknown selector is an error with the
nearest selectors as a hint.

Suppressions live in HTML comments, invisible when the Markdown is rendered:
``<!-- milepost: ignore MP101 -->`` for the next block (or, at the end of a line of text such
as a list item or a table row, for that line), ``<!-- milepost: ignore-file -->`` (optionally
with codes) for the whole file. A comment shown as code (in a code block, a code span or front
matter) is an example, not a suppression.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from milepost.document import (
    Block,
    BlockQuote,
    CodeBlock,
    Document,
    FrontMatter,
    ListBlock,
    Patch,
    apply,
    parse,
)
from milepost.errors import UsageError
from milepost.extract import extract
from milepost.extract.legend import config_legend
from milepost.model import Roadmap
from milepost.rules.base import Context, Diagnostic, Rule

__all__ = [
    "Fixed",
    "Suppressions",
    "choose_fixes",
    "code_blocks",
    "fix_until_stable",
    "run_rules",
    "select_rules",
]


def _specificity(selector: str, rule: Rule) -> int:
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


def is_known(selector: str, rules: Sequence[Rule]) -> bool:
    """Whether ``selector`` (a code, prefix, name, group or ALL) names any of ``rules``."""
    return any(_specificity(selector, rule) for rule in rules)


def select_rules(
    rules: Sequence[Rule], select: Iterable[str] = (), ignore: Iterable[str] = ()
) -> list[Rule]:
    """The rules that ``select`` and ``ignore`` leave switched on."""
    chosen = [s for s in select if s.strip()] or ["ALL"]
    dropped = [s for s in ignore if s.strip()]
    for selector in (*chosen, *dropped):
        if not is_known(selector, rules):
            names = [r.code for r in rules] + [r.name for r in rules]
            names += sorted({r.group for r in rules})
            import difflib  # only for a suggestion: most runs need none

            close = difflib.get_close_matches(selector, names, n=3, cutoff=0.5)
            hint = f"did you mean {', '.join(close)}?" if close else "see `milepost rule --all`"
            raise UsageError(f"unknown rule selector {selector!r}", hint=hint)
    out = []
    for rule in rules:
        on = max((_specificity(s, rule) for s in chosen), default=0)
        off = max((_specificity(s, rule) for s in dropped), default=0)
        if on > off:
            out.append(rule)
    return out


_COMMENT = re.compile(
    r"<!--\s*milepost:\s*(?P<kind>ignore-file|ignore)\b(?P<codes>[^>]*?)\s*-->", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Suppressions:
    """What a file's comments switch off: file-wide and per line range (0-based, half-open)."""

    whole_file: tuple[str, ...] = ()  # selectors; ("ALL",) for everything
    ranges: tuple[tuple[int, int, tuple[str, ...]], ...] = ()

    @classmethod
    def read(cls, document: Document) -> Suppressions:
        lines = document.source.lines
        whole: list[str] = []
        ranges: list[tuple[int, int, tuple[str, ...]]] = []
        for number, whole_file, codes, trailing in _comments(document):
            if whole_file:
                whole.extend(codes)
            elif trailing:  # after a list item's or a row's text: that line alone
                ranges.append((number, number + 1, codes))
            else:
                ranges.append((number, _next_block_end(lines, number + 1), codes))
        return cls(tuple(whole), tuple(ranges))

    def hides(self, diagnostic: Diagnostic, rule: Rule) -> bool:
        line = diagnostic.line - 1
        if any(_specificity(s, rule) for s in self.whole_file):
            return True
        return any(
            start <= line < end and any(_specificity(s, rule) for s in codes)
            for start, end, codes in self.ranges
        )


def suppression_comments(document: Document) -> Iterator[tuple[int, bool, tuple[str, ...]]]:
    """Each ``<!-- milepost: ignore[-file] CODES -->``: its line (0-based), whether it covers
    the whole file, and its selectors (``("ALL",)`` when it names none). Comments shown as
    code are examples, not suppressions, and are left out."""
    for number, whole_file, codes, _trailing in _comments(document):
        yield number, whole_file, codes


_ANY_COMMENT = re.compile(r"<!--.*?-->")
# A code span: a run of backticks, then anything up to the same run (CommonMark).
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)")


def _comments(document: Document) -> Iterator[tuple[int, bool, tuple[str, ...], bool]]:
    """:func:`suppression_comments`, each with whether text precedes it on its line."""
    code: set[int] | None = None
    for number, line in enumerate(document.source.lines):
        if "milepost" not in line:
            continue
        if code is None:  # worked out only for a file that has such comments
            code = {
                n for block in code_blocks(document.blocks) for n in range(block.start, block.end)
            }
        if number in code:
            continue
        text = _CODE_SPAN.sub(lambda m: " " * len(m[0]), line) if "`" in line else line
        for match in _COMMENT.finditer(text):
            codes = tuple(c for c in re.split(r"[\s,]+", match["codes"]) if c) or ("ALL",)
            before = _ANY_COMMENT.sub("", text[: match.start()]).strip()
            yield number, match["kind"].lower() == "ignore-file", codes, bool(before)


def code_blocks(blocks: Sequence[Block]) -> Iterator[Block]:
    """The code blocks and front matter among ``blocks``, at any depth."""
    for block in blocks:
        if isinstance(block, CodeBlock | FrontMatter):
            yield block
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from code_blocks(item.children)
        elif isinstance(block, BlockQuote):
            yield from code_blocks(block.children)


def _next_block_end(lines: Sequence[str], start: int) -> int:
    """The end of the block after ``start``: its first blank line after some content."""
    seen_content = False
    for number in range(start, len(lines)):
        if lines[number].strip():
            seen_content = True
        elif seen_content:
            return number
    return len(lines)


def run_rules(rules: Sequence[Rule], context: Context) -> list[Diagnostic]:
    """Every diagnostic of the rules on one roadmap, minus suppressed ones, sorted by place."""
    suppressions = Suppressions.read(context.roadmap.document)
    out = []
    for rule in rules:
        for diagnostic in rule.run(context):
            if not suppressions.hides(diagnostic, rule):
                out.append(diagnostic)
    out.sort(key=lambda d: (d.line, d.col, d.code))
    return out


def choose_fixes(
    diagnostics: Sequence[Diagnostic], *, unsafe: bool
) -> tuple[list[Patch], int, int]:
    """Patches to apply (no two overlapping), how many fixes they make, and how many were
    held back because they are unsafe and ``unsafe`` is off."""
    patches: list[Patch] = []
    taken: list[tuple[int, int]] = []
    applied = held = 0
    for diagnostic in diagnostics:
        fix = diagnostic.fix
        if fix is None:
            continue
        if not fix.safe and not unsafe:
            held += 1
            continue
        spans = [(p.start, p.end) for p in fix.patches]
        if any((a < e and s < b) or (a == b == s) for a, b in spans for s, e in taken):
            continue  # overlaps a fix already chosen: the next pass gets it
        patches.extend(fix.patches)
        taken.extend(spans)
        applied += 1
    return patches, applied, held


MAX_FIX_PASSES = 10


@dataclass(frozen=True, slots=True)
class Fixed:
    """The outcome of fixing one roadmap: its final text, what remains, what was done."""

    roadmap: Roadmap
    diagnostics: list[Diagnostic]
    applied: int
    held_back: int
    converged: bool


def fix_until_stable(rules: Sequence[Rule], context: Context, *, unsafe: bool) -> Fixed:
    """Apply fixes, re-parse, re-check, until nothing more can be fixed (at most 10 passes).

    Never trusts a model mutated in place: every pass parses the patched text again, with
    the config's status markers, as the first parse had.
    """

    applied = 0
    diagnostics = run_rules(rules, context)
    for _ in range(MAX_FIX_PASSES):
        patches, count, held = choose_fixes(diagnostics, unsafe=unsafe)
        if not patches:
            return Fixed(context.roadmap, diagnostics, applied, held, True)
        roadmap = context.roadmap
        source = apply(roadmap.document.source, patches)
        vocabulary = config_legend(context.config.statuses)
        context = replace(
            context, roadmap=extract(parse(source), path=roadmap.path, vocabulary=vocabulary)
        )
        applied += count
        diagnostics = run_rules(rules, context)
    _, _, held = choose_fixes(diagnostics, unsafe=unsafe)
    return Fixed(context.roadmap, diagnostics, applied, held, False)
