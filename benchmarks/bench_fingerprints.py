"""Benchmark the fingerprint engine against the naive baseline on generated homepages.

    python benchmarks/bench_fingerprints.py            # 100 pages (about a minute)
    python benchmarks/bench_fingerprints.py --full     # the 2,000 pages issue 5 names

Pages are generated from the saved homepages in tests/fixtures/techstack: each takes one saved
page, borrows vendor snippets from others, renumbers ids, and adds realistic bulk (content
sections, inline JSON-LD and CSS) to reach typical homepage sizes (30-250 KB). Both engines
do the same work per page (extract evidence, then match); the baseline (`ReferenceEngine`) runs
every pattern of every technology with `re.search`. The run asserts identical detections.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import re
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from signalwatch.techstack.engine import Detection, Fingerprinter, ReferenceEngine  # noqa: E402
from signalwatch.techstack.fingerprints import default_fingerprints  # noqa: E402
from signalwatch.techstack.page import extract_page  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "techstack"
TARGET = 10.0
WORDS = (
    "pipeline revenue forecast onboarding workflow integration platform insight customer team "
    "report dashboard security compliance scale automate partner growth data analytics enterprise "
    "support reliable launch operations finance marketing sales trusted global modern"
).split()
SCRIPT_BLOCK = re.compile(r"<script\b.*?</script>|<noscript>.*?</noscript>", re.S | re.I)


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def _bulk(rng: random.Random, size: int) -> str:
    """Markup that real homepages carry in volume: cards, inline SVG, JSON-LD, style blocks."""
    parts: list[str] = []
    total = 0
    while total < size:
        kind = rng.randrange(4)
        if kind == 0:
            chunk = (f'<div class="card card--{rng.randrange(99)}"><h3>{_sentence(rng, 4)}</h3>'
                     f'<p>{_sentence(rng, 40)}</p><a href="/features/{rng.choice(WORDS)}">Learn more</a></div>\n')
        elif kind == 1:
            path = " ".join(f"L{rng.randrange(400)} {rng.randrange(400)}" for _ in range(60))
            chunk = f'<svg viewBox="0 0 400 400" aria-hidden="true"><path d="M0 0 {path} Z"/></svg>\n'
        elif kind == 2:
            questions = [
                {"@type": "Question", "name": _sentence(rng, 8),
                 "acceptedAnswer": {"@type": "Answer", "text": _sentence(rng, 50)}}
                for _ in range(4)
            ]
            data = {"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": questions}
            chunk = f'<script type="application/ld+json">{json.dumps(data)}</script>\n'
        else:
            rules = "".join(
                f".c{rng.randrange(9999)}{{margin:{rng.randrange(40)}px;color:#{rng.randrange(16**6):06x}}}"
                for _ in range(40)
            )
            chunk = f"<style>{rules}</style>\n"
        parts.append(chunk)
        total += len(chunk)
    return "".join(parts)


def generate(count: int, seed: int = 5) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    cases = json.loads((FIXTURES / "pages.json").read_text(encoding="utf-8"))
    bases = [(case, (FIXTURES / "pages" / case["page"]).read_text(encoding="utf-8")) for case in cases]
    snippets = [block for _, html in bases for block in SCRIPT_BLOCK.findall(html)]
    pages = []
    for i in range(count):
        case, html = bases[i % len(bases)]
        borrowed = "\n".join(rng.sample(snippets, rng.randrange(4)))
        html = re.sub(r"\d{7,}", lambda m: str(rng.randrange(10 ** (len(m.group(0)) - 1), 10 ** len(m.group(0)))), html)
        html = html.replace("</main>", _bulk(rng, rng.randrange(30_000, 250_000)) + "</main>", 1)
        html = html.replace("</body>", borrowed + "\n</body>", 1)
        pages.append({"url": case["url"], "headers": case["headers"], "html": html})
    return pages


def run(detect: Callable[[Any], dict[str, Detection]], pages: list[dict[str, Any]]) -> tuple[float, list[dict[str, Detection]]]:
    gc.collect()
    start = time.perf_counter()
    results = [detect(extract_page(p["url"], p["html"], p["headers"])) for p in pages]
    return time.perf_counter() - start, results


def peak_memory(detect: Callable[[Any], dict[str, Detection]], pages: list[dict[str, Any]]) -> int:
    gc.collect()
    tracemalloc.start()
    for p in pages:
        detect(extract_page(p["url"], p["html"], p["headers"]))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=100, help="pages to generate (default 100)")
    parser.add_argument("--full", action="store_true", help="the full size named in issue 5: 2,000 pages")
    args = parser.parse_args(argv)
    count = 2000 if args.full else args.pages

    pages = generate(count)
    mean_kb = sum(len(p["html"]) for p in pages) / len(pages) / 1024
    start = time.perf_counter()
    fingerprints = default_fingerprints()
    fast = Fingerprinter(fingerprints)
    compile_s = time.perf_counter() - start
    baseline = ReferenceEngine(fingerprints)
    print(f"{count} pages, mean {mean_kb:.0f} KB; {len(fingerprints.technologies())} technologies, "
          f"{len(fingerprints.patterns)} patterns (load+compile {compile_s:.2f}s)")

    fast_one = lambda page: fast.detect([page])  # noqa: E731
    base_one = lambda page: baseline.detect([page])  # noqa: E731
    base_s, base_results = run(base_one, pages)
    fast_s, fast_results = run(fast_one, pages)
    sample = pages[: min(len(pages), 30)]  # tracemalloc slows everything: a sample is enough
    base_peak, fast_peak = peak_memory(base_one, sample), peak_memory(fast_one, sample)

    identical = fast_results == base_results
    found = sum(len(r) for r in fast_results)
    print(f"baseline (every regex, re.search): {count / base_s:8.1f} pages/s  peak {base_peak / 1024:8.0f} KiB")
    print(f"engine   (literal prefilters)    : {count / fast_s:8.1f} pages/s  peak {fast_peak / 1024:8.0f} KiB")
    speedup = base_s / fast_s
    print(f"speed-up {speedup:.1f}x (target {TARGET:.0f}x: {'met' if speedup >= TARGET else 'NOT met'}); "
          f"detections identical: {identical} ({found} detections, {found / count:.1f} per page)")
    assert identical, "fast engine and baseline disagree"
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
