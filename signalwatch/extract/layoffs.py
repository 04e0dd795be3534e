"""Layoffs in news: which company cuts staff, how many people, what share of the workforce.

A layoff is a cut verb ("lays off", "to slash", "will eliminate") whose object is people or the
workforce ("11,000 jobs", "13% of its workforce", "half its staff"), or a layoff noun tied to a
company ("Meta layoffs", "layoffs at Boeing", "Vodafone plans 11,000 job cuts"). The summary
completes the headline's figures (LABELLING.md: a fraction such as "half" is 50 percent; a
cumulative total is not a count). Negated clauses ("doesn't expect layoffs") and unnamed
subjects ("big banks cut jobs") report nothing.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from signalwatch.events import EventType
from signalwatch.extract.model import Extraction
from signalwatch.extract.names import mark
from signalwatch.extract.text import (
    company_from_subject,
    fuller_name,
    has_company_suffix,
    named_company,
    plain_capitals,
    plausible_company,
    sentences,
    title_case,
    written_as_name,
)

__all__ = ["extract_layoffs", "LAYOFF_WORDS"]

SUMMARY_SENTENCES = 4
LAYOFF_WORDS = frozenset(
    """lay lays laid laying layoff layoffs cut cuts cutting slash slashes slashing eliminate eliminates eliminating axe axes
    axing shed sheds shedding fire fires firing furlough furloughs downsize downsizes downsizing redundancies
    workforce reduction jobs""".split()
)
_PEOPLE = r"(?:jobs|workers|employees|staff|staffers|people|positions|roles|members\s+of\s+staff|team\s+members|of\s+employees)"
_WORKFORCE = r"(?:workforce|staff|employees|workers|team|headcount|jobs|employee\s+base|global\s+workforce|corporate\s+workforce)"
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s?(?:k|thousand))?|\d{1,2},\d{2},\d{3})"
_ABOUT = r"(?:(?:about|around|approximately|roughly|nearly|almost|over|more\s+than|some|up\s+to|another|an\s+additional|at\s+least|c\.)\s+)?"
_FRACTIONS = {
    "half": 50.0, "a half": 50.0, "one half": 50.0, "a third": 33.3, "one third": 33.3, "one-third": 33.3, "a quarter": 25.0,
    "one quarter": 25.0, "one-quarter": 25.0, "a fifth": 20.0, "one fifth": 20.0, "one-fifth": 20.0, "two thirds": 66.7,
    "two-thirds": 66.7, "three quarters": 75.0, "three-quarters": 75.0, "a tenth": 10.0, "one tenth": 10.0,
}
_IN_EVERY = re.compile(r"\bone\s+in\s+(?:every\s+)?(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d+)\b", re.IGNORECASE)
_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_CUT_VERB = (
    r"(?:lay(?:s|ing)?\s+off|laid\s+off|to\s+lay\s+off|cut(?:s|ting)?|slash(?:es|ing)?|eliminat(?:e|es|ing)|ax(?:e|es|ing)|"
    r"shed(?:s|ding)?|fir(?:e|es|ing)|let(?:ting|s)?\s+go(?:\s+of)?|reduc(?:e|es|ing)\s+(?:its\s+|the\s+size\s+of\s+its\s+|the\s+)?"
    r"(?:workforce|staff(?:\s+numbers)?|headcount|team|employee\s+base)\s+by|downsiz(?:e|es|ing)\s+(?:its\s+)?(?:workforce|staff)\s+by|"
    r"furlough(?:s|ing)?|(?:implement|announce[sd]?|plan[sn]?)\s+(?:a\s+)?(?:substantial\s+|significant\s+|major\s+)?"
    r"reduction\s+in\s+(?:its\s+)?workforce)"
)
_NEGATION = re.compile(r"(?i)\b(?:no|not|never|without|denies|denied|rules?\s+out)\b(?![.\d])|n't\b")
_CUMULATIVE = re.compile(r"\b(?:in\s+total|so\s+far|since|this\s+year|to\s+date|altogether|combined|cumulative)\b", re.IGNORECASE)
_HISTORY = re.compile(r"\b(?:ago|last\s+year|in\s+(?:19|20)\d\d|previously|earlier\s+this\s+year)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Cut:
    company: str | None
    count: int | None
    percentage: float | None
    clause: int
    why: str


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The layoff shapes, compiled on first use."""
    return {
        # "Meta cuts 11,000 jobs, 13% of workforce", "Klarna to slash workforce by 10 per cent", "Twitter could lay off half its workforce"
        # the verb alone: its subject is read back from it (a lazy "subject, then verb" pattern is quadratic)
        "verb": re.compile(rf"\b(?P<verb>(?i:{_CUT_VERB}))"),
        # "5 Percent of Dell's Global Workforce to be Sent Home"
        "share-of": re.compile(
            rf"(?P<obj>{_ABOUT}{_NUMBER}\s?(?:%|(?i:per\s?cent|percent))\s+(?i:of)\s+)(?P<co>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){{0,2}})'s\s+"
            r"(?:[\w-]+\s+)?(?i:workforce|staff|employees)\s+(?i:to\s+be|will\s+be|are\s+being|is\s+being)\s+(?i:sent\s+home|laid\s+off|cut|let\s+go)"
        ),
        "noun-at": re.compile(r"(?i:layoffs|job\s+cuts|redundancies)\s+(?i:at)\s+(?P<co>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2})"),
        # "Meta Layoffs", "Vodafone plans 11,000 job cuts", "Spotify Announces Significant Workforce Reduction"
        "noun": re.compile(
            r"(?P<co>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2})\s+(?:(?i:plans|announces|announced|confirms|unveils|begins|starts)\s+"
            r"(?:(?i:a|new|more|another|significant|substantial|major|fresh|sweeping)\s+)*(?P<obj>(?:\d[\d,]*\s+)?)(?i:job\s+cuts|layoffs|"
            r"redundancies|workforce\s+reduction)|(?i:layoffs|job\s+cuts)\b)(?!\s+(?i:at)\b)"
        ),
        "count": re.compile(rf"(?<![\w$€£.,])(?P<n>{_NUMBER})\s+(?:(?:more\s+)?(?:(?i:{_PEOPLE}))\b|(?i:of\s+(?:its|their|the)\b))"),
        "bare-count": re.compile(rf"^\s*{_ABOUT}(?P<n>{_NUMBER})(?![\w%.,]|\s?(?i:per\s?cent|percent))"),
        "percent": re.compile(r"(?P<n>\d+(?:\.\d+)?)\s?(?:%|(?i:per\s?cent|percent))(?!\s+(?i:premium|stake|valuation|higher|lower|drop|rise))"),
        "fraction": re.compile(rf"\b(?P<f>{'|'.join(sorted(map(re.escape, _FRACTIONS), key=len, reverse=True))})\s+(?:of\s+)?(?:its|their|the)\s+"
                               rf"(?:\w+\s+)?(?:{_WORKFORCE})\b", re.IGNORECASE),
    }


def extract_layoffs(headline: str, summary: str, company_hint: str | None = None) -> list[Extraction]:
    """The layoffs an item reports, headline first; [] when it reports none."""
    clauses = [headline, *sentences(summary)[:SUMMARY_SENTENCES]] if summary else [headline]
    cuts = [_checked(cut, headline, summary) for index, clause in enumerate(clauses) for cut in _read(clause, index)]
    if not cuts:
        return []
    lead = next((c.company for c in cuts if c.company), None) or company_hint or _headline_company(headline)
    merged = _merge([replace(c, company=c.company or lead) for c in cuts], " ".join(clauses))
    return [_extraction(replace(cut, company=fuller_name(cut.company, clauses[1:]))) for cut in merged if cut.company]


def _checked(cut: _Cut, headline: str, summary: str) -> _Cut:
    """`cut` without its company when only a Title Case headline capitalised it: "Shopify CEO Takes to Twitter to Lament Layoffs".

    The company is then the one the rest of the item names; "Meta Layoffs" stays when the summary writes "Meta".
    """
    if cut.clause == 0 and cut.company and summary and plain_capitals(cut.company) and title_case(headline):
        if not written_as_name(cut.company, summary):
            return replace(cut, company=None)
    return cut


def _headline_company(headline: str) -> str | None:
    """"Peloton CEO Steps Down as Company Cuts 2,800 Jobs": "Company" is the headline's first company."""
    return next((c for c in map(plausible_company, mark(headline).names) if c), None)


def _read(clause: str, index: int) -> list[_Cut]:
    found: list[_Cut] = []
    patterns = _patterns()
    position = 0
    while True:
        verb = patterns["verb"].search(clause, position)
        if verb is None:
            break
        subject_start = max(position, verb.start() - 160, max(clause.rfind(";", 0, verb.start()), clause.rfind(":", 0, verb.start())) + 1)
        object_end = clause.find(";", verb.end(), verb.end() + 140)
        object_end = object_end if object_end >= 0 else min(len(clause), verb.end() + 140)
        found.extend(_from_verb(clause[subject_start : verb.start()], verb.group("verb"), clause[verb.end() : object_end], clause, index))
        position = max(object_end, verb.end())  # the object's words are not read as another verb's subject
    for match in patterns["share-of"].finditer(clause):
        count, percentage = _figures(match.group("obj"), require_people=False)
        company = company_from_subject(match.group("co"))
        if company and percentage is not None:
            found.append(_Cut(company, None, percentage, index, _why("layoffs.share-of-workforce", match.group(0), index)))
    for match in [*patterns["noun-at"].finditer(clause), *patterns["noun"].finditer(clause)]:
        if _NEGATION.search(clause[max(0, match.start() - 40) : match.end()]):
            continue
        company = company_from_subject(match.group("co"))
        if company and company not in _DEPARTMENTS:
            count = _count(match.groupdict().get("obj") or "", bare=True)
            found.append(_Cut(company, count, None, index, _why("layoffs.company-layoffs", match.group(0), index)))
    return found


_DEPARTMENTS = frozenset({"IT", "AI", "HR", "R&D", "PR", "UK", "US", "EU"})


def _from_verb(subject: str, verb: str, obj: str, clause: str, index: int) -> list[_Cut]:
    """One cut verb: its subject is the company (or companies), its object the people or share cut."""
    whole = subject + verb + obj
    obj = re.split(r"[;]|,\s+(?:as|while|but|amid|after|and\s+(?:said|plans|will))\b", obj)[0]
    if _NEGATION.search(subject[-40:] + " " + verb) or _HISTORY.search(obj[:60]):
        return []
    lay_off = bool(re.match(r"(?i)lay|laid|to\s+lay|furlough", verb))
    count, percentage = _figures(obj, require_people=not lay_off)
    people_object = bool(re.match(rf"(?i)\s*(?:{_ABOUT})?(?:(?:its|the|their)\s+)?(?:\w+\s+)?(?:{_WORKFORCE}|{_PEOPLE})\b", obj))
    reduction = bool(re.search(r"(?i)\bby\b|reduction", verb))
    if count is None and percentage is None and not (lay_off or people_object or reduction):
        return []  # "cuts prices", "slashes guidance": not people
    if not (lay_off or reduction) and count is None and percentage is None:
        return []  # "big banks cut jobs" names no figure and often no company; a bare "cut jobs" needs "lay off"
    companies = _subject_companies(subject, obj)
    why = _why("layoffs.cut-verb", whole.strip(), index)
    if not companies:
        return [_Cut(None, count, percentage, index, why)] if _IT.search(subject.strip()) else []
    return [_Cut(company, count, percentage, index, why) for company in companies]


def _subject_companies(subject: str, obj: str) -> list[str]:
    """"Affirm Holdings Inc. and Upstart Holdings Inc. are among the firms firing": both; "Elon Musk will eliminate jobs from Twitter": Twitter."""
    subject = re.sub(
        r"(?i)\s+(?:is|are|will|would|could|to|has|have|had|plans|planned|set|expected|reportedly|now|also|be|been|"
        r"the\s+latest(?:\s+[\w-]+){0,4}(?:\s+to)?|among(?:\s+[\w-]+){0,4}|decided|to|going|gearing\s+up|up|about|likely)(?=\s|$)", " ",
        " " + subject
    ).strip(" ,")
    listed = re.fullmatch(r"(.+?)\s+and\s+(.+)", subject)
    if listed and "," not in listed.group(1)[-3:]:
        names = [company_from_subject(part) for part in (listed.group(1), listed.group(2))]
        if all(names):
            return [n for n in names if n]
    if re.search(r"^[A-Z][^,]*'s\s+[A-Z][\w.-]+,\s+[A-Z][^,]*'s\s+[A-Z][\w.-]+", subject):
        return [c for c in (company_from_subject(part) for part in subject.split(", ")) if c]  # "Doudna's Intellia, Zhang's Aera"
    subject = _SAYS.sub("", subject).strip()
    if _IT.search(subject):
        return []  # "The CRISPR company is laying off": the item's company, named elsewhere
    while subject and re.search(r"\s[a-z][\w-]*$", subject) and not subject.endswith(","):
        subject = subject.rsplit(None, 1)[0]  # "Salesforce is planning": the auxiliaries after the name
    company = named_company(subject)
    if company is None or (_PERSON_VERB_SUBJECT.search(subject) and not has_company_suffix(subject) and not subject.endswith(("Inc", "Inc."))):
        source = re.search(r"(?i)\b(?:from|at)\s+([A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2})", obj)
        company = company_from_subject(source.group(1)) if source else None
    return [company] if company else []


_SAYS = re.compile(
    r",?\s*(?:announced|said|says|confirmed|revealed|told\s+\w+)\s+(?:on\s+)?(?:\w+day\s+)?(?:that\s+)?(?:it|they)\b.*$",
    re.IGNORECASE,
)
# "The CRISPR company is laying off", "it will cut": the item's own company.
_IT = re.compile(
    r"(?i)\b(?:company|firm|startup|biotech|group|it)(?:'s)?(?:\s+(?:is|will|would|has|had|was|also|now|plans(?:\s+to)?|planning(?:\s+to)?|"
    r"intends(?:\s+to)?|is\s+set\s+to|set\s+to))*$"
)
_PERSON_VERB_SUBJECT = re.compile(r"^(?:[A-Z][a-z]+\s+){1,2}[A-Z][a-z]+$")  # "Elon Musk will eliminate ... from Twitter"


def _figures(obj: str, require_people: bool) -> tuple[int | None, float | None]:
    return _count(obj, bare=not require_people), _percentage(obj)


def _count(text: str, bare: bool) -> int | None:
    """The number of people cut: "11,000 jobs", "12000 employees"; after "lay off", a bare "12,000"."""
    for match in _patterns()["count"].finditer(text[:120]):
        if re.search(r"(?i)\bof\s+(?:its|their|the)\s+(?:over\s+|more\s+than\s+|about\s+)?$", text[: match.start()]):
            continue  # "1,300 of its 6,400 employees": the total
        if _CUMULATIVE.match(text[match.end() : match.end() + 12].strip() or "-"):
            continue  # "more than 1,000 jobs in total": several rounds together (LABELLING.md)
        return _number(match.group("n"))
    bare_match = _patterns()["bare-count"].match(text) if bare else None
    if bare_match:
        value = _number(bare_match.group("n"))
        return value if value and 10 <= value and not 1900 <= value <= 2100 else None
    return None


def _number(text: str) -> int | None:
    text = text.replace(",", "").strip().lower()
    scale = 1000 if text.endswith(("k", "thousand")) else 1
    digits = re.sub(r"\s?(?:k|thousand)$", "", text)
    try:
        return int(float(digits) * scale)
    except ValueError:
        return None


def _percentage(text: str) -> float | None:
    head = text[:120]
    match = _patterns()["percent"].search(head)
    if match and not re.search(r"(?i)\bvaluation|shares?\s+(?:fell|rose|drop)", head[: match.start()]):
        return float(match.group("n"))
    fraction = _patterns()["fraction"].search(head)
    if fraction:
        return _FRACTIONS[fraction.group("f").lower()]
    every = _IN_EVERY.search(head)
    if every:
        n = every.group("n").lower()
        return round(100 / (_SMALL[n] if n in _SMALL else int(n)), 1)
    return None


def _merge(cuts: list[_Cut], text: str) -> list[_Cut]:
    """One layoff per company; the summary completes the headline's figures and wins where it is more precise."""
    kept: list[_Cut] = []
    for cut in cuts:
        twin = next((k for k in kept if _same(k.company, cut.company)), None)
        if twin is None:
            kept.append(cut)
            continue
        count = twin.count if twin.count is not None and not _more_precise(cut.count, twin.count) else cut.count if cut.count is not None else twin.count
        percentage = twin.percentage if twin.percentage is not None else cut.percentage
        company = twin.company if twin.company and cut.company and len(cut.company) < len(twin.company) + 3 else cut.company or twin.company
        kept[kept.index(twin)] = replace(twin, company=company, count=count, percentage=percentage, why=f"{twin.why}; completed by {cut.why}")
    return [replace(cut, company=_spelled_out(cut.company, text)) for cut in kept]


def _more_precise(new: int | None, old: int) -> bool:
    """"16.5M" refines "16M"; "nearly 3,000" does not refine "2,800": more significant digits, within 15%."""
    if new is None or new == old or abs(new - old) > 0.15 * max(new, old):
        return False
    return len(str(new).rstrip("0")) > len(str(old).rstrip("0"))


def _same(first: str | None, second: str | None) -> bool:
    if not first or not second:
        return first == second
    a, b = first.lower(), second.lower()
    return a == b or a.startswith(b + " ") or b.startswith(a + " ") or a.split()[0] == b.split()[0]


def _spelled_out(company: str | None, text: str) -> str | None:
    """"RIM" → "Research in Motion" when the item writes "Research in Motion (RIM)"."""
    if not company or not company.isupper():
        return company
    at = text.find(f"({company})")
    match = _NAME_BEFORE.search(text[:at]) if at > 0 else None
    return match.group(1) if match else company


_NAME_BEFORE = re.compile(r"([A-Z][\w.&'-]*(?:\s+(?:[A-Z][\w.&'-]*|in|of|and|&)){1,4})\s+$")


def _extraction(cut: _Cut) -> Extraction:
    attributes = {"count": cut.count, "percentage": cut.percentage}
    return Extraction(EventType.LAYOFFS, "announced", cut.company, attributes, why=cut.why)


def _why(rule: str, text: str, index: int) -> str:
    text = " ".join(text.split())
    where = "headline" if index == 0 else f"summary sentence {index}"
    return f"{rule} ({where}): {text[:90]!r}"
