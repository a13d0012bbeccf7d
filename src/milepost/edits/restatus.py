"""A new status for an item where it stands: its list line, its table cell or first cell,
or the ``**Status:**`` field under its heading, written in the document's own words."""

from __future__ import annotations

import re
from collections import Counter

from milepost.document import ListBlock, Patch, apply, descendants, parse
from milepost.document.item_lines import LIST_ITEM
from milepost.edits.cells import bare_words, restatus_bare, restatus_field
from milepost.edits.edit import Edit, named
from milepost.edits.lines import ICON, split_line_ending
from milepost.edits.rows import new_row, restatus_row
from milepost.edits.status_field import before_tag
from milepost.edits.strikes import strike, unstrike
from milepost.edits.style import restatus_line, retick, set_ending_badge
from milepost.edits.tags import set_tags
from milepost.edits.voice import Voice
from milepost.errors import UsageError
from milepost.extract import extract
from milepost.extract.badges import IMAGE_BADGE, trailing_badge
from milepost.extract.conventions import cross_would_drop, crosses
from milepost.extract.heading_words import compares
from milepost.lazy import lazy_pattern
from milepost.model import Item, Roadmap, status_items
from milepost.vocabulary.english_words import PARTLY_DONE
from milepost.vocabulary.status import DOTS, EMOJI, Status, emoji_written
from milepost.vocabulary.status_labels import STATUS_FIELD
from milepost.vocabulary.status_words import status_of_word

__all__ = ["field_line", "new_row", "set_status", "voice_of"]


def voice_of(roadmap: Roadmap) -> Voice:
    """The label word, the emoji and the image icon the document uses most for each status
    ("Complete", 🔄, "![Completed](c.png)"): what its own work items are marked with, where
    the marker reads as that status (not the ✅ and ⏳ of Success Metrics, which say whether
    a target is met)."""
    words: dict[Status, Counter[str]] = {}
    glyphs: dict[Status, Counter[str]] = {}
    icons: dict[Status, Counter[str]] = {}
    dots: dict[Status, Counter[str]] = {}
    codes: dict[Status, Counter[str]] = {}
    lines = roadmap.document.source.lines
    for item in status_items(roadmap):
        if item.status is None or not item.marker or item.status_from == "heading":
            continue
        if item.marker.startswith("!["):  # an image icon: "![Completed](c.png) Search"
            icon = ICON.search(lines[item.span.start])
            if icon is not None:
                icons.setdefault(item.status, Counter())[icon.group()] += 1
            continue
        dot = _DOT.search(item.marker)
        if dot is not None and status_of_word(dot["words"]) is item.status:
            dots.setdefault(item.status, Counter())[dot["dot"]] += 1  # "(🟢 Done)"
            words.setdefault(item.status, Counter())[dot["words"].strip()] += 1
        found = emoji_written(item.marker)
        if found is not None and (
            EMOJI.get(found[0]) is item.status or item.status_from == "legend"
        ):
            glyphs.setdefault(item.status, Counter())[item.marker[: found[1]]] += 1
        word = (item.marker[found[1] :] if found else item.marker).strip(" :：*_[]x")
        # A dash tag's words ("Search - in progress") are no label: "- in progress" was
        # the word a Status: field was then given ("Status: - in progress").
        # Work partly done ("Mostly done") is in progress, but no word for work just started.
        if word[:1] in "-–—" or " ".join(word.lower().split()) in PARTLY_DONE:
            continue
        if word and status_of_word(word) is item.status and word.lower() not in _ONE_KIND:
            words.setdefault(item.status, Counter())[word] += 1
        elif word and roadmap.legend.word(word) is item.status:  # "NW", the config's "Parked"
            codes.setdefault(item.status, Counter())[word] += 1
    text = roadmap.document.source.text
    return Voice(
        _most(words),
        _most(glyphs),
        roadmap.legend,
        _most(icons),
        crosses_said=cross_would_drop(text, roadmap.legend),
        crosses=crosses(text),
        dots=_most(dots),
        codes=_most(codes),
    )


# A coloured dot and the words beside it in a bracketed tag: "(🟢 Done)".
# (The words take the blanks after the dot: a pattern to skip them first tried each split of a
# long run of blanks between the two.)
_DOT = re.compile(rf"[(\[](?P<dot>{'|'.join(sorted(DOTS))})\ufe0f?(?P<words>[^()\[\]]+)[)\]]")


# Words that say how one kind of work ended, a bug "[FIXED]", an issue "(Resolved)": no word
# to write for every item of that status ("FIXED: Export" shipped reads as no status).
_ONE_KIND = frozenset({"fixed", "resolved", "closed"})


def _most(seen: dict[Status, Counter[str]]) -> dict[Status, str]:
    return {status: counts.most_common(1)[0][0] for status, counts in seen.items()}


# A Status field's label and colon: "**Status:**", "Status/ETA:".
_STATUS_FIELD = lazy_pattern(rf"(?i){STATUS_FIELD}")


def field_line(roadmap: Roadmap, item: Item) -> int:
    """The line of the ``**Status:**`` field that gives a heading its status (below it), or
    a list item its status (a ``- Status: WIP`` sub-bullet, within it)."""
    lines = roadmap.document.source.lines
    span = item.span
    below = range(span.end, min(span.end + 12, len(lines)))
    for number in below if item.kind == "heading" else range(span.start + 1, span.end):
        if _STATUS_FIELD.search(lines[number]):
            return number
    for number in range(span.start + 1, span.end) if item.kind != "heading" else ():
        if bare_words(lines[number]) is not None:  # "  - Done ✅ 100%"
            return number
    raise UsageError("cannot find the status field", path=roadmap.path, line=item.span.first_line)


def _keeps_struck_work(
    roadmap: Roadmap, item: Item, patch: Patch, after: Roadmap | None = None
) -> None:
    """Refuse an edit that would change how other struck work reads: "~~Search~~" is done
    where the document strikes finished work, a reading the edited line may turn off
    (``after``: the roadmap with ``patch`` applied, where it was read already)."""
    struck = {i.span.start: i.status for i in roadmap.items if i.marker == "~~"}
    struck.pop(item.span.start, None)
    if not struck:
        return
    now = {i.span.start: i.status for i in (after or _patched(roadmap, patch)).items}
    moved = next((at for at, was in struck.items() if now.get(at) != was), None)
    if moved is not None:
        raise UsageError(
            f"cannot set the status: the struck-through item on line {moved + 1} would no"
            " longer read as done; change the lines by hand",
            path=roadmap.path,
            line=item.span.first_line,
        )


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
        and (after := _reads_as(roadmap, first, ends, status)) is not None
        and _others_alike(roadmap, after, first)
    ):
        return ends, after
    if (after := _reads_as(roadmap, first, leads, status)) is not None:
        return leads, after
    planned = status is Status.PLANNED
    if planned:
        new = restatus_line(line, status, reason=reason, voice=voice, say_planned=True)
        if (after := _reads_as(roadmap, first, new, status)) is not None:
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


def _others_alike(roadmap: Roadmap, after: Roadmap, line: int) -> bool:
    """Whether every item but the one on ``line`` (0-based) reads as it did."""
    before = {i.span.start: i.status for i in roadmap.items if i.span.start != line}
    return before == {i.span.start: i.status for i in after.items if i.span.start != line}


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
    after = _reads_as(roadmap, first, said, status)
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
    after = _reads_as(roadmap, last, new, status, at=item.span.start)
    return None if after is None else (last, new, after)


def _patched(roadmap: Roadmap, *patches: Patch) -> Roadmap:
    """The roadmap as it reads with ``patches`` applied (its legend kept: the config's
    markers with it), to judge an edit before it is made."""
    return extract(parse(apply(roadmap.document.source, patches)), vocabulary=roadmap.legend)


def _field_set(line: str, status: Status, voice: Voice) -> str:
    """A Status field's line set to ``status``: a sub-bullet that is the status alone ("-
    Done ✅ 100%"), else a labelled field ("**Status:** Planned")."""
    bare = restatus_bare(line, status, voice)
    return bare if bare is not None else restatus_field(line, status, voice)


def _reads_as(
    roadmap: Roadmap, line: int, new: str, status: Status, *, at: int | None = None
) -> Roadmap | None:
    """The roadmap as it reads with ``line`` (0-based) replaced by ``new``, where the item
    that starts on ``at`` (``line`` itself by default) reads as ``status`` so; else None."""
    after = _patched(roadmap, Patch(line, line + 1, (new,)))
    return after if _status_at(after, line if at is None else at) is status else None


def _status_at(roadmap: Roadmap, line: int) -> Status | None:
    """The status of the item that starts on ``line`` (0-based), if one does."""
    return next((i.status for i in roadmap.items if i.span.start == line), None)


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
    return new if new is not None and _reads_as(roadmap, start, new, status) else None


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
    if item.kind == "row":
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
        new = _field_set(lines[first], status, voice)
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
        if item.kind == "heading" and read is None:
            # "## Phase 3 ✅" and "**Status**: ✅ COMPLETE" below it: both, where the field
            # would outvote the heading's marker alone
            both = _and_field(roadmap, item, status, voice, Patch(first, first + 1, (new,)))
            if both is not None:
                fielded, read = both
        worded = _with_word(roadmap, item, status, reason, voice) if read is None else None
        if worded is not None:  # "✅ Completed: Search", where a bare ✅ bullets criteria
            new, read = worded

    patches = fielded or (Patch(first, first + 1, (new,)),)
    anchor = item.span.start
    _keeps_struck_work(roadmap, item, patches[0], read)

    def verify(after: Roadmap) -> str | None:
        found = next((i for i in after.items if i.span.start == anchor), None)
        if found is None or found.status is not status:
            got = found.status.value if found and found.status else "no status"
            return f"line {first + 1} reads as {got}, not {status.value}"
        _keeps_other_work(roadmap, after, item, status)
        return None

    said = f"{named(item, roadmap.legend)}: {status.label}"
    return Edit(patches, said, verify)


def _keeps_other_work(roadmap: Roadmap, after: Roadmap, item: Item, status: Status) -> None:
    """Refuse an edit that would take away or change the status of other work: a glyph a
    list reads by the others beside it ("- **M2.4**: Testing 🔄" under "- **M2.3**: Models
    ✅") may say nothing once the edited line changes. What the item holds may read anew (✅
    bullets under a heading no longer done are its criteria), and so may the headings it
    stands under ("## Phase 1 ✅" over a task started again holds open work). The lines keep
    their places (a status is set one line for one), so items are matched by where they
    start."""
    sections = _sections(roadmap)
    holds = sections.get(item.span.start) if item.kind == "heading" else None
    start, end = holds or (item.span.start, item.span.end)
    now = {i.span.start: i.status for i in after.items}
    for other in roadmap.items:
        if start <= other.span.start < end or other.status is None:
            continue
        if other.kind == "heading":
            holds = sections.get(other.span.start)
            if holds is not None and holds[0] <= item.span.start < holds[1]:
                continue
        said = now.get(other.span.start)
        if said is not other.status:
            got = said.label if said is not None else "no status"
            raise UsageError(
                f"cannot set {named(item, roadmap.legend)!r} {status.label}: then"
                f" {named(other, roadmap.legend)!r} on line {other.span.first_line} would read"
                f" as {got}, not {other.status.label}; change the lines by hand",
                path=roadmap.path,
                line=other.span.first_line,
            )


def _sections(roadmap: Roadmap) -> dict[int, tuple[int, int]]:
    """The lines each heading's section covers (subsections too), by the heading's line."""
    covered: dict[int, tuple[int, int]] = {}
    sections = list(roadmap.document.sections)
    while sections:
        section = sections.pop()
        if section.heading is not None:
            covered[section.heading.start] = (section.start, section.end)
        sections.extend(section.subsections)
    return covered


def _and_field(
    roadmap: Roadmap, item: Item, status: Status, voice: Voice, patch: Patch
) -> tuple[tuple[Patch, ...], Roadmap] | None:
    """A heading that says its status twice, by its own marker and by the ``**Status:**``
    field below it ("## Phase 3 ✅", then "**Status**: ✅ **COMPLETE**"), where the field
    would outvote the new marker: ``patch`` (the heading's new line) and the field set too,
    with the roadmap as it reads with both; None where there is no such field before the
    next heading, or where the two would not read as ``status`` or would change how any
    other item reads."""
    lines = roadmap.document.source.lines
    try:
        at = field_line(roadmap, item)
    except UsageError:
        return None
    if any(lines[number].lstrip(" ").startswith("#") for number in range(item.span.end, at)):
        return None  # a heading's field between: a sub-section's, not this one's
    try:
        new = _field_set(lines[at], status, voice)
    except ValueError:
        return None
    patches = (patch, Patch(at, at + 1, (new,)))
    after = _patched(roadmap, *patches)
    was = {i.span.start: i.status for i in roadmap.items if i.span.start != item.span.start}
    now = {i.span.start: i.status for i in after.items}
    if now.get(item.span.start) is not status or any(now.get(k) != v for k, v in was.items()):
        return None
    return patches, after
