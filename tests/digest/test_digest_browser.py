"""The HTML digest in a real headless browser (Debian's chromium, see `tests.digest.browser`): it fits
a laptop (1200 px) and a phone (390 px) without sideways scrolling, shows its trends, runs nothing
hostile text smuggles in, and gives the README its screenshot."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from signalwatch.digest.page import render_html
from tests.digest import sample
from tests.digest.browser import chromium, layout, png_size, screenshot
from tests.digest.sample import event

ROOT = Path(__file__).resolve().parents[2]
# Text a feed really sends that no line break fits: a headline that is the release's URL, a job title without spaces.
UNBROKEN = [
    event(3, "leadership", timedelta(hours=8),
          "https://www.prnewswire.com/news-releases/InitechCloudAppointsMariaLopezAsChiefRevenueOfficer_302312345.html",
          person="María López", title="Chief Revenue Officer"),
    event(4, "hiring", timedelta(hours=7, minutes=30), "Hooli Health: new role", change="surge",
          title="Senior_Solutions_Engineer_Payments_Infrastructure_EMEA"),
]
RAN = "parent.document.documentElement.setAttribute('data-ran', '{}')"
HOSTILE_TITLE = (f"<script>{RAN.format('script')}</script><img src=x onerror=\"{RAN.format('img')}\">"
                 f"<!channel> <svg onload=\"{RAN.format('svg')}\"></svg> raises $30M")


@pytest.fixture(scope="module", autouse=True)
def browser() -> str:
    return chromium()


@pytest.mark.parametrize("width", [1200, 390])
def test_the_page_fits_the_screen_without_sideways_scrolling(width: int) -> None:
    page = layout(render_html(sample.digest(extra=UNBROKEN)), width)
    assert page.inner_width == width
    assert page.fits, f"wider than {width} px: {page.scroll_width} px; too wide: {page.wide}"
    assert "1. Acme Robotics" in page.text and "and 12 tech changes" in page.text and "How to read heat" in page.text
    assert page.trends == 4  # every account's 30-day trend is drawn (inline SVG)
    assert page.scripts == 0 and page.images == 0


def test_hostile_text_stays_inert_in_the_browser() -> None:
    hostile_name = "<img src=x onerror=\"" + RAN.format("name") + "\">Evil & Co"
    digest = sample.digest(hostile=HOSTILE_TITLE)
    evil = replace(digest, accounts=(replace(digest.accounts[0], name=hostile_name), *digest.accounts[1:]))
    page = layout(render_html(evil), 1200)
    assert page.ran is None, f"a script of the page ran: {page.ran}"
    assert page.scripts == 0 and page.images == 0
    # Shown as the text it is, where a reader can see what the feed sent.
    assert "<!channel>" in page.text and "<script>" in page.text and "<img src=x onerror=" in page.text
    assert hostile_name in page.text


def test_a_screenshot_at_1200_px_for_the_readme(tmp_path: Path) -> None:
    shot = tmp_path / "digest.png"
    width, height = screenshot(render_html(sample.digest()), shot, width=1200)
    assert width == 1200 and height > 900  # the summary and the first accounts, not a blank window
    assert len(shot.read_bytes()) > 20_000
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "](docs/digest.png)" in readme
    assert png_size((ROOT / "docs" / "digest.png").read_bytes())[0] == 1200  # `python -m tests.digest.sample` makes it
