"""Layoffs in news: which company cuts staff, how many people, what share of the workforce.

A layoff is a cut verb ("lays off", "to slash", "will eliminate") whose object is people or the
workforce ("11,000 jobs", "13% of its workforce", "half its staff"), or a layoff noun tied to a
company ("Meta layoffs", "layoffs at Boeing", "Vodafone plans 11,000 job cuts"). The summary
completes the headline's figures (LABELLING.md: a fraction such as "half" is 50 percent; a
cumulative total is not a count). When the item tells one company's cut, the summary's figures
complete it even where they name no one ("About 240 employees will be affected", "which accounts
for nearly 15% of the company's workforce", "Layoff of 2,500 people"). Counts may be written in
words ("three thousand staffers"); "several hundred" or "thousands of jobs" is a cut with no count. A count may say which jobs
in up to three words ("1,000 UK retail banking jobs", "130 head office jobs", "400 cabin crew jobs") or count "posts".
All of the staff ("lays off every single worker", "all its employees") is 100 percent; a figure after "N% of" is the
whole staff, not the count; "Naver, Com2uS slash workforce" and "Rappi and Lime announce impending layoffs" are one cut each.
Jobs lost told from the people's side are a cut by the item's company: "with the loss of 422 jobs", "More than 1,300 jobs
to go", "Up to 1,700 workers are to lose their jobs", "300 jobs axed at Woodside" (jobs only "at risk", or people who
"could lose" them, are no cut decided); the company named beside them ("500 Holden workers to lose jobs", "Jobs to go as
Nufarm restructures business") cuts them (layoffs_staff.py). A range in the summary ("between 40,000 and 55,000 jobs") leaves no count.
A subject may reach its verb past an apposition ("Vtex, a Brazilian multinational …, laid off 193 people") or a relative
clause ("Careem that was acquired by Uber earlier this year is laying off"); "… is restructuring its business and cut 62 staff"
is the clause's own company; "20 pct", "30pc" are shares. An earlier cut by another company told as background ("Just days
after Atlassian cut 500 workers, Xero …", "Last year, Byju's laid off") and a kind of company ("Energy firms", "Media
layoffs") are no cut. Negated clauses ("doesn't expect layoffs"), conditions ("if it keeps retrenching"), unnamed subjects ("big banks cut
jobs", "Some startups are laying off"), earlier rounds ("previously cut 10%") and furloughs (LABELLING.md) report nothing.
A subject that names no one ("In an endeavour to lay off", "Over 540 tech companies", "Australian airline to slash", a place)
leaves the cut to the item's company, or to no one; a brand named as a possessive keeps it before a verb ("Macy’s announces").
The summary's telling of the headline's cut under another form of the name with the same figure ("G.E. to Cut 12,000 Jobs" /
"General Electric … would cut 12,000 jobs") is that cut; a cut told in a relative clause ("FourKites, which recently laid off
workers, raises $30M") is background.

This module finds the shapes and the figures and decides the cuts; beside it, layoffs_names.py reads who cuts (the
company's name out of a clause's subject, a headline or a roundup list) and tells whether two names are one company.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from signalwatch.events import EventType
from signalwatch.extract.acquisition_names import initials_of
from signalwatch.extract.layoffs_described import named_after_a_kind
from signalwatch.extract.layoffs_names import (
    DEPARTMENTS,
    IT_SUBJECT,
    LEAD_WORDS,
    LIST_NAME,
    LISTED_SPLIT,
    NAME_RUN,
    as_the_summary_names,
    can_cut,
    fuller_company,
    headline_company,
    is_described,
    names_no_one,
    one_company,
    only_its_form,
    opens_headline,
    possessive_brand,
    roundup_names,
    same_company,
    spelled_out,
    subject_companies,
    without_stray_quote,
    written_lower,
)
from signalwatch.extract.layoffs_staff import staff_losing_jobs
from signalwatch.extract.model import Extraction
from signalwatch.extract.refusals import Refusals
from signalwatch.extract.text import company_from_subject, is_place, plain_capitals, quote, sentences, title_case, written_as_name

__all__ = ["extract_layoffs", "refused_layoffs", "LAYOFF_WORDS"]

SUMMARY_SENTENCES = 4
LAYOFF_WORDS = frozenset(
    """lay lays laid laying layoff layoffs cut cuts cutting slash slashes slashing eliminate eliminates eliminating axe axes
    axing shed sheds shedding fire fires firing downsize downsizes downsizing redundancies
    workforce reduction jobs sacks sacked culls culled trims trimmed rid goodbye let lets letting slashed axed eliminated fired
    trim trimming cull culling sack sacking reduce reduces reduced reducing headcount retrench retrenches retrenched retrenching
    terminate terminates terminated terminating""".split()
)
_PEOPLE = r"(?:jobs|workers|employees|staff|staffers|people|positions|roles|members\s+of\s+staff|team\s+members|of\s+employees)"
# Up to three words that say which jobs before the people counted: "1,000 UK retail banking jobs", "130 head office jobs",
# "400 cabin crew jobs", "7,000 peoples' jobs" (not a figure's unit, a word that joins clauses or a clause's own verb: "10 stores
# and 500 jobs", "8,100 losing their jobs")
_JOB_WORDS = (r"(?:(?!(?i:percent|per|pct|pc|of|in|at|from|to|and|or|by|for|on|with|over|than|as|but|while|after|amid|its|the|a|an|that|"
              r"which|their|his|her|our|who|will|would|are|were|have|had|losing|lose|lost|million|billion|bn|mn|m|k|thousand|years?|months?|"
              r"weeks?|days?|hours?)\b)[A-Za-z][\w'’&.-]*\s+){0,3}?")
_WORKFORCE = r"(?:workforce|staff|employees|workers|team|headcount|jobs|employee\s+base|global\s+workforce|corporate\s+workforce)"
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_WORD_NUMBER = "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:'\d{3})+|\d+(?:\.\d+)?(?:\s?(?:k|thousand))?|\d{1,2},\d{2},\d{3})"
# "three thousand staffers" is 3000, "nine per cent" 9 per cent: written in digits once, before any shape reads the clause
# (one pass, rather than every figure pattern trying every number word); "several hundred"/"thousands of" stay words.
_SPELLED = re.compile(rf"(?i)\b({_WORD_NUMBER})(?:\s+(hundred|thousand)\b|(?=\s?(?:%|per\s?cent|percent)))")
_ABOUT = (r"(?:(?:about|around|approximately|roughly|nearly|almost|over|more\s+than|some|up\s+to|another|an\s+additional|at\s+least|c\.|"
          r"as\s+many\s+as)\s+)?")
_FRACTIONS = {
    "half": 50.0, "a half": 50.0, "one half": 50.0, "a third": 33.3, "one third": 33.3, "one-third": 33.3, "a quarter": 25.0,
    "one quarter": 25.0, "one-quarter": 25.0, "a fifth": 20.0, "one fifth": 20.0, "one-fifth": 20.0, "two thirds": 66.7,
    "two-thirds": 66.7, "three quarters": 75.0, "three-quarters": 75.0, "a tenth": 10.0, "one tenth": 10.0, "third": 33.3, "quarter": 25.0,
}
_IN_EVERY = re.compile(r"\bone\s+in\s+(?:every\s+)?(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d+)\b", re.IGNORECASE)
_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_CUT_VERB = (
    r"(?:lay(?:s|ing)?[\s-]+off|laid\s+off|terminat(?:e|es|ed|ing)|retrench(?:es|ed|ing)?|to\s+lay\s+off|(?<=to\s)layoff|cut(?:s|ting)?|slash(?:es|ed|ing)?|eliminat(?:e|es|ed|ing)|ax(?:e|es|ed|ing)|"
    r"shed(?:s|ding)?|fir(?:e|es|ed|ing)|sack(?:s|ed|ing)?|cull(?:s|ed|ing)?|trim(?:s|med|ming)?|(?:get(?:s|ting)?|got)\s+rid\s+of|"
    r"says?\s+goodbye\s+to|let(?:ting|s)?\s+go(?:\s+of)?|let(?:ting|s)?(?=\s+(?:[\w,.%'-]+\s+){0,5}?(?:staff|employees|workers|people|staffers|members)\s+go\b)|"
    r"reduc(?:e|es|ed|ing)\s+(?:its\s+|the\s+size\s+of\s+its\s+|the\s+)?(?:[\w'-]+\s+){0,2}?"
    r"(?:workforce|(?:work|labou?r)\s+force|staff(?:\s+numbers)?|headcount|team|employee\s+base)\s+by|"
    # "Verizon may reduce 1,700 jobs": reduce with people counted as its object
    rf"reduc(?:e|es|ed|ing)(?=\s+{_ABOUT}{_NUMBER}\s+(?:jobs|positions|roles|employees|workers|staff)\b)|downsiz(?:e|es|ing)\s+(?:its\s+)?(?:workforce|staff)\s+by|"
    r"(?:implement|announce[sd]?|plan[sn]?)\s+(?:a\s+)?(?:substantial\s+|significant\s+|major\s+)?"
    r"reduction\s+in\s+(?:its\s+)?workforce)(?![\w-])"
)
# "hundreds of jobs", "several hundred employees", "some of its staff": people cut, no figure stated
_VAGUE_PEOPLE = (
    r"(?:hundreds|thousands|dozens|tens\s+of\s+thousands|several\s+(?:hundred|thousand|dozen)|a\s+number|some|more|many)\s+(?:of\s+)?"
    r"(?:(?:its|their|the)\s+)?(?:[\w-]+\s+)?"
)
# Nouns after "staff"/"jobs" that make the object money or time, not people: "cut staff costs", "slash jobs budget"
_NOT_PEOPLE_AFTER = r"(?!\s+(?:costs?|bonus(?:es)?|pay|salaries|hours|benefits|perks|expenses|travel|budgets?|spending|numbers\s+at\s+events))"
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
    weak: bool = False  # the subject reads like a person's name: kept only when no other company cuts in the item


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The layoff shapes, compiled on first use."""
    return {
        # "Meta cuts 11,000 jobs, 13% of workforce", "Klarna to slash workforce by 10 per cent", "Twitter could lay off half its workforce"
        # the verb alone: its subject is read back from it (a lazy "subject, then verb" pattern is quadratic)
        "verb": re.compile(rf"\b(?P<verb>(?i:{_CUT_VERB}))"),
        # "5 Percent of Dell's Global Workforce to be Sent Home"
        # Jobs lost told from the people's side: "with the loss of 422 jobs", "resulting in the loss of 300 jobs", "More than 1,300
        # jobs to go", "430 jobs at risk", "Up to 1,700 workers are to lose their jobs", "100 staffers … will lose their jobs",
        # "with more than 1,300 jobs being lost": the item's company cuts them
        "job-loss": re.compile(
            rf"(?i:\bloss(?:es)?\s+of\s+(?:{_ABOUT}(?P<n>{_NUMBER})\s+(?:[\w-]+\s+){{0,2}}?|(?:hundreds|thousands|dozens)\s+(?:more\s+)?of\s+)"
            r"(?:jobs|positions|roles|posts)\b"
            rf"|(?<![\w$€£.,'-]){_ABOUT}(?P<n2>{_NUMBER})\s+(?:[\w-]+\s+){{0,3}}?(?:jobs|workers|employees|staff|staffers|people|positions|roles)"
            r"(?:\s+(?:in|at|of|from)\s+(?:its|the|their)\s+[\w-]+)?\s+"
            r"(?:(?:are|were|is|will\s+be|are\s+set|set|are\s+due|due|are\s+expected|expected)\s+)?(?:to\s+go\b|(?:being|be)\s+lost\b)"
            r"|(?<![\w$€£.,'-])" + _ABOUT + rf"(?P<n3>{_NUMBER})\s+(?:[\w-]+\s+){{0,3}}?(?:workers|employees|staff|staffers|people)"
            r"(?:\s+(?:in|at|of|from)\s+(?:its|the|their)\s+[\w-]+)?\s+"
            r"(?P<aux>(?:are\s+to|are\s+set\s+to|set\s+to|will|are\s+going\s+to|will\s+be)\s+)?(?:lose|losing)\s+(?:their|its)\s+"
            r"(?:jobs?|employment|positions?))"
        ),
        "share-of": re.compile(
            rf"(?P<obj>{_ABOUT}{_NUMBER}\s?(?:%|(?i:per\s?cent|percent|pct\b|pc\b))\s+(?i:of)\s+)(?P<co>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){{0,2}})'s\s+"
            r"(?:[\w-]+\s+)?(?i:workforce|staff|employees)\s+(?i:to\s+be|will\s+be|are\s+being|is\s+being)\s+(?i:sent\s+home|laid\s+off|cut|let\s+go)"
        ),
        # "The Turkish grocery delivery company announced global layoffs", "Layoff of 2,500 people": the item's company
        "it-noun": re.compile(
            r"\b(?:(?i:the)\s+(?:[\w-]+\s+){0,4}?(?i:company|firm|startup|group)|(?i:it))\s+(?:(?i:has|will|is)\s+)?(?i:announced|announces|"
            r"confirmed|confirms|began|begins|started|made|makes|making|enacted|conducted|implemented|plans|be\s+going\s+through|"
            r"is\s+going\s+through|undergoes|underwent)\s+"
            r"(?:(?i:a|new|more|another|significant|global|fresh|sweeping|mass|round\s+of|wave\s+of)\s+)*(?i:layoffs|job\s+cuts|redundancies|lay-?offs|"
            r"reduction\s+in\s+(?:its\s+)?(?:workforce|force))"
            rf"|(?<![\w-])(?i:layoffs?|lay-?offs?|job\s+cuts)\s+(?i:of)\s+(?P<of>{_ABOUT}{_NUMBER}\s+(?i:{_PEOPLE}))"
        ),
        # "300 jobs axed at Woodside", "1,200 workers laid off by Acme": a headline's passive, the company after "at"/"by"
        "passive-at": re.compile(
            rf"(?<![\w$€£.,'-]){_ABOUT}(?P<n>{_NUMBER})\s+(?:[\w-]+\s+){{0,2}}?(?i:jobs|workers|employees|staff|staffers|positions|roles)\s+"
            r"(?:(?i:have|has|had|were|was|are|will)\s+(?i:been|be)\s+|(?i:were|was|are|being)\s+)?"
            r"(?i:axed|cut|slashed|shed|eliminated|laid\s+off|let\s+go|lost|to\s+go)\s+(?i:at|by|from)\s+(?P<co>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2})"
        ),
        # "layoffs at Boeing", "Layoffs at Chipper Cash & Moove", "layoffs from AAF Flanders, Nestlé, and more": each company named
        "noun-at": re.compile(
            rf"(?i:layoffs|job\s+cuts|redundancies)\s+(?i:at|from)\s+(?P<co>{NAME_RUN}(?:(?:,\s+(?:and\s+)?|\s+(?:and|&)\s+){NAME_RUN})*)"
            # not an adjective ("layoffs from Indian startup companies"): no noun in lower case right after the names
            r"(?!\s+(?!(?:in|at|on|and|as|after|amid|for|to|from|over|this|last|of|were|was|is|are|have|has|will|could|may)\b)[a-z])"
        ),
        # "Several start-ups recently went for layoffs … The companies include Meesho, Unacademy, Furlenco, Trell, OkCredit and Lido."
        "include-list": re.compile(
            r"\b(?i:the\s+)?(?i:companies|startups|start-ups|firms|employers)\s+(?i:include|included|including|such\s+as)\s+"
            rf"(?P<co>{LIST_NAME}(?:,\s+{LIST_NAME})*,?\s+and\s+{LIST_NAME})"
        ),
        # "Meta Layoffs", "Vodafone plans 11,000 job cuts", "Spotify Announces Significant Workforce Reduction"
        "noun": re.compile(
            r"(?P<co>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2}(?:\s+and\s+[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2})?)\s+"
            # "Microsoft is expected to announce significant job cuts", "Dapper and Hootsuite both made layoffs": words between the
            # name and the verb
            r"(?:(?i:both|all|also)\s+)?(?:(?i:(?:is|are)\s+)?(?:expected|set|poised|preparing|planning|due|going|about)\s+to\s+)?"
            r"(?:(?i:plans?|announces|announced|announce|confirms?|unveils?|begins|begin|starts|enacts|enacted|initiates|initiated|"
            r"conducts|conducted|implements|implemented|undergoes|underwent|makes|made|hit\s+with|hit\s+by|is\s+hit\s+by)\s+"
            r"(?:(?i:a|new|more|another|significant|substantial|major|fresh|sweeping|impending|upcoming|further|round\s+of|wave\s+of|"
            r"series\s+of)\s+)*"
            r"(?P<obj>(?:\d[\d,]*\s+)?)"
            r"(?i:job\s+cuts|layoffs|lay-?offs|lay\s+offs|redundancies|workforce\s+reduction)|(?i:layoffs|job\s+cuts)\b)(?!\s+(?i:at)\b)"
            rf"(?:\s+(?i:of)\s+(?P<of>{_ABOUT}{_NUMBER}\s+(?i:{_PEOPLE})))?"
        ),
        # "11,000 jobs", "1,300 office jobs", "862 of its employees"
        "count": re.compile(rf"(?<![\w$€£.,'-])(?P<n>{_NUMBER})(?:-plus|\+)?\s+"
                            rf"(?:(?:more\s+)?{_JOB_WORDS}(?:(?i:{_PEOPLE}|posts))\b"
                            r"|(?i:of\s+(?:its|their|the)\b))"),
        "bare-count": re.compile(rf"^\s*{_ABOUT}(?P<n>{_NUMBER})(?![\w%.,-]|\s?(?i:per\s?cent|percent|pct\b|pc\b))"),
        "percent": re.compile(r"(?<![\w.])(?<!\d-)(?P<n>\d+(?:\.\d+)?)\s?(?:%|(?i:per\s?cent|percent|pct\b|pc\b))"
                              r"(?!\s+(?i:premium|stake|valuation|higher|lower|drop|rise|jump|increase|fall|decline))"),
        # the summary's figures for a cut told elsewhere: "About 240 employees will be affected", "layoffs that will impact
        # 2,500 employees", "which amounts to approximately 1,000 employees", "which accounts for nearly 15% of the company's workforce"
        "stated-count": re.compile(
            # "372 positions would be eliminated", "80 staff let go", "the layoffs will affect about 350 of its 1,800 workers", "The cuts
            # are expected to number only about 100 people"
            rf"(?<![\w$€£.,])(?P<n>{_NUMBER})\s+(?:more\s+)?(?i:{_PEOPLE})\s+(?:(?!\d)[\w,-]+\s+){{0,4}}?(?:(?i:will\s+be|would\s+be|are|were|have\s+been|"
            r"has\s+been|to\s+be|being)\s+)?(?i:affected|impacted|laid\s+off|let\s+go|made\s+redundant|eliminated|axed|retrenched)\b"
            # "Of Culture Amp's 446 staff members, 36 have been let go": the people counted before, the figure alone
            rf"|(?<=,\s)(?P<n3>{_NUMBER})\s+(?i:have\s+been|were|will\s+be|are\s+being)\s+(?i:let\s+go|laid\s+off|made\s+redundant)\b"
            rf"|(?i:impact(?:s|ing)?|affect(?:s|ing)?|layoffs?\s+of|redundanc(?:y|ies)\s+of|amounts?\s+to|amounting\s+to|number(?:ing)?|,\s+or)\s+(?i:as\s+many\s+as\s+|only\s+)?{_ABOUT}"
            rf"(?P<n2>{_NUMBER})\s+(?:(?i:of\s+(?:its|their|the))\s+(?:[\d,]+\s+)?(?:[\w-]+\s+)?)?(?i:{_PEOPLE})\b"
        ),
        "stated-share": re.compile(
            r"(?<![\w.-])(?P<p>\d+(?:\.\d+)?)\s?(?:%|(?i:per\s?cent|percent|pct\b|pc\b))\s+(?:(?i:of)\s+(?:(?i:its|their|the\s+company's|"
            r"the\s+firm's|the)\s+)?(?:[\w,'’-]+\s+){0,3}?(?i:workforce|(?:work|labou?r)\s+force|staff|employees|headcount|employee\s+base|workers|people)\b|"
            r"(?i:reduction\s+(?:from|in|of)\s+(?:its\s+|the\s+)?(?:headcount|workforce|staff)))"
            # "will reduce the retailer's work force by 3.5 percent", "is to reduce its company headcount by 9%"
            r"|(?i:reduc\w*|cut\w*|shrink\w*|trim\w*)\s+(?:(?i:its|the|their)\s+)?(?:[\w'’-]+\s+){0,2}?"
            r"(?i:workforce|(?:work|labou?r)\s+force|headcount|staff)\s+(?i:by)\s+(?i:about\s+|around\s+|roughly\s+|nearly\s+|some\s+|approximately\s+)?"
            r"(?P<p2>\d+(?:\.\d+)?)\s?(?:%|(?i:per\s?cent|percent|pct\b|pc\b))"
        ),
        "fraction": re.compile(rf"\b(?P<f>{'|'.join(sorted(map(re.escape, _FRACTIONS), key=len, reverse=True))})\s+(?:of\s+)?(?:(?:its|their|the)\s+)?"
                               rf"(?:[\w-]+\s+)?(?:{_WORKFORCE})\b", re.IGNORECASE),
    }


def extract_layoffs(headline: str, summary: str, company_hint: str | None = None) -> list[Extraction]:
    """The layoffs an item reports, headline first; [] when it reports none."""
    return _layoffs(headline, summary, company_hint, Refusals(_told))


def refused_layoffs(headline: str, summary: str, company_hint: str | None = None) -> list[str]:
    """The cuts read in an item that the checks refused, each with why (for `extract --explain`)."""
    refusals = Refusals(_told)
    _layoffs(headline, summary, company_hint, refusals)
    return refusals.told


def _told(cut: _Cut) -> str:
    """A cut read, in words ("German cutting 11,000 jobs")."""
    size = f"{cut.count:,} jobs" if cut.count else f"{cut.percentage:g}%" if cut.percentage else "jobs"
    return f"{cut.company or 'no company'} cutting {size}"


def _layoffs(headline: str, summary: str, company_hint: str | None, refusals: Refusals[_Cut]) -> list[Extraction]:
    """`extract_layoffs`, telling `refusals` the cuts its checks refuse."""
    clauses = [_in_digits(clause) for clause in ([headline, *sentences(summary)[:SUMMARY_SENTENCES]] if summary else [headline])]
    cuts = [_checked(cut, headline, summary) for index, clause in enumerate(clauses) for cut in _read(clause, index, refusals)]
    cuts += [cut for index, clause in enumerate(clauses[1:], 1) for cut in _listed(clause, index, clauses[index - 1])]
    if not cuts:
        return []
    text = f"{headline} {summary}"
    cuts = [_named(c, text, refusals) for c in cuts]
    cuts = refusals.drop(cuts, lambda c: not (not c.company or can_cut(c.company) or c.company.lower() in LEAD_WORDS),
                         "the subject is a word that opens a sentence, a figure, a month or a sector, not a company")
    # "Barely two months after laying off 30% of its workforce": a word that cannot cut leaves the cut to the item's company
    cuts = [c if not c.company or can_cut(c.company) else replace(c, company=None) for c in cuts]
    if any(c.company and not c.weak for c in cuts):
        cuts = [c for c in cuts if not c.weak]  # "Meta Layoffs: Mark Zuckerberg fires 11,000 employees": Meta
    if cuts and one_company([c.company for c in cuts if c.company]):
        cuts += [figure for index, clause in enumerate(clauses) for figure in _stated_figures(clause, index)]  # one cut: complete its figures
    lead = next((c.company for c in cuts if c.company), None) or company_hint
    if lead is None:
        lead = headline_company(headline)
        if lead and summary and not opens_headline(lead, headline) and not written_as_name(lead, summary):
            refusals.note(f"{lead} as the item's company", "a capitalised word inside the headline that the summary never names")
            lead = None  # "Have Tech Layoffs Peaked?", "These Mass. Tech Companies Cut Hundreds of Jobs in Q1"
    if lead and written_lower(lead, text):
        refusals.note(f"{lead} as the item's company", _COMMON_NOUN)
        lead = None
    if (lead is None or names_no_one(lead)) and summary and any(c.clause == 0 and not c.company for c in cuts):
        # "German steel giant to slash" over "German industrial giant Thyssenkrupp is cutting": layoffs_described.py
        lead = named_after_a_kind(headline, summary) or lead
        unnamed = next((c for c in cuts if not c.company), None) if lead else None
        cuts = [replace(c, why=f"{c.why}; company named after a kind in the summary: {lead}") if c is unnamed else c for c in cuts]
    merged = [_ranged(cut, clauses[1:]) for cut in _merge([replace(c, company=c.company or lead) for c in cuts], " ".join(clauses))]
    named = [replace(cut, company=possessive_brand(fuller_company(as_the_summary_names(cut.company, clauses), clauses[1:]), clauses))
             for cut in refusals.drop(merged, lambda c: not c.company, "no company named for it") if cut.company]
    named = refusals.drop(named, lambda c: not c.company or names_no_one(c.company), _NO_ONE)
    return [_extraction(cut) for cut in named]


_NO_ONE = "the company read names no one (a lead-in word, a count, a nationality or a place)"
_COMMON_NOUN = "one capitalised word the item also writes in lower case: a common noun, not a name"


def _named(cut: _Cut, text: str, refusals: Refusals[_Cut]) -> _Cut:
    """`cut` with its company read out of a quotation after it ("Ford 'will"), and without one where the subject names no one
    ("In an endeavour to lay off", "Over 540 tech companies", "Indian startups", "Oregon") or is a common noun that opened a
    sentence ("Sugar layoffs" beside "the sugar industry"): then the item's company."""
    if not cut.company:
        return cut
    company = without_stray_quote(cut.company)
    why = _NO_ONE if company and names_no_one(company) else _COMMON_NOUN if company and written_lower(company, text) else None
    if why:
        refusals.note(_told(cut), why)  # the cut is left to the company the item names, if it names one
    return replace(cut, company=None if not company or why else company)


def _listed(clause: str, index: int, before: str) -> list[_Cut]:
    """The companies a summary lists as the ones cutting: "The companies include Meesho, Unacademy, … and Lido" after (or in) a
    sentence about layoffs."""
    if not ("include" in clause or "such as" in clause) or not (_LAYOFF_CUE.search(clause) or _LAYOFF_CUE.search(before)):
        return []
    found = []
    for match in _patterns()["include-list"].finditer(clause):
        for company in roundup_names(match.group("co")):
            found.append(_Cut(company, None, None, index, _why("layoffs.companies-listed", match.group(0), index)))
    return found


def _checked(cut: _Cut, headline: str, summary: str) -> _Cut:
    """`cut` without its company when only a Title Case headline capitalised it: "Shopify CEO Takes to Twitter to Lament Layoffs".

    The company is then the one the rest of the item names; "Meta Layoffs" stays when the summary writes "Meta".
    """
    if cut.clause == 0 and cut.company and summary and plain_capitals(cut.company) and title_case(headline):
        if not written_as_name(cut.company, summary):
            return replace(cut, company=None)
    return cut


def _read(clause: str, index: int, refusals: Refusals[_Cut]) -> list[_Cut]:
    """The cuts told in one clause; `refusals` is told of the ones read as background."""
    if "(" in clause:
        clause = _PARENTHESES.sub("", clause)  # "Shopify (SHOP) (TSE: SHOP) announced"
    clause = clause.replace('"', "")  # 'undergoes "wave of layoffs"'
    lowered = clause.lower()
    nouns = any(noun in lowered for noun in _NOUN_CUES)  # the noun shapes need one of these words; most clauses hold none
    found: list[_Cut] = []
    patterns = _patterns()
    position = 0
    while True:
        verb = patterns["verb"].search(clause, position)
        if verb is None:
            break
        subject_start = max(position, verb.start() - 160, max(clause.rfind(";", 0, verb.start()), clause.rfind(":", 0, verb.start())) + 1)
        # the object runs to ";" or to a clause with a subject of its own ("... while Zynga slashed 18 percent")
        next_clause = _NEXT_CLAUSE.search(clause, verb.end(), min(len(clause), verb.end() + 140))
        object_end = next_clause.start() if next_clause else min(len(clause), verb.end() + 140)
        subject = clause[subject_start : verb.start()]
        if _RELATIVE_BACKGROUND.search(subject):
            refusals.note(quote(f"{subject}{verb.group(0)}".strip(), 90), "a cut told in a relative clause after the subject: background")
            position = verb.end()  # "FourKites, which recently laid off workers, raises $30M": background to the clause's news
            continue
        bare = re.sub(r"(?i)\s+(?:also|and|then)\s*$", " ", subject)
        if bare.rstrip().endswith(",") and (re.match(r"(?i)\w+ing\b", verb.group("verb")) or _CLAUSE_VERB.search(bare)):
            # "Ford to shut down 6 facilities in Europe by end of 2020, laying off 12,000 workers", "Smurfit Westrock will close
            # North Portland, Oregon box plant, lay off 72", "ArcelorMittal to restart Indiana blast furnace, also laying off
            # workers": a second verb of the clause's own subject, not of the place before the comma
            opening = _CLAUSE_OPENING.match(clause)
            subject = opening.group("co") + " " if opening else subject
        elif re.fullmatch(r"(?i)\s*(?:in\s+addition\s+to|on\s+top\s+of|besides|apart\s+from|as\s+well\s+as)\s*", subject):
            subject = "it "  # "In addition to laying off 7% of its workforce, Hootsuite also confirmed …": the sentence's company
        cuts = _from_verb(subject, verb.group("verb"), clause[verb.end() : object_end], clause, index)
        if (not any(c.company for c in cuts) and re.search(r"[^\s,]\s+and\s*$", subject)
                and not re.search(r"(?i)\b(?:jobs|staff|employees|workers|people)\s+and\s*$", subject)):
            # "Brex, last valued at $2.6 billion, is restructuring its … business and cut 62 staff members": a second verb of the
            # clause's own subject (tried when the words before "and" name no one)
            opening = _CLAUSE_OPENING.match(clause)
            cuts = _from_verb(opening.group("co") + " " if opening else "it ", verb.group("verb"), clause[verb.end() : object_end], clause, index) or cuts
        before = next((c.company for c in reversed(found) if c.company), None)
        found.extend(replace(c, company=before) if c.company is None and before else c for c in cuts)  # "... when it let 520 people go"
        # the object's words are not read as another verb's subject, unless the object was not people ("In a drive to cut
        # costs, General Motors (GM) will be cutting 12,000 jobs")
        position = max(object_end, verb.end()) if cuts or not _THINGS_CUT.match(clause, verb.end()) else verb.end()
    for match in patterns["job-loss"].finditer(clause) if any(cue in lowered for cue in _LOSS_CUES) else ():
        if _NEGATION.search(clause[max(0, match.start() - 40) : match.start()]) or _HISTORY.search(clause[match.end() : match.end() + 30]):
            continue
        if match.group("n3") and not match.group("aux") and match.start() > 0:
            continue  # "This year saw more than 250,000 tech workers lose their jobs": a tally; "could lose": a risk, not a cut
        if re.search(r"(?i)\b(?:could|may|might|would)\s*$", clause[max(0, match.start() - 20) : match.start()]):
            continue
        figure = match.group("n") or match.group("n2") or match.group("n3")
        found.append(_Cut(None, _number(figure) if figure else None, None, index, _why("layoffs.jobs-lost", match.group(0), index)))
    for loss in staff_losing_jobs(clause):  # "500 Holden workers to lose jobs": layoffs_staff.py
        found.append(_Cut(loss.company, loss.people, None, index, _why(f"layoffs.{loss.rule}", loss.text, index)))
    passive_at = (" at " in clause or " by " in clause or " from " in clause) and _PASSIVE_AT_CUE.search(clause)
    for match in patterns["passive-at"].finditer(clause) if passive_at else ():
        company = company_from_subject(match.group("co"))
        if company and can_cut(company) and not is_place(company) and not _NEGATION.search(clause[max(0, match.start() - 40) : match.start()]):
            found.append(_Cut(company, _number(match.group("n")), None, index, _why("layoffs.jobs-cut-at", match.group(0), index)))
    for match in patterns["share-of"].finditer(clause) if "%" in clause or "cent" in lowered else ():
        count, percentage = _figures(match.group("obj"), require_people=False)
        company = company_from_subject(match.group("co"))
        if company and percentage is not None:
            found.append(_Cut(company, None, percentage, index, _why("layoffs.share-of-workforce", match.group(0), index)))
    for match in patterns["it-noun"].finditer(clause) if nouns else ():
        if not _NEGATION.search(clause[max(0, match.start() - 40) : match.end()]):
            count = _count(match.group("of") or "", bare=True)
            found.append(_Cut(None, count, _percentage(clause[match.end() : match.end() + 40]) if count else None, index,
                              _why("layoffs.the-company-layoffs", match.group(0), index)))
    for match in [*patterns["noun-at"].finditer(clause), *patterns["noun"].finditer(clause)] if nouns else ():
        if _NEGATION.search(clause[max(0, match.start() - 40) : match.end()]):
            continue
        # "Rappi and Lime announce impending layoffs", "layoffs at Chipper Cash & Moove": each company named
        names = re.split(r"\s+and\s+", match.group("co")) if match.re is patterns["noun"] else LISTED_SPLIT.split(match.group("co"))
        names = [name for name in names if name.lower() not in ("more", "others")]
        for company in [company_from_subject(name) for name in names] if all(map(company_from_subject, names)) else []:
            if company and company not in DEPARTMENTS and can_cut(company):
                count = _count(match.groupdict().get("obj") or match.groupdict().get("of") or "", bare=True)
                found.append(_Cut(company, count, None, index, _why("layoffs.company-layoffs", match.group(0), index)))
    return found


# A cut told in a relative clause about the subject, which the main clause follows with other news: "Supply chain startup
# FourKites, which recently laid off workers, raises $30M", "Ericsson, which announced it would cut up to 4,000 jobs in Sweden".
_RELATIVE_BACKGROUND = re.compile(r",\s+(?:which|who)\s+(?:[a-z]+\s+){0,4}$")
# A verb of the clause's opening subject before a comma: "Smurfit Westrock will close North Portland, Oregon box plant,"
_CLAUSE_VERB = re.compile(r"^\s*[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3}\s+(?:to|will|has|have|is|are|was|plans)\s+[a-z]+")
_CLAUSE_OPENING = re.compile(r"\s*(?P<co>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})\s+(?:to|will|has|have|is|are|was|plans|said|says|announced)\b")
_THINGS_CUT = re.compile(r"(?i:\s*(?:its\s+|the\s+|their\s+)?(?:costs?|prices?|spending|expenses|budgets?|production|output|capacity|"
                         r"forecasts?|guidance|rates?|fees?|emissions|losses|debt)),\s+(?=[A-Z])")  # then a clause of its own
_PARENTHESES = re.compile(r"\s*\((?![^()]*%)[^()]{0,30}\)")  # not "(44%)": "laid off over 400 employees (44%)" states the share
_PASSIVE_AT_CUE = re.compile(r"(?i)\b(?:axed|cut|slashed|shed|eliminated|laid\s+off|let\s+go|lost|to\s+go)\s+(?:at|by|from)\s")
_LOSS_CUES = ("loss", "to go", "lose", "losing", "lost")
_NOUN_CUES = ("layoff", "lay-off", "lay off", "job cuts", "redundanc", "reduction")
_NEXT_CLAUSE = re.compile(r";|\s+(?:while|whereas|but)\s+(?=[A-Z])")


def _from_verb(subject: str, verb: str, obj: str, clause: str, index: int) -> list[_Cut]:
    """One cut verb: its subject is the company (or companies), its object the people or share cut."""
    whole = subject + verb + obj
    obj = re.split(r"[;]|,\s+(?:as|while|but|amid|after|and\s+(?:said|plans|will))\b|\s+(?:after|following|since|whereas)\s", obj)[0]
    if _NEGATION.search(subject[-40:] + " " + verb) or _HISTORY.search(obj.split(",")[0][:60]) or re.search(r"(?i)\b(?:previously|already)\s+$", subject):
        return []  # "The Swedish firm previously cut 10% of its staff in May": an earlier round
    if _EARLIER_ROUND.search(subject):
        return []  # "Last year, Byju's laid off about 600 employees", "Just days after Atlassian cut 500 workers, Xero …": another, earlier cut
    if _THINGS_CUT.match(obj) or re.search(r"(?i)\b(?:if|unless|whether)\b", subject[-40:]):
        return []  # "to cut costs, General Motors …": money, not people; "will cease to exist if it keeps retrenching": a condition
    lay_off = bool(re.match(r"(?i)lay|laid|to\s+lay|let", verb))
    count, percentage = _figures(obj, require_people=not lay_off)
    why = _why("layoffs.cut-verb", whole.strip(), index)
    passive = _PASSIVE_PEOPLE.search(subject)
    if passive and re.match(r"(?i)laid|cut|let|ax|fired|sacked|eliminated|shed", verb):
        return [_Cut(None, _count(passive.group("who"), bare=False), percentage, index, why)]  # "Some staff were laid off": the item's company
    people_object = bool(re.match(rf"(?i)\s*(?:{_ABOUT})?(?:(?:its|the|their)\s+)?(?:\w+\s+)?(?:{_WORKFORCE}|{_PEOPLE})\b{_NOT_PEOPLE_AFTER}", obj))
    vague = bool(re.match(rf"(?i)\s*(?:{_ABOUT})?{_VAGUE_PEOPLE}(?:{_WORKFORCE}|{_PEOPLE})\b{_NOT_PEOPLE_AFTER}", obj))
    reduction = bool(re.search(r"(?i)\bby\b|reduction", verb))
    # "to cut 10-15% of its staff": a share stated as a range is a cut with no share (LABELLING.md), not a cut of nothing
    reduction = reduction or _RANGED_SHARE.match(obj) is not None
    if percentage is not None and count is None and not (lay_off or people_object or reduction):
        share = _patterns()["percent"].search(obj[:120])
        after = obj[share.end() :] if share else ""
        if share and not (_PEOPLE_AFTER.match(after) or (_PLAIN_LEAD.fullmatch(obj[: share.start()]) and not re.match(r"\s+of\s", after))):
            percentage = None  # "cuts prices by 10%", "culls 30% of product lines": a share of something else
    if count is None and percentage is None and not (lay_off or people_object or reduction or vague):
        return []  # "cuts prices", "slashes guidance": not people
    companies, weak = subject_companies(subject, obj)
    if not (lay_off or reduction or vague) and count is None and percentage is None and not (companies and people_object):
        return []  # "big banks cut jobs", "it will cut jobs": no figure and no company named as the subject
    if not companies:
        return [_Cut(None, count, percentage, index, why)] if IT_SUBJECT.search(subject.strip()) else []
    return [_Cut(company, count, percentage, index, why, weak) for company in companies]


_RANGED_SHARE = re.compile(rf"\s*{_ABOUT}\d+(?:\.\d+)?\s*(?:-|to)\s*\d+(?:\.\d+)?\s?(?:%|(?i:per\s?cent|percent|pct\b|pc\b))\s+(?i:of)\s")
_EARLIER_ROUND = re.compile(
    r"^\s*(?i:(?:last\s+(?:year|month)|in\s+(?:19|20)\d\d)\s*,\s*|(?:(?:just|only|barely)\s+)?(?:(?:a\s+few|two|three|several)\s+)?"
    r"(?:days|weeks|months)\s+after\s+|after\s+|since\s+)(?:[A-Z][\w.&'’-]*\s*){1,3}$"
)


# What may stand between a cut verb and a bare share of the workforce ("Aurinia cuts 45%", "culled a reported 10 percent")
_PLAIN_LEAD = re.compile(
    r"(?i)\s*(?:(?:about|around|approximately|roughly|nearly|almost|over|more\s+than|some|up\s+to|another|an\s+additional|at\s+least|a|"
    r"reported|whopping|further|by)\s+)*"
)
_PEOPLE_AFTER = re.compile(rf"(?i)\s+(?:of\s+)?(?:(?:its|the|their)\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_WORKFORCE}|{_PEOPLE})\b")
_PASSIVE_PEOPLE = re.compile(
    rf"(?i)(?P<who>(?:{_ABOUT})?(?:{_NUMBER}\s+)?(?:[\w-]+\s+)?(?:{_PEOPLE}|staffers))\s+(?:were|was|are|have\s+been|has\s+been|will\s+be|to\s+be|"
    r"being|got|(?:are|is|were)\s+(?:set|expected|due|likely|going)\s+to\s+be)\s*$"
)


def _figures(obj: str, require_people: bool) -> tuple[int | None, float | None]:
    return _count(obj, bare=not require_people), _percentage(obj)


def _count(text: str, bare: bool) -> int | None:
    """The number of people cut: "11,000 jobs", "12000 employees"; after "lay off", a bare "12,000"."""
    for match in _patterns()["count"].finditer(text[:120]):
        if re.search(r"(?i)\bof\s+(?:its|their|the)\s+(?:over\s+|more\s+than\s+|about\s+)?$", text[: match.start()]) or re.search(
                r"(?i)(?:%|\bper\s?cent|\bpercent|\bpct|\d\s?pc)\s+of\s+(?:(?:its|their|the)\s+)?(?:(?:about|around|approximately|nearly|some|over)\s+)?$",
                text[: match.start()]):
            continue  # "1,300 of its 6,400 employees", "10 per cent of around 2,500 employees": the total
        if _CUMULATIVE.match(text[match.end() : match.end() + 12].strip() or "-"):
            continue  # "more than 1,000 jobs in total": several rounds together (LABELLING.md)
        return _number(match.group("n"))
    bare_match = _patterns()["bare-count"].match(text) if bare else None
    if bare_match:
        value = _number(bare_match.group("n"))
        return value if value and 10 <= value and not 1900 <= value <= 2100 else None
    return None


def _number(text: str) -> int | None:
    text = text.replace(",", "").replace("'", "").strip().lower()  # "1'000": a Swiss thousands mark
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
    if _WHOLE.search(head):
        return 100.0  # "lays off every single worker", "laying off all its employees" (LABELLING.md: a share, here all of it)
    every = _IN_EVERY.search(head)
    if every:
        n = every.group("n").lower()
        return round(100 / (_SMALL[n] if n in _SMALL else int(n)), 1)
    return None


_WHOLE = re.compile(
    r"(?i)^\s*(?:all\s+(?:of\s+)?(?:(?:its|their|the)\s+)?(?:[\w-]+\s+)?(?:employees|staff|staffers|workers|workforce)|(?:its|their|the)\s+entire\s+"
    r"(?:workforce|staff)|(?:the\s+)?entire\s+(?:company|staff|workforce)|every\s+(?:single\s+)?(?:worker|employee|staffer))\b"
)


def _in_digits(clause: str) -> str:
    """`clause` with spelled-out figures in digits: "three thousand workers" → "3000 workers", "nine per cent" → "9 per cent"."""
    if not _SPELLED.search(clause):
        return clause
    return _SPELLED.sub(lambda m: str(_WORD_NUMBERS[m.group(1).lower()] * {"hundred": 100, "thousand": 1000}.get((m.group(2) or "").lower(), 1)),
                        clause)


_LAYOFF_CUE = re.compile(r"(?i)\b(?:lay|laid|layoffs?|lay-offs?|job\s+cuts|cut|cuts|cutting|redundanc\w*|reductions?|reduc\w*|affected|impacted|let\s+go|"
                         r"letting\s+go|lets\s+go|"
                         r"eliminat\w*|slash\w*|ax(?:e|es|ed|ing)|shed\w*|sack\w*|cull\w*)\b")
_EARLIER_FIGURE = re.compile(r"(?i)\b(?:already|earlier|previous|previously|last\s+(?:year|month|week)|in\s+total|so\s+far|to\s+date|since)\b")


def _stated_figures(clause: str, index: int) -> list[_Cut]:
    """Figures a summary sentence states about the item's cut without naming who cuts ("About 240 employees will be affected").

    Only read in sentences that speak of a cut, and never a figure told as an earlier round ("already announced ... 13% last month").
    """
    if not _LAYOFF_CUE.search(clause):
        return []
    found: list[_Cut] = []
    for name in ("stated-count", "stated-share"):
        for match in _patterns()[name].finditer(clause):
            if _EARLIER_FIGURE.search(clause[max(0, match.start() - 50) : match.end() + 25]):
                continue
            if name == "stated-count":
                count = _number(match.group("n") or match.group("n2") or match.group("n3"))
                found.append(_Cut(None, count, None, index, _why("layoffs.stated-count", match.group(0), index)))
            else:
                found.append(_Cut(None, None, float(match.group("p") or match.group("p2")), index, _why("layoffs.stated-share", match.group(0), index)))
    return found


def _merge(cuts: list[_Cut], text: str) -> list[_Cut]:
    """One layoff per company; the summary completes the headline's figures and wins where it is more precise."""
    kept: list[_Cut] = []
    for cut in cuts:
        twin = next((k for k in kept if same_company(k.company, cut.company) or initials_of(k.company, cut.company)), None) or _retold(cut, kept)
        if twin is None:
            kept.append(cut)
            continue
        count = twin.count if twin.count is not None and not _more_precise(cut.count, twin.count) else cut.count if cut.count is not None else twin.count
        percentage = twin.percentage if twin.percentage is not None else cut.percentage
        if twin.percentage is not None and cut.percentage is not None and _finer(cut.percentage, twin.percentage):
            percentage = cut.percentage  # "more than 10%" then "10.9% of its workforce": the finer figure
        company = (twin.company if twin.company and cut.company and (len(cut.company) < len(twin.company) + 3
                   or not cut.company.lower().startswith(twin.company.lower()) or only_its_form(twin.company, cut.company))
                   else cut.company or twin.company)
        if twin.company and cut.company and (is_described(twin.company) or initials_of(twin.company, cut.company)):
            company = cut.company  # the summary names it plainly
        kept[kept.index(twin)] = replace(twin, company=company, count=count, percentage=percentage, why=f"{twin.why}; completed by {cut.why}")
    return [replace(cut, company=spelled_out(cut.company, text)) for cut in kept]


def _retold(cut: _Cut, kept: list[_Cut]) -> _Cut | None:
    """The headline's cut that a summary cut retells under another name with the same figure: "G.E. to Cut 12,000 Jobs" /
    "General Electric … said on Thursday it would cut 12,000 jobs", "Sony says it will cut 10,000 jobs" / "TOKYO-Sony … would
    cut about 10,000 jobs". One company's cut, not a second."""
    headline = [k for k in kept if k.clause == 0 and k.company]
    if cut.clause == 0 or len(headline) != 1 or not cut.company:
        return None
    told = headline[0]
    same_count = cut.count is not None and cut.count == told.count
    same_share = cut.percentage is not None and cut.percentage == told.percentage
    return told if same_count or same_share else None


def _finer(new: float, old: float) -> bool:
    """"10.9" refines "10": a share with decimals within 15% of a whole one."""
    return abs(new - old) <= 0.15 * max(new, old) and new != round(new) and old == round(old) and new not in _FRACTIONS.values()


# "BT is to cut between 40,000 and 55,000 jobs", "reduce its headcount by 700 to 800 roles", "3,500-4,000 positions will be affected"
_RANGE = re.compile(rf"(?i)\b(?:between\s+)?(?P<low>{_NUMBER})\s*(?:and|to|-)\s*(?P<high>{_NUMBER})\s+(?:[\w-]+\s+){{0,2}}?{_PEOPLE}\b")


def _ranged(cut: _Cut, summary_sentences: list[str]) -> _Cut:
    """`cut` without its count when the summary gives that count as the end of a range (LABELLING.md: a range is no count;
    a headline's "up to 55,000" over the body's "between 40,000 and 55,000" is none)."""
    if cut.count is None:
        return cut
    for sentence in summary_sentences:
        for found in _RANGE.finditer(sentence):
            low, high = _number(found.group("low")), _number(found.group("high"))
            if low is not None and high is not None and low < high and low <= cut.count <= high:
                return replace(cut, count=None, why=f"{cut.why}; no count: the summary gives a range ({quote(found.group(0), 60)})")
    return cut


def _more_precise(new: int | None, old: int) -> bool:
    """"16.5M" refines "16M"; "nearly 3,000" does not refine "2,800": more significant digits, within 15%."""
    if new is None or new == old or abs(new - old) > 0.15 * max(new, old):
        return False
    return len(str(new).rstrip("0")) > len(str(old).rstrip("0"))


def _extraction(cut: _Cut) -> Extraction:
    attributes = {"count": cut.count, "percentage": cut.percentage}
    return Extraction(EventType.LAYOFFS, "announced", cut.company, attributes, why=cut.why)


def _why(rule: str, text: str, index: int) -> str:
    where = "headline" if index == 0 else f"summary sentence {index}"
    return f"{rule} ({where}): {quote(text, 90)}"
