"""A morning's digest as a sales manager would get it: four accounts heating up (a Series C among a
homepage redesign's tech changes, a new CRO, a hiring burst), P1 alerts, three owners and one
account nobody owns, two net-new Form D candidates, 45 days of history for the trends.

Built by the real ranking code from events (no store), for the rendering and browser tests and
for the README screenshot (`python -m tests.digest.sample docs/digest.png`).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path

from signalwatch.accounts import Account
from signalwatch.digest.build import Digest, Ranking, build_ranking
from signalwatch.events import SignalEvent, make_dedupe_key
from signalwatch.matching.candidates import Candidate
from signalwatch.rules.policy import Scoring

__all__ = ["Account", "Digest", "Ranking", "build_ranking", "NOW", "START", "ACCOUNTS", "TIERS", "event", "events", "candidates",
           "digest", "ranking"]

NOW = datetime(2026, 12, 5, 8, 0, tzinfo=timezone.utc)
START = NOW - timedelta(days=1)
CHANGE = {"funding": "raised", "hiring": "posted", "leadership": "appointed", "tech_stack": "adopted", "acquisition": "acquired"}
# A homepage redesign: catalog ids and names (jQuery, the CDNs and the tags are commodity technologies).
TECH = [("jquery", "jQuery"), ("google_tag_manager", "Google Tag Manager"), ("cloudflare", "Cloudflare"), ("hotjar", "Hotjar"),
        ("segment", "Segment"), ("optimizely", "Optimizely"), ("intercom", "Intercom"), ("google_analytics", "Google Analytics"),
        ("jsdelivr", "jsDelivr"), ("vimeo", "Vimeo"), ("typeform", "Typeform"), ("drift", "Drift"), ("sentry", "Sentry"),
        ("marketo", "Marketo")]
ACCOUNTS = {
    1: Account(1, "Acme Robotics", "acmerobotics.example", owner_email="dana@yourco.example", owner_slack_id="U01DANA001"),
    2: Account(2, "Globex Payments", "globex.example", owner_email="dana@yourco.example", owner_slack_id="U01DANA001"),
    3: Account(3, "Initech Cloud", "initech.example", owner_email="sam@yourco.example", owner_slack_id="U01SAM0001"),
    4: Account(4, "Hooli Health", "hooli.example"),
    5: Account(5, "Vandelay Imports", "vandelay.example", owner_email="lee@yourco.example", owner_slack_id="U01LEE0001"),
}
TIERS = {1: "A", 2: "A", 3: "B", 4: "C", 5: "B"}


def event(account_id: int, kind: str, age: timedelta, headline: str, *, change: str | None = None, serial: str = "",
          url: str | None = None, **attributes: object) -> SignalEvent:
    key = f"{account_id}-{kind}-{serial or headline}"
    return SignalEvent(type=kind, change=change or CHANGE[kind], source="wire", source_kind="rss", source_id=key,
                       url=url or f"https://news.example/{account_id}/{make_dedupe_key(key)[:12]}", title=headline,
                       occurred_at=NOW - age, detected_at=NOW - age, dedupe_key=make_dedupe_key(key), account_id=account_id,
                       attributes=dict(attributes))


def events(hostile: str | None = None) -> list[SignalEvent]:
    """The period's and the past 45 days' events; `hostile` replaces one funding headline."""
    hour, day = timedelta(hours=1), timedelta(days=1)
    found = [
        # Acme: a homepage redesign (14 tech changes, newest) and, earlier in the morning, a Series C.
        *[event(1, "tech_stack", 2 * hour + n * timedelta(minutes=3), f"Homepage now loads {name}", name=name, technology=tech)
          for n, (tech, name) in enumerate(TECH)],
        event(1, "funding", 9 * hour, hostile or "Acme Robotics raises $30M Series C led by Northwind Ventures",
              amount=30_000_000, currency="USD", round="series_c", lead_investors=["Northwind Ventures"]),
        event(1, "hiring", 5 * hour, "Senior Account Executive, EMEA", title="Senior Account Executive, EMEA"),
        event(1, "leadership", 20 * day, "Acme names a VP of Sales", person="Ravi Menon", title="VP of Sales"),
        event(1, "hiring", 12 * day, "Sales Development Representative", title="Sales Development Representative"),
        # Globex: a new CRO and a few job posts.
        event(2, "leadership", 6 * hour, "Globex Payments appoints Jane Porter as Chief Revenue Officer",
              person="Jane Porter", title="Chief Revenue Officer"),
        *[event(2, "hiring", 3 * hour + n * hour, f"{title} at Globex Payments", title=title, serial=str(n))
          for n, title in enumerate(["Solutions Engineer", "RevOps Manager", "Account Executive", "Data Engineer", "SDR"])],
        event(2, "funding", 40 * day, "Globex Payments raises $12M Series A", amount=12_000_000, currency="USD", round="series_a"),
        # Initech: a hiring surge; Hooli (nobody owns it): adopts a CRM; Vandelay: cooling, nothing new.
        event(3, "hiring", 4 * hour, "Initech Cloud is hiring 14 engineers", change="surge", title="14 engineering roles"),
        event(3, "tech_stack", 15 * day, "Initech adopts Salesforce", name="Salesforce", technology="salesforce"),
        event(4, "tech_stack", 7 * hour, "Hooli Health adopts HubSpot CRM", name="HubSpot CRM", technology="hubspot"),
        event(5, "funding", 25 * day, "Vandelay Imports raises $8M", amount=8_000_000, currency="USD", round="seed"),
    ]
    return found


def candidates() -> list[Candidate]:
    return [
        Candidate("Northwind Analytics, Inc.", "0001999001", "Other Technology", "software", 18_500_000.0, "2026-11-20",
                  NOW - timedelta(hours=10), "DE", "https://www.sec.gov/Archives/edgar/data/1999001/000199900126000001/"),
        Candidate("Bluefin Ledger LLC", "0001999002", "Other Banking & Financial Services", "fintech", 4_000_000.0, None,
                  NOW - timedelta(hours=15), "NY", "https://www.sec.gov/Archives/edgar/data/1999002/000199900226000001/"),
    ]


def digest(hostile: str | None = None, max_accounts: int = 15, extra: Sequence[SignalEvent] = ()) -> Digest:
    return ranking(hostile, extra).digest(max_accounts)


def ranking(hostile: str | None = None, extra: Sequence[SignalEvent] = ()) -> Ranking:
    found = [*events(hostile), *extra]
    p1 = {e.dedupe_key: "P1" for e in found if e.type in ("funding", "leadership") and e.detected_at >= START}
    return build_ranking(found, ACCOUNTS, lambda account: TIERS.get(account.id), Scoring(), p1, START, NOW, candidates=candidates())


if __name__ == "__main__":  # the README screenshot
    from signalwatch.digest.page import render_html
    from tests.digest.browser import screenshot

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/digest.png")
    screenshot(render_html(digest()), target, width=1200)
    print(f"wrote {target}")
