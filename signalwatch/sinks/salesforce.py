"""Salesforce sink: a Task on the Account (WhatId, OwnerId) per alert, and optional field updates.

The Account is found by a configured domain field, else by Website. Each Task carries the
alert key (in a custom field if configured, else a short tag at the end of the Subject,
because Description cannot be filtered in SOQL); the sink looks for it before creating one,
and `confirm` does the same after a crash, so a Task is created once. SOQL reads committed
data at once (no search index to lag), so the one window left is a create still in flight
from a sender that died or gave up: `confirm` calls a Task absent only once every request
of that send has timed out (its claim plus the send's requests times `timeout`).
"""

from __future__ import annotations

import logging
import re
from datetime import datetime, timedelta
from typing import Any, Literal, TextIO

from pydantic import Field, ValidationInfo, field_validator, model_validator

from signalwatch.crm import alerttext
from signalwatch.crm.salesforce_api import SalesforceApi, build_salesforce
from signalwatch.crm.sync_config import SalesforceSyncConfig
from signalwatch.http import http_url
from signalwatch.preflight import Finding, SinkUse
from signalwatch.sinks.base import SecretLookup, Sink, SinkConfig, SinkError
from signalwatch.timeutil import coerce_duration, utcnow

__all__ = ["SalesforceSink", "SalesforceConfig"]

log = logging.getLogger(__name__)
_PRIORITY = {"P1": "High", "P2": "Normal", "P3": "Low"}
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_CALLS_PER_SEND = 4  # account lookup, task lookup, task create, account update


class SalesforceConfig(SinkConfig):
    """Salesforce write-back (and account sync). The access token (session id) comes from `token_env`."""

    instance_url: str = Field(default="", validate_default=True, description="e.g. https://yourorg.my.salesforce.com")
    token_env: str = "SALESFORCE_ACCESS_TOKEN"
    api_version: str = "59.0"
    timeout: float = 15.0
    ca_bundle: str | None = Field(default=None, description="CA file for a TLS-inspecting proxy (or a test server)")
    domain_field: str | None = Field(default=None, description="an Account field holding the bare domain; default: match Website")
    alert_key_field: str | None = Field(default=None, description="a Task text field (e.g. Signalwatch_Alert_Key__c) for the alert key")
    update_fields: dict[str, str] = Field(default_factory=dict, description="Account field -> last_signal | last_signal_date | signal_heat")
    default_action: list[Literal["task", "note", "properties"]] = Field(default_factory=lambda: ["task"], min_length=1)  # type: ignore[arg-type]
    account_missing_retry: timedelta = Field(default=timedelta(minutes=30), description="wait before looking again for an account not (yet) in Salesforce")

    _durations = field_validator("account_missing_retry", mode="before")(coerce_duration)
    sync: SalesforceSyncConfig = SalesforceSyncConfig()

    @field_validator("instance_url")
    @classmethod
    def _instance_url(cls, value: str, info: ValidationInfo) -> str:
        if value:
            return http_url(value)
        if info.data.get("enabled"):  # `enabled` is validated first (declared first)
            raise ValueError("salesforce is enabled but instance_url is not set, e.g. https://yourorg.my.salesforce.com")
        return value

    @model_validator(mode="after")
    def _sync_needs_instance_url(self) -> SalesforceConfig:
        if self.sync.enabled and not self.instance_url:  # the account sync reads from it even with delivery off
            raise ValueError("sync is enabled but instance_url is not set, e.g. https://yourorg.my.salesforce.com")
        return self

    @field_validator("domain_field", "alert_key_field")
    @classmethod
    def _field_name(cls, value: str | None) -> str | None:
        if value is not None and not _NAME.match(value):
            raise ValueError(f"not a Salesforce field name: {value!r}")
        return value

    @field_validator("update_fields")
    @classmethod
    def _known_values(cls, value: dict[str, str]) -> dict[str, str]:
        for field, what in value.items():
            if not _NAME.match(field) or what not in ("last_signal", "last_signal_date", "signal_heat"):
                raise ValueError(f"update_fields: {field}: {what} (use an Account field name and last_signal, last_signal_date or signal_heat)")
        return value

    def required_env(self) -> list[str]:
        return [self.token_env]


def build_salesforce_api(config: SalesforceConfig, token: str) -> SalesforceApi:
    if not config.instance_url:
        raise ValueError("salesforce is enabled but sinks.salesforce.instance_url is not set")
    return SalesforceApi(build_salesforce(config.instance_url, token, version=config.api_version, timeout=config.timeout,
                                          ca_bundle=config.ca_bundle))


class SalesforceSink(Sink):
    name = "salesforce"
    Config = SalesforceConfig

    @classmethod
    def from_config(cls, config: Any, secret: SecretLookup, stream: TextIO | None) -> SalesforceSink:
        token = secret(config.token_env)
        if not token:
            raise ValueError(f"salesforce is enabled but ${config.token_env} is not set")
        return cls(build_salesforce_api(config, token), config)

    def __init__(self, api: SalesforceApi, config: SalesforceConfig, clock: Any = utcnow) -> None:
        self.api = api
        self._config = config
        self._clock = clock

    def preflight(self, use: SinkUse) -> list[Finding]:
        """The access token, and the Account/Task fields this config reads and writes."""
        from signalwatch.preflight.salesforce import check_salesforce

        return check_salesforce(self.api, self._config, use)

    def secrets(self) -> tuple[str, ...]:
        """The session id this sink holds, so delivery can keep it out of the error texts it stores."""
        return self.api.secrets()

    def send(self, payload: dict[str, Any], target: str | None, alert_key: str) -> str | None:
        actions = alerttext.parse_actions(target, tuple(self._config.default_action))
        domain = (payload.get("account") or {}).get("domain")
        if not domain:
            raise SinkError("Salesforce: the alert's account has no domain to find the Account by", retryable=False)
        found = self.api.find_account(domain, self._config.domain_field)
        if found is None:
            raise SinkError(f"Salesforce: no Account with {self._config.domain_field or 'Website'} matching {domain}",
                            retryable=True, retry_after=self._config.account_missing_retry.total_seconds(), record=True)
        account_id, owner_id = found
        done = []
        if "task" in actions or "note" in actions:  # Salesforce has no separate note object here: both become a Task
            task_id = self._existing(alert_key) or self.api.create_task(self._task(payload, alert_key, account_id, owner_id))
            done.append(f"task:{task_id}")
        if "properties" in actions or self._config.update_fields:
            fields = self._account_fields(payload)
            if fields:
                self.api.update_account(account_id, fields)
                done.append(f"account:{account_id}")
        return ",".join(done) or None

    def confirm(self, target: str | None, alert_key: str, claimed_at: datetime) -> str | None:
        """The Task's id if the alert arrived, None if it surely did not (or if sending again is
        harmless: field updates are idempotent and send skips an existing Task); raises SinkError
        while that cannot be told yet (the lookup failed, or a create may still be in flight)."""
        actions = alerttext.parse_actions(target, tuple(self._config.default_action))
        if "task" not in actions and "note" not in actions:
            return None
        try:
            task_id = self._existing(alert_key)
        except SinkError as exc:
            raise SinkError(f"cannot look up the Salesforce task of alert {alert_key}: {exc}", retryable=True, uncertain=True) from None
        if task_id is not None:
            fields_pending = "properties" in actions or bool(self._config.update_fields)
            return None if fields_pending else f"task:{task_id}"
        settled = claimed_at + timedelta(seconds=self._config.timeout * _CALLS_PER_SEND)
        if self._clock() < settled:
            raise SinkError(f"Salesforce: whether alert {alert_key} arrived cannot be told before {settled:%H:%M:%S} UTC: "
                            "a create sent before may still be in flight", retryable=True, uncertain=True)
        return None

    def _marker(self, alert_key: str) -> tuple[str, str]:
        if self._config.alert_key_field:
            return self._config.alert_key_field, alert_key
        return "Subject", f"[sw {alert_key[:16]}]"

    def _existing(self, alert_key: str) -> str | None:
        field, value = self._marker(alert_key)
        return self.api.find_task(field, value)

    def _task(self, payload: dict[str, Any], alert_key: str, account_id: str, owner_id: str | None) -> dict[str, Any]:
        field, value = self._marker(alert_key)
        subject = alerttext.subject(payload, limit=255 - (len(value) + 1 if field == "Subject" else 0))
        task = {
            "Subject": f"{subject} {value}" if field == "Subject" else subject,
            "Description": alerttext.body_text(payload, alert_key)[:32000],
            "WhatId": account_id,
            "Priority": _PRIORITY.get(str(payload.get("priority")), "Normal"),
            "Status": "Not Started",
            "ActivityDate": alerttext.due_date(str(payload.get("priority")), self._clock()).date().isoformat(),
        }
        if owner_id:
            task["OwnerId"] = owner_id
        if field != "Subject":
            task[field] = value
        return task

    def _account_fields(self, payload: dict[str, Any]) -> dict[str, Any]:
        values = {
            "last_signal": alerttext.subject(payload, limit=255),
            "last_signal_date": payload["event"]["occurred_at"],
            "signal_heat": alerttext.alert_heat(payload),
        }
        return {field: values[what] for field, what in self._config.update_fields.items()}
