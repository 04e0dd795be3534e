"""Settings: one YAML config file, secrets from the environment, every error reported at once."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from signalwatch.connectors import REGISTRY
from signalwatch.connectors.base import ConnectorOptions
from signalwatch.digest.config import DigestConfig
from signalwatch.feedback.config import FeedbackConfig
from signalwatch.http import HttpSettings
from signalwatch.rules.ruleset import Route
from signalwatch.sinks import SINKS, SinkConfig
from signalwatch.timeutil import coerce_duration
from signalwatch.yamlload import (
    AdminInputError,
    Issue,
    LoadedYaml,
    load_yaml,
    suggest,
    validation_issues,
)

__all__ = [
    "Settings", "SourceSettings", "RulesContext", "load_settings", "load_rules_context", "default_config_path", "CONFIG_ENV",
    "DATABASE_ENV",
]

CONFIG_ENV = "SIGNALWATCH_CONFIG"
DATABASE_ENV = "SIGNALWATCH_DATABASE_URL"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


_duration = coerce_duration


class DeliveryConfig(_Strict):
    """Outbox draining: retries with exponential backoff, then a dead letter."""

    interval: timedelta = Field(default=timedelta(seconds=30), gt=timedelta(0))
    max_attempts: int = Field(default=8, ge=1)
    backoff_base: timedelta = Field(default=timedelta(seconds=30), ge=timedelta(0))
    backoff_max: timedelta = Field(default=timedelta(hours=1), ge=timedelta(0))
    max_inline_wait: timedelta = Field(
        default=timedelta(seconds=60),
        description="how long one delivery run waits for a rate-limited sink before leaving rows for the next run",
    )
    confirm_after: timedelta = Field(
        default=timedelta(seconds=20), gt=timedelta(0),
        description="after an unknown outcome (timeout, reset), when to ask the remote whether the alert arrived",
    )

    _durations = field_validator("interval", "backoff_base", "backoff_max", "max_inline_wait", "confirm_after",
                                 mode="before")(_duration)


class ServerConfig(_Strict):
    """The operator's HTTP endpoint of the daemon: /healthz and Prometheus /metrics."""

    enabled: bool = True
    host: str = "127.0.0.1"
    port: int = Field(default=9464, ge=0, le=65535)


class AdminRoute(Route):
    """Where admin alerts (source health) go: a sink and, for Slack, a channel. They concern no
    account, so there is no owner to DM."""

    sink: str = "console"
    to: Literal["channel"] = "channel"


class SourceHealthConfig(_Strict):
    """One admin alert when a source turns unhealthy, one when it recovers."""

    enabled: bool = True
    failures: int = Field(default=3, ge=1, description="failed polls in a row before alerting")
    stale_intervals: int = Field(default=4, ge=1, description="alert when no success within this many intervals")
    notify: list[AdminRoute] = Field(default_factory=lambda: [AdminRoute()])


class RetentionConfig(_Strict):
    """How long old rows are kept. Pending alerts and the events they cite are never deleted."""

    events: timedelta = Field(default=timedelta(days=365), ge=timedelta(days=30))
    sent_alerts: timedelta = Field(default=timedelta(days=180), ge=timedelta(days=1))
    run_at_hour: int = Field(default=3, ge=0, le=23, description="UTC hour of the daemon's daily prune")

    _durations = field_validator("events", "sent_alerts", mode="before")(_duration)


class ClusterConfig(_Strict):
    """Several instances on one database: one schedules polls, holding a lease it renews."""

    lease_ttl: timedelta = Field(default=timedelta(seconds=40), ge=timedelta(seconds=1))

    _durations = field_validator("lease_ttl", mode="before")(_duration)


class SourceSettings(BaseModel):
    """One configured source. Keys other than the common ones are the connector's options."""

    model_config = ConfigDict(extra="allow", frozen=True)

    name: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
    type: str
    interval: timedelta | None = Field(default=None, gt=timedelta(0))
    jitter: timedelta = Field(default=timedelta(seconds=30), ge=timedelta(0))
    enabled: bool = True

    _durations = field_validator("interval", "jitter", mode="before")(_duration)

    @field_validator("interval", mode="before")
    @classmethod
    def _bare_seconds(cls, value: Any) -> Any:
        """A bare number under a minute is almost always minutes meant: polling a site every 15 seconds is refused."""
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 60:
            raise ValueError(f"{value} is {value} seconds: write {value}m for minutes (or {value}s if you mean seconds)")
        return value

    @property
    def option_values(self) -> dict[str, Any]:
        return dict(self.model_extra or {})


class Settings(_Strict):
    """The whole config file. Relative paths are relative to the config file's folder."""

    database: str = "signalwatch.db"
    rules_dir: str = "rules"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"

    @field_validator("log_level", mode="before")
    @classmethod
    def _level_case(cls, value: Any) -> Any:
        return value.upper() if isinstance(value, str) else value
    log_format: Literal["text", "json"] = "text"
    http: HttpSettings = HttpSettings()
    delivery: DeliveryConfig = DeliveryConfig()
    server: ServerConfig = ServerConfig()
    source_health: SourceHealthConfig = SourceHealthConfig()
    retention: RetentionConfig = RetentionConfig()
    cluster: ClusterConfig = ClusterConfig()
    sinks: dict[str, Any] = Field(default_factory=dict, description="sink name -> that sink's options")
    sources: list[SourceSettings] = []
    digest: DigestConfig = DigestConfig()
    feedback: FeedbackConfig = FeedbackConfig()
    base_dir: Path = Field(default=Path("."), exclude=True)
    connector_options: dict[str, ConnectorOptions] = Field(default_factory=dict, exclude=True)
    sink_configs: dict[str, SinkConfig] = Field(default_factory=dict, exclude=True)

    def path(self, value: str) -> Path:
        """Resolve a config-relative path."""
        candidate = Path(value).expanduser()
        return candidate if candidate.is_absolute() else self.base_dir / candidate

    @property
    def database_url(self) -> str:
        # The environment wins, so a container or a unit file can keep a PostgreSQL password out of the file.
        from_env = os.environ.get(DATABASE_ENV, "").strip()
        if from_env:
            return from_env
        if "://" in self.database:
            return self.database
        return f"sqlite:///{self.path(self.database)}"

    @property
    def rules_path(self) -> Path:
        return self.path(self.rules_dir)

    def secret(self, env_name: str) -> str | None:
        """A secret from the environment. Secrets are never stored in settings or logged."""
        value = os.environ.get(env_name, "").strip()
        return value or None


def default_config_path() -> Path:
    return Path(os.environ.get(CONFIG_ENV) or "signalwatch.yaml")


def load_settings(path: Path | str | None = None, *, require_secrets: bool = False, daemon: bool = False) -> Settings:
    """Load and validate the config file; raise AdminInputError listing every problem.

    `require_secrets` also checks that the secrets of enabled sinks are set (commands that deliver);
    `daemon` adds the secrets only the daemon uses (the Slack button listener's token or secret).
    """
    loaded, data, settings, issues = _read(path)
    options, source_issues = _connector_options(data.get("sources"), loaded)
    sinks, sink_issues = _sink_configs(data.get("sinks"), loaded)
    issues += source_issues + sink_issues
    if require_secrets:
        for name, config in sinks.items():
            for env_name in [*config.required_env(), *(config.daemon_env() if daemon else [])] if config.enabled else []:
                if not os.environ.get(env_name, "").strip():
                    key, message = config.missing_secret(name, env_name)
                    issues.append(Issue(loaded.path, loaded.line_of(("sinks", name, *key)), message))
    if issues or settings is None:
        raise AdminInputError(issues)
    return settings.model_copy(update={"connector_options": options, "sink_configs": sinks})


class RulesContext(NamedTuple):
    """What the rule commands need from the config: where the rules are and which sinks are on."""

    rules_path: Path
    enabled_sinks: frozenset[str]
    settings: Settings | None = None  # the file's own settings (its database, `feedback:`), sources and sinks unchecked


def load_rules_context(path: Path | str | None = None) -> RulesContext:
    """The rules folder and the enabled sinks, from a config whose own settings are valid.

    Cheaper than `load_settings` where start-up is what a user waits for (`rules check`): the
    connectors' option blocks are not checked and a sink is imported only when the file leaves
    its `enabled` to the sink's default, so no HTTP-source, Slack or CRM client code is loaded.
    Raises AdminInputError when the file or its own settings are invalid, or an `enabled` is not
    a boolean; other plugin-block errors are `load_settings`'s (and `signalwatch run`'s) to report.
    """
    loaded, data, settings, issues = _read(path)
    raw = data.get("sinks")
    raw = raw if isinstance(raw, dict) else {}
    enabled: set[str] = set()
    for name in SINKS.names():
        block = raw.get(name)
        if isinstance(block, dict) and "enabled" in block:
            try:
                on = SinkConfig.model_validate({"enabled": block["enabled"]}).enabled
            except ValidationError as exc:
                issues += validation_issues(exc, loaded, SinkConfig, prefix=("sinks", name))
                continue
        else:
            on = SINKS[name].Config.model_fields["enabled"].default
        if on:
            enabled.add(name)
    if issues or settings is None:
        raise AdminInputError(issues)
    return RulesContext(settings.rules_path, frozenset(enabled), settings)


def _read(path: Path | str | None) -> tuple[LoadedYaml, dict[str, Any], Settings | None, list[Issue]]:
    """The config file parsed, and its own settings validated (sources and sinks as raw blocks)."""
    config_path = Path(path) if path else default_config_path()
    if not config_path.exists():
        raise AdminInputError([Issue(str(config_path), 1, "config file not found (create one with `signalwatch init`)")])
    loaded, issues = load_yaml(config_path)
    if loaded is None:
        raise AdminInputError(issues)
    data = loaded.data if loaded.data is not None else {}
    if not isinstance(data, dict):
        raise AdminInputError([Issue(loaded.path, 1, "the config file must be a mapping of settings")])
    settings: Settings | None = None
    try:
        settings = Settings.model_validate({**data, "base_dir": config_path.resolve().parent})
    except ValidationError as exc:
        issues += [i for i in validation_issues(exc, loaded, Settings) if not _is_source_option_issue(i)]
    return loaded, data, settings, issues


def _sink_configs(raw: Any, loaded: Any) -> tuple[dict[str, SinkConfig], list[Issue]]:
    """Validate each `sinks:` entry against its sink's Config model; absent sinks get defaults."""
    raw = raw if isinstance(raw, dict) else {}
    configs: dict[str, SinkConfig] = {}
    issues: list[Issue] = []
    for name in raw:
        if name not in SINKS:
            hint = suggest(str(name), SINKS)
            issues.append(Issue(loaded.path, loaded.line_of(("sinks", name)), f"unknown sink {name!r}{hint}; known: {', '.join(sorted(SINKS))}"))
    for name, cls in SINKS.items():
        try:
            configs[name] = cls.Config.model_validate(raw.get(name) or {})
        except ValidationError as exc:
            issues += validation_issues(exc, loaded, cls.Config, prefix=("sinks", name))
    return configs, issues


def _is_source_option_issue(issue: Issue) -> bool:
    # Source entries are re-checked one by one below, with connector-aware messages.
    return issue.message.startswith("sources.")


def _connector_options(raw_sources: Any, loaded: Any) -> tuple[dict[str, ConnectorOptions], list[Issue]]:
    """Validate each source entry and its extra keys against its connector's Options model."""
    options: dict[str, ConnectorOptions] = {}
    issues: list[Issue] = []
    if raw_sources is None:
        return options, issues
    if not isinstance(raw_sources, list):
        return options, [Issue(loaded.path, loaded.line_of(("sources",)), "sources must be a list of source entries")]
    names: set[str] = set()
    for index, raw in enumerate(raw_sources):
        loc: tuple[str | int, ...] = ("sources", index)
        try:
            source = SourceSettings.model_validate(raw)
        except ValidationError as exc:
            issues += validation_issues(exc, loaded, SourceSettings, prefix=loc)
            continue
        if source.name in names:
            issues.append(Issue(loaded.path, loaded.line_of((*loc, "name")), f"duplicate source name {source.name!r}"))
        names.add(source.name)
        connector = REGISTRY.get(source.type)
        if connector is None:
            hint = suggest(source.type, REGISTRY)
            message = f"unknown source type {source.type!r}{hint}; known: {', '.join(sorted(REGISTRY))}"
            issues.append(Issue(loaded.path, loaded.line_of((*loc, "type")), message))
            continue
        try:
            options[source.name] = connector.Options.model_validate(source.option_values)
        except ValidationError as exc:
            for issue in validation_issues(exc, loaded, connector.Options, prefix=loc):
                if issue.message.startswith("unknown key"):  # may be a typo of a common key too
                    key = issue.message.split("'")[1]
                    hint = suggest(key, [*SourceSettings.model_fields, *connector.Options.model_fields])
                    issue = Issue(issue.file, issue.line, f"unknown key {key!r} for a {source.type} source{hint}")
                issues.append(issue)
    return options, issues
