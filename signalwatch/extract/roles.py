"""Executive job titles: the pattern that recognises one, and its function and seniority."""

from __future__ import annotations

import functools
import re

__all__ = ["TITLE", "tidy_title", "title_pattern", "same_role"]

_ACRONYMS = r"(?:[Cc]o-?)?(?:CEO|CFO|CTO|COO|CRO|CMO|CPO|CIO|CISO|CHRO|CCO|CDO|CSO|CLO|CAO|CBO|CGO|CXO|CSCO|CCSO)"
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
_AREA_WORD = rf"(?:(?i:{_AREA_WORDS})|(?!{_AREA_STOP}\b)[a-z][A-Za-z-]+)\b"  # "iOS" and "iPhone" are areas too
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
    r"business|editorial|news|gaming|technical"
)
_CHIEF = (
    r"[Cc]hief\s+(?:[\w&-]+\s+){0,4}?[Oo]fficer|[Cc]hief\s+[Ee]xecutive|[Cc]hief\s+[Ee]xec\b|[Cc]hief\s+of\s+[Ss]taff"
    r"|[Cc]hief\s+(?:[Ss]cientist|[Ee]conomist|[Aa]rchitect|[Ee]ngineer|[Ss]trategist)"
    rf"|[Cc]hief{_OF}{_AREA_AFTER_OF}"  # "chief of clinical development"
    rf"|(?i:{_SHORT_AREAS})\s+[Cc]hief\b(?!\s+(?:[Ee]xecutive|[Oo]fficer|of))"
    rf"|(?i:{_SHORT_AREAS})\s+[Hh]ead\b(?!\s+(?:of|to)\b)"
    rf"|(?i:{_SHORT_AREAS}|executive)\s+[Dd]irector\b"
)
_VP = r"(?:(?:[Ss]enior|[Ee]xecutive|[Gg]roup|[Rr]egional|[Gg]lobal|[Cc]orporate)\s+)?(?:[Vv]ice[- ][Pp]resident|VP|SVP|EVP)"
_HEAD = r"(?:[Gg]lobal\s+|[Ff]ounding\s+)?[Hh]ead"
_DIRECTOR = r"(?:[Ss]enior\s+|[Gg]lobal\s+|[Ee]xecutive\s+)?[Dd]irector"
_PLAIN = (
    r"[Gg]eneral\s+[Cc]ounsel|[Gg]eneral\s+[Mm]anager|[Mm]anaging\s+[Dd]irector"
    r"|(?:[Ee]xecutive\s+|[Cc]o-)?[Cc]hair(?:man|woman|person)?(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w&-]*\s+)?[Bb]oard(?:\s+of\s+[Dd]irectors)?)?"
    r"|[Pp]resident|[Mm]anaging\s+[Pp]artner|[Gg]eneral\s+[Pp]artner|[Oo]perating\s+[Pp]artner|"
    r"[Vv]enture\s+[Pp]artner|[Tt]reasurer|[Cc]ontroller|[Cc]hief\s+[Aa]ccounting\s+[Oo]fficer|[Ll]ead\s+(?:[Ii]ndependent\s+)?[Dd]irector"
)
_MODIFIER = r"(?:(?:[Ii]nterim|[Aa]cting|[Dd]eputy|[Ff]ounding|[Pp]ermanent|[Jj]oint)\s+)"
_PLACE_MODIFIER = r"(?:(?:UK|US|EMEA|APAC|[Gg]lobal)\s+(?=[Hh]ead|[Cc]hief|VP|[Vv]ice|[Dd]irector|[Mm]anaging))"
_REGION = r"(?:,\s*(?:EMEA|APAC|LATAM|Americas|North America|Europe|Asia Pacific|International|Global|UK|US))"
# One role: "Chief Revenue Officer", "VP of Sales, EMEA", "head of people", "interim CEO".
_ONE = (
    rf"{_MODIFIER}?{_PLACE_MODIFIER}?(?:{_ACRONYMS}\b|{_CHIEF}"
    rf"|(?:{_VP}|{_HEAD}|{_DIRECTOR})(?:{_OF}(?:{_AREA_AFTER_OF}|{_AREA_CAPS})|,?\s+{_AREA_VOCAB}(?<!\bthe))"
    rf"|(?:{_VP}|{_DIRECTOR})(?=[\s,;.]|$)"  # a bare "Head" is too often something else ("head chef")
    rf"|(?:{_PLAIN})(?:{_OF}{_AREA_AFTER_OF})?)\b{_REGION}?"
)
# A title may pair two roles: "President and CEO", "Chairman & Chief Executive Officer".
TITLE = rf"(?:{_ONE})(?:\s+(?:and|&)\s+(?:{_ONE}))?"

_LEADING = re.compile(r"^(?:(?:its|the|their|his|her|a|an|new|first|first-ever|permanent)\s+)+", re.IGNORECASE)


def tidy_title(title: str) -> str:
    """"its new Chief Financial Officer" → "Chief Financial Officer"."""
    return _LEADING.sub("", title.strip(" ,.;"))


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
}


def same_role(first: str | None, second: str | None) -> bool:
    """Whether two titles name the same role ("CEO" and "chief executive"), ignoring interim/acting."""
    if not first or not second:
        return False
    return _canonical(first) == _canonical(second)


def _canonical(title: str) -> str:
    """"director of marketing", "marketing director" → one form; "finance chief" → "chief finance officer"."""
    words = re.sub(r"\b(?:interim|acting|new|the|its|permanent)\b", " ", title.lower())
    text = " ".join(words.split())
    text = _EXPANSIONS.get(text, text)
    flipped = re.fullmatch(r"(director|head|vice president|vp|chief) (?:of|for) (.+)", text)
    if flipped:
        text = f"{flipped.group(2)} {flipped.group(1)}"
    shorthand = re.fullmatch(r"(.+) chief", text)
    if shorthand:
        text = f"chief {shorthand.group(1)} officer"
    return _EXPANSIONS.get(text, text.replace("financial", "finance"))
