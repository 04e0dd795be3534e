"""Funding rounds written in a summary's sentences, and in the clauses of a roundup headline.

Real items often carry the round only below the headline: a feature headline ("EarthOptics helps
farmers look deep into the soil") over "...and has raised $10 million", a newsletter listing
"$8.5 million for Green Bay-based Aver Informatics, $6 million for Delafield-based Montage
Talent", or a headline subject that names no company ("Gene Therapy Biotech Secures $37.5 Million")
whose company the summary names. A sentence counts only in these shapes, and never when it
is history ("last year", "previously", "to date"), a total, or an investment firm's own fund.

The subject of a money verb is read where writers put it: before an aside ("Mistral AI, barely a
month old, has raised"), after a description ("South Africa's digital banking group Tyme
announced"), in reported speech ("the announcement by Carousell that they have raised"), or, for
"It", in the sentence before. Two shapes tell a round without a money verb of the company's: a
new worth whose cause is the round ("Getir has become Europe's first grocery delivery decacorn
... following a $768 million Series E") and an investor in talks to invest ("SoftBank Group is in
advanced talks to invest in ... Kavak and ... Konfío"). Grants name their recipient after "to" ("a $30
million, five-year grant to the Seattle-based Infectious Disease Research Institute"), and a roundup may
list deals as a name and a participle ("which include ... Purplle raising $178.5 Mn and ... Eruditus
securing $150 Mn").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from signalwatch.extract import funding_patterns as rules
from signalwatch.extract.money import AMOUNT, Money, find_amounts
from signalwatch.extract.screens import Screened
from signalwatch.extract.text import company_from_subject, lower, named_company, quote, split_names, words

__all__ = ["Round", "summary_rounds", "headline_roundup", "reported_in", "is_investor_name", "LEGAL_PIECE", "without_legal_form"]


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
    r"netted|nets|collected|picked\s+up|pulled\s+in|(?:brought|brings|raked|rakes|reeled|reels)\s+in|banked|grabbed|snagged|bagged|scored|obtained|got|gets|attracts|"
    r"completed|took\s+out|takes\s+out|in\s+talks\s+to\s+raise|looking\s+to\s+raise|seeking|set\s+to\s+raise|"
    r"nearing\s+the\s+close\s+of|close\s+to\s+closing|"
    r"(?:announced|announces|unveiled|unveils)(?:\s+(?:the\s+)?(?:close|closing|completion|final\s+close)\s+of|"
    r"(?!\s+(?:that|it|today|on|last|this|\w+day)\b))|closed\s+on)"
)
_NAME = r"[A-Z][\w.&'!-]*(?:\s+(?:[A-Z][\w.&'!-]*|of|for))*"
# The nouns a writer ends a company's description with, just before its name: "e-grocery player Grofers".
_COMPANY_NOUN = (r"(?:startup|start-up|company|firm|player|developer|maker|provider|platform|operator|retailer|marketplace|app|"
                 r"lender|bank|neobank|fintech|insurtech|biotech|brand|chain|business|manufacturer|producer|financier|unicorn)")
# Names of investment firms: a sentence about their money is about a fund, not a round.
_INVESTOR_NAME = re.compile(
    r"\b(?:Ventures?|Capital|Partners|VC|Funds?|Investments?|Investors|Equity|Management|Advisors|Venture\s+Group)$"
)
_BACKGROUND = re.compile(
    r"\b(?:previously|prior|earlier(?!\s+(?:this\s+(?:week|month)|today|on\s+\w+day))|last\s+(?:year|month|round|raised|received)|to\s+date|in\s+(?:19|20)\d\d|(?<!\bit\s)had\s+raised|"
    r"since|ago|(?<!raised\sa\s)(?<!secured\sa\s)total(?:ling)?|in\s+total|(?:between|from)\s+(?:19|20)\d\d|bringing(?!\s+(?:its|the\s+company's)\s+valuation)|now\s+raised|has\s+now|so\s+far|"
    r"combined|collectively|"
    r"first\s+half|second\s+half|quarter|this\s+year|last\s+(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december|spring|summer|fall|autumn|winter))\b",
    re.IGNORECASE,
)
_REPORTED = Screened(re.compile(
    r"\b(?:in\s+(?:advanced\s+)?talks|reportedly|is\s+raising|are\s+raising|(?<!after\s)(?<!since\s)(?<!,\s)raising|seeks|seeking|looking\s+to\s+raise|"
    r"set\s+to\s+raise|plans?\s+to\s+raise|planning\s+to\s+raise|aims?\s+to\s+raise|in\s+discussions|people\s+familiar|"
    r"sources|said\s+to\s+be|according\s+to\s+(?:people|sources|a\s+person|persons|(?:media|press|news)\s+reports)|nearing|close\s+to\s+raising|"
    r"is\s+targeting|could\s+raise|would\s+raise)\b"
))  # matched against lower-cased text
_PARENTHETICAL = re.compile(r"\s*\([^()]{0,40}\)")
_TIME_TAIL = re.compile(r"\s+(?:this\s+week|last\s+week|today|yesterday|on\s+\w+day|this\s+morning|recently)\s*$", re.IGNORECASE)
# A description, then the name: "Pittsburgh-based health Abridge", "South Africa's digital banking group Tyme"; a
# description is lower-case words after at most a place or a possessive, none of them a preposition or an article.
_DESCRIPTION_THEN_NAME = re.compile(
    r"(?:[A-Z][\w.'-]*\s+){0,2}?(?:(?!(?:of|in|for|with|by|from|to|at|on|and|or|the|a|an|its|their|that|which|who)\b)[a-z][\w-]*\s+){1,5}"
    r"(?P<name>[A-Z][\w.&'!-]*(?:\s+[A-Z][\w.&'!-]*){0,2})"
)
_EXAMPLES = re.compile(r"\b(?:such\s+as|including)\s")  # "funded by a group of ... investors including Jeff Bezos, Bill Gates, ..."
_RAISED_TOTAL = re.compile(r"^\s*a\s+total\s+of\b")  # "raised a total of $250 million": the round's size, not a total to date


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
            rf"(?:will\s+|has\s+|is\s+|have\s+)?(?:agreed\s+to\s+)?(?:invest(?:s|ed|ing)?|pump(?:s|ed|ing)?|inject(?:s|ed|ing)?|infus(?:es|ed)|pour(?:s|ed|ing)?|"
            rf"(?:is\s+)?leading|led|leads|put|puts|putting|commit(?:s|ted|ting)?)\s+(?:an?\s+|up\s+to\s+)?(?P<amount>(?i:{AMOUNT}))\s+"
            rf"(?:[\w-]+\s+){{0,4}}?(?P<prep>in|into|for|to)\s+"
            r"(?:[A-Z][\w.&'-]*-based\s+(?:[a-z][\w-]*\s+){0,6}"  # "for UK-based surgical robotics technology developer CMR Surgical"
            # "in cosmetics developer Hygienic Research Institute", "into e-grocery player Grofers": a description ending in a company noun
            rf"|(?:[A-Z][\w.'-]*['’]s\s+)?(?:[a-z][\w-]*\s+){{0,4}}?{_COMPANY_NOUN}\s+)?"
            r"(?P<co>(?!Series\b|[A-Z]\s)(?:[A-Z]|[a-z]{1,2}(?=[A-Z]))[\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})"  # "eFishery", "iRhythm"
        ),
        # "Blue Earth Capital has announced a $16mn loan to Samunnati", "IFC has provided yet another $25 million loan to Pran-RFL
        # Group": a lender's loan to a named borrower (LABELLING.md: debt is funding, round `debt`, company = the borrower)
        "lends": re.compile(
            rf"\b(?:provided|provides|extended|extends|announced|announces|approved|approves|granted|grants|arranged|arranges)\s+"
            rf"(?:(?:an?|another|one\s+more|yet\s+another|just|further|additional|new)\s+){{0,3}}(?P<amount>(?i:{AMOUNT}))\s+"
            rf"(?:[\w-]+\s+){{0,3}}?(?:loan|credit\s+facility|credit\s+line|debt\s+facility|term\s+loan)\s+to\s+(?:the\s+)?"
            rf"(?:[A-Z][\w.&'-]*-based\s+|(?:[a-z][\w-]*\s+){{0,4}}?{_COMPANY_NOUN}\s+)?"
            r"(?P<co>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})"
        ),
        # "Hg Capital purchased an undisclosed stake in Winnipeg-based Payworks Inc.", "Sequoia Capital Partners made a minority
        # growth capital investment in U.K.-based Charlotte Tilbury Beauty": an investor's minority stake is the company's round
        "minority-stake": re.compile(
            r"(?P<inv>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,4})\s+(?:has\s+|have\s+|will\s+|to\s+)?(?:acquired|acquires|acquire|bought|buys|buy|"
            r"purchased|purchases|took|takes|made|makes)\s+(?:an?\s+)?(?P<kind>minority|undisclosed)\s+(?:[\w-]+\s+){0,3}?(?:stake|investment)\s+"
            rf"in\s+(?:the\s+)?(?:[A-Z][\w.&'-]*-based\s+|(?:[a-z][\w-]*\s+){{0,4}}?{_COMPANY_NOUN}\s+)?"
            r"(?P<co>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})"
        ),
        # "The latest is a company called Twelve, which has raised $645 million", "The biggest round went to Chinese scale-up Yuanxin
        # Tech, which raised a whopping $465 million", "The standout of the week was Dhan, a Mumbai-based fintech platform, which
        # raised $120 million": a company the sentence presents, its round in the relative clause
        "presented-which": re.compile(
            r"\b(?:is|was|are|were|went\s+to|goes\s+to|called|named|dubbed)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?"
            r"(?P<co>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})(?:,\s+(?:an?|the)\s+[^,]{3,80})?,\s+which\s+"
            r"(?:has\s+|have\s+|just\s+|recently\s+|today\s+){0,2}(?:raised|secured|closed|landed|received|bagged|netted|banked)\s+"
            rf"(?:an?\s+)?(?:[\w-]+\s+){{0,2}}?(?P<amount>(?i:{AMOUNT}))"
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
        # "a $30 million, five-year grant to the Seattle-based Infectious Disease Research Institute", "grants of $10 million to
        # Vir Biotechnology ... and $18.7 million over five years to Virginia Commonwealth University's ...": a grant's recipient
        "grant-to": re.compile(
            rf"(?:\b(?i:grants?)\s+(?:of\s+)?|\band\s+)?(?P<amount>(?i:{AMOUNT}))(?:,?(?:\s+[\w-]+){{1,3}}?)??\s+"
            rf"(?P<grant>(?i:grants?)\s+)?to\s+(?:the\s+)?(?:[\w.-]+-based\s+)?(?P<co>{_NAME})"
        ),
        # "two major deals, which include Beauty e-commerce unicorn Purplle raising $178.5 Mn and edtech unicorn Eruditus
        # securing $150 Mn": rounds listed as a name and a participle, after "include"/"including"/"such as"/"and"
        "participle-list": re.compile(
            r"\b(?:include|includes|included|including|such\s+as|and)\s+(?:(?:the\s+)?(?:[\w-]+\s+){0,4}?)"
            r"(?P<co>(?:[A-Z]|[a-z]{1,2}(?=[A-Z]))[\w.&'!-]*(?:\s+[A-Z][\w.&'!-]*){0,2})\s+"
            rf"(?:raising|securing|bagging|landing|netting|grabbing|closing|scoring|snagging)\s+(?P<amount>(?i:{AMOUNT}))"
        ),
        # "had awarded Stanford University a $50 million grant"
        "awarded-grant": re.compile(
            rf"\b(?i:awarded|granted|gave|given|awards|grants|gives)\s+(?:the\s+)?(?P<co>{_NAME})\s+an?\s+(?P<amount>(?i:{AMOUNT}))"
            r"(?:,?\s+[\w-]+)?\s+(?i:grant)\b"
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


def _named_amounts(match: re.Match[str]) -> tuple[str | None, list[Money]]:
    """The company a shape's "co" group names and the amounts its "amount" group holds."""
    return company_from_subject(match.group("co")), find_amounts(match.group("amount"))


def _change_in(text: str) -> str:
    """The change a clause tells of its round: "reported" for talks, plans or rumour (`reported_in`), else "raised"."""
    return "reported" if reported_in(text) else "raised"


def summary_rounds(sentences: list[str], headline_company: str | None = None) -> list[Round]:
    """Every round the sentences report in one of the shapes above, in order."""
    found: list[Round] = []
    previous = ""
    for number, sentence in enumerate(sentences, 1):
        before, previous = previous, sentence
        tokens = words(sentence)
        if not _worth_reading(sentence, tokens):
            continue
        sentence = _PARENTHETICAL.sub("", sentence).replace("--", ", ")
        if _DIGIT.search(sentence):  # the shapes with an amount
            found.extend(_list_rounds(sentence, number))
            if "grant" in tokens or "grants" in tokens:
                found.extend(_grant_rounds(sentence, number))
            if tokens & _LIST_WORDS and tokens & _PARTICIPLES:
                found.extend(_participle_rounds(sentence, number))
            found.extend(_invested_rounds(sentence, number))
            if tokens & _LOAN_WORDS:
                found.extend(_lent_rounds(sentence, number))
            found.extend(_possessive_rounds(sentence, number))
        if tokens & _VERB_WORDS:
            found.extend(_subject_rounds(sentence, number, headline_company or _named_subject(sentence) or _named_subject(before)))
        if "talks" in tokens:
            found.extend(_talks_rounds(sentence, number))
        if "which" in tokens and _DIGIT.search(sentence):
            found.extend(_presented_rounds(sentence, number))
        if tokens & _MINORITY_WORDS and ("stake" in tokens or "investment" in tokens):
            found.extend(_stake_rounds(sentence, number))
        if _LIST_CUE.search(sentence):
            found.extend(_named_rounds(sentence, number))
        found.extend(_with_rounds(sentence, number))
        if tokens & _WORTH_WORDS and _AFTER_WORDS.search(sentence):
            found.extend(_status_after_rounds(sentence, number, headline_company))
    return _unique(found)


# Words without which a shape cannot match: cheap screens before the costly patterns.
_VERB_WORDS = frozenset(
    """raised raises raising secured secures securing closed closes landed lands received receives gained attracted attracts
    netted nets collected picked pulled brought brings raked rakes reeled reels banked grabbed snagged bagged scored obtained got
    gets completed took takes talks
    looking seeking set nearing close announced announces unveiled unveils disclosed""".split()
)
_LIST_CUE = Screened(re.compile(r"(?:rounds|financings|fundings|funding)\s+for\b|\bamong\b"))


def _worth_reading(sentence: str, tokens: frozenset[str]) -> bool:
    if tokens.isdisjoint(_SENTENCE_CUES) and not _MONEY_SIGN.search(sentence):
        return False
    if not tokens.isdisjoint(_CAMPAIGN_WORDS):
        return False  # backers of a campaign or donors, not investors (LABELLING.md)
    return not rules.about_a_fund(sentence) and not rules.not_a_round(lower(sentence), tokens)


# Backers of a campaign or givers of a gift, not investors: "raised $1.2 million on Kickstarter", "is donating $50 million to MIT".
_CAMPAIGN_WORDS = frozenset("kickstarter indiegogo gofundme donating donates donated donation donations charity charities charitable".split())


# A cheap screen: a sentence without one of these words (or a currency sign) cannot hold any of the shapes.
_SENTENCE_CUES = frozenset(
    """raise raises raised raising secure secures secured securing close closed closes closing land landed lands receive
    received receives gain gained gains attract attracted attracts net nets netted collect collected collects picked pulled
    bank banked banks grab grabbed grabs snag snagged snags bag bagged bags score scored scores obtain obtained got gets
    complete completed took takes invest invests invested investing investment pump pumps pumped inject injects injected
    infused infuses led leads leading talks seek seeks seeking million billion mn bn crore rounds funding financing""".split()
)
_MONEY_SIGN = re.compile(r"[$€£₹¥]")


def _subject_and_aside(subject: str, headline_company: str | None) -> tuple[list[str], str]:
    """The companies a verb's subject names, and the aside set off by commas in it ("" when none).

    The aside describes the company, its history included ("FreshBooks, the business I co-founded 10 years ago in my
    parents' basement, has secured"), so the caller reads the round's background without it.
    """
    if _SUBORDINATE_SUBJECT.match(subject):
        return [], ""  # "In August, when construction tech startup Agora announced": a clause about the past
    companies = _subject_companies(subject, headline_company)
    aside = _ASIDE.search(subject) if subject.endswith(",") else None
    if aside is not None:
        # "Lightspeed POS, Montreal's point-of-sale system for retailers and restaurants, raised"
        core = subject[: aside.start()].rsplit(", ", 1)[-1]
        trailing = _DESCRIBED_NAME.search(core)
        companies = companies or _subject_companies(core, headline_company) or (
            _subject_companies(trailing.group("name"), None) if trailing else [])
    if not companies:
        # "Pittsburgh-based health Abridge recently closed", "On Tuesday, South Africa's digital banking group Tyme
        # announced the completion of": a description of the company, then its name
        described = _DESCRIPTION_THEN_NAME.fullmatch(_TIME_TAIL.sub("", subject.rstrip()).rsplit(", ", 1)[-1])
        companies = _subject_companies(described.group("name"), None) if described else []
    return companies, aside.group(0) if aside else ""


def _subject_rounds(sentence: str, number: int, headline_company: str | None) -> list[Round]:
    """"<Company> has raised $X in a Series A": the subject read back from the verb, the amount and round after it."""
    found: list[Round] = []
    for match in _patterns()["subject"].finditer(sentence):
        subject, rest = sentence[: match.start()].rsplit(";", 1)[-1].rstrip(), sentence[match.end() :]
        if not subject or _EXAMPLES.search(subject):
            continue  # "Companies looking for new ways ... - such as Genalyte, Grail and Guardant - have raised": a group
        companies, aside = _subject_and_aside(subject, headline_company)
        if not companies:
            continue
        head = sentence[: match.end("verb")].replace(aside, " ") if aside else sentence[: match.end("verb")]
        if _BACKGROUND.search(head) or _BACKGROUND.search(_RAISED_TOTAL.sub("", rest[:90])):
            continue
        money = _amount_after(rest)
        window = lower(rest[:100])
        if money is None and not rules.FUNDING_NOUN.search(window):
            continue
        if _ANNOUNCE_ONLY.fullmatch(match.group("verb")) and (money is None or not _ROUND_AFTER.match(rest[money.end :])):
            continue  # "announced a $14M Series A", not "announced a $30M partnership" or "a new investment in"
        if money is not None and (rules.NOT_ROUND_AMOUNT.match(rest[money.end :]) or rules.capex_after(rest, money.end)):
            continue  # "has completed a €180m (US$224m) four-year expansion": spending, not a round
        if re.search(r"\bfunds?\b(?!ing)", window) and not re.search(r"\b(?:funding|round|series|seed|financing)\b", window):
            continue  # "raised $195 million for its second fund"
        verb = match.group("verb").lower()
        change = "reported" if verb in ("raising", "seeking") or " to raise" in verb or reported_in(sentence) else "raised"
        why = f"funding.summary-sentence {number}: {_quote(subject[-60:] + ' ' + match.group(0) + rest[:30])}"
        found.extend(Round(company, money, change, why=why, tail=rest) for company in companies)
    return found


# A description set off by commas between a subject and its verb: ", barely a month old,", ", which covers the world of
# European start-ups,", ", Montreal's point-of-sale system for retailers and restaurants,". One of its first two words is
# lower case, so that a list of names ("Acme, Beta, Gamma and Delta raised") is no aside.
_ASIDE = re.compile(r",\s+(?=(?:\S+\s+)?[a-z])[^,;]{3,140},\s*$")
# A name after a lower-case description of it: "Financial Times-backed website Sifted".
_DESCRIBED_NAME = re.compile(r"(?<=[a-z] )(?P<name>[A-Z][\w.&'!-]*(?:\s+[A-Z][\w.&'!-]*){0,2})$")


# "announced"/"unveiled" alone report a round only as "<amount> <round noun>" ("announced $40 million in Series A financing").
_ANNOUNCE_ONLY = re.compile(r"(?i)announced|announces|unveiled|unveils")
_ROUND_AFTER = re.compile(
    r"(?i)\s+(?:in\s+)?(?:[\w-]+\s+){0,3}?(?:round|funding|financing|fundraise|raise|seed|series\s+[a-k]|venture\s+debt|credit\s+facility)\b"
)


# The subject of a sentence's main clause, when a name: "..., and Lineage Logistics is among the biggest ...",
# "Kuda Technologies, a leading innovator in this space, has recently announced ...".
_NAMED_SUBJECT = re.compile(
    r"(?:^|,\s+(?:and\s+|but\s+)?)(?:(?:[A-Z][\w.'-]*\s+){0,2}?(?:(?!(?:of|in|for|with|by|from|to|at|on|and|or|the|a|an)\b)[a-z][\w-]*\s+){1,5})?"
    r"(?P<name>[A-Z][\w.&'!-]*(?:\s+[A-Z][\w.&'!-]*){0,3})(?:,\s+[^,]{3,100},)?\s+"
    r"(?:is|was|has|had|will|plans|said|says|announced)\b"
)


def _named_subject(sentence: str) -> str | None:
    """The company the sentence before is about, for "It has also raised $1.9bn" when the headline names none."""
    match = _NAMED_SUBJECT.search(sentence)
    company = company_from_subject(match.group("name")) if match else None
    return company if company and not is_investor_name(company) else None


# A company that tells its own round in reported speech: "... by Carousell that they", "Acme told Reuters that it".
_TOLD_BY = re.compile(
    r"(?:^|\s)(?:by\s+)?(?P<name>[A-Z][\w.&'!-]*(?:\s+[A-Z][\w.&'!-]*){0,2})(?:\s+(?:told|confirmed\s+to|informed)\s+"
    r"[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2})?\s+that\s+(?:it|they)\s*$"
)


def _subject_companies(subject: str, headline_company: str | None) -> list[str]:
    """The companies a sentence subject names: one, two ("DeepRoute and Momenta"), or the headline's ("The company")."""
    if headline_company and re.fullmatch(r"(?i)\s*the\s+(?:[\w,.-]+\s+){0,4}?(?:company|firm|startup|biotech)\s*,?\s*", subject):
        return [headline_company]
    pair = re.fullmatch(r"\s*(?P<a>[A-Z][\w.&'-]*)\s+and\s+(?P<b>[A-Z][\w.&'-]*)\s*", _TIME_TAIL.sub("", subject))
    if pair:
        both = [company_from_subject(pair.group("a")), company_from_subject(pair.group("b"))]
        return [c for c in both if c and not is_investor_name(c)] if all(both) else []
    last = _LAST_OF_LIST.search(subject)
    if last is not None:
        # "Commure gets $500m, Spring Health gets $190m, and Tia": the last clause of a list has its own subject
        subject = last.group("rest")
    if _SUBORDINATE_SUBJECT.match(subject):
        return []  # "Having netted $115 million last October, ...": a clause before the subject, about the past
    told = _TOLD_BY.search(subject)
    if told is not None:
        # "the announcement by Carousell that they have raised", "Acme confirmed to TechCrunch that it has raised"
        company = company_from_subject(told.group("name"))
        return [company] if company and not is_investor_name(company) else []
    subject = without_legal_form(subject)  # "Galera Therapeutics, Inc., a clinical-stage biotech, ...": the name, not "Inc."
    company = named_company(subject)
    if company is None and headline_company and re.search(
        r"(?i)(?:^|,\s*|\b(?:and|but)\s+)(?:the\s+(?:[\w,.-]+\s+){0,4}?(?:company|firm|startup|biotech)|it)\s*,?\s*$", subject
    ):
        company = headline_company  # "The Palo Alto, CA-based company has raised $16.5 million": the item's own company
    return [company] if company and not is_investor_name(company) else []


# The subject of a list's last clause, after ", and" or "; and": "..., and Tia", "; and Dutch startup Axelera AI".
_LAST_OF_LIST = re.compile(r"(?:^|[,;])\s*and\s+(?P<rest>[^,;]+)$")
# A legal form written as its own comma piece after a name.
LEGAL_PIECE = re.compile(r",\s+(?:Inc|Corp|Ltd|LLC|plc|PLC|GmbH|AG|SA|S\.A|N\.V|B\.V)\.?(?=\s*,|\s*$)")
# The private limited company's form after a name (India, Singapore): "Pvt. Ltd", "Private Limited", "Pte. Ltd.".
_PRIVATE_LIMITED = re.compile(r"\s+(?:Pvt\.?|Pte\.?|Private)\s+(?:Ltd\.?|Limited)(?=\s*,|\s*$)")


def without_legal_form(subject: str) -> str:
    """A subject without the legal form written after its name: "Galera Therapeutics, Inc., a clinical-stage biotech," and
    "Grofers India Pvt. Ltd" (whose "Pvt. Ltd" `named_company` would read as a name of its own, "Ltd")."""
    return _PRIVATE_LIMITED.sub("", LEGAL_PIECE.sub("", subject))
# "Having netted ...", "In August, when construction tech startup Agora announced ...": a clause about the past before the subject.
_SUBORDINATE_SUBJECT = re.compile(r"\s*(?:(?:In|On|By|During|Back\s+in)\s+[^,]{1,25},\s+)?(?:Having|After|Before|Since|When|Once|when|after|once)\b")


def _list_rounds(sentence: str, number: int) -> list[Round]:
    if not rules.FUNDING_NOUN.search(lower(sentence)):
        return []
    found = []
    for match in _patterns()["for"].finditer(sentence):
        company, moneys = _named_amounts(match)
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
        if match.group("prep") == "to" and "commit" not in match.group(0):
            continue  # "is committing up to $60 million to Gyroscope Therapeutics"; not "invested $5M to build"
        if _ASSET_AFTER.match(sentence, match.end("co")):
            continue  # "invests $31 million in Aura's Borborema project": an asset, not a company's round
        if _OWN_SPENDING.search(sentence, match.end("amount"), match.start("prep")):
            continue  # "Glovo is to inject €3.3 million in funding its expansion in Ghana": the subject spends on itself
        change = _change_in(sentence)
        names = split_names(investor) if investor else []
        led = bool(re.search(r"\blead|\bled\b", match.group(0)))
        found.append(Round(company, moneys[0], change, investors=names, leads=names if led else [], tail=match.group(0),
                           why=f"funding.investor-invests (summary sentence {number}): {_quote(match.group(0))}"))
    return found


_LOAN_WORDS = frozenset("loan facility line".split())
_MINORITY_WORDS = frozenset("minority undisclosed".split())


def _presented_rounds(sentence: str, number: int) -> list[Round]:
    """A company a sentence presents ("The latest is a company called Twelve") and the round its relative clause tells
    ("which has raised $645 million"); never history ("which had raised", "which raised $20M last year")."""
    found = []
    for match in _patterns()["presented-which"].finditer(sentence):
        company, moneys = _named_amounts(match)
        rest = sentence[match.end() :]
        if not (company and moneys) or is_investor_name(company) or _BACKGROUND.search(match.group(0) + rest[:60]):
            continue
        if rules.NOT_ROUND_AMOUNT.match(rest) or rules.about_a_fund(sentence):
            continue
        found.append(Round(company, moneys[0], _change_in(sentence), tail=rest,
                           why=f"funding.presented-which-raised (summary sentence {number}): {_quote(match.group(0))}"))
    return found


def _stake_rounds(sentence: str, number: int) -> list[Round]:
    """An investor's minority stake in a named company: the company's round, its size untold (LABELLING.md: a majority
    stake is an acquisition, never funding)."""
    found = []
    for match in _patterns()["minority-stake"].finditer(sentence):
        company = company_from_subject(without_legal_form(match.group("co")))
        investor = company_from_subject(match.group("inv"))
        if not company or is_investor_name(company) or _BACKGROUND.search(match.group(0)):
            continue
        found.append(Round(company, None, _change_in(sentence), investors=[investor] if investor else [],
                           tail=match.group(0), why=f"funding.minority-stake (summary sentence {number}): {_quote(match.group(0))}"))
    return found


def _lent_rounds(sentence: str, number: int) -> list[Round]:
    """A lender's loan to a named borrower: the borrower's debt round, the lender its investor."""
    found = []
    for match in _patterns()["lends"].finditer(sentence):
        company, moneys = _named_amounts(match)
        if not (company and moneys) or is_investor_name(company) or _BACKGROUND.search(sentence[: match.start()] + match.group(0)):
            continue
        found.append(Round(company, moneys[0], _change_in(sentence), round="debt", tail=match.group(0),
                           why=f"funding.loan-to (summary sentence {number}): {_quote(match.group(0))}"))
    return found


_LIST_WORDS = frozenset("include includes included including such".split())
_PARTICIPLES = frozenset("raising securing bagging landing netting grabbing closing scoring snagging".split())


def _participle_rounds(sentence: str, number: int) -> list[Round]:
    """Rounds a list names as "<name> raising <amount>" after "include": the deals the sentence counts, each its own round.

    Only after a list word ("which include", "including", "such as") and the "and" that continues such a list: "GeneCentric
    raising $20M Series B" alone is a round in progress (`_subject_rounds`).
    """
    start = re.search(r"\b(?:include|includes|included|including|such\s+as)\s", sentence)
    if start is None:
        return []
    found = []
    for match in _patterns()["participle-list"].finditer(sentence, start.start()):
        company, moneys = _named_amounts(match)
        if company and moneys and not is_investor_name(company) and not _BACKGROUND.search(match.group(0)):
            found.append(Round(company, moneys[0], tail=sentence[match.end("amount") :],
                               why=f"funding.listed-deal (summary sentence {number}): {_quote(match.group(0))}"))
    return found


def _grant_rounds(sentence: str, number: int) -> list[Round]:
    """Grants to named recipients (LABELLING.md: funding, round `grant`, company = the recipient).

    "to" after an amount names a recipient only in a sentence that calls the money a grant, and only when the word
    "grant" is next to the amount ("a $30 million, five-year grant to") or the amount continues a list of grants
    ("grants of $10 million to X ... and $18.7 million over five years to Y").
    """
    found = []
    grants_listed = False
    for key in ("grant-to", "awarded-grant"):
        for match in _patterns()[key].finditer(sentence):
            head = match.group(0)[: match.start("amount") - match.start()].lower()
            if key == "grant-to":
                listed = head.startswith("grant") or (head.startswith("and") and grants_listed)
                if not (match.group("grant") or listed):
                    continue
                grants_listed = grants_listed or head.startswith("grant")
            # "... Institute for adjuvants"; "to Virginia Commonwealth University's Medicines for All Institute": the university
            company = company_from_subject(re.sub(r"\s+(?:of|for)$", "", re.split(r"['’]s\s", match.group("co"))[0]))
            moneys = find_amounts(match.group("amount"))
            if company and moneys and not is_investor_name(company) and not _BACKGROUND.search(match.group(0)):
                found.append(Round(company, moneys[0], round="grant", tail=match.group(0),
                                   why=f"funding.grant-to (summary sentence {number}): {_quote(match.group(0))}"))
    return found


# What follows a name when the money goes into an asset of it, not into a company: a project, a mine, a plant.
_ASSET_AFTER = re.compile(r"(?:'s)?\s+(?:project|mine|plant|facility|property|deposit|asset|site|field|royalty|stream|factory|"
                          r"gigafactory|campus|headquarters|operations|expansion)s?\b")
# Money a subject puts into its own business: "... to inject €3.3 million in funding its expansion in Ghana".
_OWN_SPENDING = re.compile(r"\b(?:its|their)\s")


_AFTER_WORD = re.compile(r"(?i)\b(?:after|following|since|before|despite)\s+$")


def _possessive_rounds(sentence: str, number: int) -> list[Round]:
    found = []
    for match in _patterns()["possessive"].finditer(sentence):
        company, moneys = _named_amounts(match)
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
        company, moneys = _named_amounts(match)
        if company and moneys and not is_investor_name(company) and not _BACKGROUND.search(sentence[: match.start()] + match.group(0)):
            found.append(Round(company, moneys[0], tail=match.group(0), why=f"funding.round-by (summary sentence {number}): {_quote(match.group(0))}"))
    for match in _patterns()["for-by"].finditer(sentence) if " by " in sentence else ():
        company, moneys = _named_amounts(match)
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


# "Japan's SoftBank Group is in advanced talks to invest in the Mexican used car platform Kavak and the financial technology
# firm Konfío", "Mitsubishi UFJ Financial Group is in talks to invest about $200 million in Akulaku": an investor's round, reported.
_TALKS_TO_INVEST = re.compile(
    r"\b(?:is|are|was|were)\s+(?:reportedly\s+|said\s+to\s+be\s+|now\s+)?in\s+(?:advanced\s+|early\s+|final\s+)?talks\s+to\s+"
    r"(?:invest\s+(?:(?:about|around|up\s+to|as\s+much\s+as|more\s+than)\s+)?(?P<amount>[^\s,;]{1,12}(?:\s+(?:million|billion|mn|bn))?\s+)?in|"
    r"back|fund)\s+(?P<obj>[^;:()]{2,160}?)(?=,|\.|;|\s+(?:to|as|at|for|which|that|according|said|amid|after|with)\b|$)"
)
# One company of the object list: "the Mexican used car platform Kavak", "Akulaku".
_LISTED_COMPANY = re.compile(r"^(?:(?:the|a|an)\s+)?(?:[\w'-]+\s+){0,6}?(?P<name>[A-Z0-9][\w.&'!-]*(?:\s+[A-Z0-9][\w.&'!-]*){0,2})$")


def _talks_rounds(sentence: str, number: int) -> list[Round]:
    """Rounds an investor is said to be in talks to make: one per company it names, `reported`."""
    found: list[Round] = []
    for match in _TALKS_TO_INVEST.finditer(sentence):
        investor = named_company(sentence[: match.start()].rsplit(",", 1)[-1])
        if investor is None:
            continue
        moneys = find_amounts(match.group("amount") or "")
        pieces = re.split(r",\s+(?:and\s+)?|\s+and\s+", match.group("obj").strip())
        for piece in pieces:
            listed = _LISTED_COMPANY.match(piece.strip())
            company = company_from_subject(listed.group("name")) if listed else None
            if company is None or is_investor_name(company) or company.lower() == investor.lower():
                continue
            found.append(Round(company, moneys[0] if moneys and len(pieces) == 1 else None, "reported", investors=[investor],
                               tail=match.group(0), why=f"funding.talks-to-invest (summary sentence {number}): {_quote(match.group(0))}"))
    return found


_AFTER_WORDS = re.compile(r"\b(?:after|following)\s")
_WORTH_WORDS = frozenset("value valued valuation worth unicorn decacorn valuable".split())  # a cheap screen for `_STATUS_WORDS`
# The main verb of a sentence that tells a company's new worth or status: "Getir has become Europe's first grocery delivery
# decacorn", "Moniepoint has attained a unicorn status", "Canva has hit a $US40 billion valuation", "X is now valued at $2bn".
_STATUS_VERB = re.compile(
    r"\s(?:(?:has|have|had)\s+(?:now\s+|just\s+)?|(?:is|was)\s+(?:now\s+)?)?(?:become|becomes|became|hit|hits|reach(?:es|ed)?|"
    r"attain(?:s|ed)?|achieve[sd]?|join(?:s|ed)?|enter(?:s|ed)?|cross(?:es|ed)?|top(?:s|ped)?|valued|doubled|tripled|"
    r"quadrupled|soared|jumped|climbed|risen|rose)\b"
)
# Words after the verb that make it about worth or status (lower-cased text).
_STATUS_WORDS = re.compile(r"\b(?:valu(?:e|ed|ation)|worth|unicorn|decacorn|most\s+valuable)\b")
# "after a funding round", "following a $768 million Series E", "after it received fresh funding of about $110 million",
# "after securing a new round of funding": the round that made the new worth (lower-cased text).
_AFTER_ROUND = re.compile(
    r"\b(?:after|following)\s+(?:(?:it|the\s+(?:company|startup|firm))\s+)?(?:(?:has\s+|had\s+)?[a-z]+(?:ed|ing)\s+)?"
    r"(?:(?:an?|its|the|this|new|fresh|latest|further|another|additional|recent)\s+){0,3}"
    r"(?:(?:[$€£₹]|us\$|[a-z]{3}\s)?[\d.,]+\s?(?:[mb]n?|million|billion|crore)?\s+(?:of\s+)?)?(?:[\w-]+\s+){0,3}?"
    r"(?:round|funding|financing|investment|fundraise|fundraising|capital\s+rais\w+|series\s+[a-k]\b)"
)


def _status_after_rounds(sentence: str, number: int, headline_company: str | None) -> list[Round]:
    """A new worth or status told as the outcome of this round: the round "after" it is the news, not history.

    "Getir has become Europe's first grocery delivery decacorn after reaching an $11.8 billion valuation following a
    $768 million Series E"; "Moniepoint has attained a unicorn status, ... after it received fresh funding of about
    $110 million". The subject must name the company and open the sentence; history ("last year", "in 2021") refuses.
    """
    verb = _STATUS_VERB.search(sentence)
    if verb is None or verb.start() > 120:
        return []
    low = lower(sentence)
    after = _AFTER_ROUND.search(low, verb.end())
    if after is None or not _STATUS_WORDS.search(low, verb.start(), after.start()) or _BACKGROUND.search(low[after.start() : after.end() + 40]):
        return []
    subject = sentence[: verb.start()]
    if re.search(r"(?i)\b(?:which|who|that|when|if)\b", subject):
        return []
    companies = _subject_companies(subject, headline_company)
    if len(companies) != 1:
        return []
    window = sentence[after.start() : after.end() + 40]
    lead = len(window.split(None, 1)[0])  # "following a $768 million Series E" is this round, not one before it
    money = next((m for m in find_amounts(window) if not rules.AFTER_EXCLUDED.match(window[m.end :])
                  and not rules.BEFORE_EXCLUDED.search(window[lead : m.start])), None)
    series = re.search(r"\bseries\s+([a-k])\b", low[after.start() : after.end()])
    named = None if series is None else f"series_{series.group(1)}" if series.group(1) in "abc" else "series_d_plus"
    return [Round(companies[0], money, _change_in(sentence), round=named, tail=window,
                  why=f"funding.worth-after-round (summary sentence {number}): {_quote(sentence[verb.start() : after.end()].strip())}")]


def headline_roundup(headline: str, skip: str | None) -> list[Round]:
    """The other rounds of a roundup headline ("Wow! Momo Raises $8.5 Mn, Groq Secures $750 Mn, ..."), one per clause.

    Only headlines of several clauses; `skip` is the company of the headline's own round. A
    clause must be "<Name> <verb> <amount>", "<Investor> invests in <Name>", or, after the
    roundup's colon, "<Name> funding".
    """
    if not any(map(headline.__contains__, ",;|-&")):
        return []  # a cheap screen: one clause, as every mark the clauses are split at below holds one of these
    clauses = [c.strip() for c in re.split(r"\s*[,;|]\s+|\s+-\s+|\s+&\s+", headline) if c.strip()]
    if len(clauses) < 2:
        return []
    after_colon = headline.split(": ", 1)[1] if ": " in headline else ""
    found: list[Round] = []
    listing: list[str] = []  # the investors of an "<Investor> invests in A, B, and C" list still being read
    in_list = False  # such a list, or "fundings for A, B, C", is being read
    for clause in clauses:
        clause = clause.split(": ")[-1]
        listed = _LISTED_NAME.match(clause) if in_list else None
        if listed is not None:
            # "Visa invests in Orda, Oze, WorkPay, and OkHi to boost African financial inclusion": each name is an investee
            company = company_from_subject(listed.group("co"))
            if company and not is_investor_name(company):
                found.append(Round(company, investors=list(listing), why=f"funding.roundup-list: {_quote(clause)}"))
                if listed.group("last"):
                    listing, in_list = [], False
                continue
        listing, in_list = [], False
        match = _ROUNDUP_CLAUSE.match(clause)
        if not match or rules.not_a_round(lower(clause), words(clause)):
            continue
        company = company_from_subject(match.group("co"))
        if company is None or (skip and company.lower() == skip.lower()) or is_investor_name(company):
            continue
        rest = match.group("rest") or ""
        moneys = find_amounts(rest)
        money = moneys[0] if moneys and rules.FILLER.match(rest[: moneys[0].start]) else None
        if money is not None and (rules.NOT_ROUND_AMOUNT.match(rest[money.end :]) or rules.capex_after(rest, money.end)):
            continue  # "US Gold Closes $4.9M Offering": a share offering, not a round; an expansion is spending
        if match.group("noun") is not None and clause not in after_colon:
            continue  # "Technology Funding | ...": a section name, not a company's round
        if match.group("noun") is None and match.group("inv") is None and match.group("for") is None and money is None \
                and not rules.FUNDING_NOUN.search(lower(rest)):
            continue
        change = "reported" if re.search(r"(?i)\bseeks\b|\bseeking\b|\bin talks\b", clause) else "raised"
        investors = split_names(match.group("inv")) if match.group("inv") else []
        found.append(Round(company, money, change, investors=investors, why=f"funding.roundup-clause: {_quote(clause)}", tail=rest))
        listing = investors if match.group("inv") and not rest else []
        in_list = bool(match.group("inv") or match.group("for")) and not rest
    return found


# A bare name continuing an investee list; "and" (or a purpose after it) ends the list.
_LISTED_NAME = re.compile(r"(?P<last>and\s+)?(?P<co>[A-Z][\w.&'!-]*(?:\s+[A-Z][\w.&'!-]*){0,2})(?(last)(?:\s+(?:to|for)\s+[a-z].*)?)$")


_ROUNDUP_CLAUSE = re.compile(  # "Short takes: fundings for Huma, Truvian, ...": a list of companies that raised
    r"(?:(?P<inv>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2}?)\s+(?i:invests\s+in|backs)\s+|(?P<for>(?i:fundings|rounds|financings)\s+for\s+))?"
    r"(?P<co>(?:[A-Z]|[a-z]{1,2}[A-Z])[\w.&'!-]*(?:\s+[A-Z][\w.&'!-]*){0,3}?)(?:\s+(?:"  # "eFishery" too
    r"(?P<noun>(?i:funding|financing|fundraise|seeks\s+funding|raises\s+cash|raises\s+funds))"
    r"|(?i:raises|raised|secures|secured|lands|landed|nets|bags|grabs|snags|scores|gets|receives|latches\s+onto|closes|"
    r"seeks|picks\s+up|reels\s+in|rakes\s+in|hauls\s+in|brings\s+in|pulls\s+in|takes\s+in|catches|pockets|scoops(?:\s+up)?|"
    r"collects|attracts|banks|racks\s+up|locks\s+up|snares|garners|clinches)\s+(?P<rest>.+)))?$"
)


# "closed its Series B financing round at $3.7 million", "completed a funding round of $10M": the round, then its size.
_ROUND_AT = re.compile(
    r"(?i)\s*(?:its|an?|the)\s+(?:[\w-]+\s+){0,4}?(?:round|financing|funding|raise)"
    r"(?:\s+(?:at|of|totall?ing|worth)\s+(?:about\s+|nearly\s+)?|\s*-\s*)"  # "its first round of institutional funding—$30M"
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
    """One round per company, the first told; a later sentence's amount completes one told without it.

    "Instacart has raised a new round of financing that makes it ... . ..., Instacart has raised $225 million in a
    new funding round led by DST Global": one round, $225 million.
    """
    kept: list[Round] = []
    for item in found:
        twin = next((k for k in kept if item.company and k.company and k.company.lower() == item.company.lower()), None)
        if twin is None:
            if item.company:
                kept.append(item)
        elif twin.money is None and item.money is not None and item.change == twin.change:
            twin.money, twin.tail = item.money, item.tail
            twin.why += f"; amount from {item.why}"
    return kept


def _quote(text: str) -> str:
    return quote(text, 90)
