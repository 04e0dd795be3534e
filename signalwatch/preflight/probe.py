"""The default preflight of a source: the first request its poll would make, and only that one.

The connector's own `fetch` runs with an HTTP client that lets one GET through and refuses
the rest (`BudgetSpent`, a FetchError, so connectors handle it as they handle any failed
target). What that one request meets is what the first poll would meet, made the same polite
way: the shared client's User-Agent and per-host pacing, the connector's own robots.txt rule
(the tech-stack connector's first request *is* robots.txt). A fetch that needed only that
request (a feed) is also normalized, which catches a URL that answers with something other
than what the connector reads. Nothing is stored.

Targets come from the accounts: sources that poll per account (job boards, homepages) are tried
with no account, then one account at a time, until one makes a request; so whatever else a fetch
does per target (the tech-stack connector's DNS questions) is done for that one target only.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from signalwatch.http import (
    BlockedUrlError,
    FetchError,
    HttpClient,
    HttpResponse,
    HttpStatusError,
    ResponseTooLargeError,
    TooManyRedirectsError,
    TransportError,
)
from signalwatch.preflight import Finding, passed, problem

if TYPE_CHECKING:
    from signalwatch.connectors.base import Connector, FetchContext, Fetched

__all__ = ["BudgetSpent", "OneRequestHttp", "probe_first_request", "fix_for"]

_SPENT = "not requested: signalwatch doctor makes one request per source"


class BudgetSpent(FetchError):
    """The preflight's one request was made already; a poll would make this one next."""


class OneRequestHttp(HttpClient):
    """An HttpClient that makes its first GET through `inner` and refuses every later one.

    Thread-safe (connectors may fetch targets concurrently). Records the first request's URL
    and its outcome (the response, or the FetchError it raised).
    """

    def __init__(self, inner: HttpClient) -> None:
        # No super().__init__(): this client opens no connections of its own, `inner` does the I/O.
        self._inner = inner
        self.settings = inner.settings
        self._lock = threading.Lock()
        self._claimed = False
        self.url: str | None = None
        self.outcome: HttpResponse | FetchError | None = None
        self.refused = 0  # later requests refused: the connector went on after the first answer

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            headers: Mapping[str, str] | None = None, max_bytes: int | None = None) -> HttpResponse:
        with self._lock:
            if self._claimed:
                self.refused += 1
                raise BudgetSpent(f"{url}: {_SPENT}")
            self._claimed = True
            self.url = url
        try:
            response = self._inner.get(url, etag=etag, last_modified=last_modified, headers=headers, max_bytes=max_bytes)
        except FetchError as exc:
            self.outcome = exc
            raise
        self.outcome = response
        return response

    def close(self) -> None:
        pass  # the shared client belongs to the caller


def probe_first_request(connector: Connector, ctx: FetchContext) -> list[Finding]:
    """The finding for the first request `connector` makes (see the module docstring)."""
    subject = f"source {connector.source_name} ({connector.kind})"
    for accounts in [(), *((account,) for account in ctx.accounts)]:
        http = OneRequestHttp(ctx.http)
        fetched: Fetched | None = None
        try:
            fetched = connector.fetch(replace(ctx, http=http, accounts=accounts))
        except FetchError as exc:
            if http.url is None:
                return [problem(subject, f"the connector failed before any request: {exc}", fix_for(exc))]
        except Exception as exc:  # a connector's bug must not stop the other checks
            return [problem(subject, f"the connector failed: {type(exc).__name__}: {exc}",
                            "run `signalwatch run --once -v` to see the traceback, and report it if it is a bug")]
        if http.url is not None:
            return _judged(connector, subject, http, fetched, ctx)
    return [passed(subject, "nothing to request yet (no account names a target for this source)")]


def _judged(connector: Connector, subject: str, http: OneRequestHttp, fetched: Fetched | None, ctx: FetchContext) -> list[Finding]:
    outcome, url = http.outcome, http.url or ""
    errors = {target: reason for target, reason in (fetched.errors if fetched else {}).items() if _SPENT not in reason}
    # The first request failed unless the connector went on from its answer as from one it expects
    # (robots.txt 404: no rules); a failure it recorded against a target is a failure all the same.
    if isinstance(outcome, FetchError) and (not http.refused or any(url in reason for reason in errors.values())):
        return [problem(subject, str(outcome), fix_for(outcome)),
                *(_target_problem(subject, target, reason) for target, reason in sorted(errors.items()) if url not in reason)]
    status = outcome.status if isinstance(outcome, (HttpResponse, HttpStatusError)) else "?"
    findings = [passed(subject, f"GET {url} answered HTTP {status}")]
    findings += [_target_problem(subject, target, reason) for target, reason in sorted(errors.items())]
    if fetched is not None and len(fetched.errors) == len(errors):  # the fetch made every request it wanted: read it as a poll would
        try:
            connector.normalize(fetched, ctx.now)
        except FetchError as exc:
            findings[0] = problem(subject, f"GET {url} answered, but the answer cannot be read: {exc}",
                                  "check that the URL points at what this source type reads (e.g. the feed, not the web page)")
        except Exception as exc:
            findings[0] = problem(subject, f"the answer of GET {url} cannot be read: {type(exc).__name__}: {exc}",
                                  "check the source's URL; run `signalwatch run --once -v` for the traceback")
    return findings


def _target_problem(subject: str, target: str, reason: str) -> Finding:
    return problem(subject, f"{target}: {reason}", "fix or remove this target; `signalwatch status` shows it after each poll")


def fix_for(exc: FetchError) -> str:
    """What an operator does about a failed source request."""
    if isinstance(exc, BlockedUrlError):
        return "the URL resolves to a private or local address: use a public URL, or set http.allow_private_addresses for an internal source"
    if isinstance(exc, HttpStatusError):
        if exc.status in (404, 410):
            return "the URL does not exist (any more): fix the source's URL in signalwatch.yaml"
        if exc.status in (401, 403):
            return "the site refuses signalwatch: make http.user_agent name your company and a contact address; some sites need allow-listing"
        if exc.status == 429:
            return "the site rate-limits us: raise the source's interval or http.per_host_interval (host_intervals for one host)"
        if exc.status >= 500:
            return "the site is failing right now: try again later; if it persists, the source may be gone"
        return "check the source's URL and options in signalwatch.yaml"
    if isinstance(exc, TransportError):
        return "cannot reach the host: check the URL's host name, DNS, the firewall, and proxy variables (HTTPS_PROXY, NO_PROXY)"
    if isinstance(exc, ResponseTooLargeError):
        return "the answer is larger than http.max_bytes: raise it, or point the source at a smaller document"
    if isinstance(exc, TooManyRedirectsError):
        return "use the URL the site finally redirects to"
    return "check the source's URL and options in signalwatch.yaml"
