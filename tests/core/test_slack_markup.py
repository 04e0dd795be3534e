"""Slack markup stays whole when text is shortened for Block Kit: a link `<url|label>`, a mention or
an `&amp;` entity is never cut in two; a URL too long for Slack is shown as its label; bidi and
zero-width controls never reach Slack."""

from __future__ import annotations

import json
import re
from typing import Any

from signalwatch.alerts.render import (
    CONTEXT_LIMIT,
    FALLBACK_LIMIT,
    HEADER_LIMIT,
    SECTION_LIMIT,
    URL_LIMIT,
    render_slack,
    slack_link,
    truncate_mrkdwn,
)

BIDI = "\u202e\u2066\u200b\u200f\u2069\ufeff\u061c"
MARKUP = re.compile(r"<[^<>]*>")
LINK = re.compile(r"<(https?://[^<>|]*)\|([^<>]*)>")


def long_url(length: int, tag: str = "a") -> str:
    base = f"https://news.example/{tag}/"
    return base + "q" * (length - len(base))


def payload(url: str, title: str = "Acme raises $45M", summary: str = "Round led by Northwind.",
            related: list[dict[str, Any]] | None = None, text: str = "") -> dict[str, Any]:
    return {
        "rule": {"id": "funding-round"}, "priority": "P1", "angle": f"Congratulate them{text}",
        "why": [f"Rule funding-round{text}", "ICP tier A"],
        "account": {"id": 1, "name": f"Acme{text}", "tier": "A", "owner_email": f"dana{text}@acme.example"},
        "evidence": related or [],
        "event": {"type": "funding", "change": "raised", "title": title, "summary": summary, "url": url, "source": f"wire{text}",
                  "occurred_at": "2026-11-20T10:00:00+00:00", "company_name": "Acme", "attributes": {"amount": 45e6, "currency": "USD"}},
    }


def mrkdwn_texts(fallback: str, blocks: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """Every mrkdwn string sent, with its Block Kit limit."""
    texts = [(fallback, FALLBACK_LIMIT)]
    for block in blocks:
        if block["type"] == "section" and "text" in block:
            texts.append((block["text"]["text"], SECTION_LIMIT))
        texts += [(field["text"], 2000) for field in block.get("fields", [])]
        texts += [(element["text"], CONTEXT_LIMIT) for element in block.get("elements", [])]
    return texts


def assert_whole_markup(text: str, urls: set[str]) -> None:
    """Every `<` opens a complete token, every `&` is a whole entity, and each link is to a full URL."""
    bare = re.sub(r"^>", "", MARKUP.sub("", text), flags=re.M)  # a line's leading ">" is our blockquote
    assert "<" not in bare and ">" not in bare, f"markup cut in two: {text[-200:]!r}"
    assert not re.search(r"&(?!amp;|lt;|gt;)", bare), f"entity cut in two: {text[-40:]!r}"
    for token in MARKUP.findall(text):
        link = LINK.fullmatch(token)
        assert link or re.fullmatch(r"<@U[0-9A-Z]+>", token), token
        if link:
            assert link.group(1).replace("&amp;", "&") in urls, f"a link to a cut URL: {token[:80]}…"


def test_a_long_url_is_never_cut_inside_its_link() -> None:
    urls = {long_url(1500 + 37 * n, f"r{n}") for n in range(6)}
    related = [{"occurred_at": "2026-11-19T10:00:00+00:00", "title": f"Signal {n}", "url": url} for n, url in enumerate(sorted(urls))]
    main = long_url(1900)
    fallback, blocks = render_slack(payload(main, related=related))
    for text, limit in mrkdwn_texts(fallback, blocks):
        assert len(text) <= limit
        assert_whole_markup(text, urls | {main})
    assert f"<{main}|Acme raises $45M>" in blocks[1]["text"]["text"]  # the main link fits, whole
    assert f"<{main}|Acme raises $45M>" in fallback


def test_the_fallback_text_is_cut_outside_the_link_markup() -> None:
    main = long_url(URL_LIMIT)
    title = "T" * 300
    for extra in range(0, 2000, 97):  # move the cut across the link: before, inside, after
        fallback, blocks = render_slack(payload(main, title=title, summary="s" * extra, text="&" * (extra % 400)))
        for text, limit in mrkdwn_texts(fallback, blocks):
            assert len(text) <= limit
            assert_whole_markup(text, {main})


def test_a_url_too_long_for_slack_is_dropped_and_its_label_kept() -> None:
    too_long = long_url(URL_LIMIT + 1)
    assert slack_link(too_long, "Acme raises $45M") == "Acme raises $45M"
    fallback, blocks = render_slack(payload(long_url(10_000), related=[
        {"occurred_at": "2026-11-19T10:00:00+00:00", "title": "Earlier <b>", "url": long_url(5000, "b")}]))
    sent = fallback + json.dumps(blocks)
    assert "qqqqqqqqqq" not in sent and "news.example" not in sent
    assert "Acme raises $45M" in blocks[1]["text"]["text"] and "Earlier &lt;b&gt;" in blocks[1]["text"]["text"]
    for text, _ in mrkdwn_texts(fallback, blocks):
        assert_whole_markup(text, set())


def test_truncation_keeps_entities_and_mentions_whole_and_shortens_a_label() -> None:
    assert truncate_mrkdwn("a &amp; b", 4) == "a …"
    assert truncate_mrkdwn("hi <@U0ANN0001> there", 8) == "hi …"
    assert truncate_mrkdwn("see <https://x.example/a|the long label>", 16) == "see the long la…"
    assert truncate_mrkdwn("short", 10) == "short"


def test_bidi_and_zero_width_controls_never_reach_slack() -> None:
    related = [{"occurred_at": "2026-11-19T10:00:00+00:00", "title": f"Earlier{BIDI}", "url": f"https://news.example/{BIDI}b"}]
    fallback, blocks = render_slack(payload(f"https://news.example/{BIDI}a", title=f"Acme{BIDI} raises", summary=f"x{BIDI}y",
                                            related=related, text=BIDI))
    sent = fallback + json.dumps(blocks, ensure_ascii=False)
    assert not set(sent) & set(BIDI)
    assert len(blocks[0]["text"]["text"]) <= HEADER_LIMIT and "Acme raises" in sent and "xy" in sent
