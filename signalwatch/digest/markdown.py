"""Render a digest as Markdown (CommonMark, readable as plain text too; the console sink prints it). Pure.

Untrusted text is escaped only where Markdown would read it as markup, so a date stays
`2026-12-05` and a title reads as typed: backslashes before `\\ ` * [ ]` and a `_` or `~` that
could emphasise; `<` and `>` as `&lt;` `&gt;` (no HTML, no autolink, and Slack's `<!channel>`
stays text if the Markdown ever reaches Slack); an `&` that would start an entity; and, at the
start of a line's text, what would start a block (`# `, `- `, `1. `, `+ `, `=`). Line breaks and
other controls become spaces, bidi and zero-width controls are dropped. Links are only made
from http(s) URLs, percent-encoded (`web_url`) so that no character can end the link early.
"""

from __future__ import annotations

import re

from signalwatch.alerts.render import web_url
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
    owner_text,
    owner_work,
    period,
    rest,
    rule_text,
    rules_intro,
    spark,
)
from signalwatch.events import strip_controls

__all__ = ["render_markdown", "md"]

_ALWAYS = re.compile(r"([\\`*\[\]])")
# `_` emphasises only when not between two letters or digits (CommonMark's intraword rule).
_UNDERSCORE = re.compile(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")  # `&lt;` typed in a title must show as those four characters
_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]+")
# What starts a block when it begins a line's text: a heading, a list item, a setext underline, a table.
_BLOCK_START = re.compile(r"^(#|[-+=|]|\d{1,9}(?=[.)]))")
_CLOSING_HASHES = re.compile(r"(?:^|(?<=\s))(#+)$")  # would close an ATX heading


def md(text: str, *, starts_line: bool = False, heading: bool = False) -> str:
    """Untrusted `text` as literal Markdown inline text."""
    flat = " ".join(_CONTROL_CHARS.sub(" ", strip_controls(str(text))).split())
    out = _UNDERSCORE.sub(r"\\_", _ALWAYS.sub(r"\\\1", flat))
    if out.count("~") > 1:  # strikethrough (GFM) needs a pair
        out = out.replace("~", "\\~")
    out = _ENTITY.sub(r"\\&", out).replace("<", "&lt;").replace(">", "&gt;")
    if starts_line:
        out = _BLOCK_START.sub(lambda m: m.group(1) + "\\" if m.group(1).isdigit() else "\\" + m.group(1), out)
    if heading:
        out = _CLOSING_HASHES.sub(lambda m: "\\#" * len(m.group(1)), out)
    return out


def _link(label: str, url: str | None, *, starts_line: bool = False) -> str:
    """`[label](url)` with the URL percent-encoded (no space, quote, bracket, parenthesis, backslash
    or control survives to end the destination early), or the label alone for a non-web URL.
    An `&` that would read as an entity is encoded too: `&lt;` must stay those four characters."""
    target = web_url(url)
    if target is None:
        return md(label, starts_line=starts_line)
    return f"[{md(label)}]({_ENTITY.sub('%26', target)})"


def _signal(signal: Signal) -> str:
    priority = f"**{md(signal.priority)}** " if signal.priority else ""
    what = md(signal.what, starts_line=not priority)
    return f"{priority}{what}: {_link(signal.title, signal.url)} ({signal.occurred_at:%Y-%m-%d})"


def _summary(digest: Digest) -> list[str]:
    summary = digest.summary
    out = ["## Summary", ""]
    if summary.heating:
        out.append(f"- **{heating_text(digest)}:** {hottest(digest, md)}")
    if summary.p1_alerts:
        out.append(f"- **{count(len(summary.p1_alerts), 'new P1 alert')}:**")
        out += [f"  - {md(a.account, starts_line=True)}: {_signal(a.signal)}" for a in summary.p1_alerts[:LISTED]]
        out += [f"  - {tail}" for tail in [more(len(summary.p1_alerts))] if tail]
    if summary.owners:
        out.append(f"- **{OWNERS_HEADING}:**")
        out += [f"  - {md(owner_text(o.owner_email, o.owner_slack_id), starts_line=True)}: {owner_work(o, md)}" for o in summary.owners]
    if summary.candidates:
        out.append(f"- **{count(len(summary.candidates), 'net-new account candidate')}:** {CANDIDATES_NOTE}")
        out += [f"  - {_link(c.company_name, c.url, starts_line=True)}: {md(candidate_text(c))}" for c in summary.candidates[:LISTED]]
        out += [f"  - {tail}" for tail in [more(len(summary.candidates))] if tail]
    return [*out, ""]


def _rules(digest: Digest) -> list[str]:
    """The weekly rule effectiveness block: a list item per rule, then the new deals."""
    block = digest.rules
    if block is None:
        return []
    out = [f"## {RULES_HEADING}", "", md(rules_intro(block), starts_line=True), ""]
    if not block.alerts:
        return out
    out += [f"- **{md(row.rule)}**: {rule_text(row, md)}" for row in block.rules]
    out.append("")
    if block.crm_note or not block.deals:
        return [*out, md(block.crm_note or no_deals(block), starts_line=True), ""]
    out += [f"**{md(deals_intro(block))}:**", ""]
    out += [f"- **{md(row.rule)}**: {md(deal_text(row))}" for row in block.deals]
    return [*out, ""]


def _account(rank: int, line: AccountLine) -> list[str]:
    owner = f"owner: {md(line.owner_email)}" if line.owner_email else "no owner"
    about = [md(" · ".join(facts(line))), owner] + ([md(line.domain)] if line.domain else [])
    if line.trend:
        about.append(f"30 days: {spark(line.trend)}")
    out = [f"## {rank}. {md(line.name, heading=True)}", "", " · ".join(about), ""]
    out += [f"- {_signal(signal)}" for signal in line.signals]
    tail = rest(0, line.collapsed)
    if tail:
        out.append(f"- {tail}")
    out += [f"- _{md(hold)}_" for hold in line.holds]
    return [*out, ""]


def render_markdown(digest: Digest) -> str:
    out = [f"# {md(digest.title, heading=True)}", "", f"_{period(digest)}_", ""]
    if digest.quiet:
        return "\n".join([*out, QUIET_NOTE, ""])
    out += _summary(digest) if not digest.summary.empty else []
    out += [QUIET_NOTE, ""] if not digest.accounts and digest.summary.empty else []
    out += _rules(digest)
    for rank, line in enumerate(digest.accounts, 1):
        out += _account(rank, line)
    if digest.legend:
        out += [f"## {LEGEND_HEADING}", "", *(f"{md(sentence, starts_line=True)}  " for sentence in digest.legend), ""]
    return "\n".join(out)
