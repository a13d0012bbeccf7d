"""An item's title as Markdown: its code spans, links, bold and strikethrough put back around
the plain text the model holds, so that a title written again elsewhere (``ship`` records it
under Completed Milestones) reads as it did: ```__init__``` stays code, not bold "init"."""

from __future__ import annotations

from collections.abc import Callable

from milepost.document import Block, Inline, ListItem, descendants
from milepost.edits.readback import read_item
from milepost.model import Item, Roadmap

__all__ = ["title_markdown"]

# Characters that would start markup in running text.
_SPECIAL = "\\`*_[]<>~"


def title_markdown(roadmap: Roadmap, item: Item, heading: str, after: str = "") -> str:
    """``item``'s title written as Markdown that, followed by ``after`` (" shipped") under
    ``### heading``, reads back as a title that starts with it; the plain title where its
    markup cannot be placed."""
    node = _list_item_at(roadmap.document.blocks, item.span.start)
    inline = node.inline if node is not None else Inline(item.title)
    at = inline.text.find(item.title)
    if at < 0:  # the title is not the item's text as it stands: plain text, escaped
        inline, at = Inline(item.title), 0
    end = at + len(item.title)
    for escape in (_as_is, _escaped):
        written = _markdown(inline, at, end, escape)
        seen = read_item(f"- ✅ {written}{after}\n", heading, roadmap.legend)
        if seen is not None and seen.title.startswith(item.title):
            return written
    return item.title


def _list_item_at(blocks: list[Block], line: int) -> ListItem | None:
    return next(
        (b for b in descendants(blocks) if isinstance(b, ListItem) and b.start == line), None
    )


def _as_is(text: str) -> str:
    return text


def _escaped(text: str) -> str:
    return "".join(f"\\{c}" if c in _SPECIAL else c for c in text)


def _code(text: str) -> str:
    fence = "`"
    while fence in text:
        fence += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _markdown(inline: Inline, start: int, end: int, escape: Callable[[str], str]) -> str:
    """``inline.text[start:end]`` with the code spans, links, bold and struck runs that lie
    wholly inside it written as Markdown; the rest passed through ``escape``."""
    text = inline.text
    inside = [(a, b) for a, b in inline.code if start <= a and b <= end]
    links = [link for link in inline.links if start <= link.start and link.end <= end]
    strong = [(a, b) for a, b in inline.strong if start <= a and b <= end]
    strike = [(a, b) for a, b in inline.strike if start <= a and b <= end]
    out: list[str] = []
    at = start
    while at < end:
        # The widest run that starts here, the outer one first (struck around bold around a
        # link around code).
        runs = [(b, 3, "strike", "") for a, b in strike if a == at and b > at]
        runs += [(b, 2, "strong", "") for a, b in strong if a == at and b > at]
        runs += [(k.end, 1, "link", k.url) for k in links if k.start == at and k.end > at]
        runs += [(b, 0, "code", "") for a, b in inside if a == at and b > at]
        if runs:
            stop, _, kind, url = max(runs)
            if kind == "code":
                out.append(_code(text[at:stop]))
            else:
                # What the run holds: a struck run bold and links, a bold run narrower struck
                # runs and links, a link code alone (each run written once, by the outermost).
                within = kind != "link"
                rest = Inline(
                    text,
                    strong=tuple(r for r in strong if kind == "strike" and r[1] <= stop),
                    strike=tuple(r for r in strike if kind == "strong" and r[1] <= stop),
                    code=tuple(inside),
                    links=tuple(k for k in links if within and k.end <= stop),
                )
                label = _markdown(rest, at, stop, escape)
                if kind == "strike":
                    out.append(f"~~{label}~~")
                elif kind == "strong":
                    out.append(f"**{label}**")
                else:
                    image = next(k.image for k in links if k.start == at and k.end == stop)
                    target = f"<{url}>" if any(c in url for c in " ()<>") else url
                    out.append(f"{'!' if image else ''}[{label}]({target})")
            at = stop
            continue
        stops = [a for a, _ in inside] + [k.start for k in links] + [a for a, _ in strong]
        stops += [a for a, _ in strike]
        following = min((s for s in stops if s > at), default=end)
        out.append(escape(text[at : min(following, end)]))
        at = min(following, end)
    return "".join(out)
