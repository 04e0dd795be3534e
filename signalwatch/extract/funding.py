"""Funding rounds in news headlines: who raised, how much, which round, and from whom."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from signalwatch.events import EventType
from signalwatch.extract.model import Extraction
from signalwatch.extract.money import Money, find_amounts
from signalwatch.extract.text import NAME_LIST, company_from_subject, lower, sentences, split_names, words

__all__ = ["extract_funding", "FUNDING_WORDS"]

# Every word that can carry a funding headline; an item with none of them is skipped at once.
FUNDING_WORDS = frozenset(
    "raises raised secures secured lands landed closes closed completes completed nabs nabbed bags bagged snags "
    "snagged pulls pulled gets receives received collects scores nets netted grabs attracts banks picks picked rakes "
    "hauls reels brings takes wins won awarded emerges launches debuts comes exits announces announced clinches garners "
    "obtains draws adds lead leads backs invests bets pours puts valued".split()
)

# Verbs that report money coming in. Past tense and "has raised" cover passive wire copy.
_VERB = re.compile(
    r"(?<![\w-])(?:(?:has|have|had)\s+(?:raised|secured|closed|landed|received|completed)|raises|raised|secures|secured|"
    r"lands|landed|closes|closed|completes|completed|nabs|nabbed|bags|bagged|snags|snagged|pulls\s+in|pulled\s+in|gets|"
    r"receives|received|collects|scores|nets|netted|grabs|attracts|banks|picks\s+up|picked\s+up|rakes\s+in|hauls\s+in|"
    r"reels\s+in|brings\s+in|takes\s+in|wins|won|(?:is\s+)?awarded|emerges(?:\s+from\s+stealth)?\s+with|launches\s+with|debuts\s+with|"
    r"(?:comes|exits)\s+out\s+of\s+stealth\s+with|exits\s+stealth\s+with|announces|announced|clinches|garners|obtains|"
    r"draws|adds)(?![\w-])"
)  # matched against lower-cased text
# Words before a verb that make it part of a clause about something else ("X, which raised $5M, launches").
_SUBORDINATE = re.compile(r"(?:\b(?:which|that|who|after|before|since|how|once|having|when|why|what|to)\s+(?:\w+\s+)?)$", re.IGNORECASE)
_FUNDING_NOUN = re.compile(
    r"\b(?:funding|financing|fundraise|fundraising|investments?|round|rounds|seed|pre-seed|series\s+[a-k]\b|backing|"
    r"grant|debt|credit\s+facility|credit\s+line|loan|equity|tranche|extension|war\s+chest|capital\s+raise|new\s+capital|"
    r"fresh\s+capital|growth\s+capital|capital\s+injection|cash\s+injection|raise)\b",

)  # matched against lower-cased text
# Verbs too common to imply funding by an amount alone: "wins $5M" is usually a contract or a prize.
_NEEDS_NOUN = re.compile(r"^(?:wins|won|announces|announced|adds|draws|(?:is\s+)?awarded)$", re.IGNORECASE)
# Whole-headline signs of something that is not a startup's round: a VC's own fund, an IPO, a donation.
_NOT_A_ROUND = re.compile(
    r"\bfund\s+(?:[ivxl]+|\d+)\b|\bfinal\s+close\b|\bfirst\s+close\b|\blimited\s+partners\b|\blps\b|"
    r"\b(?:new|debut|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|latest|"
    r"inaugural|flagship|largest|early-stage|late-stage|growth|opportunity|opportunities|venture|seed|buyout|climate|"
    r"continuation|evergreen|sophomore|maiden|oversubscribed|successor|its|a)\s+(?:[\w$€£.-]+\s+){0,2}funds?\b|"
    r"\b(?:in|via|through)\s+(?:its\s+|an\s+|the\s+|a\s+)?(?:[\w$.-]+\s+)?ipo\b|\bipo\s+(?:priced|pricing|raises|of)\b|\bipo,|\bpublic\s+offering\b|\binitial\s+public\b|\bspac\b|\bdirect\s+listing\b|\bofferings?\s+of\b|"
    r"\bin\s+talks\b|\bseeks?\b|\bseeking\b|\breportedly\s+(?:in\s+talks|seeking)\b|"
    r"\bto\s+(?:back|invest\s+in|fund)\s+(?:[\w-]+\s+){0,3}(?:startups|companies|founders|entrepreneurs)\b|"
    r"\b(?:venture|VC|investment|private\s+equity|PE|growth\s+equity|venture\s+capital)\s+(?:firm|house|manager|investor)\b",

)  # matched against lower-cased text
# Words without which `_NOT_A_ROUND` cannot match: a cheap screen before the costly pattern.
_NOT_A_ROUND_WORDS = frozenset(
    "fund funds close limited lps ipo public initial spac listing offering offerings talks seek seeks seeking back invest "
    "venture vc investment equity".split()
)
# What may follow an amount and make it something other than a round: "$12M contract", "€50,000 prize".
_NOT_ROUND_AMOUNT = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:contracts?|deals?|orders?|prize|awards?|donation|revenue|sales|ARR|loss|losses|profit|"
    r"settlement|acquisition|buyout|funds?|stake|budget|bonus|fine|penalty|investment\s+(?:in|into)|"
    r"in\s+(?:revenue|sales|ARR|orders|contracts|bookings)|offering|senior\s+notes|notes\s+due|bonds?|bookings|run\s+rate|"
    r"tender|sale|divestiture|purchase|merger|payments?|milestone|upfront|royalt(?:y|ies)|damages|fine)\b",
    re.IGNORECASE,
)
_BEFORE_EXCLUDED = re.compile(
    r"(?:valued\s+at|valuation\s+of|valuing\s+(?:it|the\s+company)\s+at|total(?:ling|ing|s)?(?:\s+\w+){0,2}\s+(?:to|of)|"
    r"to\s+date|revenue\s+(?:of|to)|guidance\s+(?:of|to)|ARR\s+of|worth|more\s+than\s+doubl\w+|after\s+raising|"
    r"previously\s+raised|following\s+(?:a|its|the))\s*$",
    re.IGNORECASE,
)
_AFTER_EXCLUDED = re.compile(r"^\s*(?:post-money\s+|pre-money\s+)?(?:valuation|in\s+(?:total|ARR|revenue))", re.IGNORECASE)
_ROUND = re.compile(
    r"(?P<pre_seed>\bpre-?seed\b|\bangel\s+round\b)|(?P<pre_a>\bpre-?series[- ]a\b)"
    r"|\bseries[- ](?P<letter>[a-k])\b|(?P<seed>\bseed\b)"
    r"|(?P<growth>\bgrowth(?:[- ]stage)?\s+(?:round|equity|funding|investment|financing|capital)\b|\blate-stage\s+(?:round|funding|financing)\b)"
    r"|(?P<debt>\bventure\s+debt\b|\bdebt\b|\bcredit\s+(?:facility|line)\b|\bloan\b|\bwarehouse\s+facility\b|\bfacility\b)"
    r"|(?P<grant>\bgrants?\b)",
    re.IGNORECASE,
)
# A round named in passing as an earlier one: "six months after its Series A".
_EARLIER = re.compile(r"\b(?:after|following|since|previous|previously|prior|last|earlier|follows|its\s+last)\b(?:\s+\S+){0,2}\s*$", re.IGNORECASE)
_EARLIER_SENTENCE = re.compile(r"\b(?:previously|prior|earlier|follows|following|last\s+year|to\s+date|in\s+20\d\d|had\s+raised|since)\b", re.IGNORECASE)
# "Meet Orrery, the startup that just raised $30M": a feature headline naming the company first.
_MEET = re.compile(r"^(?:Meet|Inside)\s+(?P<co>[^,]+),\s+the\s+(?:[\w-]+\s+){0,4}(?:startup|company|firm|unicorn)\s+that\s+(?:just\s+|quietly\s+|has\s+)?$", re.IGNORECASE)
# "Acme, the payroll startup, has raised $10M": the verb right after the company that opens the summary.
_LEADING_WORDS = re.compile(r"^[A-Z0-9][\w.&'-]*(?:\s+[A-Z0-9][\w.&'-]*){0,3}(?=[\s,])")
_SUMMARY_LEAD = re.compile(
    r"(?:,\s+[^,]{1,80},)?\s+(?:(?:today|on\s+\w+)\s+)?(?:(?:has|have)\s+|(?:announced|said)\s+(?:that\s+)?it\s+(?:has\s+)?)?"
    r"(?:raised|secured|closed|landed)\s+(?:an?\s+|its\s+)?(?=[$€£\w])"
)
# Headlines about something else, whose summary may still open with the company's funding history.
_OTHER_NEWS = re.compile(
    r"\b(?:lays?\s+off|layoffs?|cuts|launch(?:es)?|unveils|acquires|acquired|acquisition|buys|partners|partnership|shuts|"
    r"bankrupt\w*|sues|sued|lawsuit|results|earnings|revenue|IPO|appoints|names|hires|opens|expands|recall|breach)\b",
    re.IGNORECASE,
)
# Reuters style: "Acme valued at $2 bln after latest funding round".
_VALUED = re.compile(r"^(?P<co>.+?)\s+(?:is\s+)?valued\s+at\s+\S+(?:\s+(?:million|billion|bln|mln|bn))?\s+(?P<rest>(?:after|in|following|with)\b.*)$", re.IGNORECASE)
# Words allowed between a verb and its amount: "raises an additional $5M", not "raises prices to $20".
_FILLER = re.compile(
    r"^(?:\s*(?:an?|its|the|another|over|nearly|almost|about|around|more\s+than|up\s+to|roughly|approximately|"
    r"additional|fresh|new|oversubscribed|upsized|undisclosed|whopping|massive|mega|hefty|total\s+of|close\s+of|"
    r"final\s+close\s+of|first\s+close\s+of|completion\s+of|record|first|initial|second|third|strategic|further|"
    r"just|under|bumper|huge|big|mammoth|giant|\w+-figure|funding\s+of|investment\s+of|round\s+of|\$?US)\b)*\s*$",
    re.IGNORECASE,
)
# A verb followed by one of these is about something else: "announces departure of", "closes acquisition of".
_OTHER_OBJECT = re.compile(
    r"^\s*(?:the\s+|its\s+|a\s+)?(?:departure|appointment|resignation|retirement|exit|hiring|launch|acquisition|"
    r"partnership|results|earnings|merger|sale|pricing|listing|closure|layoffs?)\b",
    re.IGNORECASE,
)
# "Closes Series A Round of $12M": a round named before its amount.
_ROUND_PREFIX = re.compile(
    r"^(?:\s*(?:an?|its|the|new|oversubscribed|series\s+[a-k]\+?|seed|pre-seed|growth|round|funding|financing|investment|"
    r"equity|extension|in|of|totaling|totalling|worth|valued)\b)*\s*$",
    re.IGNORECASE,
)
# A summary that describes an investment fund, not a company: "The vehicle will invest in Series A companies".
_FUND_SUMMARY = re.compile(
    r"\b(?:fund|vehicle)\s+will\s+(?:invest|back|target|deploy|write)|\blimited\s+partners\b|\bLPs\b",
    re.IGNORECASE,
)
_SUMMARY_FUNDING = re.compile(r"\b(?:raised|raise|raising|round|funding|financing|investment|secured|closed|led\s+by|invested)\b", re.IGNORECASE)

# Investors. Keywords are case-insensitive (Title Case wires), names are matched by capitals.
_LIST = rf"(?P<list>{NAME_LIST})"
_LEAD_PATTERNS = [
    ("led by", re.compile(rf"(?i:\b(?:co-)?led\s+by)\s+(?:(?:new|existing)\s+investors?\s+)?{_LIST}")),
    ("led the", re.compile(rf"{_LIST}\s+(?:co-)?led\s+the\s+(?:[\w-]+\s+){{0,2}}?(?:round|financing|investment|raise|funding|seed|series|deal|extension)")),
]
_INVESTOR_PATTERNS = [
    ("participation", re.compile(rf"(?i:\bparticipation\s+(?:from|by|of))\s+(?:(?:new|existing|returning|other)\s+(?:and\s+(?:new|existing)\s+)?(?:investors?|backers?)\s+(?:including\s+|such\s+as\s+)?)?{_LIST}")),
    ("investors include", re.compile(rf"(?i:\b(?:investors|backers|participants)(?:\s+in\s+the\s+(?:round|financing|raise))?\s+(?:also\s+)?(?:include|including|included|are|were))\s+{_LIST}")),
    ("participated", re.compile(rf"(?:^|[.;]\s+|\b(?:said|says|and)\s+)(?:(?i:existing|new|other|returning)\s+(?:investors?|backers?)\s+)?{_LIST}\s+(?:also\s+)?(?:participated|joined|invested|took\s+part)")),
    ("participating", re.compile(rf"(?i:\bwith)\s+(?:(?:existing|new)\s+(?:investors?|backers)\s+)?{_LIST}\s+(?:also\s+)?participating")),
    ("alongside", re.compile(
        rf"(?i:\b(?:alongside|joined\s+by|backed\s+by|provided\s+by|arranged\s+by|comes\s+from|came\s+from|"
        rf"which\s+also\s+included|also\s+included))\s+(?:the\s+)?(?:(?:existing|new)\s+(?:investors?|backers?)\s+)?{_LIST}")),
    ("from", re.compile(rf"(?i:\b(?:funding|round|investment|financing|facility|capital|equity|debt|grant|million|billion|seed|backing|valuation|loan|note|boost)|\d(?i:[mkb]n?)\b)\s+(?i:from)\s+(?:(?:existing|new)\s+(?:investors?|backers)\s+)?{_LIST}")),
]
# "Sequoia leads $35M Series B in Patchwork", "a16z backs Loomstack with $12M", "X invests $20M in Y".
_INVESTOR_LEADS = re.compile(r"^(?P<inv>.+?)\s+(?:co-)?leads?\s+(?P<deal>.*?)\s+(?:in|into|for)\s+(?P<co>.+?)(?:\s+to\s+.*|,.*)?$")
_INVESTOR_BACKS = re.compile(
    r"^(?P<inv>.+?)\s+(?:backs|invests|bets|pours|puts)\s+(?:(?P<deal>.*?)\s+(?:in|into|on)\s+)?(?P<co>.+?)"
    r"(?:\s+(?:with|in)\s+(?P<deal2>.*?))?(?:\s+to\s+.*|,.*)?$"
)




_INVESTOR_VERB = re.compile(r"\b(?:(?:co-)?leads?|backs|invests|bets|pours|puts)\b")


@dataclass
class _Hit:
    company: str
    tail: str  # the headline after the verb: where the amount and round are read first
    leads: list[str] = field(default_factory=list)
    investors: list[str] = field(default_factory=list)
    money: Money | None = None  # the amount right after the verb, when there is one


def extract_funding(headline: str, summary: str, tokens: frozenset[str] | None = None) -> Extraction | None:
    """The funding round a headline reports, enriched from the summary; None when it reports none.

    `tokens` is `words(headline)` when the caller already has it.
    """
    tokens = tokens if tokens is not None else words(headline)
    if tokens & _NOT_A_ROUND_WORDS and _NOT_A_ROUND.search(lower(headline)):
        return None
    if tokens & FUNDING_WORDS:
        hit = _company_raises(headline) or _investor_backs(headline) or (_valued_after(headline) if "valued" in tokens else None)
    else:
        hit = None
    if hit is None and summary[:1].isupper():
        hit = _summary_lead(headline, summary)
    if hit is None or _FUND_SUMMARY.search(summary):
        return None
    money = hit.money if hit.money is not None else _headline_amount(hit.tail)
    if money is None:
        money = _summary_amount(summary)
    parts = [headline, *sentences(summary)[:4]]
    screen = " ".join(parts).lower()
    leads = _dedupe(hit.leads + _names(_LEAD_PATTERNS, parts, screen), hit.company)
    investors = _dedupe(leads + hit.investors + _names(_INVESTOR_PATTERNS, parts, screen), hit.company)
    attributes = {
        "amount": money.amount if money else None,
        "currency": money.currency if money else None,
        "amount_usd": money.amount if money and money.currency == "USD" else None,
        "round": _round(headline, summary),
        "investors": investors,
        "lead_investors": leads,
    }
    return Extraction(EventType.FUNDING, "raised", hit.company, attributes)


def _company_raises(headline: str) -> _Hit | None:
    for verb in _VERB.finditer(lower(headline)):
        before = headline[: verb.start()]
        meet = _MEET.match(before) if before.startswith(("Meet", "Inside", "meet", "inside")) else None
        if meet:
            before = meet.group("co")
        elif not before.strip() or _SUBORDINATE.search(before[-40:]):
            continue
        tail = headline[verb.end():]
        reports, money = _reports_round(verb.group(0), tail)
        if not reports:
            continue
        company = company_from_subject(before)
        if company is None:
            return None  # "AI startups raised $40B": the subject is not one company
        return _Hit(company, tail, money=money)
    return None


def _reports_round(verb: str, tail: str) -> tuple[bool, Money | None]:
    """Whether the words after a funding verb describe money raised (not a contract, not prices), and the amount."""
    if _OTHER_OBJECT.match(tail):
        return False, None
    first = _first_amount(tail)
    if first is not None and not _FILLER.match(tail[: first.start]):
        first = None  # "raises minimum wage to $20": the amount is not what was raised
    if first is not None and _NOT_ROUND_AMOUNT.match(tail[first.end:]):
        return False, None  # "$12M contract", "€50,000 prize"
    if _FUNDING_NOUN.search(lower(" ".join(tail.split()[:8]))):
        return True, first
    if _NEEDS_NOUN.match(" ".join(verb.split())):
        return False, None
    return first is not None, first


def _summary_lead(headline: str, summary: str) -> _Hit | None:
    """A feature headline ("Acme wants to fix payroll") whose summary opens with "Acme has raised $10M ...".

    Only when the summary's first words are the company the headline opens with, so that an
    aside about an earlier round ("Acme, which raised $20M last year, ...") never counts.
    """
    lead = _LEADING_WORDS.match(headline)
    if lead is None or not summary.startswith(lead.group(0)) or _OTHER_NEWS.search(headline):
        return None
    first = sentences(summary)[0]
    match = _SUMMARY_LEAD.match(first, len(lead.group(0)))
    if match is None or _EARLIER_SENTENCE.search(first) or not _FUNDING_NOUN.search(lower(first)):
        return None
    company = company_from_subject(lead.group(0))
    money = _first_amount(first[match.end() - 1 :]) if company else None
    if company is None or money is None or _NOT_ROUND_AMOUNT.match(first[money.end + match.end() - 1 :]):
        return None
    return _Hit(company, first[match.end() - 1 :], money=money)


def _valued_after(headline: str) -> _Hit | None:
    """"Acme valued at $2 bln after $300 mln funding round": the round is the amount that is not the valuation."""
    match = _VALUED.match(headline)
    if not match or not _FUNDING_NOUN.search(lower(match.group("rest"))):
        return None
    company = company_from_subject(match.group("co"))
    if company is None:
        return None
    money = next((m for m in find_amounts(match.group("rest")) if not _AFTER_EXCLUDED.match(match.group("rest")[m.end:])), None)
    return _Hit(company, match.group("rest"), money=money)


def _investor_backs(headline: str) -> _Hit | None:
    for pattern, lead in ((_INVESTOR_LEADS, True), (_INVESTOR_BACKS, False)):
        if not _INVESTOR_VERB.search(headline):
            return None
        match = pattern.match(headline)
        if not match:
            continue
        investor = company_from_subject(match.group("inv"))
        company = company_from_subject(match.group("co"))
        deal = " ".join(filter(None, (match.group("deal"), match.groupdict().get("deal2"))))
        if investor is None or company is None:
            continue
        if not (_FUNDING_NOUN.search(lower(deal)) or find_amounts(deal)):
            continue
        names = split_names(investor)
        return _Hit(company, deal, leads=names if lead else [], investors=names)
    return None


def _first_amount(text: str) -> Money | None:
    for money in find_amounts(text):
        if not _BEFORE_EXCLUDED.search(text[max(0, money.start - 60) : money.start]) and not _AFTER_EXCLUDED.match(text[money.end:]):
            return money
    return None


def _headline_amount(tail: str) -> Money | None:
    money = _first_amount(tail)
    if money is None or _NOT_ROUND_AMOUNT.match(tail[money.end:]):
        return None
    if not (_FILLER.match(tail[: money.start]) or _ROUND_PREFIX.match(tail[: money.start])):
        return None
    return money


def _summary_amount(summary: str) -> Money | None:
    for sentence in sentences(summary)[:3]:
        if not _SUMMARY_FUNDING.search(sentence) or _EARLIER_SENTENCE.search(sentence):
            continue
        money = _first_amount(sentence)
        if money is not None and not _NOT_ROUND_AMOUNT.match(sentence[money.end:]):
            return money
    return None


def _round(headline: str, summary: str) -> str:
    found = _round_in(headline)
    if found:
        return found
    for sentence in sentences(summary)[:4]:
        if _EARLIER_SENTENCE.search(sentence):
            continue
        found = _round_in(sentence)
        if found:
            return found
    return "undisclosed"


_ROUND_WORDS = frozenset("seed series growth stage late debt credit loan facility grant grants angel".split())


def _round_in(text: str) -> str | None:
    if not words(text) & _ROUND_WORDS:
        return None
    text = lower(text)
    for match in _ROUND.finditer(text):
        if _EARLIER.search(text[max(0, match.start() - 40) : match.start()]):
            continue
        if match.group("letter"):
            letter = match.group("letter").lower()
            return f"series_{letter}" if letter in "abc" else "series_d_plus"
        if match.group("pre_a"):
            return "seed"
        name = next(key for key in ("pre_seed", "seed", "growth", "debt", "grant") if match.group(key))
        return name
    return None


# Cheap screens for the investor patterns, keyed by the name each pattern is listed under.
_SCREENS = {
    "led by": ("led by",),
    "led the": ("led the",),
    "participation": ("participation",),
    "investors include": ("investors", "backers", "participants"),
    "participated": ("participated", "joined", "invested", "took part"),
    "participating": ("participating",),
    "alongside": ("alongside", "joined by", "backed by", "provided by", "arranged by", "from", "also included"),
    "from": (" from ",),
}


def _names(patterns: list[tuple[str, re.Pattern[str]]], parts: list[str], screen_text: str) -> list[str]:
    """Names the patterns find in the sentences `parts`; `screen_text` is all of them in lower case."""
    names: list[str] = []
    for screen, pattern in patterns:
        keys = _SCREENS[screen]
        if not any(key in screen_text for key in keys):
            continue
        for sentence in parts:
            if any(key in sentence.lower() for key in keys):
                for match in pattern.finditer(sentence):
                    names.extend(split_names(match.group("list")))
    return names


def _dedupe(names: list[str], company: str) -> list[str]:
    seen = {company.lower()}
    kept = []
    for name in names:
        if name.lower() not in seen:
            seen.add(name.lower())
            kept.append(name)
    return kept
