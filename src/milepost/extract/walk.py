"""The generic pass: every list item, table row and status heading of a document → Item.

It knows nothing of roadmap sections; it tracks only what decides a status: the nearest
status heading, a status label just above a list, a success-criteria context, the legend and
whether the document uses strikethrough for finished work.

What it collects and how one item is made live in :mod:`.walk_items`; what it judges of a
status heading and its section in :mod:`.walk_headings`, of a list in :mod:`.walk_lists`;
table rows are read by :mod:`.table_rows`; the document's legend by :mod:`.legend`; whether
it strikes finished work through (and other ways of writing statuses it holds to throughout)
by :mod:`.conventions`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from milepost.document import (
    Block,
    BlockQuote,
    Document,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Section,
    Table,
)
from milepost.extract.badges import (
    IMAGE_BADGE,
    leading_badge,
    leading_image_badge,
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
    struck_name,
)
from milepost.extract.item_fields import is_field, item_fields
from milepost.extract.labels import (
    criteria_heading,
    deliverables_label,
    goals_heading,
    list_context,
    names_success,
    opening_field,
    opening_list_field,
)
from milepost.extract.legend import find_legend, legend_entry, legend_list
from milepost.extract.marker import Marker, bare_cross, cross_alone, open_box
from milepost.extract.markers import item_marker, leading_markers
from milepost.extract.table_rows import table_items
from milepost.extract.trailing_tags import trailing_tag
from milepost.extract.walk_headings import (
    heading_item,
    lone_icons,
    open_tasks,
    speaks_for,
    ticks_only,
    under_a_milestone,
)
from milepost.extract.walk_items import Walk, WalkContext, ending_badge, first_line, make_item
from milepost.extract.walk_lists import (
    bare_box,
    contents_entry,
    has_boxes,
    marks_some,
    plans_otherwise,
)
from milepost.span import Span
from milepost.vocabulary.legend import NO_LEGEND, Legend, glyph_key
from milepost.vocabulary.placeholders import says_nothing
from milepost.vocabulary.status import Status, pictograph_at

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
                and open_tasks(section, marker)
            ):
                marker = None  # "## Checklist ✅" over open boxes: the glyph decorates it
            if (
                marker is not None
                and ctx.lone_glyphs
                and marker.end
                and glyph_key(marker.written.strip()) in ctx.lone_glyphs
                and trailing_tag(title[marker.end :], ctx.legend) is None  # "(Completed)"
            ):
                marker = None  # "## 📋 PHASE 1" beside "## 🔧 PHASE 2": an icon a section
            if marker is not None and not ctx.cross_drops and cross_alone(marker):
                # "### 8. Mobile Apps ❌" where crosses say "no", as they do for list items:
                # not there yet (no part of its title), or work not started among work under way
                if ctx.cross_pending:
                    marker = marker._replace(status=Status.PLANNED)
                else:
                    glyph, marker = marker, None
            if marker is None or not any(char.isalpha() for char in marker.written):
                # "**Status:** ✅ Complete", after a "**Goal:**" or not, under a heading that
                # names work; its words win over the glyph the heading opens with ("### 🔄
                # v0.2.0" over "**Status**: Planning"), a weak one ("Current") does not
                field = opening_field(section.blocks, ctx.legend)
                if field is None and scope is None:
                    # "- **Status**: Pending" opening its list, the heading's fields
                    field = opening_list_field(section.blocks, ctx.legend)
                    field = None if field is None or names_a_part(title) else field
                if field is not None and speaks_for(field, marker, title, heading.level):
                    glyph, marker, source = marker or glyph, field, "field"
            if marker is None and scope is None and heading.inline.html and ctx.lines:
                # "#### Terminal <Badge type="warning" text="planned" />"
                marker = ending_badge(heading.inline, ctx.lines[heading.start], ctx)
            if marker is None and ctx.strike_done and struck_name(heading.inline):
                marker, source = Marker(Status.DONE, "~~"), "marker"  # "## ~~CLI~~": finished
            # "## Success Criteria" over "### Technical": its topics are criteria too, not a
            # release or a numbered step of a plan ("### v1.0", "### Phase 1"), unless it
            # names their success ("### Phase 8 Success", "### Phase 3 Completion (March)")
            criteria = (
                criteria_heading(title)
                or (goals_heading(title) and under_a_milestone(ctx) and ticks_only(section))
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
        said = heading_status if heading_status is not None else scope
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
            waiting=ctx.waiting if said is None else said is not Status.IN_PROGRESS,
            heading_fields=_said_again(section, marker, ctx),
        )
        if marker is not None:
            heading_item(section, marker, ctx, out, source=source, glyph=glyph)
    _walk_blocks(section.blocks, ctx, out, depth=0)
    if len(section.subsections) > 2:
        ctx = ctx._replace(lone_glyphs=lone_icons(section.subsections, ctx.legend))
    for sub in section.subsections:
        _walk_section(sub, ctx, out, title_heading)


def _walk_blocks(blocks: list[Block], ctx: WalkContext, out: Walk, *, depth: int) -> None:
    # The paragraph that may label the next list: read only when a list does follow it.
    above: Paragraph | None = None
    for block in blocks:
        if isinstance(block, ListBlock):
            inner = list_context(above, ctx)
            if inner.criteria and deliverables_label(above) and has_boxes(block):
                # "**Deliverables**:" over "- ✅ Spec" and "- [ ] Team": a checklist, its ✅
                # ticks what is done, no bullet style
                inner = inner._replace(criteria=False)
            if (decorated := decorates(block, ctx.legend)) is not inner.decorated:
                inner = inner._replace(decorated=decorated)
            if (checked := checks_ends(block, ctx.legend)) is not inner.ends_checked:
                inner = inner._replace(ends_checked=checked)
            bare = ctx.legend.bare if marks_some(block, ctx.legend) else None
            if bare is not inner.bare:
                inner = inner._replace(bare=bare)
            if inner.waiting and (
                inner.box_scope is Status.IN_PROGRESS or plans_otherwise(block, ctx.legend)
            ):
                inner = inner._replace(waiting=False)  # "- 📋 C" beside "- ⏳ B": under way
            entries = out.entries.get(id(block)) if depth == 0 else None
            if entries is None:  # a list finding the legend did not judge (in a quote, nested)
                title = ctx.section[-1] if ctx.section and depth == 0 else ""
                labelled = legend_list(title, above, block)
                entries = frozenset(
                    id(i) for i in block.items if legend_entry(i, labelled=labelled) is not None
                )
            for list_item in block.items:
                if (depth or id(block) == ctx.heading_fields) and is_field(list_item):
                    # "- Status: WIP" under its item, or under its heading: read there
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


def _list_item(block: ListItem, ctx: WalkContext, out: Walk, depth: int) -> None:
    inline = block.inline
    said: Marker | None = None  # the status of the heading that is its words
    if block.children and isinstance(block.children[0], Heading) and not inline.text.strip():
        # "* ### Nested collections ✅", read as the heading is; "* ### Facilitator" over
        # its "- Status: Done", as a list item is
        heading = block.children[0]
        inline = heading.inline
        said = heading_marker(inline.text.strip(), inline, ctx.legend, level=heading.level)[0]
    if inline.links and contents_entry(inline):
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
            and (ending := ending_badge(inline, line, ctx)) is not None
        ):
            marker = ending  # "- /customers/fetch <Badge type="warning" text="planned" />"
    if ctx.waiting and marker is not None and _hourglass(marker):
        marker = marker._replace(status=Status.PLANNED)  # "- ⏳ Subdivision surfaces"
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
        if fields.marker is not None and (marker is None or bare_box(marker, children, block)):
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
        and not any(isinstance(c, ListBlock) and marks_some(c, ctx.legend) for c in children)
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
        inner = ctx._replace(detail=True) if own else ctx
        if inner.waiting and item.status is Status.IN_PROGRESS and source != "heading":
            inner = inner._replace(waiting=False)  # "- 🚧 Auth" over "- ⏳ Login": under way
        _walk_blocks(children, inner, out, depth=depth + 1)


def _hourglass(marker: Marker) -> bool:
    """Whether an item's marker is an hourglass alone (``:hourglass_flowing_sand:`` too),
    work under way by default, not by a legend's say ("- ⏳ PBR materials"): under a heading
    that says its work is not under way (:attr:`WalkContext.waiting`), work waiting its turn."""
    return (
        marker.status is Status.IN_PROGRESS
        and marker.source == "marker"
        and marker.tail < 0
        and glyph_key(marker.written.strip()) == "⏳"
    )


def _said_again(section: Section, marker: Marker | None, ctx: WalkContext) -> int:
    """The id of the list opening ``section`` whose Status field says again what the
    heading's marker says ("### Phase: Docs 🔄" over "- **Status**: In Progress"): its
    fields are the heading's, no items; else 0."""
    if marker is None or not section.blocks or not isinstance(section.blocks[0], ListBlock):
        return 0
    fields = item_fields(section.blocks[:1], ctx.legend, ctx.anchor)
    if fields is None or fields.marker is None or fields.marker.status is not marker.status:
        return 0
    return id(section.blocks[0])
