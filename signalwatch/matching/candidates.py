"""Net-new account candidates: Form D filers in an ICP industry that match no account. Pure.

Form D names its issuer's industry from a fixed SEC list ("Other Technology", "Biotechnology",
"Other Banking & Financial Services", …) while account industries are the team's own words
("software", "fintech"). `FORM_D_INDUSTRIES` bridges the two; an admin can also name a Form D
group directly ("--industry 'Other Technology'").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from signalwatch.events import EventType, SignalEvent
from signalwatch.rules.ruleset import Icp

__all__ = ["Candidate", "candidates", "icp_industries", "FORM_D_INDUSTRIES"]

# Form D industry group → the account-industry words it covers (lower case).
FORM_D_INDUSTRIES: dict[str, frozenset[str]] = {
    name.lower(): frozenset(words.split(","))
    for name, words in {
        "Other Technology": "software,saas,technology,tech,ai,cybersecurity,devtools,data",
        "Computers": "software,hardware,technology,tech,computers",
        "Telecommunications": "telecom,telecommunications,technology",
        "Commercial Banking": "banking,fintech,financial services",
        "Investing": "fintech,investing,financial services,wealth",
        "Investment Banking": "investment banking,financial services",
        "Insurance": "insurance,insurtech,financial services",
        "Other Banking & Financial Services": "fintech,financial services,payments,banking",
        "Biotechnology": "biotech,biotechnology,life sciences",
        "Pharmaceuticals": "pharma,pharmaceuticals,life sciences",
        "Health Insurance": "health insurance,healthtech,insurance",
        "Hospitals & Physicians": "healthcare,healthtech",
        "Other Health Care": "healthcare,healthtech,medtech",
        "Retailing": "retail,ecommerce,consumer",
        "Restaurants": "restaurants,food,hospitality",
        "Business Services": "business services,services,marketplace",
        "Manufacturing": "manufacturing,hardware,industrial",
        "Agriculture": "agriculture,agtech,food",
        "Energy Conservation": "energy,cleantech,climate",
        "Environmental Services": "environmental services,cleantech,climate",
        "Electric Utilities": "energy,utilities",
        "Oil & Gas": "energy,oil and gas",
        "Other Energy": "energy,cleantech,climate",
        "Coal Mining": "mining,energy",
        "Construction": "construction,real estate,proptech",
        "Commercial": "real estate,proptech",
        "Residential": "real estate,proptech",
        "REITS & Finance": "real estate,financial services",
        "Other Real Estate": "real estate,proptech",
        "Airlines & Airports": "travel,aviation",
        "Lodging & Conventions": "travel,hospitality",
        "Tourism & Travel Services": "travel,hospitality",
        "Other Travel": "travel",
    }.items()
}
_UNRESOLVED = (None, "none")  # ambiguous / common_name / domain_mismatch may be an existing account


@dataclass(frozen=True)
class Candidate:
    """A company that raised money, is in an ICP industry, and is not yet an account."""

    company_name: str
    cik: str | None
    industry_group: str
    icp_industry: str
    amount_usd: float | None
    date_of_first_sale: str | None
    filed_at: datetime
    state: str | None
    url: str | None


def icp_industries(icp: Icp) -> set[str]:
    """The industries the ICP's tiers name in `account.industry` conditions (lower case)."""
    found: set[str] = set()
    for tier in icp.tiers:
        for test in (*tier.must.tests, *tier.nice.tests):
            if test.path == "account.industry" and test.op in ("eq", "in") and test.pattern is None:
                values = test.value if isinstance(test.value, list) else [test.value]
                found |= {str(v).strip().lower() for v in values if v is not None}
    return found


def candidates(events: Iterable[SignalEvent], industries: Iterable[str]) -> list[Candidate]:
    """Unmatched Form D funding events in one of `industries`, one per issuer, biggest raise first."""
    wanted = {i.strip().lower() for i in industries if i.strip()}
    best: dict[str, Candidate] = {}
    for event in events:
        attributes = event.attributes
        if event.type != EventType.FUNDING or attributes.get("source") != "sec_form_d":
            continue
        if event.account_id is not None or event.match_method not in _UNRESOLVED:
            continue
        group = str(attributes.get("industry_group") or "")
        hit = _industry_hit(group, wanted)
        if hit is None:
            continue
        issuer = str(attributes.get("cik") or event.company_name or "")
        found = Candidate(
            company_name=event.company_name or "",
            cik=attributes.get("cik"),
            industry_group=group,
            icp_industry=hit,
            amount_usd=attributes.get("amount_usd"),
            date_of_first_sale=attributes.get("date_of_first_sale"),
            filed_at=event.occurred_at,
            state=attributes.get("state"),
            url=event.url,
        )
        if issuer not in best or found.filed_at > best[issuer].filed_at:
            best[issuer] = found
    return sorted(best.values(), key=lambda c: (-(c.amount_usd or 0.0), -c.filed_at.timestamp(), c.company_name))


def _industry_hit(group: str, wanted: set[str]) -> str | None:
    key = group.strip().lower()
    if not key:
        return None
    if key in wanted:
        return group
    covered = FORM_D_INDUSTRIES.get(key, frozenset())
    return min(covered & wanted, default=None)
