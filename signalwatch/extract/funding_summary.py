"""Funding rounds written in a summary's sentences, and in the clauses of a roundup headline.

Real items often carry the round only below the headline: a feature headline ("EarthOptics helps
farmers look deep into the soil") over "...and has raised $10 million", a newsletter listing
"$8.5 million for Green Bay-based Aver Informatics, $6 million for Delafield-based Montage
Talent", or a headline subject that names no company ("Gene Therapy Biotech Secures $37.5 Million")
whose company the summary names. A sentence counts only in these shapes, and never when it
is history ("last year", "previously", "to date"), a total, or an investment firm's own fund.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from signalwatch.extract import funding_patterns as rules
from signalwatch.extract.money import AMOUNT, Money, find_amounts
from signalwatch.extract.text import company_from_subject, lower, named_company, quote, split_names, words

__all__ = ["Round", "summary_rounds", "headline_roundup", "reported_in", "is_investor_name", "LEGAL_PIECE"]


@dataclass
class Round:
    """One funding round being assembled from a headline and its summary."""

    company: str | None
    money: Money | None = None
    change: str = "raised"
    round: str | None = None  # from the clause that reported it; the item's round words fill it later
    investors: list[str] = field(default_factory=list)
    leads: list[str] = field(default_factory=list)
    why: str = ""
    tail: str = ""  # the words after the verb, where the round is read first
    primary: bool = False  # the headline's own round: investors and the round are read from the whole item


# Verbs of a company taking money, in a summary sentence ("has raised", "today raised", "said it raised").
_SUMMARY_VERB = (
    r"(?:(?:has|have|had)\s+(?:now\s+|also\s+|just\s+|already\s+|recently\s+)?|today\s+|recently\s+|also\s+|just\s+|"
    r"(?:announced|announces|said|says|confirmed|revealed|disclosed)(?:\s+(?:on\s+)?\w+day|\s+(?:last|this)\s+week|\s+today)?\s+"
    r"(?:that\s+)?(?:it\s+)?(?:has\s+|had\s+)?|"
    r"(?:is|are)\s+(?:now\s+)?)?"
    r"(?P<verb>raised|raises|raising|secured|secures|securing|closed|closes|landed|lands|received|receives|gained|attracted|"
    r"netted|nets|collected|picked\s+up|pulled\s+in|banked|grabbed|snagged|bagged|scored|obtained|got|gets|attracts|"
    r"completed|took\s+out|takes\s+out|in\s+talks\s+to\s+raise|looking\s+to\s+raise|seeking|set\s+to\s+raise|"
    r"nearing\s+the\s+close\s+of|close\s+to\s+closing|"
    r"(?:announced|announces|unveiled|unveils)(?:\s+(?:the\s+)?(?:close|closing|completion|final\s+close)\s+of|"
    r"(?!\s+(?:that|it|today|on|last|this|\w+day)\b))|closed\s+on)"
)
_NAME = r"[A-Z][\w.&'!-]*(?:\s+(?:[A-Z][\w.&'!-]*|of|for))*"
# Names of investment firms: a sentence about their money is about a fund, not a round.
_INVESTOR_NAME = re.compile(
    r"\b(?:Ventures?|Capital|Partners|VC|Funds?|Investments?|Investors|Equity|Management|Advisors|Venture\s+Group)$"
)
_BACKGROUND = re.compile(
    r"\b(?:previously|prior|earlier|last\s+(?:year|month|round|raised|received)|to\s+date|in\s+(?:19|20)\d\d|(?<!\bit\s)had\s+raised|"
    r"since|ago|total(?:ling)?|in\s+total|bringing|now\s+raised|has\s+now|so\s+far|combined|collectively|"
    r"first\s+half|second\s+half|quarter|this\s+year|last\s+(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december|spring|summer|fall|autumn|winter))\b",
    re.IGNORECASE,
)
_REPORTED = re.compile(
    r"\b(?:in\s+(?:advanced\s+)?talks|reportedly|is\s+raising|are\s+raising|(?<!after\s)(?<!since\s)raising|seeks|seeking|looking\s+to\s+raise|"
    r"set\s+to\s+raise|plans?\s+to\s+raise|planning\s+to\s+raise|aims?\s+to\s+raise|in\s+discussions|people\s+familiar|"
    r"sources|said\s+to\s+be|according\s+to\s+(?:people|sources|a\s+person|persons|(?:media|press|news)\s+reports)|nearing|close\s+to\s+raising|"
    r"is\s+targeting|could\s+raise|would\s+raise)\b"
)  # matched against lower-cased text
_PARENTHETICAL = re.compile(r"\s*\([^()]{0,40}\)")
_TIME_TAIL = re.compile(r"\s+(?:this\s+week|last\s+week|today|yesterday|on\s+\w+day|this\s+morning|recently)\s*$", re.IGNORECASE)


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The sentence patterns, compiled on first use (the money pattern inside them is large)."""
    return {
        # the verb alone: its subject is read backwards from it (a lazy "subject then verb" pattern is quadratic)
        "subject": re.compile(rf"(?<=\s){_SUMMARY_VERB}\b\s*", re.IGNORECASE),
        # "$8.5 million for Green Bay-based Aver Informatics": one round of a list
        "for": re.compile(
            rf"(?P<amount>(?i:{AMOUNT}))\s+(?:in\s+[\w-]+\s+(?:funding\s+)?)?(?:for|to)\s+(?P<co>(?:[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*)*-based\s+)?"
            r"[A-Z][\w.&'-]*(?:\s+(?:[A-Z][\w.&'-]*|of|for))*)"
        ),
        # "Astra International will invest $150 million in Go-Jek", "Third Rock announced it is leading a $25M Series A for X"
        "invests": re.compile(
            rf"(?:(?P<inv>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){{0,4}})\s+(?:(?:announced|said)\s+(?:that\s+)?it\s+)?|\b)"
            rf"(?:will\s+|has\s+|is\s+|have\s+)?(?:invest(?:s|ed|ing)?|pump(?:s|ed|ing)?|inject(?:s|ed|ing)?|infus(?:es|ed)|pour(?:s|ed|ing)?|"
            rf"(?:is\s+)?leading|led|leads)\s+(?:an?\s+)?(?P<amount>(?i:{AMOUNT}))\s+(?:[\w-]+\s+){{0,4}}?(?:in|into|for)\s+"
            r"(?:[A-Z][\w.&'-]*-based\s+(?:[a-z][\w-]*\s+){0,6})?"  # "for UK-based surgical robotics technology developer CMR Surgical"
            r"(?P<co>(?!Series\b|[A-Z]\s)[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})"
        ),
        # "Wow! Momo's $8.5 million Series D raise", "Infra.Market's INR 731.5 crore flat-valuation round"
        "possessive": re.compile(
            rf"(?<![\w'])(?!(?:From|In|With|And|Of|For|By|At|On|To|The|Its|Their|After|Before|Since|Following|Despite|Unlike|Like|Amid)\b)(?P<co>[A-Z][\w.&'!-]*(?:\s+[A-Z][\w.&'!-]*){{0,3}})'s\s+"
            rf"(?:\w+\s+)?(?P<amount>(?i:{AMOUNT}))\s+(?:[\w-]+\s+){{0,3}}?"
            r"(?:round|raise|funding|financing|[Ss]eries\s+[A-K])\b"
        ),
        # "Venture rounds for Lexeo, Evommune, Alamar"
        # "Regulus Therapeutics, a spinoff of Alnylam, took a step toward independence with $20 million in Series A financing"
        "with": re.compile(
            rf"(?<=\s)with\s+(?:an?\s+)?(?P<amount>(?i:{AMOUNT}))\s+(?:in|of)\s+(?:[\w-]+\s+){{0,3}}?(?:funding|financing|round|investment)\b"
        ),
        # "£759,000 for development of a device by Glasgow-based Ohmedics"
        "for-by": re.compile(
            rf"(?P<amount>(?i:{AMOUNT}))\s+for\s+(?:(?!\bfor\b)[^;,$£€]){{1,80}}?\s+(?:developed\s+)?by\s+(?:the\s+)?"
            r"(?P<co>(?:[A-Z][\w.&'-]*-based\s+)?[A-Z][\w.&'-]*(?:\s+(?:[A-Z][\w.&'-]*|of))*)"
        ),
        # "ADARx Pharmaceuticals will advance clinical programs ... with new funding", "X plans to use Series C funding"
        "uses-funding": re.compile(
            r"(?P<co>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})\s+(?:(?:will|plans\s+to|to)\s+use\s+(?:its\s+|the\s+)?"
            r"(?P<round>(?:[Ss]eries\s+[A-K]|seed|new|fresh)\s+)?funding|(?:will\s+)?[a-z]+\s+(?:[\w-]+\s+){1,8}?with\s+"
            r"(?:new|fresh)\s+funding)\b"
        ),
        "list-receives": re.compile(
            r"(?P<list>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2}(?:,\s+[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2})+,?\s+and\s+"
            r"[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2})\s+(?:are|were)\s+among\s+(?:[\w-]+\s+){1,4}?(?:to\s+(?:receive|get|share|win)|"
            r"receiving|that\s+(?:received|won))\s+(?:[\w-]+\s+){0,2}?(?:funding|grants?|investment|awards?)\b"
        ),
        # "The $21 million Series A round disclosed this week by Doctor On Demand"
        "passive": re.compile(
            rf"(?P<amount>(?i:{AMOUNT}))\s+(?:[\w-]+\s+){{0,3}}?(?i:round|financing|funding|investment|raise|fundraise|seed|series\s+[a-k])\b"
            r"(?:\s+(?!by\b)[\w-]+){0,5}?\s+(?:announced|disclosed|raised|closed|secured|unveiled|completed|revealed|landed)\s+"
            r"(?:(?!by\b)\w+\s+){0,2}?by\s+(?P<co>(?:[A-Z][\w.&'-]*-based\s+)?[A-Z][\w.&'-]*(?:\s+(?:[A-Z][\w.&'-]*|of))*)"
        ),
        "rounds-for": re.compile(
            r"\b(?:[Vv]enture\s+)?(?:rounds|financings|fundings|funding)\s+for\s+(?P<list>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*)?"
            r"(?:,\s+(?:and\s+)?[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*)?)*)(?=,\s+[a-z]|,?\s+and\s+[a-z]|\s*[.;]|\s*$)"
        ),
    }


def is_investor_name(name: str) -> bool:
    return bool(_INVESTOR_NAME.search(name))


def reported_in(text: str) -> bool:
    """Whether a clause reports a round as talks, plans or rumour rather than as done."""
    return bool(_REPORTED.search(text.lower()))


def summary_rounds(sentences: list[str], headline_company: str | None = None) -> list[Round]:
    """Every round the sentences report in one of the shapes above, in order."""
    found: list[Round] = []
    for number, sentence in enumerate(sentences, 1):
        tokens = words(sentence)
        if not _worth_reading(sentence, tokens):
            continue
        sentence = _PARENTHETICAL.sub("", sentence).replace("--", ", ")
        if _DIGIT.search(sentence):  # the shapes with an amount
            found.extend(_list_rounds(sentence, number))
            found.extend(_invested_rounds(sentence, number))
            found.extend(_possessive_rounds(sentence, number))
        if tokens & _VERB_WORDS:
            found.extend(_subject_rounds(sentence, number, headline_company))
        if _LIST_CUE.search(sentence):
            found.extend(_named_rounds(sentence, number))
        found.extend(_with_rounds(sentence, number))
    return _unique(found)


# Words without which a shape cannot match: cheap screens before the costly patterns.
_VERB_WORDS = frozenset(
    """raised raises raising secured secures securing closed closes landed lands received receives gained attracted attracts
    netted nets collected picked pulled banked grabbed snagged bagged scored obtained got gets completed took takes talks
    looking seeking set nearing close announced announces unveiled unveils disclosed""".split()
)
_LIST_CUE = re.compile(r"(?:rounds|financings|fundings|funding)\s+for\b|\bamong\b")


def _worth_reading(sentence: str, tokens: frozenset[str]) -> bool:
    if tokens.isdisjoint(_SENTENCE_CUES) and not _MONEY_SIGN.search(sentence):
        return False
    if not tokens.isdisjoint(_CAMPAIGN_WORDS):
        return False  # "raised $1.2 million on Kickstarter": backers of a campaign, not investors (LABELLING.md)
    return not rules.about_a_fund(sentence) and not rules.not_a_round(lower(sentence), tokens)


_CAMPAIGN_WORDS = frozenset("kickstarter indiegogo gofundme".split())


# A cheap screen: a sentence without one of these words (or a currency sign) cannot hold any of the shapes.
_SENTENCE_CUES = frozenset(
    """raise raises raised raising secure secures secured securing close closed closes closing land landed lands receive
    received receives gain gained gains attract attracted attracts net nets netted collect collected collects picked pulled
    bank banked banks grab grabbed grabs snag snagged snags bag bagged bags score scored scores obtain obtained got gets
    complete completed took takes invest invests invested investing investment pump pumps pumped inject injects injected
    infused infuses led leads leading talks seek seeks seeking million billion mn bn crore rounds funding financing""".split()
)
_MONEY_SIGN = re.compile(r"[$€£₹¥]")


def _subject_rounds(sentence: str, number: int, headline_company: str | None) -> list[Round]:
    """"<Company> has raised $X in a Series A": the subject read back from the verb, the amount and round after it."""
    found: list[Round] = []
    for match in _patterns()["subject"].finditer(sentence):
        subject, rest = sentence[: match.start()].rsplit(";", 1)[-1].rstrip(), sentence[match.end() :]
        if not subject:
            continue
        companies = _subject_companies(subject, headline_company)
        if not companies:
            continue
        if _BACKGROUND.search(sentence[: match.end("verb")]) or _BACKGROUND.search(rest[:90]):
            continue
        money = _amount_after(rest)
        window = lower(rest[:100])
        if money is None and not rules.FUNDING_NOUN.search(window):
            continue
        if _ANNOUNCE_ONLY.fullmatch(match.group("verb")) and (money is None or not _ROUND_AFTER.match(rest[money.end :])):
            continue  # "announced a $14M Series A", not "announced a $30M partnership" or "a new investment in"
        if money is not None and rules.NOT_ROUND_AMOUNT.match(rest[money.end :]):
            continue
        if re.search(r"\bfunds?\b(?!ing)", window) and not re.search(r"\b(?:funding|round|series|seed)\b", window):
            continue  # "raised $195 million for its second fund"
        verb = match.group("verb").lower()
        change = "reported" if verb in ("raising", "seeking") or " to raise" in verb or reported_in(sentence) else "raised"
        why = f"funding.summary-sentence {number}: {_quote(subject[-60:] + ' ' + match.group(0) + rest[:30])}"
        found.extend(Round(company, money, change, why=why, tail=rest) for company in companies)
    return found


# "announced"/"unveiled" alone report a round only as "<amount> <round noun>" ("announced $40 million in Series A financing").
_ANNOUNCE_ONLY = re.compile(r"(?i)announced|announces|unveiled|unveils")
_ROUND_AFTER = re.compile(
    r"(?i)\s+(?:in\s+)?(?:[\w-]+\s+){0,3}?(?:round|funding|financing|fundraise|raise|seed|series\s+[a-k]|venture\s+debt|credit\s+facility)\b"
)


def _subject_companies(subject: str, headline_company: str | None) -> list[str]:
    """The companies a sentence subject names: one, two ("DeepRoute and Momenta"), or the headline's ("The company")."""
    if headline_company and re.fullmatch(r"(?i)\s*the\s+(?:[\w,.-]+\s+){0,4}?(?:company|firm|startup|biotech)\s*,?\s*", subject):
        return [headline_company]
    pair = re.fullmatch(r"\s*(?P<a>[A-Z][\w.&'-]*)\s+and\s+(?P<b>[A-Z][\w.&'-]*)\s*", _TIME_TAIL.sub("", subject))
    if pair:
        both = [company_from_subject(pair.group("a")), company_from_subject(pair.group("b"))]
        return [c for c in both if c and not is_investor_name(c)] if all(both) else []
    if _SUBORDINATE_SUBJECT.match(subject):
        return []  # "Having netted $115 million last October, ...": a clause before the subject, about the past
    subject = LEGAL_PIECE.sub("", subject)  # "Galera Therapeutics, Inc., a clinical-stage biotech, ...": the name, not "Inc."
    company = named_company(subject)
    if company is None and headline_company and re.search(
        r"(?i)(?:^|,\s*|\b(?:and|but)\s+)(?:the\s+(?:[\w,.-]+\s+){0,4}?(?:company|firm|startup|biotech)|it)\s*,?\s*$", subject
    ):
        company = headline_company  # "The Palo Alto, CA-based company has raised $16.5 million": the item's own company
    return [company] if company and not is_investor_name(company) else []


# A legal form written as its own comma piece after a name.
LEGAL_PIECE = re.compile(r",\s+(?:Inc|Corp|Ltd|LLC|plc|PLC|GmbH|AG|SA|S\.A|N\.V|B\.V)\.?(?=\s*,|\s*$)")
_SUBORDINATE_SUBJECT = re.compile(r"\s*(?:Having|After|Before|Since|When|Once)\b")


def _list_rounds(sentence: str, number: int) -> list[Round]:
    if not rules.FUNDING_NOUN.search(lower(sentence)):
        return []
    found = []
    for match in _patterns()["for"].finditer(sentence):
        company = company_from_subject(match.group("co"))
        moneys = find_amounts(match.group("amount"))
        if company and moneys and not is_investor_name(company) and not _BACKGROUND.search(sentence[max(0, match.start() - 30) : match.start()]):
            found.append(Round(company, moneys[0], tail=sentence[match.end() :],
                               why=f"funding.amount-for-company (summary sentence {number}): {_quote(match.group(0))}"))
    return found


def _invested_rounds(sentence: str, number: int) -> list[Round]:
    found = []
    for match in _patterns()["invests"].finditer(sentence):
        company = company_from_subject(match.group("co"))
        investor = company_from_subject(match.group("inv") or "")
        moneys = find_amounts(match.group("amount"))
        if not (company and moneys) or is_investor_name(company) or _BACKGROUND.search(sentence):
            continue
        if _ASSET_AFTER.match(sentence, match.end("co")):
            continue  # "invests $31 million in Aura's Borborema project": an asset, not a company's round
        change = "reported" if reported_in(sentence) else "raised"
        names = split_names(investor) if investor else []
        led = bool(re.search(r"\blead|\bled\b", match.group(0)))
        found.append(Round(company, moneys[0], change, investors=names, leads=names if led else [], tail=match.group(0),
                           why=f"funding.investor-invests (summary sentence {number}): {_quote(match.group(0))}"))
    return found


# What follows a name when the money goes into an asset of it, not into a company: a project, a mine, a plant.
_ASSET_AFTER = re.compile(r"(?:'s)?\s+(?:project|mine|plant|facility|property|deposit|asset|site|field|royalty|stream)s?\b")


_AFTER_WORD = re.compile(r"(?i)\b(?:after|following|since|before|despite)\s+$")


def _possessive_rounds(sentence: str, number: int) -> list[Round]:
    found = []
    for match in _patterns()["possessive"].finditer(sentence):
        company = company_from_subject(match.group("co"))
        moneys = find_amounts(match.group("amount"))
        if _AFTER_WORD.search(sentence[: match.start()]):
            continue  # "After TAE's impressive $27 million Series C funding, ...": the round before the news
        if company and moneys and not is_investor_name(company) and not _BACKGROUND.search(sentence):
            found.append(Round(company, moneys[0], tail=match.group(0),
                               why=f"funding.company-s-round (summary sentence {number}): {_quote(match.group(0))}"))
    return found


def _with_rounds(sentence: str, number: int) -> list[Round]:
    """Rounds told as a means: "X took a step ... with $20 million in Series A financing", "X will use new funding"."""
    found = []
    if not _DIGIT.search(sentence):
        return _uses_funding(sentence, number)
    for match in _patterns()["with"].finditer(sentence) if " with " in sentence else ():
        subject = _WITH_VERB_PHRASE.sub("", sentence[: match.start()].rsplit(";", 1)[-1])
        company = named_company(subject) if subject.strip() else None
        moneys = find_amounts(match.group("amount"))
        if company and moneys and not is_investor_name(company) and not _BACKGROUND.search(subject[-80:] + match.group(0)):
            found.append(Round(company, moneys[0], tail=sentence[match.start("amount") :],
                               why=f"funding.with-amount (summary sentence {number}): {_quote(subject[-50:] + ' ' + match.group(0))}"))
    for match in _patterns()["passive"].finditer(sentence) if " by " in sentence else ():
        company = company_from_subject(match.group("co"))
        moneys = find_amounts(match.group("amount"))
        if company and moneys and not is_investor_name(company) and not _BACKGROUND.search(sentence[: match.start()] + match.group(0)):
            found.append(Round(company, moneys[0], tail=match.group(0), why=f"funding.round-by (summary sentence {number}): {_quote(match.group(0))}"))
    for match in _patterns()["for-by"].finditer(sentence) if " by " in sentence else ():
        company = company_from_subject(match.group("co"))
        moneys = find_amounts(match.group("amount"))
        if company and moneys and not is_investor_name(company) and rules.FUNDING_NOUN.search(lower(sentence)):
            found.append(Round(company, moneys[0], tail=sentence, why=f"funding.amount-for-by (summary sentence {number}): {_quote(match.group(0))}"))
    return found + _uses_funding(sentence, number)


_DIGIT = re.compile(r"\d")
# "took a step toward greater independence": the verb phrase between a subject and "with $20 million in ... financing".
_WITH_VERB_PHRASE = re.compile(r"(?:\s+[a-z][\w-]*){1,8}\s*$")


def _uses_funding(sentence: str, number: int) -> list[Round]:
    """"ADARx Pharmaceuticals will advance clinical programs ... with new funding", "Kriya plans to use Series C funding"."""
    found: list[Round] = []
    if not ("use" in sentence or "new funding" in sentence or "fresh funding" in sentence):
        return found
    for match in _patterns()["uses-funding"].finditer(sentence):
        company = company_from_subject(match.group("co"))
        if company and not is_investor_name(company) and not _BACKGROUND.search(sentence):
            found.append(Round(company, tail=match.group(0), why=f"funding.uses-funding (summary sentence {number}): {_quote(match.group(0))}"))
    return found


def _named_rounds(sentence: str, number: int) -> list[Round]:
    """"Venture rounds for Lexeo, Evommune, Alamar": rounds named without amounts."""
    found = []
    for match in _patterns()["list-receives"].finditer(sentence):
        for name in split_names(match.group("list")):
            company = company_from_subject(name)
            if company and not is_investor_name(company):
                found.append(Round(company, tail=sentence[match.end("list") :],
                                   why=f"funding.companies-receive (summary sentence {number}): {_quote(match.group(0))}"))
    for match in _patterns()["rounds-for"].finditer(sentence):
        for name in split_names(match.group("list")):
            company = company_from_subject(name)
            if company and not is_investor_name(company):
                found.append(Round(company, why=f"funding.rounds-for (summary sentence {number}): {_quote(match.group(0))}"))
    return found


def headline_roundup(headline: str, skip: str | None) -> list[Round]:
    """The other rounds of a roundup headline ("Wow! Momo Raises $8.5 Mn, Groq Secures $750 Mn, ..."), one per clause.

    Only headlines of several clauses; `skip` is the company of the headline's own round. A
    clause must be "<Name> <verb> <amount>", "<Investor> invests in <Name>", or, after the
    roundup's colon, "<Name> funding".
    """
    clauses = [c.strip() for c in re.split(r"\s*[,;|]\s+|\s+-\s+|\s+&\s+", headline) if c.strip()]
    if len(clauses) < 2:
        return []
    after_colon = headline.split(": ", 1)[1] if ": " in headline else ""
    found = []
    for clause in clauses:
        clause = clause.split(": ")[-1]
        match = _ROUNDUP_CLAUSE.match(clause)
        if not match or rules.not_a_round(lower(clause), words(clause)):
            continue
        company = company_from_subject(match.group("co"))
        if company is None or (skip and company.lower() == skip.lower()) or is_investor_name(company):
            continue
        rest = match.group("rest") or ""
        moneys = find_amounts(rest)
        money = moneys[0] if moneys and rules.FILLER.match(rest[: moneys[0].start]) else None
        if money is not None and rules.NOT_ROUND_AMOUNT.match(rest[money.end :]):
            continue  # "US Gold Closes $4.9M Offering": a share offering, not a round
        if match.group("noun") is not None and clause not in after_colon:
            continue  # "Technology Funding | ...": a section name, not a company's round
        if match.group("noun") is None and match.group("inv") is None and money is None and not rules.FUNDING_NOUN.search(lower(rest)):
            continue
        change = "reported" if re.search(r"(?i)\bseeks\b|\bseeking\b|\bin talks\b", clause) else "raised"
        investors = split_names(match.group("inv")) if match.group("inv") else []
        found.append(Round(company, money, change, investors=investors, why=f"funding.roundup-clause: {_quote(clause)}", tail=rest))
    return found


_ROUNDUP_CLAUSE = re.compile(
    r"(?:(?P<inv>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2}?)\s+(?i:invests\s+in|backs)\s+)?"
    r"(?P<co>(?:[A-Z]|[a-z]{1,2}[A-Z])[\w.&'!-]*(?:\s+[A-Z][\w.&'!-]*){0,3}?)(?:\s+(?:"  # "eFishery" too
    r"(?P<noun>(?i:funding|financing|fundraise|seeks\s+funding|raises\s+cash|raises\s+funds))"
    r"|(?i:raises|raised|secures|secured|lands|landed|nets|bags|grabs|snags|scores|gets|receives|latches\s+onto|closes|"
    r"seeks|picks\s+up|reels\s+in|rakes\s+in|hauls\s+in|brings\s+in|pulls\s+in|takes\s+in|catches|pockets|scoops(?:\s+up)?|"
    r"collects|attracts|banks|racks\s+up|locks\s+up|snares|garners|clinches)\s+(?P<rest>.+)))?$"
)


# "closed its Series B financing round at $3.7 million", "completed a funding round of $10M": the round, then its size.
_ROUND_AT = re.compile(
    r"(?i)\s*(?:its|an?|the)\s+(?:[\w-]+\s+){0,3}?(?:round|financing|funding|raise)\s+(?:at|of|totall?ing|worth)\s+(?:about\s+|nearly\s+)?"
)


def _amount_after(rest: str) -> Money | None:
    """The amount right after a verb ("raised an additional $5M"), not one further on."""
    for money in find_amounts(rest[:120]):
        before = rest[: money.start]
        if rules.FILLER.match(before) or re.fullmatch(r"(?i)\s*(?:an?\s+)?(?:undisclosed\s+)?(?:amount\s+of\s+)?(?:[\w-]+\s+){0,2}", before) \
                or _ROUND_AT.fullmatch(before):
            if not rules.AFTER_EXCLUDED.match(rest[money.end :]):
                return money
        return None
    return None


def _unique(found: list[Round]) -> list[Round]:
    kept: list[Round] = []
    for item in found:
        if item.company and not any(k.company and k.company.lower() == item.company.lower() for k in kept):
            kept.append(item)
    return kept


def _quote(text: str) -> str:
    return quote(text, 90)
