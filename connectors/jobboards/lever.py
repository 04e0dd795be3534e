"""Lever postings API: `GET api.lever.co/v0/postings/{site}?mode=json` (EU: `api.eu.lever.co`).

The body is a bare JSON list; `createdAt` is epoch milliseconds; `categories` carries team,
department, location and `allLocations`; `workplaceType` is on-site, remote or hybrid.
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

__all__ = ["PROVIDER", "PROVIDER_EU", "parse"]


def parse(pages: list[bytes], wanted: Wanted = None) -> list[Posting]:
    return [_posting(job, wanted) for job in json_items(pages, "Lever", None)]


def _posting(job: dict[str, Any], wanted: Wanted = None) -> Posting:
    categories = job.get("categories") or {}
    locations = categories.get("allLocations") or ([categories["location"]] if categories.get("location") else [])
    workplace = str(job.get("workplaceType") or "").lower()
    job_id, title = str(job["id"]), str(job.get("text") or "").strip()
    department = text_or_none(categories.get("department")) or text_or_none(categories.get("team"))
    location = "; ".join(locations) or None
    remote = (workplace == "remote") if workplace and workplace != "unspecified" else None
    if not complete(wanted, job_id):
        return Posting(job_id, title, None, department, location, remote)
    lists = " ".join(f"<ul>{item.get('content') or ''}</ul>" for item in job.get("lists") or ())
    markup = " ".join(filter(None, [job.get("description") or "", lists, job.get("additional") or ""]))
    return Posting(
        job_id=job_id,
        title=title,
        url=text_or_none(job.get("hostedUrl")),
        department=department,
        location=location,
        remote=remote,
        published_at=parse_datetime(job.get("createdAt")),
        markup=markup,
    )


PROVIDER = Provider(name="lever", url="https://api.lever.co/v0/postings/{id}?mode=json", parse=parse)
PROVIDER_EU = Provider(name="lever-eu", url="https://api.eu.lever.co/v0/postings/{id}?mode=json", parse=parse)
