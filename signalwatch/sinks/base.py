"""The sink contract: deliver one rendered alert, idempotently where the remote allows."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from datetime import datetime
from typing import Any, ClassVar, TextIO

from pydantic import BaseModel, ConfigDict

from signalwatch.preflight import Finding, SinkUse

__all__ = ["Sink", "SinkConfig", "SinkError", "SecretLookup"]

SecretLookup = Callable[[str], "str | None"]


class SinkConfig(BaseModel):
    """A sink's block under `sinks:` in the config file; unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = False

    def required_env(self) -> list[str]:
        """Environment variables holding the secrets this sink needs to deliver (checked when it is enabled)."""
        return []

    def daemon_env(self) -> list[str]:
        """Further secrets only the daemon needs, e.g. to listen for Slack button clicks; a one-shot
        `run --once` or `digest --send` does not ask for them."""
        return []

    def missing_secret(self, name: str, env_name: str) -> tuple[tuple[str, ...], str]:
        """The key of this sink's block that asks for the unset `env_name`, and the message saying so."""
        return ("enabled",), f"{name} is enabled but ${env_name} is not set"


class SinkError(Exception):
    """Delivery failed. `retryable` rows are retried with backoff; others become dead letters.

    `uncertain` says the request may have reached the remote (a timeout or a reset after it was
    sent): such a row is never simply resent; delivery asks the sink's `confirm` first, as after
    a crash. `confirm` itself raises SinkError when it cannot tell (the check is tried again later).

    `record` says the failure concerns this alert's own record only (its company or account is
    not in the CRM yet): the alert's later rows for that account wait behind it, but the sink goes
    on sending the other accounts' rows. Any other failure (auth, 5xx, rate limit) pauses the sink.

    `credentials` says the remote refused the sink's token itself (revoked, expired, wrong): every
    row would fail alike, and only the operator can fix it (the token is read at start). The row
    that met it becomes a dead letter; the sink's other rows wait, untried, until the process restarts.
    """

    def __init__(self, message: str, *, retryable: bool, retry_after: float | None = None, uncertain: bool = False,
                 record: bool = False, credentials: bool = False) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.retry_after = retry_after
        self.uncertain = uncertain
        self.record = record
        self.credentials = credentials


class Sink(ABC):
    """One delivery channel. Holds its client; built once per process from settings."""

    name: ClassVar[str]
    Config: ClassVar[type[SinkConfig]] = SinkConfig
    # Set by delivery when the remote refused this sink's credentials (`SinkError.credentials`):
    # why. Its rows then wait for the next start, as the token is read only there.
    refused: str | None = None

    @classmethod
    @abstractmethod
    def from_config(cls, config: Any, secret: SecretLookup, stream: TextIO | None) -> Sink:
        """Build the sink; secrets come from `secret(ENV_NAME)` and nowhere else."""

    @abstractmethod
    def send(self, payload: dict[str, Any], target: str | None, alert_key: str) -> str | None:
        """Deliver; return the remote id (e.g. Slack message ts) or None. Raise SinkError."""

    def secrets(self) -> tuple[str, ...]:
        """The secrets this sink holds (tokens), so delivery keeps them out of the error texts it
        stores and prints. A sink with credentials returns them."""
        return ()

    def confirm(self, target: str | None, alert_key: str, claimed_at: datetime) -> str | None:
        """After a crash mid-send: the remote id if the alert did arrive, else None (send again)."""
        return None

    def preflight(self, use: SinkUse) -> list[Finding]:
        """`signalwatch doctor`'s checks of this sink, before the first alert: the credentials, their
        permissions, and every destination in `use` (what the rules and config route here). Each
        problem names its fix. Optional: the default checks nothing, and doctor says so."""
        return []
