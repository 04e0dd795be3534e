"""A feedback loop on loopback: a migrated store with the sample accounts, the bundled rules, the
real Slack sink posting to a fake Slack, and a way to turn a funding event into a posted alert."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from slack_sdk import WebClient

from signalwatch.accounts.csv_import import read_accounts_csv
from signalwatch.config import DeliveryConfig
from signalwatch.devtools.fake_hubspot import FakeHubSpot
from signalwatch.devtools.fake_slack import FakeSlack
from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.feedback.config import SlackActions
from signalwatch.feedback.handler import ActionHandler
from signalwatch.rules.ruleset import RuleSet, load_ruleset
from signalwatch.runtime.app import warmed_engine
from signalwatch.runtime.delivery import deliver
from signalwatch.runtime.pipeline import commit_events
from signalwatch.sinks.slack import SlackSink
from signalwatch.store import Store
from signalwatch.timeutil import utcnow
from tests.conftest import FIXTURES, SLACK_TOKEN

ROOT = Path(__file__).resolve().parents[2]
USERS = {"dana@yourco.example": "U01DANA001", "sam@yourco.example": "U01SAM0001", "lee@yourco.example": "U01LEE0001"}


@dataclass
class Loop:
    """The pieces of one feedback loop, and the clock its store and engine are read at."""

    store: Store
    slack: FakeSlack
    rules: RuleSet
    actions: SlackActions
    now: datetime = field(default_factory=utcnow)
    events: int = 0

    def account_id(self, name: str) -> int:
        return next(a.id for a in self.store.list_accounts() if a.name == name)

    def sink(self) -> SlackSink:
        return SlackSink(SLACK_TOKEN, default_channel="#sales-signals", base_url=self.slack.base_url, timeout=5, actions=self.actions)

    def event(self, account: str, kind: str = "funding", title: str | None = None, **attributes: Any) -> SignalEvent:
        """A fresh event of `account` (funding by default; `kind="leadership"` for a new sales VP)."""
        self.events += 1
        if kind == "funding":
            event_type, change, attributes = EventType.FUNDING, "raised", {"amount": 30e6, "round": "series_b", **attributes}
        else:
            event_type, change, attributes = EventType.LEADERSHIP, "appointed", {"title": "VP of Sales", "person": "Pat Doe",
                                                                                  **attributes}
        return SignalEvent(type=event_type, change=change, source="news", source_kind="rss", source_id=f"item-{self.events}",
                           title=title or f"{account} {'raises $30M' if kind == 'funding' else 'names Pat Doe VP of Sales'}",
                           occurred_at=self.now - timedelta(hours=1), detected_at=self.now, company_name=account,
                           account_id=self.account_id(account), match_method="name", match_confidence=1.0,
                           attributes=attributes, dedupe_key=make_dedupe_key("loop", self.events))

    def alert(self, account: str, kind: str = "funding", **attributes: Any) -> int:
        """Evaluate a fresh event of `account` with an engine built from the store (as at a daemon's
        start), queue its alerts and deliver them through the Slack sink; the alerts delivered."""
        engine = warmed_engine(self.rules, self.store, self.now)
        accounts = {a.id: a for a in self.store.list_accounts()}
        from signalwatch.feedback.holds import with_claims

        commit_events(self.store, engine, with_claims(accounts, self.store.engine, self.now), "news",
                      [self.event(account, kind, **attributes)], None, self.now)
        report = deliver(self.store, {"slack": self.sink()}, DeliveryConfig(), clock=lambda: self.now)
        return report.sent

    def click(self, account: str, action: str, user: str, value: str | None = None, *, latest: bool = False) -> None:
        """`user` uses a button of the account's first alert (`latest`: its newest), through the real
        action handler, at `now`."""
        messages = reversed(self.slack.messages) if latest else iter(self.slack.messages)
        message = next(m for m in messages if account in json.dumps(m["blocks"]))
        handler = ActionHandler(self.store, WebClient(token=SLACK_TOKEN, base_url=self.slack.base_url), self.actions,
                                clock=lambda: self.now)
        handler.handle(self.slack.block_actions(message, action, user, value=value))


def dated_deal(hubspot: FakeHubSpot, company_id: str, name: str, created: datetime) -> None:
    """A new deal of that HubSpot company, created at `created`."""
    deal = hubspot.add_deal(f"{name} deal", "appointmentscheduled", None, company_id=company_id)
    hubspot.objects["deals"][deal]["properties"]["createdate"] = created.strftime("%Y-%m-%dT%H:%M:%S.000Z")


@pytest.fixture
def loop(tmp_path: Path) -> Iterator[Loop]:
    store = Store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    store.migrate()
    accounts, issues = read_accounts_csv(FIXTURES / "accounts.csv")
    assert not issues
    store.upsert_accounts(accounts, utcnow())
    with FakeSlack(token=SLACK_TOKEN, users=dict(USERS)) as slack:
        yield Loop(store, slack, load_ruleset(ROOT / "rules"), SlackActions(mode="socket_mode", claim_days=14))
    store.close()
