"""Choosing rules, running them, honouring suppressions, and collecting fixes.

Selectors are codes (``MP201``), code prefixes (``MP2``), names (``stale-roadmap``), groups
(``freshness``) or ``ALL``. For each rule the most specific matching selector decides between
``select`` and ``ignore`` (on a tie, ``ignore`` wins). An unknown selector is an error with the
nearest selectors as a hint.

Suppressions live in HTML comments, invisible when the Markdown is rendered:
``<!-- milepost: ignore MP101 -->`` for the next block (or, at the end of a list item or a
table row, for that line; see :mod:`.suppressions`), ``<!-- milepost: ignore-file -->``
(optionally with codes) for the whole file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from milepost.document import Patch, apply, parse
from milepost.errors import UsageError
from milepost.extract import extract
from milepost.model import Roadmap
from milepost.rules.base import Context, Diagnostic, Rule
from milepost.rules.suppressions import CommentKey, Suppressions, specificity

__all__ = [
    "UNUSED",
    "Fixed",
    "choose_fixes",
    "fix_until_stable",
    "is_known",
    "ran_codes",
    "run_rules",
    "select_rules",
    "unused_suppressions",
]

#: The code of the rule that reports suppression comments hiding nothing (run last).
UNUSED = "MP106"


def is_known(selector: str, rules: Sequence[Rule]) -> bool:
    """Whether ``selector`` (a code, prefix, name, group or ALL) names any of ``rules``."""
    return any(specificity(selector, rule) for rule in rules)


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
        on = max((specificity(s, rule) for s in chosen), default=0)
        off = max((specificity(s, rule) for s in dropped), default=0)
        if on > off:
            out.append(rule)
    return out


def run_rules(
    rules: Sequence[Rule],
    context: Context,
    *,
    used: set[CommentKey] | None = None,
    suppressions: Suppressions | None = None,
) -> list[Diagnostic]:
    """Every diagnostic of the rules on one roadmap, minus suppressed ones, sorted by place.

    The suppression comments that hid a finding are added to ``used`` (by their keys). Without
    ``used``, the rules are all this file's (not one of two passes) and MP106, when chosen,
    reports the comments that hid none; with it, the caller does that once both passes ran
    (see :func:`unused_suppressions`). ``suppressions``: the roadmap's comments, where the
    caller read them already (for both passes); else they are read here.
    """
    if suppressions is None:
        suppressions = Suppressions.read(context.roadmap.document)
    hid: set[CommentKey] = set() if used is None else used
    out = []
    last = [r for r in rules if r.code == UNUSED] if used is None else []
    for rule in rules:
        if rule.code == UNUSED:
            continue
        for diagnostic in rule.run(context):
            hiding = suppressions.hiding(diagnostic, rule)
            if hiding:
                hid.update(hiding)
            else:
                out.append(diagnostic)
    if last:
        on_portfolio = context.tracks is not None and context.config.path is not None
        ran = ran_codes(rules, portfolio=on_portfolio)
        out += unused_suppressions(last[0], context, suppressions, frozenset(hid), ran)
    out.sort(key=lambda d: (d.line, d.col, d.code))
    return out


def ran_codes(rules: Sequence[Rule], *, portfolio: bool) -> tuple[str, ...]:
    """The codes of ``rules`` that did run: the cross-track ones only on a configured
    ``portfolio`` of two roadmaps or more (a roadmap checked alone, or with a few others
    named and no config, cannot tell whether its references dangle or its name is
    another's)."""
    return tuple(r.code for r in rules if portfolio or r.group != "references")


def unused_suppressions(
    rule: Rule,
    context: Context,
    suppressions: Suppressions,
    used: frozenset[CommentKey],
    ran: tuple[str, ...],
) -> list[Diagnostic]:
    """MP106 (``rule``) on one roadmap: the comments that hid none of the findings of the
    rules that ran (``ran``: their codes; ``used``: the keys of the comments that hid one),
    each judged alone, two on a line too. Their reports are suppressible like any finding,
    but by another line's comment: on the reported comment's own line, a comment hides the
    report only where it names MP106 itself (a bare ``ignore`` names it only as one of
    every rule)."""
    comments = suppressions.comments()
    unused = tuple(c for c in comments if c.key not in used)
    judged = replace(context, unused=unused, ran=ran)
    exact = {c.key for c in comments if any(specificity(s, rule) == 100 for s in c.selectors)}
    out = []
    for diagnostic in rule.run(judged):
        own = diagnostic.line - 1
        hiding = [
            key for key in suppressions.hiding(diagnostic, rule) if key[0] != own or key in exact
        ]
        if not hiding:
            out.append(diagnostic)
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
    the legend the roadmap was read with (its document's markers over the config's).
    """

    applied = 0
    diagnostics = run_rules(rules, context)
    for _ in range(MAX_FIX_PASSES):
        patches, count, held = choose_fixes(diagnostics, unsafe=unsafe)
        if not patches:
            return Fixed(context.roadmap, diagnostics, applied, held, True)
        roadmap = context.roadmap
        source = apply(roadmap.document.source, patches)
        roadmap = extract(parse(source), path=roadmap.path, vocabulary=roadmap.legend)
        context = replace(context, roadmap=roadmap)
        applied += count
        diagnostics = run_rules(rules, context)
    _, _, held = choose_fixes(diagnostics, unsafe=unsafe)
    return Fixed(context.roadmap, diagnostics, applied, held, False)
