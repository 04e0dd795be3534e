"""The shapes of a funding headline: a company that raises, an investor that backs or leads, a round named as a noun.

"Carbon Health raises $28M", "General Catalyst leads Brightpath's $30M round", "$30M Series B for Verdigris",
"Tencent backs Argentina mobile banking startup Uala", "With $50M in new funding, Pachama sets out to ...". Each shape
returns a `Hit`: the company (None when the subject only describes one), the words after the verb where the amount and
round are read, and the rule that decided it. `funding` completes a hit with the summary.
"""


from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from signalwatch.extract import funding_patterns as rules
from signalwatch.extract.funding_fields import TITLE_DESCRIPTORS, first_amount, has_word, round_in
from signalwatch.extract.funding_investor import investor_deal
from signalwatch.extract.funding_summary import is_investor_name
from signalwatch.extract.money import AMOUNT, Money, find_amounts
from signalwatch.extract.text import (
    company_from_subject,
    lower,
    sentences,
    split_names,
    words,
)

__all__ = ["Hit", "headline_hit", "FUNDING_SHAPE_WORDS", "ROUNDUP_WORDS", "MONEY_MARK"]

@dataclass
class Hit:
    company: str | None  # None: the headline's subject describes the company without naming it
    tail: str  # the headline after the verb: where the amount and round are read first
    leads: list[str] = field(default_factory=list)
    investors: list[str] = field(default_factory=list)
    money: Money | None = None  # the amount right after the verb, when there is one
    change: str = "raised"
    rule: str = "funding.headline"
    round: str | None = None  # a round the shape itself names ("awards a grant to")


ROUNDUP_WORDS = frozenset("funding financing fundraise invests backs".split())
_OTHER_SHAPE_WORDS = frozenset("talks awards grants gives donates funds backs bankrolls finances puts commits pledges pumps pump pour pours inject injects "
    "plow plows invest join joins heading heads spearhead spearheads leading launch unveil form create led back stake".split())
# Headline words besides `rules.FUNDING_WORDS` that can carry a round: the caller's cheap screen.
FUNDING_SHAPE_WORDS = ROUNDUP_WORDS | _OTHER_SHAPE_WORDS | frozenset(
    "round rounds grant fundraising series seed raise investment backing fundraise pump pumps pour pours inject injects".split()
)


def _other_shapes(headline: str) -> Hit | None:
    """Investor-side headlines: talks to invest, a grant awarded to a recipient, money put into a new company."""
    match = rules.TALKS_TO_INVEST.match(headline)
    if match:
        company, investor = company_from_subject(match.group("co")), company_from_subject(match.group("inv"))
        if company:
            moneys = find_amounts(match.group("deal") or "")  # "MUFG said in talks to invest $200 million in ... Akulaku"
            return Hit(company, "", investors=split_names(investor) if investor else [], money=moneys[0] if moneys else None,
                        change="reported", rule="funding.talks-to-invest")
    match = rules.AWARDS_TO.match(headline)
    if match and find_amounts(match.group("deal")) and not rules.NOT_ROUND_AMOUNT.match(
            match.group("deal")[find_amounts(match.group("deal"))[0].end :]):  # "awards $250M contract to Palantir": no grant
        company, investor = company_from_subject(match.group("co")), company_from_subject(match.group("inv"))
        return Hit(company, "grant", investors=split_names(investor) if investor else [], money=find_amounts(match.group("deal"))[0],
                    rule="funding.awards-grant-to", round="grant")
    match = rules.INVESTOR_LAUNCH.match(headline)
    if match and find_amounts(match.group("deal")):
        company, investor = company_from_subject(match.group("obj")), company_from_subject(match.group("inv"))
        if company is None and not _describes_company(match.group("obj")) and not re.search(r"(?i)\b(?:launch|voyage|new)\b", match.group("obj")):
            return None
        return Hit(company, match.group("obj"), investors=split_names(investor) if investor else [], money=find_amounts(match.group("deal"))[0],
                    rule="funding.investor-launches")
    match = _SELLS_STAKE.match(headline)
    if match and not (match.group("share") and float(match.group("share")) >= 50):
        # "Avery Brewing sells minority ownership stake to Mahou San Miguel": the seller takes the money for new shares
        buyer, _, deal = match.group("inv").partition(" for ")  # "... stake to Mahou San Miguel for $30 million"
        company, investor = company_from_subject(match.group("co")), company_from_subject(buyer)
        if company and investor:
            moneys = find_amounts(deal)
            return Hit(company, "", investors=split_names(investor), money=moneys[0] if moneys else None, rule="funding.sells-stake-to")
    match = rules.JOINS_ROUND.match(headline)
    if match:
        company = company_from_subject(match.group("co"))
        if company:
            investors = [n for n in re.split(r"\s+and\s+|,\s*", match.group("inv")) if n]
            return Hit(company, "", investors=[company_from_subject(n) or n for n in investors], rule="funding.joins-round")
    return None


# A company selling part of itself: "Avery Brewing sells minority ownership stake to Mahou San Miguel"; not "Godrej sells its 30%
# stake" (its holding in another company) nor a majority.
_SELLS_STAKE = re.compile(
    r"^(?P<co>[^,;:]+?)\s+(?i:sells|sold|offloads)\s+(?:an?\s+)?(?:(?i:minority)|(?P<share>\d+(?:\.\d+)?)\s?%)\s+(?:(?i:ownership|equity)\s+)?"
    r"(?i:stake)\s+(?i:to)\s+(?P<inv>[^,;:]+)$"
)


def headline_hit(headline: str, summary: str, tokens: frozenset[str]) -> Hit | None:
    hit = None
    if tokens & rules.FUNDING_WORDS or tokens & _OTHER_SHAPE_WORDS:
        hit = (_company_raises(headline, summary) or _investor_backs(headline, summary) or _with_round(headline)
               or _other_shapes(headline))
    if hit is None and tokens & _NOUN_SHAPE_WORDS and MONEY_MARK.search(headline):
        hit = _noun_shapes(headline)
        if hit is None and "valued" in tokens:
            hit = _valued_after(headline)
    if hit is None and summary[:1].isupper():
        hit = _summary_lead(headline, summary)
    if hit is not None and hit.company and is_investor_name(hit.company):
        return None  # "Balderton Capital raises $1.3 billion": a firm's own fund
    return hit


_NOUN_SHAPE_WORDS = frozenset("round funding financing raise fundraise fundraising investment backing seed series".split())
MONEY_MARK = re.compile(r"\d")
_CLAUSE_SPLIT = re.compile(r":\s+|\s+[-|]\s+|;\s+")


@functools.cache
def _noun_patterns() -> dict[str, re.Pattern[str]]:
    """`rules.NOUN_SHAPES_SOURCE` compiled with the money pattern (on first use: the money pattern is large)."""
    return {key: re.compile(source.replace("AMOUNT", AMOUNT)) for key, source in rules.NOUN_SHAPES_SOURCE.items()}


def _noun_shapes(headline: str) -> Hit | None:
    """A round told as a noun phrase: "$30M Series B for Verdigris", "Halcyon's $50M Series C puts it on track",
    "Revolut in $500M funding round", "With $50M in new funding, Pachama sets out to restore forests".

    Each clause of the headline (after "Exclusive:", before " - Site") is tried on its own.
    """
    for clause in _CLAUSE_SPLIT.split(headline):
        low = lower(clause)
        if not MONEY_MARK.search(clause) or rules.not_a_round(low, words(clause)):
            continue
        for key, pattern in _noun_patterns().items():
            match = pattern.match(low)
            if match is None:
                continue
            subject = clause[match.start("co") : match.end("co")]
            if key == "possessive":  # "Advocate Aurora, Novant Health ... back Xealth's $24M round": the name before "'s"
                own = re.search(r"(?:[A-Z0-9][\w.&!-]*\s+){0,3}[A-Z0-9][\w.&!-]*$", subject)
                subject = own.group(0) if own and re.search(r"\s[a-z]", subject) else subject
                subject = _HEADLINE_GERUND.sub("", subject, count=1)  # "Decoding Rapido's $120 Mn unicorn round"
            if key == "with":
                lead = re.match(r"(?:[A-Z0-9][\w.&'-]*\s+)*?[A-Z0-9][\w.&'-]*(?=\s+[a-z]|[,.]|$)", subject)
                subject = lead.group(0) if lead else ""
            company = company_from_subject(subject) if subject.strip() else None
            moneys = find_amounts(clause[match.start("amount") : match.end("amount")])
            after = clause[match.end("amount") :]
            if company is None or not moneys or rules.NOT_ROUND_AMOUNT.match(after) or rules.AFTER_EXCLUDED.match(after):
                continue
            if is_investor_name(company) or rules.GENERIC_INVESTORS.match(company):
                continue
            return Hit(company, clause[match.start("amount") :], money=moneys[0], rule=f"funding.noun-{key}")
    return None

_TAIL_END = re.compile(r"[,;|]\s|:\s|\s-\s")  # where the words after a headline's funding verb end


def _company_raises(headline: str, summary: str = "") -> Hit | None:
    for verb in rules.VERB_BY_LETTER.finditer(lower(headline)):
        if verb.group(0).startswith("had "):
            continue  # "TriNetX had raised $102m ... before agreeing to a purchase by Carlyle": history told before the news
        before = headline[: verb.start()]
        meet = rules.MEET.match(before) if before.startswith(("Meet", "Inside", "meet", "inside")) else None
        if meet:
            before = meet.group("co")
        elif not before.strip() or rules.SUBORDINATE.search(before[-40:]):
            continue
        if before.split()[-1].lower() in _GROUP_SUBJECT:
            return None  # "Finnish Startup Hub Starttaamo Says Its Members Have Raised Up To €25M": many companies, no one round
        tail = _TAIL_END.split(headline[verb.end():], maxsplit=1)[0]
        reports, money = _reports_round(verb.group(0), tail, summary)
        if not reports:
            continue
        company = _clause_subject(before)
        if company and summary and company.split()[-1].lower() in TITLE_DESCRIPTORS and not has_word(summary, company):
            company = None  # "Malaysian Healthy Snacks E-commerce Platform Receives Funding": described; the summary names it
        change = "reported" if rules.REPORTED_VERB.match(verb.group(0)) else "raised"
        if company is None and not _describes_company(before):
            return None  # "AI startups raised $40B": the subject is not one company
        unsized = money is None and rules.REPORTED_VERB.fullmatch(verb.group(0)) is not None and bool(_MORE_MONEY.match(tail))
        return Hit(company, tail, money=money, change=change, rule="funding.headline-unsized" if unsized else "funding.headline")
    return None


# Plural subjects that are many companies: their money is a market figure, not a round.
_GROUP_SUBJECT = frozenset("members startups start-ups companies firms businesses founders entrepreneurs fintechs biotechs".split())
_HEADLINE_GERUND = re.compile(r"(?:Decoding|Explaining|Inside|Unpacking|Understanding|Examining|Exploring|Analy[sz]ing)\s+(?=[A-Z])")


def _clause_subject(before: str) -> str | None:
    """The company before a verb: the clause's own subject in a list ("Tesla Eyes Plant, Rapido Seeks Funding")."""
    last = before.rstrip().rsplit(", ", 1)
    if len(last) == 2 and last[1].startswith("and "):
        last[1] = last[1][4:]  # "..., dLocal fraud allegations send stock into freefall, and Stori raises $50 Million"
    if len(last) == 2 and last[1][:1].isupper() and not re.fullmatch(r"(?:Inc|Ltd|LLC|Corp|Co|plc|GmbH|AG|SA)\.?", last[1].strip()):
        company = company_from_subject(last[1])
        if company:
            return company
        if re.search(r"-backed\s", last[1]) and _describes_company(last[1]):
            return None  # "Gates, Bezos-backed Blood Testing Firm Nears $1 Billion Funding": the firm, described, not "Gates"
    return company_from_subject(before)


def _describes_company(subject: str) -> bool:
    """"Secretive air taxi startup", "Gene-splicing start-up using CRISPR": a subject that stands for one unnamed company."""
    return any(re.sub(r"[^\w-]", "", word.lower()) in rules.COMPANY_NOUNS for word in subject.split())


_LAUNCH_VERB = re.compile(r"(?i)launch(?:e[sd])?|unveils?|funds|bankrolls|backs|forms?|creates?|starts|spins\s+out")


def _with_round(headline: str) -> Hit | None:
    """"Poseida marches on with $30.5M Series B"; "Third Rock launches cancer drug developer with $40M bankroll"."""
    match = rules.WITH_ROUND.match(headline)
    if match is None:
        return None
    tail = match.group("deal")
    moneys = find_amounts(tail)
    money = moneys[0] if moneys and rules.FILLER.match(tail[: moneys[0].start]) else None
    if not rules.FUNDING_NOUN.search(lower(tail)) or (money and rules.NOT_ROUND_AMOUNT.match(tail[money.end :])):
        return None
    subject, obj = match.group("subj"), (match.group("obj") or "").strip()
    if obj and _LAUNCH_VERB.match(match.group("verb")):  # "X launches <a new biotech> with $26M": the new company's money
        company = company_from_subject(obj)
        investors = split_names(company_from_subject(subject) or "")
        if company is None and not _describes_company(obj):
            return None
        return Hit(company, tail, money=money, investors=investors, rule="funding.launches-with")
    company = company_from_subject(subject)
    if company is None and not _describes_company(subject):
        return None
    return Hit(company, tail, money=money, rule="funding.with-round")


def _reports_round(verb: str, tail: str, summary: str = "") -> tuple[bool, Money | None]:
    """Whether the words after a funding verb describe money raised (not a contract, not prices), and the amount.

    "adds $101M to test ..." reads as a round only when the summary speaks of one.
    """
    if rules.OTHER_OBJECT.match(tail):
        return False, None
    first = first_amount(tail)
    if first is not None and not rules.FILLER.match(tail[: first.start]):
        first = None  # "raises minimum wage to $20": the amount is not what was raised
    if first is not None and (rules.NOT_ROUND_AMOUNT.match(tail[first.end:]) or rules.capex_after(tail, first.end)):
        return False, None  # "$12M contract", "€50,000 prize", "€180m Irish infant nutrition expansion"
    if rules.DEBT_VERB.match(verb):
        # "Olympic Signs New $400 Million Credit Facility", "Amen Bank of Tunisia Borrows $17m from Sanad"; not "signs $10B contract"
        loan = rules.DEBT_NOUN.search(lower(" ".join(tail.split()[:6])))
        return (bool(loan) or (verb.startswith("borrow") and first is not None)), first
    if rules.REPORTED_VERB.fullmatch(verb) and verb.endswith(("raising", "raise")) and _MORE_MONEY.match(tail):
        return True, None  # "Tech unicorn Airwallex raising more funds", "Spanish startup Glovo to raise funds for new Latam tech center"
    if rules.FUNDING_NOUN.search(lower(" ".join(tail.split()[:8]))) or rules.TALKS_TO_RAISE.match(verb) or _UNSTATED_ROUND.match(tail):
        return True, first  # "in talks to raise at $1B valuation": the verb says it is a round
    if rules.NEEDS_NOUN.match(" ".join(verb.split())):
        # "Groq Eyes $650M as the AI Inference Race Heats Up" over "Groq is reportedly in the process of raising $650 million"
        weak = verb.strip() in ("adds", "draws", "eyes", "nears") and rules.SUMMARY_ROUND.search(summary[:300])
        return (first is not None, first) if weak else (False, None)
    return first is not None, first


# Money a company is raising, its size not told: "raising more funds", "to raise funds for", "raising new investments".
_MORE_MONEY = re.compile(r"(?i)\s*(?:(?:more|new|fresh|additional|further)\s+)?(?:funds|money|capital|cash|investments?)\b(?!\s+raised)")
# A round whose size is not told: "Dexude raises undisclosed amount", "Moped Raises Capital from US Investors".
_UNSTATED_ROUND = re.compile(
    r"\s*(?:an?\s+)?(?:(?i:undisclosed\s+(?:amount|sum))|(?i:(?:new\s+|fresh\s+)?(?:capital|funds|cash|money)\s+from)\s+"
    r"(?:[A-Z]|(?i:(?:\w+\s+)?(?:investors|backers|vcs)\b))|(?i:(?:six|seven|eight|nine)-figure\s+(?:sum|amount|round)))"
)


def _summary_lead(headline: str, summary: str) -> Hit | None:
    """A feature headline ("Acme wants to fix payroll") whose summary opens with "Acme has raised $10M ...".

    Only when the summary's first words are the company the headline opens with, so that an
    aside about an earlier round ("Acme, which raised $20M last year, ...") never counts.
    """
    lead = rules.LEADING_WORDS.match(headline)
    if lead is None or not summary.startswith(lead.group(0)) or rules.OTHER_NEWS.search(headline):
        return None
    first = sentences(summary)[0]
    match = rules.SUMMARY_LEAD.match(first, len(lead.group(0)))
    if match is None or rules.EARLIER_SENTENCE.search(first) or not rules.FUNDING_NOUN.search(lower(first)):
        return None
    company = company_from_subject(lead.group(0))
    money = first_amount(first[match.end() - 1 :]) if company else None
    if company is None or money is None or rules.NOT_ROUND_AMOUNT.match(first[money.end + match.end() - 1 :]):
        return None
    return Hit(company, first[match.end() - 1 :], money=money, rule="funding.summary-lead")


def _valued_after(headline: str) -> Hit | None:
    """"Acme valued at $2 bln after $300 mln funding round": the round is the amount that is not the valuation."""
    match = rules.VALUED.match(headline)
    if not match or not rules.FUNDING_NOUN.search(lower(match.group("rest"))):
        return None
    company = company_from_subject(match.group("co"))
    if company is None:
        return None
    money = next((m for m in find_amounts(match.group("rest")) if not rules.AFTER_EXCLUDED.match(match.group("rest")[m.end:])), None)
    # "after $150 million Series D": here "after" introduces this round, not an earlier one
    round_name = round_in(re.sub(r"^(?i:after|following|in|with)\s+", "", match.group("rest")))
    return Hit(company, match.group("rest"), money=money, rule="funding.valued-after", round=round_name)


def _investor_backs(headline: str, summary: str = "") -> Hit | None:
    if not (rules.INVESTOR_VERB.search(headline) or _PLURAL_OR_PAST_BACKING.search(headline) or "stake" in headline.lower()
            or "said to back" in headline.lower()):
        return None
    round_shape = _investor_round(headline)
    if round_shape is not None:
        return round_shape
    put_in = investor_deal(headline, summary)
    if put_in is not None:
        # "MUFG Buys Stake in Philippine Fintech GCash for $393 Million", "SoftBank to Invest $2 Billion in Korean E-Commerce Site Coupang"
        return Hit(put_in.company, put_in.tail, investors=split_names(put_in.investor), money=put_in.money,
                    change="reported" if put_in.reported else "raised", rule="funding.investor-puts-money-in")
    for pattern, lead in ((rules.INVESTOR_LEADS_OWN, True), (rules.INVESTOR_LEADS, True), (rules.INVESTOR_BACKS, False)):
        match = pattern.match(headline)
        if not match:
            continue
        generic = bool(rules.GENERIC_INVESTORS.match(match.group("inv").strip()))  # "Investors pump $25M into Kiteline"
        investor = None if generic else company_from_subject(match.group("inv"))
        company = _company_before_descriptor(match.group("co"))
        deal = " ".join(filter(None, (match.group("deal"), match.groupdict().get("deal2"))))
        if (investor is None and not generic) or company is None or (generic and not find_amounts(deal)):
            continue
        if not (rules.FUNDING_NOUN.search(lower(deal)) or find_amounts(deal) or (
                pattern is rules.INVESTOR_BACKS and _DESCRIBED_COMPANY.search(match.group("co")))):
            continue  # "Tencent backs Argentina mobile banking startup Uala": no amount, but the object is told to be a company
        names = split_names(investor) if investor else []
        moneys = [m for m in find_amounts(deal) if not rules.NOT_ROUND_AMOUNT.match(deal[m.end :])]
        return Hit(company, deal, leads=names if lead else [], investors=names, money=moneys[0] if moneys else None,
                    rule="funding.investor-backs")
    return _invests_in(headline)


# "McRock Capital has led the Series B financing of", "Sendy Limited, Mobility 54 and Saviu Ventures back ...".
_PLURAL_OR_PAST_BACKING = re.compile(r"\s(?:led|back)\s")
# An object told to be a young company by a description before its name: "digital logistic platform Kamtar", "mobile banking
# startup Uala" ("crypto firm World Liberty" is not enough: a firm is backed by politicians too).
_DESCRIBED_COMPANY = re.compile(
    r"(?<![\w-])(?:startup|start-up|platform|fintech|insurtech|healthtech|medtech|edtech|proptech|neobank|biotech|upstart|"
    r"spinout|spin-out|unicorn)\s+[A-Z0-9][\w.&'!-]*(?:\s+[A-Z0-9][\w.&'!-]*){0,2}\s*$"
)


# "Classplus invests in Gyan Live", "SoftBank invests in Rice Robotics' deliveries": an investor's stake in a named company.
_INVESTS_IN = re.compile(r"^(?P<inv>[^,;:]+?)\s+(?:invests|has\s+invested|invested)\s+in\s+(?P<co>[^,;:]+?)\.?$")
_OWNED_THING = re.compile(r"^(?P<co>.+?)'s?\s+[a-z][\w\s-]*$")


def _invests_in(headline: str) -> Hit | None:
    """An investor investing in a named company, no amount stated; not in a place, a sector or a company's project."""
    match = _INVESTS_IN.match(headline)
    if match is None:
        return None
    named = re.search(r"(?:[A-Z][\w.&'-]*\s+){0,3}[A-Z][\w.&'-]*$", match.group("inv"))  # "Family office Tayside Australia"
    investor = company_from_subject(match.group("inv")) or (company_from_subject(named.group(0)) if named else None)
    target = match.group("co").strip()
    owned = _OWNED_THING.match(target)
    if owned and not re.search(r"(?i)\b(?:project|mine|plant|facility|property|asset|site|royalty)s?\b", target):
        target = owned.group("co")  # "Rice Robotics' deliveries": the company, not what it does
    company = _company_before_descriptor(target)
    if investor is None or company is None or not company[:1].isupper() or is_investor_name(company):
        return None
    if not re.fullmatch(r"(?:[A-Z0-9][\w.&'!-]*\s*){1,4}", company) or rules.GENERIC_INVESTORS.match(investor):
        return None
    return Hit(company, "", investors=split_names(investor), rule="funding.investor-invests-in")


_REPORTED_SHAPE = re.compile(r"(?i)\b(?:said\s+to|set\s+to|reportedly|sources?|report|reports|in\s+talks)\b")


def _investor_round(headline: str) -> Hit | None:
    """"DoorDash Backs Round Valuing Delivery Startup Flink At $2.5bn: Sources": an investor's round in a named company."""
    match = rules.INVESTOR_ROUND.match(headline)
    if match is None:
        return None
    investor = company_from_subject(match.group("inv"))
    company = _company_before_descriptor(match.group("co"))
    if investor is None or company is None or is_investor_name(company):
        return None
    deal = match.group("deal") or ""
    moneys = [m for m in find_amounts(deal) if not rules.NOT_ROUND_AMOUNT.match(deal[m.end :])]
    names = split_names(investor)
    leads = names if re.match(r"(?i)co-|lead|led|head|spearhead", match.group("verb")) else []
    change = "reported" if match.group("said") and not re.fullmatch(r"(?i)\s*(?:to|will)\s*", match.group("said")) or \
        _REPORTED_SHAPE.search(headline) else "raised"
    return Hit(company, headline[match.start("verb") :], leads=leads, investors=names, money=moneys[0] if moneys else None,
                change=change, rule="funding.investor-round")


_TRAILING_DESCRIPTOR = re.compile(r"^(?P<name>.*?[A-Z][\w.&'!-]*)\s+(?:start-?up|company|firm|app|platform|group|outfit|unicorn)$")


def _company_before_descriptor(subject: str) -> str | None:
    """"Gorillas start-up" → "Gorillas": a name followed by a lower-case description of it (never "AI startup")."""
    company = company_from_subject(subject)
    if company is not None:
        return company
    match = _TRAILING_DESCRIPTOR.match(subject.strip())
    if match is None or re.fullmatch(r"[A-Z]{1,3}", match.group("name").split()[-1]):
        return None
    return company_from_subject(match.group("name"))
