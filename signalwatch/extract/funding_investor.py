"""Investor-side funding headlines: an investor puts money into, or buys a stake in, a company it names.

"MUFG Buys Stake in Philippine Fintech GCash for $393 Million", "SoftBank to Invest $2 Billion in Korean
E-Commerce Site Coupang", "Tencent invests up to $150m in Indonesia's Go-Jek amid SE Asia push", "EQT set
to invest in KKR-backed fashion unicorn Musinsa", "Sequoia Capital Said to Back English AI Chip Startup
Graphcore". The company is the name after the object's description ("Philippine Fintech", "KKR-backed
fashion unicorn", "Indonesia's") and before the words that go on about the deal ("for $393 Million",
"amid SE Asia push", "At A $5B Valuation"). A bought stake counts only in a company described as a young
one (a startup, a fintech, a unicorn): "UniCredit buys 9% stake in Commerzbank" is a listed company's
shares, not a round (LABELLING.md), and a majority stake is an acquisition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from signalwatch.extract.funding_summary import is_investor_name
from signalwatch.extract.money import Money, find_amounts
from signalwatch.extract.text import company_from_subject, is_place

__all__ = ["InvestorDeal", "investor_deal", "object_company"]


@dataclass(frozen=True)
class InvestorDeal:
    """One investor's money in one company, as a headline tells it."""

    investor: str
    company: str
    money: Money | None
    reported: bool  # "said to", "set to", "reportedly": the deal is not done
    tail: str  # the words from the verb on, where the round's words are read


# The investor's verb, with what makes it a plan or a rumour before it.
_VERB = re.compile(
    r"(?<=\s)(?P<said>(?i:(?:is\s+|are\s+)?(?:said\s+to|set\s+to|reportedly|to|will|plans?\s+to)\s+))?"
    r"(?P<verb>(?i:invests?|invested|investing|buys|buy|bought|takes|take|took|picks\s+up|snaps\s+up|acquires|acquired|backs?|bankrolls?))\b"
)
_RUMOUR = re.compile(r"(?i)said\s+to|set\s+to|reportedly")
# A second clause of the headline after the object: "DHL eCommerce buys stake in AJEX, enters Saudi market".
_CLAUSE_AFTER = re.compile(r",\s+[a-z]+s\s.*$")
# What may stand between "invests" and "in": an amount, the words around it, the kind of money.
_INVEST_DEAL = re.compile(
    r"(?i)^\s*(?:(?:up\s+to|about|around|nearly|over|another|an\s+additional|a\s+further|additional|a\s+cool|more\s+than)\s+)?"
    r"(?P<amount>\S+(?:\s+(?:million|billion|mln|bln|mn|bn|m|b|crore|lakh))?)?\s*(?:(?:in\s+)?(?:equity|funding|capital|cash))?\s*$"
)
_IN = re.compile(r"\s(?i:in|into)\s")
# "buys minority stake in", "takes 8% stake in": not a majority or controlling one (an acquisition).
_STAKE = re.compile(
    r"(?i)^\s*(?:an?\s+)?(?P<amount>[$€£¥₹]\S+(?:\s+(?:million|billion|mln|bln|mn|bn))?\s+)?"
    r"(?:(?:minority|small|strategic|significant|undisclosed|new|(?P<share>\d+(?:\.\d+)?)\s?(?:%|pct|per\s?cent))\s+)*"
    r"(?:equity\s+)?stake\s+in\s+"
)
# Words after the name that go on about the deal, not the company: "for $393 Million", "amid SE Asia push".
_NAME_END = re.compile(
    r"\s+(?i:at|amid|amidst|as|after|with|for|to|in|on|from|ahead|despite|following|through|via|over|in\s+a|that|which)\s+"
)
# Words that describe the object as a company; the name follows the last of them.
_DESCRIPTORS = frozenset(
    """startup startups start-up fintech unicorn platform app firm company site retailer marketplace maker developer provider
    biotech lender neobank bank insurtech healthtech medtech edtech proptech spinout spin-out operator player service venture
    business chain brand outfit upstart""".split()
)
# Words after a name that make the object another company or many: "OpenAI rival", "AI startups".
# So do the assets a company spends on: "Entek to invest $1.5B in Indiana facility" is a plant, not a round.
_NOT_THE_NAME = _DESCRIPTORS | frozenset(
    "rival rivals competitor competitors peer peers companies firms businesses ventures facility facilities plant plants factory "
    "factories gigafactory site sites campus headquarters operations expansion project projects mine mines fund funds".split()
)
# Descriptors that make a bought stake a round: a young company, not a listed one.
_YOUNG = frozenset("startup startups start-up fintech unicorn upstart spinout spin-out neobank insurtech healthtech edtech proptech".split())
_NAME = re.compile(r"(?:[A-Z0-9][\w.&'!-]*\s*){1,4}")


# A stake the item calls a minority one: a round in the company whatever it is ("Tata Global Beverages acquires minority stake in
# US firm Activate", "DHL eCommerce buys stake in AJEX" over "DHL will acquire a minority stake in the ... company").
_MINORITY = re.compile(r"(?i)\b(?:minority|undisclosed)\s+(?:[\w-]+\s+){0,2}?(?:stake|investment)\b")


def investor_deal(headline: str, summary: str = "") -> InvestorDeal | None:
    """The company an investor's headline puts money into, or None when the headline is not one of these shapes.

    `summary` tells whether a bought stake is a minority one (see `_MINORITY`)."""
    minority = bool(_MINORITY.search(headline) or _MINORITY.search(summary[:400]))
    for verb in _VERB.finditer(headline):
        deal = _read(headline, verb, minority)
        if deal is not None:
            return deal
    return None


def _read(headline: str, verb: re.Match[str], minority: bool = False) -> InvestorDeal | None:
    investor = company_from_subject(headline[: verb.start()].strip(" ,"))
    if investor is None:
        return None
    kind = verb.group("verb").lower().split()[0]
    rest = headline[verb.end() :]
    money: Money | None = None
    if kind.startswith("invest"):
        where = _IN.search(rest)
        if where is None:
            return None
        deal = _INVEST_DEAL.match(rest[: where.start()])
        if deal is None or (deal.group("amount") and not find_amounts(deal.group("amount"))):
            return None  # "invests heavily in", "invests in 2021 in Mexico"
        money = find_amounts(deal.group("amount"))[0] if deal.group("amount") else None
        target = rest[where.end() :]
        young_only = False
    elif kind.startswith(("back", "bankroll")):
        if not verb.group("said"):
            return None  # "X backs Y": `funding_patterns.INVESTOR_BACKS` reads the plain shape
        target, young_only = rest, True
    else:
        stake = _STAKE.match(rest)
        if stake is None or (stake.group("share") and float(stake.group("share")) >= 50):
            return None
        money = find_amounts(stake.group("amount"))[0] if stake.group("amount") else None
        target, young_only = _CLAUSE_AFTER.sub("", rest[stake.end() :]), not (minority and not stake.group("share"))
        if kind.startswith("acquire") and young_only:
            return None  # "X acquires stake in Y": a minority stake is a round, any other a purchase (`acquisition`)
    company, described, after = object_company(target)
    if company is None or (young_only and not described & _YOUNG and not any(word.endswith("-backed") for word in described)):
        return None  # "Virat Kohli-Backed USPL": a backed company is a young one; "UniCredit buys 9% stake in Commerzbank" is not
    if money is None:
        amounts = find_amounts(after)
        money = amounts[0] if amounts and re.match(r"(?i)\s*for\s+\S*\d", after) else None  # "for $393 Million"
    return InvestorDeal(investor, company, money, bool(verb.group("said") and _RUMOUR.search(verb.group("said"))),
                        headline[verb.start("verb") :])


def object_company(target: str) -> tuple[str | None, frozenset[str], str]:
    """The company an object names, the descriptors before its name, and the words after it.

    "Philippine Fintech GCash for $393 Million" → ("GCash", {"fintech"}, " for $393 Million");
    "Israel's Team8 cyber-effort" → ("Team8", {}, "").
    """
    end = _NAME_END.search(target)
    text, after = (target[: end.start()], target[end.start() :]) if end else (target, "")
    if re.search(r",|\s(?:and|&)\s", text):
        return None, frozenset(), after  # "invests in Orda, Oze, WorkPay, and OkHi": a list, one round each (`headline_roundup`)
    words = text.strip(" .").split()
    popped: list[str] = []
    while len(words) > 1 and words[-1][:1].islower():
        popped.append(words.pop().lower().strip(".,"))  # "Team8 cyber-effort", "Rice Robotics' deliveries": what it does
    if popped and (_NOT_THE_NAME.intersection(popped) or (len(words) == 1 and re.fullmatch(r"[A-Z]{1,3}", words[0]))):
        return None, frozenset(), after  # "OpenAI rival", "AI startups", "AI infrastructure": not one company named
    cut = 0
    described: set[str] = set()
    for index, word in enumerate(words[:-1]):
        low = word.lower()
        if low in _DESCRIPTORS or low.endswith(("-backed", "-based")):
            cut = index + 1
            described.add(low)
        elif low.endswith(("'s", "’s")) and word[:1].isupper() and is_place(word[:-2]):
            cut = index + 1  # "Indonesia's Go-Jek"
    name = " ".join(words[cut:])
    company = company_from_subject(name) if name else None
    if company is None or not _NAME.fullmatch(company) or not re.search(r"[A-Za-z]", company) or is_place(company) \
            or is_investor_name(company):
        return None, frozenset(), after
    return company, frozenset(described), after
