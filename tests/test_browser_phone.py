"""The site on a phone (390px wide) in the real Debian chromium (headless, see
tests/browser.py): the header leaves the screen to the page, what scrolls sideways inside
a page can be scrolled by keyboard, and the timeline is a list of each track's periods."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser import open_page, track_site
from tests.test_site_header import LABELS

WIDE_ROADMAP = """\
# Wide Roadmap

## Release <Plan> & "dates"

| Milestone | Target | Status | Owner | Notes | Dependencies |
|---|---|---|---|---|---|
| Benchmarkharness | September 2026 | ✅ Complete | @esther | Nightlyregressions | Orchestration |

## Setup

```sh
milepost site /home/me/repo/roadmaps --output /home/me/repo/site --today 2026-11-25
```
"""

# The contrast of the focused element's outline with the page behind it (WCAG 1.4.11: 3).
OUTLINE = r"""el => {
  const channel = (v) => (v <= 10.03 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
  const lum = (c) => { const [r, g, b] = c.match(/[\d.]+/g).map(Number);
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b); };
  const style = getComputedStyle(el);
  const [a, b] = [lum(style.outlineColor), lum(getComputedStyle(document.body).backgroundColor)];
  return [style.outlineStyle, parseFloat(style.outlineWidth),
          (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
}"""


@pytest.fixture(scope="module")
def wide(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A track whose roadmap holds a table and a code block wider than a phone."""
    return track_site(tmp_path_factory.mktemp("wide"), "wide", WIDE_ROADMAP)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_wide_table_or_code_block_scrolls_by_keyboard(
    browser: Any, wide: Path, scheme: str
) -> None:
    """Tab reaches each scroller of the roadmap as written, which has a name and an outline
    that stands out in either scheme, and the arrow keys then scroll it (axe's
    scrollable-region-focusable: a keyboard user could not reach what is cut off)."""
    page, problems = open_page(browser, wide.as_uri(), width=390)
    page.emulate_media(color_scheme=scheme)
    regions = page.locator(".roadmap [role=region]")
    assert [r.get_attribute("aria-label") for r in regions.all()] == [
        'Table: Release <Plan> & "dates"',
        "Code: Setup",
    ]
    for n in range(regions.count()):
        region = regions.nth(n)
        assert region.evaluate("el => el.scrollWidth > el.clientWidth + 50 && el.tabIndex === 0")
        for _ in range(30):
            page.keyboard.press("Tab")
            if region.evaluate("el => el === document.activeElement"):
                break
        else:
            pytest.fail(f"Tab never reached {region.get_attribute('aria-label')}")
        style, width, contrast = region.evaluate(OUTLINE)
        assert style != "none" and width >= 2 and contrast >= 3, (scheme, style, width, contrast)
        page.keyboard.press("ArrowRight")  # a smooth scroll: it takes a few frames
        page.wait_for_function("el => el.scrollLeft > 0", arg=region.element_handle())
    assert problems == []
    page.close()


# How many lines of text the header is high: its height inside its padding and border, in
# lines of its tallest text (the project's name).
HEADER_LINES = """() => {
  const header = document.querySelector('header.site');
  const style = getComputedStyle(header);
  const inner = header.getBoundingClientRect().height - ['paddingTop', 'paddingBottom',
    'borderTopWidth', 'borderBottomWidth'].reduce((sum, side) => sum + parseFloat(style[side]), 0);
  return inner / parseFloat(getComputedStyle(header.querySelector('strong')).lineHeight);
}"""


@pytest.mark.parametrize(("width", "most"), [(390, 2), (360, 2), (1280, 1)])
@pytest.mark.parametrize("name", ["index.html", "tracks/orchestration.html"])
def test_the_header_is_two_lines_on_a_phone_and_one_on_a_desktop(
    browser: Any, examples: Path, name: str, width: int, most: int
) -> None:
    """The project's name, the eight pages and the day took four lines of a phone's screen
    (the pages wrapped over three): now the name and the day, then the pages in a row that
    scrolls sideways, every one of them reached by Tab."""
    page, problems = open_page(browser, (examples / name).as_uri(), width=width)
    lines = page.evaluate(HEADER_LINES)
    assert lines <= most + 0.3, (name, width, lines)
    links = page.locator("header nav a")
    page.keyboard.press("Tab")  # the skip link, then the project's name
    page.keyboard.press("Tab")
    for n in range(links.count()):  # each page's link in turn, wholly in view, unfaded
        page.keyboard.press("Tab")
        link = links.nth(n)
        assert link.evaluate("el => el === document.activeElement")
        clear = link.evaluate(
            """el => { const nav = el.parentElement.getBoundingClientRect();
            const fade = parseFloat(getComputedStyle(el.parentElement).paddingRight);
            const box = el.getBoundingClientRect();
            return box.left >= nav.left && box.right <= nav.right - fade + 1; }"""
        )
        assert clear, (name, width, link.inner_text())
    assert problems == []
    page.close()


# The link of the page shown, against another link of the header: the properties other than
# colour in which they differ, and the contrast of its bar with the page (WCAG 1.4.11: 3).
CURRENT = r"""el => {
  const channel = (v) => (v <= 10.03 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
  const lum = (c) => { const [r, g, b] = c.match(/[\d.]+/g).map(Number);
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b); };
  const other = [...el.parentElement.querySelectorAll('a')].find(a => a !== el);
  const [mine, theirs] = [getComputedStyle(el), getComputedStyle(other)];
  const differ = ['fontWeight', 'textDecorationLine', 'borderBottomStyle', 'borderBottomWidth']
    .filter(k => mine[k] !== theirs[k]);
  const page = getComputedStyle(document.body).backgroundColor;
  const [a, b] = [lum(mine.borderBottomColor), lum(page)];
  return [differ, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_the_header_marks_the_page_shown(
    browser: Any, examples: Path, width: int, scheme: str
) -> None:
    """Every link of the header looked alike wherever one was: the page's own link says it
    is the current page (once a page; a track page's "Tracks", the set it is one of), stands
    out by more than its colour in either scheme, and on a phone starts in view, clear of
    the row's fade (History is the last of the row)."""
    for name, label in [*LABELS.items(), ("tracks/memory.html", "Tracks")]:
        page, problems = open_page(browser, (examples / name).as_uri(), width=width)
        page.emulate_media(color_scheme=scheme)
        current = page.locator("header [aria-current]")
        assert current.count() == 1, (name, current.count())
        assert current.inner_text() == label
        assert current.get_attribute("aria-current") == ("true" if "/" in name else "page")
        differ, contrast = current.evaluate(CURRENT)
        assert differ and contrast >= 3, (name, scheme, differ, contrast)
        clear = current.evaluate(
            """el => { const nav = el.parentElement.getBoundingClientRect();
            const fade = parseFloat(getComputedStyle(el.parentElement).paddingRight);
            const box = el.getBoundingClientRect();
            return box.left >= nav.left && box.right <= nav.right - fade + 1; }"""
        )
        assert clear, (name, width)
        assert page.evaluate("() => window.scrollY") == 0 and problems == []
        page.close()


def test_the_row_of_pages_fades_at_either_edge_it_hides_more_past(
    browser: Any, examples: Path
) -> None:
    """The History page opens with its link in view, the row scrolled: the page cut at its
    left edge stood cut mid-letter, as if drawn wrong, where the right edge fades. Both
    edges fade, the left one over the row's padding, so the first page is clear of it."""
    page, problems = open_page(browser, (examples / "history.html").as_uri(), width=390)
    nav = page.locator("header nav")
    assert nav.evaluate("el => el.scrollLeft") > 0
    mask = nav.evaluate("el => getComputedStyle(el).maskImage")
    clear_at = "rgba(0, 0, 0, 0)"  # transparent: the row hidden there
    assert mask.startswith(f"linear-gradient(to right, {clear_at}") and mask.endswith(
        f"{clear_at})"
    ), mask
    nav.evaluate("el => { el.scrollLeft = 0; }")
    clear = page.locator("header nav a").first.evaluate(
        "el => el.getBoundingClientRect().left - el.parentElement.getBoundingClientRect().left"
    )
    assert clear >= 16, clear  # the row's padding, which the fade covers
    assert problems == []
    page.close()


# Each track of the timeline: its row's height, its name's and its periods' heights, and of
# each period shown, its label, the heading of its column, its height and its items' height.
TIMELINE_ROWS = """() => {
  const heads = [...document.querySelectorAll('.timeline thead th')].map(th => th.textContent);
  const tall = el => el.getBoundingClientRect().height;
  return [...document.querySelectorAll('.timeline tbody tr')].map(tr => {
    const cells = [...tr.children];
    const periods = cells.slice(1).map((td, n) => {
      const when = td.querySelector('.when');
      const items = [...td.querySelectorAll(':scope > div')];
      const inside = items.length ? items[items.length - 1].getBoundingClientRect().bottom
        - items[0].getBoundingClientRect().top : 0;
      return [when ? when.innerText : null, heads[n + 1], tall(td), inside, items.length];
    });
    return [cells[0].innerText, tall(tr), tall(cells[0]), periods]; });
}"""


def test_the_timeline_on_a_phone_lists_each_tracks_periods(browser: Any, examples: Path) -> None:
    """At 390px a row of the timeline was as tall as its fullest period, wherever that lay
    (mostly off the screen), under periods standing empty: Web UI's row stood some 650px
    high over an empty July and August. On a phone each track lists the periods it has
    work in, in time order, each labelled, none empty and none taller than its items;
    nothing scrolls sideways, and the track's name stays at the top of the screen while its
    periods scroll past."""
    page, problems = open_page(browser, (examples / "timeline.html").as_uri(), width=390)
    box = page.locator(".scroll").first
    assert box.evaluate("el => el.scrollWidth <= el.clientWidth + 1")
    assert page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"
    )
    rows = page.evaluate(TIMELINE_ROWS)
    assert [name for name, *_ in rows] == [
        *("Evaluation", "Memory", "Orchestration", "Tool Use", "Web UI")
    ]
    for name, height, head, periods in rows:
        assert any(count for *_, count in periods), name
        for when, column, tall, inside, count in periods:
            if count == 0:
                assert tall == 0, (name, column, tall)  # an empty period takes no room
                continue
            assert when == column, (name, when, column)  # labelled as its column
            assert tall <= inside + 24, (name, column, tall, inside)
        assert height <= head + sum(p[2] for p in periods) + 4, (name, height)
    # Scrolled to the middle of Web UI's periods, its name stands at the top of the screen.
    row = page.locator(".timeline tbody tr", has_text="Web UI")
    row.evaluate(
        "el => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY"
        " + el.getBoundingClientRect().height / 2)"
    )
    name = row.locator("th").bounding_box()
    assert name is not None and abs(name["y"]) <= 1, name
    assert problems == []
    page.close()


def test_the_timeline_on_a_desktop_keeps_its_grid(browser: Any, examples: Path) -> None:
    """Wider than a phone the timeline stays a grid of tracks by periods: the periods' own
    labels are for the phone's list only."""
    page, problems = open_page(browser, (examples / "timeline.html").as_uri(), width=1280)
    assert page.locator(".timeline thead th").first.is_visible()
    assert (
        page.evaluate(
            "() => getComputedStyle(document.querySelector('.timeline tbody tr')).display"
        )
        == "table-row"
    )
    assert page.locator(".timeline .when").count() > 0
    assert not any(w.is_visible() for w in page.locator(".timeline .when").all())
    assert problems == []
    page.close()
