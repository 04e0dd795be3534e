"""Shared fixtures: local fake servers and a signalwatch workspace (config, rules, accounts)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from signalwatch.cli.core import write_starter
from signalwatch.devtools.fake_hubspot import FakeHubSpot
from signalwatch.devtools.fake_salesforce import FakeSalesforce
from signalwatch.devtools.fake_slack import FakeSlack
from signalwatch.devtools.fixture_server import FixtureServer, relative_dates
from signalwatch.timeutil import utcnow
from tests.inprocess import cli_logging_undone, is_daemon, run_signalwatch

FIXTURES = Path(__file__).parent / "fixtures"
SLACK_TOKEN = "xoxb-test-0000-secret-token"
HUBSPOT_TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555"
SF_FIXTURES = FIXTURES / "salesforce"


@pytest.fixture(autouse=True)
def _cli_logging_undone() -> Iterator[None]:
    """No test leaves the CLI's log handler behind (`tests.inprocess.cli_logging_undone`)."""
    with cli_logging_undone():
        yield


@pytest.fixture
def feeds() -> Iterator[FixtureServer]:
    with FixtureServer(render=lambda body: relative_dates(body, utcnow())) as server:
        yield server


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with FakeSlack(token=SLACK_TOKEN) as fake:
        yield fake


@pytest.fixture
def hubspot() -> Iterator[FakeHubSpot]:
    with FakeHubSpot(token=HUBSPOT_TOKEN) as fake:
        yield fake


@pytest.fixture
def salesforce() -> Iterator[FakeSalesforce]:
    with FakeSalesforce(SF_FIXTURES / "loopback-cert.pem", SF_FIXTURES / "loopback-key.pem") as fake:
        yield fake


@dataclass
class Workspace:
    """A folder with signalwatch.yaml, rules/ and accounts.csv, and a way to run the CLI in it."""

    root: Path
    slack: FakeSlack

    @property
    def config(self) -> Path:
        return self.root / "signalwatch.yaml"

    def write_config(self, sources: list[dict[str, Any]], **overrides: Any) -> None:
        data: dict[str, Any] = {
            "database": "signalwatch.db",
            "rules_dir": "rules",
            # Retries happen as configured but wait little: no test times these backoffs (one that does sets its own).
            "http": {"allow_private_addresses": True, "per_host_interval": 0, "timeout": 2, "total_timeout": 5,
                     "max_attempts": 2, "backoff_base": 0.01, "user_agent": "signalwatch-test (test@example.com)"},
            "delivery": {"backoff_base": "0.1s", "max_inline_wait": "20s"},
            "sinks": {"console": {"enabled": True},
                      "slack": {"enabled": True, "base_url": self.slack.base_url, "default_channel": "#sales-signals"}},
            "sources": sources,
        }
        for key, value in overrides.items():
            data[key] = value
        self.config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")

    def env(self) -> dict[str, str]:
        return {**os.environ, "SLACK_BOT_TOKEN": SLACK_TOKEN, "SIGNALWATCH_CONFIG": str(self.config)}

    def cli(self, *args: str, timeout: float = 60, process: bool = False) -> subprocess.CompletedProcess[str]:
        """Run the `signalwatch` command in this folder: in the test process (tests/inprocess.py says
        what that does not prove), or with `process=True`, and always for the daemon, as a real
        `python -m signalwatch` child process (`timeout` applies to that one only)."""
        if not process and not is_daemon(args):
            return run_signalwatch(args, self.root, self.env())
        return subprocess.run(
            [sys.executable, "-m", "signalwatch", *args], cwd=self.root, env=self.env(),
            capture_output=True, text=True, timeout=timeout,
        )

    def popen(self, *args: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-m", "signalwatch", *args], cwd=self.root, env=self.env(),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )


def make_workspace(root: Path, slack: FakeSlack) -> Workspace:
    """The starter config and rules in `root`, with the sample accounts imported."""
    write_starter(root)
    (root / "accounts.csv").write_text((FIXTURES / "accounts.csv").read_text(encoding="utf-8"), encoding="utf-8")
    ws = Workspace(root, slack)
    result = ws.cli("-c", str(ws.config), "accounts", "import", "accounts.csv")
    assert result.returncode == 0, result.stderr
    return ws


@pytest.fixture
def workspace(tmp_path: Path, slack: FakeSlack) -> Workspace:
    return make_workspace(tmp_path, slack)


def feed_bytes(name: str) -> bytes:
    return (FIXTURES / "rss" / name).read_bytes()


def rendered_feed(name: str) -> bytes:
    return relative_dates(feed_bytes(name), utcnow())
