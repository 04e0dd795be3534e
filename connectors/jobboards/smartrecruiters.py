"""SmartRecruiters posting API: `GET api.smartrecruiters.com/v1/companies/{id}/postings`, paged.

Each page is `{"offset": o, "limit": l, "totalFound": n, "content": [...]}`; pages are
requested with `offset`/`limit=100` until `totalFound` is reached. List items carry no
job text, so technologies come from the title only for this provider.

A posting names its language (`language.code`); a title in another language ("Vertriebsleiter
DACH") says little to an English title classifier, so such a posting is classified by its
`function` label, which SmartRecruiters keeps in English from a fixed list ("Sales",
"Engineering"), before the company's own department label.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from signalwatch.connectors.jobboards.model import (
    Posting,
    Provider,
    Wanted,
    complete,
    expect,
    json_items,
    load_json,
    parse_datetime,
    text_or_none,
)

__all__ = ["PROVIDER", "parse", "next_page"]

PAGE_SIZE = 100
MAX_PAGES = 100  # 10,000 postings; stops a misbehaving server from paging forever


def parse(pages: list[bytes], wanted: Wanted = None) -> list[Posting]:
    postings: dict[str, Posting] = {}
    for job in json_items(pages, "SmartRecruiters", "content"):
        posting = _posting(job, wanted)
        postings.setdefault(posting.job_id, posting)  # a page boundary can shift between requests
    return list(postings.values())


def next_page(body: bytes, url: str) -> str | None:
    document = _page(body)
    offset = int(document.get("offset") or 0)
    seen = offset + len(document["content"])
    if not document["content"] or seen >= int(document.get("totalFound") or 0) or seen >= PAGE_SIZE * MAX_PAGES:
        return None
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    query.update(offset=str(seen), limit=str(PAGE_SIZE))
    return urlunsplit(parts._replace(query=urlencode(query)))


def _page(body: bytes) -> dict[str, Any]:
    document = load_json(body, "SmartRecruiters")
    expect(isinstance(document, dict) and isinstance(document.get("content"), list), "SmartRecruiters",
           "no 'content' list")
    return document


def _posting(job: dict[str, Any], wanted: Wanted = None) -> Posting:
    location = job.get("location") or {}
    place = location.get("fullLocation") or ", ".join(
        str(p) for p in (location.get("city"), location.get("region"), location.get("country")) if p
    )
    department = text_or_none((job.get("department") or {}).get("label"))
    function = text_or_none((job.get("function") or {}).get("label"))
    language = str((job.get("language") or {}).get("code") or "en").lower()
    job_id, title = str(job["id"]), str(job.get("name") or "").strip()
    department = (function or department) if not language.startswith("en") else (department or function)
    remote = bool(location["remote"]) if location.get("remote") is not None else None
    if not complete(wanted, job_id):
        return Posting(job_id, title, None, department, text_or_none(place), remote)
    company = (job.get("company") or {}).get("identifier")
    return Posting(
        job_id=job_id,
        title=title,
        url=f"https://jobs.smartrecruiters.com/{company}/{job['id']}" if company else None,
        department=department,
        location=text_or_none(place),
        remote=remote,
        published_at=parse_datetime(job.get("releasedDate")),
    )


PROVIDER = Provider(
    name="smartrecruiters",
    url=f"https://api.smartrecruiters.com/v1/companies/{{id}}/postings?offset=0&limit={PAGE_SIZE}",
    parse=parse,
    next_page=next_page,
)
