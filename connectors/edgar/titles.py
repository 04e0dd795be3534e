"""An officer title's function and seniority: "EVP and Chief Financial Officer" → finance, c_level. Pure.

Seniority is read the 8-K way (a bare "Director" is a board seat); the function vocabulary is
the news extractor's (`signalwatch.extract.roles`), shared by every leadership event.
"""

from __future__ import annotations

import re

from signalwatch.extract.roles import function_of as news_function_of

__all__ = ["function_of", "seniority_of"]

_C_LEVEL = re.compile(r"\bchief\b|\b(?:ceo|cfo|coo|cto|cio|cmo|cro|cpo|cso|clo|cao|chro|ciso)\b|^president\b|\bpresident and\b|\bpresident$")
_VP = re.compile(r"\b(?:vice president|vp|svp|evp|general counsel)\b")
_DIRECTOR = re.compile(r"\b(?:head of|director of|managing director|treasurer|controller|corporate secretary|secretary)\b")
_BOARD = re.compile(r"^(?:independent |non-executive |class [iv]+ )?(?:director|board member|member of the board)|\bchair(?:man|woman|person)?\b")


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
    """The business function a title belongs to, in the same words as news-sourced leadership
    events ("engineering", "security", "revops", …) so one rule selects both; a board seat is
    "board"."""
    if seniority_of(title) == "board":
        return "board"
    return news_function_of(title)
