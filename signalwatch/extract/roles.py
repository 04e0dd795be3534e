"""Executive job titles: the pattern that recognises one, and its function and seniority."""

from __future__ import annotations

import functools
import re

__all__ = ["TITLE", "tidy_title", "title_pattern", "same_role", "covers"]

# "MD" and "FD" (managing and finance director) are how UK and Australian news write those roles in headlines.
_ACRONYMS = r"(?:[Cc]o-?|[Jj]oint-)?(?:CEO|CFO|CTO|COO|CRO|CMO|CPO|CIO|CISO|CHRO|CCO|CDO|CSO|CLO|CAO|CBO|CGO|CXO|CSCO|CCSO|MD|FD)"
# Words that may follow "VP"/"Head of"/"Director of": a fixed vocabulary, so that a title never
# swallows the person's name that follows it ("head of sales Erin Walsh").
_AREA_WORDS = (
    r"sales|marketing|revenue|operations|ops|finance|financial|engineering|product|products|people|talent|human|resources|"
    r"HR|legal|customer|customers|success|experience|support|growth|partnerships|partner|business|development|strategy|"
    r"technology|data|AI|analytics|security|information|IT|communications|brand|design|research|science|clinical|medical|"
    r"corporate|go-to-market|GTM|global|North|America|Americas|EMEA|APAC|LATAM|Europe|Asia|Pacific|UK|US|international|"
    r"enterprise|commercial|alliances|channel|channels|platform|infrastructure|demand|generation|content|investor|"
    r"relations|accounting|supply|chain|manufacturing|regulatory|affairs|compliance|risk|culture|field|inside|mid-market|"
    r"worldwide|account|accounts|management|solutions|services|programs|software|cloud|innovation|transformation|digital|"
    r"commerce|retail|public|policy|government|federal|treasury|tax|procurement|quality|safety|administration|"
    r"insights|intelligence|machine|learning|trust|privacy|fraud|credit|lending|payments|emerging|markets|new|"
    r"small|SMB|mid|market|R&D|tech|the|RevOps|acquisition|banking|fintech|wealth|insurance|health|healthcare|consumer|"
    r"ecosystem|community|developer|developers|impact|sustainability|ESG|hardware|mobile|advertising|media|editorial|"
    r"creative|gaming|energy|climate|mobility|logistics|pricing|Africa|India|China|Japan|Germany|France|Nordics|DACH|"
    r"Canada|Brazil|Latin|Middle|East|West|Western|Eastern|Southeast|Northern|Southern|Central|digital|growth|scale|"
    r"platforms|enablement|training|education|learning|quality|standards|architecture|applications|systems|network|"
    r"networks|capital|markets|partnerships|strategic|affairs|events|social|brand|design|user|UX|experience|creator|"
    r"creators|merchant|merchants|payments|cards|crypto|blockchain|talent|recruiting|benefits|compensation|total|rewards"
)
# Besides the vocabulary, any lower-case word may name the area ("head of fintech banking"): a
# person's name is capitalised, so it is never swallowed. These lower-case words end the title.
_AREA_STOP = (
    r"(?:at|to|in|for|from|after|as|who|with|the|its|effective|amid|following|on|while|replacing|succeeding|joins|is|"
    r"was|will|has|have|and|or|steps|step|stepping|resigns|departs|exits|leaves|retires|named|appointed|promoted|"
    r"says|said|reports|but|by|of|out|over|amid|since|until|under|via|into|than|this|that|next|who|which|today|yesterday|"
    r"tomorrow|immediately|last|later|earlier|soon|now|then|when|where|during|a|an|one|two|some|all|his|her|their|our|both|each)"
)
_AREA_WORD = rf"(?:(?i:{_AREA_WORDS})|(?!{_AREA_STOP}\b)[a-z][A-Za-z-]+(?:['’]s(?=\s+[a-z]))?)\b"  # "iOS", "women's health"
_AREA_AFTER_OF = rf"{_AREA_WORD}(?:\s+(?:&\s+|and\s+)?{_AREA_WORD}){{0,4}}"  # "head of fintech banking"
# A capitalised area outside the vocabulary ("VP of Autopilot Software") only where no name can follow it.
_AREA_CAPS = rf"[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)?(?:\s+{_AREA_WORD}){{0,2}}(?=\s*$|\s*[,.;:!?)-]|\s+[a-z])"
_AREA_VOCAB = rf"(?i:{_AREA_WORDS})\b(?:\s+(?:&\s+|and\s+)?(?i:{_AREA_WORDS})\b){{0,4}}"  # "VP Sales", never "head chef"
_OF = r"\s+(?:[Oo]f|[Ff]or)\s+"
# "finance chief", "marketing head", "marketing director": news shorthand with the area first.
_SHORT_AREAS = (
    r"finance|financial|technology|tech|marketing|sales|operating|operations|product|people|revenue|legal|security|"
    r"data|AI|commercial|strategy|customer|communications|HR|information|investment|medical|science|scientific|content|"
    r"branding|brand|design|growth|cloud|retail|digital|creative|engineering|software|hardware|research|risk|compliance|"
    r"business|editorial|news|gaming|technical|R&D|development"
)
_CHIEF = (
    r"[Cc]hief\s+(?:[\w&-]+\s+){0,4}?[Oo]fficer|[Cc]hief\s+[Ee]xecutive|[Cc]hief\s+[Ee]xec\b|[Cc]hief\s+of\s+[Ss]taff"
    r"|[Cc]hief\s+(?:[Ss]cientist|[Ee]conomist|[Aa]rchitect|[Ee]ngineer|[Ss]trategist)"
    rf"|[Cc]hief{_OF}{_AREA_AFTER_OF}"  # "chief of clinical development"
    rf"|(?i:{_SHORT_AREAS})\s+[Cc]hief\b(?!\s+(?:[Ee]xecutive|[Oo]fficer|of))"
    rf"|(?i:{_SHORT_AREAS})\s+[Hh]ead\b(?!\s+(?:of|to)\b)"
    rf"|(?i:{_SHORT_AREAS}|executive)\s+[Dd]irector\b"
    rf"|(?:(?i:{_SHORT_AREAS})\s+)?[Bb]oss\b"  # "Diageo appoints Debra Crew as interim boss", "Roche picks a new R&D boss"
    # a bare "chief" only before a person's name or after "interim": "Volkswagen chief Martin Winterkorn resigns",
    # "Howard Schultz to return as interim chief"
    r"|(?<![\w-])[Cc]hief(?=\s+[A-Z][a-z]+\s+(?:(?:van|von|de|der|den|da|di|du|la|le|al|bin)\s+)*[A-Z][a-z])|(?:(?<=[Ii]nterim\s)|(?<=[Aa]cting\s))[Cc]hief\b(?!\s+(?:[Ee]xec|[Oo]f))"
    # ... and where a headline makes it the role itself: "as chief of Novartis", "Penn to step down as Telstra chief", "Aetna's
    # chief stepping down", "Air New Zealand chief to start in February"
    r"|(?<![\w-])[Cc]hief(?=\s+of\s+[A-Z](?!taff\b))"
    r"|(?<![\w-])(?<![Tt]he\s)[Cc]hief(?=\s*$|\s*[;:]|\s+['‘]?(?i:to|steps|step|stepping|resigns|resigning|quits|exits|departs|leaves|"
    r"retires|retiring|out|pushed|ousted|fired|named|appointed)\b)"
)
_VP = r"(?:(?:[Ss]enior|[Ee]xecutive|[Gg]roup|[Rr]egional|[Gg]lobal|[Cc]orporate)\s+)?(?:[Vv]ice[- ][Pp]resident|VP|SVP|EVP)"
_HEAD = r"(?:[Gg]lobal\s+|[Ff]ounding\s+)?[Hh]ead"
_DIRECTOR = r"(?:[Ss]enior\s+|[Gg]lobal\s+|[Ee]xecutive\s+)?[Dd]irector"
_PLAIN = (
    r"[Gg]eneral\s+[Cc]ounsel|[Gg]eneral\s+[Mm]anager|[Mm]anaging\s+[Dd]irector"
    r"|[Bb]oard\s+[Cc]hair(?:man|woman|person)?(?!\s+of\b)"  # "Richard (Dick) Lynch will succeed Mr. Chen as Board Chair"
    r"|(?:[Ee]xecutive\s+)?(?:[Cc]o-|[Vv]ice[- ])?[Cc]hair(?:man|woman|person)?(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w&-]*\s+)?[Bb]oard(?:\s+of\s+[Dd]irectors)?)?"
    r"|[Pp]resident|[Mm]anaging\s+[Pp]artner|[Gg]eneral\s+[Pp]artner|[Oo]perating\s+[Pp]artner|"
    r"[Vv]enture\s+[Pp]artner|[Tt]reasurer|[Cc]ontroller|[Cc]hief\s+[Aa]ccounting\s+[Oo]fficer|[Ll]ead\s+(?:[Ii]ndependent\s+)?[Dd]irector"
)
# "has joined as group CEO", "appointed Jason Quinn as interim Group CEO", "as interim group chief executive officer"
_MODIFIER = r"(?:(?:[Ii]nterim|[Aa]cting)\s+[Gg]roup\s+|(?:[Ii]nterim|[Aa]cting|[Dd]eputy|[Ff]ounding|[Pp]ermanent|[Jj]oint|group)\s+)"
_PLACE_MODIFIER = (
    r"(?:(?:UK|US|EMEA|APAC|[Gg]lobal)\s+(?=[Hh]ead|[Cc]hief|VP|[Vv]ice|[Dd]irector|[Mm]anaging)|(?:UK|US)\s+(?=[Bb]oss|CEO\b))"
)  # "UK boss": a country's top job; "global CEO" is the CEO
_REGION = r"(?:,\s*(?:EMEA|APAC|LATAM|Americas|North America|Europe|Asia Pacific|International|Global|UK|US))"
# One role: "Chief Revenue Officer", "VP of Sales, EMEA", "head of people", "interim CEO".
_ONE = (
    rf"{_MODIFIER}?{_PLACE_MODIFIER}?(?:{_ACRONYMS}(?:s(?=\s|$|[,.;:]))?\b|{_CHIEF}"  # "appointed co-CEOs"
    rf"|(?:{_VP}|{_HEAD}|{_DIRECTOR})(?:{_OF}(?:{_AREA_AFTER_OF}|{_AREA_CAPS})|,?\s+{_AREA_VOCAB}(?<!\bthe))"
    rf"|(?:{_VP}|{_DIRECTOR})(?=[\s,;.]|$)"  # a bare "Head" is too often something else ("head chef")
    # "chairman of the e-commerce giant", "managing director of mineral sands miner MZI": a plain title takes an area
    # only from the vocabulary; what follows otherwise describes the company
    rf"|(?:{_PLAIN})(?:{_OF}(?![Tt]he\b){_AREA_VOCAB})?)\b{_REGION}?"  # not "chairman of The Copley Press"
)
# A title may pair two roles: "President and CEO", "Chairman & Chief Executive Officer"; slashes join up to three
# ("MD/CEO", "President/CEO/Chairman of the Board").
TITLE = rf"(?:{_ONE})(?:\s+(?:and|&)\s+(?:{_ONE})|(?:/(?:{_ONE})){{1,2}})?"

_LEADING = re.compile(r"^(?:(?:its|the|their|his|her|a|an|new|first|first-ever|permanent)\s+)+", re.IGNORECASE)


def tidy_title(title: str) -> str:
    """"its new Chief Financial Officer" → "Chief Financial Officer"; "co-CEOs" → "co-CEO"."""
    return _PLURAL.sub("", _LEADING.sub("", _OF_THE.sub("", title.strip(" ,.;"))))


_OF_THE = re.compile(r"\s+(?:of|for)\s+the$")  # "director of the Center for ...": the area is a name the pattern left out


_PLURAL = re.compile(r"(?<=[A-Z]{2})s$")  # "appointed co-CEOs": each takes the role "co-CEO"


@functools.cache
def title_pattern() -> re.Pattern[str]:
    """`TITLE` compiled once, on first use: a large pattern, so importing the package stays quick."""
    return re.compile(rf"(?<!\w){TITLE}(?!\s+(?i:of\s+the\s+(?:year|month|decade)|awards?|list|honou?ree|finalist)\b)")


_EXPANSIONS = {
    "ceo": "chief executive officer", "chief executive": "chief executive officer", "chief exec": "chief executive officer",
    "cfo": "chief financial officer", "finance chief": "chief financial officer", "cto": "chief technology officer",
    "coo": "chief operating officer", "cmo": "chief marketing officer", "cio": "chief information officer",
    "cpo": "chief product officer", "cro": "chief revenue officer", "chairman": "chair", "chairwoman": "chair",
    "chairperson": "chair",
    # A bare "boss" or "chief" is how headlines write the top job: "Worldline ... as boss steps down" over "its CEO ... would be
    # stepping down", "BP chief" over "its chief executive"
    "boss": "chief executive officer", "chief": "chief executive officer",
}


def same_role(first: str | None, second: str | None) -> bool:
    """Whether two titles name the same role ("CEO" and "chief executive", "CDO" and "chief development officer").

    Interim/acting are ignored, and so is the rank word a headline swaps for another ("R&D head",
    "R&D boss", "R&D chief"); an acronym is the same role as the title its letters spell.
    """
    if not first or not second:
        return False
    one, two = _canonical(first), _canonical(second)
    return one == two or _spells(first, two) or _spells(second, one)


def covers(title: str | None, part: str | None) -> bool:
    """Whether `part` is one of the roles of a paired title: "President and CEO" covers "CEO", "CEO/president" covers "CEO".

    A paired `part` is covered when each of its roles is: "CEO and president" covers "CEO/president".
    """
    if not title or not part:
        return False
    pieces = [piece for piece in _PIECES.split(title) if piece.strip()]
    if any(same_role(piece, part) for piece in pieces):
        return True
    parts = [piece for piece in _PIECES.split(part) if piece.strip()]
    return len(parts) > 1 and all(any(same_role(piece, one) for piece in pieces) for one in parts)


_PIECES = re.compile(r"\s+(?:and|&)\s+|\s*/\s*|,\s+")
_ACRONYM = re.compile(r"(?:[Cc]o-?)?([A-Z]{2,5})")
_SMALL = frozenset("of and & for the".split())
# Patterns are compiled once here: `re`'s own cache of string patterns is shared with the whole process and may evict them.
_ACRONYM_MODIFIER = re.compile(r"\b(?:[Ii]nterim|[Aa]cting|[Gg]roup)\s+")
_IGNORED_WORDS = re.compile(r"\b(?:interim|acting|new|the|its|permanent|global|group)\b")
_FLIPPED = re.compile(r"(director|head|vice president|vp|chief|boss) (?:of|for) (.+)")
_SHORTHAND = re.compile(r"(.+) (?:chief|head|boss)")


def _spells(acronym: str, canonical: str) -> bool:
    """"CDO" and "chief development officer": the acronym is the initials of the other title's words."""
    match = _ACRONYM.fullmatch(_ACRONYM_MODIFIER.sub("", acronym.strip()))
    if match is None or " " not in canonical:
        return False
    initials = "".join(word[0] for word in canonical.split() if word not in _SMALL)
    return initials == match.group(1).lower()


def _canonical(title: str) -> str:
    """"director of marketing", "marketing director" → one form; "finance chief", "finance head" → "chief finance officer"."""
    words = _IGNORED_WORDS.sub(" ", title.lower())
    text = " ".join(words.split())
    text = _EXPANSIONS.get(text, text)
    flipped = _FLIPPED.fullmatch(text)
    if flipped:
        text = f"{flipped.group(2)} {flipped.group(1)}"
    shorthand = _SHORTHAND.fullmatch(text)
    if shorthand:
        text = f"chief {shorthand.group(1)} officer"
    return _EXPANSIONS.get(text, text.replace("financial", "finance"))
