"""Pull the evidence fingerprints look at out of one fetched page: pure, regex-based, bounded.

The HTML is untrusted and may be malformed, so this never builds a DOM: one scan finds the
`<script>`, `<link>` and `<meta>` start tags and reads their attributes. That is both fast
and tolerant; a tag we cannot read is simply skipped.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["PageEvidence", "extract_page", "cookie_names", "decode_body"]

MAX_VALUES = 500  # per list: a page with thousands of tags is hostile or broken; the head is enough
MAX_VALUE_LENGTH = 2048

_TAG = re.compile(r"<(script|link|meta)\b([^>]*)>", re.IGNORECASE)
_ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
# Set-Cookie values arrive folded into one header joined by ", "; split only before "name=".
_COOKIE_SPLIT = re.compile(r",\s*(?=[^;,=\s]+=)")


@dataclass(frozen=True)
class PageEvidence:
    """What one page offers the fingerprints: URLs, meta tags, headers, cookie names, raw HTML."""

    url: str
    html: str
    scripts: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    meta: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    headers: Mapping[str, str] = field(default_factory=dict)
    cookies: tuple[str, ...] = ()


def _attributes(raw: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for match in _ATTR.finditer(raw):
        name = match.group(1).lower()
        value = match.group(2) if match.group(2) is not None else match.group(3) if match.group(3) is not None else match.group(4)
        if name not in attrs:
            attrs[name] = html_lib.unescape(value or "")[:MAX_VALUE_LENGTH].strip()
    return attrs


def cookie_names(set_cookie: str | None) -> tuple[str, ...]:
    """Names of the cookies in a (possibly folded) Set-Cookie header value."""
    if not set_cookie:
        return ()
    names = []
    for part in _COOKIE_SPLIT.split(set_cookie):
        name, sep, _ = part.partition("=")
        if sep and name.strip():
            names.append(name.strip())
    return tuple(dict.fromkeys(names))


def decode_body(content: bytes, headers: Mapping[str, str]) -> str:
    """Bytes to text using the declared charset (header, then meta), else UTF-8; never raises."""
    charset = None
    content_type = headers.get("content-type", "")
    if "charset=" in content_type.lower():
        charset = content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'")
    if not charset:
        match = _CHARSET.search(content[:4096])
        charset = match.group(1).decode("ascii") if match else None
    try:
        return content.decode(charset or "utf-8", errors="replace")
    except LookupError:
        return content.decode("utf-8", errors="replace")


def extract_page(url: str, html: str, headers: Mapping[str, str]) -> PageEvidence:
    """Evidence from one page. `headers` has lower-case names, as HttpClient returns them."""
    scripts: list[str] = []
    links: list[str] = []
    meta: dict[str, list[str]] = {}
    for match in _TAG.finditer(html):
        tag = match.group(1).lower()
        attrs = _attributes(match.group(2))
        if tag == "script" and attrs.get("src") and len(scripts) < MAX_VALUES:
            scripts.append(attrs["src"])
        elif tag == "link" and attrs.get("href") and len(links) < MAX_VALUES:
            links.append(attrs["href"])
        elif tag == "meta":
            name = (attrs.get("name") or attrs.get("property") or attrs.get("http-equiv") or "").lower()
            if name and "content" in attrs and len(meta) < MAX_VALUES:
                meta.setdefault(name, []).append(attrs["content"])
    return PageEvidence(
        url=url,
        html=html,
        scripts=tuple(scripts),
        links=tuple(links),
        meta={name: tuple(values) for name, values in meta.items()},
        headers=dict(headers),
        cookies=cookie_names(headers.get("set-cookie")),
    )
