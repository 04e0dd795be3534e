"""The patterns of leadership news: person names, departure verbs, and the rules tried on each headline clause.

Each rule is (change, gate, pattern): `gate` is a set of words at least one of which must be in
the headline before the (costly) pattern is tried.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from signalwatch.extract.roles import BOARD, TITLE

__all__ = [
    "ALSO", "CLAUSE_SPLIT", "HEADLINE_RULES", "ROLE_WORDS", "Rule", "LEADERSHIP_WORDS", "LEADING_NAME", "PERSON", "PERSON2", "SUCCESSOR",
    "SUCCESSOR_GATE", "SUMMARY_RULES", "TRAILING_VERB", "TRANSITION", "TRANSITION_WORDS", "UNNAMED", "UNNAMED_GATE",
]

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
_INITIAL = r"[A-Z]\.(?:[A-Z]\.)?"  # "John A. Smith", "J.P. Morgan"
_SUFFIX = r"(?:,?\s+(?:Jr|Sr)\.?|\s+(?:II|III|IV))?"
PERSON = (
    rf"(?:(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+)?"
    rf"(?P<person>(?:{_INITIAL}\s+)?{_WORD}(?:\s+(?:{_PARTICLE}\s+|{_INITIAL}\s+)*{_WORD}){{1,3}}{_SUFFIX})"
)
PERSON2 = PERSON.replace("?P<person>", "?P<person2>")
# A title followed by "of the Year" or "Award" is an honour, not a job.
_ROLE = rf"(?P<title>{TITLE}|{BOARD})(?!\s+(?i:of\s+the\s+(?:year|month|decade)|awards?|list|honou?ree|finalist)\b)"
_LEAD_IN = r"(?:[\w'.&/-]+\s+){0,5}?"  # "former Oracle executive", "Stripe's", "Amgen veteran"
_ARTICLES = r"(?:(?i:its|the|their|a)\s+)?(?:(?i:new|first|first-ever|next|permanent)\s+)?"
_APPOINT = (
    r"(?i:appoints|has\s+appointed|names|has\s+named|taps|hires|has\s+hired|welcomes|adds|promotes|elevates|"
    r"ropes\s+in|brings\s+(?:on|in)|picks|selects|recruits|poaches|lures|elects|"
    r"announces\s+(?:the\s+)?(?:appointment|hiring|promotion|addition)\s+of|"
    r"(?:strengthens|bolsters|expands|boosts|builds\s+out|grows)\s+(?:its\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:team|bench|board|c-suite)\s+"
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


class Rule(NamedTuple):
    """One headline shape: the change it reports, its keyword screen, and the pattern itself."""

    change: str
    gate: frozenset[str]
    pattern: re.Pattern[str]
    needs_role: bool = True  # the pattern contains a job title, so the headline must hold a role word


# Words one of which every job title contains ("VP of Sales", "chief revenue officer", "CEO").
ROLE_WORDS = frozenset(
    "ceo cfo cto coo cmo cro cpo cio ciso chro cco cdo cso clo cao cbo cgo cxo cisco chief president vp svp evp vice "
    "head director officer chair chairman chairwoman chairperson counsel manager partner treasurer controller board "
    "executive founder cofounder".split()
)


def _gate(listing: str) -> frozenset[str]:
    return frozenset(listing.split())


_DEPART_GATE = _gate(
    "steps step stepping resigns resigned resign departs depart departing exits exit exiting leaves leave leaving "
    "retires retire retiring out ousted fired quits aside bows move moves"
)
_END = r"(?=\s+(?i:after|amid|to|following|effective|in|at|as|from|who|with|and|for|on)\b|[,;:.!?]|\s*$)"

HEADLINE_RULES = [
    # "Acme appoints Sarah Kim as CRO", "Acme names former Oracle exec David Osei CFO"
    Rule("appointed", _gate(
        "appoints appointed appointment names named taps hires hired welcomes adds promotes elevates ropes brings picks "
        "selects recruits poaches lures elects strengthens bolsters expands boosts builds grows"
    ), re.compile(
        rf"^(?P<pre>.*?)\s*{_APPOINT}\s+{_LEAD_IN}{PERSON}(?:,\s+[^,]{{1,80}},)?,?\s+"
        rf"(?:(?i:to\s+succeed|to\s+replace)\s+{PERSON2}\s+)?"
        rf"(?:(?i:as|to(?:\s+the\s+(?:role|position|post)\s+of)?|to\s+serve\s+as)\s+)?{_ARTICLES}{_ROLE}")),
    # "Acme welcomes new Chief Operating Officer Jane Doe"
    Rule("appointed", _gate(
        "appoints names taps hires welcomes adds promotes elevates ropes brings picks selects recruits poaches lures elects"
    ), re.compile(rf"^(?P<pre>.*?)\s*{_APPOINT}\s+{_ARTICLES}{_ROLE},?\s+{PERSON}{_END}")),
    # "Priya Raman joins Vantage Robotics as VP of Sales"
    Rule("appointed", _gate("joins joined returns rejoins"), re.compile(
        rf"^{_LEAD_IN}{PERSON}\s+(?i:joins|has\s+joined|rejoins|returns\s+to)\s+(?P<co>.+?)\s+(?i:as)\s+{_ARTICLES}{_ROLE}")),
    # "Jane Doe joins Acme's board"
    Rule("appointed", _gate("joins joined"), re.compile(
        rf"^{_LEAD_IN}{PERSON}\s+(?i:joins|has\s+joined)\s+(?P<co>.+?)(?:'s)?\s+(?P<title>{BOARD}(?:\s+of\s+[Dd]irectors)?)")),
    # "Sofia Ramos named CEO of Halcyon Data"
    Rule("appointed", _gate("named appointed promoted tapped elected hired confirmed chosen selected become becomes takes"),
     re.compile(
        rf"^{_LEAD_IN}{PERSON}\s+(?:is\s+|has\s+been\s+)?(?i:named|appointed|promoted\s+to|tapped\s+as|elected|hired\s+as|"
        rf"confirmed\s+as|chosen\s+as|selected\s+as|to\s+become|becomes|will\s+become|takes\s+over\s+as)\s+(?:(?i:as)\s+)?"
        rf"{_ARTICLES}{_ROLE}\s+(?i:of|at|for)\s+(?P<co>.+?){_END}")),
    # "Tom Alvarez steps down as CEO of Harbor Compliance", "Jane Doe to step down as Payverse CFO"
    Rule("departed", _DEPART_GATE, re.compile(
        rf"^{_LEAD_IN}{PERSON}\s+{_DEPART}\s+(?i:as)\s+{_ARTICLES}(?:{_ROLE}\s+(?i:of|at)\s+(?P<co>.+?){_END}"
        rf"|(?P<co2>[^,]+?)(?:'s)?\s+(?P<title2>{TITLE}){_END})")),
    # "Brightlane CEO Mark Duffy steps down", "Tarn's CEO exits", "Acme co-founder and CTO Jane Doe leaves"
    Rule("departed", _DEPART_GATE, re.compile(
        rf"^(?P<pre>.+?)\s+(?:(?i:co-?founder|founder)\s+(?:and|&)\s+)?{_ROLE}(?:,?\s+{PERSON},?)?\s+"
        rf"(?:(?i:has|will|is)\s+)?{_DEPART}")),
    # "Cyberwise announces departure of CMO Holly Grant", "Patchwork loses CTO as Dana Fox leaves"
    Rule("departed", _gate("departure resignation retirement exit loses ousts fires parts"), re.compile(
        rf"^(?P<pre>.+?)\s+(?i:announces\s+(?:the\s+)?(?:planned\s+|upcoming\s+|impending\s+)?"
        rf"(?:departure|resignation|retirement|exit)\s+of|loses|ousts|fires|"
        rf"parts\s+ways\s+with|confirms\s+(?:the\s+)?(?:departure|exit)\s+of)\s+{_ARTICLES}"
        rf"{_ROLE}(?:,?\s+{PERSON}|\s+(?i:as)\s+{PERSON2}\s+{_DEPART})?")),
    # "Acme co-founder Jane Doe steps down as CEO"
    Rule("departed", _gate("founder cofounder"), re.compile(
        rf"^(?P<pre>.+?)\s+(?i:co-?founder|founder)\s+{PERSON}\s+{_DEPART}(?:\s+(?i:as)\s+{_ARTICLES}{_ROLE})?")),
    # "Former Google exec Jane Doe to lead Acme as CEO", "Acme announces Jane Doe as CMO"
    Rule("appointed", _gate("lead run"), re.compile(
        rf"^{_LEAD_IN}{PERSON}\s+(?i:to\s+lead|will\s+lead|tapped\s+to\s+lead|named\s+to\s+lead|to\s+run|will\s+run)\s+"
        rf"(?P<co>.+?)\s+(?i:as)\s+{_ARTICLES}{_ROLE}")),
    Rule("appointed", _gate("announces introduces unveils confirms"), re.compile(
        rf"^(?P<pre>.*?)\s*(?i:announces|introduces|unveils|confirms)\s+{PERSON}\s+(?i:as)\s+{_ARTICLES}{_ROLE}")),
    # "Jane Doe to succeed John Roe as Acme CEO"
    Rule("appointed", _gate("succeed succeeds replace replaces"), re.compile(
        rf"^{_LEAD_IN}{PERSON}\s+(?i:to\s+succeed|succeeds|will\s+succeed|replaces|to\s+replace|will\s+replace)\s+"
        rf"{PERSON2}\s+(?i:as)\s+{_ARTICLES}(?:{_ROLE}\s+(?i:of|at)\s+(?P<co>.+?){_END}"
        rf"|(?P<co2>[^,]+?)(?:'s)?\s+(?P<title2>{TITLE}){_END})")),
    # "John Roe, Acme's longtime CFO, to retire", "Jane Doe, CEO of Acme, steps down"
    Rule("departed", _DEPART_GATE, re.compile(
        rf"^{PERSON},\s+(?:(?P<co2>[^,]+?)'s\s+(?:(?i:longtime|long-serving|current|founding)\s+)?(?P<title2>{TITLE})"
        rf"|{_ROLE}\s+(?i:of|at)\s+(?P<co>[^,]+?)),\s+(?:(?i:has|will|is)\s+)?{_DEPART}")),
    # "Jane Doe takes the helm at Acme"
    Rule("appointed", _gate("helm reins"), re.compile(
        rf"^{_LEAD_IN}{PERSON}\s+(?i:takes|to\s+take|will\s+take|took)\s+(?:(?i:the|over\s+the)\s+)?(?i:helm|reins)\s+"
        rf"(?i:at|of)\s+(?P<co>.+?){_END}"), needs_role=False),
    # "...; John Roe to retire": the company is named in another clause
    Rule("departed", _DEPART_GATE, re.compile(rf"^{_LEAD_IN}{PERSON}\s+{_DEPART}{_END}"), needs_role=False),
    # "Jane Doe leaves Acme" (no role named)
    Rule("departed", _gate("leaves exits departs quits"), re.compile(
        rf"^{_LEAD_IN}{PERSON}\s+(?i:leaves|exits|departs|quits)\s+(?P<co>[A-Z][^,;]*?){_END}"), needs_role=False),
]
# "COO Lisa Tran named successor": the role is the one the departing person held.
SUCCESSOR = re.compile(
    rf"^(?:(?P<pre>.*?)\s*(?:{TITLE})\s+)?{PERSON}\s+(?:is\s+)?(?i:named|appointed|tapped|picked|chosen)\s+(?:as\s+)?"
    r"(?:(?i:his|her|their|the|new|interim)\s+)*(?i:successor|replacement)"
    # "Board names John Roe successor"
    rf"|^(?P<pre2>.*?)\s*(?i:names|appoints|picks|taps)\s+{PERSON2}\s+(?:(?i:as)\s+)?(?:(?i:his|her|their|the|new|interim)\s+)*"
    r"(?i:successor|replacement)"
)
# "Acme names new CEO", "Acme announces CEO transition": the person is in the summary.
UNNAMED = re.compile(
    rf"^(?P<pre>.*?)\s*(?:(?i:names|appoints|taps|hires|announces|picks|selects|finds|welcomes|ropes\s+in|poaches|lures|"
    rf"brings\s+(?:on|in)|adds)\s+(?:(?i:a|its)\s+)?(?:(?i:new)\s+(?P<title3>{TITLE})|{_LEAD_IN}(?i:as)\s+{_ARTICLES}(?P<title>{TITLE}))"
    rf"|(?i:announces|confirms)\s+(?:(?i:a|its)\s+)?(?P<title2>{TITLE})\s+(?i:transition|succession|change|appointment)"
    rf"|(?i:announces|unveils)\s+(?:(?i:a|its)\s+)?(?i:leadership|executive|management)\s+(?i:transition|changes?|succession|appointments?))"
)
UNNAMED_GATE = _gate(
    "names appoints taps hires announces picks selects finds welcomes ropes poaches lures brings adds confirms unveils"
)
SUCCESSOR_GATE = _gate("successor replacement")
# Headlines that announce leadership news without naming the person: the summary does.
TRANSITION_WORDS = _gate(
    "transition transitions succession successor changes change shakeup appointments strengthens bolsters expands boosts "
    "builds grows reshuffles shakes revamps hires"
)
TRANSITION = re.compile(
    r"\b(?:leadership|executive|management|CEO|CFO|chief\s+executive)\s+"
    r"(?:transition|change|changes|succession|shake-?up|appointments?)\b"
    r"|\bsuccession\b|\bnames\s+successor\b|\bchanges\s+to\s+(?:its\s+)?(?:executive\s+|senior\s+)?(?:leadership|management)\b"
    r"|\b(?:strengthens|bolsters|expands|boosts|builds\s+out|grows|reshuffles|shakes\s+up|revamps)\s+(?:its\s+)?"
    r"(?:[\w-]+\s+){0,2}?"
    r"(?:team|c-suite|leadership|board|bench|ranks)\b|\bnew\s+(?:leadership|executive|c-suite)\s+(?:hires|appointments)\b",
    re.IGNORECASE,
)
TRAILING_VERB = re.compile(r"\s+(?i:announces|unveils|confirms|reveals|names|plans|completes|outlines)\s*$")
LEADING_NAME = re.compile(r"^(?:[A-Z0-9][\w.&'-]*)(?:\s+(?:[A-Z0-9][\w.&'-]*|of|and|&))*")
SUMMARY_RULES = [
    ("appointed", re.compile(r"appoint|named|hired|promoted", re.IGNORECASE), re.compile(
        rf"(?i:appointment\s+of|has\s+appointed|appointed|has\s+named|named|has\s+hired|hired|has\s+promoted|promoted)\s+"
        rf"{PERSON}(?:,\s+[^,]{{1,80}},)?\s+(?i:as|to)\s+{_ARTICLES}{_ROLE}")),
    ("appointed", re.compile(r"appointed|named|promoted|elected", re.IGNORECASE), re.compile(
        rf"{PERSON}(?:,\s+[^,]{{1,80}},)?\s+(?i:has\s+been|was|will\s+be|is\s+being)\s+"
        rf"(?i:appointed|named|promoted\s+to|elected)\s+"
        rf"(?:(?i:as)\s+)?{_ARTICLES}{_ROLE}")),
    ("departed", re.compile(r"step|depart|resign|leav|retir", re.IGNORECASE), re.compile(
        rf"(?:(?i:co-?founder|founder)\s+(?:and|&)\s+)?{_ROLE}\s+{PERSON}\s+(?i:will\s+step\s+down|is\s+stepping\s+down|"
        rf"has\s+stepped\s+down|stepped\s+down|will\s+depart|has\s+resigned|resigned|will\s+leave|is\s+leaving|"
        rf"will\s+retire|is\s+retiring)")),
]
CLAUSE_SPLIT = re.compile(
    r"\s*;\s*|\s+-\s+|,\s+(?=[a-z]*\s*(?:[A-Z][\w.'-]+\s+){1,3}(?:named|appointed|to\s+step|steps)\b)"
    r"|(?:\s+and|,)\s+(?=(?:names|appoints|hires|taps|promotes|adds|welcomes)\b)",
)


# Every word that can carry a leadership headline; an item with none of them is skipped at once.
LEADERSHIP_WORDS = frozenset().union(*(rule.gate for rule in HEADLINE_RULES), UNNAMED_GATE, TRANSITION_WORDS)

# "... Chief Financial Officer and Mia Song Chief People Officer": a second appointment in one headline.
ALSO = re.compile(rf"^\s*(?:,|and|&|,\s+and)\s+{PERSON},?\s+(?:(?i:as)\s+)?{_ARTICLES}{_ROLE}")
