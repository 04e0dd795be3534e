"""`signalwatch demo` (what `make demo` runs): offline, under a minute, and real companies' news, hiring
and EDGAR history from recorded responses, stored without alerting, next to the sample alerts."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from signalwatch.cli import main
from signalwatch.store import Store


def test_the_demo_shows_real_companies_history_from_recorded_responses(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    started = time.monotonic()
    # the first run as `make demo` runs it: the installed console script, in its own process
    demo = subprocess.run([str(Path(sys.executable).parent / "signalwatch"), "demo", "--dir", str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert demo.returncode == 0, demo.stderr
    first = demo.stdout
    assert "WARNING" not in first + demo.stderr  # every source answers: a user's first look shows no failure
    assert time.monotonic() - started < 60

    history = first.split("-- history of the new accounts, stored without alerting (backfill) --", 1)[1]
    assert "Klarna to slash workforce by 10 per cent" in history  # per-account news
    # the same layoffs told by a second outlet is stored, and shown as the same story (it never alerts twice)
    assert re.search(r'Klarna to cut 10% of its workforce due to "market restraints" \(same story, another outlet\)', history)
    assert "Boeing ousts CEO Dennis Muilenburg" in history
    # an ordinary-word name found by its own account's search is tied; the acquirer's copy is named, not hidden
    assert re.search(r"\bSlack +Slack Spikes 32%", history) and re.search(r"\(Salesforce\) +Slack Spikes 32%", history)
    assert "Airbnb is hiring:" in history  # Airbnb's Greenhouse board
    assert "JPMORGAN CHASE & CO: Marianne Lake departs as CEO of CCB (8-K Item 5.02)" in history  # EDGAR
    slack = first.split("-- fake Slack received", 1)[1].split("events read", 1)[0]
    assert "Acme Robotics" in slack and not any(name in slack for name in ("Klarna", "Boeing", "Airbnb", "JPMORGAN"))

    store = Store(f"sqlite:///{tmp_path / 'signalwatch.db'}")
    store.migrate()
    accounts = {account.name: account.id for account in store.list_accounts()}
    backfilled = [event for _, event in store.list_events(limit=500) if event.attributes.get("backfill")]
    tied = {(event.source, event.account_id) for event in backfilled}
    assert {("account-news", accounts["Klarna"]), ("account-news", accounts["Boeing"]),
            ("job-boards", accounts["Airbnb"]), ("sec-8k-officers", accounts["JPMorgan Chase"])} <= tied
    assert ("account-news", accounts["Carta"]) not in tied  # "Carta Healthcare" is another company
    store.close()

    assert main(["demo", "--dir", str(tmp_path)]) == 0  # again, in the test process
    again = capsys.readouterr().out
    assert "fake Slack received 0 message(s)" in again and "0 new" in again
    status = main(["-c", str(tmp_path / "signalwatch.yaml"), "status"])  # as the demo's last line suggests
    assert status == 0, capsys.readouterr().out  # no source FAILING or DEGRADED
