"""Greenhouse job board API: `GET boards-api.greenhouse.io/v1/boards/{token}/jobs?content=true`.

The body is `{"jobs": [...], "meta": {"total": n}}`; `content` holds the description as
entity-escaped HTML ("&lt;p&gt;…"), so it is unescaped once before the tags are dropped.
"""

from __future__ import annotations

from typing import Any

from signalwatch.connectors.jobboards.model import (
    Posting,
    Provider,
    json_items,
    parse_datetime,
    text_or_none,
)

__all__ = ["PROVIDER", "parse"]


def parse(pages: list[bytes]) -> list[Posting]:
    return [_posting(job) for job in json_items(pages, "Greenhouse", "jobs")]


def _posting(job: dict[str, Any]) -> Posting:
    location = text_or_none((job.get("location") or {}).get("name"))
    departments = [d.get("name") for d in job.get("departments") or () if d.get("name")]
    return Posting(
        job_id=str(job["id"]),
        title=str(job.get("title") or "").strip(),
        url=text_or_none(job.get("absolute_url")),
        department=departments[-1] if departments else None,
        location=location,
        remote=("remote" in location.lower()) if location else None,
        published_at=parse_datetime(job.get("first_published")),
        markup=job.get("content") or "",
        markup_kind="escaped_html",
    )


PROVIDER = Provider(
    name="greenhouse", url="https://boards-api.greenhouse.io/v1/boards/{id}/jobs?content=true", parse=parse
)
