"""Fixtures for the ICP suggestion tests: fake HubSpot and Salesforce on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from signalwatch.devtools.fake_hubspot import FakeHubSpot
from signalwatch.devtools.fake_salesforce import FakeSalesforce
from tests.crm.conftest import HUBSPOT_TOKEN, SF_FIXTURES


@pytest.fixture
def hubspot() -> Iterator[FakeHubSpot]:
    with FakeHubSpot(token=HUBSPOT_TOKEN) as fake:
        yield fake


@pytest.fixture
def salesforce() -> Iterator[FakeSalesforce]:
    with FakeSalesforce(SF_FIXTURES / "loopback-cert.pem", SF_FIXTURES / "loopback-key.pem") as fake:
        yield fake
