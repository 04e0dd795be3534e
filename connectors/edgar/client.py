"""How the EDGAR connectors talk to sec.gov: a declared User-Agent, the shared budget, block pages.

SEC's fair-access policy is a hard requirement, not politeness: requests must carry a
User-Agent naming the operator with a contact email, stay under 10 per second for the whole
deployment, and stop when EDGAR answers with its "Request Rate Threshold Exceeded" or
"Undeclared Automated Tool" page (which we must never parse as data).

One 403 is not a refusal: sec.gov serves its archive from S3 and answers a file that does not
exist (a daily index of a holiday) with 403 and S3's XML `<Error><Code>AccessDenied</Code>`. That
is `EdgarMissingError`, and it starts no cooldown.
"""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import urljoin

from pydantic import Field, field_validator

from signalwatch.connectors.base import ConnectorOptions
from signalwatch.connectors.edgar.limiter import EdgarBlockedError, limiter_for
from signalwatch.http import HttpClient, HttpStatusError, HttpUrlText, RateLimitedError

__all__ = ["EdgarOptions", "EdgarSession", "EdgarMissingError", "check_user_agent", "SEC_ORIGIN", "BLOCK_COOLDOWN"]

SEC_ORIGIN = "https://www.sec.gov"
BLOCK_COOLDOWN = 600.0  # SEC lifts its block after ten minutes under the threshold
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_BLOCK_MARKERS = (b"request rate threshold exceeded", b"undeclared automated tool")
_MISSING_MARKERS = (b"<error>", b"<code>accessdenied</code>")  # S3's answer for a key that does not exist


class EdgarMissingError(HttpStatusError):
    """The archive has no such file (EDGAR answers 403 with S3's AccessDenied XML, or 404)."""


def check_user_agent(value: str) -> str:
    """The value if it names an operator and a contact email; ValueError naming the setting if not."""
    text = " ".join(str(value or "").split())
    email = _EMAIL.search(text)
    name = _EMAIL.sub(" ", text).strip(" ,;()<>-")
    if not email or not re.search(r"[A-Za-z]{2,}", name) or "://" in text:
        raise ValueError(
            "user_agent must name the operator and give a contact email, e.g. "
            "'Acme Corp RevOps revops@acme.com': SEC EDGAR blocks automated requests without one"
        )
    return text


class EdgarOptions(ConnectorOptions):
    """Options shared by the EDGAR connectors."""

    # An empty default only so that a missing value gets the explanation below, not "Field required".
    user_agent: str = Field(
        default="", validate_default=True,
        description="operator name and contact email, e.g. 'Acme Corp revops@acme.com' (required by SEC)",
    )
    base_url: HttpUrlText = Field(default=SEC_ORIGIN, description="EDGAR origin; tests point it at a local server")
    max_pages: int = Field(default=5, ge=1, le=25, description="feed pages of `page_size` read per poll at most")
    page_size: int = Field(default=40, description="entries per feed page (EDGAR allows 10, 20, 40, 80, 100)")

    @field_validator("user_agent")
    @classmethod
    def _declared(cls, value: str) -> str:
        return check_user_agent(value)

    @field_validator("base_url")
    @classmethod
    def _origin(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError(f"base_url must be an http(s) origin, got {value!r}")
        return value.rstrip("/")

    @field_validator("page_size")
    @classmethod
    def _page_size(cls, value: int) -> int:
        if value not in (10, 20, 40, 80, 100):
            raise ValueError("page_size must be one of 10, 20, 40, 80, 100")
        return value


class EdgarSession:
    """One poll's view of EDGAR: URL mapping, declared User-Agent, shared budget, block detection."""

    def __init__(self, http: HttpClient, options: EdgarOptions) -> None:
        self._http = http
        self._options = options
        self._headers = {"User-Agent": options.user_agent, "Accept-Encoding": "gzip, deflate"}
        self._limiter = limiter_for(options.base_url)

    def url(self, link: str) -> str:
        """A link found in an EDGAR page, mapped onto the configured origin.

        iXBRL viewer links ("/ix?doc=/Archives/...") point at the plain document.
        """
        if link.startswith(SEC_ORIGIN):
            link = link[len(SEC_ORIGIN):]
        if link.startswith("/ix?doc="):
            link = link[len("/ix?doc="):]
        return urljoin(self._options.base_url + "/", link.lstrip("/")) if not link.startswith("http") else link

    def get(self, link: str, *, max_bytes: int | None = None) -> bytes:
        """GET an EDGAR URL within the budget; EdgarBlockedError on any refusal, which starts a cooldown."""
        url = self.url(link)
        self._limiter.acquire()
        try:
            response = self._http.get(url, headers=self._headers, max_bytes=max_bytes)
        except RateLimitedError as exc:
            raise self._blocked(f"{url}: EDGAR rate limited us (HTTP {exc.status})", exc.retry_after) from exc
        except HttpStatusError as exc:
            if exc.status == 404 or (exc.status == 403 and all(m in exc.body.lower() for m in _MISSING_MARKERS)):
                raise EdgarMissingError(f"{url}: no such file on EDGAR (HTTP {exc.status})", exc.status) from exc
            if exc.status in (403, 429):
                # EDGAR answers 403 for both block pages; the client does not hand us the body.
                raise self._blocked(f"{url}: HTTP {exc.status}: EDGAR refused the request (rate threshold or User-Agent)") from exc
            raise
        head = response.content[:4096].lower()
        if any(marker in head for marker in _BLOCK_MARKERS):
            raise self._blocked(f"{url}: EDGAR answered with its rate-threshold / undeclared-tool page")
        return response.content

    def _blocked(self, reason: str, retry_after: float | None = None) -> EdgarBlockedError:
        seconds = max(BLOCK_COOLDOWN, retry_after or 0.0)
        self._limiter.block(seconds, reason)
        hint = f"; check the user_agent setting ({self._options.user_agent!r}); backing off {timedelta(seconds=seconds)}"
        return EdgarBlockedError(reason + hint)
