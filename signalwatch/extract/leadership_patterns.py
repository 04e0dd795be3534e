"""The shapes of leadership news, written over marked clauses (see `names.mark`).

In a marked clause every job title is ⟦k⟧ and every run of name words ⟪k⟫, so one rule covers
"Apple CEO Steve Jobs resigns" and "Uber's president Jeff Jones quits" alike: ⟪co⟫ ⟦t⟧ ⟪p⟫ <depart>.
Each rule names the change it reports; its groups say which marker is the person (`p`, `p2`,
`plist`), the title (`t`, `t2`, `at` for a title in an apposition) and the company (`co`, `co2`,
`co3`, `aco`). Patterns are compiled on first use so that importing the package stays quick.

Rule kinds:
    appointed / departed   the change named by the rule
    succession             `p` appointed and `p2` departed, one title for both
    successor              `p` appointed to the title of whoever the item says departed
    unnamed                a change with no person ("Acme names new CFO"): the summary must name one
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

__all__ = ["Rule", "rules", "candidate_rules", "LEADERSHIP_WORDS", "HEADLINE_CUES", "holder_patterns"]

# Markers and the words around them.
_NAME = r"⟪(?P<{}>\d+)⟫"
_TITLE = r"⟦(?P<{}>\d+)⟧"
_ANY_NAME = r"⟪\d+⟫"
_ART = (
    r"(?:(?i:its|the|their|his|her|a|an|company's|the\s+company's)\s+|(?i:the\s+[a-z-]+\s+(?:company|firm|group|bank|giant|airline|retailer|"
    r"carrier|biotech|drugmaker|startup|business|miner|maker)'s)\s+)?"
    r"(?:(?i:new|current|newly\s+created|permanent|next|first|sole|longtime|embattled|outgoing|former|previous)\s+)?"
    r"(?:(?i:non-executive|independent)\s+)?"
)
# Auxiliaries and adverbs between a subject and its verb: "has", "will", "is reportedly", "has decided to".
_ADV = (
    r"(?:(?i:officially|reportedly|formally|suddenly|unexpectedly|abruptly|just|now|also|quietly|finally|already|soon|"
    r"will|would|has|have|had|is|are|was|were|to|be|been|being|then|set\s+to|expected\s+to|decided\s+to|plans\s+to|"
    r"planning\s+to|today|on\s+\w+day|this\s+week|effective\s+immediately|recently)\s+)*"
)
# "as Acme's new chief executive": the words between a company's name and the title.
_CO_NEW = r"(?:(?i:new|next|first|first-ever|interim|permanent|incoming)\s+)?"
# The role a company gives is never "a former head of strategy": that is who the person was.
_NOT_FORMER = r"(?!(?i:(?:an?|the|its|his|her)\s+)?(?:former|ex-|previous|outgoing)\b)"
# An apposition never holds another person's change: "Peck, ..., will be succeeded by X, who will serve as".
_PASSIVE_BY = r"[^,]*\b(?i:succeeded|replaced)\s+(?i:by)\b"
# ", the chief design officer of Apple," or ", a design legend who helped create the iPhone,".
_APPOS = (
    rf"(?P<appos>(?:,|\s+-+)\s+(?!(?i:and|or|but|while)\b)(?:[^,⟦⟧]{{0,60}}?\s)??(?:(?:⟪(?P<aco>\d+)⟫'s\s+)?{_ART}⟦(?P<at>\d+)⟧"
    rf"(?:\s+(?i:of|at)\s+(?:(?i:the)\s+)?(?:[a-z][\w-]*\s+){{0,3}}⟪(?P<aco2>\d+)⟫(?=\s*(?:,|-)|\s+in\s+⟪))?(?:\s+[^,]{{0,80}}?)?"
    rf"|(?!{_PASSIVE_BY})[^,⟦]{{1,80}}?)(?:,\s+(?!{_PASSIVE_BY})[^,]{{1,60}}?){{0,2}}(?:,|\s+-+))?"
)
# "Thomas Horton of GE board", "Marissa Mayer of Google": where the person comes from.
_FROM = r"(?:\s+(?i:of|from|at)\s+(?:the\s+)?⟪\d+⟫(?:\s+(?i:board))?)?"
# A name that ends the phrase: not the first of "Intel CFO Robert Swan".
_P_END = r"(?![\s,]*[⟦⟪])"
_LEADIN = r"(?:(?:⟪\d+⟫(?:'s)?|⟦\d+⟧|(?!(?i:to|as|who|that|with)\b)[^\s⟪⟦,;]+)\s+){0,5}?"  # "former Lloyds TSB marketer", "the company's CFO"
# The words before the person a company appoints never end in "of": "has appointed the former UK boss of Credit Suisse as".
_HIRE_LEADIN = _LEADIN + r"(?<!\bof\s)"
_OF_CO = rf"(?:\s+(?i:of|at|for)\s+{_ART}(?:[a-z][\w-]*\s+){{0,3}}{_NAME.format('co2')})?"
_OF_DCO = _OF_CO.replace("?P<co2>", "?P<dco2>")
# What may follow "leaves"/"exits" when a person leaves a post (not "leaves door open", "exits stake").
_GOING = (
    r"\s+(?:(?:the\s+(?:company|firm|board|group|business|role|post|position|bank|startup|organi[sz]ation|hospital|brand|agency|"
    r"charity|retailer|airline|insurer|job)|for|to|after|amid|as|in|effective|at|"
    r"following|with|over|on|this|next|later|by|from|his|her|their|months|weeks|less|just)\b|[⟪⟦])|\s*[,;:.!?(\"“-]|\s*$"
)
_DEPART = (
    r"(?i:resigns|resigned|resigning|steps\s+down|stepped\s+down|stepping\s+down|step\s+down|steps\s+aside|step\s+aside|"
    r"stood\s+down|stands\s+down|stand\s+down|standing\s+down|"
    r"stepping\s+aside|(?:departs|departing|depart|leaves|leaving|leave|quits|quit|quitting|exits|exiting|exit)(?=" + _GOING + r")|"
    r"left(?=\s+(?:the\s+company|⟪))|retires|retiring|retire|(?<=has\s)retired|out(?=\s+(?:as|at|following|after|amid|over)\b)|"
    r"(?:is\s+)?out(?=\s*(?:$|[,;:.!?(]|\s-))|"
    r"(?:ousted|fired|sacked|dismissed|removed|replaced)(?!\s+(?:⟦|⟪|its\b|the\b|his\b|her\b|their\b|him\b|a\b))|"
    r"bows\s+out|bails\s+out|is\s+on\s+(?:his|her)\s+way\s+out|"
    # "announced he would be leaving August 1", "said she was stepping down", "has confirmed his intention to step down"
    r"(?:said|announced|announcing|confirmed|revealed|told\s+staff)\s+(?:that\s+)?(?:she|he)\s+(?:would|will|is|was)\s+(?:be\s+)?"
    r"(?:leaving|stepping\s+down|retiring|resigning|departing|quitting|leave|step\s+down|resign|retire|depart|quit)|"
    r"(?:announced|confirmed|revealed|signalled|signaled)\s+(?:his|her)\s+(?:intention|plans?|decision)\s+to\s+(?:step\s+down|leave|retire|resign|depart|quit)|"
    r"left\s+to\s+(?:lead|join|run|head|become|pursue|take)|"
    r"(?:makes|make|made|making)\s+(?:an?\s+|the\s+)?(?:[a-z-]+\s+)?exit(?!\s+(?:from|of)\s+(?:its|the|a)\b))(?![\w-])"  # "CEO makes abrupt exit"
)
_DEPART_TAIL = (
    rf"(?:\s+(?i:as|from)\s+(?:(?i:his|her|their)\s+(?:roles?|positions?|posts?|jobs?)\s+(?i:as)\s+)?{_ART}"
    rf"(?:{_NAME.format('dco')}(?:'s)?\s+(?:[a-z]+\s+)?)?{_TITLE.format('dt')}{_OF_DCO}"
    rf"|\s+(?i:from\s+|at\s+)?{_NAME.format('dco3')})?"
)
_APPOINT_VERB = (
    r"(?i:names|named|appoints|appointed|hires|hired|taps|tapped|elects|elected|promotes|promoted|picks|picked|selects|"
    r"selected|recruits|recruited|poaches|poached|lures|lured|announces|announced|welcomes|welcomed|adds|added|"
    r"brings\s+in|brought\s+in|ropes\s+in|picks\s+up|makes|made|installs|installed|chooses|chose|chosen|unveils|elevates|"
    r"elevated|upgrades|has\s+elevated|snags|snagged|nabs|nabbed|bumps|bumped|lands|landed|appointing|naming|hiring|tapping|promoting|"
    r"elevating|recruiting|installing)"
)
_PERSONS = r"(?P<plist>⟪\d+⟫(?:(?:,\s+(?:and\s+)?|\s+(?:and|&)\s+)⟪\d+⟫){1,3})"
# "Chief Operating Officer David Ko, Chief People Officer Colleen McCreary and Chief Technology Officer Cadir Lee"
_ASIDE = r"(?:\s*\([^()⟪⟦]{0,40}\))?"  # "(pictured at left)"
_PAIRS = rf"(?P<pairs>⟦\d+⟧,?\s+⟪\d+⟫{_ASIDE}(?:(?:,\s+(?:and\s+)?|\s+(?:and|&)\s+)⟦\d+⟧,?\s+⟪\d+⟫{_ASIDE}){{1,4}})"
_WHO_NEXT = r"(?i:who)\s+(?=(?i:will|would|is|are|plans|intends|has\s+announced|announced)\b)"
# "HQ Hotels & Residences, the new lifestyle hospitality brand led by ..., has named", "Zimmer Biomet (NYSE:ZBH) recently appointed"
_CO_ASIDE = r"(?:\s*\([^()]{1,30}\))?(?:,\s+(?:the|a|an)\s[^,;]{1,100}?,)?"
# The subject of an appointment that is the item's company by another name: "the nonprofit has named", "its board appointed".
_THE_COMPANY = (
    r"(?i:the|its)\s+(?:[a-z-]+\s+){0,2}?(?i:board(?:\s+of\s+directors)?|company|firm|group|nonprofit|biotech|bank|startup|retailer|"
    r"airline|hospital|charity|organi[sz]ation|insurer|lender|developer|miner|maker|brand|chain|operator|giant|foundation|association|"
    r"drugmaker|carrier|business|platform)"
)


class Rule(NamedTuple):
    """One shape of leadership news: its kind, its keyword screen, its pattern, and whether a lone surname may be the person."""

    name: str
    kind: str  # appointed, departed, succession, successor, unnamed_appointed, unnamed_departed, ...
    gate: frozenset[str]  # the clause must hold one of these words before the (costly) pattern is tried
    pattern: re.Pattern[str]
    surname_ok: bool = False  # "Uber CEO Kalanick resigns": a title right before the name vouches for it
    needs: frozenset[str] = frozenset()  # when set, the clause must also hold one of these words


def _words(listing: str) -> frozenset[str]:
    return frozenset(listing.split())


_APPOINT_WORDS = _words(
    "names named appoints appointed hires hired taps tapped elects elected promotes promoted picks picked selects selected "
    "recruits recruited poaches poached lures lured announces announced welcomes welcomed adds added brings brought ropes "
    "makes made installs installed chooses chose chosen unveils elevates elevated upgrades up snags snagged nabs nabbed bumps "
    "bumped lands landed appointing naming hiring tapping promoting elevating recruiting installing"
)
_DEPART_WORDS = _words(
    "resigns resigned resigning steps stepped stepping step aside departs departing depart leaves leaving leave left quits "
    "quit quitting retires retiring retire exits exiting exit out ousted fired sacked dismissed removed replaced bows bails way said "
    "stood stands stand standing retired"
)
# The keyword screen of each rule, by rule name.
_GATES = {
    "person-named-title": _words("named appointed elected tapped picked chosen selected hired confirmed promoted made installed"),
    "person-becomes-title": _words(
        "becomes become became serve serving take takes over steps step returns return back new going joining run lead head moved moves move "
        "act acts be comes come came coming"
    ),
    "company-names-person": _APPOINT_WORDS,
    "company-names-person-to-succeed": _words("succeed replace successor"),
    "and-names-person": _APPOINT_WORDS,
    "and-person-title": _words("and"),
    "person-named-successor": _words("successor replacement"),
    "names-person-successor": _words("successor replacement"),
    "person-leads-company-as": _words("lead leads run runs head heads"),
    "person-takes-helm": _words("helm reins"),
    "company-names-person-to-lead": _words("head lead run oversee"),
    "company-names-title-person": _APPOINT_WORDS,
    "new-title-person": _words("new"),
    "appointment-of": _words("appointment hiring promotion naming election"),
    "person-joins-as": _words("joins joined rejoins joining join returns returning rejoin rejoining rejoined"),
    "brings-person-on-board": _words("bring brings bringing brought"),
    "person-as-new-title": _words("new next incoming"),
    "person-assumes-role-as": _words("assume assumes assuming"),
    "company-ousts-pairs": _words("ousts ousted fires fired dismisses dismissed let lets"),
    "company-names-descriptor-as-title": _words("names appoints hires taps picks selects adds elevates promotes recruits poaches lures nabs "
                                                "snags brings lands"),
    "person-joins-board": _words("board"),
    "person-joins-as-board-member": _words("member"),
    "company-elects-to-board": _words("board"),
    "person-replaces-person": _words("replaces replace succeeds succeed"),
    "title-person-replaced-by": _words("replaced succeeded"),
    "replaced-by": _words("replaced succeeded"),
    "replacing-him-with": _words("replacing replaced replace"),
    "person-steps-in": _words("shoes into"),
    "person-who-left": _words("departed left quit exited"),
    "pronoun-leaves": _words("he she"),
    "pronoun-named": _words("he she"),
    "person-takes-over": _words("take takes taking took"),
    "former-returns": _words("ex former"),
    "company-ousts": _words("ousts ousted fires fired removes removed dismisses dismissed sacks sacked cans canned axes axed pushes forces loses lost "
                            "parts parted part let lets"),
    "departure-of": _words("departure resignation retirement exit ouster firing"),
    "succeeding": _words("succeeding replacing replace succeed takes take taking"),
    "persons-appointed": _words("appointed named elected promoted become"),
    "person-relinquishes-role": _words("relinquish relinquishes relinquished relinquishing give gives giving"),
    "person-moves-into-role": _words("move moves moving transition transitions transitioning"),
    "person-and-becomes": _words("become becomes"),
    "person-succeeding-as": _words("succeeding replacing"),
    "departure-of-title": _words("departure resignation retirement exit ouster firing"),
    "company-names-title": _words("names name appoints hires taps picks selects finds found welcomes announces unveils gets lands poaches lures"),
    "company-new-title": _words("new"),
    "title-named-title-of": _words("named appointed"),
    "surname-named-title": _words("named appointed elected tapped picked chosen confirmed promoted"),
    "company-s-new-title-is": _words("new next"),
    "person-hands-role-to": _words("hands handed passes passed hand pass handing passing"),
    "person-is-company-s-new-title": _words("new next first"),
    "board-names-person": _APPOINT_WORDS,
    "person-takes-helm-bare": _words("helm reins reigns"),
    "person-steps-into-role": _words("into"),
    "person-returns-to-lead": _words("return returns returning back"),
    "person-assumes-duties": _words("assume assumes assuming"),
    "company-new-title-unnamed": _words("new"),
}


def _rule(name: str, kind: str, pattern: str, surname_ok: bool = False) -> Rule:
    return Rule(name, kind, _GATES.get(name, _DEPART_WORDS), re.compile(pattern), surname_ok, _NEEDS.get(name, frozenset()))


# A second screen for rules whose first one is a common word ("new", "give"): the clause needs one of these too.
_NEEDS = {
    "person-as-new-title": _words("as role job position post"),
    "person-relinquishes-role": _words("relinquish relinquishes relinquished relinquishing up"),
    "person-moves-into-role": _words("role position post"),
    "person-and-becomes": _words("and"),
}


P = _NAME.format("p")
P2 = _NAME.format("p2")
CO = _NAME.format("co")
T = _TITLE.format("t")
T2 = _TITLE.format("t2")


@functools.cache
def rules() -> tuple[Rule, ...]:
    """Every rule, tried in this order on each clause; compiled on first use."""
    return (
        # "Safra Catz, Mark Hurd appointed co-CEOs", "Mark Hurd and Safra Catz become co-CEOs"
        _rule("persons-appointed", "appointed_list",
              rf"{_PERSONS}\s+{_ADV}(?i:appointed|named|elected|promoted\s+to|become)\s+(?:(?i:as)\s+)?{_ART}{T}"),
        # "Satya Nadella officially named new Microsoft CEO", "Tim Cook, formerly Apple's COO, has been named CEO"
        _rule("person-named-title", "appointed",
              rf"{P}{_FROM}{_APPOS}\s+{_ADV}(?i:named|appointed|elected|tapped|picked|chosen|selected|hired|confirmed|promoted|made|"
              rf"installed)(?:\s+(?i:as|to))?\s+(?:(?i:to\s+the\s+(?:newly\s+created\s+)?(?:position|role|post)\s+of)\s+)?"
              rf"{_ART}(?:{CO}(?:'s)?\s+{_CO_NEW})?{T}{_OF_CO}"),
        # "Nadella named new Microsoft CEO": a lone surname vouched for by the title (never "Microsoft named CEO Satya Nadella")
        _rule("surname-named-title", "appointed",
              rf"{P}\s+{_ADV}(?i:named|appointed|elected|tapped|picked|chosen|confirmed|promoted)\s+(?:(?i:as|to)\s+)?{_ART}"
              rf"(?:{CO}(?:'s)?\s+)?{T}{_OF_CO}(?![\s,]*⟪)", surname_ok=True),
        # "Jane Doe is Zorbly's new CEO"
        _rule("person-is-company-s-new-title", "appointed",
              rf"{P}{_APPOS}\s+{_ADV}(?i:is|becomes|became|as)\s+{CO}'s\s+(?i:new|next|first)\s+{T}"),
        # "Marissa Mayer to become Yahoo CEO", "Sundar Pichai is the new CEO of Alphabet", "X, who will serve as interim CEO"
        _rule("person-becomes-title", "appointed",
              rf"{P}{_FROM}{_APPOS},?\s+(?:(?i:who)\s+)?{_ADV}(?i:becomes|become|became|serve\s+as|serving\s+as|take\s+over\s+as|takes\s+over\s+as|"
              rf"moved\s+to|moves\s+to|move\s+to|"
              rf"steps\s+in\s+as|step\s+in\s+as|returns\s+as|return\s+as|back\s+as|the\s+new|new|going\s+to\s+be|"
              rf"(?:comes|come|came|coming)\s+on\s+board\s+as|"
              rf"joining\s+(?:[\w-]+\s+){{0,4}}?{_ANY_NAME}\s+as|run|lead|head|act\s+as|acts\s+as|be)\s+{_ART}(?:(?i:role|position|post)\s+(?i:of)\s+)?"
              rf"(?:{CO}(?:'s)?\s+{_CO_NEW})?{T}{_OF_CO}"),
        # "Microsoft taps Nadella for CEO", "Tesla names insider Taneja CFO", "Intel board has appointed CFO Robert Swan as interim CEO"
        _rule("company-names-person", "appointed",
              rf"{CO}{_CO_ASIDE}(?:'s)?(?:\s+(?i:board(?:\s+of\s+directors)?))?\s+{_ADV}{_APPOINT_VERB}\s+{_HIRE_LEADIN}{P}"
              rf"(?!\s+⟦\d+⟧\s+(?:⟪|(?i:as|to)\s+(?:[a-z-]+\s+){{0,2}}⟦))"  # not "former Credit Suisse boss as chief executive"
              rf"(?:\s+(?i:of|from)\s+{_ANY_NAME})?{_APPOS}\s*,?\s*(?:(?i:as|to|for|to\s+be|to\s+serve\s+as|to\s+lead\s+as|"
              rf"to\s+the\s+(?:newly\s+created\s+)?(?:role|position|post)\s+of)\s+)?{_NOT_FORMER}{_ART}{T}"),
        # "The board has named Tim Cook ... as Jobs' replacement as Apple's CEO", "it named chief commercial officer X as its new boss":
        # the company is the item's own
        _rule("board-names-person", "appointed",
              rf"(?:^|(?<=[\s,;]))(?:{_THE_COMPANY}|(?i:it))\s+{_ADV}{_APPOINT_VERB}\s+"
              rf"{_HIRE_LEADIN}(?:(?:⟪\d+⟫|⟦\d+⟧),\s+)?{P}(?!\s+⟦\d+⟧\s+⟪){_APPOS}\s*,?\s*(?:(?i:as)\s+(?:⟪\d+⟫'s?\s+)?(?i:replacement|successor)\s+)?"
              rf"(?:(?i:as|to|for|to\s+be|to\s+serve\s+as)\s+)?{_NOT_FORMER}{_ART}(?:{CO}(?:'s)?\s+{_CO_NEW})?{T}"),
        # "Corvid taps Anna Berg to succeed Lars Holm as CEO"
        _rule("company-names-person-to-succeed", "succession",
              rf"{CO}\s+{_ADV}{_APPOINT_VERB}\s+{_LEADIN}{P}\s+(?i:to\s+succeed|to\s+replace|as\s+successor\s+to)\s+{_ART}(?:{T2}\s+)?{P2}"
              rf"(?:\s+(?i:as)\s+{_ART}(?:{_NAME.format('co2')}(?:'s)?\s+)?{T})?"),
        # "Gridspan raises $25M and names former Tesla exec Maria Lopez as COO": the company is the headline's
        _rule("and-names-person", "appointed",
              rf"(?:^|[,;]|\s(?i:and|also|by))\s+{_APPOINT_VERB}\s+{_HIRE_LEADIN}{P}(?:\s+(?i:of|from)\s+{_ANY_NAME})?{_APPOS}\s*,?\s*"
              rf"(?:(?i:as|to|for)\s+)?{_ART}{T}"),
        # "... Ben Carter Chief Financial Officer and Mia Song Chief People Officer": a second appointment
        _rule("and-person-title", "appointed_also", rf"(?<=⟧)\s*(?:,|\s+and|,\s+and)\s+{P},?\s+(?:(?i:as)\s+)?{_ART}{T}"),
        # "COO Lisa Tran named successor", "Board Names Nina Cruz Successor"
        _rule("person-named-successor", "successor",
              rf"{P}\s+{_ADV}(?i:named|appointed|tapped|picked|chosen)\s+(?:(?i:as)\s+)?(?:(?i:his|her|their|the|new|interim)\s+)*"
              rf"(?i:successor|replacement)"),
        _rule("names-person-successor", "successor",
              rf"(?i:names|appoints|picks|taps)\s+{P}\s+(?:(?i:as)\s+)?(?:(?i:his|her|their|the|new|interim)\s+)*(?i:successor|replacement)"),
        # "Karen Yu to lead Brightmind as CEO"
        _rule("person-leads-company-as", "appointed",
              rf"{P}\s+{_ADV}(?i:lead|leads|run|runs|head|heads)\s+{CO}\s+(?i:as)\s+{_ART}{T}"),
        # "Arlo Diaz takes the helm at Brightpath Learning"
        _rule("person-takes-helm", "appointed",
              rf"{P}\s+{_ADV}(?i:takes|take|took|taking)\s+(?:(?i:the|over\s+the)\s+)?(?i:helm|reins)\s+(?i:at|of)\s+{CO}"),
        # "Chief Operating Officer Jim Farley is taking the helm": the role the departing person leaves
        _rule("person-takes-helm-bare", "successor",
              rf"{P}{_APPOS}\s+{_ADV}(?i:takes|take|taking|took)\s+(?:(?i:over)\s+)?(?:(?i:the)\s+)?(?i:helm|reins|reigns)(?!\s+(?i:at|of)\b)"),
        # "Jim Farley, Ford's chief operating officer, will step into the CEO role"
        _rule("person-steps-into-role", "appointed",
              rf"{P}{_APPOS}\s+{_ADV}(?i:steps|step|stepped|stepping)\s+(?i:into|up\s+to)\s+(?i:the)\s+(?:{CO}(?:'s)?\s+)?{T}\s+"
              rf"(?i:role|position|post|job|seat)"),
        # "Howard Schultz will return to lead the company on an interim basis"
        _rule("person-returns-to-lead", "successor",
              rf"{P}{_APPOS}\s+{_ADV}(?i:returns|return|returning|comes\s+back|coming\s+back)\s+(?i:to\s+(?:lead|run|head|helm))\b"
              rf"(?=(?P<interim>[^.;]{{0,60}}?(?i:on\s+an\s+interim\s+basis|temporarily|in\s+the\s+interim))?)"),
        # "Current finance chief Doug Warden will assume the role as interim chief executive officer"
        _rule("person-assumes-role-as", "appointed",
              rf"{P}{_APPOS}\s+{_ADV}(?i:assume|assumes|assuming)\s+(?:(?i:the)\s+)?(?i:role|position|post)\s+(?i:of|as)\s+{_ART}{T}{_OF_CO}"),
        # "Angelo Casanas ... will assume Lombardi's leadership duties on an interim basis"
        _rule("person-assumes-duties", "successor",
              rf"{P}{_APPOS}\s+{_ADV}(?i:assume|assumes|assuming)\s+(?:(?:⟪\d+⟫'s?|(?i:his|her|the|their))\s+)?"
              rf"(?:(?i:leadership|executive|day-to-day)\s+)?(?i:duties|role|responsibilities|post|position)"
              rf"(?P<interim>\s+(?i:on\s+an\s+interim\s+basis|in\s+the\s+interim|ad\s+interim))?"),
        # "Seat has promoted regional brand manager Mark McKenna to head its marketing": the title is in the headline
        _rule("company-names-person-to-lead", "filler",
              rf"{CO}\s+{_ADV}{_APPOINT_VERB}\s+{_LEADIN}{P},?\s+(?i:to\s+(?:head|lead|run|oversee))\b"),
        # "Microsoft announced its new head of marketing today, Chris Capossela", "Acme welcomes new COO Jane Doe"
        _rule("company-names-title-person", "appointed",
              rf"{CO}\s+{_ADV}(?:(?!(?i:announces|announced|unveils))|(?=(?i:announces|announced|unveils)\s+(?:(?i:its|the|their|a)\s+)?(?i:new)\b))"
              rf"{_APPOINT_VERB}\s+(?!(?i:former|ex-|previous))(?:{_ART}(?:{_ANY_NAME}\s+)?){T}[,:]?\s+"
              rf"(?:(?i:today|on\s+\w+day),?\s+)?{P}"),
        # "Acme's new CFO is Jane Doe"
        _rule("company-s-new-title-is", "appointed", rf"{CO}'s\s+(?i:new|next)\s+{T}\s+(?i:is|will\s+be)\s+{P}{_P_END}"),
        # "Acme founder John Roe hands CEO role to Jane Doe": the one who hands it over leaves the role
        _rule("person-hands-role-to", "succession",
              rf"{P2}\s+{_ADV}(?i:hands|handed|passes|passed|hand|pass|handing|passing)\s+(?:(?i:the|his|her|its)\s+)?{T}\s+"
              rf"(?:(?i:role|job|post|reins|baton|title)\s+)?(?i:to)\s+{_LEADIN}{P}{_P_END}"),
        # "Google's new CFO Ruth Porat", "the company's new chief executive Jane Doe"
        _rule("new-title-person", "appointed", rf"(?:{CO}'s\s+)?(?i:new)\s+{T},?\s+{P}"),
        # "hiring of Chris Lattner who will be the company's new VP", "appointment of Steven Sharp as marketing chief"
        _rule("appointment-of", "appointed",
              rf"(?:{CO}{_CO_ASIDE}\s+{_ADV}(?i:announced|announces|confirmed|confirms)\s+(?:(?i:the|its)\s+)?)?"
              rf"(?i:appointment|hiring|promotion|naming|election)\s+of\s+{_LEADIN}{P},?\s+(?i:as|who\s+will\s+be|to)\s+{_ART}{T}{_OF_CO}"),
        # "Chris Lattner joins Tesla as VP", "Jane Doe has joined Acme as CRO"
        _rule("person-joins-as", "appointed",
              rf"{P}{_APPOS}\s+(?:(?:[a-z]+\s+){{1,3}}and\s+)?(?:(?i:who)\s+)?{_ADV}(?i:joins|joined|rejoins|rejoined|rejoining|rejoin|joining|join|"
              rf"returns\s+to|returning\s+to)\s+"
              rf"(?:(?:{_ART}[\w-]+\s+){{0,4}}?{CO}\s+(?:\([^()]{{1,20}}\)\s+)?)?"
              rf"(?:[\w-]+\s+){{0,4}}?(?:(?i:as)|(?i:in\s+the\s+(?:newly\s+created\s+|new\s+)?(?:role|position|post)\s+of))\s+{_ART}{T}{_OF_CO}"),
        # "FoRx Therapeutics is bringing Jens Würthner on board as chief medical officer", "to bring on Dorsey as interim CEO"
        _rule("brings-person-on-board", "appointed",
              rf"(?:{CO}\s+{_ADV})?(?i:brings|bringing|brought|bring)\s+(?:(?i:on|in)\s+(?:(?i:board)\s+)?)?{_LEADIN}{P}{_APPOS}\s+"
              rf"(?:(?i:on\s+board|aboard|in|on)\s+)?(?i:as)\s+{_ART}{T}{_OF_CO}"),
        # "Nicholas Botwood is swinging into the biotech world as the new chief medical officer and R&D head of Syndax Pharmaceuticals",
        # "Dara Khosrowshahi has admitted he's scared to accept his new role as Uber's chief executive"
        _rule("person-as-new-title", "appointed",
              rf"{P}{_APPOS}\s+(?!(?i:who|which|whose)\b)[^,.;:⟪⟦]{{1,60}}?\s(?:(?i:as)\s+(?:(?i:the|its|their)\s+)?(?:{CO}'s\s+)?"
              rf"(?i:new|next|incoming)|(?i:his|her|a|the)\s+(?i:new)\s+(?i:role|job|position|post)\s+(?i:as|of)\s+{_ART}"
              rf"(?:{_NAME.format('co3')}'s\s+)?)\s*{T}{_OF_CO}"),
        # "Indra Nooyi joined the Amazon board", "Amazon elects ex-PepsiCo chief Indra Nooyi to its board"
        _rule("person-joins-board", "appointed_board",
              rf"{P}{_APPOS}\s+{_ADV}(?i:joins|joined|join|named\s+to|appointed\s+to|elected\s+to)\s+{_ART}"
              rf"(?:{CO}(?:'s)?\s+)?(?i:board)(?:\s+(?i:of\s+directors))?(?:\s+(?i:for|of|at)\s+(?:[\w-]+\s+){{0,3}}?{_NAME.format('co2')})?"),
        # "Former CEO Ian Read will join Viatris as a board member"
        _rule("person-joins-as-board-member", "appointed_board",
              rf"{P}{_APPOS}\s+{_ADV}(?i:joins|joined|join|joining)\s+{CO}\s+(?i:as\s+(?:a\s+)?(?:board\s+member|member\s+of\s+(?:its|the)\s+board))"),
        _rule("company-elects-to-board", "appointed_board",
              rf"{CO}\s+{_ADV}(?i:elects|elected|appoints|appointed|names|named|adds|added|welcomes|snags|snagged|nabs|nabbed|taps|tapped)\s+{_LEADIN}{P}\s+(?i:to|for|on)\s+"
              rf"{_ART}(?i:board)", surname_ok=True),
        # "Bob Iger Replaces Bob Chapek ... as Disney CEO", "Gelsinger will replace current chief executive Bob Swan"
        _rule("person-replaces-person", "succession",
              rf"{P}{_APPOS}\s+{_ADV}(?i:replaces|replace|succeeds|succeed|to\s+replace|to\s+succeed)\s+{_ART}(?:{T2}\s+|(?:[a-z][\w-]*\s+){{1,2}})?{P2}"
              rf"(?:[^.;⟦⟪]{{0,40}}?\s+(?i:as)\s+{_ART}(?:{CO}(?:'s)?\s+{_CO_NEW})?{T}{_OF_CO})?"),
        # "Intel CEO Bob Swan to be Replaced by Former CTO and VMWare CEO, Pat Gelsinger"
        _rule("title-person-replaced-by", "succession_rev",
              rf"(?:{CO}(?:'s)?\s+)?{T}\s+{P2}\s+{_ADV}(?i:replaced|succeeded)\s+(?i:by)\s+{_LEADIN}{P}{_P_END}"),
        # "replaced in the interim by CFO Tim Morse", "replacing him with board member Larry Culp", "Andy Jassy to take over"
        _rule("replaced-by", "successor",
              rf"(?i:replaced|succeeded)\s+(?P<interim>(?i:in\s+the\s+interim\s+|on\s+an\s+interim\s+basis\s+))?(?:(?i:in\s+the\s+\w+)\s+)?"
              rf"(?i:by)\s+{_LEADIN}(?:{_ANY_NAME},\s+)?{P}{_P_END}"),
        _rule("replacing-him-with", "successor", rf"(?i:replacing|replaced|replace)\s+(?i:him|her)\s+with\s+{_LEADIN}{P}{_P_END}"),
        # "CFO Robert Swan steps into his shoes on an interim basis"
        _rule("person-steps-in", "successor",
              rf"{P}\s+{_ADV}(?i:steps|stepped|step|will\s+step)\s+(?i:into|in\s+to)\s+(?:(?i:his|her|the)\s+)?(?i:shoes|role|position|job)"
              rf"(?P<interim>\s+(?i:on\s+an\s+interim\s+basis|in\s+the\s+interim))?"),
        # "Kevin Weil, who departed Twitter this week": the employer a new hire leaves
        _rule("person-who-left", "departed",
              rf"{P},\s+(?i:who)\s+(?:(?i:has|had|just|recently)\s+)*(?i:departed|left|quit|exited)\s+{CO}"),
        # "...; he leaves Apple after 11 years": the person the clause was about
        _rule("pronoun-leaves", "departed_pronoun",
              rf"(?:^|[;,.]\s+)(?i:he|she)\s+{_ADV}(?i:leaves|left|is\s+leaving|departs|quits|exits)\s+{CO}"),
        # "He is elected Apple chairman.": the item's person
        _rule("pronoun-named", "appointed_pronoun",
              rf"^(?i:he|she)\s+{_ADV}(?i:elected|named|appointed|promoted\s+to|made|become|becomes)\s+(?:(?i:as)\s+)?{_ART}"
              rf"(?:{CO}(?:'s)?\s+)?{T}"),
        _rule("person-takes-over", "successor",
              rf"{P}{_APPOS}\s+{_ADV}(?i:take|takes|taking|took)\s+(?:(?i:over)(?!\s+(?i:as|from))|(?i:her|his)\s+place|(?i:on)\s+(?:(?i:the)\s+)?(?i:role))"),
        # "Bob Iger to return", "ex-CEO Bob Iger is back"
        _rule("former-returns", "appointed",
              rf"(?i:ex-|former\s+){T}\s+{P}\s+{_ADV}(?i:returns|return|returning|is\s+back|back|comes\s+back)", surname_ok=True),
        # "Chief Executive Officer (CEO) Doug Allison and Finance Director (FD) Valerie Tannahill have resigned"
        _rule("pairs-depart", "departed_pairs", rf"(?:{CO}(?:'s)?\s+)?{_PAIRS},?\s+{_ADV}{_DEPART}"),
        # "The company has just let go of Chief Operating Officer Kristian Tear (pictured at left) and Chief Marketing Officer Frank Boulben"
        _rule("company-ousts-pairs", "departed_pairs",
              rf"(?:{CO}|(?i:the\s+company|it))\s+{_ADV}(?i:ousts|ousted|fires|fired|dismisses|dismissed|lets\s+go\s+of|let\s+go\s+of)\s+"
              rf"(?:(?i:its)\s+)?{_PAIRS}"),
        # "Uber CEO Kalanick resigns", "Yahoo's chief executive Scott Thompson has stepped down", "longtime marketing chief X said she would leave"
        _rule("title-person-departs", "departed",
              rf"(?:{CO}(?:'s)?\s+)?(?:(?i:co-?founder|founder)\s+(?:and|&)\s+)?{_ART}{T}(?:\s+and\s+(?i:co-?founder))?,?\s+{P},?\s+"
              rf"(?:{_WHO_NEXT})?{_ADV}{_DEPART}{_DEPART_TAIL}", surname_ok=True),
        # "Yahoo's Bartz out as chief executive": a surname vouched for by the title that follows
        _rule("company-person-out-as", "departed",
              rf"{CO}'s\s+{P}\s+{_ADV}{_DEPART}\s+(?i:as)\s+{_ART}{T}", surname_ok=True),
        # "Larry Page and Sergey Brin ... are stepping down from their positions as CEO and president"
        _rule("persons-depart", "departed_list",
              rf"{_PERSONS}{_APPOS}\s+{_ADV}(?:(?i:have\s+|has\s+)?(?i:announced|said)\s+(?:(?i:that)\s+)?(?i:they)\s+{_ADV})?{_DEPART}"
              rf"{_DEPART_TAIL}", surname_ok=True),
        # "Doe out as Zorbly CEO": a lone surname vouched for by the title the person leaves
        _rule("person-departs-as-title", "departed",
              rf"{P}\s+{_ADV}{_DEPART}\s+(?i:as|from)\s+(?:(?i:his|her|their)\s+(?:roles?|positions?|posts?|jobs?)\s+(?i:as)\s+)?{_ART}"
              rf"(?:{_NAME.format('dco')}(?:'s)?\s+)?{_TITLE.format('dt')}{_OF_DCO}(?![\s,]*⟪)", surname_ok=True),
        # "Jack Dorsey reportedly stepping down as Twitter CEO", "Jony Ive, Apple's chief design officer, is leaving the company"
        # "..., Colleen DeCourcy, who will depart later this year": a relative clause is news only when it looks ahead
        # ("who recently stepped down as chief executive of Renovis" is background)
        _rule("person-departs", "departed", rf"{P}(?:{_APPOS}|,)\s+(?:(?<=,\s){_WHO_NEXT})?{_ADV}{_DEPART}{_DEPART_TAIL}"),
        # "GE ousts chief executive John Flannery", "OpenAI Board of Directors Fires CEO Sam Altman", "GE ousts its CEO"
        _rule("company-ousts", "departed",
              rf"{CO}(?:'s)?(?:\s+(?i:board(?:\s+of\s+directors)?))?(?:\s+(?i:on\s+\w+))?\s+{_ADV}(?i:ousts|ousted|fires|fired|removes|removed|"
              rf"dismisses|dismissed|sacks|sacked|cans|canned|axes|axed|pushes\s+out|forces\s+out|loses|lost|parts\s+ways\s+with|"
              rf"parted\s+ways\s+with|part\s+ways\s+with|lets\s+go\s+of|let\s+go\s+of)\s+{_ART}{T},?"
              rf"(?:\s+{P})?", surname_ok=True),
        # "announces departure of CMO Holly Grant", "with the departure of company president Jeff Jones"
        _rule("departure-of", "departed",
              rf"(?i:departure|resignation|retirement|exit|ouster|firing)\s+of\s+{_ART}(?:(?i:company)\s+)?(?:{CO}(?:'s)?\s+)?"
              rf"(?:{T},?\s+)?{P}"),
        # "succeeding Steve Ballmer", "will replace current chief executive Bob Swan": the one who leaves
        _rule("succeeding", "departed_inherit",
              rf"(?i:succeeding|replacing|to\s+replace|to\s+succeed|will\s+replace|will\s+succeed|(?:takes|take|taking)\s+over\s+from)\s+{_ART}"
              rf"(?:{T}\s+)?{P}(?!\s+(?i:as|with))"),
        # Without a person: "Uber CEO resigns", "Twitter CEO Suddenly Steps Down", "CEO to step down"
        _rule("company-title-departs", "unnamed_departed", rf"(?:{CO}(?:'s)?\s+)?{_ART}{T}\s+{_ADV}{_DEPART}"),
        # "Microsoft names new CFO", "Royal Mail picks branding chief", "Google has already found its new financial director"
        _rule("company-names-title", "unnamed_appointed",
              rf"{CO}\s+(?:(?:[\w']+|⟪\d+⟫)\s+){{0,3}}?(?i:names|name|appoints|hires|taps|picks|selects|finds|found|welcomes|announces|unveils|"
              rf"gets|lands|poaches|lures)\s+(?:(?i:a|its|new|the|first|first-ever|inaugural|permanent)\s+)*(?:{_ANY_NAME}\s+)?{T}"
              rf"(?!\s+{_ANY_NAME}|\s+(?i:transition|succession|change|changes|search|plan)\b)"),
        # "Elliott Hill, 60, ..., will rejoin the brand on October 14, succeeding Donahoe as president and CEO"
        _rule("person-succeeding-as", "succession",
              rf"{P}{_APPOS}\s+[^.;⟪⟦]{{0,60}}?(?i:succeeding|replacing)\s+{_ART}(?:{T2}\s+)?{P2}\s+(?i:as)\s+{_ART}"
              rf"(?:{CO}(?:'s)?\s+{_CO_NEW})?{T}", surname_ok=True),
        # "Larry Ellison would relinquish his role as chief executive": the role left
        _rule("person-relinquishes-role", "departed",
              rf"{P}{_APPOS}\s+{_ADV}(?i:relinquish|relinquishes|relinquished|relinquishing|give\s+up|gives\s+up|giving\s+up)\s+"
              rf"(?i:his|her|the)\s+(?i:role|post|position|title|job)\s+(?i:as)\s+{_ART}{T}"),
        # "... and become the software giant's executive chairman and chief technology officer": the role taken next
        _rule("person-and-becomes", "appointed",
              rf"{P}{_APPOS}\s+[^.;⟪]{{1,80}}?\s(?i:and)\s+(?:(?i:will|would|to)\s+)?(?i:become|becomes)\s+{_ART}{T}{_OF_CO}"),
        # "Weiner will move into the role of executive chairman"
        _rule("person-moves-into-role", "appointed",
              rf"{P}{_APPOS}\s+{_ADV}(?i:move|moves|moving|transition|transitions|transitioning)\s+(?i:into|to)\s+(?:(?i:the|a)\s+)?"
              rf"(?:(?i:new)\s+)?(?i:role|position|post)\s+(?i:of|as)\s+{_ART}{T}"),
        # "Lovesac taps Crocs veteran as first chief brand and marketing officer", "PTC Therapeutics elevates biotech buyout CEO to
        # chief development officer": who it is, the summary says
        _rule("company-names-descriptor-as-title", "unnamed_appointed",
              rf"{CO}\s+{_ADV}(?i:names|appoints|hires|taps|picks|selects|adds|elevates|promotes|recruits|poaches|lures|nabs|snags|"
              rf"brings\s+in|lands)\s+(?:[^\s,;:]+\s+){{1,6}}?(?i:as|to)\s+(?:(?i:a|its|new|the|first|first-ever|inaugural|permanent|next)\s+)*"
              rf"{T}(?!\s+⟪)"),
        # "announced the abrupt exit of its chief executive officer. Neil Gawthorpe has resigned": who, the next sentence says
        _rule("departure-of-title", "unnamed_departed",
              rf"(?i:departure|resignation|retirement|exit|ouster|firing)\s+of\s+(?:(?i:its|their|the\s+company's)\s+)?{T}(?![\s,]*[⟪⟦])"),
        _rule("company-new-title", "unnamed_appointed", rf"{CO}'s\s+(?i:new)\s+(?:[^⟦⟪\s]+\s+){{0,3}}{T}"),
        # "Cross River CEO named CEO of American Fintech Council"
        _rule("title-named-title-of", "unnamed_appointed",
              rf"⟦\d+⟧\s+(?i:named|appointed)\s+{_ART}{T}\s+(?i:of|at)\s+{CO}"),
    )


@functools.cache
def rules_by_word() -> dict[str, tuple[int, ...]]:
    """For each screen word, the positions (in `rules()`) of the rules it lets through: a clause tries only those."""
    index: dict[str, list[int]] = {}
    for position, rule in enumerate(rules()):
        for word in rule.gate:
            index.setdefault(word, []).append(position)
    return {word: tuple(positions) for word, positions in index.items()}


def candidate_rules(tokens: frozenset[str]) -> list[Rule]:
    """The rules whose screen words `tokens` holds, in rule order."""
    index, every = rules_by_word(), rules()
    positions: set[int] = set()
    for word in tokens:
        found = index.get(word)
        if found:
            positions.update(found)
    return [rule for rule in (every[position] for position in sorted(positions)) if not rule.needs or rule.needs & tokens]


@functools.cache
def holder_patterns() -> tuple[re.Pattern[str], ...]:
    """"CFO Jane Doe", "Jane Doe, the company's CFO": who holds a title, to name the person an unnamed event is about."""
    return (
        re.compile(rf"{T}(?:\s+(?:and|&)\s+(?i:co-?founder|founder))?,?\s+{P}"),
        re.compile(rf"{P}(?:,|\s+-+)\s+(?:(?i:previously|formerly|currently)\s+)?(?:{CO}'s\s+)?{_ART}{T}"),
    )


# Words at least one of which a headline needs before its summary is read for leadership news.
HEADLINE_CUES = frozenset(
    """ceo cfo cto coo cmo cio cro cpo chief president chairman chair executive exec execs director head officer vp board
    founder cofounder founders leadership appoints appointed appointment names named hires hired taps tapped picks
    elects elected promotes promoted joins successor succession resigns resign resigned resignation steps step stepping
    quits quit leaves leaving departs departure exits ousts ousted fires fired retires retire retirement replaces replaced
    shakeup reshuffle transition boss appointments appoint retiring departing exit exiting succeed succeeds succeeded
    return returns returning helm reins stood shake shakes management suite lead parts ways hands passes role roles executives hire""".split()
)
# Every word that can carry a leadership clause; an item with none of them is skipped at once.
LEADERSHIP_WORDS = HEADLINE_CUES | frozenset(
    """become becomes became take takes took taking return returns back out aside cans canned axes axed dismisses
    dismissed sacks sacked bails bows removes removed welcomes welcomed adds added elevates elevated recruits recruited
    poaches poached lures lured selects selected chooses chose chosen installs installed unveils brings brought ropes
    makes made lead leads run runs helm reins succeed succeeds succeeding replace replacing loses lost announces
    confirms serve serving assume assumes reigns into snags snagged nabs nabbed bumps bumped lands landed stands stand
    standing act acts""".split()
)
