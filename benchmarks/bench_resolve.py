"""Benchmark: news extraction + account resolution, against a naive substring baseline.

    python benchmarks/bench_resolve.py           # 20,000 items x 100,000 accounts (< 1 min on 2 cores)
    python benchmarks/bench_resolve.py --full    # 100,000 items x 100,000 accounts (the issue's size)
    python benchmarks/bench_resolve.py --real    # also: precision/recall on the real (headline, CRM) pairs

The real pairs (tests/fixtures/matching/real_pairs.jsonl, see the README there) are scored for our
matcher and, in the same run, for a plain dictionary lookup (normalized name with legal suffixes
stripped → account), on the dev and test parts separately.

Generated data (speed): accounts with distinctive two-word names (a few common-word names among them)
and news items, half about an account (written with a legal form, upper case or "The …"),
half about unknown companies or no event. Our path: `extract_news` then `AccountIndex.resolve`.
The baseline does the same extraction, then tests every account name as a substring of the
item's text, as a naive matcher would; it runs on a sample and is extrapolated, said so below.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from signalwatch.accounts import Account  # noqa: E402
from signalwatch.extract import extract_news  # noqa: E402
from signalwatch.matching.evaluate import dict_baseline, load_crm, load_pairs, score  # noqa: E402
from signalwatch.resolve import AccountIndex  # noqa: E402

REAL = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "matching"

SYLLABLES = "ka ro vi ne lo ta mi zu be xo qua tri den sol mar vex ly pha gor iel nox tek ula brio".split()
NOUNS = "Analytics Robotics Labs Health Systems Cloud Bio Pay Logistics Security Energy Foods Motors Data AI Works".split()
COMMON = "Box Ramp Notion Apple Front Loom Linear Slack Stripe Square".split()
FIRST = "Jane John Maria Wei Priya Ahmed Sofia Lukas Emma Noah".split()
LAST = "Doe Smith Garcia Chen Patel Khan Rossi Novak Berg Silva".split()
TITLES = ["Chief Financial Officer", "Chief Revenue Officer", "VP of Engineering", "Chief Technology Officer"]
SUFFIX = ["", ", Inc.", " Inc", " LLC", " Ltd.", " GmbH"]


def make_name(rng: random.Random, used: set[str]) -> str:
    while True:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        name = f"{word} {rng.choice(NOUNS)}"
        if name not in used:
            used.add(name)
            return name


def make_accounts(n: int, rng: random.Random) -> list[Account]:
    used: set[str] = set()
    accounts = []
    for i in range(n):
        name = COMMON[i] if i < len(COMMON) else make_name(rng, used)
        domain = name.lower().replace(" ", "") + ".com"
        accounts.append(Account(id=i + 1, name=name, domain=domain))
    return accounts


def make_items(n: int, accounts: list[Account], rng: random.Random) -> list[tuple[str, str, int | None]]:
    """(title, summary, expected account id or None)."""
    used = {a.name for a in accounts}
    items = []
    for _ in range(n):
        roll = rng.random()
        if roll < 0.5:
            account = rng.choice(accounts[len(COMMON):])
            styles = [account.name + rng.choice(SUFFIX), account.name.upper() + " INC", "The " + account.name]
            company, expected = rng.choice(styles), account.id
        elif roll < 0.85:
            company, expected = make_name(rng, used) + rng.choice(SUFFIX), None
        else:
            title = f"{rng.choice(NOUNS)} market outlook: what investors expect in {rng.randint(2025, 2027)}"
            items.append((title, "Analysts weigh in on the quarter.", None))
            continue
        if rng.random() < 0.6:
            amount = rng.choice([3, 8, 12.5, 40, 150])
            title = f"{company} raises ${amount}M Series {rng.choice('ABC')} led by {rng.choice(NOUNS)} Ventures"
            summary = f"The company will use the funding to expand its {rng.choice(NOUNS).lower()} platform."
        else:
            person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            title = f"{company} appoints {person} as {rng.choice(TITLES)}"
            summary = f"{person} joins from a larger competitor."
        items.append((title, summary, expected))
    return items


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def run_ours(items: list[tuple[str, str, int | None]], index: AccountIndex) -> tuple[float, int, int]:
    correct = wrong = 0
    start = time.perf_counter()
    for title, summary, expected in items:
        for found in extract_news(title, summary):
            account_id = index.resolve(found.company_name, None, f"{title}\n{summary}").account_id
            if account_id is not None:
                if account_id == expected:
                    correct += 1
                else:
                    wrong += 1
    return time.perf_counter() - start, correct, wrong


def run_naive(items: list[tuple[str, str, int | None]], accounts: list[Account], budget: float) -> tuple[int, float]:
    """Extraction, then every account name tested as a substring; stops after `budget` seconds."""
    names = [(a.id, a.name.lower()) for a in accounts]
    done = 0
    start = time.perf_counter()
    for title, summary, _ in items:
        text = f"{title} {summary}".lower()
        for _found in extract_news(title, summary):
            _hits = [account_id for account_id, name in names if name in text]
        done += 1
        if time.perf_counter() - start > budget:
            break
    return done, time.perf_counter() - start


def report_real() -> bool:
    """Precision/recall on the real pairs, ours next to the dictionary baseline; True when on target."""
    accounts = load_crm(REAL / "crm_shared.json")
    pairs = load_pairs(REAL / "real_pairs.jsonl")
    index = AccountIndex(accounts)
    resolvers = {
        "ours": lambda mention, domain, text: index.resolve(mention, domain, text).account_id,
        "dict lookup": dict_baseline(accounts),
    }
    print(f"real pairs: {len(pairs)} (headline, CRM list) pairs, {sum(p.gold is not None for p in pairs)} with a gold account")
    ok = True
    for split in ("dev", "test"):
        part = [p for p in pairs if p.split == split]
        for label, resolve in resolvers.items():
            result = score(part, resolve)
            print(f"  {split:4}  {label:12} precision {result.precision:.3f}  recall {result.recall:.3f}  "
                  f"({result.right} right, {len(result.wrong)} wrong of {result.ties} ties; {result.with_gold} with gold)")
            if label == "ours" and split == "test":
                ok = result.precision >= 0.99 and result.recall >= 0.85
    print(f"  target on test: precision ≥ 0.99 and recall ≥ 0.85: {'met' if ok else 'NOT met'}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="100,000 items (default 20,000) against the 100,000 accounts")
    parser.add_argument("--items", type=int, help="number of news items (overrides the size)")
    parser.add_argument("--accounts", type=int, help="number of accounts (overrides the size)")
    parser.add_argument("--baseline-seconds", type=float, default=10.0, help="time budget for the naive baseline sample")
    parser.add_argument("--real", action="store_true", help="also score the real (headline, CRM) pairs")
    args = parser.parse_args()
    n_items = args.items or (100_000 if args.full else 20_000)
    n_accounts = args.accounts or 100_000
    rng = random.Random(42)
    accounts = make_accounts(n_accounts, rng)
    items = make_items(n_items, accounts, rng)
    rss_before = peak_rss_mb()

    start = time.perf_counter()
    index = AccountIndex(accounts)
    build = time.perf_counter() - start
    elapsed, correct, wrong = run_ours(items, index)
    ours = n_items / elapsed
    rss_after = peak_rss_mb()

    sample, naive_elapsed = run_naive(items, accounts, args.baseline_seconds)
    naive = sample / naive_elapsed
    expected = sum(1 for *_, e in items if e is not None)

    print(f"extraction + resolution: {n_items:,} news items against {n_accounts:,} accounts")
    print(f"  ours:      {ours:>12,.0f} items/s  ({elapsed:.2f}s; index built in {build:.2f}s)")
    print(f"  baseline:  {naive:>12,.1f} items/s  (naive substring scan over every account name; measured on "
          f"{sample:,} items in {naive_elapsed:.1f}s and extrapolated)")
    print(f"  speed-up:  {ours / naive:>12,.0f}x")
    print(f"  peak RSS:  {rss_after:>12,.0f} MiB for the whole process (data generated: {rss_before:,.0f} MiB before the index)")
    print(f"  matches:   {correct:,} correct, {wrong:,} wrong, of {expected:,} items about an account")
    ok = ours >= 5000 and ours / naive >= 50
    print(f"  target ≥ 5,000 items/s and ≥ 50x baseline: {'met' if ok else 'NOT met'}")
    if args.real:
        ok = report_real() and ok
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
