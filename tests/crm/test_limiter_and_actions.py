"""The client-side burst limiter and how a route names its CRM action."""

from __future__ import annotations

from signalwatch.crm.alerttext import body_html, parse_actions
from signalwatch.http.ratelimit import WindowLimiter
from tests.crm.conftest import alert_payload


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_a_burst_is_spread_so_no_window_holds_more_than_the_limit() -> None:
    time = FakeTime()
    limiter = WindowLimiter(3, 10.0, clock=time.clock, sleep=time.sleep)
    stamps = []
    for _ in range(7):
        limiter.acquire()
        stamps.append(time.now)
    assert stamps == [0, 0, 0, 10, 10, 10, 20]
    assert all(sum(1 for s in stamps if start <= s < start + 10) <= 3 for start in stamps)


def test_routes_name_their_crm_action_or_get_the_default() -> None:
    default = ("task", "properties")
    assert parse_actions("note", default) == ("note",)
    assert parse_actions("Task+Properties", default) == ("task", "properties")
    assert parse_actions("#sales-signals", default) == default  # a Slack channel: not an action
    assert parse_actions("U01DANA001", default) == default  # `to: owner` put a user id here
    assert parse_actions(None, default) == default


def test_the_crm_body_escapes_web_text_and_links_only_http_urls() -> None:
    payload = alert_payload(title='<img src=x onerror="alert(1)">')
    payload["event"]["url"] = "javascript:alert(1)"
    body = body_html(payload, "k" * 32)
    assert "<img" not in body and "javascript:" not in body and "signalwatch alert " + "k" * 32 in body
