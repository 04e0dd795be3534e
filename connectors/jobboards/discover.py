"""Finding an account's job boards from the links on its careers page.

Only ids that appear in links (hrefs, iframe and script sources, embed snippets) are
reported. A slug is never guessed from the company's domain: "acme" on Greenhouse may be
a different Acme, and a wrong board means alerts about another company.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from signalwatch.http import FetchError, HttpClient, HttpStatusError

__all__ = ["find_board_ids", "discover_boards", "Discovery", "CAREERS_PATHS"]

CAREERS_PATHS = ("/careers", "/jobs", "/")
PAGE_CAP = 2_000_000
_ID = r"([A-Za-z0-9][A-Za-z0-9._-]*)"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("greenhouse", re.compile(r"boards-api\.greenhouse\.io/v1/boards/" + _ID)),
    ("greenhouse", re.compile(
        r"(?<![\w.-])(?:boards|job-boards)\.greenhouse\.io/embed/job_board(?:/js)?"
        r"\?(?:[^\"'<>\s]*&(?:amp;)?)?for=" + _ID
    )),
    ("greenhouse", re.compile(r"(?<![\w.-])(?:boards|job-boards)\.greenhouse\.io/(?!embed\b)" + _ID)),
    ("lever-eu", re.compile(r"(?:jobs|api)\.eu\.lever\.co/(?:v0/postings/)?" + _ID)),
    ("lever", re.compile(r"(?<![\w.-])(?:jobs\.lever\.co/|api\.lever\.co/v0/postings/)" + _ID)),
    ("ashby", re.compile(r"(?:jobs\.ashbyhq\.com/|api\.ashbyhq\.com/posting-api/job-board/)" + _ID)),
    ("workable", re.compile(r"apply\.workable\.com/(?:api/v1/widget/accounts/)?(?!j/|api/)" + _ID)),
    ("smartrecruiters",
     re.compile(r"(?:(?:jobs|careers)\.smartrecruiters\.com/|api\.smartrecruiters\.com/v1/companies/)" + _ID)),
    ("recruitee", re.compile(r"(?<![\w.-])([a-z0-9][a-z0-9-]*)\.recruitee\.com")),
    ("personio", re.compile(r"(?<![\w.-])([a-z0-9][a-z0-9-]*)\.jobs\.personio\.(?:de|com)")),
]
# Path segments and host labels that are part of a provider's own site, never a company's board.
_NOT_IDS = {"embed", "api", "v1", "j", "www", "app", "careers", "jobs", "static", "assets", "oneclick-ui", "widget"}


@dataclass(frozen=True)
class Discovery:
    """What discovery found for one account: board strings and the pages it read (or why not)."""

    boards: list[str] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def find_board_ids(html: str) -> list[str]:
    """Every "provider:id" linked from an HTML page, in order of first appearance."""
    found: list[tuple[int, str]] = []
    for provider, pattern in _PATTERNS:
        for match in pattern.finditer(html):
            board_id = match.group(1).rstrip(".-_")
            if board_id.lower() not in _NOT_IDS:
                found.append((match.start(), f"{provider}:{board_id}"))
    boards: dict[str, str] = {}
    for _, board in sorted(found):
        boards.setdefault(board.lower(), board)
    return list(boards.values())


def discover_boards(
    http: HttpClient, *, careers_url: str | None = None, domain: str | None = None, scheme: str = "https",
    user_agent: str = "signalwatch",
) -> Discovery:
    """Read the careers page (given, or /careers, /jobs and the home page of `domain`) for board links."""
    if careers_url:
        pages = [careers_url]
    elif domain:
        pages = [f"{scheme}://{domain}{path}" for path in CAREERS_PATHS]
    else:
        return Discovery(problems=["no careers URL and no domain"])
    robots = _robots(http, pages[0], user_agent)
    read: list[str] = []
    problems: list[str] = []
    for url in pages:
        if not robots(url):
            problems.append(f"{url}: disallowed by robots.txt")
            continue
        try:
            response = http.get(url, max_bytes=PAGE_CAP)
        except FetchError as exc:
            problems.append(str(exc))
            continue
        read.append(url)
        boards = find_board_ids(response.content.decode("utf-8", "replace"))
        if boards:
            return Discovery(boards=boards, pages=read, problems=problems)
    return Discovery(pages=read, problems=problems)


def _robots(http: HttpClient, url: str, user_agent: str) -> Callable[[str], bool]:
    parts = urlsplit(url)
    robots_url = urljoin(f"{parts.scheme}://{parts.netloc}", "/robots.txt")
    parser = RobotFileParser()
    try:
        parser.parse(http.get(robots_url, max_bytes=500_000).content.decode("utf-8", "replace").splitlines())
    except HttpStatusError as exc:
        if exc.status in (401, 403):
            return lambda _url: False
        return lambda _url: True  # no robots.txt: everything is allowed
    except FetchError:
        return lambda _url: True
    return lambda page: parser.can_fetch(user_agent, page)
