"""SEC fair access: the shared 10 requests/s budget and backing off from EDGAR's block page."""

from __future__ import annotations

import threading

import pytest
from fake_edgar import FIXTURES, NOW, USER_AGENT, FakeEdgar

from signalwatch.connectors.base import FetchContext
from signalwatch.connectors.edgar.client import EdgarOptions
from signalwatch.connectors.edgar.eightk import EightKConnector
from signalwatch.connectors.edgar.formd import FormDConnector, FormDOptions
from signalwatch.connectors.edgar.limiter import EdgarBlockedError, RateLimiter, limiter_for
from signalwatch.http import HttpClient

BLOCK_PAGE = (FIXTURES / "rate_threshold.htm").read_bytes()


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)


def test_at_most_ten_per_second() -> None:
    clock = FakeClock()
    limiter = RateLimiter(10, 1.0, clock=clock, sleep=clock.sleep)
    for _ in range(25):
        limiter.acquire()
    # the first ten go at once, the next ten one second later, the last five two seconds later
    assert clock.sleeps == [1.0] * 10 + [2.0] * 5


def test_threads_share_the_budget() -> None:
    clock = FakeClock()  # stands still: each wait is the send time a thread reserved
    limiter = RateLimiter(5, 0.2, clock=clock, sleep=clock.sleep)
    waits: list[float] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(5):
            waited = limiter.acquire()
            with lock:
                waits.append(waited)

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # 15 sends at 5 per 0.2 s need three windows, whichever threads send them: at 0, 0.2 and 0.4 s
    assert sorted(waits) == [0.0] * 5 + [0.2] * 5 + [0.4] * 5
    assert sorted(clock.sleeps) == [0.2] * 5 + [0.4] * 5


def test_both_connectors_share_one_limiter_per_site() -> None:
    assert limiter_for("https://www.sec.gov/cgi-bin/browse-edgar") is limiter_for("https://efts.sec.gov/LATEST/")
    assert limiter_for("http://127.0.0.1:8001/") is not limiter_for("http://127.0.0.1:8002/")


def test_cooldown_refuses_without_sending() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, sleep=clock.sleep)
    limiter.block(600, "EDGAR said no")
    clock.now = 599
    with pytest.raises(EdgarBlockedError, match="EDGAR said no"):
        limiter.acquire()
    clock.now = 601
    limiter.acquire()


@pytest.mark.parametrize("status", [200, 403])
def test_block_page_is_detected_and_backed_off(edgar: FakeEdgar, http: HttpClient, status: int) -> None:
    edgar.override("/cgi-bin/browse-edgar", status, BLOCK_PAGE)
    formd = FormDConnector("d", FormDOptions(user_agent=USER_AGENT, base_url=edgar.base_url))
    with pytest.raises(EdgarBlockedError, match="(?i)rate.threshold|refused"):
        formd.fetch(FetchContext(http=http, cursor={}, accounts=[], now=NOW))
    sent = len(edgar.paths())
    # The other connector shares the cooldown: it sends nothing until the block lifts.
    eightk = EightKConnector("k", EdgarOptions(user_agent=USER_AGENT, base_url=edgar.base_url))
    with pytest.raises(EdgarBlockedError, match="not sending to EDGAR"):
        eightk.fetch(FetchContext(http=http, cursor={}, accounts=[], now=NOW))
    assert len(edgar.paths()) == sent


def test_block_page_on_a_filing_document_stops_the_poll(edgar: FakeEdgar, http: HttpClient) -> None:
    edgar.feed("formd_feed_1.atom")
    edgar.override("/Archives/edgar/data/1900001/000190000126000001/primary_doc.xml", 200, BLOCK_PAGE)
    formd = FormDConnector("d", FormDOptions(user_agent=USER_AGENT, base_url=edgar.base_url))
    with pytest.raises(EdgarBlockedError):
        formd.fetch(FetchContext(http=http, cursor={}, accounts=[], now=NOW))
    assert edgar.paths()[-1].endswith("/primary_doc.xml")  # nothing sent after the block page
