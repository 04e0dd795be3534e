"""Render a digest as Slack Block Kit: the summary, one section per account, the legend. Pure.

Every string that came from the web goes through `slack_escape` (so `<!channel>` or `<@U…>` in a
title stays text and its `*bold*` or `_italic_` is shown, not applied) and loses its bidi and
zero-width controls; links are made only from http(s) URLs (`slack_link`).
"""

from __future__ import annotations

from typing import Any

from signalwatch.alerts.render import plain_safe, slack_escape, slack_link, truncate, truncate_mrkdwn
from signalwatch.digest.model import AccountLine, Digest, Signal
from signalwatch.digest.text import (
    CANDIDATES_NOTE,
    LEGEND_HEADING,
    LISTED,
    OWNERS_HEADING,
    QUIET_NOTE,
    RULES_HEADING,
    candidate_text,
    count,
    deal_text,
    deals_intro,
    facts,
    heating_text,
    hottest,
    more,
    no_deals,
    owner_work,
    period,
    rest,
    rule_text,
    rules_intro,
    spark,
)

__all__ = ["render_slack_digest", "SIGNALS_PER_ACCOUNT"]

SIGNALS_PER_ACCOUNT = 5  # a Slack section lists this many signals, then "and N more …"
RULES_LISTED = 10  # rules in the effectiveness block (the rest: "and N more rules"), to stay within a section
OWNERS_LISTED = 10  # owners in the rollup (the rest: "and N more owners"); a section holds 3,000 characters
_SECTION = 3000  # Block Kit's limit on a section's text
_BLOCKS = 50  # and on a message's blocks


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": truncate_mrkdwn(text, _SECTION)}}


def _owner(email: str | None, slack_id: str | None) -> str:
    return f"<@{slack_escape(slack_id)}>" if slack_id else slack_escape(email or "no owner")


def _signal(signal: Signal) -> str:
    prio = f"{signal.priority} " if signal.priority else ""
    return f"{slack_escape(prio)}{slack_escape(signal.what)} — {slack_link(signal.url, truncate(signal.title, 200))}"


def _summary(digest: Digest) -> list[dict[str, Any]]:
    summary = digest.summary
    lines = []
    if summary.heating:
        lines.append(f"*{slack_escape(heating_text(digest))}:* {hottest(digest, slack_escape)}")
    if summary.p1_alerts:
        lines.append(f"*{count(len(summary.p1_alerts), 'new P1 alert')}:*")
        lines += [f"• {slack_escape(a.account)}: {_signal(a.signal)}" for a in summary.p1_alerts[:LISTED]]
        lines += [f"• {tail}" for tail in [more(len(summary.p1_alerts))] if tail]
    blocks = [_section("\n".join(lines))] if lines else []
    if summary.owners:
        owners = [f"• {_owner(o.owner_email, o.owner_slack_id)}: {owner_work(o, slack_escape)}" for o in summary.owners[:OWNERS_LISTED]]
        owners += [f"• {tail} owners" for tail in [more(len(summary.owners), OWNERS_LISTED)] if tail]
        blocks.append(_section("\n".join([f"*{OWNERS_HEADING}:*", *owners])))
    if summary.candidates:
        blocks.append(_section("\n".join(_candidates(digest))))
    return blocks


def _candidates(digest: Digest) -> list[str]:
    summary = digest.summary
    lines = [f"*{count(len(summary.candidates), 'net-new account candidate')}:* {slack_escape(CANDIDATES_NOTE)}"]
    lines += [f"• {slack_link(c.url, truncate(c.company_name, 200))}: {slack_escape(candidate_text(c))}"
              for c in summary.candidates[:LISTED]]
    lines += [f"• {tail}" for tail in [more(len(summary.candidates))] if tail]
    return lines


def _rules(digest: Digest) -> list[dict[str, Any]]:
    """The weekly rule effectiveness block: a section of feedback per rule, one of new deals."""
    block = digest.rules
    if block is None:
        return []
    intro = f"*{RULES_HEADING}:* {slack_escape(rules_intro(block))}"
    if not block.alerts:
        return [_section(intro)]
    lines = [intro, *(f"• *{slack_escape(row.rule)}*: {rule_text(row, slack_escape)}" for row in block.rules[:RULES_LISTED])]
    lines += [f"• {tail} rules" for tail in [more(len(block.rules), RULES_LISTED)] if tail]
    if block.crm_note:
        deals = [slack_escape(block.crm_note)]
    elif not block.deals:
        deals = [slack_escape(no_deals(block))]
    else:
        deals = [f"*{slack_escape(deals_intro(block))}:*"]
        deals += [f"• *{slack_escape(row.rule)}*: {slack_escape(deal_text(row))}" for row in block.deals[:RULES_LISTED]]
        deals += [f"• {tail} rules" for tail in [more(len(block.deals), RULES_LISTED)] if tail]
    return [_section("\n".join(lines)), _section("\n".join(deals))]


def _account(rank: int, line: AccountLine) -> dict[str, Any]:
    trend = f"  ·  30 days {spark(line.trend)}" if line.trend else ""
    head = (f"*{rank}. {slack_escape(line.name)}*  ·  {slack_escape(' · '.join(facts(line)))}  ·  "
            f"{_owner(line.owner_email, line.owner_slack_id)}{trend}")
    items = [f"• {_signal(s)}" for s in line.signals[:SIGNALS_PER_ACCOUNT]]
    tail = rest(max(0, len(line.signals) - SIGNALS_PER_ACCOUNT), line.collapsed)
    if tail:
        items.append(f"• …{slack_escape(tail)}")
    items += [f"• _{slack_escape(hold)}_" for hold in line.holds]
    return _section("\n".join([head, *items]))


def render_slack_digest(digest: Digest) -> tuple[str, list[dict[str, Any]]]:
    """(fallback text, blocks) for chat.postMessage."""
    header = {"type": "header", "text": {"type": "plain_text", "text": truncate(plain_safe(digest.title), 150), "emoji": False}}
    context = {"type": "context", "elements": [{"type": "mrkdwn", "text": slack_escape(period(digest))}]}
    if digest.quiet:
        note = {"type": "section", "text": {"type": "mrkdwn", "text": QUIET_NOTE}}
        return f"{slack_escape(digest.title)}: {QUIET_NOTE}", [header, context, note]
    quiet = [] if digest.accounts or not digest.summary.empty else [_section(QUIET_NOTE)]
    blocks: list[dict[str, Any]] = [header, context, *quiet, *_summary(digest), *_rules(digest), {"type": "divider"}]
    blocks += [_account(rank, line) for rank, line in enumerate(digest.accounts, 1)]
    legend = {"type": "context", "elements": [
        {"type": "mrkdwn", "text": truncate_mrkdwn(f"*{LEGEND_HEADING}:* " + " ".join(slack_escape(s) for s in digest.legend), _SECTION)}]}
    blocks = blocks[:_BLOCKS - 1] + [legend] if digest.legend else blocks[:_BLOCKS]
    names = ", ".join(slack_escape(line.name) for line in digest.accounts[:5])
    fallback = f"{slack_escape(digest.title)}: {names}" if names else f"{slack_escape(digest.title)}: {slack_escape(heating_text(digest))}"
    if digest.rules is not None:
        fallback += f" · {RULES_HEADING}: {slack_escape(rules_intro(digest.rules))}"
    return truncate_mrkdwn(fallback, 4000), blocks
