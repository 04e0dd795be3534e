"""Who cuts staff: the company's name as a layoff clause writes it, and whether two names are one company.

The subject before a cut verb is read down to the name: past lead-ins ("According to CBC News, …"), auxiliaries
("Salesforce is planning"), an apposition ("Redfin, the major real estate listing company,"), a description before
the name ("UK paytech GoCardless") or a Title Case one ("Online Car Seller Cazoo" when the summary writes "Cazoo"), a
legal form ("US Foods Holding Corp."); a one-word or camelCase name ("Pioneer", "ezCater") is a name, a word that opens
a sentence ("Some startups", "Barely two months after") or a place is none. Roundup lists ("The companies include
Meesho, Unacademy … and Lido") name each company. A headline's initials ("GM") are the name the summary spells out.
layoffs.py reads the shapes and the figures and uses these helpers; this module imports nothing from it.
"""

from __future__ import annotations

import re

from signalwatch.extract.acquisition_names import company_named, initials_of
from signalwatch.extract.apposition import before_apposition
from signalwatch.extract.names import mark
from signalwatch.extract.text import (
    after_descriptor,
    company_from_subject,
    find_name,
    fuller_name,
    has_company_suffix,
    is_place,
    named_company,
    plausible_company,
    title_case,
)

__all__ = [
    "DEPARTMENTS", "IT_SUBJECT", "LEAD_WORDS", "LISTED_SPLIT", "LIST_NAME", "NAME_RUN", "as_the_summary_names", "can_cut",
    "fuller_company", "headline_company", "is_described", "names_no_one", "one_company", "only_its_form", "opens_headline",
    "possessive_brand", "roundup_names", "same_company", "spelled_out", "subject_companies", "without_stray_quote", "written_lower",
]


# A run of capitalised words: one company's name in the layoff shapes ("layoffs at Chipper Cash & Moove"); a roundup list's
# name may open in lower case ("ezCater").
NAME_RUN = r"[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2}"
LIST_NAME = r"(?:[A-Z][\w.&'-]*|[a-z]+[A-Z][\w.&'-]*)(?:\s+[A-Z][\w.&'-]*){0,2}"


# Between a roundup list's names: "Meesho, Unacademy, … and Lido", "Chipper Cash & Moove".
LISTED_SPLIT = re.compile(r",\s+(?:and\s+)?|\s+(?:and|&)\s+")
# Capitalised words that name a department or a country, not a company ("IT layoffs", "UK job cuts").
DEPARTMENTS = frozenset({"IT", "AI", "HR", "R&D", "PR", "UK", "US", "EU"})


# Capitalised words that open a sentence and are never the company cutting staff: "Some startups are laying off",
# "Big numbers laid off by Big Blue", "Taking layoffs too lightly", "56 biopharmas laid off staff".
_NOT_CUTTERS = frozenset(
    """some many several most other others all few both big these those more major top tech startups companies firms taking
    days weeks months years report reports according are is being such barely just airlines banks brewers miners retailers
    automakers carmakers insurers lenders publishers employers manufacturers mass tens hundreds thousands dozens technology newspaper newspapers brewery
    breweries industry sector""".split()
)


# Words that open a lead-in, not a subject: the cut they precede is the item's company's ("Barely two months after laying off 30%")
LEAD_WORDS = frozenset("barely just such according".split())


def can_cut(company: str) -> bool:
    """Whether `company` may be who cuts staff: not a word that opens a sentence ("Some", "Barely"), a figure, a month, or a
    sector named alone ("Media layoffs spike", "Energy firms slash jobs worldwide")."""
    first = company.split()[0].lower()
    # "Video Game Layoffs", "U.S. Insurance Layoffs": a sector after a place or a kind of product is still a sector
    sector = re.sub(r"^(?:(?:video|u\.?s\.?|uk|us|global|canadian|indian|american)\s+)+", "", company.lower())
    return not (first in _NOT_CUTTERS or first.replace(",", "").isdigit() or company.lower() in _MONTHS or company.lower() in _SECTORS
                or sector in _SECTORS)


# What a subject read before a cut verb may hold that names no one: a word opening a lead-in ("In an endeavour to lay off",
# "However, local news also reported", "Meanwhile, above ground CAES start up LightSail is laying off"), a count ("Over 540
# tech companies", "Six reasons why"), a nationality alone ("Indian startups have laid off", "German steel giant to slash").
_NO_NAME_OPENERS = frozenset("in when however meanwhile over am as after while if once under about nearly almost".split())
_NO_NAME_WORDS = frozenset(
    """indian american chinese british european australian canadian german japanese african nigerian kenyan korean dutch
    swedish french irish spanish italian israeli singaporean brazilian mexican aussie aussi swiss""".split()
)
_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve twenty hundred thousand".split())


def names_no_one(company: str) -> bool:
    """Whether a subject read as the company cutting staff is a lead-in word, a count, a nationality or a place alone: the cut
    is then the item's own company's (as for `LEAD_WORDS`)."""
    words = company.split()
    if len(words) > 1 and words[0].lower() in ("a", "an", "the"):
        words = words[1:]  # "An Australian start-up"
    first = words[0].lower()
    return (first in _NO_NAME_OPENERS or first in _NUMBER_WORDS or (len(words) == 1 and first in _NO_NAME_WORDS)
            or is_place(company))


_ONE_PLAIN_WORD = re.compile(r"[A-Z][a-z]+")


def written_lower(company: str, text: str) -> bool:
    """Whether `company` is one plain capitalised word that the item also writes in lower case: a common noun a headline or a
    sentence opened with ("Funding woes haunt Indian startups" / "the funding winter", "Sugar layoffs" / "the sugar industry",
    "Startup's Sudden Layoffs" / "The company's sudden closure"), not a name."""
    lowered = company.lower()
    return (lowered in text and _ONE_PLAIN_WORD.fullmatch(company) is not None
            and re.search(rf"(?<![\w-]){lowered}(?![\w-])", text) is not None)


# A quote mark opening a quoted phrase after the name: "Ford 'will slash 10 percent …'", "Swedish 'buy now, pay later'".
_STRAY_QUOTE = re.compile(r"\s+['‘\"“].*$|['’‘]$")


def without_stray_quote(company: str) -> str:
    """"Ford 'will" → "Ford", "Beechcraft'" → "Beechcraft": a name read into a quotation that follows it."""
    return _STRAY_QUOTE.sub("", company)


# A verb after "<name>'s": the possessive is the brand's own name ("Macy’s announces 5,000 job cuts", "Byju’s fired 2500
# employees"), not a possessive of the company ("Metromile’s layoffs", "Unacademy’s PrepLadder lays off").
_VERB_AFTER = (r"(?:is|was|has|had|will|would|to|said|says|announced|announces|announcing|confirmed|confirms|plans\s+to|planning|"
               r"fired|fires|firing|closing|closes|closed|cutting|cuts\s+\d|laying|lays|laid|slashing|slashes|slashed|axes|axed|axing|"
               r"sheds|shed|eliminates|eliminated|eliminating|reported|reports|sacks|sacked|sacking|trims|trimmed|trimming)\b")


def possessive_brand(company: str, texts: list[str]) -> str:
    """"Macy" → "Macy’s" where a text writes "Macy’s" before a verb: a brand whose name is a possessive, cut by the name readers."""
    if company.endswith(("'s", "’s")):
        return company
    for text in texts:
        if company + "'s" not in text and company + "’s" not in text:
            continue  # most items: no possessive after the name at all
        written = re.search(rf"(?<![\w'’-]){re.escape(company)}(?P<s>['’]s)\s+{_VERB_AFTER}", text)
        if written:
            return company + written.group("s")
    return company


_SECTORS = frozenset("media energy oil gas retail banking finance fintech crypto airline aviation auto mining healthcare pharma biotech game games "
                     "insurance telecom gaming news tech".split())


_MONTHS = frozenset("january february march april may june july august september october november december".split())


def _bare_name(subject: str) -> str | None:
    """A subject that is one word written as a name and nothing else: "Pioneer", "ezCater", "GM", "BT" (the name readers take
    "Pioneer" for a description, "ezCater" for a clause, two capitals for a US state)."""
    if not re.fullmatch(r"[A-Z][\w&-]*|[a-z]+[A-Z][\w&-]*", subject) or subject in DEPARTMENTS:
        return None
    lowered = subject.lower()
    if lowered in _NOT_CUTTERS or lowered in _MONTHS or lowered in _NOT_NAMES or is_place(subject):
        return None
    return subject


_NOT_NAMES = frozenset("""the it this that company firm startup group business they he she we i employer in on at as after before while
    when such what where why how""".split())


def roundup_names(run: str) -> list[str]:
    """The companies of a roundup list ("Meesho, Unacademy, Furlenco, Trell, OkCredit and Lido"): each name that can cut
    staff, in the list's order; a place or a word that opens a sentence ("Some", "Many") is none."""
    found = []
    for name in LISTED_SPLIT.split(run):
        company = company_from_subject(name) or _bare_name(name)
        if company and can_cut(company) and not is_place(company):
            found.append(company)
    return found


# A lead-in before a clause's subject: "According to CBC News, Ridgewood Industries …", "In a drive to cut costs, General Motors (GM)
# will be cutting …", "Barely two months after laying off 30% of its workforce, …"
_LEAD_IN = re.compile(
    r"^(?:According(?:\s+to)?|In|On|At|By|Since|After|Before|As|Amid|With|Following|Despite|Barely|Just|Weeks|Months|Days|Two|Three)\b"
    r"[^,]{0,100},\s+(?=[A-Z]|[a-z]+[A-Z]|the\s+(?:[\w-]+\s+){0,3}?(?:company|firm|startup|group)\s*$)"
)
_PASSIVE_RELATIVE = re.compile(r"(?<=[a-z0-9)])\s+(?:that|which|who)\s+(?:was|were|is|has\s+been|had\s+been)\s+[a-z]+ed\b.*$")
_KINDS = re.compile(
    r"^(?i:indian|american|chinese|british|european|australian|canadian|german|japanese|african|nigerian|kenyan|us|uk|"
    r"media|energy|oil|gas|tech|retail|fintech|crypto|auto|mining|insurance|telecom|gaming|news)\s+(?:[a-z][\w-]*\s+)?"
    r"(?:startups|start-ups|companies|firms|banks|lenders|airlines|carmakers|automakers|retailers|brands|outlets|giants|majors|employers|"
    r"businesses|unicorns)(?:\s+(?:continue|keep|still|also))?$"
)
_SAYS = re.compile(
    r",?\s*(?:announced|said|says|confirmed|revealed|told\s+\w+)\s+(?:on\s+)?(?:\w+day\s+)?(?:that\s+)?(?:it|they)\b.*$",
    re.IGNORECASE,
)
# "The CRISPR company is laying off", "it will cut": the item's own company.
IT_SUBJECT = re.compile(
    r"(?i)\b(?:company|firm|startup|biotech|group|it)(?:'s)?(?:\s+(?:is|will|would|has|had|was|also|now|plans(?:\s+to)?|planning(?:\s+to)?|"
    r"intends(?:\s+to)?|is\s+set\s+to|set\s+to))*$"
)
_PERSON_VERB_SUBJECT = re.compile(r"^(?:[A-Z][a-z]+\s+){1,2}[A-Z][a-z]+$")  # "Elon Musk will eliminate ... from Twitter"
_DESCRIBED = re.compile(
    r"(?:[A-Z][\w.]*\s+)?(?:(?!(?:the|a|an|we|they|it|is|are|was|were|has|have|had|as|to|of|and|in|on|at|for|by|with)\s)[a-z][\w-]*\s+){1,4}"
    r"(?P<name>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})"
)


def subject_companies(subject: str, obj: str) -> tuple[list[str], bool]:
    """"Affirm Holdings Inc. and Upstart Holdings Inc. are among the firms firing": both; "Elon Musk will eliminate jobs from Twitter": Twitter."""
    # "Heineken—the company behind … Amstel—is set to": dashes cleaned to hyphens, joined to the verb after them
    subject = re.sub(r"(?<=[\w)])-(?=(?:is|are|was|were|has|have|had|will|would|plans)\s)", " - ", subject)
    subject = re.sub(
        r"(?i)\s+(?:is|are|will|would|could|to|has|have|had|plans|planned|set|expected|reportedly|now|also|be|been|"
        r"the\s+latest(?:\s+[\w-]+){0,4}(?:\s+to)?|among(?:\s+[\w-]+){0,4}|decided|to|going|gearing\s+up|up|about|likely|planning|preparing|"
        # "ConocoPhillips …, disclosed plans on Tuesday [to cut about 1,800 jobs]": the plan told, then the cut
        r"(?:announced|disclosed|unveiled|revealed|confirmed|outlined)\s+plans(?:\s+on\s+\w+day)?)(?=\s|$)", " ",
        " " + subject
    ).strip(" ,")
    subject = re.sub(r"\s+(?:Planning|Preparing|Looking|Moving|Reportedly|Set|Expected|Poised|Gearing|Readies|Readying)\b.*$", "", subject)  # Title Case
    subject = re.sub(r"^(?:In|On|By|Since|Earlier|Last|This)\s+(?:[\w.]+\s+){0,2}?(?:[A-Z][a-z]+|\d{4}|week|month|year),\s+", "", subject)
    subject = _LEAD_IN.sub("", subject)
    # "As GoTo [slashes 12% of workforce], …", "The tech bloodbath continues as Xero [cuts up to 800 jobs]": the clause after "as"
    # (only where no name stands before "as", and a name, not a person's title, after it)
    subject = re.sub(r"^(?:[A-Z][a-z]*\s+(?:[a-z][\w-]*\s+)*)?(?:[Aa]s|[Ww]hile|[Ee]ven\s+as)\s+(?=[A-Z](?!(?:EO|FO|OO|TO)\b))(?![A-Z]\w*\s+[A-Z][a-z]+$)", "",
                     subject)
    if _KINDS.search(subject):
        return [], False  # "as Indian startups continue to lay off", "Energy firms slash jobs": a kind of company, not one
    subject = re.sub(r",\s+(?:LLC|Inc|Ltd|Corp|plc)\.?(?=,|$)", "", subject)  # "Daimler Truck North America, LLC [is laying off]"
    place = re.search(r"(?:,|\s-+)\s+(?P<place>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})'s\s[^,]*,?$", subject)
    if place and _ends_with_place(place.group("place")):
        company = named_company(subject[: place.start()])  # "Grab Holdings, Southeast Asia's leading ride-hailing app,": the name
        if company:
            return [company], False
    if re.search(r"(?:,|\s-+)\s+(?:the|a|an)\s[^,]*,?$", subject):
        # "Redfin, the major real estate listing company,": the name before the apposition; "ezCater, a corporate catering startup,"
        company = named_company(subject.rstrip(",") + ",") or _bare_name(subject.split(",")[0].strip())
        if company:
            return [company], False
    if " and " in subject:
        # "Qumulo and Chef, two of Seattle's most heavily-funded software startups,": the names, then what they are
        subject = re.sub(r",\s+(?:the|a|an|one|two|three|four|both|all)\s[^,]*,?$", "", subject)
    listed = re.fullmatch(r"(.+?)\s+and\s+(.+)", subject)
    if listed and "," not in listed.group(1)[-3:] and not re.search(r"\s[a-z]", listed.group(2)):
        # "Affirm Holdings Inc. and Upstart Holdings Inc.": two names; "Payroll and HR services provider Gusto" is one description
        names = [company_from_subject(part) for part in (listed.group(1), listed.group(2))]
        if all(names):
            return [n for n in names if n], False
    if re.fullmatch(rf"{NAME_RUN}(?:,\s+{NAME_RUN})+", subject):
        names = [company_from_subject(part) for part in subject.split(", ")]  # "Naver, Com2uS slash workforce": each one
        if all(names) and not any(is_place(n or "") for n in names):
            return [n for n in names if n], False
    if re.search(r"^[A-Z][^,]*'s\s+[A-Z][\w.-]+,\s+[A-Z][^,]*'s\s+[A-Z][\w.-]+", subject):
        return [c for c in (company_from_subject(part) for part in subject.split(", ")) if c], False  # "Doudna's Intellia, Zhang's Aera"
    # "ride-hailing company Careem that was acquired by Uber earlier this year [is laying off]": the name before its relative clause
    relative = _PASSIVE_RELATIVE.search(subject)
    subject = subject[: relative.start()] if relative else subject
    named = before_apposition(subject)
    if named and " and " not in named:
        # "Vtex, a Brazilian multinational of technology for ecommerce, [laid off]", "Heineken—the company behind popular beers
        # like Heineken, Tiger, and Amstel—[is set to lay off]", "ConocoPhillips (COP), one of America's largest energy companies,"
        company = named_company(named) or _bare_name(named)
        if company and can_cut(company) and not is_place(company):
            return [company], False
    subject = _SAYS.sub("", subject).strip()
    subject = re.sub(r"\s+(?:on\s+)?(?:[A-Z][a-z]+\.?\s+\d{1,2}|\w+day)$", "", subject)  # "Feintool on December 3 [announced it will …]"
    named = company_named(subject) if re.search(r"[A-Z][\w&'-]*\s+Company$", subject) else None
    if named:
        return [named], False  # "Stone Brewing Company laid off": a name, not "the company"
    if IT_SUBJECT.search(subject):
        return [], False  # "The CRISPR company is laying off": the item's company, named elsewhere
    whole = subject
    while subject and re.search(r"\s[a-z][a-z-]*$", subject) and not subject.endswith(","):  # not "eBay", "iRobot"
        subject = subject.rsplit(None, 1)[0]  # "Salesforce is planning": the auxiliaries after the name
    company = named_company(subject) or (_bare_name(subject) if subject == whole else None)
    described = _DESCRIBED.fullmatch(subject) if company is None else None
    if described:
        company = company_from_subject(described.group("name"))  # "UK paytech GoCardless": what the company is, then its name
    if company and subject == company + "'s":
        company = subject  # "Macy's Plans to Cut 2,350 Jobs": a possessive right before the verb is the name itself
    if company is None or (_PERSON_VERB_SUBJECT.search(subject) and not has_company_suffix(subject) and not subject.endswith(("Inc", "Inc."))):
        source = re.search(r"(?i)\b(?:from|at)\s+([A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2})", obj)
        if source:
            company = company_from_subject(source.group(1))
        elif company:
            return [company], True  # "Disney Interactive" reads like a person's name, "Mark Zuckerberg fires 11,000 employees" is one
    return ([company] if company else []), False


def _ends_with_place(name: str) -> bool:
    """"Southeast Asia", "South Korea": a place, maybe after a word for its part."""
    words = name.split()
    return any(is_place(" ".join(words[i:])) for i in range(len(words)))


_LABEL = re.compile(r"^[A-Z][\w-]{0,15}:\s+")  # "Report: Sony Planning to Restructure, Cutting 10,000 Jobs"


def opens_headline(name: str, headline: str) -> bool:
    """Whether `name` opens `headline`, past a lead-in ("According to CBC News, Ridgewood Industries …") or a label ("Report: Sony
    …"): where a headline's subject stands, not a word further on ("Have Tech Layoffs Peaked?", "… Jobs in Q1")."""
    return _LABEL.sub("", _LEAD_IN.sub("", headline)).startswith(name)


def headline_company(headline: str) -> str | None:
    """"Peloton CEO Steps Down as Company Cuts 2,800 Jobs": "Company" is the headline's first company."""
    headline = _LEAD_IN.sub("", headline)
    names = (re.sub(r"\s+(?:Terminations|Layoffs|Lay-?offs|Job\s+Cuts|Redundancies|Cuts)$", "", name) for name in mark(headline).names)
    return next((c for c in map(plausible_company, names) if c and can_cut(c) and not _describes_next(c, headline)), None)


# "Holiday giant Thomas Cook", "Gateshead factory closure": a word that opens the headline and describes what follows it
_DESCRIBED_HEAD = re.compile(r"\s+(?:giant|factory|plant|mill|firm|company|maker|group|retailer|chain|carrier|operator|closure|site|workers|"
                             r"staff|employees|jobs|council|union)\b")


def _describes_next(name: str, headline: str) -> bool:
    return headline.startswith(name) and " " not in name and _DESCRIBED_HEAD.match(headline, len(name)) is not None


def one_company(names: list[str]) -> bool:
    """Whether `names` all name one company ("Okta" and "Okta Inc.", "Hootsuite" and "Hootsuite Inc.")."""
    return all(same_company(names[0], name) for name in names[1:])


_FORM = re.compile(r",?\s+(?:Inc|Corp|Ltd|LLC|plc|PLC|Plc|AG|SA|NV)\.?$")


def same_company(first: str | None, second: str | None) -> bool:
    """Whether two names, as a headline and a summary write them, name one company ("Grab" and "Grab Holdings")."""
    if not first or not second:
        return first == second
    bare_first, bare_second = _FORM.sub("", first) or first, _FORM.sub("", second) or second
    if (bare_first, bare_second) != (first, second) and _same_name(bare_first, bare_second):
        return True  # "Clydesdale Bank Plc" is "Clydesdale Bank"
    if is_described(first) or is_described(second):
        # "Ride-Hailing & Food Delivery App Grab" (a Title Case headline) and "Grab Holdings" (the summary)
        return _same_name(after_descriptor(first), after_descriptor(second))
    return _same_name(first, second)


def is_described(name: str) -> bool:
    """"Ride-Hailing & Food Delivery App Grab": a Title Case description, then the name (not "Upstart Holdings")."""
    return len(name.split()) >= 3 and after_descriptor(name) != name


def _same_name(first: str, second: str) -> bool:
    a, b = first.lower(), second.lower()
    short, long = sorted((a, b), key=len)
    if a == b or a.startswith(b + " ") or b.startswith(a + " ") or a.split()[0] == b.split()[0]:
        return True
    # "Philips" in "Royal Philips NV": the same company as the summary names it in full ("Holdings" ending a name is no name)
    return f" {short} " in f" {long} " and not long.endswith(" " + short)


def spelled_out(company: str | None, text: str) -> str | None:
    """"RIM" → "Research in Motion" when the item writes "Research in Motion (RIM)"; "GM" → "General Motors" when the
    item writes that name (a headline's initials, the summary's name)."""
    if not company or not company.isupper():
        return company
    at = text.find(f"({company})")
    match = _NAME_BEFORE.search(text[:at]) if at > 0 else None
    if match:
        return match.group(1)
    for run in _NAME_RUNS.finditer(text):
        words = run.group(0).split()
        for start in range(len(words) - len(company) + 1):  # "Europe General Motors": the words the initials stand for
            name = " ".join(words[start : start + len(company)])
            if initials_of(company, name):
                return name
    return company


_NAME_RUNS = re.compile(r"\b[A-Z][a-z][\w&'-]*(?:\s+[A-Z][\w&'-]*){1,3}")


_NAME_BEFORE = re.compile(r"([A-Z][\w.&'-]*(?:\s+(?:[A-Z][\w.&'-]*|in|of|and|&)){1,4})\s+$")


def as_the_summary_names(company: str, clauses: list[str]) -> str:
    """"Online Car Seller Cazoo" → "Cazoo", "Jumia Implements" → "Jumia", "US Steel Gary" → "US Steel": a Title Case headline
    capitalises the words around a name; the summary, which never writes them so, writes the name alone."""
    words = company.split()
    body = " ".join(clauses[1:])
    if len(words) < 2 or not body or not title_case(clauses[0]) or _written(company, body):
        return company
    for size in range(len(words) - 1, 0, -1):
        for part in (" ".join(words[-size:]), " ".join(words[:size])):
            if part[:1].isupper() and not _FORM_WORDS.issuperset(part.lower().split()) and can_cut(part) and _written(part, body):
                return part
    return company


def _written(name: str, text: str) -> bool:
    return find_name(name, text) >= 0


def fuller_company(company: str, texts: list[str]) -> str:
    """`fuller_name`, except a name run on into another word: "Redfin" is not "RedfinNow" (its home-flipping unit)."""
    fuller = fuller_name(company, texts)
    return company if fuller[len(company) : len(company) + 1].isupper() or only_its_form(company, fuller) else fuller


# Words that spell out a company's form, not its name: "US Foods Holding Corp.", "Grab Holdings" are "US Foods", "Grab" as the
# headline names them ("Nortel Networks" keeps its word; the labels keep "Technologies" and "Group" as often as not).
_FORM_WORDS = frozenset("pvt pvt. ltd ltd. limited corp corp. corporation holding holdings co-operative co co. plc llc ag sa nv n.v. ab".split())


def only_its_form(short: str, long: str) -> bool:
    """Whether `long` is `short` followed only by words of its form ("Fonterra Cooperative Group" for "Fonterra")."""
    if not long.lower().startswith(short.lower() + " "):
        return False
    return all(word.lower().strip(",") in _FORM_WORDS for word in long[len(short) :].split())
