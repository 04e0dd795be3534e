"""Rule unit tests and backtests, run through the daemon's own store and engine code path.

A rule test file::

    tests:
      - name: VP Sales plus hiring fires once
        now: 2026-11-20T10:00:00Z
        accounts:
          - {name: Acme, domain: acme.example, industry: software, employees: 500}
        steps:
          - at: -10d
            events:
              - {type: leadership, change: appointed, company: Acme, attributes: {title: VP Sales}}
            expect: {vp-sales-and-hiring: []}        # an empty list: must not fire
          - at: -1d
            events:
              - {type: hiring, change: posted, company: Acme, attributes: {function: sales}, count: 3}
            expect: {vp-sales-and-hiring: [Acme]}
          - restart: true                             # rebuild the engine from the database (the one step without expect)
          - at: 0
            events: [{type: hiring, change: posted, company: Acme, attributes: {function: sales}}]
            expect: {vp-sales-and-hiring: []}        # cooldown survives the restart

An account may list its CRM contacts (it then needs a `crm_id` naming its CRM, as a synced one
has), and a step may expect whom its alerts name, in order (`contacts: []`: no one)::

        accounts:
          - name: Acme
            crm_id: hubspot:101
            contacts: [{name: Fay Cfo, title: CFO}, {name: Ivan Intern, title: Finance Intern}]
        steps:
          - events: [{type: funding, change: raised, company: Acme}]
            expect: {funding-round: [Acme], contacts: [Fay Cfo]}

The contacts are stored as the CRM sync stores them and chosen by the pipeline's own code.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model, field_validator

from signalwatch.accounts import FIELD_TYPES, GIVEN_FIELDS, LIST_FIELDS, REQUIRED_FIELDS, Account
from signalwatch.accounts.country import country_code
from signalwatch.crm.contacts import CrmContact, replace_contacts
from signalwatch.crm.sync import crm_ids
from signalwatch.events import CHANGES, EventType, SignalEvent, make_dedupe_key
from signalwatch.resolve import AccountIndex
from signalwatch.rules.engine import Engine, Outcome
from signalwatch.rules.ruleset import RuleSet
from signalwatch.rules.whom import describe, named, persona_of
from signalwatch.runtime.app import warmed_engine
from signalwatch.runtime.pipeline import commit_events
from signalwatch.runtime.retie import tied_at
from signalwatch.store import Store
from signalwatch.timeutil import as_utc, format_duration, parse_duration
from signalwatch.yamlload import (
    AdminInputError,
    Issue,
    load_yaml,
    suggest,
    validation_issues,
)

__all__ = ["run_rule_tests", "run_backtest", "explain_event", "TestResult", "BacktestReport"]

SOURCE = "rules-test"
CONTACTS = "contacts"  # the `expect` key for whom a step's alerts name (not a rule id)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _offset(value: Any) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return timedelta(seconds=value)
    if isinstance(value, str):
        text = value.strip()
        sign = -1 if text.startswith("-") else 1
        return sign * parse_duration(text.lstrip("+-"))
    return value


class ContactSpec(_Strict):
    """A CRM contact of a rule test's account, as the account sync stores one."""

    name: str = Field(pattern=r"\S", description="as the CRM spells it")
    title: str | None = Field(description="the CRM's job title; null for none (such a contact fits no persona)")
    email: str | None = None
    owner_email: str | None = Field(default=None, description="the contact's owner in the CRM")


def _account_spec() -> type[_Strict]:
    """A rule test's account: every given field of `Account` (rules can test each, `crm_id` and
    `boards` included), typed as it types them (lists as YAML lists), and its CRM contacts."""
    defaults = {f.name: f.default for f in fields(Account)}
    spec: dict[str, Any] = {
        name: (list[str], []) if name in LIST_FIELDS else (FIELD_TYPES[name], ... if name in REQUIRED_FIELDS else defaults[name])
        for name in GIVEN_FIELDS
    }
    spec[CONTACTS] = (list[ContactSpec], [])
    return create_model("AccountSpec", __base__=_Strict, __module__=__name__, **spec)


if TYPE_CHECKING:
    AccountSpec = _Strict  # for the type checker: a strict model; its fields come from the Account schema
else:
    AccountSpec = _account_spec()


def _contacts(account: Any) -> list[ContactSpec]:
    return list(account.contacts)


def _crm_ids(account: Any) -> dict[str, str]:
    """The account's id in each CRM (its `crm_id`, as a synced account stores it)."""
    return crm_ids(account.crm_id)


class EventSpec(_Strict):
    type: EventType
    change: str
    company: str | None = Field(default=None, description="company as the source names it; resolved like the daemon does")
    domain: str | None = None
    title: str | None = None
    url: str | None = None
    summary: str = ""
    attributes: dict[str, Any] = {}
    occurred: timedelta = Field(default=timedelta(0), description="offset from the step's time, e.g. -2d")
    id: str | None = None
    count: int = Field(default=1, ge=1, le=1000)

    _offset = field_validator("occurred", mode="before")(_offset)


class StepSpec(_Strict):
    at: timedelta = timedelta(0)
    events: list[EventSpec] = []
    expect: dict[str, list[str]] = {}
    restart: bool = False

    _offset = field_validator("at", mode="before")(_offset)


class CaseSpec(_Strict):
    name: str
    now: datetime
    accounts: list[AccountSpec] = []
    steps: list[StepSpec] = Field(min_length=1)


class TestFile(_Strict):
    tests: list[CaseSpec] = Field(min_length=1)


@dataclass
class TestResult:
    name: str
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _load(path: Path, ruleset: RuleSet) -> TestFile:
    loaded, issues = load_yaml(path)
    if loaded is None:
        raise AdminInputError(issues)
    try:
        spec = TestFile.model_validate(loaded.data or {})
    except ValidationError as exc:
        raise AdminInputError(issues + validation_issues(exc, loaded, TestFile)) from None
    known = {rule.id for rule in ruleset.rules}
    holds = {suppression.id for suppression in ruleset.suppressions}
    for c, case in enumerate(spec.tests):
        issues.extend(_contact_issues(case, c, loaded, str(path), known))
        for s, step in enumerate(case.steps):
            problem = _step_problem(step)
            if problem:
                issues.append(Issue(str(path), loaded.line_of(("tests", c, "steps", s)), f"step {s + 1}: {problem}"))
            for rule_id in step.expect:
                if rule_id not in known and rule_id != CONTACTS:
                    line = loaded.line_of(("tests", c, "steps", s, "expect", rule_id))
                    issues.append(Issue(str(path), line, _not_a_rule(rule_id, ruleset) if rule_id in holds
                                        else f"unknown rule {rule_id!r}{suggest(rule_id, known)}"))
            for e, event in enumerate(step.events):
                if event.change not in CHANGES[event.type]:
                    line = loaded.line_of(("tests", c, "steps", s, "events", e, "change"))
                    choices = sorted(CHANGES[event.type])
                    issues.append(Issue(str(path), line, f"change {event.change!r} is not valid for {event.type}"
                                        f"{suggest(event.change, choices)}; valid: {', '.join(choices)}"))
    if issues:
        raise AdminInputError(issues)
    return spec


def _not_a_rule(suppression_id: str, ruleset: RuleSet) -> str:
    """A suppression named in `expect`: it never alerts itself, so no expectation of it can fail;
    what it does shows in the rules it holds."""
    only = next(s for s in ruleset.suppressions if s.id == suppression_id).rule_ids
    held = [rule.id for rule in ruleset.rules if only is None or rule.id in only]
    example = held[0] if held else "funding-round"
    return (f"{suppression_id!r} is a suppression: it never alerts, so it cannot be expected; expect the rules it holds"
            f" not to fire, e.g. `{example}: []`")


def _contact_issues(case: CaseSpec, c: int, loaded: Any, path: str, known: set[str]) -> list[Issue]:
    """A case's contacts can only be found through their account's CRM id, and an expectation can
    only name contacts the case gives (a typo would otherwise fail as 'chosen someone else')."""
    issues = []
    names: set[str] = set()
    for a, account in enumerate(case.accounts):
        if _contacts(account) and not _crm_ids(account):
            issues.append(Issue(path, loaded.line_of(("tests", c, "accounts", a, CONTACTS)),
                                "contacts need the account's `crm_id` naming its CRM, e.g. `crm_id: hubspot:101`:"
                                " an alert finds its account's contacts through it, as a synced account's"))
        names.update(contact.name for contact in _contacts(account))
    for s, step in enumerate(case.steps):
        if CONTACTS in step.expect and CONTACTS in known:
            issues.append(Issue(path, loaded.line_of(("tests", c, "steps", s, "expect", CONTACTS)),
                                "`contacts` in expect lists whom the alerts name, so a rule with id 'contacts' cannot be"
                                " expected here: rename the rule"))
        for i, name in enumerate(step.expect.get(CONTACTS, [])):
            if name not in names:
                where = ("tests", c, "steps", s, "expect", CONTACTS, i)
                given = "; this case's accounts list none" if not names else suggest(name, names)
                issues.append(Issue(path, loaded.line_of(where), f"expected contact {name!r} is not a contact of this case's accounts{given}"))
    return issues


def _step_problem(step: StepSpec) -> str | None:
    """A step that states no expectation checks nothing, so it would pass whatever the rules do:
    an error. Only a bare `restart: true` step (rebuild the engine, add nothing) needs none."""
    if step.expect:
        return None
    if step.restart and not step.events:
        return None
    return ("no `expect`: a step must say which accounts each rule alerts, e.g. `expect: {funding-round: [Acme]}`,"
            " or `[]` for a rule that must not fire")


def _sides(spec: EventSpec) -> list[tuple[str | None, dict[str, Any]]]:
    """(company, attributes) per event the spec stands for: an acquisition naming its `acquirer`
    (and no `role`) is a trigger for both companies, stored for the target and for the acquirer,
    as the news sources store it (`connectors/rss.py`)."""
    acquirer = spec.attributes.get("acquirer")
    if spec.type != EventType.ACQUISITION or not acquirer or "role" in spec.attributes:
        return [(spec.company, dict(spec.attributes))]
    return [(spec.company, {**spec.attributes, "role": "target"}), (str(acquirer), {**spec.attributes, "role": "acquirer"})]


def _events(step: StepSpec, step_time: datetime, counter: list[int]) -> list[SignalEvent]:
    events = []
    for spec in step.events:
        for _ in range(spec.count):
            counter[0] += 1
            source_id = spec.id if spec.id and spec.count == 1 else f"{spec.id or 'event'}-{counter[0]}"
            title = spec.title or f"{spec.company or 'Unknown'} {spec.type}/{spec.change}"
            for company, attributes in _sides(spec):
                side = "" if attributes.get("role") != "acquirer" else "-acquirer"
                events.append(SignalEvent(
                    type=spec.type, change=spec.change, source=SOURCE, source_kind="test", source_id=source_id + side,
                    url=spec.url, title=title, summary=spec.summary, occurred_at=step_time + spec.occurred,
                    detected_at=step_time, company_name=company, company_domain=spec.domain if not side else None,
                    attributes=attributes, dedupe_key=make_dedupe_key("test", source_id + side),
                ))
    return events


def _unknown_names(expected: list[str], case: CaseSpec) -> str:
    """A hint for an expected name that no account of the case has (a typo, most often); "" when all are accounts'."""
    names = [str(account.model_dump()["name"]) for account in case.accounts]  # AccountSpec is built at run time
    unknown = [name for name in dict.fromkeys(expected) if name not in names]
    return "".join(f" ({name!r} is no account of this test{suggest(name, names)})" for name in unknown)


def _run_case(case: CaseSpec, ruleset: RuleSet, workdir: Path) -> TestResult:
    result = TestResult(case.name)
    now = as_utc(case.now)
    store = Store(f"sqlite:///{workdir / 'rules-test.db'}")
    store.migrate()
    # A test account's country reads as an import's does ("United States" is US), so a test matches what production stores.
    store.upsert_accounts([Account.from_fields({**(fields := a.model_dump()), "id": 0, "country": country_code(fields.get("country"))})
                           for a in case.accounts], now)
    _store_contacts(store, case, now)
    accounts = {a.id: a for a in store.list_accounts()}
    index = AccountIndex(accounts.values())
    engine: Engine | None = None
    counter = [0]
    for number, step in enumerate(case.steps, start=1):
        step_time = now + step.at
        if step.restart or engine is None:
            engine = warmed_engine(ruleset, store, step_time)
        events = [index.apply(event) for event in _events(step, step_time, counter)]
        before = {item.id for item in store.list_outbox(limit=100_000)}
        committed = commit_events(store, engine, accounts, SOURCE, events, {}, step_time)
        held = _held(committed.skipped, events, accounts)
        fired: dict[str, set[str]] = {}
        alerts: dict[tuple[str, str], dict[str, Any]] = {}  # (first rule, account) -> payload: its routes share one
        for item in store.list_outbox(limit=100_000):
            if item.id not in before:
                name = (item.payload.get("account") or {}).get("name") or item.payload["event"].get("company_name") or "?"
                alerts.setdefault((item.rule_id, name), item.payload)
                for rule_id in item.payload.get("rules") or [item.rule_id]:  # one alert may name several rules
                    fired.setdefault(rule_id, set()).add(name)
        where = f"step {number} (at {_at(step.at)})"
        for rule_id, expected in step.expect.items():
            if rule_id == CONTACTS:
                continue
            got = sorted(fired.get(rule_id, set()))
            if sorted(set(expected)) != got:
                missing = [name for name in dict.fromkeys(expected) if name not in got]
                reasons = "; ".join(f"{name}: {held[rule_id, name]}" for name in missing if (rule_id, name) in held)
                result.problems.append(f"{where}: {rule_id} expected {sorted(set(expected))}, got {got}"
                                       + _unknown_names(expected, case) + (f" (held back: {reasons})" if reasons else ""))
        if CONTACTS in step.expect:
            result.problems.extend(_contact_problems(where, step.expect[CONTACTS], alerts, ruleset))
    store.close()
    return result


def _at(offset: timedelta) -> str:
    """A step's time as a rule test file writes it: -10d, +36h, 0."""
    if not offset:
        return "0"
    return ("-" if offset < timedelta(0) else "+") + format_duration(abs(offset))


def _held(skipped: Iterable[tuple[str, str, str]], events: Iterable[SignalEvent],
          accounts: Mapping[int, Account]) -> dict[tuple[str, str], str]:
    """(rule id, account name) -> why the engine held that rule's alert back in this step
    (a suppression, a cooldown, the daily cap), so a rule expected to fire says what stopped it."""
    names = {}
    for event in events:
        account = accounts.get(event.account_id) if event.account_id is not None else None
        names[event.dedupe_key] = account.name if account else event.company_name or "?"
    held: dict[tuple[str, str], str] = {}
    for rule_id, event_key, reason in skipped:
        held.setdefault((rule_id, names.get(event_key, "?")), reason)
    return held


def _store_contacts(store: Store, case: CaseSpec, now: datetime) -> None:
    """The case's contacts, stored as the account sync stores a CRM's (under the account's first CRM id)."""
    by_crm: dict[str, list[CrmContact]] = {}
    for a, account in enumerate(case.accounts):
        for crm, company in list(_crm_ids(account).items())[:1]:
            by_crm.setdefault(crm, []).extend(
                CrmContact(crm, company, f"test-{a}-{n}", contact.name, contact.title, contact.email, contact.owner_email)
                for n, contact in enumerate(_contacts(account)))
    for crm, people in by_crm.items():
        replace_contacts(store, crm, people, {person.company_id for person in people}, now)


def _contact_problems(where: str, expected: list[str], alerts: Mapping[tuple[str, str], Mapping[str, Any]],
                      ruleset: RuleSet) -> list[str]:
    """Each of a step's alerts that names other people than `expected` (in order), with their titles."""
    if not alerts:
        return [f"{where}: contacts expected {expected}, but no alert fired to name them"]
    problems = []
    for (rule_id, account), payload in sorted(alerts.items()):
        chosen = named(payload)
        if [c["name"] for c in chosen] != expected:
            problems.append(f"{where}: {rule_id} alert for {account}: contacts expected [{', '.join(expected)}],"
                            f" chosen [{describe(chosen)}] by persona {persona_of(payload, ruleset.rules).describe()}")
    return problems


def run_rule_tests(path: Path, ruleset: RuleSet) -> list[TestResult]:
    """Run every case in a rule test file, each on a fresh temporary database."""
    spec = _load(path, ruleset)
    results = []
    for case in spec.tests:
        with tempfile.TemporaryDirectory(prefix="signalwatch-rules-test-") as tmp:
            results.append(_run_case(case, ruleset, Path(tmp)))
    return results


@dataclass
class BacktestReport:
    events: int = 0
    alerts: list[tuple[str, str, str | None]] = field(default_factory=list)  # (rule, sink, target)
    by_route: Counter[tuple[str, str, str | None]] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)


def run_backtest(store: Store, ruleset: RuleSet, since: datetime, now: datetime) -> BacktestReport:
    """Replay stored events (in detection order, as the daemon saw them) through a fresh engine."""
    report = BacktestReport()
    accounts: Mapping[int, Account] = {a.id: a for a in store.list_accounts()}
    engine = Engine(ruleset)
    events = sorted(store.events_since(since - max(engine.history_window, timedelta(0))), key=lambda e: (e.detected_at, e.occurred_at))
    for event in events:
        if event.detected_at < since:
            engine.warm_up([event], [], accounts, event.detected_at)
            continue
        report.events += 1
        evaluation = engine.evaluate([event], accounts, event.detected_at)
        engine.apply(evaluation.delta)
        for draft in evaluation.drafts:
            report.alerts.append((draft.rule_id, draft.sink, draft.target))
            for rule_id in draft.payload.get("rules") or [draft.rule_id]:  # one alert may name several rules
                report.by_route[(rule_id, draft.sink, draft.target)] += 1
        for rule_id, _, reason in evaluation.skipped:
            report.skipped[f"{rule_id}: {reason.split(' until ')[0]}"] += 1
    return report


def explain_event(store: Store, ruleset: RuleSet, event_id: int) -> tuple[SignalEvent, Engine, datetime, list[Outcome]] | None:
    """What the engine did with stored event `event_id`, rule by rule: an engine is rebuilt as it
    stood when the event was evaluated (events stored before it, alerts enqueued before its
    detection: the state the daemon's engine reads from the store for that account), and `Engine.outcomes` runs the daemon's `evaluate`
    on it at that moment. None when there is no such event."""
    event = store.get_event(event_id)
    if event is None:
        return None
    at = tied_at(event) or event.detected_at  # an event tied to an account added later was evaluated then
    engine = Engine(ruleset)
    accounts = {account.id: account for account in store.list_accounts()}
    engine.prepare(accounts)
    horizon = max(engine.history_window, engine.heat_window)
    # Events stored before it; for an event tied later, also those stored after it but before it was tied.
    earlier = [e for n, e in store.list_events(limit=10_000_000, since=at - horizon - timedelta(days=1))
               if (n < event_id or (at != event.detected_at and n != event_id and e.detected_at < at))
               and e.occurred_at >= at - horizon]
    earlier.sort(key=lambda e: e.occurred_at)
    # Alerts queued before the event: earlier polls', and those of the items before it in its own
    # poll (queued at its detection time, in the order the events were stored and evaluated).
    alerts = [alert for alert in store.alert_history(at - max(horizon, timedelta(days=1)))
              if alert.created_at < at or (alert.created_at == at and alert.event_id is not None and alert.event_id < event_id)]
    engine.warm_up(earlier, alerts, accounts, at)
    return event, engine, at, engine.outcomes(event, accounts, at)
