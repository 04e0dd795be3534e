"""Recruitee careers-site API: `GET {slug}.recruitee.com/api/offers/`.

The body is `{"offers": [...]}`; dates look like "2026-09-01 10:00:00 UTC"; `remote`,
`hybrid` and `on_site` are booleans; description and requirements are HTML.
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
    offers = json_items(pages, "Recruitee", "offers")
    return [_posting(offer, wanted) for offer in offers if offer.get("status", "published") == "published"]


def _posting(offer: dict[str, Any], wanted: Wanted = None) -> Posting:
    place = text_or_none(offer.get("location")) or ", ".join(
        p for p in (offer.get("city"), offer.get("country")) if p
    )
    job_id, title = str(offer["id"]), str(offer.get("title") or "").strip()
    department = text_or_none(offer.get("department"))
    remote = bool(offer["remote"]) if offer.get("remote") is not None else None
    if not complete(wanted, job_id):
        return Posting(job_id, title, None, department, place or None, remote)
    return Posting(
        job_id=job_id,
        title=title,
        url=text_or_none(offer.get("careers_url")),
        department=department,
        location=place or None,
        remote=remote,
        published_at=parse_datetime(offer.get("published_at") or offer.get("created_at")),
        markup=f"{offer.get('description') or ''} {offer.get('requirements') or ''}".strip(),
    )


PROVIDER = Provider(name="recruitee", url="https://{id}.recruitee.com/api/offers/", parse=parse)
