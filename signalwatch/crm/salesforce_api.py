"""The Salesforce calls signalwatch makes, through simple-salesforce, with one error policy.

The session id (an OAuth access token) is only handed to the client, and is cut out of
every error text Salesforce sends back. Requests get a timeout through the session, and
neither requests nor simple-salesforce retry (no session refresh without a login): the
delivery loop owns retries. A network failure after the request left (a read timeout, a
reset while waiting for the answer) is `uncertain`: Salesforce may have acted, so delivery
asks `confirm` before any resend; a failure to connect is certain.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import requests
import urllib3

from signalwatch.resolve import normalize_domain

if TYPE_CHECKING:
    from simple_salesforce import Salesforce

# simple-salesforce (and zeep under it) take a second to import: it is loaded only when a
# Salesforce client is built, so every other command starts fast.
from signalwatch.sinks.base import SinkError

__all__ = ["SalesforceApi", "build_salesforce"]

_CONTACT_ACCOUNTS = 200  # account ids per contact query: ~4,000 characters of SOQL, far below its 100,000 limit
_LIMIT_WAIT = 3600.0  # REQUEST_LIMIT_EXCEEDED is a rolling 24 h org limit: look again in an hour
# requests errors raised before the request left: nothing reached Salesforce.
_BEFORE_SENDING = (requests.exceptions.ConnectTimeout, requests.exceptions.SSLError, requests.exceptions.ProxyError,
                   requests.exceptions.InvalidURL, requests.exceptions.MissingSchema, requests.exceptions.InvalidSchema)


class _TimeoutSession(requests.Session):
    """A requests session with a default timeout (simple-salesforce passes none) and CA file.

    The CA file is passed per request because requests lets REQUESTS_CA_BUNDLE in the
    environment override a session-level `verify`.
    """

    def __init__(self, timeout: float, ca_bundle: str | None) -> None:
        super().__init__()
        self._timeout = timeout
        self._ca_bundle = ca_bundle

    def request(self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        kwargs.setdefault("timeout", self._timeout)
        if self._ca_bundle:
            kwargs.setdefault("verify", self._ca_bundle)
        return super().request(method, url, *args, **kwargs)  # type: ignore[arg-type]


def build_salesforce(instance_url: str, session_id: str, *, version: str, timeout: float, ca_bundle: str | None) -> Salesforce:
    from simple_salesforce import Salesforce

    session = _TimeoutSession(timeout, ca_bundle)
    return Salesforce(instance_url=instance_url, session_id=session_id, version=version, session=session)


class SalesforceApi:
    """Account lookup, Task create/lookup, account update."""

    def __init__(self, sf: Salesforce) -> None:
        self.sf = sf

    def secrets(self) -> tuple[str, ...]:
        """The session id this client sends, for redaction wherever error texts are kept."""
        return (str(self.sf.session_id),) if self.sf.session_id else ()

    def find_account(self, domain: str, domain_field: str | None) -> tuple[str, str | None] | None:
        """(Account Id, OwnerId) of the account with this domain; the oldest if several."""
        from simple_salesforce.format import format_soql

        if domain_field:
            soql = format_soql(f"SELECT Id, OwnerId FROM Account WHERE {domain_field} = {{}} ORDER BY CreatedDate LIMIT 5", domain)
            records = self.call("account lookup", self.sf.query, soql)["records"]
        else:
            # Website holds URLs ("https://www.acme.com/"): narrow with LIKE, then compare domains exactly.
            soql = format_soql("SELECT Id, OwnerId, Website FROM Account WHERE Website LIKE '%{:like}%' ORDER BY CreatedDate LIMIT 50",
                               domain)
            records = [r for r in self.call("account lookup", self.sf.query, soql)["records"]
                       if normalize_domain(r.get("Website")) == domain]
        return (str(records[0]["Id"]), records[0].get("OwnerId")) if records else None

    def find_task(self, field: str, value: str) -> str | None:
        """The Id of a Task whose `field` holds our alert marker (equal, or contained in Subject)."""
        from simple_salesforce.format import format_soql

        condition = f"{field} LIKE '%{{:like}}%'" if field == "Subject" else f"{field} = {{}}"
        soql = format_soql(f"SELECT Id FROM Task WHERE {condition} LIMIT 1", value)
        records = self.call("task lookup", self.sf.query, soql)["records"]
        return str(records[0]["Id"]) if records else None

    def contacts(self, account_ids: Sequence[str]) -> list[dict[str, Any]]:
        """The Contact records of these accounts (query_all follows nextRecordsUrl pages). Read only."""
        from simple_salesforce.format import format_soql

        records: list[dict[str, Any]] = []
        for start in range(0, len(account_ids), _CONTACT_ACCOUNTS):
            soql = format_soql("SELECT Id, Name, Title, Email, OwnerId, Owner.Email, AccountId FROM Contact "
                               "WHERE AccountId IN {} ORDER BY Id", list(account_ids[start:start + _CONTACT_ACCOUNTS]))
            records += self.call("contact sync", self.sf.query_all, soql).get("records", [])
        return records

    def create_task(self, fields: dict[str, Any]) -> str:
        return str(self.call("create task", self.sf.Task.create, fields)["id"])  # type: ignore[union-attr,arg-type]

    def update_account(self, account_id: str, fields: dict[str, Any]) -> None:
        self.call("update account", self.sf.Account.update, account_id, fields)  # type: ignore[union-attr,arg-type]

    def call(self, what: str, function: Callable[..., Any], *args: Any) -> Any:
        from simple_salesforce.exceptions import SalesforceError

        try:
            return function(*args)
        except SalesforceError as exc:
            raise _api_error(what, exc.status, exc.content, self.secrets()) from None
        except requests.exceptions.RequestException as exc:
            sent = _maybe_sent(exc)
            outcome = "no answer; outcome unknown" if sent else "not sent"
            raise SinkError(f"Salesforce {what}: {type(exc).__name__} ({outcome})", retryable=True, uncertain=sent) from None


def _maybe_sent(exc: requests.exceptions.RequestException) -> bool:
    """Whether Salesforce may have acted on the request. Failing to connect is certain: requests
    raises ConnectTimeout, SSLError, or a ConnectionError wrapping urllib3's MaxRetryError (its
    connect retries, none here, ran out). A read timeout, or a ConnectionError wrapping a
    ProtocolError (the connection reset or closed while waiting for the answer), comes after the
    request was sent: uncertain."""
    if isinstance(exc, _BEFORE_SENDING):
        return False
    if isinstance(exc, requests.exceptions.ConnectionError):
        reason = exc.args[0] if exc.args else None
        return not isinstance(reason, urllib3.exceptions.MaxRetryError)
    return True


def _api_error(what: str, status: int, content: Any, secrets: tuple[str, ...] = ()) -> SinkError:
    if isinstance(content, (bytes, str)):
        try:
            content = json.loads(content)
        except ValueError:
            content = []
    first = content[0] if isinstance(content, list) and content and isinstance(content[0], dict) else {}
    message = str(first.get("message") or "")
    for secret in secrets:  # before shortening: a token cut in two would no longer match
        message = message.replace(secret, "***")
    code, message = str(first.get("errorCode") or ""), message[:300]
    if code == "REQUEST_LIMIT_EXCEEDED":
        return SinkError(f"Salesforce {what}: API request limit exceeded", retryable=True, retry_after=_LIMIT_WAIT)
    hint = " (check the session id / access token)" if status == 401 else ""
    return SinkError(f"Salesforce {what}: HTTP {status} {code} {message}{hint}".rstrip(), retryable=status >= 500,
                     credentials=status == 401)
