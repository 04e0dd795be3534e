"""Who was appointed or left, and as what, from the text of an 8-K Item 5.02 or its press release. Pure.

Filings state these facts in a few stock phrasings, which we read with patterns:

    "... the Board appointed Jane A. Doe as Chief Financial Officer of the Company ..."
    "Jane A. Doe, age 52, has been appointed Chief Operating Officer ..."
    "John Smith notified the Company of his decision to resign as Chief Executive Officer ..."
    "Mr. Smith will step down from his position as President ..."
    "... announced the retirement of John Smith as Chief Technology Officer ..."

A filing whose 5.02 text speaks of a change we cannot pin on a person still yields a change
with person and title unknown; a 5.02 that is only about pay (5.02(e)) yields nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup

__all__ = ["OfficerChange", "html_text", "item_502_section", "officer_changes", "change_kind"]

_HONORIFIC = r"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)"
_NAME_WORD = r"[A-Z][a-zA-Z'’\-]+"
_NAME = rf"(?P<person>{_HONORIFIC}?{_NAME_WORD}(?:\s+(?:[A-Z]\.|{_NAME_WORD})){{1,3}}(?:,?\s+(?:Jr|Sr)\.|\s+(?:II|III|IV))?|{_HONORIFIC}{_NAME_WORD})"
_TITLE_WORD = r"(?:[A-Z][\w&/\-’']*|and|of|&|for)"
_TITLE = rf"(?P<title>{_TITLE_WORD}(?:(?:,\s+|\s+){_TITLE_WORD}){{0,12}})"
_ROLE_OF = r"(?:the\s+)?(?:Company['’]s\s+|its\s+|our\s+|the\s+Company\s+as\s+)?(?:new\s+|interim\s+)?"
_ASIDE = r"(?:,\s[^,;]{1,80},)?"  # ", age 52," or ", the Company's President,"
_POSITION = r"(?:(?:from\s+)?(?:his|her|their)\s+(?:positions?|roles?|offices?)\s+)?"

_APPOINTED = [
    re.compile(rf"\b(?:appointed|elected|named|promoted|hired)\s+{_NAME}{_ASIDE}\s+(?:as|to\s+serve\s+as|to\s+the\s+(?:position|role|office)\s+of|to\s+the\s+positions\s+of|to)\s+{_ROLE_OF}{_TITLE}"),
    re.compile(rf"{_NAME}{_ASIDE}\s+(?:was|has\s+been|had\s+been|will\s+be|is)\s+(?:appointed|elected|named|promoted|hired)(?:\s+by\s+the\s+Board(?:\s+of\s+Directors)?)?(?:\s+(?:as|to\s+serve\s+as|to\s+the\s+(?:position|role|office)\s+of|to))?\s+{_ROLE_OF}{_TITLE}"),
    re.compile(rf"\b(?:appointment|election|promotion|hiring)\s+of\s+{_NAME}{_ASIDE}\s+(?:as|to\s+serve\s+as|to\s+the\s+(?:position|role)\s+of|to)\s+{_ROLE_OF}{_TITLE}"),
    re.compile(rf"{_NAME}{_ASIDE}\s+(?:will\s+succeed|succeeds|succeeded|to\s+succeed)\s+[^,;]{{1,40}}?\s+as\s+{_ROLE_OF}{_TITLE}"),
    re.compile(rf"{_NAME}{_ASIDE}\s+(?:will\s+join|has\s+joined|joined|will\s+become|became)\s+(?:the\s+Company\s+)?as\s+{_ROLE_OF}{_TITLE}"),
]
_DEPARTED = [
    re.compile(rf"{_NAME}{_ASIDE}\s+(?:notified|informed|advised)\s+the\s+(?:Company|Board)[^.;]{{0,120}}?\s+(?:decision|intention|intent|plan)\s+to\s+(?:resign|retire|step\s+down)\s+{_POSITION}(?:as|from)\s+{_ROLE_OF}{_TITLE}"),
    re.compile(rf"{_NAME}{_ASIDE}\s+(?:resigned|retired|stepped\s+down|departed|will\s+resign|will\s+retire|will\s+step\s+down|will\s+depart|tendered\s+(?:his|her|their)\s+resignation|is\s+stepping\s+down|is\s+retiring)\s+{_POSITION}(?:as|from)\s+{_ROLE_OF}{_TITLE}"),
    re.compile(rf"\b(?:resignation|retirement|departure|termination)\s+of\s+{_NAME}{_ASIDE}\s+(?:as|from\s+(?:the\s+(?:position|role)\s+of|(?:his|her|their)\s+(?:position|role)\s+as)?)\s*{_ROLE_OF}{_TITLE}"),
    re.compile(rf"\b(?:terminated|removed)\s+(?:the\s+employment\s+of\s+)?{_NAME}{_ASIDE}\s+(?:as|from\s+(?:the\s+position\s+of\s+)?)\s*{_ROLE_OF}{_TITLE}"),
]
_BOARD_SEAT = r"(?:as\s+an?\s+(?:independent\s+)?(?:member\s+of\s+the\s+(?:Company['’]s\s+)?Board|[Dd]irector)|to\s+(?:serve\s+on\s+)?the\s+(?:Company['’]s\s+)?Board)"
_BOARD_APPOINTED = [
    re.compile(rf"\b(?:appointed|elected|named)\s+{_NAME}{_ASIDE}\s+{_BOARD_SEAT}"),
    re.compile(rf"{_NAME}{_ASIDE}\s+(?:was|has\s+been|will\s+be)\s+(?:appointed|elected|named)\s+{_BOARD_SEAT}"),
]
_BOARD_DEPARTED = [
    re.compile(rf"{_NAME}{_ASIDE}\s+(?:resigned|retired|will\s+resign|will\s+retire|will\s+not\s+stand\s+for\s+re-?election|notified[^.;]{{0,120}}?(?:resign|retire))\s+(?:as\s+an?\s+(?:member\s+of\s+the\s+Board|[Dd]irector)|from\s+the\s+(?:Company['’]s\s+)?Board)"),
]
_SECTION_START = re.compile(r"Item\s*5\.02", re.IGNORECASE)
_ITEM_HEADING = re.compile(  # the item's own title names every kind of change: never evidence
    r"Departure\s+of\s+Directors\s+or\s+(?:Certain|Principal)\s+Officers[;,]?\s*Election\s+of\s+Directors[;,]?\s*"
    r"Appointment\s+of\s+(?:Certain|Principal)\s+Officers[;:,]?\s*(?:and\s+)?(?:Compensatory\s+Arrangements\s+of\s+Certain\s+Officers)?\.?",
    re.IGNORECASE,
)
_SECTION_END = re.compile(r"Item\s*\d\.\d\d|SIGNATURES?\b", re.IGNORECASE)
_DEPART_WORDS = re.compile(r"\b(?:resign\w*|retire\w*|step(?:ped|ping|s)?\s+down|depart\w*|terminat\w*|separation)\b", re.IGNORECASE)
_APPOINT_WORDS = re.compile(r"\b(?:appoint\w*|elect(?:ed|ion)|named(?!\s+executive)|promot\w*|hired|succeed\w*)\b", re.IGNORECASE)
_NOT_A_PERSON = {"the", "company", "board", "our", "its", "each", "such", "chief", "president", "director",
                 "directors", "on", "effective", "as", "in", "item", "registrant", "committee", "officer"}
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!Mr)(?<!Ms)(?<!Dr)(?<!Mrs)(?<!Jr)(?<!Sr)(?<!Inc)(?<!No)\.\s+(?=[A-Z“\"(])")
_BIOGRAPHY = re.compile(r"\b(?:previously|prior\s+to\s+(?:joining|that|this)|formerly|from\s+\d{4}\s+(?:to|until)|since\s+\d{4}|in\s+\d{4})\b", re.IGNORECASE)
_TITLE_WORDS = {"chief", "executive", "financial", "operating", "technology", "officer", "president", "vice",
                "senior", "general", "counsel", "interim", "acting", "former", "director", "chairman", "treasurer"}
_TITLE_STOP_WORDS = {"and", "of", "&", "for"}


@dataclass(frozen=True)
class OfficerChange:
    """One appointment or departure; person and title are None when the text did not say."""

    change: str  # "appointed" or "departed"
    person: str | None
    title: str | None
    evidence: str | None = None  # the sentence it was read from


def html_text(body: str) -> str:
    """Visible text of an HTML (or plain-text) filing document, whitespace collapsed."""
    if "<" in body:
        body = BeautifulSoup(body, "html.parser").get_text(" ")
    return " ".join(body.replace("\xa0", " ").split())


def item_502_section(text: str) -> str:
    """The Item 5.02 part of an 8-K's text, without the item's title; the whole text when no heading is found."""
    text = _ITEM_HEADING.sub(" ", text)
    for start in _SECTION_START.finditer(text):
        end = _SECTION_END.search(text, start.end() + 10)
        section = text[start.end(): end.start() if end else len(text)]
        if len(section.strip(" .:")) > 40:  # skip cover-page mentions and tables of contents
            return section.strip(" .:")
    return text


def change_kind(text: str) -> str | None:
    """"departed" or "appointed" if the text speaks of such a change (departures win), else None."""
    if _DEPART_WORDS.search(text):
        return "departed"
    if _APPOINT_WORDS.search(text):
        return "appointed"
    return None


def officer_changes(text: str, company: str | None = None) -> list[OfficerChange]:
    """Every appointment and departure stated in `text`, first mention first, one per person and change."""
    found: dict[tuple[str, str], tuple[int, OfficerChange]] = {}
    groups = (
        ("appointed", _APPOINTED), ("departed", _DEPARTED), ("appointed", _BOARD_APPOINTED), ("departed", _BOARD_DEPARTED)
    )
    for change, patterns in groups:
        for pattern in patterns:
            for match in pattern.finditer(text):
                person = _person(match.group("person"), text)
                raw_title = match.groupdict().get("title")
                title = _title(raw_title, company) if raw_title else "Director"
                if person is None or title is None:
                    continue
                sentence = _sentence(text, match.start())
                if _BIOGRAPHY.search(sentence):
                    continue  # "previously named CFO of Globex in 2015" is a career, not this change
                key = (person.lower(), change)
                if key not in found or match.start() < found[key][0]:
                    found[key] = (match.start(), OfficerChange(change, person, title, sentence))
    return [change for _, change in sorted(found.values(), key=lambda pair: pair[0])]


def _person(raw: str, text: str) -> str | None:
    words = re.sub(rf"^{_HONORIFIC}", "", raw.strip()).strip(" ,").split()
    while words and words[0].lower() in _TITLE_WORDS:  # "Executive Officer John Smith resigned"
        words.pop(0)
    name = " ".join(words)
    if not name or name.split()[0].lower() in _NOT_A_PERSON:
        return None
    if " " not in name:  # "Mr. Smith": look for the full name the filing used earlier
        full = re.search(rf"\b({_NAME_WORD}(?:\s+[A-Z]\.)?\s+{re.escape(name)})\b", text)
        if full is None or full.group(1).split()[0].lower() in _NOT_A_PERSON | {"mr", "ms", "mrs", "dr"}:
            return name
        return full.group(1)
    return name


def _title(raw: str, company: str | None) -> str | None:
    words = raw.replace(",", " , ").split()
    if company:  # "Chief Financial Officer of Acme Corp" → "Chief Financial Officer"
        first = company.split()[0].lower().strip(",.")
        for i, word in enumerate(words[:-1]):
            if word.lower() == "of" and words[i + 1].lower().strip(",.") in (first, "the"):
                words = words[:i]
                break
    while words and (words[-1].lower() in _TITLE_STOP_WORDS or words[-1] == ","):
        words.pop()
    title = " ".join(words).replace(" , ", ", ")
    if not title or title.split()[0].lower() in ("the", "company", "board", "and", "of"):
        return None
    return title


def _sentence(text: str, at: int) -> str:
    """The sentence around `at`; "Mr." and initials such as "A." do not end a sentence."""
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, min(len(text), at + 1))]
    end = _SENTENCE_END.search(text, at)
    return text[starts[-1] if starts else 0: end.start() + 1 if end else len(text)].strip()[:400]
