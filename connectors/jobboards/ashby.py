"""Ashby posting API: `GET api.ashbyhq.com/posting-api/job-board/{name}?includeCompensation=true`.

The body is `{"apiVersion": "1", "jobs": [...]}`; postings with `isListed: false` are
reachable only by direct link, so they are not part of the public board and are skipped.
"""

from __future__ import annotations

from typing import Any

from signalwatch.connectors.jobboards.model import (
    Posting,
    Provider,
    Wanted,
    complete,
    json_items,
    parse_datetime,
    text_or_none,
)

__all__ = ["PROVIDER", "parse"]


def parse(pages: list[bytes], wanted: Wanted = None) -> list[Posting]:
    return [_posting(job, wanted) for job in json_items(pages, "Ashby", "jobs") if job.get("isListed", True) is not False]


def _posting(job: dict[str, Any], wanted: Wanted = None) -> Posting:
    locations = [job.get("location")] + [s.get("location") for s in job.get("secondaryLocations") or ()]
    workplace = str(job.get("workplaceType") or "").lower()
    remote = job.get("isRemote")
    job_id, title = str(job["id"]), str(job.get("title") or "").strip()
    department = text_or_none(job.get("department")) or text_or_none(job.get("team"))
    location = "; ".join(loc for loc in locations if loc) or None
    remote = bool(remote) if remote is not None else (workplace == "remote" if workplace else None)
    if not complete(wanted, job_id):
        return Posting(job_id, title, None, department, location, remote)
    return Posting(
        job_id=job_id,
        title=title,
        url=text_or_none(job.get("jobUrl")),
        department=department,
        location=location,
        remote=remote,
        published_at=parse_datetime(job.get("publishedAt")),
        markup=job.get("descriptionPlain") or job.get("descriptionHtml") or "",
        markup_kind="text" if job.get("descriptionPlain") else "html",
    )


PROVIDER = Provider(
    name="ashby", url="https://api.ashbyhq.com/posting-api/job-board/{id}?includeCompensation=true", parse=parse
)
