"""Greenhouse job board API: `GET boards-api.greenhouse.io/v1/boards/{token}/jobs`, then one
`GET …/jobs/{id}` per new role for its description.

The listing is requested without `content=true`: with descriptions a large board's body runs
to megabytes (one real board measured 9.4 MB, just under the response cap), and only new
roles need their text. Each listed job carries the board's custom `metadata`; a "Workplace
Type" field ("Remote", "Hybrid", "On-site") says whether the role is remote better than the
location name does (a role in "Canada" can be remote). The detail body is the job object with
`content` (entity-escaped HTML, "&lt;p&gt;…", unescaped once before the tags are dropped),
`departments` and `offices`.
"""

from __future__ import annotations

from typing import Any

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

__all__ = ["PROVIDER", "parse", "parse_detail", "detail_url", "workplace_remote"]

# "Workplace Type" values as boards spell them, lower-cased; anything else leaves the location to decide.
_WORKPLACE = {"remote": True, "fully remote": True, "remote-first": True, "hybrid": False, "on-site": False,
              "onsite": False, "on site": False, "in office": False, "in-office": False, "office": False}


def parse(pages: list[bytes], wanted: Wanted = None) -> list[Posting]:
    return [_posting(job, wanted) for job in json_items(pages, "Greenhouse", "jobs")]


def parse_detail(body: bytes, posting: Posting) -> Posting:
    """The listed posting completed with the detail's description and department."""
    job = load_json(body, "Greenhouse")
    expect(isinstance(job, dict) and "id" in job, "Greenhouse", "a job detail without 'id'")
    detailed = _posting(job)
    return posting._replace(markup=detailed.markup, markup_kind=detailed.markup_kind,
                            department=detailed.department or posting.department,
                            remote=posting.remote if posting.remote is not None else detailed.remote)


def detail_url(list_url: str, job_id: str) -> str:
    """`…/boards/{token}/jobs/{job_id}` from the listing URL (query dropped)."""
    return f"{list_url.split('?', 1)[0].rstrip('/')}/{job_id}"


def workplace_remote(metadata: Any) -> bool | None:
    """True/False from a "Workplace Type" metadata entry, None when the board has none we can read."""
    for entry in metadata if isinstance(metadata, list) else ():
        if isinstance(entry, dict) and str(entry.get("name") or "").strip().lower() in ("workplace type", "workplace"):
            value = entry.get("value")
            values = value if isinstance(value, list) else [value]
            readings = [_WORKPLACE.get(str(v).strip().lower()) for v in values if v]
            if True in readings:
                return True
            if False in readings:
                return False
    return None


def _posting(job: dict[str, Any], wanted: Wanted = None) -> Posting:
    location = text_or_none((job.get("location") or {}).get("name"))
    departments = [d.get("name") for d in job.get("departments") or () if d.get("name")]
    remote = workplace_remote(job.get("metadata"))
    if remote is None and location:
        remote = "remote" in location.lower()
    job_id, title, department = str(job["id"]), str(job.get("title") or "").strip(), departments[-1] if departments else None
    if not complete(wanted, job_id):
        return Posting(job_id, title, None, department, location, remote)
    return Posting(
        job_id=job_id,
        title=title,
        url=text_or_none(job.get("absolute_url")),
        department=department,
        location=location,
        remote=remote,
        published_at=parse_datetime(job.get("first_published")),
        markup=job.get("content") or "",
        markup_kind="escaped_html",
    )


PROVIDER = Provider(
    name="greenhouse", url="https://boards-api.greenhouse.io/v1/boards/{id}/jobs", parse=parse,
    detail_url=detail_url, parse_detail=parse_detail,
)
