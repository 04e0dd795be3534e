"""A real headless browser for the digest page: Debian's `chromium`, run once per check.

`layout(page, width)` loads the page in an iframe `width` CSS pixels wide (headless Chromium's
window cannot be narrower than 500 px, a phone is 390) and reads, with a script the harness adds
(the page itself ships none), what a reader would see: whether anything is wider than the
viewport, whether any script or handler of the page ran, and the page's text. `screenshot` takes
a PNG of the top of the page. Nothing is fetched from the network: the page is a local file, and
Chromium's background services (updates, sync, metrics) are switched off.

Without chromium the tests skip, unless `CI` is set: in CI a missing browser is a failure
(`.ci/run` installs it).
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import struct
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

__all__ = ["chromium", "layout", "screenshot", "Layout", "png_size"]

_QUIET = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
    "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync", "--disable-default-apps",
    "--disable-background-networking", "--disable-component-update", "--disable-domain-reliability",
    "--metrics-recording-only", "--no-pings", "--force-device-scale-factor=1", "--lang=en-US",
]
_TIMEOUT = 60  # seconds for one chromium run
# The harness: the page in an iframe of the wanted width (srcdoc: same origin, so the script may read it).
# A script or handler of the page that runs writes into the harness (the page's `parent`), so it shows.
_HARNESS = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
<iframe id="page" width="{width}" height="{height}" style="border:0;display:block" srcdoc="{page}"></iframe>
<script>
window.addEventListener("load", function () {{
  var frame = document.getElementById("page"), doc = frame.contentDocument, win = frame.contentWindow;
  var wide = [];
  doc.querySelectorAll("body *").forEach(function (el) {{
    var box = el.getBoundingClientRect();
    if (box.right > win.innerWidth + 0.5) wide.push(el.tagName.toLowerCase() + (el.className ? "." + el.className : ""));
  }});
  var out = document.createElement("pre");
  out.id = "measured";
  out.textContent = JSON.stringify({{
    scrollWidth: doc.documentElement.scrollWidth, innerWidth: win.innerWidth, height: doc.documentElement.scrollHeight,
    wide: wide.slice(0, 10), scripts: doc.scripts.length, images: doc.images.length,
    trends: Array.prototype.filter.call(doc.querySelectorAll("svg.trend"), function (svg) {{
      var box = svg.getBoundingClientRect(); return box.width > 0 && box.height > 0; }}).length,
    ran: document.documentElement.getAttribute("data-ran"), title: doc.title, text: doc.body.innerText
  }});
  document.body.appendChild(out);
}});
</script></body></html>"""


def chromium() -> str:
    """The chromium binary; skips the test when it is missing, except under CI, where it fails."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
        pytest.fail("chromium is not installed, and CI is set: .ci/run installs it (apt-get install chromium)")
    pytest.skip("chromium is not installed (Debian: apt-get install chromium); the browser checks of the digest page need it")


def _run(args: list[str], profile: Path) -> str:
    done = subprocess.run([chromium(), *_QUIET, f"--user-data-dir={profile}", *args], capture_output=True, text=True,
                          timeout=_TIMEOUT, check=False)
    assert done.returncode == 0, f"chromium failed ({done.returncode}): {done.stderr[-2000:]}"
    return done.stdout


@dataclass(frozen=True)
class Layout:
    scroll_width: int
    inner_width: int
    height: int
    wide: list[str]  # elements whose right edge is past the viewport
    scripts: int  # <script> elements in the page
    images: int
    trends: int  # inline SVG trends drawn (with a size)
    ran: str | None  # what a script or handler of the page wrote, if one ran
    title: str
    text: str  # the page's visible text

    @property
    def fits(self) -> bool:
        return self.scroll_width <= self.inner_width and not self.wide


def layout(page: str, width: int, height: int = 900) -> Layout:
    """Load `page` at `width` CSS pixels and measure it (see the module docstring)."""
    with tempfile.TemporaryDirectory() as folder:
        harness = Path(folder) / "harness.html"
        harness.write_text(_HARNESS.format(width=width, height=height, page=html.escape(page, quote=True)), encoding="utf-8")
        dom = _run([f"--window-size={max(width, 500) + 20},{height}", "--dump-dom", harness.as_uri()], Path(folder) / "profile")
    found = re.search(r'<pre id="measured">(.*?)</pre>', dom, re.S)
    assert found, f"the harness did not report (page not loaded?): {dom[-1000:]}"
    data: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    ran = re.search(r'<html[^>]*\sdata-ran="([^"]*)"', dom)
    return Layout(data["scrollWidth"], data["innerWidth"], data["height"], data["wide"], data["scripts"], data["images"],
                  data["trends"], html.unescape(ran.group(1)) if ran else None, data["title"], data["text"])


def screenshot(page: str, target: Path, width: int = 1200, max_height: int = 2400) -> tuple[int, int]:
    """A PNG of `page` at `width` pixels, as tall as the page (up to `max_height`); returns its size."""
    height = min(layout(page, width).height, max_height)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "digest.html"
        source.write_text(page, encoding="utf-8")
        shot = Path(folder) / "shot.png"
        _run([f"--window-size={width},{height}", f"--screenshot={shot}", source.as_uri()], Path(folder) / "profile")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, target)
    return png_size(target.read_bytes())


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) from a PNG's IHDR chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height
