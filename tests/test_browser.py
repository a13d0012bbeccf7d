"""The site in the real Debian chromium (headless, see tests/browser.py): pages load cleanly,
search and filters work by typing and clicking, XSS payloads never run, screenshots at desktop
and phone widths."""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
from pathlib import Path
from typing import Any

import pytest

from milepost import api
from tests.browser import open_page
from tests.conftest import EXAMPLES
from tests.test_site import PAGES as SITE_PAGES
from tests.test_site import PAYLOADS

PAGES = [*SITE_PAGES, "tracks/orchestration.html", "tracks/evil.html"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("portfolio")
    shutil.copytree(EXAMPLES, root / "p")
    evil = root / "p" / "tracks" / "evil"
    evil.mkdir()
    lines = ["# Evil Roadmap", "", "## Current Focus", "", "### November 2026"]
    lines += [f"- 🚧 **In Progress:** item {p}" for p in PAYLOADS]
    lines += ["", "## Community Feedback", "", f"- **Request 1:** {PAYLOADS[1]} - Status: Planned"]
    (evil / "roadmap.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = root / "site"
    api.site([root / "p"], out, today=dt.date(2026, 11, 25))
    return out


@pytest.mark.parametrize("name", PAGES)
def test_every_page_loads_cleanly(browser: Any, site: Path, name: str) -> None:
    page, problems = open_page(browser, (site / name).as_uri())
    page.wait_for_load_state("load")
    assert problems == []
    assert page.locator("main h1").count() == 1
    page.close()


def test_search_and_filters(browser: Any, site: Path) -> None:
    page, problems = open_page(browser, (site / "items.html").as_uri())
    total = page.locator("#all-items > li").count()
    assert page.locator("#count").inner_text() == f"{total} shown"
    page.fill("#q", "memory")
    shown = page.locator("#all-items > li:visible").count()
    assert 0 < shown < total and page.locator("#count").inner_text() == f"{shown} shown"
    page.fill("#q", "")
    page.select_option("#f-status", "done")
    done = page.locator("#all-items > li:visible")
    assert done.count() > 0
    assert all("Done" in done.nth(k).inner_text() for k in range(done.count()))
    page.select_option("#f-track", "tool-use")
    assert all("Tool Use" in t for t in done.all_inner_texts())
    page.keyboard.press("Enter")  # submitting the form must not reload or navigate
    assert page.url.endswith("items.html") and problems == []
    page.close()


def test_search_finds_the_words_of_a_title(browser: Any, site: Path) -> None:
    """ "words in a title": every word typed, anywhere in the title and in any order; not the
    track's name, the status badge or the owner beside it (the filters choose those)."""
    page, problems = open_page(browser, (site / "items.html").as_uri())
    page.fill("#q", "memory backend")
    shown = page.locator("#all-items > li:visible").all_inner_texts()
    assert any("SQLite memory store as the default backend" in t for t in shown), shown
    assert any("Pluggable memory backend interface" in t for t in shown), shown
    page.fill("#q", "evaluation")  # a track's name: only titles that say it
    shown = page.locator("#all-items > li:visible").all_inner_texts()
    assert shown and all("evaluation" in t.lower().rsplit(" ", 1)[0] for t in shown), shown
    page.fill("#q", "done")  # a badge's word: no title says it
    assert page.locator("#all-items > li:visible").count() == 0
    assert problems == []
    page.close()


def test_xss_payloads_show_as_text(browser: Any, site: Path) -> None:
    page, problems = open_page(browser, (site / "tracks" / "evil.html").as_uri())
    page.wait_for_timeout(200)
    text = page.locator("main").inner_text()
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(1)>" in text
    for link in page.locator("main a").all():
        href = link.get_attribute("href") or ""
        assert not href.lower().replace("\t", "").startswith(("javascript", "data"))
    assert problems == []  # no alert dialog, no errors
    page.close()


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_screenshots(browser: Any, site: Path, tmp_path: Path, width: int) -> None:
    for name in (
        "index.html",
        "tracks/orchestration.html",
        "tracks/evaluation.html",  # a table of the roadmap as written
        "timeline.html",
        "risks.html",
        "history.html",
    ):
        page, problems = open_page(browser, (site / name).as_uri(), width=width)
        shot = tmp_path / f"{name.replace('/', '-')}-{width}.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000 and problems == []
        # Nothing wider than the viewport except inside a horizontal scroller.
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 1, (name, width, overflow)
        page.close()


@pytest.fixture(scope="module")
def namesakes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example portfolio plus two namesake tracks whose labels are long single words
    ("Memory (memory-…-roadmap__b4505e0a)"), as a portfolio of real-world roadmaps has."""
    root = tmp_path_factory.mktemp("namesakes")
    shutil.copytree(EXAMPLES, root / "p")
    memory = (root / "p" / "tracks" / "memory" / "roadmap.md").read_text("utf-8")
    for slug in ("massgen__docs_source_tracks_memory_roadmap__b4505e0a", "memory_roadmap_v2"):
        (root / "p" / "tracks" / slug).mkdir()
        (root / "p" / "tracks" / slug / "roadmap.md").write_text(memory, "utf-8")
    jumpy = root / "p" / "tracks" / "jumpy"  # no "# Title", and a level skipped
    jumpy.mkdir()
    text = "## Goals\n\n#### Ship it\n\n- 📋 Planned: a thing\n"
    (jumpy / "roadmap.md").write_text(text, encoding="utf-8")
    out = root / "site"
    api.site([root / "p"], out, today=dt.date(2026, 11, 25))
    return out


WIDE = "tracks/massgen__docs_source_tracks_memory_roadmap__b4505e0a.html"


@pytest.mark.parametrize("name", [*SITE_PAGES, WIDE, "tracks/orchestration.html"])
def test_no_page_scrolls_sideways_on_a_phone(browser: Any, namesakes: Path, name: str) -> None:
    """At 390px nothing is wider than the screen but a scroller: a long track label wraps,
    the filters shrink, the metrics tables scroll inside their box, the header's pages in
    their row."""
    page, problems = open_page(browser, (namesakes / name).as_uri(), width=390)
    wide = page.evaluate(
        """() => { const W = document.documentElement.clientWidth; const out = [];
        for (const el of document.querySelectorAll('main *, header *')) {
          if (el.closest('.scroll, .wide, pre, header nav')) continue;
          if (el.getBoundingClientRect().right > W + 1) out.push(el.tagName + ' ' +
            (el.textContent || '').slice(0, 40)); }
        return [document.documentElement.scrollWidth - W, out]; }"""
    )
    assert wide[0] <= 1 and wide[1] == [], (name, wide)
    # What does scroll sideways can be scrolled by keyboard: it takes the focus, by a name.
    unreachable = page.evaluate(
        """() => [...document.querySelectorAll('main *')].filter(el =>
          getComputedStyle(el).overflowX === 'auto' && el.scrollWidth > el.clientWidth + 1
          && (el.tabIndex < 0 || !el.getAttribute('aria-label'))
        ).map(el => el.className)"""
    )
    assert unreachable == [], (name, unreachable)
    assert problems == []
    page.close()


def test_the_track_column_stays_in_view_as_the_timeline_scrolls(
    browser: Any, namesakes: Path
) -> None:
    """Wider than a phone (a small tablet), where the timeline is a grid scrolling sideways;
    a phone's list is tests/test_browser_phone.py's."""
    page, problems = open_page(browser, (namesakes / "timeline.html").as_uri(), width=700)
    box = page.locator(".scroll").first
    box.evaluate("el => { el.scrollLeft = 400; }")
    left = box.evaluate("el => el.getBoundingClientRect().left")
    for cell in ("thead th", "tbody th"):
        where = page.locator(f".timeline {cell}").first.bounding_box()
        assert where is not None and abs(where["x"] - left) <= 1, (cell, where, left)
    assert box.evaluate("el => el.scrollLeft") > 0 and problems == []
    page.close()


def test_a_one_word_track_name_is_not_broken_on_a_phone(browser: Any, site: Path) -> None:
    """The track column may break a namesake's long slug, not "Orchestratio/n"."""
    page, problems = open_page(browser, (site / "index.html").as_uri(), width=390)
    link = page.locator("tbody th a", has_text="Orchestration")
    assert link.evaluate("el => el.getClientRects().length") == 1
    assert problems == []
    page.close()


def test_filters_stack_in_line_on_a_phone(browser: Any, namesakes: Path) -> None:
    """At 390px the search box and the three lists start at one edge and end at the other
    (they were a ragged row, each as wide as its longest track's name allowed)."""
    page, problems = open_page(browser, (namesakes / "items.html").as_uri(), width=390)
    boxes = [
        page.locator(f"#{id}").bounding_box() for id in ("q", "f-status", "f-owner", "f-track")
    ]
    assert len({round(b["x"]) for b in boxes}) == 1, boxes
    assert len({round(b["x"] + b["width"]) for b in boxes}) == 1, boxes
    assert problems == []
    page.close()


@pytest.mark.parametrize("name", [*SITE_PAGES, WIDE, "tracks/jumpy.html"])
def test_headings_go_down_one_level_at_a_time(browser: Any, namesakes: Path, name: str) -> None:
    """One h1, then no level skipped (the roadmap as written sits under the page's h1 as
    the h2 of its own title), and the landmarks a screen reader jumps between."""
    page, _ = open_page(browser, (namesakes / name).as_uri())
    levels = page.evaluate(
        "() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])"
    )
    assert levels[0] == 1 and levels.count(1) == 1, (name, levels)
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), (name, levels)
    for landmark in ("header", "nav", "main"):
        assert page.locator(landmark).count() == 1, (name, landmark)
    page.close()


def test_keyboard_focus_is_visible_and_skips_the_navigation(browser: Any, site: Path) -> None:
    """The first Tab shows a "Skip to content" link that lands in <main>; every link and
    control after it shows an outline when it has the focus."""
    page, problems = open_page(browser, (site / "items.html").as_uri())
    page.keyboard.press("Tab")
    skip = page.locator("a.skip")
    assert skip.evaluate("el => el === document.activeElement")
    box = skip.bounding_box()
    assert box is not None and box["x"] >= 0 and box["width"] > 20  # on screen, not hidden
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    for _ in range(6):  # the search box and the filters, by keyboard from <main>
        page.keyboard.press("Tab")
        outline = page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement);"
            " return [document.activeElement.tagName, s.outlineStyle, s.outlineWidth]; }"
        )
        assert outline[1] != "none" and outline[2] != "0px", outline
    assert problems == []
    page.close()


# Every element with text of its own whose contrast with what is behind it (its background
# and its ancestors', semi-transparent ones blended) is under WCAG AA: 4.5, or 3 for large text.
LOW_CONTRAST = r"""() => {
  const rgba = (c) => {
    const m = c.match(/[\d.]+/g).map(Number);
    return [...m.slice(0, 3), m[3] ?? 1];
  };
  const channel = (v) => (v <= 10.03 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
  const lum = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const behind = (el) => {  // the colours under the text, innermost first, down to an opaque one
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let base = [255, 255, 255];
    for (const [r, g, b, a] of layers.reverse()) {
      base = [r * a + base[0] * (1 - a), g * a + base[1] * (1 - a), b * a + base[2] * (1 - a)];
    }
    return base;
  };
  const out = [];
  for (const el of document.querySelectorAll("header *, main *")) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || el.closest("svg")) continue;
    const style = getComputedStyle(el);
    const [a, b] = [lum(rgba(style.color)), lum(behind(el))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (+style.fontWeight >= 700 && size >= 18.66);
    if (ratio < (large ? 3 : 4.5)) {
      out.push(`${ratio.toFixed(2)} ${el.tagName}.${el.className} "${el.textContent.trim()}"`);
    }
  }
  return out;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_is_legible_in_light_and_dark(browser: Any, site: Path, scheme: str) -> None:
    """Every text on every page (the risk matrix's numbers on their red and amber cells, the
    badges, the muted notes on cards) has the contrast WCAG AA asks, in both schemes."""
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    low = []
    for name in [*SITE_PAGES, "tracks/orchestration.html"]:
        page.goto((site / name).as_uri())
        low += [f"{name}: {line}" for line in page.evaluate(LOW_CONTRAST)]
    context.close()
    assert low == []


def test_graph_labels_stay_readable_and_its_links_reachable(browser: Any, site: Path) -> None:
    """On a phone the drawing keeps a width its track names can be read at (it scrolls in
    its own box) and, with its links, is a group a screen reader enters, not an image."""
    page, problems = open_page(browser, (site / "graph.html").as_uri(), width=390)
    sizes = page.evaluate(
        "() => [...document.querySelectorAll('main svg text')]"
        ".map(t => t.getBoundingClientRect().height)"
    )
    assert sizes and min(sizes) >= 10, sizes
    assert page.locator("main svg").get_attribute("role") == "group"
    assert page.locator("main svg a").count() == 6  # the five tracks and the evil one
    assert (
        page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        <= 1
    )
    assert problems == []
    page.close()


def test_a_portfolio_without_dependencies_says_so(browser: Any, tmp_path: Path) -> None:
    """No ring of unconnected circles and an empty list: one sentence saying why."""
    (tmp_path / "p" / "a").mkdir(parents=True)
    (tmp_path / "p" / "a" / "roadmap.md").write_text("# A Roadmap\n\n- 📋 Planned: x\n", "utf-8")
    api.site([tmp_path / "p"], tmp_path / "site", today=dt.date(2026, 11, 25))
    page, problems = open_page(browser, (tmp_path / "site" / "graph.html").as_uri())
    assert page.locator("main svg").count() == 0 and page.locator("main ul").count() == 0
    assert "No track says it needs something from another" in page.locator("main").inner_text()
    assert problems == []
    page.close()


@pytest.mark.parametrize(
    ("name", "width"),
    [
        *[(name, 718) for name in ("index.html", "metrics.html", "tracks/memory.html")],
        ("timeline.html", 968),  # A4 upright; the timeline's pages are turned sideways
    ],
)
def test_printed_tables_keep_every_column_on_the_page(
    browser: Any, site: Path, name: str, width: int
) -> None:
    """On paper nothing scrolls: a table cut at the page's edge loses its last columns
    (the index lost Done, In progress, Planned and Slips on A4)."""
    page, problems = open_page(browser, (site / name).as_uri(), width=width)
    page.emulate_media(media="print")
    cut = page.evaluate(
        "() => [...document.querySelectorAll('main table')]"
        ".map(t => t.getBoundingClientRect().right - document.documentElement.clientWidth)"
        ".filter(over => over > 1)"
    )
    assert cut == [], (name, cut)
    if name == "timeline.html":
        assert (
            page.evaluate("() => getComputedStyle(document.querySelector('.scroll')).page")
            == "wide"
        )
    assert problems == []
    page.close()


def test_served_page_reloads_itself_after_an_edit(browser: Any, tmp_path: Path) -> None:
    from milepost.serve import Preview

    shutil.copytree(EXAMPLES, tmp_path / "p")
    preview = Preview([tmp_path / "p"], tmp_path / "site", today=dt.date(2026, 11, 25), port=0)
    preview.start()
    try:
        page, problems = open_page(browser, preview.url + "tracks/memory.html")
        page.wait_for_load_state("load")
        page.evaluate("() => { window.notReloaded = true; }")
        memory = tmp_path / "p" / "tracks" / "memory" / "roadmap.md"
        text = memory.read_text(encoding="utf-8")
        memory.write_text(text.replace("Per-agent memory namespaces", "Per-agent quotas"), "utf-8")
        page.wait_for_function(
            "() => !window.notReloaded && document.body.innerText.includes('Per-agent quotas')",
            timeout=30_000,
        )
        assert problems == []
        page.close()
    finally:
        preview.close()
