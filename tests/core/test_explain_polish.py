"""What a person reads when asking why: `signalwatch explain` says how an event came to its
account in true words (never "matched by None"), with the resolver's reason for the tie or for none, and `signalwatch extract --explain` quotes the
clause it read cut at a word boundary with an ellipsis (never "… $200 million in c").
Real store, pipeline, extractor and CLI."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from signalwatch.cli import main
from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.resolve import AccountIndex
from signalwatch.rules.ruleset import load_ruleset
from signalwatch.runtime.app import warmed_engine
from signalwatch.runtime.pipeline import commit_events
from signalwatch.store import Store
from tests.conftest import Workspace

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=timezone.utc)


def _funding(n: int, company: str, account_id: int | None) -> SignalEvent:
    return SignalEvent(type=EventType.FUNDING, change="raised", source="t", source_kind="test", source_id=f"e{n}",
                       title=f"{company} raises round {n}", occurred_at=NOW, detected_at=NOW, attributes={},
                       company_name=company, account_id=account_id, dedupe_key=make_dedupe_key("funding", "raised", company, NOW, n))


def test_explain_says_how_the_account_was_tied(workspace: Workspace) -> None:
    store = Store(f"sqlite:///{workspace.root / 'signalwatch.db'}")
    accounts = {a.id: a for a in store.list_accounts()}
    acme = next(a.id for a in accounts.values() if a.name == "Acme Robotics")
    # a hand-made event that comes with its account (as a rule test or a per-account source writes it), and one
    # resolved as the daemon resolves a polled event
    index = AccountIndex(accounts.values())
    events = [_funding(1, "Acme Robotics", acme), index.apply(_funding(2, "Acme Robotics", None)),
              index.apply(_funding(3, "Initech", None))]
    commit_events(store, warmed_engine(load_ruleset(workspace.root / "rules"), store, NOW), accounts, "t", events, {}, NOW)
    ids = {e.source_id: n for n, e in store.list_events(limit=10)}
    store.close()

    given = workspace.cli("explain", str(ids["e1"]))
    assert given.returncode == 0, given.stderr
    account_line = next(line for line in given.stdout.splitlines() if line.startswith("account:"))
    assert "None" not in account_line
    assert account_line.startswith("account: Acme Robotics (") and "given with the event, not matched by name or domain" in account_line

    assert not any(line.strip().startswith("why:") for line in given.stdout.splitlines())  # never resolved: nothing to say

    matched = workspace.cli("explain", str(ids["e2"]))
    assert matched.returncode == 0, matched.stderr
    assert "matched by name" in next(line for line in matched.stdout.splitlines() if line.startswith("account:"))
    # the resolver's own reason, in words
    assert "why: name 'acme robotics' matches Acme Robotics" in matched.stdout

    unmatched = workspace.cli("explain", str(ids["e3"]))
    assert unmatched.returncode == 0, unmatched.stderr
    assert "account: unmatched" in unmatched.stdout
    assert "why: no account has this name or domain" in unmatched.stdout


LONG_HEADLINE = "Broadcom to buy Broadlight for $200 million in cash as it extends its reach into home networking chips"


def test_extract_explain_quotes_whole_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    items = tmp_path / "items.jsonl"
    items.write_text(json.dumps({"id": "b1", "title": LONG_HEADLINE, "summary": ""}) + "\n", encoding="utf-8")
    assert main(["extract", "--explain", str(items)]) == 0
    line = json.loads(capsys.readouterr().out)
    (event,) = line["events"]
    # the event itself is as before: only the quote in its "why" is shortened differently
    assert event["attributes"] == {"acquirer": "Broadcom", "target": "Broadlight", "amount": 200_000_000.0, "currency": "USD"}
    quoted = event["why"].split(": ", 1)[1]
    assert quoted == "'Broadcom to buy Broadlight for $200 million in cash as it extends its reach into home…'"
    words = quoted.strip("'").removesuffix("…").split()
    assert all(word in LONG_HEADLINE.split() for word in words)  # every quoted word whole

    assert main(["extract", "--explain", "--format", "text", str(items)]) == 0
    assert "why: acquisition.done (headline): 'Broadcom to buy Broadlight for $200 million in cash as it extends" \
           " its reach into home…'" in capsys.readouterr().out
