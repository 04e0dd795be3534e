"""Dedupe and alert keys already stored must keep their value across releases."""

from __future__ import annotations

import hashlib
import json
import random
from datetime import datetime, timezone

from signalwatch.events import key_of, key_part, make_dedupe_key


def _as_first_released(*parts: object) -> str:
    canonical = json.dumps([str(p).strip().lower() for p in parts], separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32]


def test_keys_equal_the_first_released_formula() -> None:
    fixed = [("alert", "funding-a", 7, "abc", "slack", None), ("greenhouse", " Acme ", 4211, "posted"),
             ("x\"y\\z", "Zürich ☃ 😀", "\n\t", datetime(2026, 1, 1, tzinfo=timezone.utc), 3.5, ""), ()]
    rng = random.Random(5)
    generated = [tuple("".join(chr(rng.randint(0, 0x2FFF)) for _ in range(rng.randint(0, 6))) for _ in range(rng.randint(1, 5)))
                 for _ in range(3000)]
    for parts in fixed + generated:
        assert make_dedupe_key(*parts) == _as_first_released(*parts)


def test_keys_built_from_shared_parts_equal_make_dedupe_key() -> None:
    head = f"{key_part('alert')},{key_part('Rule-1')}"
    assert key_of(f"{head},{key_part(12)},{key_part('EVT')},{key_part('slack')},{key_part(None)}") == \
        make_dedupe_key("alert", "Rule-1", 12, "EVT", "slack", None)
