"""Who an acquisition names: the buyer and target companies as a clause writes them.

A name is read out of the words around a deal verb: the subject before it ("Broadcom, the semiconductor giant,"),
the company after a description ("the hugely popular photo-sharing service Instagram"), control of a company
("a 78% stake in Sumac"; a minority stake names no target), never a place, a stake, a building or an unnamed unit.
"""

from __future__ import annotations

import re

from signalwatch.extract.acquisition_price import PRICE
from signalwatch.extract.apposition import before_apposition
from signalwatch.extract.text import after_descriptor, company_from_subject, find_name, has_company_suffix, is_place, named_company, title_case

__all__ = [
    "BASED", "DEMONYM", "LEAD_IN", "LEGAL_FORM", "NOT_A_COMPANY", "acquirer_name", "as_the_body_names", "clause_subject", "company_named",
    "first_company", "initials_of", "item_subject", "last_name", "same_company", "subject_tail", "target_list", "bought_assets",
    "may_tell_assets", "without_ticker",
]

# "Japanese" in "PayPal has acquired the Japanese Paidy", "Indonesian version of Alipay Dana": where a company is from, not its name.
DEMONYM = re.compile(
    r"(?:Japanese|Chinese|Indonesian|Indian|Korean|German|French|British|American|Australian|Canadian|Brazilian|Mexican|Israeli|"
    r"Singaporean|Nigerian|Kenyan|Egyptian|Swiss|Swedish|Dutch|Spanish|Italian|Turkish|Vietnamese|Thai|Malaysian|Filipino|Colombian|"
    r"Argentine|Chilean|Peruvian|Saudi|Emirati|Irish|Danish|Norwegian|Finnish|Polish|Austrian|Belgian|Taiwanese|European|African|Asian)"
    r"\s+(?=[A-Z]|$)"
)


NOT_A_COMPANY = re.compile(
    r"(?i)\b(?:stake|stakes|shares|campus|building|buildings|headquarters|office|land|property|properties|plant|factory|"
    r"rights|patents?|licen[cs]e|domain|assets|portfolio|book\s+of\s+business|home|house|team|franchise|brand\s+rights|"
    r"projects?|facility|facilities|acreage|area|stations)\b(?!-)"  # not "plant-based"
)
# Words of NOT_A_COMPANY that are never part of a name, even capitalised after one ("Intu Properties", "Jaguar Land Rover" are names).
_NEVER_IN_A_NAME = frozenset("stake stakes shares assets rights patents patent project projects facility facilities acreage stations".split())


def not_a_company(text: str) -> bool:
    """Whether `text` tells a stake, a building or shares rather than a company: a NOT_A_COMPANY word in lower case, or
    capitalised where it cannot continue a name (first word, or after a word in lower case or a figure)."""
    for found in NOT_A_COMPANY.finditer(text):
        word = found.group(0)
        if _MODIFIER.match(text, found.end()):
            continue  # "cloud-based project management company Aconex": what the company does, then its name
        before = re.search(r"(\S+)\s+$", text[: found.start()])
        if word[:1].islower() or word.lower() in _NEVER_IN_A_NAME or before is None:
            return True
        previous = before.group(1)
        if not previous[:1].isupper() or previous.lower() in ("majority", "minority", "controlling", "remaining", "equity", "its", "the"):
            return True
        if re.search(r"(?:^|\s)(?:a|an|its|their|his|her)\s+(?:[A-Z][\w.&'-]*\s+)+$", text[: found.start()]):
            return True  # "a Cupertino Campus": a description in Title Case, not a name
    return False


# A word of NOT_A_COMPANY that only says what a named company does: a description's head noun, then the name.
_MODIFIER = re.compile(r"(?:\s+[a-z][\w-]*){0,3}?\s+(?:company|firm|start-?up|platform|provider|developer|maker|specialist|operator|"
                       r"group|software|app|manager|servicer)\s+(?=[A-Z])")


_CUT = re.compile(r"(?i)\s+(?:for|in|on|from|with|to|as|at|near|after|amid|that|which|who|while|because|says|said|according|valued|worth|by|via|through|"
                  r"is|are|was|were|has|have|will|would|"
                  r"(?:backed|owned|funded|founded|run|led)\s+by)\s|[,;:(]|\s+-\s")  # "startup backed by Alphabet": its backer


def as_the_body_names(name: str, clauses: list[str]) -> str:
    """"Superapp Grab" → "Grab", "Quickly Unpacking Visa" → "Visa": a Title Case headline writes words before the name
    that the summary, which names the company plainly, leaves off."""
    body = " ".join(clauses[1:])
    words = name.split()
    if len(words) < 2 or not body or find_name(name, body) >= 0:
        return name
    for cut in range(1, len(words)):
        shorter = " ".join(words[cut:])
        if (cut == len(words) - 1 and has_company_suffix(shorter)) or not shorter[:1].isupper():
            continue  # "Systems" alone is no name
        if find_name(shorter, body) >= 0:
            return shorter
    return name


def item_subject(clauses: list[str]) -> str | None:
    """The company an item is about: the subject of its first summary sentence, else of its headline.

    "The credit card giant has acquired Tink" under "Visa goes shopping in Sweden" names its buyer only by
    description; the item's own subject is who "the company" is.
    """
    for clause in [*clauses[1:2], clauses[0]]:
        subject = clause_subject(clause)
        if subject:
            return subject
    return None


LEAD_IN = re.compile(r"^(?:(?:In|On|At|With|After|As|Amid|Earlier|Meanwhile|Following)\b[^,]{0,80},\s*|(?:Today|Yesterday),?\s+)")


def clause_subject(text: str) -> str | None:
    """The company a clause opens with, up to its first lower-case word that is not a description.

    "Waltham-based Constant Contact is expanding …" → "Constant Contact"; "Seattle's PopCap Games continued …" →
    "PopCap Games"; "Moniepoint Inc., a company with roots in Nigeria, is …" → "Moniepoint Inc.".
    """
    kept: list[str] = []
    for word in LEAD_IN.sub("", text.strip()).split()[:10]:
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


BASED = re.compile(r"(?:[A-Z][\w.'-]*\s+){0,2}?(?:[A-Z][\w.'-]*,\s+)?[A-Z][\w.]*-(?:based|headquartered)\s+")


def first_company(text: str) -> str | None:
    """The company a headline opens with; "Slack Spikes 32%" → "Slack" (a Title Case verb is not part of the name)."""
    match = re.match(r"\s*([A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2})", text)
    if not match:
        return None
    words = match.group(1).split()
    while len(words) > 1 and words[-1].endswith("s") and not has_company_suffix(" ".join(words)):
        words.pop()
    return company_from_subject(" ".join(words))


_INITIALS = re.compile(r"\b(?:[A-Z]\.\s?)+(?=[A-Z][a-z])")
_DOT = "\u2024"  # a one-dot leader: a period that ends no sentence


def acquirer_name(text: str, lost_stop: bool = True) -> str | None:
    """The buyer: the subject before the verb ("Breaking: Amazon", "Broadcom, the semiconductor giant,").

    Initials keep their periods ("A.C. Moore", "J. M. Smucker", "P.A.M. Transportation"): the name readers split
    a clause at ". " before a capital, as at a sentence's end."""
    shielded = _INITIALS.sub(lambda m: m.group(0).replace(".", _DOT), text)
    name = _buyer_name(shielded) or _past_apposition(shielded) or (_after_a_lost_stop(shielded) if lost_stop else None)
    return name.replace(_DOT, ".") if name else None


def _buyer_name(text: str) -> str | None:
    text = _TOLD_BY_ITSELF.sub("", text.strip())
    text = re.sub(r"(?i)\s+(?:is|are|will|would|has|had|also|now|officially|reportedly|finally|today|on\s+\w+day)\s*$", "", text.strip())
    text = re.sub(r"(?i)^(?:\d+\s+\w+\s+)?(?:why|how|what|when|will|can|could|should|did|does)\s+", "", text)
    text = re.sub(r"(?i)^(?:on\s+\w+day|today|yesterday|this\s+week|last\s+week)[,\s]+", "", text)
    text = re.sub(r"^(?:On\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?=[A-Z])", "", text)
    # "Reuters reported in May Nasdaq-listed Grab was looking to …": who reported it, then the buyer
    text = re.sub(r"^[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2}\s+(?:reported|said|reports|says|learned|learnt)"
                  r"(?:\s+(?:in|on|last)\s+[A-Z]?\w+)?(?:\s+that)?\s+(?=[A-Z])", "", text)
    text = re.sub(r"^(?:[\w.&-]+-(?:listed|headquartered))\s+", "", text)  # "Nasdaq-listed Grab"
    text = re.sub(r"\s*\([^)]{0,30}\)", "", text)
    text = _BUYER_TAIL.sub("", text)
    if not text:
        return None
    # "Israeli defense contractor Elbit", "German health group Siemens Healthineers": what the buyer is, then its name
    described = _DESCRIBED.fullmatch(text)
    return (named_company(text) or (company_from_subject(described.group("name")) if described else None)
            or (company_named(LEAD_IN.sub("", text)) if "," not in text else None))


def _past_apposition(text: str) -> str | None:
    """The buyer named before what describes it: "Hershey, best known for its candy bars, [is buying …]"."""
    name = before_apposition(re.sub(r"(?i)(?:\s+(?:is|are|will|would|has|had|also|now|officially|reportedly|finally))+\s*$", "", text.strip()))
    return _buyer_name(name) if name and " and " not in name else None


def _after_a_lost_stop(text: str) -> str | None:
    """The buyer after a sentence end the stored text lost: "The newspaper had been looking for a buyer for weeks Online retail
    group THG [has sealed …]", "… by end of 2026 UPS [has completed …]" (a standfirst run into the lead without a stop)."""
    if "," in text or len(text) < 25 or title_case(text):
        return None  # in Title Case every word after a small one looks like a new sentence
    for boundary in _LOWER_THEN_CAPITAL.finditer(text):
        rest = text[boundary.end() :]
        described = _DESCRIBED.fullmatch(rest)
        company = named_company(rest) or (company_from_subject(described.group("name")) if described else None)
        if company and not is_place(company):
            return company
    return None


_LOWER_THEN_CAPITAL = re.compile(r"(?<=[a-z0-9])\s+(?=[A-Z])")


# What stands between a buyer's name and its verb and is no part of the name: when the news broke ("Supervalu on Jan. 23
# [struck a deal]", "The startup Wednesday [said]"), a plan ("is scheduled to [complete]"), where it sits ("Ametek Inc., of
# Berwyn,"), what it is ("Restaurant Brands International Inc, owner of the Burger King … chains,"), a legal form after a comma.
# The buyer telling its own deal: "L'Oreal said on 26 November that it [had acquired]", "Community Financial announces it [will
# acquire]", "OpenText issued a press release today saying it [would acquire]", "Aldo Group announced that it would be [acquiring]"
_TOLD_BY_ITSELF = re.compile(
    r",?\s+(?:issued\s+a\s+(?:press\s+)?(?:release|statement)\s+(?:\w+\s+)?)?(?i:said|says|saying|announced|announces|announcing|confirmed|"
    r"confirms|reported|reports|stated|states|disclosed|discloses)(?:\s+(?:on|in)\s+[^,;]{1,20}?|\s+\w+day|\s+today|\s+yesterday)?"
    r"\s+(?:that\s+)?(?:it|they)(?:\s+(?:would|will|is|was|has|had|had\s+been|has\s+been|would\s+be|will\s+be|may|might|could))*\s*$"
)
_BUYER_TAIL = re.compile(
    r"(?:\s+(?:(?:is|are)\s+)?(?:scheduled|expected|poised|due|about|preparing|planning|aiming|looking|moving|ready)\s+to"
    r"|\s+(?:on\s+)?(?:[A-Z][a-z]{2}\.?\s+\d{1,2}|\w+day|this\s+(?:morning|afternoon|week)|earlier\s+(?:today|this\s+week)|today|yesterday)"
    r"|,\s+of\s+[A-Z][\w.]*(?:,?\s+[A-Z][\w.]*){0,3},?"
    r"|,\s+(?:owner|parent|maker|operator|one|part|home|the\s+(?:owner|parent|maker|operator))\s+of\s+[^,]{1,80},"
    r"|,\s+(?:Inc|LLC|Ltd|Corp|plc|PLC)\.?,?"
    # "Magazine Luiza Authorized [to Buy …]", "ADNOC Fertilisers was permitted [to acquire …]": a regulator's leave, not the name
    r"|\s+(?:(?:is|was|gets?|got)\s+)?(?i:authori[sz]ed|allowed|permitted|cleared))+\s*$"
)


_DESCRIBED = re.compile(
    r"(?:[A-Z][\w.]*(?:'s|’s)?\s+)?(?:(?!(?:the|a|an|we|they|it|is|are|was|were|has|have|had|as|to|of|and|in|on|at|for|by|with)\s)[a-z][\w-]*\s+){1,4}"
    r"(?P<name>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})"
)


def subject_tail(text: str) -> str:
    return re.sub(r"(?i)\s+(?:is|are|will|would|has|had|also|now|officially|reportedly|set|expected)\s*$", "", text.strip())


# "a 78% stake in Sumac", "100 percent shares in Kopo Kopo Inc.", "a majority stake in Trust Merchant Bank", "100% of Kenya's
# Transnational Bank", "an effective 51% stake in Longevity Lab", "a 50% controlling stake in": control of the company is an
# acquisition of it (LABELLING.md); a minority stake is not.
_STAKE = re.compile(
    rf"(?i)\s*(?:an?\s+|the\s+|its\s+)?(?:{PRICE}\s+)?(?P<more>(?:additional|further|remaining)\s+)?(?:(?:effective|total|combined)\s+)?"
    r"(?:(?P<pct>\d+(?:\.\d+)?)\s*(?:%|per\s*cent|percent)|(?P<word>majority|controlling))\s+"
    # "a 53% controlling stake in XLGAMES", "a 70 per cent majority stake in": the share and the control it gives
    r"(?:(?:(?P<control>controlling|majority)\s+)?(?:equity\s+)?(?:stake|interest|shareholding|ownership|holding)\s+|(?:of\s+(?:the\s+|its\s+)?)?shares\s+)?"
    r"(?:in|of)\s+(?:the\s+)?(?=\S)"
)


_ASSETS_OF = re.compile(r"(?i)(?:[\w&-]+,?\s+){0,5}?(?:the\s+|most\s+of\s+the\s+)?assets\s+of\s+(?=\S)")
# "the account-to-account payment business of Nordic platform Nets": a unit without a name of its own (LABELLING.md)
_OWNED_UNIT = re.compile(r"(?i)(?:[\w-]+\s+){0,4}?(?:business|businesses|unit|units|division|divisions|arm|operations|assets|stake|services|stores|"
                         r"branches)\b")
_UNIT_OF = re.compile(r"(?i)\b(?:business|businesses|unit|units|division|divisions|arm|operations)\s+of\b")


# What is bought is assets, not a company (LABELLING.md: no named target, no acquisition; asset deals are not labelled): a
# counted lot ("Three Salmon Plants", "22 Food Lion Stores", "26 MW of Solar Power"), a lot bought from its owner ("Eight Craft
# Beer Brands From Anheuser-Busch", "Thai and European Businesses from BRF S.A."), a site ("Specialty Chemicals Plant in
# Germany"), a part of a company ("part of Carillion") or a named owner's unit ("Archer Daniels Midland Co's (ADM.N) cocoa
# business"). Counted words are "Three", "22"; "24 Mantra Organic", "7-Eleven" name a company.
_ASSET_NOUN = (r"(?:plants|brands|stores|shops|businesses|mines|hotels|assets|units|divisions|operations|vessels|ships|restaurants|"
               r"outlets|branches|sites|farms|factories|facilities|hospitals|clinics|properties|mw|gw|megawatts)")
_SITE_NOUN = r"(?:plant|mine|factory|mill|refinery|smelter|hotel|terminal)"
_COUNTED_ASSETS = re.compile(
    rf"(?i)(?:the\s+)?(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|dozens\s+of|several|some)\s+"
    rf"(?:[\w.&'-]+\s+){{0,6}}?{_ASSET_NOUN}\b"
)
_ASSETS_FROM = re.compile(rf"(?i)(?:the\s+|its\s+)?(?:[\w&'.-]+,?\s+){{0,5}}?(?:{_ASSET_NOUN}|{_SITE_NOUN})\s+from\s")
_SITE = re.compile(rf"(?i)(?:[A-Z][\w&'-]*\s+){{1,4}}?{_SITE_NOUN}(?=\s+in\s|\s*$)")
_PART_OF = re.compile(r"(?i)(?:a\s+)?(?:part|parts|portions?)\s+of\s")
_UNIT_OF_OWNER = re.compile(
    r"[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,4}(?:'s|’s)\s+(?:\([^()]{0,20}\)\s+)?(?:[a-z][\w-]*\s+){1,3}"
    r"(?:business|businesses|unit|division|operations|arm|brands?|assets|portfolio)\b"
)


# A unit told by what it does, then its owner: "the U.S. bags and kraft paper business of Graphic Packaging International".
_DESCRIBED_UNIT_OF = re.compile(r"(?i)(?:the\s+|its\s+)?(?:[\w.&'-]+\s+){0,6}?(?:business|businesses|unit|division|operations|arm)\s+of\s")


# A word every pattern of `bought_assets` needs: most texts hold none, and are passed over at once.
_ASSET_CUE = re.compile(rf"(?i)\b(?:{_ASSET_NOUN}|{_SITE_NOUN}|business|unit|division|arm|brands?|assets|portfolio|parts?|portions?)\b")


def may_tell_assets(text: str) -> bool:
    """Whether `text` holds a word `bought_assets` needs (a cheap screen before reading its deals)."""
    return _ASSET_CUE.search(text) is not None


def bought_assets(text: str) -> bool:
    """Whether the words after a deal verb tell assets bought rather than a company (`_COUNTED_ASSETS` and the rest above)."""
    text = text.strip()
    if not _ASSET_CUE.search(text):
        return False
    return any(pattern.match(text) for pattern in (_COUNTED_ASSETS, _ASSETS_FROM, _SITE, _PART_OF, _UNIT_OF_OWNER, _DESCRIBED_UNIT_OF))


# A Reuters instrument code after a name: "UMB Financial Corp UMBF.O", "A.P. Moller-Maersk MAERSKb.CO", "Planigrupo Latam PLANI.MX".
_TICKER = re.compile(r"\s+\(?[A-Z][A-Z0-9]{0,9}[a-z]?\.[A-Z]{1,2}\)?$")


def without_ticker(name: str) -> str:
    """`name` without a stock code written after it (`_TICKER`)."""
    return _TICKER.sub("", name)


def target_list(text: str) -> list[str]:
    if bought_assets(text):
        return []
    assets = _ASSETS_OF.match(text)
    if assets:
        text = text[assets.end() :]  # "IP, other assets of fellow digital health platform Koble": the company (LABELLING.md)
    stake = _STAKE.match(text)
    if stake:
        if stake.group("pct") and float(stake.group("pct")) <= 50 and not (stake.group("more") or stake.group("control")):
            return []  # a minority stake
        text = text[stake.end() :]
    text = _LISTED_AT.sub("", text.strip(), count=1)  # "London-listed Shire": where it trades, not its name
    based = BASED.match(text.strip())
    if based and ("," not in based.group(0) or text.strip()[based.end() : based.end() + 1].isupper()):
        text = text.strip()[based.end() :]  # "Springfield, Tenn.-based NorthCrest Health"; not "Urbvan, Mexico-based shared mobility platform"
    head = _CUT.split(" " + text.strip(), maxsplit=1)[0].strip()
    head = re.sub(r"\s*\([^)]{0,30}\)", "", head)
    head = _SENTENCE_END.split(head, maxsplit=1)[0]  # "Twilio acquired Segment. Why? And was it …", "Segment … and Why You Should Care"
    listed = _LISTED.match(text.strip())
    if listed:
        # "kW Mission Critical Engineering, tk1sc and, most recently, Earth Consulting Group", "PRI of East Tennessee, Inc. and
        # Pavement Restorations, Inc.": a list of names, each one a target
        names = [LEGAL_FORM.sub("", name.strip(" ,")) for name in _LIST_SPLIT.split(listed.group(0))]
        found = [company for company in map(last_name, names) if company]
        if len(found) == len(names) and not any(not_a_company(name) for name in names):
            return found
    named = _DESCRIPTION_THEN_NAME.match(text.strip())
    if named and not not_a_company(named.group("what")):
        # "US plant-based foods producer, Earth Island, as part of …", "another American engineering firm, Jacobs, in a deal":
        # what the company is, then its name between commas
        company = company_named(named.group("name"))
        return [company] if company else []
    if not_a_company(head) or _UNIT_OF.search(head):
        return []  # a stake, a campus, shares
    parts = re.split(r"\s+and\s+", head) if re.search(r"[A-Z]\w*\s+and\s+(?:[a-z][\w-]*\s+){0,6}[A-Z]", head) else [head]
    found = []
    for part in parts:
        if _MONEY_WORD.search(part):
            continue  # "Leaders and Co. and Closes Financings Totaling $5.0 Million": a clause of its own, not a second target
        company = last_name(part)
        if company:
            found.append(company)
    return found


# Where a headline's clause ends inside what a target pattern reads: a question mark, an ellipsis, a stop after a word (not
# after an initial, "J. Jill").
_SENTENCE_END = re.compile(r"\s*(?:[?!…]|(?<=[a-z]{2})\.\s+(?=[A-Z]))")
_MONEY_WORD = re.compile(r"[$€£¥₹]|\b[Mm]illion\b|\b[Bb]illion\b")
_LISTED_AT = re.compile(r"^(?:[\w.&]+-)+listed\s+(?=[A-Z])")
_LIST_NAME = r"(?:[A-Z0-9][\w.&'|-]*|[a-z]+[A-Z0-9][\w.&'|-]*)(?:\s+(?:[A-Z0-9][\w.&'|-]*|of|the|&))*(?:,\s+(?:Inc|LLC|Ltd|Corp)\.?)?"
_LISTED = re.compile(rf"{_LIST_NAME}(?:,\s+{_LIST_NAME})+,?\s+and\b\s*(?:,\s*most\s+recently,\s*)?{_LIST_NAME}(?=\s*(?:[,.;(]|$|\s+(?:for|from|in)\b))")
_LIST_SPLIT = re.compile(r",\s+(?!(?:Inc|LLC|Ltd|Corp)\b)(?:and\s*,?\s*(?:most\s+recently,\s+)?)?|\s+and\s*,?\s*(?:most\s+recently,\s+)?")


_DESCRIPTION_THEN_NAME = re.compile(
    r"(?P<what>(?:[A-Z]{2,}\s+|[A-Z][a-z]+\s+(?=[a-z]))?(?:[a-z][\w'-]*\s+){0,5}[a-z][\w-]*),\s+"
    r"(?P<name>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})(?=\s*(?:,|\.?$)|\s+(?:for|in|from)\b)"
)


def company_named(text: str) -> str | None:
    """`company_from_subject`, also for a name ending in "Company" ("Cooke Trucking Company", "Boston Beer Company"), which it
    reads as a description ("the company")."""
    company = company_from_subject(text)
    if company is None:
        stem = re.fullmatch(r"(?P<stem>.*[A-Za-z0-9.&'’-])\s+Company", text.strip())
        named = company_from_subject(stem.group("stem")) if stem and re.search(r"[A-Z][\w.&'’-]*$", stem.group("stem")) else None
        if named and len(named.split()) >= 1 and named.split()[-1] not in ("The", "Parent", "Holding"):
            company = f"{named} Company"
    return company


def last_name(text: str) -> str | None:
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
    run = re.search(r"(?:^|\s)((?:[A-Z0-9][\w.&'!-]*|[a-z]+[A-Z0-9][\w.&'!-]*)(?:\s+(?:[A-Z0-9][\w.&'!-]*|of|&))*)\s*$", text)
    if run is not None and re.search(r"(?:^|\s)(?:a|an)\s*$", text[: run.start(1)]) and run.group(1).split()[-1] in ("Company", "Firm", "Startup"):
        return None  # "an Interactive Marketing Company": a Title Case description, not a name
    if run is None:
        # "Inversago Pharma and the development of ...", "Auth0 prompts a hard look", "Nets will lead": the name, then a verb
        lead = re.match(r"((?:[A-Z][\w.&'!-]*|[a-z]+[A-Z][\w.&'!-]*)(?:\s+(?:[A-Z][\w.&'!-]*|of|&))*)\s+(?:and|with|to|which|that|"
                        r"will|would|could|can|may|might|should|is|are|was|were|has|have|had|[a-z]+s\s+(?:a|an|the|its|their))\s+[a-z]", text)
        return company_from_subject(lead.group(1)) if lead else None
    name = after_descriptor(run.group(1).strip())
    if re.fullmatch(r"(?:Inc|Ltd|Corp|Co|LLC|plc)\.?", name):
        return None
    return company_named(name) or None


LEGAL_FORM = re.compile(r",?\s+(?:Inc|Corp|Ltd|LLC|plc|PLC|Co)\.?$")


_THE = re.compile(r"^the\s+")


def same_company(first: str | None, second: str | None) -> bool:
    if not first or not second:
        return False
    a, b = _THE.sub("", first.lower()), _THE.sub("", second.lower())  # "The Body Shop" is "Body Shop"
    return (a == b or a.startswith(b + " ") or b.startswith(a + " ") or initials_of(first, second) or initials_of(second, first)
            or DEMONYM.fullmatch(first[: -len(second)]) is not None or DEMONYM.fullmatch(second[: -len(first)]) is not None)


def initials_of(short: str | None, name: str | None) -> bool:
    """"API" for "Australian Pharmaceutical Industries", "GM" for "General Motors": one text names a company by the initials
    of the capitalised words another spells out."""
    if not short or not name or not short.isupper():
        return False
    words = [word for word in name.split() if word[:1].isupper()]
    return 2 <= len(short) == len(words) and short == "".join(word[0] for word in words)
