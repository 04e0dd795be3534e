"""Who was appointed or left, and as what, from the text of an 8-K Item 5.02 or its press release. Pure.

Real filings state these facts in clauses whose subject, verb and role vary a great deal:

    "On June 25, 2026, ... Doug Petno, 61, and Troy Rohrbaugh, 56, Co-CEOs of the Commercial & Investment
     Bank ("CIB"), have been elected Co-Presidents of the Firm, effective immediately."
    "Dina Powell McCormick notified Meta Platforms, Inc. (the "Company") that she will resign as a member of
     the Board of Directors of the Company"
    "Marianne Lake, current CEO of CCB, has decided to retire from the Firm"
    "(i) Gary S. Shedlin transitioned from the role of Chief Financial Officer to Vice Chairman and (ii) Martin
     Small became Chief Financial Officer of the Company."

So the text is cut into sentences (abbreviations such as "Inc." and initials do not end one), and each
sentence is read clause by clause: a list of people (with ages and an appositive aside), a verb of
appointment or departure, and a role read word by word until it stops looking like a title. A departure
that names no role takes the role from the aside ("Marianne Lake, current CEO of CCB, ..."); a successor
clause ("to succeed X", "replacing X") also reports X's departure. Careers ("previously served as ...")
are not changes. A change of an unnamed role-holder ("accepted the resignation tendered by its principal
accounting officer") is reported by `unnamed_changes` with person and title unknown, one per kind of change
actually stated; a 5.02 that is only about pay (5.02(e)) yields nothing at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bs4 import BeautifulSoup

__all__ = ["OfficerChange", "html_text", "item_502_section", "officer_changes", "unnamed_changes", "change_kind"]


@dataclass(frozen=True)
class OfficerChange:
    """One appointment or departure; person and title are None when the text did not say."""

    change: str  # "appointed" or "departed"
    person: str | None
    title: str | None
    evidence: str | None = None  # the sentence it was read from


# --- the item itself -------------------------------------------------------------------------------------

_SECTION_START = re.compile(r"Item\s*5\.02", re.IGNORECASE)
_ITEM_HEADING = re.compile(  # the item's own title names every kind of change: never evidence
    r"Departure\s+of\s+Directors\s+or\s+(?:Certain|Principal)\s+Officers?[;,:]?\s*(?:Election\s+of\s+Directors[;,:]?\s*)+"
    r"Appointment\s+of\s+(?:Certain|Principal)\s+Officers[;:,]?\s*(?:and\s+)?(?:Compensatory\s+Arrangements?\s+of\s+Certain\s+Officers)?\.?"
    r"|Appointment\s+of\s+Certain\s+Officers;\s*Election\s+of\s+Directors;\s*Departure\s+of\s+Directors\s+or\s+Certain\s+Officers;"
    r"\s*Compensatory\s+Arrangements?\s+of\s+Certain\s+Officers\.?"
    r"|Compensatory\s+Arrangements?\s+of\s+Certain\s+Officers\.?",
    re.IGNORECASE,
)
# A heading of another item ("Item 9.01 Financial ...") ends the section; a cross-reference ("Item 404(a)",
# "Item 5.02 of Form 8-K") does not, nor does a word such as "signature" inside a sentence.
_SECTION_END = re.compile(
    r"\b(?:Item|ITEM)\s*(?!5\.02)\d\.\d\d\b(?!\s*(?:of|to|and|or|\())|\bSECTION\s+\d+\.|\b(?:SIGNATURES?|Signatures?)\b(?!\s+[a-z])"
)


def html_text(body: str) -> str:
    """Visible text of an HTML (or plain-text) filing document, whitespace collapsed."""
    if re.search(r"<[A-Za-z!/?]", body):
        body = BeautifulSoup(body, "html.parser").get_text(" ")
    return " ".join(body.replace("\xa0", " ").replace("\u200b", "").split())


def item_502_section(text: str) -> str:
    """The Item 5.02 part of an 8-K's text, without the item's title; the whole text when no heading is found.

    Tables of contents list "Item 5.02" right before the next heading, so the first occurrence with
    real content wins."""
    text = _ITEM_HEADING.sub(" ", text)
    for start in _SECTION_START.finditer(text):
        end = _SECTION_END.search(text, start.end())
        section = text[start.end(): end.start() if end else len(text)].strip(" .:")
        section = re.sub(r"^(?:\(?[a-e]\)(?:\s*,\s*|\s+and\s+|\s*))+[.:]?\s*", "", section)  # "(b), (c)" sub-item marks
        if len(section) > 40:
            return section
    return text


# --- sentences ---------------------------------------------------------------------------------------------

_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Ms|Mrs|Dr|Messrs|Jr|Sr|Inc|Co|Corp|Ltd|No|St|Ret|vs|etc|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|U\.S|L\.P)|\b[A-Z])$"
)
_SENTENCE_BREAK = re.compile(r"[.!?](?:\d{1,2})?[\"”’)]?\s+(?=[A-Z“\"(])")


def _sentences(text: str) -> Iterator[str]:
    """Sentences of `text`; the period of "Inc.", "Mr." or an initial does not end one."""
    start = 0
    for brk in _SENTENCE_BREAK.finditer(text):
        if _ABBREVIATION.search(text[max(start, brk.start() - 8): brk.start()]):
            continue
        yield text[start: brk.start() + 1].strip()
        start = brk.end()
    if text[start:].strip():
        yield text[start:].strip()


# --- names -------------------------------------------------------------------------------------------------

_HONORIFIC = r"(?:(?:Mr|Ms|Mrs|Dr|Messrs|Mses)\.?\s+|General\s+\(Ret\.\)\s+)"
_NOT_NAME = (  # capitalised words that start a role or a sentence, never a name
    r"(?:Chief|Executive|Senior|Vice|President|Presidents|Officer|Officers|Director|Directors|Chairman|Chair|Chairwoman|"
    r"Chairperson|Treasurer|Secretary|Controller|Counsel|Interim|Acting|Principal|Group|Corporate|Board|Company|"
    r"Registrant|The|On|In|At|As|Effective|Item|Each|Both|Mr|Ms|Mrs|Dr|Messrs|Co-[A-Z]\w*|CEO|CFO|COO|CTO|Managing|"
    r"General|Global|Regional|Division|Founder|Member|Members|Independent|Lead|Additionally|Also|Following|Prior|"
    r"Pursuant|Under|Upon|Accordingly|However|Further|January|February|March|April|May|June|July|August|September|"
    r"October|November|December)"
)
_TOKEN = rf"(?!{_NOT_NAME}\b)(?:[A-Z]\.|[A-Z][a-zA-Z'’\-]+|[a-z]{{1,3}}[A-Z][a-zA-Z'’\-]+)"
_SUFFIX = r"(?:,?\s+(?:Jr|Sr)\.|,?\s+(?:II|III|IV)\b)"
_NAME = rf"(?:{_HONORIFIC}?{_TOKEN}(?:\s+{_TOKEN}){{1,3}}{_SUFFIX}?|{_HONORIFIC}{_TOKEN}{_SUFFIX}?)"
_AGE = r"(?:,\s*(?:age\s+)?\d{2}(?:\s+years\s+old)?(?=,|\s))"
_PEOPLE = rf"(?:{_NAME}{_AGE}?(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_NAME}{_AGE}?){{0,7}})"  # bounded: no runaway backtracking
_NAME_RE = re.compile(_NAME)
_NOT_A_PERSON = {"the", "company", "board", "our", "its", "each", "such", "chief", "president", "director", "directors",
                 "on", "effective", "as", "in", "item", "registrant", "committee", "officer", "he", "she", "they"}
_NOT_PERSON_WORDS = {  # a capitalised phrase with one of these is a document or an organisation, not a person
    "agreement", "agreements", "plan", "regulation", "act", "committee", "board", "company", "corporation", "inc", "inc.",
    "llc", "ltd", "bank", "group", "holdings", "partners", "capital", "fund", "university", "securities", "exchange",
    "commission", "report", "form", "policy", "program", "trust", "stock", "purchase", "separation", "merger", "section",
    "exhibit", "statement", "proxy", "annual", "meeting", "division", "segment", "center", "institute", "foundation",
    "association", "services", "street", "award", "awards", "units", "shares", "date", "period", "code", "rule", "item",
}
_TITLE_WORDS = {"chief", "executive", "financial", "operating", "technology", "officer", "president", "vice", "senior",
                "general", "counsel", "interim", "acting", "former", "director", "chairman", "treasurer"}


def _people(raw: str, text: str, company: str | None = None) -> list[str]:
    """The names in a subject such as "Doug Petno, 61, and Troy Rohrbaugh, 56", each made whole; the
    registrant's own name ("Tyson Foods, Inc. announced ...") is not a person."""
    names = [_person(m.group(0), text) for m in _NAME_RE.finditer(raw)]
    core = _company_core(company)
    return [name for name in names if name and [w.lower().strip(",.") for w in name.split()] != core]


def _person(raw: str, text: str) -> str | None:
    """A name without honorific or leading title words; "Mr. Smith" becomes the full name used elsewhere."""
    words = re.sub(rf"^{_HONORIFIC}", "", raw.strip()).strip(" ,").split()
    while words and words[0].lower().strip(",") in _TITLE_WORDS:  # "Executive Officer John Smith resigned"
        words.pop(0)
    name = " ".join(words).strip(" ,")
    if not name or name.split()[0].lower() in _NOT_A_PERSON:
        return None
    if any(w.lower().strip(",.") in _NOT_PERSON_WORDS for w in name.split()):
        return None
    if " " not in name.rstrip(",").replace(", Jr.", "").replace(" Jr.", ""):
        return _full_name(name, text)
    return name


def _full_name(surname: str, text: str) -> str:
    """The first "First [M.] Surname" in the text, since filings name a person in full once, then by surname."""
    for full in re.finditer(rf"\b((?:{_TOKEN}\s+){{1,2}}{re.escape(surname)}{_SUFFIX}?)(?![\w’'])", text):
        first = full.group(1).split()[0]
        if first.lower().strip(".") not in _NOT_A_PERSON | {"mr", "ms", "mrs", "dr", "messrs"}:
            return full.group(1)
    return surname


# --- roles -------------------------------------------------------------------------------------------------

_ROLE_HEAD = re.compile(
    r"\b(?:officers?|presidents?|directors?|chairman|chairwoman|chair|chairperson|counsel|controller|treasurer|secretary|"
    r"managers?|advis[eo]r|head|partner|ceos?|cfos?|coos?|ctos?|cios?|caos?|cmos?|chief\s+\w+|vice\s+chairman)\b",
    re.IGNORECASE,
)
_LOWER_TITLE_WORD = {
    "chief", "executive", "financial", "accounting", "operating", "technology", "information", "marketing", "legal",
    "officer", "officers", "vice", "president", "senior", "general", "counsel", "manager", "principal", "controller",
    "treasurer", "secretary", "director", "chairman", "chair", "interim", "acting", "corporate", "assistant", "advisor",
    "adviser", "head", "global", "worldwide", "sales", "finance", "operations", "strategy", "human", "resources",
    "people", "revenue", "commercial", "deputy", "group", "division", "business", "development", "compliance",
    "investor", "relations", "administration", "communications", "product", "engineering", "research",
}
_LEADING = re.compile(  # words before a role that are not part of it
    r"^(?:(?:the|a|an|its|our|their|his|her|new|sole|current|then|independent|non-executive|permanent|"
    r"the\s+company['’]s|company['’]s|registrant['’]s|(?-i:[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3}['’]s?))\s+)+",
    re.IGNORECASE,
)
_COMPANY_WORDS = r"(?:Company|Registrant|Firm|Corporation|Bank|Issuer|Partnership|Trust|Parent|Group|Board)"
_SUFFIX_WORDS = {"inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "company", "ltd", "ltd.", "llc", "plc", "the",
                 "&", "n.v.", "s.a.", "l.p.", "holdings", "incorporated", "limited"}
_STOP_WORDS = {"effective", "with", "until", "on", "at", "in", "who", "which", "following", "beginning", "reporting",
               "to", "from", "since", "upon", "under", "pursuant", "subject", "as", "by", "after", "before", "during",
               "while", "where", "whereby", "that", "for", "will", "would", "has", "have", "had", "is", "was", "and/or",
               "but", "also", "each", "both", "age", "aged", "then", "replacing", "succeeding", "among", "including"}
_BOARD_SEAT = re.compile(
    r"^(?:(?:an?|the)\s+)?(?:(?:independent|non-employee|new|additional|outside)\s+)*(?:Class\s+[IV]+\s+)?"
    r"(?:directors?\b(?!\s+of\s+(?!the\s+(?:Company|Registrant|Corporation)\b)[A-Z])|"
    r"members?\s+of\s+(?:the\s+|our\s+|its\s+)?(?:[A-Z][\w&.\-]*(?:['’]s?)?\s+){0,3}(?:Board|board)\b(?!\s+of\s+(?!Directors|directors)))",
    re.IGNORECASE,
)
_FROM_BOARD = re.compile(
    r"^(?:(?:the|our|its|their|his|her)\s+)?(?:[A-Z][\w&.\-]*(?:['’]s?)?\s+){0,2}(?:Board|board)(?:\s+of\s+(?:Directors|directors))?\b",
)


def _company_core(company: str | None) -> list[str]:
    """"Tyson Foods, Inc." -> ["tyson", "foods"]: the words a filing uses when it names the registrant."""
    words = [w.strip(",.()").lower() for w in (company or "").replace("/", " ").split()]
    return [w for w in words if w and w not in _SUFFIX_WORDS]


def _names_company(words: list[str], company: str | None) -> bool:
    """Whether `words` (after an "of") name the registrant: "the Company", "the Firm", "Tyson Foods, Inc."."""
    lowered = [w.strip(",.()").lower() for w in words]
    if len(lowered) >= 2 and lowered[0] in ("the", "both") and re.fullmatch(_COMPANY_WORDS, words[1].strip(",.()"), re.I):
        return True
    if lowered and re.fullmatch(_COMPANY_WORDS, words[0].strip(",.()"), re.I) and words[0][:1].isupper():
        return True
    core = _company_core(company)
    if core and lowered[: len(core)] == core:
        after = words[len(core)] if len(words) > len(core) else ""
        return not after or not after[:1].isupper() or after.strip(",.()").lower() in _SUFFIX_WORDS
    return bool(core) and lowered[:1] == core[:1] and len(lowered) == 1


def _title_word(word: str) -> bool:
    """Capitalised words, acronyms and the lowercase vocabulary of titles ("principal accounting officer")."""
    bare = word.strip(",")
    if not bare:
        return False
    if bare[0].isupper() and bare.lower() not in _STOP_WORDS:
        return bare.lower().rstrip(".") not in {"mr", "ms", "mrs", "dr"}
    return bare.lower() in _LOWER_TITLE_WORD or bool(re.fullmatch(r"co-\w+", bare.lower()))


def _read_title(rest: str, company: str | None) -> str | None:
    """The role at the start of `rest`, read word by word until it stops looking like a title.

    "Chief Financial Officer of the Company, effective ..." -> "Chief Financial Officer";
    "sole CEO of the CIB, and ..." -> "CEO of the CIB"; "Co-Presidents of the Firm" -> "Co-Presidents"."""
    rest = _LEADING.sub("", rest.strip())
    words = re.findall(r"\(|[^\s(]+", rest)
    taken: list[str] = []
    i = 0
    while i < len(words) and len(taken) < 16:
        word = words[i]
        bare = word.rstrip(",;:.”\"’)")
        lower = bare.lower()
        if word == "(" or word.startswith(("(", "“", '"')) or not bare:
            break
        if lower in ("of", "for") and taken:
            if _names_company(words[i + 1: i + 6], company) or not _of_continues(words[i + 1: i + 3]):
                break
            taken.append(lower)
            i += 1
            continue
        if lower in ("and", "&") and taken:
            nxt = [w for w in words[i + 1: i + 3] if w.lower() != "the"]
            if not nxt or not _title_word(nxt[0]) or nxt[0].lower() in ("as", "from"):
                break
            taken.append(word if lower == "&" else "and")
            i += 1
            continue
        if lower == "the" and taken and taken[-1] in ("and", "of", "to"):
            taken.append("the")
            i += 1
            continue
        if lower == "to" and taken and taken[-1].lower().rstrip(",") in ("advisor", "adviser", "assistant"):
            taken.append("to")
            i += 1
            continue
        if not _title_word(bare):
            break
        taken.append(bare + ("," if word.rstrip(".;:”\"’)").endswith(",") else ""))
        if word.endswith((".", ";", ":", ")")) and not re.fullmatch(r"[A-Z]\.|[A-Z]\.[A-Z]\.?", bare + "."):
            break
        i += 1
    return _finish_title(taken)


def _of_continues(words: list[str]) -> bool:
    """After "of", a role goes on only into a named unit ("CEO of Consumer & Community Banking", "of the CIB")."""
    if not words:
        return False
    first = words[1] if words[0].lower() == "the" and len(words) > 1 else words[0]
    return first[:1].isupper() and first.lower().strip(",.") not in _STOP_WORDS


def _finish_title(taken: list[str]) -> str | None:
    """Trailing connectors dropped; a title must name a role ("Chief Financial Officer", "Director")."""
    while taken and (taken[-1].rstrip(",").lower() in ("and", "of", "&", "the", "to", "for") or taken[-1] == ","):
        taken.pop()
    title = " ".join(taken).rstrip(",").strip()
    if not title or not _ROLE_HEAD.search(title) or re.search(r"\bCommittee\b", title, re.I):
        return None
    if title.split()[0].lower() in ("board", "company", "and", "of"):
        return None
    if re.match(r"directors?\s+of\s+[A-Z]", title):  # "a director of Worthington Steel": another company's board
        return None
    if re.fullmatch(r"(?:executive\s+)?officers?(?:\s+and\s+employees?)?|employees?", title, re.I):
        return None  # "resign from his positions as an officer and employee": no role named
    if re.fullmatch(r"directors?", title, re.I):
        return "Director"
    return title


def _role(rest: str, company: str | None) -> str | None:
    """"Director" for a board seat, else the title read from `rest`."""
    rest = rest.strip()
    if _BOARD_SEAT.match(rest) or _FROM_BOARD.match(rest):
        return "Director"
    return _read_title(rest, company)


def _singular(title: str) -> str:
    """"Co-Presidents" -> "Co-President": people elected together each hold the role."""
    words = title.split()
    for i, word in enumerate(words):
        if re.fullmatch(r"(?:Co-)?(?:Presidents|Directors|Officers|Chairmen|CEOs|Members|Managers|Controllers)", word, re.I):
            words[i] = word[:-1] if not word.lower().endswith("chairmen") else word[:-3] + "man"
    return " ".join(words)


# --- clauses -----------------------------------------------------------------------------------------------

_ASIDE_CHAR = (  # an aside describes the subject; it holds no clause of its own ("... increased the Board, and Mr. X")
    r"(?:(?!\b(?:that|announced|approved|entered|increased|appointed|elected|named|(?:Mr|Ms|Mrs|Dr)\.)(?=\W)"
    r"|(?<!\bwho\s)(?<!\bwhich\s)\b(?:was|were|is|are|has|have|had|will)\b)[^;])"
)
_ASIDE = rf"(?:\s*,\s*{_ASIDE_CHAR}{{1,220}}?\s*,|\s*,\s*{_ASIDE_CHAR}{{1,220}}?(?=\s))"
_DEPART_VERB = (
    r"(?:(?:has|have|had)\s+)?(?:decided|elected|chosen|chose|agreed|determined|intends|intend|plans|plan|expects|is\s+expected)"
    r"\s+to\s+(?:retire|resign|step\s+down|leave|depart|not\s+stand\s+for\s+re-?election)"
    r"|(?:will|would|shall|is\s+to|are\s+to)\s+(?:resign|retire|step\s+down|leave|depart|not\s+stand\s+for\s+re-?election|"
    r"not\s+seek\s+re-?election|transition\s+from|relinquish(?:\s+and\s+transition)?)"
    r"|(?:has\s+|have\s+|had\s+)?(?:resigned|retired|stepped\s+down|departed|transitioned\s+from)"
    r"|(?:resigns|retires|steps\s+down|departs)"
    r"|(?:is|are|will\s+be)\s+(?:retiring|resigning|stepping\s+down|leaving|departing)"
    r"|(?:was|were|has\s+been|had\s+been|have\s+been)\s+(?:terminated|removed|dismissed)"
    r"|tendered\s+(?:his|her|their)\s+resignation|terminated\s+(?:his\s+|her\s+)?employment"
    r"|(?:has\s+)?(?:notified|informed|advised|told)\b[^;]{0,220}?(?:of\s+(?:his|her|their)\s+(?:decision|intent|intention|plans?)"
    r"\s+to(?:\s+[^;.]{0,100}?\band(?:,\s+[^;.,]{0,40},)?)?"
    r"|that\s+(?:he|she|they)\s+(?:(?:will|would|was|were|is|are)(?:\s+be)?|(?:has|had|have)\s+decided\s+to|intends?\s+to|"
    r"intended\s+to|plans?\s+to|planned\s+to))"
    r"\s+(?:not\s+stand\s+for\s+re-?election|resign(?:ing)?|retir(?:e|ing)|step(?:ping)?\s+down|leav(?:e|ing)|"
    r"depart(?:ing)?)"
    r"|(?:has\s+)?announced\s+(?:(?:that\s+)?(?:he|she)\s+(?:will|intends\s+to|plans\s+to)\s+(?:step\s+down|resign|retire)|"
    r"(?:his|her)\s+(?:retirement|resignation))"
    r"|(?:has\s+)?(?:notified|informed|advised)\b[^;]{0,220}?\bof\s+(?:his|her|their)\s+(?:retirement|resignation)(?=\s+(?:from|as)\b)"
    r"|(?:has\s+)?provided\s+notice\s+of\s+(?:his|her|their)\s+(?:intent|intention|decision)\s+to\s+(?:leave|resign|retire)"
    r"|(?:did|does|will)\s+not\s+stand\s+for\s+re-?election"
)
_APPOINT_VERB = (
    r"(?:was|were|has\s+been|have\s+been|had\s+been|will\s+be|is|are|to\s+be|shall\s+be)\s+(?:each\s+)?"
    r"(?:appointed|elected|named|promoted|hired|designated|selected|re-?elected|re-?appointed)"
    r"|(?:became|becomes|will\s+become|has\s+become|have\s+become)"
    r"|(?:officially\s+)?(?:assumed|assumes|will\s+assume|has\s+assumed|is\s+to\s+assume)"
    r"|(?:joined|will\s+join|has\s+joined|rejoined|will\s+rejoin)"
    r"|will\s+serve\s+as"
    r"|will\s+be(?=\s+(?:the\s+)?[A-Z])"
)
_SUCCEED_VERB = r"(?:will\s+be\s+succeeding|will\s+succeed|succeeds|succeeded|is\s+to\s+succeed|is\s+to\s+replace|will\s+replace)"
_VERB_HINT = re.compile(
    r"\b(?:resign|retir|step|depart|leav|left|terminat|remov|dismiss|tender|notif|inform|advis|told|announc|provided|stand|"
    r"transition|relinquish|appoint|elect|name|promot|hire|designat|select|bec[oa]me|assum|join|serve|will\s+be|succe|replac)",
    re.IGNORECASE,
)
_SUBJECT_FIRST = re.compile(
    rf"(?<![\w’'.-])(?P<people>{_PEOPLE})(?P<aside>{_ASIDE})?,?\s+(?:(?:also|each|both|then|subsequently)\s+)?"
    rf"(?:(?P<depart>{_DEPART_VERB})|(?P<succeed>{_SUCCEED_VERB})|(?P<appoint>{_APPOINT_VERB}))\b"
)
_OBJECT_FIRST = re.compile(
    rf"\b(?:appointed|elected|named|promoted|hired|designated|selected|re-?elected|re-?appointed)\s+(?:each\s+of\s+)?"
    rf"(?P<people>{_PEOPLE})(?P<aside>,\s*(?:age\s+)?\d{{2}}(?:\s+years\s+old)?,)?(?=[\s,])"
)
_NOMINAL = re.compile(
    rf"\b(?:(?P<appoint>appointments?|elections?|promotions?|hiring)|(?P<depart>resignations?|retirements?|departures?|"
    rf"terminations?|removal))\s+of\s+(?P<people>{_PEOPLE})(?P<aside>\s*,\s*[^;]{{1,150}}?(?=,|\.?$))?"
)
_INFORMED_BY = re.compile(
    rf"\b(?:was|were|had\s+been|has\s+been)\s+(?:informed|notified|advised)\s+by\s+(?P<people>{_PEOPLE})(?P<aside>{_ASIDE})?\s+"
    r"(?P<depart>(?:of\s+(?:his|her|their)\s+(?:decision|intent|intention|plans?)\s+to|that\s+(?:he|she|they)\s+(?:would|will|"
    r"intends?\s+to|intended\s+to|plans?\s+to|(?:had|has)\s+decided\s+to)(?:\s+be)?)\s+(?:resign(?:ing)?|retir(?:e|ing)|"
    r"step(?:ping)?\s+down|leav(?:e|ing)|not\s+stand\s+for\s+re-?election))\b"
)
_POSSESSIVE = re.compile(  # "Mr. Devanny’s employment with the Company terminated on ..."
    rf"(?<![\w’'.-])(?P<people>{_NAME})['’]s?\s+(?:employment(?:\s+with\s+(?:the\s+)?[A-Z][\w&.]*(?:\s+[A-Z][\w&.]*){{0,3}})?"
    r"\s+(?:terminated|ended|will\s+(?:terminate|end))"
    r"|(?:resignation|retirement|departure)\s+(?:is|was|will\s+be|became|becomes)\s+effective)\b"
)
_SUCCESSOR = re.compile(
    rf"\b(?:to\s+)?(?:replace|replaces|replacing|succeed|succeeds|succeeding)\s+(?P<people>{_NAME})"
    rf"(?:,?\s+who\s+(?:has|had)\s+been\s+(?:acting|serving)\s+as\s+(?P<who>[^,;]+))?"
)
_LEAD_IN = re.compile(  # between a verb and its role
    r"^(?:,?\s*(?:by\s+(?:the\s+)?[^,;]{0,80}?(?:Board(?:\s+of\s+Directors)?|Committee|Company|Registrant|shareholders|stockholders)"
    r"(?:\s*\([^)]*\))?"
    r"|effective\s+(?:as\s+of\s+)?(?:[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}|immediately|upon\s+[^,;]{1,60}?|[^,;()]{1,40}?)"
    r"|(?:on|as\s+of)\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})"
    r"(?:\s*\([^)]*\))?,?\s+)*"
    r"(?:(?:from\s+)?(?:his|her|their)\s+(?:positions?|roles?|offices?|duties)\s+(?:as|of)\s+"
    r"|from\s+(?:the\s+)?(?:positions?|roles?|offices?)\s+of\s+|(?:the\s+)?(?:duties|role|position|office|title)s?\s+(?:of|as)\s+"
    r"|to\s+serve\s+as\s+|to\s+the\s+(?:(?:newly\s+)?(?:created|formed|new)\s+)?(?:positions?|roles?|office)\s+of\s+"
    r"|to\s+(?:be|become)\s+|as\s+|to\s+"
    r"|from\s+(?=(?:(?:the|our|its)\s+)?(?:[A-Z][\w&.]*['’]?s?\s+){0,2}(?:Board|board))|"
    r"(?=(?:the|our|its)\s+(?:\w+['’]s?\s+)?(?:Board|board)\b))?",
)
_JOIN_LEAD = re.compile(r"^(?:the\s+Company|[A-Z][\w&.]*(?:\s+[A-Z][\w&.]*){0,3})?\s*(?:,?\s*effective\s+[^,;]{1,40}?,?\s*)?as\s+")
_TO_NEW_ROLE = re.compile(r"\bto\s+(?:transition\s+to\s+|become\s+|serve\s+as\s+)?(?:the\s+(?:role|position)\s+of\s+)?(?=[A-Z])")
_SERVING_AS = r"(?:had\s+been\s+serving|had\s+served)\s+as\s+"
_CONDITIONAL = re.compile(
    r"\b(?:if|as\s+if|in\s+the\s+event(?:\s+that)?|unless|provided\s+that|whether)\s+(?:[^.;,]{0,100}?\s)?$", re.IGNORECASE
)
_NOT_SUBJECT = re.compile(r"\bbetween\s+[^,;]{1,60}?\s+and\s+$")
_AS_PREVIOUSLY = re.compile(r"\b(?:as\s+)?previously\s+(?:reported|disclosed|announced)\b", re.IGNORECASE)
_BIOGRAPHY = re.compile(
    r"\b(?:previously|formerly|prior\s+to|most\s+recently|has\s+served|had\s+served|served\s+as)\b"
    r"|\bfrom\s+(?:\w+\s+)?(?:\d{1,2},\s+)?(?P<from>\d{4})\s+(?:to|until|through)\b",
    re.IGNORECASE,
)
_PAST_YEAR = re.compile(
    r"\b(?:in|since|from|during|until|through)\s+(?:(?:early|late|mid)[- ]?)?(?:(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\s+)?(?P<year>(?:19|20)\d\d)\b"
)
_FULL_DATE_YEAR = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
                             r"\s+\d{1,2},\s+((?:19|20)\d\d)\b")


@dataclass(frozen=True)
class _Found:
    """A change read from a clause, before names are made whole and duplicates dropped."""

    at: int
    change: str
    person: str
    title: str | None
    sentence: str
    certain: bool = True  # False for a successor named only by surname: not reported


def _clauses(sentence: str, section: str, company: str | None, ref_year: int | None) -> Iterator[_Found]:
    """Every change stated in one sentence, by the three clause shapes and the successor form."""
    yield from _subject_first(sentence, section, company, ref_year)
    yield from _informed_by(sentence, section, company, ref_year)
    yield from _possessive(sentence, section, company)
    yield from _object_first(sentence, section, company, ref_year)
    yield from _nominal(sentence, section, company, ref_year)
    yield from _successors(sentence, section, company)


def _subject_first(sentence: str, section: str, company: str | None, ref_year: int | None) -> Iterator[_Found]:
    """"Jane Doe, 52, has been appointed CFO", "John Smith notified the Company ... that he will resign as CEO"."""
    if not _VERB_HINT.search(sentence):
        return  # most sentences state no change: skip the costly clause pattern
    for match in _SUBJECT_FIRST.finditer(sentence):
        kind = next(k for k in ("depart", "appoint", "succeed") if match.group(k))
        verb, rest = match.group(kind), sentence[match.end():]
        if _not_a_statement(sentence, match.start()):
            continue
        if _is_biography(sentence, match.start(), match.start(kind), match.end() + len(_tail(rest)), ref_year):
            continue
        people = _people(match.group("people"), section, company)
        aside = match.group("aside") or ""
        if match.group("succeed"):
            yield from _succession(match, people, rest, sentence, section, company)
        elif match.group("depart"):
            yield from _departure(match.start(), people, verb, aside, rest, sentence, section, company)
        else:
            yield from _appointment(match.start(), people, verb, rest, sentence, company)


def _not_a_statement(sentence: str, at: int) -> bool:
    """A clause under "if"/"in the event that", or a name that is the object of "between ... and", states no change:
    "... in the event that his employment is terminated ... or Mr. Tempesta resigns for Good Reason"."""
    return bool(_CONDITIONAL.search(sentence[max(0, at - 130): at]) or _NOT_SUBJECT.search(sentence[max(0, at - 80): at]))


def _informed_by(sentence: str, section: str, company: str | None, ref_year: int | None) -> Iterator[_Found]:
    """"The Company was informed by Michael D. Craighead that he would resign from his positions as ..."."""
    for match in _INFORMED_BY.finditer(sentence):
        rest = sentence[match.end():]
        if _is_biography(sentence, match.start(), match.start(), match.end() + len(_tail(rest)), ref_year):
            continue
        people = _people(match.group("people"), section, company)
        yield from _departure(match.start(), people, match.group("depart"), match.group("aside") or "", rest, sentence,
                              section, company)


def _possessive(sentence: str, section: str, company: str | None) -> Iterator[_Found]:
    """"Mr. Devanny’s employment with the Company terminated", "Mr. Hoekstra’s resignation is effective": a departure
    whose role the filing gives elsewhere."""
    for match in _POSSESSIVE.finditer(sentence):
        if _not_a_statement(sentence, match.start()):
            continue
        people = _people(match.group("people"), section, company)
        yield from _departure(match.start(), people, "", "", "", sentence, section, company)


def _departure(at: int, people: list[str], verb: str, aside: str, rest: str, sentence: str, section: str,
               company: str | None) -> Iterator[_Found]:
    """A departure's role: after the verb ("resigned as CFO", "retire from the Board"), else the subject's aside
    ("Marianne Lake, current CEO of CCB, has decided to retire from the Firm"), else what the filing says of the
    person elsewhere ("had been serving as ...", an appositive). Not standing for re-election leaves a board seat."""
    title = _departed_role(verb, aside, rest, company)
    for person in people:
        role = title or _serving_as(person, section, company) or _appositive(person, section, company)
        yield _Found(at, "departed", person, _singular(role) if role and len(people) > 1 else role, sentence)
    for role in _more_roles(rest, title, company):
        for person in people:
            yield _Found(at, "departed", person, role, sentence)
    yield from _next_role(at, people, rest, sentence, company)


def _departed_role(verb: str, aside: str, rest: str, company: str | None) -> str | None:
    """The role a departure clause itself names, if any."""
    if re.search(r"re-?election", verb):
        return _after_verb(rest, company, True) if re.match(r"^\s*(?:as|to)\s+(?!(?:a|the)?\s*director|the\s+board)", rest, re.I) else "Director"
    if re.search(r"transition|relinquish", verb):
        lead = re.match(r"^\s*(?:(?:and\s+transition\s+)?the\s+duties\s+of|(?:from\s+)?the\s+(?:role|position)\s+of)\s+", rest)
        title = _read_title(rest[lead.end():] if lead else rest, company)
    else:
        title = _after_verb(rest, company, leaving=True)
    if title is None and aside.strip(" ,"):
        title = _role(aside.strip(" ,"), company)
    if title is None and (no_longer := re.search(r"\bno\s+longer\s+(?:is|serves\s+as|holds)\s+", rest)):
        title = _read_title(rest[no_longer.end():], company)
    return title


def _next_role(at: int, people: list[str], rest: str, sentence: str, company: str | None) -> Iterator[_Found]:
    """"... from the role of CFO to Vice Chairman", "... to transition to the role of Group President": the new role."""
    after_title = _TO_NEW_ROLE.search(rest)
    if not after_title or after_title.start() > 160 or re.search(r"[.;]", rest[: after_title.start()]):
        return
    moving = re.search(r"transition|become|serve|role|position", rest[: after_title.end()])
    if not moving and not re.match(r"^\s*(?:from\s+)?the\s+role\s+of", rest):
        return  # "resigned as CFO to pursue other opportunities" names no new role
    title = _read_title(rest[after_title.end():], company)
    if title:
        for person in people:
            yield _Found(at + 1, "appointed", person, title, sentence)


def _appointment(at: int, people: list[str], verb: str, rest: str, sentence: str, company: str | None) -> Iterator[_Found]:
    """An appointment's role follows its verb: "became CFO", "was appointed as CFO", "joined the Company as CFO".
    "Under the Parker Agreement, Ms. Parker will serve as ..." restates a contract's terms, not a change."""
    if re.search(r"serve", verb) and re.search(r"\b(?:Agreement|agreement|pursuant\s+to|under\s+the)\b", sentence):
        return
    if re.search(r"join", verb):
        lead = _JOIN_LEAD.match(rest.strip())
        title = _role(rest.strip()[lead.end():], company) if lead else None
    else:
        title = _after_verb(rest, company)
    if title is None:
        return  # "will serve on ...", "assumed his responsibilities": no role named, no claim
    for title in [title, *_more_roles(rest, title, company)]:
        for person in people:
            yield _Found(at, "appointed", person, _singular(title) if len(people) > 1 else title, sentence)


def _succession(match: re.Match[str], people: list[str], rest: str, sentence: str, section: str,
                company: str | None) -> Iterator[_Found]:
    """"A will succeed B as CEO": A appointed, and B (if named in full) departed, as CEO."""
    obj = re.match(rf"\s*(?P<people>{_NAME})", rest)
    if not obj:
        return
    after = rest[obj.end():]
    title = _after_verb(after, company) if re.match(r"\s*,?\s*as\b", after) else None
    if title is None:
        return
    for person in people:
        yield _Found(match.start(), "appointed", person, title, sentence)
    predecessor = _person(obj.group("people"), section)
    if predecessor:
        yield _Found(match.start() + 1, "departed", predecessor, title, sentence, certain=" " in predecessor)


def _object_first(sentence: str, section: str, company: str | None, ref_year: int | None) -> Iterator[_Found]:
    """"The Board appointed Jane Doe, age 47, as CFO", "elected Safra A. Catz and Francis A. deSouza as Directors"."""
    for match in _OBJECT_FIRST.finditer(sentence):
        rest = sentence[match.end():]
        if _is_biography(sentence, match.start(), match.start(), match.end() + len(_tail(rest)), ref_year):
            continue
        people = _people(match.group("people"), section, company)
        title = _after_verb(rest, company)
        if title is None:
            continue
        for title in [title, *_more_roles(rest, title, company)]:
            for person in people:
                yield _Found(match.start(), "appointed", person, _singular(title) if len(people) > 1 else title, sentence)


def _nominal(sentence: str, section: str, company: str | None, ref_year: int | None) -> Iterator[_Found]:
    """"announced the appointment of Thomas Beaudoin, age 54, as its CFO", "the termination of James Royston, President"."""
    for match in _NOMINAL.finditer(sentence):
        rest = sentence[match.end():]
        if _is_biography(sentence, match.start(), match.start(), match.end() + len(_tail(rest)), ref_year):
            continue
        change = "appointed" if match.group("appoint") else "departed"
        aside = (match.group("aside") or "").strip(" ,")
        if re.match(r"(?:as|to|from)\s", aside):  # "the appointment of X, age 54, as its CFO, effective ..."
            rest, aside = aside + rest, ""
        title = _after_verb(rest, company) if re.match(r"^\s*,?\s*(?:as|to|from)\s", rest) else None
        if title is None and aside and not re.match(r"(?:age\s+)?\d", aside):
            title = _role(aside, company)
        if title is None:
            continue
        people = _people(match.group("people"), section, company)
        for person in people:
            yield _Found(match.start(), change, person, _singular(title) if len(people) > 1 else title, sentence)


def _successors(sentence: str, section: str, company: str | None) -> Iterator[_Found]:
    """"to succeed Mr. Glendinning", "replacing Noelle O’Mara", "replace X who has been acting as the interim CFO":
    the predecessor leaves the role the sentence gives its successor."""
    for match in _SUCCESSOR.finditer(sentence):
        predecessor = _person(match.group("people"), section)
        if not predecessor:
            continue
        title = _read_title(match.group("who"), company) if match.group("who") else None
        if title is None:
            title = _role_before(sentence, match.start(), company)
        if title:
            yield _Found(match.start(), "departed", predecessor, title, sentence, certain=" " in predecessor)


def _role_before(sentence: str, at: int, company: str | None) -> str | None:
    """The last role named before `at` in the sentence ("... as EVP and CFO, effective ..., to succeed X")."""
    leads = re.finditer(r"\b(?:as|role\s+of|duties\s+of)\s+", sentence[:at])
    roles = [role for lead in leads if (role := _read_title(sentence[lead.end():], company))]
    return roles[-1] if roles else None


def _after_verb(rest: str, company: str | None, leaving: bool = False) -> str | None:
    """The role right after a verb, past "effective ...", "by the Board", "as", "to serve as", "from his position as".
    A bare "the Board" is a seat only when leaving it ("resigned from the Board"); joining one says "to the Board"."""
    rest = rest.strip(" ,")
    lead = _LEAD_IN.match(rest)
    remainder = rest[lead.end():] if lead else rest
    if not leaving and _FROM_BOARD.match(remainder) and not re.search(r"\bto\s+$", rest[: len(rest) - len(remainder)]):
        return None
    return _role(remainder, company)


def _more_roles(rest: str, first: str | None, company: str | None) -> list[str]:
    """A second role in the same clause: "resigned as CEO of the Company and as a member of its board",
    "appointed X as CFO-Elect effective July 17, and Chief Financial Officer effective August 1"."""
    if not first:
        return []
    at = rest.find(first)
    if at < 0:
        return []
    after = re.match(  # only "of <company>", a parenthesis or an effective date may stand between the two roles
        r"^(?:\s+of\s+(?:the\s+)?[A-Z][^;()]{0,50}?)?(?:\s*\([^)]*\))*(?:,?\s+effective\s+(?:as\s+of\s+)?"
        r"(?:[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}|immediately))?(?:,\s*|\s+)and\s+(?=(?:as|from)\s|[A-Z])",
        rest[at + len(first):],
    )
    if not after or re.search(r"\b(?:appointed|elected|named|announced|will|has|have|was|were)\b", after.group(0)):
        return []
    second = _after_verb(rest[at + len(first) + after.end():], company, leaving=True)
    return [second] if second and _key(second) != _key(first) else []


def _serving_as(person: str, section: str, company: str | None) -> str | None:
    """"Mr. Schassler had been serving as EVP and GM, Mobile Division": the role a departure left unnamed."""
    surname = person.split()[-1]
    match = re.search(rf"\b{re.escape(surname)}\s+{_SERVING_AS}", section)
    return _read_title(section[match.end():], company) if match else None


def _appositive(person: str, section: str, company: str | None) -> str | None:
    """The role a filing gives a person in an appositive elsewhere: "Bill Robbins, Executive Vice President,
    Worldwide Sales, of the Company, ..." or "The Company’s current CEO, Paul Ricci, ..."."""
    name = re.escape(person)
    after = re.search(rf"\b{name},\s+(?!age\b|\d)", section)
    if after and (title := _role(section[after.end(): after.end() + 160], company)) and title != "Director":
        return title
    for before in re.finditer(rf"([^.;:]{{3,120}}),\s+{name}\b", section):
        words = re.split(r"\s+", before.group(1).strip())
        for k in range(min(10, len(words)), 0, -1):
            candidate = " ".join(words[-k:])
            title = _read_title(candidate, company)
            if title and _LEADING.sub("", candidate).rstrip(",") == title:
                return title
    return None


def _tail(rest: str) -> str:
    """The end of a clause after its verb: up to the next sentence-level break, at most 120 characters."""
    return re.split(r"[;]|,\s+(?:and|but|which|who)\s", rest[:120])[0]


def _is_biography(sentence: str, start: int, verb_at: int, end: int, ref_year: int | None) -> bool:
    """Careers are not changes: "previously served as", "From 2012 to 2018, ... was appointed", "was appointed
    Treasurer in January 2000". Asides between subject and verb ("who has served ... since 2018") do not count."""
    context = _AS_PREVIOUSLY.sub(" ", sentence[:start] + " " + sentence[verb_at:end])
    if _BIOGRAPHY.search(context):
        return True
    years = [int(m.group("year")) for m in _PAST_YEAR.finditer(context)]
    return any(ref_year is None or year < ref_year for year in years)


def _reference_year(section: str) -> int | None:
    """The latest full date in the item ("June 30, 2015"): years before it in "in June 2005" are history."""
    years = [int(y) for y in _FULL_DATE_YEAR.findall(section)]
    return max(years) if years else None


def officer_changes(text: str, company: str | None = None) -> list[OfficerChange]:
    """Every appointment and departure stated in `text`, first mention first, one per person, change and role."""
    ref_year = _reference_year(text)
    found: list[_Found] = []
    offset = 0
    for sentence in _sentences(text):
        for item in _clauses(sentence, text, company, ref_year):
            found.append(_Found(offset + item.at, item.change, item.person, item.title, item.sentence, item.certain))
        offset += len(sentence) + 1
    return _distinct(found)


def _distinct(found: list[_Found]) -> list[OfficerChange]:
    """One change per (person, change, role); a change without a role only when no role was found for it."""
    by_key: dict[tuple[str, str, str], _Found] = {}
    for item in sorted(found, key=lambda f: f.at):
        if not item.certain:
            continue
        key = (_key(item.person), item.change, _key(item.title or ""))
        by_key.setdefault(key, item)
    titled = {(p, c) for p, c, t in by_key if t}
    kept = [f for (p, c, t), f in by_key.items() if t or (p, c) not in titled]
    return [OfficerChange(f.change, f.person, f.title, f.sentence[:400]) for f in sorted(kept, key=lambda f: f.at)]


def _key(text: str) -> str:
    """Case, spacing, apostrophes and articles do not make two changes different."""
    words = text.replace("’", "'").replace(",", " ").split()
    return " ".join(w for w in words if w.lower() not in ("the", "a", "an")).casefold()


# --- changes of an unnamed role-holder -----------------------------------------------------------------------

_HOLDER = r"(?:(?:one|two|three|four|five|several|certain)\s+of\s+)?(?:the\s+Company['’]s|the\s+Registrant['’]s|its|our|the)\s+"
_UNNAMED = [
    ("departed", re.compile(rf"\b(?:resignation|retirement|departure|termination)\s+(?:tendered\s+by|of|submitted\s+by)\s+{_HOLDER}"
                            r"(?P<role>[a-z][\w\s,&-]{2,60}?)(?=[,.;]|\s+(?:effective|as|on|and|who)\b)")),
    ("departed", re.compile(rf"\b{_HOLDER}(?P<role>[a-z][\w\s&-]{{2,60}}?)\s+(?:has\s+)?(?:resigned|retired|stepped\s+down|"
                            r"announced\s+(?:that\s+(?:he|she)\s+will|(?:his|her)\s+(?:intention|decision)\s+to)\s+(?:retire|resign|step\s+down)|"
                            r"notified\s+[^;.]{1,80}?(?:retire|resign|step\s+down)|will\s+(?:retire|resign|step\s+down))\b")),
    ("appointed", re.compile(rf"\b(?:promoted|appointed|elected|named|hired)\s+{_HOLDER}(?P<role>[a-z][\w\s&-]{{2,60}}?)\s+(?:to|as)\s+")),
    ("appointed", re.compile(r"\b(?:appointed|named|elected|hired)\s+(?:a|an)\s+(?:new\s+|interim\s+|acting\s+)?"
                             r"(?P<role>(?:[a-z]+\s+){0,4}(?:officer|president|counsel|controller|treasurer|director))\b")),
]


def unnamed_changes(text: str) -> list[OfficerChange]:
    """Changes the text states of a role-holder it does not name ("accepted the resignation tendered by its
    principal accounting officer"): one per kind of change stated, person and title unknown. Words such as
    "termination" or "retirement plan" in pay terms are not changes, so pay-only text yields nothing."""
    kinds: dict[str, tuple[int, str]] = {}
    offset = 0
    for sentence in _sentences(text):
        for change, pattern in _UNNAMED:
            match = pattern.search(sentence)
            if match and _ROLE_HEAD.search(match.group("role")) and change not in kinds:
                kinds[change] = (offset + match.start(), sentence[:400])
        offset += len(sentence) + 1
    ordered = sorted(kinds.items(), key=lambda item: item[1][0])
    return [OfficerChange(change, None, None, evidence) for change, (_, evidence) in ordered]


# --- legacy keyword test -----------------------------------------------------------------------------------

_DEPART_WORDS = re.compile(r"\b(?:resign\w*|retire\w*|step(?:ped|ping|s)?\s+down|depart\w*|terminat\w*|separation)\b", re.IGNORECASE)
_APPOINT_WORDS = re.compile(r"\b(?:appoint\w*|elect(?:ed|ion)|named(?!\s+executive)|promot\w*|hired|succeed\w*)\b", re.IGNORECASE)


def change_kind(text: str) -> str | None:
    """"departed" or "appointed" if the text uses such a word (departures win), else None. A keyword test only:
    callers that emit events use `unnamed_changes`, which needs a stated change of a role-holder."""
    if _DEPART_WORDS.search(text):
        return "departed"
    if _APPOINT_WORDS.search(text):
        return "appointed"
    return None
