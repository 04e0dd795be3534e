"""Alerts through the resolver: how many extracted events reach the labelled event's account, as the daemon would send them.

Round 14's pre-registered primary figure (issue 14). For a labelled set the CRM holds one account per distinct
normalized company name its labels write (funding, leadership and layoffs company; acquisition target and acquirer),
named as the first label writes it. Each predicted event becomes the SignalEvent(s) the RSS connector makes of it (an
acquisition: one for the target, one for the acquirer) with the item's title and summary (cut at 1,000 characters, as
the connector cuts it), and `AccountIndex.apply` ties it to an account or not, exactly as the daemon does (headline
short-form fallback included). An event tied to an account is an ALERT: RIGHT when the account is one of the accounts of
the labelled event it pairs with (`evaluate`'s pairing; an acquisition's target or acquirer), WRONG otherwise, including
events that pair with no label. Alert recall counts the labelled events one of whose accounts got a right alert.

Round 15's primary figure (pre-registered before any figure under it existed) adds DISTRACTORS to that CRM, as a real
CRM holds namesakes and thousands of companies no item is about: every account of the real matching set's CRM
(tests/fixtures/matching/crm_shared.json: Apollo, Delta, Mercury, United namesakes with domains, aliases and
industries) and every company that filed a form other than 3, 4 or 5 in one real EDGAR daily index
(tests/fixtures/edgar/real/form.20200318.idx; filers of 3/4/5 are mostly people), 1,110 names. A distractor whose
normalized name is a labelled company's is dropped: the labelled account stands. An alert to a distractor is wrong.

Round 16's primary figure (pre-registered likewise) adds NEWS DISTRACTORS: the labelled companies of every other spent
set (`news_distractors`), companies in the news, the kind a wrongly extracted company meets in a real CRM; EDGAR filers
and namesakes hardly ever do. Over the spent pool it is `pool_alerts`: one CRM per set, the set itself left out of its
news distractors, counts summed; for an unseen judge, every spent set's companies.

Round 17's primary figure (pre-registered likewise) drops, for each set, the news distractors that are a written form
of one of the set's own labelled companies (`written_forms_apart`: "SoftBank" beside a label "SoftBank Group Corp.",
"GE" beside "General Electric"): an alert to such an account is the same company's, which round 16 counted wrong
(about a fifth of its wrong alerts on the spent pool: 324 -> 258 at 6381c07). Namesakes and EDGAR filers stay as they were.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from signalwatch.accounts import Account
from signalwatch.connectors.edgar.daily_index import parse_form_index
from signalwatch.events import EventType, SignalEvent
from signalwatch.extract.evaluate import TYPES, LabelledItem, _pair
from signalwatch.extract.model import EVENT_SUMMARY_LIMIT, Extraction, triggers
from signalwatch.extract.train import FIXTURES
from signalwatch.matching.evaluate import load_crm
from signalwatch.resolve import AccountIndex, normalize_name

__all__ = ["AlertScores", "crm_accounts", "distractor_accounts", "news_distractors", "label_companies", "one_account_per_company",
           "pool_alerts", "score_alerts",
           "DISTRACTOR_FILES"]

# The real files distractor accounts come from: a CRM of namesakes, and one day of EDGAR's form index (next to the news
# fixtures `train` reads).
DISTRACTOR_FILES = (FIXTURES.parent / "matching" / "crm_shared.json", FIXTURES.parent / "edgar" / "real" / "form.20200318.idx")
_PEOPLE_FORMS = {"3", "4", "5"}  # ownership reports: their filers are mostly people, not companies
_WHEN = datetime(2026, 1, 1, tzinfo=timezone.utc)  # events need a time; the resolver never reads it


@dataclass
class AlertScores:
    """Alert counts per event type; `errors` lists wrong alerts and unreached labels, item by item, for reading spent sets.

    `errors` stays out of the repr, as `Scores.errors` does: judges' and the test part's items are never shown."""

    right: Counter[str] = field(default_factory=Counter)  # alerts tied to an account of the paired label
    wrong: Counter[str] = field(default_factory=Counter)  # alerts tied to any other account, or from an unpaired event
    labelled: Counter[str] = field(default_factory=Counter)
    reached: Counter[str] = field(default_factory=Counter)  # labelled events one of whose accounts got a right alert
    silent_paired: Counter[str] = field(default_factory=Counter)  # events tied to no account that pair with a label
    silent_unpaired: Counter[str] = field(default_factory=Counter)  # ... that pair with none
    errors: list[str] = field(default_factory=list, repr=False)

    def precision(self, kind: str | None = None) -> float:
        """right / (right + wrong) for one type, or pooled over all when `kind` is None."""
        right, wrong = self._sum(self.right, kind), self._sum(self.wrong, kind)
        return right / (right + wrong) if right + wrong else 1.0

    def recall(self, kind: str | None = None) -> float:
        """Labelled events whose account got a right alert / labelled events."""
        labelled = self._sum(self.labelled, kind)
        return self._sum(self.reached, kind) / labelled if labelled else 1.0

    def add(self, other: AlertScores) -> None:
        """Pool `other`'s counts (and errors) into these."""
        for name in ("right", "wrong", "labelled", "reached", "silent_paired", "silent_unpaired"):
            getattr(self, name).update(getattr(other, name))
        self.errors += other.errors

    def table(self) -> str:
        """The figures as a Markdown table, one row per type and a pooled row."""
        lines = ["| type | labelled | right alerts | wrong alerts | alert precision | alert recall | no alert: paired / unpaired |",
                 "|---|---|---|---|---|---|---|"]
        for kind in (*TYPES, None):
            lines.append(f"| {kind or 'pooled'} | {self._sum(self.labelled, kind)} | {self._sum(self.right, kind)} "
                         f"| {self._sum(self.wrong, kind)} | {self.precision(kind):.3f} | {self.recall(kind):.3f} "
                         f"| {self._sum(self.silent_paired, kind)} / {self._sum(self.silent_unpaired, kind)} |")
        return "\n".join(lines)

    @staticmethod
    def _sum(counts: Counter[str], kind: str | None) -> int:
        return counts[kind] if kind is not None else sum(counts.values())


def label_companies(event: dict[str, Any]) -> list[str]:
    """The company names a labelled event gives an account to: its company, and an acquisition's acquirer."""
    names = [event.get("company_name")]
    if event["type"] == EventType.ACQUISITION:
        names.append(event["attributes"].get("acquirer"))
    return [name for name in names if name and normalize_name(name)]


def crm_accounts(items: Iterable[LabelledItem]) -> list[Account]:
    """One account per distinct normalized name the labels write, named as first written, ids from 1 in label order."""
    accounts: dict[str, Account] = {}
    for item in items:
        for event in item.events:
            for name in label_companies(event):
                key = normalize_name(name)
                if key not in accounts:
                    accounts[key] = Account(id=len(accounts) + 1, name=name)
    return list(accounts.values())


def one_account_per_company(accounts: Sequence[Account]) -> tuple[list[Account], dict[str, int]]:
    """A set's labelled accounts with the written forms of one company merged (`is_written_form`: "Takeda" and "Takeda
    Pharmaceutical", "Cisco Systems" and "Cisco"), as a real CRM holds one account per company: the first written keeps
    the account, the later forms become its aliases; ids renumbered from 1. Also every normalized name -> its account id.

    A diagnostic for round 19's figure, not a pre-registered one: at 828ed47, 47 of the spent pool's 273 wrong alerts went
    to an account that is a written form of the paired label's own company (a set's labels writing one company two ways)."""
    kept: list[Account] = []
    forms: list[_LabelledForms] = []
    owner: dict[str, int] = {}  # normalized name -> index in `kept`
    for account in accounts:
        key = normalize_name(account.name)
        same = next((n for n, held in enumerate(forms) if held.hold(key)), None)
        if same is None:
            owner[key] = len(kept)
            kept.append(account)
            forms.append(_LabelledForms([key]))
        else:
            owner[key] = same
            kept[same] = replace(kept[same], aliases=(*kept[same].aliases, account.name))
    merged = [replace(account, id=n + 1) for n, account in enumerate(kept)]
    return merged, {key: n + 1 for key, n in owner.items()}


def distractor_accounts(files: Sequence[Path] = DISTRACTOR_FILES) -> list[Account]:
    """Real companies no label names: the accounts of a CRM JSON file (`{"accounts": [...]}`) and the companies of an
    EDGAR form index (forms 3, 4, 5 and their amendments left out), one account per distinct normalized name, in file
    order; `score_alerts` numbers them after the labelled accounts."""
    found: dict[str, Account] = {}
    for path in files:
        if path.suffix == ".json":
            for account in load_crm(path):
                found.setdefault(normalize_name(account.name), account)
        else:
            for row in parse_form_index(path.read_bytes()):
                if row.form.split("/")[0] not in _PEOPLE_FORMS:
                    found.setdefault(normalize_name(row.company), Account(id=0, name=row.company))
    return [account for key, account in found.items() if key]


def news_distractors(sets: Mapping[str, Sequence[LabelledItem]], leave_out: Iterable[str] = ()) -> list[Account]:
    """The labelled companies of other labelled sets, one account per normalized name: companies that are in the news,
    the kind a wrongly extracted company meets in a real CRM (EDGAR filers and namesakes seldom are). Not a pre-registered
    figure until round 16, which pre-registered it (`pool_alerts`; bench_extract prints both)."""
    return _first_per_name(_named_accounts(sets), leave_out)


def _named_accounts(sets: Mapping[str, Sequence[LabelledItem]]) -> dict[str, list[tuple[str, Account]]]:
    """Each set's labelled accounts (ids 0) with their normalized names: worked out once for every leave-out."""
    return {name: [(normalize_name(account.name), replace(account, id=0)) for account in crm_accounts(items)]
            for name, items in sets.items()}


def _first_per_name(named: Mapping[str, Sequence[tuple[str, Account]]], leave_out: Iterable[str]) -> list[Account]:
    """The accounts of the sets not left out, the first of each normalized name, in set order."""
    skip = set(leave_out)
    found: dict[str, Account] = {}
    for name, accounts in named.items():
        if name not in skip:
            for key, account in accounts:
                found.setdefault(key, account)
    return list(found.values())


def _initials(words: Sequence[str]) -> str:
    return "".join(word[0] for word in words)


def is_written_form(first: str, second: str) -> bool:
    """Round 17's test of one company written two ways, on normalized names: one's words lead the other's ("softbank" /
    "softbank group") or one is a single word of 2+ letters, the initials of the other's words ("ge" / "general electric")."""
    shorter, longer = sorted((first.split(), second.split()), key=len)
    if not shorter:
        return False
    return longer[:len(shorter)] == shorter or (len(shorter) == 1 and 2 <= len(shorter[0]) == len(longer)
                                                  and shorter[0] == _initials(longer))


class _LabelledForms:
    """`is_written_form` against every labelled name at once: the names, their leading word runs, the initials of those of
    two or more words and the one-word names, so a distractor is tested by a few set look-ups instead of once per label
    (4,000 distractors x 300 labels per set took 22 of the spent pool figure's 60 s)."""

    def __init__(self, names: Iterable[str]) -> None:
        self._names: set[str] = set()
        self._leading: set[str] = set()
        self._initials: set[str] = set()
        for name in names:
            words = name.split()
            if not words:
                continue
            self._names.add(" ".join(words))
            self._leading.update(" ".join(words[:n]) for n in range(1, len(words) + 1))
            if len(words) >= 2:
                self._initials.add(_initials(words))

    def hold(self, key: str) -> bool:
        """Whether `key` and some labelled name are one company written two ways (`is_written_form`)."""
        words = key.split()
        if not words:
            return False
        if " ".join(words) in self._leading or any(" ".join(words[:n]) in self._names for n in range(1, len(words))):
            return True  # the key leads a labelled name, or a labelled name leads the key
        if len(words) == 1:
            return len(words[0]) >= 2 and words[0] in self._initials  # the key is a name's initials
        return _initials(words) in self._names  # a one-word name is the key's initials (2+ letters: 2+ words)


def written_forms_apart(distractors: Sequence[Account], labelled: Sequence[Account]) -> list[Account]:
    """`distractors` without those that are a written form (`is_written_form`) of one of the `labelled` accounts."""
    forms = _LabelledForms(normalize_name(account.name) for account in labelled)
    return [extra for extra in distractors if not forms.hold(normalize_name(extra.name))]


def _signal_events(item: LabelledItem, found: Extraction) -> Iterator[SignalEvent]:
    """The SignalEvents the RSS connector makes of one extraction (`connectors/rss.py`: `triggers`, the summary cut)."""
    for n, (company, _, _) in enumerate(triggers([found])):
        yield SignalEvent(type=found.type, change=found.change, source="judge", source_kind="rss", source_id=item.id,
                          title=item.title, summary=item.summary[:EVENT_SUMMARY_LIMIT], occurred_at=_WHEN, detected_at=_WHEN,
                          company_name=company, dedupe_key=f"{item.id}:{n}")


def score_alerts(items: Sequence[LabelledItem], extract: Callable[[str, str], Sequence[Extraction]],
                 distractors: Sequence[Account] = (), one_account: bool = False) -> AlertScores:
    """Run `extract` over `items`, resolve every event against the CRM built from the items' own labels (plus
    `distractors` whose normalized name no label and no earlier distractor has, numbered after them), and count alerts.
    With `one_account`, the labels' written forms of one company share one account (`one_account_per_company`)."""
    if one_account:
        accounts, account_of = one_account_per_company(crm_accounts(items))
    else:
        accounts = crm_accounts(items)
        account_of = {normalize_name(account.name): account.id for account in accounts}
    held = set(account_of)
    for extra in distractors:
        if (key := normalize_name(extra.name)) not in held:  # one account per name: a labelled one, else the first
            held.add(key)
            accounts.append(replace(extra, id=len(accounts) + 1))
    index = AccountIndex(accounts)
    scores = AlertScores()
    for item in items:
        found = list(extract(item.title, item.summary))
        gold = list(item.events)
        scores.labelled.update(labelled["type"] for labelled in gold)
        reached: set[int] = set()
        for extraction, (_, label) in zip(found, _pair([f.to_dict() for f in found], gold), strict=True):
            kind = str(extraction.type)
            wanted = {account_of[normalize_name(name)] for name in label_companies(label)} if label is not None else set()
            for event in _signal_events(item, extraction):
                account = index.apply(event).account_id
                if account is None:
                    (scores.silent_paired if label is not None else scores.silent_unpaired)[kind] += 1
                    if label is not None:
                        scores.errors.append(f"{item.id} no alert {kind}: {event.company_name!r} "
                                             f"(label {label_companies(label)}) {item.title!r}")
                elif account in wanted:
                    scores.right[kind] += 1
                    reached.add(id(label))
                else:
                    scores.wrong[kind] += 1
                    scores.errors.append(f"{item.id} wrong alert {kind}: {event.company_name!r} -> "
                                         f"{accounts[account - 1].name!r} (label {label_companies(label) if label else None}) "
                                         f"{item.title!r}")
        for wanted_event in gold:
            if id(wanted_event) in reached:
                scores.reached[wanted_event["type"]] += 1
            else:
                scores.errors.append(f"{item.id} unreached {wanted_event['type']}: {label_companies(wanted_event)} {item.title!r}")
    return scores


def pool_alerts(sets: Mapping[str, Sequence[LabelledItem]], extract: Callable[[str, str], Sequence[Extraction]],
                news: bool = True, apart: bool = True, one_account: bool = False) -> AlertScores:
    """Round 17's figure over labelled sets (the spent pool, `train.load_pool()`): each set scored against its own CRM
    plus the real distractors and, with `news`, every other set's labelled companies but (with `apart`) those written as
    one of the set's own (`written_forms_apart`); the counts summed. `apart=False` is round 16's figure, `news=False`
    round 15's; `one_account` merges a set's own written forms of one company (`one_account_per_company`: a diagnostic,
    not pre-registered)."""
    real = distractor_accounts()
    named = _named_accounts(sets) if news else {}  # once, not once per left-out set (1,260 CRMs built for 36 sets)
    total = AlertScores()
    for name, items in sets.items():
        extra = real
        if news:
            others = _first_per_name(named, (name,))
            extra = real + (written_forms_apart(others, crm_accounts(items)) if apart else others)
        total.add(score_alerts(items, extract, extra, one_account))
    return total
