"""EDGAR's daily form index: every filing disseminated on one business day, one fixed-width line each.

    https://www.sec.gov/Archives/edgar/daily-index/2020/QTR1/form.20200318.idx

    Description:           Daily Index of EDGAR Dissemination Feed by Form Type
    Last Data Received:    Mar 18, 2020
    ...
    Form Type   Company Name                                                  CIK         Date Filed  File Name
    ---------------------------------------------------------------------------------------------------------
    8-K         Redfin Corp                                                   1382821     20200318    edgar/data/1382821/0001382821-20-000053.txt

Form names may hold spaces ("1-A POS") and company names are cut at the column width, so a line
is read from the right (file name, date, CIK) and split at the header's "Company Name" column.
A day without filings (weekend, holiday, or today before the index is published) has no file:
sec.gov answers that with HTTP 403 and an S3 "AccessDenied" XML body, not 404 (see client.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from signalwatch.connectors.edgar.feed import FeedEntry
from signalwatch.http import FetchError

__all__ = ["IndexRow", "IndexParseError", "parse_form_index", "daily_index_path", "index_days", "EASTERN"]

EASTERN = ZoneInfo("America/New_York")  # EDGAR's dates and acceptance times are US Eastern
_ROW = re.compile(r"^(?P<head>.*?)\s+(?P<cik>\d{1,10})\s+(?P<date>\d{8})\s+(?P<file>edgar/data/\S+)\s*$")
_ACCESSION = re.compile(r"(\d{10}-\d{2}-\d{6})\.txt$")


class IndexParseError(FetchError):
    """The body is not a daily form index (no "Form Type ... File Name" header)."""


@dataclass(frozen=True)
class IndexRow:
    """One filing as the daily index lists it."""

    form: str
    company: str
    cik: str
    filed: date
    path: str  # edgar/data/<cik>/<accession>.txt

    @property
    def accession(self) -> str:
        match = _ACCESSION.search(self.path)
        return match.group(1) if match else ""

    @property
    def index_url(self) -> str:
        """The filing's "-index.htm" page on www.sec.gov (the feed's link for the same filing)."""
        cik = self.path.split("/")[2]
        return f"https://www.sec.gov/Archives/edgar/data/{cik}/{self.accession.replace('-', '')}/{self.accession}-index.htm"

    def entry(self, accepted: datetime | None = None) -> FeedEntry:
        """The filing as a feed entry, dated when it was accepted (or the start of its filing day)."""
        when = accepted or datetime.combine(self.filed, time(0), EASTERN)
        return FeedEntry(accession=self.accession, form=self.form, company=self.company, cik=self.cik.zfill(10),
                         index_url=self.index_url, updated=when.astimezone(ZoneInfo("UTC")).isoformat())


def parse_form_index(body: bytes) -> list[IndexRow]:
    """Every filing line of a daily (or quarterly) form index, in file order."""
    lines = body.decode("latin-1").splitlines()
    header = next((i for i, line in enumerate(lines) if line.startswith("Form Type") and "File Name" in line), None)
    if header is None:
        raise IndexParseError(f"not an EDGAR form index: {body[:80].decode('latin-1', 'replace').strip()!r}")
    company_at = lines[header].index("Company Name")
    rows = []
    for line in lines[header + 1:]:
        match = _ROW.match(line)
        if not match or not _ACCESSION.search(match["file"]):
            continue  # the dashed rule, blank lines
        head = match["head"]
        form, company = head[:company_at].strip(), head[company_at:].strip()
        if head[company_at - 1:company_at] not in ("", " ") and "  " in head.strip():
            form, company = (part.strip() for part in head.strip().split("  ", 1))  # a form name wider than its column
        if not form or not company:
            continue
        filed = date(int(match["date"][:4]), int(match["date"][4:6]), int(match["date"][6:]))
        rows.append(IndexRow(form=form, company=" ".join(company.split()), cik=match["cik"], filed=filed,
                             path=match["file"]))
    return rows


def daily_index_path(day: date) -> str:
    """The archive path of one day's form index."""
    quarter = (day.month - 1) // 3 + 1
    return f"/Archives/edgar/daily-index/{day.year}/QTR{quarter}/form.{day:%Y%m%d}.idx"


def index_days(since: datetime, until: datetime) -> Iterator[date]:
    """The weekdays from `since` to `until` (Eastern dates), newest first: EDGAR files no index on weekends."""
    day, first = until.astimezone(EASTERN).date(), since.astimezone(EASTERN).date()
    while day >= first:
        if day.weekday() < 5:
            yield day
        day -= timedelta(days=1)
