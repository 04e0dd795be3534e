"""Precision and recall of a resolver on labelled (news item, CRM list) pairs.

The pairs live in `tests/fixtures/matching/real_pairs.jsonl` (see the README beside it): real
headlines, the company mention an extractor gives, and the account it should be tied to or
None. This module only reads such files and counts, so the test suite and
`benchmarks/bench_resolve.py` report the same figures the same way.

    precision = right ties / all ties      (a tie to the wrong account, or any tie when the
                                            gold is None, is a wrong tie)
    recall    = right ties / pairs whose gold is an account
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from signalwatch.accounts import Account
from signalwatch.matching.names import normalize_name

__all__ = ["Pair", "Score", "load_crm", "load_pairs", "score", "dict_baseline"]

# A resolver under test: (mention, domain, item text) -> account id or None.
Resolver = Callable[[str, "str | None", str], "int | None"]


@dataclass(frozen=True)
class Pair:
    """One labelled mention: the item's text, the mention, and the gold account id (or None)."""

    id: str
    split: str
    mention: str
    domain: str | None
    title: str
    summary: str
    gold: int | None
    tags: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """Title and summary, as the resolver sees the item."""
        return f"{self.title}\n{self.summary}" if self.summary else self.title


@dataclass
class Score:
    """Counts for one set of pairs, and the pairs that went wrong (for error reports)."""

    ties: int = 0
    right: int = 0
    with_gold: int = 0
    wrong: list[tuple[Pair, int | None]] = field(default_factory=list)
    missed: list[tuple[Pair, int | None]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Right ties over all ties; 1.0 when nothing was tied."""
        return self.right / self.ties if self.ties else 1.0

    @property
    def recall(self) -> float:
        """Right ties over the pairs whose gold is an account."""
        return self.right / self.with_gold if self.with_gold else 1.0


def load_crm(path: str | Path) -> list[Account]:
    """The accounts of a fixture CRM list (`{"accounts": [...]}`)."""
    data = json.loads(Path(path).read_text("utf-8"))
    return [
        Account(id=a["id"], name=a["name"], domain=a.get("domain"), aliases=tuple(a.get("aliases", ())),
                industry=a.get("industry"))
        for a in data["accounts"]
    ]


def load_pairs(path: str | Path) -> list[Pair]:
    """Every pair of a `real_pairs.jsonl` file, in file order."""
    pairs = []
    for line in Path(path).read_text("utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        item = d["item"]
        pairs.append(Pair(d["id"], d["split"], d["mention"], d.get("domain"), item["title"], item.get("summary", ""),
                          d.get("gold"), tuple(d.get("tags", ()))))
    return pairs


def score(pairs: Iterable[Pair], resolve: Resolver) -> Score:
    """Run `resolve` on each pair and count right, wrong and missed ties."""
    result = Score()
    for pair in pairs:
        found = resolve(pair.mention, pair.domain, pair.text)
        if pair.gold is not None:
            result.with_gold += 1
        if found is None:
            if pair.gold is not None:
                result.missed.append((pair, found))
            continue
        result.ties += 1
        if found == pair.gold:
            result.right += 1
        else:
            result.wrong.append((pair, found))
    return result


def dict_baseline(accounts: Iterable[Account]) -> Resolver:
    """The simplest matcher: normalized name (legal suffixes stripped) or alias → account.

    A key claimed by two accounts gives no answer. Context and domain are ignored; this is the
    yardstick the real matcher is compared with in the benchmark.
    """
    table: dict[str, set[int]] = {}
    for account in accounts:
        for name in (account.name, *account.aliases):
            key = normalize_name(name)
            if key:
                table.setdefault(key, set()).add(account.id)

    def resolve(mention: str, domain: str | None, text: str) -> int | None:
        ids = table.get(normalize_name(mention), set())
        return next(iter(ids)) if len(ids) == 1 else None

    return resolve
