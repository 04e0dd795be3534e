"""The patterns of funding news: verbs, round names, what is not a round, and investor lists.

Patterns marked "lower-cased text" are matched against `text.lower()`, which CPython matches
several times faster than the same pattern with re.IGNORECASE.
"""

from __future__ import annotations

import re

from signalwatch.extract.screens import AnyOf, Screened, by_first_letter
from signalwatch.extract.text import NAME_LIST

# Every word that can carry a funding headline; an item with none of them is skipped at once.
FUNDING_WORDS = frozenset(
    "raises raised secures secured lands landed closes closed completes completed nabs nabbed bags bagged snags gains gained eyes nears "
    "snagged pulls pulled gets receives received collects scores nets netted grabs attracts banks picks picked rakes "
    "hauls reels brings takes wins won awarded emerges launches debuts comes exits announces announced clinches garners "
    "obtains draws adds lead leads backs invests bets pours puts valued raising talks seeks seeking looking takes took "
    "latches lassos launches bankrolls funds readies marches emerges debuts pockets pocketed scoops scooped locks locked hauls "
    "hauled amasses gathers tops wraps receive snares snared racks racked books booked reeled raked brought lassoed garnered "
    "clinched obtained amassed gathered grabbed attracted collected scored snapped wrapped topped granted signs signed sign inks "
    "inked borrows borrowed".split()
)

# Verbs that report money coming in. Past tense and "has raised" cover passive wire copy. (The leading lookahead lists the
# letters the verbs start with: speed only, the same matches.)
VERB = re.compile(
    r"(?=[a-eghilnoprstw])(?<![\w-])(?:(?:has|have|had)\s+(?:raised|secured|closed|landed|received|completed)|raises|raised|secures|secured|"
    r"lands|landed|closes|closed|completes|completed|nabs|nabbed|bags|bagged|snags|snagged|pulls\s+in|pulled\s+in|gets|"
    r"receives|received|collects|scores|nets|netted|grabs|attracts|banks|picks\s+up|picked\s+up|rakes\s+in|hauls\s+in|"
    r"reels\s+in|brings\s+in|takes\s+in|wins|won|(?:is\s+)?awarded|emerges(?:\s+from\s+stealth)?\s+with|"
    r"launches\s+with|debuts\s+with|"
    r"(?:comes|exits)\s+out\s+of\s+stealth\s+with|exits\s+stealth\s+with|announces|announced|clinches|garners|obtains|"
    r"draws|adds|gains|gained|eyes|nears|(?:is\s+|are\s+)?raising|in\s+(?:advanced\s+)?talks\s+(?:to\s+raise|for)|seeks|seeking|looking\s+to\s+raise|"
    r"(?:to|will)\s+receive|(?:to|will)\s+raise|"
    r"set\s+to\s+raise|takes\s+out|took\s+out|latches\s+onto|lassos|pockets|pocketed|scoops(?:\s+up)?|scooped\s+up|"
    r"locks\s+(?:in|up)|locked\s+in|hauls|hauled\s+in|amasses|gathers|brings\s+home|tops\s+up|wraps(?:\s+up)?|snares|snared|"
    r"racks\s+up|racked\s+up|books|booked|pulls\s+down|pulled\s+down|"
    # past forms of the verbs above: "Wayfair, the Boston-based online home goods retailer, reeled in another $36 million"
    r"reeled\s+in|raked\s+in|brought\s+in|took\s+in|hauled|latched\s+onto|lassoed|garnered|clinched|obtained|amassed|gathered|"
    r"grabbed|attracted|collected|scored|snapped\s+up|wrapped(?:\s+up)?|topped\s+up|"
    # passive grants and loans: "Urgo Group SAS has just been awarded $27.7 million", "Cabify is granted €15 million in financing"
    r"(?:(?:has|have)\s+(?:just\s+)?been\s+|was\s+|were\s+)(?:awarded|granted)|(?:is\s+|are\s+)?granted|"
    # debt: "Olympic Signs New $400 Million Credit Facility", "Amen Bank of Tunisia Borrows $17m from Sanad"
    r"signs|signed|sign|inks|inked|borrows|borrowed)(?![\w-])"
)  # matched against lower-cased text
# VERB's matches found faster: each word start tries the few alternatives of its first letter, not all ~120 (VERB.finditer of a
# bench headline ~51k -> ~27k instructions). Read in place of VERB; VERB stays the one written.
VERB_BY_LETTER = by_first_letter(VERB, r"(?=[a-eghilnoprstw])(?<![\w-])", r"(?![\w-])")
# Verbs that name a round being raised, with or without an amount ("in talks to raise at a $1B valuation").
TALKS_TO_RAISE = re.compile(r"in\s+(?:advanced\s+)?talks\s+(?:to\s+raise|for)|looking\s+to\s+raise|set\s+to\s+raise")
# Verbs that report a round in progress or in talks: the change is "reported".
REPORTED_VERB = re.compile(r"(?:is\s+|are\s+)?raising|in\s+(?:advanced\s+)?talks|seeks|seeking|looking\s+to|set\s+to|eyes|nears|(?:to|will)\s+raise")
# Last words of a subject that describes one company without naming it ("Secretive air taxi startup").
COMPANY_NOUNS = frozenset(
    "startup start-up company firm biotech upstart maker developer provider platform player play outfit spinout spin-out "
    "spinoff unicorn lender neobank fintech insurtech healthtech medtech edtech proptech business venture".split()
)
# "Poseida marches on with $30.5M Series B", "Third Rock launches cancer drug developer with $40M bankroll".
WITH_ROUND = re.compile(
    r"^(?P<subj>.+?)\s+(?P<verb>(?i:launches|launched|launch|unveils|unveil|funds|bankrolls|backs|forms|form|creates|create|debuts|emerges|marches\s+on|"
    r"readies|returns|arrives|starts|kicks\s+off|spins\s+out|powers\s+up|gears\s+up|pushes\s+ahead|extends|tops\s+up|rises))\b"
    r"(?P<obj>(?:\s+(?!with\b)[^,;:]{1,60}?)?)\s+with\s+(?P<deal>[^,;]+)"
)
# Words before a verb that make it part of a clause about something else ("X, which raised $5M, launches").
SUBORDINATE = re.compile(
    r"(?:\b(?:which|that|who|after|before|since|how|once|having|when|why|what|to)\s+(?:\w+\s+)?)$", re.IGNORECASE
)
FUNDING_NOUN = re.compile(
    r"\b(?:funding|financing|fundraise|fundraising|investments?|round|rounds|seed|pre-seed|series\s+[a-k]\b|backing|"
    r"grant|debt|credit\s+facility|credit\s+line|loan|equity|tranche|extension|war\s+chest|capital\s+raise|new\s+capital|"
    r"fresh\s+capital|growth\s+capital|capital\s+injection|cash\s+injection|raise|bankroll|infusion|injection|securiti[sz]ation|"
    r"financial\s+support|"
    r"(?:crossover|venture|fresh|new|vc)\s+cash)\b"
)  # matched against lower-cased text
# Verbs too common to imply funding by an amount alone: "wins $5M" is usually a contract or a prize.
NEEDS_NOUN = re.compile(r"^(?:wins|won|announces|announced|adds|draws|eyes|nears|(?:is\s+|are\s+|was\s+|were\s+|(?:has|have)\s+(?:just\s+)?been\s+)?"
                        r"(?:awarded|granted)|racks\s+up|racked\s+up|books|booked|pulls\s+down|pulled\s+down)$", re.IGNORECASE)
# Verbs that take money in only as a loan: "signs a $400 million credit facility", "borrows $17m from Sanad".
DEBT_VERB = re.compile(r"^(?:signs|signed|sign|inks|inked|borrows|borrowed)$")
# The loan such a verb must name within its first words (a borrower needs no noun: "borrows $17m").
DEBT_NOUN = re.compile(r"\b(?:loans?|credit\s+(?:facility|facilities|agreement|line)|(?:term|revolving|debt|lending|loan)\s+facility|"
                       r"debt\s+financing|financing\s+(?:agreement|facility)|securiti[sz]ation)\b")  # lower-cased text
# Whole-headline signs of something that is not a startup's round: a VC's own fund, an IPO, a donation.
NOT_A_ROUND = re.compile(
    r"\bfinal\s+close\b|\bfirst\s+close\b|\blimited\s+partners\b|\blps\b|"
    # not "Raises $75M in New Funds", "is raising $38 million in venture funds": money from funds, not a fund's close
    r"(?<!\bin\s)\b(?:new|debut|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|latest|"
    r"inaugural|flagship|largest|early-stage|late-stage|growth|opportunity|opportunities|venture|seed|buyout|climate|"
    # not "pushing its total funds raised above $1bn": the company's money to date, not a fund
    # nor "a Series A financing to fund early development": "to fund" is a verb (holdout21 rh21-0084)
    r"continuation|evergreen|sophomore|maiden|oversubscribed|successor|its|a)\s+(?:[\w$€£.-]+\s+){0,2}(?<!\bto\s)(?<!\bhelp\s)funds?\b"
    r"(?!\s+[$€£\d]|\s+raised\b)|"
    r"\b(?:in|via|through|from)\s+(?:its\s+|an\s+|the\s+|a\s+)?(?:[\w$.-]+\s+){0,3}ipo\b|\bipo\s+(?:priced|pricing|raises|of)\b|\bipo,|"
    r"\bpublic\s+offering\b|\binitial\s+public\b|\bspac\b|\bdirect\s+listing\b|\bofferings?\s+of\b|"
    # a listed company's share issue: "with $15m capital injection via rights issue", "to raise up to Rs 8,500 crore via QIP"
    r"\brights\s+issues?\b|\bqip\b|\bqualified\s+institutional\s+placement\b|"
    r"\b(?:to\s+(?:back|boost|support|help|invest\s+in|fund)|for\s+(?:backing|investing\s+in|funding))\s+(?:[\w-]+\s+){0,3}"
    r"(?:startups|start-ups|companies|founders|entrepreneurs|"
    r"fintechs|biotechs|smes|scale-?ups|innovators)\b|"
    r"\b(?:vc|venture\s+capital|investment|private\s+equity)\s+funds?\b|"
    r"[\d.]\s?(?:bn|billion|m|mn|million)\s+(?:(?!in\b|to\b)[\w-]+\s+){0,2}funds?\b|\braises\s+most\b"
)  # matched against lower-cased text
_NOT_A_ROUND_ANY = AnyOf(NOT_A_ROUND)  # its alternatives tried one by one behind their words: the whole costs ~70 us a sentence
# Words without which `NOT_A_ROUND` cannot match: a cheap screen before the costly pattern.
NOT_A_ROUND_WORDS = frozenset(
    "fund funds close limited lps ipo public initial spac listing offering offerings talks seek seeks seeking back invest "
    "venture vc investment equity boost support help rights qip qualified investing backing".split()
)
# What may follow an amount and make it something other than a round: "$12M contract", "€50,000 prize".
NOT_ROUND_AMOUNT = Screened(re.compile(  # not "$75M in New Funds", "$38M in Early Funds": money from funds
    r"^(?!\s*in\s+(?:[\w-]+\s+)?funds\b)\s*(?:(?!(?:to|for|from|at|with|as|on|by)\b)[\w-]+\s+){0,2}?(?:contracts?|deals?|orders?|prize|awards?|donation|revenue|sales|ARR|loss|losses|profit|"
    r"settlement|acquisition|buyout|buyback|repurchase|shares?|funds?|stake|budget|bonus|fine|penalty|investment\s+(?:in|into)|"
    r"in\s+(?:revenue|sales|ARR|orders|contracts|bookings)|offering|senior\s+notes|notes\s+due|bonds?|bookings|run\s+rate|"
    r"tender|sale|divestiture|purchase|merger|payments?|milestone|upfront|royalt(?:y|ies)|damages|fine|judgments?|judgements?|verdicts?)\b"
    # a Title Case headline names the contract's subject first: "£330 Million NHS Federated Data Platform Contract"
    r"|^\s*(?:(?!(?:series|seed|round|funding|financing|investment|to|for|from|in|at|with|as|on|by)\b)(?-i:[A-Z])[\w&.-]*\s+|(?-i:of|and|&)\s+){3,6}"
    r"(?:contracts?|tenders?|orders?)\b",
    re.IGNORECASE,
))
# What after an amount makes it a company's spending on a site: "Danone completes €180m Irish infant nutrition expansion"; not
# "raises $10M for expansion" (a round's purpose) or "$20M Series B expansion round".
CAPEX_AFTER = re.compile(
    r"(?i)\s+(?:(?!(?:to|towards?|for|from|in|at|with|on|of|series|seed|round|funding|financing|investment)\b)[\w-]+\s+){0,3}?"
    r"(?:expansion|plant|factory|gigafactory|campus|headquarters|warehouse|refinery|upgrade|renovation)\b(?!\s+(?:round|funding))"
)


def capex_after(text: str, end: int) -> bool:
    """Whether the words after an amount ending at `end` make it spending on a site (`CAPEX_AFTER`), screened first."""
    tail = text[end : end + 80].lower()
    return any(map(tail.__contains__, _CAPEX_WORDS)) and CAPEX_AFTER.match(text, end) is not None


_CAPEX_WORDS = ("expansion", "plant", "factory", "campus", "headquarters", "warehouse", "refinery", "upgrade", "renovation")
BEFORE_EXCLUDED = re.compile(
    r"(?:valued\s+at|valuation\s+of|valuing\s+(?:it|the\s+company)\s+at|total(?:ling|ing|s)?(?:\s+\w+){0,2}\s+(?:to|of)|"
    r"to\s+date|revenue\s+(?:of|to)|guidance\s+(?:of|to)|ARR\s+of|worth|more\s+than\s+doubl\w+|after\s+raising|"
    r"previously\s+raised|following\s+(?:a|its|the))\s*$",
    re.IGNORECASE,
)
AFTER_EXCLUDED = Screened(re.compile(r"^\s*(?:post-money\s+|pre-money\s+)?(?:valuation|in\s+(?:total|ARR|revenue)|total\s+(?:funding|investment|capital))",
                            re.IGNORECASE))  # "Have Raised Up To €25M Total Funding In Two Years": a total, not a round
# Speed only (round 14; the same matches): every shape starts with one of the first letters the leading lookahead lists, and the
# lookbehinds of "b round" are tried only where a letter and "round" follow; a search through a headline is about twice as fast.
# Round 18: every shape also starts a word (a "\b" before a letter, or "b round" after a space), so "(?<!\w)" refuses a position
# inside a word once, before each shape tests its own "\b" (a Unicode word test per shape and position): about 2x faster again.
ROUND = re.compile(
    r"(?=[a-lnprstvw])(?<!\w)(?:"
    r"(?P<pre_seed>\bpre-?seed\b|\bangel\s+round\b)|(?P<pre_a>\bpre-?series[- ]a\b)|(?P<pre_later>\bpre-?series[- ][b-k]\b)"
    r"|\bseries[- ](?P<letter>[a-k])(?:-?\d)?\b|(?=[a-k]\s+round\b)(?:(?<=\d\s)|(?<=\d[mkb]\s)|(?<=\d(?:mn|bn)\s)|(?<=million\s)|(?<=billion\s))"
    r"(?P<letter2>[a-k])\s+round\b|(?P<seed>\bseed\b)"
    r"|(?P<growth>\bgrowth(?:[- ]stage)?\s+(?:round|equity|funding|investment|financing|capital)\b"
    r"|\blate-stage\s+(?:round|funding|financing)\b)"
    r"|(?P<debt>\bventure\s+debt\b|\bdebt\b|\bcredit\s+(?:facility|line)\b|\bloans?\b|\bwarehouse\s+facility\b|"
    r"\b(?:term|revolving|debt|lending)\s+facility\b|\bnotes\b|\bconvertible\s+note\b|\bsecuriti[sz]ation\b)"
    r"|(?P<grant>\bgrants?\b))"
)  # matched against lower-cased text
# A round named in passing as an earlier one: "six months after its Series A".
EARLIER = re.compile(
    r"\b(?:after|following|since|previous|previously|prior|last|earlier|follows|its\s+last|so\s+far|to\s+date)\b(?:\s+\S+){0,4}\s*$",
    re.IGNORECASE,
)
EARLIER_SENTENCE = re.compile(
    r"\b(?:previously|prior|earlier(?!\s+(?:this\s+(?:week|month)|today|on\s+\w+day))|follows|following|last\s+year|to\s+date|in\s+20\d\d|"
    r"(?<!\bit\s)had\s+raised|since)\b", re.IGNORECASE
)  # "said earlier this month that it raised $120 million in a Series B": recent news, not history
# "Meet Orrery, the startup that just raised $30M": a feature headline naming the company first.
MEET = re.compile(
    r"^(?:Meet|Inside)\s+(?P<co>[^,]+),\s+the\s+(?:[\w-]+\s+){0,4}(?:startup|company|firm|unicorn)\s+that\s+"
    r"(?:just\s+|quietly\s+|has\s+)?$",
    re.IGNORECASE,
)
# "Acme, the payroll startup, has raised $10M": the verb right after the company that opens the summary.
LEADING_WORDS = re.compile(r"^[A-Z0-9][\w.&'-]*(?:\s+[A-Z0-9][\w.&'-]*){0,3}(?=[\s,])")
SUMMARY_LEAD = re.compile(
    r"(?:,\s+[^,]{1,80},)?\s+(?:(?:today|on\s+\w+)\s+)?(?:(?:has|have)\s+|(?:announced|said)\s+(?:that\s+)?it\s+(?:has\s+)?)?"
    r"(?:raised|secured|closed|landed)\s+(?:an?\s+|its\s+)?(?=[$€£\w])"
)
# Headlines about something else, whose summary may still open with the company's funding history.
OTHER_NEWS = re.compile(
    r"\b(?:lays?\s+off|layoffs?|cuts|launch(?:es)?|unveils|acquires|acquired|acquisition|buys|partners|partnership|shuts|"
    r"bankrupt\w*|sues|sued|lawsuit|results|earnings|revenue|IPO|appoints|names|hires|opens|expands|recall|breach)\b",
    re.IGNORECASE,
)
# Reuters style: "Acme valued at $2 bln after latest funding round".
VALUED = re.compile(
    r"^(?P<co>.+?)\s+(?:is\s+)?valued\s+at\s+\S+(?:\s+\d[\d.,]*)?(?:\s+(?:million|billion|bln|mln|bn))?\s+(?P<rest>(?:after|in|following|with)\b.*)$",
    re.IGNORECASE,
)
# Words allowed between a verb and its amount: "raises an additional $5M", not "raises prices to $20".
FILLER = re.compile(
    r"^(?:\s*(?:an?|its|the|another|over|nearly|almost|about|around|more\s+than|up\s+to|roughly|approximately|"
    r"additional|fresh|new|oversubscribed|upsized|undisclosed|whopping|massive|mega|hefty|total\s+of|close\s+of|"
    r"final\s+close\s+of|first\s+close\s+of|completion\s+of|record|first|initial|second|third|strategic|further|"
    r"just|under|bumper|huge|big|mammoth|giant|\w+-figure|funding\s+of|investment\s+of|round\s+of|\$?US|at\s+least|"
    r"as\s+much\s+as|some|modest|little\s+over|a\s+little\s+over)\b)*\s*$",
    re.IGNORECASE,
)
# A verb followed by one of these is about something else: "announces departure of", "closes acquisition of".
OTHER_OBJECT = re.compile(
    r"^\s*(?:the\s+|its\s+|a\s+)?(?:departure|appointment|resignation|retirement|exit|hiring|launch|acquisition|"
    r"partnership|results|earnings|merger|sale|pricing|listing|closure|layoffs?)\b"
    # "announces fresh round of lay offs": a round of something other than money
    r"|^\s*(?:(?:an?|its|the|another|fresh|new|second|third|\d+(?:st|nd|rd|th)|latest|next)\s+){0,2}rounds?\s+of\s+(?:lay\s*-?offs?|job\s+cuts|cuts|"
    r"redundancies|talks|negotiations|voting|tariffs|sanctions|price|layoffs)\b",
    re.IGNORECASE,
)
# "Closes Series A Round of $12M": a round named before its amount.
ROUND_PREFIX = re.compile(
    r"^(?:\s*(?:an?|its|the|new|oversubscribed|series\s+[a-k]\+?|seed|pre-seed|growth|round|funding|financing|investment|"
    r"equity|extension|in|of|totaling|totalling|worth|valued)\b)*\s*$",
    re.IGNORECASE,
)
# A summary that describes an investment fund, not a company: "The vehicle will invest in Series A companies".
FUND_SUMMARY = re.compile(
    # "Vision Fund will invest $2 billion in South Korea's Coupang" names the deal: a fund investing, not a fund's own close
    r"\b(?:fund|vehicle)\s+will\s+(?:invest|back|target|deploy|write)(?!\s+(?:an?\s+)?(?:additional\s+)?[$€£¥]\S+\s+(?:\w+\s+)?in\s+"
    r"(?:(?-i:[A-Z])[\w-]*(?:'s|’s)?\s+){0,3}?(?-i:[A-Z])[\w.&-]*(?:\s*[,.]|\s+(?-i:[a-z])|$))"
    r"|\blimited\s+partners\b|\bLPs\b"
    r"|\b(?:raised|raising|raises|closed|closes|closing)\s+(?:(?:(?!\bby\b|\bfrom\b)[^.]){0,40}?\s)?(?:its|a|the)\s+"
    r"(?:(?!by\b|from\b)[\w$.,-]+\s+){0,4}?(?<!\bto\s)(?<!\bhelp\s)(?-i:fund)\b(?!ing)"  # not "... to fund hiring": a verb
    r"|\bfor\s+its\s+(?:[\w-]+\s+){0,3}(?-i:fund)\b(?!ing)"
    # "put together a $537 million new fund", "closed a $217 million fund": not "from its new $550 million fund" (an
    # investor's money), "to raise $400 million to fund the set up" (a verb) or "a $240 million fund raising"
    r"|\ban?\s+(?:new\s+|latest\s+|debut\s+|first\s+)?[$€£]\S+(?:\s+(?:million|billion|mn|bn))?\s+"
    r"(?:(?!to\b|help\b)[\w-]+\s+){0,2}?(?-i:fund)\b(?!ing|\s+rais)"
    # "have raised US$2.85 billion (S$3.97 billion) across three funds", "announced its fifth fund is ready to begin deploying $850
    # million": the firm's own funds (holdout21 rh21-0167, holdout16 rh16-0094)
    r"|\bacross\s+(?:two|three|four|five|six|several|\d+)\s+(?:new\s+)?(?-i:funds)\b"
    r"|\bits\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|debut|flagship)\s+(?-i:fund)\s+(?:is|has|will)\b",
    re.IGNORECASE,
)
def about_a_fund(text: str) -> bool:
    """Whether `text` says the money is an investment firm's own fund (screened first: the full pattern is costly)."""
    low = text.lower()
    if not ("fund " in low or "fund." in low or "fund," in low or low.endswith("fund") or "lps" in low or "limited partners" in low
            or "vehicle" in low or " funds" in low):
        return False
    return bool(FUND_SUMMARY.search(text))


# "Fund III", "fund 2": an investment firm's numbered fund, the subject of a fund's own close...
FUND_NUMBER = re.compile(r"\bfund\s+(?:[ivxl]+|\d+)\b")  # matched against lower-cased text
# ... unless the fund is named as the round's investor: "led by SoftBank's Vision Fund 2", "Vision Fund 2 co-led a round".
_FUND_AS_INVESTOR_BEFORE = re.compile(r"(?:\bled\s+by|\bfrom|\bbacked\s+by|\bby|\bwith|\bincluding|\band|,)\s+(?:[\w'.&-]+\s+){0,4}$")
_FUND_AS_INVESTOR_AFTER = re.compile(r"\s*(?:,\s+)?(?:co-)?(?:led|leads|leading|invests|invested|backs|backed|participated|joined|joins)\b")


# "Venture capital firm Balderton raises ...": an investment firm as the subject, whose money is its own fund ...
INVESTMENT_FIRM = re.compile(
    r"\b(?:venture|vc|investment|private\s+equity|pe|growth\s+equity|venture\s+capital)\s+(?:firm|house|manager|investor)\b"
)  # matched against lower-cased text
# ... unless the firm is named as the round's investor: "led by venture capital firm Accel", "from investment firm X".
_FIRM_AS_INVESTOR_BEFORE = re.compile(
    r"(?:\b(?:led|co-led|backed|joined)\s+by|\bfrom|\bincluding|\bsuch\s+as|\bwith|\band|,)\s+(?:(?:the|an?|us|uk)\s+)?"
    r"(?:[\w'.&-]+\s+){0,2}$"
)

# ... or the firm's verb puts money into a company: "venture firm Aqua-Spark has invested $550,000 in eFishery".
_FIRM_INVESTS_AFTER = re.compile(
    r"\s+(?:[\w'.&-]+\s+){0,3}?(?:has\s+|have\s+|had\s+)?(?:co-)?(?:invested|invests|led|leads|backed|backs|participated)\s+"
    r"(?:[^.;]{0,40}?\s)?(?:in|into)\s"
)


def not_a_round(lowered: str, tokens: frozenset[str]) -> bool:
    """Whether lower-cased `text` is about a fund, an IPO or a listing rather than a round; `tokens` are its words."""
    if not tokens & NOT_A_ROUND_WORDS:
        return False
    if "fund" in tokens:
        for match in FUND_NUMBER.finditer(lowered):
            before = lowered[max(0, match.start() - 60) : match.start()]
            if not (_FUND_AS_INVESTOR_BEFORE.search(before) or _FUND_AS_INVESTOR_AFTER.match(lowered, match.end())):
                return True
    if tokens & _FIRM_WORDS:
        for match in INVESTMENT_FIRM.finditer(lowered):
            if not (_FIRM_AS_INVESTOR_BEFORE.search(lowered[max(0, match.start() - 40) : match.start()])
                    or _FIRM_INVESTS_AFTER.match(lowered, match.end())):
                return True
    return _NOT_A_ROUND_ANY.found_in(lowered)


_FIRM_WORDS = frozenset("firm house manager investor".split())


SUMMARY_FUNDING = re.compile(
    r"\b(?:raised|raise|raising|round|funding|financing|investment|secured|closed|led\s+by|invested|series\s+[a-k])\b", re.IGNORECASE
)

# Investors. Keywords are case-insensitive (Title Case wires), names are matched by capitals.
LIST = rf"(?P<list>{NAME_LIST})"
LEAD_PATTERNS = [
    ("led by", re.compile(rf"(?i:\b(?:co-)?led\s+by)\s+(?:(?:new|existing)\s+investors?\s+)?{LIST}")),
    ("led the", re.compile(
        rf"{LIST}\s+(?:co-)?led\s+the\s+(?:[\w-]+\s+){{0,2}}?(?:round|financing|investment|raise|funding|seed|series|deal|extension)"
    )),
]
INVESTOR_PATTERNS = [
    ("participation", re.compile(
        rf"(?i:\bparticipation\s+(?:from|by|of))\s+(?:(?:new|existing|returning|other)\s+(?:and\s+(?:new|existing)\s+)?"
        rf"(?:investors?|backers?)\s+(?:including\s+|such\s+as\s+)?)?{LIST}"
    )),
    ("investors include", re.compile(
        rf"(?i:\b(?:investors|backers|participants)(?:\s+in\s+the\s+(?:round|financing|raise))?\s+(?:also\s+)?"
        rf"(?:include|including|included|are|were))\s+{LIST}"
    )),
    ("participated", re.compile(
        rf"(?:^|[.;]\s+|\b(?:said|says|and)\s+)(?:(?i:existing|new|other|returning)\s+(?:investors?|backers?)\s+)?"
        rf"{LIST}\s+(?:also\s+)?(?:participated|joined|invested|took\s+part)"
    )),
    ("participating", re.compile(
        rf"(?i:\bwith)\s+(?:(?:existing|new)\s+(?:investors?|backers)\s+)?{LIST}\s+(?:also\s+)?participating"
    )),
    ("alongside", re.compile(
        rf"(?i:\b(?:alongside|joined\s+by|backed\s+by|provided\s+by|arranged\s+by|comes\s+from|came\s+from|"
        rf"which\s+also\s+included|also\s+included))\s+(?:the\s+)?(?:(?:existing|new)\s+(?:investors?|backers?)\s+)?{LIST}")),
    ("from", re.compile(
        rf"(?i:\b(?:funding|round|investment|financing|facility|capital|equity|debt|grant|million|billion|seed|backing|"
        rf"valuation|loan|note|boost)|\d(?i:[mkb]n?)\b)\s+(?i:from)\s+(?:(?:existing|new)\s+(?:investors?|backers)\s+)?{LIST}"
    )),
]
# "Sequoia leads $35M Series B in Patchwork", "a16z backs Loomstack with $12M", "X invests $20M in Y".
INVESTOR_LEADS = re.compile(
    r"^(?P<inv>.+?)\s+(?i:co-)?(?i:leads?)\s+(?P<deal>.*?)\s+(?i:in|into|for)\s+(?P<co>.+?)(?:\s+(?i:to)\s+.*|,.*)?$"
)
# "DoorDash Backs Round Valuing Delivery Startup Flink At $2.5bn: Sources", "DoorDash Said to Lead Round in Flink at $2.1 Billion
# Value", "Report: DoorDash Heading up Fundraise for Grocery Delivery Firm Flink": an investor's round in a company.
INVESTOR_ROUND = re.compile(
    r"^(?P<inv>.+?)\s+(?P<said>(?:is\s+)?(?:said\s+to|set\s+to|reportedly|to|will)\s+)?(?P<verb>co-leads?|leads?|leading|co-led|led|backs?|"
    r"backing|heading\s+up|heads\s+up|head\s+up|spearheads?)\s+(?:an?\s+|the\s+|its\s+)?(?:new\s+|fresh\s+|latest\s+)?"
    r"(?P<deal>(?:[$€£]\S+(?:\s+(?:million|billion|mn|bn|m|b)\b)?|\S+\s+(?:million|billion|mn|bn|m|b))\s+)?(?:[\w-]+\s+){0,2}?(?:round|fundraise|fundraising|funding|financing)"
    r"(?:\s+round)?\s+(?:in|for|of|into|at|valuing)\s+(?P<co>.+?)(?:\s+(?:at|with|to|as|amid|after)\s+.*|:.*|,.*)?$",
    re.IGNORECASE,
)
# "Telkom Indonesia unit said to be in advanced talks to invest in Gojek": a round reported, not done.
TALKS_TO_INVEST = re.compile(
    r"^(?P<inv>.+?)\s+(?:is\s+|are\s+)?(?:said\s+to\s+be\s+|said\s+|reportedly\s+)?in\s+(?:advanced\s+|early\s+)?talks\s+to\s+"
    r"(?:invest\s+(?:(?:about\s+|around\s+|up\s+to\s+)?(?P<deal>[$€£]\S+(?:\s+(?:million|billion|mn|bn))?)\s+)?in|back|fund|"
    r"lead\s+(?:a\s+)?(?:round|funding)\s+(?:in|for))\s+(?P<co>.+?)(?:\s+(?:at|for|in|with|to)\s+.*)?$",
    re.IGNORECASE,
)
# "Gates Foundation Awards $100K to Diagnostics for All": a grant to a named recipient.
AWARDS_TO = re.compile(r"^(?P<inv>.+?)\s+(?:awards|grants|gives|donates)\s+(?P<deal>\S+(?:\s+\S+)?)\s+(?:grant\s+)?to\s+(?P<co>.+)$", re.IGNORECASE)
# "Third Rock funds $40M launch of San Francisco blood disease biotech", "Third Rock puts up $45M for a voyage".
INVESTOR_LAUNCH = re.compile(
    r"^(?P<inv>.+?)\s+(?:funds|backs|bankrolls|finances|puts\s+up|commits|pledges|pumps)\s+(?P<deal>\S+(?:\s+(?:million|billion|mn|bn|m))?)\s+"
    r"(?:launch\s+of|to\s+launch|for)\s+(?P<obj>.+)$",
    re.IGNORECASE,
)
# "Indonesia's Astra and GDN join Go-Jek fundraising"
JOINS_ROUND = re.compile(r"^(?P<inv>.+?)\s+(?:join|joins)\s+(?P<co>.+?)(?:'s)?\s+(?:fundraising|funding\s+round|round|financing)\b", re.IGNORECASE)
INVESTOR_BACKS = re.compile(
    r"^(?P<inv>.+?)\s+(?i:backs|back|invests?|bets|pours?|puts|pumps?|injects?|plows?)\s+(?:(?P<deal>.*?)\s+(?i:in|into|on)\s+)?(?P<co>.+?)"
    r"(?:\s+(?i:with|in)\s+(?P<deal2>.*?))?(?:\s+(?i:to)\s+.*|,.*)?$"
)
INVESTOR_VERB = re.compile(r"(?i)\b(?:(?:co-)?leads?|lead|backs|invests?|bets|pours?|puts|pumps?|injects?|plows?|heading\s+up|heads\s+up|spearheads?)\b")
# "General Catalyst leads Brightpath's $30M round": the round named as the company's own.
INVESTOR_LEADS_OWN = re.compile(r"^(?P<inv>.+?)\s+(?:co-)?leads?\s+(?P<co>[^$€£,;:]+?)'s\s+(?P<deal>.+)$")
# A subject that stands for investors in general ("Investors pump $25M into Kiteline").
GENERIC_INVESTORS = re.compile(r"(?i)^(?:(?:vc|venture)\s+)?(?:investors|vcs|backers|vc\s+firms|venture\s+capitalists)$")
# The noun shapes of a funding headline, read clause by clause (after any "Exclusive:"-style prefix):
# "$30M Series B for Verdigris", "Halcyon's $50M Series C ...", "Revolut in $500M funding round",
# "With $50M in new funding, Pachama sets out to ...".
_ROUND_NOUN = r"(?:round|funding|financing|raise|fundraise|investment|backing|seed|series\s+[a-k](?:\d|-\d)?)"
NOUN_SHAPES_SOURCE = {  # "AMOUNT" stands for the money pattern (funding.py fills it in and compiles, lower-cased text)
    "for": r"^(?:an?\s+)?(?P<amount>AMOUNT)\s+(?:[\w-]+\s+){0,3}?ROUND(?:\s+round)?\s+(?:for|into|in)\s+(?P<co>.+?)"
           r"(?:\s+(?:to|as|from|led|amid|after|at|with)\s+.*)?$",
    "possessive": r"^(?P<co>[^$€£]+?)'s\s+(?:[\w-]+,?\s+)?(?P<amount>AMOUNT)\s+(?:[\w-]+\s+){0,2}?ROUND\b",
    "in": r"^(?P<co>[^$€£]+?)\s+in\s+(?P<amount>AMOUNT)\s+(?:[\w-]+\s+){0,2}?ROUND\b(?!\s+(?:for|in|into)\b)",
    "with": r"^with\s+(?:an?\s+)?(?:fresh\s+|new\s+)?(?P<amount>AMOUNT)\s+(?:in\s+)?(?:[\w-]+\s+){0,2}?ROUND\b"
            r"[^,]{0,40},\s+(?P<co>.+)",
    "of": r"^(?:an?\s+)?(?:new\s+|fresh\s+)?(?:funding|financing|investment|capital)(?:\s+(?:raise|round|boost|injection))?\s+of\s+"
          r"(?:\w+\s+)?(?P<amount>AMOUNT)\s+(?:for|into|in)\s+(?P<co>[^,]+?)(?:\s+(?:to|as|from|through|via|led|amid|after|at|with)\s+.*|,.*)?$",
}
NOUN_SHAPES_SOURCE = {key: value.replace("ROUND", _ROUND_NOUN) for key, value in NOUN_SHAPES_SOURCE.items()}
# Words without which `ROUND` cannot match.
ROUND_WORDS = frozenset(
    "seed series growth stage late debt credit loan loans facility grant grants angel round notes note securitisation securitization".split()
)
# A summary that speaks of a round: lets "Endeavor Bio adds $101M to test ..." count.
SUMMARY_ROUND = re.compile(r"\b(?:round|series\s+[a-k]|funding|financing|investors?|raised|raise)\b", re.IGNORECASE)
# Cheap screens for the investor patterns, keyed by the name each pattern is listed under.
SCREENS = {
    "led by": ("led by",),
    "led the": ("led the",),
    "participation": ("participation",),
    "investors include": ("investors", "backers", "participants"),
    "participated": ("participated", "joined", "invested", "took part"),
    "participating": ("participating",),
    "alongside": ("alongside", "joined by", "backed by", "provided by", "arranged by", "from", "also included"),
    "from": (" from ",),
}
