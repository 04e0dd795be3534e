"""`signalwatch doctor` through the real CLI, against the fake Slack, HubSpot and Salesforce on 127.0.0.1.

Each misconfiguration below used to surface only as a dead letter at the first alert; doctor
names it, with its fix, before anything is sent, and exits non-zero.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from signalwatch.devtools.fake_hubspot import FakeHubSpot, Scripted
from signalwatch.devtools.fake_salesforce import FakeSalesforce
from signalwatch.devtools.fixture_server import FixtureServer, Reply
from signalwatch.preflight.slack import MANIFEST_SCOPES
from tests.conftest import Workspace, feed_bytes
from tests.crm.conftest import HUBSPOT_TOKEN, SF_FIXTURES
from tests.inprocess import run_signalwatch

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
OWNERS = {"dana@yourco.example": "U01DANA001", "sam@yourco.example": "U01SAM0001", "lee@yourco.example": "U01LEE0001"}


def healthy(workspace: Workspace, feeds: FixtureServer, **sinks: Any) -> None:
    """A workspace whose every check passes: one feed, Slack with the owners and channels the starter rules use."""
    feeds.route("funding.xml", Reply(feed_bytes("funding-rss2.xml")))
    workspace.slack.users = dict(OWNERS)
    blocks = {"console": {"enabled": True},
              "slack": {"enabled": True, "base_url": workspace.slack.base_url, "default_channel": "#sales-signals"}, **sinks}
    workspace.write_config([{"name": "funding-news", "type": "rss", "url": feeds.url("funding.xml")}], sinks=blocks)


def doctor(workspace: Workspace, **env: str) -> subprocess.CompletedProcess[str]:
    """`signalwatch doctor` (in the test process: tests/inprocess.py), with extra environment variables."""
    return run_signalwatch(["doctor"], workspace.root, {**workspace.env(), **env})


def problems(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stdout.splitlines() if line.startswith("PROBLEM")]


def test_all_good_exits_zero_with_an_ok_line_per_check(workspace: Workspace, feeds: FixtureServer) -> None:
    healthy(workspace, feeds)
    result = doctor(workspace)
    assert result.returncode == 0, result.stdout + result.stderr
    assert problems(result) == []
    lines = result.stdout.splitlines()
    assert any(line.startswith("ok") and "slack #sales-signals: exists and the bot is a member" in line for line in lines)
    assert any(line.startswith("ok") and "bot @signalwatch" in line for line in lines)
    assert any(line.startswith("ok") and "source funding-news (rss): GET " in line and "HTTP 200" in line for line in lines)
    assert "all " in lines[-1] and "checks passed" in lines[-1]
    assert len(feeds.requests) == 1  # one request per source
    assert not workspace.slack.messages  # nothing was sent


def test_a_wrong_token_names_the_variable_to_fix(workspace: Workspace, feeds: FixtureServer) -> None:
    healthy(workspace, feeds)
    result = doctor(workspace, SLACK_BOT_TOKEN="xoxb-revoked-0000-not-the-token")
    assert result.returncode == 1
    found = [line for line in problems(result) if line.startswith("PROBLEM  slack:")]
    assert len(found) == 1, result.stdout
    assert "invalid_auth" in found[0] and "fix: set the token variable" in found[0] and "Bot User OAuth Token" in found[0]
    assert "xoxb-revoked-0000-not-the-token" not in result.stdout + result.stderr


def test_an_uninvited_channel_names_the_channel_and_the_invite(workspace: Workspace, feeds: FixtureServer) -> None:
    healthy(workspace, feeds)
    workspace.slack.not_member = {"sales-signals"}
    result = doctor(workspace)
    assert result.returncode == 1
    found = [line for line in problems(result) if "#sales-signals" in line]
    assert len(found) == 1, result.stdout
    assert "not a member" in found[0] and "/invite @signalwatch" in found[0] and "(used by rule " in found[0]


def test_a_private_channel_without_the_bot_is_not_found_and_still_names_the_invite(workspace: Workspace, feeds: FixtureServer) -> None:
    healthy(workspace, feeds)
    workspace.slack.private, workspace.slack.not_member = {"sales-signals"}, {"sales-signals"}
    found = [line for line in problems(doctor(workspace)) if "#sales-signals" in line]
    assert len(found) == 1 and "not found" in found[0] and "/invite @signalwatch" in found[0], found


def test_a_missing_scope_is_named_with_what_it_is_for(workspace: Workspace, feeds: FixtureServer) -> None:
    healthy(workspace, feeds)
    workspace.slack.scopes = [scope for scope in MANIFEST_SCOPES if scope != "users:read.email"]
    result = doctor(workspace)
    assert result.returncode == 1
    found = [line for line in problems(result) if "users:read.email" in line]
    assert found and "owner" in found[0] and "reinstall the app" in found[0], result.stdout


def test_an_owner_unknown_to_slack_is_named(workspace: Workspace, feeds: FixtureServer) -> None:
    healthy(workspace, feeds)
    workspace.slack.users = {email: user for email, user in OWNERS.items() if email != "lee@yourco.example"}
    found = problems(doctor(workspace))
    assert len(found) == 1 and "slack owner lee@yourco.example" in found[0] and "owner_email" in found[0], found
    assert "(of Initrode Health, Vandelay Imports)" in found[0], found  # whose owner: the accounts to fix


def test_an_owner_slack_id_slack_does_not_know_is_named_with_its_accounts(workspace: Workspace, feeds: FixtureServer) -> None:
    healthy(workspace, feeds)
    (workspace.root / "owners.csv").write_text("name,domain,owner_slack_id\nZorbly,zorbly.example,U0NOTREAL1\n", encoding="utf-8")
    assert workspace.cli("accounts", "import", "owners.csv").returncode == 0
    found = [line for line in problems(doctor(workspace)) if "U0NOTREAL1" in line]
    assert len(found) == 1 and "no such Slack user" in found[0] and "(of Zorbly)" in found[0] and "owner_slack_id" in found[0], found


def test_a_missing_hubspot_property_names_crm_setup(workspace: Workspace, feeds: FixtureServer, hubspot: FakeHubSpot,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUBSPOT_ACCESS_TOKEN", HUBSPOT_TOKEN)
    route_funding_to(workspace, "      - sink: hubspot\n        action: [task, properties]\n")
    healthy(workspace, feeds, hubspot={"enabled": True, "host": hubspot.host, "timeout": 2, "assign_owner": False})
    result = doctor(workspace)
    assert result.returncode == 1
    found = [line for line in problems(result) if line.startswith("PROBLEM  hubspot")]
    assert any("signalwatch_last_signal" in line and "signalwatch crm setup hubspot" in line for line in found), result.stdout

    setup = workspace.cli("crm", "setup", "hubspot")  # the fix it names
    assert setup.returncode == 0, setup.stderr
    healed = doctor(workspace)
    assert healed.returncode == 0, healed.stdout


def test_an_owner_hubspot_does_not_know_is_named_with_their_accounts(workspace: Workspace, feeds: FixtureServer, hubspot: FakeHubSpot,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUBSPOT_ACCESS_TOKEN", HUBSPOT_TOKEN)
    route_funding_to(workspace, "      - sink: hubspot\n        action: [task]\n")
    for email in OWNERS:
        if email != "lee@yourco.example":
            hubspot.add_owner(email)
    healthy(workspace, feeds, hubspot={"enabled": True, "host": hubspot.host, "timeout": 2, "assign_owner": True})
    workspace.cli("crm", "setup", "hubspot")
    found = [line for line in problems(doctor(workspace)) if line.startswith("PROBLEM  hubspot")]
    assert len(found) == 1 and "hubspot owner lee@yourco.example" in found[0], found
    assert "(of Initrode Health, Vandelay Imports)" in found[0] and "created unassigned" in found[0], found


def test_a_token_that_cannot_read_contacts_is_named_when_the_sync_brings_them(workspace: Workspace, feeds: FixtureServer,
                                                                           hubspot: FakeHubSpot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUBSPOT_ACCESS_TOKEN", HUBSPOT_TOKEN)
    healthy(workspace, feeds, hubspot={"enabled": True, "host": hubspot.host, "timeout": 2, "assign_owner": False,
                                       "sync": {"enabled": True}})
    fine = doctor(workspace)
    assert fine.returncode == 0 and "contacts can be read" in fine.stdout, fine.stdout
    assert "no rule routes alerts here, so only the token and settings were checked" in fine.stdout  # says what it did not check
    hubspot.scripted.append(Scripted("/crm/v3/objects/contacts", status=403, body={  # HubSpot's missing-scope answer
        "status": "error", "message": "This app hasn't been granted all required scopes to make this call.",
        "correlationId": "00000000-0000-0000-0000-000000000003", "category": "MISSING_SCOPES"}))
    result = doctor(workspace)
    assert result.returncode == 1
    found = [line for line in problems(result) if line.startswith("PROBLEM  hubspot")]
    assert len(found) == 1 and "may not read contacts" in found[0] and "crm.objects.contacts.read" in found[0], result.stdout


def test_a_wrong_hubspot_token_stops_its_checks_with_one_line(workspace: Workspace, feeds: FixtureServer, hubspot: FakeHubSpot) -> None:
    route_funding_to(workspace, "      - sink: hubspot\n        action: [task]\n")
    healthy(workspace, feeds, hubspot={"enabled": True, "host": hubspot.host, "timeout": 2})
    found = [line for line in problems(doctor(workspace, HUBSPOT_ACCESS_TOKEN="pat-na1-wrong")) if "hubspot" in line]
    assert len(found) == 1 and "HTTP 401" in found[0] and "HUBSPOT_ACCESS_TOKEN" in found[0], found


def test_salesforce_fields_missing_or_read_only(workspace: Workspace, feeds: FixtureServer, salesforce: FakeSalesforce) -> None:
    route_funding_to(workspace, "      - sink: salesforce\n        action: [task]\n")
    salesforce.add_field("Account", "Domain__c")
    salesforce.add_field("Account", "Last_Signal__c", writable=False)
    healthy(workspace, feeds, salesforce={
        "enabled": True, "instance_url": salesforce.instance_url, "ca_bundle": str(SF_FIXTURES / "loopback-cert.pem"),
        "domain_field": "Domain__c", "alert_key_field": "Signalwatch_Alert_Key__c",
        "update_fields": {"Last_Signal__c": "last_signal"}})
    result = doctor(workspace, SALESFORCE_ACCESS_TOKEN=salesforce.token)
    found = [line for line in problems(result) if "salesforce" in line]
    assert len(found) == 2, result.stdout
    assert "Task.Signalwatch_Alert_Key__c" in found[0] or "Task.Signalwatch_Alert_Key__c" in found[1]
    assert any("Account.Last_Signal__c" in line and "may not update" in line for line in found)
    assert any(line.startswith("ok") and "salesforce Account.Domain__c: exists" in line for line in result.stdout.splitlines())


def test_contact_fields_the_salesforce_sync_cannot_see_are_named(workspace: Workspace, feeds: FixtureServer,
                                                                  salesforce: FakeSalesforce) -> None:
    healthy(workspace, feeds, salesforce={
        "enabled": True, "instance_url": salesforce.instance_url, "ca_bundle": str(SF_FIXTURES / "loopback-cert.pem"),
        "sync": {"enabled": True}})
    fine = doctor(workspace, SALESFORCE_ACCESS_TOKEN=salesforce.token)
    assert fine.returncode == 0 and "salesforce Contact: contacts and the fields the sync reads are visible" in fine.stdout, fine.stdout
    del salesforce.fields["Contact"]["Title"]  # hidden by field-level security: Describe leaves it out
    found = [line for line in problems(doctor(workspace, SALESFORCE_ACCESS_TOKEN=salesforce.token)) if "Contact" in line]
    assert len(found) == 1 and "cannot see Contact.Title" in found[0] and "field-level security" in found[0], found


def test_a_dead_feed_url_is_a_problem_with_its_fix(workspace: Workspace, feeds: FixtureServer) -> None:
    healthy(workspace, feeds)
    config = yaml.safe_load(workspace.config.read_text(encoding="utf-8"))
    config["sources"][0]["url"] = feeds.url("gone.xml")
    workspace.config.write_text(yaml.safe_dump(config), encoding="utf-8")
    found = [line for line in problems(doctor(workspace)) if "source funding-news" in line]
    assert len(found) == 1 and "HTTP 404" in found[0] and "fix the source's URL" in found[0], found


def test_every_bundled_sink_has_a_preflight_and_the_hooks_are_documented() -> None:
    from signalwatch.connectors.base import Connector
    from signalwatch.sinks import SINKS, Sink

    assert [name for name, cls in SINKS.items() if cls.__module__.startswith("signalwatch.") and cls.preflight is Sink.preflight] == []
    doc = (ROOT / "docs" / "extending.md").read_text(encoding="utf-8")
    assert "`Sink.preflight(use)`" in doc and "`Connector.preflight(ctx)`" in doc and callable(Connector.preflight)


def test_the_manifest_scopes_are_the_ones_doctor_checks() -> None:
    manifest = yaml.safe_load((ROOT / "deploy" / "slack-app-manifest.yaml").read_text(encoding="utf-8"))
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == set(MANIFEST_SCOPES)


def route_funding_to(workspace: Workspace, route: str) -> None:
    """Add `route` (YAML lines) to the starter funding rule, after its console route."""
    rules = workspace.root / "rules" / "signals.yaml"
    text = rules.read_text(encoding="utf-8")
    at = text.index("      - sink: console\n") + len("      - sink: console\n")
    rules.write_text(text[:at] + route + text[at:], encoding="utf-8")
