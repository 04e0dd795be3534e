"""The fakes `signalwatch doctor` is tested against answer as Slack and Salesforce document
(tests/fixtures/slack/README.md, tests/fixtures/salesforce/README.md), through the real clients."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from signalwatch.crm.salesforce_api import build_salesforce
from signalwatch.devtools.fake_salesforce import FakeSalesforce
from signalwatch.devtools.fake_slack import FakeSlack
from tests.conftest import SLACK_TOKEN
from tests.crm.conftest import SF_FIXTURES

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def fixture(provider: str, name: str) -> Any:
    return json.loads((FIXTURES / provider / name).read_text(encoding="utf-8"))


def conforms(actual: Any, documented: Any, path: str = "") -> list[str]:
    """Where `actual` differs from the documented shape: the same keys, the same value types; an
    empty list matches any list; `properties` (whose keys vary with the channel) only as a mapping."""
    if isinstance(documented, dict):
        if not isinstance(actual, dict):
            return [f"{path}: not an object"]
        if path.endswith("properties"):
            return []
        wrong = [f"{path}.{key}: missing" for key in documented if key not in actual]
        wrong += [f"{path}.{key}: not documented" for key in actual if key not in documented]
        return wrong + [w for key in documented if key in actual for w in conforms(actual[key], documented[key], f"{path}.{key}")]
    if isinstance(documented, list):
        if not isinstance(actual, list):
            return [f"{path}: not a list"]
        return conforms(actual[0], documented[0], f"{path}[0]") if actual and documented else []
    return [] if type(actual) is type(documented) else [f"{path}: {type(actual).__name__}, documented {type(documented).__name__}"]


def kind(value: Any) -> str:
    """A JSON value's type (simple-salesforce hands objects over as OrderedDicts)."""
    return "object" if isinstance(value, dict) else "list" if isinstance(value, list) else type(value).__name__


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with FakeSlack(token=SLACK_TOKEN) as fake:
        yield fake


def test_fake_slack_answers_in_the_documented_shapes(slack: FakeSlack) -> None:
    client = WebClient(token=SLACK_TOKEN, base_url=slack.base_url)
    auth = client.auth_test()
    assert conforms(auth.data, fixture("slack", "auth-test-bot.json")) == []
    assert auth.headers["x-oauth-scopes"].split(",") == slack.scopes  # on every answer to a valid token
    info = client.conversations_info(channel=slack.channels["sales-signals"])
    assert conforms(info.data, fixture("slack", "conversations-info.json")) == []

    with pytest.raises(SlackApiError) as missing:
        client.conversations_info(channel="C0NOSUCH01")
    assert missing.value.response.data == fixture("slack", "conversations-info-channel-not-found.json")
    slack.scopes = ["chat:write"]
    with pytest.raises(SlackApiError) as scope:
        client.users_lookupByEmail(email="dana@yourco.example")
    assert conforms(scope.value.response.data, fixture("slack", "missing-scope.json")) == []
    assert scope.value.response.data["needed"] == "users:read.email"

    request = urllib.request.Request(f"{slack.base_url}auth.test", data=b"", headers={"Authorization": "Bearer xoxb-wrong"})
    with urllib.request.urlopen(request, timeout=5) as answer:
        assert answer.status == 200 and json.loads(answer.read()) == fixture("slack", "auth-test-invalid-auth.json")


def test_fake_slack_refuses_channels_the_bot_is_not_in_as_slack_does(slack: FakeSlack) -> None:
    client = WebClient(token=SLACK_TOKEN, base_url=slack.base_url)
    slack.channels["deals"] = "C0DEALS001"
    slack.not_member = {"sales-signals", "deals"}
    slack.private = {"deals"}
    with pytest.raises(SlackApiError) as public:
        client.chat_postMessage(channel="#sales-signals", text="hi")
    assert public.value.response["error"] == "not_in_channel"
    with pytest.raises(SlackApiError) as private:
        client.chat_postMessage(channel="C0DEALS001", text="hi")
    assert private.value.response["error"] == "channel_not_found"
    listed = client.conversations_list(types="public_channel,private_channel")["channels"]
    assert {c["name"]: c["is_member"] for c in listed} == {"sales-signals": False, "signals-test": True}  # the private one is invisible
    assert slack.messages == []


def test_fake_salesforce_describes_as_documented() -> None:
    with FakeSalesforce(SF_FIXTURES / "loopback-cert.pem", SF_FIXTURES / "loopback-key.pem") as fake:
        fake.add_field("Account", "Domain__c")
        sf = build_salesforce(fake.instance_url, fake.token, version="59.0", timeout=5, ca_bundle=str(SF_FIXTURES / "loopback-cert.pem"))
        described = sf.Account.describe()  # type: ignore[operator]
    documented = fixture("salesforce", "account-describe.json")
    assert {key: kind(described[key]) for key in documented} == {key: kind(value) for key, value in documented.items()}
    fields = {field["name"]: field for field in described["fields"]}
    assert set(documented["fields"][0]) <= set(fields["Id"]) and fields["Id"]["updateable"] is False
    assert fields["Domain__c"]["custom"] is True and fields["Domain__c"]["updateable"] is True
