"""Funding rounds read from the clause around a money amount, whatever the verb.

The wording-specific shapes of `funding` and `funding_summary` know their verbs ("raises",
"secures", "lands"); real writing takes money with any verb ("Cellarity made $121 million in its
recent Series C", "WuXi raked in $150 million in a Series B financing round", "Higher Steaks
rebrands to Uncommon, raises $30 million Series A"). This reader starts from the amount instead:

1. the amount must be tied to a round: a round noun right after it ("$12M Seed", "$110 million
   investment", "$150 million in a Series B financing round"), a round noun right before it
   ("Series C funding of more than $70 million"), investors right after it ("$3.3 million ...
   from OurCrowd & others", "$100m led by Temasek"), or "raise" right before it ("is seeking to
   raise $400 million");
2. the amount must be this round's, not a valuation, a total to date, a fund, a price, revenue or
   a programme's pot ("funding for startups");
3. the verb before it decides whose money it is: an investor's verb ("co-leads", "is participating
   in", "invests") makes the company the object after the round ("... funding round for
   Caresyntax"), a spending verb ("spent", "paid") refuses, any other verb makes the clause's
   subject the company ("Cambridge, MA-based Cellarity made"), read back from the verb; "it" or "the
   company" is the headline's company, "with $X Series F" the clause's subject ("Upgrade had the
   largest funding round of the week with a $280 million Series F").

Two more shapes start from the amount: a round the clause's news comes after ("ChargePoint will expand
into Europe after securing $82 million in funding": the main clause's subject, unless the round is told
as some time earlier), and an investor's money put into a company the clause shows to be one ("The
European Investment Bank (EIB) pumped €15 million ... into Xeltis BV", "FMO Loans $10m to ... Access Bank").
A subject may reach its verb past an apposition, a relative clause or a reporting verb ("BG Medicine
(Waltham, Massachusetts), a company focused on ..., reported that it has raised").

`funding.extract_funding` asks this reader when its own shapes found no round, and for the other
rounds of a summary that states several amounts; it never changes a round they found.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from signalwatch.extract import funding_patterns as rules
from signalwatch.extract.funding_investor import object_company as _object_company
from signalwatch.extract.funding_summary import LEGAL_PIECE, Round, is_investor_name, reported_in, without_legal_form
from signalwatch.extract.money import Money, find_amounts
from signalwatch.extract.text import (
    company_from_subject,
    former_employer,
    has_company_suffix,
    is_place,
    lower,
    named_company,
    quote,
    title_case,
    words,
)

__all__ = ["clause_round", "clause_rounds", "headline_company", "other_figure", "MONEY_MARK"]

# A money amount somewhere in a headline: the caller's cheap screen for items without a funding word.
MONEY_MARK = re.compile(r"[$€£₹]\s?\d|\d\s?(?:million|billion|mln|bln|mn|bn|crore)\b|\d(?:\.\d+)?\s?[mb]\b", re.IGNORECASE)

# A round noun right after the amount: "$12M Seed", "$121 million in its recent Series C financing round",
# "$110 million investment". Up to three words between, none a preposition that would start another phrase.
_NOUN_AFTER = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?(?:(?:in|of)\s+)?"
    r"(?:(?!(?:to|for|from|at|by|with|on|and|as|which|that|into|in|of|its\s+total)\b)[a-z][\w-]*\s+){0,3}?"
    r"(?P<noun>series\s+[a-k](?:\d|-\d)?|pre-?seed|seed|round|financing|funding|investment|fundraise|fundraising|"
    r"venture\s+debt|debt\s+(?:financing|funding|facility|round)|credit\s+(?:facility|line)|growth\s+capital|"
    r"capital\s+injection|cash\s+injection|tranche|bridge\s+(?:round|financing|funding)|grant(?!s)|equity(?!\s+(?:value|stake|valuation)))"
    r"(?:\s+(?:funding|financing|investment|equity))?(?:\s+round)?(?![\w-])"
)  # lower-cased text
# A round noun right before it: "Series C funding of more than $70 million", "funding round at £42 million".
_NOUN_BEFORE = re.compile(
    r"(?P<noun>series\s+[a-k]|seed|round|funding|financing|investment|fundraise)\s+(?:round\s+)?(?:of|at|worth|totall?ing)\s+"
    r"(?:(?:more\s+than|about|around|nearly|over|roughly|approximately|some|up\s+to)\s+)?$"
)  # lower-cased text
# Investors right after it: "$3.3 million for cultivated scallops from OurCrowd & others", "$100m led by Temasek".
_INVESTORS_AFTER = re.compile(
    r"\s*(?:[a-z][\w-]*\s+){0,4}?(?:(?:co-)?led\s+by|from)\s+(?:(?:the\s+)?(?:investors?|backers?|vcs?)\b|[A-Z])"
)
# Words a round noun must not be followed by: a fund, a programme, a pot for many ("funding for startups").
_NOT_A_ROUND_AFTER = re.compile(
    r"\s*(?:funds?\b|vehicle|programme|program|scheme|initiative|pot|pool|competition|call|plan\b|package|pledge|announcements?|"
    r"news|deals|activity|totals?|figures|levels?|landscape|market|environment|trends?|volumes?|data|tracker|"
    r"(?:for|to)\s+(?:[\w-]+\s+){0,3}?(?:startups|start-ups|companies|firms|businesses|projects|founders|entrepreneurs|"
    r"research|researchers|schools|universities|farmers|programs?|programmes?|initiatives|sector|industry|smes|ventures|"
    r"fintechs|biotechs|scale-?ups|innovators|innovation)\b)"
)  # lower-cased text
# Words just before the amount that make it something other than this round's money.
_NOT_THIS_ROUND_BEFORE = re.compile(
    r"(?:\b(?:valu(?:ed|ation|ations|ing)|worth|total\w*|to\s+date|cumulative|after\s+raising|previously|prior|since|following|"
    r"revenues?|sales|arr|profit|loss|price|priced|paid|pay|pays|spent|spend|acquired|acquire|acquires|bought|buy|buys|sold|sell|"
    r"offer\w*|ipo|market\s+cap\w*|fund\s+(?:size\s+)?(?:of|at|worth|totall?ing))\b(?:\s+\S+){0,3}"
    r"|\b(?:bringing|brings|brought|taking|takes|took)\s+(?:its|the|their|total)\b(?:\s+\S+){0,6})\s*$"
)  # lower-cased text
# Words after the amount that do the same: "$1.3 billion to date", "$40M in total".
_NOT_THIS_ROUND_AFTER = re.compile(r"\s*(?:to\s+date|in\s+total|so\s+far|altogether|overall|in\s+all|total)\b")
# Words of a clause that make all its money something else: an IPO, a listing, a buyout, a loan to a country.
_OTHER_MONEY = re.compile(
    r"\b(?:ipo|initial\s+public|public\s+offering|spac|listing|acqui\w+|buyout|merger|takeover|revenues?|earnings|"
    r"profits?|dividend|buyback|bonds?|fund\s+(?:[ivx]+|\d+)|valuation|share\s+(?:sale|offering|placement)|selling\s+shares|"
    r"placement|rights\s+issue|kickstarter|indiegogo|gofundme|crowdfunding\s+campaign|charit\w+|donations?)\b"
)  # lower-cased text
_SUBJECT_REACH = 400  # characters before a verb read for its subject
# How far after a bare "raised $X" its purpose may still show it is not a round ("... in its IPO", "... on Kickstarter").
_RAISED_REACH = 60

# Verbs whose subject gives the money: the company is the object after the round.
_INVESTOR_VERB = re.compile(
    r"^(?:co-)?(?:leads?|led|leading|invest(?:s|ed|ing)?|backs?|backed|backing|participat\w+|joins?|joined|pours?|poured|"
    r"injects?|injected|pumps?|pumped|commit(?:s|ted)|provid\w+|puts?|bets?|plows?|funds|funded|heads?|headed|spearhead\w*|"
    r"anchor(?:s|ed)?|contribut\w+|award\w*|grant(?:s|ed)|gives?|gave|pledg\w+|announc\w+\s+(?:it\s+)?(?:is\s+)?(?:leading|investing))$"
)
# Verbs whose subject pays the money out: no round of the subject's.
_SPENDING_VERB = re.compile(
    r"^(?:spen[dt]s?|spending|pa(?:id|ys?|ying)|burn\w*|lost|los(?:es|ing)|repa(?:id|ys?)|return\w*|us(?:es|ed|ing)|"
    r"allocat\w+|earmark\w*|deploy\w*|distribut\w+|owes?|owed|cut|cuts|fined|bid|bids|offer\w*|values?|valued|valuing)$"
)
# A subordinate or background verb phrase: the amount is an earlier round ("which raised", "after closing").
_BACKGROUND_VERB = re.compile(r"\b(?:which|who|that|after|before|since|having|when|once|previously|earlier|had|last)\b")
# Background phrases anywhere in the clause.
_BACKGROUND = re.compile(
    r"\b(?:previously|earlier\s+(?:this|last)|last\s+(?:year|month|week|round)|to\s+date|(?:19|20)\d\d|ago|in\s+total|so\s+far|"
    r"since\s+(?:its|it|the)|combined|collectively|first\s+half|second\s+half|quarter|this\s+year|past\s+(?:year|decade))\b"
)  # lower-cased text
# Articles and quantifiers between a verb and its amount ("raked in a whopping $150 million").
_FILLER_TAIL = re.compile(
    r"(?:\s+(?:an?|its|the|their|another|over|nearly|almost|about|around|more\s+than|less\s+than|up\s+to|roughly|"
    r"approximately|additional|extra|fresh|new|whopping|hefty|massive|cool|some|just|under|at\s+least|close\s+to|oversubscribed|"
    r"upsized|impressive|record|huge|big|bumper|mega|modest|initial|first|second|third|latest|stealthy|further|reported|"
    r"a\s+further|further|total\s+of|sum\s+of|us)\b)+\s*$",
    re.IGNORECASE,
)
_PRONOUN_SUBJECT = re.compile(
    r"(?i)(?:^|[,\s])(?:it|the\s+(?:[\w,.-]+\s+){0,4}?(?:company|firm|startup|start-up|biotech|business))\s*$"
)
_TRAILING_NAME = re.compile(r"(?:[A-Z0-9][\w.&'!-]*\s+){0,3}[A-Z0-9][\w.&'!-]*\s*$")
_OBJECT = re.compile(
    r"\s+(?:for|in|into|of|at)\s+(?P<obj>(?:[A-Za-z][\w.&'-]*\s+){0,8}?[A-Za-z0-9][\w.&'!-]*)(?=\s*(?:[,.;:]|$)|\s+(?:to|as|which|that|"
    r"with|led|at|from|amid|after|and|on|in|this|last|by|for|is|was|has|will)\b|'s\s)"
)
_LEADING_NAME = re.compile(r"[A-Z0-9][\w.&'!-]*(?:\s+[A-Z0-9][\w.&'!-]*){0,3}(?=\s+[a-z]|,)")
_CLAUSE_SPLIT = re.compile(r";\s+|\s+[|]\s+|\s+-\s+|:\s+")


@dataclass(frozen=True)
class _Anchor:
    """What ties an amount to a round, and where the words of the round end."""

    kind: str  # "noun-after", "noun-before", "investors-after", "raised"
    end: int  # offset in the clause after the round's words
    noun: str  # the round noun ("series c", "seed", "investment"; "" for investors-after and raised; the verb for put)


def clause_round(headline: str, summary_sentences: list[str]) -> Round | None:
    """The first round a clause of the headline or of the first summary sentences reports, read from its amount."""
    found = clause_rounds(headline, summary_sentences, first=True)
    return found[0] if found else None


def clause_rounds(headline: str, summary_sentences: list[str], first: bool = False) -> list[Round]:
    """The rounds the clauses of the headline and of the first summary sentences report, one per clause at most."""
    item = _Item(headline, summary_sentences)
    found: list[Round] = []
    for number, clause in _clauses(headline, summary_sentences):
        one = _read_clause(clause, item)
        if one is not None:
            place = "headline" if number == 0 else f"summary sentence {number}"
            one.why = f"funding.clause-{one.why} ({place}): {quote(clause, 100)}"
            found.append(one)
            if first:
                break
    return found


class _Item:
    """The item a clause belongs to; the headline's company is read only when a clause says "it" or "the company"."""

    def __init__(self, headline: str, summary_sentences: list[str]) -> None:
        self.headline = headline
        self.summary_sentences = summary_sentences

    @functools.cached_property
    def company(self) -> str | None:
        return headline_company(self.headline)


def headline_company(headline: str) -> str | None:
    """The company a headline is about, for "it" and "the company" in its summary: a headline that is only a name
    ("Cullinan Oncology"), or the name before its first verb ("Fintech startup OneCard is India's newest unicorn")."""
    words_ = headline.split()
    kept: list[str] = []
    for word in words_:
        if word[:1].islower() and word not in rules.COMPANY_NOUNS:
            if word in _GROUP_NOUNS or rules.INVESTOR_VERB.match(word):
                return None  # "Indian startups secure ...", "Optum backs ...": no one company the headline is about
            break
        kept.append(word)
    if not kept or len(kept) > 6 or (len(kept) < len(words_) and not kept[-1][:1].isupper()) or re.search(r"[/?!]", " ".join(kept)):
        return None
    return company_from_subject(" ".join(kept).rstrip(":,"))


def _clauses(headline: str, summary_sentences: list[str]) -> list[tuple[int, str]]:
    found = [(0, part) for part in _CLAUSE_SPLIT.split(headline) if part]
    found += [(number, sentence) for number, sentence in enumerate(summary_sentences[:3], 1)]
    return found


def _read_clause(clause: str, item: _Item) -> Round | None:
    if not _DIGIT.search(clause):
        return None
    low = lower(clause)
    if not _CUES.search(low):
        return None  # no round noun and no investors: no anchor can match (a cheap screen before the patterns)
    checked = False
    for money in find_amounts(clause):
        anchor = _anchor(clause, low, money)
        if anchor is None:
            continue
        if not checked:
            # "Oishii ... closing of $50 million in Series A funding led by SPARX Group's Mirai Creation Fund II, a fund
            # established by Toyota", "a $20 million investment from Blue Pool Capital, a fund that invests the wealth of ...":
            # a fund named after "led by" or "from" is the round's investor, not the news
            cut = _LEAD_MARK.search(clause, anchor.end)
            head = low[: cut.start()] if cut else low
            if rules.not_a_round(head, words(head)) or rules.about_a_fund(clause[: len(head)]):
                return None  # a fund's close, an IPO, a listing
            checked = True
        found = _read_amount(clause, low, money, anchor, item)
        if found is not None:
            return found
    return None


# Where a round's leading investors start: what follows names who gave the money.
_LEAD_MARK = re.compile(r"(?i:\b(?:(?:co-)?led\s+by|with\s+participation|participation\s+from))\b|\bfrom\s+(?=[A-Z][a-z])")
# Substrings without which none of the anchors can match.
_CUES = re.compile(r"series|seed|round|financ|funding|investment|fundrais|rais|debt|credit|capital|injection|tranche|bridge|equity|"
                   r"pump|pour|inject|invest|plow|provid|loan|lend|lent|"
                   r"grant|from |led by")
_DIGIT = re.compile(r"\d")


def _read_amount(clause: str, low: str, money: Money, anchor: _Anchor, item: _Item) -> Round | None:
    if anchor.kind == "put":
        return _put_round(clause, low, money, anchor)
    after = _AFTER_TAKING.search(low, max(0, money.start - 40), money.start)
    if after is not None:
        return _after_round(clause, low, money, anchor, after.start())
    reach = anchor.end + (_RAISED_REACH if anchor.kind == "raised" else 0)
    if not _this_round(low, money, anchor) or _OTHER_MONEY.search(low[:reach]):
        return None
    before = clause[: money.start]
    if anchor.kind == "noun-before":
        before = before[: low.rfind(anchor.noun, 0, money.start)]
    before = _without_filler(before)
    split = _verb_and_subject(before)
    if split is None:
        return None
    verb, subject = split
    if verb == "with" and not subject:
        after = _SUBJECT_AFTER.match(clause, anchor.end)
        if after is None:
            return None
        subject = "it" if after.group("pronoun") else after.group("name")
    # history in the clause's opening words or around the verb and its round: "In 2019, ...", "... last year"
    if _BACKGROUND.search(low[: min(40, len(subject))]) or _BACKGROUND.search(low[len(subject) : anchor.end + 30]):
        return None
    if len(subject) > _SUBJECT_REACH:  # a subject is near its verb: a long sentence costs no more than a short one
        subject = subject[-_SUBJECT_REACH:].split(" ", 1)[-1]
    head_verb = _head_verb(verb)
    if _SPENDING_VERB.match(head_verb) or (anchor.kind == "investors-after" and not _TAKING_VERB.match(head_verb)):
        return None
    obj, obj_text = _object_after(clause, anchor.end)
    if obj is None and obj_text and _place_or_asset(clause, anchor.end + clause[anchor.end :].find(obj_text) + len(obj_text)):
        return None  # "Ford Announces C$700M Investment in Oakville, Canada": money spent on a place or a plant
    taking = bool(_TAKING_VERB.match(head_verb))
    investor_side = bool(_INVESTOR_VERB.match(head_verb)) or (obj is not None and not taking and verb != "with")
    subject_company = None if investor_side else _subject_company(subject, verb, clause, item)
    if subject_company is not None and is_investor_name(subject_company):
        investor_side, subject_company = True, None
    if investor_side:
        company = obj if obj is not None else (_summary_company(item.summary_sentences, money) if _describes_company(obj_text) else None)
        rule = "investor-round"
    else:
        company, rule = subject_company, "subject-round"
    if company is None or is_investor_name(company) or not re.search(r"[A-Za-z]", company) or company.lower() in _NOT_NAMES:
        return None
    reported = reported_in(clause[: anchor.end]) or _ATTRIBUTED.search(clause, anchor.end, anchor.end + 160) or _TO_RAISE.search(verb) \
        or _OUTLET_REPORTS.search(clause, anchor.end)
    return Round(company, money, "reported" if reported else "raised", round=_named_round(anchor.noun), why=rule,
                 tail=clause[money.start : anchor.end + 40], primary=True)


# "after securing", "After Raising", "following a": the round a clause's news comes after (see `_after_round`).
_AFTER_TAKING = re.compile(
    r"\b(?:after|following)\s+(?:(?:raising|securing|closing|landing|bagging|receiving|pulling\s+in)\s+)?"
    r"(?:(?:an?|its|the|another|more\s+than|over|nearly|about|some|fresh|new|additional)\s+)*$"
)  # lower-cased text
# What before "after" makes the round an earlier one: "two months after", "shortly after", "a year after".
_TIME_BEFORE_AFTER = re.compile(r"\b(?:months?|weeks?|days?|years?|hours?|shortly|soon|long|just|barely|only|decade)\s*$")
# Main verbs whose news is not the round: "X shuts down after raising $50M".
_BAD_NEWS = re.compile(r"\b(?:shut\w*|collaps\w+|fold\w*|bankrupt\w*|insolv\w+|lays?\s+off|laid\s+off|cuts?|fir(?:es|ed)|sued|"
                       r"sues|fail\w*|dies|died|clos(?:es|ed)\s+down|winds?\s+down|went\s+bust|goes\s+bust)\b")  # lower-cased text
# The subject of a clause, up to its first verb: "Spain's Glovo | announced that it is now worth €1bn".
_MAIN_VERB_SUBJECT = re.compile(
    r"(?P<s>[A-Z0-9][\w.&'!-]*(?:\s+[\w.&'!-]+){0,8}?)\s+(?:has|have|is|are|was|were|will|plans|[a-z]+ed|[a-z]+[^s\W]s)\b"
)
# The same in a Title Case headline: "Thirdshelf | Moves Out Of Stealth Mode After Raising $800,000".
_TITLE_VERB_SUBJECT = re.compile(r"(?P<s>[A-Z0-9][\w.&'!-]*(?:\s+[A-Z0-9][\w.&'!-]*){0,3}?)\s+(?:Is|Are|Was|Will|Has|[A-Z][a-z]+(?:es|s|ed))\s")
_PARENTHESES = re.compile(r"\s*\([^()]{0,40}\)")


def _after_round(clause: str, low: str, money: Money, anchor: _Anchor, after: int) -> Round | None:
    """A round the clause's news comes after: "ChargePoint will expand into Europe after securing $82 million in funding",
    "Spain's Glovo announced that it is now worth €1bn after a €150m Series E round", "Thirdshelf Moves Out Of Stealth Mode
    After Raising $800,000". The company is the main clause's subject.

    Not an earlier round: not one some time before the news ("Just two months after a successful $148 million Series C",
    "not even two months after closing a $600 million round"), not one told with a year or "last year", not a total ("after
    raising a total of"), not when the main clause has money of its own other than a valuation ("reached a €124m second
    close yesterday, following a €66m second tranche"), nor when the news is a shutdown or layoffs.
    """
    main = clause[:after].rstrip(" ,")
    main_low = low[: len(main)]
    if _TIME_BEFORE_AFTER.search(main_low) or _BAD_NEWS.search(main_low) or _BACKGROUND.search(low[: anchor.end + 30]):
        return None
    if _other_money_after(low, money, anchor) or _OTHER_MONEY.search(low[: anchor.end]) or re.search(r"\btotal\b", low[after : money.start]):
        return None
    for other in find_amounts(main):
        if not re.search(r"\b(?:worth|valu\w+|unicorn)\W+(?:\w+\W+){0,3}$", main_low[max(0, other.start - 40) : other.start]):
            return None  # "reached a €124m ($146m) second close yesterday, following a €66m second tranche": the main clause's money
    plain = _PARENTHESES.sub("", main)
    company = None
    pieces = plain.split(", ")  # "Ending a year of big stories in the ... industry, Spain's Glovo announced": after the lead-in
    for start in range(len(pieces)):
        text = ", ".join(pieces[start:])
        subject = _TITLE_VERB_SUBJECT.match(text) if title_case(text) else _MAIN_VERB_SUBJECT.match(text)
        company = company_from_subject(subject.group("s")) if subject else None
        if company is not None:
            break
    if company is None or is_investor_name(company) or company.lower() in _NOT_NAMES or company.split()[-1].lower() in _GROUP_NOUNS:
        return None
    reported = reported_in(clause[: anchor.end]) or _ATTRIBUTED.search(clause, anchor.end, anchor.end + 160)
    return Round(company, money, "reported" if reported else "raised", round=_named_round(anchor.noun), why="after-round",
                 tail=clause[money.start : anchor.end + 40], primary=True)


# Attribution after the round: "... in a Series D round, according to media reports".
_ATTRIBUTED = re.compile(
    r"(?i)\baccording\s+to\s+(?:media|press|news|unnamed|people|sources|a\s+person|persons|(?:an?\s+)?reports?|those)\b|"
    r"\bsources?\s+(?:said|say|told)|\bpeople\s+familiar\b|\bpeople\s+close\b"
)
# A named outlet's report closing the sentence: "... raised $20 million to fund its expansion, The Wall Street Journal reports."
_OUTLET_REPORTS = re.compile(r",\s+(?:[A-Z][\w.&'-]*\s+){0,4}[A-Z][\w.&'-]*\s+(?:reports|reported)\W*$")


def _named_round(noun: str) -> str | None:
    """The round a round noun names ("series c" → series_c); None when it names none ("funding"): the item's words decide."""
    series = re.match(r"series\s+([a-k])", noun)
    if series:
        return f"series_{series.group(1)}" if series.group(1) in "abc" else "series_d_plus"
    if re.match(r"pre-?seed", noun):
        return "pre_seed"
    if noun.startswith("seed"):
        return "seed"
    if re.match(r"venture\s+debt|debt|credit", noun):
        return "debt"
    if noun.startswith("grant"):
        return "grant"
    return None


# Capitalised words that open a sentence without naming anyone: "In addition to a $50 million Series A, ...".
_NOT_NAMES = frozenset("in on at as for with by from of to after before since also but and the this that these its their our "
                       "last next meanwhile however additionally plus news".split())
_TO_RAISE = re.compile(r"\b(?:to|seeks?|seeking|looking)\s+(?:raise|secure|close|get)\b|\b(?:seeks?|seeking)\b")
# Verbs that take money in (in any case): enough, with investors named after the amount, to make it a round.
_TAKING_VERB = re.compile(
    r"^(?:raise[sd]?|raising|secure[sd]?|securing|land(?:s|ed)?|receive[sd]?|gets?|got|nabs?|nabbed|bags?|bagged|snag(?:s|ged)?|"
    r"scores?|scored|nets?|netted|collect(?:s|ed)?|grabs?|grabbed|attract(?:s|ed)?|banks?|banked|picks?|picked|rakes?|raked|"
    r"hauls?|hauled|reels?|reeled|brings?|brought|takes?|took|pulls?|pulled|catch(?:es)?|caught|pockets?|pocketed|scoops?|"
    r"scooped|locks?|locked|amass(?:es|ed)?|gathers?|gathered|clinch(?:es|ed)?|garner(?:s|ed)?|obtain(?:s|ed)?|closes?|closed|"
    r"completes?|completed|snares?|snared|earns?|earned|draws?|drew|wraps?|wrapped|adds?|added|gains?|gained)$"
)
# Words of a Title Case headline that can be its verb: the money verbs above and a few more.
_TITLE_VERB = re.compile(_TAKING_VERB.pattern[:-2] + r"|makes|made|announces|announced|unveils|unveiled|wins|won)$")
# Plural nouns that make a clause's subject a group of companies ("Indian startups raised $585M this week").
_GROUP_NOUNS = frozenset(
    "startups start-ups companies firms businesses founders investors organisations organizations projects entrepreneurs deals "
    "people teams smes fintechs biotechs unicorns players scaleups scale-ups ventures women men members recipients winners "
    "applicants universities".split()
)
# The verbs that report what a company says of itself: "said it", "announced that it".
_SAY = "said|says|announced|announces|reported|reports|confirmed|confirms|revealed|reveals|disclosed|discloses|stated"
# The words just before a reported "it" (see `_SAID_IT`).
_SAYING = re.compile(rf"that|{_SAY}")
# "BG Medicine (Waltham, Massachusetts), a company focused on ..., reported that it": the name that says "it", before the verb.
_SAID_IT = re.compile(rf"(?P<s>.+?),?\s+(?:(?:has|have|had)\s+)?(?:{_SAY})\b[^,]{{0,40}}?\s+(?:that\s+)?it\s*")
# A subject closed by a comma after a restrictive relative clause: "The Bucharest-founded FlowX.ai that helps businesses ...,".
_NAME_THEN_RELATIVE = re.compile(r"(?P<name>(?:[\w.&'!-]+\s+){0,5}?[A-Z][\w.&'!-]*)\s+(?:that|which|who)\s[^,]+,")
# A subject closed by a comma after an appositive that named_company cannot read ("Axios HQ, Axios's sister company that
# makes software ...,"): the name that opens it, when the apposition starts in lower case or with a possessive.
_NAME_THEN_APPOSITION = re.compile(
    r"(?P<name>(?:[\w-]+-(?:based|founded|born)\s+)?[A-Z0-9][\w.&'!-]*(?:\s+[A-Z0-9][\w.&'!-]*){0,3})"
    r"(?:\s+\([^()]{1,60}\))?,\s+(?:[a-z]|[A-Z][\w.&!-]*'s\s)[^,]*(?:,[^,]*)?,"
)
_TIME_LEAD = re.compile(r"^(?:In|On|By|During|Back\s+in)\s+[^,]{1,25},\s+")
_SUBORDINATE_START = re.compile(r"(?i)^(?:when|after|before|since|while|as|once|if|although|though|because|until|having|by)\b")
_PARTICLES = frozenset("in up down home out".split())
_PRONOUNS = frozenset("we i they he she you".split())


def _verb_and_subject(before: str) -> tuple[str, str] | None:
    """The verb phrase just before an amount and the subject before it; None when there is no such verb.

    In sentence case the verb is the run of lower-case words before the amount ("has secured", "raked in",
    "is participating in"); in Title Case only a known verb counts ("Earns", "Rakes In"). A lower-case
    description ends the subject, not the verb: "the Indian fintech startup | raised".
    """
    tokens = before.split()
    run: list[str] = []
    while tokens and len(run) < 4 and re.fullmatch(r"[a-z][a-z'-]*", tokens[-1]):
        if tokens[-1] in rules.COMPANY_NOUNS:
            break  # "... the Indian fintech startup raised": the subject ends here
        if run and tokens[-1] == "it" and len(tokens) > 1 and _SAYING.fullmatch(tokens[-2]):
            break  # "TopHat ... has announced that it | has secured": "it" is the reporting verb's subject's, left with it
        run.insert(0, tokens.pop())
        if run[0] == "with":
            break
    if not run and tokens:
        last = tokens[-1].lower()
        if last in _PARTICLES and len(tokens) > 1 and _TITLE_VERB.match(tokens[-2].lower()):
            run, tokens = [tokens[-2].lower(), last], tokens[:-2]
        elif _TITLE_VERB.match(last):
            run, tokens = [last], tokens[:-1]
    if (run == ["with"] and not tokens) or (not run and [t.lower() for t in tokens] == ["with"]):
        return "with", ""  # "With an oversubscribed $131.2 million Series C, the Cambridge company can advance ..."
    if len(run) > 1 and run[0] in ("and", "but") and tokens:
        # "SenseTime has expanded its ... technology ..., and is considering seeking $1bn in funding": the first verb's subject
        main = _MAIN_SUBJECT.match(" ".join(tokens))
        if main is None:
            return None
        run, tokens = run[1:], main.group("s").split()
    if not run or not tokens or _GROUP_NOUNS.intersection(run) or _PRONOUNS.intersection(run) or _BACKGROUND_VERB.search(" ".join(run)):
        return None
    if run[0] == "with":
        # "Upgrade had the largest funding round of the week with a $280 million Series F": the clause's subject took it;
        # "Atlas, Third Rock launch new Cambridge biotech with $49M round": the launched company's, not named here
        whole = " ".join(tokens + run)
        lead = _LEADING_NAME.match(whole)
        if lead is None or _LAUNCH.search(whole[lead.end() :]):
            return None
        named = list(tokens)
        while named and named[-1][:1].islower():
            named.pop()  # "... Xaira rises": the verb
        before_verb = " ".join(named)
        trailing = _TRAILING_NAME.search(before_verb)
        if trailing and trailing.start() > lead.end() and re.search(r"\s[a-z]", before_verb[lead.end() : trailing.start()] + " "):
            # "New AI drug discovery powerhouse Xaira rises with $1B": the name next to the verb, after its description
            return "with", trailing.group(0).strip()
        return "with", lead.group(0)
    if run[0] in _PARTICLES | {"to", "of", "for", "at", "on", "by"}:
        return None  # "Up to": a phrase, not a verb
    subject = " ".join(tokens)
    if _SUBORDINATE_START.match(subject) and "," not in subject:
        return None
    return " ".join(run), subject


# A clause's subject up to its first verb: "Chinese AI software provider SenseTime | has expanded".
_MAIN_SUBJECT = re.compile(
    r"(?P<s>[A-Z0-9][\w.&'!-]*(?:\s+[\w.&'!-]+){0,8}?)\s+(?:has|have|had|is|are|was|were|will|[a-z]+ed|[a-z]+[^s\W]s)\b"
)
_LAUNCH = re.compile(r"\b(?:launch\w*|unveil\w*|form\w*|creat\w+|start\w*|spins?\s+out|incubat\w+|found\w*)\b")
# "..., the Cambridge company can advance": the subject after a fronted "With $X Series C,".
_SUBJECT_AFTER = re.compile(
    r"\s*,\s*(?:(?P<pronoun>it|the\s+(?:[\w-]+\s+){0,3}?(?:company|firm|startup|start-up|biotech|business))|"
    r"(?P<name>(?:[A-Z][\w.&'!-]*\s+){0,3}[A-Z][\w.&'!-]*))\s+[a-z]"
)


def _head_verb(verb: str) -> str:
    """"is participating in" → "participating", "raked in" → "raked", "has secured" → "secured"."""
    parts = [part for part in verb.split() if part not in _PARTICLES]
    return parts[-1] if parts else ""


def _without_filler(before: str) -> str:
    """The words before an amount without its articles and quantifiers ("has raised a whopping" → "has raised").

    Only the last 80 characters are searched, so that a long sentence costs no more than a short one.
    """
    text = " " + before.rstrip(" ,")
    match = _FILLER_TAIL.search(text, max(0, len(text) - 80))
    return (text[: match.start()] if match else text).strip()


def _anchor(clause: str, low: str, money: Money) -> _Anchor | None:
    match = _NOUN_AFTER.match(low, money.end)
    if match is not None:
        return _Anchor("noun-after", match.end(), match.group("noun"))
    match = _NOUN_BEFORE.search(low[max(0, money.start - 60) : money.start])
    if match is not None:
        return _Anchor("noun-before", money.end, match.group("noun"))
    match = _INVESTORS_AFTER.match(clause, money.end)
    if match is not None and not rules.NOT_ROUND_AMOUNT.match(clause[money.end :]):
        return _Anchor("investors-after", money.end, "")
    if _RAISE_BEFORE.search(low, max(0, money.start - 40), money.start):
        return _Anchor("raised", money.end, "")  # "is seeking to raise $400 million to fund ...": "raise" says it is a round
    put = _PUT_BEFORE.search(low, max(0, money.start - 40), money.start)
    if put is not None:
        into = (_TO_AFTER if put.group("verb").startswith(("provid", "loan", "lend", "lent")) else _INTO_AFTER).match(clause, money.end)
        if into is not None:
            return _Anchor("put", into.end(), put.group("verb"))  # "The European Investment Bank (EIB) pumped €15 million into"
    return None


# An investor's verb right before the amount, and "into"/"in"/"to" a name right after it (see `_put_round`).
_PUT_BEFORE = re.compile(
    r"\b(?P<verb>pump(?:s|ed)?|pour(?:s|ed)?|inject(?:s|ed)?|invest(?:s|ed)?|plow(?:s|ed)?|provid(?:es|ed)|loan(?:s|ed)|lends|lent)\s+"
    r"(?:(?:an?|another|additional|nearly|almost|about|around|over|more\s+than|up\s+to|some|a\s+further|a\s+fresh)\s+)*$"
)  # lower-cased text
_INTO_AFTER = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?i:in|into)\s+(?=[A-Z0-9])")  # "pumped €15 million into Xeltis BV"
_TO_AFTER = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?i:to)\s+(?=[A-Z0-9])")  # "provides $15m to Bboxx"
# What tells the object of such a verb is a company: a legal or company suffix, or an apposition that says so.
_LEGAL_SUFFIX = re.compile(r"\s(?:BV|B\.V\.|NV|N\.V\.|AG|SA|S\.A\.|GmbH|Inc\.?|Ltd\.?|LLC|Limited|Corp\.?|plc|PLC|AB|Oy|SAS|SE)$")
_COMPANY_APPOSITION = re.compile(
    r",\s+(?:an?|the)\s+(?:[\w-]+\s+){0,5}?(?:startup|start-up|company|firm|platform|provider|developer|maker|lender|fintech|biotech)\b"
    r"(?!\s+(?:said|says|added|told|announced|confirmed))"
)


def _put_round(clause: str, low: str, money: Money, anchor: _Anchor) -> Round | None:
    """An investor putting money into a company it names: "The European Investment Bank (EIB) pumped €15 million (US$17
    million) into Xeltis BV to accelerate ...", "Meta Platforms Inc. is in talks to invest nearly $10 billion in Scale AI, a key
    data-labelling startup". Only a company the clause shows to be one (a legal suffix, a company word in its name or
    apposition, a description before it): "invests $1.5B in Indiana facility", "C$700 million investment in Oakville" are
    plants and places."""
    if not _this_round(low, money, anchor) or _OTHER_MONEY.search(low[: anchor.end]) or _BACKGROUND.search(low[: anchor.end + 30]):
        return None
    if _OWN_MONEY.search(low, anchor.end - 12, anchor.end):
        return None
    target = clause[anchor.end :]
    comma = target.find(", ")
    company, described, _ = _object_company(target[:comma] if comma > 0 else target)
    if company is None or is_investor_name(company):
        return None
    apposition = target[comma:] if comma > 0 else ""
    lends = anchor.noun.startswith(("loan", "lend", "lent"))  # "FMO Loans $10m to DRC Arm of Nigeria's Access Bank": a loan, to a borrower
    if not (lends or described or _LEGAL_SUFFIX.search(company) or has_company_suffix(company) or _COMPANY_APPOSITION.match(apposition)):
        return None
    reported = reported_in(clause[: anchor.end]) or _ATTRIBUTED.search(clause, anchor.end, anchor.end + 160)
    return Round(_LEGAL_SUFFIX.sub("", company), money, "reported" if reported else "raised", round="debt" if lends else None,
                 why="investor-puts-money-in", tail=clause[money.start : anchor.end + 40], primary=True)


_OWN_MONEY = re.compile(r"\b(?:its|their|his|her)\s")


# "raise" right before the amount, with only articles and quantifiers between: the one verb that always means a round.
_RAISE_BEFORE = re.compile(
    r"\b(?:raise[sd]?|raising)\s+(?:(?:an?|another|additional|about|around|nearly|over|more\s+than|up\s+to|at\s+least|"
    r"roughly|approximately|as\s+much\s+as|some|a\s+further|fresh|new)\s+)*$"
)  # lower-cased text


def _this_round(low: str, money: Money, anchor: _Anchor) -> bool:
    """Whether the amount is this round's: not a valuation, a total, a fund's size, a price or revenue."""
    if _other_money_after(low, money, anchor) or rules.BEFORE_EXCLUDED.search(low[max(0, money.start - 60) : money.start]):
        return False
    return not _NOT_THIS_ROUND_BEFORE.search(low[max(0, money.start - 50) : money.start])


def _other_money_after(low: str, money: Money, anchor: _Anchor) -> bool:
    """Whether the words after the amount (or after its round noun) make it other money than a round's: "$40M to date", "$1bn
    valuation", "funding for startups"; "$700 million investment in an Amazon-led funding round" stays (its object tells whose)."""
    not_round = rules.NOT_ROUND_AMOUNT.match(low[money.end :])
    return bool((not_round and "investment" not in not_round.group(0)) or rules.AFTER_EXCLUDED.match(low[money.end :])
                or _NOT_THIS_ROUND_AFTER.match(low, money.end) or (anchor.kind == "noun-after" and _NOT_A_ROUND_AFTER.match(low, anchor.end)))


def other_figure(text: str, money: Money) -> bool:
    """Whether an amount in `text` is a valuation, a total to date, a price or revenue rather than a round's money.

    "puts the company's valuation at $2.1 billion", "brings Stacked's total capital to AUD $98 million",
    "a pre-money valuation for the Berlin-based grocery delivery startup of $2.1 billion".
    """
    low = lower(text)
    before = low[max(0, money.start - 80) : money.start]
    if _NOT_THIS_ROUND_BEFORE.search(before[-50:]) or _NOT_THIS_ROUND_AFTER.match(low, money.end) or rules.AFTER_EXCLUDED.match(low[money.end :]):
        return True
    return bool(re.search(r"\bvalu(?:ation|ing|es|ed)\b[^,;.$€£]{0,60}$", before))  # "... valuation for the startup of $2.1 billion"


def _subject_company(subject: str, verb: str, clause: str, item: _Item) -> str | None:
    """The company a verb's subject names: the clause's subject, a coordinated headline's first name, or "it"/"the company"."""
    text = subject.rstrip()
    untimed = _TIME_LEAD.sub("", text)
    if untimed != text and _SUBORDINATE_START.match(untimed) and "," not in untimed:
        return None  # "In August, when construction tech startup Agora announced a $33 million round": told as the past
    if _SUBORDINATE_START.match(text):
        text = text.split(",", 1)[1] if "," in text else ""  # "When X raised ..., Y" : the main clause's subject
    if not text.endswith(",") and _RELATIVE.search(text) and not re.search(r"\b(?:that|said|says)\s+it$", text):
        return None  # "The Company that Spawned Moderna Just Raised $3.6 Billion": described by a relative clause, not named
    if text.split() and text.split()[-1] in rules.COMPANY_NOUNS and not _PRONOUN_SUBJECT.search(text):
        return None  # "Precision medicine firm shares in £16m funding": a description, no name
    said = _SAID_IT.fullmatch(text) if text.endswith("it") else None
    if said is not None:
        # "London-based TopHat, a ... manufacturer, has announced that it", "To that end, OPay, the mobile money service,
        # said earlier this month that it": the name before the reporting verb, past its apposition
        company = _closed_subject(LEGAL_PIECE.sub("", said.group("s")).rstrip(" ,") + ",")
        if company is not None:
            return company
    if _PRONOUN_SUBJECT.search(text):
        lead = _LEADING_NAME.match(clause)
        company = company_from_subject(lead.group(0)) if lead and re.search(r"\b(?:that|said|says)\s+it\s*$", text) else None
        return company if company and company.lower() not in _NOT_NAMES else item.company  # "In the latest round, the company said it"
    role = _ROLE_THEN_PERSON.search(text)
    if role is not None:
        # "startup Lipa Later co-founder, Eric Muli, tried to raise $5 million": the person's company, not the person
        trailing = _TRAILING_NAME.search(role.group("before"))
        return company_from_subject(trailing.group(0)) if trailing else None
    company = named_company(without_legal_form(text))  # "Grofers India Pvt. Ltd has raised": not "Ltd"
    if company is None and text.endswith(","):
        company = _closed_subject(text)
    if company is None and text.endswith(","):
        # "Vividion believes it holds a key ..., bringing in a $135 million Series C": a participle's subject opens the clause;
        # "Higher Steaks rebrands to Uncommon, raises $30 million Series A": a second verb of the headline's subject.
        lead = _LEADING_NAME.match(clause)
        follows = clause[lead.end() :].split(None, 1)[0] if lead and clause[lead.end() :].strip() else ""
        if lead and (_head_verb(verb).endswith("ing") or len(verb.split()) == 1) and re.fullmatch(r"[a-z]+(?:s|ed)", follows):
            return company_from_subject(lead.group(0))
        return None
    if company is None:
        trailing = _TRAILING_NAME.search(text)
        company = company_from_subject(trailing.group(0)) if trailing else None
    possessive = re.match(r"(?P<co>[A-Z][\w.&!-]*(?:\s+[A-Z][\w.&!-]*){0,2})'s\s+\S", text)
    if company and possessive and company.split()[-1].lower() in _THINGS:
        company = company_from_subject(possessive.group("co"))  # "EnPlusOne's ... RNA Synthesis Platform Earns $12M Seed"
    if company and former_employer(company, text):
        return None  # "Startup founded by ex-Google engineers raises $5M": the founders' old employer, not the company
    return company


def _closed_subject(text: str) -> str | None:
    """The company a subject closed by a comma names past what describes it: an apposition (`named_company`), a
    restrictive relative clause ("The Bucharest-founded FlowX.ai that helps businesses ...,"), or an apposition that
    opens with a possessive ("Axios HQ, Axios's sister company that makes software ...,")."""
    company = named_company(text)
    if company is not None:
        return company
    match = _NAME_THEN_RELATIVE.fullmatch(text) or _NAME_THEN_APPOSITION.fullmatch(text)
    if match is None:
        return None
    name = re.sub(r"^(?:The|A|An)\s+", "", match.group("name"))
    first = name.split()[0].lower()
    if first in _NOT_NAMES or first.rstrip(",") in ("meanwhile", "following", "today", "yesterday"):
        return None
    return company_from_subject(name)


# A subject that is a company's person: "<Company> co-founder, Eric Muli,", "<Company> CEO Jane Doe".
_ROLE_THEN_PERSON = re.compile(
    r"^(?P<before>.*?[A-Za-z0-9)])\s+(?i:co-?founder|founder|ceo|chief\s+executive(?:\s+officer)?|cfo|president|chairman|boss)"
    r"\s*,?\s+(?:[A-Z][\w.'-]*\s+){1,3}?[A-Z][\w.'-]*\s*,?$"
)
# A subject described by a relative clause: "The Company that Spawned Moderna", "a startup which".
_RELATIVE = re.compile(r"(?i)\b(?:which|who|whose)\b|\b(?:company|startup|start-up|firm|business|biotech|one)\s+that\b")
# What a company owns rather than is: "X's RNA Synthesis Platform earns $12M" is X's money.
_THINGS = frozenset("platform app product technology tool tools software service unit division arm spinout spin-out".split())


def _object_after(clause: str, end: int) -> tuple[str | None, str]:
    """The company after a round ("... funding round for Caresyntax, a data-assisted surgery platform" → "Caresyntax",
    "$14M round for Igenica's cancer-fighting antibodies" → "Igenica"), and the object's words."""
    match = _OBJECT.match(clause, end)
    if match is None:
        return None, ""
    obj = match.group("obj")
    if _place_or_asset(clause, match.end("obj")):
        return None, obj  # "C$700M Investment in Oakville, Canada", "$1.5B in Indiana facility": a place or a plant, no company
    if not re.search(r"[A-Z]", obj):
        return None, obj
    return company_from_subject(obj), obj  # the pattern stops a possessive's name before its "'s"


# What after an object makes it a place or an asset: ", Canada", " facility".
_PLACE_AFTER = re.compile(
    r",\s+(?P<place>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)(?=\s*(?:[,.;:]|$))|\s+(?P<asset>facility|facilities|plant|factory|gigafactory|"
    r"site|campus|headquarters|operations|project|mine)\b"
)


def _place_or_asset(clause: str, end: int) -> bool:
    """Whether the words after an object at `end` make it a place (", Canada") or an asset (" facility")."""
    place = _PLACE_AFTER.match(clause, end)
    return place is not None and bool(place.group("asset") or is_place(place.group("place") or ""))


def _describes_company(obj_text: str) -> bool:
    """"Israeli alt-meat startup": an object that stands for one company without naming it."""
    return bool(re.search(r"(?i)\b(?:startup|start-up|company|firm|biotech|maker|developer|provider|platform|upstart|spinout|unicorn)$",
                          obj_text.strip()))


def _summary_company(summary_sentences: list[str], money: Money) -> str | None:
    """The company a summary names as receiving the same amount, or names first, for a headline that only describes it."""
    for sentence in summary_sentences[:2]:
        for other in find_amounts(sentence):
            if abs(other.amount - money.amount) <= 0.05 * money.amount and other.currency == money.currency:
                lead = _LEADING_NAME.match(sentence)
                company = company_from_subject(lead.group(0)) if lead else None
                if company:
                    return _name_case(company)
    for sentence in summary_sentences[:1]:
        lead = _LEADING_NAME.match(sentence)
        company = company_from_subject(lead.group(0)) if lead else None
        if company and not is_investor_name(company):
            return _name_case(company)
    return None


def _name_case(name: str) -> str:
    """"ALEPH FARMS" → "Aleph Farms": a name a standfirst shouts."""
    return name.title() if name.isupper() and len(name) > 4 else name
