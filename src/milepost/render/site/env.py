"""The site's Jinja environment: its templates (autoescape on), their filters and globals,
and rendering a page to UTF-8 bytes; the static files shipped beside the templates."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import BytecodeCache, Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from milepost.model import Item
from milepost.portfolio.rollup import TrackRollup
from milepost.render.refs import shown_refs
from milepost.render.site.filters import safe_url
from milepost.vocabulary.status import Status

__all__ = ["item_html", "macros", "render", "render_around", "static_files", "use_bytecode_cache"]


@lru_cache(maxsize=1)
def _env() -> Environment:
    """The one environment of the site's templates, made on first use."""
    env = Environment(
        loader=PackageLoader("milepost.render.site", "templates"),
        autoescape=select_autoescape(["j2", "html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.globals["item"] = item_html
    return env


def use_bytecode_cache(cache: BytecodeCache | None) -> None:
    """Keep the templates' compiled code in ``cache`` between runs (None: compile each run).
    The caller, which may touch the disk, chooses where."""
    _env().bytecode_cache = cache


def _status_html(status: Status | None) -> str:
    if status is None:
        return ""
    return (
        f'<span class="badge {status.value}">{escape(status.emoji)} {escape(status.label)}</span>'
    )


def item_html(i: Item, track: TrackRollup | None = None) -> Markup:
    """An item on a line: its status badge, title, owners, references and (with ``track``)
    a link to its track's page. Called for every item of every page, hence not a macro."""
    parts = [_status_html(i.status), " ", escape(i.title)]
    parts += [f' <span class="muted">{escape(o)}</span>' for o in i.owners]
    for ref in shown_refs(i):
        if ref.url is not None:
            parts.append(f' <a href="{escape(safe_url(ref.url))}">{escape(ref.label)}</a>')
        else:
            parts.append(f' <span class="muted">{escape(ref.label)}</span>')
    if track:
        parts.append(
            f' <a class="muted" href="tracks/{escape(track.slug)}.html">{escape(track.track)}</a>'
        )
    return Markup("".join(parts))


_SLOT = "\x00milepost-slot\x00"


def render_around(name: str, slot: str, **context: Any) -> tuple[bytes, bytes]:
    """The page ``name`` renders, as the bytes before and after where ``slot`` goes (the
    last mark: roadmap text, which might hold one, comes only before the slot)."""
    page = render(name, **{slot: Markup(_SLOT)}, **context)
    head, tail = page.rsplit(_SLOT.encode("utf-8"), 1)
    return head, tail


def render(name: str, **context: Any) -> bytes:
    """The template ``name`` rendered with ``context``, as UTF-8; its header marks the page
    by ``here``, the template's name without ``.j2`` (``items.html``)."""
    here = name.removesuffix(".j2")
    return _env().get_template(name).render(here=here, **context).encode("utf-8")


def static_files() -> dict[str, bytes]:
    """The static files (CSS, scripts) by their path in the site, ``static/<name>``."""
    from importlib import resources  # only a build whose static files must be written

    folder = resources.files("milepost.render.site") / "static"
    return {f"static/{f.name}": f.read_bytes() for f in folder.iterdir() if f.is_file()}


def macros() -> Any:
    """The macros of ``parts.html.j2``, for :func:`track_parts`."""
    return _env().get_template("parts.html.j2").module
