"""Readers of what a roadmap records beside its plan: dependencies, risks (with their inline
likelihood, impact and mitigation), synergies, community requests and success metrics."""

from __future__ import annotations

import re

from milepost.document import Section
from milepost.extract.section_reader import SectionReader, fields_of, split_field
from milepost.extract.trailing_tags import trailing_tag
from milepost.extract.votes import cell_votes, text_votes
from milepost.lazy import lazy_pattern
from milepost.model import Dependency, Item, Metric, Request, Risk, Synergy
from milepost.vocabulary.legend import Legend
from milepost.vocabulary.periods import read_period
from milepost.vocabulary.sections import SectionKind, classify, strip_decoration
from milepost.vocabulary.status_labels import RISK_RATINGS

__all__ = ["RecordReader"]

# Never tried inside a run of blanks, which its start reads the same: linear on long runs.
_ARROW = re.compile(
    r"(?:(?<!\s)|(?!\s))(?:\s*+(?:→|->|=>|⇒|⟶|➡️?|â†’|to)\s+|\s*+(?:→|->|=>|⇒|⟶|â†’)\s*)"
)
_WITH = re.compile(r"(?i)^with\s+")
_DEPENDENCY_ON = re.compile(r"(?i)^(?:dependency|depends|dependence)\s+on\s+")
_CURRENT = re.compile(r"(?i)\(?\bcurrent(?:ly)?\s*[:=]?\s*(?P<v>[^);,]+)\)?")
# Found by its word, then what leads it is taken off by hand: blanks on both sides of an
# optional dash, written into the pattern, made a search over a line of blanks cubic (a
# request of 400 blanks took 9 s).
_STATUS_FIELD = re.compile(r"(?i)status\s*:")
_DASH = lazy_pattern(r"\s[-–—]\s+")
# How long a name set in bold before a dash may be: a line of a thousand dashes is no name.
_NAME_MAX = 200


class RecordReader(SectionReader):
    """The sections beside the plan, each read into its part of the model."""

    def dependencies(self, section: Section) -> list[Dependency]:
        out = []
        scopes: list[tuple[Section, str | None]] = [(section, None)]
        if not self.own_items(section):
            scopes = [
                (sub, _dependency_kind(sub.title))
                for sub in section.subsections
                if classify(sub.title) in (SectionKind.OTHER, SectionKind.DEPENDENCIES)
            ]
        for scope, kind in scopes:
            for item in self.hold(self.own_items(scope)):
                split = split_field(item.text)
                if split is None:
                    on, what = "", item.text
                else:
                    on, what = split
                on = _DEPENDENCY_ON.sub("", on).strip()
                out.append(
                    Dependency(
                        on or what,
                        what,
                        item.span,
                        kind=kind or "unspecified",
                        when=read_period(what, prose=True, counted_years=True),
                    )
                )
        return out

    def risks(self, section: Section) -> list[Risk]:
        out = []
        for item in self.hold(self.own_items(section)):
            # The inline labels, found once for the head and the fields: a search tries the
            # pattern at every position of the text.
            labels = list(_RISK_LABEL.finditer(item.text))
            head = item.text[: labels[0].start()] if labels else item.text
            split = split_field(head)
            name, description = split if split else ("", head)
            fields = fields_of(self.children(item))
            self.hold(c for c in self.children(item) if _risk_field(c))
            inline = _risk_fields(item.text, labels)
            fields.update({k: v for k, v in inline.items() if k not in fields})
            if item.kind == "row":
                cells = self.row_cells(section, item)
                fields = {**cells, **fields}
                name = description = next(iter(cells.values()), item.title)
            # "**File Security**: *Mitigation*: ..." has no description beyond its name.
            description = _risk_head(description).strip(" :*_–—-(") or name
            out.append(
                Risk(
                    name=name or description[:60],
                    description=description,
                    span=item.span,
                    likelihood=_level(fields.get("likelihood") or fields.get("probability")),
                    impact=_level(fields.get("impact") or fields.get("severity")),
                    mitigation=fields.get("mitigation") or None,
                )
            )
        return out

    def synergies(self, section: Section) -> list[Synergy]:
        out = []
        for item in self.hold(self.own_items(section)):
            split = split_field(item.text)
            track, how = split if split else ("", item.text)
            out.append(Synergy(_WITH.sub("", track).strip(), how, item.span))
        return out

    def requests(self, section: Section) -> list[Request]:
        out = []
        for item in self.hold(self.own_items(section)):
            if item.kind == "row":
                cells = self.row_cells(section, item)
                name, description = _row_request(cells, item.title)
                out.append(Request(name, description, item, cell_votes(cells)))
                continue
            votes, words = text_votes(_after_marker(item))
            # The Status: field goes first: "Sync - Status: Planned" is no field "Sync - Status".
            words = _without_tag(_without_status_field(words), self.found.legend)
            split = split_field(words) or _bold_name(words, self.document.line(item.span.start))
            name, description = split if split else ("", words)
            out.append(Request(name, description, item, votes))
        return out

    def metrics(self, section: Section) -> list[Metric]:
        out: list[Metric] = []
        groups: list[tuple[str | None, list[Item]]] = []
        for item in self.own_items(section):
            kids = self.children(item)
            if kids and item.text.rstrip(" *").endswith(":"):
                self.hold([item])  # the group's name
                groups.append((item.text.strip(" *:"), kids))
            else:
                groups.append((None, [item]))
        for sub in section.subsections:
            groups.append((sub.title, self.own_items(sub)))
        for group, items in groups:
            for item in self.hold(items):
                out.append(_metric(item, group))
        return out


# A risk's inline clause label: at the start, or after a separator (",", ";", ".", ":", "(",
# "|", a dash between spaces): "Churn — Likelihood: Medium, Impact: Medium. Mitigation: pin".
_RISK_LABEL = re.compile(
    r"(?i)(?:^|(?<=[;,(|.:])\s*|\s[-–—]\s*)(likelihood|probability|impact|severity|mitigation)"
    r"\s*:\s*"
)
_LEVEL_WORD = lazy_pattern(r"(?i)^(high|medium|low)\b(?![-/])")


def _risk_field(item: Item) -> bool:
    """Whether ``item`` (a line under a risk) is one of its fields ("- Impact: High")."""
    split = split_field(item.text)
    return split is not None and split[0].lower() in (*RISK_RATINGS, "mitigation")


def _risk_fields(text: str, labels: list[re.Match[str]]) -> dict[str, str]:
    """``Likelihood: High; Impact: Medium. Mitigation: a, b`` written inline in one item, its
    ``labels`` the matches of :data:`_RISK_LABEL` in ``text``.

    Each clause runs to the next label, or to a ``|`` or a ``)`` that closes the clauses'
    parenthesis; a level that opens with High, Medium or Low is that one word, so "Medium.
    Mitigation: ..." is Medium and the mitigation is its own clause.
    """
    fields: dict[str, str] = {}
    for index, match in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        value = _clause(text[match.end() : end]).strip().rstrip(" ,;.–—-").strip(" *_")
        label = match.group(1).lower()
        level = _LEVEL_WORD.match(value) if label in RISK_RATINGS else None
        fields.setdefault(label, level.group(1) if level else value)
    return fields


def _clause(text: str) -> str:
    """``text`` up to a ``|`` or an unmatched ``)``: "High) and more" → "High"."""
    depth = 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return text[:index]
            depth -= 1
        elif char == "|":
            return text[:index]
    return text


def _risk_head(text: str) -> str:
    """The words of a risk item before its first inline clause."""
    first = _RISK_LABEL.search(text)
    return text[: first.start()] if first else text


def _row_request(cells: dict[str, str], title: str) -> tuple[str, str]:
    """A request's name and description from its row: the cell that names it (the row's
    title), described by a Description column beside it where there is one."""
    described = next(
        (v for k, v in cells.items() if k.strip(" *:") in ("description", "details") and v), ""
    )
    if described and described != title:
        return title, described
    return "", title


def _after_marker(item: Item) -> str:
    """A list item's words after the status marker that leads them (``✅``, ``**Done:**``,
    ``⏳ **PENDING**``): they begin where its title does, which the marker's end starts."""
    if item.status_from not in ("marker", "legend") or item.text.startswith(item.title):
        return item.text
    at = item.text.find(item.title)
    return item.text[at:] if at > 0 else item.text


def _without_status_field(words: str) -> str:
    """``words`` up to the ``Status:`` field that ends them, without the dash or bracket
    that opens it: "Sync - Status: Planned", "Sync (Status: Planned)" → "Sync"."""
    found = _STATUS_FIELD.search(words)
    if found is None:
        return words.strip()
    head = words[: found.start()].rstrip()
    if head.endswith(("[", "(")):
        head = head[:-1].rstrip()
    if head.endswith(("-", "–", "—")):
        head = head[:-1]
    return head.strip()


def _without_tag(words: str, legend: Legend) -> str:
    """``words`` without the status tag after them: "Dark mode - Completed", "Dark mode (in
    progress) #12" (what follows the tag, such as its references, is kept)."""
    tag = trailing_tag(words, legend)
    if tag is None:
        return words
    return f"{words[: tag.start].rstrip()} {words[tag.end :].strip()}".strip()


def _bold_name(words: str, line: str) -> tuple[str, str] | None:
    """``**Dark mode** - requested by @x``: the name set in bold before a dash, and the words
    after it, as a "**Request 1:**" label names what its colon is followed by."""
    for dash in _DASH.finditer(words):
        if dash.start() > _NAME_MAX:
            break
        name, rest = words[: dash.start()].strip(), words[dash.end() :].strip()
        if name and rest and (f"**{name}**" in line or f"__{name}__" in line):
            return name, rest
    return None


def _dependency_kind(title: str) -> str | None:
    key = strip_decoration(title).lower()
    if "track" in key or "internal" in key:
        return "track"
    if "external" in key:
        return "external"
    return None


def _level(value: str | None) -> str | None:
    if value is None:
        return None
    return value.strip(" .*_") or None


def _metric(item: Item, group: str | None) -> Metric:
    text = item.title if item.status else item.text
    split = split_field(text)
    name, value = split if split else (text, "")
    baseline = target = current = None
    if value:
        parts = _ARROW.split(value, maxsplit=1)
        if len(parts) == 2:
            baseline, target = parts[0].strip() or None, parts[1].strip() or None
        match = _CURRENT.search(value)
        if match:
            current = match.group("v").strip()
            if target and match.group() in target:
                target = target.replace(match.group(), "").strip(" ,;") or None
    return Metric(
        name=name.strip(),
        span=item.span,
        group=group,
        baseline=baseline,
        target=target,
        current=current,
        status=item.status,
        text=item.text,
    )
