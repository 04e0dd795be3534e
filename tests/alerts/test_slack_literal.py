"""Untrusted text reaches Slack as literal mrkdwn: a scraped `*URGENT*`, `_act now_`, `~gone~` or
`` `code` `` shows as typed, never bold, italic, struck or code, in alerts, admin notices and
digests; our own labels (`*Whom to reach:*`) stay bold; link targets and intra-word characters
(`E*TRADE`, `dana_lee@acme.com`) are left byte for byte."""

from __future__ import annotations

import io
import re
from datetime import datetime, timedelta, timezone
from typing import Any

from signalwatch.alerts.render import render_slack, slack_escape, slack_link
from signalwatch.devtools.fake_slack import FakeSlack
from signalwatch.digest.build import AccountLine, Digest, Signal
from signalwatch.digest.slack import render_slack_digest
from signalwatch.sinks import SINKS
from tests.contract.conftest import slack_surfaces

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=timezone.utc)
HOSTILE = "*URGENT* _act now_ ~gone~ `code`"
# Slack pairs a delimiter that is not inside a word (no ASCII letter or digit on its outer side)
# with the next one on the same line. Looser than Slack, so it errs towards finding a pair.
_PAIRS = [re.compile(rf"(?<![A-Za-z0-9]){re.escape(d)}[^{d}\n]+{re.escape(d)}(?![A-Za-z0-9])") for d in "*_~"]
_CODE = re.compile(r"`[^`\n]+`")


def formatted(text: str) -> list[str]:
    """Every span of `text` that Slack's mrkdwn would show bold, italic, struck or as code."""
    return [m.group() for pattern in (*_PAIRS, _CODE) for m in pattern.finditer(text)]


HOSTILE_SPANS = {"*URGENT*", "_act now_", "~gone~", "`code`"}  # what the feed meant to format


def live_hostile(surfaces: list[str]) -> list[str]:
    """The feed's own pairs that Slack would format, in any surface (inside our bold or not)."""
    return [span for text in surfaces for span in formatted(text) if span in HOSTILE_SPANS] + [
        text for text in surfaces if "`" in text]


def mrkdwn_surfaces(text: str, blocks: list[dict[str, Any]]) -> list[str]:
    """The fallback text and every mrkdwn text object of the blocks, as Slack parses them."""
    return [surface for medium, surface in slack_surfaces([{"text": text, "blocks": blocks}]) if medium == "mrkdwn"]


def hostile_alert() -> dict[str, Any]:
    """A hand-written alert payload (one corner case): every web and CRM field carries HOSTILE."""
    return {
        "rule": {"id": "funding-round"}, "priority": "P1", "angle": "Congratulate them",
        "why": [f"Rule funding-round: {HOSTILE}"],
        "account": {"id": 1, "name": HOSTILE, "tier": "A", "owner_email": "dana_lee@acme.example"},
        "contacts": [{"name": HOSTILE, "title": f"CFO {HOSTILE}", "url": "https://crm.example/c_1~x"}],
        "event": {"type": "funding", "change": "raised", "title": HOSTILE, "summary": HOSTILE, "url": "https://news.example/a_b",
                  "source": "wire", "occurred_at": "2026-11-20T10:00:00+00:00", "company_name": HOSTILE, "attributes": {}},
    }


def test_formatting_characters_from_the_web_pair_no_more() -> None:
    assert formatted("*x* _y_ ~z~ `c`") == ["*x*", "_y_", "~z~", "`c`"]  # the check sees what Slack formats
    escaped = slack_escape("*x* _y_ ~z~ `c`")
    assert formatted(escaped) == []
    assert escaped == "\u2217x\u2217 \u02cdy\u02cd \u223cz\u223c \u02cbc\u02cb"  # what a reader sees: ∗x∗ ˍyˍ ∼z∼ ˋcˋ


def test_words_with_inner_marks_and_the_other_escapes_are_unchanged() -> None:
    assert slack_escape("E*TRADE, dana_lee@acme.com, snake_case, a~b") == "E*TRADE, dana_lee@acme.com, snake_case, a~b"
    assert slack_escape("AT&T <!channel>\u202e") == "AT&amp;T &lt;!channel&gt;"
    assert slack_escape("> a forged quote\n> second") == "\u00ad&gt; a forged quote\n\u00ad&gt; second"


def test_a_link_keeps_its_target_and_shows_its_label_literally() -> None:
    assert slack_link("https://news.example/a_b~c*d", "*big* news") == "<https://news.example/a_b~c*d|\u2217big\u2217 news>"


def test_an_alert_posted_to_slack_formats_only_our_own_labels() -> None:
    with FakeSlack(token="xoxb-test") as fake:
        cls = SINKS["slack"]
        config = cls.Config.model_validate({"enabled": True, "base_url": fake.base_url, "default_channel": "#sales-signals", "timeout": 5})
        cls.from_config(config, {"SLACK_BOT_TOKEN": "xoxb-test"}.get, io.StringIO()).send(hostile_alert(), "#sales-signals", "k" * 32)
        [message] = fake.messages
    surfaces = mrkdwn_surfaces(message["text"], message["blocks"])
    assert formatted(HOSTILE) and live_hostile([HOSTILE])  # the check sees the feed's markup when it is live
    assert live_hostile(surfaces) == []
    spans = [span for text in surfaces for span in formatted(text)]
    assert "*Whom to reach:*" in spans and "*Tier*" in spans and "*Why:*" in spans  # ours: still bold
    assert "\u2217URGENT\u2217 \u02cdact now\u02cd" in message["text"]  # the fallback notification shows it as typed
    assert "dana_lee@acme.example" in str(message["blocks"])  # an owner's address copies as written


def test_an_admin_notice_shows_its_reason_literally() -> None:
    notice = {**hostile_alert(), "kind": "notice", "account": {"name": "source wire"}, "contacts": None,
              "why": [f"HTTP 503: {HOSTILE}"]}
    text, blocks = render_slack(notice)
    assert live_hostile(mrkdwn_surfaces(text, blocks)) == []


def test_a_digest_shows_names_and_titles_literally() -> None:
    signal = Signal(what=HOSTILE, title=HOSTILE, url="https://news.example/a_b", occurred_at=NOW - timedelta(hours=1),
                    priority="P1", source="wire")
    line = AccountLine(1, HOSTILE, "acme.example", "A", "ann@example.com", None, 9.5, 9.5, (signal,))
    text, blocks = render_slack_digest(Digest(HOSTILE, NOW - timedelta(days=1), NOW, (line,)))
    surfaces = mrkdwn_surfaces(text, blocks)
    assert live_hostile(surfaces) == []
    assert "*1. \u2217URGENT\u2217 \u02cdact now\u02cd \u223cgone\u223c \u02cbcode\u02cb*" in str(blocks)  # our bold name line
