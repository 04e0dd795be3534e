"""What a sales manager reads in the digest: each account's signals strongest first with the
low-value ones counted, a summary first (accounts heating up, new P1 alerts, who has what to act
on, net-new candidates), a legend for heat, a 30-day trend per account; the Markdown readable
as plain text yet still inert. The sample morning is `tests.digest.sample`, ranked by the real code."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from html.parser import HTMLParser

from markdown_it import MarkdownIt

from signalwatch.digest.markdown import render_markdown
from signalwatch.digest.page import render_html
from signalwatch.digest.slack import render_slack_digest
from signalwatch.rules.policy import Scoring
from tests.digest import sample
from tests.digest.sample import NOW, event


def slack_text(digest: sample.Digest) -> str:
    fallback, blocks = render_slack_digest(digest)
    return fallback + "\n" + json.dumps(blocks, ensure_ascii=False)


def html_text(page: str) -> str:
    """The visible text of a page (script and style contents aside)."""
    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.skip = False

        def handle_starttag(self, tag: str, attrs: object) -> None:
            self.skip = tag in ("style", "script", "title")

        def handle_endtag(self, tag: str) -> None:
            self.skip = False

        def handle_data(self, data: str) -> None:
            if not self.skip:
                self.parts.append(data)

    parser = Text()
    parser.feed(page)
    return " ".join("".join(parser.parts).split())


def in_order(text: str, *parts: str) -> bool:
    """Each part appears in `text` after the one before it."""
    at = 0
    for part in parts:
        at = text.find(part, at)
        if at < 0:
            return False
        at += len(part)
    return True


def test_an_accounts_signals_come_strongest_first_not_newest_first() -> None:
    digest = sample.digest()
    acme = digest.accounts[0]
    assert acme.name == "Acme Robotics"
    # The Series C came in at 23:00, the job post at 03:00, the homepage redesign at 06:00: by weight, not by date.
    assert [s.kind for s in acme.signals] == ["funding", "hiring", "tech_stack", "tech_stack"]
    series_c, job, tech = "Raised $30M Series C", "Senior Account Executive, EMEA", "Adopted "
    assert in_order(render_markdown(digest), series_c, job, tech)
    assert in_order(slack_text(digest), series_c, job, tech)
    assert in_order(html_text(render_html(digest)), "1. Acme Robotics", series_c, job, tech, "2. Globex Payments")
    globex = digest.accounts[1]
    assert [s.kind for s in globex.signals][:1] == ["leadership"]  # the new CRO before five job posts


def test_low_value_signals_collapse_into_a_count() -> None:
    closed = event(3, "hiring", timedelta(hours=2), "Office Manager role closed", change="closed", title="Office Manager")
    digest = sample.digest(extra=[closed])
    acme, globex, initech = digest.accounts[:3]
    assert sum(s.kind == "tech_stack" for s in acme.signals) == 2  # of 14 tech changes, the two that weigh most
    assert [c.text for c in acme.collapsed] == ["12 tech changes"]
    assert [c.text for c in globex.collapsed] == ["3 job posts"]
    assert [s.title for s in initech.signals] == ["Initech Cloud is hiring 14 engineers"]  # a closed role adds no heat
    assert [c.text for c in initech.collapsed] == ["1 job post"]
    for text in (render_markdown(digest), slack_text(digest), html_text(render_html(digest))):
        assert "and 12 tech changes" in text and "and 3 job posts" in text and "and 1 job post" in text
        assert "Office Manager" not in text and "Homepage now loads jQuery" not in text


def test_the_summary_comes_first() -> None:
    digest = sample.digest(max_accounts=2)
    summary = digest.summary
    assert summary.heating == 4 and [name for name, _ in summary.hottest] == ["Acme Robotics", "Globex Payments", "Initech Cloud"]
    assert [(a.account, a.signal.kind) for a in summary.p1_alerts] == [("Acme Robotics", "funding"), ("Globex Payments", "leadership")]
    owners = [(o.owner_email, o.accounts, o.p1) for o in summary.owners]
    assert owners == [("dana@yourco.example", ("Acme Robotics", "Globex Payments"), 2),
                      ("sam@yourco.example", ("Initech Cloud",), 0), (None, ("Hooli Health",), 0)]  # nobody's accounts last
    assert [c.company_name for c in summary.candidates] == ["Northwind Analytics, Inc.", "Bluefin Ledger LLC"]

    markdown = render_markdown(digest)
    assert in_order(markdown, "## Summary", "**4 accounts heating up (the 2 hottest below):** Acme Robotics (+",
                    "**2 new P1 alerts:**", "**Who has what to act on:**",
                    "  - dana@yourco.example: 2 accounts heating up (Acme Robotics, Globex Payments), 2 new P1 alerts",
                    "  - no owner: 1 account heating up (Hooli Health)",
                    "**2 net-new account candidates:**", "[Northwind Analytics, Inc.](https://www.sec.gov/",
                    "Other Technology, raised $18.5M (Form D)", "## 1. Acme Robotics")
    slack = slack_text(digest)
    assert in_order(slack, "*4 accounts heating up (the 2 hottest below):*", "*2 new P1 alerts:*", "*Who has what to act on:*",
                    "<@U01DANA001>: 2 accounts heating up", "*2 net-new account candidates:*", "*1. Acme Robotics*")
    page = html_text(render_html(digest))
    assert in_order(page, "Summary", "4 accounts heating up", "2 new P1 alerts", "2 net-new candidates", "Who has what to act on",
                    "dana@yourco.example: 2 accounts heating up", "Net-new account candidates", "Northwind Analytics, Inc.",
                    "1. Acme Robotics")


def test_a_long_owner_rollup_fits_one_slack_section() -> None:
    owners = {n: sample.Account(n, f"Account {n}", f"a{n}.example", owner_email=f"rep{n}@yourco.example", owner_slack_id=f"U0REP{n:05d}")
              for n in range(1, 15)}
    raises = [event(n, "funding", timedelta(hours=n), f"Account {n} raises $5M", amount=5_000_000, currency="USD") for n in owners]
    ranking = sample.build_ranking(raises, owners, lambda account: "A", Scoring(), {}, sample.START, NOW)
    _, blocks = render_slack_digest(ranking.digest(15))
    (rollup,) = [b["text"]["text"] for b in blocks if b.get("type") == "section" and "Who has what" in b["text"]["text"]]
    assert rollup.count("<@U0REP") == 10 and rollup.endswith("• and 4 more owners") and len(rollup) < 3000
    assert render_markdown(ranking.digest(15)).count("  - rep") == 14  # the Markdown and the page list everyone


def test_an_owner_gets_their_own_hottest_accounts_and_alerts_without_the_team_rollup() -> None:
    ranking = sample.ranking()
    assert [line.name for line in ranking.digest(1).accounts] == ["Acme Robotics"]
    sam = ranking.digest(1, owner="U01SAM0001")  # Initech is third in the team's ranking, first in Sam's
    assert [line.name for line in sam.accounts] == ["Initech Cloud"]
    assert sam.summary.p1_alerts == () and sam.summary.owners == () and sam.summary.candidates == ()
    dana = ranking.digest(15, owner="dana@yourco.example")
    assert [line.name for line in dana.accounts] == ["Acme Robotics", "Globex Payments"] and len(dana.summary.p1_alerts) == 2
    assert "Who has what" not in render_markdown(dana) + slack_text(dana)


def test_the_legend_explains_heat_from_the_policy_in_force() -> None:
    digest = sample.digest()
    for text in (render_markdown(digest), slack_text(digest), html_text(render_html(digest))):
        assert "How to read heat" in text
        assert "funding raised 10" in text and "hiring posted 2" in text and "Tier A ×1" in text and "hiring 14 days" in text
    custom = replace(sample.ranking(), scoring=Scoring(weights={"funding/raised": 12}))
    assert "funding raised 12" in render_markdown(custom.digest(15))


def test_each_account_shows_its_heat_over_the_last_30_days() -> None:
    digest = sample.digest()
    acme, globex = digest.accounts[:2]
    assert len(acme.trend) == 31 and acme.trend[-1] == acme.heat
    # Globex raised a Series A 40 days ago: its heat cooled for 30 days, then the new CRO and job posts.
    assert globex.trend[0] > globex.trend[-2] > 0 and globex.trend[-1] > globex.trend[0]
    page = render_html(digest)
    assert page.count('<svg class="trend"') == 4 and "<script" not in page and "http://www.w3.org" not in page
    first_line = page.split('<polyline points="', 1)[1].split('"', 1)[0]
    assert len(first_line.split()) == 31
    assert "Heat over the last 30 days: from " in page
    assert "30 days: ▁" in render_markdown(digest) and "30 days ▁" in slack_text(digest)


TITLE = "Acme Robotics (NYSE: ACME) raises $30M - Series C; U.S. expansion +15% by 2026-12-05! #robots 1.5x"


def test_markdown_is_escaped_only_where_markdown_needs_it() -> None:
    digest = sample.digest(hostile=TITLE)
    markdown = render_markdown(digest)
    assert "2026-12-04 08:00 UTC – 2026-12-05 08:00 UTC" in markdown and "(2026-12-04)" in markdown
    assert TITLE in markdown  # nothing a plain-text reader has to unescape
    assert "Northwind Analytics, Inc." in markdown and "dana@yourco.example" in markdown
    rendered = MarkdownIt("commonmark").render(markdown)
    assert TITLE in rendered.replace("&amp;", "&")


HOSTILE = ["<!channel> *wire* _now_ ~~money~~ `code` [click](javascript:alert(1)) &lt;b&gt; <script>alert(1)</script>",
           "# Breaking", "1. Listed", "- bullet", "+ plus", "= setext", "> quote", "<img src=x onerror=alert(1)>", "Jane #"]


def test_markdown_still_keeps_untrusted_text_inert() -> None:
    people = [event(2, "leadership", timedelta(hours=1, minutes=n), f"Globex appoints {name}", person=name, title="CFO",
                    serial=f"h{n}") for n, name in enumerate(HOSTILE)]
    digest = sample.digest(hostile=HOSTILE[0], extra=people)
    markdown = render_markdown(digest)
    assert "<!channel>" not in markdown and "<script>" not in markdown and "<img" not in markdown
    clean = MarkdownIt("commonmark").render(render_markdown(sample.digest()))
    rendered = MarkdownIt("commonmark").enable("strikethrough").render(markdown)
    for tag in ("<h1>", "<h2>", "<h3>", "<ol>", "<blockquote>", "<code>", "<em>", "<s>", "<script", "<img", 'href="javascript'):
        assert rendered.count(tag) == clean.count(tag), tag  # no heading, list, quote or emphasis from a title or a name
    text = rendered.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&quot;", '"')
    for name in HOSTILE[1:]:
        assert f"{name.rstrip(' #')} #" in text if name.endswith("#") else name in text  # shown as typed
    assert "<!channel> *wire* _now_ ~~money~~ `code` [click](javascript:alert(1)) &lt;b&gt; <script>alert(1)</script>" in text


def test_an_owner_known_by_email_on_one_account_and_by_slack_id_too_on_another_is_one_line() -> None:
    """CSV rows often give a rep's Slack id on some accounts only: the rollup must not split them."""
    owners = {1: sample.Account(1, "Acme", "acme.example", owner_email="dana@yourco.example", owner_slack_id="U01DANA001"),
              2: sample.Account(2, "Umbrella", "umbrella.example", owner_email="Dana@yourco.example")}
    raises = [event(n, "funding", timedelta(hours=n), f"{a.name} raises $5M", amount=5_000_000, currency="USD")
              for n, a in owners.items()]
    ranking = sample.build_ranking(raises, owners, lambda account: "A", Scoring(), {}, sample.START, NOW)
    text = render_markdown(ranking.digest(5))
    rollup = [line.strip() for line in text.splitlines() if line.startswith("  - ") and "heating up" in line]
    assert rollup == ["- dana@yourco.example: 2 accounts heating up (Acme, Umbrella)"], text
