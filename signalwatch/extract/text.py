"""Text helpers shared by the news extractors: cleaning, sentences, and company names from headline subjects."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator

__all__ = [
    "clean", "strip_dateline", "lower", "words", "sentences", "company_from_subject", "plausible_company", "named_company", "CAP_WORD",
    "NAME_LIST", "split_names", "fuller_name", "has_company_suffix", "after_descriptor", "quote", "unshout", "title_case",
    "plain_capitals", "written_as_name", "strip_wire_credit", "former_employer", "is_place", "plain_text", "find_name",
]

_SPACES = re.compile(r"\s+")
_TRANSLATE = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})

# A capitalised word of a proper name ("Acme", "O'Brien", "a16z", "8VC", "Maki.vc", "Oak HC/FT").
CAP_WORD = r"(?:[a-z]+[A-Z][\w&'/+-]*|[A-Z0-9À-ÖØ-Þ][\w&'/+-]*(?:\.[\w&'/+-]+)*|a16z|e\.ventures|b2venture)"
# One investor or company name: capitalised words with a few lower-case joiners inside.
_NAME = rf"{CAP_WORD}(?:\s+(?:{CAP_WORD}|of|de|du|la|von|van|der|&)(?=[\s,.;]|$))*"
# A list of names: "A", "A and B", "A, B, and C", "A & B".
_LIST_JOIN = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:(?:existing|new|returning)\s+(?:investors?|backers?)\s+)?(?:the\s+)?"
NAME_LIST = rf"{_NAME}(?:{_LIST_JOIN}{_NAME})*"

# Sentence ends: a period not after a lone initial ("J.P. Morgan"), "?" or "!", then a capital.
# A title, "Saint" or "circa" before a name or figure never ends a sentence: "Mr. Lewis", "Dr. Su", "St. Joseph", "c. USD 120 mn";
# nor does the private-company form before "Ltd": "Grofers India Pvt. Ltd has raised", "Hummingbird Bioscience Pte. Ltd.".
_NOT_AN_END = "".join(rf"(?<!\b{word}\.)" for word in ("Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Gov", "Gen", "Rep", "Messrs", "c", "ca",
                                                      "approx", "vs", "No", "St", "Pvt", "Pte"))
# (The leading lookbehind is the last character every end shape holds: speed only, the split is the same.)
_SENTENCE_END = re.compile(rf"(?<=[.!?])(?:(?<=[a-z0-9)%\"'][.!?])|(?<=[A-Z]{{2}}[.!?])|(?<=\d[MBK]\.)){_NOT_AN_END}\s+(?=[A-Z\"']|-+\s?[A-Z])")

# Words that describe a company rather than name it: "Berlin-based AI startup Acme" (whole words, any case: `_descriptor_head`).
_DESCRIPTOR_HEADS_SOURCE = (
    r"^(?:startups?|start-ups?|scale-?ups?|company|firm|unicorn|maker|developer|provider|specialist|"
    r"spin-?out|spin-?off|rival|challenger|lender|neobank|insurtech|fintech|healthtech|medtech|edtech|upstarts?|non-?profit|"
    r"agritech|agtech|proptech|legaltech|regtech|cleantech|climatetech|deeptech|biotech|"
    r"robotics|platform|marketplace|app|lab|operator|manufacturer|alum's|alums'|execs'|founders'|"
    r"veteran's|spinoff|player|outfit|newcomer|darling|retailer|brand|software|saas|parent|exchange|giant|vendor|pioneer|"
    r"network|service|behemoth|conglomerate|biz|giants|bank|insurer|broker|supplier|producer|designer|distributor|creator|"
    r"[a-z]+maker|carrier|processor)$"
)
_DESCRIPTOR_HEADS = re.compile(_DESCRIPTOR_HEADS_SOURCE, re.IGNORECASE)
# The same shapes, case-blind by lower-casing an ASCII word first: without re.IGNORECASE each shape is skipped on its first
# letter, where with it each of the ~90 shapes is compared in turn (round 18: about 3x fewer instructions a word).
_DESCRIPTOR_HEADS_LOWER = re.compile(_DESCRIPTOR_HEADS_SOURCE)


def _descriptor_head(word: str) -> bool:
    """Whether `word` is a descriptor head (`_DESCRIPTOR_HEADS.match(word)`): an ASCII word, whose case folding is its
    lower case, is read lower-cased by the case-sensitive twin; any other word by the case-blind pattern."""
    if word.isascii():
        return _DESCRIPTOR_HEADS_LOWER.match(word.lower()) is not None
    return _DESCRIPTOR_HEADS.match(word) is not None
# Heads that are often part of a real name when capitalised ("Kizuna Labs", "Platform Science").
_LOWER_ONLY_HEADS = {"platform", "marketplace", "app", "lab", "robotics", "software", "brand", "player", "operator", "exchange", "network",
                     "service", "parent", "upstart", "bank", "insurer", "broker", "supplier", "producer", "designer",
                     "distributor", "creator", "carrier", "processor"}
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_PREFIX_CUT = re.compile(r"^.*(?::\s+|\s+\|\s+|\s+-\s+)")
_PARENS = re.compile(r"\s*\([^)]*\)")
_LEGAL = re.compile(r"^(?:Inc|Inc\.|LLC|Ltd|Ltd\.|Corp|Corp\.|GmbH|AG|SA|S\.A\.|plc|PLC|B\.V\.|N\.V\.|AB|Oy|ApS|SE|Co\.)$")
_ADVERBS = {"reportedly", "quietly", "officially", "now", "also", "just", "finally", "today", "has", "have", "had", "successfully", "is", "are",
            "was", "were", "will", "be", "said", "says"}
_JOINERS = {"de", "of", "and", "&", "the", "for", "la", "von", "van", "der", "da", "du", "y", "del"}
_ROLE_WORDS = {"ceo", "cfo", "cto", "coo", "cmo", "cro", "founder", "co-founder", "cofounder", "chief", "president", "executive", "exec"}
# Places that head many headlines ("India raises $2B from the World Bank") but are not companies.
_PLACES = frozenset(
    "india china japan germany france uk britain us usa america europe eu africa asia brazil canada australia mexico "
    "spain italy israel singapore indonesia nigeria kenya egypt texas california florida ohio york london paris berlin "
    "tokyo beijing shanghai dubai riyadh seoul korea taiwan vietnam pakistan bangladesh turkey ukraine poland sweden "
    "norway denmark finland ireland scotland wales netherlands belgium switzerland austria portugal greece argentina "
    "chile colombia peru philippines thailand malaysia saudi qatar uae abu dhabi hong kong montreal toronto vancouver "
    "sydney melbourne boston seattle chicago austin atlanta denver miami dublin cork stockholm amsterdam munich madrid "
    "barcelona lisbon bangalore bengaluru mumbai delhi lagos nairobi cairo jakarta manila hanoi zurich geneva vienna prague "
    "warsaw helsinki oslo copenhagen edinburgh manchester wisconsin massachusetts".split()
)
_GENERIC_PLURALS = frozenset(
    "startups start-ups companies firms founders fintechs biotechs businesses investors vcs unicorns scale-ups scaleups "
    "upstarts makers developers providers players".split()
)
_NOT_COMPANIES = {"we", "they", "i", "it", "he", "she", "you", "this", "that", "who", "which", "board", "investors", "sources", "these",
                  "those", "report", "reports"}
_DESCRIBING = ("-owned", "-backed", "-based", "-led")  # "Berkshire-backed": who owns, backs or leads it, or where it sits
_FUNCTIONS = frozenset({"R&D", "HR"})  # departments a headline writes between a company and a role
_ALONE_NOT_COMPANIES = {"the", "a", "an", "more", "another", "new"}  # "The layoffs": "The" is no company, "The Browser Foundry" is
# Dates and days: "Levin will step down Jan. 1", "Today Automattic announced": capitalised, never a company.
_TIME_WORDS = frozenset(
    "today yesterday tomorrow tonight monday tuesday wednesday thursday friday saturday sunday january february march april "
    "june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


def clean(text: str) -> str:
    """One line of text with typographic quotes and dashes made plain."""
    if not text.isascii():
        text = text.translate(_TRANSLATE)
    return " ".join(text.split())


def lower(text: str) -> str:
    """`text` in lower case with every character kept in place, so match positions map back.

    Matching lower-case text without re.IGNORECASE is several times faster in CPython.
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


# "NEW YORK, Oct. 14, 2026 /PRNewswire/ --", "CHICAGO--(BUSINESS WIRE)--", "(GLOBE NEWSWIRE) --"
_DATELINE = re.compile(
    r"^.{0,80}?"
    r"(?:/\s*PRNewswire(?:-\w+)?\s*/|\(?\s*(?:BUSINESS\s+WIRE|GLOBE\s+NEWSWIRE|ACCESSWIRE|Newsfile|EQS-News)\s*\)?)"
    r"\s*(?:--|-)?\s*"
)


# Words an all-capitals headline keeps in capitals, and the small words it writes in lower case.
_KEEP_CAPS = frozenset(
    """CEO CFO CTO COO CMO CRO CPO CIO CISO CHRO CSO CDO CCO VP SVP EVP HR IT AI ML US UK EU UAE IPO SPAC VC PE M&A
    TV PR IPOS ESG EV EVS API SAAS B2B B2C R&D NYSE NASDAQ USD EUR GBP CAD AUD INR SGD CHF""".split()
)
_SMALL_WORDS = frozenset("a an the of in on at to for and or as by from with into over after amid via vs".split())
_SHOUTED_WORD = re.compile(r"[A-Z][A-Z0-9&'.-]*")


def unshout(text: str) -> str:
    """An all-capitals headline ("ONEELEVEN HEAD MATTHEW LOMBARDI STEPPING DOWN") in headline case, so names read as names.

    Text with lower-case letters is returned unchanged; title acronyms ("CEO") keep their capitals.
    """
    if not text.isupper():  # a lower-case letter (or no cased letter at all): nothing shouted
        return text
    letters = sum(1 for char in text if char.isalpha())
    if letters < 12:
        return text

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        core = word[:-2] if word.endswith("'S") else word
        if core in _KEEP_CAPS:
            return core + word[len(core) :].lower()
        before = text[: match.start()].rstrip()
        if word.lower() in _SMALL_WORDS and before[-1:].isalnum():
            return word.lower()  # "Venture Funding for Women", not at the start of the headline or after a quote
        return word[0] + word[1:].lower()

    return _SHOUTED_WORD.sub(fix, text)


_PLAIN_WORD = re.compile(r"[A-Z][a-z]*(?:-[A-Za-z][a-z]*)*")
_LONG_WORD = re.compile(r"[A-Za-z][\w'-]{3,}")


def plain_capitals(name: str) -> bool:
    """Whether every word of `name` is a plain capitalised word ("Top", "C-Suite"), so Title Case alone may explain it.

    "BP", "LinkedIn" and "OneEleven" carry capitals no headline style gives a common word.
    """
    return all(_PLAIN_WORD.fullmatch(word) for word in name.split())


def title_case(headline: str) -> bool:
    """Whether a headline capitalises (nearly) every long word, so that a capital is no evidence of a name."""
    long_words = _LONG_WORD.findall(headline)
    return len(long_words) >= 3 and sum(word[0].isupper() for word in long_words) >= 0.8 * len(long_words)


def written_as_name(name: str, text: str) -> bool:
    """Whether `text` writes `name` capitalised and whole ("ONEELEVEN" may be "OneEleven", "leading" is not "Leading")."""
    if name and name.isascii() and text.isascii():
        return _written_as_name_ascii(name, text)
    return any(match.group(0)[0].isupper() for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE))


def _written_as_name_ascii(name: str, text: str) -> bool:
    """`written_as_name` for ASCII text by plain string search: the same matches, in the same order, as its case-blind regex
    (which would compile a pattern per name and push the shared patterns out of `re`'s cache)."""
    return any(text[at].isupper() for at in _whole(text.lower(), name.lower(), text, _word_char))


def _whole(haystack: str, key: str, text: str, inner: Callable[[str], bool]) -> Iterator[int]:
    """Where `haystack` holds `key` with no `inner` character of `text` on either side (`haystack` is `text` or its
    same-length lower case), in order and without overlaps, as `re.finditer` with lookarounds for `inner` would find it."""
    at = haystack.find(key)
    while at >= 0:
        end = at + len(key)
        if (at == 0 or not inner(text[at - 1])) and (end == len(text) or not inner(text[end])):
            yield at
            at = haystack.find(key, end)  # as `re.finditer` goes on: after the whole match
        else:
            at = haystack.find(key, at + 1)


def find_name(name: str, text: str) -> int:
    """Where `text` first writes `name` whole, with no word character or hyphen either side ("Grab" in "Grab's deal", not in
    "Grabber" or "e-Grab"); -1 when it does not. The answer of `re.search(rf"(?<![\\w-]){re.escape(name)}(?![\\w-])", text)`
    by plain string search, without compiling a pattern per name."""
    if not name:
        found = _EMPTY_NAME.search(text)
        return found.start() if found else -1
    return next(_whole(text, name, text, _name_char), -1)


_EMPTY_NAME = re.compile(r"(?<![\w-])(?![\w-])")


def _name_char(char: str) -> bool:
    return char == "-" or _word_char(char)


def _word_char(char: str) -> bool:
    """Whether `char` is what `\\w` matches."""
    return char.isalnum() or char == "_"


def strip_dateline(text: str) -> str:
    """Wire copy without its dateline, so the first sentence starts with the company."""
    return _DATELINE.sub("", text, count=1) if "WIRE" in text[:90].upper() else text


# A news agency's credit that opens wire copy: "TORONTO, July 13 (Reuters) - ", "(Reuters) -", "DETROIT (AP) — ", "(Bloomberg) -- ".
_WIRE_CREDIT = re.compile(
    r"^(?:[A-Z][A-Z.,' -]{1,40}?(?:,\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2})?)?\s+|[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+)?"
    r"\((?:Reuters|AP|AFP|Bloomberg|IANS|PTI|UPI|Xinhua|dpa|ANI)\)\s*(?:--|[-–—])\s*"
)


def strip_wire_credit(text: str) -> str:
    """Wire copy without the agency's credit line, so that the first sentence opens with its subject ("Scale AI said ...")."""
    return _WIRE_CREDIT.sub("", text, count=1) if "(" in text[:60] else text


def former_employer(name: str, text: str = "") -> bool:
    """Whether `name` is people's old employer, not a company of the news: "Ex-Uber" and "Former Google"
    themselves, or a name `text` writes "ex-Google" ("Startup founded by ex-Google engineers")."""
    if re.match(r"(?i)(?:ex-|former\s)", name):
        return True
    lowered = text.lower()  # a cheap screen first: the search below compiles a pattern per name
    return bool(("ex-" in lowered or "former" in lowered) and re.search(rf"(?i)\b(?:ex-|former\s+){re.escape(name)}\b", text))


_WORD_RE = re.compile(r"[a-z]+")


@functools.lru_cache(maxsize=64)  # the readers of one item screen the same headline and sentences again
def words(text: str) -> frozenset[str]:
    """The lower-case words of `text`, for cheap keyword screens before the real patterns run."""
    return frozenset(_WORD_RE.findall(text.lower()))


def sentences(text: str) -> list[str]:
    """`text` split into sentences (good enough for wire copy; keeps "J.P. Morgan" whole)."""
    return list(_sentences(text))


@functools.lru_cache(maxsize=16)  # each reader of an item splits its summary again: the split is kept for recent texts
def _sentences(text: str) -> tuple[str, ...]:
    return tuple(part for part in _SENTENCE_END.split(text) if part)


# Generic words before a name in an investor list; "New" alone may start a name (New Enterprise Associates).
_LIST_PREFIX = re.compile(
    r"^(?:[Tt]he\s+)?(?:(?i:existing|new|other|returning)\s+(?:investors?|backers?)\s+)?(?:(?i:investors|backers|including|firms?)\s+)?"
)


def split_names(listing: str) -> list[str]:
    """"A, B and C" → ["A", "B", "C"], dropping generic words such as "existing investors"."""
    parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", listing)
    names = []
    for part in parts:
        part = _LIST_PREFIX.sub("", part.strip()).rstrip(".")
        if part and not part.endswith(("'s", "’s")) and part.lower() not in {"others", "investors", "more", "the company"}:
            names.append(part)
    return names


def company_from_subject(subject: str) -> str | None:
    """The company named by a headline's subject: "Exclusive: Berlin-based AI startup Acme" → "Acme".

    Returns None when the subject is not a company (a pronoun, "AI startups", a clause).
    """
    text = _PARENS.sub("", _PREFIX_CUT.sub("", subject).strip(" ,"))
    company = _company_in(_cut_appositive(text))
    if company is None and ", " in text:
        # "To reinvent itself in telehealth, Wheel": a lead-in clause, then the subject
        company = _company_in(text.rsplit(", ", 1)[1])
    return company


def _company_in(text: str) -> str | None:
    words = text.split()
    while words and words[-1].lower() in _ADVERBS:
        words.pop()
    words = _drop_descriptors(words)
    if not words:
        return None
    bare = _without_possessive(words[-1])
    if bare != words[-1] and len(words[-1]) > 2:
        words[-1] = bare
    if words[-1].endswith(".") and len(words[-1]) > 2 and not _LEGAL.match(words[-1]) and not _INITIALS.fullmatch(words[-1]):
        words[-1] = words[-1].rstrip(".")  # "from Twitter.": the end of the sentence, not of the name
    last = words[-1].lower()
    if last.endswith(("-based", "-backed", "-headquartered", "-owned", "-led")):
        return None  # "Paris-based": where the company is, not its name
    if last in _GENERIC_PLURALS or (_descriptor_head(last) and last not in _LOWER_ONLY_HEADS):
        return None  # "Gene Therapy Biotech", "Massachusetts Startups": a description, not a name
    return _valid(words)


# A possessive ending, with either apostrophe: "Acme's", "Acme’s", "Paris'", "Paris’" ("’" reads as "'" wherever a name is cut).
_POSSESSIVE = re.compile(r"['’]s$|(?<=s)['’]$")


def _without_possessive(word: str) -> str:
    """`_POSSESSIVE.sub("", word)` by string tests (the "$"-anchored pattern is tried at every position of the word: round 18);
    a word with a line break, where "$" also matches before it, goes to the pattern. The word has a possessive ending when
    the result differs from it."""
    if "\n" in word:
        return _POSSESSIVE.sub("", word)
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return word[:-1] if word.endswith(("'", "’")) and word[-2:-1] == "s" else word


def _cut_appositive(text: str) -> str:
    """"Acme, the AI CRM," → "Acme"; "Acme Robotics, Inc." stays whole."""
    pieces = text.split(", ")
    kept = pieces[0]
    for piece in pieces[1:]:
        if _LEGAL.match(piece.strip(" ,")):
            kept += ", " + piece
        else:
            break
    return kept.strip(" ,")


def _drop_descriptors(words: list[str]) -> list[str]:
    """Remove "Berlin-based", "Y Combinator-backed", "Paris'", "fintech startup" before the name."""
    cut = 0
    for index, word in enumerate(words[:-1]):
        lower = word.lower()
        if lower.endswith(("-based", "-backed", "-headquartered", "-born", "-founded", "-led", "-owned")):
            cut = index + 1
        elif _descriptor_head(word) and (word[0].islower() or lower not in _LOWER_ONLY_HEADS):
            cut = index + 1
        elif index <= cut + 2 and _without_possessive(lower) != lower and index + 1 < len(words):
            # "Toronto's Northwind", "Paris' Nuvoloop", "Cape Town's Loop Health": a place in front of the name.
            if all(w[0].isupper() for w in words[cut : index + 1]):
                cut = index + 1
    return words[cut:]


def is_place(name: str) -> bool:
    """Whether `name` is a country, region or city that heads many headlines ("Africa", "Hong Kong"), not a company."""
    words = name.replace("’", "'").split()
    return bool(words) and all(word.lower() in _PLACES for word in words)


def plausible_company(name: str) -> str | None:
    """`name` (a run of capitalised words) when it can name a company: not a place, a pronoun or a descriptor."""
    words = _PARENS.sub("", name).split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words or words[-1].lower().endswith(_DESCRIBING):
        return None
    # "Berkshire-backed Snowflake": who backs or where it sits describes the company that follows
    cut = max((i + 1 for i, word in enumerate(words) if word.lower().endswith(_DESCRIBING)), default=0)
    words = words[cut:]
    while len(words) > 1 and words[-1] in _FUNCTIONS:
        words = words[:-1]  # "Biogen R&D chief": the department, then the role
    return _valid(words)


def after_descriptor(name: str) -> str:
    """"Gamer Chat App Discord" → "Discord", "Audio Tool Start-Up Anchor" → "Anchor": a Title Case description before the name."""
    words = name.split()
    cut = max((i + 1 for i, word in enumerate(words[:-1]) if _descriptor_head(word.rstrip("s") if word.endswith("s") else word)
               or _descriptor_head(word)), default=0)
    return " ".join(words[cut:])


def _valid(words: list[str]) -> str | None:
    while words and words[0].lower().rstrip(".,") in _TIME_WORDS:
        words = words[1:]  # "Today Automattic": the day the news broke, then the company
    if not words:
        return None
    joined = " ".join(words)  # the name returned, and a cheap screen for brackets
    if ("(" in joined or ")" in joined) and any(word.count("(") != word.count(")") for word in words):
        return None  # "SHOP)" from "Shopify (SHOP) (TSE: SHOP)": a piece of a parenthesis, not a name
    lowered = [word.lower() for word in words]
    if len(words) == 1 and lowered[0] in _ALONE_NOT_COMPANIES:
        return None
    if len(words) > 6 or lowered[0] in _NOT_COMPANIES or not _ROLE_WORDS.isdisjoint(lowered):
        return None
    if all(word in _PLACES for word in lowered):
        return None
    first = words[0]
    if not (first[0].isupper() or first[0].isdigit() or any(c.isupper() or c.isdigit() for c in first[1:])):
        return None
    for word in words[1:]:
        if word[0].islower() and word.lower() not in _JOINERS and not any(c.isupper() or c.isdigit() for c in word):
            return None  # a clause, not a name: "Startups that", "Burrow's founder explains"
    return joined


_PARENTHETICAL_SHORT = re.compile(r"\s*\([^()]{0,40}\)")
_TIME_TAIL = re.compile(r"\s+(?:this\s+week|last\s+week|today|yesterday|on\s+\w+day|this\s+morning|recently)\s*$", re.IGNORECASE)


def named_company(subject: str) -> str | None:
    """The company a clause's subject names, skipping lead-ins and appositives; None when it names no single company.

    "First off, NovioSense, a Dutch company developing sensors," → "NovioSense";
    "Regulus Therapeutics, a Carlsbad, CA-based spinoff of Alnylam," → "Regulus Therapeutics" (all after "a" is
    the apposition); "Indian startups collectively" → None; "X, which" → None (a relative clause, not the news).
    """
    subject = _TIME_TAIL.sub("", _PARENTHETICAL_SHORT.sub("", subject)).strip()
    closed = subject.endswith(",")
    pieces = [piece.strip() for piece in re.split(r",\s*|\s+-+\s+|--|\.\s+(?=[A-Z])", subject.strip(" ,")) if piece.strip()]
    if pieces and not closed and re.match(r"(?i)(?:which|who|that|whose)\b", pieces[-1]):
        return None  # "Acme, which raised": a relative clause about the past
    found = None
    for piece in pieces:
        piece = re.sub(r"^(?:-+\s*|(?:while|whereas|meanwhile|also)\s+)", "", piece)
        if re.match(r"(?:an?|the|its|their|which|who|that|whose|once|formerly|now|currently|previously|still|"
                    r"(?:founded|based|backed|led|owned|headquartered|known)\s)", piece) and found:
            break  # an apposition ("a Dutch company developing ...", "founded by former OPPO executives") runs to the verb
        if re.fullmatch(r"[A-Z]{2}", piece):
            continue  # a state ("Palo Alto, CA")
        if re.match(r"(?:in|on|at|with|after|amid|despite|for|following|during|as|by|from|under|to)\s", piece):
            continue  # an adverbial between subject and verb ("Spotify, in Major Podcast Push, Acquires")
        company = None if re.match(r"[a-z]", piece) else company_from_subject(piece)
        found = company if company is not None and company.split()[-1].lower() not in _GENERIC_PLURALS else None
    return found


_COMPANY_SUFFIX = re.compile(
    r"\b(?:Therapeutics|Sciences|Bio|Biosciences|Biologics|Biotherapeutics|Medicines|Pharma|Pharmaceuticals|Health|Medical|"
    r"Labs|Technologies|Tech|Systems|Robotics|AI|Aviation|Energy|Diagnostics|Genomics|Networks|Software|Security|Inc\.?|"
    r"Corp\.?|Ltd\.?|Repair|Devices|Analytics|Motors|Foods|Bank|Holdings|Group)$"
)


def has_company_suffix(name: str) -> bool:
    """Whether a name ends like a company's ("Nora Therapeutics", "Dell Technologies")."""
    return bool(_COMPANY_SUFFIX.search(name))


_FULLER_TAIL = re.compile(r"\w{3,}|(?:\s+[A-Z][\w.&'-]*){1,2}")  # what may extend a name: "Pharma|ceuticals", " Therapeutics"


def fuller_name(company: str, texts: list[str]) -> str:
    """"Ra Pharma" → "Ra Pharmaceuticals", "Dell" → "Dell Technologies": the name as the item spells it out elsewhere.

    Only a longer spelling of the same word, or the name followed by a company word, counts;
    "Uber Eats" is not a fuller "Uber".
    """
    for text in texts:
        start = text.find(company)
        while start >= 0:
            tail = _FULLER_TAIL.match(text, start + len(company)) if start == 0 or not text[start - 1].isalnum() else None
            start = text.find(company, start + 1)
            if tail is None:
                continue
            fuller = company_from_subject(company + tail.group(0))
            fuller = re.sub(r"(?:,?\s+(?:Inc|Corp|Ltd|LLC|plc|PLC)\.?)$", "", fuller) if fuller else None
            if fuller and fuller != company and (not fuller.startswith(company + " ") or has_company_suffix(fuller)):
                return fuller
    return company


_QUOTE_TRAILING = " ,;:-–—/("  # what a shortened quote does not end on


def quote(text: str, limit: int) -> str:
    """`text` on one line, at most `limit` characters, quoted: the evidence an `--explain` shows.

    A longer text ends at its last whole word within the limit, its trailing punctuation dropped, then
    "…": a quote cut mid-word ("… $200 million in c") reads as a bug. A single word longer than the
    limit is cut inside it."""
    flat = " ".join(text.split())
    if len(flat) > limit:
        head = flat[: limit - 1]
        if flat[limit - 1] != " " and " " in head:
            head = head[: head.rindex(" ")]  # the word the limit falls in is left out whole
        flat = head.rstrip(_QUOTE_TRAILING) + "…"
    return repr(flat)


_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"'})


def plain_text(text: str) -> str:
    """A string slot as compared (scoring, the tagger's checks): case, runs of spaces and the form of a quote mark do not
    count ("O’Connor" is "O'Connor")."""
    return " ".join(text.translate(_QUOTES).split()).lower()
