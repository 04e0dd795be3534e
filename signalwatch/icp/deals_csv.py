"""Closed deals from a CSV export: our own column names, HubSpot's and Salesforce's export headers.

Headers are matched without regard to case, spaces or underscores; the first column found for
each name wins. A deal is won or lost by a won column (true/false, yes/no, 1/0, won/lost),
else by its stage ("closedwon", "Closed Won", "closedlost", "Closed Lost"); a closed column that
says false, or a stage that is neither, marks an open deal, which is skipped. Dates are ISO
(2025-03-14, 2025-03-14 09:30, 2025-03-14T09:30:00Z) or month/day/year (3/14/2025), or
day/month/year with `day_first`. Every bad row is reported at once, as file:line.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from signalwatch.accounts.country import country_code
from signalwatch.crm.fetch import industry_word
from signalwatch.icp.deals import ClosedDeal, DealCompany, DealsRead
from signalwatch.resolve import normalize_domain
from signalwatch.timeutil import parse_timestamp
from signalwatch.yamlload import AdminInputError, Issue

__all__ = ["read_deals_csv", "COLUMNS"]

# Our column -> the headers that fill it: ours first, then HubSpot's deal export, then Salesforce's
# (report labels and API names, as Data Loader writes them).
COLUMNS: dict[str, tuple[str, ...]] = {
    "deal_id": ("deal_id", "Record ID", "Deal ID", "Opportunity ID", "Id"),
    "deal_name": ("deal_name", "Deal Name", "dealname", "Opportunity Name", "Name"),
    "won": ("won", "Is Closed Won", "hs_is_closed_won", "IsWon"),
    "closed": ("closed", "Is Deal Closed?", "Is Closed", "hs_is_closed", "IsClosed"),
    "stage": ("stage", "Deal Stage", "dealstage", "Stage", "StageName"),
    "close_date": ("close_date", "Close Date", "closedate", "CloseDate"),
    "hubspot_company_id": ("hubspot_company_id", "Associated Company IDs", "Associated Company IDs (Primary)",
                           "Associated Company ID", "Company ID"),
    "salesforce_account_id": ("salesforce_account_id", "Account ID", "AccountId"),
    "company": ("company", "Associated Company", "Associated Company (Primary)", "Company Name", "Account Name",
                "Account.Name"),
    "domain": ("domain", "Company Domain Name", "Website", "Account.Website"),
    "industry": ("industry", "Account.Industry"),
    "employees": ("employees", "Number of Employees", "NumberOfEmployees", "Account.NumberOfEmployees"),
    "revenue": ("revenue", "Annual Revenue", "AnnualRevenue", "Account.AnnualRevenue"),
    "country": ("country", "Country/Region", "Billing Country", "BillingCountry", "Account.BillingCountry"),
}
_TRUE, _FALSE = {"true", "yes", "1", "won", "y"}, {"false", "no", "0", "lost", "n"}
_STAGES = {"closedwon": True, "closedlost": False}
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:\s.*)?$")
_SCALE = {"k": 1e3, "m": 1e6, "b": 1e9}


def _key(header: str) -> str:
    return re.sub(r"[\s_]+", "", header.strip().lower())


def _columns(headers: list[str]) -> dict[str, str]:
    """Our column -> the header in this file that fills it (the first header of each name counts)."""
    present: dict[str, str] = {}
    for name in headers:
        present.setdefault(_key(name), name)
    found: dict[str, str] = {}
    for ours, names in COLUMNS.items():
        header: str | None = next((present[_key(name)] for name in names if _key(name) in present), None)
        if header is not None:
            found[ours] = header
    return found


def _day(text: str, day_first: bool) -> date | None:
    text = text.strip()
    slashed = _SLASHED.match(text)
    if slashed:
        first, second, year = (int(part) for part in slashed.groups())
        month, day = (second, first) if day_first else (first, second)
        try:
            return date(year, month, day)
        except ValueError:
            return None
    stamp = parse_timestamp(text)
    return stamp.date() if stamp is not None else None


def _number(text: str) -> float | None:
    cleaned = text.replace(",", "").replace("$", "").strip().lower()
    if not cleaned:
        return None
    scale = _SCALE.get(cleaned[-1:], 1.0)
    return float(cleaned[:-1] if scale != 1.0 else cleaned) * scale


def _outcome(row: Mapping[str, str]) -> tuple[bool | None, str | None]:
    """(won, problem): won True/False, None for an open deal; a problem when the row cannot say."""
    closed = row.get("closed", "").strip().lower()
    if closed in _FALSE:
        return None, None
    won = row.get("won", "").strip().lower()
    if won in _TRUE | _FALSE:
        return won in _TRUE, None
    if won:
        return None, f"won {row['won']!r} is not true/false, yes/no or won/lost"
    return _STAGES.get(_key(row.get("stage", ""))), None  # any other stage (or none) is an open deal


def _company(row: Mapping[str, str], problems: list[str]) -> DealCompany | None:
    ids = {crm: row[column].split(";")[0].strip() for crm, column in
           (("hubspot", "hubspot_company_id"), ("salesforce", "salesforce_account_id")) if row.get(column, "").strip()}
    numbers: dict[str, float | None] = {}
    for column in ("employees", "revenue"):
        try:
            numbers[column] = _number(row.get(column, ""))
        except ValueError:
            problems.append(f"{column} {row[column]!r} is not a number")
            numbers[column] = None
    name = row.get("company", "").strip() or None
    domain = normalize_domain(row.get("domain"))
    country = country_code(row.get("country"))
    if not (ids or name or domain):
        return None
    employees = numbers["employees"]
    return DealCompany(ids, name, domain, industry_word(row.get("industry")), None if employees is None else int(employees),
                       numbers["revenue"], country)


def read_deals_csv(path: Path, *, day_first: bool = False, since: date | None = None) -> DealsRead:
    """The closed deals in the file (on or after `since`); raises AdminInputError listing every bad row."""
    try:
        text = path.read_text(encoding="utf-8-sig")  # HubSpot's exports start with a byte order mark
    except (OSError, UnicodeDecodeError) as exc:
        raise AdminInputError([Issue(str(path), 1, f"cannot read file: {exc}")]) from None
    reader = csv.DictReader(text.splitlines())
    columns = _columns(list(reader.fieldnames or []))
    missing = []
    if "close_date" not in columns:
        missing.append(f"no close date column (one of: {', '.join(COLUMNS['close_date'])})")
    if "won" not in columns and "stage" not in columns:
        missing.append(f"no won or stage column (one of: {', '.join(COLUMNS['won'] + COLUMNS['stage'])})")
    if missing:
        raise AdminInputError([Issue(str(path), 1, message) for message in missing])
    issues: list[Issue] = []
    deals: list[ClosedDeal] = []
    not_closed = before = 0
    for line, raw in enumerate(reader, start=2):
        row = {ours: (raw.get(header) or "") for ours, header in columns.items()}
        problems: list[str] = []
        won, problem = _outcome(row)
        if problem:
            problems.append(problem)
        closed_on = _day(row["close_date"], day_first) if row["close_date"].strip() else None
        if row["close_date"].strip() and closed_on is None:
            problems.append(f"close date {row['close_date']!r} is not a date (2025-03-14 or 3/14/2025)")
        company = _company(row, problems)
        if problems:
            issues += [Issue(str(path), line, message) for message in problems]
        elif won is None or closed_on is None:
            not_closed += 1
        elif since is not None and closed_on < since:
            before += 1
        else:
            deal_id = row.get("deal_id", "").strip() or f"line {line}"
            deals.append(ClosedDeal(str(path), deal_id, row.get("deal_name", "").strip() or deal_id, won, closed_on, company))
    if issues:
        raise AdminInputError(issues)
    return DealsRead(deals, not_closed, before)
