"""The price of an acquisition: the figure its clause states, else the one its summary states.

A price is a figure with its unit said as a price ("for $3.2B", "in a $13.7 billion deal", "valued at $61 billion"),
never a per-share price or the buyer's valuation; the body's figure wins over the headline's rounding of it (LABELLING.md).
"""

from __future__ import annotations

import re

from signalwatch.extract.money import Money, find_amounts
from signalwatch.extract.text import find_name

__all__ = ["BACKGROUND", "PRICE", "body_figure", "deal_price", "deal_sentence_price"]

# A price as a verb phrase carries it ("has paid $448m to buy", "will pay $ 430 million in cash and stock for"): a number
# with its currency sign or code and unit, read without groups so that it can sit inside the verb alternations.
PRICE = (
    r"(?:about\s+|approximately\s+|around\s+|roughly\s+|nearly\s+|up\s+to\s+|some\s+)?(?:[a-z]{0,3}[$€£¥₹]\s?|[a-z]{3}\s?)?\d[\d.,]*"
    r"(?:\s?-?\s?(?:[mb]n|[mb]|mln|bln|million|billion|trillion|k)\b)?(?:\s+(?:euros?|dollars|pounds|crowns|kronor|kroner|francs|yen|rupees|lira|zlotys))?"
)


# "The company has acquired three startups over the years": a description of the company, not its news.
BACKGROUND = re.compile(r"(?i)\b(?:last\s+(?:year|month)|recently|over\s+the\s+(?:years|past)|so\s+far|to\s+date|in\s+(?:19|20)\d\d)\b")
# A sentence about the deal itself: "The transaction is valued at about $77 million", "The acquisition could be worth up to $100 million".
_DEAL_SUBJECT = re.compile(r"(?i)^(?:the|this)\s+(?:deal|transaction|acquisition|purchase|buyout|takeover)\b")


def deal_sentence_price(target: str, acquirer: str | None, summary_sentences: list[str]) -> Money | None:
    """The price a summary sentence about "the deal" states, for a deal whose own clause gave none."""
    for sentence in summary_sentences[:3]:
        if _DEAL_SUBJECT.match(sentence):
            money = deal_price(None, sentence)
            if money is not None:
                return money
    # "Cisco Systems …, announcing that it will acquire WheelGroup for $124 million in stock" under "Cisco acquires WheelGroup":
    # a sentence that names the target states the deal's price even when its buyer is told in a way no shape reads.
    for sentence in summary_sentences[:3]:
        at = find_name(target, sentence)
        if at >= 0 and not BACKGROUND.search(sentence):
            money = deal_price(None, sentence[at:]) or deal_price(None, sentence)  # the figure after the name first
            if money is not None:
                return money
    # "Israeli defense contractor Elbit would pay $515 million (NIS 1.75 billion) for the government-owned weapons manufacturer",
    # "PayPal pays converted about 2.3 billion euros for the payment service": what the buyer pays, the target told by description
    for sentence in summary_sentences[:3]:
        at = find_name(acquirer, sentence) if acquirer else -1
        after = at + len(acquirer) if acquirer and at >= 0 else -1  # where the buyer's name ends
        pays = re.search(r"(?i)\b(?:pay|pays|paid|paying)\b", sentence[after:]) if after >= 0 else None
        if after >= 0 and pays and not BACKGROUND.search(sentence):
            money = deal_price(None, sentence[after + pays.start() :])
            if money is not None:
                return money
    return None


def body_figure(money: Money | None, summary_sentences: list[str]) -> Money | None:
    """"$26 billion" in the headline, "$26.2 billion" in the body: the body's figure."""
    if money is None:
        return None
    for sentence in summary_sentences:
        for other in find_amounts(sentence):
            if _close(money, other) and other.amount != money.amount:
                return other
            aside = re.match(r"\s*\((?:around|about|approximately|roughly|some|c\.|~)?\s*([^()]{1,25})\)", sentence[other.end :])
            if aside and other.currency != money.currency and any(_close(money, m) for m in find_amounts(aside.group(1))):
                return other  # "ZAR1.65 billion ($94 million)" under a headline's "$94M": the original currency (LABELLING.md)
    return money


def deal_price(explicit: str | None, text: str) -> Money | None:
    """The deal's price: "for $3.2B", "in a $13.7 billion deal", "valued at $61 billion"; never a per-share price."""
    source = explicit or text
    for money in find_amounts(source):
        after = source[money.end : money.end + 25].lower()
        before = source[max(0, money.start - 30) : money.start].lower()
        if re.match(r"\s*(?:per\s+share|a\s+share|each|market\s+cap)", after) or "premium" in after or money.amount < 10_000:
            continue  # a per-share price, or a figure without its unit ("its $975 acquisition": LABELLING.md, a typo is no amount)
        if re.search(r"valuation\s+(?:of\s+)?(?:\w+\s+){0,2}$", before):
            continue  # "bringing the Turkish fintech company to a valuation of more than $1bn": the buyer's worth, not the price
        if explicit or _PRICE_BEFORE.search(before) or _PRICE_AFTER.match(after):
            return money
    return None


_PRICE_BEFORE = re.compile(
    r"(?:\bfor|valued\s+at|worth|\bof|in\s+an?|\bpay|paying|\bpaid|spend|spends|spending|spent|plunk\s+down|(?:price|consideration|cost)\s+(?:was|is|of|totall?ed)|bids?|offers?|up\s+to|about|approximately|estimated|"
    r"some|nearly|around|more\s+than|at\s+least|exceeding|topping|north\s+of|upwards\s+of)\s*(?:an?\s+)?(?:cool\s+|staggering\s+|whopping\s+|reported\s+)?$"
)
_PRICE_AFTER = re.compile(r"\s*(?:\([^()]{0,25}\)\s*)?(?:[\w-]+\s+){0,2}?(?:deal|acquisition|takeover|offer|bid|buy|purchase|transaction|buyout|stake)\b")


def _close(first: Money, second: Money) -> bool:
    return first.currency == second.currency and abs(first.amount - second.amount) <= 0.1 * max(first.amount, second.amount)
