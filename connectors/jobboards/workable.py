"""Workable widget API: `GET apply.workable.com/api/v1/widget/accounts/{slug}?details=true`.

The body is `{"name": ..., "jobs": [...]}` where a job advertised in several places is
repeated once per location with the same `shortcode`, and whose `locations` list names
every place (a row's own city/state/country is only the first of them); rows are collapsed
into one posting whose location lists every place of every row.
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
    rows: dict[str, list[dict[str, Any]]] = {}
    for job in json_items(pages, "Workable", "jobs"):
        rows.setdefault(str(job.get("shortcode") or job.get("url")), []).append(job)
    return [_posting(shortcode, group, wanted) for shortcode, group in rows.items()]


def _posting(shortcode: str, group: list[dict[str, Any]], wanted: Wanted = None) -> Posting:
    first = group[0]
    places: list[str] = []
    for row in group:
        spots = [(row.get("city"), row.get("state"), row.get("country"))]
        spots += [(spot.get("city"), spot.get("region"), spot.get("country"))
                  for spot in row.get("locations") or () if isinstance(spot, dict) and not spot.get("hidden")]
        for spot in spots:
            place = ", ".join(str(p).strip() for p in spot if p and str(p).strip())
            if place and place not in places:
                places.append(place)
    title = str(first.get("title") or "").strip()
    department = text_or_none(first.get("department")) or text_or_none(first.get("function"))
    remote = bool(first["telecommuting"]) if first.get("telecommuting") is not None else None
    if not complete(wanted, shortcode):
        return Posting(shortcode, title, None, department, "; ".join(places) or None, remote)
    return Posting(
        job_id=shortcode,
        title=title,
        url=text_or_none(first.get("shortlink")) or text_or_none(first.get("url")),
        department=department,
        location="; ".join(places) or None,
        remote=remote,
        published_at=parse_datetime(first.get("published_on")),
        markup=first.get("description") or "",
    )


PROVIDER = Provider(
    name="workable", url="https://apply.workable.com/api/v1/widget/accounts/{id}?details=true", parse=parse
)
