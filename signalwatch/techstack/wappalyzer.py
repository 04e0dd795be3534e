"""Read a user's own Wappalyzer-format technologies file (never bundled: that data is GPL-3.0).

Accepted shapes: `{"technologies": {name: spec}, "categories": {...}}`, the older
`{"apps": ...}`, or a bare `{name: spec}` mapping (one file of the technologies/ folder).
Mapped fields: scriptSrc → script, html and scripts → html, meta, headers, cookies (names),
dns MX/TXT. Fields that need a browser (js, dom) are ignored. A technology whose name is in
our catalog keeps our id and category; others get a slug id and the category their
Wappalyzer category maps to, else "other". Patterns our regex engine cannot compile are
skipped with a warning instead of rejecting the whole file.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from signalwatch.techstack.catalog import Catalog, Technology
from signalwatch.techstack.fingerprints import (
    DEFAULT_CONFIDENCE,
    FingerprintError,
    Pattern,
    _compile_one,
)

__all__ = ["parse_wappalyzer"]

log = logging.getLogger(__name__)

# Wappalyzer category names (from the file's own "categories" block) → our categories.
_CATEGORY_NAMES = {
    "crm": "crm", "marketing automation": "marketing_automation", "analytics": "analytics",
    "tag managers": "tag_manager", "customer data platform": "cdp", "live chat": "chat",
    "issue trackers": "support", "payment processors": "payments", "ecommerce": "ecommerce",
    "cms": "cms", "a/b testing": "ab_testing", "appointment scheduling": "scheduling", "cdn": "cdn",
    "paas": "cloud", "iaas": "cloud", "hosting": "hosting", "email": "email", "webmail": "email",
    "advertising": "advertising", "retargeting": "advertising", "cookie compliance": "consent",
    "security": "security", "javascript frameworks": "web_framework", "web frameworks": "web_framework",
    "javascript libraries": "js_library", "video players": "video", "reviews": "reviews",
    "search engines": "search", "personalisation": "personalization", "rum": "monitoring",
    "surveys": "forms", "form builders": "forms",
}  # fmt: skip


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", name.casefold()).strip("_")
    return slug if slug and slug[0].isalnum() else f"w_{slug}"


def _split(value: str) -> tuple[str, float | None]:
    """A Wappalyzer pattern is `regex\\;version:\\1\\;confidence:50`; keep regex and confidence."""
    regex, *tags = value.split("\\;")
    confidence = None
    for tag in tags:
        key, _, number = tag.partition(":")
        if key == "confidence" and number.isdigit():
            confidence = min(int(number), 100) / 100 or None
    return regex, confidence


def _as_list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []


def _category(spec: dict[str, Any], categories: dict[str, Any]) -> str:
    for cat_id in spec.get("cats") or []:
        entry = categories.get(str(cat_id))
        name = entry.get("name") if isinstance(entry, dict) else None
        if isinstance(name, str) and name.casefold() in _CATEGORY_NAMES:
            return _CATEGORY_NAMES[name.casefold()]
    return "other"


def _evidence(spec: dict[str, Any]) -> list[tuple[str, str | None, str]]:
    """(kind, key, pattern) triples for the fields we can evaluate without a browser."""
    items: list[tuple[str, str | None, str]] = []
    items += [("script", None, p) for p in _as_list(spec.get("scriptSrc"))]
    items += [("html", None, p) for p in _as_list(spec.get("html")) + _as_list(spec.get("scripts"))]
    for kind, field in (("meta", "meta"), ("header", "headers")):
        mapping = spec.get(field)
        if isinstance(mapping, dict):
            items += [(kind, str(name), p) for name, value in mapping.items() for p in (_as_list(value) or [""])]
    cookies = spec.get("cookies")
    if isinstance(cookies, dict):
        items += [("cookie", None, "^" + re.escape(str(name)) + "$") for name in cookies]
    dns = spec.get("dns")
    if isinstance(dns, dict):
        for rdtype, kind in (("MX", "mx"), ("TXT", "txt")):
            items += [(kind, None, p) for p in _as_list(dns.get(rdtype))]
    return items


def parse_wappalyzer(raw: Any, catalog: Catalog, origin: str) -> tuple[Catalog, list[Pattern]]:
    """Technologies and patterns from a Wappalyzer-format document, against our catalog."""
    if not isinstance(raw, dict):
        raise FingerprintError(f"{origin}: expected a JSON object of technologies")
    techs = raw.get("technologies", raw.get("apps", raw))
    categories: dict[str, Any] = raw["categories"] if isinstance(raw.get("categories"), dict) else {}
    if not isinstance(techs, dict):
        raise FingerprintError(f"{origin}: `technologies` must be an object")
    known = {tech.name.casefold(): tech.id for tech in catalog}
    known.update({alias.casefold(): tech.id for tech in catalog for alias in tech.aliases})
    new: list[Technology] = []
    patterns: list[Pattern] = []
    skipped: list[str] = []
    for name, spec in techs.items():
        if name in ("technologies", "apps", "categories") or not isinstance(spec, dict):
            continue
        tech_id = known.get(name.casefold())
        if tech_id is None:
            tech_id = _slug(name)
            if tech_id not in catalog:
                new.append(Technology(tech_id, name, _category(spec, categories)))
        for kind, key, value in _evidence(spec):
            regex, confidence = _split(value)
            errors: list[str] = []
            compiled = _compile_one(tech_id, kind, key, regex, confidence or DEFAULT_CONFIDENCE[kind],
                                    f"{origin}: {name}.{kind}", errors)
            if compiled is None:
                skipped.extend(errors)
            else:
                patterns.append(compiled)
    if skipped:
        log.warning("%s: skipped %d pattern(s) our regex engine cannot use, e.g. %s", origin, len(skipped), skipped[0])
    return catalog.extended(new), patterns
