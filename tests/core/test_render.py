"""Slack rendering: untrusted text can never ping, disguise a link, or break Block Kit limits."""

from __future__ import annotations

import json

from signalwatch.alerts.render import HEADER_LIMIT, SECTION_LIMIT, render_slack, render_text, slack_link

HOSTILE = "Acme names <!channel> <!here> <@U0ADMIN01> <https://evil.example|acme.com> & co"


def payload(**event: object) -> dict:
    base = {
        "type": "leadership", "change": "appointed", "title": HOSTILE, "summary": "<!everyone> " + "z" * 5000,
        "url": "https://wire.example/a?b=1|<!here>", "source": "wire", "occurred_at": "2026-11-20T10:00:00+00:00",
        "company_name": "Acme", "attributes": {"person": "<@U999>", "title": "VP <!channel>"}, "dedupe_key": "k",
    }
    base.update(event)
    return {
        "rule": {"id": "r", "description": "<!subteam^S123>"}, "priority": "P1", "angle": "<!channel> angle",
        "why": ["Rule r: <!here>"], "account": {"id": 1, "name": "Acme <!channel>", "domain": "acme.com", "tier": "A",
        "tier_label": "Best", "owner_email": "a@b.example", "owner_slack_id": "U01DANA001"}, "event": base,
    }


def _all_text(fallback: str, blocks: list) -> str:
    return fallback + json.dumps(blocks)


def test_no_special_mention_or_link_survives_from_untrusted_text() -> None:
    fallback, blocks = render_slack(payload())
    text = _all_text(fallback, blocks)
    for ping in ("<!channel>", "<!here>", "<!everyone>", "<@U0ADMIN01>", "<@U999>", "<!subteam", "<https://evil.example"):
        assert ping not in text
    assert "&lt;!channel&gt;" in text


def test_the_only_mention_is_the_account_owner_we_put_there() -> None:
    fallback, blocks = render_slack(payload())
    text = _all_text(fallback, blocks)
    assert text.count("<@") == 1 and "<@U01DANA001>" in text


def test_a_link_cannot_be_split_by_a_pipe_or_bracket_in_the_url() -> None:
    link = slack_link("https://wire.example/a?b=1|<!here>", "label|<x>")
    assert link.count("|") == 1 and link.startswith("<https://wire.example/a?b=1%7C%3C!here%3E|")
    assert slack_link("javascript:alert(1)", "click") == "click"


def test_block_kit_limits_are_respected() -> None:
    _, blocks = render_slack(payload(title="T" * 10_000))
    assert len(blocks[0]["text"]["text"]) <= HEADER_LIMIT
    for block in blocks:
        if block["type"] == "section" and "text" in block:
            assert len(block["text"]["text"]) <= SECTION_LIMIT


def test_console_text_explains_the_alert() -> None:
    text = render_text(payload(type="funding", change="raised", title="Acme raises $45M",
                               attributes={"amount": 45e6, "currency": "USD", "round": "series_b", "lead_investors": ["Northwind"]}))
    assert "Raised $45M Series B, led by Northwind" in text
    assert "Why:    Rule r" in text and "Link:   https://wire.example" in text
