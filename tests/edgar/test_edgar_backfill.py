"""EDGAR backfill (issue 18): an account's Form D and 8-K filings of the last N days, from EDGAR's
daily form indexes, through the same fair-access session as a live poll (tests/fixtures/edgar/real,
provenance in its README)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fake_edgar import FIXTURES, USER_AGENT, FakeEdgar

from signalwatch.accounts import Account
from signalwatch.connectors.base import FetchContext
from signalwatch.connectors.edgar.client import EdgarOptions
from signalwatch.connectors.edgar.daily_index import daily_index_path, parse_form_index
from signalwatch.connectors.edgar.eightk import EightKConnector
from signalwatch.connectors.edgar.formd import FormDConnector, FormDOptions
from signalwatch.connectors.edgar.limiter import limiter_for
from signalwatch.devtools.fixture_server import Reply
from signalwatch.events import make_dedupe_key
from signalwatch.http import HttpClient

REAL = FIXTURES / "real"
INDEX_0318 = (REAL / "form.20200318.idx").read_bytes()
NO_SUCH_KEY = (REAL / "s3-access-denied-403.xml").read_bytes()  # what sec.gov answers for a missing file
JPM_ACCESSION = "0000019617-26-000241"


def _serve_indexes(edgar: FakeEdgar, days: dict[str, bytes], first: datetime, last: datetime) -> None:
    """Each weekday from `first` to `last`: the given index, else EDGAR's 403 for a file that does not exist."""
    day = first.date()
    while day <= last.date():
        body = days.get(day.isoformat())
        reply = Reply(body, content_type="text/plain") if body else Reply(NO_SUCH_KEY, 403, "application/xml")
        edgar.server.route(daily_index_path(day), reply)
        day += timedelta(days=1)


def test_a_backfill_reads_each_weekdays_index_and_opens_only_the_accounts_filings(edgar: FakeEdgar,
                                                                                 http: HttpClient) -> None:
    """The real index of Wed 18 March 2020 (4,084 filings, 87 Form D); the days around it have no file."""
    since, now = datetime(2020, 3, 13, 12, tzinfo=UTC), datetime(2020, 3, 19, 22, tzinfo=UTC)
    _serve_indexes(edgar, {"2020-03-18": INDEX_0318}, since, now)
    accounts = [Account(id=1, name="FOSSA", domain="fossa.com"), Account(id=2, name="Textio", domain="textio.com"),
                Account(id=3, name="Airtable", domain="airtable.com"),  # only an SPV named after it filed that day
                Account(id=4, name="Redfin", domain="redfin.com")]  # an 8-K, not a Form D
    source = FormDConnector("sec-form-d", FormDOptions(user_agent=USER_AGENT, base_url=edgar.base_url))
    found = source.backfill(FetchContext(http=http, cursor={}, accounts=accounts, now=now), since)

    assert found is not None
    events, errors = found
    indexes = [path for path in edgar.paths() if "/daily-index/" in path]
    assert indexes == [daily_index_path(datetime(2020, 3, day).date()) for day in (19, 18, 17, 16, 13)]  # no weekend
    opened = [path for path in edgar.paths() if "/daily-index/" not in path]
    # FOSSA's and Textio's Form D only (their documents are not recorded, so each is an error to report).
    assert sorted(opened) == sorted(_index_pages({"FOSSA, Inc.", "Textio, Inc."}, {"D", "D/A"}))
    assert len(opened) == 2
    assert sorted(errors) == sorted(_accessions({"FOSSA, Inc.", "Textio, Inc."}, {"D", "D/A"}))
    assert all("no such file on EDGAR" in reason for reason in errors.values())
    assert events == []
    assert edgar.agents() == {USER_AGENT}
    # The 403s of the missing days were read as "no such file", not as a refusal: no cooldown started.
    limiter_for(edgar.base_url).acquire()


def test_an_8k_backfill_reports_the_officer_changes_dated_when_the_filing_was_accepted(edgar: FakeEdgar,
                                                                                     http: HttpClient) -> None:
    """JPMorgan Chase's real 8-K of 25 June 2026 (Item 5.02) with its real index page and document.

    The daily index of that day is not recorded anywhere we found: its one line for this filing is
    composed here, in the real index's layout, from what the filing's own index page states."""
    since, now = datetime(2026, 6, 22, tzinfo=UTC), datetime(2026, 6, 26, 23, tzinfo=UTC)
    header = INDEX_0318.split(b"-----", 1)[0].replace(b"Mar 18, 2020", b"Jun 25, 2026")
    line = f"{'8-K':<12}{'JPMORGAN CHASE & CO':<62}{'19617':<12}{'20260625':<12}edgar/data/19617/{JPM_ACCESSION}.txt"
    composed = header + b"-" * 141 + b"\n" + line.encode() + b"\n"
    assert [row.company for row in parse_form_index(composed)] == ["JPMORGAN CHASE & CO"]
    _serve_indexes(edgar, {"2026-06-25": composed}, since, now)
    folder = f"/Archives/edgar/data/19617/{JPM_ACCESSION.replace('-', '')}"
    edgar.server.route(f"{folder}/{JPM_ACCESSION}-index.htm",
                       Reply((REAL / f"{JPM_ACCESSION}-index.htm").read_bytes(), content_type="text/html"))
    edgar.server.route(f"{folder}/jpm-20260624.htm",
                       Reply((REAL / f"{JPM_ACCESSION}-jpm-20260624.htm").read_bytes(), content_type="text/html"))
    source = EightKConnector("sec-8k", EdgarOptions(user_agent=USER_AGENT, base_url=edgar.base_url))
    account = Account(id=9, name="JPMorgan Chase", domain="jpmorganchase.com")

    found = source.backfill(FetchContext(http=http, cursor={}, accounts=[account], now=now), since)

    assert found is not None
    events, errors = found
    assert errors == {}
    assert sorted((e.change, e.attributes["person"], e.attributes["title"]) for e in events) == [
        ("appointed", "Doug Petno", "CEO of the CIB"), ("appointed", "Doug Petno", "Co-President"),
        ("appointed", "Troy Rohrbaugh", "CEO of Consumer & Community Banking"),
        ("appointed", "Troy Rohrbaugh", "Co-President"), ("departed", "Marianne Lake", "CEO of CCB")]
    accepted = datetime(2026, 6, 25, 11, 59, 33, tzinfo=UTC)  # "Accepted 2026-06-25 07:59:33" Eastern
    assert {e.occurred_at for e in events} == {accepted} and {e.detected_at for e in events} == {now}
    assert {e.company_name for e in events} == {"JPMORGAN CHASE & CO"}
    # The key a live poll gives the same change (the feed writes the CIK with ten digits).
    lake = next(e for e in events if e.change == "departed")
    assert lake.dedupe_key == make_dedupe_key("sec_8k_502", "0000019617", "departed", "Marianne Lake")
    assert lake.url.endswith(f"/{JPM_ACCESSION}-index.htm") and lake.attributes["items"] == ["5.02"]
    assert f"{folder}/jpmcpressrelease06252026.htm" not in edgar.paths()  # the main document sufficed


def test_an_8k_without_item_502_is_not_read_beyond_its_index_page(edgar: FakeEdgar, http: HttpClient) -> None:
    """The real JPMorgan index page with its Items line removed: a results 8-K is never downloaded."""
    since, now = datetime(2026, 6, 25, tzinfo=UTC), datetime(2026, 6, 25, 23, tzinfo=UTC)
    header = INDEX_0318.split(b"-----", 1)[0]
    line = f"{'8-K':<12}{'JPMORGAN CHASE & CO':<62}{'19617':<12}{'20260625':<12}edgar/data/19617/{JPM_ACCESSION}.txt"
    _serve_indexes(edgar, {"2026-06-25": header + b"-" * 141 + b"\n" + line.encode() + b"\n"}, since, now)
    page = (REAL / f"{JPM_ACCESSION}-index.htm").read_text()
    start = page.index('<div class="infoHead">Items</div>')
    no_items = page[:start] + page[page.index("</div>", page.index('<div class="info">', start)) + 6:]
    folder = f"/Archives/edgar/data/19617/{JPM_ACCESSION.replace('-', '')}"
    edgar.server.route(f"{folder}/{JPM_ACCESSION}-index.htm", Reply(no_items.encode(), content_type="text/html"))
    source = EightKConnector("sec-8k", EdgarOptions(user_agent=USER_AGENT, base_url=edgar.base_url))
    found = source.backfill(FetchContext(http=http, cursor={}, accounts=[Account(id=9, name="JPMorgan Chase")],
                                         now=now), since)
    assert found == ([], {})
    assert not any(path.endswith(".htm") and "-index" not in path for path in edgar.paths())


def test_a_refusal_stops_the_backfill(edgar: FakeEdgar, http: HttpClient) -> None:
    since, now = datetime(2020, 3, 16, tzinfo=UTC), datetime(2020, 3, 18, 23, tzinfo=UTC)
    block = (FIXTURES / "rate_threshold.htm").read_bytes()
    edgar.server.route(daily_index_path(datetime(2020, 3, 18).date()), Reply(block, 403, "text/html"))
    source = FormDConnector("sec-form-d", FormDOptions(user_agent=USER_AGENT, base_url=edgar.base_url))
    found = source.backfill(FetchContext(http=http, cursor={}, accounts=[Account(id=1, name="FOSSA")], now=now), since)
    assert found is not None
    events, errors = found
    assert events == [] and list(errors) == ["EDGAR"] and "backfill stopped" in errors["EDGAR"]
    assert len(edgar.paths()) == 1  # the other two days were never asked for


def _rows(companies: set[str], forms: set[str]) -> list[tuple[str, str]]:
    return [(row.accession, row.index_url) for row in parse_form_index(INDEX_0318)
            if row.company in companies and row.form in forms]


def _accessions(companies: set[str], forms: set[str]) -> list[str]:
    return [accession for accession, _ in _rows(companies, forms)]


def _index_pages(companies: set[str], forms: set[str]) -> list[str]:
    return [url.removeprefix("https://www.sec.gov") for _, url in _rows(companies, forms)]
