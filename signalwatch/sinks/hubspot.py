"""HubSpot sink: a Task and/or Note on the company, and the signal properties, per alert.

The company is found by domain (CRM search). Every task and note carries its alert key
twice: in `signalwatch_alert_key`, a property with unique values (`crm setup hubspot`
creates it), and as a marker line in its body. With the property, HubSpot itself refuses
a second record for one alert, and `confirm` reads the record by that key, which is exact
at once. Without it, records are found by searching for the marker, and HubSpot's search
index lags writes by seconds: a search that finds nothing right after a crash or a timeout
proves nothing, so `confirm` only calls an alert absent once the index has had time to
catch up (`search_lag` plus the time a send can take, from the claim); until then it raises,
and delivery asks again later instead of sending a second task.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, Literal, TextIO

from pydantic import Field, field_validator

from signalwatch.crm import alerttext
from signalwatch.crm.hubspot_api import (
    ALERT_KEY_PROPERTY,
    NOTE_TO_COMPANY,
    TASK_TO_COMPANY,
    HubSpotApi,
    HubSpotRecord,
)
from signalwatch.crm.sync_config import HubSpotSyncConfig
from signalwatch.http import HttpUrlText
from signalwatch.http.ratelimit import WindowLimiter
from signalwatch.preflight import Finding, SinkUse
from signalwatch.sinks.base import SecretLookup, Sink, SinkConfig, SinkError
from signalwatch.timeutil import as_utc, coerce_duration, utcnow

__all__ = ["HubSpotSink", "HubSpotConfig"]

log = logging.getLogger(__name__)
_TASK_PRIORITY = {"P1": "HIGH", "P2": "MEDIUM", "P3": "LOW"}
# (object type, body property, association to company)
_RECORDS = {"task": ("tasks", "hs_task_body", TASK_TO_COMPANY), "note": ("notes", "hs_note_body", NOTE_TO_COMPANY)}
# Requests one send may make (company search, owner lookup, a search and a create per record,
# the company update, spare): a request of a crashed sender may land until that many timeouts pass.
_CALLS_PER_SEND = 8
_RECHECK_KEY_PROPERTY = timedelta(minutes=10)  # how long "no alert-key property" is believed


class HubSpotConfig(SinkConfig):
    """HubSpot write-back (and account sync); the private app token comes from `token_env`."""

    token_env: str = "HUBSPOT_ACCESS_TOKEN"
    host: HttpUrlText = "https://api.hubapi.com"
    timeout: float = 15.0
    default_action: list[Literal["task", "note", "properties"]] = Field(default_factory=lambda: ["task", "properties"], min_length=1)  # type: ignore[arg-type]
    domain_property: str = "domain"
    property_group: str = "companyinformation"
    assign_owner: bool = True
    burst_limit: int = Field(default=90, ge=1, description="requests per burst_window (HubSpot allows ~100 per 10 s)")
    burst_window: timedelta = timedelta(seconds=10)
    search_per_second: int = Field(default=4, ge=1, description="the CRM search API allows 5 requests per second")
    company_missing_retry: timedelta = Field(default=timedelta(minutes=30), description="wait before looking again for a company not (yet) in HubSpot")
    search_lag: timedelta = Field(
        default=timedelta(seconds=30),
        description="how far HubSpot's search index may lag behind writes; without the signalwatch_alert_key property, "
                    "an alert is called absent only once this (plus the time a send can take) has passed since it was claimed")
    sync: HubSpotSyncConfig = HubSpotSyncConfig()

    _durations = field_validator("burst_window", "company_missing_retry", "search_lag", mode="before")(coerce_duration)

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
        self._keyed: dict[str, tuple[bool, datetime]] = {}  # object type -> (has the key property, believed until)

    def preflight(self, use: SinkUse) -> list[Finding]:
        """The token, the properties the routed actions write (`crm setup hubspot`), the account owners."""
        from signalwatch.preflight.hubspot import check_hubspot

        return check_hubspot(self.api, self._config, use)

    def secrets(self) -> tuple[str, ...]:
        """The token this sink holds, so delivery can keep it out of the error texts it stores."""
        return self.api.secrets()

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
            done.append(f"{action}:{self._write_once(action, payload, alert_key, company_id)}")
        return ",".join(done) or None

    def confirm(self, target: str | None, alert_key: str, claimed_at: datetime) -> str | None:
        """The records' ids if the alert arrived, None if it surely did not (or if sending again is
        harmless: the property update is idempotent and records are never written twice); raises
        SinkError while that cannot be told yet, so delivery asks again later."""
        actions = alerttext.parse_actions(target, tuple(self._config.default_action))
        records = [a for a in actions if a in _RECORDS]
        if not records:
            return None  # only the property update: idempotent, sending again is the answer
        try:
            keyed = all(self._is_keyed(_RECORDS[a][0]) for a in records)
            found = self._found_by_key(records, alert_key) if keyed else self._found_by_search(records, alert_key)
        except SinkError as exc:
            raise SinkError(f"cannot look up the HubSpot records of alert {alert_key}: {exc}", retryable=True, uncertain=True) from None
        if found is not None:
            return None if "properties" in actions else found  # with properties: send again, it skips the records
        settled = claimed_at + self._config.search_lag + timedelta(seconds=self._config.timeout * _CALLS_PER_SEND)
        if keyed or self._clock() >= settled:
            return None  # read by key (exact), or searched after the index had time to catch up
        raise SinkError(f"HubSpot: whether alert {alert_key} arrived cannot be told before {settled:%H:%M:%S} UTC: "
                        "search lags behind writes (run `signalwatch crm setup hubspot` to look records up by key)",
                        retryable=True, uncertain=True)

    # -- once-only records ------------------------------------------------------------

    def _write_once(self, action: str, payload: dict[str, Any], alert_key: str, company_id: str) -> str:
        """The task/note of this alert: created once. With the unique alert-key property HubSpot
        enforces that; without it, an earlier record is searched for first."""
        object_type, body_prop, association = _RECORDS[action]
        if self._is_keyed(object_type):
            properties = {**self._record(action, payload, alert_key), ALERT_KEY_PROPERTY: alert_key}
            return self.api.create_once(object_type, properties, company_id, association)
        existing = self.api.find_by_token(object_type, body_prop, alert_key)
        return existing or self.api.create(object_type, self._record(action, payload, alert_key), company_id, association)

    def _found_by_key(self, records: Sequence[str], alert_key: str) -> str | None:
        """Every record read by its unique key (exact at once), or None if one is missing."""
        found = []
        for action in records:
            record_id = self.api.get_by_key(_RECORDS[action][0], alert_key)
            if record_id is None:
                return None  # send again: create_once returns the records that do exist
            found.append(f"{action}:{record_id}")
        return ",".join(found)

    def _found_by_search(self, records: Sequence[str], alert_key: str) -> str | None:
        """Every record found by its body marker, or None if the (lagging) index shows one missing."""
        found = []
        for action in records:
            object_type, body_prop, _ = _RECORDS[action]
            record_id = self.api.find_by_token(object_type, body_prop, alert_key)
            if record_id is None:
                return None
            found.append(f"{action}:{record_id}")
        return ",".join(found)

    def _is_keyed(self, object_type: str) -> bool:
        """Whether `object_type` has the unique alert-key property. A yes holds for the process; a no
        is asked again after a while, so running `crm setup hubspot` takes effect without a restart."""
        now = self._clock()
        known = self._keyed.get(object_type)
        if known is not None and (known[0] or now < known[1]):
            return known[0]
        keyed = self.api.has_unique_key(object_type)
        if not keyed:
            log.warning("HubSpot %s have no unique %s property: records are found by search, which lags; "
                        "run `signalwatch crm setup hubspot`", object_type, ALERT_KEY_PROPERTY)
        self._keyed[object_type] = (keyed, now + _RECHECK_KEY_PROPERTY)
        return keyed

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
                            retry_after=self._config.company_missing_retry.total_seconds(), record=True)
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
