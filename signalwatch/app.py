"""The application context: settings, store, HTTP client, sources, sinks and rules, built once."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TextIO

from signalwatch.config import Settings, SourceSettings
from signalwatch.connectors import get_connector_class
from signalwatch.connectors.base import Connector
from signalwatch.http import HttpClient
from signalwatch.ruleset import RuleSet, load_ruleset
from signalwatch.sinks import SINKS, Sink
from signalwatch.store import Store

__all__ = ["App", "SourceRuntime", "build_app", "build_sinks"]


@dataclass(frozen=True)
class SourceRuntime:
    settings: SourceSettings
    connector: Connector

    @property
    def name(self) -> str:
        return self.settings.name

    @property
    def interval(self) -> timedelta:
        return self.settings.interval or self.connector.default_interval


@dataclass
class App:
    """Everything a command needs, passed down explicitly (no module-level state)."""

    settings: Settings
    store: Store
    http: HttpClient
    sources: list[SourceRuntime]
    sinks: dict[str, Sink]
    _rules: RuleSet
    _rules_lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def rules(self) -> RuleSet:
        with self._rules_lock:
            return self._rules

    def swap_rules(self, ruleset: RuleSet) -> None:
        with self._rules_lock:
            self._rules = ruleset

    def close(self) -> None:
        self.http.close()
        self.store.close()


def build_app(settings: Settings, *, stream: TextIO | None = None, migrate: bool = True) -> App:
    """Validate rules, open the store (migrating it), and build sources and sinks."""
    ruleset = load_ruleset(settings.rules_path)
    store = Store(settings.database_url)
    if migrate:
        store.migrate()
    sources = [
        SourceRuntime(source, get_connector_class(source.type)(source.name, settings.connector_options[source.name]))
        for source in settings.sources
        if source.enabled
    ]
    http = HttpClient(settings.http)
    return App(settings, store, http, sources, build_sinks(settings, stream), ruleset)


def build_sinks(settings: Settings, stream: TextIO | None = None) -> dict[str, Sink]:
    """The enabled sinks. Secrets are read from the environment here and nowhere else."""
    return {
        name: SINKS[name].from_config(config, settings.secret, stream)
        for name, config in settings.sink_configs.items()
        if config.enabled
    }
