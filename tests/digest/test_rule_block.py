"""The manager's digest carries, on its configured weekday, a "Rule effectiveness" block: per rule the
week's alerts, what reps did with the Slack buttons, and (HubSpot connected) the new deals within 30
days after the alerts whose window closed that week against ICP accounts without an alert.

Alerts are posted through the real Slack sink to a fake Slack, the buttons are clicked through the
real action handler, deals live in a fake HubSpot, and the digest goes out through the outbox and
the Slack sink like the scheduled one."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import yaml

from signalwatch.accounts.csv_import import read_accounts_csv
from signalwatch.cli.core import write_starter
from signalwatch.config import DeliveryConfig, Settings, load_settings
from signalwatch.devtools.fake_hubspot import FakeHubSpot
from signalwatch.devtools.fake_slack import FakeSlack
from signalwatch.digest.config import DigestConfig
from signalwatch.digest.markdown import render_markdown
from signalwatch.digest.model import DealRow, Digest, RuleBlock, RuleRow
from signalwatch.digest.page import render_html
from signalwatch.digest.send import deliver_digests, digest_key, queue_digest, rank_period
from signalwatch.digest.slack import render_slack_digest
from signalwatch.digest.weekly import rules_due, weekly_rule_block
from signalwatch.feedback.config import SlackActions
from signalwatch.rules.ruleset import load_ruleset
from signalwatch.sinks.slack import SlackSink
from signalwatch.store import Store
from tests.conftest import FIXTURES, HUBSPOT_TOKEN, SLACK_TOKEN
from tests.digest import sample
from tests.feedback.conftest import USERS, Loop, dated_deal

UTC = timezone.utc
MONDAY = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)  # the digest's hour on a Monday
SAM, DANA, LEE = USERS["sam@yourco.example"], USERS["dana@yourco.example"], USERS["lee@yourco.example"]
CHANNEL = "#signals-test"  # the managers' channel


@dataclass
class Team:
    """A store with alerts and clicks, its CRM a fake HubSpot, its Slack a fake Slack."""

    root: Path
    loop: Loop
    hubspot: FakeHubSpot
    companies: dict[str, str]

    @property
    def settings(self) -> Settings:
        return load_settings(self.root / "signalwatch.yaml")

    def alert_at(self, when: datetime, account: str, kind: str = "funding") -> None:
        self.loop.now = when
        assert self.loop.alert(account, kind) >= 1

    def click(self, account: str, action: str, user: str, value: str | None = None) -> None:
        self.loop.click(account, action, user, value, latest=True)

    def deal(self, account: str, created: datetime) -> None:
        dated_deal(self.hubspot, self.companies[account], account, created)

    def send_digest(self, config: DigestConfig, now: datetime) -> dict[str, Any]:
        """Build the team's digest at `now` (the block when due), queue it, deliver it through the
        Slack sink; the message the fake Slack received."""
        settings = self.settings
        block = weekly_rule_block(self.loop.store, settings, self.loop.rules, config, now)
        digest = rank_period(self.loop.store, self.loop.rules, now - timedelta(days=1), now).digest(config.max_accounts, rules=block)
        audience = f"channel:{CHANNEL}"
        queued = [queue_digest(self.loop.store, digest, audience, digest_key(now.date().isoformat(), audience), now)]
        sink = SlackSink(SLACK_TOKEN, default_channel=None, base_url=self.loop.slack.base_url, timeout=5)
        (result,) = deliver_digests(self.loop.store, {"slack": sink}, DeliveryConfig(), queued, clock=lambda: now)
        assert result.outcome == "sent", result
        return self.loop.slack.messages[-1]


@pytest.fixture
def team(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Team]:
    write_starter(tmp_path)
    monkeypatch.setenv("HUBSPOT_ACCESS_TOKEN", HUBSPOT_TOKEN)
    monkeypatch.setenv("SLACK_BOT_TOKEN", SLACK_TOKEN)
    store = Store(f"sqlite:///{tmp_path / 'signalwatch.db'}")
    store.migrate()
    with FakeHubSpot(token=HUBSPOT_TOKEN) as hubspot, FakeSlack(token=SLACK_TOKEN, users=dict(USERS)) as slack:
        accounts, _ = read_accounts_csv(FIXTURES / "accounts.csv")
        companies = {a.name: hubspot.add_company(a.name, a.domain) for a in accounts}
        store.upsert_accounts([replace(a, crm_id=f"hubspot:{companies[a.name]}") for a in accounts], MONDAY - timedelta(days=60))
        data = {"database": "signalwatch.db", "rules_dir": "rules",
                "sinks": {"console": {"enabled": True}, "hubspot": {"enabled": True, "host": hubspot.host}}}
        (tmp_path / "signalwatch.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
        loop = Loop(store, slack, load_ruleset(tmp_path / "rules"), SlackActions(mode="socket_mode"), now=MONDAY)
        yield Team(tmp_path, loop, hubspot, companies)
    store.close()


def text_of(message: dict[str, Any]) -> str:
    return "\n".join(block["text"]["text"] for block in message["blocks"] if block.get("type") == "section")


def a_week(team: Team) -> None:
    """Five weeks ago Acme got a funding alert and a deal 10 days later; Globex (ICP, no alert then)
    a deal too. This week Vandelay and Acme got funding alerts and reps used the buttons."""
    team.alert_at(MONDAY - timedelta(days=33), "Acme Robotics")
    team.deal("Acme Robotics", MONDAY - timedelta(days=23))
    team.deal("Globex Payments", MONDAY - timedelta(days=20))
    team.alert_at(MONDAY - timedelta(days=3), "Vandelay Imports")
    team.click("Vandelay Imports", "signalwatch_useful", SAM)
    team.click("Vandelay Imports", "signalwatch_claim", LEE)
    team.alert_at(MONDAY - timedelta(days=2), "Acme Robotics")
    team.click("Acme Robotics", "signalwatch_not_useful", DANA, "wrong_company")
    team.click("Acme Robotics", "signalwatch_not_useful", SAM, "bad_timing")
    team.click("Acme Robotics", "signalwatch_snooze", SAM, "7")


def test_the_monday_digest_carries_the_weeks_rule_effectiveness_and_the_other_days_do_not(team: Team) -> None:
    a_week(team)
    icp = [a.name for a in team.loop.store.list_accounts() if (fit := team.loop.rules.icp.fit(a)).tier and not fit.excluded_by]
    control = len([name for name in icp if name != "Acme Robotics"])  # ICP accounts funding-round did not alert 30-37 days ago
    assert "Globex Payments" in icp and control >= 2
    config = DigestConfig(enabled=True, channels=[CHANNEL])

    monday = team.send_digest(config, MONDAY)
    text = text_of(monday)
    assert "*Rule effectiveness:* Last 7 days (2026-11-23 – 2026-11-30): 2 alerts sent, 5 actions by 3 reps" in text
    assert ("• *funding-round*: 2 alerts · useful 1 · not useful 2 (wrong company 1, bad timing 1) · claimed 1 · snoozed 1"
            " · acted on 1 of 2 (50%)") in text
    assert "New deals within 30 days after the alert, for the alerts sent 2026-10-24 – 2026-10-31" in text
    rate = f"{100 / control:.1f}% of {control}"
    assert (f"• *funding-round*: alerted accounts with a new deal 1 of 1 (100%) · ICP accounts without an alert {rate}"
            f" · lift {control:.1f}x (small sample)") in text
    assert "Rule effectiveness" in monday["text"]  # the notification's fallback says so too

    for day in range(1, 5):  # Tuesday to Friday: no block
        later = team.send_digest(config, MONDAY + timedelta(days=day))
        assert "Rule effectiveness" not in json.dumps(later), f"day {day}"


def test_the_weekday_is_configurable_and_follows_the_digest_time_zone(team: Team) -> None:
    a_week(team)
    thursday = DigestConfig(enabled=True, channels=[CHANNEL], rules_day="thu", timezone="America/New_York", hour=8)
    local_thursday = datetime(2026, 12, 3, 13, 0, tzinfo=UTC)  # 08:00 in New York
    assert "Rule effectiveness" not in json.dumps(team.send_digest(thursday, MONDAY + timedelta(hours=5)))
    assert "*Rule effectiveness:*" in text_of(team.send_digest(thursday, local_thursday))
    # Caught up after downtime early on Friday (UTC), it is still Thursday's digest.
    assert rules_due(thursday, local_thursday + timedelta(hours=12))
    assert not rules_due(DigestConfig(rules_day=None), MONDAY)


def test_a_week_without_alerts_says_so_in_one_line(team: Team) -> None:
    team.alert_at(MONDAY - timedelta(days=20), "Acme Robotics")  # before the week
    config = DigestConfig(enabled=True, channels=[CHANNEL])
    message = team.send_digest(config, MONDAY)
    rules = [block["text"]["text"] for block in message["blocks"] if "Rule effectiveness" in json.dumps(block)]
    assert rules == ["*Rule effectiveness:* No alerts were sent in the last 7 days (2026-11-23 – 2026-11-30)."]
    assert "No new signals" in text_of(message)  # and the rest of a quiet digest still reads as one


def test_without_a_crm_the_block_says_why_there_are_no_deal_figures(team: Team) -> None:
    a_week(team)
    (team.root / "signalwatch.yaml").write_text(yaml.safe_dump({"database": "signalwatch.db", "rules_dir": "rules"}), encoding="utf-8")
    text = text_of(team.send_digest(DigestConfig(enabled=True, channels=[CHANNEL]), MONDAY))
    assert "• *funding-round*: 2 alerts" in text
    assert "No CRM connected (sinks.hubspot or sinks.salesforce): no deal outcomes." in text
    assert "New deals within" not in text


HOSTILE = "<!channel> <script>alert(1)</script> [x](http://evil.example) *bold*"
BLOCK = RuleBlock(MONDAY - timedelta(days=7), MONDAY, 14, 9, 4,
                  (RuleRow("funding-round", 9, 4, 3, (("wrong company", 2), (HOSTILE, 1)), 2, 1, 5),
                   RuleRow("executive-hire-with-a-very-long-rule-identifier-that-does-not-break", 5, 1, 0, (), 0, 0, 1)),
                  30, (MONDAY - timedelta(days=37), MONDAY - timedelta(days=30)),
                  (DealRow("funding-round", "3 of 7 (43%)", "12.5% of 48", "3.4x (small sample)"),))


def with_block(block: RuleBlock | None = BLOCK) -> Digest:
    return replace(sample.digest(), rules=block)


def test_every_format_shows_the_block_and_escapes_what_reps_typed() -> None:
    digest = with_block()
    _, blocks = render_slack_digest(digest)
    slack = json.dumps(blocks)
    assert "<!channel>" not in slack and "&lt;!channel&gt;" in slack
    assert "acted on 5 of 9 (56%)" in slack and "lift 3.4x (small sample)" in slack
    markdown = render_markdown(digest)
    assert "## Rule effectiveness" in markdown and "- **funding-round**: 9 alerts · useful 4 · not useful 3 (wrong company 2, " in markdown
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown and "\\[x\\](http://evil.example)" in markdown
    assert "ICP accounts without an alert 12.5% of 48 · lift 3.4x (small sample)" in markdown
    page = render_html(digest)
    assert "<h2>Rule effectiveness</h2>" in page and "<script>" not in page and "&lt;script&gt;" in page
    assert "acted on 5 of 9 (56%)" in page
    # Summary and accounts first; the block before the first account in every format.
    assert markdown.index("## Rule effectiveness") < markdown.index("## 1. Acme Robotics")
    assert page.index("Rule effectiveness") < page.index("1. Acme Robotics")
    assert slack.index("Rule effectiveness") < slack.index("1. Acme Robotics")


def test_owners_digests_never_carry_the_block() -> None:
    ranking = sample.ranking()
    assert ranking.digest(15, rules=BLOCK).rules == BLOCK
    assert ranking.digest(15, "U01DANA001", rules=BLOCK).rules is None


def test_the_rules_day_must_be_one_weekday_the_digest_is_sent() -> None:
    with pytest.raises(ValueError, match="not one of the digest's days"):
        DigestConfig(days="mon-fri", rules_day="sun")
    with pytest.raises(ValueError, match="one weekday"):
        DigestConfig(rules_day="mon-wed")
    assert DigestConfig(days="sat,sun").rules_weekday == 5  # default Monday, on a weekend-only digest: its first day


@pytest.mark.parametrize("width", [1200, 390])
def test_the_page_with_the_block_fits_the_screen_in_a_real_browser(width: int) -> None:
    from tests.digest.browser import chromium, layout

    chromium()
    page = layout(render_html(with_block()), width)
    assert page.fits, f"wider than {width} px: {page.scroll_width} px; too wide: {page.wide}"
    assert "Rule effectiveness" in page.text and "lift 3.4x (small sample)" in page.text
    assert "executive-hire-with-a-very-long-rule-identifier-that-does-not-break" in page.text
    assert page.scripts == 0 and page.ran is None and "<script>alert(1)</script>" in page.text


# The daemon's digest job (run_due_digest with WeeklyRules) carries the block on its day only.
def test_the_daemons_digest_job_sends_the_block_to_team_channels_on_its_day_only(team: Team) -> None:
    from signalwatch.digest.send import run_due_digest
    from signalwatch.digest.weekly import WeeklyRules

    a_week(team)
    config = DigestConfig(enabled=True, channels=[CHANNEL], owners=True, quiet_owner_notes=True)
    weekly = WeeklyRules(team.loop.store, team.settings, config)
    sink = SlackSink(SLACK_TOKEN, default_channel=None, base_url=team.loop.slack.base_url, timeout=5)
    for day, carries in [(0, True), (1, False), (7, True)]:
        now = MONDAY + timedelta(days=day, minutes=5)
        before = len(team.loop.slack.messages)
        queued = run_due_digest(team.loop.store, team.loop.rules, config, now, weekly)
        results = deliver_digests(team.loop.store, {"slack": sink}, DeliveryConfig(), queued, clock=lambda: now)
        assert {r.outcome for r in results} == {"sent"}, results
        posted = team.loop.slack.messages[before:]
        team_posts = [m for m in posted if m["channel"] == team.loop.slack.channels[CHANNEL.lstrip("#")]]
        assert len(team_posts) == 1 and len(posted) > 1  # the channel, and the owners' DMs
        assert ("*Rule effectiveness:*" in text_of(team_posts[0])) is carries, day
        assert not any("Rule effectiveness" in json.dumps(m) for m in posted if m not in team_posts)


def test_a_crm_that_cannot_be_read_costs_the_deal_figures_not_the_digest(team: Team) -> None:
    a_week(team)
    team.hubspot.token = "pat-na1-00000000-0000-0000-0000-000000000000"  # our token is refused: HTTP 401
    text = text_of(team.send_digest(DigestConfig(enabled=True, channels=[CHANNEL]), MONDAY))
    assert "• *funding-round*: 2 alerts" in text
    assert "hubspot: deals could not be read, no CRM outcomes:" in text and HUBSPOT_TOKEN not in text
    assert "New deals within" not in text


def test_the_daemon_reads_the_crm_once_per_weekly_block_not_at_every_check(team: Team) -> None:
    from signalwatch.digest.weekly import WeeklyRules

    a_week(team)
    weekly = WeeklyRules(team.loop.store, team.settings, DigestConfig(enabled=True, channels=[CHANNEL]))
    first = weekly(team.loop.rules, MONDAY + timedelta(minutes=1))
    reads = len(team.hubspot.requests)
    assert first is not None and reads > 0
    assert weekly(team.loop.rules, MONDAY + timedelta(minutes=11)) is first  # the next check, ten minutes on
    assert len(team.hubspot.requests) == reads
    assert weekly(team.loop.rules, MONDAY + timedelta(days=1)) is None  # Tuesday: nothing read
    assert len(team.hubspot.requests) == reads
    assert weekly(team.loop.rules, MONDAY + timedelta(days=7)) is not first  # next Monday: read afresh


def test_the_on_demand_digest_adds_the_block_when_asked(team: Team, capsys: pytest.CaptureFixture[str]) -> None:
    from signalwatch.cli import main

    config = str(team.root / "signalwatch.yaml")
    assert main(["-c", config, "digest", "--rules"]) == 0
    asked = capsys.readouterr().out
    assert "Rule effectiveness" in asked and "No alerts were sent in the last 7 days" in asked  # nothing sent this week
    assert main(["-c", config, "digest"]) == 0
    assert "Rule effectiveness" not in capsys.readouterr().out
