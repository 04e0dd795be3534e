"""HubSpot sink: a Task and/or Note on the company, and the signal properties, per alert.

The company is found by domain (CRM search). Every task and note carries a marker with
the alert key in its body, and before creating one the sink searches for that marker:
a timeout after the request went out, or a crash between sending and recording, never
creates a second record. `confirm` does the same lookup after a crash.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any, Literal, TextIO

from pydantic import Field, field_validator

from signalwatch.crm import alerttext
from signalwatch.crm.hubspot_api import (
    NOTE_TO_COMPANY,
    TASK_TO_COMPANY,
    HubSpotApi,
    HubSpotRecord,
)
from signalwatch.crm.sync_config import HubSpotSyncConfig
from signalwatch.http.ratelimit import WindowLimiter
from signalwatch.sinks.base import SecretLookup, Sink, SinkConfig, SinkError
from signalwatch.timeutil import as_utc, coerce_duration, utcnow

__all__ = ["HubSpotSink", "HubSpotConfig"]

log = logging.getLogger(__name__)
_TASK_PRIORITY = {"P1": "HIGH", "P2": "MEDIUM", "P3": "LOW"}
# (object type, body property, association to company)
_RECORDS = {"task": ("tasks", "hs_task_body", TASK_TO_COMPANY), "note": ("notes", "hs_note_body", NOTE_TO_COMPANY)}


class HubSpotConfig(SinkConfig):
    """HubSpot write-back (and account sync); the private app token comes from `token_env`."""

    token_env: str = "HUBSPOT_ACCESS_TOKEN"
    host: str = "https://api.hubapi.com"
    timeout: float = 15.0
    default_action: list[Literal["task", "note", "properties"]] = Field(default_factory=lambda: ["task", "properties"], min_length=1)  # type: ignore[arg-type]
    domain_property: str = "domain"
    property_group: str = "companyinformation"
    assign_owner: bool = True
    burst_limit: int = Field(default=90, ge=1, description="requests per burst_window (HubSpot allows ~100 per 10 s)")
    burst_window: timedelta = timedelta(seconds=10)
    search_per_second: int = Field(default=4, ge=1, description="the CRM search API allows 5 requests per second")
    company_missing_retry: timedelta = Field(default=timedelta(minutes=30), description="wait before looking again for a company not (yet) in HubSpot")
    sync: HubSpotSyncConfig = HubSpotSyncConfig()

    _durations = field_validator("burst_window", "company_missing_retry", mode="before")(coerce_duration)

    def required_env(self) -> list[str]:
        return [self.token_env]


def build_hubspot_api(config: HubSpotConfig, token: str) -> HubSpotApi:
    """The rate-limited client, shared by the sink, `crm setup` and the account sync."""
    return HubSpotApi(
        token, host=config.host, timeout=config.timeout,
        limiter=WindowLimiter(config.burst_limit, config.burst_window.total_seconds()),
        search_limiter=WindowLimiter(config.search_per_second, 1.0),
    )


class HubSpotSink(Sink):
    name = "hubspot"
    Config = HubSpotConfig

    @classmethod
    def from_config(cls, config: Any, secret: SecretLookup, stream: TextIO | None) -> HubSpotSink:
        token = secret(config.token_env)
        if not token:
            raise ValueError(f"hubspot is enabled but ${config.token_env} is not set")
        return cls(build_hubspot_api(config, token), config)

    def __init__(self, api: HubSpotApi, config: HubSpotConfig, clock: Any = utcnow) -> None:
        self.api = api
        self._config = config
        self._clock = clock

    def send(self, payload: dict[str, Any], target: str | None, alert_key: str) -> str | None:
        actions = alerttext.parse_actions(target, tuple(self._config.default_action))
        company = self._company(payload)
        company_id = company.id
        done: list[str] = []
        for action in actions:
            if action == "properties":
                if _is_newer(payload, company.properties.get("signalwatch_last_signal_date")):
                    self.api.update_company(company_id, self._signal_properties(payload))
                done.append(f"company:{company_id}")
                continue
            object_type, body_prop, association = _RECORDS[action]
            existing = self.api.find_by_token(object_type, body_prop, alert_key)
            if existing is None:
                existing = self.api.create(object_type, self._record(action, payload, alert_key), company_id, association)
            done.append(f"{action}:{existing}")
        return ",".join(done) or None

    def confirm(self, target: str | None, alert_key: str, claimed_at: datetime) -> str | None:
        actions = alerttext.parse_actions(target, tuple(self._config.default_action))
        records = [a for a in actions if a in _RECORDS]
        if not records or "properties" in actions:
            # The property update may not have happened; it is idempotent, and send skips the
            # task/note that already exist, so sending again is the safe answer.
            return None
        found = []
        try:
            for action in records:
                object_type, body_prop, _ = _RECORDS[action]
                record_id = self.api.find_by_token(object_type, body_prop, alert_key)
                if record_id is None:
                    return None  # send again; send skips the records that do exist
                found.append(f"{action}:{record_id}")
        except SinkError as exc:
            log.warning("cannot look up HubSpot records of alert %s, sending again (send checks first): %s", alert_key, exc)
            return None
        return ",".join(found)

    # -- pieces -----------------------------------------------------------------------

    def _company(self, payload: dict[str, Any]) -> HubSpotRecord:
        account = payload.get("account") or {}
        domain = account.get("domain")
        if not domain:
            raise SinkError("HubSpot: the alert's account has no domain to find the company by", retryable=False)
        company = self.api.find_company(domain, self._config.domain_property)
        if company is None:
            # The company may be created in HubSpot soon (a rep adding it): look again later,
            # and after the attempt budget the row is a dead letter visible in `outbox list`.
            raise SinkError(f"HubSpot: no company with {self._config.domain_property} = {domain}", retryable=True,
                            retry_after=self._config.company_missing_retry.total_seconds())
        return company

    def _record(self, action: str, payload: dict[str, Any], alert_key: str) -> dict[str, Any]:
        now = self._clock()
        owner = self.api.owner_id((payload.get("account") or {}).get("owner_email")) if self._config.assign_owner else None
        body = alerttext.body_html(payload, alert_key)
        if action == "task":
            props = {
                "hs_task_subject": alerttext.subject(payload),
                "hs_task_body": body,
                "hs_task_status": "NOT_STARTED",
                "hs_task_priority": _TASK_PRIORITY.get(str(payload.get("priority")), "MEDIUM"),
                "hs_task_type": "TODO",
                "hs_timestamp": _iso(alerttext.due_date(str(payload.get("priority")), now)),
            }
        else:
            props = {"hs_note_body": body, "hs_timestamp": _iso(now)}
        if owner:
            props["hubspot_owner_id"] = owner
        return props

    def _signal_properties(self, payload: dict[str, Any]) -> dict[str, Any]:
        occurred = datetime.fromisoformat(payload["event"]["occurred_at"])
        return {
            "signalwatch_last_signal": alerttext.subject(payload, limit=500),
            "signalwatch_last_signal_date": _iso(occurred),
            "signalwatch_signal_heat": alerttext.alert_heat(payload),
        }


def _is_newer(payload: dict[str, Any], stored: Any) -> bool:
    """Whether this alert's signal is at least as recent as the company's last signal (a late retry
    of an older alert must not overwrite a newer one)."""
    if not stored:
        return True
    try:
        current = datetime.fromisoformat(str(stored).replace("Z", "+00:00"))
    except ValueError:
        return True
    return as_utc(datetime.fromisoformat(payload["event"]["occurred_at"])) >= as_utc(current)


def _iso(value: datetime) -> str:
    """HubSpot datetime values: ISO 8601 in UTC."""
    return as_utc(value).strftime("%Y-%m-%dT%H:%M:%S.000Z")
