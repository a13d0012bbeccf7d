"""A new status for an item where it stands: its list line, its table cell or first cell,
or the ``**Status:**`` field under its heading, written in the document's own words."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from milepost.document import ListBlock, Patch, descendants
from milepost.document.item_lines import LIST_ITEM
from milepost.edits.edit import Edit, named
from milepost.edits.field_lines import and_field, field_line, field_set
from milepost.edits.lines import split_line_ending
from milepost.edits.marks import retick
from milepost.edits.rereading import (
    keeps_other_work,
    keeps_struck_work,
    others_alike,
    reads_as,
)
from milepost.edits.rows import restatus_row
from milepost.edits.status_field import before_tag
from milepost.edits.strikes import strike, unstrike
from milepost.edits.style import restatus_line, set_ending_badge
from milepost.edits.tags import set_tags
from milepost.edits.voice import Voice
from milepost.edits.voice_reading import voice_of
from milepost.errors import UsageError
from milepost.extract.badges import IMAGE_BADGE, trailing_badge
from milepost.extract.heading_words import compares
from milepost.model import Item, Roadmap
from milepost.vocabulary.status import Status, emoji_written

__all__ = ["set_status"]


def _first_line(
    roadmap: Roadmap, item: Item, status: Status, reason: str | None, voice: Voice
) -> tuple[str, Roadmap | None]:
    """A list item's or heading's first line with its status set, in the first form that
    reads as it: the author's; for a planned box, with a tag that says so ("- [ ] Search"
    under a "**Future:**" label is future); for a task, with its tag opening its words
    (where they go on to the lines below, a tag at the end of the first would end none of
    them; a label may end them: "- [ ] TODO:"). With the line, the roadmap as it reads
    with it (None for the last form, tried unread)."""
    first = item.span.start
    line = roadmap.document.source.lines[first]
    # "- View profile ✅" started is "- View profile 🚧", and "- Share" is "- Share 🚧"
    # where the glyphs of its list end their items, wherever they read so there and every
    # other item reads as it did (a check mark ending one may have others' glyphs read)
    leads = restatus_line(line, status, reason=reason, voice=voice)
    ends = restatus_line(line, status, reason=reason, voice=voice, glyph_ends=True)
    if (
        ends != leads
        and (_glyph_ends(roadmap, item) or _glyphs_end(roadmap, item))
        and (after := reads_as(roadmap, first, ends, status)) is not None
        and others_alike(roadmap, after, first)
    ):
        return ends, after
    if (after := reads_as(roadmap, first, leads, status)) is not None:
        return leads, after
    planned = status is Status.PLANNED
    if planned:
        new = restatus_line(line, status, reason=reason, voice=voice, say_planned=True)
        if (after := reads_as(roadmap, first, new, status)) is not None:
            return new, after
    new = restatus_line(
        line, status, reason=reason, voice=voice, say_planned=planned, lead_tag=True
    )
    return new, None


def _glyph_ends(roadmap: Roadmap, item: Item) -> bool | None:
    """Whether the glyph that marks a list item ends its words ("- Search ✅", "- Search ✓
    (v2)") rather than opens them; None for an item no glyph of its own marks."""
    marker = item.marker or ""
    if item.kind != "list" or item.status_from != "marker" or emoji_written(marker) is None:
        return None
    found = LIST_ITEM.match(roadmap.document.source.lines[item.span.start])
    return found is not None and not found["rest"].lstrip(" \t").startswith(marker)


def _glyphs_end(roadmap: Roadmap, item: Item) -> bool:
    """Whether the other items of ``item``'s list that a glyph marks mostly end with it
    ("- View profile ✅") rather than open with it."""
    start = item.span.start
    siblings = next(
        (
            {i.start for i in block.items}
            for block in descendants(roadmap.document.blocks)
            if isinstance(block, ListBlock) and any(i.start == start for i in block.items)
        ),
        set(),
    )
    placed = Counter(
        _glyph_ends(roadmap, other)
        for other in roadmap.items
        if other.span.start in siblings and other.span.start != start
    )
    return placed[True] > placed[False]


def _with_word(
    roadmap: Roadmap, item: Item, status: Status, reason: str | None, voice: Voice
) -> tuple[str, Roadmap] | None:
    """An item's first line with a new glyph that says its word too ("- ✅ Completed:
    Search", "## Phase 5 ✅ Done"), where the glyph alone reads as no status there (a bare
    ✅ bullets a goal's criteria or heads open tasks, a 📝 decorates a list), and the
    roadmap as it reads with it; None where the line does not read as ``status`` so."""
    first = item.span.start
    line = roadmap.document.source.lines[first]
    said = restatus_line(line, status, reason=reason, voice=voice, say_word=True)
    after = reads_as(roadmap, first, said, status)
    return None if after is None else (said, after)


def _tag_below(
    roadmap: Roadmap, item: Item, status: Status, reason: str | None, voice: Voice
) -> tuple[int, str, Roadmap] | None:
    """A list item whose words go on past its first line, a status tag ending them on the
    last ("- Deprecate JuliaOpt and move\n  its repos (**Done**)"): that line's number,
    the line with the tag set (a reason's note before it), and the roadmap as it reads
    with it; None where no tag ends that line or the new one reads as another status."""
    if item.kind != "list" or item.span.end - item.span.start < 2:
        return None
    lines = roadmap.document.source.lines
    last = item.span.start
    for number in range(item.span.start + 1, item.span.end):
        body = lines[number]
        if not body.strip() or body.lstrip().startswith("#") or LIST_ITEM.match(body):
            break  # the paragraph ends: a blank line, a heading, a nested list
        last = number
    if last == item.span.start:
        return None
    body, ending = split_line_ending(lines[last])
    words = body.lstrip(" \t>")
    indent = body[: len(body) - len(words)]
    try:
        words, agreeing = set_tags(words, status, voice)
    except ValueError:
        return None
    if not agreeing:
        return None
    if reason:
        note = f" ({reason})"
        stripped = words.rstrip(" \t")
        noted = before_tag(stripped, note, voice.legend)
        words = (noted or stripped + note) + words[len(stripped) :]
    new = f"{indent}{words}{ending}"
    after = reads_as(roadmap, last, new, status, at=item.span.start)
    return None if after is None else (last, new, after)


def _struck_anew(
    roadmap: Roadmap, item: Item, status: Status, reason: str | None, voice: Voice
) -> str | None:
    """A list item's first line in a document that strikes its finished work through (an
    item reads done by its strikethrough): shipped, its words struck with "~~"; struck with
    "~~", and given another status, the strikethrough taken away and a marker set. None
    where the item is not such a one (a task's box says done its own way), or where the
    line so set would not read as ``status`` (words that go on below it, which one struck
    line leaves half struck): the other ways of setting a status are tried then."""
    if item.kind != "list" or not any(i.marker == "~~" for i in roadmap.items):
        return None
    start = item.span.start
    line = roadmap.document.source.lines[start]
    new: str | None = None
    if item.marker == "~~" and status is not Status.DONE:
        plain = unstrike(line)
        new = None if plain is None else restatus_line(plain, status, reason=reason, voice=voice)
    elif status is Status.DONE and item.status_from != "marker" and not reason:
        new = strike(line)
    return new if new is not None and reads_as(roadmap, start, new, status) else None


def _badge_set(
    roadmap: Roadmap, item: Item, status: Status, reason: str | None, voice: Voice
) -> str | None:
    """The first line of an item whose status is the badge that ends it, the badge's words
    set; None where its status is some other marker's ("### ✅ Search <Badge text="beta"
    />")."""
    body, ending = split_line_ending(roadmap.document.source.lines[item.span.start])
    badge = trailing_badge(body, roadmap.legend)
    if badge is None or item.marker != badge.words.strip():
        return None
    return set_ending_badge(body, badge, status, reason, voice) + ending


def _crossed_off(item: Item) -> bool:
    """Whether ``item`` is an open task struck through whole ("- [ ] ~~Sync~~"), dropped."""
    return item.status is Status.DROPPED and item.marker == "[ ] ~~"


def _restatus_crossed_off(
    roadmap: Roadmap, item: Item, status: Status, reason: str | None, voice: Voice
) -> str:
    """A crossed-off task's new status: dropped it is already (the line is kept); a tag
    after it says another ("- [ ] ~~Sync~~ (blocked)"), a ticked box done; planned, which
    its box says, it cannot be while struck through."""
    line = roadmap.document.source.lines[item.span.start]
    if status is Status.DROPPED:
        return line
    if status is Status.PLANNED:
        raise UsageError(
            "cannot set the status: the task is struck through (crossed off, dropped);"
            " remove the strikethrough by hand to plan it again",
            path=roadmap.path,
            line=item.span.first_line,
        )
    try:
        return restatus_line(line, status, reason=reason, voice=voice)
    except ValueError as error:
        raise UsageError(str(error), path=roadmap.path, line=item.span.first_line) from None


def set_status(
    roadmap: Roadmap,
    item: Item,
    status: Status,
    *,
    reason: str | None = None,
    voice: Voice | None = None,
) -> Edit:
    """Give ``item`` a new status where it stands (list item, table row or heading), in
    ``voice`` (default: the document's, :func:`voice_of`)."""
    lines = roadmap.document.source.lines
    voice = voice or voice_of(roadmap)
    first = item.span.start
    read: Roadmap | None = None  # the roadmap as it reads with the new line, where judged
    fielded: tuple[Patch, ...] | None = None  # a heading's line and its field's, set both
    if item.status is status and not reason and (item.marker or "").startswith(("![", "~~")):
        new = lines[first]  # said so already, by a badge or a strikethrough: nothing to change
    elif item.kind == "row":
        said = item.marker or ""
        if said.startswith(("![", "~~")):
            # a badge ("![Complete][]"), or the task struck where struck is done
            raise UsageError(
                f"the row's status is its {'badge' if said[0] == '!' else 'strikethrough'},"
                " which milepost does not set: change the row by hand",
                path=roadmap.path,
                line=item.span.first_line,
            )
        blocks, compared = roadmap.document.blocks, compares(item.section)
        new = restatus_row(blocks, lines[first], first, status, voice, compared=compared)
    elif item.kind == "heading" and item.marker == "~~":
        raise UsageError(
            "the heading's status is its strikethrough, which milepost does not set:"
            " change the heading by hand",
            path=roadmap.path,
            line=item.span.first_line,
        )
    elif item.status_from == "field":
        first = field_line(roadmap, item)
        new = field_set(lines[first], status, voice)
        box = retick(lines[item.span.start], status) if item.kind == "task" else None
        if box is not None:  # "- [ ] **Social**" over "- Status: Future": its box says too
            fielded = (
                Patch(item.span.start, item.span.start + 1, (box,)),
                Patch(first, first + 1, (new,)),
            )
    elif _crossed_off(item):
        new = _restatus_crossed_off(roadmap, item, status, reason, voice)
    elif (struck := _struck_anew(roadmap, item, status, reason, voice)) is not None:
        new = struck  # "- Search" shipped is "- ~~Search~~" where finished work is struck
    elif (badged := _badge_set(roadmap, item, status, reason, voice)) is not None:
        new = badged  # "- /terminal/send <Badge type="warning" text="planned" />"
    elif item.status is status and item.status_from == "marker" and reason is None:
        new = lines[first]  # said so already, by its own marker: nothing to change
    elif item.marker == IMAGE_BADGE:
        raise UsageError(
            "the item's status is its badge image, which milepost does not set:"
            " change the line by hand",
            path=roadmap.path,
            line=item.span.first_line,
        )
    else:
        try:
            new, read = _first_line(roadmap, item, status, reason, voice)
        except ValueError as error:
            raise UsageError(str(error), path=roadmap.path, line=item.span.first_line) from None
        ended = _tag_below(roadmap, item, status, reason, voice) if read is None else None
        if ended is not None:  # "- Deprecate JuliaOpt and move\n  its repos (**Done**)"
            first, new, read = ended
        if item.kind == "heading" and (read is None or _surfaces(roadmap, read)):
            # "## Phase 3 ✅" and "**Status**: ✅ COMPLETE" below it: both, where the field
            # would outvote the heading's marker alone, or read as an item of its own ("###
            # Phase: Docs 🔄" over "- **Status**: In Progress", the heading's while it agreed)
            both = and_field(roadmap, item, status, voice, Patch(first, first + 1, (new,)))
            if both is not None:
                fielded, read = both
        worded = _with_word(roadmap, item, status, reason, voice) if read is None else None
        if worded is not None:  # "✅ Completed: Search", where a bare ✅ bullets criteria
            new, read = worded
        if read is None and voice.words and reads_as(roadmap, first, new, status) is None:
            # the document's own word may say too little where it goes ("### Advanced
            # Features (Implemented)" titles no work done): the template's word then
            plain, plain_read = _first_line(roadmap, item, status, reason, replace(voice, words={}))
            if plain_read is not None:
                new, read = plain, plain_read
        if item.kind == "heading" and fielded is None and read and _surfaces(roadmap, read):
            # the heading's words said it ("### Phase: Docs ❌ Dropped"): its field set too
            both = and_field(roadmap, item, status, voice, Patch(first, first + 1, (new,)))
            if both is not None:
                fielded, read = both

    patches = fielded or (Patch(first, first + 1, (new,)),)
    anchor = item.span.start
    keeps_struck_work(roadmap, item, patches[0], read)

    def verify(after: Roadmap) -> str | None:
        found = next((i for i in after.items if i.span.start == anchor), None)
        if found is None or found.status is not status:
            got = found.status.value if found and found.status else "no status"
            return f"line {first + 1} reads as {got}, not {status.value}"
        keeps_other_work(roadmap, after, item, status)
        return None

    said = f"{named(item, roadmap.legend)}: {status.label}"
    return Edit(patches, said, verify)


def _surfaces(before: Roadmap, after: Roadmap) -> bool:
    """Whether an item reads in ``after`` on a line none did in ``before``: a heading's field
    that said what the heading did, and says another status now."""
    lines = {i.span.start for i in before.items}
    return any(i.span.start not in lines for i in after.items)
