"""The application context: settings, store, HTTP client, sources, sinks and rules, built once."""

from __future__ import annotations

import gc
import os
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TextIO

from signalwatch.accounts import Account
from signalwatch.config import Settings, SourceSettings
from signalwatch.connectors import get_connector_class
from signalwatch.connectors.base import Connector
from signalwatch.feedback.holds import with_snoozes
from signalwatch.http import HttpClient
from signalwatch.resolve import AccountIndex
from signalwatch.rules.engine import Bound, Engine
from signalwatch.rules.ruleset import RuleSet, load_ruleset
from signalwatch.sinks import SINKS, Sink
from signalwatch.store import Store
from signalwatch.timeutil import utcnow

__all__ = ["App", "SourceRuntime", "build_app", "build_sinks", "rules_engine", "settle_heap", "limit_malloc_arenas", "warmed_engine"]


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
    engine: Engine
    # Held while a poll evaluates and commits: the engine's copy of the state follows the commits in order.
    engine_lock: threading.RLock = field(default_factory=threading.RLock)
    # Held while a poll normalizes what it fetched (parsing: pure CPU). Polls parsing together under
    # the interpreter lock all finish late, and starve the threads waiting on the network; one at a
    # time, each finishes its own soonest (bench_pipeline: after-fetch p95 roughly halved).
    parse_lock: threading.Lock = field(default_factory=threading.Lock)
    _accounts_lock: threading.Lock = field(default_factory=threading.Lock)
    _accounts_cache: tuple[tuple[int, datetime | None], list[Account], AccountIndex, Mapping[int, Account]] | None = None

    @property
    def rules(self) -> RuleSet:
        return self.engine.ruleset

    def swap_rules(self, ruleset: RuleSet) -> None:
        """Replace the rules. The new engine starts holding nothing: each poll reads the state of
        the accounts it touches from the store inside its own transaction, so no commit made
        before that poll (by this process or another) can be missed. Swapped under the engine
        lock, so a poll evaluates and applies with one engine."""
        engine = rules_engine(ruleset, self.store, utcnow())
        with self.engine_lock:
            self.engine = engine

    def accounts(self) -> tuple[list[Account], AccountIndex]:
        """The accounts and their lookup index, rebuilt only when the accounts changed."""
        version = self.store.accounts_version()
        with self._accounts_lock:
            if self._accounts_cache is None or self._accounts_cache[0] != version:
                accounts = self.store.list_accounts()
                self._accounts_cache = (version, accounts, AccountIndex(accounts), {account.id: account for account in accounts})
            return self._accounts_cache[1], self._accounts_cache[2]

    def accounts_by_id(self, accounts: list[Account]) -> Mapping[int, Account]:
        """`accounts` (as `accounts()` returned them) by id: the cached map while they are the
        cached ones, so a poll does not rebuild it for 5,000 accounts each time; built afresh otherwise."""
        with self._accounts_lock:
            cached = self._accounts_cache
            if cached is not None and cached[1] is accounts:
                return cached[3]
        return {account.id: account for account in accounts}

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
    engine = rules_engine(ruleset, store, utcnow()) if migrate else Engine(ruleset, Bound())
    return App(settings, store, http, sources, build_sinks(settings, stream), engine)


def rules_engine(ruleset: RuleSet, store: Store, now: datetime) -> Engine:
    """The daemon's engine: it honours the accounts snoozed from Slack (as suppressions,
    `feedback.holds`) and reads composite windows, heat, cooldowns and caps from the store as
    polls touch accounts (`pipeline.commit_events`), keeping a bounded copy (`Bound`)."""
    engine = Engine(with_snoozes(ruleset, store.engine, now), Bound())
    engine.prepare({account.id: account for account in store.list_accounts()})
    return engine


def warmed_engine(ruleset: RuleSet, store: Store, now: datetime) -> Engine:
    """`rules_engine` holding every account's state now, for tools that ask the engine without a
    poll (`Engine.explain`, `outcomes`, `heat`); a poll through it reads the store as ever."""
    engine = rules_engine(ruleset, store, now)
    horizon = max(engine.history_window, engine.heat_window)
    accounts = {account.id: account for account in store.list_accounts()}
    engine.warm_up(store.events_since(now - horizon), store.alert_history(now - max(horizon, timedelta(days=1))), accounts, now)
    return engine


def build_sinks(settings: Settings, stream: TextIO | None = None) -> dict[str, Sink]:
    """The enabled sinks. Secrets are read from the environment here and nowhere else."""
    return {
        name: SINKS[name].from_config(config, settings.secret, stream)
        for name, config in settings.sink_configs.items()
        if config.enabled
    }


MALLOC_ARENAS = 2  # glibc malloc arenas the daemon allows (the Docker image and systemd unit set the same by environment)


def limit_malloc_arenas(limit: int = MALLOC_ARENAS) -> bool:
    """Cap glibc's malloc arenas before the daemon starts its threads; True when the cap was set.

    glibc gives every thread that allocates its own arena (up to 8 per core), and each keeps the
    memory it once held: a job-board poll's eight fetch workers left ~10 MB more resident than the
    same poll with two arenas, at the same speed (`benchmarks/README.md`, peak memory). An explicit
    `MALLOC_ARENA_MAX` in the environment wins; elsewhere than glibc on Linux this does nothing.
    """
    if os.environ.get("MALLOC_ARENA_MAX") or not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(-8, limit))  # -8 is M_ARENA_MAX in glibc's malloc.h; 1 means set


def settle_heap() -> None:
    """Tune the cyclic garbage collector for a long-running daemon, once its long-lived state
    (accounts, rules, the ICP fit of every account) is built.

    Python's default (a collection every 700 net allocations, rescanning older objects as
    they accumulate) spends a fifth of rule evaluation walking that state again and again
    (`benchmarks/bench_rules.py` prints both). signalwatch frees almost everything by
    reference counting, so: collect once, freeze the survivors out of the collector's sight,
    and collect the young generation less often.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)
