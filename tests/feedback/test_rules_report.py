"""`signalwatch rules report` and `rules check` read what reps did in Slack and what the CRM shows:
per rule the alerts, votes by reason, claims and snoozes; new HubSpot deals after the alert
against ICP accounts without one; a warning for a rule reps mostly call not useful."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import yaml

from signalwatch.accounts.csv_import import read_accounts_csv
from signalwatch.cli.core import write_starter
from signalwatch.devtools.fake_hubspot import FakeHubSpot
from signalwatch.devtools.fake_slack import FakeSlack
from signalwatch.feedback.config import SlackActions
from signalwatch.rules.ruleset import load_ruleset
from signalwatch.store import Store
from signalwatch.timeutil import utcnow
from tests.conftest import FIXTURES, SLACK_TOKEN
from tests.feedback.conftest import USERS, Loop, dated_deal
from tests.inprocess import run_signalwatch

HUBSPOT_TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555"
SAM, DANA, LEE = USERS["sam@yourco.example"], USERS["dana@yourco.example"], USERS["lee@yourco.example"]
ALERTED_AT = utcnow() - timedelta(days=100)


class Admin:
    """A signalwatch folder whose store has alerts and feedback from 100 days ago, its CRM a fake HubSpot."""

    def __init__(self, root: Path, loop: Loop, hubspot: FakeHubSpot, companies: dict[str, str]) -> None:
        self.root, self.loop, self.hubspot, self.companies = root, loop, hubspot, companies

    def configure(self, **extra: object) -> None:
        data = {"database": "signalwatch.db", "rules_dir": "rules", "sinks": {
            "console": {"enabled": True}, "hubspot": {"enabled": True, "host": self.hubspot.host}}, **extra}
        (self.root / "signalwatch.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "HUBSPOT_ACCESS_TOKEN": HUBSPOT_TOKEN, "SIGNALWATCH_CONFIG": str(self.root / "signalwatch.yaml")}
        return run_signalwatch(args, self.root, env)  # in the test process: tests/inprocess.py

    def click(self, account: str, action: str, user: str, value: str | None = None) -> None:
        self.loop.click(account, action, user, value)

    def deal(self, account: str, created: datetime) -> None:
        dated_deal(self.hubspot, self.companies[account], account, created)


@pytest.fixture
def admin(tmp_path: Path) -> Iterator[Admin]:
    write_starter(tmp_path)
    store = Store(f"sqlite:///{tmp_path / 'signalwatch.db'}")
    store.migrate()
    with FakeHubSpot(token=HUBSPOT_TOKEN) as hubspot, FakeSlack(token=SLACK_TOKEN, users=dict(USERS)) as slack:
        accounts, _ = read_accounts_csv(FIXTURES / "accounts.csv")
        companies = {a.name: hubspot.add_company(a.name, a.domain) for a in accounts}
        store.upsert_accounts([replace(a, crm_id=f"hubspot:{companies[a.name]}") for a in accounts], ALERTED_AT)
        loop = Loop(store, slack, load_ruleset(tmp_path / "rules"), SlackActions(mode="socket_mode"), now=ALERTED_AT)
        admin = Admin(tmp_path, loop, hubspot, companies)
        admin.configure()
        yield admin
    store.close()


def icp_accounts(admin: Admin) -> list[str]:
    return [a.name for a in admin.loop.store.list_accounts() if (fit := admin.loop.rules.icp.fit(a)).tier and not fit.excluded_by]


def test_the_report_counts_votes_claims_snoozes_and_new_deals_against_icp_accounts_without_an_alert(admin: Admin) -> None:
    assert admin.loop.alert("Acme Robotics") == 1 and admin.loop.alert("Vandelay Imports") == 1
    admin.click("Acme Robotics", "signalwatch_useful", SAM)
    admin.click("Acme Robotics", "signalwatch_not_useful", DANA, "wrong_company")
    admin.click("Acme Robotics", "signalwatch_snooze", SAM, "7")
    admin.click("Vandelay Imports", "signalwatch_claim", LEE)
    admin.deal("Acme Robotics", ALERTED_AT - timedelta(days=5))  # before the alert: not an outcome
    admin.deal("Acme Robotics", ALERTED_AT + timedelta(days=10))
    admin.deal("Vandelay Imports", ALERTED_AT + timedelta(days=60))
    admin.deal("Globex Payments", ALERTED_AT + timedelta(days=20))  # an ICP account the rule never alerted
    control = len([name for name in icp_accounts(admin) if name not in ("Acme Robotics", "Vandelay Imports")])
    assert "Globex Payments" in icp_accounts(admin) and control >= 2

    result = admin.cli("rules", "report", "--since", "120d", "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    funding = next(rule for rule in report["rules"] if rule["rule"] == "funding-round")
    assert {key: funding[key] for key in ("alerts", "accounts", "useful", "not_useful", "not_useful_by_reason", "claimed",
                                          "snoozed", "acted_on")} == {
        "alerts": 2, "accounts": 2, "useful": 1, "not_useful": 1, "not_useful_by_reason": {"wrong_company": 1},
        "claimed": 1, "snoozed": 1, "acted_on": 2}
    thirty, ninety = funding["crm"]
    assert (thirty["days"], thirty["alerted_accounts"], thirty["alerted_with_new_deal"]) == (30, 2, 1)
    assert (ninety["days"], ninety["alerted_accounts"], ninety["alerted_with_new_deal"]) == (90, 2, 2)
    for window in (thirty, ninety):
        assert window["icp_accounts_without_alert"] == control
        assert window["their_rate"] == pytest.approx(1 / control)  # Globex, within both windows
        assert window["small_sample"] is True
    assert thirty["lift"] == pytest.approx(0.5 * control)
    quiet = next(rule for rule in report["rules"] if rule["rule"] == "executive-departure")
    assert quiet["alerts"] == 0 and quiet["crm"][0]["alerted_accounts"] == 0

    text = admin.cli("rules", "report", "--since", "120d")
    assert text.returncode == 0, text.stderr
    line = next(row for row in text.stdout.splitlines() if row.startswith("funding-round") and " 30d " in row)
    assert "1 of 2 (50%)" in line and f"of {control}" in line and "(small sample)" in line
    assert "wrong company 1" in text.stdout


def test_the_report_without_a_crm_gives_the_slack_figures_and_says_why_no_outcomes(admin: Admin) -> None:
    admin.loop.alert("Acme Robotics")
    admin.click("Acme Robotics", "signalwatch_not_useful", DANA, "bad_timing")
    admin.configure(sinks={"console": {"enabled": True}})
    result = admin.cli("rules", "report", "--since", "120d")
    assert result.returncode == 0, result.stderr
    row = next(r for r in result.stdout.splitlines() if r.startswith("funding-round"))
    assert row.split()[:6] == ["funding-round", "1", "1", "0", "1", "0"] and row.endswith("bad timing 1")
    assert "No CRM connected" in result.stdout


def test_rules_check_warns_about_a_rule_reps_mostly_call_not_useful(admin: Admin) -> None:
    admin.configure(feedback={"not_useful_above": 0.5, "min_votes": 3})
    quiet = admin.cli("rules", "check")
    assert quiet.returncode == 0 and "warning: rule 'funding-round'" not in quiet.stdout + quiet.stderr
    admin.loop.now = utcnow() - timedelta(days=2)
    admin.loop.alert("Acme Robotics")
    admin.click("Acme Robotics", "signalwatch_useful", SAM)
    admin.click("Acme Robotics", "signalwatch_not_useful", DANA, "wrong_company")
    assert "funding-round" not in admin.cli("rules", "check").stderr  # 2 votes: fewer than min_votes
    admin.click("Acme Robotics", "signalwatch_not_useful", LEE, "bad_fit")
    checked = admin.cli("rules", "check", "--strict")
    assert checked.returncode == 3
    line = next(row for row in checked.stderr.splitlines() if "funding-round" in row)
    rule_line = next(n for n, text in enumerate((admin.root / "rules" / "signals.yaml").read_text().splitlines(), 1)
                     if text.strip() == "- id: funding-round")
    assert line.startswith(f"{admin.root / 'rules' / 'signals.yaml'}:{rule_line}: warning: rule 'funding-round': 2 of 3 votes")
    assert "(67%, above 50%): wrong company 1, bad fit 1" in line


def test_salesforce_opportunities_count_for_their_account_from_their_creation_date() -> None:
    from signalwatch.devtools.fake_salesforce import FakeSalesforce
    from signalwatch.feedback.deals import NewDeal, salesforce_new_deals
    from signalwatch.sinks.salesforce import SalesforceConfig, build_salesforce_api

    certs = FIXTURES / "salesforce"
    with FakeSalesforce(certs / "loopback-cert.pem", certs / "loopback-key.pem") as fake:
        account = fake.add("Account", Name="Acme Robotics", Website="acmerobotics.example")
        old = fake.add("Opportunity", Name="Old", AccountId=account, StageName="Prospecting", CloseDate="2027-01-31",
                       CreatedDate="2026-01-05T09:00:00.000+0000")
        fake.add("Opportunity", Name="New", AccountId=account, StageName="Prospecting", CloseDate="2027-01-31",
                 CreatedDate="2026-11-02T09:30:00.000+0000")
        fake.add("Opportunity", Name="No account", AccountId=None, StageName="Prospecting", CloseDate="2027-01-31",
                 CreatedDate="2026-11-03T09:30:00.000+0000")
        config = SalesforceConfig(enabled=True, instance_url=fake.instance_url, ca_bundle=str(certs / "loopback-cert.pem"))
        found = salesforce_new_deals(build_salesforce_api(config, fake.token), datetime(2026, 9, 1, tzinfo=ALERTED_AT.tzinfo))
    assert old not in str(found)
    assert found == [NewDeal("salesforce", account, datetime(2026, 11, 2, 9, 30, tzinfo=ALERTED_AT.tzinfo)),
                     NewDeal("salesforce", None, datetime(2026, 11, 3, 9, 30, tzinfo=ALERTED_AT.tzinfo))]
    assert fake.queries[-1] == ("SELECT Id, AccountId, CreatedDate FROM Opportunity WHERE CreatedDate >= 2026-09-01T00:00:00Z"
                                " ORDER BY CreatedDate")
