"""Personio XML feed: `GET {slug}.jobs.personio.de/xml?language=en`, or the same under
`jobs.personio.com`: a company's board lives under one of the two, and the other host
answers an unknown subdomain with a 307 to Personio's home page. Both are tried (see
`fetch`), the one that answered first next time.

The body is `<workzag-jobs><position>…</position></workzag-jobs>`; an empty feed (no
`<position>`, or an empty body) means the company has no open roles, not an error.
Descriptions are CDATA HTML inside `<jobDescriptions><jobDescription><value>`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from signalwatch.connectors.jobboards.model import (
    BoardFormatError,
    Posting,
    Provider,
    Wanted,
    complete,
    parse_datetime,
    text_or_none,
)

__all__ = ["PROVIDER", "parse"]


def parse(pages: list[bytes], wanted: Wanted = None) -> list[Posting]:
    postings: list[Posting] = []
    for body in pages:
        if not body.strip():
            continue
        # The feed never declares a DTD; refusing one rules out entity-expansion tricks.
        if b"<!DOCTYPE" in body[:2048].upper() or b"<!ENTITY" in body.upper():
            raise BoardFormatError(f"expected Personio XML, got a document with a DTD: {body[:60]!r}")
        try:
            root = ElementTree.fromstring(body)
        except ElementTree.ParseError as exc:
            snippet = body[:60].decode("utf-8", "replace")
            raise BoardFormatError(f"expected Personio XML, got {snippet!r}: {exc}") from None
        if root.tag != "workzag-jobs":
            raise BoardFormatError(f"unexpected Personio document: root element <{root.tag}>")
        postings.extend(_posting(position, index, wanted) for index, position in enumerate(root.iter("position")))
    return postings


def _posting(position: ElementTree.Element, index: int, wanted: Wanted = None) -> Posting:
    def text(tag: str) -> str | None:
        return text_or_none(position.findtext(tag))

    offices = [text("office")] + [text_or_none(o.text) for o in position.iterfind("additionalOffices/office")]
    schedule = (text("schedule") or "").lower()
    job_id, title = text("id") or f"position-{index}", text("name") or ""
    department = text("department") or text("recruitingCategory")
    location = "; ".join(o for o in offices if o) or None
    remote = True if "remote" in schedule or "remote" in (text("office") or "").lower() else None
    if not complete(wanted, job_id):
        return Posting(job_id, title, None, department, location, remote)
    values = [v.text or "" for v in position.iterfind("jobDescriptions/jobDescription/value")]
    return Posting(
        job_id=job_id,
        title=title,
        url=None,
        department=department,
        location=location,
        remote=remote,
        published_at=parse_datetime(text("createdAt")),
        markup=" ".join(values),
    )


PROVIDER = Provider(
    name="personio",
    url="https://{id}.jobs.personio.{tld}/xml?language=en",
    parse=parse,
    job_url="https://{id}.jobs.personio.{tld}/job/{job_id}",
    tlds=("de", "com"),
)
