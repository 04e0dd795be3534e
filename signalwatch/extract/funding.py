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

This module assembles an item's rounds; the headline shapes live in `funding_headline`, the item-level checks in
`funding_checks`, and the round and amount readers both use in `funding_fields`.
"""

from __future__ import annotations

import re

from signalwatch.events import EventType
from signalwatch.extract import funding_patterns as rules
from signalwatch.extract.funding_checks import (
    GOVERNMENT_BODY,
    PURCHASE_AFTER,
    SHARE_ISSUE,
    fund_money_dropped,
    headline_lead_name,
    lead_name_of,
    range_end,
    summary_spelling,
    unnamed_source,
    without_time_names,
)
from signalwatch.extract.funding_clause import MONEY_MARK as _MONEY_MARK_RE
from signalwatch.extract.funding_clause import clause_round, clause_rounds
from signalwatch.extract.funding_fields import close_money, headline_amount, quoted, round_in, round_of, same_company, summary_amount, summary_amount_from
from signalwatch.extract.funding_headline import FUNDING_SHAPE_WORDS as _HEADLINE_SHAPE_WORDS
from signalwatch.extract.funding_headline import MONEY_MARK, ROUNDUP_WORDS, Hit, headline_hit
from signalwatch.extract.funding_headline_sentence import headline_sentence_rounds, is_sentence_headline
from signalwatch.extract.funding_lender import LENDER_WORDS, lent_by
from signalwatch.extract.funding_lower_case import read_with_lower_case_name
from signalwatch.extract.funding_summary import Round, headline_roundup, is_investor_name, reported_in, summary_rounds
from signalwatch.extract.leadership_item_company import PARENT_OF, is_nation
from signalwatch.extract.model import Extraction
from signalwatch.extract.money import Money, find_amounts
from signalwatch.extract.refusals import Refusals
from signalwatch.extract.screens import Screened
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

__all__ = ["extract_funding", "refused_funding", "FUNDING_WORDS", "FUNDING_SHAPE_WORDS"]

FUNDING_WORDS = rules.FUNDING_WORDS
# The words that let the funding reader run on an item (news.py's screen): the headline shapes' and a lender's verbs.
FUNDING_SHAPE_WORDS = _HEADLINE_SHAPE_WORDS | LENDER_WORDS
SUMMARY_SENTENCES = 4


def extract_funding(headline: str, summary: str, tokens: frozenset[str] | None = None) -> list[Extraction]:
    """The funding rounds an item reports, headline first; [] when it reports none.

    `tokens` is `words(headline)` when the caller already has it. A headline led by a name that opens in lower case
    ("d.light Secures $300 Million") is read again with it capitalised (`funding_lower_case`).
    """
    return _funded(headline, summary, tokens, Refusals(_told)) or read_with_lower_case_name(
        lambda h, s: _funded(h, s, None, Refusals(_told)), headline, summary)


def refused_funding(headline: str, summary: str) -> list[str]:
    """The rounds read in an item that the checks refused, each with why (for `extract --explain`)."""
    refusals = Refusals(_told)
    _funded(headline, summary, None, refusals)
    return refusals.told


def _told(found: Round) -> str:
    """A round read, in words ("Denali Therapeutics raising USD 250,000,000")."""
    money = f" raising {found.money.currency} {found.money.amount:,.0f}" if found.money else " raising an unstated sum"
    return f"{found.company or 'no company'}{money}"


_ROUND_OR_ROUNDUP_WORDS = rules.FUNDING_WORDS | ROUNDUP_WORDS  # headline words that may carry a round or a roundup
# "How Hebbian raised $100M in a down market", "Why Anyscope's $900M round matters", "What Is Cerebras ...": a headline that
# asks how or why is an explainer about a raise (LABELLING.md: retrospectives are negatives), and the name read took its
# question word; "Who" and "Inside" open real names (Who Gives A Crap, Inside Secure) and stay
_ASKS = re.compile(r"(?:How|Why|What|When|Where) ")


def _funded(headline: str, summary: str, tokens: frozenset[str] | None, refusals: Refusals[Round]) -> list[Extraction]:
    """`extract_funding`, telling `refusals` the rounds its checks refuse."""
    tokens = tokens if tokens is not None else words(headline)
    if _EMOJI.search(headline):  # "... and Stori 🇲🇽 raises $50 Million in debt financing": a flag between name and verb
        headline = " ".join(_EMOJI.sub(" ", headline).split())
    summary = strip_wire_credit(summary)  # "(Reuters) -Scale AI said ...": the first sentence's subject is the company
    summary_sentences = sentences(summary)[:SUMMARY_SENTENCES] if summary else []
    own_fund = rules.about_a_fund(summary)  # asked by several checks below: read once
    not_a_round = rules.not_a_round(lower(headline), tokens)
    hit = None if not_a_round else headline_hit(headline, summary, tokens)
    if hit is not None and own_fund:
        hit = None  # the summary shows the money is an investment firm's own fund
    lead = hit.company if hit else headline_lead_name(headline, summary)
    rounds = summary_rounds(summary_sentences, lead) if summary_sentences else []
    if not_a_round and rounds and own_fund:
        # "Lion targets summer close for Fund IV" over "The ... firm has raised $1bn toward a $2.25bn target": the firm the
        # headline opens with closes a fund; not "Third Rock raising $400M venture fund" over "... leading a $25 million Series A
        # for Foundation Medicine" (a round of another company)
        firm = lead_name_of(headline)
        rounds = [r for r in rounds if not (firm and same_company(r.company, firm))]
    if not_a_round and rounds and _LISTING.search(headline) and MONEY_MARK.search(headline):
        # "Denali pulls off 2017's biggest biotech IPO, pocketing $250M" over "Denali Therapeutics has raised $250 million": the
        # summary's round is the money the headline calls an IPO or a fund, whatever its verb (holdout2 rh-0129, holdout20 rh20-0252)
        named = find_amounts(headline)
        rounds = refusals.drop(rounds, lambda r: bool(r.money and any(close_money(r.money, m) for m in named)),
                               "the headline calls this money an IPO or a listing")
    found: list[Round] = []
    if hit is not None:
        head = _headline_round(hit, headline, summary_sentences, rounds)
        if head is not None:
            found.append(head)
    if tokens & _ROUND_OR_ROUNDUP_WORDS and not own_fund:
        found += headline_roundup(headline, found[0].company if found else None)
    for extra in rounds:
        twin = next((r for r in found if same_company(r.company, extra.company)), None)
        if twin is None:
            if extra.company:
                extra.company = fuller_name(extra.company, [headline])  # "AffaMed" over a headline "AffaMed Therapeutics"
            found.append(extra)
        else:
            _complete(twin, extra)
    kept = fund_money_dropped(_dedupe_rounds(found), headline, summary)
    for worth in kept:
        if worth.money is None and worth.why.startswith("funding.worth-after-round"):
            # "Revolut has become the UK's most valuable fintech startup after a funding round ...": its figure comes later
            worth.money, source = summary_amount_from(summary_sentences[1:])
            if worth.money is not None:
                worth.why += f"; amount from the summary: {quote(source, 90)}"
    if len(kept) == 1 and kept[0].money is None and kept[0].company and not kept[0].why.startswith("funding.headline-unsized"):
        # "Bolt valued at $4.75 billion in new funding round" over "Bolt stated Monday that it has raised 600 million euros":
        # the item's one round without a figure takes the one a summary sentence about the company gives it (not one the
        # headline says is unsized: "Airwallex raising more funds" over "... as $27 million remains frozen")
        kept[0].money, source = summary_amount_from(summary_sentences, kept[0].company)
        if kept[0].money is not None:
            kept[0].why += f"; amount from the summary: {quote(source, 90)}"
    if not kept and not not_a_round and not own_fund:
        kept = _clause_rounds(headline, summary_sentences)
        if not kept and hit is None and is_sentence_headline(headline):
            # "Less than a year after Novartis AG's acquisition of ... Vedere Bio Inc., its successor Vedere Bio II Inc. is
            # launching with $77 million in series A financing": a standfirst sentence as the headline (holdout24 rh24-0088)
            kept = headline_sentence_rounds(headline, lead)
    elif kept and len(_MONEY_MARK_RE.findall(summary)) >= 2 and not not_a_round and not own_fund:
        # "QuEra ... secured $230 million ...; Quantum Machines ... raised $170 million": the other rounds a summary lists
        for extra in clause_rounds("", summary_sentences):
            if extra.company and extra.money and not any(
                    same_company(r.company, extra.company) or (r.money and close_money(r.money, extra.money)) for r in kept):
                extra.primary = False
                kept.append(extra)
    if not not_a_round and not own_fund:
        kept = lent_by(kept, headline, summary, summary_sentences, refusals)
    kept = [_parent_named(r, headline, summary_sentences) for r in kept]
    kept = _one_round_twice(kept, headline)
    # "Mexican challenger albo raises $45m", "$1b for Indonesian e-commerce giant Tokopedia": a nationality is never the company;
    # nor a country or region ("Ghana's Fintech Affinity Bag $8 million", holdout8 rh8-0237; "... to expand to the Middle East with
    # $125M funding", holdout19 rh19-0060; "... to copper producer Sofia Med" / "the Bulgarian ...", holdout26 rh26-0177)
    kept = refusals.drop(kept, lambda r: is_nation(r.company or ""), "the company read is a nationality, a country or a region")
    if hit is None and not tokens & _ROUND_OR_ROUNDUP_WORDS and not MONEY_MARK.search(headline):
        kept = refusals.drop(kept, lambda r: _raised_before(r, summary),
                             "the summary tells the raise as what came before the news (a headline with no round word or money)")
    kept = refusals.drop(kept, lambda r: GOVERNMENT_BODY.search(r.company or "") is not None, "the company read is a government body")
    kept = refusals.drop(kept, lambda r: _ASKS.match(r.company or "") is not None,
                         "the name read opens with the headline's question word (an explainer about a raise, not its news)")
    if kept and SHARE_ISSUE.search(summary):
        # "AirAsia raises $233M" over "... raises $233 million from a rights issue": a listed company's share issue (LABELLING.md)
        issued = [m for m in find_amounts(summary) if SHARE_ISSUE.match(summary, m.end)]
        kept = refusals.drop(kept, lambda r: bool(r.money and any(close_money(r.money, m) for m in issued)),
                             "the summary tells the money as a share issue")
    kept = without_time_names(kept, headline, summary)
    if kept and MONEY_MARK.search(headline):
        # "TikTok to buy $1.5 billion majority stake in ... Tokopedia" over "... with a $1.5 billion investment in ... Tokopedia":
        # money the headline calls a purchase or a contract is no round, however the summary words it
        spent = [m for m in find_amounts(headline) if PURCHASE_AFTER.match(headline, m.end)]
        kept = refusals.drop(kept, lambda r: bool(r.money and any(close_money(r.money, m) for m in spent)),
                             "the headline calls this money a purchase or a contract")
    for found_round in kept:
        if found_round.company:
            found_round.company = summary_spelling(found_round.company, headline, summary)
        if found_round.money is not None and range_end(found_round.money, [headline, *summary_sentences]):
            found_round.money = None  # "around $100 million to $150 million": a range is no amount (LABELLING.md)
            found_round.why += "; amount: a range"
        if found_round.change == "raised" and unnamed_source(found_round, summary_sentences):
            found_round.change = "reported"
            found_round.why += "; reported: the summary cites unnamed sources"
    return [_extraction(r, headline, summary_sentences, only=len(kept) == 1) for r in kept]


# A raise told as what came before the item's news: "The latest development comes after the company raised $100 million", "just
# months after raising $206 million".
_AFTER_RAISING = re.compile(r"(?i)\b(?:after|since)\s+(?:[\w’'-]+\s+){0,3}?(?:raised|raising|securing|secured|closing|closed|landing|landed)\b[^.;]{0,40}$")


def _raised_before(found: Round, summary: str) -> bool:
    """Whether a summary round under a headline that names no round and no money is background (see `_AFTER_RAISING`; holdout20 rh20-0124, holdout18
    rh18-0097): the headline's news is something else."""
    return found.money is not None and any(_AFTER_RAISING.search(summary, max(0, m.start - 80), m.start)
                                           for m in find_amounts(summary) if close_money(found.money, m))


def _one_round_twice(kept: list[Round], headline: str) -> list[Round]:
    """The rounds less a summary round whose money the headline's round gives too, under another name: one round named twice
    ("Dreams Sports collects $840m" / "India.- Dream Sports ... has raised $840m", holdout19 rh19-0247; "MAX raises $31m series B"
    / "Metro Africa Xpress Inc. (MAX) has announced raising a $31 million", holdout15 rh15-0104). Not in a roundup, whose rounds
    may share a figure (nor in a digest's)."""
    if len(kept) < 2:
        return kept  # one round cannot be named twice
    head = next((r for r in kept if r.why.startswith(_HEADLINE_RULES) and r.money is not None), None)
    if head is None or any(r.why.startswith("funding.roundup") for r in kept) or _DIGEST.search(headline):
        return kept
    return [r for r in kept if r is head or r.why.startswith(_HEADLINE_RULES) or r.money is None
            or not close_money(head.money, r.money) or same_company(head.company, r.company)]  # type: ignore[arg-type]


# A digest's headline: "ImmunoGen Drug Nears Finish Line, Surface Logix Latches Onto $20M, ..., & More Boston-Area Life Sciences News".
_DIGEST = re.compile(r"(?i),\s*(?:&|and)\s+more\b")
# The `why` of a round the headline reads (the others are the summary's).
_HEADLINE_RULES = ("funding.headline", "funding.investor-", "funding.clause-subject-round (headline)", "funding.awards-grant-to",
                   "funding.noun-possessive")


def _parent_named(found: Round, headline: str, summary_sentences: list[str]) -> Round:
    """A round whose company the headline calls another's parent or owner ("Zalora's owner raises €150m", holdout22 rh22-0238;
    "Taco Cabana, Pollo Tropical parent takes out $75M loan", holdout17 rh17-0286) is the round of the company the summary opens
    with; a round is left as read when the summary opens with no name."""
    lowered = headline.lower()  # a cheap screen first: PARENT_OF's leading optional groups make a search try every position
    if not found.company or not summary_sentences or ("parent" not in lowered and "owner" not in lowered) or not PARENT_OF.search(headline):
        return found
    at = headline.find(found.company)
    if at < 0 or not PARENT_OF.match(headline, at + len(found.company)):
        return found
    opener = company_from_subject(summary_sentences[0].split(",")[0])
    if opener is None or same_company(opener, found.company) or opener not in summary_sentences[0]:
        return found
    found.why += f"; company: {opener!r}, the owner the summary opens with (the headline names what it owns)"
    found.company = opener
    return found


_LISTING = re.compile(r"\b(?:IPO|(?i:initial\s+public\s+offering|public\s+offering|listing))\b")  # money the headline calls a listing
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
_PUBLIC_FUNDER = Screened(re.compile(
    r"\b(?:grants?|european\s+commission|european\s+innovation\s+council|eic\s+accelerator|innovate\s+uk|"
    r"national\s+institutes\s+of\s+health|nih|sbir|horizon\s+(?:2020|europe)|medical\s+research\s+council|"
    r"department\s+of\s+energy|arpa-e|darpa|national\s+science\s+foundation)\b"
))  # matched against lower-cased text


# "will receive up to $240 million from the federal government": public money to a named company is a grant.
_GOVERNMENT_MONEY = Screened(re.compile(r"(?i)\b(?:receive|received|receives|awarded|granted|wins|won)\b(?:[^.]|\.(?=\d)){0,80}?\bfrom\s+the\s+"
                               r"(?:(?:federal|provincial|state|national|local|\w+)\s+)?government\b"))


_PUBLIC_BODY = re.compile(_PUBLIC_FUNDER.pattern.replace(r"grants?|", ""))  # matched against lower-cased text


def _clause_of(headline: str, tail: str) -> str:
    """The part of a headline (between ";" or "|") that holds `tail`: another clause's round is not this one's."""
    parts = re.split(r"\s*[;|]\s*", headline) if ";" in headline or "|" in headline else [headline]  # a cheap screen first
    return next((part for part in parts if tail and tail.strip()[:20] in part), headline)


def _headline_round(hit: Hit, headline: str, summary_sentences: list[str], rounds: list[Round]) -> Round | None:
    """The headline's round; a company the headline only describes is the one the summary names."""
    company = hit.company
    why = f"{hit.rule}: {quoted(headline)}"
    if company is None:
        named = next((r for r in rounds if r.money is None or hit.money is None or close_money(r.money, hit.money)), None)
        company = named.company if named else _introduced(summary_sentences, hit.investors)
        if company is None:
            return None
        why += f"; company from the summary ({company})"
    money = hit.money if hit.money is not None else headline_amount(hit.tail)
    if money is None and hit.company is None:
        money = summary_amount(summary_sentences)
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
_REPORTED_LEAD = Screened(re.compile(r"(?i)\b(?:reportedly|is\s+said\s+to\s+be|in\s+(?:advanced\s+)?talks|people\s+familiar|sources\s+said)\b"))


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
                if close_money(money, second):
                    return first
        if any(other.amount == money.amount and other.currency == money.currency for other in amounts):
            return money  # "BasiGo nets Sh806m" over "has secured about Sh806 million": the body's first statement agrees
        for other in amounts:
            if close_money(money, other) and other.amount != money.amount and _refines(money, other) \
                    and not rules.AFTER_EXCLUDED.match(sentence[other.end :]):
                return other
    return money


def _complete(head: Round, extra: Round) -> None:
    """Fill the headline's round from the summary's account of the same round; the body's figure wins."""
    if extra.money is not None and (head.money is None or (close_money(head.money, extra.money) and head.money.amount != extra.money.amount)):
        head.money = extra.money
    if head.company and extra.company and len(extra.company) >= len(head.company) + 3:
        head.company = extra.company  # "Ra Pharma" → "Ra Pharmaceuticals", as the summary names it (not "Lab" → "Labs")
    head.investors = head.investors or extra.investors
    head.leads = head.leads or extra.leads
    if extra.round and not head.round:
        head.round = extra.round
    head.why += f"; completed by {extra.why}"


def _dedupe_rounds(found: list[Round]) -> list[Round]:
    kept: list[Round] = []
    for item in found:
        if not any(same_company(k.company, item.company) for k in kept):
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


# `learned_slots` reads an item's round with this reader, under its old name.
_round = round_of


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
        round_name = round_of(_clause_of(headline, found.tail) if primary else headline, summary_sentences, company)
    else:
        round_name = round_in(found.tail) or "undisclosed"
    attributes = {
        "amount": money.amount if money else None,
        "currency": money.currency if money else None,
        "amount_usd": money.amount if money and money.currency == "USD" else None,
        "round": round_name,
        "investors": investors,
        "lead_investors": leads,
    }
    return Extraction(EventType.FUNDING, found.change, _without_legal(found.company), attributes, why=found.why)


_LEGAL_TAIL = re.compile(r",?\s+(?:(?:Pvt|Pte)\.?\s+)?(?:Inc|Corp|Ltd|LLC|plc|PLC|GmbH|Co)\.?$")  # "Pvt. Ltd": India's private company


def _without_legal(company: str | None) -> str | None:
    """"Whoop Inc." → "Whoop": the company as the item names it, without its legal form (LABELLING.md)."""
    if company is None:
        return None
    short = _LEGAL_TAIL.sub("", company)
    return short if short and short[0].isalnum() and short != company else company


def _names(patterns: list[tuple[str, re.Pattern[str]]], parts: list[str], screen_text: str) -> list[str]:
    """Names the patterns find in the sentences `parts`; `screen_text` is all of them in lower case."""
    names: list[str] = []
    lowered_parts: list[str] = []  # made when a screen first passes: most items hold none of the keys
    for screen, pattern in patterns:
        keys = rules.SCREENS[screen]
        if not any(map(screen_text.__contains__, keys)):
            continue
        lowered_parts = lowered_parts or [part.lower() for part in parts]
        for sentence, lowered in zip(parts, lowered_parts):
            if any(map(lowered.__contains__, keys)):
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
