"""Slot filling for the learned detector (learned.py): the event a detection becomes, or nothing.

A detection becomes an event only when its slots are found with the same helpers the patterns use
(`company_from_subject`, `find_amounts`, the name and title markers), so a confident model with
nothing to fill emits nothing:
- funding: the headline must speak of money (an amount, a round word, a funding verb) and not only
  of an acquisition's, a contract's or a fund's amount; the company is the headline's subject, else
  the subject of a funding verb ("cancer startup Nuvalent completed"), a round's owner ("ElevateBio's
  latest round"), the name a round is "in", or a described sentence subject ("GRAIL, a startup ...");
  a fronted clause is set aside first ("Promoting fairness ..., Fairphone rings up €49 million"), and a
  two-word name with a company word ("Salt Labs", "Judo Capital") is a company, not a person. When the
  headline speaks of something else, the standfirst's first sentence may state the raise itself
  ("Transcarent, a ... company, raised $200 million"), never as background ("which raised", "had raised");
- leadership: a person a clause ties to a title or change AND whose change the clause states
  ("X steps down", "names X", "X will join Y"): a wrong person is worse than none, so a person merely
  mentioned beside a title ("HubSpot CEO Brian Halligan says") is not enough. The clause's verb, not
  the model, says appointed or departed; a former title ("Former Just Eat CMO X has joined Pret")
  names the company being left, so the company is the one joined. Between the person and the verb a
  clause may put a titled appositive ("X, co-CEO of Y, announced his departure"), a saying verb ("X says
  he will step down"); a subject may carry a parenthesis or appositive before its verb ("Rio Tinto PLC
  (LON:RIO) has named"), and when the stating clause names no company another clause of the item may
  ("GSK shake-up has R&D head X out the door" / "GSK's ... head of research X has left").
  Round 10: the subject of an active perfect makes the change ("Saudi Arabia has appointed X": not the person);
  "joins"/"joining" is a hire only towards a name, a title or an article ("joining politics" is not); the
  passive of being pushed out ("was dumped as its chief executive") is a departure; when the headline states
  a title's departure and names nobody, the standfirst's "after X resigned" is that news, not background.
  Funding: a money amount or a function word is no company ("$100m is just ...", "After raising ..."), nor the
  first word of a plural subject whose verb agrees with it ("College dropouts raise", "Nigerian startups raise"); the
  subject of a giving verb gives the money ("InfraCo provides $15m to Bboxx"); a rights issue or share
  offering and money "for its next ... fund" are no round; the standfirst's fuller name of the headline's
  company is taken ("Magenta" / "Magenta Therapeutics said").
Also here: the word helpers both the features and the slot fillers read (`tokens`, `ROUND_WORDS`,
`PERSON_PAIR`), and `tied_people`, which the "#tie" shape features use too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from signalwatch.events import EventType
from signalwatch.extract import funding_patterns as funding_rules
from signalwatch.extract.leadership_item_company import PUBLIC
from signalwatch.extract.model import Extraction
from signalwatch.extract.money import Money, find_amounts
from signalwatch.extract.names import Marked, mark, person_like
from signalwatch.extract.text import company_from_subject, former_employer, lower, plausible_company, sentences, words
from signalwatch.titles import classify_title

if TYPE_CHECKING:
    from signalwatch.extract.learned import Detection

__all__ = ["SLOT_FILLERS", "SlotFiller", "Pick",
           "SUMMARY_SENTENCES", "clauses_of", "ROUND_WORDS", "PERSON_PAIR", "tokens", "tied_people", "stated_change", "headline_company",
           "summary_raise", "public_body"]

SUMMARY_SENTENCES = 2  # summary sentences whose words are features (the standfirst states the news first)

_TOKEN = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]|\$|€|£|\d+(?:[.,]\d+)*")
ROUND_WORDS = frozenset("seed series round funding financing pre-seed investment backing raise fundraise".split())
# A first-and-last-name pair; the surname may be "McEleney", "O'Brien", "DeSantis", "Smith-Jones".
PERSON_PAIR = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z]{0,3}['’]?[A-Z]?[a-z]+(?:-[A-Z][a-z]+)?\b")


def tokens(text: str) -> list[str]:
    """Lower-case word tokens, numbers as "<num>"."""
    return ["<num>" if token[0].isdigit() else token for token in _TOKEN.findall(lower(text))]


def _why(detection: Detection) -> str:
    words = ", ".join(f"{feat} {weight:+.2f}" for feat, weight in detection.top)
    return f"model.{detection.task} {detection.label} p={detection.probability:.2f}: {words}"


# Where a headline's subject ends: the first lower-case word that is not part of a name, a money
# amount, or a Title Case verb ("Viela Lands $250m").
_SUBJECT_END = re.compile(
    r"\s+(?=(?!(?:of|de|du|la|von|van|der|and|&|the|for)\s)[a-z]|[$€£]|\d|(?:Raises|Lands|Gets|Secures|Closes|Nabs|Bags|Snags|Scores|"
    r"Receives|Wins|Announces|Completes|Adds|Hires|Names|Appoints|Taps|Promotes|Picks|Welcomes|Loses|Says|Is|Has|To|Will|Joins|"
    r"Leaves|Exits|Departs|Resigns|Steps|Pulls|Rakes|Hauls|Nets|Pockets|Attracts|Draws|Grabs|Collects|Takes|Books|Banks)\b)"
)
_REPORTED = re.compile(r"\b(?:in\s+(?:advanced\s+)?talks|seeks|seeking|looking\s+to\s+raise|plans\s+to\s+raise|set\s+to\s+raise|reportedly|is\s+raising)\b")
_DEPART = re.compile(r"\b(?:steps?|stepping|stepped)\s+(?:down|aside)|\b(?:resign\w*|quit\w*|leav\w*|left|depart\w*|exit\w*|ousts?|ousted|fired|"
                     r"retir\w*|out\b|replaced|sacked|axed)")


def _subject(clause: str) -> str:
    clause = re.sub(r"^.*?(?::\s+|\s+\|\s+)", "", clause)
    return _SUBJECT_END.split(clause, maxsplit=1)[0]


_VERB_AFTER = re.compile(r"\s+(?:[a-z]+s|is|has|to|will|gets?|[A-Z][a-z]+s)\b")
_INVESTOR_VERB = re.compile(r"\s+(?:(?:to|will|is\s+to|plans\s+to)\s+)?(?:invest|invests|invested|back|backs|backed|bankrolls?|leads?|led|"
                            r"funds?|funded|commits?|committed|pumps?|injects?|buys?|bought|acquires?|acquired|denies|denied|sues|sued|"
                            r"provides?|provided|extends?|extended|lends?|lent|loans?|grants?|granted|awards?|awarded|offers?|gives?|gave)\b",
                            re.IGNORECASE)
# A base-form money verb after the word that follows the subject: that word is a plural noun and the subject ("College
# dropouts raise", "Dublin firms land", "Indian startups secure": 9 items of 7 spent sets, none of them the company's raise).
_BASE_VERB_AFTER = re.compile(r"\s+(?:raise|secure|land|bag|get|close|nab|snag|score|win|attract|pull|rake|haul|grab|draw|collect)\b")
_PLURAL_NOUNS = frozenset("startups companies firms shares investments deals sales stocks markets funds investors news ventures".split())


# A fronted clause set off by a comma before the headline's subject: "Unable to pay salaries, Dunzo in talks to raise ...",
# "Promoting fairness ..., Fairphone rings up €49 million".
_FRONTED = re.compile(r"^(?:[A-Z][a-z]+ing|Unable|Amid|Amidst|Despite|Following|After|Ahead\s+of|Facing|Having)\b[^,]{1,100},\s+(?=[A-Z0-9])")


def _company(clause: str) -> str | None:
    clause = re.sub(r"^.*?(?::\s+|\s+\|\s+)", "", clause)
    if CLAUSE_SHAPES:
        clause = _FRONTED.sub("", clause, count=1)
    subject = _subject(clause).strip(" ,:;-")
    if not subject or former_employer(subject):
        return None  # "Ex-Uber executives raise ...": the people's old employer, not the company
    verb = _VERB_AFTER.match(clause, len(subject))  # a subject is followed by its verb: "EarthOptics helps", not "Financing in"
    if verb is None or verb.group(0).strip().lower() in _PLURAL_NOUNS:
        return None
    if _BASE_VERB_AFTER.match(clause, verb.end()):
        return None  # "College dropouts raise ...", "Nigerian startups raise ...": a plural noun with its verb is the subject
    if _INVESTOR_VERB.match(clause, len(subject)):
        return None  # "NuBank to invest $159 Million in Colombia": the subject gives the money, it does not raise it
    company = company_from_subject(subject)
    if company is None or len(company.split()) > 4 or _person_shaped(company):
        return None
    return plausible_company(company)


# A funding verb with its auxiliaries ("has raised", "is raising", "just closed"): the name before it is the company.
_FUNDING_VERB = re.compile(
    r"(?:,\s+which|\s+which)?\s+(?:(?:has|have|had|just|is|was|today|recently|now|also|successfully)\s+){0,2}"
    r"(?:raised|raises|raising|secured|secures|securing|closed|closes|completed|completes|landed|lands|received|receives|bagged|"
    r"nabbed|garnered|attracted|netted|banked|pulled\s+in|brought\s+in|picked\s+up)\s"
)
# The owner of a round: "ElevateBio's latest round", "Acme's $20M Series A".
_ROUND_OWNER = re.compile(r"([A-Z][\w.&!-]*(?:\s+[A-Z][\w.&!-]*){0,3})'s\s+(?:latest|new|fresh|recent|[$€£]\S+|series|seed)\b", re.IGNORECASE)
_SUBJECT_REACH = 120  # characters before the verb read for its subject
_ROUND_TARGET = re.compile(r"(?<![\w.&!'-])([A-Z0-9][\w.&!'-]*(?:\s+[A-Z][\w.&!'-]*){0,3})\s+in\s+(?:an?\s+)?(?:US)?[$€£₹]\s?\d[\d.,]*\s?"
                           r"(?i:[mb]n?|million|billion)?\s+(?:[\w-]+\s+){0,2}?(?i:series|seed|round|funding|financing)\b")
_LEAD_APPOSITIVE = re.compile(r"([A-Z][\w.&!-]*(?:\s+[A-Z][\w.&!-]*){0,3}),\s+(?:a|an)\s+(?:[\w-]+\s+){0,4}?"
                              r"(?:startup|start-up|company|firm|platform|provider|maker|developer|biotech|fintech|business|spinout|spin-off)\b")
_APPOSITIVE_TAIL = re.compile(r",\s+(?:a|an|the)\s[^,]{1,80},?\s*$")  # "Dhan, a Mumbai-based fintech platform,"
_NAME_RUN_END = re.compile(r"(?<![\w.&!'-])[A-Z][\w.&!'-]*(?:\s+[A-Z][\w.&!'-]*){0,3}\s*$")


def _verb_subject(text: str) -> str | None:
    """The company a clause says raised money: the subject before its first funding verb, or a round's owner."""
    text = text.replace("’", "'")
    verb = _FUNDING_VERB.search(text)
    if verb is not None:
        subject = _APPOSITIVE_TAIL.sub("", text[max(0, verb.start() - _SUBJECT_REACH) : verb.start()])
        run = _NAME_RUN_END.search(subject)  # the name right before the verb: "Florida-based fintech Finally", "was Dhan"
        company = company_from_subject(run.group(0)) if run else None
        if company and not _person_shaped(company):
            return plausible_company(company)
    owner = _ROUND_OWNER.search(text)
    if owner is not None and owner.group(1)[0].isupper():
        words = owner.group(1).split()
        while len(words) > 1 and words[0].lower().endswith("ing"):
            words = words[1:]  # "Decoding CRED's Series C": a headline's leading verb is no part of the name
        return plausible_company(" ".join(words))
    target = _ROUND_TARGET.search(text)  # "Corporates identify 4Paradigm in $145m series C": the name the round is "in"
    if target is not None and (company := company_from_subject(target.group(1))):
        return plausible_company(company)
    lead = _LEAD_APPOSITIVE.match(text)  # "GRAIL, a startup that is backed by ...": the sentence's subject, described
    if lead is not None and not _person_shaped(lead.group(1)):
        return plausible_company(lead.group(1))
    return None


# Words that make a name a company's, never a person's: "Salt Labs", "Judo Capital", "Cianna Medical".
_COMPANY_WORDS = frozenset(
    """labs lab capital medical health healthcare technologies technology tech therapeutics bio biotech biosciences sciences pharma
    pharmaceuticals systems software networks network energy power bank group partners holdings ventures robotics security foods
    motors materials solutions analytics data media games studios studio foundation logistics mobility finance financial payments
    insurance genomics diagnostics devices instruments semiconductor semiconductors electric electronics airlines airways telecom
    communications industries international global enterprises services brands""".split()
)


def _person_shaped(name: str) -> bool:
    """Whether a name run reads as a person's ("Jane Doe"), not a company's: two words or more, no inner capital or
    acronym ("DeepMind", "IBM"), no company word ("Salt Labs")."""
    if not (COMPANY_WORDS and " " in name):
        return person_like(name) and " " in name and not _has_caps_word(name)
    return person_like(name) and not _has_caps_word(name) and not _COMPANY_WORDS.intersection(name.lower().split())


COMPANY_WORDS = True


def _has_caps_word(name: str) -> bool:
    return any(any(c.isupper() for c in word[1:]) or word.isupper() for word in name.split())


def _first_money(texts: Sequence[str]) -> Money | None:
    """The round's amount: the first amount tied to a round noun ("a $135 million Series B"), else the first that is not
    something else (a contract, a fund, a valuation, a total to date)."""
    plain: Money | None = None
    for text in texts:
        for money in find_amounts(text):
            rest = text[money.end :]
            if funding_rules.NOT_ROUND_AMOUNT.match(rest) or _NOT_ROUND_MORE.match(rest) or _NOT_THIS_ROUND.match(rest):
                continue
            if _ROUND_AFTER.match(rest):
                return money
            plain = plain or money
    return plain


_ROUND_AFTER = re.compile(r"^[,:]?\s*(?:[\w-]+\s+){0,2}?(?:series|seed|pre-seed|round|funding|financing|investment|raise|fundraise)\b", re.IGNORECASE)
_NOT_THIS_ROUND = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?(?:valuation|to\s+date|in\s+total|so\s+far)\b", re.IGNORECASE)


# Money that is no round, beside the patterns' own list (funding_patterns.NOT_ROUND_AMOUNT).
_NOT_ROUND_MORE = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?(?:vehicles?|lawsuits?|suits?|dividends?|buybacks?|claims?|ipo)\b", re.IGNORECASE)


SUMMARY_LEAD = 1  # sentences of the standfirst read for a raise it states when the headline speaks of something else
# A raise stated by a sentence: a funding verb with an amount or a round word within a few words after it.
_SUMMARY_RAISE = re.compile(
    r"\b(?:has\s+|have\s+|just\s+)?(?:raised|raises|secured|secures|closed|closes|landed|lands|received|receives|bagged|nabbed|garnered|"
    r"netted|pulled\s+(?:in|down)|picked\s+up|completed)\s+(?:[\w-]+\s+){0,3}?(?:(?:US|CA|A|NZ|S)?[$€£₹]\s?\d|(?:USD|EUR|GBP|CHF)\s?\d|"
    r"(?:a|an|its|their)\s+(?:[\w-]+\s+){0,2}?(?:seed|series|funding|financing)\b)", re.IGNORECASE)
# A first sentence that tells the raise as background, or as someone else's: "which raised", "had raised", "to date", "so far".
_BACKGROUND_LEAD = re.compile(r"\b(?:which|who|that|had|since|after|previously|earlier|last\s+year|to\s+date|so\s+far|in\s+total|total\s+of)\b",
                              re.IGNORECASE)


# A listed company's rights issue or share offering (rh7-0159, rh10-0144, rh11-0037, rh17-0180), and money raised "for its
# next ... fund" (rf-0160, rn-0279, rh7-0130, rh10-0231): never a funding round, in every spent set that has them.
_RIGHTS_ISSUE = re.compile(r"\brights\s+(?:issue|offering)|\boffering\s+of\s+(?:[\w-]+\s+){0,2}(?:shares|stock|rights)\b", re.IGNORECASE)
_FOR_A_FUND = re.compile(r"\bfor\s+(?:its|a|their|the)\s+(?:[\w-]+\s+){0,4}fund\b", re.IGNORECASE)


# Headline words that say the news is money raised (an amount in the headline says so too).
_FUNDING_CUES = ROUND_WORDS | frozenset(
    """raises raised raising secures secured lands landed closes closed nabs bags snags gets receives attracts garners nets backed
    backs invests invest funds funded unicorn valuation""".split()
)
_BACKGROUND = re.compile(r"\bhad\s+(?:previously\s+|already\s+)?(?:raised|secured|received|closed|landed|attracted)\b", re.IGNORECASE)
# Headline openings that are no company: a number ("Three reasons ..."), a question word, a pronoun.
_NOT_SUBJECTS = frozenset("one two three four five six seven eight nine ten top why how what when who this these those i we my our here"
                          " after before while since following amid as if".split())
# A "company" that is a money amount or a round ("$100m is just the starting line", "$4.6M Series Seed to defend ..."): no name.
_MONEY_NAME = re.compile(r"[$€£₹]|^\d[\d.,]*(?:[mk]|bn?)?(?:\s|$)")


# A slot chooser (learned_spans.Picker): given the heuristics' answer (None when they found none), the slot's value or None.
Pick = Callable[[str | None], str | None]


def _no_name(company: str | None) -> str | None:
    """`company`, or None when it is a function word or a money amount rather than a name."""
    return None if company is None or company.lower() in _NOT_SUBJECTS or _MONEY_NAME.search(company) else company


def _funding_event(headline: str, body: str, detection: Detection, pick: Pick | None = None) -> Extraction | None:
    """The event of a funding detection; `pick` (the learned span scorer) has the last word on the company when given."""
    summary = sentences(body)[:SUMMARY_SENTENCES] if body else []
    if funding_rules.not_a_round(lower(headline), words(headline)) or funding_rules.about_a_fund(body):
        return None  # the patterns' own vetoes hold here too: a VC's fund, an IPO, a listing
    if _RIGHTS_ISSUE.search(" ".join([headline, *summary])) or _FOR_A_FUND.search(headline):
        return None  # a listed company's rights issue or share offering, money "for its next ... fund": no round
    if _BACKGROUND.search(headline):
        return None  # "TriNetX had raised $102m in funding ... before": the past perfect tells background, not news
    amounts = find_amounts(headline)
    if amounts and all(funding_rules.NOT_ROUND_AMOUNT.match(headline[m.end :]) or _NOT_ROUND_MORE.match(headline[m.end :]) for m in amounts):
        return None  # every headline amount is something else: "$32bn Wiz acquisition", "$768m imaging contract", "$100m investment vehicle"
    # The headline's subject first; else the subject of a funding verb (or the owner of a round) in the headline or summary.
    company = _no_name(_company(headline) or next((found for text in (headline, *summary) if (found := _verb_subject(text))), None))
    if company is None and pick is None:
        return None
    from signalwatch.extract.funding import _round  # the pattern extractor's round reader, imported late (no cycle at import)

    if not (amounts or _FUNDING_CUES.intersection(tokens(headline))):
        # The headline reports something else ("Ledgerly launches AI agent"): a summary's round is background, unless the
        # standfirst's first sentence itself states money raised ("Transcarent, a ... company, raised $200 million").
        lead = next((s for s in summary[:SUMMARY_LEAD] if _SUMMARY_RAISE.search(s)), "")
        stated = _SUMMARY_RAISE.search(lead)
        if stated is None or _BACKGROUND_LEAD.search(lead[: stated.end()]):
            return None
        company = _no_name(_verb_subject(lead[: stated.end()]) or (company if _company(headline) else None))
        if company is None and pick is None:
            return None
    company = _fuller(company, summary) if company is not None else None
    money = _first_money([headline, *summary])
    if money is None and not ROUND_WORDS.intersection(tokens(" ".join([headline, *summary[:1]]))):
        return None  # neither an amount nor a round word: nothing says money was raised ("Amgen adds Stanford scientist")
    if pick is not None and company is None and not amounts and not any(summary_raise(text) for text in summary[:SUMMARY_LEAD]):
        return None  # only a learned part names the company and the money is the standfirst's background ("had raised $40m")
    if pick is not None and (company := pick(company)) is None:
        return None  # the span scorer refused: a wrong company is worse than none
    change = "reported" if _REPORTED.search(lower(headline)) else "raised"
    attributes: dict[str, Any] = {
        "amount": money.amount if money else None, "currency": money.currency if money else None,
        "amount_usd": money.amount if money and money.currency == "USD" else None,
        "round": _round(headline, summary), "investors": [], "lead_investors": [],
    }
    return Extraction(EventType.FUNDING, change, company, attributes, why=_why(detection), model=detection.explain())


def _fuller(company: str, summary: Sequence[str]) -> str:
    """The company's fuller name when the standfirst writes the headline's short name with a company word after it
    ("Magenta Nabs More Cash" / "Magenta Therapeutics said today"): headlines shorten names, labels keep the item's full one."""
    if not FULLER_NAME:
        return company
    for text in summary[:1]:
        at = text.find(company)  # a plain search: a pattern built per company would be compiled per item
        while at >= 0:
            if at == 0 or not _NAME_CHAR.match(text[at - 1]):
                found = _NEXT_WORD.match(text, at + len(company))
                if found is not None and found.group(1).lower() in _COMPANY_WORDS:
                    return f"{company} {found.group(1)}"
            at = text.find(company, at + 1)
    return company


_NAME_CHAR = re.compile(r"[\w.&'-]")
_NEXT_WORD = re.compile(r"\s+([A-Z][a-z]+)\b")


FULLER_NAME = True


def headline_company(headline: str) -> str | None:
    """The headline's subject when it reads as a company followed by its verb ("Flipdish becomes ..."), else None."""
    return _company(headline)


def summary_raise(sentence: str) -> bool:
    """Whether a sentence itself states money raised ("Transcarent ... raised $200 million"), not as background ("which raised")."""
    stated = _SUMMARY_RAISE.search(sentence)
    return stated is not None and not _BACKGROUND_LEAD.search(sentence[: stated.end()])


def stated_change(text: str, person_index: int) -> str | None:
    """"departed"/"appointed" when a marked clause's verb states the change of person `person_index` (see `_stated_change`)."""
    return _stated_change(text, person_index)


# The passive of being pushed out: "was dumped as its chief executive", "was being terminated by mutual agreement".
_OUSTED = r"(?:being\s+)?[\"“]?(?:dumped|terminated|sacked|axed|removed)\b"
# Verbs of leaving a post: "steps down" (not "steps up"), "exits" (not "exits its stake").
_LEAVING = (r"(?:step|steps|stepped|stepping)\s+(?:down|aside|back|away)|resign\w*|retir\w*|"
            r"(?:leav|exit|quit)\w*+(?!\s+(?:(?:its|his|her|their|a|the)\s+)?(?:stakes?|holdings?|shares|positions?\s+in|investments?|door|open|room))")
# How a clause ties a person to the change it reports; "P" is the person's marker, "T" a title marker, "C" a name marker.
# "X has appointed Y", "X have named Y": the subject of an active perfect makes the change, it is not the person changed.
_ACTIVE_PERFECT = r"(?!(?:has|have|had)\s+(?:appointed|named|hired|tapped|promoted|elected|picked|fired|ousted|sacked)\b)"
# "joins"/"joining" a company, a board or a role, not "joins hands", "joining politics": within two words a name, title or article.
_JOIN = r"join\w*(?=\s+(?:[a-z][\w-]*\s+){0,2}?(?:⟪|⟦|(?:as|the|a|an|its|his|her|their|our|board|from)\b)|\s*(?:[,.;:]|$))"
_CHANGE_VERB = (_ACTIVE_PERFECT + r"(?:(?:has|have|will|is|was|to|is\s+to|has\s+been|was\s+to)\s+)?(?:" + _LEAVING + r"|"
                r"left|depart\w*|" + _JOIN + r"|named|appointed|tapped|hired|promoted|takes?\s+over|took\s+over|taking\s+over|"
                r"(?:takes?|took|taking)\s+(?:the\s+)?(?:helm|reins)|succeed\w*|replac\w*|"
                r"becomes?|became|moves?\s+on|bolts?|lands?\s+at|heads?\s+to|ousted|fired|out\b|" + _OUSTED + ")")
_P = r"⟪(?P<p>\d+)⟫"
_TIES = tuple(re.compile(tie.replace("@P", _P)) for tie in (
    r"⟦(?P<t>\d+)⟧\s+@P(?!\S)",  # "CEO Leo Apotheker", "chief Dara Khosrowshahi"
    r"@P,\s+(?:the\s+|a\s+|an\s+|its\s+)?(?:(?:[\w'-]+|⟪\d+⟫(?:'s)?)\s+){0,3}⟦(?P<t>\d+)⟧",  # "Paul Biondi, head of ...", "Jane Doe, the new CEO"
    r"@P\s+(?:as|to|to\s+be|becomes?|became|will\s+become|is\s+named|named|appointed|joins\s+as|is\s+new|is\s+the\s+new)\s+(?:[\w'-]+\s+){0,3}⟦(?P<t>\d+)⟧",
    r"@P\s+" + _CHANGE_VERB,
    r"(?:names|named|appoints|appointed|hires|hired|taps|tapped|promotes|promoted|welcomes|ousts|ousted|fires|fired|picks|elects|elected)"
    r"\s+(?:[\w'-]+\s+){0,2}@P(?!\S)",
))
_COMPANY_NEAR_TITLE = re.compile(r"⟪(\d+)⟫(?:'s)?\s+⟦(\d+)⟧")
_COMPANY_AFTER = re.compile(r"(?:\b(?:of|at|joins?|joined|joining|to\s+lead|leads?|leaving|leaves|left|quits?|exits?)\s+)⟪(\d+)⟫")


def tied_people(marked: Marked) -> list[tuple[int, int | None]]:
    """(person index, title index or None) for each person the clause ties to a title or a change verb, in order."""
    found: dict[int, int | None] = {}
    for tie in _TIES:
        for match in tie.finditer(marked.text):
            k = int(match.group("p"))
            name = marked.names[k]
            if k in found or not (" " in name and person_like(name) and PERSON_PAIR.fullmatch(name)):
                continue
            before = marked.text[max(0, match.start("p") - 12) : match.start("p") - 1].rstrip()
            if re.match(r"(?:'s)?\s+⟦", marked.text[match.end("p") + 1 :]) and (before.lower().endswith(("former", "ex-", "ex")) or "'s" in
                                                                                 marked.text[match.end("p") + 1 : match.end("p") + 4]):
                continue  # a name right before a title is its company: "former Credit Suisse boss", "Acme's CEO"
            title = match.groupdict().get("t")
            found[k] = int(title) if title is not None else None
    return sorted(found.items())


def clauses_of(headline: str, body: str) -> list[str]:
    """The clauses a leadership event and its candidate spans are read from: the headline, then the standfirst's first
    SUMMARY_SENTENCES sentences."""
    return [headline, *(sentences(body)[:SUMMARY_SENTENCES] if body else [])]


def _leadership_event(headline: str, body: str, detection: Detection, pick: Pick | None = None) -> Extraction | None:
    """The event of a leadership detection: a person the item ties to a title or change verb, and the company of the change.

    A wrong person is worse than none, so a person counts only when a clause ties them to a title
    ("CEO Leo Apotheker", "Paul Biondi, head of strategy") or a change ("Scott Gottlieb steps down",
    "names Paul Horlock"); the company is the name before the person's title ("Xilinx CIO"), after
    "of"/"at"/"joins", or the headline's subject; `pick` (the learned span scorer) has the last word on the company when given.
    """
    clauses = clauses_of(headline, body)
    marked = [mark(clause) for clause in clauses]
    # The first person whose clause states the change ("X steps down", "names X"), else the first tied to a title.
    # "California hospital CFO resigns" / "... is again looking for a CFO after Mark Foote resigned": when the headline states
    # a departure of a title and names nobody, the standfirst's "after X resigned" tells that news, not background.
    nameless = NAMELESS_DEPARTURE and not tied_people(marked[0]) and _NAMELESS_DEPARTURE.search(marked[0].text) is not None
    candidates = [(clause, k, t, _stated_change(clause.text, k, departure_news=nameless and clause is not marked[0]))
                  for clause in marked for k, t in tied_people(clause)]
    if not candidates:
        return None
    stating = [c for c in candidates if c[3] is not None]
    if not stating:
        return None  # "HubSpot CEO Brian Halligan" with no verb of change is a person mentioned, not a change reported
    clause, person_index, title_index, stated = stating[0]
    person = clause.names[person_index]
    change = stated or detection.label  # the clause's own verb outranks the model's guess
    # "Katrine Bosley, Former Avila CEO, Takes Helm at Editas": a past title names the company being left, not the change's.
    former = title_index is not None and re.search(rf"\b(?i:former|ex-?)\s*(?:(?:[A-Z][\w&-]*|⟪\d+⟫)(?:'s)?\s+){{0,3}}⟦{title_index}⟧",
                                                   clause.text)
    joined = _joined_company(clause, person_index) if stated == "appointed" or former else None  # "Expedia chief X named to lead Uber"
    left: int | None = None  # the index of a title being left, never the event's title
    if former:
        if joined is None:
            return None  # "Former Google CEO Eric Schmidt to visit Israel": a past title and no company arrived at
        left, title_index = title_index, None
    company = (joined or _leadership_company(clause, person, title_index, own_title_only=True)
               or _leadership_company(marked[0], person, None) or _leadership_company(clause, person, title_index))
    if company is None and CLAUSE_SHAPES:  # the company named by another of the item's clauses ("GSK's head of research X has left")
        company = next((found for other in marked if other is not clause and (found := _leadership_company(other, person, None))), None)
    if pick is not None:
        company = pick(company)  # the span scorer has the last word on the company
    if company is None or public_body(company):
        return None
    if joined is not None and title_index is not None and re.search(rf"⟦{title_index}⟧\s+⟪{person_index}⟫", clause.text):
        left, title_index = title_index, None  # the title before the name is the one being left: "Expedia chief X named to lead Uber"
    if title_index is not None:
        title: str | None = clause.titles[title_index]
    elif left is not None:  # the clause's other title, if it names one: "... in the newly created role of chief customer officer"
        title = next((t for k, t in enumerate(clause.titles) if k != left), None)
    else:
        title = next((t for c in marked for t in c.titles), None)
    role = classify_title(title, officer=True) if title else None
    attributes = {"person": person, "title": title, "function": role.function if role else None, "seniority": role.seniority if role else None}
    said = clauses[next(i for i, c in enumerate(marked) if c is clause)]
    why = f"{_why(detection)}; {change} as the clause says: {_quote(said)}"
    return Extraction(EventType.LEADERSHIP, change, company, attributes, why=why, model=detection.explain())


def _quote(text: str, limit: int = 100) -> str:
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


_DEPARTING = re.compile(r"^\s+" + _ACTIVE_PERFECT + r"(?:(?:has|have|will|is|was|to|is\s+to|has\s+been)\s+)?(?:" + _LEAVING + r"|left|"
                        r"depart\w*|moves?\s+on|bolts?|ousted|fired|out\b|" + _OUSTED + ")")
_ARRIVING = re.compile(r"^\s+" + _ACTIVE_PERFECT + r"(?:(?:has|have|will|is|was|to|is\s+to|has\s+been)\s+)?(?:" + _JOIN + r"|"
                       r"named|appointed|tapped|hired|promoted|takes?\s+over|"
                       r"took\s+over|taking\s+over|(?:takes?|took|taking)\s+(?:the\s+)?(?:helm|reins)|succeed\w*|becomes?|became|lands?\s+at|heads?\s+to)")
_OUSTING = re.compile(r"(?:ousts|ousted|fires|fired|sacks|sacked|axes|axed)\s+(?:(?:[\w'-]+|⟦\d+⟧)\s+){0,2}$")
_NAMING = re.compile(r"(?:names|named|appoints|appointed|hires|hired|taps|tapped|promotes|promoted|welcomes|picks|elects|elected)\s+"
                     r"(?:(?:[\w'-]+|⟦\d+⟧)\s+){0,2}$")
# Between a person and the verb of their change, a clause may put an appositive ("X, the chief executive of Y, has stepped
# down"), a saying verb ("X says he will step down") or an announcement ("X announced his departure").
_APPOSITIVE_AFTER = re.compile(r"^,\s+(?:(?:the|a|an|its|our)\s+)?(?:[^,⟪]{0,40}⟦\d+⟧[^,]{0,60}|⟦\d+⟧[^,]{0,60}),(?=\s)")
_BACKGROUND_CLAUSE = re.compile(r"\b(?:after|since|before|until|following)\s+(?:(?:[\w'-]+|⟦\d+⟧|⟪\d+⟫)(?:'s)?\s+){0,3}$", re.IGNORECASE)
_SAYING = re.compile(r"^\s+(?:says|said|saying|has\s+said|announced|announces|confirmed|confirms)\s+(?:that\s+)?(?:he|she|they)(?:'s|\s+is|\s+will|\s+would|"
                     r"\s+was|\s+has|\s+had)?(?=\s)")
_ANNOUNCED_LEAVING = re.compile(r"^\s+(?:(?:has|have|had)\s+)?(?:announc\w+|tender\w*|hand\w*\s+in|submit\w*|gave|gives)\s+(?:his|her|their)\s+"
                                r"(?:departure|resignation|retirement|exit|notice)")


def _stated_change(text: str, person_index: int, departure_news: bool = False) -> str | None:
    """"departed"/"appointed" when the verb right after (or before) the person's marker says which; None otherwise.
    With `departure_news` (the headline states a nameless departure) a departure in a clause of time is that news."""
    at = text.find(f"⟪{person_index}⟫")
    after, before = text[at + len(f"⟪{person_index}⟫") :], text[:at]
    if CLAUSE_SHAPES and (background := _BACKGROUND_CLAUSE.search(before)) is not None:
        if departure_news and _stated_change(text[: background.start()] + text[at:], person_index) == "departed":
            return "departed"
        return None  # "Claure took over running WeWork after founder Adam Neumann stepped down": a clause of time tells background
    if CLAUSE_SHAPES:
        if (appositive := _APPOSITIVE_AFTER.match(after)) is not None:
            after = after[appositive.end() :]
        if _ANNOUNCED_LEAVING.match(after):
            return "departed"
        if (saying := _SAYING.match(after)) is not None:
            after = after[saying.end() :]
    if _DEPARTING.match(after) or _OUSTING.search(before):
        return "departed"
    if _ARRIVING.match(after) or _NAMING.search(before):
        return "appointed"
    return None


# A headline that states a title's departure and names nobody: "California hospital CFO resigns", "Samsung lead CEO to step
# down", "Nuix rocked as CEO and CFO depart", "Ten Network dumps CEO".
_NAMELESS_DEPARTURE = re.compile(r"⟦\d+⟧\s+(?:(?:to|will|is\s+to|has|have)\s+)?(?:" + _LEAVING + r"|depart\w*|ousted|fired|" + _OUSTED + r")|"
                                 r"\b(?:ousts|fires|sacks|dumps|axes|terminates)\s+(?:its\s+)?⟦\d+⟧", re.IGNORECASE)
NAMELESS_DEPARTURE = True


_JOINED = re.compile(r"\b(?:(?:joins?|joined|joining)(?:\s+(?!from\b|after\b|with\b|by\b)[a-z][\w-]*){0,3}|"
                     r"to\s+lead|to\s+head|to\s+run|lands?\s+at|landed\s+at|heads?\s+to|moves?\s+to|"
                     r"(?:helm|reins)\s+(?:at|of)|as\s+(?:the\s+)?(?:new\s+)?⟦\d+⟧\s+(?:at|of)\s+(?:[\w-]+\s+){0,2})\s*⟪(\d+)⟫")


def _joined_company(marked: Marked, person_index: int) -> str | None:
    """The company a person arrives at, named after them in the clause: "X has joined Pret", "X named to lead Uber"."""
    at = marked.text.find(f"⟪{person_index}⟫")
    for found in _JOINED.finditer(marked.text, at):
        name = marked.names[int(found.group(1))]
        if not _person_shaped(name) and (company := plausible_company(name)):
            return company
    return None


def public_body(company: str) -> bool:
    """A public agency or government body ("FDA", "SEC"), which the patterns never report as a company either."""
    return bool(set(company.lower().split()) & PUBLIC)


# A company named before "its <title>" in the same clause, with no other name between: "Nuix announced ... that its CFO".
_ITS_TITLE = re.compile(r"⟪(\d+)⟫[^⟪⟦]{0,80}?\bits\s+(?:(?:new|former|outgoing|interim|longtime)\s+)?⟦\d+⟧")
ITS_TITLE = True


# What may stand between a clause's subject and its verb: a parenthesis, or an appositive set off by commas.
_SUBJECT_ASIDE = re.compile(r"\s*\([^()]{1,40}\)|,\s+(?:the|a|an)\s+[^,]{1,80},")
CLAUSE_SHAPES = True  # the appositive, saying and announcing shapes between a person and their change, and the subject's aside


def _leadership_company(marked: Marked, person: str, title_index: int | None, own_title_only: bool = False) -> str | None:
    """The company in a marked clause: the name before the person's title (only that with `own_title_only`), else before
    another title, after "of"/"at"/"joins", or the clause's subject."""
    def usable(k: int) -> str | None:
        name = marked.names[k]
        if name == person or _person_shaped(name):
            return None
        return plausible_company(name)

    near = [(int(c), int(t)) for c, t in _COMPANY_NEAR_TITLE.findall(marked.text)]
    for c, t in sorted(near, key=lambda pair: pair[1] != title_index):
        if (company := usable(c)) is not None and (t == title_index or not own_title_only):
            return company
    if own_title_only:
        return None
    for c in _COMPANY_AFTER.findall(marked.text):
        if (company := usable(int(c))) is not None:
            return company
    if ITS_TITLE:  # "Nuix announced ... that its CFO Stephen Doyle was being terminated": "its" is the name before it
        for c in _ITS_TITLE.findall(marked.text):
            if (company := usable(int(c))) is not None:
                return company
    subject_end = 3
    if CLAUSE_SHAPES and marked.text.startswith("⟪0⟫") and (aside := _SUBJECT_ASIDE.match(marked.text, 3)) is not None:
        subject_end = aside.end()  # "Rio Tinto PLC (LON:RIO) has named", "Railtrack, the UK's railway operator, said"
    if marked.text.startswith("⟪0⟫") and _VERB_AFTER.match(marked.text, subject_end) is not None:
        name = marked.names[0]
        if (" " in name or _has_caps_word(name) or not person_like(name)) and (company := usable(0)) is not None:
            return company
    return None


# The slot filler of each task: the event a detection becomes, or None when its slots are not found.
class SlotFiller(Protocol):
    """A task's slot filler: the event a detection becomes, or None; a learned span scorer (learned_spans.fill) may pass its
    `pick` to have the last word on the company."""

    def __call__(self, headline: str, body: str, detection: Detection, pick: Pick | None = None) -> Extraction | None: ...


SLOT_FILLERS: dict[str, SlotFiller] = {"funding": _funding_event, "leadership": _leadership_event}
