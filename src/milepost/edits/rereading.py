"""An edit judged by how the roadmap reads after it: the roadmap with patches applied and
read again (:func:`patched`, :func:`reads_as`), and the refusals of an edit that would
change how other work reads (:func:`keeps_struck_work`, :func:`keeps_other_work`)."""

from __future__ import annotations

from milepost.document import Patch, apply, parse
from milepost.edits.edit import named
from milepost.errors import UsageError
from milepost.extract import extract
from milepost.model import Item, Roadmap
from milepost.vocabulary.status import Status

__all__ = [
    "keeps_other_work",
    "keeps_struck_work",
    "others_alike",
    "patched",
    "reads_as",
    "status_at",
]


def keeps_struck_work(
    roadmap: Roadmap, item: Item, patch: Patch, after: Roadmap | None = None
) -> None:
    """Refuse an edit that would change how other struck work reads: "~~Search~~" is done
    where the document strikes finished work, a reading the edited line may turn off
    (``after``: the roadmap with ``patch`` applied, where it was read already)."""
    struck = {i.span.start: i.status for i in roadmap.items if i.marker == "~~"}
    struck.pop(item.span.start, None)
    if not struck:
        return
    now = {i.span.start: i.status for i in (after or patched(roadmap, patch)).items}
    moved = next((at for at, was in struck.items() if now.get(at) != was), None)
    if moved is not None:
        raise UsageError(
            f"cannot set the status: the struck-through item on line {moved + 1} would no"
            " longer read as done; change the lines by hand",
            path=roadmap.path,
            line=item.span.first_line,
        )


def others_alike(roadmap: Roadmap, after: Roadmap, line: int) -> bool:
    """Whether every item but the one on ``line`` (0-based) reads as it did."""
    before = {i.span.start: i.status for i in roadmap.items if i.span.start != line}
    return before == {i.span.start: i.status for i in after.items if i.span.start != line}


def patched(roadmap: Roadmap, *patches: Patch) -> Roadmap:
    """The roadmap as it reads with ``patches`` applied (its legend kept: the config's
    markers with it), to judge an edit before it is made."""
    return extract(parse(apply(roadmap.document.source, patches)), vocabulary=roadmap.legend)


def reads_as(
    roadmap: Roadmap, line: int, new: str, status: Status, *, at: int | None = None
) -> Roadmap | None:
    """The roadmap as it reads with ``line`` (0-based) replaced by ``new``, where the item
    that starts on ``at`` (``line`` itself by default) reads as ``status`` so; else None."""
    after = patched(roadmap, Patch(line, line + 1, (new,)))
    return after if status_at(after, line if at is None else at) is status else None


def status_at(roadmap: Roadmap, line: int) -> Status | None:
    """The status of the item that starts on ``line`` (0-based), if one does."""
    return next((i.status for i in roadmap.items if i.span.start == line), None)


def keeps_other_work(roadmap: Roadmap, after: Roadmap, item: Item, status: Status) -> None:
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
