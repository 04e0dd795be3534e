"""Benchmark: account resolution of news items at scale, right and wrong ties included, next to a
dictionary lookup and a naive substring scan.

    python benchmarks/bench_resolve.py           # 20,000 items x 100,000 accounts (about a minute on 2 cores)
    python benchmarks/bench_resolve.py --full    # 100,000 items x 100,000 accounts (the issue's size)
    python benchmarks/bench_resolve.py --real    # also: precision/recall on the real (headline, CRM) pairs

Generated data. 100,000 accounts: distinctive two-word names ("Kavirotek Analytics"), 5% of them with
an alias (a brand word), and ten one-word accounts that are ordinary English words ("Ramp", "Notion").
News items, each labelled with the account it is about or none, in these kinds:

    plain        an account's name as news writes it: with a legal form, in capitals, "The …"
    alias        an account by its alias
    unknown      a company that is not an account
    near-miss    not an account, but close to one: an account's first word with another business
                 word ("Kavirotek Robotics" beside the account "Kavirotek Analytics"), or an ordinary-
                 word account inside a longer name ("Boxly", "Rampart")
    namesake     an ordinary-word account's name used by another company ("Ramp Network"), or the bare
                 word in an item about another industry ("Notion, the pet food maker, raises …")
    common-word  an ordinary-word account that the item settles as the company ("Ramp CEO … said")
    word-in-text a company that is not an account, in an item that uses an account's word as a word
                 ("… to help sales teams ramp faster")
    no event     an item with no company event (nothing is extracted)

Every contender gets the same extracted mentions (`extract_news`, timed once and reported apart, as
all of them need it) and answers with an account or none:

    ours         `AccountIndex.resolve(mention, None, title + summary)`
    dict lookup  the mention's normalized name (legal form, "The", case stripped) looked up in a dict of
                 account names and aliases; a key two accounts share gives none (`dict_baseline`)
    naive        every account name and alias tested as a substring of the item's lower-cased text, the
                 longest hit taken; it runs on a sample within a time budget and is extrapolated

Precision = right ties / all ties, recall = right ties / items about an account (the same counting
as the real pairs). The real pairs (tests/fixtures/matching/real_pairs.jsonl, see the README there)
are scored with --real for ours and the dictionary lookup, on the dev and test parts separately.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from signalwatch.accounts import Account  # noqa: E402
from signalwatch.extract import extract_news  # noqa: E402
from signalwatch.matching.evaluate import dict_baseline, load_crm, load_pairs, score  # noqa: E402
from signalwatch.resolve import AccountIndex  # noqa: E402

REAL = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "matching"

SYLLABLES = "ka ro vi ne lo ta mi zu be xo qua tri den sol mar vex ly pha gor iel nox tek ula brio".split()
NOUNS = "Analytics Robotics Labs Health Systems Cloud Bio Pay Logistics Security Energy Foods Motors Data AI Works".split()
# Ordinary-word accounts: (name, industry, a phrase of their business for the summary).
COMMON = [
    ("Ramp", "fintech", "corporate card and spend management"), ("Notion", "software", "workspace and notes app"),
    ("Box", "software", "cloud content platform"), ("Loom", "software", "video messaging app"),
    ("Front", "software", "customer messaging platform"), ("Linear", "software", "project tracking tool for developers"),
    ("Square", "fintech", "point-of-sale and payments"), ("Plaid", "fintech", "bank account data network"),
    ("Lattice", "software", "people management platform"), ("Current", "fintech", "mobile banking app"),
]
OTHER_BUSINESS = ["Network", "Motors", "Energy", "Health", "Marine", "Foods", "Therapeutics", "Records"]
OTHER_INDUSTRY = ["the pet food maker", "the brewery", "the furniture retailer", "the solar installer", "the dental chain"]
WORD_USES = {"Ramp": "help sales teams ramp faster", "Box": "ship every order in a recyclable box",
             "Front": "put customers front and center", "Square": "square its books before an IPO",
             "Current": "keep its current customers", "Linear": "replace linear workflows"}
FIRST = "Jane John Maria Wei Priya Ahmed Sofia Lukas Emma Noah".split()
LAST = "Doe Smith Garcia Chen Patel Khan Rossi Novak Berg Silva".split()
TITLES = ["Chief Financial Officer", "Chief Revenue Officer", "VP of Engineering", "Chief Technology Officer"]
SUFFIX = ["", ", Inc.", " Inc", " LLC", " Ltd.", " GmbH"]
# Share of items per kind (the rest: no event).
KINDS = [("plain", 0.36), ("alias", 0.06), ("unknown", 0.18), ("near-miss", 0.1), ("namesake", 0.05),
         ("common-word", 0.05), ("word-in-text", 0.05)]


@dataclass(frozen=True)
class Item:
    title: str
    summary: str
    gold: int | None
    kind: str

    @property
    def text(self) -> str:
        return f"{self.title}\n{self.summary}"


def coined(rng: random.Random, used: set[str]) -> str:
    """A made-up word ("Kavirotek") no account or earlier item uses (about 400,000 can be made)."""
    while True:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        if word not in used:
            used.add(word)
            return word


def make_accounts(n: int, rng: random.Random, used: set[str]) -> list[Account]:
    accounts = []
    for i, (name, industry, _) in enumerate(COMMON[:n]):
        accounts.append(Account(id=i + 1, name=name, domain=name.lower() + ".com", industry=industry))
    for i in range(len(accounts), n):
        name = f"{coined(rng, used)} {rng.choice(NOUNS)}"
        alias = (coined(rng, used),) if rng.random() < 0.05 else ()
        accounts.append(Account(id=i + 1, name=name, domain=name.lower().replace(" ", "") + ".com", aliases=alias))
    return accounts


def headline(rng: random.Random, company: str, summary: str | None = None) -> tuple[str, str]:
    """A funding or leadership headline about `company`, and a summary."""
    if rng.random() < 0.6:
        title = f"{company} raises ${rng.choice([3, 8, 12.5, 40, 150])}M Series {rng.choice('ABC')} led by {rng.choice(NOUNS)} Ventures"
        return title, summary or f"The company will use the funding to expand its {rng.choice(NOUNS).lower()} platform."
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    return f"{company} appoints {person} as {rng.choice(TITLES)}", summary or f"{person} joins from a larger competitor."


def make_items(n: int, accounts: list[Account], rng: random.Random, used: set[str]) -> list[Item]:
    common = {a.name: a for a in accounts[:len(COMMON)]}
    distinctive = accounts[len(COMMON):]
    with_alias = [a for a in distinctive if a.aliases]
    kinds, weights = zip(*KINDS)
    items = []
    for _ in range(n):
        roll = rng.random()
        kind = rng.choices(kinds, weights)[0] if roll < sum(weights) else "no event"
        gold: int | None = None
        summary = None
        if kind == "plain":
            account = rng.choice(distinctive)
            company, gold = rng.choice([account.name + rng.choice(SUFFIX), account.name.upper() + " INC", "The " + account.name]), account.id
        elif kind == "alias":
            account = rng.choice(with_alias)
            company, gold = account.aliases[0], account.id
        elif kind == "unknown":
            company = f"{coined(rng, used)} {rng.choice(NOUNS)}{rng.choice(SUFFIX)}"
        elif kind == "near-miss":
            if rng.random() < 0.7:
                first, noun = rng.choice(distinctive).name.split(" ", 1)
                company = f"{first} {rng.choice([x for x in NOUNS if x != noun])}"  # first words are unique
            else:
                company = rng.choice(list(common)) + rng.choice(["ly", "art", "ify", "wise", "er Labs", "io"])
        elif kind == "namesake":
            word = rng.choice(list(common))
            if rng.random() < 0.5:
                company = f"{word} {rng.choice(OTHER_BUSINESS)}"
            else:
                company, summary = word, f"{word}, {rng.choice(OTHER_INDUSTRY)}, has 40 locations."
        elif kind == "common-word":
            name, _, business = rng.choice(COMMON)
            person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            company, gold = name, common[name].id
            summary = f"{name} CEO {person} said the {business} company will double its sales team."
        elif kind == "word-in-text":
            word, use = rng.choice(list(WORD_USES.items()))
            company = f"{coined(rng, used)} {rng.choice(NOUNS)}"
            title = f"{company} raises ${rng.choice([3, 8, 12.5])}M to {use}"
            items.append(Item(title, "The round was oversubscribed.", None, kind))
            continue
        else:
            title = f"{rng.choice(NOUNS)} market outlook: what investors expect in {rng.randint(2025, 2027)}"
            items.append(Item(title, "Analysts weigh in on the quarter.", None, kind))
            continue
        title, summary = headline(rng, company, summary)
        items.append(Item(title, summary, gold, kind))
    return items


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


Answer = int | None


def mentions_of(items: list[Item]) -> tuple[list[str | None], float]:
    """The company an event of each item names (None without an event), and the seconds it took."""
    start = time.perf_counter()
    found = []
    for item in items:
        events = extract_news(item.title, item.summary)
        found.append(events[0].company_name if events else None)
    return found, time.perf_counter() - start


def timed(resolve: Callable[[str, str], Answer], items: list[Item], mentions: list[str | None]) -> tuple[list[Answer], float]:
    start = time.perf_counter()
    answers = [resolve(mention, item.text) if mention else None for item, mention in zip(items, mentions)]
    return answers, time.perf_counter() - start


def naive_resolver(accounts: list[Account]) -> Callable[[str], Answer]:
    """Every account name and alias as a substring of the item's text; the longest hit wins."""
    names = sorted(((name.lower(), a.id) for a in accounts for name in (a.name, *a.aliases)), key=lambda n: -len(n[0]))

    def resolve(text: str) -> Answer:
        lowered = text.lower()
        return next((account_id for name, account_id in names if name in lowered), None)

    return resolve


def run_naive(items: list[Item], mentions: list[str | None], accounts: list[Account], budget: float) -> tuple[list[Answer], float]:
    """Naive answers for a prefix of the items, as many as fit in `budget` seconds."""
    resolve = naive_resolver(accounts)
    answers: list[Answer] = []
    start = time.perf_counter()
    for item, mention in zip(items, mentions):
        answers.append(resolve(item.text) if mention else None)
        if time.perf_counter() - start > budget:
            break
    return answers, time.perf_counter() - start


@dataclass
class Tally:
    ties: int = 0
    right: int = 0
    with_gold: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.ties if self.ties else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.with_gold if self.with_gold else 1.0


def tally(items: list[Item], answers: list[Answer]) -> tuple[Tally, dict[str, Counter[str]]]:
    """Overall counts, and per kind of item: right, wrong and missed ties."""
    total, by_kind = Tally(), {kind: Counter[str]() for kind in [k for k, _ in KINDS] + ["no event"]}
    for item, answer in zip(items, answers):
        total.with_gold += item.gold is not None
        outcome = "right" if answer is not None and answer == item.gold else "wrong" if answer is not None else \
            "missed" if item.gold is not None else "right"
        by_kind[item.kind][outcome] += 1
        total.ties += answer is not None
        total.right += answer is not None and answer == item.gold
    return total, by_kind


def report_real() -> bool:
    """Precision/recall on the real pairs, ours next to the dictionary baseline; True when on target."""
    accounts = load_crm(REAL / "crm_shared.json")
    pairs = load_pairs(REAL / "real_pairs.jsonl")
    index = AccountIndex(accounts)
    resolvers = {
        "ours": lambda mention, domain, text: index.resolve(mention, domain, text).account_id,
        "dict lookup": dict_baseline(accounts),
    }
    print(f"\nreal pairs: {len(pairs)} (headline, CRM list) pairs, {sum(p.gold is not None for p in pairs)} with a gold account")
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
    parser.add_argument("--repeat", type=int, default=3, help="timed passes of each fast contender; the median is reported")
    parser.add_argument("--baseline-seconds", type=float, default=10.0, help="time budget for the naive baseline sample")
    parser.add_argument("--real", action="store_true", help="also score the real (headline, CRM) pairs")
    args = parser.parse_args()
    n_items = args.items or (100_000 if args.full else 20_000)
    n_accounts = args.accounts or 100_000
    rng = random.Random(42)
    used: set[str] = set()
    accounts = make_accounts(n_accounts, rng, used)
    items = make_items(n_items, accounts, rng, used)
    rss_before = peak_rss_mb()

    start = time.perf_counter()
    index = AccountIndex(accounts)
    build_ours = time.perf_counter() - start
    start = time.perf_counter()
    lookup = dict_baseline(accounts)
    build_dict = time.perf_counter() - start
    rss_after = peak_rss_mb()

    extraction = []
    for _ in range(args.repeat):
        mentions, seconds = mentions_of(items)
        extraction.append(seconds)
    contenders: dict[str, Callable[[str, str], Answer]] = {
        "ours": lambda mention, text: index.resolve(mention, None, text).account_id,
        "dict lookup": lambda mention, text: lookup(mention, None, text),
    }
    results: dict[str, tuple[list[Answer], list[float]]] = {}
    for label, resolve in contenders.items():
        runs = [timed(resolve, items, mentions) for _ in range(args.repeat)]
        results[label] = (runs[0][0], [seconds for _, seconds in runs])
    naive_answers, naive_seconds = run_naive(items, mentions, accounts, args.baseline_seconds)

    extract_s = statistics.median(extraction)
    about = sum(item.gold is not None for item in items)
    extracted = sum(m is not None for m in mentions)
    print(f"account resolution: {n_items:,} news items ({about:,} about an account) against {n_accounts:,} accounts; "
          f"median of {args.repeat} passes (min-max)")
    print(f"  extraction (shared by all):  {extract_s:6.2f} s = {n_items / extract_s:9,.0f} items/s "
          f"({min(extraction):.2f}-{max(extraction):.2f} s); a company found in {extracted:,} items")
    print(f"  {'':12} {'resolve':>9} {'items/s':>11} {'with extraction':>16} {'precision':>10} {'recall':>7}  (right, wrong of ties)")
    rows = {}
    for label, (answers, seconds) in results.items():
        s = statistics.median(seconds)
        total, by_kind = tally(items, answers)
        rows[label] = (s, total, by_kind)
        print(f"  {label:12} {s:8.3f}s {n_items / s:11,.0f} {n_items / (s + extract_s):11,.0f} items/s {total.precision:10.3f} "
              f"{total.recall:7.3f}  ({total.right:,}, {total.ties - total.right:,} of {total.ties:,}; "
              f"{min(seconds):.3f}-{max(seconds):.3f} s)")
    sample = len(naive_answers)
    naive_s = naive_seconds * n_items / sample  # extrapolated to every item
    naive_total, naive_kinds = tally(items[:sample], naive_answers)
    rows["naive"] = (naive_s, naive_total, naive_kinds)
    print(f"  {'naive':12} {naive_s:8.1f}s {n_items / naive_s:11,.1f} {n_items / (naive_s + extract_s):11,.1f} items/s "
          f"{naive_total.precision:10.3f} {naive_total.recall:7.3f}  ({naive_total.right:,}, "
          f"{naive_total.ties - naive_total.right:,} of {naive_total.ties:,}; measured on {sample:,} items in "
          f"{naive_seconds:.1f} s and extrapolated)")
    print(f"  index build: ours {build_ours:.2f} s, dict {build_dict:.2f} s; peak RSS {rss_after:,.0f} MiB "
          f"(data generated: {rss_before:,.0f} MiB before the indexes)")

    print("\n  by kind of item: right / wrong / missed (a 'right' for an item about no account is a refusal)")
    print(f"  {'kind':13}" + "".join(f"{label:>22}" for label in rows))
    for kind in [k for k, _ in KINDS] + ["no event"]:
        cells = []
        for label, (_, _, by_kind) in rows.items():
            c = by_kind[kind]
            cells.append(f"{c['right']:>7,} /{c['wrong']:>6,} /{c['missed']:>6,}")
        print(f"  {kind:13}" + "".join(f"{cell:>22}" for cell in cells))

    ours_s, ours_total, _ = rows["ours"]
    dict_s, dict_total, _ = rows["dict lookup"]
    ours_rate, naive_rate = n_items / (ours_s + extract_s), n_items / (naive_s + extract_s)
    ok = ours_rate >= 5000 and ours_rate / naive_rate >= 50
    print(f"\n  ours vs dict lookup: resolution {ours_s / dict_s:.1f}x the dict's time; precision "
          f"{ours_total.precision:.3f} vs {dict_total.precision:.3f}, recall {ours_total.recall:.3f} vs {dict_total.recall:.3f}")
    print(f"  target ≥ 5,000 items/s with extraction and ≥ 50x the naive scan: {ours_rate:,.0f} items/s, "
          f"{ours_rate / naive_rate:,.0f}x: {'met' if ok else 'NOT met'}")
    if args.real:
        ok = report_real() and ok
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
