"""The name before an apposition: "Hershey, best known for its candy bars, [is buying …]" → "Hershey".

A subject that reaches its verb past what describes it ("Vtex, a Brazilian multinational of technology for ecommerce,
[laid off 193 people]", "ConocoPhillips (COP), one of America's largest energy companies, [disclosed plans …]",
"Heineken—the company behind popular beers like Heineken, Tiger, and Amstel—[is set to lay off …]") names the company
in the words before the first comma or dash. The acquisition and layoff readers use it where their own name readers
give up; the funding reader has its own (funding_clause.py).
"""

from __future__ import annotations

import re

__all__ = ["before_apposition"]

# The name, an optional ticker or aside in parentheses, then an apposition between commas (opening in lower case, with an
# article, "one of", or a possessive: "Canada's legal tech giant") or between dashes (which may hold commas of its own),
# at the end of the subject. The closing comma may have been stripped by the caller.
_APPOSITION = re.compile(
    r"(?P<name>[^,—–]{1,120}?[\w.&)\]'’!])\s*(?:\([^()]{1,30}\)\s*)?"
    r"(?:,\s*(?!(?:which|who|whom|whose|that|where|when|while|after|before|as|and|but|or|if|because|since)\b)(?:[a-z]|(?:The|A|An|One|Its|Once|Now|Already|Best|Officially|Formerly)\s|[A-Z][\w.&-]*(?:'s|’s)\s)[^,—–()]{2,100}?,?"
    r"|\s*[—–]\s*[^—–]{2,120}?[—–]|\s+-{1,2}\s+[a-z][^—–]{2,120}?\s+-{1,2}|-(?:the|a|an|one)\s[^—–]{2,120}?[\w)]\s*-)\s*$"
)


def before_apposition(subject: str) -> str | None:
    """The words before the apposition that ends `subject`, or None when `subject` does not end with one."""
    found = _APPOSITION.fullmatch(subject.strip())
    if found is None:
        return None
    if _DESCRIBED_NAME.search(subject.strip()[found.end("name") :]):
        return None  # "In a move that … of Adobe, the … design behemoth Canva": a lead-in, then the subject described and named
    name = re.sub(r"\s*\[[^\]]{1,20}\]", "", found.group("name")).strip()  # "Emirates[EMIRA.UL]": a ticker
    if _LEAD_WORD.match(name):
        return None  # "According to the company news release Tuesday, the cuts - which …": a lead-in, not a name
    # "… in the face of liquidity restriction Vtex": a standfirst run into the lead without its stop, then the name
    lost_stop = _AFTER_LOST_STOP.search(name) if len(name) > 40 and not re.search(r"\s[A-Z]\w*\s+[A-Z]\w*\s+[A-Z]", name) else None
    return lost_stop.group(1) if lost_stop else name


_LEAD_WORD = re.compile(r"(?:According|In|On|At|By|Since|After|Before|As|Amid|With|Following|Despite|When|While)\b")
_DESCRIBED_NAME = re.compile(r"^,\s*(?:the|a|an)\s+(?:[\w-]+\s+){0,5}[A-Z][\w.&'-]*\s*,?$")
_AFTER_LOST_STOP = re.compile(r"(?<=[a-z]\s)([A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2})$")
