"""The one title classifier: a job title's business function and seniority, for job postings,
news and SEC filings alike, so one rule selects a "VP Sales" from any source.

Pure and table-driven. A title is first normalized (case, punctuation, gender markers such
as "(m/w/d)", abbreviations like "Sr.", "AE", "SDR", "VP", "RevOps"), then:

* function: the leftmost, longest *role phrase* wins ("Sales Recruiter" is a recruiter,
  "Account Executive, Financial Services" is sales), falling back to broad domain words
  ("Director, Sales") and finally to the department the board gave;
* seniority: the most senior marker that is really about the person's level, so
  "Customer Success Manager" and "Product Manager" stay individual contributors while
  "Manager, Customer Success" manages people.

Executive offices read the same everywhere: CEO, president and managing director are
"executive", a CISO "security", a CIO "it", a chief scientific or medical officer "research",
general counsel a vp. Board seats (chair, independent director) are function and seniority
"board"; in an officer filing (`officer=True`) a bare "Director" is a board seat too, while on a
job board it is a director-level role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["FUNCTIONS", "SENIORITIES", "TitleClass", "classify_title", "normalize_title"]

FUNCTIONS = (
    "sales", "sales_development", "revops", "marketing", "customer_success", "engineering", "data",
    "product", "design", "finance", "people", "legal", "operations", "support", "executive", "security",
    "it", "research", "board", "other",
)
SENIORITIES = ("board", "c_level", "vp", "director", "manager", "ic")


@dataclass(frozen=True)
class TitleClass:
    """What a title says about the role: one of FUNCTIONS and one of SENIORITIES."""

    function: str
    seniority: str


# Abbreviations expanded before matching; keys are whole words of the lower-cased title.
_ABBREVIATIONS = {
    "sr": "senior", "snr": "senior", "jr": "junior", "jnr": "junior", "mgr": "manager", "mngr": "manager",
    "dir": "director", "vp": "vice president", "svp": "senior vice president", "evp": "executive vice president",
    "avp": "associate vice president", "ae": "account executive", "aes": "account executive",
    "sdr": "sales development representative", "sdrs": "sales development representative",
    "bdr": "business development representative", "bdrs": "business development representative",
    "mdr": "market development representative", "adr": "account development representative",
    "isr": "inside sales representative", "am": "account manager", "tam": "technical account manager",
    "kam": "key account manager", "csm": "customer success manager", "cse": "customer success engineer",
    "se": "sales engineer", "revops": "revenue operations", "salesops": "sales operations",
    "bizops": "business operations", "gtm": "go to market", "mops": "marketing operations",
    "pmm": "product marketing manager", "pm": "product manager", "tpm": "technical program manager",
    "swe": "software engineer", "sre": "site reliability engineer", "sdet": "software engineer in test",
    "qa": "quality assurance", "ml": "machine learning", "ai": "artificial intelligence",
    "bi": "business intelligence", "ux": "user experience", "ui": "user interface", "hr": "human resources",
    "hrbp": "human resources business partner", "ta": "talent acquisition", "l&d": "learning and development",
    "fp&a": "financial planning and analysis", "fpa": "financial planning and analysis",
    "ar": "accounts receivable", "ap": "accounts payable", "ea": "executive assistant",
    "pr": "public relations", "seo": "search engine optimization", "abm": "account based marketing",
    "eng": "engineering", "engr": "engineer", "mktg": "marketing", "ops": "operations", "acct": "account",
    "exec": "executive", "rep": "representative", "assoc": "associate", "cs": "customer success",
    "cx": "customer experience", "gc": "general counsel", "dei": "diversity equity and inclusion",
    "ceo": "chief executive officer", "cfo": "chief financial officer", "cro": "chief revenue officer",
    "cmo": "chief marketing officer", "cto": "chief technology officer", "coo": "chief operating officer",
    "cpo": "chief product officer", "chro": "chief human resources officer", "cio": "chief information officer",
    "ciso": "chief information security officer", "cdo": "chief data officer", "clo": "chief legal officer",
    "cco": "chief customer officer", "cso": "chief strategy officer",
}

# Role phrases: (regex, function). The leftmost match wins, then the longest one.
_ROLE_PHRASES: list[tuple[str, str]] = [
    # Assistants work for someone: "Executive Assistant to the CRO" is not sales.
    (r"(?:executive|administrative|personal|office) assistant|receptionist", "operations"),
    (r"chief of staff", "operations"),
    # Recruiting and HR, including "Sales Recruiter" and "People Partner, Engineering".
    (r"(?:[a-z]+ )?recruit(?:er|ers|ing|ment)|talent acquisition|sourcer|sourcing specialist", "people"),
    (r"human resources|people (?:operations|partner|business partner|team|programs|experience|analytics)"
     r"|people and culture|people|chief people officer"
     r"|chief human resources officer|learning and development|total rewards|compensation and benefits"
     r"|(?<!sales )compensation (?:analyst|manager|partner)|benefits (?:specialist|manager)|talent management"
     r"|employee experience|diversity equity and inclusion|payroll and benefits", "people"),
    # Sales development before sales.
    (r"(?:sales|market|account|lead) development (?:representative|rep|associate|specialist|manager|team lead"
     r"|lead|director)|business development (?:representative|rep|associate)|sales development"
     r"|outbound (?:sales )?representative", "sales_development"),
    # Revenue operations before sales and operations.
    (r"revenue operations|revenue ops|sales operations|sales ops|sales strategy and operations"
     r"|go to market (?:operations|systems|strategy and operations)|gtm operations|deal desk|sales enablement"
     r"|revenue enablement|enablement|sales compensation|commissions? (?:analyst|manager|specialist)"
     r"|(?:salesforce|crm|hubspot) (?:administrator|admin)|sales systems|revenue systems"
     r"|customer success operations|sales analyst|sales planning|sales strategy|revenue strategy", "revops"),
    # Board seats: the chair, independent and non-executive directors, board members.
    (r"(?:executive |vice |co )?chair(?:man|woman|person)?(?: of the board)?|board member|member of the board"
     r"|board of directors|(?:lead )?independent director|non executive director", "board"),
    # Executives named by their office.
    (r"chief revenue officer|chief commercial officer|chief sales officer|chief business officer", "sales"),
    (r"chief marketing officer|chief growth officer|chief brand officer|chief communications officer", "marketing"),
    (r"chief technology officer|chief architect", "engineering"),
    (r"chief information security officer|chief security officer|head of security|vice president security", "security"),
    (r"chief information officer|information technology (?:director|leader)", "it"),
    (r"chief (?:scientific|science|medical|research|clinical) officer", "research"),
    (r"chief financial officer|chief accounting officer", "finance"),
    (r"chief executive officer|(?<!vice )president|managing director|general manager|cofounder|founder", "executive"),
    (r"chief operating officer|chief strategy officer", "operations"),
    (r"chief product officer", "product"),
    (r"chief data officer|chief analytics officer|chief ai officer|chief artificial intelligence officer", "data"),
    (r"chief legal officer|chief compliance officer|general counsel", "legal"),
    (r"chief customer officer|chief customer success officer", "customer_success"),
    (r"chief design officer|chief creative officer", "design"),
    # Legal.
    (r"(?:[a-z]+ )?counsel|attorney|lawyer|paralegal|legal|compliance|contracts? (?:manager|specialist|administrator)"
     r"|privacy officer|regulatory affairs", "legal"),
    # Customer-facing technical roles that are sales or success, not engineering.
    (r"sales engineer(?:ing)?|solutions? (?:engineer(?:ing)?|consultant|consulting|architect|specialist)|pre ?sales"
     r"|value (?:engineer|consultant)|customer engineer|field engineer|demo engineer", "sales"),
    (r"customer success|client success|technical account manager|implementation|onboarding"
     r"|professional services|customer education|renewals?|client services|customer experience manager"
     r"|adoption (?:manager|specialist)|customer outcomes|engagement manager", "customer_success"),
    (r"(?:customer|technical|product|it|tier [123]|application|member) support|support (?:engineer|specialist"
     r"|agent|representative|associate|analyst|team lead|manager|lead)|help ?desk|service desk"
     r"|customer (?:service|care)|customer experience (?:specialist|associate|agent|representative)"
     r"|customer support|support", "support"),
    # Marketing before product and design ("Product Marketing Manager", "Marketing Designer").
    (r"product marketing|marketing|demand (?:generation|gen)|growth (?:marketing|manager|lead)|head of growth"
     r"|content (?:writer|strategist|manager|lead|marketer|creator|producer)|copywriter|copy writer"
     r"|search engine optimization|paid (?:media|social|search|acquisition)|performance marketing|brand"
     r"|communications|public relations|social media|community (?:manager|lead|specialist)|events? (?:manager"
     r"|specialist|coordinator|lead)|field marketing|lifecycle|email marketing|account based marketing"
     r"|campaigns?|influencer|partner marketing|video (?:producer|editor)|media buyer", "marketing"),
    # Data before engineering ("Data Engineer", "Analytics Engineer").
    (r"data (?:scientist|science|analyst|analytics|engineer|engineering|platform|architect|governance|lead"
     r"|manager|team)|head of data|analytics|business intelligence|machine learning|artificial intelligence"
     r"|deep learning|research scientist|applied scientist|statistician|quantitative|decision scientist"
     r"|business analyst|product analyst|insights", "data"),
    (r"(?:product|ux|ui|user experience|user interface|visual|graphic|brand|motion|interaction|web|content"
     r"|service|industrial|communication) design(?:er)?|designer|user research(?:er)?|ux researcher"
     r"|design (?:lead|manager|director|systems|operations)|head of design|creative director|illustrator"
     r"|user experience|user interface", "design"),
    (r"product (?:manager|owner|management|lead|director|operations|ops|strategy)|group product"
     r"|technical product|product", "product"),
    # Finance.
    (r"accountant|accounting|controller|comptroller|financial (?:planning|analyst|reporting|controller"
     r"|accountant|operations)|finance|treasury|treasurer|tax|payroll|accounts (?:payable|receivable)"
     r"|billing|bookkeep(?:er|ing)|auditor|audit|investor relations|collections? specialist|credit analyst"
     r"|procurement accountant|revenue accountant", "finance"),
    # Engineering.
    (r"(?:software|backend|back end|frontend|front end|full ?stack|mobile|ios|android|web|platform"
     r"|infrastructure|cloud|devops|dev ops|site reliability|security|systems?|network|embedded|firmware"
     r"|hardware|electrical|mechanical|qa|test|automation|quality assurance|reliability|build|release"
     r"|integration|application|game|graphics|compiler|kernel|salesforce|growth|forward deployed|founding"
     r"|staff|principal|senior|lead|product) (?:engineer|engineering|developer|architect)"
     r"|engineer(?:ing)?|developer|programmer|architect|devops|quality assurance|tech lead"
     r"|technical lead|cto|penetration tester|security analyst|scrum master", "engineering"),
    # Operations and general business roles.
    (r"operations|office manager|facilities|workplace|procurement|purchasing|supply chain|logistics"
     r"|program manager|programme manager|project manager|project coordinator|strategy|business operations"
     r"|general manager|it (?:manager|administrator|specialist|technician)|systems administrator"
     r"|administrator|coordinator|analyst", "operations"),
    # Sales last: most sales titles carry a role noun only sales uses.
    (r"account executive|account manager|account director|key account|sales|business development"
     r"|partnerships?|partner (?:manager|development)|alliances?|channel (?:manager|account|sales)"
     r"|territory (?:manager|representative)|country manager|inside sales|field sales|new business"
     r"|commercial|revenue|strategic accounts?|enterprise accounts?|account representative"
     r"|relationship manager|closer|representative|go to market", "sales"),
]

# Departments as boards name them, used only when the title says nothing.
_DEPARTMENT_WORDS: list[tuple[str, str]] = [
    (r"sales development|business development representative", "sales_development"),
    (r"revenue operations|sales operations", "revops"),
    (r"customer success|account management|professional services", "customer_success"),
    (r"support|customer service|customer care", "support"),
    (r"marketing|communications|brand|growth", "marketing"),
    (r"data|analytics|machine learning|research", "data"),
    (r"design|user experience", "design"),
    (r"product", "product"),
    (r"engineering|technology|r&d|research and development|it|infrastructure|security", "engineering"),
    (r"finance|accounting", "finance"),
    (r"people|human resources|talent|recruiting", "people"),
    (r"legal|compliance", "legal"),
    (r"operations|administration|facilities|workplace", "operations"),
    (r"sales|revenue|go to market|commercial|partnerships", "sales"),
]

_ROLE_REGEX = [(re.compile(rf"\b(?:{pattern})\b"), function) for pattern, function in _ROLE_PHRASES]
_DEPARTMENT_REGEX = [(re.compile(rf"\b(?:{pattern})\b"), function) for pattern, function in _DEPARTMENT_WORDS]

# Seniority markers, most senior first.
_C_LEVEL = re.compile(r"\bchief (?!of staff)[a-z ]*officer\b|(?<!vice )\bpresident\b|\bco ?founder\b")
_VP = re.compile(r"\bvice president\b|\bgeneral counsel\b")
_DIRECTOR = re.compile(
    r"\bdirector\b|\bhead\b|\bgeneral manager\b|\bcountry manager\b|\bchief of staff\b|\bmanaging partner\b"
)
# Officers of a company (named in its filings) whose job-board namesakes are often individual roles.
_OFFICER_DIRECTOR = re.compile(r"\bcontroller\b|\bcomptroller\b|\btreasurer\b|\bsecretary\b")
_CEO = re.compile(r"\bchief executive officer\b")
# In an officer filing, a bare "Director" (or "Class II Director") is a seat on the board.
_OFFICER_BOARD_SEAT = re.compile(r"^(?:(?:independent|non executive|class [iv]+|lead) )*director$")
# "X Manager" titles that name an individual contributor's job, not a people manager.
_IC_MANAGER = re.compile(
    r"\b(?:account|customer success|success|client success|product|project|programme|program|partner"
    r"|partnerships?|alliance|territory|community|social media|content|relationship|key account"
    r"|technical account|category|channel|brand|campaigns?|events?|implementation|onboarding|engagement"
    r"|renewals?|product marketing|growth marketing|lifecycle marketing|field marketing|partner marketing"
    r"|demand generation|demand gen|marketing programs|release|solutions|office|case|escalation|adoption"
    r"|customer marketing|email marketing|seo|search engine optimization|influencer|affiliate|growth"
    r"|deal desk|contracts?|procurement|payroll|expansion|customer|technical program|technical product"
    r"|business development|content marketing|commercial|store|catering|facilities) manager\b"
)
_PEOPLE_MANAGER = re.compile(
    r"^(?:senior |associate |assistant )?manager\b|\bmanager (?:of|for)\b|\b(?:senior|group|engineering|sales"
    r"|regional|area|district|team|support|people|hiring) manager\b|\bteam lead(?:er)?\b|\bsupervisor\b"
    r"|\btech lead manager\b|\bsenior manager\b|\bgroup product manager\b"
)
_MANAGER_WORD = re.compile(r"\bmanager\b")
_ASSISTANT_TO = re.compile(r"\b(?:assistant|associate|coordinator|advisor|partner) (?:to|for) (?:the )?.*$")

_GENDER_MARKER = re.compile(
    r"\((?:[mwfdxhn]\s*/\s*)+[mwfdxhn]\)|\b[mwfdxh]/[mwfdxh](?:/[mwfdxh])?\b|\(all genders?\)|\(\*\)"
)
_CHIEF_EXECUTIVE = re.compile(r"\bchief executive\b(?! officer)")
_SEPARATORS = re.compile(r"[\u2010-\u2015|/\\,;:()\[\]{}+!?\"“”]|\s-\s|^-|-$|\s-|-\s")


@lru_cache(maxsize=65536)
def normalize_title(title: str) -> str:
    """Lower-case words with abbreviations expanded: "Sr. AE – EMEA" → "senior account executive emea"."""
    text = _GENDER_MARKER.sub(" ", title.lower())
    text = text.replace("&amp;", "&").replace("’", "'")
    text = re.sub(r"\b(l|fp)\s*&\s*(d|a)\b", r"\1&\2", text)  # keep "L&D", "FP&A" as one word
    text = re.sub(r"\band\b|(?<![a-z])&(?![a-z])", " and ", text)
    text = re.sub(r"\bco-founder\b", "cofounder", text)
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)  # "Full-Stack", "Go-To-Market", "Pre-Sales"
    text = _SEPARATORS.sub(" ", text)
    text = text.replace(".", " ")
    words = [_ABBREVIATIONS.get(word, word) for word in text.split()]
    # British and news usage drops "officer": "chief executive", "chief exec" are the CEO.
    return _CHIEF_EXECUTIVE.sub("chief executive officer", " ".join(" ".join(words).split()))


def classify_title(title: str, department: str | None = None, *, officer: bool = False) -> TitleClass:
    """Function and seniority of a title; `department` helps only when the title is vague;
    `officer` reads it as an SEC filing does (a bare "Director" is a board seat)."""
    return _classify(title, department or "", officer)


@lru_cache(maxsize=65536)
def _classify(title: str, department: str, officer: bool) -> TitleClass:
    normalized = normalize_title(title)
    if officer and _OFFICER_BOARD_SEAT.match(normalized):
        return TitleClass("board", "board")
    function = _function(normalized, _ROLE_REGEX)
    if function == "board":
        if not _CEO.search(normalized):
            return TitleClass("board", "board")
        function = "executive"  # "Chairman and CEO" runs the company
    if function == "other" and department:
        function = _function(normalize_title(department), _DEPARTMENT_REGEX)
    seniority = _seniority(normalized)
    if officer and seniority in ("ic", "manager") and _OFFICER_DIRECTOR.search(normalized):
        seniority = "director"
    return TitleClass(function=function, seniority=seniority)


def _function(text: str, table: list[tuple[re.Pattern[str], str]]) -> str:
    best: tuple[int, int, str] | None = None
    for regex, function in table:
        match = regex.search(text)
        if match and (best is None or (match.start(), -len(match.group())) < best[:2]):
            best = (match.start(), -len(match.group()), function)
    return best[2] if best else "other"


def _seniority(text: str) -> str:
    if text.startswith("chief of staff"):
        return "director"
    text = _ASSISTANT_TO.sub("", text).strip()  # "executive assistant to the ceo" is not an executive
    if re.search(r"\b(?:executive|administrative|personal) assistant\b", text):
        return "ic"
    if _C_LEVEL.search(text):
        return "c_level"
    if _VP.search(text):
        return "vp"
    if _DIRECTOR.search(text):
        return "director"
    if _PEOPLE_MANAGER.search(text):
        return "manager"
    if _MANAGER_WORD.search(text) and not _IC_MANAGER.search(text):
        return "manager"
    return "ic"
