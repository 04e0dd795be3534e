"""Render a digest as Slack Block Kit, Markdown, or one self-contained HTML page. Pure.

Every string that came from the web (titles, company names, URLs) is escaped for its
target: Slack mrkdwn, Markdown, or HTML, and loses its bidi and zero-width controls. Links are
only made from http(s) URLs, percent-encoded (`web_url`) so that no character of a URL can
end the link and start markup of its own.
"""

from __future__ import annotations

import html
import re
from datetime import datetime
from typing import Any

from signalwatch.alerts.render import plain_safe, slack_escape, slack_link, truncate, truncate_mrkdwn, web_url
from signalwatch.digest.build import AccountLine, Digest
from signalwatch.events import strip_controls

__all__ = ["render_markdown", "render_html", "render_slack_digest", "QUIET_NOTE"]

QUIET_NOTE = "No new signals on your accounts since the last digest."
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~])")
# An `&` that would start an entity (`&lt;`, `&#x202E;`): a renderer would decode it into the character.
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# Line breaks and other C0 controls would start a new Markdown block (a heading, a list, raw HTML).
_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]+")


def _period(digest: Digest) -> str:
    return f"{_day(digest.period_start)} – {_day(digest.period_end)}"


def _day(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC")


def _prio(priority: str | None) -> str:
    return f"{priority} " if priority else ""


def _facts(line: AccountLine) -> list[str]:
    return [f"Tier {line.tier}" if line.tier else "untiered", f"heat {line.heat:g} (+{line.rise:g})"]


# -- Slack ----------------------------------------------------------------------------


def render_slack_digest(digest: Digest) -> tuple[str, list[dict[str, Any]]]:
    """(fallback text, blocks) for chat.postMessage."""
    header = {"type": "header", "text": {"type": "plain_text", "text": truncate(plain_safe(digest.title), 150), "emoji": False}}
    context = {"type": "context", "elements": [{"type": "mrkdwn", "text": slack_escape(_period(digest))}]}
    if digest.quiet:
        note = {"type": "section", "text": {"type": "mrkdwn", "text": QUIET_NOTE}}
        return f"{slack_escape(digest.title)}: {QUIET_NOTE}", [header, context, note]
    blocks: list[dict[str, Any]] = [header, context]
    for rank, line in enumerate(digest.accounts, 1):
        owner = f"<@{slack_escape(line.owner_slack_id)}>" if line.owner_slack_id else slack_escape(line.owner_email or "no owner")
        head = f"*{rank}. {slack_escape(line.name)}*  ·  {slack_escape(' · '.join(_facts(line)))}  ·  {owner}"
        items = [f"• {_prio(s.priority)}{slack_escape(s.what)} — {slack_link(s.url, truncate(s.title, 200))}" for s in line.signals[:5]]
        if len(line.signals) > 5:
            items.append(f"• …and {len(line.signals) - 5} more")
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": truncate_mrkdwn("\n".join([head, *items]), 3000)}})
    names = ", ".join(slack_escape(line.name) for line in digest.accounts[:5])
    return truncate_mrkdwn(f"{slack_escape(digest.title)}: {names}", 4000), blocks[:50]


# -- Markdown -------------------------------------------------------------------------


def _md(text: str) -> str:
    """Untrusted text as literal Markdown: every character with a Markdown meaning is
    backslash-escaped, so it shows as itself and never becomes a link, emphasis or HTML."""
    flat = _CONTROL_CHARS.sub(" ", strip_controls(str(text)))
    return _MD_ENTITY.sub(r"\\&", _MD_SPECIAL.sub(r"\\\1", flat))


def _md_link(label: str, url: str | None) -> str:
    """`[label](url)` with the URL percent-encoded (no space, quote, bracket, parenthesis, backslash
    or control survives to end the destination early), or the label alone for a non-web URL.
    An `&` that would read as an entity is encoded too: `&lt;` must stay those four characters."""
    target = web_url(url)
    if target is None:
        return _md(label)
    return f"[{_md(label)}]({_MD_ENTITY.sub('%26', target)})"


def render_markdown(digest: Digest) -> str:
    out = [f"# {_md(digest.title)}", "", f"_{_md(_period(digest))}_", ""]
    if digest.quiet:
        return "\n".join([*out, QUIET_NOTE, ""])
    for rank, line in enumerate(digest.accounts, 1):
        owner = line.owner_email or "no owner"
        out.append(f"## {rank}\\. {_md(line.name)}")
        out.append(f"{_md(' · '.join(_facts(line)))} · owner: {_md(owner)}" + (f" · {_md(line.domain)}" if line.domain else ""))
        out.append("")
        for signal in line.signals:
            title = _md_link(signal.title, signal.url)
            priority = f"**{_md(signal.priority)}** " if signal.priority else ""
            out.append(f"- {priority}{_md(signal.what)}: {title} ({signal.occurred_at:%Y-%m-%d})")
        out.append("")
    return "\n".join(out)


# -- HTML -----------------------------------------------------------------------------

_CSS = """
body{font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:2rem auto;max-width:48rem;color:#1d1d1f;padding:0 1rem}
h1{font-size:1.5rem;margin-bottom:.2rem}.period{color:#666;margin-top:0}
.account{border:1px solid #ddd;border-radius:8px;padding:.8rem 1rem;margin:1rem 0}
.account h2{font-size:1.1rem;margin:0 0 .3rem}.facts{color:#555;font-size:.9rem;margin:0 0 .5rem}
.tier{display:inline-block;background:#eef;border-radius:4px;padding:0 .4rem}
ul{margin:.2rem 0;padding-left:1.2rem}li{margin:.2rem 0}.p{font-weight:600}.P1{color:#b00020}.P2{color:#a15c00}.P3{color:#555}
.quiet{color:#555;font-style:italic}
"""


def _h(text: object) -> str:
    """Untrusted text as HTML text or attribute value, without bidi or zero-width controls."""
    return html.escape(strip_controls(str(text)), quote=True)


def render_html(digest: Digest) -> str:
    """A complete page (inline CSS, no scripts, no external resources) to open or mail."""
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_h(digest.title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_h(digest.title)}</h1>", f'<p class="period">{_h(_period(digest))}</p>',
    ]
    if digest.quiet:
        parts.append(f'<p class="quiet">{_h(QUIET_NOTE)}</p>')
    for rank, line in enumerate(digest.accounts, 1):
        owner = line.owner_email or "no owner"
        parts.append(f'<section class="account"><h2>{rank}. {_h(line.name)}</h2>')
        parts.append(f'<p class="facts"><span class="tier">{_h(line.tier and "Tier " + line.tier or "untiered")}</span> '
                     f"heat {line.heat:g} (+{line.rise:g}) · owner {_h(owner)}" + (f" · {_h(line.domain)}" if line.domain else "") + "</p><ul>")
        for signal in line.signals:
            url = web_url(signal.url)
            title = f'<a href="{_h(url)}" rel="noopener noreferrer">{_h(signal.title)}</a>' if url else _h(signal.title)
            badge = f'<span class="p {_h(signal.priority)}">{_h(signal.priority)}</span> ' if signal.priority else ""
            parts.append(f'<li>{badge}{_h(signal.what)}: '
                         f"{title} <small>{signal.occurred_at:%Y-%m-%d}</small></li>")
        parts.append("</ul></section>")
    parts.append("</body></html>")
    return "\n".join(parts)
