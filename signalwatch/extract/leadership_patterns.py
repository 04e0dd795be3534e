"""The shapes of leadership news, written over marked clauses (see `names.mark`).

In a marked clause every job title is ⟦k⟧ and every run of name words ⟪k⟫, so one rule covers
"Apple CEO Steve Jobs resigns" and "Uber's president Jeff Jones quits" alike: ⟪co⟫ ⟦t⟧ ⟪p⟫ <depart>.
Each rule names the change it reports; its groups say which marker is the person (`p`, `p2`,
`plist`), the title (`t`, `t2`, `at` for a title in an apposition) and the company (`co`, `co2`,
`co3`, `aco`; `xco` a second company of the same role); `ft`, `fb`, `fa` hold a founder's role written around or
instead of a title, `board` a board seat left. Patterns are compiled on first use so that importing the package stays quick.

Rule kinds:
    appointed / departed   the change named by the rule
    succession             `p` appointed and `p2` departed, one title for both
    successor              `p` appointed to the title of whoever the item says departed
    unnamed                a change with no person ("Acme names new CFO"): the summary must name one
    wording                a role with no person that only lends the headline's wording to the summary's event of that role
    appointed_elsewhere    a role at the company a person leaves for ("exits Medtronic to run iRhythm"): its title is the one written
    pronoun_succession     "He succeeds Morten Albæk": the person named before takes the role the other leaves
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from signalwatch.extract.screens import required_chars

__all__ = ["Rule", "rules", "candidate_rules", "LEADERSHIP_WORDS", "HEADLINE_CUES", "holder_patterns", "HEADLINE_ONLY", "NEEDS_TITLE"]

# Rules read only in a clause that names a job title somewhere: "Flash Out, HTML5 In" is no succession.
NEEDS_TITLE = frozenset({"out-and-in", "title-of-company-person-departs", "title-person-s-departure"})
# Rules read in the headline only: in a summary the same words are too often background ("the new CEO").
HEADLINE_ONLY = frozenset({"headline-new-title", "founder-person-departs", "person-is-now-title"})

# Markers and the words around them.
_NAME = r"⟪(?P<{}>\d+)⟫"
_TITLE = r"⟦(?P<{}>\d+)⟧"
_ANY_NAME = r"⟪\d+⟫"
_ART = (
    r"(?:(?i:its|the|their|his|her|a|an|company's|the\s+company's)\s+|(?i:the\s+[a-z-]+\s+(?:company|firm|group|bank|giant|airline|retailer|"
    r"carrier|biotech|drugmaker|startup|business|miner|maker|major|operator|lender|insurer|chain|brand|conglomerate|utility|"
    r"automaker|carmaker|telco|brewer|producer|manufacturer|platform|provider|developer|organi[sz]ations?|association)(?:'s|s'))\s+)?"
    r"(?:(?i:new|current|newly\s+created|permanent|next|first|sole|longtime|long-serving|embattled|outgoing|former|previous|retiring|"
    r"departing|incumbent)\s+)?"
    r"(?:(?i:non-executive|independent)\s+)?"
)
# Auxiliaries and adverbs between a subject and its verb: "has", "will", "is reportedly", "has decided to".
_ADV = (
    r"(?:(?i:officially|reportedly|formally|suddenly|unexpectedly|abruptly|just|now|also|quietly|finally|already|soon|"
    r"will|would|has|have|had|is|are|was|were|to|be|been|being|then|set\s+to|expected\s+to|decided\s+to|plans\s+to|"
    r"planning\s+to|(?:preparing|prepares|slated|poised)\s+to|today|(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|this\s+week|effective\s+immediately|recently|both|"
    r"asked\s+to|forced\s+to|pushed\s+to|agreed\s+to|going\s+to|voted\s+to|elected\s+to|opted\s+to|chosen\s+to|intends\s+to)\s+)*"
)
# "as Acme's new chief executive": the words between a company's name and the title.
_CO_NEW = r"(?:(?i:new|next|first|first-ever|interim|permanent|incoming)\s+)?"
# The role a company gives is never "a former head of strategy": that is who the person was.
_NOT_FORMER = r"(?!(?i:(?:an?|the|its|his|her)\s+)?(?:former|ex-|previous|outgoing)\b)(?!(?<=,\s)(?i:current|currently|now)\s)"
# ("appointed Jacob S. Leach, current President and Chief Operating Officer, to serve as ...": a role held, not the new one)
# An apposition never holds another person's change: "Peck, ..., will be succeeded by X, who will serve as".
_PASSIVE_BY = r"[^,]*\b(?i:succeeded|replaced)\s+(?i:by)\b"
# A character of an apposition: never a name that a relative clause follows ("... from Patrick Nettles, who will become"), the
# subject of a clause of its own.
_NOT_SUBJECT = r"(?:[^,⟪]|⟪\d+⟫(?!,\s+(?i:who)\b))"
# ", the chief design officer of Apple," or ", a design legend who helped create the iPhone,".
# "Roy Jakobs (photo) will succeed him": a caption's note after a name.
_PHOTO = r"(?:\s*\((?i:photo|pictured|pic|above|left|right|inset)\b[^()⟪⟦]{0,20}\))?"
_APPOS = _PHOTO + (
    rf"(?P<appos>(?:,|\s+-+)\s+(?!(?i:and|or|but|while)\b)(?:[^,⟦⟧]{{0,60}}?\s)??(?:(?:⟪(?P<aco>\d+)⟫'s\s+)?{_ART}⟦(?P<at>\d+)⟧"
    rf"(?:\s+(?i:of|at)\s+(?:(?i:the)\s+)?(?:[a-z][\w-]*\s+){{0,3}}⟪(?P<aco2>\d+)⟫(?=\s*(?:,|-)|\s+in\s+⟪))?(?:\s+{_NOT_SUBJECT}{{0,80}}?)?"
    rf"|(?!{_PASSIVE_BY})[^,⟦]{{1,80}}?)(?:,\s+(?!{_PASSIVE_BY}){_NOT_SUBJECT}{{1,60}}?){{0,2}}(?:,|\s+-+))?"
)
# "Thomas Horton of GE board", "Marissa Mayer of Google": where the person comes from.
_FROM = r"(?:\s+(?i:of|from|at)\s+(?:the\s+)?⟪\d+⟫(?:\s+(?i:board))?)?"
# "will succeed Mr. Chen", "will succeed Dr. Gordon Chen": a form of address before the name is no part of it.
_HONORIFIC = r"(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?"
# A name that ends the phrase: not the first of "Intel CFO Robert Swan".
_P_END = r"(?![\s,]*⟦|[\s,]*⟪\d+⟫(?!'s))"  # "Dave Duffield, PeopleSoft's founder" ends at the name
_LEADIN = r"(?:(?:⟪\d+⟫(?:'s)?|⟦\d+⟧|(?!(?i:to|as|who|that|with)\b)[^\s⟪⟦,;]+)\s+){0,5}?"  # "former Lloyds TSB marketer", "the company's CFO"
# The words before the person a company appoints never end in "of": "has appointed the former UK boss of Credit Suisse as".
_HIRE_LEADIN = _LEADIN + r"(?<!\bof\s)"
# The lower-case words between "of" and the company describe it ("of contract research organization IQVIA"); a conjunction
# starts another clause ("CEO of the company when Sol Trujillo exits": Sol Trujillo is no company).
_OF_CO = (rf"(?:\s+(?i:of|at|for)\s+{_ART}(?:(?!(?:when|while|as|after|before|until|since|and|or|but|who|which|that|if|because)\s)"
          rf"[a-z][\w-]*\s+){{0,3}}{_NAME.format('co2')})?")
_OF_DCO = _OF_CO.replace("?P<co2>", "?P<dco2>")
# What may follow "leaves"/"exits" when a person leaves a post (not "leaves door open", "exits stake").
_GOING = (
    r"\s+(?:(?:the\s+(?:company|firm|board|group|business|role|post|position|bank|startup|organi[sz]ation|hospital|brand|agency|"
    r"charity|retailer|airline|insurer|job)|(?:[a-z-]+\s+)?(?:bank|lender|insurer|retailer|airline|startup|carmaker|automaker|"
    r"drugmaker|biotech|giant|post|role|position|job|seat)|for|to|after|amid|as|in|effective|at|"
    r"following|with|over|on|this|next|later|by|from|his|her|their|months|weeks|less|just)\b|[⟪⟦])|\s*[,;:.!?(\"“-]|\s*$"
)
_DEPART = (
    r"(?i:resigns|resigned|resigning|resign|steps\s+down|stepped\s+down|stepping\s+down|step\s+down|steps\s+aside|step\s+aside|"
    r"stood\s+down|stands\s+down|stand\s+down|standing\s+down|"
    r"stepping\s+aside|(?:departs|departing|depart|leaves|leaving|leave|quits|quit|quitting|exits|exiting|exit)(?=" + _GOING + r")|"
    r"left(?=\s+(?:the\s+(?:[\w-]+\s+){0,3}?(?:company|firm|bank|group|business|board|startup|lender|insurer|giant|organi[sz]ation|"
    r"hospital|airline|retailer|agency|carrier|operator|maker|chain)\b|⟪))|retires|retiring|retire|(?<=has\s)retired|out(?=\s+(?:as|at|following|after|amid|over)\b)|"
    r"(?:is\s+)?out(?=\s*(?:$|[,;:.!?(]|\s-))|"
    r"(?:ousted|fired|sacked|dismissed|removed|replaced)(?!\s+(?:⟦|⟪|its\b|the\b|his\b|her\b|their\b|him\b|a\b))|"
    r"bows\s+out|bails\s+out|calls\s+it\s+quits|called\s+it\s+quits|is\s+on\s+(?:his|her)\s+way\s+out|(?:was\s+|is\s+)?shown\s+the\s+door|(?:gets|got|given)\s+the\s+boot|"
    r"(?:steps|stepped|stepping|step)\s+back(?=\s+(?:as|from)\b)|"
    # "announced he would be leaving August 1", "said she was stepping down", "has confirmed his intention to step down"
    # ... "has announced he's leaving QANTAS"
    r"(?:said|announced|announces|announcing|confirmed|revealed|told\s+staff)\s+(?:\w+day\s+)?(?:that\s+)?(?:she|he)"
    r"(?:\s+(?:would|will|is|was)\s+(?:be\s+)?|'s\s+|\s+(?:plans|planned|intends|intended|wants|hopes)\s+to\s+)"
    r"(?:leaving|stepping\s+down|retiring|resigning|departing|quitting|exiting|leave|step\s+down|resign|retire|depart|quit|exit)|"
    r"(?:announced|confirmed|revealed|signalled|signaled)\s+(?:his|her)\s+(?:intention|plans?|decision)\s+to\s+(?:step\s+down|leave|retire|resign|depart|quit)|"
    # "Air New Zealand CEO Announces Resignation", "Telstra CEO David Thodey announces retirement"
    r"(?:announces|announced|announcing)\s+(?:(?:his|her|their)\s+)?(?:resignation|retirement|departure)(?!\s+(?:of|from)\b)|"
    r"left\s+to\s+(?:lead|join|run|head|become|pursue|take)|[\"“]?transition[\"”]?\s+out\s+of\s+(?:their|his|her)\s+roles?|"
    r"(?:makes|make|made|making)\s+(?:an?\s+|the\s+)?(?:[a-z-]+\s+)?exit(?!\s+(?:from|of)\s+(?:its|the|a)\b))(?![\w-])"  # "CEO makes abrupt exit"
)
# When a departure takes effect, between the verb and the role: "will step down early next year as CEO and chairman". No year: "resigned
# in 2019 as CEO" is history, which `_BACKGROUND` must still see after the match.
_WHEN = r"(?:\s+(?i:early|late|later|at\s+the\s+end\s+of|effective|in|on|next|this|by)(?:\s+(?:[^\s,;.⟪⟦\d]+|\d{1,2}(?:st|nd|rd|th)?)){1,4}?)?"
_DEPART_TAIL = (
    rf"(?:{_WHEN}\s+(?i:as|from)\s+(?:(?i:his|her|their)\s+(?:roles?|positions?|posts?|jobs?)\s+(?i:as)\s+)?{_ART}"
    rf"(?:{_NAME.format('dco')}(?:'s)?\s+(?:[a-z]+\s+)?)?{_TITLE.format('dt')}{_OF_DCO}"
    # "resigns from AbCellera's board", "steps down from board": the seat left is "board member"
    rf"|\s+(?i:from|as)\s+(?:(?i:the|its|his|her|their)\s+)?(?:{_NAME.format('dco4')}(?:'s)?\s+)?(?P<board>(?i:board))(?!\s+(?i:member|chair))"
    rf"(?:\s+(?i:of\s+directors))?"
    rf"|\s+(?i:from\s+|at\s+)?{_NAME.format('dco3')})?"
)
_APPOINT_VERB = (
    r"(?i:names|named|appoints|appointed|hires|hired|taps|tapped|elects|elected|promotes|promoted|picks|picked|selects|"
    r"selected|recruits|recruited|poaches|poached|lures|lured|announces|announced|welcomes|welcomed|adds|added|"
    r"brings\s+in|brought\s+in|ropes\s+in|picks\s+up|makes|made|installs|installed|chooses|chose|chosen|unveils|elevates|"
    r"elevated|upgrades|has\s+elevated|snags|snagged|nabs|nabbed|bumps|bumped|lands|landed|appointing|naming|hiring|tapping|promoting|"
    r"elevating|recruiting|installing|nominates|nominated|nominating)"
)
_PERSONS = r"(?P<plist>⟪\d+⟫(?:(?:,\s+(?:and\s+)?|\s+(?:and|&)\s+)⟪\d+⟫){1,3})"
# "Chief Operating Officer David Ko, Chief People Officer Colleen McCreary and Chief Technology Officer Cadir Lee"
_ASIDE = r"(?:\s*\([^()⟪⟦]{0,40}\))?"  # "(pictured at left)"
_PAIRS = rf"(?P<pairs>⟦\d+⟧,?\s+⟪\d+⟫{_ASIDE}(?:(?:,\s+(?:and\s+)?|\s+(?:and|&)\s+)⟦\d+⟧,?\s+⟪\d+⟫{_ASIDE}){{1,4}})"
_WHO_NEXT = r"(?i:who)\s+(?=(?i:will|would|is|are|plans|intends|has\s+announced|announced)\b)"
# "HQ Hotels & Residences, the new lifestyle hospitality brand led by ..., has named", "Zimmer Biomet (NYSE:ZBH) recently appointed"
_CO_ASIDE = r"(?:\s*(?:\([^()]{1,30}\)|\[[^\[\]]{1,30}\]))?(?:,\s+(?:the|a|an)\s[^,;]{1,160}?,)?"  # "(NYSE:ZBH)", "[JSE:SBK]"
# The subject of an appointment that is the item's company by another name: "the nonprofit has named", "its board appointed".
_THE_COMPANY = (
    r"(?i:the|its)\s+(?:[a-z'-]+\s+){0,2}?(?i:board(?:\s+of\s+directors)?|company|firm|group|nonprofit|biotech|bank|startup|retailer|"
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
    marks: str = ""  # the markers ("⟦", "⟪") every match holds (screens.required_chars): a clause without one is not searched


def _words(listing: str) -> frozenset[str]:
    return frozenset(listing.split())


_APPOINT_WORDS = _words(
    "names named appoints appointed hires hired taps tapped elects elected promotes promoted picks picked selects selected "
    "recruits recruited poaches poached lures lured announces announced welcomes welcomed adds added brings brought ropes "
    "makes made installs installed chooses chose chosen unveils elevates elevated upgrades up snags snagged nabs nabbed bumps "
    "bumped lands landed appointing naming hiring tapping promoting elevating recruiting installing nominates nominated nominating"
)
_DEPART_WORDS = _words(
    "resign resigns resigned resigning steps stepped stepping step aside departs departing depart leaves leaving leave left quits "
    "quit quitting retires retiring retire exits exiting exit out ousted fired sacked dismissed removed replaced bows bails way said transition "
    "shown boot back calls called quits "
    "stood stands stand standing retired"
)
# "Air New Zealand CEO Announces Resignation": the rules that read a person or a role before a departure verb also read this one.
_ANNOUNCED_DEPARTURE = _DEPART_WORDS | _words("resignation retirement departure")
# The words every `_DEPART` written after a space holds as a whole word: its screen words but those that come only beside one of
# these ("said she would step down", "steps aside", "bows out", "transition out of", "calls it quits"). "Ramp CEO Jane Doe said the
# company will double its sales team" passes the screen by "said" alone, and the rules that end in a departure tried every
# position of it in vain (8-95 us a rule).
_DEPARTING = _ANNOUNCED_DEPARTURE - _words("said aside bows bails way transition back calls called")
# The keyword screen of each rule, by rule name.
_GATES = {
    "title-person-departs": _ANNOUNCED_DEPARTURE,
    "company-title-departs": _ANNOUNCED_DEPARTURE,
    "person-departs": _ANNOUNCED_DEPARTURE,
    "person-departs-as-title": _ANNOUNCED_DEPARTURE,
    "person-named-title": _words("named appointed elected tapped picked chosen selected hired confirmed promoted made installed elevated nominated"),
    "person-is-now-title": _words("now"),
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
    "appointed-person-as-successor": _words("successor replacement"),
    "person-leads-company-as": _words("lead leads run runs head heads"),
    "person-takes-helm": _words("helm reins top"),
    "company-names-person-to-lead": _words("head lead run oversee"),
    "company-names-title-person": _APPOINT_WORDS,
    "new-title-person": _words("new"),
    "appointment-of": _words("appointment hiring promotion naming election elevation"),
    "person-joins-as": _words("joins joined rejoins joining join returns returning rejoin rejoining rejoined"),
    "brings-person-on-board": _words("bring brings bringing brought"),
    "person-as-new-title": _words("new next incoming"),
    "person-assumes-role-as": _words("assume assumes assuming carry carries perform performs"),
    "company-ousts-pairs": _words("ousts ousted fires fired dismisses dismissed let lets"),
    "company-names-descriptor-as-title": _words("names appoints hires taps picks selects adds elevates promotes recruits poaches lures nabs "
                                                "snags brings lands name appoint hire tap pick select add elevate promote recruit poach lure "
                                                "named appointed hired tapped picked selected added elevated promoted recruited poached lured "
                                                "nabbed snagged"),
    "person-joins-board": _words("board"),
    "person-joins-as-board-member": _words("member"),
    "company-elects-to-board": _words("board"),
    "person-replaces-person": _words("replaces replace succeeds succeed replaced succeeded"),
    "title-person-replaced-by": _words("replaced succeeded"),
    "replaced-by": _words("replaced succeeded"),
    "person-replaced-by-person": _words("replaced succeeded"),
    "replacing-person-with": _words("replacing replaced replaces replace"),
    "replacing-him-with": _words("replacing replaced replace"),
    "person-steps-in": _words("shoes into"),
    "person-who-left": _words("departed left quit exited"),
    "person-leaves-to-become": _words("become serve be over"),
    "person-departs-to-become": _words("become be"),
    "founder-person-departs": _words("founder co-founder cofounder"),
    "person-takes-on-role": _words("role position post job"),
    "person-takes-over-from": _words("take takes taking took"),
    "person-replaces-him": _words("replaces replaced replace succeeds succeeded succeed"),
    "person-replaces-person-as": _words("replaces replace succeeds succeed replaced succeeded"),
    "to-succeed-person-as": _words("succeed replace"),
    "departs-alongside": _words("alongside along together"),
    "person-and-others-depart": _words("other"),
    "out-and-in": _words("out"),
    "making-way-for": _words("way"),
    "ousts-person-as": _words("ousts ousted fires fired removes removed dismisses dismissed sacks sacked axes axed oust fire remove dismiss sack"),
    "ousts-company-title-person": _words("ousts ousted fires fired removes removed dismisses dismissed sacks sacked axes axed oust fire remove "
                                         "dismiss sack"),
    "person-s-appointment-as": _words("appointment promotion elevation election hiring"),
    "person-s-appointment": _words("appointment promotion elevation hiring"),
    "person-announces-resignation": _words("resignation retirement departure"),
    "person-leaves-to-run": _words("run lead head join helm reins"),
    "pronoun-leaves": _words("he she"),
    "pronoun-named": _words("he she"),
    "pronoun-departs-as": _words("he she"),
    "pronoun-succeeds": _words("he she"),
    "person-takes-over": _words("take takes taking took"),
    "replacement-is": _words("replacement successor"),
    "in-his-place-named": _words("place replace succeed replacement successor"),
    "names-person-to-replace-him": _words("replace succeed"),
    "role-filled-by": _words("filled"),
    "former-returns": _words("ex former"),
    "company-ousts": _words("ousts ousted fires fired removes removed dismisses dismissed sacks sacked cans canned axes axed pushes forces loses lost "
                            "terminates terminated terminate "
                            "parts parted part let lets replaces replaced"),
    "title-person-s-departure": _words("resignation retirement departure exit ouster firing dismissal sacking"),
    "departure-of": _words("departure resignation retirement exit ouster firing"),
    "succeeding": _words("succeeding replacing replace succeed takes take taking"),
    "persons-appointed": _words("appointed named elected promoted become"),
    "person-relinquishes-role": _words("relinquish relinquishes relinquished relinquishing give gives giving"),
    "person-moves-into-role": _words("move moves moving moved transition transitions transitioning transitioned"),
    "person-stays-on-as": _words("continue continues continuing remain remains remaining stay stays staying retained maintaining maintains "
                                 "maintain keeping keeps keep"),
    "pronoun-stays-on-as": _words("continue continues continuing remain remains remaining stay stays staying retained maintaining maintains "
                                  "maintain keeping keeps keep"),
    "person-and-becomes": _words("become becomes"),
    "person-succeeding-as": _words("succeeding replacing"),
    "subject-replacing": _words("succeeding replacing"),
    "succeeding-person-is": _words("succeeding replacing"),
    "person-picked-to-succeed": _words("succeed replace successor replacement"),
    "replacing-him-is": _words("succeeding replacing"),
    "departure-of-title": _words("departure resignation retirement exit ouster firing"),
    "company-names-title": _words("names name appoints hires taps picks selects finds found welcomes announces unveils gets lands poaches lures"),
    "company-new-title": _words("new"),
    "title-named-title-of": _words("named appointed"),
    "surname-named-title": _words("named appointed elected tapped picked chosen confirmed promoted"),
    "company-s-new-title-is": _words("new next"),
    "person-hands-role-to": _words("hands handed passes passed hand pass handing passing yields yielded yield yielding cedes ceded cede ceding"),
    "hands-role-to": _words("hands handed passes passed hand pass handing passing yields yielded yield yielding cedes ceded cede ceding"),
    "person-is-company-s-new-title": _words("new next first"),
    "board-names-person": _APPOINT_WORDS,
    "person-takes-helm-bare": _words("helm reins reigns"),
    "person-steps-into-role": _words("into"),
    "person-returns-to-lead": _words("return returns returning back"),
    "person-assumes-duties": _words("assume assumes assuming"),
    "company-new-title-unnamed": _words("new"),
    "headline-new-title": _words("new"),
}


def _rule(name: str, kind: str, pattern: str, surname_ok: bool = False) -> Rule:
    compiled = re.compile(pattern)
    return Rule(name, kind, _GATES.get(name, _DEPART_WORDS), compiled, surname_ok, _NEEDS.get(name, frozenset()),
                required_chars(compiled, "⟦⟪"))


# A second screen for rules whose first one is a common word ("new", "give"): the clause needs one of these too.
_NEEDS = {
    "person-as-new-title": _words("as role job position post"),
    "person-relinquishes-role": _words("relinquish relinquishes relinquished relinquishing up"),
    "person-moves-into-role": _words("role position post"),
    "person-and-becomes": _words("and"),
    # "..., making way for Apple Pay": only after someone leaves
    "person-and-others-depart": _DEPARTING,
    # a space and `_ADV` before `_DEPART` in each: it then holds one of `_DEPARTING` as a whole word
    "title-person-departs": _DEPARTING,
    "company-title-departs": _DEPARTING,
    "person-departs": _DEPARTING,
    "person-departs-as-title": _DEPARTING,
    "founder-person-departs": _DEPARTING,
    "company-person-out-as": _DEPARTING,
    "persons-depart": _DEPARTING,
    "making-way-for": _words("step steps stepping stepped down retire retires retiring leave leaves leaving resign resigns resigned quit quits"),
    "person-departs-to-become": _words("step steps stepping stepped retire retires retiring resign resigns resigning"),
    "title-of-company-person-departs": _words("of at"),
    "replacing-person-with": _words("with"),
    "person-picked-to-succeed": _words("picked chosen named tapped selected appointed nominated elected"),
    "person-stays-on-as": _words("as"),
    # "has replaced X as": the perfect needs its auxiliary; without it "replaced" is the passive other rules read
    "person-replaces-person": _words("replaces replace succeeds succeed has have"),
    "person-replaces-person-as": _words("replaces replace succeeds succeed has have"),
    "in-his-place-named": _words("named appointed picked tapped chose chosen selected hired installed nominated"),
    "pronoun-stays-on-as": _words("he she"),
}


P = _NAME.format("p")
P2 = _NAME.format("p2")
CO = _NAME.format("co")
T = _TITLE.format("t")
T2 = _TITLE.format("t2")

# Leaving a company for another: "exits Medtronic to", "jumped ship to HP to", "will leave the big biotech to".
_MOVE = (
    r"(?i:exits|exiting|exited|exit|leaves|leaving|leave|left|quits|quit|quitting|departs|departing|departed|depart|resigns|resigned|"
    r"resigning|resign|jumps\s+ship|jumped\s+ship|jumping\s+ship|steps\s+down|stepped\s+down|stepping\s+down|step\s+down|"
    r"steps\s+away|stepped\s+away|bolts)"
    r"(?:\s+(?:(?i:the\s+)?(?:[a-z][\w-]*\s+){0,2}?⟪\d+⟫|(?i:the\s+(?:[a-z][\w-]*\s+){0,3}?(?:company|firm|group|business|biotech|bank|startup|"
    r"chain|retailer|airline|giant|maker|insurer|lender)))"
    r"|\s+(?i:to|for)\s+⟪\d+⟫)?"
    r"(?:\s+(?i:at\s+year-end|this\s+week|after\s+[^,;.⟪⟦]{1,30}?))?\s+(?i:to)\s+"
)
# An apposition of plain words ("Riva, who helped oversee the ... takeover of Kite Pharma and pushed Gilead into CAR-T therapies,"):
# its names are not the new company, its titles not the new role.
_ASIDE_PLAIN = r"(?:,(?:[^,;⟦]|⟪\d+⟫){1,120}?,)?"
# The rest of an inverted succession: when, "is" or "will be", and the successor ("her son, David C. Copley").
_INVERTED_SUCCESSOR = (
    r"(?:\s+(?i:from|in|on|as\s+of|effective|starting)(?:\s+(?:⟪\d+⟫|[\w-]+)\.?){1,3}?)?\s+(?i:will\s+be|is|was|would\s+be)\s+"
    rf"(?:(?i:his|her|its|their|the|a|an)\s+[^,;⟪⟦]{{1,30}}?,\s+)?{_LEADIN}(?:⟦\d+⟧,\s+)?{P}{_P_END}"
)
# A perfect tense of "replace" whose subject is the successor: "Pham Nhat Vuong ... has replaced Le Thi Thu Thuy as the chief
# executive" (never "has been replaced by", nor "had replaced" of another time: see `_PLUPERFECT` in leadership.py).
_HAS_REPLACED = r"(?:(?<=\bhas\s)|(?<=\bhave\s))(?i:replaced|succeeded)(?!\s+(?i:by|in|on|from|as\s+of|effective)\b)"
# When a succession takes effect, between "replaced"/"succeeded" and "by": "from Jan. 1", "in July", ""effective immediately"".
_BY_WHEN = r"(?:[\"“]?(?i:from|in|on|as\s+of|effective|starting)\s+(?:(?:⟪\d+⟫|[\w-]+)\.?[\"”]?\s+){1,3}?)?"
# A participle the person undergoes, not a verb whose subject appoints: "Adidas has appointed the head of Puma" (but "has been named").
_PASSIVE = r"(?<!\b(?i:has)\s)(?<!\b(?i:have)\s)(?<!\b(?i:had)\s)"
# A verb whose subject appoints, not a participle the subject undergoes: "Carlson was hired at the start of this year as
# president" is about Carlson, who is no company.
_NOT_PASSIVE = r"(?<!\b(?i:was)\s)(?<!\b(?i:were)\s)(?<!\b(?i:been)\s)(?<!\b(?i:is)\s)(?<!\b(?i:are)\s)(?<!\b(?i:be)\s)"
# A verb, not the participle of "to replace ousted Travis Kalanick as the next CEO" or "the ousted CEO".
_OUST = (
    r"(?<!\breplace\s)(?<!\bsucceed\s)(?<!\breplacing\s)(?<!\bsucceeding\s)(?<!\bthe\s)(?<!\ban\s)"
    r"(?i:ousts|ousted|fires|fired|removes|removed|dismisses|dismissed|sacks|sacked|axes|axed|oust|fire|remove|dismiss|sack)"
)
# A second company one person holds the same role at: "Prosus, Naspers CEO Bob van Dijk", "resigns as Tnuva, Psagot chair".
_XCO = r"(?:⟪(?P<xco>\d+)⟫,\s+(?:(?i:and)\s+)?)?"
# A name after "at" or "of" is where someone works, not who leaves: "Top execs at Atlanta Technology Angels quit".
_NOT_PLACE = r"(?<!\b(?i:at)\s)(?<!\b(?i:of)\s)(?<!\b(?i:from)\s)(?<!\b(?i:for)\s)"
# A name before a possessive noun is no person: "the Dutch drugmaker's operating chief".
_NOT_OWNER = r"(?!\s+[\w-]+'s\b)"
# Keeping or taking another role beside the one left: "will remain at GM as", "will stay on the board as", "has been retained as",
# "maintaining a role as".
_STAY = (
    r"(?:(?i:continue|continues|continuing|remain|remains|remaining|stay|stays|staying)(?:\s+(?i:on))?"
    r"(?:\s+(?i:at|with|on|in)\s+(?:(?i:the)\s+)?(?:⟪\d+⟫|(?i:company|firm|group|board|bank|business|organi[sz]ation))"
    r"(?:\s+(?i:board))?)?(?:\s+(?i:to\s+serve))?"
    r"|(?i:retained|(?:maintaining|maintains|maintain|keeping|keeps|keep)\s+(?:a|his|her)\s+role))"
)
# Handing a role over to someone: "passes the reins to", "will hand over reins of the No. 1 U.S. airline to", "ceded his chief
# executive title to". The title, when written, is the role both people hold in turn.
_HANDOVER = (
    r"(?i:hands|handed|hand|handing|passes|passed|pass|passing|yields|yielded|yield|yielding|cedes|ceded|cede|ceding|turns|turned|turning)"
    r"(?:\s+(?i:over|on))?\s+"
    rf"(?:(?i:the|his|her|its|their)\s+)?(?:(?i:top|day-to-day)\s+)?(?:{T}\s+)?"
    r"(?i:reins|baton|keys|helm|title|role|job|post|position|mantle|torch)(?:\s+(?i:of|at)\s+[^,;⟦⟪]{1,50}?|\s+(?i:over|on))?\s+(?i:to)\s+"
)


@functools.cache
def rules() -> tuple[Rule, ...]:
    """Every rule, tried in this order on each clause; compiled on first use."""
    return (
        # "Safra Catz, Mark Hurd appointed co-CEOs", "Mark Hurd and Safra Catz become co-CEOs"
        _rule("persons-appointed", "appointed_list",
              rf"{_PERSONS}\s+{_ADV}(?i:appointed|named|elected|promoted\s+to|become)\s+(?:(?i:as)\s+)?{_ART}{T}"),
        # "Satya Nadella officially named new Microsoft CEO", "Tim Cook, formerly Apple's COO, has been named CEO"
        _rule("person-named-title", "appointed",
              rf"{P}{_FROM}{_APPOS},?\s+(?:(?i:who)\s+)?{_ADV}{_PASSIVE}(?i:named|appointed|elected|tapped|picked|chosen|selected|hired|confirmed|promoted|"
              rf"made|installed|elevated|nominated)(?:\s+(?i:as|to))?\s+(?:(?i:to\s+the\s+(?:newly\s+created\s+)?(?:positions?|roles?|posts?)\s+of)\s+)?"
              rf"{_NOT_FORMER}{_ART}(?:{CO}(?:'s)?\s+{_CO_NEW})?{T}{_OF_CO}"),  # never "has nominated former Mastercard CEO"
        # "Nadella named new Microsoft CEO": a lone surname vouched for by the title (never "Microsoft named CEO Satya Nadella")
        _rule("surname-named-title", "appointed",
              rf"{P}\s+{_ADV}{_PASSIVE}(?i:named|appointed|elected|tapped|picked|chosen|confirmed|promoted)\s+(?:(?i:as|to)\s+)?{_ART}"
              rf"(?:{CO}(?:'s)?\s+)?{T}{_OF_CO}(?![\s,]*⟪)(?!\s+(?i:as)\b)", surname_ok=True),  # not "appointed the former McAfee CTO as President"
        # "Soraia Morais is now the CFO of Altamira Gold", "John Carlesso is now CEO of FenixOro Gold" (headline only: in a summary
        # "is now" is as often who someone already is)
        _rule("person-is-now-title", "appointed", rf"{P}\s+(?i:is)\s+(?i:now)\s+{_ART}(?:{CO}'s\s+)?{T}{_OF_CO}"),
        # "Jane Doe is Zorbly's new CEO"
        _rule("person-is-company-s-new-title", "appointed",
              rf"{P}{_APPOS}\s+{_ADV}(?i:is|becomes|became|as)\s+{CO}'s\s+(?i:new|next|first)\s+{T}"),
        # "Marissa Mayer to become Yahoo CEO", "Sundar Pichai is the new CEO of Alphabet", "X, who will serve as interim CEO"
        _rule("person-becomes-title", "appointed",
              rf"{P}{_FROM}{_APPOS},?\s+(?:(?i:who)\s+)?{_ADV}(?i:becomes|become|became|serve\s+as|serving\s+as|"
              # not "taking over as CEO at ... CloudSwitch from founder Ellen Rubin": a succession, which a later rule reads
              rf"(?:take|takes|taking|took)\s+over\s+as(?![^.;]{{0,80}}?\s(?i:from)\s+(?:[\w-]+\s+){{0,2}}⟪)|"
              rf"moved\s+to|moves\s+to|move\s+to|"
              rf"steps\s+in\s+as|step\s+in\s+as|returns\s+as|return\s+as|back\s+as|the\s+new|its\s+new|new|going\s+to\s+be|"
              rf"(?:comes|come|came|coming)\s+on\s+board\s+as|"
              rf"joining\s+(?:[\w-]+\s+){{0,4}}?{_ANY_NAME}\s+as|run|lead|head|act\s+as|acts\s+as|be)\s+{_ART}(?:(?i:role|position|post)\s+(?i:of)\s+)?"
              rf"(?:{CO}(?:'s)?\s+{_CO_NEW})?{T}{_OF_CO}"),
        # "Groupon Adds Starbucks CEO Howard Schultz to Board": the seat, before the rules that would read the role he holds elsewhere
        _rule("company-elects-to-board", "appointed_board",
              rf"{CO}\s+{_ADV}(?i:elects|elected|appoints|appointed|names|named|adds|added|welcomes|snags|snagged|nabs|nabbed|taps|tapped)\s+{_LEADIN}{P}\s+(?i:to|for|on)\s+"
              rf"{_ART}(?i:board)", surname_ok=True),
        # "Microsoft taps Nadella for CEO", "Tesla names insider Taneja CFO", "Intel board has appointed CFO Robert Swan as interim CEO"
        _rule("company-names-person", "appointed",
              rf"(?<!⟧\s){CO}{_CO_ASIDE}(?:'s|')?(?:\s+(?i:board(?:\s+of\s+directors)?))?\s+{_ADV}{_APPOINT_VERB}\s+{_HIRE_LEADIN}(?:⟦\d+⟧,\s+)?{P}"
              rf"(?!\s+⟦\d+⟧\s+(?:⟪|(?i:as|to)\s+(?:[a-z-]+\s+){{0,2}}⟦))"  # not "former Credit Suisse boss as chief executive"
              rf"(?:\s+(?i:of|from)\s+{_ANY_NAME})?{_APPOS}\s*,?\s*(?:(?i:as|to|for|to\s+be|to\s+serve\s+as|to\s+lead\s+as|"
              rf"to\s+the\s+(?:newly\s+created\s+)?(?:roles?|positions?|posts?)\s+of)\s+)?{_NOT_FORMER}{_ART}{T}"),
        # "The board has named Tim Cook ... as Jobs' replacement as Apple's CEO", "it named chief commercial officer X as its new boss":
        # the company is the item's own
        _rule("board-names-person", "appointed",
              rf"(?:^|(?<=[\s,;]))(?:{_THE_COMPANY}|(?i:it))\s+{_ADV}{_APPOINT_VERB}\s+"
              rf"{_HIRE_LEADIN}(?:(?:⟪\d+⟫|⟦\d+⟧),\s+)?{P}(?!\s+⟦\d+⟧\s+⟪){_APPOS}\s*,?\s*(?:(?i:as)\s+(?:⟪\d+⟫'s?\s+)?(?i:replacement|successor)\s+)?"
              rf"(?:(?i:as|to|for|to\s+be|to\s+serve\s+as)\s+)?{_NOT_FORMER}{_ART}(?:{CO}(?:'s)?\s+{_CO_NEW})?{T}"),
        # "Corvid taps Anna Berg to succeed Lars Holm as CEO"
        _rule("company-names-person-to-succeed", "succession",
              rf"{CO}\s+{_ADV}{_APPOINT_VERB}\s+{_LEADIN}{P}(?:,\s+\d{{2}},)?\s+(?i:to\s+succeed|to\s+replace|as\s+successor\s+to)\s+{_ART}(?:{T2}\s+)?{P2}"
              rf"(?:\s+(?i:as)\s+{_ART}(?:{_NAME.format('co2')}(?:'s)?\s+)?{T})?"),
        # "Gridspan raises $25M and names former Tesla exec Maria Lopez as COO": the company is the headline's
        _rule("and-names-person", "appointed",
              rf"(?:^|[,;]|\s(?i:and|also|by))\s+{_APPOINT_VERB}\s+{_HIRE_LEADIN}{P}(?:\s+(?i:of|from)\s+{_ANY_NAME})?{_APPOS}\s*,?\s*"
              rf"(?:(?i:as|to|for)\s+)?{_ART}{T}"),
        # "... Ben Carter Chief Financial Officer and Mia Song Chief People Officer": a second appointment
        # "... Ben Carter Chief Financial Officer and Mia Song Chief People Officer", "promoted Minoru Kosuge to CEO and Jack Domme to
        # chief operating officer"
        _rule("and-person-title", "appointed_also", rf"(?<=⟧)\s*(?:,|\s+and|,\s+and)\s+{P},?\s+(?:(?i:as|to)\s+)?{_ART}{T}"),
        # "COO Lisa Tran named successor", "Board Names Nina Cruz Successor"
        _rule("person-named-successor", "successor",
              rf"{P}\s+{_ADV}(?i:named|appointed|tapped|picked|chosen)\s+(?:(?i:as)\s+)?(?:(?i:his|her|their|the|new|interim)\s+)*"
              rf"(?i:successor|replacement)"),
        _rule("names-person-successor", "successor",
              rf"(?i:names|appoints|picks|taps)\s+{P}\s+(?:(?i:as)\s+)?(?:(?i:his|her|their|the|new|interim)\s+)*(?i:successor|replacement)"),
        # "The company has appointed Dr. Lisa Su as his successor", "appointed Satoshi Tsunakawa - another senior executive of the
        # company who had previously served as chair - as his successor": an appointment told by whose place it takes
        _rule("appointed-person-as-successor", "successor",
              rf"{_APPOINT_VERB}\s+{_HIRE_LEADIN}{P}(?:{_APPOS}|\s+[–—-]+\s+(?:[^–—⟪⟦.;]|⟦\d+⟧|⟪\d+⟫){{1,120}}?\s+[–—-]+)\s*,?\s+(?i:as)\s+(?:(?i:his|her|their|its)\s+)(?:(?i:new|interim|permanent)\s+)?"
              rf"(?i:successor|replacement)\b"),
        # "Karen Yu to lead Brightmind as CEO"
        _rule("person-leads-company-as", "appointed",
              rf"{P}\s+{_ADV}(?i:lead|leads|run|runs|head|heads)\s+{CO}\s+(?i:as)\s+{_ART}{T}"),
        # "Arlo Diaz takes the helm at Brightpath Learning"
        _rule("person-takes-helm", "successor",  # the role of whoever the item says leaves it
              rf"{P}{_APPOS},?\s+{_ADV}(?i:takes|take|took|taking)\s+(?:(?i:the|over\s+the)\s+)?(?i:helm|reins|top\s+(?:job|position|post|spot))\s+"
              rf"(?i:at|of)\s+(?:(?i:the)\s+)?(?:[a-z][\w-]*\s+){{0,3}}{CO}"),  # "taking the helm of tech-based insurer Oscar Health"
        # "Chief Operating Officer Jim Farley is taking the helm": the role the departing person leaves
        _rule("person-takes-helm-bare", "successor",
              rf"{P}{_APPOS}\s+{_ADV}(?i:takes|take|taking|took)\s+(?:(?i:over)\s+)?(?:(?i:the\s+company's|the|its)\s+)?(?i:helm|reins|reigns)"
              rf"(?!\s+(?i:at|of)\b)"),
        # "Jim Farley, Ford's chief operating officer, will step into the CEO role"
        _rule("person-steps-into-role", "appointed",
              rf"{P}{_APPOS}\s+{_ADV}(?i:steps|step|stepped|stepping)\s+(?i:into|up\s+to)\s+(?i:the|an?)\s+(?:(?i:new)\s+)?(?:{CO}(?:'s)?\s+)?{T}\s+"
              rf"(?i:role|position|post|job|seat)"),
        # "Howard Schultz will return to lead the company on an interim basis"
        _rule("person-returns-to-lead", "successor",
              rf"{P}{_APPOS}\s+{_ADV}(?i:returns|return|returning|comes\s+back|coming\s+back)\s+(?i:to\s+(?:lead|run|head|helm))\b"
              rf"(?=(?P<interim>[^.;]{{0,60}}?(?i:on\s+an\s+interim\s+basis|temporarily|in\s+the\s+interim))?)"),
        # "Current finance chief Doug Warden will assume the role as interim chief executive officer"
        _rule("person-assumes-role-as", "appointed",
              rf"{P}{_APPOS},?\s+{_ADV}(?i:assume|assumes|assuming|carry\s+out|carries\s+out|perform|performs)\s+(?:(?i:the)\s+)?"
              rf"(?i:roles?|positions?|posts?|duties)\s+(?i:of|as)\s+{_ART}{T}{_OF_CO}"),
        # "Angelo Casanas ... will assume Lombardi's leadership duties on an interim basis"
        _rule("person-assumes-duties", "successor",
              rf"{P}{_APPOS}\s+{_ADV}(?i:assume|assumes|assuming)\s+(?:(?:⟪\d+⟫'s?|(?i:his|her|the|their))\s+)?"
              rf"(?:(?i:leadership|executive|day-to-day)\s+)?(?i:duties|role|responsibilities|post|position)"
              rf"(?P<interim>\s+(?i:on\s+an\s+interim\s+basis|in\s+the\s+interim|ad\s+interim))?"),
        # "Seat has promoted regional brand manager Mark McKenna to head its marketing": the title is in the headline
        _rule("company-names-person-to-lead", "filler",
              rf"{CO}\s+{_ADV}{_APPOINT_VERB}\s+{_LEADIN}{P},?\s+(?i:to\s+(?:head|lead|run|oversee))\b"),
        # "Microsoft announced its new head of marketing today, Chris Capossela", "Acme welcomes new COO Jane Doe"; with another
        # company's name before the title it is the role the person holds there ("Burberry poaches Smith & Nephew CFO Brown")
        _rule("company-names-title-person", "appointed",
              rf"{CO}\s+{_ADV}(?:(?!(?i:announces|announced|unveils))|(?=(?i:announces|announced|unveils)\s+(?:(?i:its|the|their|a)\s+)?(?i:new)\b))"
              rf"{_APPOINT_VERB}\s+(?!(?i:(?:(?:its|the|their|his|her)\s+)?(?:former|ex-|previous)))(?:{_ART}(?:⟪(?P<tco>\d+)⟫(?:'s)?\s+)?){T}[,:]?\s+"
              rf"(?:(?i:today|on\s+\w+day),?\s+)?{P}"),
        # "Acme's new CFO is Jane Doe"
        _rule("company-s-new-title-is", "appointed", rf"{CO}'s\s+(?i:new|next)\s+{T}\s+(?i:is|will\s+be)\s+{P}{_P_END}"),
        # "Acme founder John Roe hands CEO role to Jane Doe", "Tim Van Hauwermeiren is passing the reins to the Dutch drugmaker's
        # operating chief, Karen Massey", "Weiner would yield the reins to deputy Ryan Roslansky": the one who hands over leaves the role
        _rule("person-hands-role-to", "succession", rf"{P2}{_APPOS}\s+{_ADV}{_HANDOVER}{_LEADIN}(?:⟦\d+⟧,\s+)?{P}{_P_END}{_NOT_OWNER}"),
        # "he will hand over the keys of his company to 46-year-old Daniel Zhang": who takes over, when the one leaving is not named here
        _rule("hands-role-to", "successor", rf"{_HANDOVER}{_LEADIN}(?:⟦\d+⟧,\s+)?{P}{_P_END}{_NOT_OWNER}"),
        # "Google's new CFO Ruth Porat", "the company's new chief executive Jane Doe"
        _rule("new-title-person", "appointed", rf"(?:{CO}'s\s+)?(?i:new)\s+{T},?\s+{P}"),
        # "hiring of Chris Lattner who will be the company's new VP", "appointment of Steven Sharp as marketing chief"
        _rule("appointment-of", "appointed",
              rf"(?:{CO}{_CO_ASIDE}\s+{_ADV}(?i:announced|announces|confirmed|confirms)\s+(?:(?i:the|its)\s+)?)?"
              rf"(?i:appointment|hiring|promotion|naming|election|elevation)\s+of\s+{_LEADIN}{P},?\s+(?i:as|who\s+will\s+be|to)\s+{_ART}{T}{_OF_CO}"),
        # "Christopher Bolin's appointment comes as ...": who an unnamed appointment is ("has appointed the former McAfee CTO as President")
        _rule("person-s-appointment", "filler", rf"{P}'s?\s+(?i:appointment|promotion|elevation|hiring)(?!\s+(?i:as|to)\b)"),
        # "Buhari excited over Ogunsanya's appointment as CEO Airtel Africa"
        _rule("person-s-appointment-as", "appointed",
              rf"{P}'s?\s+(?i:appointment|promotion|elevation|election|hiring)\s+(?i:as|to)\s+{_ART}(?:{CO}(?:'s)?\s+)?{T}"
              rf"(?:\s+(?:(?i:of|at)\s+)?{_NAME.format('co2')})?", surname_ok=True),
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
              rf"{P}{_APPOS},?\s+(?:(?i:who)\s+)?{_ADV}(?i:joins|joined|join|named\s+to|appointed\s+to|elected\s+to)\s+{_ART}"
              rf"(?:{CO}(?:'s)?\s+)?(?i:board)(?:\s+(?i:of\s+directors))?(?:\s+(?i:for|of|at)\s+(?:[\w-]+\s+){{0,3}}?{_NAME.format('co2')})?"),
        # "Former CEO Ian Read will join Viatris as a board member"
        _rule("person-joins-as-board-member", "appointed_board",
              rf"{P}{_APPOS}\s+{_ADV}(?i:joins|joined|join|joining)\s+{CO}\s+(?i:as\s+(?:a\s+)?(?:board\s+member|member\s+of\s+(?:its|the)\s+board))"),
        # "Bob Iger Replaces Bob Chapek ... as Disney CEO", "Gelsinger will replace current chief executive Bob Swan"
        # "Taldar To Replace Ogunsanya As Airtel Africa MD/CEO": with the role written, a headline's surnames are people
        _rule("person-replaces-person-as", "succession",
              rf"{P}\s+{_ADV}(?:(?i:replaces|replace|succeeds|succeed|to\s+replace|to\s+succeed)|{_HAS_REPLACED})\s+{_HONORIFIC}{P2}\s+(?i:as)\s+{_ART}"
              rf"(?:{CO}(?:'s)?\s+{_CO_NEW})?{T}{_OF_CO}", surname_ok=True),
        _rule("person-replaces-person", "succession",
              rf"{P}{_APPOS}\s+{_ADV}(?:(?i:replaces|replace|succeeds|succeed|to\s+replace|to\s+succeed)|{_HAS_REPLACED})\s+{_ART}"
              rf"(?:{T2}\s+|(?:[a-z][\w-]*\s+){{1,2}})?"
              rf"{_HONORIFIC}{P2}"
              rf"(?:[^.;⟦⟪]{{0,40}}?\s+(?i:as)\s+{_ART}(?:{CO}(?:'s)?\s+{_CO_NEW})?{T}{_OF_CO})?"),
        # "Intel CEO Bob Swan to be Replaced by Former CTO and VMWare CEO, Pat Gelsinger"
        _rule("title-person-replaced-by", "succession_rev",
              rf"(?:{CO}(?:'s)?\s+)?{T},?\s+{P2},?\s+{_ADV}(?i:replaced|succeeded)\s+{_BY_WHEN}(?i:by)\s+{_LEADIN}{P}{_P_END}"),
        # "Lucy Peng has been replaced by company veteran Pierre Poignant": both people, when no title is written before the one
        # replaced (the role is the one the item gives either of them)
        _rule("person-replaced-by-person", "succession_rev",
              rf"(?<!⟧\s){P2}{_APPOS},?\s+{_ADV}(?i:replaced|succeeded)\s+"
              rf"(?P<interim>(?i:in\s+the\s+interim\s+|on\s+an\s+interim\s+basis\s+))?{_BY_WHEN}(?i:by)\s+{_LEADIN}(?:⟦\d+⟧,?\s+)?{P}{_P_END}(?!'s)"),
        # "replaced in the interim by CFO Tim Morse", "replacing him with board member Larry Culp", "Andy Jassy to take over"
        _rule("replaced-by", "successor",
              rf"(?i:replaced|succeeded)\s+(?P<interim>(?i:in\s+the\s+interim\s+|on\s+an\s+interim\s+basis\s+))?"
              # "will be succeeded from Jan. 1 by Alan Jope", "to be succeeded in July by current finance director Andrew Moss"
              rf"{_BY_WHEN}"
              rf"(?i:by|with)\s+{_LEADIN}(?:{_ANY_NAME},\s+|⟦\d+⟧,\s+)?{P}(?:{_P_END}|(?=,\s+{_ART}⟦\d+⟧\s+(?i:of|at)\s))(?!'s)"
              rf"(?:\s+(?i:as)\s+{_ART}{T}(?![\s,]*⟪))?"),  # "replaced by chief financial officer Peter King as acting CEO"
        # "Johnston will promote David King from chief financial officer of the local newspaper publisher to replace him"
        _rule("names-person-to-replace-him", "successor",
              rf"(?:{_APPOINT_VERB}|(?i:promote|appoint|name|hire|elevate))\s+{_LEADIN}{P}(?:\s+(?i:from)\s+[^,;.⟪]{{1,80}}?)?\s+(?i:to\s+replace|to\s+succeed)\s+(?i:him|her)\b"),
        # "his role will be filled on an interim basis by Scott Arnold, Borlands chief operating officer"
        _rule("role-filled-by", "successor",
              rf"(?i:role|post|position|job|seat)\s+{_ADV}(?i:filled)\s+(?P<interim>(?i:on\s+an\s+interim\s+basis\s+|in\s+the\s+interim\s+|temporarily\s+))?"
              rf"(?i:by)\s+{_LEADIN}{P}(?![\s]*[⟦⟪])"),
        # "replacing him with a retired general, Joaquim Silva e Luna", "replaced him with the ex-CEO of eBay, Meg Whitman"
        _rule("replacing-him-with", "successor",
              rf"(?i:replacing|replaced|replace)\s+(?i:him|her)\s+with\s+(?:(?i:a|an|the)\s+(?:[^,;.⟪⟦]|⟦\d+⟧|⟪\d+⟫){{1,60}}?,\s+)?"
              rf"{_LEADIN}{P}{_P_END}(?:\s+(?i:as)\s+{_ART}{T})?"),
        # "replacing CEO Renee Krug with former CEO Bob Farrell", "Kraft Heinz replaced its chief executive, Bernardo Hees, with InBev's
        # Anheuser-Busch veteran, Miguel Patricio": both people, the role of the one replaced
        _rule("replacing-person-with", "succession",
              rf"(?i:replacing|replaced|replaces|replace)\s+{_ART}(?:{T2},?\s+)?{P2},?\s+(?i:with)\s+"
              rf"(?:(?:[^,;.⟪⟦]|⟪\d+⟫(?:'s?)?){{1,60}}?,\s+)?{_LEADIN}{P}{_P_END}(?=\s*[,.;]|\s*$|\s+(?i:as|who|to|in|on|from|at)\b)"),
        # "CFO Robert Swan steps into his shoes on an interim basis"
        _rule("person-steps-in", "successor",
              # "Marshall King, formerly of SEO platform DeepCrawl, will step into the role"
              rf"{P}{_APPOS}\s+{_ADV}(?i:steps|stepped|step|will\s+step)\s+(?i:into|in\s+to)\s+(?:(?i:his|her|the)\s+)?(?i:shoes|role|position|job)"
              rf"(?P<interim>\s+(?i:on\s+an\s+interim\s+basis|in\s+the\s+interim))?"),
        # "Coyle exits Medtronic to run iRhythm", "Troy Resources boss departs to head up MZI", "Riva ... will leave the big biotech
        # to serve as the CEO of Glenmark Pharmaceuticals' new ... spinoff": leaving one company for a role at another
        _rule("person-leaves-to-become", "appointed_elsewhere",
              rf"{P}{_ASIDE_PLAIN}\s+{_ADV}{_MOVE}(?i:become|serve\s+as|be|take\s+over\s+as)\s+{_ART}{T}\s+(?i:of|at)\s+{_ART}(?:[a-z][\w-]*\s+){{0,4}}{CO}"),
        _rule("person-leaves-to-run", "appointed_elsewhere",
              rf"{P}{_ASIDE_PLAIN}\s+{_ADV}{_MOVE}(?i:run|lead|head(?:\s+up)?|join|take\s+the\s+(?:helm|reins)\s+(?:at|of))\s+{_ART}"
              rf"(?:[a-z][\w-]*\s+){{0,4}}{CO}(?!\s+⟦)(?:\s+(?i:as)\s+{_ART}{T})?"),
        # "Craig Conway will take on the additional role of chief executive officer", "Galperin will take on a strategic role as
        # executive chairman", "Tom Blomfield is stepping down as chief executive of the challenger bank to take up the role of president"
        _rule("person-takes-on-role", "appointed",
              rf"{P}{_APPOS},?\s+(?:(?:[^.;⟪⟦\d]|⟦\d+⟧){{1,80}}?\s(?i:to|and)\s+)?{_ADV}(?i:take|takes|taking|took)\s+(?i:on|up)\s+"
              rf"(?:(?i:the|a|an|his|her)\s+)?(?:[a-z-]+\s+){{0,3}}?(?i:role|position|post|job)\s+(?i:of|as)\s+{_ART}{T}{_OF_CO}"),
        # "D. James Umpleby III would step down to become executive chairman": a new role at the same company (the departure is
        # read by the departure rules from the same words)
        _rule("person-departs-to-become", "appointed",
              rf"{P}{_APPOS}\s+{_ADV}(?i:step\s+down|steps\s+down|stepping\s+down|stepped\s+down|step\s+aside|steps\s+aside|retire|retires|"
              rf"retiring|resign|resigns|resigning)(?:\s+(?i:as|from\s+(?:his|her|the)\s+(?:role|position|post|job)\s+as)\s+{_ART}⟦\d+⟧)?{_WHEN}"
              rf"\s+(?i:to)\s+(?i:become|be)\s+{_ART}"
              rf"(?:⟪\d+⟫'s\s+)?{T}(?!\s+(?i:of|at)\s+(?:(?i:the)\s+)?⟪)"),
        # "Kevin Weil, who departed Twitter this week": the employer a new hire leaves
        _rule("person-who-left", "departed",
              rf"{P},\s+(?i:who)\s+(?:(?i:has|had|just|recently)\s+)*(?i:departed|left|quit|exited)\s+{CO}"),
        # "...; he leaves Apple after 11 years": the person the clause was about
        _rule("pronoun-leaves", "departed_pronoun",
              rf"(?:^|[;,.]\s+)(?i:he|she)\s+{_ADV}(?i:leaves|left|is\s+leaving|departs|quits|exits)\s+{CO}"),
        # "Jack Ma has announced that he would step down as the Chinese e-commerce giant's executive chairman": the role the person
        # named before leaves
        _rule("pronoun-departs-as", "departed_pronoun",
              rf"(?:^|(?<=[;,.]\s)|(?<=\b(?i:that)\s)|(?<=\b(?i:and)\s))(?i:he|she)\s+{_ADV}{_DEPART}\s+(?i:as|from)\s+"
              rf"(?:(?i:his|her)\s+(?:roles?|positions?|posts?|jobs?)\s+(?i:as)\s+)?(?:(?:[^,;.⟦⟪]{{1,40}}?\s)?⟪\d+⟫\s)?(?:[^,;.⟦⟪]{{1,30}}?\s)?"
              rf"{_TITLE.format('dt')}{_OF_DCO}"),
        # "He succeeds Morten Albæk, who will remain with Vestas until June 30, 2015.": the item's person takes the role
        _rule("pronoun-succeeds", "pronoun_succession",
              rf"^(?i:he|she)\s+{_ADV}(?i:succeeds|succeeded|succeed|replaces|replaced|replace)\s+{_ART}(?:{T2}\s+)?{P2}"),
        # "He is elected Apple chairman.": the item's person
        _rule("pronoun-named", "appointed_pronoun",
              rf"^(?:(?![^,]*\b(?i:last|ago|earlier|previously|once|back|then|when)\b)[^,;.\d⟪⟦]{{1,40}},\s+)?(?i:he|she)(?:\s+{_ADV}(?i:elected|named|appointed|promoted\s+to|made|become|becomes)|(?:'s|\s+is)\s+(?i:now))"
              rf"\s+(?:(?i:as)\s+)?{_ART}"
              rf"(?:{CO}(?:'s)?\s+)?{T}"),
        # "John McEleney is taking over as CEO at stealthy start-up CloudSwitch from founder Ellen Rubin", "Lidiane Jones, a cloud
        # executive at parent company Salesforce, will take over from Butterfield next month": both people, the role of the one leaving
        _rule("person-takes-over-from", "succession",
              rf"{P}{_APPOS},?\s+{_ADV}(?i:take|takes|taking|took)\s+over(?:\s+(?i:as)\s+{_ART}{T}(?:\s+(?i:at|of)\s+(?:[a-z][\w-]*\s+){{0,4}}{CO})?)?"
              rf"(?:\s+(?i:in|on|at)\s+[^,;.⟪⟦]{{1,30}}?)?\s+(?i:from|for)\s+{_ART}(?:{T2}\s+|(?i:co-?founder|founder)\s+)?{P2}"),
        # "Jonathan Schwartz, Sun's COO, has replaced him", "making way for Ariel Szarfsztejn, current commerce head"
        _rule("person-replaces-him", "successor",
              rf"{P}{_PHOTO}(?:,\s+(?:[^,;⟪⟦]|⟪\d+⟫'s|⟦\d+⟧){{1,80}}?,)?\s+{_ADV}(?i:replaces|replaced|replace|succeeds|succeeded|succeed)\s+(?i:him|her)\b"),
        _rule("making-way-for", "successor", rf"(?i:making|make|makes|made)\s+way\s+for\s+{_LEADIN}{P}{_P_END}"),
        # "Karen Boone, an existing Peloton board member, will take Foley's place", "Elliott Hill coming out of retirement to take over
        # the top role"
        _rule("person-takes-over", "successor",
              rf"{P}{_APPOS}\s+(?:(?i:coming|comes|came|come)\s+(?i:out\s+of\s+retirement|back)\s+(?i:to)\s+)?{_ADV}(?i:take|takes|taking|took|taken)\s+"
              rf"(?:(?i:over)(?!\s+(?i:as|from))|(?:(?i:her|his)|⟪\d+⟫'s?)\s+(?i:place|seat|job|role)|(?i:on)\s+(?:(?i:the)\s+)?(?i:role))"
              # "Reinhard Handte ... has taken over Schweizer's role as chief executive": the role, when written
              rf"(?:\s+(?:⟪\d+⟫'s?|(?i:his|her))\s+(?i:role|job|post|position))?(?:\s+(?i:as)\s+{_ART}{T}(?![\s,]*⟪))?"),
        # "Drysdale's interim replacement is Eric So": the role left, for the person named after it
        _rule("replacement-is", "successor",
              rf"(?:⟪\d+⟫'s?|(?i:his|her|their))\s+(?P<interim>(?i:interim|temporary|acting)\s+)?(?:(?i:permanent|new)\s+)?"
              rf"(?i:replacement|successor)\s+(?i:is|will\s+be|was)\s+{_LEADIN}(?:⟦\d+⟧,\s+)?{P}{_P_END}{_NOT_OWNER}"),
        # "In his place, Wipro has appointed a 32-year company veteran, Srini Pallia", "To replace Muilenburg, Boeing named David
        # Calhoun", "In his place, Mexico's president ... has named José Antonio González Anaya": a successor told by whose place
        # they take, the role the one leaving held (kept only beside a departure the item reports, leadership.py)
        _rule("in-his-place-named", "successor",
              rf"(?:^|(?<=[;:]\s))(?i:in\s+(?:his|her|their)\s+place|to\s+(?:replace|succeed)\s+(?:⟦\d+⟧\s+)?⟪\d+⟫|as\s+(?:his|her|their)\s+"
              rf"(?:replacement|successor)),\s+(?:[^,;.⟦]|⟪\d+⟫|⟦\d+⟧){{1,60}}?\s{_ADV}(?i:named|appointed|picked|tapped|chose|chosen|selected|"
              rf"hired|installed|nominated)\s+(?:[^,;.⟪⟦]{{1,50}},\s+)?{_HIRE_LEADIN}(?:⟦\d+⟧,?\s+)?{P}{_P_END}"),
        # "Bob Iger to return", "ex-CEO Bob Iger is back"
        _rule("former-returns", "appointed",
              rf"(?i:ex-|former\s+){T}\s+{P}\s+{_ADV}(?i:returns|return|returning|is\s+back|back|comes\s+back)", surname_ok=True),
        # "Chief Executive Officer (CEO) Doug Allison and Finance Director (FD) Valerie Tannahill have resigned"
        # "Apotheker Out, Whitman In", "Schmid Out at Battery Firm, Mahoney In at BSX": a headline's succession in two words
        _rule("out-and-in", "succession",
              rf"{P2}\s+(?i:out)(?:\s+(?i:at|as)\s+(?:[^,;⟪⟦]|⟪\d+⟫){{1,40}}?)?\s*[,;]\s+{P}\s+(?i:in)(?=\s*$|\s*[,;:.]|\s+(?i:at|as|for)\b)",
              surname_ok=True),
        _rule("pairs-depart", "departed_pairs", rf"(?:{CO}(?:'s)?\s+)?{_PAIRS},?\s+{_ADV}{_DEPART}"),
        # "The company has just let go of Chief Operating Officer Kristian Tear (pictured at left) and Chief Marketing Officer Frank Boulben"
        _rule("company-ousts-pairs", "departed_pairs",
              rf"(?:{CO}|(?i:the\s+company|it))\s+{_ADV}(?i:ousts|ousted|fires|fired|dismisses|dismissed|lets\s+go\s+of|let\s+go\s+of)\s+"
              rf"(?:(?i:its)\s+)?{_PAIRS}"),
        # "Vale CEO Fabio Schvartsman and three other senior executives resigned", "Rio Tinto chief executive Jean-Sebastien Jacques and
        # two other senior managers have resigned": the one person named leaves with others left unnamed
        _rule("person-and-others-depart", "departed",
              rf"(?:{CO}(?:'s)?\s+)?{_ART}{T},?\s+{P},?\s+(?i:and)\s+(?:(?i:two|three|four|five|six|several|a\s+few|\d+)\s+)?(?i:other)\s+"
              rf"(?:(?i:senior|top|board)\s+)?(?i:executives|managers|officials|directors|execs|officers|board\s+members)\s+{_ADV}{_DEPART}",
              surname_ok=True),
        # "The chief executive of John Menzies, Forsyth Black, has stepped down"
        _rule("title-of-company-person-departs", "departed",
              rf"{T}\s+(?i:of|at)\s+(?:(?i:the)\s+)?{CO}(?:\s+(?i:board(?:\s+of\s+directors)?))?,\s+{P},?\s+{_ADV}{_DEPART}{_DEPART_TAIL}",
              surname_ok=True),
        # "Uber CEO Kalanick resigns", "Yahoo's chief executive Scott Thompson has stepped down", "longtime marketing chief X said she would leave"
        _rule("title-person-departs", "departed",
              rf"(?:{_XCO}{CO}(?:'s)?\s+)?(?P<fb>(?i:co-?founder|founder)\s+(?:and|&)\s+)?{_ART}{T}(?P<fa>\s+and\s+(?i:co-?founder))?,?\s+{P},?\s+"
              rf"(?:{_WHO_NEXT})?{_ADV}{_DEPART}{_DEPART_TAIL}", surname_ok=True),
        # "Monzo founder Tom Blomfield leaves challenger bank", "Monzo co-founder Jonas Templestein departs after nine years": the
        # founder's role is the one a headline names
        _rule("founder-person-departs", "departed",
              rf"(?:{CO}(?:'s)?\s+)?(?P<ft>(?i:co-?founder|cofounder|founder))\s+{P},?\s+(?:{_WHO_NEXT})?{_ADV}{_DEPART}{_DEPART_TAIL}",
              surname_ok=True),
        # "Yahoo's Bartz out as chief executive": a surname vouched for by the title that follows
        _rule("company-person-out-as", "departed",
              rf"{CO}'s\s+{P}\s+{_ADV}{_DEPART}\s+(?i:as)\s+{_ART}{T}", surname_ok=True),
        # "Larry Page and Sergey Brin ... are stepping down from their positions as CEO and president"
        _rule("persons-depart", "departed_list",
              rf"{_PERSONS}{_APPOS},?\s+{_ADV}(?:(?i:have\s+|has\s+)?(?i:announced|said)\s+(?:(?i:that)\s+)?(?i:they)\s+{_ADV})?{_DEPART}"
              rf"{_DEPART_TAIL}", surname_ok=True),
        # "Doe out as Zorbly CEO": a lone surname vouched for by the title the person leaves
        _rule("person-departs-as-title", "departed",
              rf"{P}\s+{_ADV}{_DEPART}\s+(?i:as|from)\s+(?:(?i:his|her|their)\s+(?:roles?|positions?|posts?|jobs?)\s+(?i:as)\s+)?{_ART}"
              rf"(?:{_XCO}{_NAME.format('dco')}(?:'s)?\s+)?{_TITLE.format('dt')}{_OF_DCO}(?![\s,]*⟪)", surname_ok=True),
        # "Jack Dorsey reportedly stepping down as Twitter CEO", "Jony Ive, Apple's chief design officer, is leaving the company"
        # "..., Colleen DeCourcy, who will depart later this year": a relative clause is news only when it looks ahead
        # ("who recently stepped down as chief executive of Renovis" is background)
        _rule("person-departs", "departed", rf"{_NOT_PLACE}{P}(?:{_APPOS}|,)\s+(?:(?<=,\s){_WHO_NEXT})?{_ADV}{_DEPART}{_DEPART_TAIL}"),
        # "GE ousts chief executive John Flannery", "OpenAI Board of Directors Fires CEO Sam Altman", "GE ousts its CEO"
        _rule("company-ousts", "departed",
              rf"{CO}(?:'s)?(?:\s+(?i:board(?:\s+of\s+directors)?))?(?:,\s+(?i:which))?(?:\s+(?i:on\s+\w+))?\s+{_ADV}(?i:ousts|ousted|fires|fired|removes|removed|"
              # "voted to terminate the contract of CEO Bill Stewart", "has terminated the contracts of embattled CEO Alan Shaw"
              rf"(?:terminates|terminated|terminate)(?:\s+the\s+(?:contracts?|employment)\s+of)?|"
              rf"dismisses|dismissed|sacks|sacked|cans|canned|axes|axed|pushes\s+out|forces\s+out|loses|lost|parts\s+ways\s+with|"
              rf"parted\s+ways\s+with|part\s+ways\s+with|lets\s+go\s+of|let\s+go\s+of|replaces|replaced)\s+{_ART}{T},?"
              rf"(?:\s+{P})?", surname_ok=True),
        # "OpenText has removed Mark Barrenechea as CEO and CTO", "HP ousts Apotheker as CEO", "Itzik Abercohen ousts Shufersal CEO Ofer
        # Bloch": the person and the role they are removed from
        # ... "Renault ousts Ghosn ally Thierry Bollore from CEO role"
        _rule("ousts-person-as", "departed",
              rf"{_OUST}\s+{P}\s+(?i:as|from(?=\s+(?:(?:his|her|the|its)\s+)?⟦\d+⟧\s+(?:role|post|position|job)\b))\s+{_ART}{_TITLE.format('dt')}",
              surname_ok=True),
        _rule("ousts-company-title-person", "departed",
              rf"{_OUST}\s+{_ART}{_NAME.format('dco')}(?:'s)?\s+{_TITLE.format('t')},?\s+{P}", surname_ok=True),
        # "announces departure of CMO Holly Grant", "with the departure of company president Jeff Jones"
        _rule("departure-of", "departed",
              rf"(?i:departure|resignation|retirement|exit|ouster|firing)\s+of\s+{_ART}(?:(?i:company)\s+)?(?:{CO}(?:'s)?\s+)?"
              rf"(?:{T},?\s+)?{P}"),
        # "HSBC announces CEO Quinn's retirement", "TCS CEO Rajesh Gopinathan's resignation is a shocker": a role, then whose departure
        _rule("title-person-s-departure", "departed",
              rf"(?:{CO}(?:'s)?\s+)?{_ART}{T}\s+{P}'s?\s+(?:(?i:abrupt|sudden|surprise|shock|planned)\s+)?"
              rf"(?i:resignation|retirement|departure|exit|ouster|firing|dismissal|sacking)\b"
              rf"(?!\s+(?i:plans?|rumou?rs?|talk|speculation|package|age)\b)", surname_ok=True),  # not "retirement plans have been put on ice"
        # "Gil Shwed ... recently took a bold and reflective step by announcing his resignation as CEO"
        _rule("person-announces-resignation", "departed",
              # "Daniel Clough, co-CEO of Bossa Studios, announced his departure from the company": an aside may hold the role
              rf"{P}(?:,[^,;]{{1,120}}?,)?\s+(?:[^.;⟪⟦]{{1,60}}?\s)?(?i:announcing|announced|announces|tendered|tenders|submitted|handed\s+in)\s+"
              rf"(?i:his|her)\s+(?i:resignation|retirement|departure)(?:\s+(?i:as|from)\s+{_ART}(?:{_NAME.format('dco')}(?:'s)?\s+)?{_TITLE.format('dt')})?"),
        # "Tshabalala ... will retire alongside chief financial officer (CFO) Arno Daehnke": a second person leaving with the first
        _rule("departs-alongside", "departed",
              rf"{_DEPART}\s+(?i:alongside|along\s+with|together\s+with)\s+{_ART}{T},?\s+{P}", surname_ok=True),
        # "Regina Graul, Ph.D., has found a new role at the top of Cyclerion Therapeutics, replacing outgoing founding CEO Peter Hecht":
        # the subject of the sentence takes the role of the one it replaces
        _rule("subject-replacing", "succession_rev",
              rf"^{P}{_APPOS},?\s+(?!(?i:who|which|whose|said|says|told|added|noted)\b)(?:[^.;⟪⟦]|⟪\d+⟫){{1,80}}?,\s+(?i:replacing|succeeding)\s+{_ART}"
              rf"{T2}\s+{P2}(?!\s+(?i:as|at|in|on)\b)"),
        # "Succeeding McMahon will be Mitch Pugh", "Succeeding her is her son, David C. Copley", "Replacing him from 1 December is
        # Benedicte Schilbred Fasmer": the successor named after "to be", the one replaced (or "him") before it
        _rule("succeeding-person-is", "succession", rf"^(?i:succeeding|replacing)\s+{_ART}(?:{T2},?\s+)?{P2}{_INVERTED_SUCCESSOR}"),
        _rule("replacing-him-is", "successor", rf"^(?i:succeeding|replacing)\s+(?i:him|her){_INVERTED_SUCCESSOR}"),
        # "Andrew L. Ott, the executive vice president for markets, was picked to succeed Terry Boston", "Mike Brown, the financial
        # director of Nedbank Group, has been named as the successor to chief executive Tom Boardman"
        _rule("person-picked-to-succeed", "succession",
              rf"{P}{_APPOS},?\s+{_ADV}(?i:picked|chosen|named|tapped|selected|appointed|nominated|elected)\s+(?:(?i:to\s+succeed|to\s+replace)|"
              rf"(?i:as\s+)?(?i:the\s+|his\s+|her\s+)?(?i:successor|replacement)\s+(?i:to|for))\s+{_ART}(?:{T2},?\s+)?{_HONORIFIC}{P2}"
              rf"(?![\s,]*⟦)"),
        # "succeeding Steve Ballmer", "will replace current chief executive Bob Swan": the one who leaves
        _rule("succeeding", "departed_inherit",
              rf"(?i:succeeding|replacing|to\s+replace|to\s+succeed|will\s+replace|will\s+succeed|(?:takes|take|taking)\s+over\s+from)\s+{_ART}"
              rf"(?:{T},?\s+)?{P}(?!\s+(?i:as|with))"),
        # "Race on to succeed Sim Tshabalala as Standard Bank boss": the role of the one to be succeeded
        _rule("to-succeed-person-as", "departed",
              rf"(?<!⟫\s)(?i:to\s+succeed|to\s+replace)\s+{P}\s+(?i:as)\s+{_ART}(?:{_NAME.format('dco')}(?:'s)?\s+)?{_TITLE.format('dt')}"),
        # Without a person: "Uber CEO resigns", "Twitter CEO Suddenly Steps Down", "CEO to step down"
        _rule("company-title-departs", "unnamed_departed", rf"(?:{CO}(?:'s)?\s+)?{_ART}{T}\s+{_ADV}{_DEPART}"),
        # "Microsoft names new CFO", "Royal Mail picks branding chief", "Google has already found its new financial director"
        # "Energy firm Fortum gets new boss", "Electric grid operator PJM Interconnection names new CEO": the name after the
        # description is the company
        _rule("company-names-title", "unnamed_appointed",
              rf"(?:⟪\d+⟫\s+(?:[a-z][\w'-]*\s+){{1,2}}(?=⟪))?{CO}\s+(?:(?:[\w']+|⟪\d+⟫)\s+){{0,3}}?(?i:names|name|appoints|hires|taps|picks|selects|finds|found|welcomes|announces|unveils|"
              rf"gets|lands|poaches|lures)\s+(?:(?i:a|its|new|the|first|first-ever|inaugural|permanent)\s+)*(?:{_ANY_NAME}\s+)?(?:(?i:global)\s+)?{T}"
              rf"(?!\s+{_ANY_NAME}|\s+(?i:transition|succession|change|changes|search|plan)\b)"),
        # "Elliott Hill, 60, ..., will rejoin the brand on October 14, succeeding Donahoe as president and CEO"
        _rule("person-succeeding-as", "succession",
              rf"{P}{_APPOS}\s+[^.;⟪⟦]{{0,60}}?(?i:succeeding|replacing)\s+{_ART}(?:{T2}\s+)?{P2}\s+(?i:as)\s+{_ART}"
              rf"(?:{CO}(?:'s)?\s+{_CO_NEW})?{T}", surname_ok=True),
        # "Larry Ellison would relinquish his role as chief executive": the role left
        _rule("person-relinquishes-role", "departed",
              rf"{P}{_APPOS}\s+{_ADV}(?i:relinquish|relinquishes|relinquished|relinquishing|give\s+up|gives\s+up|giving\s+up)\s+"
              rf"(?i:his|her|the)\s+(?i:roles?|posts?|positions?|titles?|jobs?)\s+(?i:as)\s+{_ART}{T}"),
        # "... and become the software giant's executive chairman and chief technology officer": the role taken next
        _rule("person-and-becomes", "appointed",
              rf"{P}{_APPOS}\s+[^.;⟪]{{1,80}}?\s(?i:and)\s+(?:(?i:will|would|to)\s+)?(?i:become|becomes)\s+{_ART}{T}{_OF_CO}"),
        # "Weiner will move into the role of executive chairman"
        _rule("person-moves-into-role", "appointed",
              # "Jeffrey Leiden, who has permanently moved into the role of executive chairman"
              rf"{P}{_APPOS}\s+(?:(?i:who)\s+)?{_ADV}(?:(?i:permanently|formally)\s+)?(?i:move|moves|moving|moved|transition|transitions|"
              rf"transitioning|transitioned)\s+(?i:into|to)\s+(?:(?i:the|a)\s+)?"
              rf"(?:(?i:new)\s+)?(?i:role|position|post)\s+(?i:of|as)\s+{_ART}{T}"),
        # "Sikka has been retained as the executive vice-chairman", "Drury stepping down but maintaining a role as a non-executive
        # director", "Devine will remain at GM as a vice chairman": the other role a departing person keeps or takes (LABELLING.md
        # "Changed roles are two events"); kept only beside that person's departure from another role (leadership.py `_STAYS`)
        _rule("person-stays-on-as", "appointed",
              rf"{P}{_APPOS},?\s+(?:(?i:who)\s+)?(?:(?:[^.;⟪⟦]|⟦\d+⟧){{1,80}}?\s(?i:and|but)\s+)?{_ADV}{_STAY}\s+(?i:as)\s+{_ART}"
              rf"(?:{CO}(?:'s)?\s+)?{T}"),
        # "He will continue as an executive director until July 2020", "..., however, he will remain on the board as a
        # non-executive director": the same, said of the person the item is about
        _rule("pronoun-stays-on-as", "appointed_pronoun",
              rf"(?:^|,\s+(?:(?i:however|but|and|while)\s+)?)(?i:he|she)\s+{_ADV}{_STAY}\s+(?i:as)\s+{_ART}(?:{CO}(?:'s)?\s+)?{T}"),
        # "Lovesac taps Crocs veteran as first chief brand and marketing officer", "PTC Therapeutics elevates biotech buyout CEO to
        # chief development officer": who it is, the summary says
        _rule("company-names-descriptor-as-title", "unnamed_appointed",
              rf"{CO}\s+{_ADV}{_NOT_PASSIVE}(?i:names|appoints|hires|taps|picks|selects|adds|elevates|promotes|recruits|poaches|lures|nabs|snags|"
              rf"brings\s+in|lands|name|appoint|hire|tap|pick|select|add|elevate|promote|recruit|poach|lure|named|appointed|hired|tapped|"
              rf"picked|selected|added|elevated|promoted|recruited|poached|lured|nabbed|snagged)\s+(?:[^\s,;:]+\s+){{1,6}}?(?i:as|to)\s+(?:(?i:a|its|new|the|first|first-ever|inaugural|permanent|next)\s+)*"
              rf"{T}(?!\s+⟪)"),
        # "announced the abrupt exit of its chief executive officer. Neil Gawthorpe has resigned": who, the next sentence says
        _rule("departure-of-title", "unnamed_departed",
              rf"(?i:departure|resignation|retirement|exit|ouster|firing)\s+of\s+(?:(?i:its|their|the\s+company's)\s+)?{T}(?![\s,]*[⟪⟦])"),
        _rule("company-new-title", "unnamed_appointed", rf"{CO}'s\s+(?i:new)\s+(?:[^⟦⟪\s]+\s+){{0,3}}{T}"),
        # A headline's "new CSO", "New Head of Communications at Vestas": the role the summary names someone to (headline only)
        _rule("headline-new-title", "wording_appointed", rf"(?i:new)\s+{T}(?!'s)(?:\s+(?i:at|for)\s+{CO})?(?![\s,:]*[⟪⟦])"),
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


def candidate_rules(tokens: frozenset[str], text: str | None = None) -> list[Rule]:
    """The rules whose screen words `tokens` holds, in rule order; given the marked clause `text`, only those whose markers
    it holds (a rule that needs a title is never tried on a clause without one).

    The answer depends only on which screen words (`Rule.gate`, `Rule.needs`) the clause holds and which markers: it is kept
    for that key (`_CANDIDATES`), since clauses of news repeat a few such keys and sorting and filtering cost a clause more than
    its searches do."""
    held = ("⟦" if "⟦" in text else "") + ("⟪" if "⟪" in text else "") if text is not None else "⟦⟪"
    key = (tokens & _screen_words(), held)
    found = _CANDIDATES.get(key)
    if found is None:
        if len(_CANDIDATES) >= _CANDIDATES_KEPT:
            _CANDIDATES.clear()  # a bound for a long-running process; refilled as clauses come
        found = _CANDIDATES[key] = _candidates(key[0], held)
    return list(found)


_CANDIDATES: dict[tuple[frozenset[str], str], tuple[Rule, ...]] = {}
_CANDIDATES_KEPT = 4096


@functools.cache
def _screen_words() -> frozenset[str]:
    """Every word a rule's screens name (`Rule.gate`, `Rule.needs`)."""
    return frozenset(word for rule in rules() for word in rule.gate | rule.needs)


def _candidates(tokens: frozenset[str], held: str) -> tuple[Rule, ...]:
    """`candidate_rules` worked out: the rules whose gate and needs `tokens` meets and whose markers `held` holds."""
    index, every = rules_by_word(), rules()
    positions: set[int] = set()
    for word in index.keys() & tokens:  # the screen words the clause holds (a set operation, not a look-up per word)
        positions.update(index[word])
    return tuple(rule for rule in (every[position] for position in sorted(positions))
                 if (not rule.needs or rule.needs & tokens) and all(map(held.__contains__, rule.marks)))


@functools.cache
def holder_patterns() -> tuple[re.Pattern[str], ...]:
    """"CFO Jane Doe", "Jane Doe, the company's CFO", "J. Robert Beyster, the founder, chairman and chief executive officer of ...":
    who holds a title, to name the person an unnamed event is about and the title a person holds (holdout22 rh22-0153)."""
    founder = r"(?:(?i:the\s+)?(?i:co-?founder|founder),?\s+(?:and\s+)?)?"
    return (
        re.compile(rf"{T}(?:\s+(?:and|&)\s+(?i:co-?founder|founder))?,?\s+{P}"),
        re.compile(rf"{P}(?:,|\s+-+)\s+(?:(?i:previously|formerly|currently)\s+)?{founder}(?:{CO}'s\s+)?{_ART}{T}"),
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
