"""The rules on suppression comments themselves: one naming no rule (MP105), one hiding
nothing (MP106). Both in the structure group."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from milepost.document import Patch
from milepost.rules.base import Context, Diagnostic, Fix, FixAvailability, Rule, Severity

__all__ = ["RULES"]


def _unknown_suppression(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    from milepost.rules import ALL_RULES  # the catalog holds this module's rules too
    from milepost.rules.engine import is_known
    from milepost.rules.suppressions import split_comments, suppression_comments

    document = context.roadmap.document
    for number, _whole_file, selectors in suppression_comments(document):
        for selector in selectors:
            if not is_known(selector, ALL_RULES):
                yield rule.at(context, number, f"suppression comment names no rule: {selector!r}")
    for number in split_comments(document):
        yield rule.at(
            context, number, "suppression comment over several lines is not read: write it on one"
        )


def _unused_suppression(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    """The comments that hid nothing, judged only where every rule they name ran (the engine
    fills in ``unused`` and ``ran`` once the other rules have run on the file)."""
    if context.unused is None:
        return
    from milepost.rules import ALL_RULES  # the catalog holds this module's rules too
    from milepost.rules.suppressions import specificity

    ran = set(context.ran)
    lines = context.lines
    for number, selectors in context.unused:
        named = [[r for r in ALL_RULES if specificity(s, r)] for s in selectors]
        if not all(named) or any(r.code not in ran for rules in named for r in rules):
            continue  # names no rule (MP105), or a rule that did not run: cannot tell
        shown = ", ".join(selectors) if selectors != ("ALL",) else "every rule"
        yield rule.at(
            context,
            number,
            f"suppression comment hides nothing ({shown}): remove it",
            fix=_without_comment(lines, number, selectors),
        )


def _without_comment(lines: Sequence[str], number: int, selectors: tuple[str, ...]) -> Fix | None:
    """The fix of MP106: the line gone where it holds only suppression comments, else the
    comment taken out of its line (a trailing one)."""
    from milepost.rules.suppressions import comment_spans

    line = lines[number]
    spans = comment_spans(line)
    if not spans:
        return None
    body = line.rstrip("\r\n")
    rest = body
    for start, end in reversed(spans):
        rest = rest[:start] + rest[end:]
    if not rest.strip():
        patch = Patch(number, number + 1, ())
    else:
        start, end = spans[0] if len(spans) == 1 else (-1, -1)
        if start < 0:
            return None  # several comments beside text: left to the author
        new = body[:start].rstrip() + body[end:] + line[len(body) :]
        patch = Patch(number, number + 1, (new,))
    return Fix((patch,), safe=True, description="remove the suppression comment")


RULES = (
    Rule(
        code="MP105",
        name="unknown-suppression",
        group="structure",
        severity=Severity.WARNING,
        summary=(
            "A `milepost: ignore` comment names a rule that does not exist, or is written over "
            "several lines."
        ),
        why=(
            "A mistyped code silences nothing, so the finding it was meant to hide is still "
            "reported (or the code was retired and the comment is dead). A suppression is read "
            "from one line: split over several, it silences nothing either."
        ),
        bad="<!-- milepost: ignore MP9999 -->\n- 📋 Search\n",
        good="<!-- milepost: ignore MP206 -->\n- 📋 Search\n",
        check=_unknown_suppression,
    ),
    Rule(
        code="MP106",
        name="unused-suppression",
        group="structure",
        severity=Severity.WARNING,
        summary="A `milepost: ignore` comment hides no finding.",
        why=(
            "A suppression left behind after the problem was fixed hides the next one that "
            "appears there, unseen. Only comments whose rules all ran are judged (a rule "
            "switched off by --select or the config may be what the comment is for)."
        ),
        bad="<!-- milepost: ignore MP206 -->\n- ✅ Search (shipped, nothing past due)\n",
        good="- ✅ Search\n",
        check=_unused_suppression,
        fix=FixAvailability.SOMETIMES,
    ),
)
