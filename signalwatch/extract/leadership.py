"""Leadership changes in news headlines: who was appointed or departed, to or from which role, where."""

from __future__ import annotations

import re

from signalwatch.events import EventType
from signalwatch.extract.model import Extraction
from signalwatch.extract.roles import BOARD, TITLE, function_of, seniority_of, tidy_title
from signalwatch.extract.text import company_from_subject, sentences, words

__all__ = ["extract_leadership", "LEADERSHIP_WORDS"]

# Capitalised words that open a headline phrase but never a person's name.
_NOT_NAME = (
    r"Former|Ex|Chief|Vice|Senior|Head|President|Director|General|Executive|Interim|Acting|New|Its|The|As|To|Of|And|"
    r"Joins|Named|Appointed|Veteran|Industry|Board|Founder|Co-?[Ff]ounder|Cofounder|Global|Managing|Steps|Step|Resigns|"
    r"Departs|Exits|Leaves|Retires|Announces|Appoints|Names|Hires|Taps|Promotes|Welcomes|Adds|With|From|At|For|In|On|"
    r"After|Amid|Effective|Partner|Officer|Chairman|Chair|Group|Team|Leadership|Expands|Strengthens|Bolsters|Company|"
    r"Sales|Marketing|Operations|Finance|Engineering|Product|People|Technology|Revenue|Customer|Success|Legal|Exclusive|"
    r"Report|Sources|Update|Breaking"
)
_WORD = rf"(?!(?:{_NOT_NAME})\b)(?![A-Z]{{2,}}\b)[A-ZÀ-ÖØ-ÞĀ-ž][\w'-]*(?<!'s)"
_PARTICLE = r"(?:de|da|del|della|di|du|van|von|der|den|la|le|bin|al|ter|ten|y|dos|das)"
# "Sarah Kim", "Anna de Vries", "Michael O'Brien", "Wei Ling Tan", "Dr. Samuel Okafor".
_PERSON = rf"(?:(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+)?(?P<person>{_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_WORD}){{1,3}})"
_PERSON2 = _PERSON.replace("?P<person>", "?P<person2>")
_ROLE = rf"(?P<title>{TITLE}|{BOARD})"
_LEAD_IN = r"(?:[\w'.&/-]+\s+){0,5}?"  # "former Oracle executive", "Stripe's", "Amgen veteran"
_ARTICLES = r"(?:(?i:its|the|their|a)\s+)?(?:(?i:new|first|first-ever|next|permanent)\s+)?"
_APPOINT = (
    r"(?i:appoints|has\s+appointed|names|has\s+named|taps|hires|has\s+hired|welcomes|adds|promotes|elevates|"
    r"ropes\s+in|brings\s+(?:on|in)|picks|selects|recruits|poaches|lures|"
    r"announces\s+(?:the\s+)?(?:appointment|hiring|promotion|addition)\s+of|"
    r"(?:strengthens|bolsters|expands|boosts|builds\s+out|grows)\s+(?:its\s+)?(?:[\w-]+\s+){0,2}?(?:team|bench|board|c-suite)\s+"
    r"(?:with\s+(?:the\s+)?(?:appointment|hiring|addition|promotion)\s+of|,\s*(?:appoints|names|hires|adds|welcomes)))"
)
_DEPART = (
    r"(?i:steps\s+down|to\s+step\s+down|is\s+stepping\s+down|stepping\s+down|will\s+step\s+down|resigns|has\s+resigned|"
    r"to\s+resign|(?:departs|to\s+depart|is\s+departing|exits|to\s+exit|is\s+exiting|leaves|to\s+leave|is\s+leaving|quits|"
    r"out)(?=\s+(?:the\s+company|for|to\s+(?:join|start|launch|lead|become|pursue|focus)|after|amid|as|in|effective|at|"
    r"following|with\s+immediate|over|months|weeks|less|just|from)\b|\s*[,;:.!?(]|\s*$|(?-i:\s+[A-Z]))|"
    r"retires|to\s+retire|is\s+retiring|(?:is\s+)?ousted|(?:is\s+)?fired|steps\s+aside|to\s+step\s+aside|"
    r"bows\s+out|to\s+move\s+on|moves\s+on)(?![\w-])"
)
def _gate(listing: str) -> frozenset[str]:
    return frozenset(listing.split())


_DEPART_GATE = _gate(
    "steps step stepping resigns resigned resign departs depart departing exits exit exiting leaves leave leaving "
    "retires retire retiring out ousted fired quits aside bows move moves"
)
_END = r"(?=\s+(?i:after|amid|to|following|effective|in|at|as|from|who|with|and|for|on)\b|[,;:.!?]|\s*$)"

_HEADLINE_PATTERNS = [
    # "Acme appoints Sarah Kim as CRO", "Acme names former Oracle exec David Osei CFO"
    ("appointed", _gate("appoints appointed appointment names named taps hires hired welcomes adds promotes elevates ropes brings picks selects recruits poaches lures strengthens bolsters expands boosts builds grows"), re.compile(
        rf"^(?P<pre>.*?)\s*{_APPOINT}\s+{_LEAD_IN}{_PERSON}(?:,\s+[^,]{{1,80}},)?,?\s+"
        rf"(?:(?i:to\s+succeed|to\s+replace)\s+{_PERSON2}\s+)?"
        rf"(?:(?i:as|to(?:\s+the\s+(?:role|position|post)\s+of)?|to\s+serve\s+as)\s+)?{_ARTICLES}{_ROLE}")),
    # "Priya Raman joins Vantage Robotics as VP of Sales"
    ("appointed", _gate("joins joined returns rejoins"), re.compile(
        rf"^{_LEAD_IN}{_PERSON}\s+(?i:joins|has\s+joined|rejoins|returns\s+to)\s+(?P<co>.+?)\s+(?i:as)\s+{_ARTICLES}{_ROLE}")),
    # "Jane Doe joins Acme's board"
    ("appointed", _gate("joins joined"), re.compile(
        rf"^{_LEAD_IN}{_PERSON}\s+(?i:joins|has\s+joined)\s+(?P<co>.+?)(?:'s)?\s+(?P<title>{BOARD}(?:\s+of\s+[Dd]irectors)?)")),
    # "Sofia Ramos named CEO of Halcyon Data"
    ("appointed", _gate("named appointed promoted tapped elected hired confirmed chosen selected become becomes takes"), re.compile(
        rf"^{_LEAD_IN}{_PERSON}\s+(?:is\s+|has\s+been\s+)?(?i:named|appointed|promoted\s+to|tapped\s+as|elected|hired\s+as|"
        rf"confirmed\s+as|chosen\s+as|selected\s+as|to\s+become|becomes|will\s+become|takes\s+over\s+as)\s+(?:(?i:as)\s+)?"
        rf"{_ARTICLES}{_ROLE}\s+(?i:of|at|for)\s+(?P<co>.+?){_END}")),
    # "Tom Alvarez steps down as CEO of Harbor Compliance", "Jane Doe to step down as Payverse CFO"
    ("departed", _DEPART_GATE, re.compile(
        rf"^{_LEAD_IN}{_PERSON}\s+{_DEPART}\s+(?i:as)\s+{_ARTICLES}(?:{_ROLE}\s+(?i:of|at)\s+(?P<co>.+?){_END}"
        rf"|(?P<co2>[^,]+?)(?:'s)?\s+(?P<title2>{TITLE}){_END})")),
    # "Brightlane CEO Mark Duffy steps down", "Tarn's CEO exits", "Acme co-founder and CTO Jane Doe leaves"
    ("departed", _DEPART_GATE, re.compile(
        rf"^(?P<pre>.+?)\s+(?:(?i:co-?founder|founder)\s+(?:and|&)\s+)?{_ROLE}(?:,?\s+{_PERSON},?)?\s+(?:(?i:has|will|is)\s+)?{_DEPART}")),
    # "Cyberwise announces departure of CMO Holly Grant", "Patchwork loses CTO as Dana Fox leaves"
    ("departed", _gate("departure resignation retirement exit loses ousts fires parts"), re.compile(
        rf"^(?P<pre>.+?)\s+(?i:announces\s+(?:the\s+)?(?:departure|resignation|retirement|exit)\s+of|loses|ousts|fires|"
        rf"parts\s+ways\s+with|confirms\s+(?:the\s+)?(?:departure|exit)\s+of)\s+{_ARTICLES}"
        rf"{_ROLE}(?:,?\s+{_PERSON}|\s+(?i:as)\s+{_PERSON2}\s+{_DEPART})?")),
    # "Acme co-founder Jane Doe steps down as CEO"
    ("departed", _gate("founder cofounder"), re.compile(
        rf"^(?P<pre>.+?)\s+(?i:co-?founder|founder)\s+{_PERSON}\s+{_DEPART}(?:\s+(?i:as)\s+{_ARTICLES}{_ROLE})?")),
    # "Former Google exec Jane Doe to lead Acme as CEO", "Acme announces Jane Doe as CMO"
    ("appointed", _gate("lead run"), re.compile(
        rf"^{_LEAD_IN}{_PERSON}\s+(?i:to\s+lead|will\s+lead|tapped\s+to\s+lead|named\s+to\s+lead|to\s+run|will\s+run)\s+"
        rf"(?P<co>.+?)\s+(?i:as)\s+{_ARTICLES}{_ROLE}")),
    ("appointed", _gate("announces introduces unveils confirms"), re.compile(
        rf"^(?P<pre>.*?)\s*(?i:announces|introduces|unveils|confirms)\s+{_PERSON}\s+(?i:as)\s+{_ARTICLES}{_ROLE}")),
    # "Jane Doe is Acme's new CFO"
    ("appointed", _gate("new next first"), re.compile(rf"^{_LEAD_IN}{_PERSON}\s+(?i:is|becomes)\s+(?P<co>.+?)'s\s+(?i:new|next|first)\s+{_ROLE}")),
    # "Jane Doe to succeed John Roe as Acme CEO"
    ("appointed", _gate("succeed succeeds replace replaces"), re.compile(
        rf"^{_LEAD_IN}{_PERSON}\s+(?i:to\s+succeed|succeeds|will\s+succeed|replaces|to\s+replace|will\s+replace)\s+"
        rf"{_PERSON2}\s+(?i:as)\s+{_ARTICLES}(?:{_ROLE}\s+(?i:of|at)\s+(?P<co>.+?){_END}|(?P<co2>[^,]+?)(?:'s)?\s+(?P<title2>{TITLE}){_END})")),
    # "John Roe, Acme's longtime CFO, to retire", "Jane Doe, CEO of Acme, steps down"
    ("departed", _DEPART_GATE, re.compile(
        rf"^{_PERSON},\s+(?:(?P<co2>[^,]+?)'s\s+(?:(?i:longtime|long-serving|current|founding)\s+)?(?P<title2>{TITLE})"
        rf"|{_ROLE}\s+(?i:of|at)\s+(?P<co>[^,]+?)),\s+(?:(?i:has|will|is)\s+)?{_DEPART}")),
    # "Jane Doe takes the helm at Acme"
    ("appointed", _gate("helm reins"), re.compile(
        rf"^{_LEAD_IN}{_PERSON}\s+(?i:takes|to\s+take|will\s+take|took)\s+(?:(?i:the|over\s+the)\s+)?(?i:helm|reins)\s+(?i:at|of)\s+(?P<co>.+?){_END}")),
    # "...; John Roe to retire": the company is named in another clause
    ("departed", _DEPART_GATE, re.compile(rf"^{_LEAD_IN}{_PERSON}\s+{_DEPART}{_END}")),
    # "Jane Doe leaves Acme" (no role named)
    ("departed", _gate("leaves exits departs quits"), re.compile(rf"^{_LEAD_IN}{_PERSON}\s+(?i:leaves|exits|departs|quits)\s+(?P<co>[A-Z][^,;]*?){_END}")),
]
# "COO Lisa Tran named successor": the role is the one the departing person held.
_SUCCESSOR = re.compile(
    rf"^(?:(?P<pre>.*?)\s*(?:{TITLE})\s+)?{_PERSON}\s+(?:is\s+)?(?i:named|appointed|tapped|picked|chosen)\s+(?:as\s+)?"
    r"(?:(?i:his|her|their|the|new|interim)\s+)*(?i:successor|replacement)"
)
# "Acme names new CEO", "Acme announces CEO transition": the person is in the summary.
_UNNAMED = re.compile(
    rf"^(?P<pre>.*?)\s*(?:(?i:names|appoints|taps|hires|announces|picks|selects|finds|welcomes|ropes\s+in|poaches|lures|"
    rf"brings\s+(?:on|in)|adds)\s+(?:(?i:a|its)\s+)?(?:(?i:new)\s+(?P<title3>{TITLE})|{_LEAD_IN}(?i:as)\s+{_ARTICLES}(?P<title>{TITLE}))|(?i:announces|confirms)\s+(?:(?i:a|its)\s+)?(?P<title2>{TITLE})\s+(?i:transition|succession|change|appointment)"
    rf"|(?i:announces|unveils)\s+(?:(?i:a|its)\s+)?(?i:leadership|executive|management)\s+(?i:transition|changes?|succession|appointments?))"
)
_UNNAMED_GATE = _gate("names appoints taps hires announces picks selects finds welcomes ropes poaches lures brings adds confirms unveils")
_SUCCESSOR_GATE = _gate("successor replacement")
# Headlines that announce leadership news without naming the person: the summary does.
_TRANSITION_WORDS = _gate(
    "transition transitions succession successor changes change shakeup appointments strengthens bolsters expands boosts "
    "builds grows reshuffles shakes revamps hires"
)
_TRANSITION = re.compile(
    r"\b(?:leadership|executive|management|CEO|CFO|chief\s+executive)\s+(?:transition|change|changes|succession|shake-?up|appointments?)\b"
    r"|\bsuccession\b|\bnames\s+successor\b"
    r"|\b(?:strengthens|bolsters|expands|boosts|builds\s+out|grows|reshuffles|shakes\s+up|revamps)\s+(?:its\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:team|c-suite|leadership|board|bench|ranks)\b|\bnew\s+(?:leadership|executive|c-suite)\s+(?:hires|appointments)\b",
    re.IGNORECASE,
)
_TRAILING_VERB = re.compile(r"\s+(?i:announces|unveils|confirms|reveals|names|plans|completes|outlines)\s*$")
_LEADING_NAME = re.compile(r"^(?:[A-Z0-9][\w.&'-]*)(?:\s+(?:[A-Z0-9][\w.&'-]*|of|and|&))*")
_SUMMARY_PATTERNS = [
    ("appointed", re.compile(r"appoint|named|hired|promoted", re.IGNORECASE), re.compile(
        rf"(?i:appointment\s+of|has\s+appointed|appointed|has\s+named|named|has\s+hired|hired|has\s+promoted|promoted)\s+"
        rf"{_PERSON}(?:,\s+[^,]{{1,80}},)?\s+(?i:as|to)\s+{_ARTICLES}{_ROLE}")),
    ("appointed", re.compile(r"appointed|named|promoted|elected", re.IGNORECASE), re.compile(
        rf"{_PERSON}(?:,\s+[^,]{{1,80}},)?\s+(?i:has\s+been|was|will\s+be|is\s+being)\s+(?i:appointed|named|promoted\s+to|elected)\s+"
        rf"(?:(?i:as)\s+)?{_ARTICLES}{_ROLE}")),
    ("departed", re.compile(r"step|depart|resign|leav|retir", re.IGNORECASE), re.compile(
        rf"(?:(?i:co-?founder|founder)\s+(?:and|&)\s+)?{_ROLE}\s+{_PERSON}\s+(?i:will\s+step\s+down|is\s+stepping\s+down|"
        rf"has\s+stepped\s+down|stepped\s+down|will\s+depart|has\s+resigned|resigned|will\s+leave|is\s+leaving|will\s+retire|is\s+retiring)")),
]
_CLAUSE_SPLIT = re.compile(
    r"\s*;\s*|\s+-\s+|,\s+(?=[a-z]*\s*(?:[A-Z][\w.'-]+\s+){1,3}(?:named|appointed|to\s+step|steps)\b)"
    r"|(?:\s+and|,)\s+(?=(?:names|appoints|hires|taps|promotes|adds|welcomes)\b)",
)


# Every word that can carry a leadership headline; an item with none of them is skipped at once.
LEADERSHIP_WORDS = frozenset().union(*(gate for _, gate, _ in _HEADLINE_PATTERNS), _UNNAMED_GATE, _TRANSITION_WORDS)

# "... Chief Financial Officer and Mia Song Chief People Officer": a second appointment in one headline.
_ALSO = re.compile(rf"^\s*(?:,|and|&|,\s+and)\s+{_PERSON},?\s+(?:(?i:as)\s+)?{_ARTICLES}{_ROLE}")


def extract_leadership(
    headline: str, summary: str, company_hint: str | None = None, tokens: frozenset[str] | None = None
) -> list[Extraction]:
    """The appointments and departures a headline reports (the summary fills in a missing person).

    `company_hint` is the company another extractor found in the same headline; `tokens` is
    `words(headline)` when the caller already has it.
    """
    tokens = tokens if tokens is not None else words(headline)
    if not tokens & LEADERSHIP_WORDS:
        return []
    found: list[Extraction] = []
    clauses = _CLAUSE_SPLIT.split(headline)
    company = company_hint
    if company is None and len(clauses) > 1:
        # "Orbitly shakes up leadership, names Priya Nair COO": the first clause names the company.
        lead = _LEADING_NAME.match(clauses[0])
        company = company_from_subject(lead.group(0)) if lead else None
    unnamed: list[Extraction] = []
    for clause in clauses:
        events = _from_clause(clause, company, tokens) or (_successor(clause, company, found) if found and tokens & _SUCCESSOR_GATE else [])
        if events:
            company = company or events[0].company_name
            found.extend(events)
            continue
        match = _UNNAMED.match(clause) if tokens & _UNNAMED_GATE else None
        if match:
            where = company_from_subject(match.group("pre")) or company
            title = match.group("title") or match.group("title3")
            if where and title:
                unnamed.append(_event("appointed", where, None, title))
            company = company or where
    if company is None and _needs_summary(headline, found, tokens):
        company = _company_before_transition(headline)
    if (unnamed or any(e.attributes["person"] is None for e in found) or _needs_summary(headline, found, tokens)) and summary and company:
        from_summary = _from_summary(summary, company)
        if from_summary:
            return _dedupe([e for e in found if e.attributes["person"] is not None] + from_summary)
        found = [_with_person_from(summary, e) for e in found]
    return _dedupe(found + unnamed)


def _with_person_from(summary: str, event: Extraction) -> Extraction:
    """Fill a missing person from the summary when it names whoever holds the headline's title."""
    title = event.attributes["title"]
    if event.attributes["person"] is not None or not title:
        return event
    pattern = re.compile(rf"(?i:{re.escape(title)})\s+{_PERSON}|{_PERSON2},\s+(?:(?i:the\s+company's|its)\s+)?(?i:{re.escape(title)})\b")
    match = pattern.search(summary)
    if not match:
        return event
    person = match.group("person") or match.group("person2")
    return _event(event.change, event.company_name, person, title)


def _company_before_transition(headline: str) -> str | None:
    """"Acme Bolsters Executive Team" → "Acme": the words before the transition phrase, less a verb."""
    match = _TRANSITION.search(headline)
    if match is None:
        return None
    return company_from_subject(_TRAILING_VERB.sub("", headline[: match.start()]))


def _needs_summary(headline: str, found: list[Extraction], tokens: frozenset[str]) -> bool:
    return not found and bool(tokens & _TRANSITION_WORDS) and bool(_TRANSITION.search(headline))


def _from_clause(clause: str, company: str | None, tokens: frozenset[str]) -> list[Extraction]:
    for change, gate, pattern in _HEADLINE_PATTERNS:
        if not tokens & gate:
            continue  # a cheap keyword screen: the full patterns are costly to try
        match = pattern.match(clause)
        if not match:
            continue
        groups = match.groupdict()
        title = groups.get("title") or groups.get("title2")
        named = groups.get("co") or groups.get("co2") or groups.get("pre")
        where = _company(named, company, loose=change == "appointed" and groups.get("pre") is not None)
        if where is None:
            continue
        person = groups.get("person") or groups.get("person2")
        events = [_event(change, where, person, title)]
        also = _ALSO.match(clause[match.end():])
        if also and change == "appointed":
            events.append(_event(change, where, also.group("person"), also.group("title")))
        return events
    return []


def _company(named: str | None, company: str | None, loose: bool) -> str | None:
    """The company a clause names, the headline's company when it names none."""
    if not named or not named.strip():
        return company
    where = company_from_subject(named)
    if where is None and loose:
        # "Acme shakes up leadership, names ...": the leading capitalised words name the company.
        lead = _LEADING_NAME.match(named.strip())
        where = company_from_subject(lead.group(0)) if lead else None
    return where


def _successor(clause: str, company: str | None, found: list[Extraction]) -> list[Extraction]:
    match = _SUCCESSOR.match(clause)
    departed = next((e for e in found if e.change == "departed"), None)
    if not match or departed is None:
        return []
    where = company_from_subject(match.group("pre")) if match.group("pre") else company
    return [_event("appointed", where or company, match.group("person"), departed.attributes["title"])]


def _from_summary(summary: str, company: str) -> list[Extraction]:
    found = []
    for sentence in sentences(summary)[:3]:
        for change, gate, pattern in _SUMMARY_PATTERNS:
            if not gate.search(sentence):
                continue
            for match in pattern.finditer(sentence):
                found.append(_event(change, company, match.group("person"), match.group("title")))
    return found


def _event(change: str, company: str | None, person: str | None, title: str | None) -> Extraction:
    title = tidy_title(title) if title else None
    attributes = {
        "person": person,
        "title": title,
        "function": function_of(title),
        "seniority": seniority_of(title),
    }
    return Extraction(EventType.LEADERSHIP, change, company, attributes)


def _dedupe(events: list[Extraction]) -> list[Extraction]:
    seen = set()
    kept = []
    for event in events:
        key = (event.change, event.attributes["person"], event.attributes["title"])
        if key not in seen:
            seen.add(key)
            kept.append(event)
    return kept
