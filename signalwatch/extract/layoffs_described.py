"""Who cuts when the headline tells the company only by what it is: "German steel giant to slash 11,000 jobs", "Australian
start-up sacks 10 per cent of staff", "Oil and gas firm to axe 11,000 jobs worldwide" (round 17, issue 14).

The summary then names it after a word for a kind of company: "German industrial giant Thyssenkrupp is cutting …", "The
company called Hireup …", "The world's largest oilfield services company, Schlumberger, announced …". layoffs.py asks for
that name (`named_after_a_kind`) only for a headline cut whose subject named no one and when nothing else in the item names
who cuts.
"""

from __future__ import annotations

import re

from signalwatch.extract.layoffs_names import can_cut
from signalwatch.extract.text import company_from_subject, is_place

__all__ = ["named_after_a_kind", "KIND_WORD"]

# A word for a kind of company, in lower case, as a headline's description ends on it.
KIND_WORD = re.compile(
    r"\b(?:giant|firm|company|start-?up|maker|group|retailer|lender|bank|carrier|airline|operator|provider|manufacturer|producer|"
    r"chain|publisher|insurer|developer|platform|unicorn|miner|plants?|business)\b"
)
# The summary's name after such a word: "giant Thyssenkrupp", "company called Hireup", "services company, Schlumberger,"
_NAME_AFTER_KIND = re.compile(
    rf"{KIND_WORD.pattern}(?:,\s+|\s+(?:called\s+|named\s+)?)(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){{0,2}})"
)


def named_after_a_kind(headline: str, summary: str) -> str | None:
    """The company the summary names after a word for a kind of company, when the headline tells one in lower case ("steel
    giant", "start-up"); None when either is missing or the name is a place or no one who cuts."""
    if not KIND_WORD.search(headline):
        return None
    for match in _NAME_AFTER_KIND.finditer(summary):
        company = company_from_subject(match.group("name"))
        if company and can_cut(company) and not is_place(company):
            return company
    return None
