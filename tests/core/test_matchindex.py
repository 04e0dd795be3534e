"""The discriminator index must find exactly the blocks a plain scan finds, for any record."""

from __future__ import annotations

import random

from signalwatch.rules.blockindex import MatchIndex
from signalwatch.rules.conditions import compile_match

TYPES = ["funding", "hiring", "leadership", "tech_stack", "Hiring"]
FUNCTIONS = ["sales", "SALES", "marketing", "engineering", None]
TIERS = ["A", "B", "C", None]


def _block(rng: random.Random) -> dict:
    block: dict = {}
    if rng.random() < 0.8:
        block["event.type"] = rng.choice([rng.choice(TYPES), rng.sample(TYPES, 2), {"in": rng.sample(TYPES, 2), "eq": rng.choice(TYPES)}])
    if rng.random() < 0.6:
        block["event.attributes.function"] = rng.choice([rng.choice(FUNCTIONS[:4]), rng.sample(FUNCTIONS[:4], 2), {"ne": "sales"}])
    if rng.random() < 0.4:
        block["event.change"] = rng.choice(["posted", ["posted", "closed"], {"not_in": ["closed"]}])
    if rng.random() < 0.4:
        block["account.tier"] = rng.choice(["A", ["A", "B"], {"exists": True}])
    if rng.random() < 0.2:
        block["event.attributes.technologies"] = rng.choice(["salesforce", ["hubspot", "salesforce"]])
    if rng.random() < 0.15:
        block["any_of"] = [{"event.title": {"icontains": "vp"}}, {"account.employees": {"gte": 100}}]
    if rng.random() < 0.1:
        block["none_of"] = [{"event.attributes.function": "sales"}]
    return block


def _record(rng: random.Random) -> dict:
    attributes: dict = {"function": rng.choice(FUNCTIONS)}
    if rng.random() < 0.5:
        attributes["technologies"] = rng.sample(["salesforce", "HubSpot", "segment"], rng.randint(0, 2))
    return {
        "event": {"type": rng.choice(TYPES + ["unknown"]), "change": rng.choice(["posted", "closed", "raised"]),
                  "title": rng.choice(["VP Sales", "AE", ""]), "attributes": attributes},
        "account": None if rng.random() < 0.1 else {"tier": rng.choice(TIERS), "employees": rng.choice([10, 500])},
    }


def test_index_agrees_with_a_plain_scan_on_random_blocks_and_records() -> None:
    rng = random.Random(11)
    for _ in range(30):
        blocks = []
        for n in range(40):
            match, issues = compile_match(_block(rng), lambda path: None)
            assert not issues
            blocks.append((n, match))
        blocks += blocks[:5]  # identical blocks are grouped and must still all be reported
        index = MatchIndex(blocks)
        for _ in range(200):
            record = _record(rng)
            expected = sorted(key for key, match in blocks if match.matches(record))
            assert sorted(index.matching(record)) == expected, record
