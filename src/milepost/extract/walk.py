"""The generic pass: every list item, table row and status heading of a document → Item.

It knows nothing of roadmap sections; it tracks only what decides a status: the nearest
status heading, a status label just above a list, a success-criteria context, the legend and
whether the document uses strikethrough for finished work.

What it collects and how one item is made live in :mod:`.walk_items`; table rows are read by
:mod:`.table_rows`; the document's legend by :mod:`.legend`; whether it strikes finished work
through (and other ways of writing statuses it holds to throughout) by :mod:`.conventions`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from milepost.document import (
    Block,
    BlockQuote,
    Document,
    Heading,
    Inline,
    ListBlock,
    ListItem,
    Paragraph,
    Section,
    Table,
    descendants,
)
from milepost.extract.badges import (
    IMAGE_BADGE,
    leading_badge,
    leading_image_badge,
    trailing_badge,
)
from milepost.extract.conventions import (
    checks_ends,
    codes_statuses,
    cross_drops,
    crosses_pending,
    decorates,
    strikes_done,
    struck_end,
    struck_item,
)
from milepost.extract.heading_markers import heading_marker
from milepost.extract.heading_periods import heading_period, numbered_step
from milepost.extract.heading_words import (
    dates_only,
    declines,
    names_a_part,
    names_work,
    struck_name,
)
from milepost.extract.item_fields import is_field, item_fields, sub_items
from milepost.extract.labels import (
    criteria_heading,
    deliverables_label,
    goals_heading,
    list_context,
    names_success,
    opening_field,
)
from milepost.extract.legend import find_legend, legend_entry, legend_list
from milepost.extract.marker import Marker, bare_cross, open_box
from milepost.extract.markers import item_marker, leading_markers
from milepost.extract.table_rows import table_items
from milepost.extract.walk_items import Walk, WalkContext, first_line, make_item
from milepost.span import Span
from milepost.vocabulary.legend import NO_LEGEND, Legend
from milepost.vocabulary.placeholders import says_nothing
from milepost.vocabulary.sections import strip_decoration
from milepost.vocabulary.status import EMOJI, Status, emoji_at, pictograph_at
from milepost.vocabulary.status_words import said_weakly

__all__ = ["Walk", "walk"]


def walk(
    document: Document, *, anchor: date | None, path: str | None, vocabulary: Legend = NO_LEGEND
) -> Walk:
    """Every item of the document, with its status where one can be shown.

    ``vocabulary`` holds markers the config adds; the document's own legend wins over it.
    """
    found = find_legend(document)
    legend = vocabulary.merged(found.legend)
    result = Walk(legend=legend, entries=found.entries)
    base = WalkContext(
        path,
        legend,
        strikes_done(document, legend),
        anchor,
        (),
        document.source.lines,
        coded=codes_statuses(document, legend),
        cross_drops=(drops := cross_drops(document.source.text, legend)),
        cross_pending=not drops and crosses_pending(document),
    )
    # The first level-1 heading is the document's title, never an item; a later one may be
    # ("# ✔️ Milestone - Async Crypto" under "# 2016 Q4").
    title = next((h for h in document.headings if h.level == 1), None)
    _walk_section(document.root, base, result, title)
    headed = {i.span.start for i in result.items if i.kind == "heading"}
    listed = {i.span.start for i in result.items if i.kind != "heading"} & headed
    if listed:
        # "* ### Nested collections ✅": one item, the list item the heading is the words of
        # (the first on its line, which the edits set as one), not the heading too
        result.items[:] = [
            i for i in result.items if i.kind != "heading" or i.span.start not in listed
        ]
    result.items.sort(key=first_line)
    return result


def _walk_section(
    section: Section, ctx: WalkContext, out: Walk, title_heading: Heading | None
) -> None:
    heading = section.heading
    if heading is not None:
        title = section.title
        period = heading_period(title, ctx.anchor)
        marker: Marker | None = None
        glyph: Marker | None = None  # a heading's glyph its Status field's words outweigh
        source = "marker"
        scope: Status | None = None
        criteria = False
        if heading is not title_heading:
            marker, scope = heading_marker(
                title,
                heading.inline,
                ctx.legend,
                level=heading.level,
                coded=ctx.coded,
            )
            if (
                marker is not None
                and marker.tail >= 0
                and not numbered_step(title)  # "## Phase 1: Auth ✅": done, open tasks or not
                and _open_tasks(section, marker)
            ):
                marker = None  # "## Checklist ✅" over open boxes: the glyph decorates it
            if marker is None or not any(char.isalpha() for char in marker.written):
                # "**Status:** ✅ Complete", after a "**Goal:**" or not, under a heading that
                # names work; its words win over the glyph the heading opens with ("### 🔄
                # v0.2.0" over "**Status**: Planning"), a weak one ("Current") does not
                field = opening_field(section.blocks, ctx.legend)
                if field is not None and _speaks_for(field, marker, title, heading.level):
                    glyph, marker, source = marker, field, "field"
            if marker is None and scope is None and heading.inline.html and ctx.lines:
                # "#### Terminal <Badge type="warning" text="planned" />"
                marker = _ending_badge(heading.inline, ctx.lines[heading.start], ctx)
            if marker is None and ctx.strike_done and struck_name(heading.inline):
                marker, source = Marker(Status.DONE, "~~"), "marker"  # "## ~~CLI~~": finished
            # "## Success Criteria" over "### Technical": its topics are criteria too, not a
            # release or a numbered step of a plan ("### v1.0", "### Phase 1"), unless it
            # names their success ("### Phase 8 Success", "### Phase 3 Completion (March)")
            criteria = (
                criteria_heading(title)
                or (goals_heading(title) and _under_a_milestone(ctx) and _ticks_only(section))
                or (
                    ctx.criteria
                    and marker is None
                    and scope is None
                    and (names_success(title) or (period is None and not numbered_step(title)))
                )
            )
            if marker is None and scope is None and dates_only(title, period):
                scope = ctx.scope  # "## 🚧 In Progress" over "### Q2 2026": still in progress
        heading_status = marker.status if marker is not None else None
        # One context per section: its status scope and criteria replace the parent's.
        ctx = WalkContext(
            ctx.path,
            ctx.legend,
            ctx.strike_done,
            ctx.anchor,
            (*ctx.section, title),
            ctx.lines,
            scope=scope,
            criteria=criteria,
            done_context=ctx.done_context or Status.DONE in (heading_status, scope),
            period=period or ctx.period,
            coded=ctx.coded,
            cross_drops=ctx.cross_drops or declines(title),  # "## Non-Goals" over "- ❌ X"
            cross_pending=ctx.cross_pending,
        )
        if marker is not None:
            _heading_item(section, marker, ctx, out, source=source, glyph=glyph)
    _walk_blocks(section.blocks, ctx, out, depth=0)
    for sub in section.subsections:
        _walk_section(sub, ctx, out, title_heading)


def _ending_badge(inline: Inline, line: str, ctx: WalkContext) -> Marker | None:
    """The status of the badge element that ends an item's or a heading's ``line``, its
    words the marker; the title ends before them where they are in its text (``<Badge
    type="tip">Done</Badge>``), not where they are an attribute's (``text="planned"``)."""
    badge = trailing_badge(line, ctx.legend)
    if badge is None:
        return None
    words = badge.words.strip()
    said = inline.text.rstrip()
    tail = len(said) - len(words) if badge.inside and said.endswith(words) else -1
    return Marker(badge.status, words, tail=tail)


def _speaks_for(field: Marker, marker: Marker | None, title: str, level: int) -> bool:
    """Whether a section's Status field says its heading's status: the heading names work,
    not a part of the document ("## Overview" over "**Status:** In progress"), and has no
    marker of its own, or a glyph the field's words say otherwise than ("### 🔄 v0.2.0"
    over "**Status**: Planning"; a weak word, "Current", does not)."""
    name = strip_decoration(title)
    if not names_work(name) or (level <= 2 and names_a_part(name)):
        return False
    return marker is None or not (field.status is marker.status or said_weakly(field.written))


def _under_a_milestone(ctx: WalkContext) -> bool:
    """Whether a section stands under a numbered step of a plan or a release ("## Milestone
    1: Foundation (Week 1)", "## v2.0"), not a part of the document ("## Roadmap")."""
    return bool(ctx.section) and (numbered_step(ctx.section[-1]) or ctx.period is not None)


def _ticks_only(section: Section) -> bool:
    """Whether every item of a section's own lists opens with a check mark: a milestone's
    "### Goals" so bulleted lists its targets; beside an open glyph ("- 🔲 Theme"), the
    check marks say which goals are reached."""
    items = [b for b in descendants(section.blocks) if isinstance(b, ListItem)]
    return bool(items) and all(_leading_check(item.inline.text) for item in items)


def _leading_check(text: str) -> bool:
    found = emoji_at(text.lstrip())
    return found is not None and EMOJI.get(found[0]) is Status.DONE


def _open_tasks(section: Section, marker: Marker) -> bool:
    """Whether a heading said done by a glyph at its end (``## Project Checklist ✅``) holds
    open task boxes, and names a part of the document or ticks fewer of them than it leaves
    open: then it is a list of work titled with a flourish, not finished work (``###
    Waveform Display ✅`` over boxes mostly ticked, an extra or two open, is a feature
    shipped)."""
    if marker.status is not Status.DONE or any(c.isalpha() for c in marker.written):
        return False  # words ("### Alpha 3 - Completed") say so, open boxes or not
    ticked = left = 0
    sections = [section]
    while sections:
        current = sections.pop()
        sections.extend(current.subsections)
        for block in descendants(current.blocks):
            if isinstance(block, ListItem) and block.task is not None:
                ticked, left = ticked + block.task, left + (not block.task)
    if not left:
        return False
    name = section.title[: marker.tail] if 0 < marker.tail <= len(section.title) else ""
    return ticked <= left or names_a_part(strip_decoration(name))


def _walk_blocks(blocks: list[Block], ctx: WalkContext, out: Walk, *, depth: int) -> None:
    # The paragraph that may label the next list: read only when a list does follow it.
    above: Paragraph | None = None
    for block in blocks:
        if isinstance(block, ListBlock):
            inner = list_context(above, ctx)
            if inner.criteria and deliverables_label(above) and _has_boxes(block):
                # "**Deliverables**:" over "- ✅ Spec" and "- [ ] Team": a checklist, its ✅
                # ticks what is done, no bullet style
                inner = inner._replace(criteria=False)
            if (decorated := decorates(block, ctx.legend)) is not inner.decorated:
                inner = inner._replace(decorated=decorated)
            if (checked := checks_ends(block, ctx.legend)) is not inner.ends_checked:
                inner = inner._replace(ends_checked=checked)
            bare = ctx.legend.bare if _marks_some(block, ctx.legend) else None
            if bare is not inner.bare:
                inner = inner._replace(bare=bare)
            entries = out.entries.get(id(block)) if depth == 0 else None
            if entries is None:  # a list finding the legend did not judge (in a quote, nested)
                title = ctx.section[-1] if ctx.section and depth == 0 else ""
                labelled = legend_list(title, above, block)
                entries = frozenset(
                    id(i) for i in block.items if legend_entry(i, labelled=labelled) is not None
                )
            for list_item in block.items:
                if depth and is_field(list_item):  # "- Status: WIP" under its item: read there
                    _walk_blocks(list_item.children, inner, out, depth=depth)
                    continue
                if id(list_item) not in entries:  # "✅ Done" of a legend is no item
                    _list_item(list_item, inner, out, depth)
        elif isinstance(block, Table):
            table_items(block, ctx, out)
        elif isinstance(block, BlockQuote):
            _walk_blocks(block.children, ctx, out, depth=depth)
        if isinstance(block, Paragraph):
            above = block
        elif not isinstance(block, Heading):
            above = None


def _marks_some(block: ListBlock, legend: Legend) -> bool:
    """Whether some item of a list carries a marker of its own (a task box, a status glyph
    or words opening it), where the legend says what a plain bullet means (else none is
    looked for)."""
    if legend.bare is None:
        return False
    return any(
        item.task is not None or any(leading_markers(item.inline, 0, legend, lenient=False)[:2])
        for item in block.items
    )


def _has_boxes(block: ListBlock) -> bool:
    """Whether a list holds a task box."""
    return any(item.task is not None for item in block.items)


def _list_item(block: ListItem, ctx: WalkContext, out: Walk, depth: int) -> None:
    inline = block.inline
    said: Marker | None = None  # the status of the heading that is its words
    if block.children and isinstance(block.children[0], Heading) and not inline.text.strip():
        # "* ### Nested collections ✅", read as the heading is; "* ### Facilitator" over
        # its "- Status: Done", as a list item is
        heading = block.children[0]
        inline = heading.inline
        said = heading_marker(inline.text.strip(), inline, ctx.legend, level=heading.level)[0]
    if inline.links and _contents_entry(inline):
        # "- [✅ Performance](#-performance)": the heading it links to is the item
        if block.children:
            _walk_blocks(block.children, ctx, out, depth=depth + 1)
        return
    criteria = ctx.criteria and not ctx.done_context
    marker = said or item_marker(
        inline,
        block.task,
        ctx.legend,
        scope=ctx.box_scope,
        criteria=criteria,
        decorated=ctx.decorated,
        ends_checked=ctx.ends_checked,
    )
    # A criterion's leading ✅ is how its list is bulleted: no status, and not its title.
    bulleted = criteria or ctx.decorated
    lead = leading_markers(inline, 0, ctx.legend, lenient=False)[2] if bulleted else 0
    if inline.html and block.task is not True and ctx.lines:
        # "- [ ] <span class="badge">Parked</span> OPA": the badge's words say more than a box
        line = ctx.lines[block.start]
        badge = leading_badge(line, ctx.legend)
        if badge is not None and inline.text.lstrip().startswith(badge[1]):
            end = len(inline.text) - len(inline.text.lstrip()) + len(badge[1])
            marker = Marker(badge[0], badge[1], end=end)
        elif badge is None and (image := leading_image_badge(line, ctx.legend)) is not None:
            # "- <img src="https://badgen.net/static/🔺/DONE/green"/> Add License"
            end = len(inline.text) - len(inline.text.lstrip())
            marker = Marker(image, IMAGE_BADGE, end=end)
        elif (
            badge is None
            and (marker is None or marker.written == "[ ] ")  # or refining an open box
            and (ending := _ending_badge(inline, line, ctx)) is not None
        ):
            marker = ending  # "- /customers/fetch <Badge type="warning" text="planned" />"
    if marker is not None and not ctx.cross_drops and bare_cross(marker):
        # "- ❌ Tests need a server": a "no", where crosses mean no drop; after an open box
        # the box says ("- [ ] ❌ No integration tests": work still to do)
        boxed = block.task is False and marker.written.startswith("[ ] ")
        if boxed:
            marker = Marker(open_box(ctx.box_scope), "[ ] ", end=marker.end)
        elif ctx.cross_pending:  # "- ✅ DNS", "- 🔄 Loki", "- ❌ Rundeck": not started yet
            marker = marker._replace(status=Status.PLANNED)
        else:
            marker = None
    status: Status | None = None
    source: str | None = None
    if marker is None and ctx.strike_done and struck_item(inline):
        # a link after the struck words says where the work is, glyphs and a release when
        # it shipped: no part of its title
        end = struck_end(inline)
        tail = -1 if end == len(inline.text) else end
        marker = Marker(Status.DONE, "~~", tail=tail)
    children = block.children
    fields = item_fields(children, ctx.legend, ctx.anchor) if children else None
    item_ctx = ctx
    if fields is not None:
        if fields.marker is not None and (marker is None or _bare_box(marker, children, block)):
            # its own Status field, which refines a bare open box ("- [ ] **Social**" over
            # "- Status: Future")
            status, source = fields.marker.status, "field"
            if marker is not None:
                marker = marker._replace(status=status, source="field")
        if fields.period is not None:
            item_ctx = ctx._replace(period=fields.period)
    if (
        marker is None
        and status is None
        and ctx.scope is not None
        and not ctx.detail
        and not says_nothing(inline.text)  # "### Blocked" over "- _No issues_": no work
    ):
        status, source = ctx.scope, "heading"
    if (
        marker is None
        and status is None
        and ctx.bare is not None
        and pictograph_at(inline.text.lstrip()) is None
        and not any(isinstance(c, ListBlock) and _marks_some(c, ctx.legend) for c in children)
    ):
        # a plain bullet among marked ones, where the legend says what it means ("| bullet
        # | work not started |"); not one a glyph the legend does not define leads ("- 🏃
        # Refactorings"), nor one that groups marked items ("- Node Debugging")
        status, source = ctx.bare, "legend"
    kind = "task" if block.task is not None else "list"
    notes = (
        tuple(c.inline.text.strip() for c in children if isinstance(c, Paragraph))
        if children
        else ()
    )
    if fields is not None:
        notes = (*notes, *fields.notes)
    item = make_item(
        inline,
        marker,
        Span(block.start, block.end, ctx.path),
        kind,
        item_ctx,
        status=status,
        source=source,
        depth=depth,
        notes=notes,
        lead=lead if marker is None else 0,
    )
    if source == "field" and fields is not None and fields.marker is not None:
        item = replace(item, marker=fields.marker.written)
    if item.title or block.task is None:
        out.add(item)  # a box over nothing ("- [x] " alone) names no work: no item
    if children:
        own = ctx.scope is not None and source != "heading" and item.status is not None
        _walk_blocks(children, ctx._replace(detail=True) if own else ctx, out, depth=depth + 1)


def _contents_entry(inline: Inline) -> bool:
    """Whether a list item is an entry of a table of contents: one in-page link, whole."""
    if len(inline.links) != 1:
        return False
    link = inline.links[0]
    text = inline.text
    return (
        link.url.startswith("#") and not text[: link.start].strip() and not text[link.end :].strip()
    )


def _heading_item(
    section: Section,
    marker: Marker,
    ctx: WalkContext,
    out: Walk,
    *,
    source: str = "marker",
    glyph: Marker | None = None,
) -> None:
    """The item a heading names, its status from ``marker`` (``source``: a marker of its own,
    or its section's Status field, then ``glyph`` the heading's own glyph, no part of its
    title)."""
    heading = section.heading
    assert heading is not None
    item = make_item(
        heading.inline,
        marker if source == "marker" else glyph,
        Span(heading.start, heading.end, ctx.path),
        "heading",
        ctx,
    )
    if source != "marker":
        item = replace(item, status=marker.status, status_from=source, marker=marker.written)
    out.add(item)


def _bare_box(marker: Marker, children: list[Block], block: ListItem) -> bool:
    """Whether an item's marker is its open task box and no more, over no task boxes of
    its own: a Status field under it says more (among sub-tasks, it may be one of theirs)."""
    if block.task is not False or marker.written != "[ ] " or marker.status is not Status.PLANNED:
        return False
    return all(sub.task is None for sub in sub_items(children))
