"""Synthetic but realistic inputs for the benchmarks: target accounts and RSS news items about them."""

from __future__ import annotations

import email.utils
import random
from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape

from signalwatch.accounts import Account

__all__ = ["make_accounts", "NewsItem", "news_item", "rss_document"]

_SYLLABLES = ["ac", "me", "glo", "bex", "in", "itech", "vand", "lay", "hoo", "li", "um", "bre", "lla", "ster", "ling",
              "cy", "ber", "dyne", "wave", "io", "nex", "ora", "tel", "pix", "flux", "quant", "ro", "bot"]
_SUFFIX = ["Robotics", "Payments", "Labs", "Systems", "Analytics", "Health", "Cloud", "Logistics", "Software", "AI"]
_INDUSTRIES = ["software", "saas", "fintech", "ecommerce", "healthtech", "marketplace", "manufacturing", "retail"]
_INVESTORS = ["Northwind Ventures", "Sequoia Example", "Blue Harbor Capital", "Foundry Partners", "Atlas Growth"]
_PEOPLE = ["Jane Porter", "Ravi Menon", "Lena Vogel", "Tom Okafor", "Mia Larsen", "Chen Wei", "Ana Costa"]
_TITLES = ["Chief Revenue Officer", "VP of Sales", "Chief Financial Officer", "Chief Technology Officer", "Head of Marketing"]


def _company_name(rng: random.Random, index: int) -> str:
    stem = "".join(rng.choice(_SYLLABLES) for _ in range(2)).capitalize()
    return f"{stem}{index} {rng.choice(_SUFFIX)}"


def make_accounts(count: int, seed: int = 7) -> list[Account]:
    """`count` accounts with unique names and domains, a spread of ICP tiers, owners with Slack ids."""
    rng = random.Random(seed)
    accounts = []
    for index in range(count):
        name = _company_name(rng, index)
        accounts.append(Account(
            id=index + 1, name=name, domain=name.lower().replace(" ", "") + ".example",
            industry=rng.choice(_INDUSTRIES), employees=rng.choice([30, 80, 250, 900, 2500, 12000]),
            country=rng.choice(["US", "GB", "DE", "FR", "BR"]), owner_email=f"rep{index % 40}@yourco.example",
            owner_slack_id=f"U0REP{index % 40:05d}", tags=("strategic",) if index % 17 == 0 else (),
        ))
    return accounts


@dataclass(frozen=True)
class NewsItem:
    guid: str
    title: str
    summary: str
    link: str
    published: datetime


def news_item(rng: random.Random, serial: int, company: str, published: datetime) -> NewsItem:
    """A headline the news extractor recognises: funding (60%), leadership (25%) or plain news."""
    roll = rng.random()
    if roll < 0.6:
        amount = rng.choice([2, 5, 8, 12, 20, 45, 80, 120])
        round_name = rng.choice(["seed round", "Series A", "Series B", "Series C"])
        lead = rng.choice(_INVESTORS)
        title = f"{company} raises ${amount}M {round_name} led by {lead}"
        summary = (f"{company} has raised ${amount} million in a {round_name} led by {lead}, with participation from "
                   f"existing investors. The company plans to expand its go-to-market team and enter new regions.")
    elif roll < 0.85:
        person, role = rng.choice(_PEOPLE), rng.choice(_TITLES)
        title = f"{company} appoints {person} as {role}"
        summary = f"{person} joins {company} from a larger competitor, where they led a team of 120 across EMEA and North America."
    else:
        title = f"{company} launches a new analytics dashboard for operations teams"
        summary = f"The release adds reporting features requested by customers of {company}."
    return NewsItem(f"urn:bench:{serial}", title, summary, f"https://news.example/{serial}", published)


def rss_document(items: list[NewsItem], title: str = "Bench wire") -> bytes:
    """An RSS 2.0 document, newest item first, as a news site serves it."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>',
             f"<title>{escape(title)}</title><link>https://news.example/</link><description>bench</description>"]
    for item in items:
        parts.append(
            f"<item><title>{escape(item.title)}</title><link>{escape(item.link)}</link>"
            f'<guid isPermaLink="false">{escape(item.guid)}</guid>'
            f"<pubDate>{email.utils.format_datetime(item.published, usegmt=True)}</pubDate>"
            f"<description>{escape(item.summary)}</description></item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")
