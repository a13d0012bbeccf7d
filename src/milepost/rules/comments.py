"""The rules on suppression comments themselves: one naming no rule (MP105), one hiding
nothing (MP106). Both in the structure group."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from milepost.document import Patch
from milepost.rules.base import Context, Diagnostic, Fix, FixAvailability, Rule, Severity

if TYPE_CHECKING:
    from milepost.rules.suppressions import Comment

__all__ = ["RULES"]


def _unknown_suppression(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    from milepost.rules import ALL_RULES  # the catalog holds this module's rules too
    from milepost.rules.engine import is_known
    from milepost.rules.suppressions import suppression_comments, unclosed_comments

    document = context.roadmap.document
    for comment in suppression_comments(document):
        for selector in comment.selectors:
            if not is_known(selector, ALL_RULES):
                message = f"suppression comment names no rule: {selector!r}"
                yield rule.at(context, comment.line, message)
    for number in unclosed_comments(document):
        yield rule.at(context, number, "suppression comment is never closed: end it with -->")


def _unused_suppression(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    """The comments that hid nothing, judged only where every rule they name ran (the engine
    fills in ``unused`` and ``ran`` once the other rules have run on the file)."""
    if context.unused is None:
        return
    from milepost.rules import ALL_RULES  # the catalog holds this module's rules too
    from milepost.rules.suppressions import specificity

    ran = set(context.ran)
    for comment in context.unused:
        named = [[r for r in ALL_RULES if specificity(s, r)] for s in comment.selectors]
        if not all(named) or any(r.code not in ran for rules in named for r in rules):
            continue  # names no rule (MP105), or a rule that did not run: cannot tell
        selectors = comment.selectors
        shown = ", ".join(selectors) if selectors != ("ALL",) else "every rule"
        yield rule.at(
            context,
            comment.line,
            f"suppression comment hides nothing ({shown}): remove it",
            col=comment.col + 1,
            fix=_without_comment(context.lines, comment),
        )


def _without_comment(lines: Sequence[str], comment: Comment) -> Fix | None:
    """The fix of MP106: the comment taken out of its line (the text beside it kept, other
    comments too), and the line gone where nothing else is left on it; a comment over
    several lines goes only with them, where nothing else is on them."""
    line = lines[comment.line]
    body = line.rstrip("\r\n")
    head, tail = body[: comment.col], lines[comment.end_line].rstrip("\r\n")[comment.end_col :]
    if not (head + tail).strip():
        patch = Patch(comment.line, comment.end_line + 1, ())
    elif comment.end_line != comment.line:
        return None  # over several lines beside text: left to the author
    else:
        rest = tail.lstrip()
        spaced = (head[-1:].isspace() or tail[:1].isspace()) and rest[:1] not in ",.;:!?)"
        new = head + rest if not head.strip() else head.rstrip() + " " * spaced + rest
        patch = Patch(comment.line, comment.line + 1, (new + line[len(body) :],))
    return Fix((patch,), safe=True, description="remove the suppression comment")


RULES = (
    Rule(
        code="MP105",
        name="unknown-suppression",
        group="structure",
        severity=Severity.WARNING,
        summary=(
            "A `milepost: ignore` comment names a rule that does not exist, or is never closed."
        ),
        why=(
            "A mistyped code silences nothing, so the finding it was meant to hide is still "
            "reported (or the code was retired and the comment is dead). A comment left open "
            "(no `-->`) silences nothing either, and one that starts a block hides the rest "
            "of the file when the Markdown is shown. A comment over several lines is read "
            "like one on a line."
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
