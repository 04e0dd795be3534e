"""Shared fixtures for the tech-stack tests: saved pages, DNS answers, the bundled engine."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from signalwatch.techstack.engine import Fingerprinter, ReferenceEngine
from signalwatch.techstack.fingerprints import default_fingerprints

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "techstack"


def saved_pages() -> list[dict[str, Any]]:
    cases = json.loads((FIXTURES / "pages.json").read_text(encoding="utf-8"))
    for case in cases:
        case["html"] = (FIXTURES / "pages" / case["page"]).read_text(encoding="utf-8")
    return cases


def saved_dns() -> list[dict[str, Any]]:
    return json.loads((FIXTURES / "dns.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def engine() -> Fingerprinter:
    return Fingerprinter(default_fingerprints())


@pytest.fixture(scope="session")
def reference() -> ReferenceEngine:
    return ReferenceEngine(default_fingerprints())
