"""Render a digest as one self-contained HTML page to open or mail: inline CSS, an inline SVG
trend per account, no script and nothing fetched from elsewhere. Pure.

Every string that came from the web (titles, company names, URLs) is HTML-escaped and loses
its bidi and zero-width controls; links are only made from http(s) URLs, percent-encoded
(`web_url`). The layout wraps down to a phone's width: long words and URLs break anywhere
rather than widen the page.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

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
    hottest,
    more,
    no_deals,
    owner_text,
    owner_work,
    period,
    rest,
    rule_text,
    rules_intro,
)
from signalwatch.events import strip_controls

__all__ = ["render_html", "sparkline"]

_CSS = """
*{box-sizing:border-box}
body{font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:0 auto;max-width:52rem;padding:1.5rem 1rem;
color:#1d1d1f;line-height:1.4;overflow-wrap:anywhere}
h1{font-size:1.5rem;margin:0 0 .2rem}.period{color:#666;margin:0 0 1rem}
h2{font-size:1.05rem;margin:0}
.summary{background:#f5f6fa;border-radius:8px;padding:.8rem 1rem}
.stats{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;margin:.5rem 0;padding:0}
.stats li{background:#fff;border:1px solid #dde;border-radius:6px;padding:.3rem .7rem;margin:0}
.stats b{font-size:1.25rem}
.summary h3{font-size:.95rem;margin:.7rem 0 .2rem}
.account{border:1px solid #ddd;border-radius:8px;padding:.8rem 1rem;margin:1rem 0}
.head{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.2rem .8rem}
.trendbox{flex:none;display:flex;align-items:center;gap:.4rem;color:#777}
.facts{color:#555;font-size:.9rem;margin:.3rem 0 .5rem}
.tier{display:inline-block;background:#eef;border-radius:4px;padding:0 .4rem}
ul{margin:.2rem 0;padding-left:1.2rem}li{margin:.2rem 0}
.p{font-weight:600}.P1{color:#b00020}.P2{color:#a15c00}.P3{color:#555}
.more{color:#555;font-style:italic}
.quiet{color:#555;font-style:italic}
.rules{border:1px solid #dde;border-radius:8px;padding:.8rem 1rem;margin:1rem 0}
.rules h3{font-size:.95rem;margin:.7rem 0 .2rem}
.legend{color:#444;font-size:.85rem;border-top:1px solid #ddd;margin-top:1.5rem;padding-top:.6rem}
.legend p{margin:.3rem 0}
"""
_TREND_WIDTH, _TREND_HEIGHT, _PAD = 120, 28, 3


def _h(text: object) -> str:
    """Untrusted text as HTML text or attribute value, without bidi or zero-width controls."""
    return html.escape(strip_controls(str(text)), quote=True)


def _link(label: str, url: str | None) -> str:
    target = web_url(url)
    return f'<a href="{_h(target)}" rel="noopener noreferrer">{_h(label)}</a>' if target else _h(label)


def sparkline(points: Sequence[float]) -> str:
    """The heat trend as an inline SVG line, the last point marked; the highest point at the top."""
    top = max(points, default=0.0) or 1.0
    step = (_TREND_WIDTH - 2 * _PAD) / max(len(points) - 1, 1)
    xy = [(_PAD + n * step, _TREND_HEIGHT - _PAD - value / top * (_TREND_HEIGHT - 2 * _PAD)) for n, value in enumerate(points)]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in xy)
    label = f"Heat over the last 30 days: from {points[0]:g} to {points[-1]:g}" if points else "No heat history"
    end = f'<circle cx="{xy[-1][0]:.1f}" cy="{xy[-1][1]:.1f}" r="2.5" fill="#b00020"/>' if xy else ""
    return (f'<svg class="trend" width="{_TREND_WIDTH}" height="{_TREND_HEIGHT}" viewBox="0 0 {_TREND_WIDTH} {_TREND_HEIGHT}" '
            f'role="img" aria-label="{label}"><title>{label}</title>'
            f'<polyline points="{line}" fill="none" stroke="#b00020" stroke-width="1.5" stroke-linejoin="round"/>{end}</svg>')


def _signal(signal: Signal) -> str:
    badge = f'<span class="p {_h(signal.priority)}">{_h(signal.priority)}</span> ' if signal.priority else ""
    return f"{badge}{_h(signal.what)}: {_link(signal.title, signal.url)} <small>{signal.occurred_at:%Y-%m-%d}</small>"


def _items(items: Sequence[str], total: int | None = None) -> str:
    """A list of `items` (already HTML), with "and N more" when `total` says more were left out."""
    tail = more(total) if total is not None else None
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + (f'<li class="more">{tail}</li>' if tail else "") + "</ul>"


def _summary(digest: Digest) -> list[str]:
    summary = digest.summary
    stats = [count(summary.heating, "account") + " heating up", count(len(summary.p1_alerts), "new P1 alert"),
             count(len(summary.candidates), "net-new candidate")]
    parts = ['<section class="summary"><h2>Summary</h2><ul class="stats">']
    parts += ["<li><b>{}</b> {}</li>".format(*stat.split(" ", 1)) for stat in stats]
    parts.append("</ul>")
    if summary.heating:
        listed = len(digest.accounts)
        parts.append(f"<p>Rising most: {hottest(digest, _h)}" + (f"; the {listed} hottest are listed below" if listed < summary.heating else "")
                     + "</p>")
    if summary.p1_alerts:
        parts.append("<h3>New P1 alerts</h3>" + _items(
            [f"<b>{_h(a.account)}</b>: {_signal(a.signal)}" for a in summary.p1_alerts[:LISTED]], len(summary.p1_alerts)))
    if summary.owners:
        parts.append(f"<h3>{OWNERS_HEADING}</h3>" + _items(
            [f"<b>{_h(owner_text(o.owner_email, o.owner_slack_id))}</b>: {owner_work(o, _h)}" for o in summary.owners]))
    if summary.candidates:
        parts.append(f"<h3>Net-new account candidates</h3><p class=\"facts\">{_h(CANDIDATES_NOTE)}</p>" + _items(
            [f"<b>{_link(c.company_name, c.url)}</b>: {_h(candidate_text(c))}" for c in summary.candidates[:LISTED]],
            len(summary.candidates)))
    return [*parts, "</section>"]


def _rules(digest: Digest) -> list[str]:
    """The weekly rule effectiveness block: an item per rule, then the new deals."""
    block = digest.rules
    if block is None:
        return []
    parts = [f'<section class="rules"><h2>{RULES_HEADING}</h2><p class="facts">{_h(rules_intro(block))}</p>']
    if block.alerts:
        parts.append(_items([f"<b>{_h(row.rule)}</b>: {rule_text(row, _h)}" for row in block.rules]))
        if block.crm_note or not block.deals:
            parts.append(f'<p class="facts">{_h(block.crm_note or no_deals(block))}</p>')
        else:
            parts.append(f"<h3>{_h(deals_intro(block))}</h3>"
                         + _items([f"<b>{_h(row.rule)}</b>: {_h(deal_text(row))}" for row in block.deals]))
    return [*parts, "</section>"]


def _account(rank: int, line: AccountLine) -> list[str]:
    tier, heat = facts(line)
    owner = f"owner {line.owner_email}" if line.owner_email else "no owner"
    trend = f'<span class="trendbox"><small>30 days</small> {sparkline(line.trend)}</span>' if line.trend else ""
    parts = [f'<section class="account"><div class="head"><h2>{rank}. {_h(line.name)}</h2>{trend}</div>',
             f'<p class="facts"><span class="tier">{_h(tier)}</span> {_h(heat)} · {_h(owner)}'
             + (f" · {_h(line.domain)}" if line.domain else "") + "</p><ul>"]
    parts += [f"<li>{_signal(signal)}</li>" for signal in line.signals]
    tail = rest(0, line.collapsed)
    if tail:
        parts.append(f'<li class="more">{_h(tail)}</li>')
    parts += [f'<li class="more"><i>{_h(hold)}</i></li>' for hold in line.holds]
    return [*parts, "</ul></section>"]


def render_html(digest: Digest) -> str:
    """A complete page (inline CSS and SVG, no scripts, no external resources) to open or mail."""
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_h(digest.title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_h(digest.title)}</h1>", f'<p class="period">{_h(period(digest))}</p>',
    ]
    if digest.quiet:
        parts.append(f'<p class="quiet">{_h(QUIET_NOTE)}</p>')
    else:
        parts += _summary(digest) if not digest.summary.empty else []
        parts += [f'<p class="quiet">{_h(QUIET_NOTE)}</p>'] if not digest.accounts and digest.summary.empty else []
        parts += _rules(digest)
        for rank, line in enumerate(digest.accounts, 1):
            parts += _account(rank, line)
        if digest.legend:
            parts.append(f'<footer class="legend"><h2>{LEGEND_HEADING}</h2>'
                         + "".join(f"<p>{_h(sentence)}</p>" for sentence in digest.legend) + "</footer>")
    parts.append("</body></html>")
    return "\n".join(parts)
