"""Tech-stack signals: fingerprint each account's homepage and DNS, report what came and went.

fetch (I/O): per account with a domain, robots.txt, the homepage and configured extra paths
through HttpClient (URL guard, redirect and size caps, User-Agent), and MX/TXT records through
a Resolver. normalize (pure): fingerprints → detections → diff against the per-account stack in
the cursor → `tech_stack/adopted` and `tech_stack/dropped` events.

A source in the config file::

    - name: techstack
      type: techstack
      interval: 1d
      paths: [/pricing]                       # fingerprinted besides the homepage
      fingerprint_files: [rules/our-fingerprints.yaml]   # optional, our YAML format
      wappalyzer_file: /data/technologies.json           # optional, your own copy

The first poll of an account is a baseline; a technology is `dropped` after two polls in a
row without it; a source that could not be read (robots.txt, timeout) is not a miss.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import Field, field_validator, model_validator

from signalwatch.connectors.base import (
    Connector,
    ConnectorOptions,
    FetchContext,
    Fetched,
    Normalized,
)
from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.http import FetchError, HttpClient, HttpStatusError
from signalwatch.resolve import normalize_domain
from signalwatch.techstack.catalog import CatalogError
from signalwatch.techstack.diff import StackChange, diff_stack
from signalwatch.techstack.dns import (
    DnsLookupError,
    DnspythonResolver,
    DnsRecords,
    Resolver,
    lookup_records,
)
from signalwatch.techstack.engine import Fingerprinter
from signalwatch.techstack.fingerprints import FingerprintError, load_fingerprints
from signalwatch.techstack.page import decode_body, extract_page
from signalwatch.techstack.robots import robots_allows, robots_url

__all__ = ["TechStackConnector", "TechStackOptions", "valid_domain"]

MAX_EVENT_EVIDENCE = 5
_HOSTNAME = re.compile(r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$")


def valid_domain(value: str | None) -> str | None:
    """A plain public host name from CRM/CSV input, or None: no IPs, ports, paths or userinfo."""
    domain = normalize_domain(value)
    if not domain or any(char in (value or "") for char in "@\\ \t\n"):
        return None
    try:
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    return domain if _HOSTNAME.match(domain) else None


@lru_cache(maxsize=8)
def _cached_engine(extra: tuple[tuple[Path, int], ...], wappalyzer: tuple[Path, int] | None) -> Fingerprinter:
    # Compiling ~750 patterns takes a moment; sources with the same files share one engine.
    # File modification times are part of the key, so an edited file is read again.
    return Fingerprinter(load_fingerprints([p for p, _ in extra], [wappalyzer[0]] if wappalyzer else []))


def _stamp(path: Path) -> tuple[Path, int]:
    try:
        return path, path.stat().st_mtime_ns
    except OSError as exc:
        raise FingerprintError(f"{path}: cannot read: {exc.strerror}") from exc


def _engine(extra: list[Path], wappalyzer: Path | None) -> Fingerprinter:
    return _cached_engine(tuple(map(_stamp, extra)), _stamp(wappalyzer) if wappalyzer else None)


class TechStackOptions(ConnectorOptions):
    homepage_url: str = Field(
        default="https://{domain}/",
        description="where an account's homepage is; {domain} is the account domain",
    )
    paths: list[str] = Field(default_factory=list, description="extra paths to fingerprint, e.g. /pricing")
    dns: bool = Field(default=True, description="also read MX, SPF and verification TXT records")
    dns_timeout: float = Field(default=5.0, gt=0, le=60, description="seconds per DNS question")
    nameservers: list[str] = Field(default_factory=list, description="DNS servers (IPs); default: the system's")
    dns_port: int = Field(default=53, ge=1, le=65535)
    max_page_bytes: int = Field(default=2_000_000, gt=0, description="cap on each fetched page")
    fingerprint_files: list[Path] = Field(default_factory=list, description="extra fingerprints in our YAML format")
    wappalyzer_file: Path | None = Field(default=None, description="your own Wappalyzer-format technologies JSON")

    @field_validator("homepage_url")
    @classmethod
    def _template(cls, value: str) -> str:
        if "{domain}" not in value or not value.startswith(("http://", "https://")):
            raise ValueError("homepage_url must be an http(s) URL containing {domain}")
        return value

    @field_validator("paths")
    @classmethod
    def _paths(cls, value: list[str]) -> list[str]:
        for path in value:
            if not path.startswith("/") or path.startswith("//") or "{" in path:
                raise ValueError(f"path {path!r} must start with a single '/'")
        return value

    @model_validator(mode="after")
    def _data_files_load(self) -> TechStackOptions:
        """Admin fingerprint files are checked with the config, not at the first poll."""
        if self.fingerprint_files or self.wappalyzer_file:
            try:
                _engine(self.fingerprint_files, self.wappalyzer_file)
            except (FingerprintError, CatalogError) as exc:
                raise ValueError(str(exc)) from exc
        return self


class TechStackConnector(Connector):
    """Homepage fingerprints and DNS records of every account with a domain, diffed per poll."""

    kind = "techstack"
    Options = TechStackOptions
    default_interval = timedelta(days=1)
    options: TechStackOptions

    def __init__(self, source_name: str, options: ConnectorOptions, *, resolver: Resolver | None = None) -> None:
        super().__init__(source_name, options)
        self.engine = _engine(self.options.fingerprint_files, self.options.wappalyzer_file)
        self.resolver: Resolver = resolver or DnspythonResolver(
            self.options.dns_timeout, self.options.nameservers, self.options.dns_port
        )

    # --- fetch: the only I/O ---------------------------------------------------------------
    def fetch(self, ctx: FetchContext) -> Fetched:
        items: list[dict[str, Any]] = []
        errors: dict[str, str] = {}
        robots_cache: dict[str, str | FetchError | None] = {}
        for account in ctx.accounts:
            if not account.domain:
                continue
            domain = valid_domain(account.domain)
            if domain is None:
                errors[account.domain] = f"not a usable domain: {account.domain!r}"
                continue
            item = {"account_id": account.id, "account_name": account.name, "domain": domain}
            item.update(self._fetch_web(ctx.http, domain, robots_cache, errors))
            item["dns"] = self._fetch_dns(domain, errors) if self.options.dns else None
            items.append(item)
        return Fetched(cursor=ctx.cursor, items=items, errors=errors)

    def _fetch_web(self, http: HttpClient, domain: str, robots_cache: dict[str, str | FetchError | None],
                   errors: dict[str, str]) -> dict[str, Any]:
        homepage = self.options.homepage_url.format(domain=domain)
        urls = [homepage] + [homepage.rstrip("/") + path for path in self.options.paths]
        pages: list[dict[str, Any]] = []
        try:
            robots_txt = self._robots(http, homepage, robots_cache)
        except FetchError as exc:
            errors[domain] = f"robots.txt unavailable, pages skipped: {exc}"
            return {"pages": pages, "web_checked": False}
        for url in urls:
            if not robots_allows(robots_txt, url, http.settings.user_agent):
                if url == homepage:
                    errors[domain] = f"robots.txt disallows {url}"
                    return {"pages": pages, "web_checked": False}
                continue
            try:
                response = http.get(url, max_bytes=self.options.max_page_bytes)
            except FetchError as exc:
                if url == homepage:
                    errors[domain] = f"homepage: {exc}"
                    return {"pages": pages, "web_checked": False}
                continue  # an extra path that fails does not hide the homepage's evidence
            body = decode_body(response.content, response.headers)
            pages.append({"url": response.url, "status": response.status, "headers": dict(response.headers), "body": body})
        return {"pages": pages, "web_checked": bool(pages)}

    @staticmethod
    def _robots(http: HttpClient, url: str, cache: dict[str, str | FetchError | None]) -> str | None:
        """robots.txt text, None when there is none (a 4xx, per RFC 9309 everything is allowed).

        An unreachable robots.txt (5xx, 429, network failure) means "assume disallowed", and
        the failure is remembered for the rest of the poll so a host is asked only once.
        """
        target = robots_url(url)
        if target not in cache:
            try:
                cache[target] = http.get(target, max_bytes=512_000).content.decode("utf-8", "replace")
            except HttpStatusError as exc:
                cache[target] = exc if exc.status >= 500 or exc.status == 429 else None
            except FetchError as exc:
                cache[target] = exc
        cached = cache[target]
        if isinstance(cached, FetchError):
            raise cached
        return cached

    def _fetch_dns(self, domain: str, errors: dict[str, str]) -> dict[str, list[str]] | None:
        try:
            records = lookup_records(self.resolver, domain)
        except DnsLookupError as exc:
            errors[domain] = f"DNS: {exc}" if domain not in errors else f"{errors[domain]}; DNS: {exc}"
            return None
        return {"mx": list(records.mx), "txt": list(records.txt)}

    # --- normalize: pure -------------------------------------------------------------------
    def normalize(self, fetched: Fetched, now: datetime) -> Normalized:
        previous: dict[str, Any] = dict(fetched.cursor.get("accounts", {}))
        accounts: dict[str, Any] = {}
        events: list[SignalEvent] = []
        for item in fetched.items:
            pages = [extract_page(p["url"], p["body"], p["headers"]) for p in item["pages"]]
            dns = DnsRecords(tuple(item["dns"]["mx"]), tuple(item["dns"]["txt"])) if item["dns"] is not None else None
            detections = self.engine.detect(pages, dns)
            checked = ({"web"} if item["web_checked"] else set()) | ({"dns"} if dns is not None else set())
            key = str(item["account_id"])
            changes, accounts[key] = diff_stack(previous.get(key), item["domain"], detections, checked)
            url = pages[0].url if pages else self.options.homepage_url.format(domain=item["domain"])
            events.extend(self._event(item, change, url, now) for change in changes)
        return Normalized(events=events, cursor={"accounts": accounts})

    def _event(self, item: dict[str, Any], change: StackChange, url: str, now: datetime) -> SignalEvent:
        tech = self.engine.fingerprints.catalog[change.tech]
        company, domain = item["account_name"], item["domain"]
        evidence = [{"kind": e.kind, "detail": e.detail} for e in change.evidence[:MAX_EVENT_EVIDENCE]]
        shown = "; ".join(f"{e['kind']} {e['detail']}" for e in evidence)
        if change.change == "adopted":
            title = f"{company} adopted {tech.name}"
            summary = f"{tech.name} ({tech.category}) now detected on {domain}: {shown}"
        else:
            title = f"{company} dropped {tech.name}"
            summary = f"{tech.name} ({tech.category}) not detected on {domain} for two polls; last evidence: {shown}"
        return SignalEvent(
            type=EventType.TECH_STACK,
            change=change.change,
            source=self.source_name,
            source_kind=self.kind,
            source_id=f"{domain}/{change.tech}/{change.change}/{change.generation}",
            url=url,
            title=title,
            summary=summary,
            occurred_at=now,
            detected_at=now,
            company_name=company,
            company_domain=domain,
            attributes={
                "technology": change.tech,
                "name": tech.name,
                "category": tech.category,
                "evidence": evidence,
                "confidence": round(change.confidence, 2),
            },
            dedupe_key=make_dedupe_key(self.kind, item["account_id"], domain, change.tech, change.change, change.generation),
            account_id=item["account_id"],
            match_confidence=1.0,
            match_method="domain",
        )

