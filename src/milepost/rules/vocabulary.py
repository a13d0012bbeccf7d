"""MP7xx: how statuses are written — one style per file, one emoji per status."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from milepost.document import Block, ListBlock, Patch, descendants
from milepost.lazy import lazy_pattern
from milepost.model import Item
from milepost.rules.base import Context, Diagnostic, Fix, FixAvailability, Rule, Severity
from milepost.vocabulary.sections import SectionKind, classify
from milepost.vocabulary.status import EMOJI, emoji_at, emoji_written, pictograph_at

__all__ = ["RULES"]


def _family(item: Item) -> str | None:
    """How an item's own status is written: ``box``, ``emoji`` or ``word``."""
    if item.status_from != "marker" or item.kind not in ("list", "task") or not item.marker:
        return None
    if item.marker.startswith(("[x]", "[X]", "[ ]")):
        return "box"
    if item.marker.startswith(("(", "-", "–", "—")) or item.marker.lower().startswith("status"):
        return None  # a trailing tag or status field, not a way of marking items
    found = emoji_at(item.marker)
    return "emoji" if found is not None and found[0] in EMOJI else "word"


def _mixed(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    # Completed Milestones keep the template's ✅ lines whatever style the plans use.
    families = [
        (item, _family(item))
        for item in context.roadmap.items
        if not any(classify(title) is SectionKind.MILESTONES for title in item.section)
    ]
    counts = Counter(family for _, family in families if family is not None)
    if len(counts) < 2:
        return
    (majority, top), (_, second) = counts.most_common(2)
    if top == second:
        return  # no majority: nothing to call the odd one out
    names = {"box": "task boxes", "emoji": "emoji", "word": "status words"}
    for item, family in families:
        if family is not None and family != majority:
            yield rule.at(
                context,
                item.span.start,
                f"status written with {names[family]} while most items use {names[majority]}",
            )


def _variants(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    marked = [
        (item, found[0])
        for item in context.roadmap.items
        if _family(item) == "emoji"
        and item.status is not None
        and (found := emoji_at(item.marker or "")) is not None
    ]
    used = Counter(glyph for _, glyph in marked)
    lines = context.lines
    for item, glyph in marked:
        assert item.status is not None
        canonical = item.status.emoji
        if glyph == canonical or EMOJI.get(glyph) is not item.status or not used[canonical]:
            continue  # canonical already, words decided, or the variant is the file's style
        line = lines[item.span.start]
        at = line.find(glyph)
        found = emoji_written(line, at) if at >= 0 else None
        end = found[1] if found is not None else at + len(glyph)
        fix = None
        if at >= 0:
            fixed = line[:at] + canonical + line[end:]
            fix = Fix(
                (Patch(item.span.start, item.span.start + 1, (fixed,)),),
                safe=True,
                description=f"write {canonical} like the rest of the file",
            )
        yield rule.at(
            context,
            item.span.start,
            f"{glyph} for {item.status.label.lower()} while the file also uses {canonical}",
            col=at + 1 if at >= 0 else 1,
            fix=fix,
        )


_ODD_BOX = lazy_pattern(r"^\[[^\]xX ]\]\s")


def _lists(blocks: list[Block]) -> Iterator[ListBlock]:
    return (b for b in descendants(blocks) if isinstance(b, ListBlock))


def _unknown_marker(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    by_line = {item.span.start: item for item in context.roadmap.items}
    for block in _lists(context.roadmap.document.blocks):
        marked = [
            i
            for i in block.items
            if (found := by_line.get(i.start)) is not None and found.status_from == "marker"
        ]
        if len(marked) * 2 < len(block.items) or len(block.items) < 2:
            continue  # not a list of status items
        for list_item in block.items:
            known = by_line.get(list_item.start)
            if known is not None and known.status is not None:
                continue
            text = list_item.inline.text.lstrip()
            end = pictograph_at(text)
            known_glyph = emoji_at(text)
            if end is not None and (known_glyph is None or known_glyph[0] not in EMOJI):
                glyph = text[:end].strip()
            elif (odd := _ODD_BOX.match(text)) is not None:
                glyph = odd.group().strip()
            else:
                continue
            yield rule.at(
                context,
                list_item.start,
                f"{glyph} is not a status milepost knows; use one of "
                "✅ 🚧 📋 🔮 ⛔ ❌ (or define it in a legend)",
            )


RULES = (
    Rule(
        code="MP701",
        name="mixed-status-style",
        group="vocabulary",
        severity=Severity.INFO,
        summary="Statuses are written in two styles (emoji, task boxes, words) in one file.",
        why=(
            "Readers scan a roadmap by its markers; a file that mixes ✅ with [x] and **Done:** "
            "makes the scan slower and edits by hand more error-prone."
        ),
        bad="- ✅ **Completed:** Search\n- [x] Export\n",
        good="- ✅ **Completed:** Search\n- ✅ **Completed:** Export\n",
        check=_mixed,
    ),
    Rule(
        code="MP702",
        name="status-emoji-variant",
        group="vocabulary",
        severity=Severity.INFO,
        summary="One status is marked with two different emoji in one file.",
        why="🔄 and 🚧 both mean in progress; one file should use one, the canonical one.",
        bad="- 🚧 **In Progress:** Search\n- 🔄 Export\n",
        good="- 🚧 **In Progress:** Search\n- 🚧 Export\n",
        check=_variants,
        fix=FixAvailability.ALWAYS,
        fix_safe=True,
    ),
    Rule(
        code="MP703",
        name="unknown-status-marker",
        group="vocabulary",
        severity=Severity.WARNING,
        summary="An item in a list of status items leads with a marker milepost does not know.",
        why=(
            "When its siblings say ✅ or 🚧, an item that says 🟣 or [?] is meant to carry a "
            "status too, but no reader or tool can tell which."
        ),
        bad="- ✅ Search\n- 🚧 Export\n- 🟣 Import\n",
        good="- ✅ Search\n- 🚧 Export\n- 📋 Import\n",
        check=_unknown_marker,
    ),
)
