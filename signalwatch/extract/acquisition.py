"""Acquisitions in news: who buys whom, for how much, and whether the deal is done or only talked about.

Shapes (headline clauses, then summary sentences):
    "<acquirer> acquires|buys|to acquire|snaps up <target> (for <amount>)"          acquired
    "<target> (to be) acquired|bought by <acquirer>"                                 acquired
    "<acquirer> said it has agreed to buy <target>", "<acquirer>'s purchase of <target>"  acquired
    "<target> accepts <acquirer>'s $44 billion offer|bid|deal"                       acquired (an accepted offer)
    "<acquirer> in talks to buy|offers to buy|bids for|exploring acquisition of <target>"  reported
    "<a> and <b> to merge", "<a> merges with <b>"                                    acquired, target = second named
    "<acquirer> announces $27.7bn purchase of <target>", "<acquirer> gets green light for|approval to acquire <target>",
    "<acquirer> has paid $448m to buy|will pay $X in cash and stock for <target>"     acquired
    "<acquirer> is expanding … with|through its (planned) acquisition of <target>"    acquired, buyer = the clause's subject
    "(approval for) the acquisition of <target> by <acquirer>"                       acquired
    "<acquirer> looks to strike a deal to acquire <target>"                          reported
    "<a> will merge with <b>", "<a> announces basic merger with <b>", "<a> and <b> are reportedly going to merge",
    "<a>, <b> ink definitive agreement to merge", "<a> have signed a letter of intent with <b> to merge"
                                                                                     acquired (reported when talked of), target = second
    "<acquirer> closes|signs agreement for <price> <target> acquisition|takeover"     acquired ("… offer", "could lift …": reported)
    "<regulator> approves|green lights|will not oppose <acquirer> (ticker) takeover of <target>"  acquired
    "<acquirer> lobs $687 million takeover of|made a proposal to acquire <target>", "nearing|closes in on a deal to acquire"  reported
    "<acquirer> to buy <a description>" over a summary naming what is bought ("will pay $65 million for Protego Networks")  acquired

The summary completes a deal: the price from a sentence that names the target ("announcing that it will acquire WheelGroup
for $124 million") or says what the buyer pays ("Elbit would pay $515 million for the government-owned manufacturer"), never
a valuation; the buyer's and target's full names from the summary's own telling of the deal ("SSR" → "SSR Mining Inc.");
and `reported` when the first summary sentence about the deal cites a source ("Breaking news suggests", "according to the
Information"). A merger to list (a SPAC) is no acquisition.

Control is an acquisition: "a 78% stake in", "100 percent shares in", "a majority stake in" <target> (a
minority stake is not). A buyer written as a description ("The credit card giant has acquired Tink") is
the item's own subject. A place's possessive ("Africa's leading platform DPO", "California's Saba") is
not the name; a business line "of" a named owner is no named target.

LABELLING.md: an unsolicited offer is `reported`, an accepted deal `acquired`; the company of
the event is the target; the amount is the deal's (the body's figure when the headline rounds it).
A purchase of a stake, a building or shares is not an acquisition; history ("in 2015",
"after X acquired Y") is not news.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import NamedTuple

from signalwatch.events import EventType
from signalwatch.extract.model import Extraction
from signalwatch.extract.money import AMOUNT, Money, find_amounts
from signalwatch.extract.text import (
    after_descriptor,
    company_from_subject,
    fuller_name,
    has_company_suffix,
    is_place,
    named_company,
    plain_capitals,
    sentences,
    title_case,
)

__all__ = ["extract_acquisitions", "ACQUISITION_WORDS"]

SUMMARY_SENTENCES = 4
# A price as a verb phrase carries it ("has paid $448m to buy", "will pay $ 430 million in cash and stock for"): a number
# with its currency sign or code and unit, read without groups so that it can sit inside the verb alternations.
_PRICE = (
    r"(?:about\s+|approximately\s+|around\s+|roughly\s+|nearly\s+|up\s+to\s+|some\s+)?(?:[a-z]{0,3}[$€£¥₹]\s?|[a-z]{3}\s?)?\d[\d.,]*"
    r"(?:\s?-?\s?(?:[mb]n|[mb]|mln|bln|million|billion|trillion|k)\b)?(?:\s+(?:euros|dollars|pounds))?"
)
ACQUISITION_WORDS = frozenset(
    """acquire acquires acquired acquiring acquisition acquisitions buy buys buying bought purchase purchases purchased
    takeover merge merges merger snaps snapped scoops bid bids offer offers deal control sold takes take""".split()
)
_DONE = (
    r"acquires|acquired|acquiring|to\s+acquire|will\s+acquire|would\s+acquire|has\s+acquired|buys|bought|buying|to\s+buy|will\s+buy|"
    r"would\s+buy|has\s+bought|purchases|purchased|to\s+purchase|snaps\s+up|snapped\s+up|scoops\s+up|picks\s+up|"
    r"(?:has\s+)?agreed\s+(?:on\s+\w+day\s+|today\s+|this\s+week\s+|in\s+principle\s+)?to\s+(?:acquire|buy|purchase)|"
    r"agrees\s+(?:on\s+\w+day\s+|today\s+|in\s+principle\s+)?to\s+(?:acquire|buy|purchase)|(?:has\s+)?(?:struck|strikes|agrees|agreed|"
    r"confirms|confirmed|signs|signed)\s+(?:a\s+)?deal\s+to\s+(?:acquire|buy)|(?:to\s+|will\s+)?take\s+over|takes\s+over|took\s+over|(?:plans|planned|set)\s+to\s+(?:acquire|buy)|(?:is|was)\s+acquiring|(?:is|was)\s+buying|complete[sd]?\s+(?:the\s+|its\s+)?"
    rf"(?:{_PRICE}\s+)?(?:acquisition|purchase)\s+of|close[sd]?\s+(?:the\s+|its\s+)?(?:{_PRICE}\s+|\S+\s+)?(?:acquisition|purchase)\s+of|"
    rf"confirms?\s+(?:the\s+)?(?:{_PRICE}\s+)?(?:acquisition|purchase)\s+of|"
    r"announce[sd]?\s+(?:the\s+|its\s+|plans\s+to\s+)?(?:acquisition\s+of|acquire|buy)|(?:has\s+)?agreed\s+to\s+pay\s+\S+(?:\s+\w+illion)?\s+for|"
    r"will\s+(?:pay|plunk\s+down|spend)\s+\S+(?:\s+\w+illion)?\s+to\s+(?:acquire|buy)|takes\s+(?:sole\s+|full\s+)?control\s+of|"
    # "Roche has paid $448m to buy Inflazome", "said it would pay US$430-million in cash and stock for Upserve Inc."
    rf"(?:(?:has\s+|have\s+)?paid|pays|(?:will|would|to|agreed\s+to)\s+pay)\s+{_PRICE}(?:\s+(?:in\s+)?(?:cash|stock|shares)(?:\s+and\s+(?:cash|stock|shares))?)?"
    r"(?:\s+up\s+front)?\s+(?:to\s+(?:acquire|buy)|for)|"
    # "Nedbank gets green light for $93mn acquisition of …", "Moniepoint gets approval to acquire …": a regulator's yes (LABELLING.md)
    r"(?:gets|got|wins|won|receives|received|secures|secured)\s+(?:\w+\s+){0,2}?(?:approval|nod|green\s+light|clearance|go-ahead)\s+"
    rf"(?:to\s+(?:acquire|buy|take\s+over)|for\s+(?:its\s+|the\s+)?(?:planned\s+|proposed\s+)?(?:{_PRICE}\s+)?(?:acquisition|purchase|takeover)\s+of)|"
    # "Mastercard announced the $3.2 billion acquisition of Nets", "Salesforce Announces $27.7bn Purchase of Slack"
    rf"announce[sd]?\s+(?:the\s+|its\s+|a\s+)?(?:planned\s+|proposed\s+)?{_PRICE}\s+(?:acquisition|purchase|takeover)\s+of|"
    r"announce[sd]?\s+(?:the\s+|its\s+)?purchase\s+of|"

    r"took\s+(?:sole\s+|full\s+)?control\s+of"
)
# The words a merger's verb phrase runs through: "are reportedly going to", "have signed a definitive agreement to", "strike basic".
_MERGE_AUX = (
    r"(?:are|is|have|has|had|will|would|could|may|might|reportedly|officially|now|going|set|plan|plans|planning|to|agree|agrees|agreed|in|"
    r"principle|sign|signs|signed|ink|inks|inked|strike|strikes|struck|reach|reaches|reached|announce|announces|announced|propose|proposes|"
    r"proposed|complete|completes|a|an|the|their|definitive|basic|nonbinding|non-binding|binding|final|formal|agreement|accord|deal|letter|"
    r"of|intent|talks|about|consider|considering|considers|explore|exploring|explores|mull|mulls|mulling)"
)
# A merger only planned or talked about is `reported` (LABELLING.md: in talks or rumoured).
_MERGE_TALK = re.compile(r"\b(?i:reportedly|going\s+to|talks|consider\w*|explor\w*|mull\w*|propos\w*|letter\s+of\s+intent|could|might)\b|\bmay\b")
# A merger to list on an exchange is no acquisition (LABELLING.md: a SPAC merger to list), nor one told as a person's past.
_NOT_A_MERGER = re.compile(r"(?i)\bSPAC\b|blank[- ]check|\bacquisition\s+(?:corp|company)|\bgo(?:es|ing)?\s+public\b|\blisting\b")
_MERGER_PAST = re.compile(r"(?i)\b(?:who|which|whose|after|since|following|(?:19|20)\d\d)\b")
# "Japanese" in "PayPal has acquired the Japanese Paidy", "Indonesian version of Alipay Dana": where a company is from, not its name.
_DEMONYM = re.compile(
    r"(?:Japanese|Chinese|Indonesian|Indian|Korean|German|French|British|American|Australian|Canadian|Brazilian|Mexican|Israeli|"
    r"Singaporean|Nigerian|Kenyan|Egyptian|Swiss|Swedish|Dutch|Spanish|Italian|Turkish|Vietnamese|Thai|Malaysian|Filipino|Colombian|"
    r"Argentine|Chilean|Peruvian|Saudi|Emirati|Irish|Danish|Norwegian|Finnish|Polish|Austrian|Belgian|Taiwanese|European|African|Asian)"
    r"\s+(?=[A-Z]|$)"
)
_TALKS = (
    # "Grab looks to strike a deal to acquire Indonesia's GoTo", "Flipkart likely to bag Cleartrip for $40 million"
    r"(?:is\s+|was\s+)?(?:looks|looking|seeks|seeking|aims|aiming|hopes|hoping|wants)\s+to\s+(?:strike|reach|clinch|seal|close)\s+(?:a\s+)?deal\s+"
    r"to\s+(?:acquire|buy|take\s+over)|"
    r"(?:is\s+|are\s+)?(?:reportedly\s+)?in\s+(?:advanced\s+|early\s+|exclusive\s+)?talks\s+(?:to\s+(?:acquire|buy|purchase)|of\s+acquiring|"
    r"about\s+(?:acquiring|buying)|over\s+(?:a\s+)?(?:deal|takeover|acquisition)\s+(?:for|of))|offers?\s+to\s+(?:buy|acquire)|"
    r"offered\s+to\s+(?:buy|acquire)|is\s+offering\s+to\s+(?:buy|acquire)|(?:makes|made)\s+(?:a\s+)?(?:\S+\s+)?(?:offer|bid)\s+(?:for|to\s+buy)|"
    r"bids?\s+(?:\S+\s+)?(?:\w+illion\s+)?for|(?:is\s+)?(?:exploring|explores|mulls|mulling|considering|considers|weighs|weighing|eyes|eyeing)\s+"
    r"(?:an?\s+)?(?:\S+\s+)?(?:acquisition\s+of|takeover\s+of|bid\s+for|deal\s+for|buying|acquiring)|"
    # "Elbit nearing acquisition of …", "CVS Closes In On $10.5B Deal To Acquire …"
    rf"(?:is\s+)?(?:nears?|nearing|close\s+to|clos(?:es|ing)\s+in\s+on)\s+(?:an?\s+)?(?:final\s+)?(?:{_PRICE}\s+)?"
    r"(?:deal\s+(?:to\s+(?:buy|acquire)|for)|acquiring|buying|(?:acquisition|takeover|purchase)\s+of)|"
    # An offer made for a named company: "Wesfarmers lobs $687 million takeover of …", "Alimentation Couche-Tard made a proposal to
    # acquire …", "Deutsche Wohnen has made an all-share offer for peer LEG Immobilien"
    r"(?:makes|made|submits|submitted|lobs|lobbed|launches|launched|tables|tabled)\s+(?:an?\s+)?(?:\S+\s+){0,3}?(?:(?:takeover|buyout)\s+)?"
    r"(?:bid|offer|proposal|takeover|buyout)\s+(?:to\s+(?:acquire|buy)|for|of)|"
    r"(?:reportedly|said\s+to\s+be)\s+(?:planning\s+to\s+)?(?:buy|acquire|buying|acquiring)|approach(?:es|ed)\s+(?:\S+\s+)?(?:about|over)\s+(?:a\s+)?(?:takeover|deal)|"
    r"(?:is\s+)?(?:set|poised|looking|seeking|moving|expected)\s+to\s+take\s+(?:sole\s+|full\s+)?control\s+of"
)
_PASSIVE = (
    r"(?:to\s+be\s+|will\s+be\s+|is\s+being\s+|is\s+to\s+be\s+|has\s+been\s+|was\s+|agrees\s+to\s+be\s+|agreed\s+to\s+be\s+)?"
    r"(?:(?:acquired|bought|purchased|snapped\s+up|taken\s+over)\s+by|sold\s+to)"
)
_NOT_A_COMPANY = re.compile(
    r"(?i)\b(?:stake|stakes|shares|campus|building|buildings|headquarters|office|land|property|properties|plant|factory|"
    r"rights|patents?|licen[cs]e|domain|assets|portfolio|book\s+of\s+business|home|house|team|franchise|brand\s+rights)\b"
)
_HISTORY = re.compile(r"\b(?:in\s+(?:19|20)\d\d|previously|earlier|had\s+(?:acquired|bought)|back\s+in|ago|when|after|following|since)\b", re.IGNORECASE)
_CUT = re.compile(r"(?i)\s+(?:for|in|from|with|to|as|at|after|amid|that|which|who|while|because|says|said|according|"
                  r"(?:backed|owned|funded|founded|run|led)\s+by)\s|[,;:(]|\s+-\s")  # "startup backed by Alphabet": its backer


@dataclass(frozen=True)
class _Deal:
    acquirer: str | None
    target: str
    change: str
    money: Money | None
    clause: int
    why: str


class _Match(NamedTuple):
    """One shape found in a clause: its named parts, where it starts and ends, where its target starts."""

    groups: dict[str, str | None]
    start: int
    end: int
    tgt_start: int
    text: str


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The deal shapes, compiled on first use.

    The shapes whose buyer or target is "the words before the verb" are found verb first: the
    verb is searched, the words before it are read back to the clause start (a lazy "anything,
    then the verb" pattern costs time quadratic in the sentence length).
    """
    return {
        "talks": re.compile(rf"\s+(?P<verb>(?i:{_TALKS}))"),
        "done": re.compile(rf"\s+(?:(?i:said|says|announced|confirmed)(?:\s+(?:(?i:on\s+)?\w+day|last\s+week|this\s+week|today))?"
                           rf"\s+(?:(?i:that)\s+)?(?i:it|they)\s+)?(?P<verb>(?i:(?:(?:has|had|have)\s+)?(?:{_DONE})))(?!\s+(?i:by)\b)"),
        # "Spirent said it has agreed to accept a bid of approximately £1.16 billion from U.S. technology company Keysight"
        "accept-from": re.compile(
            r"\s+(?:(?i:said|says|announced|confirmed)(?:\s+\w+day)?\s+(?:(?i:that)\s+)?(?i:it)\s+)?"
            r"(?P<verb>(?i:(?:has\s+)?(?:agreed\s+to\s+accept|accepted|accepts|will\s+accept)))"
        ),
        "accept-from-tail": re.compile(
            r"\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?i:bid|offer|takeover\s+offer)\s+"
            rf"(?:(?i:of)\s+(?:\w+\s+)?(?P<amount>(?i:{AMOUNT}))\s+)?(?i:from)\s+(?P<acq>[^;,]+)"
        ),
        "passive": re.compile(rf"\s+(?P<verb>(?i:{_PASSIVE}))"),
        # "approval for the acquisition of 100 percent shares in Kopo Kopo Inc. by Moniepoint Inc.", "CCI approves acquisition of BillDesk by PayU"
        "of-by": re.compile(
            r"(?P<verb>(?i:acquisition|takeover|buyout|purchase))\s+(?i:of)\s+(?P<tgt>[^,;]{1,80}?)\s+(?i:by)\s+"
            r"(?P<acq>(?:[a-z]+[A-Z]|[A-Z])[\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})"
        ),
        # "Constant Contact is expanding in Web marketing with its acquisition of New York startup SinglePlatform"
        "with-deal": re.compile(
            rf"\s+(?P<verb>(?i:(?:with|through|via)\s+(?:its|the|their|a)\s+(?:planned\s+|proposed\s+|pending\s+)?(?:{_PRICE}\s+)?"
            r"(?:acquisition|purchase|takeover|buyout)\s+of))"
        ),
        "accepts": re.compile(r"\s+(?P<verb>(?i:accepts|accepted|has\s+accepted|agrees\s+to|agreed\s+to))"),
        "accepts-tail": re.compile(
            r"\s+(?P<acq>[A-Z][\w.&' -]*?)(?:'s|’s)\s+"
            rf"(?:(?P<amount>(?i:{AMOUNT}))\s+)?(?:\w+\s+)?(?i:offer|bid|deal|takeover|acquisition|purchase\s+proposal|buyout)"
        ),
        # "Slack Spikes 32%, Reports Of Takeover By Salesforce"
        "noun-by": re.compile(r"(?P<verb>(?i:takeover|acquisition|buyout))\s+(?i:by)\s+(?P<acq>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2})"),
        "purchase-of": re.compile(
            r"(?P<acq>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})(?:'s|’s)\s+(?:\([^()]{0,20}\)\s+)?(?P<verb>(?:(?i:planned|proposed|pending)\s+)?"
            r"(?:\S+\s+(?=\S*\s*(?i:acquisition|purchase|takeover|buyout|planned|proposed|pending|\())|[$€£]?[\d.,]+\s*\w*illion\s+|\S+\s+)?"
            r"(?:\([^()]{0,20}\)\s+)?(?:(?i:planned|proposed|pending)\s+)?(?i:purchase|acquisition|takeover|buyout))\s+(?i:of)\s+(?:both\s+)?(?P<tgt>[^;]+)"
        ),
        # "Symantec finds Skycure in $250m acquisition": a headline whose verb plays on words, the deal named after it
        "in-deal": re.compile(
            r"^(?P<acq>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2})\s+[a-z]+(?:\s+up)?\s+(?P<tgt>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2})\s+"
            rf"(?i:in)\s+(?:an?\s+)?(?:(?P<amount>(?i:{AMOUNT}))\s+)?(?i:acquisition|takeover|buyout|purchase|deal)$"
        ),
        # "Line Corp. has reached a basic merger deal with internet portal Yahoo Japan Corp.", "Dana will merge with Ovo",
        # "NorthShore University HealthSystem is in talks to combine with Edward Elmhurst Health": the second named is the target
        "merge-with": re.compile(
            r"\s+(?P<verb>(?i:(?:merge|merges|merging|combine|combines|combining|(?:business\s+)?combination|merger)\s+"
            r"(?:(?:deal|agreement|accord|pact|talks|plan)\s+)?with))(?=\s)"
        ),
        # "Yahoo Japan and Line are reportedly going to merge", "Jefferson, Lehigh Valley Health Network ink definitive agreement
        # to merge", "Yahoo Japan operator and Line strike basic merger accord": two names, then the merger
        "merge-pair": re.compile(
            r"\s+(?P<verb>(?i:(?:to\s+merge|merge|merger\s+(?:accord|agreement|deal|pact)|(?:merger|combination)\s+talks)))"
            r"(?![\w-]|\s+(?i:with|of|and|into)\b)"
        ),
        # "Google closes $32bn Wiz acquisition", "BHP signs agreement for $6.4 billion OZ Minerals takeover", "Couche-Tard says it could
        # lift $47 billion Seven & i offer": the target named between the price and the deal noun
        "price-noun": re.compile(
            r"(?<=\s)(?P<verb>(?i:(?:has\s+)?(?:closes|closed|completes|completed|seals|sealed|finali[sz]es|finali[sz]ed|announces|announced|wraps\s+up|"
            r"clinches|signs\s+(?:an?\s+)?(?:\w+\s+)?agreement\s+for|(?:could|may|will|to)\s+(?:lift|raise|sweeten)|lifts|raises|sweetens|lobs|"
            r"launches|tables))\s+(?:an?\s+|its\s+|the\s+)?(?:(?i:nearly|about|around|some|more\s+than)\s+)?)"
            rf"(?P<amount>(?i:{AMOUNT}))\s+(?P<tgt>[A-Z][\w.&'-]*(?:\s+(?:[A-Z][\w.&'-]*|&\s+\w+)){{0,3}})\s+"
            r"(?P<noun>(?i:acquisition|takeover|buyout|purchase|offer|bid))\b"
        ),
        # "ACCC green lights Wesfarmers (ASX:WES) takeover of API", "CAK approves Moniepoint acquisition of Kopo Kopo", "will not oppose
        # Woolworths' WOW.AX acquisition of a 55% stake in …": a regulator's yes to a named buyer's deal (LABELLING.md: acquired)
        "approved": re.compile(
            r"(?i:approves?|approved|clears?|cleared|green[- ]lights?|green-lit|oks|okays|(?:not|n't)\s+(?:be\s+)?oppos(?:e|ed|ing)(?:\s+to)?)\s+"
            r"(?P<acq>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2}?)(?:'s|’s|')?(?:\s+\([^()]{0,20}\))?(?:\s+[A-Z]{2,5}\.[A-Z]{2})?\s+"
            r"(?P<verb>(?i:acquisition|takeover|purchase|buyout))\s+(?i:of)\s+(?P<tgt>[^,;]+)"
        ),
        "merge": re.compile(
            r"(?P<acq>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})\s+(?:and|&)\s+(?P<tgt>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})\s+"
            r"(?i:to\s+merge|agree\s+to\s+merge|will\s+merge|merge)\b"
            r"|(?P<acq2>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})\s+(?i:merges\s+with|to\s+merge\s+with|agrees\s+to\s+merge\s+with)\s+"
            r"(?P<tgt2>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})"
        ),
    }


# Shapes read verb first: (scan pattern, the part before the verb, the part after it, the tail pattern after the verb, reach back).
_VERB_FIRST = {
    "talks": ("acq", "tgt", None, 120),
    "done": ("acq", "tgt", None, 120),
    "passive": ("tgt", "acq", None, 120),
    "with-deal": ("acq", "tgt", None, 200),
    "merge-with": ("acq", "tgt", None, 120),
    "merge-pair": ("acq", None, None, 200),
    "accept-from": ("tgt", None, "accept-from-tail", 120),
    "accepts": ("tgt", None, "accepts-tail", 80),
}


@functools.lru_cache(maxsize=64)  # a headline is scanned again when its target is only described (`_described_target`)
def _verb_first(name: str, clause: str) -> tuple[_Match, ...]:
    """The first occurrence of a verb-first shape in each ";"-separated part of `clause`, with the words around the verb."""
    before_name, after_name, tail_name, reach = _VERB_FIRST[name]
    patterns = _patterns()
    scan, tail_pattern = patterns[name], patterns[tail_name] if tail_name else None
    found: list[_Match] = []
    segment_start = 0
    ends = _segment_ends(clause)
    for segment_end in ends:
        position = segment_start
        while True:
            verb = scan.search(clause, position, segment_end)
            if verb is None:
                break
            position = verb.start() + 1
            if verb.start() <= segment_start:
                continue  # nothing before the verb
            verb_start = _back_over_aux(clause, segment_start, verb.start("verb")) if name in _AUX_LED else verb.start()
            groups: dict[str, str | None] = {"verb": clause[verb_start : verb.end()].strip(),
                                             before_name: clause[max(segment_start, verb_start - reach) : verb_start]}
            if tail_pattern is not None:
                tail = tail_pattern.match(clause, verb.end(), segment_end)
                if tail is None:
                    continue
                groups.update(tail.groupdict())
                end, tgt_start = tail.end(), verb.end()
            elif after_name is None:
                end, tgt_start = verb.end(), verb.end()  # both names stand before the verb ("Dana and Ovo to merge")
            else:
                after = clause[verb.end() : segment_end]
                stripped = after.lstrip()
                if not after[:1].isspace() or not stripped:
                    continue
                groups[after_name or "tgt"] = stripped
                end, tgt_start = segment_end, segment_end - len(stripped)
            begin = max(segment_start, verb_start - reach)
            found.append(_Match(groups, begin, end, tgt_start if before_name == "acq" else begin, clause[begin:end]))
            break
        segment_start = segment_end + 1  # past the ";": "…; Broadcom to buy Broadlight for $200m"
    return tuple(found)


# Merger verbs are found by their keyword, then read back over the words of their verb phrase ("are reportedly going to [merge]",
# "have signed a definitive agreement to [merge]"): cheaper than trying that run of words at every space of every clause.
_AUX_LED = frozenset({"merge-with", "merge-pair"})
_AUX_WORDS = frozenset(_MERGE_AUX[3:-1].split("|"))
_WORD_BEFORE = re.compile(r"(\S+)\s+$")


def _back_over_aux(clause: str, segment_start: int, start: int, limit: int = 8) -> int:
    """Where the run of up to `limit` verb-phrase words that ends at `start` begins (`start` itself when there is none)."""
    for _ in range(limit):
        word = _WORD_BEFORE.search(clause, max(segment_start, start - 40), start)
        if word is None or word.group(1).lower() not in _AUX_WORDS:
            break
        start = word.start()
    return start


def _segment_ends(clause: str) -> list[int]:
    """Where each ";"-separated part of `clause` ends."""
    ends, at = [], clause.find(";")
    while at >= 0:
        ends.append(at)
        at = clause.find(";", at + 1)
    return [*ends, len(clause)]


def _regex_matches(name: str, clause: str) -> list[_Match]:
    return [_Match(m.groupdict(), m.start(), m.end(), m.start("tgt") if m.groupdict().get("tgt") is not None else m.end(), m.group(0))
            for m in _patterns()[name].finditer(clause)]


def extract_acquisitions(headline: str, summary: str) -> list[Extraction]:
    """The acquisitions an item reports, headline first; [] when it reports none."""
    clauses = [headline, *sentences(summary)[:SUMMARY_SENTENCES]] if summary else [headline]
    deals = [deal for index, clause in enumerate(clauses) for deal in _read(clause, index, lambda: _item_subject(clauses))]
    if not deals:
        deals = _described_target(headline, clauses[1:3])
    if not deals:
        return []
    merged = _merge(deals, clauses)
    return [_extraction(_finished(deal, clauses)) for deal in merged]


# A company named as what is bought in a summary: "will pay $65 million for Protego Networks", "in the process of acquiring
# mobile-search app Vurb", "a multi-billion-dollar buyout of OZ Minerals".
_BOUGHT_NAME = re.compile(
    r"(?i:\bfor|\bof|\bacquiring|\bacquire|\bbuying|\bbuy|\bpurchasing)\s+(?:(?i:the|a|an)\s+)?(?:[a-z][\w-]*\s+){0,3}"
    r"(?P<name>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})"
)


def _described_target(headline: str, summary_sentences: list[str]) -> list[_Deal]:
    """"Cisco to buy security start-up" over "Networking giant will pay $65 million for Protego Networks": a headline that
    tells what it buys, not its name, and a summary that names it as what is bought (told in a shape of its own)."""
    for name, change in (("done", "acquired"), ("talks", "reported")):
        for match in _verb_first(name, headline):
            acquirer, described = _acquirer(match.groups["acq"] or ""), (match.groups.get("tgt") or "").strip()
            if not acquirer or not re.match(r"[a-z]", described) or _NOT_A_COMPANY.search(described):
                continue  # a named target (read by the shapes), or a stake, a building, a unit
            for sentence in summary_sentences:
                for bought in _BOUGHT_NAME.finditer(sentence):
                    target = company_from_subject(bought.group("name"))
                    if target and not _same(target, acquirer) and not is_place(target) and not _BACKGROUND.search(sentence):
                        money = _amount(None, f"{match.groups['verb']} {described}")
                        why = f"acquisition.described-target (headline, named in the summary): {' '.join((headline + ' / ' + bought.group(0)).split())[:120]!r}"
                        return [_Deal(acquirer, target, change, money, 0, why)]
    return []


def _finished(deal: _Deal, clauses: list[str]) -> _Deal:
    """A deal with the names as the summary spells them out and the price the summary states when its own clause gave none."""
    money = (_body_figure(deal.money, clauses[1:3]) if deal.clause == 0 else deal.money)
    why = deal.why
    if money is None:
        money = _deal_sentence_price(deal, clauses[1:])
        why += f"; price {money.amount:,.0f} {money.currency} from the summary" if money else ""
    acquirer = fuller_name(_as_the_body_names(deal.acquirer, clauses), clauses[1:]) if deal.acquirer else None
    hearsay = _told_by_a_source(deal, clauses[1:]) if deal.change == "acquired" else None
    change, why = ("reported", f"{why}; reported: the summary cites a source ({hearsay!r})") if hearsay else (deal.change, why)
    return replace(deal, acquirer=acquirer, money=money, change=change, why=why)


# A summary that tells the headline's deal on someone's word: "Breaking news suggests Microsoft is preparing to purchase …",
# "… for a cool $110 million, according to the Information", "the news leaked that Visa was to acquire …" (LABELLING.md:
# a reported deal is `reported`). A company's own statement or filing is no source of that kind.
_HEARSAY = re.compile(
    r"(?i:\b(?:news|reports?)\s+(?:suggests?|leaked|emerged)|\bleaked\b|\bapparently\b|\brumou?red\b|\bis\s+said\s+to\b|"
    r"\bsources?\s+(?:say|said|told|familiar|close)|\breportedly\b(?!\s+(?:exceeding|worth|valued|around|about|over|more|less|for|at))|\bpeople\s+familiar|\baccording\s+to\s+(?:people|sources|reports?|media)\b)|"
    r"\b(?i:according\s+to)\s+(?:the\s+)?(?!(?i:a|an|its|their|the\s+(?:company|companies|firm|statement|release|filing)))[A-Z]|"
    r"\b(?i:reports|reported)\s*\.?$"
)


def _told_by_a_source(deal: _Deal, summary_sentences: list[str]) -> str | None:
    """The words by which the first summary sentence about the deal (naming its target or its buyer) cites a source, if it does."""
    for sentence in summary_sentences[:3]:
        if any(name and re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", sentence) for name in (deal.target, deal.acquirer)):
            source = _HEARSAY.search(sentence)
            return source.group(0).strip() if source else None
    return None


def _as_the_body_names(name: str, clauses: list[str]) -> str:
    """"Superapp Grab" → "Grab", "Quickly Unpacking Visa" → "Visa": a Title Case headline writes words before the name
    that the summary, which names the company plainly, leaves off."""
    body = " ".join(clauses[1:])
    words = name.split()
    if len(words) < 2 or not body or re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", body):
        return name
    for cut in range(1, len(words)):
        shorter = " ".join(words[cut:])
        if (cut == len(words) - 1 and has_company_suffix(shorter)) or not shorter[:1].isupper():
            continue  # "Systems" alone is no name
        if re.search(rf"(?<![\w-]){re.escape(shorter)}(?![\w-])", body):
            return shorter
    return name


def _item_subject(clauses: list[str]) -> str | None:
    """The company an item is about: the subject of its first summary sentence, else of its headline.

    "The credit card giant has acquired Tink" under "Visa goes shopping in Sweden" names its buyer only by
    description; the item's own subject is who "the company" is.
    """
    for clause in [*clauses[1:2], clauses[0]]:
        subject = _clause_subject(clause)
        if subject:
            return subject
    return None


_LEAD_IN = re.compile(r"^(?:(?:In|On|At|With|After|As|Amid|Earlier|Meanwhile|Following)\b[^,]{0,80},\s*|(?:Today|Yesterday),?\s+)")


def _clause_subject(text: str) -> str | None:
    """The company a clause opens with, up to its first lower-case word that is not a description.

    "Waltham-based Constant Contact is expanding …" → "Constant Contact"; "Seattle's PopCap Games continued …" →
    "PopCap Games"; "Moniepoint Inc., a company with roots in Nigeria, is …" → "Moniepoint Inc.".
    """
    kept: list[str] = []
    for word in _LEAD_IN.sub("", text.strip()).split()[:10]:
        bare = word.rstrip(",")
        if bare[:1].islower() and not (bare.lower().endswith(("-based", "-backed", "-headquartered", "-owned"))
                                       or _DESCRIPTION_WORD.fullmatch(bare) or bare in ("of", "&", "and")):
            break
        kept.append(word)
        if word.endswith(","):
            break
    return named_company(" ".join(kept)) if kept else None


_DESCRIPTION_WORD = re.compile(r"(?:fintech|startup|start-up|company|firm|lender|platform|giant|group|bank|maker|provider|developer|"
                               r"retailer|chain|rival|operator|insurer|unicorn|superapp|tech|software|payments?|digital|online|health|food|"
                               r"delivery|ride-hailing|e-commerce|mobile|healthtech|medtech|biotech)")
# "The credit card giant", "the company", "The top-tier Nigerian lender": a buyer named by what it is, the item's subject.
_ANAPHOR = re.compile(  # the head noun in lower case: "The Urgent Company" is a name
    r"(?:^|,\s+)(?:[Tt]he|[Tt]his)\s+(?:[\w-]+\s+){0,4}?(?:company|firm|giant|group|lender|bank|startup|start-up|business|maker|"
    r"provider|developer|retailer|chain|operator|insurer|platform|conglomerate)\s*$"
)
# "The company has acquired three startups over the years": a description of the company, not its news.
_BACKGROUND = re.compile(r"(?i)\b(?:last\s+(?:year|month)|recently|over\s+the\s+(?:years|past)|so\s+far|to\s+date|in\s+(?:19|20)\d\d)\b")
# A sentence about the deal itself: "The transaction is valued at about $77 million", "The acquisition could be worth up to $100 million".
_DEAL_SUBJECT = re.compile(r"(?i)^(?:the|this)\s+(?:deal|transaction|acquisition|purchase|buyout|takeover)\b")


def _deal_sentence_price(deal: _Deal, summary_sentences: list[str]) -> Money | None:
    """The price a summary sentence about "the deal" states when the deal's own clause gave none."""
    if deal.money is not None:
        return None
    for sentence in summary_sentences[:3]:
        if _DEAL_SUBJECT.match(sentence):
            money = _amount(None, sentence)
            if money is not None:
                return money
    # "Cisco Systems …, announcing that it will acquire WheelGroup for $124 million in stock" under "Cisco acquires WheelGroup":
    # a sentence that names the target states the deal's price even when its buyer is told in a way no shape reads.
    named = re.compile(rf"(?<![\w-]){re.escape(deal.target)}(?![\w-])")
    for sentence in summary_sentences[:3]:
        found = named.search(sentence)
        if found and not _BACKGROUND.search(sentence):
            money = _amount(None, sentence[found.start() :]) or _amount(None, sentence)  # the figure after the name first
            if money is not None:
                return money
    # "Israeli defense contractor Elbit would pay $515 million (NIS 1.75 billion) for the government-owned weapons manufacturer",
    # "PayPal pays converted about 2.3 billion euros for the payment service": what the buyer pays, the target told by description
    buyer = re.compile(rf"(?<![\w-]){re.escape(deal.acquirer)}(?![\w-])") if deal.acquirer else None
    for sentence in summary_sentences[:3]:
        found = buyer.search(sentence) if buyer else None
        pays = re.search(r"(?i)\b(?:pay|pays|paid|paying)\b", sentence[found.end() :]) if found else None
        if found and pays and not _BACKGROUND.search(sentence):
            money = _amount(None, sentence[found.end() + pays.start() :])
            if money is not None:
                return money
    return None


def _body_figure(money: Money | None, summary_sentences: list[str]) -> Money | None:
    """"$26 billion" in the headline, "$26.2 billion" in the body: the body's figure."""
    if money is None:
        return None
    for sentence in summary_sentences:
        for other in find_amounts(sentence):
            if _close(money, other) and other.amount != money.amount:
                return other
            aside = re.match(r"\s*\((?:around|about|approximately|roughly|some|c\.|~)?\s*([^()]{1,25})\)", sentence[other.end :])
            if aside and other.currency != money.currency and any(_close(money, m) for m in find_amounts(aside.group(1))):
                return other  # "ZAR1.65 billion ($94 million)" under a headline's "$94M": the original currency (LABELLING.md)
    return money


# The shapes in the order they are tried; a later shape never reads a verb an earlier one already read.
_SHAPES = (
    ("accepts", "acquired"), ("accept-from", "acquired"), ("in-deal", "acquired"), ("merge", "acquired"), ("approved", "acquired"), ("price-noun", "acquired"),
    ("merge-with", "acquired"), ("merge-pair", "acquired"), ("talks", "reported"), ("passive", "acquired"), ("of-by", "acquired"),
    ("purchase-of", "acquired"), ("done", "acquired"), ("with-deal", "acquired"), ("noun-by", "acquired"),
)
_DEAL_NOUNS = ("acquisition", "purchase", "takeover", "buyout")
# Per shape, words (lower case) of which every wording of it holds one: a clause with none is not scanned for it.
_SHAPE_CUES: dict[str, tuple[str, ...]] = {
    "accepts": ("accept", "agree"), "accept-from": ("accept",), "in-deal": ("in",), "merge": ("merge",),
    "price-noun": (*_DEAL_NOUNS, "offer", "bid"), "approved": _DEAL_NOUNS, "merge-with": ("merg", "combin"), "merge-pair": ("merg", "combin"),
    "passive": ("by", "sold"),
    "of-by": ("by",), "purchase-of": _DEAL_NOUNS, "with-deal": _DEAL_NOUNS, "noun-by": ("by",),
}


def _read(clause: str, index: int, subject: Callable[[], str | None]) -> list[_Deal]:
    if re.match(r"(?i)\s*how\s+to\b", clause):
        return []  # "How to Buy a Book of Business": advice
    clause = clause.replace("'in talks'", "in talks").replace('"', "")
    found: list[_Deal] = []
    taken: list[tuple[int, int]] = []
    lowered = clause.lower()
    for name, change in _SHAPES:
        if name in _SHAPE_CUES and not any(cue in lowered for cue in _SHAPE_CUES[name]):
            continue
        matches = _verb_first(name, clause) if name in _VERB_FIRST else _regex_matches(name, clause)
        for match in matches:
            verb_start = match.start + len(match.groups.get("acq") or "") if name in ("talks", "done", "with-deal") else match.start
            if any(start <= verb_start < end for start, end in taken):
                continue
            deals = _deals(name, change, match, clause, index, subject)
            if deals:
                taken.append((match.start, match.end))
                found.extend(deals)
    return found


def _deals(name: str, change: str, match: _Match, clause: str, index: int, subject: Callable[[], str | None]) -> list[_Deal]:
    groups = {key: value or "" for key, value in match.groups.items()}  # a part the shape did not read is empty
    if index > 0 and _HISTORY.search(clause[max(0, match.start - 30) : match.tgt_start + 40 if match.groups.get("tgt") is not None else match.end]):
        return []  # "after VinID acquired People Care", "when IBM acquired Merge Healthcare in 2015"
    if name == "passive":
        buyers = _target_list(groups["acq"])
        acquirer = buyers[0] if buyers else None
        target = named_company(_subject_tail(groups["tgt"]))
        targets, price_text = ([target] if target else []), groups["acq"]
    elif name == "in-deal":
        acquirer, target = company_from_subject(groups["acq"]), company_from_subject(_without_deal_verb(groups["tgt"]))
        targets, price_text = ([target] if target and index == 0 else []), ""
    elif name == "merge":
        acquirer = company_from_subject(groups.get("acq") or groups.get("acq2") or "")
        target = company_from_subject(groups.get("tgt") or groups.get("tgt2") or "")
        targets, price_text = ([target] if target else []), clause[match.end :]
    elif name == "approved":
        acquirer, targets, price_text = company_from_subject(groups["acq"]), _target_list(groups["tgt"]), groups["tgt"]
    elif name == "price-noun":
        # the buyer is read back from the verb (a pattern that tries a name at every capital letter costs more)
        buyer = _NAME_BEFORE_VERB.search(clause, 0, match.start)
        acquirer, target = _acquirer(buyer.group("acq")) if buyer else None, company_from_subject(groups["tgt"])
        targets, price_text = ([target] if target else []), ""
        if re.search(r"(?i)offer|bid|lift|raise|sweeten|lobs|launches|tables", groups["verb"] + " " + groups["noun"]):
            change = "reported"  # an offer, not yet a deal (LABELLING.md)
    elif name in ("merge-with", "merge-pair"):
        if _NOT_A_MERGER.search(clause) or _MERGER_PAST.search(groups["acq"][-60:]):
            return []  # "Satellogic to go public through merger with Cantor Fitzgerald SPAC", "who led its 2018 merger with Cigna"
        acquirer, targets = _merger_sides(name, groups["acq"], groups.get("tgt") or "")
        price_text = clause[match.end :] if name == "merge-pair" else groups.get("tgt") or ""
        if _MERGE_TALK.search(groups["acq"][-100:] + " " + groups["verb"]):
            change = "reported"
    elif name in ("accepts", "accept-from"):
        acquirer = _last_name(re.split(r"(?i)\s+(?:for|in|to|as|and)\s", groups["acq"])[0]) if name == "accept-from" else company_from_subject(groups["acq"])
        target = named_company(_subject_tail(groups["tgt"]))
        targets, price_text = ([target] if target else []), ""
    elif name == "noun-by":
        acquirer = company_from_subject(groups["acq"])
        target = _first_company(clause[: match.start])
        targets, price_text = ([target] if target else []), clause
        if re.search(r"(?i)\b(?:reports?|reported|talks|bid|offer|rumou?rs?|could|may|possible|potential)\b", clause):
            change = "reported"
    else:
        acquirer = _clause_subject(groups["acq"]) if name == "with-deal" else _acquirer(groups["acq"])
        if acquirer is None and name in ("done", "talks") and _ANAPHOR.search(_subject_tail(groups["acq"])) and not _BACKGROUND.search(clause):
            acquirer = subject()  # "The credit card giant has acquired Tink": the item's own subject
        targets = _target_list(groups["tgt"])
        price_text = clause[match.start :] if name == "of-by" else f"{groups.get('verb') or ''} {groups['tgt']}"
    if acquirer is None or not targets:
        return []
    if re.search(r"(?i)\bpa(?:y|ys|id)\b.*\sfor$", groups.get("verb") or "") and title_case(clause) and plain_capitals(targets[0]):
        return []  # "Uber To Pay $148M For Data Breach": in Title Case a fine's cause looks like a name
    if re.search(r"(?i)\btak(?:e|es|en|ing)\s+over|took\s+over", groups.get("verb") or "") and (
            _PERSON_NAME.fullmatch(acquirer) or not groups.get("tgt", "").lstrip()[:1].isupper()):
        return []  # "Jane Doe takes over Acme's marketing", "will take over the reins": a new head, not a buyer
    money = _amount(groups.get("amount") or None, price_text)
    before = clause[: match.tgt_start] if name in ("done", "talks", "with-deal") else clause[: match.end]
    after = clause[match.tgt_start :] if name in ("done", "talks", "with-deal") else ""
    if change == "acquired" and (re.search(r"\b(?:(?i:reportedly|rumou?red|could|might|considering|sources|said\s+to\s+be)|may)\b", before)
                                 or _SOURCED.search(after)):
        change = "reported"
    why = f"acquisition.{name} ({'headline' if index == 0 else f'summary sentence {index}'}): {' '.join(match.text.split())[:90]!r}"
    return [_Deal(acquirer, target, change, money, index, why) for target in targets if target != acquirer]


# After the target only a named source makes a deal reported ("…, sources say"); "in what may be a smart bid" is comment.
_SOURCED = re.compile(r"(?i)\b(?:sources?\s+(?:say|said|told|familiar)|reportedly(?!\s+(?:exceeding|worth|valued|around|about|over|more|less))|"
                      r"according\s+to\s+(?:people|sources|reports?|media))\b")
_PERSON_NAME = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+(?:de|van|von|da|del|der|la|le))?\s+[A-Z][\w'-]+")


# "Google [closes …]", "BHP [signs agreement for …]", "Couche-Tard says it [could lift …]", "Wesfarmers (ASX:WES) […]"
_NAME_BEFORE_VERB = re.compile(
    r"(?:^|(?<=\s))(?P<acq>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2})(?:\s+\([^()]{0,20}\))?(?:\s+(?i:says|said)\s+(?i:it))?\s+$"
)


def _merger_sides(name: str, before: str, after: str) -> tuple[str | None, list[str]]:
    """The first-named and second-named company of a merger: "Dana" merging with "Ovo"; "Yahoo Japan and Line" to merge."""
    before = _LEAD_IN.sub("", before.strip())
    if name == "merge-with":
        # "Naver Corp. said … its Japanese messaging app provider Line Corp. [has reached a basic merger deal with]": the name before the verb
        run = re.search(r"(?:^|\s)((?:[A-Z0-9][\w.&'!-]*|[a-z]+[A-Z][\w.&'!-]*)(?:\s+(?:[A-Z0-9][\w.&'!-]*|of|&)){0,4})\s*$", before)
        first = company_from_subject(after_descriptor(_DEMONYM.sub("", run.group(1)))) if run else None
        return first or _acquirer(before), _target_list(after)
    before = _BASED.sub("", before)  # "Stayton, Ore.-based Santiam Hospitals": where it sits, then the name
    # "Santiam Hospitals and Clinics have signed a nonbinding letter of intent with Samaritan Health Services [to merge]"
    paired = re.fullmatch(rf"(?P<a>.+?)\s+(?:{_MERGE_AUX}\s+){{1,8}}?with\s+(?P<b>[^,]+)", before)
    if paired:
        first, second = _clause_subject(paired.group("a")), _last_name(paired.group("b"))
        return first, [second] if first and second else []
    pair = re.fullmatch(r"(?P<a>.+?)(?:\s+and\s+|\s+&\s+|,\s+(?!.*\s(?:and|&)\s))(?P<b>[^,]+)", before)
    if pair is None:
        return None, []
    first, second = _last_name(pair.group("a")), _last_name(pair.group("b"))
    return first, [second] if first and second else []


_BASED = re.compile(r"(?:[A-Z][\w.'-]*\s+){0,2}?(?:[A-Z][\w.'-]*,\s+)?[A-Z][\w.]*-(?:based|headquartered)\s+")


def _without_deal_verb(name: str) -> str:
    """"Acquire Whole Foods" → "Whole Foods": a Title Case headline capitalises the verb before the target too."""
    verb, _, rest = name.partition(" ")
    return rest if rest and verb.lower() in ACQUISITION_WORDS else name


def _first_company(text: str) -> str | None:
    """The company a headline opens with; "Slack Spikes 32%" → "Slack" (a Title Case verb is not part of the name)."""
    match = re.match(r"\s*([A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2})", text)
    if not match:
        return None
    words = match.group(1).split()
    while len(words) > 1 and words[-1].endswith("s") and not has_company_suffix(" ".join(words)):
        words.pop()
    return company_from_subject(" ".join(words))


def _acquirer(text: str) -> str | None:
    """The buyer: the subject before the verb ("Breaking: Amazon", "Broadcom, the semiconductor giant,")."""
    text = re.sub(r"(?i)\s+(?:is|are|will|would|has|had|also|now|officially|reportedly|finally|today|on\s+\w+day)\s*$", "", text.strip())
    text = re.sub(r"(?i)^(?:\d+\s+\w+\s+)?(?:why|how|what|when|will|can|could|should|did|does)\s+", "", text)
    text = re.sub(r"(?i)^(?:on\s+\w+day|today|yesterday|this\s+week|last\s+week)[,\s]+", "", text)
    # "Reuters reported in May Nasdaq-listed Grab was looking to …": who reported it, then the buyer
    text = re.sub(r"^[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2}\s+(?:reported|said|reports|says)(?:\s+(?:in|on|last)\s+[A-Z]?\w+)?(?:\s+that)?\s+(?=[A-Z])",
                  "", text)
    text = re.sub(r"^(?:[\w.&-]+-(?:listed|headquartered))\s+", "", text)  # "Nasdaq-listed Grab"
    text = re.sub(r"\s*\([^)]{0,30}\)", "", text)
    if not text:
        return None
    # "Israeli defense contractor Elbit", "German health group Siemens Healthineers": what the buyer is, then its name
    described = _DESCRIBED.fullmatch(text)
    return named_company(text) or (company_from_subject(described.group("name")) if described else None)


_DESCRIBED = re.compile(
    r"(?:[A-Z][a-z]+\s+)?(?:(?!(?:the|a|an|we|they|it|is|are|was|were|has|have|had|as|to|of|and|in|on|at|for|by|with)\s)[a-z][\w-]*\s+){1,4}"
    r"(?P<name>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})"
)


def _subject_tail(text: str) -> str:
    return re.sub(r"(?i)\s+(?:is|are|will|would|has|had|also|now|officially|reportedly|set|expected)\s*$", "", text.strip())


# "a 78% stake in Sumac", "100 percent shares in Kopo Kopo Inc.", "a majority stake in Trust Merchant Bank", "100% of Kenya's
# Transnational Bank": control of the company is an acquisition of it (LABELLING.md); a minority stake is not.
_STAKE = re.compile(
    rf"(?i)\s*(?:an?\s+|the\s+|its\s+)?(?:{_PRICE}\s+)?(?P<more>(?:additional|further|remaining)\s+)?(?:(?P<pct>\d+(?:\.\d+)?)\s*(?:%|per\s*cent|percent)|"
    r"(?P<word>majority|controlling))\s+(?:(?:equity\s+)?(?:stake|interest|shareholding|ownership|holding)\s+|(?:of\s+(?:the\s+|its\s+)?)?shares\s+)?"
    r"(?:in|of)\s+(?:the\s+)?(?=\S)"
)


_ASSETS_OF = re.compile(r"(?i)(?:[\w&-]+,?\s+){0,5}?(?:the\s+|most\s+of\s+the\s+)?assets\s+of\s+(?=\S)")
# "the account-to-account payment business of Nordic platform Nets": a unit without a name of its own (LABELLING.md)
_OWNED_UNIT = re.compile(r"(?i)(?:[\w-]+\s+){0,3}?(?:business|businesses|unit|units|division|divisions|arm|operations|assets|stake)\b")
_UNIT_OF = re.compile(r"(?i)\b(?:business|businesses|unit|units|division|divisions|arm|operations)\s+of\b")


def _target_list(text: str) -> list[str]:
    assets = _ASSETS_OF.match(text)
    if assets:
        text = text[assets.end() :]  # "IP, other assets of fellow digital health platform Koble": the company (LABELLING.md)
    stake = _STAKE.match(text)
    if stake:
        if stake.group("pct") and float(stake.group("pct")) <= 50 and not stake.group("more"):
            return []  # a minority stake
        text = text[stake.end() :]
    text = _BASED.sub("", text.strip(), count=1) if _BASED.match(text.strip()) else text  # "Springfield, Tenn.-based NorthCrest Health"
    head = _CUT.split(" " + text.strip(), maxsplit=1)[0].strip()
    head = re.sub(r"\s*\([^)]{0,30}\)", "", head)
    if _NOT_A_COMPANY.search(head) or _UNIT_OF.search(head):
        return []  # a stake, a campus, shares
    parts = re.split(r"\s+and\s+", head) if re.search(r"[A-Z]\w*\s+and\s+(?:[a-z][\w-]*\s+){0,6}[A-Z]", head) else [head]
    found = []
    for part in parts:
        company = _last_name(part)
        if company:
            found.append(company)
    return found


def _last_name(text: str) -> str | None:
    """"the hugely popular photo-sharing service Instagram" → "Instagram"; "Birkett Long's law firm" → "Birkett Long"."""
    text = text.strip()
    possessive = re.match(r"(?P<name>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})(?:'s|’s)\s+", text)
    if possessive and is_place(possessive.group("name")):
        text = text[possessive.end() :]  # "Africa's leading online commerce platform DPO", "Indonesia's GoTo": a place, then the name
    elif possessive:
        rest = text[possessive.end() :]
        if _OWNED_UNIT.match(rest):
            return None  # "Uber's businesses in Southeast Asia", "GoTo's e-commerce unit": a unit without a name of its own (LABELLING.md)
        owned = re.match(r"[A-Z][\w.&'-]*(?:\s+(?:[A-Z][\w.&'-]*|of|&))*", rest)
        if owned and " " in owned.group(0).strip() and not is_place(owned.group(0)):
            return company_from_subject(after_descriptor(owned.group(0)))  # "Tenet Healthcare's Pacific Coast Network": the named unit
        return company_from_subject(possessive.group("name"))
    run = re.search(r"(?:^|\s)((?:[A-Z0-9][\w.&'!-]*|[a-z]+[A-Z][\w.&'!-]*)(?:\s+(?:[A-Z0-9][\w.&'!-]*|of|&))*)\s*$", text)
    if run is None:
        # "Inversago Pharma and the development of ...", "Auth0 prompts a hard look", "Nets will lead": the name, then a verb
        lead = re.match(r"((?:[A-Z][\w.&'!-]*|[a-z]+[A-Z][\w.&'!-]*)(?:\s+(?:[A-Z][\w.&'!-]*|of|&))*)\s+(?:and|with|to|which|that|"
                        r"will|would|could|can|may|might|should|is|are|was|were|has|have|had|[a-z]+s\s+(?:a|an|the|its|their))\s+[a-z]", text)
        return company_from_subject(lead.group(1)) if lead else None
    name = after_descriptor(run.group(1).strip())
    if re.fullmatch(r"(?:Inc|Ltd|Corp|Co|LLC|plc)\.?", name):
        return None
    return company_from_subject(name) or None


def _amount(explicit: str | None, text: str) -> Money | None:
    """The deal's price: "for $3.2B", "in a $13.7 billion deal", "valued at $61 billion"; never a per-share price."""
    source = explicit or text
    for money in find_amounts(source):
        after = source[money.end : money.end + 25].lower()
        before = source[max(0, money.start - 30) : money.start].lower()
        if re.match(r"\s*(?:per\s+share|a\s+share|each|market\s+cap)", after) or "premium" in after or money.amount < 10_000:
            continue  # a per-share price, or a figure without its unit ("its $975 acquisition": LABELLING.md, a typo is no amount)
        if re.search(r"valuation\s+(?:of\s+)?(?:\w+\s+){0,2}$", before):
            continue  # "bringing the Turkish fintech company to a valuation of more than $1bn": the buyer's worth, not the price
        if explicit or _PRICE_BEFORE.search(before) or _PRICE_AFTER.match(after):
            return money
    return None


_PRICE_BEFORE = re.compile(
    r"(?:\bfor|valued\s+at|worth|\bof|in\s+an?|\bpay|paying|spend|plunk\s+down|bids?|offers?|up\s+to|about|approximately|estimated|"
    r"some|nearly|around|more\s+than|at\s+least|exceeding|topping|north\s+of|upwards\s+of)\s*(?:an?\s+)?(?:cool\s+|staggering\s+|reported\s+)?$"
)
_PRICE_AFTER = re.compile(r"\s*(?:\([^()]{0,25}\)\s*)?(?:[\w-]+\s+){0,2}?(?:deal|acquisition|takeover|offer|bid|buy|purchase|transaction|buyout|stake)\b")


def _merge(deals: list[_Deal], clauses: list[str]) -> list[_Deal]:
    """One deal per target; later clauses fill the buyer's price (the body's figure where close) and confirm the change."""
    kept: list[_Deal] = []
    for deal in deals:
        twin = next((k for k in kept if _same(k.target, deal.target)), None)
        if twin is None:
            kept.append(deal)
            continue
        money = deal.money if deal.money is not None else twin.money  # the body's figure (LABELLING.md)
        # "SSR" in the headline, "SSR Mining" in the summary's telling of the same deal: the buyer's full name
        fuller = re.sub(r"\s+of\s+[A-Z][\w\s]*$", lambda m: "" if is_place(m.group(0)[4:]) else m.group(0), deal.acquirer or "")
        name = _LEGAL_FORM.sub("", fuller)  # "Line Corp.": a longer form, not a longer name
        acquirer = fuller if twin.acquirer and (name == twin.acquirer or name.startswith(twin.acquirer + " ")) else twin.acquirer or deal.acquirer
        # "Kopo Kopo Inc.", "Varian Medical Systems Inc" under a headline's "Varian": the target as the summary's telling names it
        bare = _LEGAL_FORM.sub("", deal.target)
        target = deal.target if bare == twin.target or bare.startswith(twin.target + " ") else twin.target
        kept[kept.index(twin)] = replace(twin, money=money, acquirer=acquirer, target=target, why=f"{twin.why}; completed by {deal.why}")
    headline_deals = [d for d in kept if d.clause == 0]
    if headline_deals:
        others = [d for d in kept if d.clause > 0 and not any(_same(d.acquirer, h.acquirer) for h in headline_deals)]
        kept = headline_deals + [d for d in kept if d.clause > 0 and d not in others] + others
    return kept


_LEGAL_FORM = re.compile(r",?\s+(?:Inc|Corp|Ltd|LLC|plc|PLC|Co)\.?$")


def _close(first: Money, second: Money) -> bool:
    return first.currency == second.currency and abs(first.amount - second.amount) <= 0.1 * max(first.amount, second.amount)


def _same(first: str | None, second: str | None) -> bool:
    if not first or not second:
        return False
    a, b = first.lower(), second.lower()
    return (a == b or a.startswith(b + " ") or b.startswith(a + " ") or _initials_of(first, second) or _initials_of(second, first)
            or _DEMONYM.fullmatch(first[: -len(second)]) is not None or _DEMONYM.fullmatch(second[: -len(first)]) is not None)


def _initials_of(short: str, name: str) -> bool:
    """"API" for "Australian Pharmaceutical Industries": a summary names the target by its initials."""
    words = [word for word in name.split() if word[:1].isupper()]
    return short.isupper() and 2 <= len(short) == len(words) and short == "".join(word[0] for word in words)


def _extraction(deal: _Deal) -> Extraction:
    attributes = {
        "acquirer": deal.acquirer,
        "target": deal.target,
        "amount": deal.money.amount if deal.money else None,
        "currency": deal.money.currency if deal.money else None,
    }
    return Extraction(EventType.ACQUISITION, deal.change, deal.target, attributes, why=deal.why)
