"""Net-new account candidates from unmatched Form D events, and the CLI that lists them."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from signalwatch.cli import main
from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.matching.candidates import candidates, icp_industries
from signalwatch.rules.ruleset import load_ruleset
from signalwatch.store import Store
from signalwatch.timeutil import utcnow
from tests.polls import commit

FILED = datetime(2026, 11, 23, 15, 0, tzinfo=timezone.utc)


def form_d(name: str, industry: str, amount: float | None, *, cik: str = "0001900001", filed: datetime = FILED,
           account_id: int | None = None, method: str | None = "none", source: str = "sec_form_d") -> SignalEvent:
    attributes: dict[str, Any] = {"source": source, "industry_group": industry, "amount_usd": amount, "cik": cik,
                                  "state": "TX", "date_of_first_sale": "2026-11-09"}
    return SignalEvent(
        type=EventType.FUNDING, change="raised", source="sec-d", source_kind="edgar_formd", source_id=f"{cik}-{filed}",
        url=f"https://www.sec.gov/Archives/{cik}-index.htm", title=f"{name} Form D", occurred_at=filed, detected_at=filed,
        company_name=name, attributes=attributes, dedupe_key=make_dedupe_key(name, cik, filed),
        account_id=account_id, match_confidence=1.0 if account_id else 0.0, match_method=method,
    )


def test_only_unmatched_form_d_raises_in_icp_industries() -> None:
    events = [
        form_d("Acme Robotics, Inc.", "Other Technology", 12_500_000, cik="1"),
        form_d("Umbrella Bio Inc", "Biotechnology", 40_000_000, cik="2"),  # not an ICP industry
        form_d("Globex LLC", "Other Technology", 5_000_000, cik="3", account_id=9, method="name"),  # already an account
        form_d("Box Inc", "Other Technology", 1_000_000, cik="4", method="common_name"),  # may well be an account
        form_d("Vandelay Pay Inc", "Other Banking & Financial Services", 30_000_000, cik="5"),
        form_d("News Co", "Other Technology", 9_000_000, cik="6", source="news"),  # news funding is not a Form D
    ]
    found = candidates(events, ["software", "fintech"])
    assert [(c.company_name, c.icp_industry) for c in found] == [
        ("Vandelay Pay Inc", "fintech"),
        ("Acme Robotics, Inc.", "software"),
    ]
    assert found[1].amount_usd == 12_500_000 and found[1].url and found[1].cik == "1"


def test_a_form_d_group_can_be_named_directly_and_issuers_are_listed_once() -> None:
    older = form_d("Acme Robotics, Inc.", "Biotechnology", 1_000_000, filed=FILED - timedelta(days=3))
    newer = form_d("Acme Robotics, Inc.", "Biotechnology", 2_000_000)
    [only] = candidates([older, newer], ["BIOTECHNOLOGY"])
    assert only.filed_at == FILED and only.icp_industry == "Biotechnology"
    assert candidates([newer], []) == []


def test_icp_industries_come_from_the_icp_file(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "icp.yaml").write_text(
        "tiers:\n  - name: A\n    must:\n      industry: [Software, fintech]\n      employees: {gte: 50}\n"
        "    nice:\n      industry: healthtech\n"
    )
    assert icp_industries(load_ruleset(rules).icp) == {"software", "fintech", "healthtech"}


@pytest.fixture
def config(tmp_path: Path) -> Path:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "icp.yaml").write_text("tiers:\n  - name: A\n    must:\n      industry: [software]\n")
    path = tmp_path / "signalwatch.yaml"
    path.write_text(f"database: {tmp_path / 'sw.db'}\nrules_dir: rules\n")
    store = Store(f"sqlite:///{tmp_path / 'sw.db'}")
    store.migrate()
    now = utcnow()
    events = [form_d("Acme Robotics, Inc.", "Other Technology", 12_500_000, cik="1", filed=now),
              form_d("Umbrella Bio Inc", "Biotechnology", 40_000_000, cik="2", filed=now)]
    commit(store, "sec-d", events, {}, now, lambda new: [])
    store.close()
    return path


def test_cli_lists_candidates(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-c", str(config), "accounts", "candidates"]) == 0
    out = capsys.readouterr().out
    assert "Acme Robotics, Inc." in out and "$12,500,000" in out and "Umbrella" not in out
    assert main(["-c", str(config), "accounts", "candidates", "--industry", "biotech", "--json"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert json.loads(line)["company_name"] == "Umbrella Bio Inc"
