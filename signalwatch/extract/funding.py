"""Funding rounds in news: who raised, how much, which round, and from whom.

The headline is read first (its grammar is the strongest evidence); the summary then completes
it (the body's figure wins over a rounded headline one) and adds the rounds only it reports,
in the shapes of `funding_summary`. A headline whose subject names no company ("Gene Therapy
Biotech Secures $37.5 Million") takes the company the summary names. When none of these shapes
finds a round, `funding_clause` reads one from the clause around an amount tied to a round noun,
whatever its verb ("Cellarity made $121 million in its recent Series C"); it also adds the other
rounds of a summary that states several amounts. An investor's headline ("MUFG Buys Stake in Philippine
Fintech GCash for $393 Million") is read by `funding_investor`. Last, the rounds found are checked against
the item as a whole: money an investment firm's fund, a purchase or a government programme is dropped, a
range is no amount, a round the summary tells on unnamed sources is `reported`, a Title Case headline's
subject is cut to the name the summary writes, and a time that opens a sentence ("On Wednesday, the startup said")
is never a company.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from signalwatch.events import EventType
from signalwatch.extract import funding_patterns as rules
from signalwatch.extract.funding_clause import MONEY_MARK as _MONEY_MARK_RE
from signalwatch.extract.funding_clause import clause_round, clause_rounds, other_figure
from signalwatch.extract.funding_investor import investor_deal
from signalwatch.extract.funding_summary import Round, headline_roundup, is_investor_name, reported_in, summary_rounds
from signalwatch.extract.model import Extraction
from signalwatch.extract.money import AMOUNT, Money, find_amounts
from signalwatch.extract.text import (
    company_from_subject,
    fuller_name,
    has_company_suffix,
    is_place,
    lower,
    quote,
    sentences,
    split_names,
    strip_wire_credit,
    words,
)

__all__ = ["extract_funding", "FUNDING_WORDS", "FUNDING_SHAPE_WORDS"]

FUNDING_WORDS = rules.FUNDING_WORDS
SUMMARY_SENTENCES = 4


@dataclass
class _Hit:
    company: str | None  # None: the headline's subject describes the company without naming it
    tail: str  # the headline after the verb: where the amount and round are read first
    leads: list[str] = field(default_factory=list)
    investors: list[str] = field(default_factory=list)
    money: Money | None = None  # the amount right after the verb, when there is one
    change: str = "raised"
    rule: str = "funding.headline"
    round: str | None = None  # a round the shape itself names ("awards a grant to")


def extract_funding(headline: str, summary: str, tokens: frozenset[str] | None = None) -> list[Extraction]:
    """The funding rounds an item reports, headline first; [] when it reports none.

    `tokens` is `words(headline)` when the caller already has it.
    """
    tokens = tokens if tokens is not None else words(headline)
    if _EMOJI.search(headline):  # "... and Stori 🇲🇽 raises $50 Million in debt financing": a flag between name and verb
        headline = " ".join(_EMOJI.sub(" ", headline).split())
    summary = strip_wire_credit(summary)  # "(Reuters) -Scale AI said ...": the first sentence's subject is the company
    summary_sentences = sentences(summary)[:SUMMARY_SENTENCES] if summary else []
    not_a_round = rules.not_a_round(lower(headline), tokens)
    hit = None if not_a_round else _headline_hit(headline, summary, tokens)
    if hit is not None and rules.about_a_fund(summary):
        hit = None  # the summary shows the money is an investment firm's own fund
    rounds = summary_rounds(summary_sentences, hit.company if hit else _lead_name(headline, summary)) if summary_sentences else []
    found: list[Round] = []
    if hit is not None:
        head = _headline_round(hit, headline, summary_sentences, rounds)
        if head is not None:
            found.append(head)
    if tokens & (rules.FUNDING_WORDS | _ROUNDUP_WORDS) and not rules.about_a_fund(summary):
        found += headline_roundup(headline, found[0].company if found else None)
    for extra in rounds:
        twin = next((r for r in found if _same_company(r.company, extra.company)), None)
        if twin is None:
            if extra.company:
                extra.company = fuller_name(extra.company, [headline])  # "AffaMed" over a headline "AffaMed Therapeutics"
            found.append(extra)
        else:
            _complete(twin, extra)
    kept = _fund_money_dropped(_dedupe_rounds(found), headline, summary)
    for worth in kept:
        if worth.money is None and worth.why.startswith("funding.worth-after-round"):
            # "Revolut has become the UK's most valuable fintech startup after a funding round ...": its figure comes later
            worth.money, source = _summary_amount_from(summary_sentences[1:])
            if worth.money is not None:
                worth.why += f"; amount from the summary: {quote(source, 90)}"
    if len(kept) == 1 and kept[0].money is None and kept[0].company and not kept[0].why.startswith("funding.headline-unsized"):
        # "Bolt valued at $4.75 billion in new funding round" over "Bolt stated Monday that it has raised 600 million euros":
        # the item's one round without a figure takes the one a summary sentence about the company gives it (not one the
        # headline says is unsized: "Airwallex raising more funds" over "... as $27 million remains frozen")
        kept[0].money, source = _summary_amount_from(summary_sentences, kept[0].company)
        if kept[0].money is not None:
            kept[0].why += f"; amount from the summary: {quote(source, 90)}"
    if not kept and not not_a_round and not rules.about_a_fund(summary):
        kept = _clause_rounds(headline, summary_sentences)
    elif kept and len(_MONEY_MARK_RE.findall(summary)) >= 2 and not not_a_round and not rules.about_a_fund(summary):
        # "QuEra ... secured $230 million ...; Quantum Machines ... raised $170 million": the other rounds a summary lists
        for extra in clause_rounds("", summary_sentences):
            if extra.company and extra.money and not any(
                    _same_company(r.company, extra.company) or (r.money and _close(r.money, extra.money)) for r in kept):
                extra.primary = False
                kept.append(extra)
    kept = [r for r in kept if not _GOVERNMENT_BODY.search(r.company or "")]
    kept = _without_time_names(kept, headline, summary)
    if kept and _MONEY_MARK.search(headline):
        # "TikTok to buy $1.5 billion majority stake in ... Tokopedia" over "... with a $1.5 billion investment in ... Tokopedia":
        # money the headline calls a purchase or a contract is no round, however the summary words it
        spent = [m for m in find_amounts(headline) if _PURCHASE_AFTER.match(headline, m.end)]
        kept = [r for r in kept if not (r.money and any(_close(r.money, m) for m in spent))]
    for found_round in kept:
        if found_round.company:
            found_round.company = _summary_spelling(found_round.company, headline, summary)
        if found_round.money is not None and _range_end(found_round.money, [headline, *summary_sentences]):
            found_round.money = None  # "around $100 million to $150 million": a range is no amount (LABELLING.md)
            found_round.why += "; amount: a range"
        if found_round.change == "raised" and _unnamed_source(found_round, summary_sentences):
            found_round.change = "reported"
            found_round.why += "; reported: the summary cites unnamed sources"
    return [_extraction(r, headline, summary_sentences, only=len(kept) == 1) for r in kept]


# A government body gives money, it does not raise a round: "Biomedical Advanced Research and Development Authority has announced
# up to $500 million in Project NextGen funding" is a programme (LABELLING.md: a grant programme is a negative).
_GOVERNMENT_BODY = re.compile(r"\b(?:Authority|Agency|Ministry|Department|Commission|Government|Administration|Council)\b")


# What follows an amount that is an investment firm's fund: "$537 million new fund", "$1.1B Fund For New Biotech Cos.".
_FUND_AFTER = re.compile(r"(?i)\s+(?:[\w-]+\s+){0,2}?fund\b(?!ing)")


# What follows an amount that is a price or a contract, not a round (a minority stake in a startup is a round: LABELLING.md).
_PURCHASE_AFTER = re.compile(
    r"(?i)\s+(?:(?!to\b|for\b)[\w-]+\s+){0,2}?(?:(?:majority|controlling)\s+stake|contracts?|acquisition|buyout|purchase|merger|takeover|tender)\b"
)
_FUND_WORD = re.compile(r"(?i)\bfund\b")  # a cheap screen


def _fund_money_dropped(rounds: list[Round], headline: str, summary: str) -> list[Round]:
    """The rounds whose money is not an investment firm's own fund.

    "Flagship banks $537M to back the next batch of biotechs" over "Flagship Ventures put together a $537 million new
    fund": the headline's money is the fund. Under a headline about a fund ("VC Firm Closes On $1.1B Fund"), a round
    the summary tells without an amount ("said it closed on its seventh such capital raise") is the same fund; a
    round with an amount of its own ("leading a $25 million Series A for Foundation Medicine") stays.
    """
    if not rounds or not (_FUND_WORD.search(headline) or _FUND_WORD.search(summary)):
        return rounds
    funds = [m for text in (headline, summary) for m in find_amounts(text) if _FUND_AFTER.match(text, m.end)]
    if not funds:
        return rounds
    headline_fund = any(_FUND_AFTER.match(headline, m.end) for m in find_amounts(headline))
    return [r for r in rounds if not (r.money is None and headline_fund) and not (r.money and any(_close(r.money, f) for f in funds))]


# An unnamed source for what a sentence tells (LABELLING.md: "cites unnamed sources", "media reports count as unnamed sources").
_UNNAMED_SOURCE = re.compile(
    r"(?i)\baccording\s+to\s+(?:(?:two|three|several)\s+)?(?:people|sources|a\s+person|persons|(?:media|press|news)\s+reports|those)\b"
    r"|\bpeople\s+(?:familiar|with\s+knowledge|close\s+to|briefed)\b|\bsources?\s+(?:said|say|says|told|close|familiar)\b"
    r"|\b(?:has|have)\s+learned\b|\bunderstands\b"
)


# The start of a range just before an amount: "$100 million to ", "20 billion to ", "$14 million-", "between £300 million and ".
_RANGE_UNIT = r"(?:million|billion|trillion|mln|bln|mn|bn|m|b|crore)"
_RANGE_NUMBER = rf"(?:(?:[$€£¥₹]|us\$|a\$)\d[\d.,]*(?:\s*{_RANGE_UNIT})?|\d[\d.,]*\s*{_RANGE_UNIT})"
_RANGE_START = re.compile(  # a figure with a currency or a unit: "15 March 2021 – $1.9bn" is a date, then the amount
    rf"(?i)(?:(?<!from\s){_RANGE_NUMBER}\s*(?:to|-|–)|\bbetween\s+{_RANGE_NUMBER}\s*and)\s*$"
)


_RANGE_MARK = re.compile(r"\d\s*(?:[A-Za-z]+\s*)?(?:to|-|–|and)\s*(?:[$€£¥₹]|[A-Za-z]{0,2}\$)?\s*\d")  # a cheap screen


def _range_end(money: Money, texts: list[str]) -> bool:
    """Whether the round's amount is the top of a range somewhere in the item ("has invested around $100 million to $150
    million", "20 billion to 30 billion won"), not "from $4.5bn to $6.2bn" (a change)."""
    for text in texts:
        if not _RANGE_MARK.search(text):
            continue
        for other in find_amounts(text):
            if other.amount == money.amount and other.currency == money.currency and \
                    _RANGE_START.search(text[max(0, other.start - 40) : other.start]):
                return True
    return False


_DEBT_WORDS = re.compile(r"(?i)\b(?:facility|credit\s+line|loan|notes)\b")


def _unnamed_source(found: Round, summary_sentences: list[str]) -> bool:
    """Whether the summary sentence that states this round cites unnamed sources: "Danantara has lined up a ... credit
    facility equivalent to US$1 billion, according to people familiar with the matter".

    The sentence must state the round's amount (or, for a round without one, name the company): a source for the
    valuation ("valued at $2.7 billion ..., according to a person familiar") or for who led ("sources close to the deal
    have confirmed that Uber spearheaded") leaves a round the company announced as raised.
    """
    own = _own_word(found.company)
    for sentence in summary_sentences[:3]:
        if not _UNNAMED_SOURCE.search(sentence) or not (rules.SUMMARY_FUNDING.search(sentence) or _DEBT_WORDS.search(sentence)):
            continue
        if any(_close(found.money, m) for m in find_amounts(sentence)) if found.money else bool(own and _has_word(sentence, own)):
            return True
    return False


def _summary_spelling(company: str, headline: str, summary: str) -> str:
    """The part of a Title Case headline's subject that the summary writes as the name.

    "Online Design Platform Legends Canva" over "Canva is an online design platform" is "Canva" (a description
    before the name); "Tempus Targets Diseases Beyond Cancer" over "privately held Tempus last week raised" is
    "Tempus" (three words or more of the headline run on after it). Only when the summary never writes the
    headline's words as they are: a summary that shortens a name ("Cullinan" for "Cullinan Oncology", "Stacked"
    for "Stacked Farm") leaves the headline's spelling.
    """
    words_ = company.split()
    if len(words_) < 2 or not summary or company not in headline or _has_word(summary, company):
        return company
    for cut in range(1, len(words_)):
        head, name = words_[:cut], " ".join(words_[cut:])
        if any(word.lower() in _TITLE_DESCRIPTORS for word in head) and _has_word(summary, name) \
                and company_from_subject(name) == name:
            return name  # the name after the description's last noun
    for size in range(1, len(words_) - 2):
        name = " ".join(words_[:size])
        if len(name) >= 3 and _has_word(summary, name) and not _has_word(summary, " ".join(words_[: size + 1])) \
                and company_from_subject(name) == name:
            return name
    return company


# Nouns of a Title Case description before a name: "Online Design Platform Legends Canva", "European Tech Blog Tech.eu".
_TITLE_DESCRIPTORS = frozenset(
    "platform blog startup start-up firm company site app marketplace maker developer provider fintech unicorn biotech "
    "lender neobank retailer brand player service outfit upstart legends pioneer specialist".split()
)


def _has_word(text: str, name: str) -> bool:
    """Whether `text` writes `name` as whole words, in its own case (a string search: a pattern per name would be compiled
    for every item)."""
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "_.-") and not (after.isalnum() or after in "_-"):
            return True
        start = text.find(name, start + 1)
    return False


# Flags (regional indicator pairs) and pictographs that newsletters write after names.
_EMOJI = re.compile("[\U0001F1E6-\U0001F1FF\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F]+")


def _clause_rounds(headline: str, summary_sentences: list[str]) -> list[Round]:
    """The round `funding_clause` reads from an amount's clause, when the shapes above found none."""
    found = clause_round(headline, summary_sentences)
    if found is None or found.company is None:
        return []
    if found.money is not None and found.tail and found.tail in headline:
        found.money = _body_figure(found.money, summary_sentences[:2])
    found.company = fuller_name(found.company, [headline, *summary_sentences])
    return [found]


# Public bodies whose money to a named company is a grant.
_PUBLIC_FUNDER = re.compile(
    r"\b(?:grants?|european\s+commission|european\s+innovation\s+council|eic\s+accelerator|innovate\s+uk|"
    r"national\s+institutes\s+of\s+health|nih|sbir|horizon\s+(?:2020|europe)|medical\s+research\s+council|"
    r"department\s+of\s+energy|arpa-e|darpa|national\s+science\s+foundation)\b"
)  # matched against lower-cased text


# "will receive up to $240 million from the federal government": public money to a named company is a grant.
_GOVERNMENT_MONEY = re.compile(r"(?i)\b(?:receive|received|receives|awarded|granted|wins|won)\b(?:[^.]|\.(?=\d)){0,80}?\bfrom\s+the\s+"
                               r"(?:(?:federal|provincial|state|national|local|\w+)\s+)?government\b")


_PUBLIC_BODY = re.compile(_PUBLIC_FUNDER.pattern.replace(r"grants?|", ""))  # matched against lower-cased text


def _clause_of(headline: str, tail: str) -> str:
    """The part of a headline (between ";" or "|") that holds `tail`: another clause's round is not this one's."""
    parts = re.split(r"\s*[;|]\s*", headline)
    return next((part for part in parts if tail and tail.strip()[:20] in part), headline)


_ROUNDUP_WORDS = frozenset("funding financing fundraise invests backs".split())
_OTHER_SHAPE_WORDS = frozenset("talks awards grants gives donates funds backs bankrolls finances puts commits pledges pumps pump pour pours inject injects "
    "plow plows invest join joins heading heads spearhead spearheads leading launch unveil form create led back stake".split())
# Headline words besides `FUNDING_WORDS` that can carry a round: the caller's cheap screen.
FUNDING_SHAPE_WORDS = _ROUNDUP_WORDS | _OTHER_SHAPE_WORDS | frozenset(
    "round rounds grant fundraising series seed raise investment backing fundraise pump pumps pour pours inject injects".split()
)


def _other_shapes(headline: str) -> _Hit | None:
    """Investor-side headlines: talks to invest, a grant awarded to a recipient, money put into a new company."""
    match = rules.TALKS_TO_INVEST.match(headline)
    if match:
        company, investor = company_from_subject(match.group("co")), company_from_subject(match.group("inv"))
        if company:
            moneys = find_amounts(match.group("deal") or "")  # "MUFG said in talks to invest $200 million in ... Akulaku"
            return _Hit(company, "", investors=split_names(investor) if investor else [], money=moneys[0] if moneys else None,
                        change="reported", rule="funding.talks-to-invest")
    match = rules.AWARDS_TO.match(headline)
    if match and find_amounts(match.group("deal")) and not rules.NOT_ROUND_AMOUNT.match(
            match.group("deal")[find_amounts(match.group("deal"))[0].end :]):  # "awards $250M contract to Palantir": no grant
        company, investor = company_from_subject(match.group("co")), company_from_subject(match.group("inv"))
        return _Hit(company, "grant", investors=split_names(investor) if investor else [], money=find_amounts(match.group("deal"))[0],
                    rule="funding.awards-grant-to", round="grant")
    match = rules.INVESTOR_LAUNCH.match(headline)
    if match and find_amounts(match.group("deal")):
        company, investor = company_from_subject(match.group("obj")), company_from_subject(match.group("inv"))
        if company is None and not _describes_company(match.group("obj")) and not re.search(r"(?i)\b(?:launch|voyage|new)\b", match.group("obj")):
            return None
        return _Hit(company, match.group("obj"), investors=split_names(investor) if investor else [], money=find_amounts(match.group("deal"))[0],
                    rule="funding.investor-launches")
    match = _SELLS_STAKE.match(headline)
    if match and not (match.group("share") and float(match.group("share")) >= 50):
        # "Avery Brewing sells minority ownership stake to Mahou San Miguel": the seller takes the money for new shares
        buyer, _, deal = match.group("inv").partition(" for ")  # "... stake to Mahou San Miguel for $30 million"
        company, investor = company_from_subject(match.group("co")), company_from_subject(buyer)
        if company and investor:
            moneys = find_amounts(deal)
            return _Hit(company, "", investors=split_names(investor), money=moneys[0] if moneys else None, rule="funding.sells-stake-to")
    match = rules.JOINS_ROUND.match(headline)
    if match:
        company = company_from_subject(match.group("co"))
        if company:
            investors = [n for n in re.split(r"\s+and\s+|,\s*", match.group("inv")) if n]
            return _Hit(company, "", investors=[company_from_subject(n) or n for n in investors], rule="funding.joins-round")
    return None


# A company selling part of itself: "Avery Brewing sells minority ownership stake to Mahou San Miguel"; not "Godrej sells its 30%
# stake" (its holding in another company) nor a majority.
_SELLS_STAKE = re.compile(
    r"^(?P<co>[^,;:]+?)\s+(?i:sells|sold|offloads)\s+(?:an?\s+)?(?:(?i:minority)|(?P<share>\d+(?:\.\d+)?)\s?%)\s+(?:(?i:ownership|equity)\s+)?"
    r"(?i:stake)\s+(?i:to)\s+(?P<inv>[^,;:]+)$"
)


def _headline_hit(headline: str, summary: str, tokens: frozenset[str]) -> _Hit | None:
    hit = None
    if tokens & rules.FUNDING_WORDS or tokens & _OTHER_SHAPE_WORDS:
        hit = (_company_raises(headline, summary) or _investor_backs(headline) or _with_round(headline)
               or _other_shapes(headline))
    if hit is None and tokens & _NOUN_SHAPE_WORDS and _MONEY_MARK.search(headline):
        hit = _noun_shapes(headline)
        if hit is None and "valued" in tokens:
            hit = _valued_after(headline)
    if hit is None and summary[:1].isupper():
        hit = _summary_lead(headline, summary)
    if hit is not None and hit.company and is_investor_name(hit.company):
        return None  # "Balderton Capital raises $1.3 billion": a firm's own fund
    return hit


_NOUN_SHAPE_WORDS = frozenset("round funding financing raise fundraise fundraising investment backing seed series".split())
_MONEY_MARK = re.compile(r"\d")
_CLAUSE_SPLIT = re.compile(r":\s+|\s+[-|]\s+|;\s+")


@functools.cache
def _noun_patterns() -> dict[str, re.Pattern[str]]:
    """`rules.NOUN_SHAPES_SOURCE` compiled with the money pattern (on first use: the money pattern is large)."""
    return {key: re.compile(source.replace("AMOUNT", AMOUNT)) for key, source in rules.NOUN_SHAPES_SOURCE.items()}


def _noun_shapes(headline: str) -> _Hit | None:
    """A round told as a noun phrase: "$30M Series B for Verdigris", "Halcyon's $50M Series C puts it on track",
    "Revolut in $500M funding round", "With $50M in new funding, Pachama sets out to restore forests".

    Each clause of the headline (after "Exclusive:", before " - Site") is tried on its own.
    """
    for clause in _CLAUSE_SPLIT.split(headline):
        low = lower(clause)
        if not _MONEY_MARK.search(clause) or rules.not_a_round(low, words(clause)):
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
            return _Hit(company, clause[match.start("amount") :], money=moneys[0], rule=f"funding.noun-{key}")
    return None


def _headline_round(hit: _Hit, headline: str, summary_sentences: list[str], rounds: list[Round]) -> Round | None:
    """The headline's round; a company the headline only describes is the one the summary names."""
    company = hit.company
    why = f"{hit.rule}: {_quote(headline)}"
    if company is None:
        named = next((r for r in rounds if r.money is None or hit.money is None or _close(r.money, hit.money)), None)
        company = named.company if named else _introduced(summary_sentences, hit.investors)
        if company is None:
            return None
        why += f"; company from the summary ({company})"
    money = hit.money if hit.money is not None else _headline_amount(hit.tail)
    if money is None and hit.company is None:
        money = _summary_amount(summary_sentences)
    elif money is not None:
        money = _body_figure(money, summary_sentences[:2])
    change = "reported" if hit.change == "reported" or reported_in(_reported_scope(headline, hit.tail)) else "raised"
    if change == "raised" and summary_sentences and hit.company and _REPORTED_LEAD.search(summary_sentences[0]) \
            and hit.company in summary_sentences[0]:
        change = "reported"  # "Oyo in $1.5bn Series F Round" over "Oyo is reportedly in the process of raising $1.5bn"
    company = fuller_name(company, summary_sentences)
    return Round(company, money, change, round=hit.round, investors=list(hit.investors), leads=list(hit.leads), why=why,
                 tail=hit.tail, primary=True)


# Words after a round in the headline that still attribute it: "Acme raises $5M, sources say".
_ATTRIBUTION_TAIL = re.compile(
    r"(?i)^\W*(?:sources?(?:\s+say|\s+said)?|reports?|report\s+says|reportedly|according\s+to\b.*|people\s+familiar\b.*)\W*$"
)
# A summary opening that reports its round as rumour: "Oyo is reportedly in the process of raising $1.5bn".
_REPORTED_LEAD = re.compile(r"(?i)\b(?:reportedly|is\s+said\s+to\s+be|in\s+(?:advanced\s+)?talks|people\s+familiar|sources\s+said)\b")


def _reported_scope(headline: str, tail: str) -> str:
    """The part of a headline that speaks of its round: up to the round's words, and any attribution after them.

    "Northvolt raises US$1.2-billion, reportedly near finalizing Canadian plant": the plant is reported, not the round.
    """
    end = headline.find(tail) + len(tail) if tail and tail in headline else -1
    if end <= 0 or end >= len(headline) or _ATTRIBUTION_TAIL.match(headline[end:]):
        return headline
    return headline[:end]


def _refines(headline: Money, body: Money) -> bool:
    """Whether the body's figure is the headline's written more exactly: "$16M" / "$16.5 million", "$40M" / "$40.7 million";
    not "$542 million" / "total funding to date to $592 million", nor "$940M" / "more than $1 billion" (a coarser total)."""
    digits = f"{headline.amount:.0f}".rstrip("0") or "0"
    step = 10 ** (len(f"{headline.amount:.0f}") - len(digits))  # the headline figure's last written digit
    return abs(body.amount - headline.amount) < step


def _body_figure(money: Money, summary_sentences: list[str]) -> Money:
    """"$40M" in the headline, "$40.7 million" in the body: the body's figure (LABELLING.md).

    A body that writes the figure in two currencies keeps the original one: "€40 million ($45 million)" for a
    headline "$45m", "$1.1B (approximately €1B)" for a headline "€1B".
    """
    for sentence in summary_sentences:
        amounts = find_amounts(sentence)
        for first, second in zip(amounts, amounts[1:]):
            # "Sh800 million" over "US$6.6 million (Kes804 million)": the figure the body writes first, in its own currency
            between = sentence[first.end : second.start]
            if re.fullmatch(r"\s*\(\s*(?:(?:approximately|about|around|roughly|some|or|~)\s+)?", between) and first.currency != second.currency:
                if _close(money, second):
                    return first
        if any(other.amount == money.amount and other.currency == money.currency for other in amounts):
            return money  # "BasiGo nets Sh806m" over "has secured about Sh806 million": the body's first statement agrees
        for other in amounts:
            if _close(money, other) and other.amount != money.amount and _refines(money, other) \
                    and not rules.AFTER_EXCLUDED.match(sentence[other.end :]):
                return other
    return money


def _close(first: Money, second: Money) -> bool:
    """The same round written twice: same currency, amounts within 15% ("$16M" and "$16.5 million")."""
    return first.currency == second.currency and abs(first.amount - second.amount) <= 0.15 * max(first.amount, second.amount)


def _complete(head: Round, extra: Round) -> None:
    """Fill the headline's round from the summary's account of the same round; the body's figure wins."""
    if extra.money is not None and (head.money is None or (_close(head.money, extra.money) and head.money.amount != extra.money.amount)):
        head.money = extra.money
    if head.company and extra.company and len(extra.company) >= len(head.company) + 3:
        head.company = extra.company  # "Ra Pharma" → "Ra Pharmaceuticals", as the summary names it (not "Lab" → "Labs")
    head.investors = head.investors or extra.investors
    head.leads = head.leads or extra.leads
    if extra.round and not head.round:
        head.round = extra.round
    head.why += f"; completed by {extra.why}"


def _same_company(first: str | None, second: str | None) -> bool:
    if not first or not second:
        return False
    a, b = first.lower(), second.lower()
    return a == b or (a.split()[0] == b.split()[0] and (a.startswith(b) or b.startswith(a))) or a.endswith(" " + b) or b.endswith(" " + a)


def _dedupe_rounds(found: list[Round]) -> list[Round]:
    kept: list[Round] = []
    for item in found:
        if not any(_same_company(k.company, item.company) for k in kept):
            kept.append(item)
    return kept


# Phrases that introduce the company a generic headline subject ("Biotech upstart grabs $18M") stands for.
_INTRODUCED = re.compile(
    r"(?:\b(?:dubbed|named|called|wraps\s+off(?:\s+of)?|launch|startup|start-up|biotech|upstart)\s+|-based\s+|'s\s+)"
    r"(?P<co>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})"
)
# "The new financing is the third venture round for Synchron Inc., a six year-old enterprise": the round's company.
_ROUND_FOR = re.compile(
    r"\b(?:round|financing|funding|investment)\s+(?:for|in|into)\s+(?P<co>[^,.;:]{2,80}?)(?=\s+(?:to|that|which|who|with|from|led|at)\b|[,.;:]|$)"
)


def _introduced(summary_sentences: list[str], investors: list[str]) -> str | None:
    """The company a summary introduces: "dubbed Blueprint Medicines", "San Francisco-based Global Blood Therapeutics"."""
    taken = {name.lower() for name in investors}
    candidates = []
    for sentence in summary_sentences:
        for match in _INTRODUCED.finditer(sentence):
            company = company_from_subject(match.group("co").split("--")[0])
            if company and company.lower() not in taken and not is_investor_name(company):
                candidates.append(company)
    for sentence in summary_sentences:
        for match in _ROUND_FOR.finditer(sentence):
            company = company_from_subject(match.group("co"))
            if company and company.lower() not in taken and not is_investor_name(company) and not is_place(company):
                candidates.append(company)
    suffixed = [c for c in candidates if has_company_suffix(c)]
    if suffixed or candidates:
        return (suffixed or candidates)[0]
    for sentence in summary_sentences:
        for match in re.finditer(r"[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){1,3}", sentence):
            company = company_from_subject(match.group(0))
            if company and has_company_suffix(company) and company.lower() not in taken and not is_investor_name(company):
                return company
    for sentence in summary_sentences[:3]:
        # "Grail was created in January of last year by ...", "Carbon Biosciences in Lexington, Massachusetts is based on ...":
        # the summary's next sentence opens with the company the headline only describes
        opening = _OPENING_SUBJECT.match(sentence)
        company = company_from_subject(opening.group("co")) if opening else None
        if company and company.lower() not in taken and not is_investor_name(company) and not is_place(company):
            return company
    return None


# A sentence that opens with a name and its verb (a place may come between): "Grail was created", "Carbon Biosciences in
# Lexington, Massachusetts is based on".
_OPENING_SUBJECT = re.compile(
    r"(?P<co>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})(?:\s+in\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?(?:,\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)?)?"
    r"\s+(?:is|was|has|had|will|said|says|announced|plans)\s"
)


def _extraction(found: Round, headline: str, summary_sentences: list[str], only: bool = False) -> Extraction:
    money = found.money
    parts = [headline, *summary_sentences]
    screen = " ".join(parts).lower()
    company = found.company or ""
    primary = found.primary
    leads = _dedupe(found.leads + (_names(rules.LEAD_PATTERNS, parts, screen) if primary else []), company)
    investors = _dedupe(leads + found.investors + (_names(rules.INVESTOR_PATTERNS, parts, screen) if primary else []), company)
    if found.round:
        round_name = found.round
    elif _PUBLIC_FUNDER.search(f"{found.tail} {found.why}".lower()) or (not primary and _PUBLIC_BODY.search(screen)) or (
            primary and _GOVERNMENT_MONEY.search(summary_sentences[0] if summary_sentences else headline)):
        round_name = "grant"  # money from a public body to a named recipient
    elif primary or only:
        round_name = _round(_clause_of(headline, found.tail) if primary else headline, summary_sentences, company)
    else:
        round_name = _round_in(found.tail) or "undisclosed"
    attributes = {
        "amount": money.amount if money else None,
        "currency": money.currency if money else None,
        "amount_usd": money.amount if money and money.currency == "USD" else None,
        "round": round_name,
        "investors": investors,
        "lead_investors": leads,
    }
    return Extraction(EventType.FUNDING, found.change, _without_legal(found.company), attributes, why=found.why)


_LEGAL_TAIL = re.compile(r",?\s+(?:Inc|Corp|Ltd|LLC|plc|PLC|GmbH|Co)\.?$")


def _without_legal(company: str | None) -> str | None:
    """"Whoop Inc." → "Whoop": the company as the item names it, without its legal form (LABELLING.md)."""
    if company is None:
        return None
    short = _LEGAL_TAIL.sub("", company)
    return short if short and short[0].isalnum() and short != company else company


def _quote(text: str) -> str:
    return quote(text, 100)


def _company_raises(headline: str, summary: str = "") -> _Hit | None:
    for verb in rules.VERB.finditer(lower(headline)):
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
        tail = re.split(r"[,;|]\s|:\s|\s-\s", headline[verb.end():], maxsplit=1)[0]
        reports, money = _reports_round(verb.group(0), tail, summary)
        if not reports:
            continue
        company = _clause_subject(before)
        if company and summary and company.split()[-1].lower() in _TITLE_DESCRIPTORS and not _has_word(summary, company):
            company = None  # "Malaysian Healthy Snacks E-commerce Platform Receives Funding": described; the summary names it
        change = "reported" if rules.REPORTED_VERB.match(verb.group(0)) else "raised"
        if company is None and not _describes_company(before):
            return None  # "AI startups raised $40B": the subject is not one company
        unsized = money is None and rules.REPORTED_VERB.fullmatch(verb.group(0)) is not None and bool(_MORE_MONEY.match(tail))
        return _Hit(company, tail, money=money, change=change, rule="funding.headline-unsized" if unsized else "funding.headline")
    return None


# Plural subjects that are many companies: their money is a market figure, not a round.
_GROUP_SUBJECT = frozenset("members startups start-ups companies firms businesses founders entrepreneurs fintechs biotechs".split())
_LEAD_NAME = re.compile(r"^(?:[A-Z][\w.&'-]*)(?:\s+[A-Z][\w.&'-]*){0,3}(?=\s+[a-z]|'s\s|\s*[:,])")


def _lead_name(headline: str, summary: str = "") -> str | None:
    """The company a headline opens with ("Zorbly becomes unicorn after latest raise"): what "the company" of its summary means.

    With a summary, only a name the summary writes too: "Food sharing made easy" over "OLIO, an app which lets people share
    their leftover food" opens with a word, not a name.
    """
    name = _lead_name_of(headline)
    if name is not None and summary and not _DETERMINER.match(headline) and not _has_word(summary, name.split()[0]):
        return None
    return name


# A sentence opener that is not a name: a time ("On Wednesday", "In June 2021") or a quantifier ("Some", "Additional").
_TIME_NAME = re.compile(
    r"(?:(?:In|On|By|Since|Until|During|From|Through|Last|This|Next|Early|Late|Earlier|Later|Mid)\s+)?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|"
    r"Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday|(?:19|20)\d\d)(?:\s+\d{1,4})?"
    r"|Some|Additional|Others?|Many|Several|Most|Both|All|Each|Meanwhile"
)


def _without_time_names(rounds: list[Round], headline: str, summary: str) -> list[Round]:
    """The rounds with a company that is a name: "In April, the light shone a bit brighter with news of a US$1.7 million seed
    round" under "Bridgit: Built on diversity" is the headline's Bridgit (when the summary writes it); "On Wednesday, the
    startup said it had raised $43 million" under a headline that names the startup is that headline's round, already found."""
    if not any(found.company and _TIME_NAME.fullmatch(found.company) for found in rounds):
        return rounds
    lead_name = _lead_name(headline, summary)
    kept = []
    for found in rounds:
        if found.company and _TIME_NAME.fullmatch(found.company):
            if lead_name is None or any(_same_company(r.company, lead_name) for r in rounds):
                continue
            found.why += f"; company: the headline's {lead_name}, not {found.company!r}"
            found.company = lead_name
        kept.append(found)
    return kept


def _lead_name_of(headline: str) -> str | None:
    if _DETERMINER.match(headline):
        # "Our deal of the week goes to Boston-based Rhythm Pharmaceuticals, a developer of ...": the company it introduces
        based = _BASED_NAME.search(headline)
        return company_from_subject(based.group("co")) if based else None
    match = _LEAD_NAME.match(headline)
    if match is None or rules.INVESTOR_VERB.match(headline[match.end() :].lstrip()):
        return None  # "Pfizer leads $21M Series B for a Michigan startup": the investor, not the company
    return company_from_subject(match.group(0))


# Words that open a headline without naming anyone: "Our deal of the week", "Decoding Rapido's $120 Mn unicorn round".
_DETERMINER = re.compile(r"(?:Our|Your|My|His|Her|Their|Its|This|These|Those|That)\s")
_HEADLINE_GERUND = re.compile(r"(?:Decoding|Explaining|Inside|Unpacking|Understanding|Examining|Exploring|Analy[sz]ing)\s+(?=[A-Z])")
_BASED_NAME = re.compile(r"-based\s+(?P<co>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})")


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


def _with_round(headline: str) -> _Hit | None:
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
        return _Hit(company, tail, money=money, investors=investors, rule="funding.launches-with")
    company = company_from_subject(subject)
    if company is None and not _describes_company(subject):
        return None
    return _Hit(company, tail, money=money, rule="funding.with-round")


def _reports_round(verb: str, tail: str, summary: str = "") -> tuple[bool, Money | None]:
    """Whether the words after a funding verb describe money raised (not a contract, not prices), and the amount.

    "adds $101M to test ..." reads as a round only when the summary speaks of one.
    """
    if rules.OTHER_OBJECT.match(tail):
        return False, None
    first = _first_amount(tail)
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


def _summary_lead(headline: str, summary: str) -> _Hit | None:
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
    money = _first_amount(first[match.end() - 1 :]) if company else None
    if company is None or money is None or rules.NOT_ROUND_AMOUNT.match(first[money.end + match.end() - 1 :]):
        return None
    return _Hit(company, first[match.end() - 1 :], money=money, rule="funding.summary-lead")


def _valued_after(headline: str) -> _Hit | None:
    """"Acme valued at $2 bln after $300 mln funding round": the round is the amount that is not the valuation."""
    match = rules.VALUED.match(headline)
    if not match or not rules.FUNDING_NOUN.search(lower(match.group("rest"))):
        return None
    company = company_from_subject(match.group("co"))
    if company is None:
        return None
    money = next((m for m in find_amounts(match.group("rest")) if not rules.AFTER_EXCLUDED.match(match.group("rest")[m.end:])), None)
    # "after $150 million Series D": here "after" introduces this round, not an earlier one
    round_name = _round_in(re.sub(r"^(?i:after|following|in|with)\s+", "", match.group("rest")))
    return _Hit(company, match.group("rest"), money=money, rule="funding.valued-after", round=round_name)


def _investor_backs(headline: str) -> _Hit | None:
    if not (rules.INVESTOR_VERB.search(headline) or _PLURAL_OR_PAST_BACKING.search(headline) or "stake" in headline.lower()
            or "said to back" in headline.lower()):
        return None
    round_shape = _investor_round(headline)
    if round_shape is not None:
        return round_shape
    put_in = investor_deal(headline)
    if put_in is not None:
        # "MUFG Buys Stake in Philippine Fintech GCash for $393 Million", "SoftBank to Invest $2 Billion in Korean E-Commerce Site Coupang"
        return _Hit(put_in.company, put_in.tail, investors=split_names(put_in.investor), money=put_in.money,
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
        return _Hit(company, deal, leads=names if lead else [], investors=names, money=moneys[0] if moneys else None,
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


def _invests_in(headline: str) -> _Hit | None:
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
    return _Hit(company, "", investors=split_names(investor), rule="funding.investor-invests-in")


_REPORTED_SHAPE = re.compile(r"(?i)\b(?:said\s+to|set\s+to|reportedly|sources?|report|reports|in\s+talks)\b")


def _investor_round(headline: str) -> _Hit | None:
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
    return _Hit(company, headline[match.start("verb") :], leads=leads, investors=names, money=moneys[0] if moneys else None,
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


def _first_amount(text: str) -> Money | None:
    for money in find_amounts(text):
        if not rules.BEFORE_EXCLUDED.search(text[max(0, money.start - 60) : money.start]) and not rules.AFTER_EXCLUDED.match(text[money.end:]):
            return money
    return None


def _headline_amount(tail: str) -> Money | None:
    money = _first_amount(tail)
    if money is None or rules.NOT_ROUND_AMOUNT.match(tail[money.end:]):
        return None
    if not (rules.FILLER.match(tail[: money.start]) or rules.ROUND_PREFIX.match(tail[: money.start])):
        return None
    return money


def _own_word(company: str | None) -> str:
    """The word of a company's name a sentence about it must contain: "Nuvalent", "Bank" for "The Bank of London"."""
    for word in (company or "").split():
        if word.lower() not in ("the", "a", "an") and len(word) > 1:
            return word
    return company or ""


# A sentence that goes on about the one before: "The transactions amounted to ...", "It was led by ...".
_CONTINUES = re.compile(r"(?:The|This|That|It|Its|These|Their)\s")


def _summary_amount(summary_sentences: list[str], company: str | None = None) -> Money | None:
    """The first round's amount the summary's first sentences state; with `company`, only in a sentence that names it."""
    return _summary_amount_from(summary_sentences, company)[0]


def _summary_amount_from(summary_sentences: list[str], company: str | None = None) -> tuple[Money | None, str]:
    """`_summary_amount` and the sentence it was read from (for `--explain`)."""
    own = _own_word(company)
    named = False  # the sentence before named the company: "The transactions amounted to ~ €283 million" follows it
    for sentence in summary_sentences[:3]:
        follows, named = named and bool(_CONTINUES.match(sentence)), own in sentence
        if not rules.SUMMARY_FUNDING.search(sentence) or rules.EARLIER_SENTENCE.search(sentence):
            continue
        if own and own not in sentence and not follows:
            continue
        if own and own in sentence:
            # "... with $50 million in the pocket, cancer startup Nuvalent completed another financing round, this time in a
            # $135 million Series B": the figure told after the company's name
            sentence = sentence[sentence.find(own) :]
        money = _first_amount(sentence)
        if money is not None and own and other_figure(sentence, money):
            continue
        if money is not None and not rules.NOT_ROUND_AMOUNT.match(sentence[money.end:]):
            return money, sentence
    return None, ""


def _round(headline: str, summary_sentences: list[str], company: str = "") -> str:
    found = _round_in(headline)
    if found:
        return found
    own = _own_word(company)
    for sentence in summary_sentences:
        earlier = rules.EARLIER_SENTENCE.search(sentence)
        if earlier and not (own and own in sentence[: earlier.start()]):
            continue
        # "Paystack has raised $8 million in Series A funding ..., a follow-up from the $1.3 million it raised in 2016":
        # the words before the history, naming the company, still name this round
        found = _round_in(sentence[: earlier.start()] if earlier else sentence)
        if found and (earlier is None or found.startswith(("series", "seed", "pre_seed"))):
            return found  # a lettered round, not "debt issuance" told among the history
    return "undisclosed"


# Debt told beside the equity round, which is the event (LABELLING.md: "Mixed equity+debt: the equity round").
_DEBT_BESIDE = re.compile(r"\b(?:together\s+with|along\s+with|alongside|in\s+addition\s+to|as\s+well\s+as|plus)\b")
_EQUITY_ROUND = re.compile(r"(?<!private\s)\bequity\s+(?:funding|financing|round|investment|raise)\b")  # lower-cased text


def _round_in(text: str) -> str | None:
    if not words(text) & rules.ROUND_WORDS:
        return None
    text = lower(text)
    for match in rules.ROUND.finditer(text):
        if rules.EARLIER.search(text[max(0, match.start() - 40) : match.start()]):
            continue
        if match.group("letter") or match.group("letter2"):
            letter = (match.group("letter") or match.group("letter2")).lower()
            return f"series_{letter}" if letter in "abc" else "series_d_plus"
        if match.group("pre_a"):
            return "seed"
        if match.group("pre_later"):
            return "undisclosed"  # "pre-Series B": no letter of its own (LABELLING.md)
        if match.group("debt") and (_DEBT_BESIDE.search(text[max(0, match.start() - 60) : match.start()]) or _EQUITY_ROUND.search(text)):
            continue  # "The equity funding was secured together with a $2.8bn revolving credit facility": the equity is the round
        name = next(key for key in ("pre_seed", "seed", "growth", "debt", "grant") if match.group(key))
        return name
    return None


def _names(patterns: list[tuple[str, re.Pattern[str]]], parts: list[str], screen_text: str) -> list[str]:
    """Names the patterns find in the sentences `parts`; `screen_text` is all of them in lower case."""
    names: list[str] = []
    lowered_parts = [part.lower() for part in parts]
    for screen, pattern in patterns:
        keys = rules.SCREENS[screen]
        if not any(key in screen_text for key in keys):
            continue
        for sentence, lowered in zip(parts, lowered_parts):
            if any(key in lowered for key in keys):
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
