"""Render an alert payload as console text or Slack Block Kit. Pure functions.

All text that came from the web (titles, names, summaries, URLs) passes through
`slack_escape` or `slack_link` before it reaches Slack, so `<!channel>`, `<@U123>` or a
disguised `<https://evil|bank.com>` in a feed item is shown as text and pings no one, and its
`*bold*`, `_italic_`, `~strike~` or `` `code` `` is shown as typed, never applied.
Bidi and zero-width controls are dropped on the way (`strip_controls`), and text that must be
shortened for Block Kit is cut between markup tokens (`truncate_mrkdwn`), never inside one.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote, urlsplit

from signalwatch.events import strip_controls
from signalwatch.eventtypes import kind_of

__all__ = ["slack_escape", "plain_safe", "slack_link", "headline", "what_happened", "render_text", "render_slack", "truncate",
           "truncate_mrkdwn", "web_url", "URL_LIMIT", "signal_label", "evidence_heading", "contact_label", "CONTACTS_HEADING"]

HEADER_LIMIT = 150  # Block Kit header text
SECTION_LIMIT = 3000  # Block Kit section text
CONTEXT_LIMIT = 2000
FIELD_LIMIT = 2000
FALLBACK_LIMIT = 4000
# A longer link would crowd a 3,000-character section out on its own, and Slack's own URL
# fields (buttons) stop at 3,000: such a link is shown as its label only.
URL_LIMIT = 2000

# What a link destination may hold as is; everything else (space, < > " ' ` ( ) \ | { } ^, control
# and non-ASCII characters) is percent-encoded, so no renderer can read it as markup.
_URL_SAFE = ":/?#[]@!$&*+,;=%~-._"
# One mrkdwn token: our own markup (<link|label>, <@mention>), an entity, a run of plain text.
_MRKDWN_TOKEN = re.compile(r"<[^<>]*>|&(?:amp|lt|gt);|[^<&]+|[<&]")
_LINK = re.compile(r"<[^<>|]*\|([^<>]*)>")
# A formatting character Slack could pair: every backtick; `* _ ~` unless between two ASCII
# letters or digits (intra-word, where Slack never formats).
_DELIMITER = re.compile(r"`|(?<![A-Za-z0-9])[*_~]|[*_~](?![A-Za-z0-9])")
_LOOKALIKE = {"*": "\u2217", "_": "\u02cd", "~": "\u223c", "`": "\u02cb"}
_QUOTE = re.compile(r"(^|\n)&gt;")


def slack_escape(text: Any) -> str:
    """Untrusted `text` as literal mrkdwn: what a feed wrote is shown, never formatted or parsed.

    Slack documents an escape for `& < >` only (entities; "Formatting text for app surfaces"), so
    `<!channel>` stays text. It has none for its formatting characters: a backslash shows up
    literally (slackhq/slack-api-docs#34, #93), and a zero-width space beside a delimiter makes
    Slack format *more*, not less (jsx-slack's "exact mode" uses exactly that). So a `*`, `_` or
    `~` that could open or close bold, italic or strike, and every backtick, becomes its look-alike
    (∗ U+2217, ˍ U+02CD, ∼ U+223C, ˋ U+02CB: the set jsx-slack's `<Escape>` uses; none of them is
    a delimiter). One between two ASCII letters or digits cannot pair (Slack shows
    `Super_cali_fragilistic` as typed) and is left alone, so `E*TRADE`, `dana_lee@acme.com`
    or `snake_case` stay byte for byte what the source wrote: copying or searching them works.
    A reader sees the same glyph; a copied `*URGENT*` pastes as `∗URGENT∗`.
    A `&gt;` opening a line gets a soft hyphen (invisible) in front, so it is no blockquote.
    Bidi and zero-width controls are dropped first (`strip_controls`).
    """
    literal = _DELIMITER.sub(lambda match: _LOOKALIKE[match.group()], strip_controls(str(text)))
    return _QUOTE.sub("\\1\u00ad&gt;", _entities(literal))


def _entities(text: str) -> str:
    """The three characters Slack reads as control, as entities; nothing else changes (URLs)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plain_safe(text: Any) -> str:
    """For plain_text fields: Slack does not parse them, but angle brackets become look-alikes
    anyway so that no raw `<!...>` sequence ever leaves signalwatch."""
    return strip_controls(str(text)).replace("<", "‹").replace(">", "›")


def web_url(url: str | None, limit: int | None = None) -> str | None:
    """`url` percent-encoded for use as a link target, if it is an http(s) URL (and, with `limit`,
    no longer than that once encoded); else None, and the caller shows the label alone.
    Bidi and zero-width controls are dropped rather than encoded: they have no place in a link."""
    if not url:
        return None
    try:
        scheme = urlsplit(url).scheme
    except ValueError:  # e.g. an unclosed [IPv6 literal
        return None
    if scheme not in ("http", "https"):
        return None
    encoded = quote(strip_controls(url), safe=_URL_SAFE, errors="replace")
    return encoded if limit is None or len(encoded) <= limit else None


def slack_link(url: str | None, label: str) -> str:
    """A Slack link to an http(s) URL, or the escaped label alone when the URL is unusable or too long."""
    safe_url = web_url(url)
    target = _entities(safe_url) if safe_url else None  # a URL keeps its `_` and `~`
    if not target or len(target) > URL_LIMIT:
        return slack_escape(label)
    return f"<{target}|{slack_escape(label.replace('|', '¦'))}>"


def truncate(text: str, limit: int) -> str:
    """Shorten plain text (before it is escaped, or for plain_text fields)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def truncate_mrkdwn(text: str, limit: int) -> str:
    """Shorten escaped mrkdwn without cutting inside `<url|label>`, a mention or an `&amp;`
    entity: a cut half-link would show raw markup or point somewhere else. A link that does not
    fit keeps as much of its label as fits, as plain text."""
    return text if len(text) <= limit else _fit(text, limit - 1) + "…"


def _fit(text: str, budget: int) -> str:
    """The longest prefix of whole tokens within `budget`, plus the part of the next that may be cut."""
    out: list[str] = []
    for match in _MRKDWN_TOKEN.finditer(text):
        token = match.group()
        if len(token) <= budget:
            out.append(token)
            budget -= len(token)
            continue
        if token.startswith("<"):
            link = _LINK.fullmatch(token)
            out.append(_fit(link.group(1), budget) if link else "")
        elif not token.startswith("&"):
            out.append(token[:budget])
        break
    return "".join(out)


def what_happened(payload: dict[str, Any]) -> str:
    """One line saying what happened (plain text): a composite alert's headline (the rule's
    meaning with the account's numbers), else the event, from its type's declaration."""
    if payload.get("summary"):
        return str(payload["summary"])
    event = payload["event"]
    kind = kind_of(event["type"])
    line = kind.describe(event["change"], event.get("attributes") or {}) if kind else None
    return line or str(event["title"])


def headline(payload: dict[str, Any]) -> str:
    """"P1 · funding · Acme · Tier A"; a composite alert names the types of its evidence,
    strongest first ("funding + hiring")."""
    account = payload.get("account") or {}
    company = account.get("name") or payload["event"].get("company_name") or "Unmatched company"
    tier = f" · Tier {account['tier']}" if account.get("tier") else ""
    types = [str(item.get("type")) for item in payload.get("evidence") or [] if item.get("type")] if payload.get("summary") else []
    kind = " + ".join(dict.fromkeys(types or [str(payload["event"]["type"])])).replace("_", " ")
    return f"{payload['priority']} · {kind} · {company}{tier}"


def signal_label(item: dict[str, Any]) -> str:
    """What one evidence entry was ("Raised $30M Series C"); entries of older releases: their title."""
    return str(item.get("what") or item["title"])


def evidence_heading(payload: dict[str, Any]) -> str:
    """"Related signals (strongest first, 5 of 6 shown)", with the exact count."""
    shown = len(payload.get("evidence") or [])
    total = payload.get("evidence_total")
    order = "strongest first, " if payload.get("summary") else ""
    count = f"{shown} of {total} shown" if isinstance(total, int) and total > shown else f"{shown}"
    return f"Related signals ({order}{count})"


CONTACTS_HEADING = "Whom to reach"


def contact_label(contact: dict[str, Any]) -> str:
    """"Dana Lee, Chief Financial Officer (new in the role)": plain text, escaped by the caller."""
    label = str(contact.get("name") or "")
    if contact.get("title"):
        label += f", {contact['title']}"
    return label + (" (new in the role)" if contact.get("new_leader") else "")


def _contacts_mrkdwn(contacts: list[dict[str, Any]]) -> str:
    """The "Whom to reach" lines: each name links to its CRM record; names and titles are CRM text, escaped."""
    lines = []
    for contact in contacts:
        name = slack_link(contact.get("url"), truncate(str(contact.get("name") or ""), 100))
        rest = contact_label({**contact, "name": ""})
        lines.append(f"• {name}{slack_escape(truncate(rest, 200))}")
    return f"*{CONTACTS_HEADING}:*\n" + "\n".join(lines)


def render_text(payload: dict[str, Any]) -> str:
    """Plain text for the console sink and logs."""
    event = payload["event"]
    lines = [headline(payload), f"  What:   {what_happened(payload)}", f"  Source: {event['title']}"]
    if event.get("url"):
        lines.append(f"  Link:   {event['url']}")
    account = payload.get("account") or {}
    if account.get("owner_email"):
        lines.append(f"  Owner:  {account['owner_email']}")
    if payload.get("evidence"):
        lines.append(f"  {evidence_heading(payload)}:")
        lines += [f"  Signal: {item['occurred_at'][:10]} {signal_label(item)}" for item in payload["evidence"]]
    lines += [f"  Why:    {line}" for line in payload["why"]]
    if payload.get("angle"):
        lines.append(f"  Angle:  {payload['angle']}")
    for contact in payload.get("contacts") or []:
        lines.append(f"  Reach:  {contact_label(contact)}" + (f" {contact['url']}" if contact.get("url") else ""))
    return strip_controls("\n".join(lines))  # stored payloads of older releases too


def render_slack(payload: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    """(fallback text, Block Kit blocks); every untrusted string escaped."""
    event = payload["event"]
    account = payload.get("account") or {}
    title = headline(payload)
    what = what_happened(payload)
    evidence = slack_link(event.get("url"), truncate(event["title"], 300))
    body = f"*{slack_escape(what)}*\n{evidence}"
    if event.get("summary"):
        body += f"\n>{slack_escape(truncate(event['summary'], 600))}"
    fields = [f"*Tier*\n{slack_escape(account.get('tier') or 'untiered')}", f"*Source*\n{slack_escape(event['source'])}"]
    if account.get("owner_slack_id"):
        fields.append(f"*Owner*\n<@{slack_escape(account['owner_slack_id'])}>")
    elif account.get("owner_email"):
        fields.append(f"*Owner*\n{slack_escape(account['owner_email'])}")
    fields.append(f"*When*\n{slack_escape(event['occurred_at'][:16].replace('T', ' '))} UTC")
    related = payload.get("evidence") or []
    if related:
        signals = "\n".join(f"• {slack_escape(item['occurred_at'][:10])} {slack_link(item.get('url'), truncate(signal_label(item), 200))}"
                            for item in related)
        if payload.get("summary"):  # a composite alert: the headline, then its evidence, strongest first
            body = f"*{slack_escape(what)}*"
            evidence = slack_link(related[0].get("url"), truncate(signal_label(related[0]), 300))
        body += f"\n*{slack_escape(evidence_heading(payload))}:*\n{signals}"
    why = "\n".join(f"• {slack_escape(line)}" for line in payload["why"])
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": truncate(plain_safe(title), HEADER_LIMIT), "emoji": False}},
        {"type": "section", "text": {"type": "mrkdwn", "text": truncate_mrkdwn(body, SECTION_LIMIT)}},
        {"type": "section", "fields": [{"type": "mrkdwn", "text": truncate_mrkdwn(f, FIELD_LIMIT)} for f in fields]},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": truncate_mrkdwn("*Why:*\n" + why, CONTEXT_LIMIT)}]},
    ]
    if payload.get("angle"):
        angle = f"*Suggested angle:* {slack_escape(payload['angle'])}"
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": truncate_mrkdwn(angle, SECTION_LIMIT)}})
    if payload.get("contacts"):  # none fitting: no section at all
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": truncate_mrkdwn(_contacts_mrkdwn(payload["contacts"]), SECTION_LIMIT)}})
    fallback = truncate_mrkdwn(f"{slack_escape(title)}: {slack_escape(what)} — {evidence}", FALLBACK_LIMIT)
    return fallback, blocks
