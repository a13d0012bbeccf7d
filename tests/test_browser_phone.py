"""The site on a phone (390px wide) in the real Debian chromium (headless, see
tests/browser.py): what scrolls sideways inside a page can be scrolled by keyboard."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from milepost import api
from tests.browser import open_page

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
    root = tmp_path_factory.mktemp("wide")
    (root / "p" / "wide").mkdir(parents=True)
    (root / "p" / "wide" / "roadmap.md").write_text(WIDE_ROADMAP, encoding="utf-8")
    api.site([root / "p"], root / "site", today=dt.date(2026, 11, 25))
    return root / "site" / "tracks" / "wide.html"


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
