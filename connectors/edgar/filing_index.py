"""A filing's "-index.htm" page: its documents (the "Document Format Files" table) and file number.

    <table class="tableFile" summary="Document Format Files">
      <tr><th>Seq</th><th>Description</th><th>Document</th><th>Type</th><th>Size</th></tr>
      <tr><td>1</td><td>FORM 8-K</td><td><a href="/ix?doc=/Archives/.../acme-8k.htm">acme-8k.htm</a></td><td>8-K</td>...
      <tr><td>2</td><td>PRESS RELEASE</td><td><a href="/Archives/.../ex99-1.htm">ex99-1.htm</a></td><td>EX-99.1</td>...

The header block carries "File No.: 021-123456", which all amendments of one Form D offering share,
and, in `infoHead`/`info` pairs, when the filing was accepted and (for an 8-K) its items::

    <div class="infoHead">Accepted</div> <div class="info">2026-06-25 07:59:33</div>
    <div class="infoHead">Items</div> <div class="info">Item 5.02: Departure of Directors ...<br /></div>
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup

__all__ = ["FilingIndex", "IndexDocument", "parse_index"]

_FILE_NUMBER = re.compile(r"File\s+No\.?:?\s*(\d{3}-\d{3,})")
_ITEM = re.compile(r"Item\s+(\d{1,2}\.\d{2})")
_EASTERN = ZoneInfo("America/New_York")


@dataclass(frozen=True)
class IndexDocument:
    """One row of the documents table."""

    seq: str
    description: str
    href: str
    type: str

    @property
    def name(self) -> str:
        return self.href.rsplit("/", 1)[-1].lower()


@dataclass(frozen=True)
class FilingIndex:
    """What the index page says about one filing."""

    documents: tuple[IndexDocument, ...]
    file_number: str | None
    items: tuple[str, ...] = ()  # 8-K item numbers, e.g. ("5.02", "9.01")
    accepted: datetime | None = None  # UTC

    def first(self, *, types: tuple[str, ...], suffixes: tuple[str, ...]) -> IndexDocument | None:
        """The first document whose type starts with one of `types` and name ends with a suffix.

        Rendered copies under an "xsl…/" folder are skipped: we want the raw file.
        """
        for document in self.documents:
            if "/xsl" in document.href.lower():
                continue
            if document.type.upper().startswith(types) and document.name.endswith(suffixes):
                return document
        return None


def parse_index(body: bytes) -> FilingIndex:
    """The documents and file number of an index page; empty when the page has neither."""
    soup = BeautifulSoup(body, "html.parser")
    documents: list[IndexDocument] = []
    for table in soup.find_all("table", class_="tableFile"):
        for row in table.find_all("tr"):
            cells = row.find_all("td")
            link = cells[2].find("a") if len(cells) >= 4 else None
            if link is None or not link.get("href"):
                continue
            documents.append(
                IndexDocument(
                    seq=cells[0].get_text(strip=True),
                    description=cells[1].get_text(" ", strip=True),
                    href=str(link["href"]),
                    type=cells[3].get_text(strip=True),
                )
            )
    match = _FILE_NUMBER.search(soup.get_text(" "))
    info = _info(soup)
    items = tuple(dict.fromkeys(_ITEM.findall(info.get("Items", ""))))
    return FilingIndex(tuple(documents), match.group(1) if match else None, items, _accepted(info.get("Accepted")))


def _info(soup: BeautifulSoup) -> dict[str, str]:
    """The header block's `infoHead` → following `info` texts."""
    found: dict[str, str] = {}
    for head in soup.find_all("div", class_="infoHead"):
        value = head.find_next_sibling("div", class_="info")
        if value is not None:
            found.setdefault(head.get_text(" ", strip=True), value.get_text(" ", strip=True))
    return found


def _accepted(text: str | None) -> datetime | None:
    try:
        return datetime.strptime(text or "", "%Y-%m-%d %H:%M:%S").replace(tzinfo=_EASTERN).astimezone(ZoneInfo("UTC"))
    except ValueError:
        return None
