"""Document in, Roadmap out: pure, no I/O, no clock.

The generic pass (:mod:`.walk`) finds every status-bearing item; the section extractors
(:mod:`.parts`, :mod:`.meta`) read the template's sections into the typed model.
"""

from __future__ import annotations

import re

from milepost.document import Document, Heading, Section, headings_to_first_h1, parse
from milepost.extract.legend import config_legend
from milepost.extract.meta import read_meta, track_name
from milepost.extract.parts import read_parts
from milepost.extract.section_text import FreeText
from milepost.extract.walk import walk
from milepost.lazy import lazy_pattern
from milepost.model import Roadmap, SectionInfo
from milepost.source import Source
from milepost.span import Span
from milepost.vocabulary.legend import NO_LEGEND, Legend
from milepost.vocabulary.periods import read_period
from milepost.vocabulary.sections import SectionKind, classify

__all__ = ["extract", "read_roadmap", "read_title", "title_of", "track_name"]


def read_roadmap(
    source: Source, *, path: str | None = None, statuses: tuple[tuple[str, str], ...] = ()
) -> Roadmap:
    """Decoded text to its model: the one pipeline (parse, then extract with the config's
    ``statuses`` markers added to the vocabulary) every reader of roadmaps goes through."""
    return extract(parse(source), path=path, vocabulary=config_legend(statuses))


def extract(
    document: Document, *, path: str | None = None, vocabulary: Legend = NO_LEGEND
) -> Roadmap:
    """The typed model of one roadmap document; ``vocabulary``: status markers to add."""
    title = title_of(document)
    meta = read_meta(document, path=path)
    found = walk(document, anchor=meta.last_updated, path=path, vocabulary=vocabulary)
    parts, held = read_parts(document, found, meta, path=path)
    items = tuple(i for i in found.items if i.status or i.period or i.owners or i.refs)
    lines = {i.span.start for i in items}
    text = FreeText(document, held | lines, lines, path)
    return Roadmap(
        title=title,
        track=track_name(title),
        meta=meta,
        document=document,
        path=path,
        sections=tuple(_section_info(s, text) for s in document.sections),
        preamble=text(document.root.blocks),
        items=items,
        legend=found.legend,
        **parts,
    )


def title_of(document: Document) -> str:
    """A roadmap's title: its first H1, else (a document without one) its first heading; the
    ``title:`` of its front matter where that heading only says when ("# 2025")."""
    return _title(document.headings, document.source.text)


def read_title(source: Source) -> str:
    """The title :func:`title_of` gives the document of ``source``, read only as far as its
    first H1: a track's name (:func:`track_name`) for the cost of a line or two."""
    return _title(headings_to_first_h1(source), source.text)


def _title(headings: list[Heading], text: str) -> str:
    title = next(
        (h.inline.text.strip() for h in headings if h.level == 1),
        headings[0].inline.text.strip() if headings else "",
    )
    if text.startswith("---") and _only_when(title):
        # A Hugo page's "# 2025" is its first section; the page is titled in its front matter.
        return _front_matter_title(text) or title
    return title


def _only_when(title: str) -> bool:
    period = read_period(title)
    return period is not None and period.text == title


_FRONT_MATTER_TITLE = lazy_pattern(r"^title:[ \t]*(?P<q>[\"']?)(?P<title>.*?)(?P=q)[ \t]*$", re.M)


def _front_matter_title(text: str) -> str | None:
    """The ``title:`` of the YAML front matter that opens ``text``, if it gives one."""
    end = text.find("\n---", 3)
    match = _FRONT_MATTER_TITLE.search(text, 0, end if end > 0 else 0)
    return match["title"].strip() or None if match else None


def _section_info(
    section: Section, text: FreeText, parent: SectionKind | None = None
) -> SectionInfo:
    kind = classify(section.title, parent)
    return SectionInfo(
        title=section.title,
        level=section.level,
        kind=kind,
        span=Span(section.start, section.end, text.path),
        text=text(section.blocks),
        subsections=tuple([_section_info(s, text, kind) for s in section.subsections]),
    )
