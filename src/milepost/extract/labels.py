"""What the words that introduce a list or a section say of it: a status label above a
list ("**In Progress:**", "**Remaining Tasks:** 🔄 IN PROGRESS"), a criteria label or
heading ("**Success Criteria:**", "## What to Expect") and a section's opening Status field
("**Status:** Done")."""

from __future__ import annotations

import re

from milepost.document import Block, Inline, ListBlock, Paragraph
from milepost.extract.cell_markers import cell_status
from milepost.extract.heading_periods import label_period
from milepost.extract.heading_words import label_status
from milepost.extract.item_fields import WHEN_LABELS
from milepost.extract.marker import Marker
from milepost.extract.walk_items import WalkContext
from milepost.lazy import lazy_pattern
from milepost.vocabulary.legend import Legend
from milepost.vocabulary.status import Status, emoji_at
from milepost.vocabulary.status_labels import is_status_label
from milepost.vocabulary.status_words import said_weakly, status_of_word

__all__ = [
    "criteria_heading",
    "deliverables_label",
    "goals_heading",
    "list_context",
    "names_success",
    "opening_field",
    "opening_list_field",
]

_CRITERIA = re.compile(
    r"(?i)\b(success criteria|acceptance criteria|criteria|what to expect|expected outcomes?|"
    r"definition of done|exit criteria|goals?|deliverables?|(?:complete|completed|done) when"
    r"|verify)\b"
    # what to make sure of, the label's last words: "After each module, ensure:"
    r"|\b(?:ensure|make sure)\W*$"
)
# A label of reasons ("**Why?**", "**Benefits:**"): its ✅ are points in favour, no work.
_REASONS = lazy_pattern(
    r"(?i)(?:why(?: (?:this|now|it matters))?\??|(?:key )?benefits|pros|advantages|strengths):?"
)
# A sentence of any length that ends saying when the work is done: its list is criteria.
_DONE_WHEN = lazy_pattern(r"(?i)\b(?:complete|completed|done|finished)\W{0,4}\s+when:$")
_CRITERIA_HEADING = lazy_pattern(
    r"(?i)\b(success criteria|acceptance criteria|what to expect|expected outcomes?|"
    r"definition of done|(?:exit|achievement|completion|release) criteria|"
    r"(?:complete|completed|done) when|(?:what )?success looks like|definition of success|"
    r"(?:quality|coding|code|documentation|writing) standards|guidelines|principles|"
    r"best practices|"
    # the same in other languages: "Critérios de Aceite", "Criterios de aceptación",
    # "Critères d'acceptation", "Akzeptanzkriterien", "Definição de Pronto"
    r"crit[ée]rios? de (?:aceite|aceita[çc][ãa]o|sucesso|conclus[ãa]o|aceptaci[óo]n|[ée]xito)|"
    r"crit[èe]res? (?:d['’]acceptation|de succ[èe]s|de r[ée]ussite)|criteri di (?:accettazione|"
    r"successo)|(?:akzeptanz|erfolgs|abnahme)kriterien|defini[çc][ãa]o de (?:pronto|"
    r"conclu[íi]do)|definici[óo]n de (?:hecho|terminado)|d[ée]finition de (?:fini|termin[ée]))\b"
)


def list_context(above: Paragraph | None, ctx: WalkContext) -> WalkContext:
    """The context of a list under the paragraph ``above`` it: the status or
    criteria its label says ("**In Progress:**", "**Success Criteria:**"), the period
    ("**raylib 7.0**" dates it, as a heading would)."""
    if above is None:
        return ctx
    inner = ctx
    label = _label(above.inline, ctx.lines[above.end - 1] if ctx.lines else "")
    if label is not None:
        scope, criteria = label
        inner = ctx._replace(
            scope=scope or ctx.scope, criteria=criteria or ctx.criteria, box_scope=scope
        )
    when = label_period(above.inline, ctx.anchor)
    return inner if when is None else inner._replace(period=when)


def _label(inline: Inline, last_line: str) -> tuple[Status | None, bool] | None:
    """A paragraph introducing the next list: a status label or a criteria label.

    A criteria label is judged on the paragraph's last line ("**Success Criteria:**" right
    above the list), a status label on the whole (short) paragraph.
    """
    text = inline.text.strip()
    last = last_line.strip().rstrip(" *_")
    # a label of reasons is one whatever ends it ("**Why?**")
    criteria = _REASONS.fullmatch(last.lstrip(" *_")) is not None or (
        last.endswith(":")
        and (
            (len(last) < 60 and _CRITERIA.search(last) is not None)
            or _DONE_WHEN.search(last) is not None  # "The migration is **complete** when:"
        )
    )
    if not text or len(text) > 80:
        return (None, True) if criteria else None
    status = label_status(text.rstrip(":* "))
    if status is None and text.strip("* ")[:1] == "[" and text.rstrip(":* ").endswith("]"):
        status = label_status(text.strip("* ").rstrip(":* ")[1:-1])  # "**[Done]**"
    if status is None and ":" in text:
        status = _said_after_label(text)
    if status is None:
        found = emoji_at(text)
        if found is not None and len(text) < 40:
            glyph_status = _EMOJI_LABEL.get(found[0])
            rest = text[found[1] :].strip(" *:_")
            if glyph_status is not None and status_of_word(rest) is None:
                status = glyph_status
    if status is None and not criteria:
        return None
    return status, criteria


def _said_after_label(text: str) -> Status | None:
    """The status a list's label states after its colon, alone ("**Remaining Tasks (Week
    2):** 🔄 IN PROGRESS"): the list's open boxes are that far along."""
    head, _, tail = text.rpartition(":")
    label, value = head.strip(" *_"), tail.strip(" *_")
    if not label or not value or is_status_label(label):
        return None  # "**Status**: ✅ COMPLETE" is its section's field, not the list's label
    named = label.lower().split()  # (none, where the label is blanks: "_\u00a0_")
    if named and (named[-1] in WHEN_LABELS or " ".join(named[-2:]) in WHEN_LABELS):
        return None  # "**Timeline:** Future": when the work may come, no state of it
    if criteria_heading(label):
        return None  # "**Acceptance Criteria:** ✅": the criteria are met, none is work
    if said_weakly(value) and emoji_at(value) is None:
        return None  # "**Sprint 1: Testing**": the sprint's topic, no state of its work
    found = cell_status(Inline(value))
    return found.status if found is not None and found.end >= len(value) else None


_EMOJI_LABEL = {"💡": Status.FUTURE, "🔮": Status.FUTURE}


# How many paragraphs may open a section before its Status field: "**Goal:** ...", "**Owner:**".
_OPENING_FIELDS = 3


def opening_field(blocks: list[Block], legend: Legend) -> Marker | None:
    """The status a section's Status field says, in one of the paragraphs that open it
    ("**Goal:** Foundations" then "**Status:** ✅ Complete"), before any other block."""
    for block in blocks[:_OPENING_FIELDS]:
        if not isinstance(block, Paragraph):
            return None
        text = block.inline.text
        found = _status_field(block.inline, legend)
        if found is None and block.end - block.start > 1 and "tat" in text:
            # one field a line: "**Target Date**: Q1 2026" then "**Status**: Planning"
            later = _LATER_FIELD.search(text)
            found = _status_field(Inline(text[later.start(1) :]), legend) if later else None
        if found is not None:
            return found
    return None


def opening_list_field(blocks: list[Block], legend: Legend) -> Marker | None:
    """The status a Status field says as the first item of the list that opens a section,
    its fields ("### Sweep ⏳" over "- **Status**: Pending" and "- Owner: @kim"): a plain
    "Status" label (not "Status & Health API", a topic), no box, and one status as its
    value, not the values a model's field may take ("pending | shipped", "queued →
    done")."""
    if not blocks or not isinstance(blocks[0], ListBlock) or not blocks[0].items:
        return None
    first = blocks[0].items[0]
    head, colon, value = first.inline.text.partition(":")
    if (
        first.task is not None
        or not colon
        or head.strip(" *_").lower() not in _LIST_FIELD_LABELS
        or _VALUES.search(value) is not None
    ):
        return None
    return cell_status(Inline(value.strip(" *")), legend)


_LIST_FIELD_LABELS = frozenset({"status", "current status"})
# What parts the values a field may take: "pending | shipped", "Active / Cancelled".
_VALUES = lazy_pattern(r"[|/,+&·→]|->")


# A Status field after another field of its paragraph, each on a line of its own.
_LATER_FIELD = lazy_pattern(r"(?i)\s(stat(?:us|e)\s*:)")


def _status_field(inline: Inline, legend: Legend) -> Marker | None:
    text = inline.text.lstrip()
    head, _, rest = text.partition(":")
    # "**Status:**", "**Status/ETA:**", "Статус:", "Estado:"; not "State:" here
    if not rest.strip() or not is_status_label(head) or head.strip(" *_").lower()[:5] == "state":
        return None
    return cell_status(Inline(rest.strip(" *")), legend)


# The key words of ``_CRITERIA_HEADING``, looked for first.
_CRITERIA_WORDS = (
    *("crit", "kriterien", "expect", "outcome", "defini", "when", "success"),
    *("standards", "guidelines", "principles", "practices", "benefits", "advantages"),
)
# A heading of goals and no more, under a milestone: "### Goals", "🎯 Key Objectives",
# "📊 Success Metrics" (a bare "### Metrics" may title work: "- ✅ Prometheus exporter").
_GOALS = lazy_pattern(
    r"(?i)\W*(?:(?:key |main |primary )?(?:goals|objectives)|(?:success|key) (?:metrics|kpis))\W*"
)


def criteria_heading(title: str) -> bool:
    """Whether a heading introduces success criteria ("Success Criteria", "What to Expect"),
    the standards work is held to ("Quality Standards", "Guidelines") or the points in its
    favour ("Benefits of Official Status"): ✅ bullets there say what is expected or gained,
    no work done."""
    if title.isascii():  # the pattern's key words, looked for first (a search is dearer)
        lower = title.lower()
        if not any(word in lower for word in _CRITERIA_WORDS):
            return False
    return _CRITERIA_HEADING.search(title) is not None or _BENEFITS.match(title) is not None


# Points in favour, the heading's words alone or before whose they are, or what else it
# weighs: "## 🎉 Benefits of Official Status" over "- ✅ **Built-in**: ...", "## Benefits &
# Trade-offs" (not work that adds some: "### Move 2: Add DayPilot Advantages", "## Benefits
# Portal").
_BENEFITS = lazy_pattern(
    r"(?i)\W*(?:(?:key|main|top|the) )?(?:benefits|advantages)"
    r"(?:\W*$|\s*[^\w\s]|\s+(?:of|for|to|and)\b)"
)


def names_success(title: str) -> bool:
    """Whether a heading names a step's success ("Phase 8 Success", "Phase 3 Completion
    (March 1, 2026)"): under success criteria, the criteria of that step."""
    return _SUCCESS.search(title) is not None


_SUCCESS = lazy_pattern(r"(?i)\b(?:success|completion)\b")


def goals_heading(title: str) -> bool:
    """Whether a heading titles goals and no more ("### Goals", "### 🎯 Key Objectives"):
    under a milestone (:mod:`.walk` asks), its ✅ bullets are what the milestone is to
    achieve, as criteria's are."""
    return _GOALS.fullmatch(title) is not None


def deliverables_label(above: Paragraph | None) -> bool:
    """Whether the paragraph right over a list labels its deliverables ("**Deliverables**:"),
    whose ✅ among task boxes ticks work done (under success criteria it is a target met)."""
    return above is not None and _DELIVERABLES.search(above.inline.text) is not None


_DELIVERABLES = lazy_pattern(r"(?i)\bdeliverables?\b")
