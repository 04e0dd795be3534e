"""Deals an item reports as off: read by the shapes, then refused because the item says the deal will not happen.

LABELLING.md: "A deal called off is no acquisition". The headline or the deal's own sentence saying it was blocked,
opposed, called off, rejected or backed out of ("Adobe plans to acquire Figma for $20 billion, EU opposes", "Competition
body blocks Heidelberg Materials' acquisition of …", "Rio Grande Neurosciences backs out of $22m Endonovo deal", "Citi
quickly passes on Grupo Mexico's bid") makes no deal an SDR should hear of. Not every such word stops a deal: "will not
oppose" clears it, "H&R Block" is a name, and "a bid to block competitors", "collapses shares to single class" stop
something else (the word must stand alone or reach a deal, a name or a determiner).
"""

from __future__ import annotations

import re

from signalwatch.extract.text import is_place, title_case

__all__ = ["called_off", "deal_is_off", "names_no_buyer", "names_no_target", "told_in_passing"]

# A deal stopped or refused: by a regulator or a court (blocks, opposes, an injunction), by either side (calls off, scraps,
# backs out, walks away, rejects, passes on), or by events (collapses, falls through).
_OFF = re.compile(
    r"(?i)\b(?:block(?:s|ed|ing)?|oppos(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+off|scrap(?:s|ped|ping)?|abandon(?:s|ed|ing)?|"
    r"terminat(?:e|es|ed|ing)|back(?:s|ed|ing)?\s+out|pull(?:s|ed|ing)?\s+out|walk(?:s|ed|ing)?\s+away|reject(?:s|ed|ing)?|"
    r"dismiss(?:es|ed|ing)?|pass(?:es|ed)?\s+on|spurn(?:s|ed)?|rebuff(?:s|ed)?|injunction|collaps(?:e|es|ed)|f[ae]ll(?:s)?\s+through|"
    r"prohibit(?:s|ed)?|veto(?:es|ed)?)\b"
)
_NEGATED = re.compile(r"(?i)(?:\bnot|n't|\bnever|\bno)\s+(?:\w+\s+)?$")
# What may follow the word when it stops a deal: nothing (", EU opposes"), a name, a determiner, the deal, a particle, a price.
_REACHES_A_DEAL = re.compile(
    r"\s*(?:$|[,.;:!?)–—-]|[A-Z$€£₹\d]|(?i:the|a|an|its|their|his|her|this|that|plans?|deals?|mergers?|acquisitions?|takeovers?|"
    r"bids?|offers?|purchases?|sales?|transactions?|of|from|on|by|over|after|with|amid)\b)"
)


def deal_is_off(headline: str, clause: str) -> str | None:
    """The words by which the headline or the deal's own sentence says the deal is off, or None."""
    for text in (headline, clause):
        capitals = title_case(text)
        for found in _OFF.finditer(text):
            if found.group(0)[:1].isupper() and (not capitals or "&" in text[max(0, found.start() - 4) : found.start()]):
                continue  # "H&R Block": a name
            if _NEGATED.search(text, 0, found.start()) or not _REACHES_A_DEAL.match(text, found.end()):
                continue  # "will not oppose Woolworths' acquisition", "a bid to block competitors"
            return found.group(0)
    return None


# A deal told only as called off, which no buying shape reads: "Adobe abandons Figma deal after regulators oppose it", "Zurich calls
# off RSA deal", "Sezzle (ASX:SZL) and Zip Co (ASX:ZIP) abandon merger deal", "Zoom, Five9 to terminate $14.7 bn all-stock deal",
# "Walgreens Abandons Rite Aid Bid". Read only to tell `extract --explain` that a deal was read and why it is no event.
_OFF_STEMS = ("abandon", "scrap", "call", "terminat", "drop", "ditch", "walk", "back", "pull")
_PARTY = r"[A-Z][\w.&'-]*(?:\s+(?:[A-Z][\w.&'-]*|\([A-Z]+:[A-Z]+\))){0,3}"
_CALLED_OFF = re.compile(
    rf"(?P<a>{_PARTY})(?:\s*(?:,|and|&)\s*(?P<b>{_PARTY}))?\s+(?:(?:to|will|has|have|had)\s+)?"
    r"(?P<off>(?i:abandon(?:s|ed|ing)?|scrap(?:s|ped|ping)?|call(?:s|ed|ing)?\s+off|terminat(?:e|es|ed|ing)|drop(?:s|ped|ping)?|"
    r"ditch(?:es|ed|ing)?|walk(?:s|ed|ing)?\s+away\s+from|back(?:s|ed|ing)?\s+out\s+of|pull(?:s|ed|ing)?\s+out\s+of))\s+"
    rf"(?:(?i:its|their|the|a|an)\s+)?(?:(?!(?:in|of|on|at|by|from|to|for|with|after|over)\s)[a-z$€£\d][\w$€£.,-]*\s+){{0,3}}?(?:(?P<t>{_PARTY})\s+)?"
    r"(?P<noun>(?i:deal|bid|acquisition|takeover|merger|offer|buyout|purchase))\b"
)


def called_off(clause: str) -> list[tuple[str, str]]:
    """The deals `clause` tells only as called off: (the deal in words, why it is no event), as ("Adobe buying Figma", "the item
    says the deal is off ('abandons')"); cheap: the regex runs only when one of `_OFF_STEMS` is in the clause."""
    lowered = clause.lower()
    if not any(stem in lowered for stem in _OFF_STEMS):
        return []
    told = []
    for found in _CALLED_OFF.finditer(clause):
        if found["b"] or (found["noun"].lower() == "merger" and not found["t"]):
            deal = f"{found['a']} and {found['b']} merging" if found["b"] else f"{found['a']} merging"
        else:
            deal = f"{found['a']} buying {found['t'] or 'a company'}"
        told.append((deal, f"the item says the deal is off ({found['off']!r})"))
    return told


# A buyer read from words that name no one: a figure, a year or a list's number ("$16.3bn bid for …", "on January 9th, 2017,
# the company has reached an agreement", "1.Market has acquired"), a legal form alone ("Inc."), a headline's label ("Mexico:"),
# a place or a US state's abbreviation ("Consolidated Restaurant Operations Inc., Dallas, TX is acquiring", "Mercy Hospital in
# Joplin, Mo., purchased").
_NO_BUYER = re.compile(
    r"[$€£¥₹].*|\d[\d,.]*(?:\s*(?:bn|mn|m|million|billion))?|\d{1,2}\.[A-Z]\S*|(?:Inc|Corp|Ltd|LLC|plc|Co)\.?|.*:|"
    r"(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Tex|"
    r"Va|Vt|Wash|Wis|Wyo|TX|CA|NY|Dallas|Houston|Atlanta|Chicago|Boston|Denver|Seattle|Toronto|Montreal|Vancouver)\.?"
)


def names_no_buyer(acquirer: str | None) -> bool:
    """Whether a deal's buyer as read names no one (`_NO_BUYER`, or a place): the deal is then not told."""
    return acquirer is None or _NO_BUYER.fullmatch(acquirer.strip()) is not None or is_place(acquirer)


# A target read as a figure: the digits before a thousands comma, where the name reader stopped ("Mason and Namdar bought the
# 732,000-square-foot Camden County mall", "Coca-Cola Amatil Fiji has acquired 57,323 ordinary shares in Paradise Beverages").
_FIGURE = re.compile(r"\d[\d,.]*")


def names_no_target(target: str) -> bool:
    """Whether a deal's target as read is only a figure (`_FIGURE`): what was bought is then a size or a count, not a company."""
    return target[:1].isdigit() and _FIGURE.fullmatch(target.strip()) is not None


# A buyer read with the word that makes its clause a lead-in to another story: "With Twilio's acquisition of Segment, it's a good
# time to publish my deal memo", "List: As Softbank acquires ARM, CBR looks at …", "For Walmart, buying a majority stake in …
# was a unique opportunity": the deal is the frame of other news (commentary, a list, a retrospective), not the news.
_LEAD_IN_BUYER = re.compile(r"(?:With|As|For|After|Following|Since|Amid|Despite|Before|While)\s+[A-Z]")


def told_in_passing(acquirer: str | None) -> bool:
    """Whether the buyer as read opens with a lead-in word (`_LEAD_IN_BUYER`)."""
    return acquirer is not None and _LEAD_IN_BUYER.match(acquirer) is not None
