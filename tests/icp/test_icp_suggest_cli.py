"""`signalwatch icp suggest` through the real CLI, against the fake HubSpot and Salesforce on loopback:
the attributes of won deals with their counts, the proposed ICP diff, and a proposal `rules check` accepts."""

from __future__ import annotations

import re
import shutil
from datetime import date, datetime, timedelta, timezone

import pytest

from signalwatch.devtools.fake_hubspot import FakeHubSpot
from signalwatch.devtools.fake_salesforce import FakeSalesforce
from signalwatch.events import SignalEvent, make_dedupe_key
from signalwatch.store import Store
from signalwatch.timeutil import utcnow
from tests.conftest import Workspace
from tests.crm.conftest import HUBSPOT_TOKEN, SF_FIXTURES
from tests.polls import commit

pytestmark = pytest.mark.slow


def ranked_rows(stdout: str, heading: str) -> list[list[str]]:
    """The table rows under `heading`, each split into its cells."""
    lines = stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(heading))
    start = next(i for i in range(at, len(lines)) if lines[i].startswith("  ---")) + 1  # below the column names
    rows = []
    for line in lines[start:]:
        if not line.strip():
            break
        rows.append(re.split(r"\s{2,}", line.strip()))
    return rows


def event(account_id: int, kind: str, change: str, when: datetime, key: str, **attributes: object) -> SignalEvent:
    return SignalEvent(type=kind, change=change, source="news", source_kind="rss", source_id=key, title=f"{kind} {change} {key}",
                       occurred_at=when, detected_at=when, dedupe_key=make_dedupe_key("icp-test", key), account_id=account_id,
                       attributes=attributes)


def seed_hubspot(hubspot: FakeHubSpot, today: date) -> dict[str, date]:
    """30 closed deals: 10 fintech companies (8 won) and 20 others (2 won, 4 of their companies outside
    the synced list), one open deal and one closed too long ago. Returns each watched domain's close date."""
    closes: dict[str, date] = {}
    for n in range(30):
        fintech = n < 10
        domain = f"{'fin' if fintech else 'co'}{n}.example"
        industry = "FINANCIAL_SERVICES" if fintech else "COMPUTER_SOFTWARE" if n < 20 else "RETAIL"
        watched = not 26 <= n  # the last four are customers, outside the sync's filter
        company = hubspot.add_company(f"Company {n}", domain, industry=industry, numberofemployees=str([450, 2500][n % 2]),
                                      country="US", lifecyclestage="opportunity" if watched else "customer")
        closed_on = today - timedelta(days=20 + 5 * n)
        won = n < 8 or n in (10, 11)
        hubspot.add_deal(f"Deal {n}", "closedwon" if won else "closedlost", f"{closed_on.isoformat()}T15:30:00.000Z", company,
                         amount="12000")
        if watched:
            closes[domain] = closed_on
        if n == 0:
            hubspot.add_deal("Still open", "contractsent", f"{today.isoformat()}T00:00:00.000Z", company)
            hubspot.add_deal("Long ago", "closedwon", f"{(today - timedelta(days=400)).isoformat()}T00:00:00.000Z", company)
    return closes


def seed_signals(workspace: Workspace, closes: dict[str, date]) -> None:
    """A VP of Sales hired 40 days before the close at the eight won fintech deals and at one lost deal;
    at another lost fintech deal 200 days before (outside the window); noise everywhere."""
    store = Store(f"sqlite:///{workspace.root / 'signalwatch.db'}")
    ids = {account.domain: account.id for account in store.list_accounts()}
    events = []
    for domain, closed_on in closes.items():
        n = int(re.sub(r"\D", "", domain))
        close = datetime(closed_on.year, closed_on.month, closed_on.day, 12, tzinfo=timezone.utc)
        account = ids[domain]
        if n < 8 or n == 15:
            events.append(event(account, "leadership", "appointed", close - timedelta(days=40), f"vp{n}", person="Dana Reyes",
                                title="VP of Sales", function="sales", seniority="vp"))
        if n == 8:
            events.append(event(account, "leadership", "appointed", close - timedelta(days=200), f"vp{n}", person="Old Hire",
                                title="VP Sales", function="sales", seniority="vp"))
        if n in (16, 17, 18):
            events.append(event(account, "leadership", "appointed", close - timedelta(days=30), f"dir{n}", person="Sam Lee",
                                title="Director of Engineering", function="engineering", seniority="director"))
        events.append(event(account, "hiring", "posted", close - timedelta(days=60), f"job{n}", title="Backend Engineer",
                            function="engineering", seniority="ic"))
        if n % 2 == 0:
            events.append(event(account, "tech_stack", "adopted", close - timedelta(days=100), f"tech{n}", technology="hubspot",
                                name="HubSpot", category="crm"))
    commit(store, "news", events, {}, utcnow())
    store.close()


def test_hubspot_deals_rank_the_vp_sales_hire_first_and_propose_a_fintech_tier_rules_check_accepts(
    workspace: Workspace, hubspot: FakeHubSpot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HUBSPOT_ACCESS_TOKEN", HUBSPOT_TOKEN)
    sync = {"enabled": True, "industry_map": {"FINANCIAL_SERVICES": "fintech"},
            "filter_groups": [{"filters": [{"propertyName": "lifecyclestage", "operator": "EQ", "value": "opportunity"}]}]}
    workspace.write_config([], sinks={
        "console": {"enabled": True},
        "slack": {"enabled": True, "base_url": workspace.slack.base_url, "default_channel": "#sales-signals"},
        "hubspot": {"enabled": True, "host": hubspot.host, "timeout": 5, "sync": sync}})
    closes = seed_hubspot(hubspot, utcnow().date())
    synced = workspace.cli("crm", "sync", "hubspot")
    assert synced.returncode == 0, synced.stderr
    seed_signals(workspace, closes)
    live = workspace.root / "rules" / "icp.yaml"
    before = live.read_bytes()
    asked = len(hubspot.requests)

    result = workspace.cli("icp", "suggest")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "ICP suggestions from 30 closed deals (hubspot, closed since" in out and "10 won, 20 lost (33% won)" in out
    assert "26 of 30 are with watched accounts" in out  # the four customers outside the sync count for firmographics only
    assert "Passed over: 1 open or without a close date; 1 closed before" in out
    assert "95% Wilson lower bound" in out and "fewer than 5 deals is not ranked" in out
    top, *rest = ranked_rows(out, "Attributes of won deals")
    assert top[:5] == ["leadership appointed · VP sales", "8/9", "89%", "2/17", "12%"]  # the hire 200 days earlier does not count
    assert ["industry = fintech", "8/10", "80%", "2/20", "10%"] == next(row for row in rest if row[0] == "industry = fintech")[:5]
    assert ["leadership appointed", "8/12"] == next(row for row in rest if row[0] == "leadership appointed")[:2]  # any hire
    assert not any(row[0].startswith("industry = retail") for row in rest)
    lost = ranked_rows(out, "Attributes of lost deals")
    assert lost[0][:3] == ["industry = retail", "0/10", "0%"]
    # The diff: tier A's industry becomes fintech (a must-have: 80% of wins), its other criteria and tiers stay.
    assert "-      industry: [software, saas, fintech]\n" in out
    assert "+      industry: [fintech]  # icp suggest: won 8/10 deals with it (80%), 2/20 without (10%)\n" in out
    assert "  must  industry: [fintech]" in out
    assert "employees" not in "".join(line for line in out.splitlines() if line.startswith(("+ ", "- ")))
    assert live.read_bytes() == before  # nothing changed without --write
    assert {request for request in hubspot.requests[asked:]} == {("GET", "/crm/v3/objects/deals"),
                                                                 ("POST", "/crm/v3/objects/companies/batch/read")}

    proposed = workspace.root / "proposed"
    shutil.copytree(workspace.root / "rules", proposed)
    written = workspace.cli("icp", "suggest", "--write", "proposed/icp.yaml")
    assert written.returncode == 0, written.stderr
    assert "wrote the proposed ICP to proposed/icp.yaml" in written.stdout and live.read_bytes() == before
    text = (proposed / "icp.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Proposed by `signalwatch icp suggest` on ")
    assert "  - name: B\n    label: Good fit\n" in text and "  - name: existing customer\n" in text
    check = workspace.cli("rules", "check", "proposed")
    assert check.returncode == 0, check.stderr
    assert "proposed: ok — 3 ICP tiers, 2 exclusions" in check.stdout


def test_salesforce_opportunities_compare_account_firmographics_without_watched_accounts(
    workspace: Workspace, salesforce: FakeSalesforce, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALESFORCE_ACCESS_TOKEN", salesforce.token)
    workspace.write_config([], sinks={"console": {"enabled": True}, "salesforce": {
        "enabled": True, "instance_url": salesforce.instance_url, "ca_bundle": str(SF_FIXTURES / "loopback-cert.pem"), "timeout": 5,
        "sync": {"industry_map": {"Financial Services": "fintech"}}}})
    today = utcnow().date()
    for n in range(10):
        fintech = n < 5
        account = salesforce.add("Account", Name=f"Account {n}", Website=f"https://www.acct{n}.example/",
                                 Industry="Financial Services" if fintech else "Retail", NumberOfEmployees=[300, 3000][n % 2],
                                 BillingCountry=["US", "DE"][n % 2])
        for k in range(2):
            won = (fintech and (n, k) != (4, 1)) or (n, k) == (5, 0)
            salesforce.add("Opportunity", Name=f"Opp {n}.{k}", AccountId=account, StageName="Closed Won" if won else "Closed Lost",
                           CloseDate=(today - timedelta(days=10 + 7 * n + k)).isoformat(), IsClosed=True, IsWon=won, Amount=9000)
    salesforce.add("Opportunity", Name="Open", AccountId=account, StageName="Negotiate", CloseDate=today.isoformat(),
                   IsClosed=False, IsWon=False)
    salesforce.add("Opportunity", Name="No account", AccountId=None, StageName="Closed Lost",
                   CloseDate=(today - timedelta(days=3)).isoformat(), IsClosed=True, IsWon=False)

    result = workspace.cli("icp", "suggest", "--crm", "salesforce")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "ICP suggestions from 21 closed deals (salesforce, closed since" in out and "10 won, 11 lost" in out
    assert "0 of 21 are with watched accounts" in out and "Known per field: industry 20, employees 20" in out
    top = ranked_rows(out, "Attributes of won deals")[0]
    assert top[:5] == ["industry = fintech", "9/10", "90%", "1/10", "10%"]
    assert "+      industry: [fintech]  # icp suggest: won 9/10 deals with it (90%), 1/10 without (10%)\n" in out
    query = salesforce.queries[-1]
    assert "FROM Opportunity WHERE IsClosed = true AND CloseDate >= " in query and "Account.Industry" in query
    assert not salesforce.records["Task"]  # read only


HUBSPOT_EXPORT = """\ufeffRecord ID,Deal Name,Deal Stage,Close Date,Amount,Associated Company,Associated Company IDs
{rows}"""


def test_a_hubspot_csv_export_matches_watched_accounts_by_name_and_a_bad_date_is_reported_by_line(workspace: Workspace) -> None:
    """Deals from a HubSpot export (its headers, stage labels, a byte order mark) are matched to the
    imported accounts by company name; firmographics come from the accounts."""
    today = utcnow().date()
    rows, n = [], 0
    for company, wins, losses in (("Globex Payments", 5, 0), ("Acme Robotics", 1, 4), ("Hooli", 0, 5), ("Vandelay Imports", 1, 4)):
        for stage in ["Closed Won"] * wins + ["Closed Lost"] * losses:
            n += 1
            rows.append(f"{9000 + n},Deal {n},{stage},{(today - timedelta(days=n)).isoformat()} 10:00,5000,{company},")
    rows.append(f"9999,Open one,Contract Sent,{today.isoformat()} 10:00,5000,Hooli,")
    (workspace.root / "deals.csv").write_text(HUBSPOT_EXPORT.format(rows="\n".join(rows)), encoding="utf-8")

    result = workspace.cli("icp", "suggest", "--csv", "deals.csv", "--min-support", "5")
    assert result.returncode == 0, result.stderr
    assert "ICP suggestions from 20 closed deals (deals.csv, closed since" in result.stdout and "7 won, 13 lost" in result.stdout
    assert "20 of 20 are with watched accounts" in result.stdout
    first, second = ranked_rows(result.stdout, "Attributes of won deals")[:2]
    # Globex Payments is the only fintech account and the only British one: the data cannot tell them apart.
    assert sorted([first[:5], second[:5]]) == [["country = GB", "5/5", "100%", "2/15", "13%"],
                                               ["industry = fintech", "5/5", "100%", "2/15", "13%"]]

    (workspace.root / "bad.csv").write_text("Opportunity Name,Account Name,Stage,Close Date,Won\nA,Hooli,Closed Won,31/12/2025,true\n"
                                            "B,Hooli,Closed Won,2025-12-01,maybe\n", encoding="utf-8")
    bad = workspace.cli("icp", "suggest", "--csv", "bad.csv")
    assert bad.returncode == 2
    assert "bad.csv:2: close date '31/12/2025' is not a date (2025-03-14 or 3/14/2025)" in bad.stderr
    assert "bad.csv:3: won 'maybe' is not true/false, yes/no or won/lost" in bad.stderr
    day_first = workspace.cli("icp", "suggest", "--csv", "bad.csv", "--day-first")
    assert "bad.csv:2:" not in day_first.stderr and "bad.csv:3:" in day_first.stderr


def test_a_missing_deals_scope_is_reported_without_the_token(workspace: Workspace, hubspot: FakeHubSpot,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from signalwatch.devtools.fake_hubspot import Scripted

    monkeypatch.setenv("HUBSPOT_ACCESS_TOKEN", HUBSPOT_TOKEN)
    workspace.write_config([], sinks={"console": {"enabled": True}, "hubspot": {"enabled": True, "host": hubspot.host, "timeout": 5}})
    # HubSpot's missing-scope refusal (hand-written from its documented error body), echoing the token as a proxy might.
    hubspot.scripted.append(Scripted("/crm/v3/objects/deals", status=403, body={
        "status": "error", "category": "MISSING_SCOPES", "correlationId": "00000000-0000-0000-0000-000000000002",
        "message": f"This app hasn't been granted all required scopes to make this call. (Bearer {HUBSPOT_TOKEN})",
        "errors": [{"message": "One or more of the following scopes are required.",
                    "context": {"requiredScopes": ["crm.objects.deals.read"]}}]}))
    result = workspace.cli("icp", "suggest")
    assert result.returncode == 1
    assert "hubspot: closed deals not read: HubSpot deal list: HTTP 403 This app hasn't been granted" in result.stderr
    assert "check the private app token and its scopes" in result.stderr
    assert HUBSPOT_TOKEN not in result.stderr + result.stdout
