"""An officer title's function and seniority: "EVP and Chief Financial Officer" → finance, c_level. Pure."""

from __future__ import annotations

import re

__all__ = ["function_of", "seniority_of"]

_C_LEVEL = re.compile(r"\bchief\b|\b(?:ceo|cfo|coo|cto|cio|cmo|cro|cpo|cso|clo|cao|chro|ciso)\b|^president\b|\bpresident and\b|\bpresident$")
_VP = re.compile(r"\b(?:vice president|vp|svp|evp|general counsel)\b")
_DIRECTOR = re.compile(r"\b(?:head of|director of|managing director|treasurer|controller|corporate secretary|secretary)\b")
_BOARD = re.compile(r"^(?:independent |non-executive |class [iv]+ )?(?:director|board member|member of the board)|\bchair(?:man|woman|person)?\b")

# Checked in order: specific words before the acronyms they might share (CMO, CPO).
_FUNCTIONS: list[tuple[str, re.Pattern[str]]] = [
    ("medical", re.compile(r"\bmedical\b|\bclinical\b|\bscientific\b|\bresearch and development\b")),
    ("product", re.compile(r"\bproduct\b|\bcpo\b")),
    ("people", re.compile(r"\bhuman resources\b|\bpeople\b|\btalent\b|\bchro\b|\bhr\b")),
    ("finance", re.compile(r"\bfinancial\b|\bfinance\b|\bcfo\b|\btreasurer\b|\bcontroller\b|\baccounting\b|\bcao\b")),
    ("legal", re.compile(r"\blegal\b|\bgeneral counsel\b|\bclo\b|\bcompliance\b|\bsecretary\b")),
    ("technology", re.compile(r"\btechnology\b|\btechnical\b|\bengineering\b|\binformation\b|\bsecurity\b|\bdigital\b|\bcto\b|\bcio\b|\bciso\b")),
    ("marketing", re.compile(r"\bmarketing\b|\bbrand\b|\bcmo\b")),
    ("sales", re.compile(r"\brevenue\b|\bsales\b|\bcommercial\b|\bbusiness development\b|\bcustomer\b|\bcro\b")),
    ("operations", re.compile(r"\boperating\b|\boperations\b|\bcoo\b|\bsupply chain\b")),
    ("executive", re.compile(r"\bchief executive\b|\bceo\b|\bpresident\b")),
    ("board", _BOARD),
]


def seniority_of(title: str | None) -> str | None:
    """c_level, vp, director (a director-level officer) or board (a board seat); None if unclear."""
    if not title:
        return None
    text = " ".join(title.lower().split())
    if _C_LEVEL.search(text):
        return "c_level"
    if _VP.search(text):
        return "vp"
    if _BOARD.search(text):
        return "board"
    if _DIRECTOR.search(text):
        return "director"
    return None


def function_of(title: str | None) -> str | None:
    """The business function a title belongs to (finance, technology, sales, …); None if unclear."""
    if not title:
        return None
    text = " ".join(title.lower().split())
    return next((name for name, pattern in _FUNCTIONS if pattern.search(text)), None)
