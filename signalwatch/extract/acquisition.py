"""Acquisitions in news: who buys whom, for how much, and whether the deal is done or only talked about.

Shapes (headline clauses, then summary sentences):
    "<acquirer> acquires|buys|to acquire|snaps up|is snapping up|swallows <target> (for <amount>)"  acquired
    "<target> (to be) acquired|bought|picked up|swallowed by <acquirer>"             acquired
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
    "<acquirer> completes|confirms|announces <target> acquisition|takeover" (no price; not "… acquisition of")  acquired
    "<regulator> approves|green lights|will not oppose <acquirer> (ticker) takeover of <target>"  acquired
    "<acquirer> lobs $687 million takeover of|made a proposal to acquire <target>", "nearing|closes in on a deal to acquire"  reported
    "<acquirer> to buy <a description>" over a summary naming what is bought ("will pay $65 million for Protego Networks")  acquired
    "<acquirer> has clinched|reached|signed|entered into a deal|an agreement to buy <target>", "<acquirer> is to acquire <target>",
    "<acquirer> has completed|finalized a takeover of|its previously announced purchase of <target>"                  acquired
    "<seller> has agreed to sell|sold <target> to <acquirer>", "<target> sells to <acquirer>"                        acquired
    "<seller> is in talks to sell <target> to <acquirer>", "<acquirer> may acquire|has raised its offer for|bid <price> for <target>"  reported
    "<target> said it agreed|announced an agreement to be acquired by <acquirer>", "<target> was acquired for <price> by <acquirer>",
    "<target> would be taken private by <acquirer>", "<target> has agreed to a <price> takeover by <acquirer>"       acquired
    "<acquirer> has acquired <a>, <b> and <c>": one deal per target; "<a> and <b> completed their planned merger", "<a>, <b> ink
    definitive agreement to combine", "<a> and <b> are in talks about a merger"                                      as above
    "<acquirer> entered into a $2.7 billion deal Monday to buy|works out a … deal to acquire|signs R3.3bn deal to take control of
    <target>", "<acquirer> … with a deal to acquire <target>", "<target> announced it was being acquired by <acquirer>",
    "<acquirer> announced it was taking over <target>"                                                              acquired
    "<acquirer> wants to buy|is looking to buy <target>"                                                            reported
    "<acquirer> announced a $4.6 billion deal to buy|has reached a definitive agreement with <seller> to acquire <target>": any
    verb whose object is a deal to buy (not after a preposition: "talk of a deal to buy")                           acquired
    "Green light for <acquirer> acquisition of <target>", "<acquirer> takeover of <target> greenlit by shareholders",
    "U.S. approves <acquirer> deal to buy <target>": a named buyer's deal in a clause that tells its approval        acquired

A buyer may reach its verb past an apposition ("Hershey, best known for its candy bars, is buying", apposition.py) or tell
its own deal ("L'Oreal said on 26 November that it has acquired", "Community Financial announces it will acquire"); a merger
told from each side ("Net-a-Porter, Yoox Agree to Merge" / "The Yoox Group said … it had agreed to merge with … Net-a-Porter")
is one deal; a headline asked as a question ("DSV to buy Panalpina?") is `reported`. The summary's retelling of the headline's deal under
another name of the target ("… a 70 percent stake in Saudi Basic Industries Corp (SABIC)" under "… buys 70 percent of SABIC")
is the same deal, not a second one.

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
"after X acquired Y", a summary's deal with a past year after it, a headline's "Less than a year after X's acquisition of Y") is
not news.

Assets bought are no deal: a counted lot ("Three Salmon Plants", "26 MW of Solar Power"), brands or plants bought from their
owner, a site, "part of" a company, a named owner's unit ("ADM's cocoa business"): acquisition_names.bought_assets.
A deal the headline or its own sentence calls off, blocks, opposes or rejects is none, and so is a deal whose buyer as read
names no one (a year, a figure, a place, "Inc.") or opens a lead-in to other news ("With Twilio's acquisition of Segment,
it's a good time to publish my deal memo"): acquisition_vetoes.py. A Title Case headline's target that the summary
tells as a description ("German Seed Company" over "… rye seed business areas") is none.

This module finds the shapes and decides the deal; beside it, acquisition_merger.py reads the merger shapes,
acquisition_names.py the buyer's and target's names, acquisition_price.py the price, and acquisition_priced_deal.py a
headline no shape read that names its buyer first and a priced deal by its target last ("Takeda finishes £46bn Shire takeover").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import NamedTuple

from signalwatch.events import EventType
from signalwatch.extract.acquisition_merger import AUX_LED, MERGER_SHAPES, back_over_aux, merger_parts, merger_patterns
from signalwatch.extract.acquisition_names import (
    DEMONYM,
    LEGAL_FORM,
    NOT_A_COMPANY,
    acquirer_name,
    as_the_body_names,
    bought_assets,
    clause_subject,
    first_company,
    item_subject,
    last_name,
    may_tell_assets,
    same_company,
    subject_tail,
    target_list,
    without_ticker,
)
from signalwatch.extract.acquisition_price import BACKGROUND, PRICE, body_figure, deal_price, deal_sentence_price
from signalwatch.extract.acquisition_priced_deal import priced_deal
from signalwatch.extract.acquisition_vetoes import called_off, deal_is_off, names_no_buyer, names_no_target, told_in_passing
from signalwatch.extract.leadership_item_company import is_nation
from signalwatch.extract.model import Extraction
from signalwatch.extract.money import AMOUNT, Money
from signalwatch.extract.refusals import Refusals
from signalwatch.extract.text import (
    company_from_subject,
    find_name,
    fuller_name,
    is_place,
    named_company,
    plain_capitals,
    quote,
    sentences,
    title_case,
    written_as_name,
)

__all__ = ["extract_acquisitions", "refused_acquisitions", "ACQUISITION_WORDS"]

SUMMARY_SENTENCES = 4
ACQUISITION_WORDS = frozenset(
    """acquire acquires acquired acquiring acquisition acquisitions buy buys buying bought purchase purchases purchased
    takeover merge merges merger snaps snapped scoops bid bids offer offers deal control sold takes take sell sells selling combine
    combines combination agreement snapping scooping scooped swallow swallows swallowed swallowing picked""".split()
)
_DONE = (
    r"acquires|acquired|acquiring|to\s+acquire|will\s+acquire|would\s+acquire|has\s+acquired|buys|bought|buying|to\s+buy|will\s+buy|"
    r"would\s+buy|has\s+bought|purchases|purchased|to\s+purchase|snaps\s+up|snapped\s+up|scoops\s+up|picks\s+up|"
    # the same verbs in their other forms ("Intel is snapping up self-driving car firm Mobileye"), and "swallow"
    r"(?:is\s+|are\s+|was\s+)?(?:snapping|scooping)\s+up|scooped\s+up|(?:to\s+|will\s+)?(?:snap|scoop)\s+up|"
    r"swallows|swallowed|(?:is\s+|are\s+)?swallowing|(?:to|will)\s+swallow|"
    r"(?:has\s+)?agreed\s+(?:on\s+\w+day\s+|today\s+|this\s+week\s+|in\s+principle\s+)?to\s+(?:acquire|buy|purchase)|"
    r"agrees\s+(?:on\s+\w+day\s+|today\s+|in\s+principle\s+)?to\s+(?:acquire|buy|purchase)|(?:has\s+)?(?:struck|strikes|agrees|agreed|"
    r"confirms|confirmed|signs|signed)\s+(?:a\s+)?deal\s+to\s+(?:acquire|buy)|(?:to\s+|will\s+)?take\s+over|takes\s+over|took\s+over|(?:is|was|are|were)\s+taking\s+over|(?:plans|planned|set)\s+to\s+(?:acquire|buy)|(?:is|was)\s+acquiring|(?:is|was)\s+buying|complete[sd]?\s+(?:the\s+|its\s+)?"
    rf"(?:{PRICE}\s+)?(?:acquisition|purchase)\s+of|close[sd]?\s+(?:the\s+|its\s+)?(?:{PRICE}\s+|\S+\s+)?(?:acquisition|purchase)\s+of|"
    rf"confirms?\s+(?:the\s+)?(?:{PRICE}\s+)?(?:acquisition|purchase)\s+of|"
    r"announce[sd]?\s+(?:the\s+|its\s+|plans\s+to\s+)?(?:acquisition\s+of|acquire|buy)|(?:has\s+)?agreed\s+to\s+pay\s+\S+(?:\s+\w+illion)?\s+for|"
    r"(?:will\s+(?:pay|plunk\s+down|spend)|(?:is\s+)?spending|spends|spent)\s+\S+(?:\s+\w+illion)?\s+to\s+(?:acquire|buy)|takes\s+(?:sole\s+|full\s+)?control\s+of|"
    # "Roche has paid $448m to buy Inflazome", "said it would pay US$430-million in cash and stock for Upserve Inc."
    rf"(?:(?:has\s+|have\s+)?paid|pays|(?:will|would|to|agreed\s+to)\s+pay)\s+{PRICE}(?:\s+(?:in\s+)?(?:cash|stock|shares)(?:\s+and\s+(?:cash|stock|shares))?)?"
    r"(?:\s+up\s+front)?\s+(?:to\s+(?:acquire|buy)|for)|"
    # "Nedbank gets green light for $93mn acquisition of …", "Moniepoint gets approval to acquire …": a regulator's yes (LABELLING.md)
    r"(?:gets|got|wins|won|receives|received|secures|secured)\s+(?:\w+\s+){0,2}?(?:approval|nod|green\s+light|clearance|go-ahead)\s+"
    rf"(?:to\s+(?:acquire|buy|take\s+over)|for\s+(?:its\s+|the\s+)?(?:planned\s+|proposed\s+)?(?:{PRICE}\s+)?(?:acquisition|purchase|takeover)\s+of)|"
    # "Mastercard announced the $3.2 billion acquisition of Nets", "Salesforce Announces $27.7bn Purchase of Slack"
    rf"announce[sd]?\s+(?:the\s+|its\s+|a\s+)?(?:planned\s+|proposed\s+)?{PRICE}\s+(?:acquisition|purchase|takeover)\s+of|"
    r"announce[sd]?\s+(?:the\s+|its\s+)?purchase\s+of|"

    r"took\s+(?:sole\s+|full\s+)?control\s+of|"
    # "Danone has clinched a deal to buy", "H&R Block has entered into an agreement to buy", "Emirates NBD reaches new agreement to
    # buy", "Stantec … signs agreement to acquire", "The Ferrero Group … reaching an agreement to purchase": a deal struck to buy
    r"(?:seal(?:s|ed|ing)?|clinch(?:es|ed|ing)?|reach(?:es|ed|ing)?|strik(?:e|es|ing)|struck|sign(?:s|ed|ing)?|ink(?:s|ed|ing)?|"
    # "Merck entered into a $2.7 billion deal Monday to buy", "Bristol-Myers works out a $2.1 billion 'in cash' deal to acquire",
    # "Mr Price signs R3.3bn deal to take control of": the price and the day may stand in the deal's noun phrase
    rf"enter(?:s|ed|ing)?\s+into|works?\s+out|worked\s+out|working\s+out)\s+(?:an?\s+|the\s+)?(?:{PRICE}\s+)?(?:[\w.'‘’-]+\s+){{0,2}}?"
    r"(?:deal|agreement|pact|accord)\s+(?:(?:on\s+)?\w+day\s+)?to\s+(?:acquire|buy|purchase|take\s+(?:full\s+|majority\s+)?control\s+of)|"
    # British "is to acquire": "The European Payments Initiative … is to acquire Dutch payment scheme iDeal"
    r"(?:is|are)\s+to\s+(?:acquire|buy|purchase)|"
    # "UPS has completed the acquisition of", "finalized its acquisition of", "to complete its previously announced purchase of",
    # "Bill Foley has completed a takeover of", "the Dubai-based lender completed the purchase of"
    r"(?:complet(?:e|es|ed|ing)|finali[sz](?:e|es|ed|ing)|clos(?:e|es|ed|ing)\s+on)\s+(?:the\s+|its\s+|their\s+|an?\s+)?"
    r"(?:previously\s+announced\s+|planned\s+|proposed\s+|pending\s+|long-awaited\s+)?"
    rf"(?:{PRICE}\s+)?(?:acquisition|purchase|takeover|buyout)\s+of|"
    r"announce[sd]?\s+(?:the\s+|its\s+)?(?:planned|proposed|expected|pending)\s+(?:acquisition|purchase|takeover)\s+of|"
    # Any verb whose object is a deal to buy: "Berkshire Hathaway has announced a definitive agreement to acquire Business Wire",
    # "Dialog Semiconductor PLC announced a $4.6 billion cash-and-stock deal to buy Atmel Corp." (a preposition or a negation
    # before the deal makes it no object: "talk of a deal to buy", "no deal to buy")
    rf"(?!(?:of|for|from|in|on|about|over|against|without|to|no|not|by|with|after|before)\s)[a-z]+\s+(?:an?\s+|the\s+|its\s+|their\s+)"
    rf"(?:{PRICE}\s+)?(?:[\w.'‘’-]+\s+){{0,3}}?(?:deal|agreement|pact|accord)\s+(?:with\s+[^;:]{{1,60}}?\s+)?to\s+(?:acquire|buy|purchase)"
)
_TALKS = (
    # "Grab looks to strike a deal to acquire Indonesia's GoTo", "Flipkart likely to bag Cleartrip for $40 million"
    r"(?:is\s+|was\s+)?(?:looks|looking|seeks|seeking|aims|aiming|hopes|hoping|wants)\s+to\s+(?:strike|reach|clinch|seal|close)\s+(?:a\s+)?deal\s+"
    r"to\s+(?:acquire|buy|take\s+over)|"
    # "Brazil's Natura wants to buy Body Shop from L'Oreal", "Natura is looking to buy The Body Shop": a wish, not yet a deal
    r"(?:is\s+|are\s+)?(?:wants|wanted|looks|looking|hopes|hoping)\s+to\s+(?:buy|acquire)|"
    r"(?:is\s+|are\s+)?(?:reportedly\s+)?in\s+(?:advanced\s+|early\s+|exclusive\s+)?talks\s+(?:to\s+(?:acquire|buy|purchase)|of\s+acquiring|"
    r"about\s+(?:acquiring|buying)|over\s+(?:a\s+)?(?:deal|takeover|acquisition)\s+(?:for|of))|offers?\s+to\s+(?:buy|acquire)|"
    r"offered\s+to\s+(?:buy|acquire)|is\s+offering\s+to\s+(?:buy|acquire)|(?:makes|made)\s+(?:a\s+)?(?:\S+\s+)?(?:offer|bid)\s+(?:for|to\s+buy)|"
    r"bids?\s+(?:\S+\s+)?(?:\w+illion\s+)?for|(?:is\s+)?(?:exploring|explores|mulls|mulling|considering|considers|weighs|weighing|eyes|eyeing)\s+"
    r"(?:an?\s+)?(?:\S+\s+)?(?:acquisition\s+of|takeover\s+of|bid\s+for|deal\s+for|buying|acquiring)|"
    # "Elbit nearing acquisition of …", "CVS Closes In On $10.5B Deal To Acquire …"
    rf"(?:is\s+)?(?:nears?|nearing|close\s+to|clos(?:es|ing)\s+in\s+on)\s+(?:an?\s+)?(?:final\s+)?(?:{PRICE}\s+)?"
    r"(?:deal\s+(?:to\s+(?:buy|acquire)|for)|acquiring|buying|(?:acquisition|takeover|purchase)\s+of)|"
    # An offer made for a named company: "Wesfarmers lobs $687 million takeover of …", "Alimentation Couche-Tard made a proposal to
    # acquire …", "Deutsche Wohnen has made an all-share offer for peer LEG Immobilien"
    r"(?:makes|made|submits|submitted|lobs|lobbed|launches|launched|tables|tabled)\s+(?:an?\s+)?(?:\S+\s+){0,3}?(?:(?:takeover|buyout)\s+)?"
    r"(?:bid|offer|proposal|takeover|buyout)\s+(?:to\s+(?:acquire|buy)|for|of)|"
    r"(?:reportedly|said\s+to\s+be)\s+(?:planning\s+to\s+)?(?:buy|acquire|buying|acquiring)|approach(?:es|ed)\s+(?:\S+\s+)?(?:about|over)\s+(?:a\s+)?(?:takeover|deal)|"
    r"(?:is\s+)?(?:set|poised|looking|seeking|moving|expected)\s+to\s+take\s+(?:sole\s+|full\s+)?control\s+of|"
    # "Intel may acquire smaller chip Altera", "América Móvil … says it may launch an offer for Polkomtel", "Acromas has raised its
    # offer for Nestor Healthcare", "Hexagon bid 910 million crowns ($152 million) for Norway's Veripos": an offer, not yet a deal
    r"(?:may|might|could)\s+(?:acquire|buy|launch\s+an?\s+(?:\S+\s+)?(?:offer|bid)\s+for)|"
    r"(?:raised|raises|sweetened|sweetens|increased|increases|lifted|lifts|improved|improves)\s+(?:its|their|the)\s+(?:\S+\s+)?(?:offer|bid)\s+for|"
    rf"(?:bid|offers|offered)\s+{PRICE}\s+(?:\([^()]{{1,30}}\)\s+)?for"  # "BHP offers $5.8bn for Australian miner"
)
_PASSIVE = (
    # "Axios … announced an agreement to be acquired by", "Ophir Energy Plc said it agreed to be bought by", "A.C. Moore … reports it
    # has signed a definitive agreement to be acquired by": the target's own telling of its sale
    r"(?:(?:said|says|announced|announces|reports|reported|confirmed)\s+(?:that\s+)?(?:it|they)\s+)?"
    r"(?:(?:has\s+|had\s+)?(?:announced|signed|reached|entered\s+into)\s+(?:an?\s+)?(?:definitive\s+|merger\s+)?agreement\s+)?"
    r"(?:to\s+be\s+|will\s+be\s+|would\s+be\s+|is\s+being\s+|was\s+being\s+|being\s+|is\s+to\s+be\s+|has\s+been\s+|was\s+|agrees\s+to\s+be\s+|agreed\s+to\s+be\s+)?"
    r"(?:(?:acquired|bought|purchased|snapped\s+up|scooped\s+up|picked\s+up|swallowed(?:\s+up)?|taken\s+over|taken\s+private)(?:\s+(?:this|last)\s+week|\s+(?:on\s+)?\w+day)?"
    rf"(?:\s+for\s+{PRICE})?\s+by|sold\s+to|"
    # "Stallergenes has agreed to a 730 million euro ($834 million) takeover by …"
    rf"(?:has\s+)?agreed\s+to\s+(?:an?\s+)?(?:{PRICE}\s+)?(?:\([^()]{{1,30}}\)\s+)?(?:takeover|buyout|acquisition)\s+by)"
)
_HISTORY = re.compile(r"\b(?:in\s+(?:19|20)\d\d|previously|earlier|had\s+(?:acquired|bought)|back\s+in|ago|when|after|following|since|"
                      r"last\s+(?:year|month))\b", re.IGNORECASE)


_PAST_YEAR = re.compile(r"\b(?:in|since)\s+(?:19|20)\d\d\b")


@dataclass(frozen=True)
class _Deal:
    acquirer: str | None
    target: str
    change: str
    money: Money | None
    clause: int
    why: str
    agreement: bool = False  # told as an agreement struck ("has signed an agreement to buy"): it retells a deal, its names plain


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
        # "Kesko has agreed to sell loss-making homeware chain Anttila to German investment fund 4K Invest", "Dogfish Head sells to
        # Boston Beer Company", "Lion Capital is in talks to sell Weetabix … to … Bright Food": a seller, what it sells, the buyer
        "sold-to": re.compile(
            r"\s+(?P<verb>(?i:(?:has\s+|have\s+)?(?:sells|sold|(?:has\s+|have\s+)?agreed\s+to\s+sell|agrees\s+to\s+sell|is\s+selling|"
            r"to\s+sell|will\s+sell|(?:is\s+|are\s+)?in\s+(?:advanced\s+|exclusive\s+)?talks\s+to\s+sell)))(?=\s)"
        ),
        "sold-to-tail": re.compile(r"\s+(?:(?P<tgt>(?:(?!\s(?i:to|for)\s)[^;]){1,100}?)\s+)?(?i:to)\s+(?P<acq>[^;]+)"),
        # "approval for the acquisition of 100 percent shares in Kopo Kopo Inc. by Moniepoint Inc.", "CCI approves acquisition of BillDesk by PayU"
        "of-by": re.compile(
            r"(?P<verb>(?i:acquisition|takeover|buyout|purchase))\s+(?i:of)\s+(?P<tgt>[^,;]{1,80}?)\s+(?i:by)\s+"
            r"(?P<acq>(?:[a-z]+[A-Z]|[A-Z])[\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})"
        ),
        # "Constant Contact is expanding in Web marketing with its acquisition of New York startup SinglePlatform"
        "with-deal": re.compile(
            rf"\s+(?P<verb>(?i:(?:with|through|via)\s+(?:(?:its|the|their|a)\s+)?(?:planned\s+|proposed\s+|pending\s+)?(?:{PRICE}\s+)?"
            # "… with a deal to acquire remote monitoring startup Current Health", "Adds … Through Acquisition of AAA Cooper"
            r"(?:acquisition|purchase|takeover|buyout)\s+of|(?:with|through|via)\s+an?\s+(?:[\w-]+\s+)?deal\s+to\s+(?:acquire|buy)))"
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
        # "Google closes $32bn Wiz acquisition", "BHP signs agreement for $6.4 billion OZ Minerals takeover", "Couche-Tard says it could
        # lift $47 billion Seven & i offer": the target named between the price and the deal noun
        "price-noun": re.compile(
            r"(?<=\s)(?P<verb>(?i:(?:has\s+)?(?:closes|closed|completes|completed|seals|sealed|finali[sz]es|finali[sz]ed|announces|announced|wraps\s+up|"
            r"clinches|signs\s+(?:an?\s+)?(?:\w+\s+)?agreement\s+for|(?:could|may|will|to)\s+(?:lift|raise|sweeten)|lifts|raises|sweetens|lobs|"
            r"launches|tables))\s+(?:an?\s+|its\s+|the\s+)?(?:(?i:nearly|about|around|some|more\s+than)\s+)?)"
            rf"(?P<amount>(?i:{AMOUNT}))\s+(?P<tgt>[A-Z][\w.&'-]*(?:\s+(?:[A-Z][\w.&'-]*|&\s+\w+)){{0,3}})\s+"
            r"(?P<noun>(?i:acquisition|takeover|buyout|purchase|offer|bid))\b"
        ),
        # "Star Bulk Completes Eagle Bulk Acquisition", "Visa Confirms Pismo Acquisition", "First Bancorp announces Select Bancorp
        # takeover": a done deal's verb, then the target named before the deal noun without a price (not "the announced Renesas
        # acquisition of Altium", where the name before the noun is the buyer's, nor "Confirms Otedola's Acquisition")
        "named-noun": re.compile(
            r"(?<=\s)(?P<verb>(?i:(?:has\s+)?(?:completes|completed|closes|closed|confirms|confirmed|finali[sz]es|finali[sz]ed|seals|sealed|"
            r"announces))\s+(?:(?i:its|the)\s+)?)"
            r"(?P<tgt>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})\s+(?P<noun>(?i:acquisition|takeover|buyout|purchase))\b(?!\s+(?i:of|by)\b)"
        ),
        # "ACCC green lights Wesfarmers (ASX:WES) takeover of API", "CAK approves Moniepoint acquisition of Kopo Kopo", "will not oppose
        # Woolworths' WOW.AX acquisition of a 55% stake in …": a regulator's yes to a named buyer's deal (LABELLING.md: acquired)
        "approved": re.compile(
            r"(?i:approves?|approved|clears?|cleared|green[- ]lights?|green-lit|oks|okays|(?:not|n't)\s+(?:be\s+)?oppos(?:e|ed|ing)(?:\s+to)?)\s+"
            r"(?P<acq>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2}?)(?:'s|’s|')?(?:\s+\([^()]{0,20}\))?(?:\s+[A-Z]{2,5}\.[A-Z]{2})?\s+"
            r"(?P<verb>(?i:acquisition|takeover|purchase|buyout))\s+(?i:of)\s+(?P<tgt>[^,;]+)"
        ),
        # "Green light for Renesas acquisition of Altium", "KKR takeover of MYOB greenlit by shareholders", "FCC Near Approving Cumulus
        # Purchase of Citadel", "U.S. approves Anheuser-Busch deal to buy Craft Brew Alliance": a named buyer's deal in a clause that
        # tells its approval (read only where `_APPROVAL` finds one; LABELLING.md: approval of an agreed deal is `acquired`)
        "approved-np": re.compile(
            r"(?<![\w.&'-])(?P<acq>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3}?)(?:'s|’s|')?(?:\s+\([^()]{0,20}\))?\s+"
            rf"(?:(?P<amount>(?i:{AMOUNT}))\s+)?(?P<verb>(?i:(?:acquisition|takeover|purchase|buyout)\s+of|deal\s+to\s+(?:buy|acquire)))\s+"
            r"(?P<tgt>[^,;]+)"
        ),
        **merger_patterns(),
    }


# A deal's approval told in its clause: a regulator's, a court's or the shareholders' yes (never a block or a refusal).
_APPROVAL = re.compile(r"(?i)\b(?:approv(?:e|es|ed|al|ing)|clear(?:s|ed|ance)|green[- ]?light(?:s|ed)?|green-?lit|go-ahead|nod|authori[sz](?:e|es|ed|ation))\b")
# What follows the target in such a clause: the approval itself ("MYOB greenlit by shareholders").
_APPROVAL_TAIL = re.compile(r"(?i)\s+(?:is\s+|was\s+|gets\s+|got\s+|wins\s+|receives\s+)?(?:approved|cleared|greenlit|green-lit|okayed|given)\b.*$")


# Shapes read verb first: (scan pattern, the part before the verb, the part after it, the tail pattern after the verb, reach back).
_VERB_FIRST = {
    "talks": ("acq", "tgt", None, 120),
    "done": ("acq", "tgt", None, 120),
    "passive": ("tgt", "acq", None, 120),
    "sold-to": ("seller", None, "sold-to-tail", 120),
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
            verb_start = back_over_aux(clause, segment_start, verb.start("verb")) if name in AUX_LED else verb.start()
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
    return [_extraction(deal) for deal in _decided(headline, summary)[0]]


def refused_acquisitions(headline: str, summary: str) -> list[str]:
    """The deals the shapes read in an item and the checks refused, each with why (for `extract --explain`)."""
    return _decided(headline, summary)[1]


def _decided(headline: str, summary: str) -> tuple[list[_Deal], list[str]]:
    """The deals an item reports, and the deals read but refused, told as "<buyer> buying <target>: <why>"."""
    clauses = [headline, *sentences(summary)[:SUMMARY_SENTENCES]] if summary else [headline]
    deals = [deal for index, clause in enumerate(clauses) for deal in _read(clause, index, lambda: item_subject(clauses))]
    if not deals:
        deals = _described_target(headline, clauses[1:3]) or _priced(headline, summary)
    refusals: Refusals[_Deal] = Refusals(lambda deal: f"{deal.acquirer} buying {deal.target}")
    if not deals:
        for deal, why in (told for clause in clauses for told in called_off(clause)):  # "Adobe abandons Figma deal": read, and refused
            refusals.note(deal, why)
        return [], refusals.told
    merged = [deal for deal in _merge(deals, clauses) if refusals.keep(deal, _off(headline, clauses[deal.clause]))]
    # a headline deal the summary refuses ("Sony Acquires First Mobile Game Studio" over "… has acquired Savage Game Studios") leaves
    # its buyer's summary deal standing: that deal names what the headline only described
    headline_buyers = [deal.acquirer for deal in merged if deal.clause == 0 and _told_otherwise(deal, [], clauses) is None]
    merged = [deal for deal in merged if refusals.keep(deal, _told_otherwise(deal, headline_buyers, clauses))]
    finished = [_finished(deal, clauses) for deal in merged]
    return [deal for deal in finished if refusals.keep(deal, _buyer_refused(deal.acquirer) or _target_refused(deal.target))], refusals.told


def _priced(headline: str, summary: str) -> list[_Deal]:
    """"Takeda finishes £46bn Shire takeover": the buyer first, the priced deal last (acquisition_priced_deal.py)."""
    told = priced_deal(headline, summary)
    return [_Deal(told.acquirer, told.target, "acquired", deal_price(told.amount, told.amount), 0,
                  f"acquisition.priced-deal (headline): {quote(told.text, 90)}")] if told else []


def _off(headline: str, clause: str) -> str | None:
    word = deal_is_off(headline, clause)
    return f"the item says the deal is off ({word!r})" if word else None


def _told_otherwise(deal: _Deal, headline_buyers: list[str | None], clauses: list[str]) -> str | None:
    """Why the rest of the item says a deal read is not news of its own, or None."""
    if deal.clause > 0 and any(same_company(deal.acquirer, buyer) for buyer in headline_buyers):
        # "AMD Acquires Pensando …" over "To further boost the business, AMD acquired Xilinx": the headline tells its buyer's deal;
        # the summary's other deal by that buyer is background or the same deal retold under another name ("Medlife" / "Medilife")
        return "a second deal of the headline's buyer in the summary (background, or the headline's deal retold)"
    if deal.clause == 0 and len(clauses) > 1 and title_case(clauses[0]) and _described(deal.target, " ".join(clauses[1:])):
        return "the summary tells the headline's target only as a description"
    if deal.clause == 0 and _assets_in_summary(deal, clauses[1:3]):
        return "the summary tells the purchase as assets or a unit"
    return None


def _buyer_refused(acquirer: str | None) -> str | None:
    if names_no_buyer(acquirer):
        return "the buyer as read names no one (a figure, a year, a place, a label)"
    if told_in_passing(acquirer):
        return "the buyer is read with a lead-in word: the deal frames other news"
    return None


def _target_refused(target: str) -> str | None:
    return "the target as read is a figure (a size or a count cut at its thousands comma), not a company" if names_no_target(target) else None


# A company named as what is bought in a summary: "will pay $65 million for Protego Networks", "in the process of acquiring
# mobile-search app Vurb", "a multi-billion-dollar buyout of OZ Minerals".
_BOUGHT_NAME = re.compile(
    r"(?i:\bfor|\bof|\bacquiring|\bacquired|\bacquire|\bbuying|\bbought|\bbuy|\bpurchasing|\bpurchased|\bpurchase)\s+(?:(?i:the|a|an)\s+)?"
    r"(?:[A-Z][a-z]+\s+(?=[a-z]))?(?:[a-z][\w-]*\s+){0,3}"  # "British credit card issuer Pillar"
    r"(?P<name>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})(?![\w.&'-]*-[a-z])"  # not "a U.K.-based engineering consulting firm"
    # the name ends the phrase: "Glen Hume" in "the Glen Hume option deal" names what the deal is about, not what is bought
    r"(?=\s*(?:[,.;:(–—-]|$|\s(?:for|in|from|to|at|and|which|that|who|on|as|with|by|is|was|will|has)\b))"
)


def _described_target(headline: str, summary_sentences: list[str]) -> list[_Deal]:
    """"Cisco to buy security start-up" over "Networking giant will pay $65 million for Protego Networks": a headline that
    tells what it buys, not its name, and a summary that names it as what is bought (told in a shape of its own)."""
    for name, change in (("done", "acquired"), ("talks", "reported")):
        for match in _verb_first(name, headline):
            acquirer, described = acquirer_name(match.groups["acq"] or ""), (match.groups.get("tgt") or "").strip()
            described = _without_origin(described)  # "UK card issuer", "Dutch company", "Malaysia tower company"
            if not acquirer or not re.match(r"[a-z]", described) or NOT_A_COMPANY.search(described) or _TAKES_OVER.search(match.groups["verb"] or ""):
                continue  # a named target (read by the shapes), or a stake, a building, a unit; "takes over as CEO": a new head
            for sentence in summary_sentences:
                for bought in _BOUGHT_NAME.finditer(sentence):
                    target = company_from_subject(bought.group("name"))
                    if target and not same_company(target, acquirer) and not is_place(target) and not BACKGROUND.search(sentence):
                        money = deal_price(None, f"{match.groups['verb']} {described}")
                        why = f"acquisition.described-target (headline, named in the summary): {quote(headline + ' / ' + bought.group(0), 120)}"
                        return [_Deal(acquirer, target, change, money, 0, why)]
    return []


def _without_origin(described: str) -> str:
    """A description without the place or nationality it opens with: "Dutch company" → "company", "U.K. engineering firm" →
    "engineering firm" (a name is left as it is: "Dutch Bros"); what a nation is, `is_nation` says (a city, `is_place`)."""
    first, _, rest = described.partition(" ")
    return rest if (is_nation(first) or is_place(first)) and re.match(r"[a-z]", rest) else described


def _assets_in_summary(deal: _Deal, summary_sentences: list[str]) -> bool:
    """Whether the summary tells the headline buyer's purchase as assets or a unit ("Mondi to buy Graphic Packaging International"
    over "Mondi … will buy the U.S. bags and kraft paper business of Graphic Packaging International", "Asahi to buy Pilsner
    Urquell from AB InBev" over "Asahi has agreed to buy five Eastern European beer brands"): the headline named the seller or a
    brand."""
    for sentence in summary_sentences:
        if not may_tell_assets(sentence):
            continue
        for match in _verb_first("done", sentence):
            buyer = acquirer_name(match.groups["acq"] or "")
            if buyer and deal.acquirer and same_company(buyer, deal.acquirer) and bought_assets(match.groups.get("tgt") or ""):
                return True
    return False


def _described(target: str, summary: str) -> bool:
    """Whether a Title Case headline's target is a description: plain capitals the summary never writes as a name, and one of
    whose words it writes in lower case ("Monsanto Acquires German Seed Company" over "… a German seed company …")."""
    words = target.split()
    if len(words) < 2 or not plain_capitals(target) or written_as_name(target, summary):
        return False  # "Discord" over a transcript's "discord": one word may be a name written small
    named = [word for word in words if not DEMONYM.match(word + " ") and not is_place(word)]
    if len(named) > 1 and find_name(" ".join(named[:2]), summary) >= 0:
        return False  # "Whole Foods Market" over "… to acquire Whole Foods, the high-end organic food market": the name's start
    return any(len(word) > 3 and find_name(word.lower(), summary) >= 0 for word in named)


def _finished(deal: _Deal, clauses: list[str]) -> _Deal:
    """A deal with the names as the summary spells them out and the price the summary states when its own clause gave none."""
    money = (body_figure(deal.money, clauses[1:3]) if deal.clause == 0 else deal.money)
    why = deal.why
    if money is None:
        money = deal_sentence_price(deal.target, deal.acquirer, clauses[1:]) if deal.money is None else None
        why += f"; price {money.amount:,.0f} {money.currency} from the summary" if money else ""
    acquirer = fuller_name(as_the_body_names(deal.acquirer, clauses), clauses[1:]) if deal.acquirer else None
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
        if any(name and find_name(name, sentence) >= 0 for name in (deal.target, deal.acquirer)):
            source = _HEARSAY.search(sentence)
            return source.group(0).strip() if source else None
    return None


# "The credit card giant", "the company", "The top-tier Nigerian lender": a buyer named by what it is, the item's subject.
_ANAPHOR = re.compile(  # the head noun in lower case: "The Urgent Company" is a name
    r"(?:^|,\s+)(?:[Tt]he|[Tt]his)\s+(?:[\w-]+\s+){0,4}?(?:company|firm|giant|group|lender|bank|startup|start-up|business|maker|"
    r"provider|developer|retailer|chain|operator|insurer|platform|conglomerate)\s*$"
)


# The shapes in the order they are tried; a later shape never reads a verb an earlier one already read.
_SHAPES = (
    ("accepts", "acquired"), ("accept-from", "acquired"), ("in-deal", "acquired"), ("merge", "acquired"), ("approved", "acquired"), ("price-noun", "acquired"),
    ("merger-of", "acquired"),
    ("named-noun", "acquired"),
    ("merge-with", "acquired"), ("merge-pair", "acquired"), ("talks", "reported"), ("passive", "acquired"), ("sold-to", "acquired"), ("of-by", "acquired"),
    ("purchase-of", "acquired"), ("done", "acquired"), ("with-deal", "acquired"), ("noun-by", "acquired"), ("approved-np", "acquired"),
)
_DEAL_NOUNS = ("acquisition", "purchase", "takeover", "buyout")
# Per shape, words (lower case) of which every wording of it holds one: a clause with none is not scanned for it.
_SHAPE_CUES: dict[str, tuple[str, ...]] = {
    "accepts": ("accept", "agree"), "accept-from": ("accept",), "in-deal": ("in",), "merge": ("merge",), "merger-of": ("merger", "combination"),
    "price-noun": (*_DEAL_NOUNS, "offer", "bid"), "named-noun": _DEAL_NOUNS,
    "approved": _DEAL_NOUNS, "merge-with": ("merg", "combin"), "merge-pair": ("merg", "combin"),
    "passive": ("by", "sold"), "sold-to": ("sell", "sold"),
    "of-by": ("by",), "purchase-of": _DEAL_NOUNS, "with-deal": _DEAL_NOUNS, "noun-by": ("by",), "approved-np": ("appro", "clear", "green", "nod"),
}


_SINGLE_QUOTED = re.compile(r"(?<![\w'])'([A-Z][^']{0,60}[\w.])'(?!\w)")


def _read(clause: str, index: int, subject: Callable[[], str | None]) -> list[_Deal]:
    if re.match(r"(?i)\s*how\s+to\b", clause):
        return []  # "How to Buy a Book of Business": advice
    clause = clause.replace("'in talks'", "in talks").replace('"', "")
    if "'" in clause:
        clause = _SINGLE_QUOTED.sub(r"\1", clause)  # "ADNEC to acquire ‘Royal Catering’" (cleaned to straight quotes): a name in quotes
    found: list[_Deal] = []
    taken: list[tuple[int, int]] = []
    lowered = clause.lower()
    for name, change in _SHAPES:
        if name in _SHAPE_CUES and not any(cue in lowered for cue in _SHAPE_CUES[name]):
            continue
        if name == "approved-np" and not _APPROVAL.search(clause):
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
    if index == 0 and re.search(r"(?i)\b(?:after|following|since)\s+$", clause[: match.start]):
        return []  # "Less than a year after Novartis AG's acquisition of … Vedere Bio Inc., its successor … is launching"
    if index > 0 and _PAST_YEAR.search(clause, match.tgt_start):
        return []  # "Hudson's Bay, based in Toronto, bought high-end retailer Saks Fifth Avenue in 2013 for $2.14bn"
    if name == "passive":
        buyers = target_list(groups["acq"])
        acquirer = buyers[0] if buyers else None
        told = LEGAL_FORM.sub("", re.sub(r"\s*\([^()]{0,30}\)", "", subject_tail(groups["tgt"])))  # "A.C. Moore Arts & Crafts, Inc. [reports it has signed …]"
        target = acquirer_name(told, lost_stop=False)  # "London-listed Ophir Energy Plc", initials kept ("A.C. Moore")
        targets, price_text = ([target] if target else []), groups["acq"]
    elif name == "sold-to":
        buyers = target_list(groups["acq"])
        acquirer = buyers[0] if buyers else None
        if re.search(r"(?i)\b(?:which|who|that|he|she|they|we|i)\s*$|\b(?:called\s+off|scrapped|abandoned|terminated|failed)\b",
                     groups["seller"][-60:]):
            return []  # "LoveFilm, which he sold to Amazon": the past; "has called off a deal to sell TADA": no deal (LABELLING.md)
        seller = named_company(subject_tail(groups["seller"])) or acquirer_name(subject_tail(groups["seller"]), lost_stop=False)
        targets = target_list(groups["tgt"]) if groups["tgt"] else ([seller] if seller else [])  # "Dogfish Head sells to …": itself
        price_text = clause[match.tgt_start :]
        if "talks" in groups["verb"].lower():
            change = "reported"
    elif name == "in-deal":
        acquirer, target = company_from_subject(groups["acq"]), company_from_subject(_without_deal_verb(groups["tgt"]))
        targets, price_text = ([target] if target and index == 0 else []), ""
    elif name in MERGER_SHAPES:  # acquisition_merger.py
        merger = merger_parts(name, groups, clause, match.end)
        if merger is None:
            return []
        acquirer, targets, price_text = merger.acquirer, merger.targets, merger.price_text
        change = "reported" if merger.talked_of else change
    elif name == "approved":
        acquirer, targets, price_text = company_from_subject(groups["acq"]), target_list(groups["tgt"]), groups["tgt"]
    elif name == "approved-np":
        # "FCC Near Approving Cumulus": in Title Case the buyer is the name after the approval's words
        buyer = re.split(r"(?i)\b(?:approv\w*|clear\w*|green[- ]?l\w*|for|of|on|near)\s+", groups["acq"])[-1]
        acquirer, targets, price_text = company_from_subject(buyer), target_list(_APPROVAL_TAIL.sub("", groups["tgt"])), groups["tgt"]
    elif name in ("price-noun", "named-noun"):
        # the buyer is read back from the verb (a pattern that tries a name at every capital letter costs more)
        buyer = _NAME_BEFORE_VERB.search(clause, 0, match.start)
        acquirer, target = acquirer_name(buyer.group("acq")) if buyer else None, company_from_subject(groups["tgt"])
        targets, price_text = ([target] if target else []), ""
        if re.search(r"(?i)offer|bid|lift|raise|sweeten|lobs|launches|tables", groups["verb"] + " " + groups["noun"]):
            change = "reported"  # an offer, not yet a deal (LABELLING.md)
    elif name in ("accepts", "accept-from"):
        acquirer = last_name(re.split(r"(?i)\s+(?:for|in|to|as|and)\s", groups["acq"])[0]) if name == "accept-from" else company_from_subject(groups["acq"])
        target = named_company(subject_tail(groups["tgt"]))
        targets, price_text = ([target] if target else []), ""
    elif name == "noun-by":
        acquirer = company_from_subject(groups["acq"])
        target = first_company(clause[: match.start])
        targets, price_text = ([target] if target else []), clause
        if re.search(r"(?i)\b(?:reports?|reported|talks|bid|offer|rumou?rs?|could|may|possible|potential)\b", clause):
            change = "reported"
    else:
        # "Stripe Sets Sights On Africa With $200M Acquisition Of …": in Title Case the subject's name ends at its verb
        with_subject = (first_company(groups["acq"]) if title_case(clause) else clause_subject(groups["acq"])) if name == "with-deal" else None
        acquirer = with_subject if name == "with-deal" else acquirer_name(groups["acq"])
        if acquirer is None and name in ("done", "talks") and _ANAPHOR.search(subject_tail(groups["acq"])) and not BACKGROUND.search(clause):
            acquirer = subject()  # "The credit card giant has acquired Tink": the item's own subject
        targets = target_list(groups["tgt"])
        price_text = clause[match.start :] if name == "of-by" else f"{groups.get('verb') or ''} {groups['tgt']}"
    if acquirer is None or not targets:
        return []
    if acquirer.startswith(targets[0] + " "):
        acquirer = acquirer[len(targets[0]) + 1 :]  # "… to grab open source coding site GitHub Microsoft [has agreed to acquire GitHub]"
    if re.match(r"(?i)(?:may|might|could)\s", groups.get("verb") or "") and (
            re.match(r"(?i)\s*(?:why|how|what|could|should|would|will|can|is|are)\b", clause) or clause.rstrip().endswith("?")):
        return []  # "Why Apple could buy Netflix", "Could Apple buy Disney?": a question or an opinion, not a reported deal
    if re.search(r"(?i)\bpa(?:y|ys|id)\b.*\sfor$", groups.get("verb") or "") and title_case(clause) and plain_capitals(targets[0]):
        return []  # "Uber To Pay $148M For Data Breach": in Title Case a fine's cause looks like a name
    if re.search(r"(?i)\btak(?:e|es|en|ing)\s+over|took\s+over", groups.get("verb") or "") and (
            _PERSON_NAME.fullmatch(acquirer) or not groups.get("tgt", "").lstrip()[:1].isupper()):
        return []  # "Jane Doe takes over Acme's marketing", "will take over the reins": a new head, not a buyer
    money = deal_price(groups.get("amount") or None, price_text)
    before = clause[: match.tgt_start] if name in ("done", "talks", "with-deal") else clause[: match.end]
    after = clause[match.tgt_start :] if name in ("done", "talks", "with-deal") else ""
    stop = re.search(r"[.?!](?=\s|$)", clause[match.start :])
    if change == "acquired" and stop and stop.group(0) == "?" and "." not in clause[: match.start] and "?" not in clause[: match.start] and \
            not re.match(r"(?i)\s*(?:why|how|what|when)\b", clause):
        change = "reported"  # "DSV to buy Panalpina?": a deal asked about, not announced
    if change == "acquired" and (re.search(r"\b(?:(?i:reportedly|rumou?red|could|might|considering|sources|said\s+to\s+be)|may)\b", before)
                                 or _SOURCED.search(after)):
        change = "reported"
    why = f"acquisition.{name} ({'headline' if index == 0 else f'summary sentence {index}'}): {quote(match.text, 90)}"
    agreement = _AGREEMENT.search(groups.get("verb") or "") is not None
    return [_Deal(acquirer, target, change, money, index, why, agreement) for target in targets if target != acquirer]


_AGREEMENT = re.compile(r"(?i)\b(?:deal|agreement|pact|accord)\s+to\s+(?:acquire|buy|purchase)$")


# After the target only a named source makes a deal reported ("…, sources say"); "in what may be a smart bid" is comment.
_SOURCED = re.compile(r"(?i)\b(?:sources?\s+(?:say|said|told|familiar)|reportedly(?!\s+(?:exceeding|worth|valued|around|about|over|more|less))|"
                      r"according\s+to\s+(?:people|sources|reports?|media))\b")
_TAKES_OVER = re.compile(r"(?i)\btak(?:e|es|en|ing)\s+over|\btook\s+over")
_PERSON_NAME = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+(?:de|van|von|da|del|der|la|le))?\s+[A-Z][\w'-]+")


# "Google [closes …]", "BHP [signs agreement for …]", "Couche-Tard says it [could lift …]", "Wesfarmers (ASX:WES) […]"
_NAME_BEFORE_VERB = re.compile(
    r"(?:^|(?<=\s))(?P<acq>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2})(?:\s+\([^()]{0,20}\))?(?:\s+(?i:says|said)\s+(?i:it))?\s+$"
)


def _without_deal_verb(name: str) -> str:
    """"Acquire Whole Foods" → "Whole Foods": a Title Case headline capitalises the verb before the target too."""
    verb, _, rest = name.partition(" ")
    return rest if rest and verb.lower() in ACQUISITION_WORDS else name


def _merge(deals: list[_Deal], clauses: list[str]) -> list[_Deal]:
    """One deal per target; later clauses fill the buyer's price (the body's figure where close) and confirm the change."""
    kept: list[_Deal] = []
    for deal in deals:
        if any(same_company(k.target, deal.acquirer) and same_company(k.acquirer, deal.target) for k in kept):
            continue  # "Net-a-Porter, Yoox Agree to Merge" / "The Yoox Group said … it had agreed to merge with … Net-a-Porter": one merger
        twin = next((k for k in kept if same_company(k.target, deal.target)), None)
        retold = _retold(deal, kept, clauses) if twin is None else None
        twin = twin or retold
        if twin is None:
            kept.append(deal)
            continue
        money = deal.money if deal.money is not None and not (retold and twin.money) else twin.money  # the body's figure (LABELLING.md)
        # "SSR" in the headline, "SSR Mining" in the summary's telling of the same deal: the buyer's full name
        fuller = re.sub(r"\s+of\s+[A-Z][\w\s]*$", lambda m: "" if is_place(m.group(0)[4:]) else m.group(0), deal.acquirer or "")
        name = LEGAL_FORM.sub("", fuller)  # "Line Corp.": a longer form, not a longer name
        if deal.agreement and LEGAL_FORM.search(fuller):
            fuller = name  # "BHP Group Ltd. … has signed an agreement to buy": the headline's deal retold, its names kept plain
        acquirer = fuller if twin.acquirer and (name == twin.acquirer or name.startswith(twin.acquirer + " ")) else twin.acquirer or deal.acquirer
        # "Kopo Kopo Inc.", "Varian Medical Systems Inc" under a headline's "Varian": the target as the summary's telling names it
        bare = LEGAL_FORM.sub("", deal.target)
        target = deal.target if bare == twin.target or bare.startswith(twin.target + " ") or bare == f"The {twin.target}" else twin.target
        if deal.agreement and bare == twin.target:
            target = twin.target
        kept[kept.index(twin)] = replace(twin, money=money, acquirer=acquirer, target=target, why=f"{twin.why}; completed by {deal.why}")
    headline_deals = [d for d in kept if d.clause == 0]
    if headline_deals:
        others = [d for d in kept if d.clause > 0 and not any(same_company(d.acquirer, h.acquirer) for h in headline_deals)]
        kept = headline_deals + [d for d in kept if d.clause > 0 and d not in others] + others
    return kept


def _retold(deal: _Deal, kept: list[_Deal], clauses: list[str]) -> _Deal | None:
    """The headline's deal that a summary deal retells under another name of the target: the same buyer, and the headline's
    target named in the summary's sentence ("Saudi Aramco buys 70 percent of SABIC" / "… a 70 percent stake in Saudi Basic
    Industries Corp (SABIC)")."""
    if deal.clause == 0:
        return None
    headline = [k for k in kept if k.clause == 0]
    if len(headline) != 1 or not same_company(headline[0].acquirer, deal.acquirer):
        return None
    return headline[0] if find_name(headline[0].target, clauses[deal.clause]) >= 0 else None


def _extraction(deal: _Deal) -> Extraction:
    acquirer, target = (without_ticker(deal.acquirer) if deal.acquirer else None), without_ticker(deal.target)
    attributes = {
        "acquirer": acquirer,
        "target": target,
        "amount": deal.money.amount if deal.money else None,
        "currency": deal.money.currency if deal.money else None,
    }
    return Extraction(EventType.ACQUISITION, deal.change, target, attributes, why=deal.why)
