"""Fixtures for the EDGAR tests: a fake EDGAR on 127.0.0.1 and an HTTP client allowed to reach it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fake_edgar import FakeEdgar

from signalwatch.http import HttpClient, HttpSettings


@pytest.fixture
def edgar() -> Iterator[FakeEdgar]:
    fake = FakeEdgar()
    yield fake
    fake.close()


@pytest.fixture
def http() -> Iterator[HttpClient]:
    client = HttpClient(HttpSettings(allow_private_addresses=True, per_host_interval=0, backoff_base=0.01))
    yield client
    client.close()
